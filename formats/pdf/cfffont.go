package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/docconv/docconv/fonts"
)

// CFF-outline fonts (OpenType .otf, faces of .ttc/.otc collections such as
// Noto CJK and Source Han) are embedded as CIDFontType0 fonts with a
// FontFile3 /CIDFontType0C program, which gofpdf cannot write. gofpdf
// still does what it does for TrueType fonts — resources, the Type0 font
// with Identity-H, the /W widths, the descriptor's metrics and the 2-byte
// character codes in the content streams, which are the characters' code
// points — from a stand-in: a TrueType font with the subset's character
// map, advances and vertical metrics and empty outlines. postProcess then
// turns gofpdf's CIDFontType2 objects for that face into a CIDFontType0:
//
//   - the descendant font gets /Subtype /CIDFontType0 and loses its
//     /CIDToGIDMap (a CIDFontType0 maps CIDs through the program's
//     charset), and its /CIDSystemInfo becomes Adobe-Identity-0, the ROS of
//     the program;
//   - the descriptor's /FontFile2 becomes /FontFile3, and the stream it
//     points to holds our CID-keyed CFF program, in which the glyph of
//     each character has the character's code point as its CID (so CID =
//     the code gofpdf writes, and the Identity-H encoding maps it there);
//   - the CIDToGIDMap stream, no longer referenced, becomes a null object
//     (the object numbers, and so gofpdf's cross-references, stay).

// cffFace holds what postProcess needs for a CFF face: its program,
// compressed.
type cffFace struct {
	program []byte // zlib-compressed CFF
}

// addCFFFont prepares face f, whose font has CFF outlines: it returns the
// stand-in TrueType font gofpdf gets and stores the CFF program in f.cff.
func addCFFFont(f *face) ([]byte, error) {
	runes := f.runes()
	otf, err := f.font.SubsetMetrics(runes) // the outlines come from CFFProgram
	if err != nil {
		return nil, err
	}
	sub, err := fonts.Parse(otf)
	if err != nil {
		return nil, err
	}
	upem := f.font.UnitsPerEm()
	bu := int(math.Round(f.box * float64(upem)))
	glyphs := make([]fonts.CIDGlyph, 0, len(runes))
	wide := map[uint16]int{}
	for _, r := range runes {
		gid := f.font.GlyphIndex(r)
		if gid == 0 || r > 0xFFFF {
			continue
		}
		g := fonts.CIDGlyph{CID: uint16(r), GID: gid}
		if align, ok := f.wide[r]; ok {
			if b, ok := f.font.GlyphBounds(gid); ok {
				g.Shift = boxShift(b.XMin, b.XMax, bu, align)
			}
			wide[sub.GlyphIndex(r)] = 0
		}
		glyphs = append(glyphs, g)
	}
	program, err := f.font.CFFProgram(f.name, glyphs)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&buf, zlib.BestCompression)
	zw.Write(program)
	zw.Close()
	f.cff = &cffFace{program: buf.Bytes()}
	stand, err := standIn(otf)
	if err != nil {
		return nil, err
	}
	return slimFont(stand, wide, f.box), nil
}

// boxShift returns the horizontal move that places an outline spanning
// x0..x1 in a box bu font units wide: near the left edge for closing
// marks, near the right edge for opening marks, centred otherwise.
func boxShift(x0, x1, bu int, align alignment) int {
	if x1 <= x0 {
		return 0
	}
	free := max(bu-(x1-x0), 0)
	var target int
	switch align {
	case alignLeft:
		target = free * 15 / 100
	case alignRight:
		target = free - free*15/100
	default:
		target = free / 2
	}
	return target - x0
}

