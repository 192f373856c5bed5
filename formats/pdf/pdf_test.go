package pdf

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/normalize"
	_ "github.com/docconv/docconv/formats/markdown"
	"github.com/docconv/docconv/formats/text"
	"github.com/docconv/docconv/golden"
	"github.com/docconv/docconv/internal/validate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixtures are the shared test articles (relative to this package).
var fixtures = []string{
	"../../examples/article.txt",
	"../../testdata/articles/zh-hans.txt",
	"../../testdata/articles/zh-hant.txt",
	"../../testdata/articles/ja.txt",
	"../../testdata/articles/ko.txt",
	"../../testdata/articles/en.txt",
	"../../testdata/articles/mixed.txt",
	"../../testdata/articles/table.md",
	"../../testdata/notes/water.md",
}

// readFixture reads an article as the CLI does: its format from the
// extension, the default clean-up transforms.
func readFixture(t testing.TB, path string) *convert.Document {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	d, err := convert.Read(context.Background(), bytes.NewReader(src), &convert.Options{
		SourcePath: filepath.Base(path), Transforms: normalize.Default(),
	})
	require.NoError(t, err)
	return d
}

// plainText is what the text writer writes: the reference for recovery.
func plainText(t testing.TB, d *convert.Document) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, (&text.Writer{}).Write(context.Background(), &b, d))
	return b.String()
}

func fixtureName(path string) string {
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

// projection renders d with w and returns the text of its pages as the
// golden package projects it ("== page N" sections), without the metadata.
func projection(t testing.TB, w *Writer, d *convert.Document) string {
	t.Helper()
	b, err := w.Render(context.Background(), d)
	require.NoError(t, err)
	s, err := golden.PDF(b)
	require.NoError(t, err)
	_, pages, ok := strings.Cut(s, "\n== page 1")
	require.True(t, ok, s)
	return "== page 1" + pages
}

// TestGoldenProjection keeps the golden projection (metadata, fonts,
// outline, text per page) of every fixture's PDF.
func TestGoldenProjection(t *testing.T) {
	for _, path := range fixtures {
		name := fixtureName(path)
		t.Run(name, func(t *testing.T) {
			d := readFixture(t, path)
			b, err := (&Writer{}).Render(context.Background(), d)
			require.NoError(t, err)
			golden.AssertOutput(t, filepath.Join("testdata", "golden", name+".golden"), b)
		})
	}
}

func TestDeterministic(t *testing.T) {
	d := readFixture(t, fixtures[0])
	w := &Writer{TOC: true}
	a, err := w.Render(context.Background(), d)
	require.NoError(t, err)
	b, err := w.Render(context.Background(), d)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(a, b), "two runs gave different bytes")
	assert.LessOrEqual(t, len(a), 195_000)
}

func TestSampleSize(t *testing.T) {
	d := readFixture(t, fixtures[0])
	b, err := (&Writer{}).Render(context.Background(), d)
	require.NoError(t, err)
	// The Ming body face (AR PL UMing TW) has outlines about three times
	// the size of Droid Sans Fallback's: its 560 glyphs are about 155 KB
	// of the 182 KB (the CLI's output, with the normalizing transforms).
	assert.LessOrEqual(t, len(b), 195_000, "the sample's PDF should stay under 195 KB")
}

// TestNoChange checks that the writer leaves the document alone.
func TestNoChange(t *testing.T) {
	d := readFixture(t, fixtures[len(fixtures)-1])
	before, err := json.Marshal(d)
	require.NoError(t, err)
	_, err = (&Writer{TOC: true, FiguresTable: true}).Render(context.Background(), d)
	require.NoError(t, err)
	after, err := json.Marshal(d)
	require.NoError(t, err)
	assert.JSONEq(t, string(before), string(after))
}

