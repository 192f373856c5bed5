package pdf

import (
	"encoding/binary"
	"math"
	"sort"

	"github.com/docconv/docconv/fonts"
)

// slimFont rewrites a TrueType font for embedding in a PDF:
//   - the 'name' table keeps only the copyright, family, style, unique,
//     full and PostScript names (the license texts of the Liberation fonts
//     would otherwise add kilobytes to every subset);
//   - the TrueType hinting is removed (the fpgm, prep, cvt, hdmx, LTSH and
//     VDMX tables and the glyph instructions): PDF viewers scale glyphs to
//     arbitrary sizes and zooms, where hinting matters little, and the
//     bytecode is a large part of a small subset;
//   - the glyphs in widen (glyph index → horizontal shift in font units)
//     get an advance of box em and their outline moved by the shift: the
//     full-width CJK punctuation made from Latin glyphs and the half-width
//     compressed punctuation (see face.widen).
//
// When the glyphs cannot be rewritten, the hinting stays and only the
// advances change. On malformed input it returns data unchanged.
func slimFont(data []byte, widen map[uint16]int, box float64) []byte {
	be := binary.BigEndian
	if len(data) < 12 {
		return data
	}
	n := int(be.Uint16(data[4:]))
	if 12+16*n > len(data) {
		return data
	}
	type tbl struct {
		tag  string
		data []byte
	}
	var tables []tbl
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		off, ln := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if off < 0 || ln < 0 || off+ln > len(data) {
			return data
		}
		t := tbl{string(rec[:4]), data[off : off+ln]}
		if t.tag == "name" {
			t.data = slimName(t.data)
		}
		tables = append(tables, t)
	}
	find := func(tag string) int {
		for i, t := range tables {
			if t.tag == tag {
				return i
			}
		}
		return -1
	}
	hi, mi, li, gi := find("head"), find("maxp"), find("loca"), find("glyf")
	if hi < 0 || mi < 0 || li < 0 || gi < 0 || len(tables[hi].data) < 54 || len(tables[mi].data) < 6 {
		return data
	}
	head := append([]byte(nil), tables[hi].data...)
	maxp := append([]byte(nil), tables[mi].data...)
	glyf, loca, long, stripped := stripInstructions(tables[gi].data, tables[li].data,
		be.Uint16(head[50:]) != 0, int(be.Uint16(maxp[4:])), widen)
	if len(widen) > 0 {
		// The advances change even when the outlines could not be moved,
		// so that the PDF widths always match the layout.
		xi := find("hmtx")
		if xi < 0 {
			return data
		}
		hmtx := append([]byte(nil), tables[xi].data...)
		adv := uint16(math.Round(box * float64(be.Uint16(head[18:]))))
		for g, dx := range widen {
			if p := 4 * int(g); p+4 <= len(hmtx) {
				be.PutUint16(hmtx[p:], adv)
				if stripped {
					be.PutUint16(hmtx[p+2:], uint16(int16(be.Uint16(hmtx[p+2:]))+int16(dx)))
				}
			}
		}
		tables[xi].data = hmtx
	}
	if stripped {
		if long {
			be.PutUint16(head[50:], 1)
		} else {
			be.PutUint16(head[50:], 0)
		}
		if len(maxp) >= 28 {
			be.PutUint16(maxp[26:], 0) // maxSizeOfInstructions
		}
		tables[hi].data, tables[mi].data, tables[gi].data, tables[li].data = head, maxp, glyf, loca
		kept := tables[:0]
		for _, t := range tables {
			switch t.tag {
			case "fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX":
			default:
				kept = append(kept, t)
			}
		}
		tables = kept
	}
	n = len(tables)
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	out := make([]byte, 12+16*n, len(data))
	be.PutUint32(out, be.Uint32(data))
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(16<<es))
	be.PutUint16(out[8:], uint16(es))
	be.PutUint16(out[10:], uint16(16*n-16<<es))
	headAt := -1
	for i, t := range tables {
		off := len(out)
		b := t.data
		if t.tag == "head" && len(b) >= 12 {
			b = append([]byte(nil), b...)
			be.PutUint32(b[8:], 0) // checkSumAdjustment, set below
			headAt = off
		}
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		rec := out[12+16*i:]
		copy(rec, t.tag)
		be.PutUint32(rec[4:], checksum(b))
		be.PutUint32(rec[8:], uint32(off))
		be.PutUint32(rec[12:], uint32(len(b)))
	}
	if headAt >= 0 {
		be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

func checksum(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:min(i+4, len(b))])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}

