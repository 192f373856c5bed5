package markdown_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
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

func read(t testing.TB, src []byte) *convert.Document {
	t.Helper()
	d, err := (&markdown.Reader{}).Read(context.Background(), bytes.NewReader(src))
	require.NoError(t, err)
	return d
}

func dump(t testing.TB, d *convert.Document) []byte {
	t.Helper()
	b, err := djson.Marshal(d)
	require.NoError(t, err)
	return b
}

func write(t testing.TB, d *convert.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, (&markdown.Writer{}).Write(context.Background(), &b, d))
	return b.Bytes()
}

// fixtures are the Markdown inputs: this package's testdata and the
// shared article fixture.
func fixtures(t testing.TB) []string {
	files, err := filepath.Glob(filepath.Join("testdata", "*.md"))
	require.NoError(t, err)
	var in []string
	for _, f := range files {
		if !strings.HasSuffix(f, ".out.md") {
			in = append(in, f)
		}
	}
	return append(in, filepath.Join("..", "..", "testdata", "articles", "table.md"))
}

// TestGolden reads each fixture (golden: its JSON dump, NAME.json), writes
// it back (golden: NAME.out.md), and checks the round trips
// md → json → md → json and json → json.
func TestGolden(t *testing.T) {
	for _, f := range fixtures(t) {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			d := read(t, src)
			j1 := dump(t, d)
			golden(t, filepath.Join("testdata", name+".json"), j1)

			md := write(t, d)
			golden(t, filepath.Join("testdata", name+".out.md"), md)
			assert.Equal(t, string(j1), string(dump(t, d)), "the writer must not modify the document")

			j2 := dump(t, read(t, md))
			assert.Equal(t, string(j1), string(j2), "md → json → md → json")

			dj, err := djson.Unmarshal(j1)
			require.NoError(t, err)
			assert.Equal(t, string(j1), string(dump(t, dj)), "json → json")
			assert.Equal(t, string(md), string(write(t, dj)), "json → md")
		})
	}
}

// TestFromJSON writes a dump that did not come from Markdown (every node
// type, ruby, captions…) and checks that one more round trip changes
// nothing.
func TestFromJSON(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "json", "testdata", "sample.json"))
	require.NoError(t, err)
	d, err := djson.Unmarshal(src)
	require.NoError(t, err)
	md := write(t, d)
	golden(t, filepath.Join("testdata", "sample.out.md"), md)
	d2 := read(t, md)
	md2 := write(t, d2)
	assert.Equal(t, string(md), string(md2), "md → model → md is a fixed point")
}

func TestSoftBreaks(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"中文\n中文", "中文中文"},
		{"中文。\n「引」", "中文。「引」"},
		{"中文\nEnglish", "中文 English"},
		{"English\n中文", "English 中文"},
		{"a\nb", "a b"},
		{"日本\nかな", "日本かな"},
		{"한국어\n문장", "한국어 문장"},
		{"**中**\n文", "中文"},
		{"他說：“\n你好”", "他說：“你好”"},
	} {
		d := read(t, []byte(tc.in))
		require.Len(t, d.Blocks, 1, tc.in)
		assert.Equal(t, tc.want, convert.BlockText(d.Blocks[0]), tc.in)
	}
}

func TestRawHTML(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"<script>alert(1)</script>\n", ""},
		{"A <script>x</script>.\n", "A ."},
		{"A <script>x</script> b\n", "A b"},
		{"<style>p{}</style>\n\n<!-- c -->\n\n<iframe src=x></iframe>\n\n<object><p>x</p></object>\n", ""},
		{"<div onclick=\"evil()\">这是一段内嵌 HTML。</div>\n", "这是一段内嵌 HTML。"},
		{"<div>\n  a &amp;\n  <em>b</em>  </div>\n", "a & b"},
		{"<div></div>\n", ""},
		{"x <span class=a>y</span> z\n", "x y z"},
		{"x <!-- c --> z\n", "x z"},
		{"x <a href=\"javascript:alert(1)\">y</a>\n", "x y"},
		{"x <strong>unclosed\n", "x unclosed"},
		{"x </em> y\n", "x y"},
	} {
		d := read(t, []byte(tc.in))
		assert.Equal(t, tc.want, strings.TrimSpace(convert.DocumentText(d)), tc.in)
		md := string(write(t, d))
		assert.NotContains(t, md, "<script", tc.in)
		assert.NotContains(t, md, "<div", tc.in)
	}
}

