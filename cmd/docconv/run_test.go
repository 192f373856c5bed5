package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// docconv runs the command in dir and returns exit code, stdout and stderr.
func docconv(t *testing.T, dir, stdin string, args ...string) (int, string, string) {
	t.Helper()
	wd, err := os.Getwd()
	require.NoError(t, err)
	require.NoError(t, os.Chdir(dir))
	defer os.Chdir(wd)
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

const sample = "../../examples/article.txt"

func copySample(t *testing.T, dir string) string {
	t.Helper()
	b, err := os.ReadFile(sample)
	require.NoError(t, err)
	p := filepath.Join(dir, "article.txt")
	require.NoError(t, os.WriteFile(p, b, 0o644))
	return p
}

func TestInfoFlags(t *testing.T) {
	dir := t.TempDir()
	code, out, _ := docconv(t, dir, "", "--version")
	assert.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "docconv "))

	code, out, _ = docconv(t, dir, "", "--list-input-formats")
	assert.Equal(t, 0, code)
	for _, f := range []string{"text", "markdown", "json"} {
		assert.Contains(t, out, f)
	}
	assert.NotContains(t, out, "pdf")

	code, out, _ = docconv(t, dir, "", "--list-output-formats")
	assert.Equal(t, 0, code)
	for _, f := range []string{"text", "markdown", "json", "html", "pdf", "epub", "xlsx"} {
		assert.Contains(t, out, f)
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	in := copySample(t, dir)
	for _, args := range [][]string{
		{"--no-such-flag", in},
		{"-t", "nope", in},
		{"-f", "pdf", in},
		{"-d", "out", in},
		{"-o", "x.unknownext", in},
		{"-t", "pdf,epub", "-o", "x.pdf", in},
		{"--ruby", "maybe", in},
		{"--script", "latin", in},
		{"--page-size", "B4", "-t", "pdf", in},
		{"--pdf-standard", "a-1b", "-t", "pdf", in},
		{"--pdf-standard", "ua-1", "-V", "pdf.tagged=false", "-t", "pdf", in},
		{"-M", "date=yesterday", in},
		{"-M", "=x", in},
		{"-t", "text", "-o", in, in}, // never overwrite the input
	} {
		code, _, stderr := docconv(t, dir, "", args...)
		assert.Equal(t, 2, code, "%v: %s", args, stderr)
		assert.True(t, strings.HasPrefix(stderr, "docconv: "), stderr)
	}
	b, err := os.ReadFile(in)
	require.NoError(t, err)
	orig, _ := os.ReadFile(sample)
	assert.Equal(t, orig, b, "the input is unchanged")
}

func TestMissingInput(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := docconv(t, dir, "", "-t", "json", "nosuch.txt")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "nosuch.txt")
}

func TestOutputDirSeveralFormats(t *testing.T) {
	dir := t.TempDir()
	in := copySample(t, dir)
	// flags after the input, as pandoc allows
	code, _, stderr := docconv(t, dir, "", in, "-t", "md,json,html,txt", "-d", "out")
	require.Equal(t, 0, code, stderr)
	for _, ext := range []string{"md", "json", "html", "txt"} {
		fi, err := os.Stat(filepath.Join(dir, "out", "article."+ext))
		require.NoError(t, err, ext)
		assert.NotZero(t, fi.Size())
	}
	assert.Regexp(t, `normalized: \d+ pinyin annotations removed`, stderr)
	assert.Contains(t, stderr, "wrote out/article.json")

	var doc struct {
		Meta struct {
			Title, Lang string
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "out", "article.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &doc))
	assert.Equal(t, "article", doc.Meta.Title)
	assert.Equal(t, "zh-Hant", doc.Meta.Lang)
	txt, err := os.ReadFile(filepath.Join(dir, "out", "article.txt"))
	require.NoError(t, err)
	assert.NotContains(t, string(txt), "(qū)")
	assert.Contains(t, string(txt), "380億美元")

	entries, err := os.ReadDir(filepath.Join(dir, "out"))
	require.NoError(t, err)
	assert.Len(t, entries, 4, "no temporary files left")
}

func TestOutputFromExtensionAndMetadata(t *testing.T) {
	dir := t.TempDir()
	in := copySample(t, dir)
	code, _, stderr := docconv(t, dir, "", "-q", "-o", "a.json", "-M", "title=中哈關係", "-M", "author=甲", in)
	require.Equal(t, 0, code, stderr)
	assert.Empty(t, stderr, "-q is quiet")
	b, err := os.ReadFile(filepath.Join(dir, "a.json"))
	require.NoError(t, err)
	assert.Contains(t, string(b), "中哈關係")
}

// TestPageSizeB5JIS: --page-size B5-JIS is the Japanese B5 (182×257 mm),
// B5 the ISO one (176×250 mm).
func TestPageSizeB5JIS(t *testing.T) {
	dir := t.TempDir()
	in := copySample(t, dir)
	for size, box := range map[string]string{"B5-JIS": "515.91 728.50", "b5-jis": "515.91 728.50", "B5": "498.90 708.66"} {
		code, _, stderr := docconv(t, dir, "", "-q", "--page-size", size, "-o", "a.pdf", in)
		require.Equal(t, 0, code, stderr)
		b, err := os.ReadFile(filepath.Join(dir, "a.pdf"))
		require.NoError(t, err)
		assert.Contains(t, string(b), "/MediaBox [0 0 "+box+"]", size)
		require.NoError(t, os.Remove(filepath.Join(dir, "a.pdf")))
	}
}

// TestPDFStandard: PDFs are tagged; --pdf-standard ua-1 adds the PDF/UA
// identification, -V pdf.tagged=false leaves the structure out.
func TestPDFStandard(t *testing.T) {
	dir := t.TempDir()
	in := copySample(t, dir)
	for _, c := range []struct {
		args       []string
		tagged, ua bool
	}{
		{nil, true, false},
		{[]string{"--pdf-standard", "ua-1"}, true, true},
		{[]string{"-V", "pdf.standard=UA-1"}, true, true},
		{[]string{"-V", "pdf.tagged=false"}, false, false},
	} {
		code, _, stderr := docconv(t, dir, "", append([]string{"-q", "-o", "a.pdf", in}, c.args...)...)
		require.Equal(t, 0, code, stderr)
		b, err := os.ReadFile(filepath.Join(dir, "a.pdf"))
		require.NoError(t, err)
		assert.Equal(t, c.tagged, strings.Contains(string(b), "/StructTreeRoot"), "%v", c.args)
		assert.Equal(t, c.ua, strings.Contains(string(b), "<pdfuaid:part>1</pdfuaid:part>"), "%v", c.args)
		require.NoError(t, os.Remove(filepath.Join(dir, "a.pdf")))
	}
}

func TestStdinToStdout(t *testing.T) {
	dir := t.TempDir()
	code, out, stderr := docconv(t, dir, "# Title\n\nHello, *world*.\n", "-f", "md", "-t", "md", "-")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "Hello, *world*.")
}

func TestFailedConversionLeavesNoFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte("正文\xff\xfe文字\n"), 0o644))
	code, _, stderr := docconv(t, dir, "", "--strict", "-t", "txt,json", "-d", "out", bad)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "bad.txt")
	assert.Contains(t, stderr, "UTF-8")
	entries, _ := os.ReadDir(filepath.Join(dir, "out"))
	assert.Empty(t, entries, "no output, no temporary file")

	// Without --strict the same input converts, with a warning.
	code, _, stderr = docconv(t, dir, "", "-t", "txt", "-d", "out", bad)
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "invalid UTF-8")

	// A JSON syntax error names the file and the line.
	bj := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bj, []byte("{\n  \"docconv\": 1,\n  oops\n}\n"), 0o644))
	code, _, stderr = docconv(t, dir, "", "-t", "txt", "-o", "x.txt", bj)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "bad.json:3")
	_, err := os.Stat(filepath.Join(dir, "x.txt"))
	assert.True(t, os.IsNotExist(err))
}

