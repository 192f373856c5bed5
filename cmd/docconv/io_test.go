package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// noTemps fails if a temporary file is left in dir.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		assert.False(t, strings.HasSuffix(e.Name(), ".tmp"), "temporary file left: %s", e.Name())
	}
}

func write(t *testing.T, path, content string) string {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	return path
}

func TestOutputCollisionRefusedBeforeWork(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a", "x.txt"), "first\n")
	write(t, filepath.Join(dir, "b", "x.txt"), "second\n")
	code, _, stderr := docconv(t, dir, "", "-t", "txt,pdf", "-d", "out", "a/x.txt", "b/x.txt")
	assert.Equal(t, 2, code)
	assert.Equal(t, "docconv: a/x.txt and b/x.txt would both be written to out/x.txt; convert them in separate runs or to different -d directories\n", stderr)
	_, err := os.Stat(filepath.Join(dir, "out"))
	assert.True(t, os.IsNotExist(err), "nothing created")

	// The same input twice collides too; different stems do not.
	code, _, _ = docconv(t, dir, "", "-t", "txt", "-d", "out", "a/x.txt", "a/x.txt")
	assert.Equal(t, 2, code)
	write(t, filepath.Join(dir, "b", "y.txt"), "third\n")
	code, _, stderr = docconv(t, dir, "", "-q", "-t", "txt", "-d", "out", "a/x.txt", "b/y.txt")
	assert.Equal(t, 0, code, stderr)
}

func TestOutputDirectoryAndMissingDirectory(t *testing.T) {
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "in.txt"), "text\n")
	require.NoError(t, os.Mkdir(filepath.Join(dir, "out.pdf"), 0o755))
	for args, want := range map[string]string{
		"out.pdf":          "docconv: out.pdf: is a directory (give a file name, or -d DIR to write into a directory)\n",
		"nodir/out.pdf":    "docconv: nodir/out.pdf: directory nodir does not exist\n",
		"in.txt/x.pdf":     "docconv: in.txt/x.pdf: directory in.txt does not exist\n",
		"out.pdf/../x.txt": "", // a path through a directory is fine
	} {
		code, _, stderr := docconv(t, dir, "", "-q", "-t", "pdf", "-o", args, in)
		if want == "" {
			assert.Equal(t, 0, code, stderr)
			continue
		}
		assert.Equal(t, 2, code, args)
		assert.Equal(t, want, stderr, "refused before any work: no report")
	}
	code, _, stderr := docconv(t, dir, "", "-t", "txt", "-d", "in.txt", in)
	assert.Equal(t, 2, code)
	assert.Equal(t, "docconv: -d in.txt: is a regular file, not a directory\n", stderr)
	noTemps(t, dir)
}

func TestOutputKeepsModeAndFollowsSymlinks(t *testing.T) {
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "in.txt"), "new content\n")
	old := write(t, filepath.Join(dir, "old.txt"), "old\n")
	require.NoError(t, os.Chmod(old, 0o600))
	code, _, stderr := docconv(t, dir, "", "-q", "-t", "txt", "-o", "old.txt", in)
	require.Equal(t, 0, code, stderr)
	fi, err := os.Stat(old)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "an existing file keeps its mode")
	b, _ := os.ReadFile(old)
	assert.Equal(t, "new content\n", string(b))

	// A link is followed: its file replaced, the link kept.
	require.NoError(t, os.Symlink("old.txt", filepath.Join(dir, "link.txt")))
	write(t, in, "newer\n")
	code, _, stderr = docconv(t, dir, "", "-t", "txt", "-o", "link.txt", in)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "wrote link.txt (6 bytes)")
	lfi, err := os.Lstat(filepath.Join(dir, "link.txt"))
	require.NoError(t, err)
	assert.NotZero(t, lfi.Mode()&os.ModeSymlink, "still a link")
	b, _ = os.ReadFile(old)
	assert.Equal(t, "newer\n", string(b))

	// A link to nothing is refused.
	require.NoError(t, os.Symlink("nowhere.txt", filepath.Join(dir, "dangling.txt")))
	code, _, stderr = docconv(t, dir, "", "-t", "txt", "-o", "dangling.txt", in)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "dangling.txt: is a symbolic link to a missing file")
	_, err = os.Stat(filepath.Join(dir, "nowhere.txt"))
	assert.True(t, os.IsNotExist(err))

	// The input reached through a link is still the input.
	require.NoError(t, os.Symlink("in.txt", filepath.Join(dir, "in-link.txt")))
	code, _, stderr = docconv(t, dir, "", "-t", "txt", "-o", "in-link.txt", in)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "refusing to overwrite the input file")
	noTemps(t, dir)
}