func TestRawHTMLInline(t *testing.T) {
	d := read(t, []byte(`<b>b</b> <i>i</i> <s>s</s> <code>c</code> a<br>b <a href="https://e.com/" title="T">l</a> <ruby>漢<rt>かん</rt></ruby>`))
	require.Len(t, d.Blocks, 1)
	var kinds []string
	for _, in := range d.Blocks[0].(*convert.Paragraph).Inlines {
		switch x := in.(type) {
		case *convert.Strong:
			kinds = append(kinds, "strong")
		case *convert.Emph:
			kinds = append(kinds, "emph")
		case *convert.Strike:
			kinds = append(kinds, "strike")
		case *convert.Code:
			kinds = append(kinds, "code:"+x.Text)
		case *convert.LineBreak:
			kinds = append(kinds, "br")
		case *convert.Link:
			kinds = append(kinds, "link:"+x.URL+":"+x.Title)
		case *convert.Ruby:
			kinds = append(kinds, "ruby:"+x.Base+":"+x.Text)
		}
	}
	assert.Equal(t, []string{"strong", "emph", "strike", "code:c", "br", "link:https://e.com/:T", "ruby:漢:かん"}, kinds)
}

func TestRawHTMLReport(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "rawhtml.md"))
	require.NoError(t, err)
	f, err := convert.Lookup("markdown")
	require.NoError(t, err)
	var rep convert.Report
	d, err := f.NewReader(&convert.Options{Report: &rep}).Read(context.Background(), bytes.NewReader(src))
	require.NoError(t, err)
	assert.NotContains(t, convert.DocumentText(d), "evil")
	assert.NotContains(t, convert.DocumentText(d), "alert")
	assert.Equal(t, 28, rep.Get("markdown", "raw HTML elements dropped"), "<img> without alt text is a decorative image, kept")

	_, err = f.NewReader(&convert.Options{}).Read(context.Background(), bytes.NewReader(src))
	require.NoError(t, err, "no report")
	_, err = f.NewReader(nil).Read(context.Background(), bytes.NewReader(src))
	require.NoError(t, err, "no options")
}

func TestHeadingIDs(t *testing.T) {
	d := read(t, []byte("# 中文標題：測試\n\n# 中文標題：測試\n\n# A {#a-1}\n\n# A\n\n# ！！\n"))
	var got []string
	for _, b := range d.Blocks {
		got = append(got, b.(*convert.Heading).ID)
	}
	assert.Equal(t, []string{"中文標題測試", "中文標題測試-1", "a-1", "a", "section"}, got)
	assert.Equal(t, "hello-world-2024", markdown.Slug("Hello, World! 2024"))
}

func TestEmphasisFallback(t *testing.T) {
	d := &convert.Document{Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{
		&convert.Strong{Inlines: []convert.Inline{&convert.Text{Text: "一是加強合作。"}}},
		&convert.Text{Text: "其次"},
		&convert.Emph{Inlines: []convert.Inline{&convert.Text{Text: "強調"}}},
		&convert.Text{Text: "。"},
	}}}}
	md := string(write(t, d))
	assert.Equal(t, "<strong>一是加強合作。</strong>其次*強調*。\n", md)
	assert.Equal(t, string(dump(t, d)), string(dump(t, read(t, []byte(md)))))
}

func TestFrontMatterError(t *testing.T) {
	_, err := (&markdown.Reader{}).Parse([]byte("---\ntitle: ok\nbad: [\n---\n\ntext\n"))
	require.Error(t, err)
	var ce *convert.Error
	require.True(t, errors.As(err, &ce))
	assert.Greater(t, ce.Line, 1)
	assert.ErrorIs(t, err, convert.ErrInvalidInput)
	assert.True(t, strings.HasPrefix(ce.Err.Error(), "markdown: front matter"), ce.Err.Error())
}

func TestFrontMatterKeepsLines(t *testing.T) {
	// The body keeps its line numbers: the front matter is blanked, not cut.
	d := read(t, []byte("---\ntitle: T\n---\n# H\n"))
	assert.Equal(t, "T", d.Meta.Title)
	require.Len(t, d.Blocks, 1)
	assert.Equal(t, "H", d.Blocks[0].(*convert.Heading).Text())
}

