package xlsx_test

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
	"github.com/docconv/docconv/formats/xlsx"
	"github.com/docconv/docconv/internal/validate"
)

// TestLibreOffice opens workbooks with LibreOffice Calc, the other reader
// analysts use (openpyxl is the first): every figure's row is there, its
// Value is the number (or date) the figure holds, text that looks like a
// formula stays text, and the Summary sheet is read.
func TestLibreOffice(t *testing.T) {
	soffice := validate.LibreOffice(t)
	sample := readArticle(t, filepath.Join(root, "examples", "article.txt"))
	mixed := &convert.Document{Meta: convert.Meta{Title: "=HYPERLINK(\"http://x\")", Lang: "zh-Hant"}, Blocks: []convert.Block{
		convert.Para("2024年1月5日、1999年12月31日與2001年2月3日，康熙二十三年設府。3月15日與四月另計。"),
		convert.Para("=SUM(1,2)：增長32%，投資380億美元，負40%，三百五十又3分之1。"),
		convert.Para("+cmd|' /C calc'!A0 共1,234,567人。"),
	}}
	for name, d := range map[string]*convert.Document{"sample": sample, "mixed": mixed} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name+".xlsx")
			require.NoError(t, os.WriteFile(path, write(t, d, &xlsx.Writer{}), 0o644))
			sheets := validate.SheetsCSV(t, soffice, path)
			rows := sheets["Figures"]
			figs := figures.Of(d)
			require.Len(t, rows, len(figs)+1, "a header and one row per figure")
			assert.Equal(t, []string{"No", "Section", "Paragraph", "Text", "Value", "Unit", "Kind", "Context", "Bound", "Date"}, rows[0][:10])
			for i, fg := range figs {
				r := rows[i+1]
				require.GreaterOrEqual(t, len(r), 10, "row %d", i+2)
				assert.Equal(t, fg.Text, r[3], "row %d", i+2)
				assert.Equal(t, fg.Sentence, r[7], "row %d: the sentence is text, never a formula", i+2)
				checkValue(t, fg, r[4], r[9])
			}
			require.Contains(t, sheets, "Summary")
			assert.NotEmpty(t, sheets["Summary"])
			if name == "mixed" {
				assert.Equal(t, "=HYPERLINK(\"http://x\")", sheets["Summary"][0][1])
			}
		})
	}
}

// checkValue compares a Value cell as LibreOffice shows it with the figure.
func checkValue(t *testing.T, fg convert.Figure, cell, date string) {
	t.Helper()
	if fg.Kind == convert.KindDate {
		assert.Equal(t, fg.Date, cell, "%s: a date reads as its ISO date", fg.Text)
		assert.Equal(t, fg.Date, date, fg.Text)
		return
	}
	s, scale := strings.ReplaceAll(cell, ",", ""), 1.0
	if strings.HasSuffix(s, "%") {
		s, scale = strings.TrimSuffix(s, "%"), 0.01
	}
	v, err := strconv.ParseFloat(s, 64)
	if !assert.NoError(t, err, "%s: Value %q is not a number", fg.Text, cell) {
		return
	}
	v *= scale
	assert.LessOrEqual(t, math.Abs(v-fg.Value), 1e-9*math.Max(1, math.Abs(fg.Value)), "%s: LibreOffice reads %q, the figure is %v", fg.Text, cell, fg.Value)
}
