package fonts

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strconv"

	ot "github.com/go-text/typesetting/font/opentype"
)

// CIDGlyph is one glyph of a CID-keyed CFF subset (see Font.CFFProgram).
type CIDGlyph struct {
	CID   uint16 // the glyph's CID in the subset: the code a PDF content stream uses with Identity-H
	GID   uint16 // the glyph of this font drawn for it
	Shift int    // horizontal move of the outline, in font units
}

// CFFProgram returns a CID-keyed CFF font program (Adobe TN 5176) holding
// the outlines of glyphs, each under its CID, plus .notdef as CID 0: the
// FontFile3 /CIDFontType0C stream of a PDF CIDFontType0 font. Glyphs whose
// CID repeats are left out after the first; several CIDs may share a GID
// (the outline is then stored once per CID, as the CFF charset maps each
// glyph to one CID).
//
// The program is rebuilt, not copied: each outline is decoded (the
// subroutines it calls are expanded) and written again as a plain Type 2
// charstring without hints, in one font dict with an empty Private DICT;
// coordinates are in a 1000-unit em (scaled when the font has another
// unitsPerEm), so the default FontMatrix applies. The output depends only
// on the font, name and glyphs (in any order). It fails for a TrueType font.
func (f *Font) CFFProgram(name string, glyphs []CIDGlyph) ([]byte, error) {
	if f.cff == nil {
		return nil, fmt.Errorf("%w: %s has TrueType outlines, not CFF", ErrInvalid, f)
	}
	gs := slices.Clone(glyphs)
	slices.SortFunc(gs, func(a, b CIDGlyph) int { return int(a.CID) - int(b.CID) })
	gs = slices.CompactFunc(gs, func(a, b CIDGlyph) bool { return a.CID == b.CID })
	if len(gs) == 0 || gs[0].CID != 0 {
		gs = append([]CIDGlyph{{}}, gs...)
	}
	return f.buildCFF(name, gs, true, true)
}

