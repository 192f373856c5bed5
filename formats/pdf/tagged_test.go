package pdf

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docconv/docconv/convert"
	_ "github.com/docconv/docconv/formats/aozora"
	"github.com/docconv/docconv/golden"
	"github.com/docconv/docconv/internal/validate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// structured is a document with every kind of block and the inlines that
// have a structure of their own.
func structured() *convert.Document {
	txt := func(s string) []convert.Inline { return []convert.Inline{&convert.Text{Text: s}} }
	para := func(ins ...convert.Inline) *convert.Paragraph { return &convert.Paragraph{Inlines: ins} }
	return &convert.Document{
		Meta: convert.Meta{Title: "Tagged Structure", Authors: []string{"A. Writer"}, Lang: "en"},
		Blocks: []convert.Block{
			&convert.Heading{Level: 1, ID: "intro", Inlines: txt("Introduction")},
			para(&convert.Text{Text: "A paragraph with a "}, &convert.Link{URL: "https://example.com/a", Inlines: txt("link to a page")},
				&convert.Text{Text: " and one "}, &convert.Link{URL: "#later", Inlines: txt("to a later heading")}, &convert.Text{Text: "."}),
			&convert.Heading{Level: 3, Inlines: txt("A level skipped in the source")},
			&convert.List{Ordered: true, Items: [][]convert.Block{{para(&convert.Text{Text: "first item"})}, {para(&convert.Text{Text: "second item"}),
				&convert.List{Items: [][]convert.Block{{para(&convert.Text{Text: "nested"})}}}}}},
			&convert.Quote{Blocks: []convert.Block{para(&convert.Text{Text: "孔乙己是站着喝酒而穿长衫的唯一的人。他身材很高大；青白脸色，皱纹间时常夹些伤痕。"})}},
			&convert.CodeBlock{Text: "func main() {\n\tprintln(1)\n}"},
			&convert.Rule{},
			&convert.Table{Caption: txt("Figures"), Header: []convert.Cell{txt("Year"), txt("Value")},
				Rows: [][]convert.Cell{{txt("2023"), txt("12%")}, {txt("2024"), nil}}},
			&convert.Heading{Level: 2, ID: "later", Inlines: txt("Later")},
			para(&convert.Text{Text: "Ruby: "}, &convert.Ruby{Base: "漢字", Text: "かんじ"}, &convert.Text{Text: " ends."}),
		},
	}
}

// checkTagged renders d, checks the structure with golden.CheckTaggedPDF
// and returns the report.
func checkTagged(t *testing.T, w *Writer, d *convert.Document) (*golden.TagReport, []byte) {
	t.Helper()
	b, err := w.Render(context.Background(), d)
	require.NoError(t, err)
	r, err := golden.CheckTaggedPDF(b)
	require.NoError(t, err)
	assert.Empty(t, r.Problems, "%s", r.Tree)
	return r, b
}

// TestTaggedStructure: every block kind gets its structure type, links
// their OBJR, headings nest without gaps, the list and the table their
// parts, and the Chinese quotation in an English document its /Lang.
func TestTaggedStructure(t *testing.T) {
	r, b := checkTagged(t, &Writer{TOC: true}, structured())
	tree := r.Tree
	for _, want := range []string{
		"Document\n",
		"Document\n  H1: Tagged Structure\n  P: A. Writer\n  H2: Contents\n  TOC\n    TOCI\n      Link: Introduction2⟨link⟩\n",
		"  H2: Introduction\n",
		"  P: A paragraph with a ⟨Link⟩ and one ⟨Link⟩.\n    Link: link to a page⟨link⟩\n    Link: to a later heading⟨link⟩\n",
		"  H3: A level skipped in the source\n",
		"  L\n    LI\n      Lbl: 1.\n      LBody\n        P: first item\n",
		"        L\n          LI\n            Lbl: •\n            LBody\n              P: nested\n",
		"  BlockQuote\n    P [zh",
		"  Code: func main() {",
		"  Table\n    Caption: Figures\n    TR\n      TH: Year\n      TH: Value\n    TR\n      TD: 2023\n      TD: 12%\n    TR\n      TD: 2024\n      TD\n",
		"  P: Ruby: ⟨Ruby⟩ ends.\n    Ruby\n      RB: 漢字\n      RT: かんじ\n",
	} {
		assert.Contains(t, tree, want)
	}
	// The title, the contents, the headings: H3 after H1 in the source
	// is one level below it, and so is the H2 after it.
	assert.Equal(t, []int{1, 2, 2, 3, 3}, r.Headings, tree)
	assert.Equal(t, 2+3, r.Links, tree) // two in the text, three contents entries
	assert.Contains(t, string(b), "/MarkInfo <</Marked true>>")
	assert.Equal(t, 2, r.Artifacts["Pagination/Footer"], "folios") // pages: contents, body
	assert.Equal(t, 1, r.Artifacts["Pagination/Header"], "running heads")
	assert.Positive(t, r.Artifacts[""], "rules, shading")
	assert.NotContains(t, string(b), "pdfuaid")
}

