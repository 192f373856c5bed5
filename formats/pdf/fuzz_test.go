package pdf

import (
	"context"
	"strings"
	"testing"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/golden"
)

// FuzzWrite writes arbitrary text as a paragraph, a heading, a link, a
// table cell and a code block: the writer must not panic, no line may
// overflow, and the tagged structure must pass golden.CheckTaggedPDF.
func FuzzWrite(f *testing.F) {
	for _, s := range []string{"中文，测试。", "「」（）“”——……", "Apple Intelligence 2024 32%", "한국어 문장입니다.", "😀\x00\u200b", strings.Repeat("長", 300)} {
		f.Add(s, uint8(20))
	}
	f.Add("Hyphenation of representational establishments https://example.com/a?q=1234567890abcdefghijklmnopqrstuvwxyz", uint8(7))
	f.Fuzz(func(t *testing.T, s string, m uint8) {
		// Chinese, and English (hyphenated) and Korean (keep-all).
		for _, lang := range []string{"zh-Hans", "en", "ko"} {
			st := testSetter(lang, lang != "en")
			var p para
			st.addText(&p, s, st.body(), -1)
			measure := float64(m%60+1) * st.size
			for _, l := range st.layoutPara(&p, measure, float64(m%3)*st.size, alignJustify) {
				if w := extent(&p, l); w > l.avail+1e-6 && l.e-l.s > 1 {
					t.Fatalf("%s: line overflows: %.2f > %.2f", lang, w, l.avail)
				}
			}
		}
		d := &convert.Document{Meta: convert.Meta{Title: s}, Blocks: []convert.Block{
			&convert.Heading{Level: 1, Inlines: []convert.Inline{&convert.Text{Text: s}}},
			&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: s}, &convert.Ruby{Base: s, Text: s},
				&convert.Link{URL: "https://example.com/" + s, Inlines: []convert.Inline{&convert.Text{Text: s}}}}},
			&convert.Table{Header: []convert.Cell{{&convert.Text{Text: s}}}, Rows: [][]convert.Cell{{{&convert.Code{Text: s}}}}},
			&convert.CodeBlock{Text: s},
		}}
		b, err := (&Writer{TOC: true}).Render(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		r, err := golden.CheckTaggedPDF(b)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Problems) > 0 {
			t.Fatalf("structure: %v\n%s", r.Problems, r.Tree)
		}
	})
}

// FuzzSpanLang: splitting a text into language spans adds the same atoms
// as adding it whole, and every span is an element under the paragraph.
func FuzzSpanLang(f *testing.F) {
	for _, s := range []string{"The sign read 孔乙己, the menu said 김치찌개.", "これは日本語です and 中文", "菜单上写着김치찌개和 Apple", "a字b", "  ，。"} {
		f.Add(s, "en")
		f.Add(s, "zh-Hans")
	}
	st := testSetter("en", false)
	f.Fuzz(func(t *testing.T, s, lang string) {
		st.lang, st.elems = lang, nil
		f := st.body()
		f.tag = st.newElem("P", 0)
		var whole, split para
		st.addText(&whole, s, f, -1)
		st.addTextLang(&split, s, f)
		if len(whole.atoms) != len(split.atoms) {
			t.Fatalf("%d atoms, %d split", len(whole.atoms), len(split.atoms))
		}
		for i := range whole.atoms {
			if whole.atoms[i].r != split.atoms[i].r {
				t.Fatalf("atom %d: %q, %q split", i, whole.atoms[i].r, split.atoms[i].r)
			}
			if tag := split.fmts[split.atoms[i].fmt].tag; tag != f.tag && (st.elems[tag].role != "Span" || st.elems[tag].parent != f.tag || st.elems[tag].lang == "") {
				t.Fatalf("atom %d: tag %d %+v", i, tag, st.elems[tag])
			}
		}
	})
}