func TestSeveralInputsConcatenated(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.md"), []byte("first part\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.md"), []byte("second part\n"), 0o644))
	code, out, stderr := docconv(t, dir, "", "-t", "txt", "a.md", "b.md")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "first part")
	assert.Contains(t, out, "second part")
}

func TestSeveralInputsKeepTitlesAndNameTheirWarnings(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\ntitle: First\n---\n\nbody one\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.md"), []byte("---\ntitle: Second\n---\n\nbody\xff two\n"), 0o644))
	code, out, stderr := docconv(t, dir, "", "-t", "txt", "a.md", "b.md")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "First\n\nbody one\nSecond\nbody\ufffd two\n", out)
	assert.Contains(t, stderr, "b.md: warning: invalid UTF-8")
	assert.NotContains(t, stderr, "a.md: warning")
}

func TestFileTitleNotPrintedWithOutputFile(t *testing.T) {
	dir := t.TempDir()
	in := copySample(t, dir)
	for _, args := range [][]string{{"-o", "a.html"}, {"-t", "html", "-d", "out"}} {
		code, _, stderr := docconv(t, dir, "", append(args, "-q", in)...)
		require.Equal(t, 0, code, stderr)
	}
	a, err := os.ReadFile(filepath.Join(dir, "a.html"))
	require.NoError(t, err)
	b, err := os.ReadFile(filepath.Join(dir, "out", "article.html"))
	require.NoError(t, err)
	assert.Equal(t, string(b), string(a), "-o and -d give the same output")
	assert.NotContains(t, string(a), `<h1 class="title">`)
}

func TestInputSizeLimit(t *testing.T) {
	dir := t.TempDir()
	in := copySample(t, dir)
	// A file over the limit: exit 3, named, nothing written.
	code, _, stderr := docconv(t, dir, "", "--max-input-size", "1KiB", "-o", "a.txt", in)
	assert.Equal(t, 3, code, stderr)
	assert.Contains(t, stderr, "article.txt")
	assert.Contains(t, stderr, "larger than the 1 KiB limit")
	_, err := os.Stat(filepath.Join(dir, "a.txt"))
	assert.True(t, os.IsNotExist(err))
	// Standard input too.
	code, _, stderr = docconv(t, dir, strings.Repeat("長", 1000), "--max-input-size", "2k", "-t", "txt")
	assert.Equal(t, 3, code, stderr)
	assert.Contains(t, stderr, "<stdin>")
	// 0 is no limit; a bad size is bad usage.
	code, _, stderr = docconv(t, dir, "", "--max-input-size", "0", "-q", "-o", "a.txt", in)
	assert.Equal(t, 0, code, stderr)
	for _, bad := range []string{"lots", "12XB", "-5", "99999999999G"} {
		code, _, stderr = docconv(t, dir, "", "--max-input-size", bad, "-o", "a.txt", in)
		assert.Equal(t, 2, code, "%s: %s", bad, stderr)
		assert.Contains(t, stderr, "--max-input-size")
	}
}

func TestParseSize(t *testing.T) {
	for s, want := range map[string]int64{"0": 0, "100": 100, "100B": 100, "2k": 2048, "3 KiB": 3072, "256MiB": 256 << 20, "1GB": 1 << 30, "1g": 1 << 30} {
		n, err := parseSize(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, n, s)
	}
}
