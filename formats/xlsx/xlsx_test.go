package xlsx_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
	"github.com/docconv/docconv/convert/normalize"
	_ "github.com/docconv/docconv/formats/markdown"
	_ "github.com/docconv/docconv/formats/text"
	"github.com/docconv/docconv/formats/xlsx"
	"github.com/docconv/docconv/internal/validate"
)

// -update is accepted (go test ./... -update reaches every package) but this
// package checks workbooks by reading them back, with no golden files.
var _ = flag.Bool("update", false, "rewrite golden files")

const root = "../.."

// readArticle reads a fixture the way the CLI does: its format from the
// extension, the default clean-up transforms.
func readArticle(t testing.TB, path string) *convert.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	d, err := convert.Read(context.Background(), bytes.NewReader(b), &convert.Options{
		SourcePath: filepath.Base(path), Transforms: normalize.Default()})
	require.NoError(t, err)
	return d
}

func write(t testing.TB, d *convert.Document, w *xlsx.Writer) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, w.Write(context.Background(), &buf, d))
	return buf.Bytes()
}

func open(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

func TestRegistered(t *testing.T) {
	f, err := convert.Lookup("xlsx")
	require.NoError(t, err)
	assert.Equal(t, xlsx.MediaType, f.MediaType)
	assert.Equal(t, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", f.MediaType)
	assert.True(t, f.Binary)
	assert.Equal(t, "xlsx", f.Ext())
	require.NotNil(t, f.NewWriter)
	assert.Nil(t, f.NewReader)
	g, err := convert.ByExtension("out.xlsx")
	require.NoError(t, err)
	assert.Equal(t, "xlsx", g.Name)
}

func TestSampleWorkbook(t *testing.T) {
	d := readArticle(t, filepath.Join(root, "examples", "article.txt"))
	before := fmt.Sprintf("%#v", d.Blocks)
	b := write(t, d, &xlsx.Writer{})
	assert.Nil(t, d.Figures, "the writer must not modify the document")
	assert.Equal(t, before, fmt.Sprintf("%#v", d.Blocks))
	f := open(t, b)

	assert.Equal(t, []string{"Figures", "Summary", "Chart"}, f.GetSheetList())
	rows, err := f.GetRows("Figures")
	require.NoError(t, err)
	require.NotEmpty(t, rows)
	assert.Equal(t, []string{"No", "Section", "Paragraph", "Text", "Value", "Unit", "Kind", "Context"}, rows[0][:8],
		"the first eight columns are fixed")
	assert.Equal(t, "Bound", rows[0][8])
	assert.Equal(t, "Date", rows[0][9])
	figs := figures.Of(d)
	require.Len(t, rows, len(figs)+1)

	byText := map[string]int{}
	for i, r := range rows[1:] {
		if _, ok := byText[r[3]]; !ok {
			byText[r[3]] = i + 2
		}
	}
	check := func(text string, value float64, format, unit, kind string) {
		t.Helper()
		row, ok := byText[text]
		require.True(t, ok, "no row for %s", text)
		c := fmt.Sprintf("E%d", row)
		typ, err := f.GetCellType("Figures", c)
		require.NoError(t, err)
		assert.NotEqual(t, excelize.CellTypeSharedString, typ, "%s value must be numeric", text)
		raw, err := f.GetCellValue("Figures", c, excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		assert.Equal(t, strconv.FormatFloat(value, 'f', -1, 64), raw, text)
		sid, err := f.GetCellStyle("Figures", c)
		require.NoError(t, err)
		st, err := f.GetStyle(sid)
		require.NoError(t, err)
		require.NotNil(t, st.CustomNumFmt, text)
		assert.Equal(t, format, *st.CustomNumFmt, text)
		u, _ := f.GetCellValue("Figures", fmt.Sprintf("F%d", row))
		k, _ := f.GetCellValue("Figures", fmt.Sprintf("G%d", row))
		assert.Equal(t, unit, u, text)
		assert.Equal(t, kind, k, text)
	}
	check("380億美元", 38000000000, "#,##0", "USD", "money")
	check("410億美元", 41000000000, "#,##0", "USD", "money")
	check("32%", 0.32, "0.0%", "%", "percent")
	check("2023年", 2023, "0", "year", "year")
	check("2024年", 2024, "0", "year", "year")
	check("第十一次", 11, "#,##0", "次", "ordinal")
	check("第三屆", 3, "#,##0", "屆", "ordinal")
	check("兩次", 2, "#,##0", "次", "count")
	check("六年", 6, "#,##0", "years", "duration")
	check("十周年", 10, "#,##0", "years", "duration")

	// Context is the sentence, Section the heading.
	row := byText["410億美元"]
	ctx, _ := f.GetCellValue("Figures", fmt.Sprintf("H%d", row))
	assert.Contains(t, ctx, "410億美元")
	sec, _ := f.GetCellValue("Figures", fmt.Sprintf("B%d", row))
	assert.Equal(t, "打造新亮點", sec)
	// Bound: 超過380億美元 is a lower bound; 410億美元 is exact.
	bound, _ := f.GetCellValue("Figures", fmt.Sprintf("I%d", byText["380億美元"]))
	assert.Equal(t, "at-least", bound)
	bound, _ = f.GetCellValue("Figures", fmt.Sprintf("I%d", row))
	assert.Equal(t, "", bound)

	// Header: bold, frozen, autofilter over the data.
	sid, err := f.GetCellStyle("Figures", "A1")
	require.NoError(t, err)
	st, err := f.GetStyle(sid)
	require.NoError(t, err)
	require.NotNil(t, st.Font)
	assert.True(t, st.Font.Bold)
	panes, err := f.GetPanes("Figures")
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assert.Equal(t, 1, panes.YSplit)
	assert.Contains(t, sheetXML(t, b, "xl/worksheets/sheet1.xml"), fmt.Sprintf(`<autoFilter ref="$A$1:$J$%d"`, len(figs)+1))
	assert.NotContains(t, sheetXML(t, b, "xl/worksheets/sheet1.xml"), "<f>", "no formulas")

	// Wide characters count double: the Context column is wider than the Unit column.
	wc, _ := f.GetColWidth("Figures", "H")
	wu, _ := f.GetColWidth("Figures", "F")
	assert.Greater(t, wc, wu)
	assert.LessOrEqual(t, wc, 82.0)

	// Summary.
	srows, err := f.GetRows("Summary")
	require.NoError(t, err)
	summary := map[string]string{}
	for _, r := range srows {
		if len(r) >= 2 {
			summary[r[0]] = r[1]
		}
	}
	assert.Equal(t, "article", summary["Title"])
	assert.Equal(t, "zh-Hant", summary["Language"])
	assert.Equal(t, fmt.Sprint(len(figs)), summary["Total"])
	assert.Equal(t, "2", summary["money"])
	assert.Equal(t, "1", summary["percent"])

	// Chart of the USD amounts.
	crows, err := f.GetRows("Chart")
	require.NoError(t, err)
	require.Len(t, crows, 3)
	assert.Contains(t, crows[1][0], "380億美元")
	assert.Contains(t, crows[2][0], "410億美元")
	assert.NotEmpty(t, sheetXML(t, b, "xl/charts/chart1.xml"))

	// Document properties.
	props, err := f.GetDocProps()
	require.NoError(t, err)
	assert.Equal(t, "article", props.Title)
	assert.Equal(t, "zh-Hant", props.Language)
	assert.Equal(t, "2000-01-01T00:00:00Z", props.Created)
	assert.Equal(t, "2000-01-01T00:00:00Z", props.Modified)
}

// sheetXML returns one part of the package.
func sheetXML(t testing.TB, b []byte, name string) string {
	t.Helper()
	f := open(t, b)
	_ = f
	zr := zipReader(t, b)
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, err := zf.Open()
			require.NoError(t, err)
			defer rc.Close()
			var buf bytes.Buffer
			_, err = buf.ReadFrom(rc)
			require.NoError(t, err)
			return buf.String()
		}
	}
	return ""
}

func TestFormulaInjection(t *testing.T) {
	d := &convert.Document{
		Meta: convert.Meta{Title: "=HYPERLINK(\"http://x\")", Lang: "en"},
		Blocks: []convert.Block{
			&convert.Heading{Level: 1, Inlines: []convert.Inline{&convert.Text{Text: "=1+1"}}},
			&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "=SUM(1,2) rose 10 percent in 2024."}}},
			&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "+cmd|' /C calc'!A0 had 3 days; @SUM(1) 5 trips"}}},
		},
	}
	b := write(t, d, &xlsx.Writer{})
	f := open(t, b)
	rows, err := f.GetRows("Figures")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(rows), 3)
	found := false
	for _, r := range rows[1:] { // the heading's own figures come first
		if len(r) > 7 && r[7] == "=SUM(1,2) rose 10 percent in 2024." {
			found = true
			assert.Equal(t, "=1+1", r[1])
		}
	}
	assert.True(t, found, "the sentence is written as text")
	for r := 2; r <= len(rows); r++ {
		for _, col := range []string{"B", "D", "F", "G", "H"} {
			fm, err := f.GetCellFormula("Figures", fmt.Sprintf("%s%d", col, r))
			require.NoError(t, err)
			assert.Empty(t, fm)
		}
	}
	for _, part := range []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"} {
		assert.NotContains(t, sheetXML(t, b, part), "<f>", part)
	}
	srows, _ := f.GetRows("Summary")
	assert.Equal(t, "=HYPERLINK(\"http://x\")", srows[0][1])
}

