package main

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal and returns its terminal side.
func openPTY(t *testing.T) *os.File {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	t.Cleanup(func() { m.Close() })
	require.NoError(t, unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0))
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	require.NoError(t, err)
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

// With no input and a terminal on standard input, docconv prints its usage
// and exits 2 instead of waiting for text that nobody is piping in.
func TestNoInputOnTerminal(t *testing.T) {
	tty := openPTY(t)
	dir := t.TempDir()
	wd, _ := os.Getwd()
	require.NoError(t, os.Chdir(dir))
	defer os.Chdir(wd)
	var out, errb bytes.Buffer
	code := run([]string{"-t", "pdf", "-o", "out.pdf"}, tty, &out, &errb)
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, out.String())
	assert.Contains(t, errb.String(), "usage: docconv [flags] [INPUT...]")
	assert.Contains(t, errb.String(), "--list-variables")
	assert.Contains(t, errb.String(), "docconv: no input: name INPUT files, or pipe text to standard input")
	assert.NoFileExists(t, "out.pdf")

	// /dev/null is a character device but no terminal: an empty input.
	null, err := os.Open(os.DevNull)
	require.NoError(t, err)
	defer null.Close()
	errb.Reset()
	code = run([]string{"-t", "txt", "-o", "out.txt"}, null, &out, &errb)
	assert.Equal(t, 0, code, errb.String())
	assert.NotContains(t, errb.String(), "usage:")
	assert.FileExists(t, "out.txt")
}
