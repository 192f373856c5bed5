//go:build unix

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// command returns the docconv command as a subprocess.
func command(t *testing.T, dir string, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "DOCCONV_TEST_MAIN=1")
	return cmd
}

func TestOutputModeFollowsUmask(t *testing.T) {
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "in.txt"), "text\n")
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	code, _, stderr := docconv(t, dir, "", "-q", "-t", "txt", "-o", "new.txt", in)
	require.Equal(t, 0, code, stderr)
	fi, err := os.Stat(filepath.Join(dir, "new.txt"))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o640), fi.Mode().Perm())
}

func TestOutputWriteThroughDevicesAndPipes(t *testing.T) {
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "in.txt"), "through the pipe\n")
	code, _, stderr := docconv(t, dir, "", "-t", "pdf", "-o", os.DevNull, in)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "wrote /dev/null (")
	fi, err := os.Stat(os.DevNull)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeCharDevice, "/dev/null is still a device")

	fifo := filepath.Join(dir, "out.fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	got := make(chan string)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- string(b)
	}()
	code, _, stderr = docconv(t, dir, "", "-q", "-t", "txt", "-o", fifo, in)
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "through the pipe\n", <-got)
	fi, err = os.Lstat(fifo)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeNamedPipe, "the pipe is still a pipe")
	noTemps(t, dir)
}

func TestInputNamedPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "in.fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	// No writer: an error at once, not a wait without end.
	code, _, stderr := docconv(t, dir, "", "-t", "txt", fifo)
	assert.Equal(t, 1, code)
	assert.Equal(t, "docconv: "+fifo+": the named pipe gave no data (no process was writing to it)\n", stderr)

	// A pipe with a writer, as bash's <(command) gives: read to its end.
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash for <(command)")
	}
	cmd := command(t, dir)
	cmd.Path = bash
	cmd.Args = []string{"bash", "-c", `"$0" -t txt <(sleep 0.2; printf 'from the pipe\n')`, cmd.Args[0]}
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Equal(t, "from the pipe\n", string(out))
}

// bigInput writes an input that takes a noticeable time to convert to PDF.
func bigInput(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(sample)
	require.NoError(t, err)
	n := 20
	if raceEnabled {
		n = 4 // the race detector makes it several times slower
	}
	return write(t, filepath.Join(dir, "big.txt"), strings.Repeat(string(b), n))
}

// TestSignals sends SIGINT, SIGTERM and SIGHUP to a real docconv process at
// points spread over a conversion, from its start to after its end: each
// run either finishes (exit 0, new output) or stops (exit 128+signal, the
// old output untouched, a message; or, for a signal during the final
// rename, the new output and a message saying it was written), and never
// leaves a temporary file.
func TestSignals(t *testing.T) {
	if testing.Short() {
		t.Skip("runs docconv processes for a few seconds")
	}
	dir := t.TempDir()
	in := bigInput(t, dir)
	out := filepath.Join(dir, "out.pdf")
	args := []string{"-q", "-t", "pdf", "-o", out, in}

	start := time.Now()
	b, err := command(t, dir, args...).CombinedOutput()
	require.NoError(t, err, "%s", b)
	full := time.Since(start)
	t.Logf("an uninterrupted run takes %v", full)

	signals := []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP}
	stopped := 0
	fracs := []float64{0.2, 0.5, 0.8, 0.95, 1.05}
	if raceEnabled {
		// Each run is several times slower, and the first (timed) one slower
		// still: signal early enough that some run is caught working.
		fracs = []float64{0.15, 0.35, 0.6}
	}
	for i, frac := range fracs {
		sig := signals[i%len(signals)]
		require.NoError(t, os.WriteFile(out, []byte("old"), 0o644))
		cmd := command(t, dir, args...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		require.NoError(t, cmd.Start())
		time.Sleep(time.Duration(frac * float64(full)))
		sent := time.Now()
		_ = cmd.Process.Signal(sig)
		err := cmd.Wait()
		took := time.Since(sent)
		got, rerr := os.ReadFile(out)
		require.NoError(t, rerr)
		code := cmd.ProcessState.ExitCode()
		ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
		name := fmt.Sprintf("%v at %.0f%% of %v", sig, frac*100, full.Round(time.Millisecond))
		switch {
		case err == nil:
			assert.True(t, bytes.HasPrefix(got, []byte("%PDF-")), "%s: exit 0 with the new output", name)
		case ws.Signaled():
			// Killed before the handler was installed (nothing done) or
			// after the run had ended (the output complete).
			if string(got) != "old" {
				assert.True(t, bytes.HasPrefix(got, []byte("%PDF-")) && bytes.HasSuffix(got, []byte("%%EOF\n")), name)
			}
		default:
			stopped++
			assert.Equal(t, 128+int(sig), code, "%s: %s", name, stderr.String())
			assert.Less(t, took, 3*time.Second, "%s: stopped promptly", name)
			if string(got) == "old" {
				assert.Equal(t, "docconv: interrupted by "+signalName(sig)+": stopped, no output written\n", stderr.String(), name)
				break
			}
			// The signal came while the output was being renamed into
			// place: it is complete, and the message says it was written.
			assert.True(t, bytes.HasPrefix(got, []byte("%PDF-")), name)
			assert.Equal(t, "docconv: interrupted by "+signalName(sig)+" after writing "+out+"\n", stderr.String(), name)
		}
		noTemps(t, dir)
	}
	assert.NotZero(t, stopped, "some run was interrupted")
}

