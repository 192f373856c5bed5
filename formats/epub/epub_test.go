package epub

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/normalize"
	"github.com/docconv/docconv/fonts"
	_ "github.com/docconv/docconv/formats/markdown"
	"github.com/docconv/docconv/formats/text"
	"github.com/docconv/docconv/golden"
	"github.com/docconv/docconv/internal/notestest"
	"github.com/docconv/docconv/internal/validate"
)

// fixture is a test document and, for text fixtures, its source file.
type fixture struct {
	name string
	src  string // source file, "" for documents built in the test
	doc  func(t *testing.T) *convert.Document
}

func fixtures() []fixture {
	fs := []fixture{{name: "sample", src: "../../examples/article.txt"}}
	for _, n := range []string{"zh-hans", "zh-hant", "ja", "ko", "en", "mixed"} {
		fs = append(fs, fixture{name: n, src: "../../testdata/articles/" + n + ".txt"})
	}
	fs = append(fs, fixture{name: "table", src: "../../testdata/articles/table.md"},
		fixture{name: "notes", src: "../../testdata/notes/water.md"})
	for i := range fs {
		src := fs[i].src
		fs[i].doc = func(t *testing.T) *convert.Document { return readText(t, src) }
	}
	fs = append(fs, fixture{name: "blocks", doc: func(*testing.T) *convert.Document { return blocksDoc() }})
	return fs
}

// readText reads a text or Markdown file the way the CLI does: the reader
// of its extension, the standard clean-up (normalize.Default), then the
// pipeline's title and language defaults.
func readText(t *testing.T, path string) *convert.Document {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	d, err := convert.Read(context.Background(), bytes.NewReader(src), &convert.Options{SourcePath: path, Transforms: normalize.Default()})
	require.NoError(t, err)
	return d
}

func txt(s string) *convert.Text { return &convert.Text{Text: s} }

func para(ins ...convert.Inline) *convert.Paragraph { return &convert.Paragraph{Inlines: ins} }

// tableDoc is testdata/articles/table.md built by hand: a table, a
// link, and every inline the Markdown reader makes.
func tableDoc() *convert.Document {
	cell := func(s string) convert.Cell { return convert.Cell{txt(s)} }
	return &convert.Document{
		Meta: convert.Meta{Title: "二〇二四年主要城市空气质量", Authors: []string{"环境观察编辑部"}, Date: "2025-01-15", Lang: "zh-Hans", Keywords: []string{"空气质量", "PM2.5", "城市"}},
		Blocks: []convert.Block{
			&convert.Heading{Level: 1, ID: "二〇二四年主要城市空气质量", Inlines: []convert.Inline{txt("二〇二四年主要城市空气质量")}},
			para(txt("据生态环境部发布的数据,全国339个地级及以上城市平均优良天数比例为"), &convert.Strong{Inlines: []convert.Inline{txt("87.2%")}},
				txt(",同比上升1.7个百分点。详见"), &convert.Link{URL: "https://www.mee.gov.cn/", Inlines: []convert.Inline{txt("生态环境部网站")}}, txt("。")),
			&convert.Heading{Level: 2, ID: "重点城市", Inlines: []convert.Inline{txt("重点城市")}},
			&convert.Table{
				Align:  []convert.Alignment{convert.AlignLeft, convert.AlignRight, convert.AlignRight},
				Header: []convert.Cell{cell("城市"), cell("PM2.5(微克/立方米)"), cell("优良天数比例")},
				Rows: [][]convert.Cell{
					{cell("北京"), cell("30.5"), cell("79.5%")},
					{cell("上海"), cell("27"), cell("90.2%")},
					{cell("广州"), cell("22"), cell("93.4%")},
				},
			},
			para(txt("主要变化:")),
			&convert.List{Ordered: true, Tight: true, Items: [][]convert.Block{
				{para(txt("京津冀地区PM2.5浓度下降"), &convert.Emph{Inlines: []convert.Inline{txt("5.6%")}}, txt(";"))},
				{para(txt("长三角地区优良天数比例达到85.1%;"))},
				{para(&convert.Strike{Inlines: []convert.Inline{txt("臭氧污染有所加重")}}, txt(" 臭氧浓度基本持平。"))},
			}},
			&convert.Quote{Blocks: []convert.Block{para(txt("专家指出,空气质量改善仍需持续发力,"), &convert.Code{Text: "PM2.5"}, txt("与臭氧协同治理是下一阶段的重点。"))}},
			&convert.Rule{},
			para(txt("数据来源:生态环境部《2024年中国生态环境状况公报》。")),
		},
	}
}