// TestTaggedFixtures checks the structure of every fixture's PDF, with
// poppler and qpdf where they are installed.
func TestTaggedFixtures(t *testing.T) {
	// An Aozora Bunko text with ruby (formats/aozora/testdata).
	for _, path := range append(fixtures, "../aozora/testdata/ryoya.txt") {
		name := fixtureName(path)
		t.Run(name, func(t *testing.T) {
			d := readFixture(t, path)
			r, b := checkTagged(t, &Writer{TOC: true, FiguresTable: true, Standard: StandardUA1}, d)
			assert.Positive(t, r.MCIDs)
			assert.Contains(t, string(b), "<pdfuaid:part>1</pdfuaid:part>")
			// The tree in reading order, as a golden file.
			golden.Assert(t, filepath.Join("testdata", "golden", name+".tags"), r.Tree)
			if pdfinfo, ok := validate.Have(t, "pdfinfo"); ok {
				p := filepath.Join(t.TempDir(), name+".pdf")
				require.NoError(t, os.WriteFile(p, b, 0o644))
				out, err := exec.Command(pdfinfo, p).Output()
				require.NoError(t, err)
				assert.Contains(t, string(out), "Tagged:          yes")
				// Poppler reads the tree and its text in the same order.
				out, err = exec.Command(pdfinfo, "-struct-text", p).Output()
				require.NoError(t, err)
				assert.True(t, strings.HasPrefix(string(out), "Document\n"), "%.200s", out)
				var roles []string
				for _, line := range strings.Split(string(out), "\n") {
					if f := strings.Fields(line); len(f) > 0 && !strings.HasPrefix(f[0], "\"") && !strings.HasPrefix(f[0], "/") && f[0] != "Object" {
						roles = append(roles, strings.TrimSuffix(f[0], ":"))
					}
				}
				var ours []string
				for _, line := range strings.Split(r.Tree, "\n") {
					if f := strings.Fields(line); len(f) > 0 {
						ours = append(ours, strings.TrimSuffix(f[0], ":"))
					}
				}
				assert.Equal(t, ours, roles, "the elements pdfinfo -struct-text reads")
			}
			if mutool, ok := validate.Have(t, "mutool"); ok {
				// MuPDF finds the tree through the object streams too.
				p := filepath.Join(t.TempDir(), name+".pdf")
				require.NoError(t, os.WriteFile(p, b, 0o644))
				for path, want := range map[string]string{
					"trailer/Root/StructTreeRoot/K/S":       "/Document",
					"trailer/Root/MarkInfo/Marked":          "true",
					"trailer/Root/StructTreeRoot/K/K/1/P/S": "/Document",
				} {
					out, err := exec.Command(mutool, "show", p, path).CombinedOutput()
					require.NoError(t, err, "%s", out)
					assert.Equal(t, want, strings.TrimSpace(string(out)), path)
				}
			}
			qpdfCheck(t, b)
		})
	}
}

// TestTaggedOff: pdf.tagged=false writes the file as before: no marked
// content, no structure tree.
func TestTaggedOff(t *testing.T) {
	w := NewWriter(&convert.Options{Vars: map[string]string{"pdf.tagged": "false"}})
	require.True(t, w.Untagged)
	b, err := w.Render(context.Background(), structured())
	require.NoError(t, err)
	assert.NotContains(t, string(b), "StructTreeRoot")
	assert.NotContains(t, string(b), "/MarkInfo")
	r, err := golden.CheckTaggedPDF(b)
	require.NoError(t, err)
	assert.Contains(t, strings.Join(r.Problems, "\n"), "no /StructTreeRoot")

	w = NewWriter(&convert.Options{Vars: map[string]string{"pdf.tagged": "false", "pdf.standard": "ua-1"}})
	_, err = w.Render(context.Background(), structured())
	require.ErrorIs(t, err, convert.ErrInvalidInput)
	_, err = (&Writer{Standard: "a-2u"}).Render(context.Background(), structured())
	require.ErrorIs(t, err, convert.ErrInvalidInput)

	var rep convert.Report
	untitled := structured()
	untitled.Meta.Title = ""
	_, err = (&Writer{Standard: StandardUA1, Report: &rep}).Render(context.Background(), untitled)
	require.NoError(t, err)
	assert.Contains(t, strings.Join(rep.Warnings(), "\n"), "PDF/UA-1 asks for a document title")
}

