package pdf

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/fonts"
	"golang.org/x/text/width"
)

// rgb is a colour with components in 0..1.
type rgb struct{ r, g, b float64 }

var (
	black     = rgb{0, 0, 0}
	grey      = rgb{0.38, 0.38, 0.38}
	linkColor = rgb{0.05, 0.2, 0.55}
)

// runFmt is the formatting of a stretch of text.
type runFmt struct {
	st     style
	size   float64
	color  rgb
	link   string
	strike bool
	code   bool    // inline code: light background
	tag    int32   // structure element of the text (tagged.go)
	rise   float64 // baseline shift up (superscript) or down (negative: subscript), pt
	note   int32   // the number of the footnote this run is the reference mark of
}

// rubyAnn is a ruby annotation over atoms [first, last].
type rubyAnn struct {
	text        string
	first, last int
	st          style
	// pad is the space added on each side of a base narrower than its
	// annotation; overhung is set once overhangRubies has taken back what
	// may overhang the neighbours.
	pad      float64
	overhung bool
	tag      int32 // the RT element of a tagged PDF
}

// para is a paragraph being laid out.
type para struct {
	atoms  []atom
	fmts   []runFmt
	fmtIdx map[runFmt]int32
	rubies []rubyAnn
	// actual is the text of a missing-glyph atom when it is more than its
	// rune: an emoji sequence (joiners, variation selectors, modifiers,
	// flag pairs) drawn as one box; also the logical text of an atom drawn
	// with another character (a mirrored bracket, an Arabic contextual
	// form: bidi.go).
	actual map[int]string
	bidi   *bidiInfo // resolved on first use (bidi.go)
	// flush, when set, is called by addText when the paragraph holds
	// flushAt atoms: it lays out and emits the complete lines and drops
	// their atoms (see paraStream).
	flush   func(*para)
	flushAt int
	stopped bool // cancelled while streamed: addText adds nothing more
}

// drop removes atoms [0, n), which have been emitted, with the ruby
// annotations and emoji texts over them (a line never ends inside a
// ruby base).
func (p *para) drop(n int) {
	p.atoms = p.atoms[:copy(p.atoms, p.atoms[n:])]
	rs := p.rubies[:0]
	for _, rb := range p.rubies {
		if rb.first >= n {
			rb.first -= n
			rb.last -= n
			rs = append(rs, rb)
		}
	}
	p.rubies = rs
	if len(p.actual) > 0 {
		act := map[int]string{}
		for i, s := range p.actual {
			if i >= n {
				act[i-n] = s
			}
		}
		p.actual = act
	}
}

// actualText returns the characters atom i stands for in the text layer.
func (p *para) actualText(i int) string {
	if s, ok := p.actual[i]; ok {
		return s
	}
	return string(p.atoms[i].r)
}

// joinMissing reports whether r, which no font has, continues the emoji
// sequence drawn as the box of the last atom: after a zero-width joiner, a
// skin-tone modifier, or the second regional indicator of a flag.
func (p *para) joinMissing(r rune) bool {
	n := len(p.atoms)
	if n == 0 || !p.atoms[n-1].is(fMissing) {
		return false
	}
	prev := p.actualText(n - 1)
	last, _ := utf8.DecodeLastRuneInString(prev)
	isRI := func(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }
	switch {
	case last == 0x200D:
		return true
	case r >= 0x1F3FB && r <= 0x1F3FF: // skin tones
		return true
	case isRI(r) && isRI(last) && utf8.RuneCountInString(prev) == 1:
		return true
	}
	return false
}

// appendActual adds r to the text of the missing-glyph atom i.
func (p *para) appendActual(i int, r rune) {
	if p.actual == nil {
		p.actual = map[int]string{}
	}
	p.actual[i] = p.actualText(i) + string(r)
}

func (p *para) fmtOf(f runFmt) int32 {
	if p.fmtIdx == nil {
		// Most paragraphs have a format or two: a map for each of a
		// million one-line paragraphs cost more than their text.
		for i := range p.fmts {
			if p.fmts[i] == f {
				return int32(i)
			}
		}
		if len(p.fmts) < 8 {
			p.fmts = append(p.fmts, f)
			return int32(len(p.fmts) - 1)
		}
		p.fmtIdx = make(map[runFmt]int32, 2*len(p.fmts))
		for i, g := range p.fmts {
			p.fmtIdx[g] = int32(i)
		}
	}
	if i, ok := p.fmtIdx[f]; ok {
		return i
	}
	i := int32(len(p.fmts))
	p.fmts = append(p.fmts, f)
	p.fmtIdx[f] = i
	return i
}

