package fonts

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
)

// Font is a parsed OpenType font (TrueType or CFF outlines): its bytes plus the metrics, names and
// character coverage the layout code needs. A Font is immutable after Parse
// and safe for concurrent use; the cmap coverage and advance widths are
// built once, on first use.
type Font struct {
	data  []byte
	dir   *directory
	names names

	unitsPerEm   int
	numGlyphs    int
	numHMetrics  int
	longLoca     bool
	cff          *cffFont // CFF outlines; nil for TrueType (glyf)
	ascent       int
	descent      int
	lineGap      int
	capHeight    int // 0: unknown, derived from the 'H' glyph on demand
	weight       int
	bold, italic bool
	fsType       uint16

	once     sync.Once
	cov      *coverage
	advances []uint16 // by glyph index
	invUPEM  float64
	capOnce  sync.Once
	capEm    float64
}

// Parse parses an OpenType font with TrueType (glyf) or CFF outlines
// (.ttf, .otf). It keeps data, which the caller must not modify
// afterwards. A CFF2 (variable) font returns an error wrapping ErrCFF2, a
// collection one wrapping ErrCollection and anything else unusable one
// wrapping ErrInvalid.
//
// Parse reads only the table directory and the small fixed tables; the
// character map is decoded lazily, so parsing a large CJK font is cheap.
func Parse(data []byte) (*Font, error) {
	if len(data) < 4 {
		return nil, fmt.Errorf("%w: %d bytes is too short for a font", ErrInvalid, len(data))
	}
	switch string(data[:4]) {
	case "ttcf":
		n := "several"
		if offs, err := collectionOffsets(data); err == nil {
			n = fmt.Sprint(len(offs))
		}
		return nil, fmt.Errorf("%w: the data is a collection of %s faces; use ParseCollection, ParseFace or Load(\"file.ttc#N\")", ErrCollection, n)
	case "wOFF", "wOF2":
		return nil, fmt.Errorf("%w: WOFF-compressed web font; decompress it to .ttf first", ErrInvalid)
	}
	dir, err := readDirectory(data, 0, int64(len(data)))
	if err != nil {
		return nil, err
	}
	return newFont(data, dir)
}

// newFont validates the tables of a standalone font and reads its metrics.
func newFont(data []byte, dir *directory) (*Font, error) {
	return newFontCFF(data, dir, nil)
}

