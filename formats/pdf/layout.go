package pdf

import (
	"math"
	"strings"

	"github.com/go-text/typesetting/segmenter"
)

// The line layout engine: a paragraph is a sequence of atoms (one per
// character, with its font, size and advance), broken into lines at
// UAX #14 opportunities tailored with the clreq prohibition rules, then
// justified by spreading the slack between characters.

// atom flags.
const (
	fSpace     uint16 = 1 << iota // breakable white space (hangs at line end)
	fWide                         // full-width glyph (ideograph, kana, CJK punctuation)
	fIdeo                         // ideograph, kana or Hangul syllable
	fLatin                        // Latin/Greek/Cyrillic letter or digit
	fHard                         // hard line break (the atom is not drawn)
	fSynthBold                    // draw with synthetic bold (fill + stroke)
	fMissing                      // no font has the glyph: draw a box
	fSlant                        // draw slanted (synthetic oblique)
	fRTL                          // in a right-to-left run, drawn in visual order (bidi.go)
	fDot                          // emphasis dot beside the character (CJK emphasis)
)

// atom is one character of a paragraph as laid out.
type atom struct {
	r     rune
	face  *face // nil for fHard and fMissing atoms
	fmt   int32 // index into para.fmts
	ruby  int32 // index into para.rubies, -1 when none
	flags uint16
	adv   float64 // advance in pt
	pre   float64 // extra space before the atom (dropped at line start)
	post  float64 // extra space after the atom (dropped at line end)
	x     float64 // position in the line after justification
}

func (a *atom) is(f uint16) bool { return a.flags&f != 0 }

// width is the advance the atom occupies on its line.
func (a *atom) width() float64 {
	return a.adv
}

// line is a range of atoms [s, e) of a paragraph. e excludes trailing
// spaces and the hard break that ended it.
type line struct {
	s, e    int
	width   float64 // natural width
	avail   float64 // measure for this line
	off     float64 // x offset of the line in the measure (indent, centring)
	justify bool
	// spaces puts all of the justification slack into the spaces (Korean)
	spaces bool
	// hyph is the width of the hyphen drawn after the line's last atom
	// (hyphenated at a hyphenation point), 0 when none.
	hyph float64
	// em, when set, is the size of the paragraph's text: the slack is then
	// shared between the gaps by their stretch or shrink (gapFlex), as the
	// paragraph was broken (knuth.go).
	em float64
}

// breaks returns, for each atom index i, whether a line may break before
// atom i: the UAX #14 line break opportunities, tailored with the clreq
// rules (no line start with closing punctuation, no line end with opening
// punctuation, doubled dashes and ellipses kept together, numbers kept
// with their units, Korean broken at spaces only, ruby kept whole).
// keepAll (Korean documents) allows breaks next to Hangul, ideographs and
// full-width marks only after spaces, as CSS word-break: keep-all does.
func breaks(atoms []atom, seg *segmenter.Segmenter, bufp *[]rune, keepAll bool) []bool {
	n := len(atoms)
	brk := make([]bool, n+1)
	if n == 0 {
		return brk
	}
	buf := (*bufp)[:0]
	for i := range atoms {
		r := atoms[i].r
		switch {
		case atoms[i].is(fHard):
			r = '\n'
		case atoms[i].is(fMissing) && r > 0xFFFF:
			r = 0xFFFD
		}
		buf = append(buf, r)
	}
	*bufp = buf
	seg.Init(buf)
	it := seg.LineIterator()
	for it.Next() {
		l := it.Line()
		if e := l.Offset + len(l.Text); e < n {
			brk[e] = true
		}
	}
	urlBreaks(atoms, buf, brk)
	for i := 1; i < n; i++ {
		if !brk[i] {
			// UAX #14 keeps an ideograph and a following opening bracket of
			// the halfwidth kind together in some contexts; the CJK rules
			// below decide alone between two wide characters.
			if atoms[i-1].is(fWide) && atoms[i].is(fWide) && !atoms[i-1].is(fSpace) {
				brk[i] = true
			} else {
				continue
			}
		}
		a, b := atoms[i-1].r, atoms[i].r
		switch {
		case atoms[i].is(fSpace):
			brk[i] = false // spaces hang: break after them, not before
		case startProhibited[b] || endProhibited[a]:
			brk[i] = false
		case a == b && inseparableSet[a]:
			brk[i] = false
		case isDigit(a) && atoms[i].is(fIdeo) && !isHangul(b):
			brk[i] = false // 410億, 2023年
		case (isHangul(a) || isHangul(b)) && !atoms[i-1].is(fSpace) &&
			(isHangul(a) || atoms[i-1].is(fLatin)) && (isHangul(b) || atoms[i].is(fLatin)):
			brk[i] = false // Korean: keep-all, break at spaces
		case atoms[i-1].ruby >= 0 && atoms[i-1].ruby == atoms[i].ruby:
			brk[i] = false
		case a == ' ' && i >= 2 && (atoms[i-2].r == '§' || atoms[i-2].r == '¶') && isDigit(b):
			brk[i] = false // § 3 stays together, as with a no-break space
		case a == '-' || a == ' ' && i >= 2 && atoms[i-2].r == '-':
			// No line ends with a hyphen-minus: pdftotext would take it
			// for hyphenation and drop it. Compounds break at spaces, a
			// dash typed as -- goes to the next line.
			brk[i] = false
		case keepAll && !atoms[i-1].is(fSpace) && (atoms[i-1].is(fWide|fIdeo) || atoms[i].is(fWide|fIdeo) || isHangul(a) || isHangul(b)):
			brk[i] = false // Korean words (eojeol) stay whole, brackets and quotes included
		}
	}
	return brk
}