func TestMetadata(t *testing.T) {
	d := &convert.Document{
		Meta: convert.Meta{Title: "標題", Authors: []string{"甲", "乙"}, Lang: "zh-Hant", Date: "2024-03-05",
			Description: "摘要", Keywords: []string{"經濟", "貿易"}},
		Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "中文內容。"}}}},
	}
	b, err := (&Writer{}).Render(context.Background(), d)
	require.NoError(t, err)
	s := string(b)
	assert.True(t, strings.HasPrefix(s, "%PDF-1.7\n"))
	assert.Contains(t, s, "/Lang (zh-Hant)")
	assert.Contains(t, s, "/CreationDate (D:20240305000000)")
	assert.Contains(t, s, "/ModDate (D:20240305000000)")
	assert.Contains(t, s, "/Creator (")
	assert.Regexp(t, regexp.MustCompile(`/BaseFont /[A-Z]{6}\+DroidSansFallback`), s)
	assert.NotContains(t, s, "/utf8")

	tm := time.Date(2021, 2, 3, 4, 5, 6, 0, time.UTC)
	b, err = (&Writer{ModTime: tm}).Render(context.Background(), d)
	require.NoError(t, err)
	assert.Contains(t, string(b), "/CreationDate (D:20210203040506)")
	qpdfCheck(t, b)
}

func TestPageSizes(t *testing.T) {
	d := readFixture(t, fixtures[1])
	for name, want := range map[string]string{"": "595.28 841.89", "A5": "419.53 595.28", "b5": "498.90 708.66", "B5-JIS": "515.91 728.50", "Letter": "612.00 792.00"} {
		b, err := (&Writer{PageSize: name}).Render(context.Background(), d)
		require.NoError(t, err, name)
		assert.Contains(t, string(b), "/MediaBox [0 0 "+want+"]", name)
	}
	_, err := (&Writer{PageSize: "A3"}).Render(context.Background(), d)
	require.Error(t, err)
	assert.ErrorIs(t, err, convert.ErrInvalidInput)
	assert.Contains(t, err.Error(), "pdf: unknown page size")
}

// TestIndentByLanguage: Japanese paragraphs are indented one em, Chinese
// and Korean two (issue 11, item 8), Latin 1.5; pdf.indent overrides.
func TestIndentByLanguage(t *testing.T) {
	for _, c := range []struct {
		lang   string
		indent float64
		want   float64
	}{{"ja", 0, 1}, {"ja-JP", 0, 1}, {"zh-Hant", 0, 2}, {"zh-Hans", 0, 2}, {"ko", 0, 2}, {"en", 0, 1.5}, {"ja", 2, 2}} {
		d := &convert.Document{Meta: convert.Meta{Lang: c.lang}, Blocks: []convert.Block{
			&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "本文です。"}}}}}
		r, err := (&Writer{Indent: c.indent}).layout(context.Background(), d)
		require.NoError(t, err)
		assert.Equal(t, c.want, r.t.indent, c.lang)
	}
}

func TestNewWriterOptions(t *testing.T) {
	rep := &convert.Report{}
	w := NewWriter(&convert.Options{PageSize: "A5", TOC: true, FiguresTable: true, Strict: true, Report: rep,
		Fonts: []string{"x.ttf"}, Vars: map[string]string{"pdf.indent": "0", "pdf.fontsize": "12", "pdf.header": "false"}})
	assert.Equal(t, "A5", w.PageSize)
	assert.True(t, w.TOC && w.FiguresTable && w.Strict && w.NoIndent && w.NoRunningHead)
	assert.Equal(t, 12.0, w.FontSize)
	assert.Equal(t, []string{"x.ttf"}, w.FontSpecs)
	assert.Same(t, rep, w.Report)

	f, err := convert.Lookup("pdf")
	require.NoError(t, err)
	assert.Equal(t, "application/pdf", f.MediaType)
	assert.True(t, f.Binary)
	assert.Equal(t, "pdf", f.Ext())

	_, err = (&Writer{FontSpecs: []string{"/nonexistent/font.ttf"}}).Render(context.Background(), readFixture(t, fixtures[1]))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "pdf: font")
}