// buildCFF writes the CID-keyed CFF for gs, sorted by CID with .notdef
// (CID 0) first. With to1000 the outlines are scaled to a 1000-unit em
// (what a PDF's default FontMatrix and /W widths assume); otherwise they
// keep the font's units and a font whose unitsPerEm is not 1000 gets a
// Top DICT FontMatrix (what an OpenType 'CFF ' table must match).
//
// Without outlines every charstring is a bare endchar (nothing is decoded).
func (f *Font) buildCFF(name string, gs []CIDGlyph, to1000, outlines bool) ([]byte, error) {
	if len(gs) > 0xFFFF {
		return nil, fmt.Errorf("%w: CFF subset of %d glyphs", ErrInvalid, len(gs))
	}
	scale := 1.0
	var matrix []byte
	if f.unitsPerEm != 1000 {
		if to1000 {
			scale = 1000 / float64(f.unitsPerEm)
		} else {
			m := strconv.FormatFloat(1/float64(f.unitsPerEm), 'g', -1, 64)
			for _, v := range []string{m, "0", "0", m, "0", "0"} {
				matrix = dictReal(matrix, v)
			}
			matrix = append(matrix, 12, 7)
		}
	}
	charstrings := make([][]byte, len(gs))
	for i, g := range gs {
		if int(g.GID) >= f.cff.numGlyphs {
			return nil, fmt.Errorf("%w: glyph %d of %d", ErrInvalid, g.GID, f.cff.numGlyphs)
		}
		if !outlines {
			charstrings[i] = []byte{14}
			continue
		}
		segs, err := f.cff.outline(int(g.GID))
		if err != nil {
			return nil, err
		}
		charstrings[i] = encodeCharstring(segs, float64(g.Shift), scale)
	}
	be := binary.BigEndian

	// charset: format 0 (one CID per glyph) or 2 (ranges), whichever is
	// shorter.
	var cs0, cs2 []byte
	cs0 = append(cs0, 0)
	cs2 = append(cs2, 2)
	for i := 1; i < len(gs); {
		j := i + 1
		for j < len(gs) && gs[j].CID == gs[j-1].CID+1 {
			j++
		}
		cs2 = be.AppendUint16(cs2, gs[i].CID)
		cs2 = be.AppendUint16(cs2, uint16(j-i-1))
		i = j
	}
	for _, g := range gs[1:] {
		cs0 = be.AppendUint16(cs0, g.CID)
	}
	charset := cs0
	if len(cs2) < len(cs0) {
		charset = cs2
	}
	fdSelect := []byte{3, 0, 1, 0, 0, 0}
	fdSelect = be.AppendUint16(fdSelect, uint16(len(gs)))
	private := []byte{139, 20} // defaultWidthX 0: widths come from hmtx or the PDF /W
	csIndex := writeIndex(charstrings)

	nameIdx := writeIndex([][]byte{[]byte(sanitizePSName(name))})
	strIdx := writeIndex([][]byte{[]byte("Adobe"), []byte("Identity")})
	gsubrIdx := writeIndex(nil)

	// The Top DICT has a fixed size: offsets are written as 5-byte ints.
	cidCount := int(gs[len(gs)-1].CID) + 1
	top := func(charsetOff, fdSelectOff, csOff, fdArrayOff int) []byte {
		var d []byte
		d = dictInt32(d, 391)
		d = dictInt32(d, 392)
		d = dictInt32(d, 0)
		d = append(d, 12, 30) // ROS
		d = dictInt32(d, cidCount)
		d = append(d, 12, 34) // CIDCount
		d = dictInt32(d, charsetOff)
		d = append(d, opCharset)
		d = dictInt32(d, fdSelectOff)
		d = append(d, 12, 37)
		d = dictInt32(d, csOff)
		d = append(d, opCharStrings)
		d = dictInt32(d, fdArrayOff)
		d = append(d, 12, 36)
		return append(d, matrix...)
	}
	topLen := len(writeIndex([][]byte{top(0, 0, 0, 0)}))
	hdr := []byte{1, 0, 4, 4}
	charsetOff := len(hdr) + len(nameIdx) + topLen + len(strIdx) + len(gsubrIdx)
	fdSelectOff := charsetOff + len(charset)
	csOff := fdSelectOff + len(fdSelect)
	fdArrayOff := csOff + len(csIndex)
	fd := func(privOff int) []byte {
		d := dictInt32(nil, len(private))
		d = dictInt32(d, privOff)
		return append(d, opPrivate)
	}
	fdArrayLen := len(writeIndex([][]byte{fd(0)}))
	privOff := fdArrayOff + fdArrayLen

	out := make([]byte, 0, privOff+len(private))
	out = append(out, hdr...)
	out = append(out, nameIdx...)
	out = append(out, writeIndex([][]byte{top(charsetOff, fdSelectOff, csOff, fdArrayOff)})...)
	out = append(out, strIdx...)
	out = append(out, gsubrIdx...)
	out = append(out, charset...)
	out = append(out, fdSelect...)
	out = append(out, csIndex...)
	out = append(out, writeIndex([][]byte{fd(privOff)})...)
	out = append(out, private...)
	return out, nil
}

// SubsetMetrics returns what Subset returns, except that for a CFF font
// every glyph of the subset is empty (its charstring a bare endchar): the
// character map, advances and metrics of the subset, at a fraction of the
// cost, for a program that lays text out with them and embeds the outlines
// otherwise (as a PDF does with CFFProgram). For a TrueType font it is
// Subset.
func (f *Font) SubsetMetrics(runes []rune) ([]byte, error) {
	return f.subset(runes, false)
}

// sanitizePSName keeps the characters allowed in a PostScript font name.
func sanitizePSName(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s) && len(b) < 127; i++ {
		if c := s[i]; c > 32 && c < 127 && c != '[' && c != ']' && c != '(' && c != ')' &&
			c != '{' && c != '}' && c != '<' && c != '>' && c != '/' && c != '%' {
			b = append(b, c)
		}
	}
	if len(b) == 0 {
		return "Subset"
	}
	return string(b)
}

