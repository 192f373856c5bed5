package golden

import (
	"bytes"
	"encoding/binary"
	"math"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// font decodes the codes of a shown string to text and measures them.
type font struct {
	twoByte  bool // Type0 font: two-byte codes (Identity-H and the like)
	toUni    map[uint32]string
	ranges   []cmapRange
	widths   map[uint32]float64 // glyph widths in 1/1000 em
	defWidth float64
}

// newFont reads a font dictionary: its ToUnicode CMap, its encoding and
// its widths.
func (f *pdfFile) newFont(d pdfDict) *font {
	ft := &font{toUni: map[uint32]string{}, widths: map[uint32]float64{}, defWidth: 500}
	if f.name(d["Subtype"]) == "Type0" {
		ft.twoByte = true
		ft.defWidth = 1000
		if desc := f.array(d["DescendantFonts"]); len(desc) > 0 {
			cid := f.dict(desc[0])
			if dw, ok := f.num(cid["DW"]); ok {
				ft.defWidth = dw
			}
			w := f.array(cid["W"])
			for i := 0; i+1 < len(w); {
				c0 := uint32(f.int(w[i]))
				if ws := f.array(w[i+1]); ws != nil {
					for j, x := range ws {
						if v, ok := f.num(x); ok {
							ft.widths[c0+uint32(j)] = v
						}
					}
					i += 2
					continue
				}
				if i+2 >= len(w) {
					break
				}
				c1 := uint32(f.int(w[i+1]))
				v, _ := f.num(w[i+2])
				for c := c0; c <= c1 && c-c0 < 1<<16; c++ {
					ft.widths[c] = v
				}
				i += 3
			}
		}
	} else {
		first := f.int(d["FirstChar"])
		for i, x := range f.array(d["Widths"]) {
			if v, ok := f.num(x); ok {
				ft.widths[uint32(first+i)] = v
			}
		}
	}
	if s, ok := f.resolve(d["ToUnicode"]).(*pdfStream); ok {
		if data, err := f.decode(s); err == nil {
			ft.ranges = parseCMap(data, ft.toUni)
		}
	}
	return ft
}

// cmapRange maps the codes lo…hi to consecutive values from dst.
type cmapRange struct {
	lo, hi uint32
	dst    []byte // UTF-16BE of lo's text; the others count up from it
}

func (r cmapRange) text(c uint32) string {
	b := bytes.Clone(r.dst)
	carry := c - r.lo
	for i := len(b) - 1; i >= 0 && carry > 0; i-- {
		v := uint32(b[i]) + carry
		b[i] = byte(v)
		carry = v >> 8
	}
	return utf16BE(b)
}

// parseCMap reads the bfchar and bfrange sections of a ToUnicode CMap
// into m (single codes) and the returned ranges.
func parseCMap(data []byte, m map[uint32]string) (ranges []cmapRange) {
	l := &lexer{b: data}
	code := func(v any) (uint32, bool) {
		s, ok := v.(pdfString)
		if !ok || len(s) == 0 || len(s) > 4 {
			return 0, false
		}
		var c uint32
		for i := 0; i < len(s); i++ {
			c = c<<8 | uint32(s[i])
		}
		return c, true
	}
	for {
		v, err := l.next(0)
		if err != nil {
			return ranges
		}
		switch v {
		case pdfOp("beginbfchar"):
			for {
				src, err := l.next(0)
				if err != nil || src == pdfOp("endbfchar") {
					break
				}
				dst, err := l.next(0)
				if err != nil {
					return ranges
				}
				if c, ok := code(src); ok {
					if s, ok := dst.(pdfString); ok {
						m[c] = utf16BE([]byte(s))
					}
				}
			}
		case pdfOp("beginbfrange"):
			for {
				lo, err := l.next(0)
				if err != nil || lo == pdfOp("endbfrange") {
					break
				}
				hi, err1 := l.next(0)
				dst, err2 := l.next(0)
				if err1 != nil || err2 != nil {
					return ranges
				}
				c0, ok0 := code(lo)
				c1, ok1 := code(hi)
				if !ok0 || !ok1 || c1 < c0 {
					continue
				}
				switch dst := dst.(type) {
				case pdfString:
					ranges = append(ranges, cmapRange{c0, c1, []byte(dst)})
				case pdfArray:
					for i, x := range dst {
						if s, ok := x.(pdfString); ok && c0+uint32(i) <= c1 {
							m[c0+uint32(i)] = utf16BE([]byte(s))
						}
					}
				}
			}
		}
	}
}

func utf16BE(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.BigEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

// textString decodes a PDF text string: UTF-16BE with a byte order mark,
// UTF-8 with one (PDF 2.0), else PDFDocEncoding (read as Latin-1, which it
// equals for the printable ASCII and Latin-1 letters).
func textString(s pdfString) string {
	b := []byte(s)
	switch {
	case len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
		return utf16BE(b[2:])
	case len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF:
		return string(b[3:])
	}
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

// decode returns the text of a shown string and its width in text space
// units (before the font size), with the character and word spacing that
// apply to each code.
func (ft *font) decode(s []byte) (text string, codes []uint32) {
	var b strings.Builder
	step := 1
	if ft.twoByte {
		step = 2
	}
	for i := 0; i+step <= len(s); i += step {
		c := uint32(s[i])
		if step == 2 {
			c = uint32(s[i])<<8 | uint32(s[i+1])
		}
		codes = append(codes, c)
		if u, ok := ft.lookup(c); ok {
			b.WriteString(u)
		} else if step == 2 {
			// No ToUnicode entry: Identity-H codes of this writer's kind are
			// often Unicode; take the code as a BMP character if it is one.
			if utf8.ValidRune(rune(c)) && c >= 0x20 {
				b.WriteRune(rune(c))
			} else {
				b.WriteRune(utf8.RuneError)
			}
		} else {
			b.WriteRune(rune(c)) // Latin-1 for simple fonts
		}
	}
	return b.String(), codes
}

func (ft *font) lookup(c uint32) (string, bool) {
	if u, ok := ft.toUni[c]; ok {
		return u, true
	}
	for _, r := range ft.ranges {
		if c >= r.lo && c <= r.hi {
			return r.text(c), true
		}
	}
	return "", false
}

func (ft *font) width(c uint32) float64 {
	if w, ok := ft.widths[c]; ok {
		return w
	}
	return ft.defWidth
}

// run is a piece of text shown at a place of a page.
type run struct {
	x, y, endX, size float64
	text             string
	mcid             int // the innermost marked content's MCID, -1 for none
}

type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// pageText runs a page's content stream and returns its text, one line
// per baseline, in the order the text is drawn.
func (f *pdfFile) pageText(page pdfDict, resources pdfDict) string {
	runs := f.runs(f.content(page), resources)
	return joinRuns(runs)
}

// content returns a page's content stream, decoded (its streams joined).
func (f *pdfFile) content(page pdfDict) []byte {
	var content []byte
	switch c := f.resolve(page["Contents"]).(type) {
	case *pdfStream:
		content, _ = f.decode(c)
	case pdfArray:
		for _, x := range c {
			if s, ok := f.resolve(x).(*pdfStream); ok {
				if d, err := f.decode(s); err == nil {
					content = append(append(content, d...), '\n')
				}
			}
		}
	}
	return content
}

type gstate struct {
	ctm                        matrix
	font                       *font
	size, tc, tw, th, tl, rise float64
}

// runs interprets the text operators of a content stream.
func (f *pdfFile) runs(content []byte, resources pdfDict) []run {
	fonts := map[pdfName]*font{}
	fontDicts := f.dict(resources["Font"])
	gs := gstate{ctm: identity, th: 1}
	var stack []gstate
	var tm, tlm matrix
	var runs []run
	// Marked content with /ActualText replaces the text drawn inside it.
	type marked struct {
		actual string
		has    bool
		shown  bool
		mcid   int
	}
	var marks []marked
	mcid := func() int {
		for i := len(marks) - 1; i >= 0; i-- {
			if marks[i].mcid >= 0 {
				return marks[i].mcid
			}
		}
		return -1
	}
	inActual := func() *marked {
		for i := len(marks) - 1; i >= 0; i-- {
			if marks[i].has {
				return &marks[i]
			}
		}
		return nil
	}
	show := func(s []byte, adjust []float64, parts [][]byte) {
		ft := gs.font
		if ft == nil {
			ft = &font{defWidth: 500, toUni: map[uint32]string{}}
		}
		trm := tm.mul(gs.ctm)
		x0, y0 := trm[4], trm[5]
		var text strings.Builder
		advance := func(codes []uint32) {
			for _, c := range codes {
				w := ft.width(c)/1000*gs.size + gs.tc
				if (!ft.twoByte && c == 32) || (ft.twoByte && c == 32) {
					w += gs.tw
				}
				tm = matrix{1, 0, 0, 1, w * gs.th, 0}.mul(tm)
			}
		}
		for i, p := range parts {
			t, codes := ft.decode(p)
			text.WriteString(t)
			advance(codes)
			if i < len(adjust) && adjust[i] != 0 {
				if adjust[i] < -250 && !strings.HasSuffix(text.String(), " ") {
					text.WriteByte(' ')
				}
				tm = matrix{1, 0, 0, 1, -adjust[i] / 1000 * gs.size * gs.th, 0}.mul(tm)
			}
		}
		end := tm.mul(gs.ctm)
		size := gs.size * math.Hypot(trm[2], trm[3])
		if a := inActual(); a != nil {
			if !a.shown {
				a.shown = true
				runs = append(runs, run{x: x0, y: y0, endX: end[4], size: size, text: a.actual, mcid: mcid()})
			} else if len(runs) > 0 {
				runs[len(runs)-1].endX = end[4]
			}
			return
		}
		runs = append(runs, run{x: x0, y: y0, endX: end[4], size: size, text: text.String(), mcid: mcid()})
	}
	eachOp(content, func(op pdfOp, operands []any) {
		num := func(i int) float64 {
			if i < len(operands) {
				if n, ok := operands[i].(float64); ok {
					return n
				}
			}
			return 0
		}
		n := len(operands)
		switch op {
		case "q":
			if len(stack) < 1000 {
				stack = append(stack, gs)
			}
		case "Q":
			if len(stack) > 0 {
				gs, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "cm":
			if n >= 6 {
				gs.ctm = matrix{num(n - 6), num(n - 5), num(n - 4), num(n - 3), num(n - 2), num(n - 1)}.mul(gs.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if n >= 2 {
				name, _ := operands[n-2].(pdfName)
				ft, ok := fonts[name]
				if !ok {
					if d := f.dict(fontDicts[name]); d != nil {
						ft = f.newFont(d)
					}
					fonts[name] = ft
				}
				gs.font, gs.size = ft, num(n-1)
			}
		case "Tc":
			gs.tc = num(n - 1)
		case "Tw":
			gs.tw = num(n - 1)
		case "Tz":
			gs.th = num(n-1) / 100
		case "TL":
			gs.tl = num(n - 1)
		case "Ts":
			gs.rise = num(n - 1)
		case "Td", "TD":
			if n >= 2 {
				if op == "TD" {
					gs.tl = -num(n - 1)
				}
				tlm = matrix{1, 0, 0, 1, num(n - 2), num(n - 1)}.mul(tlm)
				tm = tlm
			}
		case "Tm":
			if n >= 6 {
				tlm = matrix{num(n - 6), num(n - 5), num(n - 4), num(n - 3), num(n - 2), num(n - 1)}
				tm = tlm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -gs.tl}.mul(tlm)
			tm = tlm
		case "Tj", "'", "\"":
			if op != "Tj" {
				tlm = matrix{1, 0, 0, 1, 0, -gs.tl}.mul(tlm)
				tm = tlm
				if op == "\"" && n >= 3 {
					gs.tw, gs.tc = num(n-3), num(n-2)
				}
			}
			if n >= 1 {
				if s, ok := operands[n-1].(pdfString); ok {
					show([]byte(s), nil, [][]byte{[]byte(s)})
				}
			}
		case "TJ":
			if n >= 1 {
				if a, ok := operands[n-1].(pdfArray); ok {
					var parts [][]byte
					var adjust []float64
					for _, x := range a {
						switch x := x.(type) {
						case pdfString:
							parts = append(parts, []byte(x))
							adjust = append(adjust, 0)
						case float64:
							if len(parts) == 0 {
								parts = append(parts, nil)
								adjust = append(adjust, 0)
							}
							adjust[len(adjust)-1] += x
						}
					}
					show(nil, adjust, parts)
				}
			}
		case "BMC":
			marks = append(marks, marked{mcid: -1})
		case "BDC":
			m := marked{mcid: -1}
			if n >= 1 {
				props := f.dict(operands[n-1])
				if name, ok := operands[n-1].(pdfName); ok {
					props = f.dict(f.dict(resources["Properties"])[name])
				}
				if s, ok := f.resolve(props["ActualText"]).(pdfString); ok {
					m = marked{actual: textString(s), has: true, mcid: -1}
				}
				if id, ok := props["MCID"].(float64); ok {
					m.mcid = int(id)
				}
			}
			marks = append(marks, m)
		case "EMC":
			if len(marks) > 0 {
				marks = marks[:len(marks)-1]
			}
		}
	})
	return runs
}

// eachOp calls f for every operator of a content stream with the operands
// before it (the last 64 at most). An inline image (BI … ID data EI) is
// one BI operator: its data is skipped.
func eachOp(content []byte, f func(op pdfOp, operands []any)) {
	var operands []any
	l := &lexer{b: content}
	for {
		v, err := l.next(0)
		if err != nil {
			return
		}
		op, isOp := v.(pdfOp)
		if !isOp {
			operands = append(operands, v)
			if len(operands) > 64 {
				operands = operands[1:]
			}
			continue
		}
		f(op, operands)
		if op == "BI" {
			if i := bytes.Index(content[l.pos:], []byte("ID")); i >= 0 {
				l.pos += i + 2
				if j := bytes.Index(content[l.pos:], []byte("EI")); j >= 0 {
					l.pos += j + 2
				}
			}
		}
		operands = operands[:0]
	}
}

// joinRuns puts the runs that share a baseline on one line, in drawing
// order, with a space where a gap of a third of an em separates two runs
// that do not already have one.
func joinRuns(runs []run) string {
	var b strings.Builder
	var line strings.Builder
	var last *run
	flush := func() {
		if s := strings.TrimRight(line.String(), " "); s != "" {
			b.WriteString(s)
			b.WriteByte('\n')
		}
		line.Reset()
	}
	for i := range runs {
		r := &runs[i]
		if last != nil && math.Abs(r.y-last.y) > math.Max(0.5, 0.2*math.Min(r.size, last.size)) {
			flush()
			last = nil
		}
		if last != nil && r.x-last.endX > r.size/3 && !strings.HasSuffix(line.String(), " ") && !strings.HasPrefix(r.text, " ") {
			line.WriteByte(' ')
		}
		line.WriteString(r.text)
		last = r
	}
	flush()
	return b.String()
}