// blocksDoc exercises every block and inline, escaping, ruby, links of
// every kind, nested headings and forbidden characters.
func blocksDoc() *convert.Document {
	return &convert.Document{
		Meta: convert.Meta{Title: "Blocks & <markup>", Subtitle: "A \"test\"", Authors: []string{"A. Writer", "B. Editor"}, Date: "2024年3月5日", Lang: "en",
			Description: "Every block kind.", Keywords: []string{"test"}, Source: "https://example.com/a?b=1&c=2"},
		Blocks: []convert.Block{
			para(txt("Before the first heading <script>alert(1)</script> & \"quotes\"\x01.")),
			&convert.Heading{Level: 2, Inlines: []convert.Inline{txt("Part <one>")}},
			para(txt("See "), &convert.Link{URL: "#later", Inlines: []convert.Inline{txt("later")}}, txt(", "),
				&convert.Link{URL: "javascript:alert(1)", Inlines: []convert.Inline{txt("unsafe")}}, txt(", "),
				&convert.Link{URL: "other.md", Inlines: []convert.Inline{txt("relative")}}, txt(", "),
				&convert.Link{URL: "mailto:a@example.com", Title: "mail \"me\"", Inlines: []convert.Inline{txt("mail")}}, txt(" and "),
				&convert.Link{URL: "https://example.com/a b?x=1&y=2"}),
			&convert.Heading{Level: 4, Inlines: []convert.Inline{txt("Skipped level")}},
			para(&convert.Ruby{Base: "區", Text: "qū"}, txt("域"), &convert.LineBreak{}, &convert.Strong{Inlines: []convert.Inline{&convert.Emph{Inlines: []convert.Inline{txt("both")}}}}),
			&convert.CodeBlock{Lang: "go <x>", Text: "fmt.Println(\"<&>\")\n"},
			&convert.List{Items: [][]convert.Block{{para(txt("loose")), para(txt("two paragraphs"))}, {&convert.List{Ordered: true, Start: 3, Tight: true, Items: [][]convert.Block{{para(txt("three"))}}}}}},
			&convert.Heading{Level: 2, ID: "later", Inlines: []convert.Inline{txt("Later")}},
			&convert.Heading{Level: 3, ID: "1bad id", Inlines: []convert.Inline{txt("Bad ID")}},
			&convert.Table{Caption: []convert.Inline{txt("Ragged")}, Rows: [][]convert.Cell{{{txt("a")}}, {{txt("b")}, {txt("c")}}}},
			&convert.Heading{Level: 3},
			&convert.Rule{},
		},
	}
}

// write writes d with w and returns the bytes.
func write(t *testing.T, w *Writer, d *convert.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, w.Write(context.Background(), &buf, d))
	return buf.Bytes()
}

// projection is the golden package's projection of an EPUB: the entries,
// then every text file in full.
func projection(t *testing.T, data []byte) string {
	t.Helper()
	s, err := golden.EPUB(data)
	require.NoError(t, err)
	return s
}

// assertGolden compares got with testdata/NAME.golden (-update rewrites it).
func assertGolden(t *testing.T, name, got string) {
	t.Helper()
	golden.Assert(t, filepath.Join("testdata", name+".golden"), got)
}

func TestGolden(t *testing.T) {
	for _, fx := range fixtures() {
		t.Run(fx.name, func(t *testing.T) {
			d := fx.doc(t)
			assertGolden(t, fx.name, projection(t, write(t, &Writer{FiguresTable: true}, d)))
		})
	}
}

func TestStylesheetGolden(t *testing.T) {
	for _, lang := range []string{"zh-Hans", "en"} {
		assertGolden(t, "style-"+lang, stylesheet(scriptOf(lang), []string{"My Font"}, nil))
	}
}

func TestDeterministic(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "")
	for _, fx := range fixtures() {
		d := fx.doc(t)
		a := write(t, &Writer{FiguresTable: true}, d)
		b := write(t, &Writer{FiguresTable: true}, d)
		assert.True(t, bytes.Equal(a, b), "%s: two writes differ", fx.name)
	}
}

func TestDoesNotModifyDocument(t *testing.T) {
	d := blocksDoc()
	before, err := json.Marshal(d)
	require.NoError(t, err)
	write(t, &Writer{FiguresTable: true}, d)
	after, err := json.Marshal(d)
	require.NoError(t, err)
	assert.JSONEq(t, string(before), string(after))
}

func TestContainer(t *testing.T) {
	data := write(t, &Writer{}, tableDoc())
	// mimetype first, stored, no extra field: the OCF signature at byte 30.
	require.Greater(t, len(data), 60)
	assert.Equal(t, "PK\x03\x04", string(data[:4]))
	assert.Equal(t, "mimetypeapplication/epub+zip", string(data[30:58]))
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		assert.Empty(t, f.Extra, f.Name)
		assert.Zero(t, f.Flags&0x8, "%s has a data descriptor", f.Name)
		assert.Equal(t, time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC), f.Modified.UTC(), f.Name)
	}
	assert.Equal(t, []string{"mimetype", "META-INF/container.xml", "EPUB/package.opf", "EPUB/nav.xhtml", "EPUB/toc.ncx",
		"EPUB/css/style.css", "EPUB/xhtml/titlepage.xhtml", "EPUB/xhtml/section0001.xhtml"}, names)
	assert.Equal(t, zip.Store, zr.File[0].Method)
}