// newFontCFF is newFont for a font whose CFF table, when ext is not nil,
// is ext rather than a table of data (a large font's table read from its
// file as needed: see readCFFTable).
func newFontCFF(data []byte, dir *directory, ext *cffTable) (*Font, error) {
	required := []string{"head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf"}
	_, hasGlyf := dir.find("glyf")
	_, hasCFF := dir.find("CFF ")
	hasCFF = hasCFF || ext != nil
	_, hasCFF2 := dir.find("CFF2")
	switch {
	case hasCFF2 && !hasCFF && !hasGlyf:
		return nil, cff2Error(parseNames(dir.table(data, "name")))
	case hasCFF && (dir.Version == tagOTTO || !hasGlyf):
		required = []string{"head", "hhea", "maxp", "hmtx", "cmap", "CFF "}
	}
	for _, tag := range required {
		if _, ok := dir.find(tag); !ok && !(tag == "CFF " && ext != nil) {
			return nil, fmt.Errorf("%w: missing required table %q", ErrInvalid, tag)
		}
	}
	be := binary.BigEndian
	f := &Font{data: data, dir: dir, names: parseNames(dir.table(data, "name"))}

	head := dir.table(data, "head")
	if len(head) < 54 {
		return nil, fmt.Errorf("%w: short 'head' table", ErrInvalid)
	}
	f.unitsPerEm = int(be.Uint16(head[18:]))
	if f.unitsPerEm < 16 || f.unitsPerEm > 16384 {
		return nil, fmt.Errorf("%w: unitsPerEm %d out of range", ErrInvalid, f.unitsPerEm)
	}
	f.invUPEM = 1 / float64(f.unitsPerEm)
	macStyle := be.Uint16(head[44:])
	f.longLoca = be.Uint16(head[50:]) != 0

	maxp := dir.table(data, "maxp")
	if len(maxp) < 6 {
		return nil, fmt.Errorf("%w: short 'maxp' table", ErrInvalid)
	}
	f.numGlyphs = int(be.Uint16(maxp[4:]))
	if f.numGlyphs == 0 {
		return nil, fmt.Errorf("%w: font has no glyphs", ErrInvalid)
	}

	hhea := dir.table(data, "hhea")
	if len(hhea) < 36 {
		return nil, fmt.Errorf("%w: short 'hhea' table", ErrInvalid)
	}
	f.ascent = int(int16(be.Uint16(hhea[4:])))
	f.descent = int(int16(be.Uint16(hhea[6:])))
	f.lineGap = int(int16(be.Uint16(hhea[8:])))
	f.numHMetrics = int(be.Uint16(hhea[34:]))
	if f.numHMetrics == 0 || f.numHMetrics > f.numGlyphs {
		return nil, fmt.Errorf("%w: 'hhea' numberOfHMetrics %d (font has %d glyphs)", ErrInvalid, f.numHMetrics, f.numGlyphs)
	}
	if len(dir.table(data, "hmtx")) < 4*f.numHMetrics {
		return nil, fmt.Errorf("%w: short 'hmtx' table", ErrInvalid)
	}
	if required[len(required)-1] == "CFF " {
		if ext == nil {
			b := dir.table(data, "CFF ")
			ext = &cffTable{low: b, size: len(b)}
		}
		c, err := parseCFFTable(ext)
		if err != nil {
			return nil, fmt.Errorf("%w (in the 'CFF ' table of %s)", err, nameOr(f.names))
		}
		if c.numGlyphs < f.numGlyphs {
			return nil, fmt.Errorf("%w: 'CFF ' table has %d glyphs, 'maxp' %d", ErrInvalid, c.numGlyphs, f.numGlyphs)
		}
		f.cff = c
	} else {
		locaEntry := 2
		if f.longLoca {
			locaEntry = 4
		}
		if len(dir.table(data, "loca")) < locaEntry*(f.numGlyphs+1) {
			return nil, fmt.Errorf("%w: short 'loca' table", ErrInvalid)
		}
	}

	f.weight = 400
	var fsSelection uint16
	if os2 := dir.table(data, "OS/2"); len(os2) >= 78 {
		f.weight = int(be.Uint16(os2[4:]))
		f.fsType = be.Uint16(os2[8:])
		fsSelection = be.Uint16(os2[62:])
		typoAsc := int(int16(be.Uint16(os2[68:])))
		typoDesc := int(int16(be.Uint16(os2[70:])))
		typoGap := int(int16(be.Uint16(os2[72:])))
		winAsc := int(be.Uint16(os2[74:]))
		winDesc := int(be.Uint16(os2[76:]))
		switch {
		case fsSelection&(1<<7) != 0 && typoAsc != 0: // USE_TYPO_METRICS
			f.ascent, f.descent, f.lineGap = typoAsc, typoDesc, typoGap
		case f.ascent == 0 && f.descent == 0:
			f.ascent, f.descent, f.lineGap = winAsc, -winDesc, 0
		}
		if be.Uint16(os2) >= 2 && len(os2) >= 90 {
			f.capHeight = int(int16(be.Uint16(os2[88:])))
		}
	}
	if f.descent > 0 { // a few fonts store hhea.descender as a positive number
		f.descent = -f.descent
	}
	style := strings.ToLower(f.names.subfamily + " " + f.names.typoSubfamily)
	f.bold = fsSelection&(1<<5) != 0 || macStyle&1 != 0 || strings.Contains(style, "bold")
	f.italic = fsSelection&1 != 0 || macStyle&2 != 0 ||
		strings.Contains(style, "italic") || strings.Contains(style, "oblique")
	return f, nil
}

// nameOr returns the font's full or family name, quoted, or "this font".
func nameOr(n names) string {
	name := n.full
	if name == "" {
		name = n.familyName()
	}
	if name == "" {
		return "this font"
	}
	return fmt.Sprintf("%q", name)
}

// cff2Error names a font with CFF2 (variable) outlines.
func cff2Error(n names) error {
	return fmt.Errorf("%w: %s has CFF2 outlines (an OpenType variable font); docconv embeds TrueType (glyf) and CFF outlines: "+
		"use a static instance of the font (.otf or .ttf)", ErrCFF2, nameOr(n))
}