// addText appends the characters of s in format f. White space collapses
// to one space; characters that are not drawn (controls, format
// characters) are dropped; characters no font has become fMissing atoms
// and are counted for the report.
func (t *setter) addText(p *para, s string, f runFmt, ruby int) {
	fi := p.fmtOf(f)
	if n := utf8.RuneCountInString(s); cap(p.atoms)-len(p.atoms) < n {
		// Room for every character at once: paragraphs are long and
		// atoms large (but no more than a chunk of a streamed one).
		if p.flush != nil {
			n = min(n, streamChunk)
		}
		p.atoms = slices.Grow(p.atoms, n)
	}
	shaped, orig, unjoined := shapeArabic(s, func(r rune) bool { _, ok := t.fs.lookup(r, f.st); return ok })
	if shaped != nil {
		s = string(shaped) // contextual forms (arabic.go)
		t.content.unjoined += unjoined
	}
	k := -1 // index of r among the runes of s
	for i, r := range s {
		if p.stopped {
			return
		}
		k++
		if r == '\r' {
			continue
		}
		if isSpace(r) {
			if n := len(p.atoms); n == 0 || p.atoms[n-1].is(fSpace|fHard) {
				continue
			}
			r = ' '
		} else if fonts.Invisible(r) && r != 0x3000 && r != 0xA0 {
			if n := len(p.atoms); n > 0 && p.atoms[n-1].is(fMissing) {
				// A joiner or variation selector in an emoji sequence
				// drawn as a box: kept in the box's text.
				p.appendActual(n-1, r)
			}
			continue
		}
		a := atom{r: r, fmt: fi, ruby: int32(ruby)}
		e, ok := t.fs.lookup(r, f.st)
		prop := false
		if ok && t.widePunct && f.st&stMono == 0 && proportionalSymbols[r] && t.withLatin(p, s[i+utf8.RuneLen(r):]) {
			// ° ′ ″ ‰ § ± × → beside digits or Latin letters belong to
			// them (23°29′, 25°C, § 3, ±0.5, A → B): set in their
			// proportional Latin glyph, not in a full-width box.
			if le, lok := t.fs.lookupLatin(r, f.st); lok {
				e, prop = le, true
			}
		}
		if ok {
			a.face = e.face
			a.adv = e.face.advance(r) * f.size
			if e.synthBold {
				a.flags |= fSynthBold
			}
			switch {
			case f.st&stItalic != 0 && t.cjk && f.st&stMono == 0 && (isIdeographic(r) || isKana(r)):
				// Emphasis in CJK text: dots beside the characters
				// (傍点, 着重号), as the EPUB's text-emphasis, not a slant.
				a.flags |= fDot
			case f.st&stItalic != 0 && !e.face.font.Italic():
				a.flags |= fSlant // synthetic oblique
			}
		} else {
			if p.joinMissing(r) {
				p.appendActual(len(p.atoms)-1, r)
				t.noteMissing(r)
				continue
			}
			a.flags |= fMissing
			a.adv = f.size * 0.6
			if k := width.LookupRune(r).Kind(); k == width.EastAsianWide || k == width.EastAsianFullwidth || r > 0xFFFF {
				a.adv = f.size
			}
			t.noteMissing(r)
		}
		switch {
		case r == ' ':
			a.flags |= fSpace
		case isIdeographic(r):
			a.flags |= fIdeo | fWide
		case isLatinAlnum(r):
			a.flags |= fLatin
		}
		if !a.is(fSpace|fWide) && a.adv >= 0.8*f.size && f.st&stMono == 0 {
			if k := width.LookupRune(r).Kind(); k == width.EastAsianWide || k == width.EastAsianFullwidth ||
				k == width.EastAsianAmbiguous && a.face != nil && a.face.cjk {
				a.flags |= fWide
			}
		}
		if prop {
			a.flags |= fLatin // the quarter-em gap from ideographs, as for the digits
		}
		if t.widePunct && !prop && isAmbiguous(r) && a.face != nil && f.st&stMono == 0 && a.adv < f.size*0.95 {
			// A CJK mark the CJK font lacks (Droid Sans Fallback has no
			// curly quotes, ellipsis or middle dot), or has only in a
			// proportional glyph (AR PL UMing's §): the glyph is set in a
			// full-width box, as a CJK glyph would be. The box is
			// made in the embedded subset (advance one em, the outline
			// moved right for opening quotes, centred for dots) rather than
			// with spacing, so that text extraction sees no gap around it.
			align := alignCenter
			switch r {
			case '“', '‘':
				align = alignRight
			case '”', '’':
				align = alignLeft
			}
			a.face.widen(r, align)
			a.adv = f.size
			a.flags |= fWide
		}
		if n := len(p.atoms); n > 0 {
			prev := &p.atoms[n-1]
			if prev.is(fIdeo) && a.is(fLatin) || prev.is(fLatin) && a.is(fIdeo) {
				if !isHangul(prev.r) && !isHangul(a.r) {
					a.pre = 0.25 * max(f.size, p.fmts[prev.fmt].size)
				}
			}
		}
		if n := len(p.atoms); n > 0 && t.widePunct && a.is(fWide) {
			prev := &p.atoms[n-1]
			t.compressPair(prev, &a, p.fmts[prev.fmt].size, f.size)
		}
		p.atoms = append(p.atoms, a)
		if o, ok := orig[k]; ok {
			// A contextual form or a ligature stands for these letters.
			if p.actual == nil {
				p.actual = map[int]string{}
			}
			p.actual[len(p.atoms)-1] = o
		}
		if p.flush != nil && ruby < 0 && len(p.atoms) >= p.flushAt {
			p.flush(p)
		}
	}
}