func readEntry(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			require.NoError(t, err)
			b, err := io.ReadAll(rc)
			require.NoError(t, err)
			return string(b)
		}
	}
	t.Fatalf("no %s in the EPUB", name)
	return ""
}

func TestModifiedTime(t *testing.T) {
	d := &convert.Document{Meta: convert.Meta{Title: "T"}, Blocks: []convert.Block{para(txt("x"))}}
	t.Setenv("SOURCE_DATE_EPOCH", "")
	opf := readEntry(t, write(t, &Writer{}, d), "EPUB/package.opf")
	assert.Contains(t, opf, `<meta property="dcterms:modified">2000-01-01T00:00:00Z</meta>`)

	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	opf = readEntry(t, write(t, &Writer{}, d), "EPUB/package.opf")
	assert.Contains(t, opf, `<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>`)

	opf = readEntry(t, write(t, &Writer{ModTime: time.Date(2024, 5, 6, 7, 8, 9, 5e8, time.FixedZone("x", 3600))}, d), "EPUB/package.opf")
	assert.Contains(t, opf, `<meta property="dcterms:modified">2024-05-06T06:08:09Z</meta>`)

	d.Meta.Date = "2024年1月2日"
	opf = readEntry(t, write(t, &Writer{}, d), "EPUB/package.opf")
	assert.Contains(t, opf, `<meta property="dcterms:modified">2024-01-02T00:00:00Z</meta>`)
	assert.Contains(t, opf, `<dc:date>2024-01-02</dc:date>`)
}

