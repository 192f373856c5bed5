package pdf

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/docconv/docconv/fonts"
)

// style is a combination of inline styles that selects a font chain.
type style uint8

const (
	stBold   style = 1 << iota
	stItalic       // italic Latin; CJK stays upright
	stMono         // code
	stSans         // headings and running heads in a Latin document
	nStyles  = 16
)

// face is one font file as a document uses it: the glyphs drawn with it
// are collected for the subset.
type face struct {
	font *fonts.Font
	cjk  bool   // the font covers ideographs
	idx  int    // order of first use
	key  string // gofpdf family name (a placeholder replaced in the output)
	name string // BaseFont name: subset tag + PostScript name
	used []uint64
	wide map[rune]alignment // marks set in a box of their own (see widen)
	// box is the width in em of the boxes of widened marks: 1 (full
	// width) in a normal face, 0.5 in a half face.
	box  float64
	half *face    // the half-width variant of this face, made on demand
	base *face    // for a half face, the face it derives from
	cff  *cffFace // the CFF program of a font with CFF outlines (see cfffont.go)
	// mid caches centred's answers.
	mid map[rune]bool
}

// centredMarks are the pause and stop marks that Taiwan and Hong Kong
// fonts centre in their em box, where mainland and Japanese fonts put them
// in the lower left corner.
var centredMarks = runeSet("、，。．：；！？")

// centred reports whether the glyph of r, a pause or stop mark, is centred
// horizontally in its em box (its outline's middle within the middle
// fifth), as in Taiwan and Hong Kong fonts, rather than in the left half.
func (f *face) centred(r rune) bool {
	if !centredMarks[r] || f.font == nil {
		return false
	}
	if c, ok := f.mid[r]; ok {
		return c
	}
	c := false
	if g := f.font.GlyphIndex(r); g != 0 {
		if b, ok := f.font.GlyphBounds(g); ok && b.XMax > b.XMin {
			adv := f.font.Advance(r) * float64(f.font.UnitsPerEm())
			mid := float64(b.XMin+b.XMax) / 2
			c = adv > 0 && mid > adv*0.4 && mid < adv*0.6
		}
	}
	if f.mid == nil {
		f.mid = map[rune]bool{}
	}
	f.mid[r] = c
	return c
}

// advance returns r's advance in em, rounded to 1/1000 em as gofpdf writes
// the PDF /W widths, so that positions computed here match the viewer's.
func (f *face) advance(r rune) float64 {
	return math.Round(f.font.Advance(r)*1000) / 1000
}

// widen records that r is set in a box of its own in this face: its glyph
// gets an advance of f.box em in the subset, with the outline aligned as
// given.
func (f *face) widen(r rune, align alignment) {
	if f.wide == nil {
		f.wide = map[rune]alignment{}
	}
	f.wide[r] = align
}

// halfFace returns the half-width variant of f: a second subset of the
// same font in which the punctuation marks compressed next to each other
// have an advance of half an em (what OpenType's 'halt' feature does),
// so that text extraction sees adjacent, not overlapping, glyphs.
func (fs *fontSet) halfFace(f *face) *face {
	if f.base != nil {
		return f
	}
	if f.half == nil {
		f.half = &face{font: f.font, cjk: f.cjk, idx: -1, used: make([]uint64, 1024), box: 0.5, base: f}
	}
	return f.half
}

func (f *face) use(r rune) {
	if r > 0xFFFF {
		return
	}
	f.used[r>>6] |= 1 << (r & 63)
}

func (f *face) runes() []rune {
	var rs []rune
	for i, w := range f.used {
		for w != 0 {
			b := 0
			for w&(1<<b) == 0 {
				b++
			}
			rs = append(rs, rune(i<<6+b))
			w &^= 1 << b
		}
	}
	return rs
}

// chainEntry is a face of a style's chain and whether it needs synthetic
// bold. A registered default face is loaded (and decompressed) on the
// first lookup that reaches it: src is set and face nil until then.
type chainEntry struct {
	face      *face
	src       *fonts.Embedded
	ranges    *unicode.RangeTable // the only characters looked up, if set
	synthBold bool
}