// withLatin reports whether a proportional symbol about to be appended to
// p stands beside Latin text: after a Latin letter or digit (or such a
// symbol), or before one (rest is the text after the symbol), a space
// between them allowed.
func (t *setter) withLatin(p *para, rest string) bool {
	if n := len(p.atoms); n > 0 {
		prev := &p.atoms[n-1]
		if prev.is(fSpace) && n > 1 {
			prev = &p.atoms[n-2]
		}
		if prev.is(fLatin) && !prev.is(fWide) {
			return true
		}
	}
	rest = strings.TrimLeft(rest, " ")
	r, _ := utf8.DecodeRuneInString(rest)
	return r < 0x80 && isLatinAlnum(r) && r != '%'
}

// punctClass is the class of a full-width punctuation mark for the
// adjacency rules (see closingPunct).
type punctClass uint8

const (
	pcNone punctClass = iota
	pcClosing
	pcOpening
	pcMiddle
	// pcCentred: a pause or stop mark centred in its em box (Taiwan and
	// Hong Kong fonts), blank on both sides.
	pcCentred
)

// punctClassOf returns the class of x when it is a full-width mark set in
// a full em box (not compressed yet, not part of a ruby base), of a text
// of the given size.
func punctClassOf(x *atom, size float64) punctClass {
	if x.face == nil || x.face.base != nil || !x.is(fWide) || x.ruby >= 0 || x.adv < size*0.99 {
		return pcNone
	}
	if al, ok := x.face.wide[x.r]; ok {
		// A Latin quote in a full-width box (the CJK font lacks it).
		switch {
		case al == alignLeft && squeezableSet[x.r]:
			return pcClosing
		case al == alignRight && openingSet[x.r]:
			return pcOpening
		}
		return pcNone
	}
	if !x.face.cjk {
		return pcNone
	}
	switch {
	case squeezableSet[x.r] && x.face.centred(x.r):
		return pcCentred
	case squeezableSet[x.r]:
		return pcClosing
	case openingSet[x.r]:
		return pcOpening
	case middleSet[x.r]:
		return pcMiddle
	}
	return pcNone
}