func TestIdentifier(t *testing.T) {
	d := tableDoc()
	id := func(d *convert.Document) string {
		opf := readEntry(t, write(t, &Writer{}, d), "EPUB/package.opf")
		_, rest, _ := strings.Cut(opf, `<dc:identifier id="pub-id">`)
		v, _, _ := strings.Cut(rest, "<")
		return v
	}
	a := id(d)
	assert.Regexp(t, `^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, a)
	assert.Equal(t, a, id(tableDoc()), "same content, same identifier")
	d.Blocks = d.Blocks[:len(d.Blocks)-1]
	assert.NotEqual(t, a, id(d), "different content, different identifier")
	d.Meta.Identifier = "isbn:9780000000000"
	assert.Equal(t, "isbn:9780000000000", id(d))
	// The known answer of RFC 9562's version 5 algorithm (its appendix
	// example: "www.example.com" in the DNS namespace).
	dns := [16]byte{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	u := v5(dns, "www.example.com")
	assert.Equal(t, "2ed6657de927568b95e12665a8aea6a2", fmt.Sprintf("%x", u))
}

func TestLanguageLabels(t *testing.T) {
	for lang, want := range map[string]string{"zh-Hant": "目錄", "zh-TW": "目錄", "zh-Hans": "目录", "zh": "目录", "ja": "目次", "ko": "목차", "en": "Contents", "": "Contents", "fr": "Contents"} {
		d := &convert.Document{Meta: convert.Meta{Title: "T", Lang: lang}, Blocks: []convert.Block{&convert.Heading{Level: 1, Inlines: []convert.Inline{txt("H")}}}}
		data := write(t, &Writer{}, d)
		nav := readEntry(t, data, "EPUB/nav.xhtml")
		assert.Contains(t, nav, "<h1>"+want+"</h1>", lang)
		tag := lang
		if tag == "" {
			tag = "und"
		}
		for _, name := range []string{"EPUB/nav.xhtml", "EPUB/xhtml/titlepage.xhtml", "EPUB/xhtml/section0001.xhtml"} {
			assert.Contains(t, readEntry(t, data, name), ` lang="`+tag+`" xml:lang="`+tag+`"`, name)
		}
		assert.Contains(t, readEntry(t, data, "EPUB/package.opf"), "<dc:language>"+tag+"</dc:language>")
	}
	rep := &convert.Report{}
	d := &convert.Document{Meta: convert.Meta{Title: "T", Lang: "not a tag"}}
	assert.Contains(t, readEntry(t, write(t, &Writer{Report: rep}, d), "EPUB/package.opf"), "<dc:language>und</dc:language>")
	assert.NotEmpty(t, rep.Warnings())
}

func TestEscapingAndLinks(t *testing.T) {
	rep := &convert.Report{}
	data := write(t, &Writer{Report: rep}, blocksDoc())
	first := readEntry(t, data, "EPUB/xhtml/section0001.xhtml")
	assert.Contains(t, first, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\".")
	assert.NotContains(t, first, "<script")
	assert.NotContains(t, first, "\x01")
	part := readEntry(t, data, "EPUB/xhtml/section0002.xhtml")
	assert.Contains(t, part, `<a href="section0003.xhtml#later">later</a>`)
	assert.Contains(t, part, `<span class="link">unsafe</span>`)
	assert.Contains(t, part, `<span class="link">relative</span>`)
	assert.Contains(t, part, `<a href="mailto:a@example.com" title="mail &quot;me&quot;">mail</a>`)
	assert.Contains(t, part, `<a href="https://example.com/a%20b?x=1&amp;y=2">https://example.com/a b?x=1&amp;y=2</a>`)
	assert.Contains(t, part, `<ruby>區<rp>(</rp><rt>qū</rt><rp>)</rp></ruby>域<br/><strong><em>both</em></strong>`)
	assert.Contains(t, part, `<pre><code class="language-go">fmt.Println("&lt;&amp;&gt;")</code></pre>`)
	assert.Contains(t, readEntry(t, data, "EPUB/package.opf"), `<meta property="schema:accessibilityFeature">rubyAnnotations</meta>`)
	assert.Equal(t, 1, countWarnings(rep, "control characters"))
	assert.Equal(t, 1, countWarnings(rep, "2 links"))

	var strictErr error
	var buf bytes.Buffer
	strictErr = (&Writer{Strict: true}).Write(context.Background(), &buf, blocksDoc())
	require.Error(t, strictErr)
	assert.True(t, errors.Is(strictErr, convert.ErrStrict))
	assert.Zero(t, buf.Len(), "nothing written on error")
}

func countWarnings(rep *convert.Report, sub string) int {
	n := 0
	for _, w := range rep.Warnings() {
		if strings.Contains(w, sub) {
			n++
		}
	}
	return n
}

func TestNavNesting(t *testing.T) {
	h := func(l int, s string) *convert.Heading {
		return &convert.Heading{Level: l, Inlines: []convert.Inline{txt(s)}}
	}
	d := &convert.Document{Meta: convert.Meta{Title: "T", Lang: "en"}, Blocks: []convert.Block{
		para(txt("intro")), h(2, "A"), h(3, "A.1"), h(5, "A.1.a"), h(3, "A.2"), h(2, "B"), h(4, "B.x"), h(1, "Top"),
	}}
	nav := readEntry(t, write(t, &Writer{}, d), "EPUB/nav.xhtml")
	// h1 is the top level: the document splits only before "Top".
	assert.Contains(t, nav, `<ol>
<li><a href="xhtml/section0001.xhtml#h1">A</a>
  <ol>
  <li><a href="xhtml/section0001.xhtml#h2">A.1</a>
    <ol>
    <li><a href="xhtml/section0001.xhtml#h3">A.1.a</a></li>
    </ol>
  </li>
  <li><a href="xhtml/section0001.xhtml#h4">A.2</a></li>
  </ol>
</li>
<li><a href="xhtml/section0001.xhtml#h5">B</a>
  <ol>
  <li><a href="xhtml/section0001.xhtml#h6">B.x</a></li>
  </ol>
</li>
<li><a href="xhtml/section0002.xhtml#h7">Top</a></li>
</ol>`)
}

func TestNoHeadings(t *testing.T) {
	d := &convert.Document{Blocks: []convert.Block{para(txt("只有一段。"))}, Meta: convert.Meta{Lang: "zh-Hans"}}
	data := write(t, &Writer{}, d)
	nav := readEntry(t, data, "EPUB/nav.xhtml")
	assert.Contains(t, nav, `<li><a href="xhtml/titlepage.xhtml#title">无标题</a></li>`)
}

func TestFileTitle(t *testing.T) {
	body := []convert.Block{&convert.Heading{Level: 2, Inlines: []convert.Inline{txt("一、总体要求")}}, para(txt("只有一段。"))}
	doc := func(m convert.Meta) *convert.Document {
		m.Lang = "zh-Hans"
		return &convert.Document{Meta: m, Blocks: body}
	}
	t.Run("real title", func(t *testing.T) {
		data := write(t, &Writer{FileTitle: "article"}, doc(convert.Meta{Title: "城市公园指南"}))
		assert.Contains(t, readEntry(t, data, "EPUB/xhtml/titlepage.xhtml"), `<h1 id="title">城市公园指南</h1>`)
	})
	t.Run("file title only", func(t *testing.T) {
		data := write(t, &Writer{FileTitle: "article"}, doc(convert.Meta{Title: "article"}))
		assert.Contains(t, readEntry(t, data, "EPUB/package.opf"), `<dc:title id="title">article</dc:title>`)
		assert.NotContains(t, readEntry(t, data, "EPUB/package.opf"), "titlepage")
		nav := readEntry(t, data, "EPUB/nav.xhtml")
		assert.NotContains(t, nav, "titlepage")
		assert.Contains(t, nav, `epub:type="bodymatter"`)
		assert.NotContains(t, readEntry(t, data, "EPUB/toc.ncx"), "titlepage")
	})
	t.Run("file title with authors and date", func(t *testing.T) {
		data := write(t, &Writer{FileTitle: "article"}, doc(convert.Meta{Title: "article", Authors: []string{"张三"}, Date: "2025-01-15"}))
		page := readEntry(t, data, "EPUB/xhtml/titlepage.xhtml")
		assert.NotContains(t, page, "<h1")
		assert.NotContains(t, page[strings.Index(page, "<body"):], "article", "the file title is not printed")
		assert.Contains(t, page, `<p class="author">张三</p>`)
		assert.Contains(t, page, "2025年1月15日")
	})
	t.Run("file title, no headings", func(t *testing.T) {
		d := doc(convert.Meta{Title: "article"})
		d.Blocks = body[1:]
		data := write(t, &Writer{FileTitle: "article"}, d)
		assert.Contains(t, readEntry(t, data, "EPUB/nav.xhtml"), `<li><a href="xhtml/`)
		assert.NotContains(t, readEntry(t, data, "EPUB/nav.xhtml"), "titlepage")
	})
	t.Run("empty book keeps a plain title page", func(t *testing.T) {
		data := write(t, &Writer{FileTitle: "article"}, &convert.Document{Meta: convert.Meta{Title: "article"}})
		page := readEntry(t, data, "EPUB/xhtml/titlepage.xhtml")
		assert.Contains(t, page, `<p class="filetitle" id="title">article</p>`)
	})
	t.Run("registered writer", func(t *testing.T) {
		f, err := convert.Lookup("epub")
		require.NoError(t, err)
		assert.Equal(t, "article", f.NewWriter(&convert.Options{SourcePath: "dir/article.txt"}).(*Writer).FileTitle)
	})
}

// bigDoc returns a document of about n characters: the sample article
// repeated, a heading every few paragraphs.
func bigDoc(t testing.TB, n int) *convert.Document {
	src, err := os.ReadFile("../../examples/article.txt")
	require.NoError(t, err)
	d, err := (&text.Reader{}).Parse(src)
	require.NoError(t, err)
	d.Meta.Lang = "zh-Hant"
	per := len([]rune(convert.DocumentText(d)))
	out := &convert.Document{Meta: d.Meta}
	for i := 0; i*per < n; i++ {
		out.Blocks = append(out.Blocks, &convert.Heading{Level: 1, Inlines: []convert.Inline{txt(fmt.Sprintf("第%d部分", i+1))}})
		out.Blocks = append(out.Blocks, d.Blocks...)
	}
	return out
}

// longSection is one section of ~300 000 characters (~900 KB of XHTML),
// with an oversized paragraph, table, list and code block.
func longSection() *convert.Document {
	long := strings.Repeat("这是一个很长的句子，用来测试分割。", 4000) // ~64 000 chars, 192 KB
	var rows [][]convert.Cell
	var items [][]convert.Block
	for i := range 3000 {
		rows = append(rows, []convert.Cell{{txt(fmt.Sprintf("第%d行", i))}, {txt(strings.Repeat("数据", 20))}})
		items = append(items, []convert.Block{para(txt(strings.Repeat("项目", 30)))})
	}
	d := &convert.Document{Meta: convert.Meta{Title: "长文", Lang: "zh-Hans"}, Blocks: []convert.Block{
		&convert.Heading{Level: 1, Inlines: []convert.Inline{txt("唯一一节")}},
		para(txt(long)),
		&convert.Table{Header: []convert.Cell{{txt("行")}, {txt("值")}}, Rows: rows},
		&convert.List{Ordered: true, Items: items},
		&convert.CodeBlock{Text: strings.Repeat("fmt.Println(\"长代码行\")\n", 20000)},
	}}
	return d
}

func TestSplitLongSections(t *testing.T) {
	data := write(t, &Writer{MaxDocumentSize: 100 << 10}, longSection())
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var all strings.Builder
	docs := 0
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "EPUB/xhtml/section") {
			docs++
			assert.LessOrEqual(t, f.UncompressedSize64, uint64(100<<10+1024), f.Name)
			all.WriteString(readEntry(t, data, f.Name))
		}
	}
	assert.Greater(t, docs, 8)
	s := all.String()
	assert.Equal(t, 4000, strings.Count(s, "用来测试分割。"), "every sentence kept once")
	assert.Equal(t, 3000, strings.Count(s, "<li>"), "every item kept once")
	assert.Equal(t, 3001, strings.Count(s, "</tr>")-strings.Count(s, "<thead>")+1, "every row kept once")
	assert.Equal(t, 20000, strings.Count(s, "长代码行"), "every code line kept once")
	assert.Contains(t, s, `<p class="cont">`)
	assert.Contains(t, s, `<ol start="`)
}