func TestMissingGlyphs(t *testing.T) {
	d := &convert.Document{
		Meta: convert.Meta{Title: "emoji 😀", Lang: "zh-Hans"},
		Blocks: []convert.Block{
			&convert.Heading{Level: 1, Inlines: []convert.Inline{&convert.Text{Text: "标题 😀"}}},
			&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "表情😀和𠀋字，以及\u0378未分配。"}}},
		},
	}
	rep := &convert.Report{}
	b, err := (&Writer{Report: rep}).Render(context.Background(), d)
	require.NoError(t, err)
	require.Len(t, rep.Warnings(), 1)
	assert.Contains(t, rep.Warnings()[0], "U+1F600 😀")
	assert.Contains(t, rep.Warnings()[0], "U+2000B")
	assert.Equal(t, 5, rep.Get("pdf", "characters not covered by any font")) // 😀 in the title, heading and text
	qpdfCheck(t, b)

	_, err = (&Writer{Strict: true}).Render(context.Background(), d)
	require.Error(t, err)
	assert.True(t, errors.Is(err, convert.ErrStrict))
	assert.Contains(t, err.Error(), "U+1F600")
}

func TestEmptyAndOddDocuments(t *testing.T) {
	docs := []*convert.Document{
		{},
		{Meta: convert.Meta{Title: "only a title"}},
		{Blocks: []convert.Block{&convert.Paragraph{}, &convert.Heading{Level: 9}, &convert.List{}, &convert.Table{}, &convert.CodeBlock{}, &convert.Quote{}, &convert.Rule{}}},
		{Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: strings.Repeat("x", 3000)}}}}},
		{Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: strings.Repeat("（", 500) + strings.Repeat("。", 500)}}}}},
		{Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.LineBreak{}, &convert.LineBreak{}, &convert.Text{Text: "\x00\x01\u200b\ufeff"}}}}},
	}
	for i, d := range docs {
		b, err := (&Writer{TOC: true, FiguresTable: true}).Render(context.Background(), d)
		require.NoError(t, err, i)
		assert.True(t, bytes.HasPrefix(b, []byte("%PDF-")), i)
		qpdfCheck(t, b)
	}
}

func TestStructures(t *testing.T) {
	txt := func(s string) []convert.Inline { return []convert.Inline{&convert.Text{Text: s}} }
	d := &convert.Document{
		Meta: convert.Meta{Title: "结构测试", Lang: "zh-Hans"},
		Blocks: []convert.Block{
			&convert.Heading{Level: 1, Inlines: txt("第一章")},
			&convert.Paragraph{Inlines: []convert.Inline{&convert.Strong{Inlines: txt("一是加强合作。")}, &convert.Text{Text: "正文"},
				&convert.Emph{Inlines: txt("强调 emphasis")}, &convert.Code{Text: "go test"}, &convert.Strike{Inlines: txt("删除")},
				&convert.Link{URL: "https://example.com/", Inlines: txt("链接")}, &convert.Ruby{Base: "區", Text: "qū"}, &convert.LineBreak{}, &convert.Text{Text: "下一行"}}},
			&convert.List{Items: [][]convert.Block{{&convert.Paragraph{Inlines: txt("甲")}}, {&convert.Paragraph{Inlines: txt("乙")},
				&convert.List{Ordered: true, Start: 9, Items: [][]convert.Block{{&convert.Paragraph{Inlines: txt("九")}}, {&convert.Paragraph{Inlines: txt("十")}}}}}}},
			&convert.Quote{Blocks: []convert.Block{&convert.Paragraph{Inlines: txt("引用的文字。")}}},
			&convert.CodeBlock{Lang: "go", Text: "func main() {\n\tfmt.Println(\"你好\")\n}\n"},
			&convert.Rule{},
			&convert.Heading{Level: 3, Inlines: txt("小节")},
			&convert.Table{Caption: txt("表一"), Header: []convert.Cell{txt("城市"), txt("数值")},
				Align: []convert.Alignment{convert.AlignLeft, convert.AlignRight},
				Rows:  [][]convert.Cell{{txt("北京"), txt("30.5")}, {txt("上海"), txt("27"), txt("多余")}}},
		},
	}
	proj := projection(t, &Writer{TOC: true}, d)
	for _, want := range []string{"目录", "第一章", "一是加强合作。", "• 甲", "9. 九", "10. 十", "引用的文字。", "fmt.Println(\"你好\")", "城市", "30.5", "多余", "qū", "第 1 页"} {
		assert.Contains(t, proj, want)
	}
	b, err := (&Writer{TOC: true}).Render(context.Background(), d)
	require.NoError(t, err)
	assert.Contains(t, string(b), "/URI (https://example.com/)")
	assert.Contains(t, string(b), "/Outlines")
	qpdfCheck(t, b)
	text := pdfText(t, b)
	if text != "" {
		for _, want := range []string{"目录", "第一章", "9.", "10.", "•", "删除", "go test"} {
			assert.Contains(t, text, want)
		}
	}
}