// compressPair sets two adjacent full-width punctuation marks in 1.5 em
// instead of 2 (clreq 3.1.6, jlreq 3.1.4 and table 3): a closing mark
// before a closing, opening or middle mark loses the blank half after its
// glyph (`。」` `」、` `）。` `”“`); an opening mark after an opening or
// middle mark loses the blank half before its glyph (`「『` `：“`); a
// pause or stop mark centred in its em box (Taiwan and Hong Kong fonts)
// before another mark is set in a half em, its glyph centred. The
// compressed mark is drawn from the half-width variant of its face. sa and
// sb are the text sizes of a and b.
func (t *setter) compressPair(a, b *atom, sa, sb float64) {
	ca, cb := punctClassOf(a, sa), punctClassOf(b, sb)
	if ca == pcNone && (a.r == '！' || a.r == '？') && t.chinese() && a.face != nil && a.face.cjk &&
		a.face.base == nil && a.ruby < 0 && a.adv >= sa*0.99 {
		// In Chinese the question and exclamation marks are stops like
		// 。 (GB/T 15834 句末点號): `？」` takes 1.5 em. Japanese sets
		// them apart (jlreq cl-04), at 2 em.
		// The marks are narrow and upright: centred in the half em.
		if cb != pcNone {
			t.halve(a, alignCenter)
		}
		return
	}
	switch {
	case ca == pcNone || cb == pcNone:
	case ca == pcClosing:
		t.halve(a, alignLeft)
	case ca == pcCentred:
		// Its glyph would not fit the left half: it keeps its place in
		// the middle of a half em, like ？ and ！ above (`。」` in 1.5 em).
		t.halve(a, alignCenter)
	case cb == pcOpening:
		t.halve(b, alignRight)
	}
}

// chinese reports whether the document is in Chinese.
func (t *setter) chinese() bool { return strings.HasPrefix(strings.ToLower(t.lang), "zh") }

// halve draws a full-width mark from the half-width variant of its face,
// its glyph aligned as given in the half-em box.
func (t *setter) halve(a *atom, al alignment) bool {
	if a.face == nil || a.face.base != nil {
		return false
	}
	a.face = t.fs.halfFace(a.face)
	a.face.widen(a.r, al)
	a.adv /= 2
	return true
}

// halveClosing compresses a closing mark (glyph in the left half) to push
// a line in. A pause or stop mark centred in its em box, as Taiwan and
// Hong Kong fonts draw 。，、：；！？, stays centred in its half-em box.
func (t *setter) halveClosing(a *atom) bool {
	if a.face != nil && a.face.base == nil && a.face.centred(a.r) {
		return t.halve(a, alignCenter)
	}
	return t.halve(a, alignLeft)
}

// isKana reports whether r is a hiragana or katakana letter (not the
// middle dot).
func isKana(r rune) bool { return r >= 0x3041 && r <= 0x30FF && r != 0x30FB && r != 0x30A0 }

// emphasisDots draws the emphasis dots of the fDot atoms of line l: a
// filled dot of a fifth of an em centred on each character, above it in
// Japanese and Korean (above the ruby when there is one), below it in
// Chinese (GB/T 15834 着重号), as the EPUB's CSS places them. Dots are
// drawn, not set as text, so that text extraction sees the words alone.
func (t *setter) emphasisDots(p *para, l line, x0, base float64, fg *[]item) {
	below := strings.HasPrefix(strings.ToLower(t.lang), "zh")
	for i := l.s; i < l.e; i++ {
		a := &p.atoms[i]
		if !a.is(fDot) {
			continue
		}
		f := p.fmts[a.fmt]
		r := f.size * 0.1
		y := base - f.size*1.08
		switch {
		case below:
			y = base + f.size*0.33
		case a.ruby >= 0:
			y = base - f.size*(0.98+rubyScale*1.1)
		}
		*fg = append(*fg, item{kind: itDot, x: x0 + a.x + a.adv/2, y: y, w: r, color: f.color})
	}
}

// hardBreak appends a hard line break.
func (t *setter) hardBreak(p *para, f runFmt) {
	// Drop a space before the break.
	if n := len(p.atoms); n > 0 && p.atoms[n-1].is(fSpace) {
		p.atoms = p.atoms[:n-1]
	}
	p.atoms = append(p.atoms, atom{r: '\n', fmt: p.fmtOf(f), ruby: -1, flags: fHard})
}

