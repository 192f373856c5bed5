package pdf

import (
	"context"
	"testing"

	"github.com/docconv/docconv/convert"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func textCells(ss ...string) []convert.Cell {
	var out []convert.Cell
	for _, s := range ss {
		out = append(out, convert.Cell{&convert.Text{Text: s}})
	}
	return out
}

// tableRuns lays out a document holding tb and returns the text runs of
// the table (one per line of a cell, as the cells' text is in one font
// per stretch) and their sizes.
func tableRuns(t *testing.T, lang string, tb *convert.Table) (texts []string, sizes []float64) {
	t.Helper()
	d := &convert.Document{Meta: convert.Meta{Lang: lang}, Blocks: []convert.Block{tb}}
	r, err := (&Writer{NoRunningHead: true}).layout(context.Background(), d)
	require.NoError(t, err)
	for _, pg := range r.pages {
		for _, it := range pg.items[:len(pg.items)-1] { // the folio last
			if it.kind == itText {
				texts = append(texts, it.text)
				sizes = append(sizes, it.size)
			}
		}
	}
	return texts, sizes
}

func TestTableColumnWidths(t *testing.T) {
	// Short columns get their full width, the long one wraps.
	tb := &convert.Table{
		Align:  []convert.Alignment{convert.AlignDefault, convert.AlignRight, convert.AlignRight, convert.AlignDefault},
		Header: textCells("公司", "营收（亿元）", "同比", "说明"),
		Rows: [][]convert.Cell{
			textCells("阿里巴巴", "2,365.03", "+5.2%", "淘天集团客户管理收入增长，云智能集团收入恢复双位数增长，国际数字商业集团亏损收窄"),
			textCells("腾讯控股", "1,672.42", "+8.0%", "游戏和广告业务表现强劲"),
		},
	}
	texts, _ := tableRuns(t, "zh-Hans", tb)
	for _, want := range []string{"公司", "阿里巴巴", "腾讯控股", "2,365.03", "1,672.42", "游戏和广告业务表现强劲"} {
		assert.Contains(t, texts, want)
	}
}

func TestTableManyColumns(t *testing.T) {
	// Nine columns: numbers are never broken, text columns are not
	// squeezed to one character, the type gets smaller but not below 70%.
	tb := &convert.Table{
		Header: textCells("地区", "2021年", "2022年", "2023年", "2024年", "2025年", "2026年", "2027年", "备注"),
		Rows: [][]convert.Cell{textCells("北京市朝阳区望京街道", "1,234,567.89", "2,345,678.90", "3,456,789.01", "4,567,890.12",
			"5,678,901.23", "6,789,012.34", "7,890,123.45", "这是一段很长的备注文字用来测试表格单元格内的自动换行是否正常工作")},
	}
	texts, sizes := tableRuns(t, "zh-Hans", tb)
	for _, want := range []string{"地区", "备注", "1,234,567.89", "2,345,678.90", "7,890,123.45", "北京市朝"} {
		assert.Contains(t, texts, want)
	}
	for _, s := range sizes {
		assert.GreaterOrEqual(t, s, 10.5*0.92*minTableScale-1e-9)
	}

	// Far too many numbers: words break, numbers stay whole.
	var head, row []string
	for i := range 14 {
		head = append(head, "Column heading")
		row = append(row, []string{"1,234.5", "Internationalisation"}[i%2])
	}
	texts, _ = tableRuns(t, "en", &convert.Table{Header: textCells(head...), Rows: [][]convert.Cell{textCells(row...)}})
	assert.Contains(t, texts, "1,234.5")
}

func TestColumnWidths(t *testing.T) {
	w := columnWidths([]float64{10, 10}, []float64{20, 30}, 100)
	assert.InDelta(t, 40, w[0], 1e-9)
	assert.InDelta(t, 60, w[1], 1e-9)
	// A short column keeps its maximum; the long one takes the rest.
	w = columnWidths([]float64{10, 10, 10}, []float64{30, 20, 300}, 200)
	assert.InDelta(t, 30, w[0], 1e-9)
	assert.InDelta(t, 20, w[1], 1e-9)
	assert.InDelta(t, 150, w[2], 1e-9)
	// Minima that do not fit are scaled.
	w = columnWidths([]float64{100, 300}, []float64{100, 300}, 200)
	assert.InDelta(t, 50, w[0], 1e-9)
}