// cjkFont is the 4 MB default CJK font, a good test of subsetting.
const cjkFont = "../../fonts/embedded/DroidSansFallbackFull.ttf"

func TestFontSubset(t *testing.T) {
	font := cjkFont
	if _, err := os.Stat(font); err != nil {
		t.Skip("embedded CJK font file not found")
	}
	rep := &convert.Report{}
	d := readText(t, "../../examples/article.txt")
	data := write(t, &Writer{EmbedFonts: []string{font}, Report: rep}, d)
	assert.Less(t, len(data), 400<<10, "the 4 MB font is subset")
	css := readEntry(t, data, "EPUB/css/style.css")
	assert.Contains(t, css, `@font-face {
  font-family: "Droid Sans Fallback";`)
	assert.Contains(t, css, `src: url("../fonts/font1.ttf") format("truetype");`)
	assert.Contains(t, css, `font-family: "Droid Sans Fallback", "AR PL UMing TW", "Noto Serif CJK TC"`)
	opf := readEntry(t, data, "EPUB/package.opf")
	assert.Contains(t, opf, `href="fonts/font1.ttf" media-type="font/ttf"`)
	sub := readEntry(t, data, "EPUB/fonts/font1.ttf")
	assert.Less(t, len(sub), 300<<10)
	assert.Greater(t, rep.Get("epub", "characters in embedded font subsets"), 500)
	assert.True(t, bytes.Equal(data, write(t, &Writer{EmbedFonts: []string{font}}, d)), "deterministic with fonts")

	_, err := tryWrite(&Writer{EmbedFonts: []string{"/no/such/font.ttf"}}, d)
	assert.Error(t, err)
}