// slimName keeps the name records with IDs 0–4 and 6 (copyright, family,
// subfamily, unique ID, full name, PostScript name), except malformed
// UTF-16 ones.
func slimName(b []byte) []byte {
	be := binary.BigEndian
	if len(b) < 6 {
		return b
	}
	count := int(be.Uint16(b[2:]))
	storage := int(be.Uint16(b[4:]))
	if 6+12*count > len(b) || storage > len(b) {
		return b
	}
	type rec struct {
		hdr  [8]byte
		text []byte
	}
	var keep []rec
	for i := 0; i < count; i++ {
		r := b[6+12*i:]
		id := be.Uint16(r[6:])
		ln, off := int(be.Uint16(r[8:])), int(be.Uint16(r[10:]))
		if id > 6 || id == 5 || storage+off+ln > len(b) {
			continue
		}
		if pid := be.Uint16(r); (pid == 0 || pid == 3) && ln%2 != 0 {
			continue // broken UTF-16 (gofpdf would print a complaint to stdout)
		}
		var k rec
		copy(k.hdr[:], r[:8])
		k.text = b[storage+off : storage+off+ln]
		keep = append(keep, k)
	}
	out := make([]byte, 6+12*len(keep))
	be.PutUint16(out[2:], uint16(len(keep)))
	be.PutUint16(out[4:], uint16(len(out)))
	var strs []byte
	for i, k := range keep {
		r := out[6+12*i:]
		copy(r, k.hdr[:])
		be.PutUint16(r[8:], uint16(len(k.text)))
		be.PutUint16(r[10:], uint16(len(strs)))
		strs = append(strs, k.text...)
	}
	return append(out, strs...)
}