// fontSet holds the faces of a document and the fallback chain of every
// style.
type fontSet struct {
	byFont map[*fonts.Font]*face
	chains [nStyles][]chainEntry
	cjkDoc bool
	// cache maps a BMP rune to 1 + its chain index (0: not looked up yet,
	// 255: no face), per style; runes beyond the BMP are never drawn.
	cache [nStyles][]uint8
	// err is the first error loading a registered face.
	err error
}

// ErrNoFonts is returned by the Writer when it has no font: no Fonts or
// FontSpecs were given and no default faces are registered.
var ErrNoFonts = errors.New("pdf: no fonts: set Writer.Fonts (or FontSpecs), " +
	"or import the default faces: _ \"github.com/docconv/docconv/formats/all\" registers them all, " +
	"or import the packages under github.com/docconv/docconv/fonts/embedded for the languages needed " +
	"(embedded for Latin, hant, hans, ja, ko)")

// newFontSet builds the chains of a document in language lang: the user's
// fonts first (Writer.Fonts; after the code face for code), then the
// registered default faces (fonts.Defaults): the Latin face of the role
// (serif for body text, sans for headings, mono for code), the CJK faces of
// the document's region for the role (a Ming/Song/Mincho/Myeongjo for body
// text, a Hei/Gothic for headings and code) and the coverage fallbacks
// (Droid Sans Fallback, NanumGothic for Hangul). A style's bold uses the
// real bold face of a family where one is registered, synthetic bold
// otherwise.
func newFontSet(user fonts.Chain, lang string, cjkDoc bool) (*fontSet, error) {
	fs := &fontSet{byFont: map[*fonts.Font]*face{}, cjkDoc: cjkDoc}
	total := 0
	for st := style(0); st < nStyles; st++ {
		bold, italic := st&stBold != 0, st&stItalic != 0
		latinRole, cjkRole := fonts.RoleBody, fonts.RoleBody
		switch {
		case st&stMono != 0:
			latinRole, cjkRole = fonts.RoleMono, fonts.RoleHeading
		case st&stSans != 0:
			latinRole, cjkRole = fonts.RoleHeading, fonts.RoleHeading
		}
		var chain []chainEntry
		seen := map[*fonts.Embedded]bool{}
		addUser := func() {
			for _, f := range user {
				if f != nil {
					chain = append(chain, chainEntry{face: fs.face(f), synthBold: bold && !f.Bold()})
				}
			}
		}
		add := func(ds []fonts.Default, global bool) {
			for _, d := range ds {
				if global != (d.Lang == "") || seen[d.Embedded] {
					continue
				}
				seen[d.Embedded] = true
				chain = append(chain, chainEntry{src: d.Embedded, ranges: d.Ranges, synthBold: bold && !d.Bold})
			}
		}
		latin := fonts.Defaults(lang, latinRole, bold, italic)
		if st&stMono != 0 {
			add(latin, true)
			addUser()
		} else {
			addUser()
			add(latin, true)
		}
		add(fonts.Defaults(lang, cjkRole, bold, false), false)
		add(fonts.Defaults(lang, fonts.RoleFallback, bold, false), true)
		fs.chains[st] = chain
		total += len(chain)
	}
	if total == 0 {
		return nil, ErrNoFonts
	}
	return fs, nil
}

func (fs *fontSet) face(f *fonts.Font) *face {
	if fc, ok := fs.byFont[f]; ok {
		return fc
	}
	fc := &face{font: f, cjk: f.HasGlyph('中') || f.HasGlyph('あ') || f.HasGlyph('한'),
		idx: -1, used: make([]uint64, 1024), box: 1}
	fs.byFont[f] = fc
	return fc
}