func TestFontSpecs(t *testing.T) {
	// A font file given by path (the embedded default's file stands in for
	// an installed font, so the test runs everywhere).
	const droid = "../../fonts/embedded/DroidSansFallbackFull.ttf"
	if _, err := os.Stat(droid); err != nil {
		t.Skip("no font file to test --font with (" + droid + ")")
	}
	d := readFixture(t, fixtures[1])
	r, err := (&Writer{FontSpecs: []string{droid}}).layout(context.Background(), d)
	require.NoError(t, err)
	// The user's font comes first: it draws the Latin letters too.
	for _, f := range r.faces {
		assert.NotContains(t, f.name, "LiberationSans+")
	}
}

// pdfText returns pdftotext's text of b, or "" when pdftotext is missing
// (a failure under CI=true).
func pdfText(t *testing.T, b []byte) string {
	t.Helper()
	text, _ := validate.PDFText(t, b)
	return text
}

func qpdfCheck(t *testing.T, b []byte) { t.Helper(); validate.QPDFCheck(t, b) }

// TestValidators runs what ../shared/tools/verify runs on every fixture:
// pdffonts (all embedded), qpdf --check, every character of the text
// writer's output recovered by pdftotext, no line starting with closing or
// ending with opening punctuation.
func TestValidators(t *testing.T) {
	pdffonts := validate.Require(t, "pdffonts")
	validate.Require(t, "pdftotext")
	for _, path := range fixtures {
		name := fixtureName(path)
		t.Run(name, func(t *testing.T) {
			d := readFixture(t, path)
			b, err := (&Writer{}).Render(context.Background(), d)
			require.NoError(t, err)
			pdfPath := filepath.Join(t.TempDir(), name+".pdf")
			require.NoError(t, os.WriteFile(pdfPath, b, 0o644))

			out, err := exec.Command(pdffonts, pdfPath).Output()
			require.NoError(t, err)
			rows := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
			assert.NotEmpty(t, rows)
			for _, row := range rows {
				f := strings.Fields(row)
				assert.Equal(t, "yes", f[len(f)-5], "not embedded: %s", row)
				assert.Regexp(t, `^[A-Z]{6}\+`, f[0])
			}
			qpdfCheck(t, b)

			src := plainText(t, d)
			text := pdfText(t, b)
			missing, _ := validate.Recovery(src, text)
			assert.Empty(t, missing, "characters not recovered by pdftotext")
			lines := validate.PDFLines(t, b)
			viol, examples := validate.LineViolations(lines, validate.CJKOpening, validate.CJKClosing)
			assert.Zero(t, viol, "line breaking violations: %q", examples)
			inherent, _ := validate.LineViolations(strings.Split(src, "\n"), validate.Opening, validate.Closing)
			all, examples := validate.LineViolations(lines, validate.Opening, validate.Closing)
			assert.LessOrEqual(t, all, inherent, "line breaking violations: %q", examples)

			// No space between two CJK characters or marks in the text
			// layer (justification and full-width quotes add none).
			if name != "ko" {
				cjk := `[\p{Han}\p{Hiragana}\p{Katakana}、，。「」『』“”‘’（）《》：；！？]`
				re := regexp.MustCompile(cjk + `[ \t]+` + cjk)
				assert.LessOrEqual(t, len(re.FindAllString(text, -1)), len(re.FindAllString(src, -1)),
					"spaces between CJK characters: %q", re.FindAllString(text, -1))
			}
		})
	}
}

