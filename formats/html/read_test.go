package html_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/normalize"
	"github.com/docconv/docconv/formats/html"
	_ "github.com/docconv/docconv/formats/json"
	"github.com/docconv/docconv/formats/markdown"
)

func readHTML(t testing.TB, src string, rep *convert.Report) *convert.Document {
	t.Helper()
	d, err := (&html.Reader{Report: rep}).Read(context.Background(), strings.NewReader(src))
	require.NoError(t, err)
	return d
}

// md renders the body as Markdown, a compact view of the model.
func md(t testing.TB, d *convert.Document) string {
	t.Helper()
	var b bytes.Buffer
	d2 := *d
	d2.Meta = convert.Meta{}
	require.NoError(t, (&markdown.Writer{}).Write(context.Background(), &b, &d2))
	return strings.TrimSpace(b.String())
}

func TestReadMapping(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"paragraphs", "<p>a  b\n c</p><div>d</div>text", "a b c\n\nd\n\ntext"},
		{"headings", "<h2 id=x>T <b>b</b></h2><h6>six</h6>", "## T **b** {#x}\n\n###### six"},
		{"inline", "<p><strong>s</strong> <b>b</b> <em>e</em> <i>i</i> <s>x</s> <del>y</del> <code>c  d</code></p>", "**s** **b** *e* *i* ~~x~~ ~~y~~ `c d`"},
		{"space outside", "<p>a <b>b</b> c <i>d</i> e<b> </b>f</p>", "a **b** c *d* e f"},
		{"lists", "<ul><li>a<li>b</ul><ol start=4><li>c</ol>", "- a\n- b\n\n4. c"},
		{"nested list", "<ul><li>a<ul><li>b</ul></ul>", "- a\n\n  - b"},
		{"quote", "<blockquote><p>q</p><p>r</p></blockquote>", "> q\n>\n> r"},
		{"pre", "<pre class=\"language-go\">\nx :=  1\n  y</pre>", "```go\nx :=  1\n  y\n```"},
		{"rule and br", "<p>a<br>b</p><hr><p>c</p>", "a\\\nb\n\n***\n\nc"},
		{"link", `<a href="https://e.org/x" title="t">e</a> <a href="javascript:alert(1)">j</a>`, `[e](https://e.org/x "t") j`},
		{"table", "<table><caption>C</caption><thead><tr><th>A<th>B</thead><tr><td colspan=2>x</td></tr><tr><td>1<td>2</table>",
			"C\n\n| A | B |\n| --- | --- |\n| x |  |\n| 1 | 2 |"},
		{"ruby", "<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp>字<rt>ji</rt></ruby></p>", "<ruby>漢<rt>kan</rt></ruby><ruby>字<rt>ji</rt></ruby>"},
		{"image", `<p>see <img src="a.png" alt="a chart"> <img src="b.png"></p>`, "see ![a chart](a.png) ![](b.png)"},
		{"image no source", `<p>see <img alt="a chart"> <img src="javascript:x()" alt="x"></p>`, "see a chart x"},
		{"image lazy", `<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="real.jpg" alt="r"> <img srcset="s.png 1x, l.png 2x" alt="s"></p>`, "![r](real.jpg) ![s](s.png)"},
		{"figure", `<figure id="f1"><picture><source srcset="a.webp"><img src="a.jpg" alt="A cat"></picture><figcaption>A <em>cat</em>.</figcaption></figure>`, "![A *cat*.](a.jpg)"},
		{"figure table", `<figure><figcaption>T</figcaption><table><tr><th>a</th></tr><tr><td>1</td></tr></table></figure>`, "T\n\n| a |\n| --- |\n| 1 |"},
		{"figure other", `<figure><img src="a.png" alt="x"><p>text</p></figure>`, `<img src="a.png" alt="x" />` + "\n\ntext"},
		{"unknown kept", "<p><x-foo>custom</x-foo> <mark>m</mark> <small>2</small></p>", "custom m 2"},
		{"sub sup", "<p>H<sub>2</sub>O, x<sup>2</sup>, <sup> </sup>e</p>", "H<sub>2</sub>O, x<sup>2</sup>, e"},
		{"skipped", "<p>a<script>s()</script><style>p{}</style><noscript>n</noscript><template>t</template></p><form>f</form><iframe>i</iframe><p hidden>h</p><p aria-hidden=true>h</p><p style='display: none'>h</p>b",
			"a\n\nb"},
		{"cjk line break", "<p>第一行\n第二行 and\nmore 한국어\n문장</p>", "第一行第二行 and more 한국어 문장"},
		{"nbsp kept", "<p>a&nbsp;&nbsp;b　c</p>", "a\u00a0\u00a0b　c"},
		{"dl", "<dl><dt>term<dd>def</dl>", "**term**\n\ndef"},
		{"block in inline", `<a href="/x"><div>one</div><div>two</div></a>`, "[one<br />two](/x)"},
		{"page breaks", `<p>a</p><div style="page-break-after: always"></div><h2 style="break-before: page">H</h2><p style="PAGE-BREAK-AFTER:always !important">b</p><p style="page-break-after: auto">c</p>`,
			"a\n\n" + convert.PageBreakHTML + "\n\n" + convert.PageBreakHTML + "\n\n## H\n\nb\n\n" + convert.PageBreakHTML + "\n\nc"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := readHTML(t, "<!DOCTYPE html><body>"+tc.in, nil)
			assert.Equal(t, tc.want, md(t, d))
		})
	}
}