// urlDelims are the characters after which a URL may break; it breaks
// before a hyphen (see breaks).
const urlDelims = "/?&=._"

// token returns the extent [s, e) of the run of atoms around i that are
// neither spaces, hard breaks nor full width: a Latin word, number or URL.
func token(atoms []atom, i int) (s, e int) {
	const stop = fSpace | fHard | fWide
	if atoms[i].is(stop) {
		return i, i
	}
	s, e = i, i+1
	for s > 0 && !atoms[s-1].is(stop) {
		s--
	}
	for e < len(atoms) && !atoms[e].is(stop) {
		e++
	}
	return s, e
}

// urlBreaks allows breaks after the delimiters of URLs (/ ? & = . _,
// not inside runs of them such as //) and before their hyphens, which
// UAX #14 mostly forbids.
func urlBreaks(atoms []atom, rs []rune, brk []bool) {
	n := len(atoms)
	for i := 0; i < n; {
		if atoms[i].is(fSpace | fHard | fWide) {
			i++
			continue
		}
		s, e := token(atoms, i)
		i = e
		if e-s < 8 || !isURL(rs[s:e]) {
			continue
		}
		for k := s; k+2 < e; k++ {
			next := rs[k+1]
			if strings.ContainsRune(urlDelims, rs[k]) && !strings.ContainsRune(urlDelims+":-", next) {
				brk[k+1] = true
			}
			if next == '-' && k > s && !strings.ContainsRune(urlDelims+":-", rs[k]) {
				brk[k+1] = true
			}
		}
	}
}

// isURL reports whether a token looks like a URL: a scheme followed by
// "://", or a "www." host.
func isURL(rs []rune) bool {
	str := string(rs)
	if strings.HasPrefix(str, "www.") {
		return true
	}
	i := strings.Index(str, "://")
	return i > 0 && !strings.ContainsAny(str[:i], "/.?&=")
}