func TestFirstH1Title(t *testing.T) {
	texts := func(d *convert.Document) []string {
		var out []string
		convert.Inspect(d.Blocks, func(n any) bool {
			if h, ok := n.(*convert.Heading); ok {
				out = append(out, fmt.Sprintf("%d %s", h.Level, h.Text()))
			}
			return true
		})
		return out
	}
	tests := []struct {
		name, src, title string
		headings         []string
	}{
		{"promoted", "# 標題 *一*\n\n## A\n\ntext\n\n### B\n\n> ## C\n", "標題 一", []string{"1 A", "2 B", "1 C"}},
		{"setext", "Title\n=====\n\nText.\n", "Title", nil},
		{"line break", "Long\\\ntitle\n=====\n", "Long title", nil},
		{"front matter without title", "---\nlang: en\n---\n# T\n\n## A\n", "T", []string{"1 A"}},
		{"front matter title", "---\ntitle: FM\n---\n# T\n\n## A\n", "FM", []string{"1 T", "2 A"}},
		{"two h1", "# T\n\n# U\n", "", []string{"1 T", "1 U"}},
		{"h1 in a quote", "# T\n\n> # U\n", "", []string{"1 T", "1 U"}},
		{"not first", "Text.\n\n# T\n\n## A\n", "", []string{"1 T", "2 A"}},
		{"first is h2", "## A\n\n# T\n", "", []string{"2 A", "1 T"}},
		{"empty heading", "#\n\n## A\n", "", []string{"1 ", "2 A"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := read(t, []byte(tt.src))
			assert.Equal(t, tt.title, d.Meta.Title)
			assert.Equal(t, tt.headings, texts(d))
			j1 := dump(t, d)
			assert.Equal(t, string(j1), string(dump(t, read(t, write(t, d)))), "md → model → md → model")
		})
	}
	// The identifiers are those of the promoted document: the title does
	// not reserve its slug.
	d := read(t, []byte("# Intro\n\n## Intro\n"))
	assert.Equal(t, "Intro", d.Meta.Title)
	assert.Equal(t, "intro", d.Blocks[0].(*convert.Heading).ID)
}

func TestRegistered(t *testing.T) {
	for _, n := range []string{"markdown", "md", "gfm"} {
		f, err := convert.Lookup(n)
		require.NoError(t, err)
		assert.Equal(t, "markdown", f.Name)
	}
	f, err := convert.ByExtension("a.markdown")
	require.NoError(t, err)
	assert.Equal(t, "text/markdown", f.MediaType)
}

func FuzzRead(f *testing.F) {
	for _, p := range fixtures(f) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := (&markdown.Reader{}).Parse(src)
		if err != nil {
			return
		}
		unsafe := false
		convert.Inspect(d.Blocks, func(n any) bool {
			if l, ok := n.(*convert.Link); ok {
				if _, k := convert.LinkTarget(l.URL); k == convert.LinkUnsafe {
					unsafe = true
				}
			}
			return !unsafe
		})
		if unsafe {
			return // the writer writes an unsafe link as its text, by design (TestWriteUnsafeLinks)
		}
		j1 := dump(t, d)
		md := write(t, d)
		d2, err := (&markdown.Reader{}).Parse(md)
		require.NoError(t, err, "reading writer output %q", md)
		j2 := dump(t, d2)
		require.Equal(t, string(j1), string(j2), "md → json → md → json\ninput: %q\nwritten: %q", src, md)
	})
}

func BenchmarkRead(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "articles", "table.md"))
	require.NoError(b, err)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		_, _ = (&markdown.Reader{}).Parse(src)
	}
}

func BenchmarkWrite(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "articles", "table.md"))
	require.NoError(b, err)
	d := read(b, src)
	for b.Loop() {
		_, _ = (&markdown.Writer{}).Render(d)
	}
}

// TestConcurrentRead checks that readers share the goldmark parser safely
// (run with -race).
func TestConcurrentRead(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "articles", "table.md"))
	require.NoError(t, err)
	want := string(dump(t, read(t, src)))
	t.Run("group", func(t *testing.T) {
		for i := range 4 {
			t.Run(strconv.Itoa(i), func(t *testing.T) {
				t.Parallel()
				assert.Equal(t, want, string(dump(t, read(t, src))))
			})
		}
	})
}

func TestFiguresTable(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "articles", "table.md"))
	require.NoError(t, err)
	d := read(t, src)
	before := string(dump(t, d))
	md, err := (&markdown.Writer{FiguresTable: true}).Render(d)
	require.NoError(t, err)
	golden(t, filepath.Join("testdata", "table.figures.out.md"), []byte(md))
	assert.Contains(t, md, "\n## 数据一览\n\n| 序号 | 数字 | 数值 |")
	assert.Equal(t, before, string(dump(t, d)), "the writer must not modify the document")
}

// TestRoundTripEdges covers shapes found by fuzzing.
func TestRoundTripEdges(t *testing.T) {
	for _, in := range []string{
		"0000000\n1. 0)\n   0\n\n0.", // nested empty item, then more content, loose list
		"-\n  -\n  0\n\n  0",         // the same with bullets
		"* + *",                      // "- - -" would be a rule
		"<kbd>0</kbd><kbd>0</kbd>0",  // adjacent code spans
		"* 0\n  <!A0>0",              // paragraphs from an HTML block in a tight item
		"* 0\n  1) <p",               // an item of raw HTML only
		"- a\n\n  <!-- x -->",        // a loose list left with one block
		"<A><A>",                     // a paragraph of dropped tags
		"`\r0`",                      // a lone CR in a code span
	} {
		d := read(t, []byte(in))
		md := write(t, d)
		assert.Equal(t, string(dump(t, d)), string(dump(t, read(t, md))), "input %q, written %q", in, md)
	}
}

