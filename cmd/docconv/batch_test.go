package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// batchInputs writes n small articles, each different, and returns their
// names.
func batchInputs(t *testing.T, dir string, n int) []string {
	t.Helper()
	var names []string
	for i := range n {
		name := fmt.Sprintf("in/a%02d.txt", i)
		write(t, filepath.Join(dir, name), fmt.Sprintf("第%d號公告\n\n2023年，兩國貿易額達%d億美元，同比增長%d%%。\n", i+1, 400+i, 30+i))
		names = append(names, name)
	}
	return names
}

func TestBatchParallelIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	ins := batchInputs(t, dir, 4)
	for _, j := range []string{"1", "4"} {
		code, _, stderr := docconv(t, dir, "", append([]string{"-j", j, "-t", "pdf,epub,xlsx,txt", "-d", "out" + j}, ins...)...)
		require.Equal(t, 0, code, stderr)
		assert.Regexp(t, `(?m)^converted 4 of 4 inputs: 16 outputs written, 0 failed, \d+\.\d\d s$`, stderr)
	}
	for _, in := range ins {
		for _, ext := range []string{"pdf", "epub", "xlsx", "txt"} {
			name := strings.TrimSuffix(filepath.Base(in), ".txt") + "." + ext
			a, err := os.ReadFile(filepath.Join(dir, "out1", name))
			require.NoError(t, err)
			b, err := os.ReadFile(filepath.Join(dir, "out4", name))
			require.NoError(t, err)
			assert.Equal(t, a, b, "%s: -j 4 gives the bytes -j 1 gives", name)
		}
	}
	noTemps(t, filepath.Join(dir, "out4"))
}

func TestBatchKeepGoingAndReport(t *testing.T) {
	dir := t.TempDir()
	ins := batchInputs(t, dir, 3)
	write(t, filepath.Join(dir, "in/bad.txt"), "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	args := []string{"-t", "txt,xlsx", "-d", "out", "--report-json", "report.jsonl", ins[0], "in/bad.txt", "missing.txt", ins[1], ins[2]}

	// Without --keep-going: nothing written, the first failure named, the
	// report still says what happened.
	code, _, stderr := docconv(t, dir, "", args...)
	assert.Equal(t, 1, code)
	assert.Equal(t, "docconv: cannot read missing.txt: no such file or directory\n", stderr, "a missing input is refused before any work")
	_, err := os.Stat(filepath.Join(dir, "out"))
	assert.True(t, os.IsNotExist(err))

	args = append([]string{"-j", "2"}, args[:len(args)-3]...)
	args = append(args, ins[1], ins[2])
	args = slicesDelete(args, "missing.txt")
	code, _, stderr = docconv(t, dir, "", args...)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "docconv: in/bad.txt: transform encoding: normalize: invalid input: binary file (PNG image), not text\n")
	entries, _ := os.ReadDir(filepath.Join(dir, "out"))
	assert.Empty(t, entries, "without --keep-going, no output")
	lines := reportLines(t, filepath.Join(dir, "report.jsonl"))
	require.Len(t, lines, 4)
	assert.Equal(t, "in/bad.txt", lines[1]["path"])
	assert.Contains(t, lines[1]["error"], "binary file (PNG image)")
	assert.Empty(t, lines[0]["outputs"])

	// With it: the others are written, the failures listed, exit 1.
	args = append([]string{"--keep-going", "missing.txt"}, args...)
	code, _, stderr = docconv(t, dir, "", args...)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "docconv: in/bad.txt: transform encoding: normalize: invalid input: binary file (PNG image), not text\n")
	assert.Contains(t, stderr, "docconv: cannot read missing.txt: no such file or directory\n")
	assert.Regexp(t, `(?m)^converted 3 of 5 inputs: 6 outputs written, 2 failed, \d+\.\d\d s\n`, stderr)
	assert.True(t, strings.HasSuffix(stderr, "docconv: 2 of 5 inputs failed\n"), stderr)
	for _, in := range ins {
		stem := strings.TrimSuffix(filepath.Base(in), ".txt")
		for _, ext := range []string{"txt", "xlsx"} {
			_, err := os.Stat(filepath.Join(dir, "out", stem+"."+ext))
			assert.NoError(t, err)
		}
	}
	_, err = os.Stat(filepath.Join(dir, "out", "bad.txt"))
	assert.True(t, os.IsNotExist(err))
	noTemps(t, filepath.Join(dir, "out"))

	lines = reportLines(t, filepath.Join(dir, "report.jsonl"))
	require.Len(t, lines, 5)
	assert.Equal(t, "missing.txt", lines[0]["path"])
	assert.Equal(t, "cannot read missing.txt: no such file or directory", lines[0]["error"])
	first := lines[1]
	assert.Equal(t, ins[0], first["path"])
	assert.Nil(t, first["error"])
	assert.EqualValues(t, 3, first["figures"])
	outs := first["outputs"].([]any)
	require.Len(t, outs, 2)
	o := outs[1].(map[string]any)
	assert.Equal(t, "out/a00.xlsx", o["path"])
	assert.Equal(t, "xlsx", o["format"])
	fi, err := os.Stat(filepath.Join(dir, "out", "a00.xlsx"))
	require.NoError(t, err)
	assert.EqualValues(t, fi.Size(), o["bytes"])
	assert.Contains(t, first, "elapsed_seconds")
	assert.Equal(t, []any{}, first["warnings"])
}

func slicesDelete(s []string, v string) []string {
	var out []string
	for _, x := range s {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}

func reportLines(t *testing.T, path string) []map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &m), line)
		out = append(out, m)
	}
	return out
}

