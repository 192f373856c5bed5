package golden_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/normalize"
	_ "github.com/docconv/docconv/formats/all"
	"github.com/docconv/docconv/golden"
	"github.com/docconv/docconv/internal/validate"
)

// TestMain pins what outputs depend on besides input and options (README,
// "Determinism").
func TestMain(m *testing.M) {
	os.Unsetenv("SOURCE_DATE_EPOCH")
	os.Exit(m.Run())
}

// convertFile converts a file of the repository to format to.
func convertFile(t *testing.T, path, to string) []byte {
	t.Helper()
	src, err := os.Open(path)
	require.NoError(t, err)
	defer src.Close()
	var out bytes.Buffer
	require.NoError(t, convert.Convert(context.Background(), &out, src, &convert.Options{
		To: to, SourcePath: path, Transforms: normalize.Default(), FiguresTable: true}))
	return out.Bytes()
}

var articles = []string{
	"../examples/article.txt",
	"../testdata/articles/en.txt",
	"../testdata/articles/ja.txt",
	"../testdata/articles/ko.txt",
}

func stem(p string) string { return strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)) }

// TestGolden keeps the projections of the sample conversions: a change of
// output shows here as a readable diff.
func TestGolden(t *testing.T) {
	for _, p := range articles {
		for _, to := range []string{"pdf", "epub", "xlsx"} {
			t.Run(stem(p)+"."+to, func(t *testing.T) {
				data := convertFile(t, p, to)
				assert.Equal(t, to, golden.Detect(data))
				golden.AssertOutput(t, filepath.Join("testdata", stem(p)+"."+to+".golden"), data)
			})
		}
	}
}

// TestPDFTextMatchesPoppler checks the PDF reader against pdftotext: the
// same characters, white space aside, on every page of each article.
func TestPDFTextMatchesPoppler(t *testing.T) {
	for _, p := range append(articles, "../testdata/articles/mixed.txt", "../testdata/articles/table.md", "../testdata/articles/zh-hans.txt") {
		t.Run(stem(p), func(t *testing.T) {
			data := convertFile(t, p, "pdf")
			want, ok := validate.PDFText(t, data)
			if !ok {
				return
			}
			got, err := golden.PDF(data)
			require.NoError(t, err)
			_, text, _ := strings.Cut(got, "\n== page 1")
			var pages []string
			for _, pg := range strings.Split("== page 1"+text, "\n== page ") {
				_, body, _ := strings.Cut(pg, "\n")
				pages = append(pages, body)
			}
			missing, extra := validate.Recovery(want, strings.Join(pages, "\n"))
			assert.Empty(t, missing, "characters pdftotext finds that the projection lacks")
			assert.Empty(t, extra, "characters in the projection that pdftotext does not find")
		})
	}
}

// TestPDFOutlineAndInfo checks the parts of the PDF projection the sample
// shows: metadata, fonts, bookmarks with their pages.
func TestPDFOutlineAndInfo(t *testing.T) {
	got, err := golden.PDF(convertFile(t, "../examples/article.txt", "pdf"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(got, "docconv-golden/1 pdf\nversion: 1.7\npages: 3\nlang: zh-Hant\n"), got[:80])
	assert.Contains(t, got, "\nTitle: article\n")
	assert.Contains(t, got, "\nCreationDate: D:20000101000000\n")
	assert.Regexp(t, `\n[A-Z]{6}\+DroidSansFallback  Type0/CIDFontType2  Identity-H  embedded  ToUnicode\n`, got)
	assert.Contains(t, got, "\n== outline\n打造新亮點 -> page 1\n")
	assert.Regexp(t, `\n *同心向未來 -> page 2\n *數據一覽 -> page 2\n`, got)
	assert.Contains(t, got, "\n== page 3 (595.28 x 841.89 pt)\n")
}

// TestPDFActualText: characters no font covers are drawn as boxes, and
// the projection reads them from /ActualText.
func TestPDFActualText(t *testing.T) {
	d := &convert.Document{Meta: convert.Meta{Lang: "zh-Hant"}, Blocks: []convert.Block{
		&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "日本的「𠮷野家」好吃😋！"}}}}}
	var b bytes.Buffer
	require.NoError(t, convert.Write(context.Background(), &b, d, &convert.Options{To: "pdf"}))
	got, err := golden.PDF(b.Bytes())
	require.NoError(t, err)
	assert.Contains(t, got, "日本的「𠮷野家」好吃😋！")
}

func TestBrokenInputs(t *testing.T) {
	pdf := convertFile(t, "../testdata/articles/en.txt", "pdf")
	for _, n := range []int{0, 5, 100, len(pdf) / 3, len(pdf) / 2, len(pdf) - 40} {
		// No panic; a truncated file is an error or a partial projection.
		_, _ = golden.PDF(pdf[:n])
	}
	_, err := golden.PDF([]byte("%PDF-1.4\nnothing here"))
	assert.Error(t, err)
	_, err = golden.EPUB([]byte("PK\x03\x04 broken"))
	assert.Error(t, err)
	_, err = golden.XLSX([]byte("not a zip"))
	assert.Error(t, err)
	_, err = golden.Project([]byte{0, 1, 2, 0xff})
	assert.ErrorContains(t, err, "not a PDF, EPUB, XLSX or UTF-8 text file")
	assert.Equal(t, golden.KindText, golden.Detect([]byte("<p>x</p>")))
}

// recorder is a testing.TB that keeps what Assert reports.
type recorder struct {
	testing.TB
	errors []string
	fatal  bool
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
	r.fatal = true
	runtime.Goexit()
}

func record(t *testing.T, f func(tb testing.TB)) *recorder {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() { defer close(done); f(r) }()
	<-done
	return r
}

func TestAssert(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.golden")
	r := record(t, func(tb testing.TB) { golden.Assert(tb, path, "x\n") })
	require.True(t, r.fatal)
	assert.Contains(t, r.errors[0], "does not exist; run the test with -update")

	require.NoError(t, os.WriteFile(path, []byte("one\ntwo\nthree\n"), 0o644))
	r = record(t, func(tb testing.TB) { golden.Assert(tb, path, "one\ntwo\nthree\n") })
	assert.Empty(t, r.errors)
	r = record(t, func(tb testing.TB) { golden.Assert(tb, path, "one\n2\nthree\n") })
	require.Len(t, r.errors, 1)
	assert.Contains(t, r.errors[0], "run the test with -update")
	assert.Contains(t, r.errors[0], "--- "+path+"\n+++ got\n")
	assert.Contains(t, r.errors[0], "-two\n+2\n")

	require.NoError(t, flagSet("update", "true"))
	defer flagSet("update", "false")
	sub := filepath.Join(dir, "new", "b.golden")
	r = record(t, func(tb testing.TB) { golden.Assert(tb, sub, "fresh\n") })
	assert.Empty(t, r.errors)
	b, err := os.ReadFile(sub)
	require.NoError(t, err)
	assert.Equal(t, "fresh\n", string(b))
}

func TestDiffIsCut(t *testing.T) {
	var a, b strings.Builder
	for i := range 1000 {
		fmt.Fprintf(&a, "line %d\n", i)
		fmt.Fprintf(&b, "LINE %d\n", i)
	}
	d := golden.Diff("want", "got", a.String(), b.String())
	assert.LessOrEqual(t, strings.Count(d, "\n"), 201)
	assert.Contains(t, d, "more lines of diff")
}
