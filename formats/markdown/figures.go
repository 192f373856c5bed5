package markdown

import (
	"strconv"
	"strings"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
)

// figureLabels returns the figures section's heading and column titles in
// the document's language (the same as the HTML writer's).
func figureLabels(lang string) []string {
	l := strings.ToLower(lang)
	switch {
	case strings.HasPrefix(l, "zh-hant"), l == "zh-tw", l == "zh-hk", l == "zh-mo",
		strings.HasPrefix(l, "zh-tw-"), strings.HasPrefix(l, "zh-hk-"), strings.HasPrefix(l, "zh-mo-"):
		return []string{"數據一覽", "數據", "數值", "單位", "類型", "段落", "句子"}
	case l == "zh" || strings.HasPrefix(l, "zh-") || l == "cmn" || strings.HasPrefix(l, "cmn-"):
		return []string{"数据一览", "数据", "数值", "单位", "类型", "段落", "句子"}
	case l == "ja" || strings.HasPrefix(l, "ja-"):
		return []string{"数値一覧", "表記", "数値", "単位", "種類", "段落", "文"}
	case l == "ko" || strings.HasPrefix(l, "ko-"):
		return []string{"수치 목록", "표기", "값", "단위", "종류", "문단", "문장"}
	}
	return []string{"Figures", "Figure", "Value", "Unit", "Kind", "Paragraph", "Sentence"}
}

// figuresBlocks returns a level 2 heading and a table listing figs, or
// nil when there are none.
func figuresBlocks(figs []convert.Figure, lang string) []convert.Block {
	if len(figs) == 0 {
		return nil
	}
	lb := figureLabels(lang)
	txt := func(s string) convert.Cell {
		if s == "" {
			return nil
		}
		return convert.Cell{&convert.Text{Text: s}}
	}
	t := &convert.Table{Align: []convert.Alignment{"", convert.AlignRight, "", "", convert.AlignRight, ""}}
	for _, h := range lb[1:] {
		t.Header = append(t.Header, txt(h))
	}
	for _, f := range figs {
		v := strconv.FormatFloat(f.Value, 'f', -1, 64)
		if sym := f.Bound.Symbol(); sym != "" {
			v = sym + " " + v
		}
		t.Rows = append(t.Rows, []convert.Cell{txt(f.Text), txt(v), txt(f.Unit), txt(string(f.Kind)),
			txt(strconv.Itoa(f.Paragraph)), txt(f.Sentence)})
	}
	return []convert.Block{&convert.Heading{Level: 2, Inlines: []convert.Inline{&convert.Text{Text: lb[0]}}}, t}
}

// withFigures returns d's blocks followed by the figures section, without
// modifying d.
func withFigures(d *convert.Document) []convert.Block {
	lang := d.Meta.Lang
	if lang == "" {
		lang = convert.DetectLanguage(convert.DocumentText(d))
	}
	extra := figuresBlocks(figures.Of(d), lang)
	if extra == nil {
		return d.Blocks
	}
	return append(append([]convert.Block(nil), d.Blocks...), extra...)
}