// dictReal appends the decimal number v (as strconv formats it) as a DICT
// real.
func dictReal(d []byte, v string) []byte {
	var nib []byte
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9':
			nib = append(nib, c-'0')
		case c == '.':
			nib = append(nib, 0xa)
		case c == '-':
			nib = append(nib, 0xe)
		case c == 'e' || c == 'E':
			if i+1 < len(v) && v[i+1] == '-' {
				nib = append(nib, 0xc)
				i++
			} else {
				nib = append(nib, 0xb)
				if i+1 < len(v) && v[i+1] == '+' {
					i++
				}
			}
		}
	}
	nib = append(nib, 0xf)
	if len(nib)%2 == 1 {
		nib = append(nib, 0xf)
	}
	d = append(d, 30)
	for i := 0; i < len(nib); i += 2 {
		d = append(d, nib[i]<<4|nib[i+1])
	}
	return d
}

// dictInt32 appends n as a 5-byte DICT integer.
func dictInt32(d []byte, n int) []byte {
	return binary.BigEndian.AppendUint32(append(d, 29), uint32(int32(n)))
}

// writeIndex writes a CFF INDEX.
func writeIndex(objs [][]byte) []byte {
	if len(objs) == 0 {
		return []byte{0, 0}
	}
	total := 1
	for _, o := range objs {
		total += len(o)
	}
	offSize := 1
	for total >= 1<<(8*offSize) {
		offSize++
	}
	out := make([]byte, 0, 3+(len(objs)+1)*offSize+total)
	out = binary.BigEndian.AppendUint16(out, uint16(len(objs)))
	out = append(out, byte(offSize))
	put := func(v int) {
		for s := offSize - 1; s >= 0; s-- {
			out = append(out, byte(v>>(8*s)))
		}
	}
	off := 1
	put(off)
	for _, o := range objs {
		off += len(o)
		put(off)
	}
	for _, o := range objs {
		out = append(out, o...)
	}
	return out
}