func TestLongTableRepeatsHeader(t *testing.T) {
	txt := func(s string) convert.Cell { return convert.Cell{&convert.Text{Text: s}} }
	tb := &convert.Table{Header: []convert.Cell{txt("城市"), txt("数值")}}
	for i := range 120 {
		tb.Rows = append(tb.Rows, []convert.Cell{txt(fmt.Sprintf("城市%d", i)), txt(fmt.Sprint(i))})
	}
	d := &convert.Document{Meta: convert.Meta{Lang: "zh-Hans"}, Blocks: []convert.Block{tb}}
	r, err := (&Writer{}).layout(context.Background(), d)
	require.NoError(t, err)
	require.Greater(t, len(r.pages), 1)
	for i, pg := range r.pages {
		var first string
		for _, it := range pg.items {
			if it.kind == itText {
				first = it.text
				break
			}
		}
		assert.Equal(t, "城市", first, "page %d starts with the header row", i+1)
	}
}

func TestInternalLinks(t *testing.T) {
	d := &convert.Document{Meta: convert.Meta{Lang: "en"}, Blocks: []convert.Block{
		&convert.Paragraph{Inlines: []convert.Inline{
			&convert.Link{URL: "#later", Inlines: []convert.Inline{&convert.Text{Text: "see below"}}},
			&convert.Link{URL: "#nowhere", Inlines: []convert.Inline{&convert.Text{Text: "dangling"}}}}},
		&convert.Heading{Level: 2, ID: "later", Inlines: []convert.Inline{&convert.Text{Text: "Later"}}},
	}}
	b, err := (&Writer{}).Render(context.Background(), d)
	require.NoError(t, err)
	s := string(b)
	assert.Equal(t, 1, strings.Count(s, "/Subtype /Link"))
	assert.Contains(t, s, "/Dest [")
	assert.NotContains(t, s, "nowhere")
	qpdfCheck(t, b)
}

// TestKeepHeadingsWithText checks on a long document that no page ends
// with a heading and no paragraph leaves a single line at a page end or
// start when it has more (orphans and widows are avoided).
func TestKeepHeadingsWithText(t *testing.T) {
	d := bigDocument(t, 60_000)
	r, err := (&Writer{}).layout(context.Background(), d)
	require.NoError(t, err)
	require.Greater(t, len(r.pages), 10)
	size := r.t.size
	for i, pg := range r.pages[:len(r.pages)-1] {
		var last item
		for _, it := range pg.items {
			if it.kind == itText && it.y < r.t.pageH-r.t.bottom && it.y > r.t.top {
				last = it
			}
		}
		assert.LessOrEqual(t, last.size, size*1.01, "page %d ends with a heading line %q", i+1, last.text)
	}
}