// TestTaggedDeterministic: the same input gives the same bytes.
func TestTaggedDeterministic(t *testing.T) {
	d := structured()
	a, err := (&Writer{TOC: true, Standard: StandardUA1}).Render(context.Background(), d)
	require.NoError(t, err)
	b, err := (&Writer{TOC: true, Standard: StandardUA1}).Render(context.Background(), d)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(a, b))
}

// TestBlockLang: a block gets a /Lang when its script is not the
// document's.
func TestBlockLang(t *testing.T) {
	for _, c := range []struct{ doc, text, want string }{
		{"en", "An English sentence.", ""},
		{"en", "孔乙己是站着喝酒而穿长衫的唯一的人。", "zh"},
		{"en", "これは日本語の文です。", "ja"},
		{"zh-Hant", "中文段落，含 Latin 字。", ""},
		{"zh-Hant", "한국어 문장입니다.", "ko"},
		{"ja", "漢字だけ", ""},
		{"ja", "漢字", ""},
		{"zh-Hans", "An English paragraph inside a Chinese article.", "en"},
	} {
		t.Run(c.doc+"/"+c.text, func(t *testing.T) {
			s := &setter{lang: c.doc, cjk: convert.IsCJKLang(c.doc)}
			got := s.blockLang(c.text)
			if c.want == "" {
				assert.Empty(t, got)
			} else {
				assert.True(t, strings.HasPrefix(got, c.want), got)
			}
		})
	}
}

// TestSpanLang: a stretch of another script inside a paragraph becomes a
// Span with its /Lang.
func TestSpanLang(t *testing.T) {
	para := func(s string) convert.Block {
		return &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: s}}}
	}
	d := &convert.Document{Meta: convert.Meta{Lang: "en", Title: "Spans"}, Blocks: []convert.Block{
		para("The sign read 孔乙己, the menu said 김치찌개 today."),
		para("In Japanese: これは日本語です, then English. One 字 stays."),
	}}
	r, _ := checkTagged(t, &Writer{}, d)
	assert.Contains(t, r.Tree, "  P: The sign read ⟨Span⟩, the menu said ⟨Span⟩ today.\n    Span [zh]: 孔乙己\n    Span [ko]: 김치찌개\n")
	assert.Contains(t, r.Tree, "  P: In Japanese: ⟨Span⟩, then English. One 字 stays.\n    Span [ja]: これは日本語です\n")

	zh := &convert.Document{Meta: convert.Meta{Lang: "zh-Hans"}, Blocks: []convert.Block{
		para("菜单上写着김치찌개和 Apple 的广告。"),
	}}
	r, _ = checkTagged(t, &Writer{}, zh)
	assert.Contains(t, r.Tree, "  P: 菜单上写着⟨Span⟩和 Apple 的广告。\n    Span [ko]: 김치찌개\n")
}

// TestDeepStructure: quotes nested hundreds deep and lists nested 20 deep
// make a tree no deeper than maxStructDepth, still well formed.
func TestDeepStructure(t *testing.T) {
	var quote convert.Block = &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "deep"}}}
	list := quote
	for i := range 300 {
		quote = &convert.Quote{Blocks: []convert.Block{quote}}
		if i < 20 {
			// Deeper lists lose their text: the measure runs out.
			list = &convert.List{Items: [][]convert.Block{{list}}}
		}
	}
	d := &convert.Document{Meta: convert.Meta{Lang: "en"}, Blocks: []convert.Block{quote, list}}
	r, _ := checkTagged(t, &Writer{}, d)
	depth := 0
	for _, line := range strings.Split(r.Tree, "\n") {
		depth = max(depth, (len(line)-len(strings.TrimLeft(line, " ")))/2)
	}
	assert.LessOrEqual(t, depth, maxStructDepth+1, r.Tree)
	assert.Equal(t, 2, strings.Count(r.Tree, "P: deep\n"), "%s", r.Tree[max(0, len(r.Tree)-600):])
}