func TestZeroFigures(t *testing.T) {
	d := &convert.Document{Meta: convert.Meta{Title: "空"}, Blocks: []convert.Block{
		&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "一是统一思想，一起努力。"}}}}}
	b := write(t, d, &xlsx.Writer{})
	f := open(t, b)
	rows, err := f.GetRows("Figures")
	require.NoError(t, err)
	assert.Equal(t, [][]string{xlsx.Header}, rows)
	assert.Equal(t, []string{"Figures", "Summary"}, f.GetSheetList())
	srows, _ := f.GetRows("Summary")
	total := ""
	for _, r := range srows {
		if len(r) == 2 && r[0] == "Total" {
			total = r[1]
		}
	}
	assert.Equal(t, "0", total)
	assert.Contains(t, sheetXML(t, b, "xl/worksheets/sheet1.xml"), `<autoFilter ref="$A$1:$J$1"`)

	// An empty document and a nil one work too.
	_ = write(t, &convert.Document{}, &xlsx.Writer{})
	var buf bytes.Buffer
	require.NoError(t, (&xlsx.Writer{}).Write(context.Background(), &buf, nil))
}

func TestUsesDocumentFigures(t *testing.T) {
	d := &convert.Document{Figures: []convert.Figure{
		{Text: "1月5日", Value: 105, Unit: "date", Kind: convert.KindDate},
		{Text: "2024年1月5日", Value: 20240105, Unit: "date", Kind: convert.KindDate},
		{Text: "1.5", Value: 1.5, Kind: convert.KindQuantity},
		{Text: "$1.25", Value: 1.25, Unit: "USD", Kind: convert.KindMoney},
	}}
	f := open(t, write(t, d, &xlsx.Writer{}))
	v, _ := f.GetCellValue("Figures", "E2")
	assert.Equal(t, "--01-05", v, "a partial date is ISO 8601 text, not the number 105")
	v, _ = f.GetCellValue("Figures", "J2")
	assert.Equal(t, "--01-05", v)
	v, _ = f.GetCellValue("Figures", "J3")
	assert.Equal(t, "2024-01-05", v)
	v, _ = f.GetCellValue("Figures", "E3")
	assert.Equal(t, "2024-01-05", v, "a full date is a real date cell")
	raw, _ := f.GetCellValue("Figures", "E3", excelize.Options{RawCellValue: true})
	assert.Equal(t, "45296", raw)
	v, _ = f.GetCellValue("Figures", "E4")
	assert.Equal(t, "1.5", v)
	v, _ = f.GetCellValue("Figures", "E5")
	assert.Equal(t, "1.25", v)
	assert.Equal(t, []string{"Figures", "Summary"}, f.GetSheetList(), "one amount is no chart")
}