func TestOutputStandardOutputNames(t *testing.T) {
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "in.md"), "Some *text*.\n")
	for _, name := range []string{"-", "/dev/stdout"} {
		code, out, stderr := docconv(t, dir, "", "-t", "txt", "-o", name, in)
		require.Equal(t, 0, code, stderr)
		assert.Equal(t, "Some text.\n", out, name)
		assert.NotContains(t, stderr, "wrote")
	}
	noTemps(t, dir)
}

func TestOutputWriteErrorNamesTarget(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full")
	}
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "in.txt"), "text\n")
	code, _, stderr := docconv(t, dir, "", "-t", "txt", "-o", "/dev/full", in)
	assert.Equal(t, 1, code)
	assert.Equal(t, "docconv: cannot write /dev/full: no space left on device\n", stderr)
}

func TestInputPolicy(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "page.html"), "<!DOCTYPE html><p>Hello</p>\n")
	write(t, filepath.Join(dir, "page.htm"), "<p>Hello</p>\n")
	write(t, filepath.Join(dir, "page.pdf"), "%PDF-1.7\n")
	write(t, filepath.Join(dir, "page.epub"), "PK\x03\x04")
	require.NoError(t, os.Mkdir(filepath.Join(dir, "sub"), 0o755))
	for _, c := range []struct {
		args   []string
		stdin  string
		code   int
		stderr string
	}{
		{[]string{"page.pdf"}, "", 2, "docconv: page.pdf: PDF input is not supported (formats read: aozora, html, json, markdown, text); -f text reads it as plain text\n"},
		{[]string{"page.epub"}, "", 2, "docconv: page.epub: EPUB input is not supported (formats read: aozora, html, json, markdown, text); -f text reads it as plain text\n"},
		{[]string{"sub"}, "", 2, "docconv: sub: is a directory; converting a directory needs -d DIR\n"},
		{[]string{"-", "/dev/stdin"}, "", 2, "docconv: standard input is given twice (- and /dev/stdin)\n"},
		{[]string{"nosuch.txt"}, "", 1, "docconv: cannot read nosuch.txt: no such file or directory\n"},
	} {
		code, _, stderr := docconv(t, dir, c.stdin, append([]string{"-t", "txt"}, c.args...)...)
		assert.Equal(t, c.code, code, "%v", c.args)
		assert.Equal(t, c.stderr, stderr, "%v", c.args)
	}
	// HTML is read as a web page: by extension, or by its doctype on
	// standard input.
	for _, c := range []struct{ arg, stdin string }{{"page.html", ""}, {"page.htm", ""}, {"-", "\n <!doctype HTML>\n<p>Hello</p>"}} {
		code, out, stderr := docconv(t, dir, c.stdin, "-t", "txt", c.arg)
		require.Equal(t, 0, code, stderr)
		assert.Equal(t, "Hello\n", out, c.arg)
	}
	// Named as text, it is text.
	code, out, stderr := docconv(t, dir, "", "-f", "text", "-t", "txt", "page.htm")
	require.Equal(t, 0, code, stderr)
	assert.Equal(t, "<p>Hello</p>\n", out)
}

func TestInputDevicesRefused(t *testing.T) {
	fi, err := os.Stat("/dev/zero")
	if err != nil || fi.Mode().IsRegular() {
		t.Skip("no /dev/zero")
	}
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "in.txt"), "text\n")
	code, _, stderr := docconv(t, dir, "", "-t", "txt", "/dev/zero")
	assert.Equal(t, 2, code)
	assert.Equal(t, "docconv: /dev/zero: is a character device, not a regular file; docconv reads regular files, named pipes and standard input\n", stderr)
	code, _, stderr = docconv(t, dir, "", "-t", "pdf", "--font", "/dev/zero", "-o", "x.pdf", in)
	assert.Equal(t, 2, code)
	assert.Equal(t, "docconv: --font /dev/zero: is a character device, not a font file\n", stderr)
	// Standard input of endless zeros stops at the limit.
	f, err := os.Open("/dev/zero")
	require.NoError(t, err)
	defer f.Close()
	var out, errb bytes.Buffer
	wd, _ := os.Getwd()
	require.NoError(t, os.Chdir(dir))
	defer os.Chdir(wd)
	assert.Equal(t, 3, run([]string{"--max-input-size", "1MiB", "-t", "txt"}, f, &out, &errb))
	assert.Equal(t, "docconv: <stdin>: read text: resource limit exceeded: input is larger than the 1 MiB limit\n", errb.String())
}

