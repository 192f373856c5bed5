package golden

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// PDF returns the text projection of a PDF file (see the package
// documentation for its layout). It reads the file with a parser of this
// package's own, which needs no cross-reference table, decodes FlateDecode
// streams and object streams, and maps glyphs to text through the fonts'
// ToUnicode CMaps and /ActualText marked content. Encrypted files are
// refused.
func PDF(data []byte) (string, error) {
	f, err := openPDF(data)
	if err != nil {
		return "", fmt.Errorf("golden: pdf: %w", err)
	}
	if f.trailer["Encrypt"] != nil {
		return "", fmt.Errorf("golden: pdf: the file is encrypted")
	}
	root := f.dict(f.trailer["Root"])
	if root == nil {
		return "", fmt.Errorf("golden: pdf: no document catalog")
	}
	pages := f.pages(root)

	var b strings.Builder
	fmt.Fprintf(&b, "%s pdf\n", header)
	fmt.Fprintf(&b, "version: %s\n", f.version)
	fmt.Fprintf(&b, "pages: %d\n", len(pages))
	if lang, ok := f.resolve(root["Lang"]).(pdfString); ok {
		fmt.Fprintf(&b, "lang: %s\n", textString(lang))
	}

	b.WriteString("\n== info\n")
	info := f.dict(f.trailer["Info"])
	keys := make([]string, 0, len(info))
	for k := range info {
		keys = append(keys, string(k))
	}
	slices.Sort(keys)
	for _, k := range keys {
		switch v := f.resolve(info[pdfName(k)]).(type) {
		case pdfString:
			fmt.Fprintf(&b, "%s: %s\n", k, oneLine(textString(v)))
		case pdfName:
			fmt.Fprintf(&b, "%s: /%s\n", k, v)
		}
	}

	b.WriteString("\n== fonts\n")
	for _, line := range f.fonts(pages) {
		b.WriteString(line + "\n")
	}

	b.WriteString("\n== outline\n")
	pageNo := map[int]int{}
	for i, p := range pages {
		pageNo[p.ref] = i + 1
	}
	f.outline(&b, f.dict(root["Outlines"]), 0, pageNo, map[int]bool{})

	for i, p := range pages {
		fmt.Fprintf(&b, "\n== page %d", i+1)
		if box := f.array(p.attr("MediaBox")); len(box) == 4 {
			x0, _ := f.num(box[0])
			y0, _ := f.num(box[1])
			x1, _ := f.num(box[2])
			y1, _ := f.num(box[3])
			fmt.Fprintf(&b, " (%s x %s pt)", fmtNum(x1-x0), fmtNum(y1-y0))
		}
		b.WriteString("\n")
		b.WriteString(f.pageText(p.dict, f.dict(p.attr("Resources"))))
	}
	return b.String(), nil
}

// page is a leaf of the page tree with what it inherits.
type page struct {
	dict    pdfDict
	ref     int // object number, -1 for a direct object
	parents []pdfDict
}

// attr returns a page attribute, inherited from the page tree when the
// page does not set it (Resources, MediaBox, CropBox, Rotate).
func (p page) attr(key pdfName) any {
	if v, ok := p.dict[key]; ok {
		return v
	}
	for i := len(p.parents) - 1; i >= 0; i-- {
		if v, ok := p.parents[i][key]; ok {
			return v
		}
	}
	return nil
}

// pages walks the page tree in order.
func (f *pdfFile) pages(root pdfDict) []page {
	var out []page
	seen := map[int]bool{}
	var walk func(v any, parents []pdfDict, depth int)
	walk = func(v any, parents []pdfDict, depth int) {
		ref := -1
		if r, ok := v.(pdfRef); ok {
			if seen[r.num] {
				return
			}
			seen[r.num] = true
			ref = r.num
		}
		d := f.dict(v)
		if d == nil || depth > 64 {
			return
		}
		if f.name(d["Type"]) == "Pages" || d["Kids"] != nil {
			for _, k := range f.array(d["Kids"]) {
				walk(k, append(slices.Clone(parents), d), depth+1)
			}
			return
		}
		out = append(out, page{dict: d, ref: ref, parents: parents})
	}
	walk(root["Pages"], nil, 0)
	return out
}

