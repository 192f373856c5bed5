package fonts

import (
	"encoding/binary"
	"sort"
)

// coverage maps runes to glyph indices. The Basic Multilingual Plane is a
// two-level table (256 pages of 256 glyph indices, allocated only where the
// font has glyphs) so a lookup is two loads; supplementary planes use sorted
// cmap groups and a binary search. A coverage is read-only once built.
type coverage struct {
	pages [256]*[256]uint16
	supp  []cmapGroup // runes >= 0x10000, sorted, non-overlapping
	count int         // number of runes mapped to a non-zero glyph
}

// cmapGroup maps runes Start..End (inclusive) to glyphs GID, GID+1, ... (or
// all to GID when Constant, as in cmap format 13).
type cmapGroup struct {
	Start, End rune
	GID        uint32
	Constant   bool
}

func (c *coverage) glyph(r rune) uint16 {
	if uint32(r) < 0x10000 {
		p := c.pages[r>>8]
		if p == nil {
			return 0
		}
		return p[r&0xff]
	}
	g := c.supp
	i := sort.Search(len(g), func(i int) bool { return g[i].End >= r })
	if i == len(g) || g[i].Start > r {
		return 0
	}
	if g[i].Constant {
		return uint16(g[i].GID)
	}
	return uint16(g[i].GID + uint32(r-g[i].Start))
}

func (c *coverage) set(r rune, gid uint32, numGlyphs int) {
	if gid == 0 || gid >= uint32(numGlyphs) || r < 0 || r > 0xFFFF {
		return
	}
	p := c.pages[r>>8]
	if p == nil {
		p = new([256]uint16)
		c.pages[r>>8] = p
	}
	if p[r&0xff] == 0 {
		c.count++
	}
	p[r&0xff] = uint16(gid)
}

// buildCoverage reads the best Unicode subtable of a 'cmap' table. A
// malformed table gives a partial or empty coverage, never a panic; the work
// is bounded by the size of the table plus 65536 BMP code points.
func buildCoverage(cmap []byte, numGlyphs int) *coverage {
	c := new(coverage)
	sub := pickCmapSubtable(cmap)
	if sub == nil {
		return c
	}
	be := binary.BigEndian
	switch be.Uint16(sub) {
	case 0:
		if len(sub) < 6+256 {
			return c
		}
		for i := range 256 {
			c.set(rune(i), uint32(sub[6+i]), numGlyphs)
		}
	case 4:
		parseCmap4(c, sub, numGlyphs)
	case 6:
		if len(sub) < 10 {
			return c
		}
		first := int(be.Uint16(sub[6:]))
		n := int(be.Uint16(sub[8:]))
		for i := 0; i < n && 10+2*i+2 <= len(sub); i++ {
			c.set(rune(first+i), uint32(be.Uint16(sub[10+2*i:])), numGlyphs)
		}
	case 12, 13:
		parseCmap12(c, sub, numGlyphs, be.Uint16(sub) == 13)
	}
	return c
}

// pickCmapSubtable returns the preferred Unicode subtable: a full-repertoire
// format 12 first, then a BMP subtable (format 4, 6 or 0), then a symbol one.
func pickCmapSubtable(cmap []byte) []byte {
	be := binary.BigEndian
	if len(cmap) < 4 {
		return nil
	}
	n := int(be.Uint16(cmap[2:]))
	var best []byte
	bestScore := 0
	for i := range n {
		r := 4 + 8*i
		if r+8 > len(cmap) {
			break
		}
		pid, eid := be.Uint16(cmap[r:]), be.Uint16(cmap[r+2:])
		off := int64(be.Uint32(cmap[r+4:]))
		if off+4 > int64(len(cmap)) {
			continue
		}
		sub := cmap[off:]
		format := be.Uint16(sub)
		score := 0
		switch {
		case format == 12 && (pid == 3 && eid == 10 || pid == 0 && (eid == 4 || eid == 6)):
			score = 10
		case (format == 4 || format == 6 || format == 0) && (pid == 3 && eid == 1 || pid == 0 && eid <= 3):
			score = 5
		case format == 12 && pid == 0:
			score = 4
		case (format == 4 || format == 6 || format == 0) && pid == 3 && eid == 0:
			score = 1 // symbol font
		}
		if score > bestScore {
			best, bestScore = sub, score
		}
	}
	return best
}

func parseCmap4(c *coverage, sub []byte, numGlyphs int) {
	be := binary.BigEndian
	if len(sub) < 14 {
		return
	}
	segX2 := int(be.Uint16(sub[6:]))
	seg := segX2 / 2
	ends := 14
	starts := ends + segX2 + 2
	deltas := starts + segX2
	ranges := deltas + segX2
	if ranges+segX2 > len(sub) {
		return
	}
	next := 0 // first code point not yet mapped: keeps the work bounded
	for i := range seg {
		end := int(be.Uint16(sub[ends+2*i:]))
		start := int(be.Uint16(sub[starts+2*i:]))
		delta := int(be.Uint16(sub[deltas+2*i:]))
		ro := int(be.Uint16(sub[ranges+2*i:]))
		if start < next {
			start = next
		}
		if end == 0xFFFF {
			end = 0xFFFE // the terminating segment maps U+FFFF to .notdef
		}
		for r := start; r <= end; r++ {
			var gid int
			if ro == 0 {
				gid = (r + delta) & 0xFFFF
			} else {
				a := ranges + 2*i + ro + 2*(r-start)
				if a+2 > len(sub) {
					break
				}
				gid = int(be.Uint16(sub[a:]))
				if gid != 0 {
					gid = (gid + delta) & 0xFFFF
				}
			}
			c.set(rune(r), uint32(gid), numGlyphs)
		}
		if end+1 > next {
			next = end + 1
		}
	}
}

func parseCmap12(c *coverage, sub []byte, numGlyphs int, constant bool) {
	be := binary.BigEndian
	if len(sub) < 16 {
		return
	}
	n := int64(be.Uint32(sub[12:]))
	if 16+12*n > int64(len(sub)) {
		n = (int64(len(sub)) - 16) / 12
	}
	var next rune // first code point not yet mapped
	for i := range int(n) {
		g := sub[16+12*i:]
		start, end := rune(be.Uint32(g)), rune(be.Uint32(g[4:]))
		gid := be.Uint32(g[8:])
		if start > 0x10FFFF || end < start {
			continue
		}
		end = min(end, 0x10FFFF)
		if start < next {
			if end < next {
				continue
			}
			if !constant {
				gid += uint32(next - start)
			}
			start = next
		}
		next = end + 1
		for r := start; r <= end && r <= 0xFFFF; r++ {
			gg := gid
			if !constant {
				gg += uint32(r - start)
			}
			c.set(r, gg, numGlyphs)
		}
		if end < 0x10000 {
			continue
		}
		if start < 0x10000 {
			if !constant {
				gid += uint32(0x10000 - start)
			}
			start = 0x10000
		}
		// Keep only glyph indices that exist.
		if constant {
			if gid == 0 || gid >= uint32(numGlyphs) {
				continue
			}
		} else {
			if gid >= uint32(numGlyphs) {
				continue
			}
			if last := gid + uint32(end-start); last >= uint32(numGlyphs) {
				end -= rune(last - uint32(numGlyphs) + 1)
			}
			if gid == 0 { // a group starting at .notdef: drop that rune
				start++
				gid++
			}
			if end < start {
				continue
			}
		}
		c.supp = append(c.supp, cmapGroup{Start: start, End: end, GID: gid, Constant: constant})
		c.count += int(end - start + 1)
	}
}