// TestSignalWhileBlocked interrupts a run that waits for standard input
// nobody writes: it cannot see its context, so it is ended after the
// grace time, still cleanly.
func TestSignalWhileBlocked(t *testing.T) {
	// A signal that comes before docconv has installed its handlers kills
	// it (the default action): on a loaded machine the process may take
	// longer than the first wait to start, so wait longer and try again.
	for _, wait := range []time.Duration{300 * time.Millisecond, time.Second, 3 * time.Second} {
		dir := t.TempDir()
		cmd := command(t, dir, "-t", "txt", "-o", "out.txt")
		w, err := cmd.StdinPipe()
		require.NoError(t, err)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		require.NoError(t, cmd.Start())
		time.Sleep(wait)
		sent := time.Now()
		require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
		err = cmd.Wait()
		took := time.Since(sent)
		w.Close()
		require.Error(t, err)
		if ws := cmd.ProcessState.Sys().(syscall.WaitStatus); ws.Signaled() {
			t.Logf("SIGTERM after %v came before the handler was installed; waiting longer", wait)
			continue
		}
		assert.Equal(t, 143, cmd.ProcessState.ExitCode())
		assert.Equal(t, "docconv: interrupted by SIGTERM: stopped, no output written\n", stderr.String())
		assert.Less(t, took, 3*time.Second)
		_, err = os.Stat(filepath.Join(dir, "out.txt"))
		assert.True(t, os.IsNotExist(err))
		return
	}
	t.Fatal("docconv never installed its SIGTERM handler")
}

// TestMemoryLimit runs a conversion that needs more memory than
// --max-memory allows: it is halted like a signal halts it, with exit
// status 3, instead of growing until the system kills it.
func TestMemoryLimit(t *testing.T) {
	dir := t.TempDir()
	in := bigInput(t, dir)
	out := filepath.Join(dir, "out.pdf")
	require.NoError(t, os.WriteFile(out, []byte("old"), 0o644))
	cmd := command(t, dir, "--max-memory", "12MiB", "-t", "pdf", "-o", out, in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	require.Error(t, err)
	assert.Equal(t, 3, cmd.ProcessState.ExitCode(), stderr.String())
	assert.Equal(t, "docconv: resource limit exceeded: memory use passed the 12 MiB limit (--max-memory): stopped, no output written\n", stderr.String())
	got, _ := os.ReadFile(out)
	assert.Equal(t, "old", string(got))
	noTemps(t, dir)
}