// standIn turns an OpenType CFF subset into a TrueType font with the same
// tables and empty outlines (a zero-length 'glyf' and a short 'loca' of
// zeros), which gofpdf accepts.
func standIn(otf []byte) ([]byte, error) {
	be := binary.BigEndian
	if len(otf) < 12 {
		return nil, fmt.Errorf("%w: short font", errPost)
	}
	n := int(be.Uint16(otf[4:]))
	type tbl struct {
		tag  string
		data []byte
	}
	var tables []tbl
	numGlyphs := -1
	for i := 0; i < n && 12+16*i+16 <= len(otf); i++ {
		rec := otf[12+16*i:]
		off, ln := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if off+ln > len(otf) {
			return nil, fmt.Errorf("%w: table out of bounds", errPost)
		}
		t := tbl{string(rec[:4]), otf[off : off+ln]}
		switch t.tag {
		case "CFF ", "vhea", "vmtx":
			continue
		case "maxp":
			if ln < 6 {
				return nil, fmt.Errorf("%w: short maxp", errPost)
			}
			numGlyphs = int(be.Uint16(t.data[4:]))
			maxp := make([]byte, 32)
			be.PutUint32(maxp, 0x00010000)
			be.PutUint16(maxp[4:], uint16(numGlyphs))
			t.data = maxp
		case "head":
			if ln < 54 {
				return nil, fmt.Errorf("%w: short head", errPost)
			}
			head := append([]byte(nil), t.data...)
			be.PutUint16(head[50:], 0) // short loca
			t.data = head
		}
		tables = append(tables, t)
	}
	if numGlyphs < 0 {
		return nil, fmt.Errorf("%w: no maxp", errPost)
	}
	tables = append(tables, tbl{"glyf", nil}, tbl{"loca", make([]byte, 2*(numGlyphs+1))})
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	n = len(tables)
	out := make([]byte, 12+16*n)
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	be.PutUint16(out[6:], uint16(16<<es))
	be.PutUint16(out[8:], uint16(es))
	be.PutUint16(out[10:], uint16(16*n-16<<es))
	for i, t := range tables {
		off := len(out)
		out = append(out, t.data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		rec := out[12+16*i:]
		copy(rec, t.tag)
		be.PutUint32(rec[4:], checksum(t.data))
		be.PutUint32(rec[8:], uint32(off))
		be.PutUint32(rec[12:], uint32(len(t.data)))
	}
	return out, nil
}

var (
	reDescendant = regexp.MustCompile(`/DescendantFonts \[(\d+) 0 R\]`)
	reSysInfo    = regexp.MustCompile(`/CIDSystemInfo (\d+) 0 R`)
	reDescriptor = regexp.MustCompile(`/FontDescriptor (\d+) 0 R`)
	reCIDToGID   = regexp.MustCompile(`/CIDToGIDMap (\d+) 0 R`)
	reFontFile2  = regexp.MustCompile(`/FontFile2 (\d+) 0 R`)
	reDW         = regexp.MustCompile(`/DW (\d+)`)
	reW          = regexp.MustCompile(`/W \[([^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)*)\]`)
)

// compactWidths rewrites the /W array of CIDFont dictionary db without
// the widths equal to /DW (gofpdf lists every glyph, and most CJK glyphs
// have the default width) and with runs of consecutive CIDs merged: c1 c2
// w for a run of one width, c [w1 w2 …] otherwise.
func compactWidths(db []byte) ([]byte, error) {
	m := reW.FindSubmatchIndex(db)
	if m == nil {
		return db, nil
	}
	dw := 1000
	if d := reDW.FindSubmatch(db); d != nil {
		dw, _ = strconv.Atoi(string(d[1]))
	}
	widths := map[int]int{}
	toks := bytes.Fields([]byte(strings.NewReplacer("[", " [ ", "]", " ] ").Replace(string(db[m[2]:m[3]]))))
	num := func(i int) (int, error) {
		if i >= len(toks) {
			return 0, errors.New("truncated /W array")
		}
		v, err := strconv.ParseFloat(string(toks[i]), 64)
		if err != nil || v < 0 || v > 1<<20 {
			return 0, fmt.Errorf("bad /W entry %q", toks[i])
		}
		return int(math.Round(v)), nil
	}
	for i := 0; i < len(toks); {
		c, err := num(i)
		if err != nil {
			return nil, err
		}
		if i+1 < len(toks) && string(toks[i+1]) == "[" {
			i += 2
			for ; i < len(toks) && string(toks[i]) != "]"; i++ {
				w, err := num(i)
				if err != nil {
					return nil, err
				}
				widths[c] = w
				c++
			}
			i++
			continue
		}
		c2, err1 := num(i + 1)
		w, err2 := num(i + 2)
		if err := errors.Join(err1, err2); err != nil {
			return nil, err
		}
		if c2-c > 0xFFFF {
			return nil, errors.New("/W range too long")
		}
		for ; c <= c2; c++ {
			widths[c] = w
		}
		i += 3
	}
	var cids []int
	for c, w := range widths {
		if w != dw {
			cids = append(cids, c)
		}
	}
	sort.Ints(cids)
	var w []byte
	for i := 0; i < len(cids); {
		j := i + 1
		for j < len(cids) && cids[j] == cids[j-1]+1 {
			j++
		}
		same := true
		for k := i + 1; k < j; k++ {
			same = same && widths[cids[k]] == widths[cids[i]]
		}
		if same && j-i > 1 {
			w = fmt.Appendf(w, "%d %d %d ", cids[i], cids[j-1], widths[cids[i]])
		} else {
			w = fmt.Appendf(w, "%d [", cids[i])
			for k := i; k < j; k++ {
				if k > i {
					w = append(w, ' ')
				}
				w = strconv.AppendInt(w, int64(widths[cids[k]]), 10)
			}
			w = append(w, "] "...)
		}
		i = j
	}
	out := slices.Clone(db[:m[0]])
	if len(w) > 0 {
		out = append(out, "/W ["...)
		out = append(out, bytes.TrimSuffix(w, []byte(" "))...)
		out = append(out, ']')
	}
	rest := db[m[1]:]
	if len(w) == 0 {
		rest = bytes.TrimPrefix(rest, []byte("\n"))
	}
	return append(out, rest...), nil
}

// cffRewrites plans the changes that make gofpdf's objects for the CFF
// faces CIDFontType0 fonts: object number → new object body. type0 gives
// the Type0 font object of each gofpdf font key, body an object's bytes by
// number.
func cffRewrites(faces []*face, type0s map[string]int, body func(int) []byte) (map[int][]byte, error) {
	out := map[int][]byte{}
	for _, f := range faces {
		if f.cff == nil {
			continue
		}
		type0, ok := type0s[f.key]
		if !ok {
			return nil, fmt.Errorf("%w: Type0 font of %s", errPost, f.key)
		}
		ref := func(re *regexp.Regexp, b []byte) (int, error) {
			m := re.FindSubmatch(b)
			if m == nil {
				return 0, fmt.Errorf("%w: %s of font %s", errPost, re, f.key)
			}
			return strconv.Atoi(string(m[1]))
		}
		desc, err := ref(reDescendant, body(type0))
		if err != nil {
			return nil, err
		}
		db := body(desc)
		if !bytes.Contains(db, []byte("/Subtype /CIDFontType2\n")) {
			return nil, fmt.Errorf("%w: descendant font of %s", errPost, f.key)
		}
		sysInfo, err1 := ref(reSysInfo, db)
		fd, err2 := ref(reDescriptor, db)
		c2g, err3 := ref(reCIDToGID, db)
		if err := firstErr(err1, err2, err3); err != nil {
			return nil, err
		}
		fdb := body(fd)
		ff, err := ref(reFontFile2, fdb)
		if err != nil {
			return nil, err
		}
		db = bytes.Replace(db, []byte("/Subtype /CIDFontType2\n"), []byte("/Subtype /CIDFontType0\n"), 1)
		db = reCIDToGID.ReplaceAll(db, nil)
		if db, err = compactWidths(db); err != nil {
			return nil, fmt.Errorf("%w: widths of %s: %v", errPost, f.key, err)
		}
		out[desc] = db
		out[sysInfo] = fmt.Appendf(nil, "%d 0 obj\n<</Registry (Adobe)\n/Ordering (Identity)\n/Supplement 0>>\nendobj\n", sysInfo)
		out[fd] = reFontFile2.ReplaceAll(fdb, []byte("/FontFile3 $1 0 R"))
		out[c2g] = fmt.Appendf(nil, "%d 0 obj\nnull\nendobj\n", c2g)
		s := fmt.Appendf(nil, "%d 0 obj\n<</Subtype /CIDFontType0C\n/Filter /FlateDecode\n/Length %d>>\nstream\n", ff, len(f.cff.program))
		s = append(s, f.cff.program...)
		out[ff] = append(s, "\nendstream\nendobj\n"...)
	}
	return out, nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
