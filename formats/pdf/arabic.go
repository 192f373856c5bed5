package pdf

import "unicode"

// Arabic contextual forms. A PDF font is drawn glyph by glyph, with no
// OpenType shaping: Arabic letters would all appear in their isolated
// form, unjoined. When the font chain covers the Arabic Presentation
// Forms-B block (U+FE70–U+FEFF, as DejaVu Sans does), each letter is drawn
// with its contextual form (isolated, final, initial, medial: ArabicShaping
// .txt joining types D, R, U, with marks transparent) and lam-alef as its
// mandatory ligature. When it does not, the letters are drawn unjoined
// and the report warns ("Arabic letters drawn unjoined").

// arabicForms maps a letter to the first of its presentation forms
// (isolated, final, initial, medial) and how many it has: 4 for
// dual-joining letters, 2 for right-joining ones, 1 for hamza.
var arabicForms = func() map[rune][2]rune {
	order := []struct {
		r rune
		n rune
	}{
		{0x621, 1}, {0x622, 2}, {0x623, 2}, {0x624, 2}, {0x625, 2}, {0x626, 4}, {0x627, 2}, {0x628, 4},
		{0x629, 2}, {0x62A, 4}, {0x62B, 4}, {0x62C, 4}, {0x62D, 4}, {0x62E, 4}, {0x62F, 2}, {0x630, 2},
		{0x631, 2}, {0x632, 2}, {0x633, 4}, {0x634, 4}, {0x635, 4}, {0x636, 4}, {0x637, 4}, {0x638, 4},
		{0x639, 4}, {0x63A, 4}, {0x641, 4}, {0x642, 4}, {0x643, 4}, {0x644, 4}, {0x645, 4}, {0x646, 4},
		{0x647, 4}, {0x648, 2}, {0x649, 2}, {0x64A, 4},
	}
	m := make(map[rune][2]rune, len(order))
	next := rune(0xFE80)
	for _, o := range order {
		m[o.r] = [2]rune{next, o.n}
		next += o.n
	}
	return m
}()

// lamAlef maps an alef after lam to the isolated form of the ligature (the
// final form follows it).
var lamAlef = map[rune]rune{0x622: 0xFEF5, 0x623: 0xFEF7, 0x625: 0xFEF9, 0x627: 0xFEFB}

const tatweel = 0x640

// joinsLeft reports whether r joins the letter after it (in logical
// order): dual-joining letters and tatweel.
func joinsLeft(r rune) bool {
	if r == tatweel {
		return true
	}
	f, ok := arabicForms[r]
	return ok && f[1] == 4
}

// joinsRight reports whether r joins the letter before it.
func joinsRight(r rune) bool {
	if r == tatweel {
		return true
	}
	f, ok := arabicForms[r]
	return ok && f[1] >= 2
}

func transparent(r rune) bool { return unicode.Is(unicode.Mn, r) }

// shapeArabic returns s with its Arabic letters in their contextual forms
// and lam-alef ligatures, and for each rune of the result that stands for
// other text, that text (nil when nothing changed). covered reports
// whether the fonts have a presentation form; when they lack one, s is
// returned unchanged with unjoined set.
func shapeArabic(s string, covered func(rune) bool) (out []rune, orig map[int]string, unjoined int) {
	rs := []rune(s)
	has := false
	for _, r := range rs {
		if _, ok := arabicForms[r]; ok {
			has = true
			break
		}
	}
	if !has {
		return nil, nil, 0
	}
	prev := func(i int) rune { // the previous non-transparent character
		for j := i - 1; j >= 0; j-- {
			if !transparent(rs[j]) {
				return rs[j]
			}
		}
		return 0
	}
	nextIdx := func(i int) int {
		for j := i + 1; j < len(rs); j++ {
			if !transparent(rs[j]) {
				return j
			}
		}
		return -1
	}
	out = make([]rune, 0, len(rs))
	orig = map[int]string{}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		f, ok := arabicForms[r]
		if !ok {
			out = append(out, r)
			continue
		}
		joinPrev := joinsLeft(prev(i)) && joinsRight(r)
		n := nextIdx(i)
		if r == 0x644 && n == i+1 { // lam-alef (no mark between)
			if lig, ok := lamAlef[rs[n]]; ok {
				if joinPrev {
					lig++
				}
				if covered(lig) {
					orig[len(out)] = string(rs[i : n+1])
					out = append(out, lig)
					i = n
					continue
				}
			}
		}
		joinNext := f[1] == 4 && n >= 0 && joinsRight(rs[n])
		form := f[0] // isolated
		switch {
		case f[1] == 1:
		case joinPrev && joinNext:
			form = f[0] + 3
		case joinPrev:
			form = f[0] + 1
		case joinNext && f[1] == 4:
			form = f[0] + 2
		}
		if !covered(form) {
			if form != r && covered(r) {
				unjoined++ // drawn, but unjoined (uncovered letters are reported as such)
			}
			out = append(out, r)
			continue
		}
		orig[len(out)] = string(r)
		out = append(out, form)
	}
	return out, orig, unjoined
}
