package pdf

import (
	"strings"
	"unicode"

	"github.com/docconv/docconv/formats/pdf/internal/hyph"
)

// Hyphenation of Latin-script words for the paragraph breaker
// (knuth.go), from the TeX patterns of the document's language
// (internal/hyph). A word is hyphenated only where a break there lowers
// the paragraph's demerits (the hyphen penalty is TeX's 50), with at least
// two letters before the hyphen and three after it. Not hyphenated: URLs,
// e-mail addresses and paths, inline code, words with capitals after the
// first letter (acronyms, CamelCase), words next to digits, ruby bases.
// The hyphen is drawn as a real U+002D at the line end, so text
// extraction (pdftotext) joins the word again, as it does for TeX's.

// minHyphenWord is the fewest letters of a word that is hyphenated.
const minHyphenWord = 5

// hyphenator returns the document's hyphenator, nil when its language has
// no patterns.
func (t *setter) hyphenator() *hyph.Hyphenator {
	if !t.hyphInit {
		t.hyphInit = true
		if p := hyph.For(t.lang); p != nil {
			t.hyph = hyph.New(p)
		}
	}
	return t.hyph
}

// hyphenPoints returns the hyphenation points of the words of p, in
// order.
func (t *setter) hyphenPoints(p *para, brk []bool) []hyphenPoint {
	h := t.hyphenator()
	if h == nil {
		return anywhere(p.atoms, brk, nil)
	}
	atoms := p.atoms
	n := len(atoms)
	var pts []hyphenPoint
	var word []rune
	for i := 0; i < n; {
		if !atoms[i].is(fLatin) || atoms[i].is(fSpace|fHard|fWide|fMissing) {
			i++
			continue
		}
		s, e := token(atoms, i)
		i = max(e, i+1)
		if e-s < minHyphenWord || !t.hyphenatable(p, s, e) {
			continue
		}
		// The words of the token: runs of letters.
		for k := s; k < e; {
			if !unicode.IsLetter(atoms[k].r) {
				k++
				continue
			}
			ws := k
			for k < e && unicode.IsLetter(atoms[k].r) {
				k++
			}
			we := k
			if we-ws < minHyphenWord || ws > s && isDigit(atoms[ws-1].r) || we < e && isDigit(atoms[we].r) {
				continue
			}
			word = word[:0]
			caps := 0
			ok := true
			for j := ws; j < we; j++ {
				a := &atoms[j]
				if unicode.IsUpper(a.r) && j > ws {
					caps++
				}
				if a.ruby >= 0 || a.face == nil || a.face != atoms[ws].face || p.fmts[a.fmt].code {
					ok = false
				}
				word = append(word, a.r)
			}
			if !ok || caps > 0 {
				continue
			}
			for _, k := range h.Points(word) {
				pos := ws + k
				if brk[pos] {
					continue
				}
				a := &atoms[pos-1]
				size := p.fmts[a.fmt].size
				w := a.face.advance('-') * size
				if w <= 0 {
					break // the face has no hyphen
				}
				pts = append(pts, hyphenPoint{pos: pos, w: w, penalty: kpHyphenPenalty})
			}
		}
	}
	return anywhere(p.atoms, brk, pts)
}

// minAnywhere is the fewest atoms of a stretch of a token (URL, long
// string) between its break opportunities that may break anywhere when it
// has no hyphenation point.
const minAnywhere = 20

// anywhere adds to the hyphenation points pts, in order, the places where
// a long stretch of a token without them (the query of a URL, a file
// name, a long number) may break between any two characters, at a high
// penalty: when a line would otherwise be left a third empty or more, as
// CSS overflow-wrap does.
func anywhere(atoms []atom, brk []bool, pts []hyphenPoint) []hyphenPoint {
	n := len(atoms)
	var out []hyphenPoint
	k := 0
	for i := 0; i < n; {
		if atoms[i].is(fSpace | fHard | fWide) {
			i++
			continue
		}
		ts, te := token(atoms, i)
		i = te
		for s := ts; s < te; {
			e := s + 1
			for e < te && !brk[e] {
				e++
			}
			has := false
			for ; k < len(pts) && pts[k].pos < e; k++ {
				out = append(out, pts[k])
				has = has || pts[k].pos > s
			}
			if !has && e-s >= minAnywhere {
				for j := s + 2; j < e-1; j++ {
					if startProhibited[atoms[j].r] || atoms[j-1].r == '-' || atoms[j].ruby >= 0 && atoms[j].ruby == atoms[j-1].ruby {
						continue
					}
					out = append(out, hyphenPoint{pos: j, penalty: kpAnywhere})
				}
			}
			s = e
		}
	}
	return append(out, pts[k:]...)
}

// hyphenatable reports whether the token [s, e) of p (a run of atoms
// between spaces) may have its words hyphenated: not a URL, an e-mail
// address, a path, nor code.
func (t *setter) hyphenatable(p *para, s, e int) bool {
	colon := false
	for j := s; j < e; j++ {
		a := &p.atoms[j]
		if p.fmts[a.fmt].code || p.fmts[a.fmt].st&stMono != 0 || strings.ContainsRune("@/\\_=<>{}[]|~#", a.r) {
			return false
		}
		colon = colon || a.r == ':'
	}
	if !colon && (e-s < 4 || p.atoms[s].r != 'w' && p.atoms[s].r != 'W') {
		return true
	}
	rs := make([]rune, 0, e-s)
	for j := s; j < e; j++ {
		rs = append(rs, p.atoms[j].r)
	}
	return !isURL(rs)
}