func TestBinaryRefused(t *testing.T) {
	_, err := (&markdown.Reader{}).Parse([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	require.ErrorIs(t, err, convert.ErrInvalidInput)
	assert.Contains(t, err.Error(), "PNG image")
}

// A front-matter date is validated like -M date=…: an impossible date is
// kept as text in Extra, not used as the publication date, and warned about.
func TestFrontMatterDateValidated(t *testing.T) {
	rep := &convert.Report{}
	d, err := (&markdown.Reader{Report: rep}).Read(context.Background(), strings.NewReader("---\ntitle: T\ndate: 2024-02-30\n---\n\nHello.\n"))
	require.NoError(t, err)
	assert.Empty(t, d.Meta.Date)
	assert.Equal(t, "2024-02-30", d.Meta.Extra["date"])
	assert.Contains(t, strings.Join(rep.Warnings(), "\n"), `date "2024-02-30" is not a valid date`)
	var m convert.Meta
	assert.Error(t, m.Set("date", "2024-02-30"))

	d, err = (&markdown.Reader{}).Read(context.Background(), strings.NewReader("---\ndate: 2024-02-29\n---\n\nHello.\n"))
	require.NoError(t, err)
	assert.Equal(t, "2024-02-29", d.Meta.Date)
}

// Unsafe links are written as their text, and counted.
func TestWriteUnsafeLinks(t *testing.T) {
	d, err := (&markdown.Reader{}).Read(context.Background(), strings.NewReader("[js](javascript:alert(1)) [ok](https://example.com/) <vbscript:x>\n"))
	require.NoError(t, err)
	rep := &convert.Report{}
	out, err := (&markdown.Writer{Report: rep, NoFrontMatter: true}).Render(d)
	require.NoError(t, err)
	assert.Equal(t, "js [ok](https://example.com/) vbscript:x\n", out)
	assert.Equal(t, 2, rep.Get("markdown", "unsafe links written as text"))
}

func TestReadNULIsReplacementCharacter(t *testing.T) {
	// CommonMark 2.3: U+0000 is replaced by U+FFFD, so no NUL reaches the
	// model (and the Markdown written back is not taken for a binary file).
	d, err := (&markdown.Reader{}).Parse([]byte("a\x00b\n"))
	require.NoError(t, err)
	md := write(t, d)
	require.NotContains(t, string(md), "\x00")
	require.Contains(t, string(md), "a\uFFFDb")
}

// TestPageBreak reads the page breaks Markdown files use — raw HTML with a
// page-break style (what the writer writes) and pandoc's \newpage — and
// checks that the writer's form reads back, counting nothing as dropped.
func TestPageBreak(t *testing.T) {
	pb := &convert.PageBreak{}
	para := func(s string) convert.Block {
		return &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: s}}}
	}
	for _, tc := range []struct {
		in   string
		want []convert.Block
	}{
		{"a\n\n" + convert.PageBreakHTML + "\n\nb", []convert.Block{para("a"), pb, para("b")}},
		{"a\n\n\\newpage\n\nb\n\n\\pagebreak", []convert.Block{para("a"), pb, para("b"), pb}},
		{`<div style="break-before: page">x</div>`, []convert.Block{pb, para("x")}},
		{`<p style="page-break-after: always">x`, []convert.Block{para("x"), pb}},
		{`<div style="break-after: page"><div>x</div><div>y</div></div>`, []convert.Block{para("x"), para("y"), pb}},
		{"\\newpage text", []convert.Block{para("\\newpage text")}},
		{"<pre style=\"page-break-after: always\">c</pre>\n<div>d</div>", []convert.Block{&convert.CodeBlock{Text: "c"}, pb, para("d")}},
	} {
		var rep convert.Report
		d, err := (&markdown.Reader{Report: &rep}).Parse([]byte(tc.in))
		require.NoError(t, err)
		assert.Equal(t, tc.want, d.Blocks, tc.in)
		assert.Equal(t, strings.Count(tc.in, "<div>"), rep.Get("markdown", "raw HTML elements dropped"), tc.in)
	}
	d := &convert.Document{Blocks: []convert.Block{para("a"), pb, &convert.List{Tight: true, Items: [][]convert.Block{{para("i"), pb}}}, pb}}
	out := write(t, d)
	assert.Equal(t, "a\n\n"+convert.PageBreakHTML+"\n\n- i\n  "+convert.PageBreakHTML+"\n\n"+convert.PageBreakHTML+"\n", string(out))
	assert.Equal(t, string(dump(t, d)), string(dump(t, read(t, out))))
}