// cffFont is a small CFF (OpenType 'OTTO') font: a subset of Noto Serif
// CJK TC (SIL OFL) kept for tests.
const cffFont = "../../fonts/testdata/NotoSerifCJKtc-subset.otf"

// notoSerifTTC is Debian's Noto Serif CJK collection (fonts-noto-cjk).
const notoSerifTTC = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"

// TestFontSubsetCFF embeds a CFF font: an OpenType CFF subset, font/otf,
// format("opentype").
func TestFontSubsetCFF(t *testing.T) {
	d := &convert.Document{Blocks: []convert.Block{para(txt("骨角值令說內，中文字體測試。ABC"))}, Meta: convert.Meta{Lang: "zh-Hant"}}
	rep := &convert.Report{}
	data := write(t, &Writer{EmbedFonts: []string{cffFont}, Report: rep}, d)
	css := readEntry(t, data, "EPUB/css/style.css")
	assert.Contains(t, css, `src: url("../fonts/font1.otf") format("opentype");`)
	assert.Contains(t, css, `font-family: "Noto Serif CJK TC";`)
	opf := readEntry(t, data, "EPUB/package.opf")
	assert.Contains(t, opf, `href="fonts/font1.otf" media-type="font/otf"`)
	sub := readEntry(t, data, "EPUB/fonts/font1.otf")
	assert.Equal(t, "OTTO", sub[:4])
	f, err := fonts.Parse([]byte(sub))
	require.NoError(t, err)
	assert.True(t, f.CFF())
	for _, r := range "骨角值令說內，中文字體測試。ABC" {
		assert.True(t, f.HasGlyph(r), "%c", r)
	}
	assert.True(t, bytes.Equal(data, write(t, &Writer{EmbedFonts: []string{cffFont}}, d)), "deterministic with fonts")
}

// TestFontSubsetRegional embeds "Noto Serif CJK" (no region) in books in
// different languages: each gets its region's face.
func TestFontSubsetRegional(t *testing.T) {
	if _, err := os.Stat(notoSerifTTC); err != nil {
		validate.Missing(t, "Noto Serif CJK not installed (apt-get install fonts-noto-cjk): regional faces not checked")
	}
	for lang, family := range map[string]string{"zh-Hant": "Noto Serif CJK TC", "zh-Hans": "Noto Serif CJK SC", "ja": "Noto Serif CJK JP", "ko": "Noto Serif CJK KR", "zh-HK": "Noto Serif CJK HK"} {
		d := &convert.Document{Blocks: []convert.Block{para(txt("骨角值令說內"))}, Meta: convert.Meta{Lang: lang}}
		for _, spec := range []string{"Noto Serif CJK", notoSerifTTC} {
			css := readEntry(t, write(t, &Writer{EmbedFonts: []string{spec}}, d), "EPUB/css/style.css")
			assert.Contains(t, css, `font-family: "`+family+`";`, "%s %s", lang, spec)
			css = readEntry(t, write(t, &Writer{Fonts: []string{spec}}, d), "EPUB/css/style.css")
			assert.Contains(t, css, `font-family: "`+family+`", `, "%s %s in the font stack", lang, spec)
		}
	}
}