// breakLines fills lines greedily. measure is the width of every line;
// indent is taken off the first. When a line must end where the rules
// forbid, a closing punctuation mark is pushed in (compressed to half
// width) if that makes it fit, else the break moves back to the previous
// opportunity (the previous character is pulled down to the next line).
// Compressing a mark inside the line calls halve (nil: no compression).
// Lines never overflow the measure unless a single character is wider.
//
// em (0: no such care, for code) is the size of the text: a line whose
// justification would open gaps wider than an em, because a long word or
// URL follows, is rather filled by breaking that word at the measure (when
// it is longer than a line anyway, or when the break would leave more than
// a third of the line empty inside a URL) or else left ragged.
func breakLines(atoms []atom, brk []bool, measure, indent, em float64, halve func(*atom) bool) []line {
	var lines []line
	n := len(atoms)
	s := 0
	first := true
	for s < n {
		for s < n && atoms[s].is(fSpace) {
			s++
		}
		if s >= n {
			break
		}
		if a := &atoms[s]; a.face != nil && a.face.base != nil && openingSet[a.r] && halve != nil {
			// An opening mark compressed after the mark that now ends the
			// previous line (`：` | `“`) takes its em back at the line
			// start, like every other opening mark there.
			a.face = a.face.base
			a.adv *= 2
		}
		avail := measure
		if first {
			avail -= indent
		}
		first = false
		w := 0.0
		last := -1 // last break opportunity after s
		end := -1  // where the line ends
		next := -1 // where the next line starts
		hard, ragged := false, false
		for i := s; i < n; i++ {
			a := &atoms[i]
			if a.is(fHard) {
				end, next, hard = i, i+1, true
				break
			}
			if i > s && brk[i] {
				last = i
			}
			add := a.adv
			if i > s {
				add += a.pre + atoms[i-1].post
			}
			if a.is(fSpace) {
				w += add
				continue
			}
			if w+add <= avail+1e-6 {
				w += add
				continue
			}
			// Overflow at i. When the line may not end before i (i is a
			// closing mark, or i-1 an opening one), push in if compressing
			// the mark at i to half width at the line end makes the line
			// fit, else pull down to the last opportunity. A lone mark
			// inside the line keeps its full width (clreq 3.1.6: only
			// marks in a run and at a line end are compressed): a
			// half-width comma or full stop mid-line reads as a Latin one.
			if i > s && !brk[i] && (i+1 >= n || brk[i+1] || atoms[i+1].is(fHard)) &&
				halve != nil && squeezableSet[a.r] && a.is(fWide) && a.face != nil && a.face.base == nil &&
				w+add-a.adv/2 <= avail+1e-6 && halve(a) {
				end, next = i+1, i+1
				break
			}
			if last > s {
				var fill bool
				fill, ragged = wideGaps(atoms, s, last, i, avail, measure, em)
				if !fill {
					end, next = last, last
					break
				}
			}
			// No opportunity, or a long word or URL that fills the line:
			// an emergency break before i, moved back over
			// line-start-prohibited marks.
			ragged = false
			b := i
			for b > s+1 && (startProhibited[atoms[b].r] || atoms[b-1].r == '-') {
				b--
			}
			if b <= s {
				b = s + 1
			}
			end, next = b, b
			break
		}
		if end < 0 {
			end, next = n, n
			hard = true // last line: not justified
		}
		lines = append(lines, line{s: s, e: end, avail: avail, justify: !hard && !ragged && end < n})
		s = next
	}
	avoidShortLastLine(atoms, brk, lines, em)
	for i := range lines {
		l := &lines[i]
		for l.e > l.s && atoms[l.e-1].is(fSpace) {
			l.e--
		}
		if halve != nil && l.e-l.s >= 2 {
			// A pair of marks at the line end (`。」`, `）。`) takes one
			// em: the first was compressed with the pair, the last loses
			// its blank half too.
			a, b := &atoms[l.e-2], &atoms[l.e-1]
			if a.face != nil && a.face.base != nil && squeezableSet[b.r] &&
				b.is(fWide) && b.face != nil && b.face.base == nil {
				halve(b)
			}
		}
		l.width = naturalWidth(atoms, l.s, l.e)
	}
	return lines
}

// wideGaps decides what to do when a line from s would break at last
// because atom i overflows it, if justifying the line would open gaps
// wider than an em: fill the line by breaking the word or URL containing i
// at the measure, or leave the line ragged.
func wideGaps(atoms []atom, s, last, i int, avail, measure, em float64) (fill, ragged bool) {
	if em <= 0 {
		return false, false
	}
	e := last
	for e > s && atoms[e-1].is(fSpace) {
		e--
	}
	w := naturalWidth(atoms, s, e)
	weights := 0
	for j := s + 1; j < e; j++ {
		weights += gapWeight(atoms, j)
	}
	slack := avail - w
	// A word space is about a quarter em: gaps stay under an em when
	// each gets at most 0.7 em more.
	wide := weights > 0 && slack > 0.7*em*float64(weights)
	const stop = fSpace | fHard | fWide
	inWord := !atoms[last-1].is(stop)
	for j := last; j <= i && inWord; j++ {
		inWord = !atoms[j].is(stop)
	}
	switch {
	case inWord:
		// Inside the word or URL, at one of its break opportunities:
		// fill the line if that break leaves a third of it empty.
		if slack > avail/3 {
			return true, false
		}
	case (wide || weights == 0) && slack >= 2*em && !atoms[last].is(stop) && wordWider(atoms, last, measure):
		// Longer than any line, after a line that would be left with
		// wide gaps or nearly empty: start it here.
		return true, false
	}
	return false, wide
}

// wordWider reports whether the word or URL starting at s is wider than w
// (it looks no further than w).
func wordWider(atoms []atom, s int, w float64) bool {
	x := 0.0
	for j := s; j < len(atoms) && !atoms[j].is(fSpace|fHard|fWide); j++ {
		x += atoms[j].adv
		if j > s {
			x += atoms[j].pre + atoms[j-1].post
		}
		if x > w {
			return true
		}
	}
	return false
}