// addInlines appends inlines in the base format f.
func (t *setter) addInlines(p *para, ins []convert.Inline, f runFmt) {
	for _, in := range ins {
		switch x := in.(type) {
		case *convert.Text:
			t.addTextLang(p, x.Text, f)
		case *convert.Strong:
			g := f
			g.st |= stBold
			t.addInlines(p, x.Inlines, g)
		case *convert.Emph:
			g := f
			g.st |= stItalic
			t.addInlines(p, x.Inlines, g)
		case *convert.Strike:
			g := f
			g.strike = true
			t.addInlines(p, x.Inlines, g)
		case *convert.Sub:
			t.addInlines(p, x.Inlines, subSup(f, false))
		case *convert.Sup:
			t.addInlines(p, x.Inlines, subSup(f, true))
		case *convert.Note:
			t.noteMark(p, x, f)
		case *convert.Code:
			g := f
			g.st = (g.st | stMono) &^ stItalic
			g.code = true
			if !t.cjk {
				// Liberation Mono's x-height is a fifth larger than
				// Liberation Serif's: at the same size code looks big.
				g.size = f.size * 0.9
			}
			t.addText(p, x.Text, g, -1)
		case *convert.Link:
			g := f
			g.link = t.linkTarget(x.URL)
			if g.link != "" && g.color == black {
				g.color = linkColor
			}
			if g.link != "" {
				g.tag = t.newElem("Link", f.tag)
			}
			t.addInlines(p, x.Inlines, g)
		case *convert.Ruby:
			first := len(p.atoms)
			ri := len(p.rubies)
			g := f
			var rt int32
			if x.Text != "" {
				// Ruby (RB, RT) in the structure; the base is a run of
				// its own.
				ruby := t.newElem("Ruby", f.tag)
				g.tag = t.newElem("RB", ruby)
				rt = t.newElem("RT", ruby)
			}
			t.addText(p, x.Base, g, ri)
			if last := len(p.atoms) - 1; last >= first && x.Text != "" {
				p.rubies = append(p.rubies, rubyAnn{text: x.Text, first: first, last: last, st: f.st &^ stBold, tag: rt})
				t.padRuby(p, ri, f)
			}
		case *convert.LineBreak:
			t.hardBreak(p, f)
		case *convert.Image:
			// An image among the text is its alt text (image.go).
			t.content.inlineImages++
			t.addText(p, x.Alt, f, -1)
		}
	}
}

// padRuby widens a ruby base whose annotation is wider than it, with equal
// space on both sides.
func (t *setter) padRuby(p *para, ri int, f runFmt) {
	rb := p.rubies[ri]
	aw := t.textWidth(rb.text, rb.st, f.size*rubyScale)
	bw := naturalWidth(p.atoms, rb.first, rb.last+1)
	if aw > bw {
		pad := (aw - bw) / 2
		p.atoms[rb.first].pre += pad
		p.atoms[rb.last].post += pad
		p.rubies[ri].pad = pad
	}
}

// overhangRubies lets an annotation wider than its base overhang the kana
// or punctuation mark beside it by up to one ruby character (jlreq 3.3.6,
// as Japanese books and InDesign set it), never a kanji nor another ruby
// base: the base keeps only the rest of its padding, so that 擱《さしお》き
// does not open gaps around 擱. The characters of the paragraph must all
// have been added.
func (t *setter) overhangRubies(p *para) {
	for i := range p.rubies {
		rb := &p.rubies[i]
		if rb.overhung || rb.pad <= 0 {
			rb.overhung = true
			continue
		}
		rb.overhung = true
		most := min(rb.pad, p.fmts[p.atoms[rb.first].fmt].size*rubyScale)
		if rb.first > 0 && overhangable(&p.atoms[rb.first-1]) {
			p.atoms[rb.first].pre -= most
		}
		if rb.last+1 < len(p.atoms) && overhangable(&p.atoms[rb.last+1]) {
			p.atoms[rb.last].post -= most
		}
	}
}

// overhangable reports whether a ruby annotation may overhang a: kana or a
// punctuation mark without ruby of its own.
func overhangable(a *atom) bool {
	if a.ruby >= 0 || a.is(fHard|fSpace|fMissing) {
		return false
	}
	return a.r >= 0x3041 && a.r <= 0x30FF && a.r != 0x30FB || isPunctMark(a.r)
}