func TestDeterministic(t *testing.T) {
	d := readArticle(t, filepath.Join(root, "examples", "article.txt"))
	first := write(t, d, &xlsx.Writer{})
	for i := 0; i < 5; i++ {
		require.True(t, bytes.Equal(first, write(t, d, &xlsx.Writer{})), "run %d differs", i)
	}
	// Extracted ahead or not, same bytes.
	d2 := readArticle(t, filepath.Join(root, "examples", "article.txt"))
	d2.Figures = figures.Extract(d2)
	assert.True(t, bytes.Equal(first, write(t, d2, &xlsx.Writer{})))
	// ModTime changes the stamps, and only through the writer option.
	other := write(t, d, &xlsx.Writer{ModTime: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)})
	assert.False(t, bytes.Equal(first, other))
	props, err := open(t, other).GetDocProps()
	require.NoError(t, err)
	assert.Equal(t, "2024-01-02T03:04:05Z", props.Created)
	// Content types are sorted.
	ct := sheetXML(t, first, "[Content_Types].xml")
	assert.Less(t, strings.Index(ct, `Extension="bmp"`), strings.Index(ct, `Extension="xml"`))
}

func TestFixtures(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(root, "testdata", "articles", "*"))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			d := readArticle(t, p)
			b := write(t, d, &xlsx.Writer{})
			f := open(t, b)
			rows, err := f.GetRows("Figures")
			require.NoError(t, err)
			figs := figures.Of(d)
			require.Len(t, rows, len(figs)+1)
			for i, fg := range figs {
				raw, err := f.GetCellValue("Figures", fmt.Sprintf("E%d", i+2), excelize.Options{RawCellValue: true})
				require.NoError(t, err)
				assert.NotEmpty(t, raw)
				assert.Equal(t, fg.Text, rows[i+1][3])
				assert.False(t, math.IsNaN(fg.Value))
			}
		})
	}
}