func TestReadArticleExtraction(t *testing.T) {
	src := `<!DOCTYPE html><html lang="en"><head><title>Headline - Site</title>
<meta name="author" content="By Jane Roe"><meta property="article:published_time" content="2024-02-03T10:00:00Z">
<meta name="description" content="What happened."><meta property="og:site_name" content="Site">
<link rel="canonical" href="https://news.example/a/1"></head>
<body><header>Banner</header><nav>Home | World</nav>
<div class="layout"><main><article><header><h1>Headline</h1><p>by Jane</p></header>
<p>Body <a href="../b/2">related</a>.</p><aside>Read more</aside><footer>Share</footer></article>
<article><p>x</p></article></main><aside>ads</aside></div><footer>(c)</footer></body></html>`
	rep := &convert.Report{}
	d := readHTML(t, src, rep)
	assert.Equal(t, "# Headline\n\nby Jane\n\nBody [related](https://news.example/b/2).", md(t, d))
	m := d.Meta
	assert.Equal(t, "Headline", m.Title)
	assert.Equal(t, []string{"Jane Roe"}, m.Authors)
	assert.Equal(t, "2024-02-03T10:00:00Z", m.Date)
	assert.Equal(t, "en", m.Lang)
	assert.Equal(t, "What happened.", m.Description)
	assert.Equal(t, "https://news.example/a/1", m.Source)
	assert.Equal(t, "Site", m.Extra["site"])
	assert.Equal(t, 2, rep.Get("html", "page furniture elements skipped"))

	// Without <article>: <main>, then the body without its furniture.
	d = readHTML(t, `<body><nav>n</nav><div role="main"><p>m</p></div><p>outside</p></body>`, nil)
	assert.Equal(t, "m", md(t, d))
	d = readHTML(t, `<body><header>h</header><nav>n</nav><p>body</p><aside>a</aside><footer>f</footer></body>`, nil)
	assert.Equal(t, "body", md(t, d))
	// The navigation bars of DocBook (navheader, navfooter) and Texinfo
	// (nav-panel) pages, and role="navigation", are furniture too.
	rep = &convert.Report{}
	d = readHTML(t, `<body><div class="navheader"><table><tr><th colspan="3">Chapter 4</th></tr>
<tr><td><a accesskey="p" href="ch03.html">Prev</a></td><td></td><td><a href="ch05.html">Next</a></td></tr></table><hr/></div>
<div class="chapter"><h1><a id="c4"/>Chapter 4</h1><p>Text.</p></div>
<div class="nav-panel"><p>Next: <a href="n.html">N</a></p></div><div role="navigation"><a href="/">Home</a></div>
<div class="navfooter"><hr/><table><tr><td><a href="ch03.html">Prev</a></td><td><a href="index.html">Home</a></td></tr></table></div></body>`, rep)
	assert.Equal(t, "# Chapter 4 {#c4}\n\nText.", md(t, d)) // the anchor gives the heading its ID
	assert.Equal(t, 4, rep.Get("html", "page furniture elements skipped"))
	d = readHTML(t, `<body><main><div class="navheader">Prev</div><p>m</p></main></body>`, nil)
	assert.Equal(t, "m", md(t, d))
	// WholeBody keeps everything but scripts and hidden elements.
	d, err := (&html.Reader{WholeBody: true}).Read(context.Background(), strings.NewReader(`<body><nav>n</nav><article><p>a</p></article></body>`))
	require.NoError(t, err)
	assert.Equal(t, "n\n\na", md(t, d))
}