// tryWrite is Write into a buffer.
func tryWrite(w *Writer, d *convert.Document) ([]byte, error) {
	var buf bytes.Buffer
	err := w.Write(context.Background(), &buf, d)
	return buf.Bytes(), err
}

func TestConcurrentWrites(t *testing.T) {
	d := tableDoc()
	want := write(t, &Writer{}, d)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got, err := tryWrite(&Writer{}, d)
			assert.NoError(t, err)
			assert.True(t, bytes.Equal(want, got))
		}()
	}
	wg.Wait()
}

func TestRegistered(t *testing.T) {
	f, err := convert.Lookup("epub")
	require.NoError(t, err)
	assert.Equal(t, "application/epub+zip", f.MediaType)
	assert.True(t, f.Binary)
	assert.Equal(t, "epub", f.Ext())
	w, ok := f.NewWriter(&convert.Options{FiguresTable: true, EmbedFonts: []string{"x"}}).(*Writer)
	require.True(t, ok)
	assert.True(t, w.FiguresTable)
	assert.Equal(t, []string{"x"}, w.EmbedFonts)
	_, ok = f.NewWriter(nil).(*Writer)
	assert.True(t, ok)
	rep := &convert.Report{}
	w = f.NewWriter(&convert.Options{Vars: map[string]string{"epub.max-document-size": "1000"}}).(*Writer)
	assert.Equal(t, 1000, w.MaxDocumentSize)
	w = f.NewWriter(&convert.Options{Report: rep, Vars: map[string]string{"epub.max-document-size": "big"}}).(*Writer)
	assert.Zero(t, w.MaxDocumentSize)
	assert.Len(t, rep.Warnings(), 1)
}

// TestEpubcheck validates the fixtures and the edge cases (no headings,
// empty document, sections split across documents, an embedded font
// subset) with EPUBCheck, all in one JVM (seconds per JVM), each book's
// verdict in a subtest of its own.
func TestEpubcheck(t *testing.T) {
	type check struct {
		name string
		w    *Writer
		doc  func(t *testing.T) *convert.Document
	}
	var checks []check
	for _, fx := range fixtures() {
		checks = append(checks, check{fx.name, &Writer{FiguresTable: true}, fx.doc})
	}
	checks = append(checks,
		// Notes cut across documents; many notes, task items, sub/sup.
		check{"notes-cut", &Writer{MaxDocumentSize: 20_000}, func(*testing.T) *convert.Document { return cutNotesDoc() }},
		check{"notes-many", &Writer{}, func(*testing.T) *convert.Document { return notestest.Doc(30) }},
		check{"noheadings", &Writer{}, func(*testing.T) *convert.Document {
			return &convert.Document{Blocks: []convert.Block{para(txt("只有一段。"))}, Meta: convert.Meta{Lang: "zh-Hans"}}
		}},
		check{"empty", &Writer{FiguresTable: true}, func(*testing.T) *convert.Document { return &convert.Document{} }},
		check{"filetitle", &Writer{FileTitle: "article"}, func(t *testing.T) *convert.Document {
			return readText(t, "../../examples/article.txt")
		}},
		check{"filetitle-noheadings", &Writer{FileTitle: "note"}, func(*testing.T) *convert.Document {
			return &convert.Document{Blocks: []convert.Block{para(txt("只有一段。"))}, Meta: convert.Meta{Title: "note", Lang: "zh-Hans"}}
		}},
		check{"filetitle-authors", &Writer{FileTitle: "note"}, func(*testing.T) *convert.Document {
			return &convert.Document{Blocks: []convert.Block{para(txt("只有一段。"))},
				Meta: convert.Meta{Title: "note", Lang: "zh-Hans", Authors: []string{"张三"}}}
		}},
		check{"split", &Writer{MaxDocumentSize: 100 << 10}, func(*testing.T) *convert.Document { return longSection() }},
		check{"hostile", &Writer{}, func(*testing.T) *convert.Document { return hostileDoc() }},
	)
	if _, err := os.Stat(cjkFont); err == nil {
		checks = append(checks, check{"font", &Writer{EmbedFonts: []string{cjkFont}}, func(t *testing.T) *convert.Document {
			return readText(t, "../../examples/article.txt")
		}})
	}
	checks = append(checks, check{"cff-font", &Writer{EmbedFonts: []string{cffFont}}, func(t *testing.T) *convert.Document {
		return &convert.Document{Blocks: []convert.Block{para(txt("骨角值令說內，中文字體測試。ABC xyz 0123"))}, Meta: convert.Meta{Lang: "zh-Hant"}}
	}})
	if _, err := os.Stat(notoSerifTTC); err == nil {
		checks = append(checks, check{"noto-serif-cjk", &Writer{EmbedFonts: []string{"Noto Serif CJK"}}, func(t *testing.T) *convert.Document {
			return readText(t, "../../examples/article.txt")
		}})
	}
	if testing.Short() {
		t.Skip("epubcheck: skipped in -short mode (seconds per book)")
	}
	books := map[string][]byte{}
	for _, c := range checks {
		books[c.name] = write(t, c.w, c.doc(t))
	}
	reports := validate.EPUBCheck(t, books)
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			r := reports[c.name]
			assert.True(t, r.Clean(), "epubcheck %s (status %d):\n%s", c.name, r.Status, r.Output)
		})
	}
}