// init builds the coverage and advance tables once.
func (f *Font) init() {
	f.once.Do(func() {
		f.cov = buildCoverage(f.dir.table(f.data, "cmap"), f.numGlyphs)
		hmtx := f.dir.table(f.data, "hmtx")
		adv := make([]uint16, f.numGlyphs)
		var last uint16
		for g := range adv {
			if g < f.numHMetrics {
				last = binary.BigEndian.Uint16(hmtx[4*g:])
			}
			adv[g] = last
		}
		f.advances = adv
	})
}

// Data returns the font file: standalone OpenType bytes (for a collection
// face, the extracted face). For a TrueType font gofpdf's
// AddUTF8FontFromBytes accepts them. The caller must not modify it.
//
// A face read by Load from a file keeps a large CFF table in the file (see
// readCFFTable); Data then reads it again and returns the whole font (or,
// should the file have become unreadable, the font without it).
func (f *Font) Data() []byte {
	if f.cff == nil || f.cff.t.r == nil {
		return f.data
	}
	full, err := f.cff.t.at(0, f.cff.t.size)
	if err != nil {
		return f.data
	}
	recs := slices.Clone(f.dir.Tables)
	recs = append(recs, tableRecord{Tag: "CFF ", Length: uint32(len(full))})
	slices.SortFunc(recs, func(a, b tableRecord) int { return strings.Compare(a.Tag, b.Tag) })
	out, err := assembleSFNT(f.dir.Version, recs, func(i int, dst []byte) error {
		if recs[i].Tag == "CFF " {
			copy(dst, full)
		} else {
			copy(dst, f.dir.table(f.data, recs[i].Tag))
		}
		return nil
	})
	if err != nil {
		return f.data
	}
	return out
}

// Family returns the font's family name (the typographic family, name ID
// 16, when present, else name ID 1), e.g. "Liberation Sans".
func (f *Font) Family() string { return f.names.familyName() }

// Style returns the subfamily (style) name, e.g. "Bold Italic".
func (f *Font) Style() string { return f.names.styleName() }

// FullName returns the full font name (name ID 4), e.g. "Liberation Sans
// Bold".
func (f *Font) FullName() string { return f.names.full }

// PostScriptName returns the PostScript name (name ID 6), e.g.
// "LiberationSans-Bold".
func (f *Font) PostScriptName() string { return f.names.postscript }

// Bold reports whether the face is bold (OS/2 fsSelection, head macStyle or
// the subfamily name).
func (f *Font) Bold() bool { return f.bold }

// Italic reports whether the face is italic or oblique (OS/2 fsSelection,
// head macStyle or the subfamily name).
func (f *Font) Italic() bool { return f.italic }

// Weight returns the OS/2 usWeightClass (400 regular, 700 bold; 400 when the
// font has no OS/2 table).
func (f *Font) Weight() int { return f.weight }

// FSType returns the OS/2 fsType embedding permissions (0: installable, no
// restriction; bit 1 (0x0002): restricted license embedding).
func (f *Font) FSType() uint16 { return f.fsType }

// UnitsPerEm returns the design units per em (head.unitsPerEm).
func (f *Font) UnitsPerEm() int { return f.unitsPerEm }

// NumGlyphs returns the number of glyphs in the font.
func (f *Font) NumGlyphs() int { return f.numGlyphs }

// Ascent returns the ascender in em (positive, above the baseline): OS/2
// typographic metrics when the font asks for them (USE_TYPO_METRICS), else
// hhea.
func (f *Font) Ascent() float64 { return float64(f.ascent) * f.invUPEM }

// Descent returns the descender in em, negative (below the baseline) as in
// typographic convention: a line is Ascent() - Descent() + LineGap() tall.
func (f *Font) Descent() float64 { return float64(f.descent) * f.invUPEM }

// LineGap returns the recommended extra leading in em (may be 0).
func (f *Font) LineGap() float64 { return float64(f.lineGap) * f.invUPEM }

