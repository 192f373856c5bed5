package figures_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
)

// row returns the cells of a table row as strings.
func row(r []convert.Cell) []string {
	out := make([]string, len(r))
	for i, c := range r {
		out[i] = convert.PlainText(c)
	}
	return out
}

func TestTableValues(t *testing.T) {
	cases := []struct {
		lang string
		f    convert.Figure
		want []string // Value, Unit, Kind
	}{
		{"zh-Hant", convert.Figure{Value: 0.32, Unit: "%", Kind: convert.KindPercent}, []string{"32%", "", "百分比"}},
		{"en", convert.Figure{Value: 0.04, Unit: "%", Kind: convert.KindPercent, Bound: convert.AtMost}, []string{"≤ 4%", "", "percentage"}},
		{"zh-Hans", convert.Figure{Value: 0.3, Unit: "%", Kind: convert.KindPercent, Bound: convert.About}, []string{"≈ 30%", "", "百分比"}},
		{"zh-Hans", convert.Figure{Value: 0.017, Unit: "pp", Kind: convert.KindPercent}, []string{"1.7", "个百分点", "百分比"}},
		{"en", convert.Figure{Value: 0.6666666666666666, Unit: "%", Kind: convert.KindPercent}, []string{"66.6666666667%", "", "percentage"}},
		{"zh-Hant", convert.Figure{Value: 38000000000, Unit: "USD", Kind: convert.KindMoney, Bound: convert.AtLeast}, []string{"≥ 38,000,000,000", "USD", "金額"}},
		{"en", convert.Figure{Value: 1.85, Unit: "USD", Kind: convert.KindMoney}, []string{"1.85", "USD", "money"}},
		{"en", convert.Figure{Value: 22850.12, Unit: "點", Kind: convert.KindQuantity}, []string{"22,850.12", "點", "quantity"}},
		{"en", convert.Figure{Value: -4300.5, Kind: convert.KindQuantity}, []string{"-4,300.5", "", "quantity"}},
		{"en", convert.Figure{Value: 999, Kind: convert.KindQuantity}, []string{"999", "", "quantity"}},
		{"zh-Hans", convert.Figure{Value: 2023, Unit: "year", Kind: convert.KindYear}, []string{"2023", "", "年份"}},
		{"zh-Hans", convert.Figure{Value: 20240105, Unit: "date", Kind: convert.KindDate}, []string{"2024-01-05", "", "日期"}},
		{"zh-Hans", convert.Figure{Value: 20221100, Unit: "date", Kind: convert.KindDate}, []string{"2022-11", "", "日期"}},
		{"zh-Hans", convert.Figure{Value: 315, Unit: "date", Kind: convert.KindDate}, []string{"3月15日", "", "日期"}},
		{"ja", convert.Figure{Value: 700, Unit: "date", Kind: convert.KindDate}, []string{"7月", "", "日付"}},
		{"ko", convert.Figure{Value: 105, Unit: "date", Kind: convert.KindDate}, []string{"1월 5일", "", "날짜"}},
		{"en", convert.Figure{Value: 105, Unit: "date", Kind: convert.KindDate}, []string{"January 5", "", "date"}},
		{"zh-Hans", convert.Figure{Value: 15, Unit: "date", Kind: convert.KindDate}, []string{"15日", "", "日期"}},
		{"zh-Hant", convert.Figure{Value: 6, Unit: "years", Kind: convert.KindDuration}, []string{"6", "年", "時長"}},
		{"en", convert.Figure{Value: 3, Unit: "days", Kind: convert.KindDuration}, []string{"3", "days", "duration"}},
		{"zh-Hant", convert.Figure{Value: 3, Unit: "quarter", Kind: convert.KindOrdinal}, []string{"3", "季", "序數"}},
		{"zh-Hant", convert.Figure{Value: 11, Unit: "次", Kind: convert.KindOrdinal}, []string{"11", "次", "序數"}},
		{"ko", convert.Figure{Value: 1419e8, Unit: "USD", Kind: convert.KindMoney}, []string{"141,900,000,000", "USD", "금액"}},
		{"en", convert.Figure{Value: 1, Kind: "other"}, []string{"1", "", "other"}},
	}
	for _, c := range cases {
		tb := figures.Table([]convert.Figure{c.f}, c.lang)
		require.NotNil(t, tb)
		require.Len(t, tb.Rows, 1)
		got := row(tb.Rows[0])
		assert.Equal(t, c.want, got[2:5], "%s %+v", c.lang, c.f)
	}
}