// avoidShortLastLine pulls a character down when the last line of a
// paragraph would hold a single character (plus punctuation).
func avoidShortLastLine(atoms []atom, brk []bool, lines []line, em float64) {
	k := len(lines)
	if k < 2 || !lines[k-1].justify && !lines[k-2].justify {
		return
	}
	prev, last := &lines[k-2], &lines[k-1]
	if !prev.justify || prev.e != last.s { // ended by a hard break
		return
	}
	count := 0
	for i := last.s; i < last.e; i++ {
		if !atoms[i].is(fSpace) && !startProhibited[atoms[i].r] {
			count++
		}
	}
	if count > 1 || !atoms[last.s].is(fIdeo) {
		return
	}
	for b := prev.e - 1; b > prev.s+2; b-- {
		if !brk[b] || atoms[b].face != nil && atoms[b].face.base != nil && openingSet[atoms[b].r] {
			continue
		}
		// Marks compressed to push the line in stay compressed: the line,
		// now shorter, just has more slack to spread.
		if naturalWidth(atoms, b, last.e) > last.avail {
			return
		}
		if fill, ragged := wideGaps(atoms, prev.s, b, b, prev.avail, prev.avail, em); fill || ragged {
			return // the line would open wide gaps
		}
		prev.e, last.s = b, b
		return
	}
}

// naturalWidth is the width of atoms [s, e) set solid.
func naturalWidth(atoms []atom, s, e int) float64 {
	w := 0.0
	for i := s; i < e; i++ {
		w += atoms[i].width()
		if i > s {
			w += atoms[i].pre + atoms[i-1].post
		}
	}
	return w
}

// alignment of the lines of a paragraph.
type alignment uint8

const (
	alignJustify alignment = iota
	alignLeft
	alignCenter
	alignRight
)

// position sets atoms[i].x for the atoms of l, relative to the line's
// start, and returns the x offset of the line within the measure (for
// centered and right-aligned lines). Justified lines spread their slack
// over the gaps between wide characters and the spaces; lines with no
// such gap stay flush left.
func position(atoms []atom, l line, align alignment) float64 {
	slack := l.avail - l.width
	if l.em > 0 && align == alignJustify && l.justify && (slack > 1e-6 || slack < -1e-6) {
		positionFlex(atoms, l, slack)
		return 0
	}
	per := 0.0
	if align == alignJustify && l.justify && slack > 1e-6 {
		weights := 0
		for j := l.s + 1; j < l.e; j++ {
			weights += l.gapWeight(atoms, j)
		}
		if weights > 0 {
			per = slack / float64(weights)
		}
	}
	x := 0.0
	for j := l.s; j < l.e; j++ {
		if j > l.s {
			x += atoms[j-1].width() + atoms[j-1].post + atoms[j].pre
			if per > 0 {
				x += per * float64(l.gapWeight(atoms, j))
			}
		}
		atoms[j].x = x
	}
	switch align {
	case alignCenter:
		return math.Max(0, slack/2)
	case alignRight:
		return math.Max(0, slack)
	}
	return 0
}

// positionFlex sets the positions of a justified line's atoms, sharing
// the slack (negative: the excess) between the gaps in proportion to their
// stretch (shrink).
func positionFlex(atoms []atom, l line, slack float64) {
	total := 0.0
	for j := l.s + 1; j < l.e; j++ {
		st, sh := gapFlex(atoms, j, l.em, l.spaces)
		if slack > 0 {
			total += st
		} else {
			total += sh
		}
	}
	ratio := 0.0
	if total > 0 {
		ratio = slack / total
		if ratio < -1 {
			ratio = -1
		}
	}
	x := 0.0
	for j := l.s; j < l.e; j++ {
		if j > l.s {
			x += atoms[j-1].width() + atoms[j-1].post + atoms[j].pre
			if ratio != 0 {
				st, sh := gapFlex(atoms, j, l.em, l.spaces)
				if slack > 0 {
					x += ratio * st
				} else {
					x += ratio * sh
				}
			}
		}
		atoms[j].x = x
	}
}

// gapWeight is gapWeight(atoms, j), counting only spaces when the line
// puts its slack into spaces.
func (l line) gapWeight(atoms []atom, j int) int {
	if l.spaces {
		if atoms[j-1].is(fSpace) {
			return 1
		}
		return 0
	}
	return gapWeight(atoms, j)
}

// gapWeight is the share of the justification slack that goes before atom
// j: one after a space and between two characters one of which is wide,
// none inside Latin words, doubled dashes or ruby bases.
func gapWeight(atoms []atom, j int) int {
	a, b := &atoms[j-1], &atoms[j]
	switch {
	case a.is(fSpace):
		return 1
	case b.is(fSpace):
		return 0
	case a.r == b.r && inseparableSet[a.r]:
		return 0
	case a.ruby >= 0 && a.ruby == b.ruby:
		return 0
	case isPunctMark(a.r) && isPunctMark(b.r) && a.is(fWide) && b.is(fWide):
		return 0 // a compressed pair of marks stays 1.5 em
	case isHangul(a.r) || isHangul(b.r):
		return 0 // Korean is justified at its spaces, like Latin text
	case a.is(fWide) || b.is(fWide):
		return 1
	}
	return 0
}
