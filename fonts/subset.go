package fonts

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// Composite glyph flags (OpenType 'glyf').
const (
	argsAreWords    = 0x0001
	weHaveAScale    = 0x0008
	moreComponents  = 0x0020
	weHaveXYScale   = 0x0040
	weHaveTwoByTwo  = 0x0080
	maxFormat4Bytes = 0xFFFF
)

// subsetTables are copied unchanged into a subset when present: the name
// table and the TrueType hinting programs the glyph instructions refer to.
var subsetTables = []string{"name", "cvt ", "fpgm", "prep", "gasp"}

// Subset returns a standalone font holding only the glyphs for runes (plus
// .notdef and the components of composite glyphs), with a rebuilt cmap
// (format 4, plus format 12 when a rune is beyond the BMP), hmtx, hhea,
// maxp, head, OS/2 and post (version 3, no glyph names), with correct
// checksums. A TrueType font gives a TrueType font (loca, glyf); a CFF
// font an OpenType CFF font ('OTTO') whose 'CFF ' table is a CID-keyed
// subset as CFFProgram writes it, with glyph i as CID i (and vhea/vmtx
// when the font has vertical metrics). Runes the font lacks are ignored. The
// output depends only on the font and the set of runes, not their order or
// duplicates. Advance widths and outlines are those of the original glyphs.
//
// Glyph indices are renumbered: .notdef is 0, then the glyphs of the runes
// in increasing rune order, then composite components.
func (f *Font) Subset(runes []rune) ([]byte, error) {
	return f.subset(runes, true)
}

