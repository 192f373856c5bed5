package html_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/formats/html"
	djson "github.com/docconv/docconv/formats/json"
	"github.com/docconv/docconv/formats/markdown"
)

var update = flag.Bool("update", false, "rewrite golden files")

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test -update")
	assert.Equal(t, string(want), string(got))
}

func render(t testing.TB, w *html.Writer, d *convert.Document) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, w.Write(context.Background(), &b, d))
	return b.String()
}

// inputs are the documents of the writer goldens: the JSON dumps of
// formats/json and formats/markdown testdata, and the shared table.md.
func inputs(t testing.TB) map[string]*convert.Document {
	docs := map[string]*convert.Document{}
	for _, dir := range []string{"../json/testdata", "../markdown/testdata"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.json"))
		require.NoError(t, err)
		for _, f := range files {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			d, err := djson.Unmarshal(src)
			require.NoError(t, err, f)
			docs[strings.TrimSuffix(filepath.Base(f), ".json")] = d
		}
	}
	return docs
}

func TestGolden(t *testing.T) {
	for name, d := range inputs(t) {
		t.Run(name, func(t *testing.T) {
			before, err := djson.Marshal(d)
			require.NoError(t, err)
			got := render(t, &html.Writer{FiguresTable: true}, d)
			golden(t, filepath.Join("testdata", name+".html"), []byte(got))
			after, err := djson.Marshal(d)
			require.NoError(t, err)
			assert.Equal(t, string(before), string(after), "the writer must not modify the document")
			wellFormed(t, got)
		})
	}
}

// wellFormed parses s as XML (the standalone output is polyglot, minus the
// doctype).
func wellFormed(t *testing.T, s string) {
	t.Helper()
	s = strings.TrimPrefix(s, "<!DOCTYPE html>\n")
	dec := xml.NewDecoder(strings.NewReader(s))
	dec.Strict = true
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return
		}
		require.NoError(t, err, "not well-formed XML")
	}
}

func TestScriptEscaped(t *testing.T) {
	d, err := (&markdown.Reader{}).Parse([]byte("<script>alert(1)</script>\n\nA <script>x</script> [x](javascript:alert(1)) [y](JaVa\tScRiPt:alert(2)) [z](data:text/html,hi) [ok](https://e.com/?a=1&b=\"2\")\n"))
	require.NoError(t, err)
	// The Markdown reader drops raw HTML; text from any other reader that
	// looks like markup must come out escaped.
	d.Blocks = append(d.Blocks, &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "<script>alert(3)</script>"}}})
	var rep convert.Report
	got := render(t, &html.Writer{Report: &rep}, d)
	body := got[strings.Index(got, "<body>"):]
	assert.NotContains(t, body, "<script")
	assert.NotContains(t, body, "alert(1)", "raw HTML from Markdown is dropped")
	assert.Contains(t, body, "&lt;script&gt;alert(3)&lt;/script&gt;")
	assert.NotContains(t, strings.ToLower(body), "javascript:")
	assert.NotContains(t, body, "data:")
	assert.Contains(t, body, `<a href="https://e.com/?a=1&amp;b=%222%22">ok</a>`)
	assert.Equal(t, 2, rep.Get("html", "unsafe links written as text")) // the tab makes [y](…) no link at all
}

func TestFragmentWellFormedXHTML(t *testing.T) {
	for name, d := range inputs(t) {
		var b bytes.Buffer
		require.NoError(t, html.Fragment(&b, d.Blocks, d.Meta.Lang))
		doc := `<div xmlns="http://www.w3.org/1999/xhtml">` + b.String() + `</div>`
		dec := xml.NewDecoder(strings.NewReader(doc))
		dec.Strict = true
		dec.Entity = nil // only the XML predefined entities
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			require.NoError(t, err, "%s: fragment is not well-formed XHTML", name)
		}
		// Only &amp; &lt; &gt; &quot; appear as entities.
		for _, ent := range strings.Split(b.String(), "&")[1:] {
			ok := strings.HasPrefix(ent, "amp;") || strings.HasPrefix(ent, "lt;") || strings.HasPrefix(ent, "gt;") || strings.HasPrefix(ent, "quot;")
			assert.True(t, ok, "%s: entity &%.8s", name, ent)
		}
	}
}