// has reports whether entry e of a chain has a glyph for r, loading its
// font first if needed.
func (fs *fontSet) has(e *chainEntry, r rune) bool {
	if e.ranges != nil && !unicode.Is(e.ranges, r) {
		return false
	}
	if e.face == nil {
		if e.src == nil {
			return false
		}
		f, err := e.src.Font()
		if err != nil {
			if fs.err == nil {
				fs.err = err
			}
			e.src = nil
			return false
		}
		e.face = fs.face(f)
	}
	return e.face.font.HasGlyph(r)
}

// lookup returns the face for r in style st: the first face of the chain
// with a glyph for r. In CJK documents, marks of ambiguous width (quotes,
// ellipsis, dashes, middle dot) come from a CJK face that has them (the
// fallback for Hangul excluded: its Korean-style marks would not match
// Chinese or Japanese text; the Latin glyph is then set full width). ok is
// false when no face has the glyph, or r is outside the BMP (gofpdf cannot
// encode it).
func (fs *fontSet) lookup(r rune, st style) (chainEntry, bool) {
	if r > 0xFFFF || r < 0 {
		return chainEntry{}, false
	}
	c := fs.cache[st]
	if c == nil {
		c = make([]uint8, 0x10000)
		fs.cache[st] = c
	}
	chain := fs.chains[st]
	if i := c[r]; i != 0 {
		if i == 255 {
			return chainEntry{}, false
		}
		return chain[i-1], true
	}
	found := -1
	if fs.cjkDoc && isAmbiguous(r) {
		for i := range chain {
			if e := &chain[i]; fs.has(e, r) && e.face.cjk {
				found = i
				break
			}
		}
	}
	if found < 0 {
		for i := range chain {
			if fs.has(&chain[i], r) {
				found = i
				break
			}
		}
	}
	if found < 0 || found >= 254 {
		c[r] = 255
		return chainEntry{}, false
	}
	c[r] = uint8(found + 1)
	return chain[found], true
}

// lookupLatin returns the first face of style st's chain that has r and is
// not a CJK font: the proportional glyph of a symbol that CJK fonts draw
// full width.
func (fs *fontSet) lookupLatin(r rune, st style) (chainEntry, bool) {
	chain := fs.chains[st]
	for i := range chain {
		if e := &chain[i]; fs.has(e, r) && !e.face.cjk {
			return *e, true
		}
	}
	return chainEntry{}, false
}

// prepare numbers the faces that draw something, in order of first use
// (the order of the fonts in the file), and names them: the BaseFont is
// "ABCDEF+PostScriptName" with a tag derived from the name and the glyphs
// used (deterministic, as PDF 32000 9.6.4 asks), and the gofpdf family is a
// placeholder of the same length minus the "utf8" prefix gofpdf adds, so
// that the names can be swapped in the output without moving any byte.
func (fs *fontSet) prepare(order []*face) []*face {
	var used []*face
	for _, f := range order {
		if f.idx >= 0 {
			continue
		}
		f.idx = len(used)
		used = append(used, f)
	}
	for _, f := range used {
		ps := sanitizeName(f.font.PostScriptName())
		if ps == "" {
			ps = sanitizeName(f.font.FullName())
		}
		for len(ps) < 6 {
			ps += "Font"
		}
		if f.base != nil {
			ps += "-Half"
		}
		h := sha256.New()
		h.Write([]byte(ps))
		for _, r := range f.runes() {
			fmt.Fprintf(h, ",%x", r)
		}
		sum := h.Sum(nil)
		var tag [6]byte
		for i := range tag {
			tag[i] = 'A' + sum[i]%26
		}
		f.name = string(tag[:]) + "+" + ps
		key := fmt.Sprintf("dcvf%02dz", f.idx)
		for len(key) < len(f.name)-4 {
			key += "q"
		}
		f.key = key
	}
	return used
}

// sanitizeName keeps the characters allowed in a PDF name without
// escaping (and in a PostScript font name).
func sanitizeName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > 32 && r < 127 && !strings.ContainsRune("()<>[]{}/%#", r) {
			b.WriteRune(r)
		}
	}
	out := b.String()
	if len(out) > 100 {
		out = out[:100]
	}
	return out
}
