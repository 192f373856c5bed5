package golden

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// builtinNumFmts are the format codes of the built-in number formats
// (ECMA-376 Part 1, §18.8.30) a workbook may name by number alone.
var builtinNumFmts = map[int]string{
	0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
	9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
	14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
	18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
	37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)",
	45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}

// XLSX returns the text projection of a workbook: its document properties,
// then each sheet as tab-separated values of the raw cell values (a tab,
// line break or backslash in a value written \t, \n, \\), followed by the
// type and number format of its cells — one line per run of cells of a
// column that share them, "B2:B40 number 0.0%" — its formulas and its
// merged ranges.
func XLSX(data []byte) (string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		return "", fmt.Errorf("golden: xlsx: %w", err)
	}
	defer f.Close()
	var b strings.Builder
	fmt.Fprintf(&b, "%s xlsx\n\n== properties\n", header)
	if p, err := f.GetDocProps(); err == nil {
		for _, kv := range [][2]string{{"Title", p.Title}, {"Subject", p.Subject}, {"Creator", p.Creator},
			{"Keywords", p.Keywords}, {"Description", p.Description}, {"Language", p.Language},
			{"Identifier", p.Identifier}, {"Created", p.Created}, {"Modified", p.Modified},
			{"LastModifiedBy", p.LastModifiedBy}, {"Category", p.Category}} {
			if kv[1] != "" {
				fmt.Fprintf(&b, "%s: %s\n", kv[0], oneLine(kv[1]))
			}
		}
	}
	for i, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			return "", fmt.Errorf("golden: xlsx: sheet %q: %w", sh, err)
		}
		dim, _ := f.GetSheetDimension(sh)
		fmt.Fprintf(&b, "\n== sheet %d: %s (%s)\n", i+1, sh, dim)
		for _, row := range rows {
			for j, v := range row {
				if j > 0 {
					b.WriteByte('\t')
				}
				b.WriteString(tsvEscape(v))
			}
			b.WriteByte('\n')
		}
		formats, formulas, err := cellFormats(f, sh, rows)
		if err != nil {
			return "", fmt.Errorf("golden: xlsx: sheet %q: %w", sh, err)
		}
		b.WriteString("-- cell types and number formats\n")
		for _, l := range formats {
			b.WriteString(l + "\n")
		}
		if len(formulas) > 0 {
			b.WriteString("-- formulas\n")
			for _, l := range formulas {
				b.WriteString(l + "\n")
			}
		}
		if merged, err := f.GetMergeCells(sh, true); err == nil && len(merged) > 0 {
			b.WriteString("-- merged cells\n")
			for _, m := range merged {
				fmt.Fprintf(&b, "%s:%s\n", m.GetStartAxis(), m.GetEndAxis())
			}
		}
	}
	return b.String(), nil
}

func tsvEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`).Replace(s)
}

// cellFormats describes, column by column, the runs of non-empty cells
// that share a type and a number format, and lists the formulas.
func cellFormats(f *excelize.File, sh string, rows [][]string) (formats, formulas []string, err error) {
	ncols := 0
	for _, r := range rows {
		ncols = max(ncols, len(r))
	}
	styleFmt := map[int]string{}
	for c := 1; c <= ncols; c++ {
		var runStart, runEnd, prev string
		flush := func() {
			if runStart != "" {
				ref := runStart
				if runEnd != runStart {
					ref += ":" + runEnd
				}
				formats = append(formats, ref+" "+prev)
			}
			runStart = ""
		}
		for r := 1; r <= len(rows); r++ {
			if c > len(rows[r-1]) || rows[r-1][c-1] == "" {
				flush()
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c, r)
			typ, err := f.GetCellType(sh, cell)
			if err != nil {
				return nil, nil, err
			}
			if fm, _ := f.GetCellFormula(sh, cell); fm != "" {
				formulas = append(formulas, cell+" ="+fm)
			}
			idx, err := f.GetCellStyle(sh, cell)
			if err != nil {
				return nil, nil, err
			}
			nf, ok := styleFmt[idx]
			if !ok {
				nf = "General"
				if st, err := f.GetStyle(idx); err == nil && st != nil {
					if st.CustomNumFmt != nil && *st.CustomNumFmt != "" {
						nf = *st.CustomNumFmt
					} else if code, ok := builtinNumFmts[st.NumFmt]; ok {
						nf = code
					} else {
						nf = fmt.Sprintf("builtin %d", st.NumFmt)
					}
				}
				styleFmt[idx] = nf
			}
			desc := cellTypeName(typ) + " " + nf
			if runStart != "" && desc == prev {
				runEnd = cell
				continue
			}
			flush()
			runStart, runEnd, prev = cell, cell, desc
		}
		flush()
	}
	return formats, formulas, nil
}

func cellTypeName(t excelize.CellType) string {
	switch t {
	case excelize.CellTypeBool:
		return "bool"
	case excelize.CellTypeDate:
		return "date"
	case excelize.CellTypeError:
		return "error"
	case excelize.CellTypeFormula:
		return "formula"
	case excelize.CellTypeInlineString, excelize.CellTypeSharedString:
		return "string"
	}
	return "number"
}