// stripInstructions removes the instructions of every glyph and returns
// the new glyf and loca tables (long offsets when the short format cannot
// hold them). ok is false when the tables are malformed.
func stripInstructions(glyf, loca []byte, longIn bool, numGlyphs int, shift map[uint16]int) (newGlyf, newLoca []byte, long, ok bool) {
	be := binary.BigEndian
	offset := func(i int) (int, bool) {
		if longIn {
			if 4*i+4 > len(loca) {
				return 0, false
			}
			return int(be.Uint32(loca[4*i:])), true
		}
		if 2*i+2 > len(loca) {
			return 0, false
		}
		return 2 * int(be.Uint16(loca[2*i:])), true
	}
	offs := make([]int, 0, numGlyphs+1)
	out := make([]byte, 0, len(glyf))
	for i := 0; i < numGlyphs; i++ {
		a, ok1 := offset(i)
		b, ok2 := offset(i + 1)
		if !ok1 || !ok2 || a > b || b > len(glyf) {
			return nil, nil, false, false
		}
		offs = append(offs, len(out))
		g := glyf[a:b]
		if len(g) == 0 {
			continue
		}
		if len(g) < 10 {
			return nil, nil, false, false
		}
		if nc := int(int16(be.Uint16(g))); nc >= 0 {
			p := 10 + 2*nc
			if p+2 > len(g) {
				return nil, nil, false, false
			}
			il := int(be.Uint16(g[p:]))
			if p+2+il > len(g) {
				return nil, nil, false, false
			}
			rest := g[p+2+il:]
			if dx := shift[uint16(i)]; dx != 0 && nc > 0 {
				var ok bool
				if rest, ok = shiftPoints(rest, int(be.Uint16(g[p-2:]))+1, dx); !ok {
					return nil, nil, false, false
				}
				g = append([]byte(nil), g[:p]...)
				be.PutUint16(g[2:], uint16(int16(be.Uint16(g[2:]))+int16(dx)))
				be.PutUint16(g[6:], uint16(int16(be.Uint16(g[6:]))+int16(dx)))
			}
			out = append(out, g[:p]...)
			out = append(out, 0, 0)
			out = append(out, rest...)
		} else {
			c, ok := rewriteComposite(g, shift[uint16(i)])
			if !ok {
				return nil, nil, false, false
			}
			out = append(out, c...)
		}
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	offs = append(offs, len(out))
	long = len(out) > 0x1FFFE
	for _, o := range offs {
		if long {
			newLoca = be.AppendUint32(newLoca, uint32(o))
		} else {
			newLoca = be.AppendUint16(newLoca, uint16(o/2))
		}
	}
	return out, newLoca, long, true
}

// shiftPoints moves the points of a simple glyph by dx font units: pts is
// the glyph data after the instructions (flags, x, then y coordinates) of
// n points. Only the first x coordinate is absolute; it is rewritten as a
// 16-bit value and the flags are written out without repeats.
func shiftPoints(pts []byte, n, dx int) ([]byte, bool) {
	flags := make([]byte, 0, n)
	p := 0
	for len(flags) < n {
		if p >= len(pts) {
			return nil, false
		}
		f := pts[p]
		p++
		flags = append(flags, f&^0x08)
		if f&0x08 != 0 { // REPEAT
			if p >= len(pts) {
				return nil, false
			}
			for k := 0; k < int(pts[p]) && len(flags) < n; k++ {
				flags = append(flags, f&^0x08)
			}
			p++
		}
	}
	xStart := p
	x0 := 0
	for i, f := range flags {
		switch {
		case f&0x02 != 0: // X_SHORT_VECTOR
			if i == 0 {
				x0 = int(pts[p])
				if f&0x10 == 0 {
					x0 = -x0
				}
			}
			p++
		case f&0x10 == 0:
			if p+2 > len(pts) {
				return nil, false
			}
			if i == 0 {
				x0 = int(int16(binary.BigEndian.Uint16(pts[p:])))
			}
			p += 2
		}
		if p > len(pts) {
			return nil, false
		}
	}
	first := 0 // bytes of the first x coordinate
	switch {
	case flags[0]&0x02 != 0:
		first = 1
	case flags[0]&0x10 == 0:
		first = 2
	}
	out := make([]byte, 0, len(pts)+n+2)
	f0 := flags[0] &^ (0x02 | 0x10)
	out = append(out, f0)
	out = append(out, flags[1:]...)
	out = binary.BigEndian.AppendUint16(out, uint16(int16(x0+dx)))
	out = append(out, pts[xStart+first:]...)
	return out, true
}

// widenGlyphs maps the runes a face sets in boxes of their own to their
// glyphs in the subset data and the shift that places each outline in its
// new box (box em wide): near the left edge for closing marks, near the
// right edge for opening marks, centred otherwise — measured on the
// outline's bounding box, since fonts differ in where they put the marks
// (Droid Sans Fallback centres its commas and stops).
func widenGlyphs(data []byte, wide map[rune]alignment, box float64) map[uint16]int {
	if len(wide) == 0 {
		return nil
	}
	f, err := fonts.Parse(data)
	if err != nil {
		return nil
	}
	out := map[uint16]int{}
	upem := f.UnitsPerEm()
	bu := int(math.Round(box * float64(upem)))
	for r, align := range wide {
		g := f.GlyphIndex(r)
		if g == 0 {
			continue
		}
		x0, x1, ok := glyphBBox(data, g)
		if !ok {
			out[g] = 0
			continue
		}
		out[g] = boxShift(x0, x1, bu, align)
	}
	return out
}

// glyphBBox returns the horizontal extent of glyph gid of a TrueType font.
func glyphBBox(data []byte, gid uint16) (xMin, xMax int, ok bool) {
	be := binary.BigEndian
	if len(data) < 12 {
		return 0, 0, false
	}
	var head, loca, glyf []byte
	n := int(be.Uint16(data[4:]))
	for i := 0; i < n && 12+16*i+16 <= len(data); i++ {
		rec := data[12+16*i:]
		off, ln := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if off < 0 || ln < 0 || off+ln > len(data) {
			return 0, 0, false
		}
		switch string(rec[:4]) {
		case "head":
			head = data[off : off+ln]
		case "loca":
			loca = data[off : off+ln]
		case "glyf":
			glyf = data[off : off+ln]
		}
	}
	if len(head) < 54 {
		return 0, 0, false
	}
	var a, b int
	g := int(gid)
	if be.Uint16(head[50:]) != 0 {
		if 4*g+8 > len(loca) {
			return 0, 0, false
		}
		a, b = int(be.Uint32(loca[4*g:])), int(be.Uint32(loca[4*g+4:]))
	} else {
		if 2*g+4 > len(loca) {
			return 0, 0, false
		}
		a, b = 2*int(be.Uint16(loca[2*g:])), 2*int(be.Uint16(loca[2*g+2:]))
	}
	if b-a < 10 || b > len(glyf) {
		return 0, 0, false
	}
	return int(int16(be.Uint16(glyf[a+2:]))), int(int16(be.Uint16(glyf[a+6:]))), true
}

// rewriteComposite returns a composite glyph without its instructions,
// its components moved by dx font units (offsets written as 16-bit values
// when they no longer fit in a byte).
func rewriteComposite(g []byte, dx int) ([]byte, bool) {
	be := binary.BigEndian
	out := append([]byte(nil), g[:10]...)
	if dx != 0 {
		be.PutUint16(out[2:], uint16(int16(be.Uint16(out[2:]))+int16(dx)))
		be.PutUint16(out[6:], uint16(int16(be.Uint16(out[6:]))+int16(dx)))
	}
	p := 10
	for {
		if p+4 > len(g) {
			return nil, false
		}
		flags := be.Uint16(g[p:]) &^ 0x0100 // WE_HAVE_INSTRUCTIONS
		gid := be.Uint16(g[p+2:])
		p += 4
		words := flags&0x0001 != 0
		xy := flags&0x0002 != 0
		var a1, a2 int
		switch {
		case words:
			if p+4 > len(g) {
				return nil, false
			}
			a1, a2 = int(int16(be.Uint16(g[p:]))), int(int16(be.Uint16(g[p+2:])))
			p += 4
		case xy:
			if p+2 > len(g) {
				return nil, false
			}
			a1, a2 = int(int8(g[p])), int(int8(g[p+1]))
			p += 2
		default: // point numbers
			if p+2 > len(g) {
				return nil, false
			}
			a1, a2 = int(g[p]), int(g[p+1])
			p += 2
		}
		if xy {
			a1 += dx
			if a1 < -128 || a1 > 127 || a2 < -128 || a2 > 127 {
				words = true
			}
		}
		n := 0
		switch {
		case flags&0x0008 != 0:
			n = 2
		case flags&0x0040 != 0:
			n = 4
		case flags&0x0080 != 0:
			n = 8
		}
		if p+n > len(g) {
			return nil, false
		}
		if words {
			flags |= 0x0001
		}
		out = be.AppendUint16(out, flags)
		out = be.AppendUint16(out, gid)
		switch {
		case words:
			out = be.AppendUint16(out, uint16(int16(a1)))
			out = be.AppendUint16(out, uint16(int16(a2)))
		case xy:
			out = append(out, byte(int8(a1)), byte(int8(a2)))
		default:
			out = append(out, byte(a1), byte(a2))
		}
		out = append(out, g[p:p+n]...)
		p += n
		if flags&0x0020 == 0 {
			return out, true
		}
	}
}