func TestTableShape(t *testing.T) {
	empty := figures.Table(nil, "en")
	assert.Len(t, empty.Header, 6)
	assert.Empty(t, empty.Rows)
	figs := []convert.Figure{
		{Text: "二〇二四年", Value: 2024, Unit: "year", Kind: convert.KindYear, Paragraph: 0},
		{Text: "32%", Value: 0.32, Unit: "%", Kind: convert.KindPercent, Paragraph: 3},
	}
	for lang, want := range map[string][]string{
		"zh-Hant": {"序號", "數字", "數值", "單位", "類別", "段落"},
		"zh-TW":   {"序號", "數字", "數值", "單位", "類別", "段落"},
		"zh-Hans": {"序号", "数字", "数值", "单位", "类别", "段落"},
		"zh":      {"序号", "数字", "数值", "单位", "类别", "段落"},
		"ja":      {"番号", "表記", "数値", "単位", "種類", "段落"},
		"ko":      {"번호", "표기", "값", "단위", "종류", "문단"},
		"en":      {"No.", "Figure", "Value", "Unit", "Kind", "Paragraph"},
		"":        {"No.", "Figure", "Value", "Unit", "Kind", "Paragraph"},
	} {
		tb := figures.Table(figs, lang)
		assert.Equal(t, want, row(tb.Header), lang)
	}
	tb := figures.Table(figs, "zh-Hans")
	assert.Equal(t, []string{"1", "二〇二四年", "2024", "", "年份", ""}, row(tb.Rows[0]), "a heading's figure has no paragraph")
	assert.Equal(t, []string{"2", "32%", "32%", "", "百分比", "3"}, row(tb.Rows[1]))
	assert.Equal(t, []convert.Alignment{convert.AlignRight, "", convert.AlignRight, "", "", convert.AlignRight}, tb.Align)
	assert.Nil(t, tb.Rows[0][3], "empty cells have no inlines")

	for lang, want := range map[string]string{"zh-Hant": "數據一覽", "zh-HK": "數據一覽", "yue": "數據一覽",
		"zh-Hans": "数据一览", "zh-CN": "数据一览", "ja": "数値一覧", "ko-KR": "수치 목록", "en": "Figures", "fr": "Figures", "": "Figures"} {
		assert.Equal(t, want, figures.Heading(lang), lang)
	}
}

func TestSection(t *testing.T) {
	assert.Nil(t, figures.Section(&convert.Document{Blocks: []convert.Block{para("没有数字")}}))
	d := &convert.Document{Blocks: []convert.Block{para("增长32%，这是简体中文的句子。")}}
	bs := figures.Section(d)
	require.Len(t, bs, 2)
	h, ok := bs[0].(*convert.Heading)
	require.True(t, ok)
	assert.Equal(t, 2, h.Level)
	assert.Equal(t, "数据一览", convert.PlainText(h.Inlines), "language detected when Meta.Lang is empty")
	tb, ok := bs[1].(*convert.Table)
	require.True(t, ok)
	assert.Len(t, tb.Rows, 1)
	assert.Nil(t, d.Figures, "Section must not modify the document")
	d.Meta.Lang = "en"
	assert.Equal(t, "Figures", convert.PlainText(figures.Section(d)[0].(*convert.Heading).Inlines))
}