// TestOpenpyxl reads the workbook back with Python's openpyxl (Debian
// python3-openpyxl), as CI does.
func TestOpenpyxl(t *testing.T) {
	py := validate.Python(t)
	d := readArticle(t, filepath.Join(root, "examples", "article.txt"))
	path := filepath.Join(t.TempDir(), "article.xlsx")
	require.NoError(t, os.WriteFile(path, write(t, d, &xlsx.Writer{}), 0o644))
	script := `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames[:2] == ["Figures", "Summary"], wb.sheetnames
ws = wb["Figures"]
rows = list(ws.iter_rows(values_only=True))
assert list(rows[0])[:8] == ["No", "Section", "Paragraph", "Text", "Value", "Unit", "Kind", "Context"], rows[0]
assert rows[0][8:10] == ("Bound", "Date"), rows[0]
assert ws.freeze_panes == "A2", ws.freeze_panes
assert ws.auto_filter.ref.replace("$", "") == "A1:J%d" % len(rows), ws.auto_filter.ref
by = {}
for r in ws.iter_rows(min_row=2):
    by.setdefault(r[3].value, r)
for text, value, fmt in [("380億美元", 38000000000, "#,##0"), ("32%", 0.32, "0.0%"), ("2023年", 2023, "0")]:
    c = by[text][4]
    assert c.data_type == "n", (text, c.data_type)
    assert c.value == value, (text, c.value)
    assert c.number_format == fmt, (text, c.number_format)
for r in ws.iter_rows(min_row=2):
    for c in r:
        assert c.data_type != "f", c.coordinate
assert ws["A1"].font.b
print(len(rows) - 1)
`
	out, err := exec.Command(py, "-c", script, path).CombinedOutput()
	require.NoError(t, err, string(out))
	assert.Equal(t, fmt.Sprint(len(figures.Of(d))), strings.TrimSpace(string(out)))
}