// rubyScale is the size of ruby annotations relative to their base.
const rubyScale = 0.5

// textWidth measures s set solid in one line.
func (t *setter) textWidth(s string, st style, size float64) float64 {
	var p para
	t.addText(&p, s, runFmt{st: st, size: size, color: black}, -1)
	return naturalWidth(p.atoms, 0, len(p.atoms))
}

func (t *setter) noteMissing(r rune) {
	if t.missing == nil {
		t.missing = map[rune]int{}
	}
	t.missing[r]++
}

// layoutPara breaks a paragraph into lines of the given measure and
// positions the atoms.
func (t *setter) layoutPara(p *para, measure, indent float64, align alignment) []line {
	t.overhangRubies(p)
	brk := breaks(p.atoms, &t.seg, &t.rbuf, t.keepAll)
	em := t.size
	if len(p.fmts) > 0 {
		em = p.fmts[0].size
	}
	var lines []line
	if align == alignJustify {
		// Justified text: the best breaks for the whole paragraph.
		lines = t.fitLines(p, brk, t.hyphenPoints(p, brk), measure, indent, em)
	} else {
		t.kp.final = -1
		lines = breakLines(p.atoms, brk, measure, indent, em, t.halveClosing)
	}
	for i := range lines {
		lines[i].spaces = t.keepAll
		lines[i].off = position(p.atoms, lines[i], align)
		if i == 0 {
			lines[i].off += indent
		}
	}
	t.mirrorLines(p, lines, measure) // right-to-left paragraphs (bidi.go)
	return lines
}

