package pdf

import (
	"slices"
	"sort"
	"unicode"

	gbidi "github.com/go-text/typesetting/bidi"
	xbidi "golang.org/x/text/unicode/bidi"

	"github.com/docconv/docconv/convert"
)

// Bidirectional text (Hebrew, Arabic and other right-to-left scripts)
// follows the Unicode Bidirectional Algorithm (UAX #9): the embedding
// levels of a paragraph's characters are resolved once, in logical order,
// by go-text's implementation; lines are broken in logical order as for
// any text; then each line is reordered for display (rules L1–L2:
// the runs of each level reversed, from the highest level down), with
// combining marks kept on their base character and mirrored brackets
// (rule L4) swapped. The paragraph direction is that of its first strong
// character (rules P2–P3, like HTML's dir="auto"): a paragraph that starts
// in Hebrew is set right to left, its lines flush right and its first-line
// indent on the right. Text extraction reads the characters in logical
// order: every right-to-left run is drawn inside a /ActualText span
// holding its logical text.

// bidiInfo is the resolved bidi state of a paragraph: nil levels when it
// has no right-to-left character (nothing to do).
type bidiInfo struct {
	levels []gbidi.Level
	rtl    bool // paragraph direction right to left
}

// bidiOf resolves the embedding levels of p's atoms, once per paragraph.
func (t *setter) bidiOf(p *para) *bidiInfo {
	if p.bidi != nil {
		return p.bidi
	}
	p.bidi = &bidiInfo{}
	need := false
	for i := range p.atoms {
		if convert.IsRTL(p.atoms[i].r) {
			need = true
			break
		}
	}
	if !need {
		return p.bidi
	}
	rs := make([]rune, len(p.atoms))
	dir := gbidi.LeftToRight
	strong := false
	for i := range p.atoms {
		r := p.atoms[i].r
		if p.atoms[i].is(fHard) {
			r = '\u2028' // a line break inside the paragraph: white space
		}
		if s, ok := p.actual[i]; ok && !p.atoms[i].is(fMissing) {
			for _, c := range s { // a ligature (lam-alef): its first letter
				r = c
				break
			}
		}
		rs[i] = r
		if !strong {
			switch c := classOf(r); c {
			case xbidi.L:
				strong = true
			case xbidi.R, xbidi.AL:
				strong, dir = true, gbidi.RightToLeft
			}
		}
	}
	var bp gbidi.Paragraph
	runs := bp.Segment(rs, dir)
	levels := make([]gbidi.Level, len(rs))
	for i := 0; i < runs.NumRuns(); i++ {
		run := runs.Run(i)
		for j := run.Start; j < run.End && j < len(levels); j++ {
			levels[j] = run.Level
		}
	}
	p.bidi.levels = levels
	p.bidi.rtl = dir == gbidi.RightToLeft
	return p.bidi
}

func classOf(r rune) xbidi.Class {
	props, _ := xbidi.LookupRune(r)
	return props.Class()
}

// mirrorLines places the lines of a right-to-left paragraph from the right
// edge of the measure: flush right where a left-to-right line is flush
// left, the first-line indent on the right. Centred lines stay centred.
func (t *setter) mirrorLines(p *para, lines []line, measure float64) {
	if b := t.bidiOf(p); b.levels == nil || !b.rtl {
		return
	}
	for i := range lines {
		l := &lines[i]
		if l.e <= l.s {
			continue
		}
		last := &p.atoms[l.e-1]
		ext := last.x + last.width() - p.atoms[l.s].x
		l.off = max(0, measure-l.off-ext)
	}
}