// TestTextRecovery checks that every character of the model's text (the
// text writer's output, list numbers aside) is in the EPUB's XHTML.
func TestTextRecovery(t *testing.T) {
	for _, fx := range fixtures() {
		if fx.src == "" {
			continue
		}
		t.Run(fx.name, func(t *testing.T) {
			d := fx.doc(t)
			got, err := validate.EPUBText(write(t, &Writer{}, d))
			require.NoError(t, err)
			// The clean-up changes the source (fullwidth punctuation, pinyin
			// removed), so compare with the text of the model.
			missing, _ := validate.Recovery(convert.DocumentText(d), got)
			assert.Empty(t, missing, "characters missing from the EPUB")
		})
	}
}

func TestSplitText(t *testing.T) {
	s := strings.Repeat("一二三四五。", 100) + strings.Repeat("abc ", 100) + strings.Repeat("字", 300)
	parts := splitText(s, 200, false)
	assert.Equal(t, s, strings.Join(parts, ""))
	for _, p := range parts {
		assert.LessOrEqual(t, len(p), 200)
		assert.True(t, strings.ToValidUTF8(p, "") == p, "cut inside a character")
	}
}

// hostileDoc has links of every kind the URL policy sorts, an impossible
// date set by a library caller, and right-to-left text.
func hostileDoc() *convert.Document {
	var ins []convert.Inline
	for _, u := range []string{"https://example.com/?q=<b>", "https://例子.测试/路径 x", "javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "rel.html", "tel:+1-555", "mailto:a@b.c"} {
		ins = append(ins, &convert.Link{URL: u, Inlines: []convert.Inline{txt("link ")}})
	}
	return &convert.Document{Meta: convert.Meta{Title: "Hostile", Lang: "en", Date: "2024-02-30"}, Blocks: []convert.Block{
		para(ins...),
		para(txt("שלום עולם, hello world, עברית.")),
		para(txt("مرحبا بالعالم")),
	}}
}

func TestHostileLinksAndDate(t *testing.T) {
	data := write(t, &Writer{}, hostileDoc())
	s := projection(t, data)
	assert.Contains(t, s, `href="https://example.com/?q=%3Cb%3E"`)
	assert.Contains(t, s, `href="https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84%20x"`)
	assert.Contains(t, s, `href="tel:+1-555"`)
	for _, bad := range []string{"javascript", "file:", "data:text", "rel.html", "2024-02-30"} {
		assert.NotContains(t, s, bad)
	}
	assert.Contains(t, s, `<p dir="auto">שלום עולם`)
	assert.Contains(t, s, `<p dir="auto">مرحبا`)
	assert.Contains(t, s, `<p><a href="https://example.com/?q=%3Cb%3E">`)
	assert.Equal(t, "", w3cDate("2024-02-30"))
	assert.Equal(t, "2024-02-29", w3cDate("2024-02-29"))
	assert.Equal(t, "2024-02-29T10:00:00Z", w3cDate("2024-02-29T10:00:00Z"))
}

// TestPageBreak: a page break at the top level starts a new content
// document (every reading system starts it on a new page); inside a quote
// it is a CSS page break.
func TestPageBreak(t *testing.T) {
	pb := &convert.PageBreak{}
	d := &convert.Document{Meta: convert.Meta{Title: "改頁", Lang: "ja"}, Blocks: []convert.Block{
		pb, para(txt("一。")), pb, pb, para(txt("二。")), &convert.Quote{Blocks: []convert.Block{pb, para(txt("三。"))}}, pb,
	}}
	data := write(t, &Writer{}, d)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var docs []string
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "EPUB/xhtml/section") {
			docs = append(docs, readEntry(t, data, f.Name))
		}
	}
	require.Len(t, docs, 2)
	assert.Contains(t, docs[0], "一。")
	assert.NotContains(t, docs[0], "pagebreak")
	assert.Contains(t, docs[1], "二。")
	assert.Contains(t, docs[1], `<blockquote>
<div class="pagebreak" style="page-break-after: always; break-after: page"></div>`)
}