// emitLine turns a laid-out line into page items: positioned text runs
// (one per stretch of atoms with the same font, format and spacing, drawn
// with a character spacing), boxes for missing glyphs, link areas, strike
// lines, code backgrounds and ruby annotations. x0 is the left of the
// measure, base the baseline, both relative to the slice.
func (t *setter) emitLine(p *para, l line, x0, base float64, items *[]item) {
	p, l = t.visualLine(p, l) // bidirectional text in display order (bidi.go)
	x0 += l.off
	var bg []item
	var fg []item
	for s := l.s; s < l.e; {
		a := &p.atoms[s]
		if a.is(fHard) {
			s++
			continue
		}
		f := p.fmts[a.fmt]
		base := base - f.rise // superscripts and subscripts (notes.go)
		if a.is(fMissing) {
			fg = append(fg, item{kind: itBox, x: x0 + a.x + a.adv*0.1, y: base - f.size*0.75, w: a.adv * 0.8, h: f.size * 0.85, color: f.color})
			// The characters go into the text layer as the /ActualText of
			// a space as wide as the box (up to the next atom, so that
			// extraction sees no gap).
			if e, ok := t.fs.lookup(' ', f.st); ok {
				e.face.use(' ')
				w := a.adv
				if s+1 < l.e {
					w = p.atoms[s+1].x - a.x
				}
				fg = append(fg, item{kind: itActual, x: x0 + a.x, y: base, face: e.face, size: f.size,
					tc: w - e.face.advance(' ')*f.size, text: p.actualText(s), tag: f.tag})
			}
			s++
			continue
		}
		// The run's character spacing Tc is the gap after each of its
		// atoms, so that every glyph's box (advance + Tc) reaches the next
		// glyph: text extraction then sees no gap inside a line and adds
		// no space (between CJK characters, around quotes set full width,
		// at the quarter-em Han–Latin gaps). An atom followed by a
		// different gap starts a run of its own.
		gap := func(j int) (float64, bool) {
			if j+1 >= l.e {
				return 0, false // the line's last atom: any spacing fits
			}
			return p.atoms[j+1].x - p.atoms[j].x - p.atoms[j].adv, true
		}
		tc, _ := gap(s)
		e := s + 1
		for ; e < l.e && !ownSpan(p, s); e++ {
			b := &p.atoms[e]
			if ownSpan(p, e) {
				break
			}
			if b.face != a.face || b.fmt != a.fmt || b.flags&(fSynthBold|fSlant|fMissing|fHard|fRTL) != a.flags&(fSynthBold|fSlant|fMissing|fHard|fRTL) {
				break
			}
			if g, ok := gap(e); ok && (g-tc > 0.002 || tc-g > 0.002) {
				break
			}
		}
		if g, ok := gap(e - 1); e == s+1 && ok {
			tc = g
		}
		var sb strings.Builder
		for j := s; j < e; j++ {
			if !t.measuring {
				sb.WriteRune(p.atoms[j].r)
			}
			a.face.use(p.atoms[j].r)
		}
		last := &p.atoms[e-1]
		w := last.x + last.width() - a.x
		x := x0 + a.x
		it := item{kind: itText, x: x, y: base, face: a.face, size: f.size, tc: tc,
			synth: a.is(fSynthBold), slant: a.is(fSlant), color: f.color, text: sb.String(), tag: f.tag}
		if ownSpan(p, s) {
			it.actual = visualActual(p.actualText(s)) // bidi.go
		}
		if f.note > 0 {
			it.actual = noteActual(int(f.note)) // the mark reads "[1]" (notes.go)
		}
		if it.actual == "" && e == l.e && l.hyph == 0 && last.r == '-' && !t.measuring {
			// A line ending with a hyphen-minus of the text (a paragraph
			// or a line ending "--"; no other line may end so): pdftotext
			// takes any line-final "-" for hyphenation and drops it. A
			// zero-width space after it in the text layer keeps it.
			it.actual = it.text + "\u200b"
		}
		fg = append(fg, it)
		if f.code {
			bg = append(bg, item{kind: itRect, x: x - f.size*0.1, y: base - f.size*0.85, w: w + f.size*0.2, h: f.size * 1.1, fill: true, color: rgb{0.93, 0.93, 0.93}})
		}
		if f.strike {
			fg = append(fg, item{kind: itLine, x: x, y: base - f.size*0.3, w: w, lw: f.size * 0.05, color: f.color})
		}
		if f.link != "" {
			fg = append(fg, item{kind: itLink, x: x, y: base - f.size*0.9, w: w, h: f.size * 1.15, url: f.link, tag: f.tag})
		}
		if f.note > 0 {
			fg = append(fg, item{kind: itNote, dest: int(f.note)})
		}
		s = e
	}
	if l.hyph > 0 && l.e > l.s {
		// The hyphen of a word hyphenated at the line end: real text, so
		// that text extraction joins the word again.
		last := &p.atoms[l.e-1]
		f := p.fmts[last.fmt]
		last.face.use('-')
		fg = append(fg, item{kind: itText, x: x0 + last.x + last.width(), y: base, face: last.face, size: f.size,
			synth: last.is(fSynthBold), slant: last.is(fSlant), color: f.color, text: "-"})
	}
	t.emphasisDots(p, l, x0, base, &fg)
	// Rubies are in order: those of the line are found by bisection, not
	// by a walk over the paragraph's for every line.
	from := sort.Search(len(p.rubies), func(i int) bool { return p.rubies[i].first >= l.s })
	for _, rb := range p.rubies[from:] {
		if rb.first >= l.e {
			break
		}
		f := p.fmts[p.atoms[rb.first].fmt]
		size := f.size * rubyScale
		var rp para
		t.addText(&rp, rb.text, runFmt{st: rb.st, size: size, color: f.color, tag: rb.tag}, -1)
		rl := line{s: 0, e: len(rp.atoms), width: naturalWidth(rp.atoms, 0, len(rp.atoms))}
		position(rp.atoms, rl, alignLeft)
		last := min(rb.last, l.e-1)
		left := x0 + p.atoms[rb.first].x
		right := x0 + p.atoms[last].x + p.atoms[last].width()
		rx := (left + right - rl.width) / 2
		// At a line start or end the annotation is aligned with the line's
		// edge rather than overhang the margin (jlreq 3.3.8).
		if l.e > l.s {
			lineL := x0 + p.atoms[l.s].x
			lineR := x0 + p.atoms[l.e-1].x + p.atoms[l.e-1].width()
			if rx+rl.width > lineR {
				rx = lineR - rl.width
			}
			rx = max(rx, lineL)
		}
		t.emitLine(&rp, rl, rx, base-f.size*0.98, &fg)
	}
	*items = append(*items, bg...)
	*items = append(*items, fg...)
}