// CapHeight returns the height of capital letters in em: OS/2 sCapHeight,
// else the top of the glyph for 'H', else 0.7.
func (f *Font) CapHeight() float64 {
	f.capOnce.Do(func() {
		switch {
		case f.capHeight > 0:
			f.capEm = float64(f.capHeight) * f.invUPEM
		default:
			f.capEm = 0.7
			if g := f.GlyphIndex('H'); g != 0 {
				if b, ok := f.GlyphBounds(g); ok {
					f.capEm = float64(b.YMax) * f.invUPEM
				}
			}
		}
	})
	return f.capEm
}

// GlyphIndex returns the glyph index for r, 0 (.notdef) when the font has no
// glyph for it.
func (f *Font) GlyphIndex(r rune) uint16 {
	f.init()
	return f.cov.glyph(r)
}

// HasGlyph reports whether the font maps r to a glyph other than .notdef.
// After the first call (which decodes the cmap), a lookup is a couple of
// array loads for BMP runes and a binary search for others.
func (f *Font) HasGlyph(r rune) bool {
	f.init()
	return f.cov.glyph(r) != 0
}

// NumRunes returns how many characters the font maps to a glyph.
func (f *Font) NumRunes() int {
	f.init()
	return f.cov.count
}

// Advance returns the advance width of r's glyph in em (advance/unitsPerEm);
// for a rune the font lacks it is the width of .notdef, which is what a
// renderer would draw.
func (f *Font) Advance(r rune) float64 {
	f.init()
	return float64(f.advances[f.cov.glyph(r)]) * f.invUPEM
}

// AdvanceUnits returns the advance width of glyph gid in font units (0 for
// an out-of-range index).
func (f *Font) AdvanceUnits(gid uint16) int {
	f.init()
	if int(gid) >= len(f.advances) {
		return 0
	}
	return int(f.advances[gid])
}

// String returns the full name, for debugging and error messages.
func (f *Font) String() string {
	if f.names.full != "" {
		return f.names.full
	}
	return f.names.familyName()
}

// Bounds is a glyph's bounding box in font units.
type Bounds struct {
	XMin, YMin, XMax, YMax int
}

// GlyphBounds returns the bounding box of glyph gid's outline in font
// units: the box stored in 'glyf' for a TrueType font, computed from the
// decoded outline (control points included) for a CFF font. ok is false
// for an empty glyph, an out-of-range index or a glyph that cannot be
// decoded.
func (f *Font) GlyphBounds(gid uint16) (b Bounds, ok bool) {
	if f.cff == nil {
		g := f.glyph(gid)
		if len(g) < 10 {
			return Bounds{}, false
		}
		be := binary.BigEndian
		return Bounds{int(int16(be.Uint16(g[2:]))), int(int16(be.Uint16(g[4:]))),
			int(int16(be.Uint16(g[6:]))), int(int16(be.Uint16(g[8:])))}, true
	}
	if int(gid) >= f.numGlyphs {
		return Bounds{}, false
	}
	segs, err := f.cff.outline(int(gid))
	if err != nil || len(segs) == 0 {
		return Bounds{}, false
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, s := range segs {
		for _, p := range s.ArgsSlice() {
			x0, x1 = min(x0, float64(p.X)), max(x1, float64(p.X))
			y0, y1 = min(y0, float64(p.Y)), max(y1, float64(p.Y))
		}
	}
	return Bounds{int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1)), int(math.Ceil(y1))}, true
}

// CFF reports whether the font has CFF (PostScript) outlines, from an
// OpenType 'CFF ' table, rather than TrueType ones.
func (f *Font) CFF() bool { return f.cff != nil }

// glyph returns the glyf bytes of glyph gid (nil for an empty glyph or bad
// loca entries).
func (f *Font) glyph(gid uint16) []byte {
	if int(gid) >= f.numGlyphs || f.cff != nil {
		return nil
	}
	loca := f.dir.table(f.data, "loca")
	glyf := f.dir.table(f.data, "glyf")
	var start, end uint32
	if f.longLoca {
		start = binary.BigEndian.Uint32(loca[4*int(gid):])
		end = binary.BigEndian.Uint32(loca[4*int(gid)+4:])
	} else {
		start = 2 * uint32(binary.BigEndian.Uint16(loca[2*int(gid):]))
		end = 2 * uint32(binary.BigEndian.Uint16(loca[2*int(gid)+2:]))
	}
	if end <= start || end > uint32(len(glyf)) {
		return nil
	}
	return glyf[start:end]
}