// visualLine returns the paragraph and line to draw for l: p itself when
// the line is all left to right, else a copy whose atoms [l.s, l.e) are in
// visual order (rules L1–L2), with their x positions laid out again in
// that order and the mirrored brackets of right-to-left runs swapped. The
// copy's atoms carry fRTL in right-to-left runs, and its actual texts say
// what those atoms stand for in logical order.
func (t *setter) visualLine(p *para, l line) (*para, line) {
	b := t.bidiOf(p)
	if b.levels == nil || l.e-l.s < 1 {
		return p, l
	}
	lv := b.levels[l.s:l.e]
	base := gbidi.Level(0)
	if b.rtl {
		base = 1
	}
	mixed := false
	for _, x := range lv {
		if x%2 == 1 || x != base {
			mixed = true
			break
		}
	}
	if !mixed {
		return p, l
	}
	// Clusters: a base character and the combining marks after it move
	// together.
	type cluster struct {
		s, e  int // atom range, absolute
		level gbidi.Level
	}
	cs := make([]cluster, 0, l.e-l.s)
	for i := l.s; i < l.e; i++ {
		if len(cs) > 0 && unicode.Is(unicode.Mn, p.atoms[i].r) {
			cs[len(cs)-1].e = i + 1
			continue
		}
		level := b.levels[i]
		if p.atoms[i].is(fSpace) && i+1 == l.e {
			level = base // L1: trailing white space at the paragraph level
		}
		cs = append(cs, cluster{s: i, e: i + 1, level: level})
	}
	// L2: from the highest level down to the lowest odd one, reverse every
	// run of clusters at that level or higher.
	hi, lowOdd := gbidi.Level(0), gbidi.Level(127)
	for _, c := range cs {
		hi = max(hi, c.level)
		if c.level%2 == 1 {
			lowOdd = min(lowOdd, c.level)
		}
	}
	for lvl := hi; lvl >= lowOdd && lvl > 0; lvl-- {
		for i := 0; i < len(cs); {
			if cs[i].level < lvl {
				i++
				continue
			}
			j := i
			for j < len(cs) && cs[j].level >= lvl {
				j++
			}
			slices.Reverse(cs[i:j])
			i = j
		}
	}
	// The widths each atom takes on the line (its advance and the gap
	// after it, justification included), laid out again in visual order.
	slot := func(i int) float64 {
		if i+1 < l.e {
			return p.atoms[i+1].x - p.atoms[i].x
		}
		return p.atoms[i].width()
	}
	// The copy holds the line's atoms only, from index 0 (a copy of the
	// whole paragraph for every line cost the square of its length).
	q := *p
	q.atoms = make([]atom, l.e-l.s)
	q.actual = map[int]string{}
	remap := make(map[int]int, l.e-l.s) // logical atom index → visual, in q
	x := p.atoms[l.s].x
	k := 0
	for _, c := range cs {
		for i := c.s; i < c.e; i++ {
			a := p.atoms[i]
			a.x = x
			x += slot(i)
			if c.level%2 == 1 {
				a.flags |= fRTL
				m := mirrored[a.r]
				if props, _ := xbidi.LookupRune(a.r); props.IsBracket() {
					m = mirrorBracket(a.r)
				}
				if _, ok := p.actual[i]; !ok && m != 0 && m != a.r {
					if e, ok := t.fs.lookup(m, p.fmts[a.fmt].st); ok && e.face == a.face {
						q.actual[k] = string(a.r) // extraction reads the original
						a.r = m
					}
				}
			}
			q.atoms[k] = a
			remap[i] = k
			k++
		}
	}
	for i := l.s; i < l.e; i++ {
		if s, ok := p.actual[i]; ok {
			q.actual[remap[i]] = s
		}
	}
	q.rubies = nil
	from := sort.Search(len(p.rubies), func(i int) bool { return p.rubies[i].first >= l.s })
	for _, rb := range p.rubies[from:] {
		if rb.first >= l.e {
			break
		}
		rb.first = remap[rb.first]
		if j, ok := remap[rb.last]; ok {
			rb.last = j
		} else {
			rb.last -= l.s
		}
		if rb.first > rb.last {
			rb.first, rb.last = rb.last, rb.first
		}
		q.rubies = append(q.rubies, rb)
	}
	sort.SliceStable(q.rubies, func(i, j int) bool { return q.rubies[i].first < q.rubies[j].first })
	l.e -= l.s
	l.s = 0
	return &q, l
}

// mirrorBracket returns the mirrored counterpart of a paired bracket.
func mirrorBracket(r rune) rune {
	if m := xbidi.ReverseString(string(r)); m != "" {
		for _, c := range m {
			return c
		}
	}
	return r
}

// ownSpan reports whether atom i of a right-to-left run is drawn with
// another character than the one it stands for (a mirrored bracket, an
// Arabic contextual form or ligature): it is then drawn on its own, in a
// /ActualText span giving the character(s) of the text.
func ownSpan(p *para, i int) bool {
	if !p.atoms[i].is(fRTL) || p.atoms[i].is(fMissing) {
		return false
	}
	_, ok := p.actual[i]
	return ok
}

// visualActual returns the /ActualText of an atom of a right-to-left run:
// its characters in visual order, since text extraction (poppler, MuPDF)
// takes right-to-left text as drawn in visual order and reverses it.
func visualActual(s string) string {
	rs := []rune(s)
	slices.Reverse(rs)
	return string(rs)
}

// mirrored are the Bidi_Mirrored characters other than paired brackets
// (which bidi.Properties knows) that text commonly uses: a right-to-left
// run draws their mirror image (rule L4).
var mirrored = map[rune]rune{
	'<': '>', '>': '<', '«': '»', '»': '«', '‹': '›', '›': '‹', '≤': '≥', '≥': '≤',
	'≪': '≫', '≫': '≪', '⊂': '⊃', '⊃': '⊂', '⊆': '⊇', '⊇': '⊆', '∈': '∋', '∋': '∈',
}