func TestFragment(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, html.Fragment(&b, []convert.Block{
		&convert.Heading{Level: 2, Inlines: []convert.Inline{&convert.Text{Text: "重点 城市"}}},
		&convert.Heading{Level: 2, ID: "x", Inlines: []convert.Inline{&convert.Text{Text: "A"}}},
		&convert.Heading{Level: 2, ID: "x", Inlines: []convert.Inline{&convert.Text{Text: "B"}}},
		&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "地"}, &convert.Ruby{Base: "區", Text: "qū"}, &convert.LineBreak{}}},
		&convert.Rule{},
	}, "zh-Hant"))
	assert.Equal(t, `<h2 id="重点-城市">重点 城市</h2>
<h2 id="x">A</h2>
<h2 id="x-1">B</h2>
<p>地<ruby>區<rp>(</rp><rt>qū</rt><rp>)</rp></ruby><br /></p>
<hr />
`, b.String())
}

func TestFiguresHeading(t *testing.T) {
	for lang, want := range map[string]string{
		"zh-Hant": "數據一覽", "zh-TW": "數據一覽", "zh-Hans": "数据一览", "zh": "数据一览",
		"ja": "数値一覧", "ko": "수치 목록", "en": "Figures", "": "Figures",
	} {
		assert.Equal(t, want, html.FiguresHeading(lang), lang)
	}
}

func TestHeadAndCSS(t *testing.T) {
	d := &convert.Document{Meta: convert.Meta{Title: "T <1>", Lang: "ja", Authors: []string{"A"}, Keywords: []string{"k1", "k2"}, Description: "D", Date: "2024-01-02"},
		Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "本文"}}}}}
	got := render(t, &html.Writer{Fonts: []string{"My Font", "/x/y.ttf"}}, d)
	for _, want := range []string{
		"<!DOCTYPE html>\n", `<html lang="ja" xml:lang="ja">`, `<meta charset="utf-8" />`, "<title>T &lt;1&gt;</title>",
		`<meta name="author" content="A" />`, `<meta name="keywords" content="k1, k2" />`,
		`<meta name="description" content="D" />`, `<meta name="dcterms.date" content="2024-01-02" />`,
		`"Noto Sans JP", "Hiragino Sans", "Yu Gothic"`, `"Noto Sans TC", "PingFang TC", "Microsoft JhengHei"`,
		`"Noto Sans SC", "PingFang SC", "Microsoft YaHei"`, `"Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic"`,
		`font-family: "My Font", `, "text-indent: 2em", "line-break: strict", "text-align: justify", "word-break: normal",
		`<h1 class="title">T &lt;1&gt;</h1>`,
	} {
		assert.Contains(t, got, want)
	}
	assert.NotContains(t, got, "y.ttf")
}

func TestRegistered(t *testing.T) {
	f, err := convert.ByExtension("a.htm")
	require.NoError(t, err)
	assert.Equal(t, "html", f.Name)
	assert.Equal(t, "text/html", f.MediaType)
}

func BenchmarkWrite(b *testing.B) {
	src, err := os.ReadFile("../markdown/testdata/table.json")
	require.NoError(b, err)
	d, err := djson.Unmarshal(src)
	require.NoError(b, err)
	w := &html.Writer{FiguresTable: true}
	for b.Loop() {
		_ = w.Write(context.Background(), io.Discard, d)
	}
}

// Blocks with right-to-left text get dir="auto"; others no attribute.
func TestDirAuto(t *testing.T) {
	d, err := (&markdown.Reader{}).Parse([]byte("# כותרת\n\nEnglish only.\n\nשלום עולם, hello.\n\nHello, مرحبا.\n"))
	require.NoError(t, err)
	got := render(t, &html.Writer{}, d)
	assert.Contains(t, got, `<p>English only.</p>`)
	assert.Contains(t, got, `<p dir="auto">שלום עולם, hello.</p>`)
	assert.Contains(t, got, `<p dir="auto">Hello, مرحبا.</p>`)
}
