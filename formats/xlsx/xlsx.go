package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
)

// MediaType is the IANA media type of an XLSX workbook.
const MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// Sheet names and the Figures header.
const (
	SheetFigures = "Figures"
	SheetSummary = "Summary"
	SheetChart   = "Chart"
)

// Header is the header row of the Figures sheet. The first eight columns
// are fixed (tools read them by position); Bound and Date were added after
// them.
var Header = []string{"No", "Section", "Paragraph", "Text", "Value", "Unit", "Kind", "Context", "Bound", "Date"}

// Kinds lists the figure kinds in the order the Summary counts them.
var Kinds = []convert.FigureKind{convert.KindMoney, convert.KindPercent, convert.KindYear, convert.KindDate,
	convert.KindCount, convert.KindOrdinal, convert.KindDuration, convert.KindQuantity}

// MaxFigures is the most figures a workbook holds: one per row of the
// Figures sheet under its header row, and Excel has 1,048,576 rows. A
// document with more is refused with an error wrapping convert.ErrLimit.
const MaxFigures = excelize.TotalRows - 1

// NewWriter returns the Writer the format registry gives for opts (what
// convert.Write uses): ModTime, Report, and the variables xlsx.chart and
// xlsx.context-width. A nil opts gives the zero Writer.
func NewWriter(opts *convert.Options) *Writer {
	w := &Writer{}
	if opts != nil {
		w.ModTime = opts.ModTime
		w.Report = opts.Report
		if v, ok := opts.Var("xlsx", "chart"); ok {
			if b, ok := convert.ParseVarBool(v); ok {
				w.NoChart = !b
			}
		}
		if v, ok := opts.Var("xlsx", "context-width"); ok {
			if n, err := strconv.Atoi(v); err == nil && n > 0 {
				w.ContextWidth = n
			}
		}
	}
	return w
}

// ErrWrite wraps errors from building the workbook.
var ErrWrite = errors.New("xlsx: cannot write workbook")

func init() {
	convert.Register(convert.Format{
		Name:        "xlsx",
		Extensions:  []string{"xlsx"},
		MediaType:   MediaType,
		Binary:      true,
		Description: "Excel workbook listing the document's figures (amounts, percentages, years…)",
		NewWriter:   func(opts *convert.Options) convert.Writer { return NewWriter(opts) },
		Variables: []convert.Variable{
			{Key: "chart", Kind: convert.VarBool, Default: "true", Usage: "the Chart sheet (a bar chart of the figures)"},
			{Key: "context-width", Kind: convert.VarInt, Min: 1, Default: "80", Usage: "widest the Context column gets, in character cells (a CJK character is two)"},
		},
	})
}

// Writer writes the figures of a document as a workbook. The zero value is
// ready to use.
type Writer struct {
	// ModTime is the timestamp of the document properties and ZIP entries.
	// Zero means convert.DocumentTime(&d.Meta, nil): Meta.Date, else
	// SOURCE_DATE_EPOCH, else convert.DefaultTime.
	ModTime time.Time
	// ContextWidth is the widest the Context column gets, in character
	// cells (a CJK character is two); longer sentences wrap. 0 means 80.
	ContextWidth int
	// NoChart leaves out the Chart sheet.
	NoChart bool
	// Report, when set, receives the number of figures written.
	Report *convert.Report
}

// Write writes the workbook for d to out.
func (w *Writer) Write(ctx context.Context, out io.Writer, d *convert.Document) error {
	if d == nil {
		d = &convert.Document{}
	}
	figs := figures.Of(d)
	if len(figs) > MaxFigures {
		// Checked before any work: excelize would fail far into the
		// sheet with "cannot convert cell "" to coordinates".
		return convert.LimitErrorf("xlsx: %d figures, more than the %d rows an Excel sheet has below its header", len(figs), MaxFigures)
	}
	mod, err := convert.DocumentTime(&d.Meta, &convert.Options{ModTime: w.ModTime})
	if err != nil {
		return err
	}
	b, err := w.build(ctx, d, figs, mod)
	if err != nil {
		return err
	}
	w.Report.Add("xlsx", "figures listed", len(figs))
	if len(figs) == 0 {
		w.Report.Warn("xlsx: the text has no figures (amounts, percentages, years, counts…): the Figures sheet has its header row only")
	}
	_, err = out.Write(b)
	return err
}

