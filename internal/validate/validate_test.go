package validate

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/formats/epub"
)

func TestRecovery(t *testing.T) {
	missing, extra := Recovery("中文，中文。\nabc", "中 文，\n文。a b c 1")
	assert.Equal(t, "中", missing)
	assert.Equal(t, "1", extra)
	missing, extra = Recovery("一一二", "二")
	assert.Equal(t, "一一", missing)
	assert.Empty(t, extra)
}

func TestLineViolations(t *testing.T) {
	lines := []string{"好的。", "。開頭", "結尾「", "  ", "(Latin) ok", ", latin"}
	n, ex := LineViolations(lines, CJKOpening, CJKClosing)
	assert.Equal(t, 2, n)
	assert.Equal(t, []string{"。開頭", "結尾「"}, ex)
	n, _ = LineViolations(lines, Opening, Closing)
	assert.Equal(t, 3, n)
}

func TestParseBatch(t *testing.T) {
	out := "noise\n@@epubcheck-begin /d/00-a.epub\nNo errors or warnings detected.\n@@epubcheck-end 0 /d/00-a.epub\n" +
		"@@epubcheck-begin /d/01-b c.epub\nERROR(RSC-005): bad\n@@epubcheck-end 1 /d/01-b c.epub\n"
	r := parseBatch([]byte(out), map[string]string{"/d/00-a.epub": "a", "/d/01-b c.epub": "b c"})
	require.Len(t, r, 2)
	assert.True(t, r["a"].Clean())
	assert.False(t, r["b c"].Clean())
	assert.Equal(t, 1, r["b c"].Status)
	assert.Equal(t, "ERROR(RSC-005): bad\n", r["b c"].Output)
}

// TestEPUBCheck runs EPUBCheck on a good and a broken book in one JVM: each
// verdict goes to its own book.
func TestEPUBCheck(t *testing.T) {
	if testing.Short() {
		t.Skip("epubcheck: skipped in -short mode")
	}
	good := minimalEPUB(t)
	reports := EPUBCheck(t, map[string][]byte{"good": good, "broken/one": []byte("not a zip")})
	require.Len(t, reports, 2)
	assert.True(t, reports["good"].Clean(), reports["good"].Output)
	assert.False(t, reports["broken/one"].Clean())
	assert.Contains(t, reports["broken/one"].Output, "PKG-")
	assert.NotContains(t, reports["good"].Output, "PKG-")
}

// minimalEPUB is a small valid book from the EPUB writer.
func minimalEPUB(t *testing.T) []byte {
	var b bytes.Buffer
	d := &convert.Document{Meta: convert.Meta{Title: "標題", Lang: "zh-Hant"},
		Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "一段。"}}}}}
	require.NoError(t, (&epub.Writer{}).Write(context.Background(), &b, d))
	return b.Bytes()
}

// stop runs check on a recording TB in a goroutine of its own (Fatal and
// Skip end it, as the testing package's do) and returns the record.
func stop(t *testing.T, check func(testing.TB)) *fakeT {
	ft := &fakeT{TB: t}
	done := make(chan struct{})
	go func() { defer close(done); check(ft) }()
	<-done
	return ft
}

func TestMissingFailsInCI(t *testing.T) {
	const tool = "no-such-validator-docconv"
	t.Setenv("CI", "true")
	ft := stop(t, func(tb testing.TB) { Require(tb, tool) })
	assert.True(t, ft.failed)
	assert.False(t, ft.skipped)
	assert.Contains(t, ft.msg, tool+" not installed")
	ft = stop(t, func(tb testing.TB) { Have(tb, tool) })
	assert.True(t, ft.failed)

	t.Setenv("CI", "")
	ft = stop(t, func(tb testing.TB) { Require(tb, tool) })
	assert.False(t, ft.failed)
	assert.True(t, ft.skipped)
	var ok bool
	ft = stop(t, func(tb testing.TB) { _, ok = Have(tb, tool) })
	assert.False(t, ok)
	assert.False(t, ft.failed || ft.skipped)
}

// fakeT records how a check stopped a test.
type fakeT struct {
	testing.TB
	failed, skipped bool
	msg             string
}

func (f *fakeT) Helper()    {}
func (f *fakeT) Log(...any) {}
func (f *fakeT) Fatalf(format string, args ...any) {
	f.failed = true
	f.msg = fmt.Sprintf(format, args...)
	runtime.Goexit()
}
func (f *fakeT) Skip(args ...any) {
	f.skipped = true
	f.msg = fmt.Sprint(args...)
	runtime.Goexit()
}