// subset is Subset; without outlines a CFF font's glyphs are empty (see
// SubsetMetrics).
func (f *Font) subset(runes []rune, outlines bool) ([]byte, error) {
	f.init()
	rs := slices.Clone(runes)
	slices.Sort(rs)
	rs = slices.Compact(rs)

	newGID := map[uint16]uint16{0: 0}
	order := []uint16{0} // new gid -> old gid
	add := func(old uint16) uint16 {
		if n, ok := newGID[old]; ok {
			return n
		}
		n := uint16(len(order))
		newGID[old] = n
		order = append(order, old)
		return n
	}
	var maps []runeGlyph
	for _, r := range rs {
		if r == 0xFFFF {
			continue
		}
		if g := f.cov.glyph(r); g != 0 {
			maps = append(maps, runeGlyph{r, add(g)})
		}
	}
	// Composite components, breadth first; order grows as we go.
	for i := 0; i < len(order); i++ {
		for _, c := range components(f.glyph(order[i])) {
			if int(c.gid) < f.numGlyphs {
				add(c.gid)
			}
		}
	}
	if len(order) > 0xFFFF {
		return nil, fmt.Errorf("%w: subset needs %d glyphs", ErrInvalid, len(order))
	}
	if f.cff != nil {
		return f.subsetCFF(order, maps, outlines)
	}

	// glyf + loca. Glyphs of a valid font do not overlap, so the subset's
	// glyf cannot be larger than the original plus padding; a hostile loca
	// pointing many glyphs at the same bytes is rejected.
	maxGlyf := len(f.dir.table(f.data, "glyf")) + 3*len(order)
	var glyf []byte
	offsets := make([]uint32, len(order)+1)
	for i, old := range order {
		offsets[i] = uint32(len(glyf))
		g := f.glyph(old)
		if cs := components(g); len(cs) > 0 {
			g = slices.Clone(g)
			for _, c := range cs {
				n := uint16(0)
				if int(c.gid) < f.numGlyphs {
					n = newGID[c.gid]
				}
				binary.BigEndian.PutUint16(g[c.pos:], n)
			}
		}
		if len(glyf)+len(g) > maxGlyf {
			return nil, fmt.Errorf("%w: overlapping glyphs in 'glyf'", ErrInvalid)
		}
		glyf = append(glyf, g...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	offsets[len(order)] = uint32(len(glyf))
	longLoca := len(glyf) > 0x1FFFE
	var loca []byte
	for _, o := range offsets {
		if longLoca {
			loca = binary.BigEndian.AppendUint32(loca, o)
		} else {
			loca = binary.BigEndian.AppendUint16(loca, uint16(o/2))
		}
	}

	// hmtx: a full metric for every glyph.
	hmtxOld := f.dir.table(f.data, "hmtx")
	hmtx := make([]byte, 0, 4*len(order))
	for _, old := range order {
		var lsb uint16
		if int(old) < f.numHMetrics {
			lsb = binary.BigEndian.Uint16(hmtxOld[4*int(old)+2:])
		} else if p := 4*f.numHMetrics + 2*(int(old)-f.numHMetrics); p+2 <= len(hmtxOld) {
			lsb = binary.BigEndian.Uint16(hmtxOld[p:])
		}
		hmtx = binary.BigEndian.AppendUint16(hmtx, f.advances[old])
		hmtx = binary.BigEndian.AppendUint16(hmtx, lsb)
	}

	head := slices.Clone(f.dir.table(f.data, "head"))
	binary.BigEndian.PutUint16(head[50:], boolUint16(longLoca))
	hhea := slices.Clone(f.dir.table(f.data, "hhea"))
	binary.BigEndian.PutUint16(hhea[34:], uint16(len(order)))
	maxp := slices.Clone(f.dir.table(f.data, "maxp"))
	binary.BigEndian.PutUint16(maxp[4:], uint16(len(order)))

	post := make([]byte, 32)
	copy(post, f.dir.table(f.data, "post"))
	binary.BigEndian.PutUint32(post, 0x00030000)
	clear(post[16:]) // no memory usage hints for a new font

	tables := []table{
		{"cmap", buildCmap(maps)},
		{"glyf", glyf},
		{"head", head},
		{"hhea", hhea},
		{"hmtx", hmtx},
		{"loca", loca},
		{"maxp", maxp},
		{"post", post},
	}
	if os2 := f.dir.table(f.data, "OS/2"); len(os2) > 0 {
		os2 = slices.Clone(os2)
		if len(os2) >= 68 && len(maps) > 0 {
			binary.BigEndian.PutUint16(os2[64:], uint16(min(maps[0].r, 0xFFFF)))
			binary.BigEndian.PutUint16(os2[66:], uint16(min(maps[len(maps)-1].r, 0xFFFF)))
		}
		tables = append(tables, table{"OS/2", os2})
	}
	for _, tag := range subsetTables {
		if b := f.dir.table(f.data, tag); len(b) > 0 {
			tables = append(tables, table{tag, b})
		}
	}
	return buildSFNT(tagTrueType, tables), nil
}

func boolUint16(b bool) uint16 {
	if b {
		return 1
	}
	return 0
}

// runeGlyph maps a rune to a glyph index of the subset.
type runeGlyph struct {
	r rune
	g uint16
}

// component is a glyph index in a composite glyph and its byte position.
type component struct {
	gid uint16
	pos int
}

// components lists the component glyphs of a composite glyph (nil for a
// simple or empty glyph). Malformed data ends the list early.
func components(g []byte) []component {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	var cs []component
	p := 10
	for p+4 <= len(g) && len(cs) < 1024 {
		flags := binary.BigEndian.Uint16(g[p:])
		cs = append(cs, component{gid: binary.BigEndian.Uint16(g[p+2:]), pos: p + 2})
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&weHaveAScale != 0:
			p += 2
		case flags&weHaveXYScale != 0:
			p += 4
		case flags&weHaveTwoByTwo != 0:
			p += 8
		}
		if flags&moreComponents == 0 {
			break
		}
	}
	return cs
}

// buildCmap writes a cmap table with a format 4 subtable for the BMP and,
// when needed, a format 12 subtable for all runes. maps is sorted by rune.
func buildCmap(maps []runeGlyph) []byte {
	f4, complete := buildCmap4(maps)
	var f12 []byte
	if !complete || len(maps) > 0 && maps[len(maps)-1].r > 0xFFFF {
		f12 = buildCmap12(maps)
	}
	type rec struct {
		pid, eid uint16
		sub      int // 0: format 4, 1: format 12
	}
	recs := []rec{{0, 3, 0}, {3, 1, 0}}
	if f12 != nil {
		recs = []rec{{0, 3, 0}, {0, 4, 1}, {3, 1, 0}, {3, 10, 1}}
	}
	be := binary.BigEndian
	out := be.AppendUint16(nil, 0)
	out = be.AppendUint16(out, uint16(len(recs)))
	off4 := uint32(4 + 8*len(recs))
	off12 := off4 + uint32(len(f4))
	for _, r := range recs {
		out = be.AppendUint16(out, r.pid)
		out = be.AppendUint16(out, r.eid)
		if r.sub == 0 {
			out = be.AppendUint32(out, off4)
		} else {
			out = be.AppendUint32(out, off12)
		}
	}
	out = append(out, f4...)
	return append(out, f12...)
}

// cmap4Segment is a format 4 segment: Start..End mapped with Delta, or
// through glyph IDs (0 for gaps) when Glyphs is not nil.
type cmap4Segment struct {
	Start, End uint16
	Delta      uint16
	Glyphs     []uint16
}

// buildCmap4 writes a format 4 subtable for the BMP runes of maps. Runes
// closer than five code points share a glyph-array segment; runs of
// consecutive runes with consecutive glyphs use idDelta. complete is false
// when the subtable would exceed 64 KiB and segments were left out (the
// format 12 subtable then has them).
func buildCmap4(maps []runeGlyph) (sub []byte, complete bool) {
	var segs []cmap4Segment
	size := 16 + 8 // header + the final 0xFFFF segment
	complete = true
	for i := 0; i < len(maps) && maps[i].r < 0xFFFF; {
		j := i + 1
		for j < len(maps) && maps[j].r < 0xFFFF && maps[j].r-maps[j-1].r <= 4 {
			j++
		}
		run := maps[i:j]
		s := cmap4Segment{Start: uint16(run[0].r), End: uint16(run[len(run)-1].r)}
		delta := uint16(run[0].g) - uint16(run[0].r)
		contiguous := int(s.End-s.Start)+1 == len(run)
		for _, m := range run {
			if uint16(m.g)-uint16(m.r) != delta {
				contiguous = false
				break
			}
		}
		if contiguous {
			s.Delta = delta
		} else {
			s.Glyphs = make([]uint16, int(s.End-s.Start)+1)
			for _, m := range run {
				s.Glyphs[uint16(m.r)-s.Start] = m.g
			}
		}
		if size+8+2*len(s.Glyphs) > maxFormat4Bytes {
			complete = false
			break
		}
		size += 8 + 2*len(s.Glyphs)
		segs = append(segs, s)
		i = j
	}
	segs = append(segs, cmap4Segment{Start: 0xFFFF, End: 0xFFFF, Delta: 1})

	be := binary.BigEndian
	n := len(segs)
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	sr := 2 * (1 << es)
	out := make([]byte, 0, size)
	out = be.AppendUint16(out, 4)
	out = be.AppendUint16(out, uint16(size))
	out = be.AppendUint16(out, 0) // language
	out = be.AppendUint16(out, uint16(2*n))
	out = be.AppendUint16(out, uint16(sr))
	out = be.AppendUint16(out, uint16(es))
	out = be.AppendUint16(out, uint16(2*n-sr))
	for _, s := range segs {
		out = be.AppendUint16(out, s.End)
	}
	out = be.AppendUint16(out, 0) // reservedPad
	for _, s := range segs {
		out = be.AppendUint16(out, s.Start)
	}
	for _, s := range segs {
		out = be.AppendUint16(out, s.Delta)
	}
	arr := 0 // glyph array entries before this segment's
	for i, s := range segs {
		if s.Glyphs == nil {
			out = be.AppendUint16(out, 0)
			continue
		}
		out = be.AppendUint16(out, uint16(2*(n-i)+2*arr))
		arr += len(s.Glyphs)
	}
	for _, s := range segs {
		for _, g := range s.Glyphs {
			out = be.AppendUint16(out, g)
		}
	}
	return out, complete
}

// buildCmap12 writes a format 12 subtable for all of maps.
func buildCmap12(maps []runeGlyph) []byte {
	be := binary.BigEndian
	var groups [][3]uint32
	for _, m := range maps {
		if k := len(groups) - 1; k >= 0 && uint32(m.r) == groups[k][1]+1 &&
			uint32(m.g) == groups[k][2]+uint32(m.r)-groups[k][0] {
			groups[k][1]++
			continue
		}
		groups = append(groups, [3]uint32{uint32(m.r), uint32(m.r), uint32(m.g)})
	}
	out := be.AppendUint16(nil, 12)
	out = be.AppendUint16(out, 0)
	out = be.AppendUint32(out, uint32(16+12*len(groups)))
	out = be.AppendUint32(out, 0) // language
	out = be.AppendUint32(out, uint32(len(groups)))
	for _, g := range groups {
		out = be.AppendUint32(out, g[0])
		out = be.AppendUint32(out, g[1])
		out = be.AppendUint32(out, g[2])
	}
	return out
}

// subsetCFF writes the OpenType CFF subset of the glyphs in order (new
// glyph index → old) with the character map maps.
func (f *Font) subsetCFF(order []uint16, maps []runeGlyph, outlines bool) ([]byte, error) {
	be := binary.BigEndian
	gs := make([]CIDGlyph, len(order))
	for i, old := range order {
		gs[i] = CIDGlyph{CID: uint16(i), GID: old}
	}
	ps := f.names.postscript
	if ps == "" {
		ps = f.names.familyName()
	}
	cff, err := f.buildCFF(ps, gs, false, outlines)
	if err != nil {
		return nil, err
	}
	hmtxOld := f.dir.table(f.data, "hmtx")
	hmtx := make([]byte, 0, 4*len(order))
	for _, old := range order {
		var lsb uint16
		if int(old) < f.numHMetrics {
			lsb = be.Uint16(hmtxOld[4*int(old)+2:])
		} else if p := 4*f.numHMetrics + 2*(int(old)-f.numHMetrics); p+2 <= len(hmtxOld) {
			lsb = be.Uint16(hmtxOld[p:])
		}
		hmtx = be.AppendUint16(hmtx, f.advances[old])
		hmtx = be.AppendUint16(hmtx, lsb)
	}
	head := slices.Clone(f.dir.table(f.data, "head"))
	hhea := slices.Clone(f.dir.table(f.data, "hhea"))
	be.PutUint16(hhea[34:], uint16(len(order)))
	maxp := be.AppendUint32(nil, 0x00005000)
	maxp = be.AppendUint16(maxp, uint16(len(order)))
	post := make([]byte, 32)
	copy(post, f.dir.table(f.data, "post"))
	be.PutUint32(post, 0x00030000)
	clear(post[16:])
	tables := []table{
		{"CFF ", cff},
		{"cmap", buildCmap(maps)},
		{"head", head},
		{"hhea", hhea},
		{"hmtx", hmtx},
		{"maxp", maxp},
		{"post", post},
	}
	if os2 := f.dir.table(f.data, "OS/2"); len(os2) > 0 {
		os2 = slices.Clone(os2)
		if len(os2) >= 68 && len(maps) > 0 {
			be.PutUint16(os2[64:], uint16(min(maps[0].r, 0xFFFF)))
			be.PutUint16(os2[66:], uint16(min(maps[len(maps)-1].r, 0xFFFF)))
		}
		tables = append(tables, table{"OS/2", os2})
	}
	if name := f.dir.table(f.data, "name"); len(name) > 0 {
		tables = append(tables, table{"name", name})
	}
	if vhea, vmtxOld := f.dir.table(f.data, "vhea"), f.dir.table(f.data, "vmtx"); len(vhea) >= 36 {
		nLong := int(be.Uint16(vhea[34:]))
		if nLong > 0 && len(vmtxOld) >= 4*nLong {
			vmtx := make([]byte, 0, 4*len(order))
			for _, old := range order {
				o := min(int(old), nLong-1)
				adv := be.Uint16(vmtxOld[4*o:])
				var tsb uint16
				if int(old) < nLong {
					tsb = be.Uint16(vmtxOld[4*int(old)+2:])
				} else if p := 4*nLong + 2*(int(old)-nLong); p+2 <= len(vmtxOld) {
					tsb = be.Uint16(vmtxOld[p:])
				}
				vmtx = be.AppendUint16(vmtx, adv)
				vmtx = be.AppendUint16(vmtx, tsb)
			}
			vhea = slices.Clone(vhea)
			be.PutUint16(vhea[34:], uint16(len(order)))
			tables = append(tables, table{"vhea", vhea}, table{"vmtx", vmtx})
		}
	}
	return buildSFNT(tagOTTO, tables), nil
}