func (w *Writer) build(ctx context.Context, d *convert.Document, figs []convert.Figure, mod time.Time) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	fail := func(err error) ([]byte, error) { return nil, fmt.Errorf("%w: %w", ErrWrite, err) }
	if err := f.SetSheetName("Sheet1", SheetFigures); err != nil {
		return fail(err)
	}
	st, err := newStyles(f)
	if err != nil {
		return fail(err)
	}
	if err := w.figuresSheet(ctx, f, st, figs); err != nil {
		return fail(err)
	}
	if err := summarySheet(f, st, d, figs); err != nil {
		return fail(err)
	}
	if !w.NoChart {
		if err := chartSheet(f, st, figs); err != nil {
			return fail(err)
		}
	}
	f.SetActiveSheet(0)
	stamp := mod.UTC().Format("2006-01-02T15:04:05Z")
	if err := f.SetDocProps(&excelize.DocProperties{
		Title:          d.Meta.Title,
		Subject:        d.Meta.Subtitle,
		Creator:        strings.Join(d.Meta.Authors, "; "),
		Keywords:       strings.Join(d.Meta.Keywords, ", "),
		Description:    d.Meta.Description,
		Language:       d.Meta.Lang,
		Identifier:     d.Meta.Identifier,
		LastModifiedBy: "docconv",
		Category:       "figures",
		Created:        stamp,
		Modified:       stamp,
	}); err != nil {
		return fail(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return fail(err)
	}
	out, err := canonicalZip(buf.Bytes(), mod)
	if err != nil {
		return fail(err)
	}
	return out, nil
}

// styles are the cell styles of the workbook.
type styles struct {
	f       *excelize.File
	header  int
	wrap    int
	numFmts map[string]int
	date    int
}

func newStyles(f *excelize.File) (*styles, error) {
	st := &styles{f: f, numFmts: map[string]int{}}
	var err error
	if st.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Vertical: "center"},
	}); err != nil {
		return nil, err
	}
	if st.wrap, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return nil, err
	}
	fmtDate := "yyyy-mm-dd"
	if st.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &fmtDate, Alignment: &excelize.Alignment{Vertical: "top"}}); err != nil {
		return nil, err
	}
	return st, nil
}

// num returns the style for a number format.
func (st *styles) num(format string) (int, error) {
	if id, ok := st.numFmts[format]; ok {
		return id, nil
	}
	fm := format
	id, err := st.f.NewStyle(&excelize.Style{CustomNumFmt: &fm, Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return 0, err
	}
	st.numFmts[format] = id
	return id, nil
}

// NumberFormat returns the number format of a figure's Value cell.
func NumberFormat(fg convert.Figure) string {
	frac := fg.Value != math.Trunc(fg.Value)
	switch fg.Kind {
	case convert.KindPercent:
		return "0.0%"
	case convert.KindMoney:
		if frac {
			return "#,##0.00"
		}
		return "#,##0"
	case convert.KindYear, convert.KindDate:
		return "0"
	}
	if frac {
		return "#,##0.0##"
	}
	return "#,##0"
}

// fullDate returns the date of a complete ISO 8601 date (2024-01-05) from
// 1900 on: Excel's 1900 date system starts there.
func fullDate(iso string) (time.Time, bool) {
	if len(iso) != 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", iso)
	if err != nil || t.Year() < 1900 {
		return time.Time{}, false
	}
	return t, true
}

// excelSerial is the Excel (1900 system) serial number of a date.
func excelSerial(t time.Time) float64 {
	return float64(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)) / (24 * time.Hour))
}

func cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func (w *Writer) figuresSheet(ctx context.Context, f *excelize.File, st *styles, figs []convert.Figure) error {
	sh := SheetFigures
	// The column widths first (a stream writer sets them before the
	// rows), from every row's text.
	widths := make([]int, len(Header))
	for i, h := range Header {
		widths[i] = displayWidth(h)
	}
	for i, fg := range figs {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		for col, s := range [...]string{1: fg.Section, 3: fg.Text, 5: fg.Unit, 6: string(fg.Kind), 7: fg.Sentence, 8: string(fg.Bound)} {
			if s != "" {
				widths[col] = max(widths[col], displayWidth(s))
			}
		}
		widths[0] = max(widths[0], len(strconv.Itoa(i+1)))
		widths[2] = max(widths[2], len(strconv.Itoa(fg.Paragraph)))
		iso := figures.ISODate(fg)
		_, isFull := fullDate(iso)
		if iso != "" {
			widths[9] = max(widths[9], 10)
		}
		switch {
		case fg.Kind == convert.KindDate && isFull:
			widths[4] = max(widths[4], 10)
		case fg.Kind == convert.KindDate && iso != "":
			widths[4] = max(widths[4], len(iso))
		default:
			widths[4] = max(widths[4], valueWidth(fg))
		}
	}
	last := len(figs) + 1
	ref := "A1:" + cell(len(Header), last)
	// What a stream writer writes before the rows or takes from the sheet
	// when it ends: the dimension, the filter.
	if err := f.SetSheetDimension(sh, ref); err != nil {
		return err
	}
	if err := f.AutoFilter(sh, ref, nil); err != nil {
		return err
	}
	// The rows are streamed (excelize keeps a 16 MB buffer, then a
	// temporary file), not held as cells: a million figures take as
	// little memory as a hundred.
	sw, err := f.NewStreamWriter(sh)
	if err != nil {
		return err
	}
	ctxWidth := w.ContextWidth
	if ctxWidth <= 0 {
		ctxWidth = 80
	}
	caps := []int{8, 40, 10, 30, 24, 10, 10, ctxWidth, 10, 12}
	for i := range widths {
		wd := min(max(widths[i]+2, 6), caps[i]+2)
		if err := sw.SetColWidth(i+1, i+1, float64(wd)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	row := make([]any, len(Header))
	for i, h := range Header {
		row[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A1", row); err != nil {
		return err
	}
	for i, fg := range figs {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		clear(row)
		row[0] = int64(i + 1)
		row[1] = excelize.Cell{StyleID: st.wrap, Value: fg.Section}
		// Figures of the title and of headings are in no paragraph: the
		// cell stays empty rather than saying 0.
		if fg.Paragraph > 0 {
			row[2] = int64(fg.Paragraph)
		}
		row[3] = fg.Text
		row[5] = fg.Unit
		row[6] = string(fg.Kind)
		row[7] = excelize.Cell{StyleID: st.wrap, Value: fg.Sentence}
		if fg.Bound != "" {
			row[8] = string(fg.Bound) // exact: no bound
		}
		v := fg.Value
		if math.IsNaN(v) || math.IsInf(v, 0) {
			v = 0
		}
		iso := figures.ISODate(fg)
		full, isFull := fullDate(iso)
		if iso != "" {
			// Date: a real date cell for a complete date, else the ISO
			// 8601 text (--03-15, 2024-01, a year 1684)
			if isFull {
				row[9] = excelize.Cell{StyleID: st.date, Value: excelSerial(full)}
			} else {
				row[9] = iso
			}
		}
		switch {
		case fg.Kind == convert.KindDate && isFull:
			row[4] = excelize.Cell{StyleID: st.date, Value: excelSerial(full)}
		case fg.Kind == convert.KindDate && iso != "":
			// a partial date: ISO 8601 text, never a number that means
			// nothing (315 for 3月15日)
			row[4] = iso
		default:
			style, err := st.num(NumberFormat(fg))
			if err != nil {
				return err
			}
			row[4] = excelize.Cell{StyleID: style, Value: v}
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+2), row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// valueWidth estimates the display width of a formatted value.
func valueWidth(fg convert.Figure) int {
	v := math.Abs(fg.Value)
	if fg.Kind == convert.KindPercent {
		v *= 100
	}
	n := len(strconv.FormatFloat(math.Trunc(v), 'f', 0, 64))
	if fg.Kind != convert.KindYear && fg.Kind != convert.KindDate {
		n += (n - 1) / 3
	}
	return n + 4
}

// displayWidth counts the character cells of s: East Asian wide and
// fullwidth characters take two. For multi-line text, the widest line.
func displayWidth(s string) int {
	best, n := 0, 0
	for _, r := range s {
		if r == '\n' {
			best, n = max(best, n), 0
			continue
		}
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return max(best, n)
}

func summarySheet(f *excelize.File, st *styles, d *convert.Document, figs []convert.Figure) error {
	sh := SheetSummary
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	m := d.Meta
	rows := [][2]string{
		{"Title", m.Title},
		{"Subtitle", m.Subtitle},
		{"Authors", strings.Join(m.Authors, "; ")},
		{"Date", m.Date},
		{"Language", m.Lang},
		{"Source", m.Source},
		{"Identifier", m.Identifier},
		{"Keywords", strings.Join(m.Keywords, ", ")},
	}
	w0, w1 := 10, 10
	r := 1
	for _, kv := range rows {
		if err := f.SetCellStr(sh, cell(1, r), kv[0]); err != nil {
			return err
		}
		if err := f.SetCellStr(sh, cell(2, r), kv[1]); err != nil {
			return err
		}
		w1 = max(w1, displayWidth(kv[1]))
		r++
	}
	if err := f.SetCellStyle(sh, "A1", cell(1, r-1), st.header); err != nil {
		return err
	}
	r++
	if err := f.SetCellStr(sh, cell(1, r), "Kind"); err != nil {
		return err
	}
	if err := f.SetCellStr(sh, cell(2, r), "Figures"); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, cell(1, r), cell(2, r), st.header); err != nil {
		return err
	}
	counts := map[convert.FigureKind]int{}
	for _, fg := range figs {
		counts[fg.Kind]++
	}
	kinds := append([]convert.FigureKind(nil), Kinds...)
	for _, fg := range figs { // kinds outside the standard set, in order of appearance
		if _, ok := counts[fg.Kind]; ok && !containsKind(kinds, fg.Kind) {
			kinds = append(kinds, fg.Kind)
		}
	}
	for _, k := range kinds {
		r++
		if err := f.SetCellStr(sh, cell(1, r), string(k)); err != nil {
			return err
		}
		if err := f.SetCellInt(sh, cell(2, r), int64(counts[k])); err != nil {
			return err
		}
	}
	r++
	if err := f.SetCellStr(sh, cell(1, r), "Total"); err != nil {
		return err
	}
	if err := f.SetCellInt(sh, cell(2, r), int64(len(figs))); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, cell(1, r), cell(1, r), st.header); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "A", "A", float64(w0+2)); err != nil {
		return err
	}
	return f.SetColWidth(sh, "B", "B", float64(min(w1, 80)+2))
}

func containsKind(ks []convert.FigureKind, k convert.FigureKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// chartFigures picks the comparable figures to chart: the amounts of money
// in the currency with the most amounts (the first to appear on a tie),
// else the percentages (unit "%"). It returns their indexes and a title.
func chartFigures(figs []convert.Figure) ([]int, string) {
	byCur := map[string][]int{}
	var order []string
	for i, fg := range figs {
		if fg.Kind == convert.KindMoney && fg.Unit != "" {
			if _, ok := byCur[fg.Unit]; !ok {
				order = append(order, fg.Unit)
			}
			byCur[fg.Unit] = append(byCur[fg.Unit], i)
		}
	}
	best := ""
	for _, c := range order {
		if len(byCur[c]) > len(byCur[best]) {
			best = c
		}
	}
	if len(byCur[best]) >= 2 {
		return byCur[best], "Amounts (" + best + ")"
	}
	var pct []int
	for i, fg := range figs {
		if fg.Kind == convert.KindPercent && fg.Unit == "%" {
			pct = append(pct, i)
		}
	}
	if len(pct) >= 2 {
		return pct, "Percentages"
	}
	return nil, ""
}

func chartSheet(f *excelize.File, st *styles, figs []convert.Figure) error {
	idx, title := chartFigures(figs)
	if len(idx) < 2 {
		return nil
	}
	sh := SheetChart
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	for i, h := range []string{"Figure", "Value"} {
		if err := f.SetCellStr(sh, cell(i+1, 1), h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, "A1", "B1", st.header); err != nil {
		return err
	}
	wA := 10
	for r, i := range idx {
		fg := figs[i]
		label := fmt.Sprintf("#%d %s", i+1, fg.Text)
		wA = max(wA, displayWidth(label))
		if err := f.SetCellStr(sh, cell(1, r+2), label); err != nil {
			return err
		}
		if err := f.SetCellFloat(sh, cell(2, r+2), fg.Value, -1, 64); err != nil {
			return err
		}
		style, err := st.num(NumberFormat(fg))
		if err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, cell(2, r+2), cell(2, r+2), style); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(sh, "A", "A", float64(min(wA, 50)+2)); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "B", "B", 20); err != nil {
		return err
	}
	last := len(idx) + 1
	return f.AddChart(sh, "D2", &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name:       sh + "!$B$1",
			Categories: fmt.Sprintf("%s!$A$2:$A$%d", sh, last),
			Values:     fmt.Sprintf("%s!$B$2:$B$%d", sh, last),
		}},
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
		Legend: excelize.ChartLegend{Position: "none"},
		Format: excelize.GraphicOptions{ScaleX: 1.5, ScaleY: 1.2},
	})
}

// defaultsRe and overridesRe match the elements of [Content_Types].xml.
var (
	defaultsRe  = regexp.MustCompile(`<Default [^>]*(?:/>|></Default>)`)
	overridesRe = regexp.MustCompile(`<Override [^>]*(?:/>|></Override>)`)
)

// canonicalZip rewrites an OOXML package deterministically: entries in a
// fixed order ([Content_Types].xml, _rels/.rels, then by name), every entry
// deflated with the same time, and the <Default> elements of
// [Content_Types].xml sorted by extension.
func canonicalZip(b []byte, mod time.Time) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	if mod.Year() < 1980 {
		mod = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	files := append([]*zip.File(nil), zr.File...)
	rank := func(n string) int {
		switch n {
		case "[Content_Types].xml":
			return 0
		case "_rels/.rels":
			return 1
		}
		return 2
	}
	sort.SliceStable(files, func(i, j int) bool {
		ri, rj := rank(files[i].Name), rank(files[j].Name)
		if ri != rj {
			return ri < rj
		}
		return files[i].Name < files[j].Name
	})
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range files {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate, Modified: mod.UTC()})
		if err != nil {
			return nil, err
		}
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		if zf.Name == "[Content_Types].xml" {
			var data []byte
			if data, err = io.ReadAll(rc); err == nil {
				_, err = fw.Write(sortElements(sortElements(data, defaultsRe), overridesRe))
			}
		} else {
			// A sheet of a million rows is copied, not read whole.
			_, err = io.Copy(fw, rc)
		}
		rc.Close()
		if err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// sortElements sorts the elements re matches (the <Default> or <Override>
// elements of [Content_Types].xml, whose first attribute is the key) among
// the places they occupy, leaving everything else where it is.
func sortElements(data []byte, re *regexp.Regexp) []byte {
	locs := re.FindAllIndex(data, -1)
	if len(locs) < 2 {
		return data
	}
	elems := make([]string, len(locs))
	for i, l := range locs {
		elems[i] = string(data[l[0]:l[1]])
	}
	sort.Strings(elems)
	var out bytes.Buffer
	prev := 0
	for i, l := range locs {
		out.Write(data[prev:l[0]])
		out.WriteString(elems[i])
		prev = l[1]
	}
	out.Write(data[prev:])
	return out.Bytes()
}