func BenchmarkWrite(b *testing.B) {
	d := readArticle(b, filepath.Join(root, "examples", "article.txt"))
	d.Figures = figures.Extract(d)
	b.ReportAllocs()
	for range b.N {
		var buf bytes.Buffer
		if err := (&xlsx.Writer{}).Write(context.Background(), &buf, d); err != nil {
			b.Fatal(err)
		}
	}
}

// TestOpenpyxlDates checks with openpyxl that complete dates are date cells
// that sort chronologically, partial dates ISO 8601 text, and era years
// keep their era with the Gregorian year in the Date column.
func TestOpenpyxlDates(t *testing.T) {
	py := validate.Python(t)
	d := &convert.Document{Meta: convert.Meta{Lang: "zh-Hant"}, Blocks: []convert.Block{
		&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "2024年1月5日、1999年12月31日與2001年2月3日，康熙二十三年設府。3月15日與四月另計。"}}},
	}}
	path := filepath.Join(t.TempDir(), "dates.xlsx")
	require.NoError(t, os.WriteFile(path, write(t, d, &xlsx.Writer{}), 0o644))
	script := `
import sys, datetime, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Figures"]
rows = list(ws.iter_rows(min_row=2))
by = {r[3].value: r for r in rows}
full = [by[t][4] for t in ("2024年1月5日", "1999年12月31日", "2001年2月3日")]
for c in full:
    assert c.is_date, (c.coordinate, c.value, c.number_format)
vals = sorted(c.value for c in full)
assert vals == [datetime.datetime(1999, 12, 31), datetime.datetime(2001, 2, 3), datetime.datetime(2024, 1, 5)], vals
assert by["3月15日"][4].value == "--03-15", by["3月15日"][4].value
assert by["四月"][4].value == "--04", by["四月"][4].value
era = by["康熙二十三年"]
assert era[4].value == 23 and era[5].value == "year:康熙" and era[9].value == "1684", [c.value for c in era]
assert by["2024年1月5日"][9].is_date
print("ok")
`
	out, err := exec.Command(py, "-c", script, path).CombinedOutput()
	require.NoError(t, err, string(out))
}

// More figures than a sheet has rows: a clear limit error before any work
// (excelize failed after a minute with "cannot convert cell "" to
// coordinates").
func TestTooManyFigures(t *testing.T) {
	d := &convert.Document{Figures: make([]convert.Figure, xlsx.MaxFigures+1)}
	for i := range d.Figures {
		d.Figures[i] = convert.Figure{Text: "1", Value: 1, Kind: convert.KindCount}
	}
	var buf bytes.Buffer
	err := (&xlsx.Writer{}).Write(context.Background(), &buf, d)
	require.ErrorIs(t, err, convert.ErrLimit)
	assert.Contains(t, err.Error(), "1048576 figures, more than the 1048575 rows")
	assert.Zero(t, buf.Len())
}

// TestNoFiguresSaysSo: a workbook of a text without figures is written
// (header row only) and the report says why it is empty.
func TestNoFiguresSaysSo(t *testing.T) {
	rep := &convert.Report{}
	d := &convert.Document{Blocks: []convert.Block{convert.Para("沒有數字的一段話。")}}
	var b bytes.Buffer
	require.NoError(t, (&xlsx.Writer{Report: rep}).Write(context.Background(), &b, d))
	require.Len(t, rep.Warnings(), 1)
	assert.Contains(t, rep.Warnings()[0], "the text has no figures")
	rep = &convert.Report{}
	d = &convert.Document{Blocks: []convert.Block{convert.Para("增長32%。")}}
	require.NoError(t, (&xlsx.Writer{Report: rep}).Write(context.Background(), &b, d))
	assert.Empty(t, rep.Warnings())
}