func TestFontFileSizeLimit(t *testing.T) {
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "in.txt"), "text\n")
	write(t, filepath.Join(dir, "big.ttf"), strings.Repeat("x", 5000))
	code, _, stderr := docconv(t, dir, "", "--max-input-size", "4KiB", "-t", "pdf", "--font", "big.ttf", "-o", "x.pdf", in)
	assert.Equal(t, 3, code)
	assert.Equal(t, "docconv: --font big.ttf: resource limit exceeded: font file is 4.9 KiB, larger than the 4 KiB limit\n", stderr)
	code, _, stderr = docconv(t, dir, "", "--max-input-size", "4KiB", "-t", "epub", "--epub-embed-font", "big.ttf#1", "-o", "x.epub", in)
	assert.Equal(t, 3, code)
	assert.Contains(t, stderr, "--epub-embed-font big.ttf#1: resource limit exceeded")
}

func TestWideEncodingsDecoded(t *testing.T) {
	dir := t.TempDir()
	text := "標題\n\n第一段，2024年。\n"
	u32, err := utf32.UTF32(utf32.LittleEndian, utf32.UseBOM).NewEncoder().String(text)
	require.NoError(t, err)
	u16, err := xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM).NewEncoder().String(text)
	require.NoError(t, err)
	write(t, filepath.Join(dir, "u32.txt"), u32)
	write(t, filepath.Join(dir, "u16.txt"), u16)
	code, out, stderr := docconv(t, dir, "", "-t", "md", "u32.txt")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "第一段，2024年。")
	assert.Contains(t, stderr, "1 UTF-32 input decoded")
	code, out, stderr = docconv(t, dir, "", "-t", "md", "u16.txt")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "第一段，2024年。")
	assert.Contains(t, stderr, "warning: no byte order mark: the input was read as UTF-16BE")
	code, _, stderr = docconv(t, dir, "", "--strict", "-t", "md", "u16.txt")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "u16.txt")
	assert.Contains(t, stderr, "looks like UTF-16BE without a byte order mark")
}

func TestMetadataTitleKeepsHeadline(t *testing.T) {
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "in.txt"), "深化中哈合作\n\n2023年，兩國貿易額達410億美元，同比增長32%。\n\n哈連續六年參加進博會。\n")
	code, out, stderr := docconv(t, dir, "", "-t", "json", "-M", "title=Series title", in)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, `"title": "Series title",`)
	assert.Contains(t, out, `"subtitle": "深化中哈合作",`, "the headline is the subtitle")
	code, out, stderr = docconv(t, dir, "", "-t", "md", "-M", "title=Series title", "-M", "subtitle=Part 1", in)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "subtitle: Part 1\n")
	assert.Contains(t, out, "\n# 深化中哈合作\n", "the headline is the first heading")
}

func TestParseMemoryLimit(t *testing.T) {
	n, err := parseMemoryLimit("auto")
	require.NoError(t, err)
	if n != 0 {
		assert.GreaterOrEqual(t, n, int64(minAutoMemory))
	}
	n, err = parseMemoryLimit("2GiB")
	require.NoError(t, err)
	assert.Equal(t, int64(2<<30), n)
	code, _, stderr := docconv(t, t.TempDir(), "x", "--max-memory", "lots", "-t", "txt")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "--max-memory")
}

func TestTuneGC(t *testing.T) {
	t.Setenv("GOGC", "")
	dir := t.TempDir()
	small, big := filepath.Join(dir, "small.txt"), filepath.Join(dir, "big.txt")
	require.NoError(t, os.WriteFile(small, []byte("a"), 0o644))
	require.NoError(t, os.WriteFile(big, nil, 0o644))
	require.NoError(t, os.Truncate(big, gcBigInput))
	prev := debug.SetGCPercent(100)
	defer debug.SetGCPercent(prev)

	tuneGC([]input{{path: small}, {path: "-"}})()
	assert.Equal(t, 100, debug.SetGCPercent(100), "small inputs keep the default")

	restore := tuneGC([]input{{path: small}, {path: big}})
	assert.Equal(t, bigInputGC, debug.SetGCPercent(bigInputGC), "a big input lowers the target")
	restore()
	assert.Equal(t, 100, debug.SetGCPercent(100), "restored")

	t.Setenv("GOGC", "200")
	tuneGC([]input{{path: big}})()
	assert.Equal(t, 100, debug.SetGCPercent(100), "GOGC in the environment wins")
}