// mutoolText returns the text lines `mutool draw -F txt` extracts from b,
// or nil when mutool is missing (a failure under CI=true).
func mutoolText(t *testing.T, b []byte) []string {
	t.Helper()
	mutool, ok := validate.Have(t, "mutool")
	if !ok {
		return nil
	}
	path := filepath.Join(t.TempDir(), "m.pdf")
	require.NoError(t, os.WriteFile(path, b, 0o644))
	out, err := exec.Command(mutool, "draw", "-q", "-F", "txt", "-o", "-", path).Output()
	require.NoError(t, err)
	return strings.Split(string(out), "\n")
}

// TestMissingGlyphsActualText checks that characters no font covers, drawn
// as boxes, are in the text layer (marked content with /ActualText), with
// the joiners and modifiers of emoji sequences, in reading order.
func TestMissingGlyphsActualText(t *testing.T) {
	para := "香港人叫「𨋢」（升降機），日本的「𠮷野家」。好吃😋！家族👨\u200d👩\u200d👧和國旗🇹🇼、膚色👍🏽，數學𝐀𝐁。"
	d := &convert.Document{
		Meta:   convert.Meta{Title: "𩸽魚 🎉", Lang: "zh-Hant"},
		Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: para}}}},
	}
	var raw []byte
	postProcessHook = func(b []byte) { raw = append([]byte(nil), b...) }
	b, err := (&Writer{}).Render(context.Background(), d)
	postProcessHook = nil
	require.NoError(t, err)
	qpdfCheck(t, b)
	assert.True(t, bytes.Contains(raw, []byte("/Span <</ActualText <FEFFD860DEE2>>> BDC")), "𨋢 as a surrogate pair")
	assert.True(t, bytes.Contains(raw, []byte("<FEFFD83DDC68200DD83DDC69200DD83DDC67>")), "a family emoji with its joiners")
	b2, err := (&Writer{}).Render(context.Background(), d)
	require.NoError(t, err)
	assert.Equal(t, b, b2, "deterministic")
	if txt := pdfText(t, b); txt != "" {
		flat := strings.Join(strings.Fields(txt), "")
		assert.Contains(t, flat, strings.Join(strings.Fields(para), ""))
		assert.Contains(t, flat, "𩸽魚🎉")
	}
	// MuPDF 1.21 ignores /ActualText (it sees a space), but its lines must
	// not break at the boxes.
	if lines := mutoolText(t, b); lines != nil {
		for _, l := range lines {
			l = strings.TrimSpace(l)
			if l != "" {
				r, _ := firstRune(l)
				assert.False(t, startProhibited[r], "line starts with %q: %s", r, l)
			}
		}
	}
}

func TestFileTitleNotPrinted(t *testing.T) {
	d := &convert.Document{Meta: convert.Meta{Title: "article", Lang: "zh-Hant"},
		Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "正文。"}}}}}
	assert.NotContains(t, projection(t, &Writer{FileTitle: "article"}, d), "article", "a title made from the file name is metadata only")

	d.Meta.Title = "中哈關係"
	assert.Contains(t, projection(t, &Writer{FileTitle: "article"}, d), "中哈關係")
}

// A line ending with a hyphen-minus of the text ("Dear Sir,--" closing a
// paragraph) keeps it in pdftotext's text, which takes any line-final "-"
// for hyphenation and drops it.
func TestLineFinalHyphenKept(t *testing.T) {
	para := func(s string) convert.Block {
		return &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: s}}}
	}
	d := &convert.Document{Meta: convert.Meta{Lang: "en"}, Blocks: []convert.Block{
		para("\"MY DEAR FRIEND,--"), para("If you are not so compassionate as to dine to-day with Louisa and me."),
		&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "Dear Sir,--"}, &convert.LineBreak{}, &convert.Text{Text: "the disagreement"}}},
	}}
	b, err := (&Writer{}).Render(context.Background(), d)
	require.NoError(t, err)
	text := pdfText(t, b)
	if text == "" {
		return
	}
	assert.Contains(t, text, "FRIEND,--")
	assert.Contains(t, text, "Sir,--")
	assert.Equal(t, 5, strings.Count(text, "-"), text) // and to-day's
}