// fonts describes every font the pages use, one line each, sorted:
// base font, subtype (with the descendant's for a Type0 font), encoding,
// whether the font program is embedded, whether a ToUnicode map is there.
func (f *pdfFile) fonts(pages []page) []string {
	seen := map[string]bool{}
	var lines []string
	for _, p := range pages {
		res := f.dict(p.attr("Resources"))
		for _, v := range f.dict(res["Font"]) {
			d := f.dict(v)
			if d == nil {
				continue
			}
			sub := string(f.name(d["Subtype"]))
			desc := f.dict(d["FontDescriptor"])
			if sub == "Type0" {
				if df := f.array(d["DescendantFonts"]); len(df) > 0 {
					dd := f.dict(df[0])
					sub += "/" + string(f.name(dd["Subtype"]))
					desc = f.dict(dd["FontDescriptor"])
				}
			}
			enc := "-"
			switch e := f.resolve(d["Encoding"]).(type) {
			case pdfName:
				enc = string(e)
			case pdfDict:
				enc = "custom"
			case *pdfStream:
				enc = "embedded CMap"
			}
			embedded := "not embedded"
			for _, k := range []pdfName{"FontFile", "FontFile2", "FontFile3"} {
				if desc[k] != nil {
					embedded = "embedded"
				}
			}
			if sub == "Type3" {
				embedded = "embedded"
			}
			uni := "no ToUnicode"
			if d["ToUnicode"] != nil {
				uni = "ToUnicode"
			}
			line := fmt.Sprintf("%s  %s  %s  %s  %s", f.name(d["BaseFont"]), sub, enc, embedded, uni)
			if !seen[line] {
				seen[line] = true
				lines = append(lines, line)
			}
		}
	}
	slices.Sort(lines)
	return lines
}

// outline writes the bookmarks, indented by level, with their target page.
func (f *pdfFile) outline(b *strings.Builder, parent pdfDict, level int, pageNo map[int]int, seen map[int]bool) {
	if parent == nil || level > 32 {
		return
	}
	for v := parent["First"]; v != nil; {
		r, ok := v.(pdfRef)
		if ok {
			if seen[r.num] {
				return
			}
			seen[r.num] = true
		}
		item := f.dict(v)
		if item == nil {
			return
		}
		title, _ := f.resolve(item["Title"]).(pdfString)
		target := "?"
		dest := f.resolve(item["Dest"])
		if dest == nil {
			if a := f.dict(item["A"]); f.name(a["S"]) == "GoTo" {
				dest = f.resolve(a["D"])
			}
		}
		switch d := dest.(type) {
		case pdfArray:
			if len(d) > 0 {
				if pr, ok := d[0].(pdfRef); ok && pageNo[pr.num] > 0 {
					target = "page " + strconv.Itoa(pageNo[pr.num])
				} else if n, ok := d[0].(float64); ok {
					target = "page " + strconv.Itoa(int(n)+1)
				}
			}
		case pdfName:
			target = "/" + string(d)
		case pdfString:
			target = "(" + textString(d) + ")"
		}
		fmt.Fprintf(b, "%s%s -> %s\n", strings.Repeat("  ", level), oneLine(textString(title)), target)
		f.outline(b, item, level+1, pageNo, seen)
		if !ok {
			return
		}
		v = item["Next"]
	}
}

// fmtNum prints a length in points with at most two decimals.
func fmtNum(v float64) string {
	return strconv.FormatFloat(float64(int64(v*100+0.5))/100, 'f', -1, 64)
}

// oneLine replaces line breaks, so each value stays on its line.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}