func TestReadMetaFallbacks(t *testing.T) {
	rep := &convert.Report{}
	d := readHTML(t, `<html><head><title>Only title</title><meta name="date" content="2024-02-30"></head><body><p>x</p>`, rep)
	assert.Equal(t, "Only title", d.Meta.Title)
	assert.Empty(t, d.Meta.Date, "an impossible date is not the publication date")
	assert.Equal(t, "2024-02-30", d.Meta.Extra["date"])
	assert.Contains(t, strings.Join(rep.Warnings(), "\n"), `date "2024-02-30" is not a valid date`)
	d = readHTML(t, `<html lang="bad tag!"><head><meta property="og:title" content="OG"><meta property="og:locale" content="zh_TW"></head><body><h1>H</h1>`, nil)
	assert.Equal(t, "OG", d.Meta.Title)
	assert.Empty(t, d.Meta.Lang, "an invalid lang attribute is not used")
	d = readHTML(t, `<head><meta property="og:locale" content="zh_TW"></head><body><h1>H</h1>`, nil)
	assert.Equal(t, "H", d.Meta.Title)
	assert.Equal(t, "zh-TW", d.Meta.Lang)
}

func TestReadCharsets(t *testing.T) {
	for _, tc := range []struct {
		label string
		enc   encoding.Encoding
		text  string
	}{
		{"gbk", simplifiedchinese.GBK, "简体中文的网页，数据增长百分之五"},
		{"gb18030", simplifiedchinese.GB18030, "简体中文的网页"},
		{"big5", traditionalchinese.Big5, "繁體中文的網頁，數據"},
		{"shift_jis", japanese.ShiftJIS, "日本語のテキスト、カタカナ"},
		{"euc-jp", japanese.EUCJP, "日本語のテキスト"},
		{"euc-kr", korean.EUCKR, "한국어 웹 페이지"},
	} {
		for _, decl := range []string{`<meta charset="%s">`, `<meta http-equiv="Content-Type" content="text/html; charset=%s">`} {
			t.Run(tc.label, func(t *testing.T) {
				page := "<!DOCTYPE html><html><head>" + strings.Replace(decl, "%s", tc.label, 1) +
					"<title>" + tc.text + "</title></head><body><p>" + tc.text + "</p></body></html>"
				src, err := tc.enc.NewEncoder().String(page)
				require.NoError(t, err)
				require.NotEqual(t, page, src)
				rep := &convert.Report{}
				// Through convert.Read with the standard clean-up, which
				// would take GBK bytes for invalid UTF-8.
				d, err := convert.Read(context.Background(), strings.NewReader(src),
					&convert.Options{SourcePath: "page.html", Transforms: normalize.Default(), Report: rep})
				require.NoError(t, err)
				assert.Equal(t, tc.text, d.Meta.Title)
				assert.Equal(t, tc.text, convert.PlainText(d.Blocks[0].(*convert.Paragraph).Inlines))
				assert.Empty(t, rep.Warnings())
			})
		}
	}
	// No declaration, UTF-8 only after the prescan's 1024 bytes.
	d0 := readHTML(t, "<title>t</title>"+strings.Repeat(" ", 2000)+"<p>中文</p>", nil)
	assert.Equal(t, "中文", md(t, d0))
	// UTF-16 with a byte order mark.
	d := readHTML(t, "\xff\xfe"+string(utf16le("<p>一二</p>")), nil)
	assert.Equal(t, "一二", md(t, d))
	// No declaration, not UTF-8: windows-1252, with a warning.
	rep := &convert.Report{}
	d = readHTML(t, "<p>caf\xe9</p>", rep)
	assert.Equal(t, "café", md(t, d))
	assert.Len(t, rep.Warnings(), 1)
	// A PNG named .html is refused.
	_, err := (&html.Reader{}).Read(context.Background(), strings.NewReader("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	assert.ErrorIs(t, err, convert.ErrInvalidInput)
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func TestReadDepthLimit(t *testing.T) {
	deep := strings.Repeat("<div>", html.MaxDepth+1) + "x"
	_, err := (&html.Reader{}).Read(context.Background(), strings.NewReader(deep))
	require.Error(t, err)
	assert.ErrorIs(t, err, convert.ErrLimit)
	var ce *convert.Error
	require.True(t, errors.As(err, &ce))
	assert.Equal(t, 1, ce.Line)
	// Self-closing tags make empty elements, HTML's and SVG's alike;
	// in SVG's integration points the content is HTML again.
	_, err = (&html.Reader{}).Read(context.Background(), strings.NewReader(strings.Repeat("<div/>", 5000)))
	assert.NoError(t, err)
	_, err = (&html.Reader{}).Read(context.Background(), strings.NewReader("<svg>"+strings.Repeat("<path/>", 5000)+"</svg><svg><foreignObject>"+strings.Repeat("<p>", 5000)))
	assert.NoError(t, err)
	_, err = (&html.Reader{}).Read(context.Background(), strings.NewReader("<svg><foreignObject>"+strings.Repeat("<x/>", 5000)))
	assert.NoError(t, err)
	_, err = (&html.Reader{}).Read(context.Background(), strings.NewReader("<svg><foreignObject>"+strings.Repeat("<x>", html.MaxDepth+1)))
	assert.ErrorIs(t, err, convert.ErrLimit)
	// Tables the parser fills with tbody, tr and td pass its own limit of
	// 512 open elements first: ErrLimit all the same.
	_, err = (&html.Reader{}).Read(context.Background(), strings.NewReader(strings.Repeat("<table><tr><td>", 200)))
	assert.ErrorIs(t, err, convert.ErrLimit)
	// Unclosed paragraphs and list items do not nest.
	d := readHTML(t, strings.Repeat("<p>a", 5000)+strings.Repeat("<li>b", 5000), nil)
	assert.Equal(t, 10000, len(d.Blocks))
	// Just below the limit is read, lists flattened past convert.MaxNesting.
	d = readHTML(t, strings.Repeat("<ul><li>", 200)+"x", nil)
	require.NotEmpty(t, d.Blocks)
}

// TestReadSavedPages reads real pages saved from the web (see
// testdata/pages/SOURCES.md).
func TestReadSavedPages(t *testing.T) {
	src, err := os.ReadFile("testdata/pages/wikipedia-mozilla.html")
	require.NoError(t, err)
	rep := &convert.Report{}
	d, err := convert.Read(context.Background(), bytes.NewReader(src),
		&convert.Options{SourcePath: "wikipedia-mozilla.html", Transforms: normalize.Default(), Report: rep})
	require.NoError(t, err)
	assert.Equal(t, "Mozilla", d.Meta.Title)
	assert.Equal(t, "en", d.Meta.Lang)
	assert.Equal(t, "https://en.wikipedia.org/wiki/Mozilla", d.Meta.Source)
	text := convert.DocumentText(d)
	assert.Contains(t, text, "Mozilla is a free-software community, created in 1998 by members of Netscape.")
	for _, furniture := range []string{"Jump to", "[edit]", "Personal tools", "mw.config", "Privacy policy", "Log in"} {
		assert.NotContains(t, text, furniture)
	}
	var heads []string
	for _, b := range d.Blocks {
		if h, ok := b.(*convert.Heading); ok && h.Level == 2 {
			heads = append(heads, convert.PlainText(h.Inlines))
		}
	}
	assert.Contains(t, heads, "History")
	assert.Contains(t, heads, "References")
	images := 0
	convert.Inspect(d.Blocks, func(n any) bool {
		if _, ok := n.(*convert.Image); ok {
			images++
		}
		return true
	})
	assert.Positive(t, images, "the page's images are read")
}

func TestReadBreakParagraphs(t *testing.T) {
	d := readHTML(t, "<div>　一段。<br />　二段。<br />「三段」<br />四<br><br>五<br>六</div>", nil)
	assert.Equal(t, "一段。\n\n二段。\n\n「三段」\\\n四\n\n五\\\n六", md(t, d))
}

// TestReadSavedShiftJIS reads a page of Aozora Bunko as it is served:
// XHTML in Shift_JIS, declared by <meta http-equiv>, with ruby, a hidden
// element and a javascript: link (see testdata/pages/SOURCES.md).
func TestReadSavedShiftJIS(t *testing.T) {
	src, err := os.ReadFile("testdata/pages/aozora-wagahai.html")
	require.NoError(t, err)
	require.False(t, validUTF8(src), "the fixture is Shift_JIS")
	rep := &convert.Report{}
	d, err := convert.Read(context.Background(), bytes.NewReader(src),
		&convert.Options{SourcePath: "aozora-wagahai.html", Transforms: normalize.Default(), Report: rep})
	require.NoError(t, err)
	assert.Equal(t, "吾輩は猫である", d.Meta.Title, "the h1, which <title> contains")
	assert.Equal(t, []string{"夏目漱石"}, d.Meta.Authors)
	assert.Equal(t, "ja", d.Meta.Lang)
	assert.Equal(t, 1, rep.Get("html", "inputs decoded from shift_jis"))
	assert.Equal(t, 1, rep.Get("html", "unsafe links written as text"))
	assert.Empty(t, rep.Warnings())
	p := d.Blocks[3].(*convert.Paragraph)
	assert.Equal(t, "吾輩は猫である。名前はまだ無い。", convert.PlainText(p.Inlines))
	assert.Equal(t, &convert.Ruby{Base: "吾輩", Text: "わがはい"}, p.Inlines[0])
	text := convert.DocumentText(d)
	assert.Contains(t, text, "南無阿弥陀仏南無阿弥陀仏。ありがたいありがたい。")
	assert.Contains(t, text, "●図書カード")
	assert.NotContains(t, text, "（わがはい）", "rp parentheses are not text")
	assert.NotContains(t, text, "goLibCard")
}

// TestReadSelfClosing: <a id="x"/>, as XHTML and DocBook pages write
// their anchors, is an empty element, not an <a> around the rest of the
// section (the HTML standard's tree builder ignores the self-closing flag
// of non-void elements): tables, code blocks and lists after it keep their
// structure.
func TestReadSelfClosing(t *testing.T) {
	src := `<!DOCTYPE html><html lang="zh-Hant"><head><meta charset="utf-8"><title>t</title></head><body>
<div class="table"><a id="t1"/><p class="title"><b>表 1</b></p>
<table><tr><th>檔案</th><th>說明</th></tr><tr><td>/etc/passwd</td><td>帳號</td></tr></table></div>
<a name="s2"/><pre class="screen">user1:$1$Xop0:13262
user2:$1$vXGZ:13261</pre>
<ul><li><p>一</p></li><li><p>二</p></li></ul>
<p>a<span/>b<div/>c</p>
</body></html>`
	d := readHTML(t, src, nil)
	assert.Equal(t, "**表 1**\n\n| 檔案 | 說明 |\n| --- | --- |\n| /etc/passwd | 帳號 |\n\n"+
		"```\nuser1:$1$Xop0:13262\nuser2:$1$vXGZ:13261\n```\n\n- 一\n\n- 二\n\nab\n\nc", md(t, d))
	// Raw-text elements are emptied too, and what follows is read.
	d = readHTML(t, `<html><head><title/><script src="s.js"/><style/></head><body><p>shown</p></body></html>`, nil)
	assert.Equal(t, "shown", md(t, d))
	// <br/> and SVG are as before.
	d = readHTML(t, `<p>a<br/>b<svg><g/><text>no</text></svg></p><p>c</p>`, nil)
	assert.Equal(t, "a\\\nb\n\nc", md(t, d))
	// An empty anchor opening a heading gives the heading its ID, so that
	// the page's own links to it still work.
	d = readHTML(t, `<p><a href="#s2">jump</a></p><h2><a id="s2"/>Second</h2><p>x</p><h2> <a name="s3"></a>Third</h2><h2><a id="no" href="#x">Linked</a></h2>`, nil)
	var ids []string
	for _, b := range d.Blocks {
		if h, ok := b.(*convert.Heading); ok {
			ids = append(ids, h.ID)
		}
	}
	assert.Equal(t, []string{"s2", "s3", ""}, ids)
}

var validUTF8 = utf8.Valid