// encodeCharstring writes segments as a Type 2 charstring: rmoveto
// (hmoveto or vmoveto when one delta is 0); hlineto/vlineto for runs of
// alternating horizontal and vertical lines (most of a CJK glyph), rlineto
// for the others; hvcurveto/vhcurveto, hhcurveto and vvcurveto for curves
// with horizontal or vertical ends, rrcurveto for the others (rcurveline
// and rlinecurve would save an operator byte now and then but make the
// program compress worse); endchar. No width (the Private DICT's default
// applies) and no hints. The closing line of a contour back to its start
// is implicit in CFF and left out. x is moved by shift and every
// coordinate multiplied by scale.
func encodeCharstring(segs []ot.Segment, shift, scale float64) []byte {
	var out []byte
	var cx, cy float64 // the current point as the decoder will see it
	var startX, startY float64
	const (
		kNone = iota
		kR    // rlineto
		kH    // hlineto/vlineto run, next expected horizontal
		kV    // … next expected vertical
		kRR   // rrcurveto
		kHH   // hhcurveto
		kVV   // vvcurveto
		kHV   // hvcurveto/vhcurveto run, next curve starts horizontal
		kVH   // … next curve starts vertical
	)
	var kind, pendOp int
	var args []float64
	flush := func() {
		if kind == kNone {
			return
		}
		for _, a := range args {
			out = appendCSNumber(out, a)
		}
		out = append(out, byte(pendOp))
		kind, args = kNone, args[:0]
	}
	// start begins a new operator unless the pending one can take n more
	// arguments.
	start := func(k, op, n int) {
		if kind != k || len(args)+n > maxDictOperands {
			flush()
			kind, pendOp = k, op
		}
	}
	delta := func(c *float64, v float64) float64 {
		d := quantize(v - *c)
		*c += d
		return d
	}
	pt := func(p ot.SegmentPoint) (float64, float64) {
		return (float64(p.X) + shift) * scale, float64(p.Y) * scale
	}
	for i, s := range segs {
		switch s.Op {
		case ot.SegmentOpMoveTo:
			flush()
			x, y := pt(s.Args[0])
			dx, dy := delta(&cx, x), delta(&cy, y)
			startX, startY = cx, cy
			switch {
			case dy == 0:
				out = append(appendCSNumber(out, dx), 22) // hmoveto
			case dx == 0:
				out = append(appendCSNumber(out, dy), 4) // vmoveto
			default:
				out = appendCSNumber(out, dx)
				out = appendCSNumber(out, dy)
				out = append(out, 21)
			}
		case ot.SegmentOpLineTo:
			x, y := pt(s.Args[0])
			last := i+1 == len(segs) || segs[i+1].Op == ot.SegmentOpMoveTo
			if last && quantize(x-startX) == 0 && quantize(y-startY) == 0 {
				continue // the implicit closing line
			}
			dx, dy := delta(&cx, x), delta(&cy, y)
			switch {
			case dy == 0 && kind == kH && len(args)+1 <= maxDictOperands:
				args = append(args, dx)
				kind = kV
			case dx == 0 && kind == kV && len(args)+1 <= maxDictOperands:
				args = append(args, dy)
				kind = kH
			case dy == 0:
				flush()
				kind, pendOp, args = kV, 6, append(args, dx)
			case dx == 0:
				flush()
				kind, pendOp, args = kH, 7, append(args, dy)
			default:
				start(kR, 5, 2)
				args = append(args, dx, dy)
			}
		case ot.SegmentOpCubeTo:
			var a [6]float64
			for k := range 3 {
				x, y := pt(s.Args[k])
				a[2*k], a[2*k+1] = delta(&cx, x), delta(&cy, y)
			}
			dxa, dya, dxb, dyb, dxc, dyc := a[0], a[1], a[2], a[3], a[4], a[5]
			switch {
			case dya == 0 && dxc == 0 && kind == kHV && len(args)+4 <= maxDictOperands:
				args = append(args, dxa, dxb, dyb, dyc)
				kind = kVH
			case dxa == 0 && dyc == 0 && kind == kVH && len(args)+4 <= maxDictOperands:
				args = append(args, dya, dxb, dyb, dxc)
				kind = kHV
			case dya == 0 && dyc == 0:
				start(kHH, 27, 4)
				args = append(args, dxa, dxb, dyb, dxc)
			case dxa == 0 && dxc == 0:
				start(kVV, 26, 4)
				args = append(args, dya, dxb, dyb, dyc)
			case dya == 0 && dxc == 0:
				flush()
				kind, pendOp, args = kVH, 31, append(args, dxa, dxb, dyb, dyc)
			case dxa == 0 && dyc == 0:
				flush()
				kind, pendOp, args = kHV, 30, append(args, dya, dxb, dyb, dxc)
			default:
				start(kRR, 8, 6)
				args = append(args, a[:]...)
			}
		}
	}
	flush()
	return append(out, 14)
}

// quantize rounds v to an integer when it is one within 1/1000, else to
// 1/65536 (the 16.16 fixed-point precision of Type 2 operands).
func quantize(v float64) float64 {
	if r := math.Round(v); math.Abs(v-r) < 1e-3 {
		return r
	}
	return math.Round(v*65536) / 65536
}

// appendCSNumber appends a Type 2 charstring operand.
func appendCSNumber(b []byte, v float64) []byte {
	if v != math.Trunc(v) || v < -32768 || v > 32767 {
		v = max(min(v, 32767), -32768)
		return binary.BigEndian.AppendUint32(append(b, 255), uint32(int32(math.Round(v*65536))))
	}
	n := int(v)
	switch {
	case n >= -107 && n <= 107:
		return append(b, byte(n+139))
	case n >= 108 && n <= 1131:
		n -= 108
		return append(b, byte(n>>8+247), byte(n))
	case n >= -1131 && n <= -108:
		n = -n - 108
		return append(b, byte(n>>8+251), byte(n))
	}
	return binary.BigEndian.AppendUint16(append(b, 28), uint16(int16(n)))
}