func TestBatchUsage(t *testing.T) {
	dir := t.TempDir()
	ins := batchInputs(t, dir, 2)
	for args, want := range map[string]string{
		"-j -1":                    "docconv: -j must be a number of inputs converted at once (0: one per CPU), not -1\n",
		"--report-json out/a00.md": "docconv: --report-json out/a00.md: is also an output\n",
		"--report-json " + ins[0]:  "docconv: --report-json " + ins[0] + ": refusing to overwrite the input file\n",
	} {
		code, _, stderr := docconv(t, dir, "", append(append(strings.Fields(args), "-t", "md", "-d", "out"), ins...)...)
		assert.Equal(t, 2, code, args)
		assert.Equal(t, want, stderr, args)
	}
	// One input: no summary line.
	code, _, stderr := docconv(t, dir, "", "-t", "md", "-d", "out", ins[0])
	require.Equal(t, 0, code)
	assert.NotRegexp(t, regexp.MustCompile(`converted \d`), stderr)
}

func TestBatchDirectoryTreeAndSkipExisting(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "tree/a.txt"), "第一篇\n\n2023年增長32%。\n")
	write(t, filepath.Join(dir, "tree/sub/b.md"), "# Second\n\nUp 5% in 2024.\n")
	write(t, filepath.Join(dir, "tree/sub/c.json.bak"), "not an input\n")
	write(t, filepath.Join(dir, "tree/.git/d.txt"), "hidden\n")
	write(t, filepath.Join(dir, "tree/sub/deeper/e.text"), "third\n")
	code, _, stderr := docconv(t, dir, "", "-t", "txt,html", "-d", "out", "tree")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "converted 3 of 3 inputs: 6 outputs written, 0 failed")
	for _, p := range []string{"out/a.txt", "out/a.html", "out/sub/b.txt", "out/sub/b.html", "out/sub/deeper/e.txt"} {
		_, err := os.Stat(filepath.Join(dir, p))
		assert.NoError(t, err, p)
	}
	for _, p := range []string{"out/d.txt", "out/.git", "out/sub/c.txt"} {
		_, err := os.Stat(filepath.Join(dir, p))
		assert.True(t, os.IsNotExist(err), p)
	}

	// --include picks other names; a directory with none is refused.
	code, _, stderr = docconv(t, dir, "", "-q", "-t", "txt", "-d", "out2", "--include", "*.md", "tree")
	require.Equal(t, 0, code, stderr)
	entries, _ := os.ReadDir(filepath.Join(dir, "out2", "sub"))
	require.Len(t, entries, 1)
	assert.Equal(t, "b.txt", entries[0].Name())
	code, _, stderr = docconv(t, dir, "", "-t", "txt", "-d", "out2", "--include", "*.rst", "tree")
	assert.Equal(t, 2, code)
	assert.Equal(t, "docconv: tree: no file in it matches *.rst\n", stderr)

	// --skip-existing: nothing newer, nothing done; a touched input is
	// converted again, only the formats that are out of date.
	code, _, stderr = docconv(t, dir, "", "--skip-existing", "-t", "txt,html", "-d", "out", "--report-json", "r.jsonl", "tree")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "converted 3 of 3 inputs: 0 outputs written, 6 up to date, 0 failed")
	lines := reportLines(t, filepath.Join(dir, "r.jsonl"))
	assert.Equal(t, []any{"out/a.txt", "out/a.html"}, lines[0]["skipped"])
	future := time.Now().Add(time.Hour)
	require.NoError(t, os.Chtimes(filepath.Join(dir, "tree/sub/b.md"), future, future))
	require.NoError(t, os.Chtimes(filepath.Join(dir, "out/sub/b.html"), future, future))
	code, _, stderr = docconv(t, dir, "", "--skip-existing", "-t", "txt,html", "-d", "out", "tree")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "wrote out/sub/b.txt")
	assert.Contains(t, stderr, "converted 3 of 3 inputs: 1 output written, 5 up to date, 0 failed")

	// Two trees that would write the same file are refused.
	write(t, filepath.Join(dir, "other/a.txt"), "again\n")
	code, _, stderr = docconv(t, dir, "", "-t", "txt", "-d", "out3", "tree", "other")
	assert.Equal(t, 2, code)
	assert.Equal(t, "docconv: tree/a.txt and other/a.txt would both be written to out3/a.txt; convert them in separate runs or to different -d directories\n", stderr)
	code, _, stderr = docconv(t, dir, "", "--skip-existing", "-t", "txt", "-o", "x.txt", "tree/a.txt")
	assert.Equal(t, 2, code)
	assert.Equal(t, "docconv: --skip-existing needs -d DIR\n", stderr)
}

func TestReportOfConcatenationToStdout(t *testing.T) {
	dir := t.TempDir()
	ins := batchInputs(t, dir, 2)
	code, out, stderr := docconv(t, dir, "", append([]string{"-t", "txt", "--report-json", "r.jsonl"}, ins...)...)
	require.Equal(t, 0, code, stderr)
	lines := reportLines(t, filepath.Join(dir, "r.jsonl"))
	require.Len(t, lines, 2)
	for i, l := range lines {
		assert.Equal(t, ins[i], l["path"])
		outs := l["outputs"].([]any)
		require.Len(t, outs, 1, "every input lists the one output")
		o := outs[0].(map[string]any)
		assert.Equal(t, "<stdout>", o["path"])
		assert.EqualValues(t, len(out), o["bytes"])
	}
}
