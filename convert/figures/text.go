package figures

import (
	"strings"

	"github.com/docconv/docconv/convert"
)

// segment is a run of text scanned as a whole: a paragraph, a list item, a
// table row. skip marks runes that are not prose (inline code).
type segment struct {
	text []rune
	skip []bool // nil or len(text)
	// units holds, for a table row, the unit named in each column's header
	// ("PM2.5(微克/立方米)" → "微克/立方米"), indexed by column; col gives
	// the column of each rune.
	units []string
	col   []int
	// row marks a table row: its sentence is the row's cells joined by " | ".
	row bool
	// rowUnit is the unit a row's label (its first cell) names in
	// parentheses ("营业收入（亿元）"), for the bare numbers of the other
	// columns whose header names none.
	rowUnit string
}

// segBuilder accumulates the text of inlines.
type segBuilder struct {
	text []rune
	skip []bool
	code bool
}

func (s *segBuilder) add(str string, code bool) {
	for _, r := range str {
		s.text = append(s.text, r)
		s.skip = append(s.skip, code)
	}
	if code {
		s.code = true
	}
}

func (s *segBuilder) inlines(ins []convert.Inline) {
	for _, in := range ins {
		switch x := in.(type) {
		case *convert.Text:
			s.add(x.Text, false)
		case *convert.Code:
			s.add(x.Text, true)
		case *convert.Ruby:
			s.add(x.Base, false)
		case *convert.LineBreak:
			s.add("\n", false)
		case *convert.Sup:
			s.sup(x)
		case *convert.Sub:
			// H<sub>2</sub>O, x<sub>i</sub>: indices, not figures.
			s.add(convert.PlainText(x.Inlines), true)
		default:
			s.inlines(convert.Children(in))
		}
	}
}

// sup adds a superscript as the text reads it: after a number, digits are
// an exponent (2<sup>53</sup> is 2^53, not 253) and letters an ordinal
// suffix (1<sup>st</sup>); after a unit's letter, 2 and 3 are its power
// (m<sup>2</sup> is m²); anything else (a footnote mark, a note
// reference) is no figure.
func (s *segBuilder) sup(x *convert.Sup) {
	t := strings.TrimSpace(convert.PlainText(x.Inlines))
	var prev rune
	if n := len(s.text); n > 0 {
		prev = s.text[n-1]
	}
	switch {
	case t == "":
	case isDigit(prev) && isExponent(t):
		s.add("^"+t, false)
	case isDigit(prev) && isLatinWord(t):
		s.add(t, false)
	case isLatin(prev) && (t == "2" || t == "3"):
		s.add(map[string]string{"2": "²", "3": "³"}[t], false)
	default:
		s.add(t, true)
	}
}

// isExponent reports whether t is digits, with a sign or not.
func isExponent(t string) bool {
	t = strings.TrimLeft(t, "-−+")
	return t != "" && strings.IndexFunc(t, func(r rune) bool { return !isDigit(r) }) < 0
}

// isLatinWord reports whether t is Latin letters only.
func isLatinWord(t string) bool {
	return t != "" && strings.IndexFunc(t, func(r rune) bool { return !isLatin(r) }) < 0
}

func (s *segBuilder) segment() segment {
	seg := segment{text: s.text}
	if s.code {
		seg.skip = s.skip
	}
	return seg
}

func inlineSegment(ins []convert.Inline) segment {
	var b segBuilder
	b.inlines(ins)
	return b.segment()
}

// blockSegments returns the text segments of a top-level block in reading
// order. Code blocks and rules have none; headings are handled by Extract.
// The blocks of the notes b references follow b's own segments: a figure in
// a note has the note's sentence.
func blockSegments(b convert.Block) (out []segment) {
	defer convert.ForNotes(b, func(n *convert.Note) {
		for _, nb := range n.Blocks {
			out = append(out, blockSegments(nb)...)
		}
	})
	switch x := b.(type) {
	case *convert.Heading:
		out = append(out, inlineSegment(x.Inlines))
	case *convert.Paragraph:
		out = append(out, inlineSegment(x.Inlines))
	case *convert.List:
		for _, item := range x.Items {
			for _, ib := range item {
				out = append(out, blockSegments(ib)...)
			}
		}
	case *convert.Quote:
		for _, qb := range x.Blocks {
			out = append(out, blockSegments(qb)...)
		}
	case *convert.FigureBlock:
		// The caption, then a table's cells (an image's alt text is no
		// sentence of the article).
		if len(x.Caption) > 0 {
			out = append(out, inlineSegment(x.Caption))
		}
		if x.Table != nil {
			out = append(out, blockSegments(x.Table)...)
		}
	case *convert.Table:
		if len(x.Caption) > 0 {
			out = append(out, inlineSegment(x.Caption))
		}
		var units []string
		for _, c := range x.Header {
			units = append(units, headerUnit(convert.PlainText(c)))
		}
		rows := x.Rows
		if x.Header != nil {
			rows = append([][]convert.Cell{x.Header}, rows...)
		}
		for ri, r := range rows {
			var sb segBuilder
			var cols []int
			for i, c := range r {
				if i > 0 {
					sb.add(" | ", false)
				}
				for len(cols) < len(sb.text) {
					cols = append(cols, i-1)
				}
				sb.inlines(c)
				for len(cols) < len(sb.text) {
					cols = append(cols, i)
				}
			}
			seg := sb.segment()
			seg.row = true
			if x.Header == nil || ri > 0 {
				seg.units, seg.col = units, cols
				if len(r) > 0 {
					seg.rowUnit = headerUnit(convert.PlainText(r[0]))
				}
			}
			out = append(out, seg)
		}
	}
	return out
}

// headerUnit returns the unit a table header names in parentheses at its
// end: "PM2.5(微克/立方米)" → "微克/立方米", "Revenue (USD)" → "USD".
func headerUnit(h string) string {
	h = strings.TrimSpace(h)
	for _, p := range [][2]string{{"(", ")"}, {"（", "）"}, {"[", "]"}} {
		if strings.HasSuffix(h, p[1]) {
			if i := strings.LastIndex(h, p[0]); i >= 0 {
				u := strings.TrimSpace(h[i+len(p[0]) : len(h)-len(p[1])])
				if u != "" && len([]rune(u)) <= 12 {
					return u
				}
			}
		}
	}
	return ""
}
