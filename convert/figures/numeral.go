package figures

import (
	"math/big"
	"strings"

	"github.com/docconv/docconv/convert"
)

// This file is the numeral grammar of doc.go ("Numeral grammar"): Arabic
// numbers, Chinese/Japanese and Sino-Korean numerals and their mixes
// (parseNum), and English number words (parseWords). Values are exact
// decimals (dec); a number too large for that is no figure.

// hangulDigit are the Sino-Korean digits; they count only next to a
// Sino-Korean multiplier (오십이, 이십, 삼백).
var hangulDigit = map[rune]int{'일': 1, '이': 2, '삼': 3, '사': 4, '오': 5, '육': 6, '칠': 7, '팔': 8, '구': 9}

// smallPow and bigPow are the powers of ten of the multipliers.
var smallPow = map[rune]int{'十': 1, '拾': 1, '百': 2, '佰': 2, '千': 3, '仟': 3, '십': 1, '백': 2, '천': 3}

var bigPow = map[rune]int{'万': 4, '萬': 4, '亿': 8, '億': 8, '兆': 12, '京': 16, '만': 4, '억': 8, '조': 12, '경': 16}

func isHangulMult(r rune) bool {
	switch r {
	case '십', '백', '천', '만', '억', '조', '경':
		return true
	}
	return false
}

func isHangulNumeral(r rune) bool {
	_, d := hangulDigit[r]
	return d || isHangulMult(r)
}

func isHangul(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 }

// vulgar are the vulgar fractions with an exact decimal value.
var vulgar = map[rune]dec{'½': {m: 5, e: -1}, '¼': {m: 25, e: -2}, '¾': {m: 75, e: -2}, '⅛': {m: 125, e: -3},
	'⅜': {m: 375, e: -3}, '⅝': {m: 625, e: -3}, '⅞': {m: 875, e: -3}, '⅕': {m: 2, e: -1}, '⅖': {m: 4, e: -1},
	'⅗': {m: 6, e: -1}, '⅘': {m: 8, e: -1}}

// superDigit maps superscript digits (10⁵) to their value.
var superDigit = map[rune]int{'⁰': 0, '¹': 1, '²': 2, '³': 3, '⁴': 4, '⁵': 5, '⁶': 6, '⁷': 7, '⁸': 8, '⁹': 9}

// arabic parses Arabic digits at i: "3,800", "1.5", "３８０", "１，２３４",
// ".5", with an exponent "1.2e+14", "10^5", "1.2×10^14", "10⁵". sep says
// thousands separators were written, frac a decimal point or an
// exponent; bad marks a version string (1.2.3) or a number too large.
func (s *scanner) arabic(i int) (v dec, end, digits int, sep, frac, bad bool) {
	rs := s.rs
	var intD, fracD []byte
	j := i
	fullwidth := isDigit(s.rune(j)) && s.rune(j) >= '０'
	for j < len(rs) && isDigit(rs[j]) {
		intD = append(intD, byte('0'+digitVal(rs[j])))
		j++
	}
	digits = j - i
	for digits <= 3 || sep {
		c := s.rune(j)
		if (c == ',' || c == '，' && fullwidth || c == '､' && fullwidth || s.spaceSep && (c == ' ' || c == '\u00a0' || c == '\u202f' || c == '\u2009')) &&
			isDigit(s.rune(j+1)) && isDigit(s.rune(j+2)) &&
			isDigit(s.rune(j+3)) && !isDigit(s.rune(j+4)) {
			intD = append(intD, byte('0'+digitVal(rs[j+1])), byte('0'+digitVal(rs[j+2])), byte('0'+digitVal(rs[j+3])))
			j += 4
			sep = true
			continue
		}
		break
	}
	if (s.rune(j) == '.' || s.rune(j) == '．') && isDigit(s.rune(j+1)) {
		j++
		for j < len(rs) && isDigit(rs[j]) {
			fracD = append(fracD, byte('0'+digitVal(rs[j])))
			j++
		}
		frac = true
		if s.rune(j) == '.' && isDigit(s.rune(j+1)) {
			for j < len(rs) && (isAlnum(rs[j]) || rs[j] == '.') {
				j++
			}
			return dec{}, j, digits, sep, frac, true // a version string: 1.2.3
		}
	}
	v = decOf(intD, fracD)
	if !frac && !sep {
		// 2 ½, 2½: a vulgar fraction after the whole number
		k := j
		if isSpace(s.rune(k)) {
			k++
		}
		if f, ok := vulgar[s.rune(k)]; ok {
			v, j, frac = v.add(f), k+1, true
		}
	}
	// An exponent: 1.2e+14, 1.2E14 (not 3e in a name: a letter after it).
	if c := s.rune(j); (c == 'e' || c == 'E') && !sep {
		k := j + 1
		negE := false
		if s.rune(k) == '+' || s.rune(k) == '-' {
			negE = s.rune(k) == '-'
			k++
		}
		if x, e, ok := s.expDigits(k); ok && !isLatin(s.rune(e)) {
			v, j, frac = scaleExp(v, x, negE), e, true
		}
	}
	// 10^5, 10⁵, 1.2×10^14, 3 x 10^8; other bases: 2^53, 2⁷.
	if !sep && !frac && string(intD) == "10" {
		if x, negE, e, ok := s.power(j); ok {
			v, j, frac = scaleExp(decInt(1), x, negE), e, true
		}
	} else if x, negE, e, ok := s.power(j); ok && !sep && !frac && len(intD) <= 6 {
		v, j, frac = intPower(intD, x, negE), e, true
	} else if !sep {
		k := j
		if isSpace(s.rune(k)) {
			k++
		}
		if c := s.rune(k); c == '×' || c == 'x' || c == '*' || c == '·' {
			k++
			if isSpace(s.rune(k)) {
				k++
			}
			if s.rune(k) == '1' && s.rune(k+1) == '0' {
				if x, negE, e, ok := s.power(k + 2); ok {
					v, j, frac = scaleExp(v, x, negE), e, true
				}
			}
		}
	}
	if v.big {
		for j < len(rs) && (isDigit(rs[j]) || rs[j] == ',' || rs[j] == '.') {
			j++
		}
		return v, j, digits, sep, frac, true // too large: no figure
	}
	return v, j, digits, sep, frac, false
}

// intPower returns base^x for the digits of an integer base and a whole
// exponent, exactly, or big (no figure) when the result has more than 15
// significant digits (more than a spreadsheet keeps) or the exponent is
// negative.
func intPower(base []byte, x int, neg bool) dec {
	if neg || x > 64 {
		return dec{big: true}
	}
	b := new(big.Int)
	for _, c := range base {
		b.Mul(b, big.NewInt(10))
		b.Add(b, big.NewInt(int64(c-'0')))
	}
	b.Exp(b, big.NewInt(int64(x)), nil)
	if !b.IsInt64() || len(b.String()) > 15 {
		return dec{big: true}
	}
	return decInt(b.Int64())
}

// power reads the exponent of a power of ten after its base "10" at k:
// ^5, ^-3, ⁵, ⁻³.
func (s *scanner) power(k int) (x int, neg bool, end int, ok bool) {
	if s.rune(k) == '^' {
		m := k + 1
		if s.rune(m) == '-' || s.rune(m) == '−' {
			neg = true
			m++
		} else if s.rune(m) == '+' {
			m++
		}
		x, end, ok = s.expDigits(m)
		return x, neg, end, ok
	}
	m := k
	if s.rune(m) == '⁻' {
		neg = true
		m++
	}
	e := m
	for e < len(s.rs) {
		d, isSup := superDigit[s.rs[e]]
		if !isSup {
			break
		}
		if x < 1e6 {
			x = x*10 + d
		}
		e++
	}
	return x, neg, e, e > m
}

// expDigits reads the digits of an exponent (at most 4: larger exponents
// are too large anyway, and the rest of the run is skipped by the caller).
func (s *scanner) expDigits(k int) (int, int, bool) {
	x, e := 0, k
	for e < len(s.rs) && isDigit(s.rs[e]) {
		if x < 1e6 {
			x = x*10 + digitVal(s.rs[e])
		}
		e++
	}
	return x, e, e > k
}

// scaleExp returns v × 10^±x; a huge exponent makes v big.
func scaleExp(v dec, x int, neg bool) dec {
	if x > 4*maxExp {
		if neg {
			return dec{big: true} // too small to state: no figure
		}
		return dec{big: true}
	}
	if neg {
		v.e -= int32(x)
		if v.e < -4*maxExp {
			return dec{big: true}
		}
		return v.norm()
	}
	return v.mulPow10(x)
}

// decOf builds the exact decimal with integer digits intD and fraction
// digits fracD; more than 18 significant digits make it big.
func decOf(intD, fracD []byte) dec {
	e := -len(fracD)
	all := append(append([]byte(nil), intD...), fracD...)
	for len(all) > 0 && all[len(all)-1] == '0' {
		all = all[:len(all)-1]
		e++
	}
	k := 0
	for k < len(all) && all[k] == '0' {
		k++
	}
	all = all[k:]
	if len(all) == 0 {
		return dec{}
	}
	if len(all) > 18 {
		return dec{big: true}
	}
	var m int64
	for _, b := range all {
		m = m*10 + int64(b-'0')
	}
	if e+len(all) > maxExp {
		return dec{big: true}
	}
	return dec{m: m, e: int32(e)}
}

// negativeAt returns the end of a minus sign written at i: -, −, －,
// 负, 負, マイナス, 零下 (below zero), 氷点下, 마이너스, 영하 (the Korean
// two followed by at most one space), "minus ", or -1.
func (s *scanner) negativeAt(i int) int {
	rs := s.rs
	r := s.rune(i)
	numAfter := func(k int) bool {
		return isDigit(s.rune(k)) || isCJKDigitAt(s, k) || (s.rune(k) == '十' || s.rune(k) == '百') && s.rune(k+1) != 0
	}
	switch {
	case isMinus(r):
		if (isDigit(s.rune(i+1)) || s.rune(i+1) == '.' && isDigit(s.rune(i+2))) && !(i > 0 && isAlnum(rs[i-1])) {
			return i + 1
		}
	case r == '▲' || r == '△':
		if isDigit(s.rune(i + 1)) {
			return i + 1 // ▲18万人: a decrease, in Japanese statistics
		}
	case r == '负' || r == '負':
		if numAfter(i + 1) {
			return i + 1
		}
	case r == 'マ':
		if hasAt(rs, i, "マイナス") && numAfter(i+4) {
			return i + 4
		}
	case r == '零':
		if s.rune(i+1) == '下' && numAfter(i+2) {
			return i + 2 // 零下5度
		}
	case r == '氷':
		if hasAt(rs, i, "氷点下") && numAfter(i+3) {
			return i + 3 // 氷点下3度
		}
	case r == '영' || r == '마':
		w := "영하"
		if r == '마' {
			w = "마이너스"
		}
		n := len([]rune(w))
		if hasAt(rs, i, w) && !isHangul(s.rune(i-1)) {
			k := i + n
			if isSpace(s.rune(k)) {
				k++
			}
			if isDigit(s.rune(k)) {
				return k // 영하 10도, 마이너스 1.2%
			}
		}
	case r == 'm' || r == 'M':
		if (i == 0 || !isLatin(rs[i-1])) && strings.EqualFold(s.latinWord(i), "minus") && isSpace(s.rune(i+5)) {
			k := i + 6
			if isDigit(s.rune(k)) {
				return k
			}
			if _, ok := enSmall[strings.ToLower(s.latinWord(k))]; ok {
				return k
			}
		}
	}
	return -1
}

// parseNum parses a number at i: Arabic, Chinese/Japanese or Sino-Korean
// numerals, or a mix (410億, 1.5萬, 三百八十億, 1100多万, 1,419억, 7천 5백만),
// with a sign (-4.3, 负40, マイナス5, minus 5). See doc.go for the grammar.
func (s *scanner) parseNum(i int) (t numTok, ok bool) {
	rs := s.rs
	n := len(rs)
	t.start = i
	if i < 0 || i >= n {
		return t, false
	}
	pos := i
	neg := false
	if e := s.negativeAt(pos); e > 0 {
		neg, pos = true, e
		if isLatin(s.rune(pos)) {
			t2, ok := s.parseWords(pos)
			if !ok || t2.frac {
				return t, false
			}
			t2.start = i
			t2.exact = t2.exact.neg()
			t2.val = -t2.val
			t2.one = false
			return t2, true
		}
	}
	var total, section, pend dec
	pendSet := false    // a digit or Arabic number waits for its multiplier
	pendSingle := false // …and it is one Chinese digit (四百五: an elliptical tail)
	lastSmall := 0      // power of the last small multiplier (十 1, 百 2, 千 3) in the section
	lastBig := 0        // power of the last big multiplier (万 4, 億 8…)
	unitPow := 0        // power of the last multiplier written
	unitHangul := false // …and it was Hangul (십, 천, 만)
	unitCJK := false    // …and it was a Chinese/Japanese numeral after CJK digits
	zero := false       // a 零/〇 since the last multiplier
	any := false
	tokens := 0
loop:
	for pos < n && !s.masked(pos) {
		r := rs[pos]
		switch {
		case isDigit(r) || r == '.' && pos == i && isDigit(s.rune(pos+1)) && !isAlnum(s.rune(pos-1)) && s.rune(pos-1) != '.':
			if pendSet {
				break loop
			}
			v, end, digits, sep, frac, bad := s.arabic(pos)
			if bad {
				t.skipTo = end
				return t, false
			}
			if !any {
				t.plain = !sep && !frac
				t.digits = digits
			} else {
				t.plain = false
			}
			pend, pendSet, pendSingle = v, true, false
			any, t.arabic = true, true
			tokens++
			pos = end
			if s.spacedMultiplier(pos) {
				pos++ // "351 亿美元", "3.5 千亿元": zh technical spacing
			}
			continue
		case isCJKDigitAt(s, pos) || pos > i && rs[pos] == '○' && any:
			if pendSet {
				break loop
			}
			j := pos
			var ds []int
			for j < n && !s.masked(j) {
				d, ok := cjkDigit[rs[j]]
				if !ok {
					break
				}
				ds = append(ds, d)
				j++
			}
			lead := 0
			if any {
				for lead < len(ds) && ds[lead] == 0 {
					lead++ // 一千零十二, 一千〇五: a gap
				}
				if lead > 0 {
					zero = true
				}
			}
			rest := ds[lead:]
			switch {
			case len(rest) == 0:
				pos = j
				continue
			case len(rest) == 1 && !any && rest[0] >= 2 && s.rune(j) == '、' && cjkDigit[s.rune(j+1)] == rest[0]+1 &&
				isCJKDigitAt(s, j+1) && !isCJKDigitAt(s, j+2) && s.unitAt(j+2) != nil && s.unitAt(j+2).class != cMonth:
				// 三、四本, 七、八月: "three or four", the lower bound
				pend, pendSingle = decInt(int64(rest[0])), false
				t.fuzzy = true
				t.bound = join(t.bound, convert.AtLeast)
				j += 2
			case len(rest) == 1:
				pend, pendSingle = decInt(int64(rest[0])), true
				if !any {
					t.one = rest[0] == 1
				}
			case len(rest) == 2 && rest[0] != 0 && rest[1] == rest[0]+1:
				pend, pendSingle = decInt(int64(rest[0])), false // 三四天, 十三四: three or four
				t.fuzzy = true
				t.bound = join(t.bound, convert.AtLeast)
			case any:
				break loop // a positional run inside a number: not ours
			default:
				var m int64
				for _, d := range rest {
					if m < 1e17 {
						m = m*10 + int64(d)
					}
				}
				if len(rest) > 18 {
					t.skipTo = j
					return t, false
				}
				pend, pendSingle = decInt(m), false
				t.positional, t.digits = true, len(rest)
			}
			if (s.rune(j) == '点' || s.rune(j) == '點' || (s.rune(j) == '・' || s.rune(j) == '.' || s.rune(j) == '．') && s.nakaguroDecimal(j)) && isCJKDigitAt(s, j+1) && !t.fuzzy {
				var fracD []byte
				j++
				for j < n {
					d, ok := cjkDigit[rs[j]]
					if !ok {
						break
					}
					fracD = append(fracD, byte('0'+d))
					j++
				}
				pend = pend.add(decOf(nil, fracD))
				t.positional, pendSingle = false, false
			}
			if any {
				t.one = false
			}
			pendSet, any, t.cjk = true, true, true
			tokens++
			pos = j
			continue
		case r == '廿' || r == '卅' || r == '卌':
			if pendSet || lastSmall != 0 && lastSmall <= 1 {
				break loop
			}
			section = section.add(decInt(map[rune]int64{'廿': 20, '卅': 30, '卌': 40}[r]))
			lastSmall, unitPow, unitCJK = 1, 1, true
			any, t.cjk, t.one, t.positional = true, true, false, false
			tokens++
			pos++
			continue
		case smallPow[r] > 0:
			pm := smallPow[r]
			hangul := isHangul(r)
			if hangul {
				if !pendSet && any && !unitHangul || pendSet && t.cjk && !t.hangul {
					break loop
				}
				if !any && !(isHangulNumeral(s.rune(pos+1)) && pos == i) {
					break loop // 십, 백, 천 alone: words (천 is also "cloth", 백 a name)
				}
			}
			if pendSet {
				if lastSmall != 0 && pm >= lastSmall || t.fuzzy && pm > 1 {
					break loop
				}
				if t.arabic && !t.cjk && !hangul {
					if u := s.unitAt(pos); u != nil && u.class == cMeasure {
						break loop // 5千米 is 5 km
					}
				}
				section = section.add(pend.mulPow10(pm))
			} else {
				switch {
				case !any:
					// implicit 一: 十二, 百二十三万, 千二百億, 千五百里, 百餘里;
					// 百年, 千年, 百姓 are words
					nx := s.rune(pos + 1)
					bigUnit := bigPow[nx] > 0 && !isHangul(nx) && s.unitAt(pos+2) != nil &&
						(s.unitAt(pos+2).class == cMoney || s.unitAt(pos+2).class == cCounter)
					if pm > 1 && !hangul && !(isCJKDigitAt(s, pos+1) || nx == '余' || nx == '餘' || nx == '多' || bigUnit) {
						break loop // (百万円, 千万人 count: the unit says so)
					}
				case lastSmall != 0 && pm >= lastSmall, lastSmall == 0 && unitPow == 0:
					break loop
				}
				section = section.add(decInt(1).mulPow10(pm))
			}
			lastSmall, unitPow = pm, pm
			unitHangul, unitCJK = hangul, !hangul && !(pendSet && t.arabic && !t.cjk)
			pend, pendSet, pendSingle, zero = dec{}, false, false, false
			any = true
			t.one, t.positional, t.plain = false, false, false
			if !hangul {
				t.cjk = true
			}
			tokens++
			pos++
			if hangul && isSpace(s.rune(pos)) && s.koContinues(pos+1) {
				pos++ // 7천 5백만
			}
			continue
		case bigPow[r] > 0:
			pb := bigPow[r]
			hangul := isHangul(r)
			if !any || hangul && t.cjk && !t.hangul {
				break loop
			}
			if t.fuzzy && !pendSet && section.isZero() {
				break loop
			}
			sv := section.add(pend)
			switch {
			case sv.isZero() && total.isZero():
				break loop
			case sv.isZero():
				total = total.mulPow10(pb) // 万亿, 四万万 (a chain multiplies)
			case !total.isZero() && pb > lastBig:
				total = total.add(sv).mulPow10(pb)
			default:
				total = total.add(sv.mulPow10(pb))
			}
			lastBig, unitPow = pb, pb
			unitHangul, unitCJK = hangul, !hangul && (t.cjk || !t.arabic)
			section, pend, pendSet, pendSingle, lastSmall, zero = dec{}, dec{}, false, false, 0, false
			t.one, t.positional, t.plain = false, false, false
			if !hangul {
				t.cjk = true
			}
			tokens++
			pos++
			if hangul && isSpace(s.rune(pos)) && (s.koContinues(pos+1) || s.koRest(pos+1, pb)) {
				pos++ // 1조 2천억, 12억 3456만, 1만 997가구, 32만 6,900명
			}
			continue
		case hangulDigit[r] > 0:
			if pendSet || t.cjk || t.arabic && !unitHangul {
				break loop
			}
			// a Sino-Korean digit counts before a multiplier (오십) or
			// after one (오십이)
			if !(isHangulMult(s.rune(pos+1)) || unitHangul && any) {
				break loop
			}
			if !any && pos > 0 && isHangul(rs[pos-1]) {
				break loop
			}
			pend, pendSet, pendSingle = decInt(int64(hangulDigit[r])), true, false
			any = true
			if !t.arabic {
				t.hangul = true
			}
			tokens++
			pos++
			continue
		case (r == '余' || r == '餘' || r == '多' || r == '几' || r == '幾' || r == '何' || r == '来' || r == '來' || r == '여') && any && !t.one && pos > i:
			// 20余年, 1100多万, 十几年, 10여 명: a lower bound; 十来年: about
			b := convert.AtLeast
			if r == '来' || r == '來' {
				if u := s.unitAt(pos + 1); u == nil {
					break loop
				}
				b = convert.About
			}
			t.bound = join(t.bound, b)
			pos++
			continue
		}
		break
	}
	if !any {
		return t, false
	}
	if pendSet && pendSingle && !zero && unitCJK && unitPow >= 2 && !t.fuzzy {
		// 四百五 (450), 一万三 (13000), 两千三 (2300), 三亿五: the digit
		// after a multiplier stands for the next lower unit
		pend = pend.mulPow10(unitPow - 1)
	}
	v := total.add(section).add(pend)
	if v.big {
		t.skipTo = pos
		return t, false
	}
	if neg {
		v = v.neg()
	}
	if t.cjk || t.hangul || !t.arabic {
		t.plain = false
	}
	if tokens > 1 {
		t.one = false
	}
	t.exact, t.val, t.end = v, v.float(), pos
	return t, true
}

// nakaguroDecimal reports whether the ・ at j is a decimal point between
// Chinese digits (四八・五歳, 〇・二%): digits follow it, then a unit.
func (s *scanner) nakaguroDecimal(j int) bool {
	k := j + 1
	for isCJKDigitAt(s, k) {
		k++
	}
	return k > j+1 && (s.unitAt(k) != nil || s.rune(k) == '%' || s.rune(k) == '％')
}

// koRest reports whether Arabic digits at i, below 10^pb, end a Korean
// number spaced by its groups (32만 6,900명).
func (s *scanner) koRest(i, pb int) bool {
	j, n := i, 0
	for isDigit(s.rune(j)) || s.rune(j) == ',' && isDigit(s.rune(j+1)) {
		if isDigit(s.rune(j)) {
			n++
		}
		j++
	}
	return n > 0 && n <= pb && s.rune(j) != '.' && !isDigit(s.rune(j)) && isHangul(s.rune(j))
}

// koContinues reports whether a Korean number goes on at i after a space:
// digits or Sino-Korean digits followed by a Hangul multiplier (7천 5백만).
func (s *scanner) koContinues(i int) bool {
	j := i
	for isDigit(s.rune(j)) || s.rune(j) == '.' || s.rune(j) == ',' {
		j++
	}
	if j == i {
		if _, ok := hangulDigit[s.rune(j)]; ok {
			j++
		}
	}
	return j > i && isHangulMult(s.rune(j))
}

// English number words.

// enOrdinal are the ordinal words and their value.
var enOrdinal = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
	"ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
	"fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
	"hundredth": 100, "thousandth": 1000, "millionth": 1e6, "billionth": 1e9,
}

// parseWords parses English number words (doc.go, "English"): "twenty",
// "twenty-five", "one hundred and sixty-one", "three million", "two
// thousand and twenty-four", ordinals "twenty-fifth", fractions
// "two-thirds", "three and one fourth", "two and a half".
func (s *scanner) parseWords(i int) (numTok, bool) {
	t := numTok{start: i, words: true}
	var total dec // completed thousands groups
	var group int64 = 0
	groupSet := false
	tensOpen := false // the group ends in a multiple of ten below 100 (twenty-)
	pos := i
	words := 0
	lastScale := 1 << 30
	end := i
	next := func(p int) (string, int) {
		w := s.latinWord(p)
		return strings.ToLower(w), p + len([]rune(w))
	}
	for {
		lw, wend := next(pos)
		if lw == "" {
			break
		}
		if v, ok := enSmall[lw]; ok {
			switch {
			case !groupSet:
				group = int64(v)
			case tensOpen && v < 10 && v > 0:
				group += int64(v) // twenty-five
			case group%100 == 0 && group > 0 && group < 1000 && v < 100:
				group += int64(v) // one hundred (and) sixty
			default:
				goto done
			}
			groupSet = true
			tensOpen = v >= 20 && v%10 == 0 && group%100 == int64(v)
		} else if o, ok := enOrdinal[lw]; ok && words > 0 && (tensOpen && o < 10 || group%100 == 0 && group > 0 && o < 100 || o >= 100 && groupSet) {
			// twenty-fifth, one hundred and first, two hundredth
			if o >= 100 {
				group *= int64(o)
			} else {
				group += int64(o)
			}
			t.ordinal = true
			words++
			end = wend
			break
		} else if lw == "hundred" && groupSet && group > 0 && group < 100 && !tensOpen || lw == "hundred" && groupSet && group > 0 && group < 100 {
			group *= 100
			tensOpen = false
		} else if f, ok := enScale[lw]; ok && groupSet && len(lw) > 3 && f >= 1e3 {
			p := 0
			for x := f; x >= 10; x /= 10 {
				p++
			}
			if p >= lastScale {
				goto done
			}
			total = total.add(decInt(group).mulPow10(p))
			lastScale = p
			group, groupSet, tensOpen = 0, false, false
			words++
			end = wend
			pos = wend
			if !s.wordSep(&pos) {
				break
			}
			continue
		} else {
			break
		}
		words++
		end = wend
		pos = wend
		if !s.wordSep(&pos) {
			break
		}
	}
done:
	if words == 0 {
		return t, false
	}
	v := total.add(decInt(group))
	t.end = end
	// Fractions: two-thirds, one fourth, three and one fourth, two and a half.
	if !t.ordinal && words <= 2 && total.isZero() {
		if num, den, e, ok := s.fractionWords(end, group); ok {
			t.val, t.frac, t.end = float64(num)/float64(den), true, e
			t.exact = dec{}
			if num > 0 && den > 0 {
				t.val = quo(decInt(num), decInt(den))
			}
			return t, true
		}
		if w, e := next(end + 1); s.rune(end) == ' ' && w == "and" && isSpace(s.rune(e)) {
			// three and one fourth (3.25), two and a half
			k := e + 1
			nw, ne := next(k)
			var num int64
			switch {
			case nw == "a" || nw == "one":
				num = 1
			default:
				if x, ok := enSmall[nw]; ok && x > 0 && x < 10 {
					num = int64(x)
				}
			}
			if num > 0 && isSpace(s.rune(ne)) {
				dw, de := next(ne + 1)
				if d, ok := enFraction[dw]; ok && num < int64(d) && !isLatin(s.rune(de)) {
					r := decInt(group).rat()
					r.Add(r, decInt(num).rat().Quo(decInt(num).rat(), decInt(int64(d)).rat()))
					t.val = ratFloat(r)
					t.end = de
					t.exact = dec{}
					t.mixed = true // a quantity, not a share
					return t, true
				}
			}
		}
	}
	t.exact, t.val = v, v.float()
	t.one = v.m == 1 && v.e == 0 && words == 1 && !t.ordinal
	return t, true
}

// wordSep moves pos over the separator between number words (a hyphen, a
// space, " and ") when a number word follows it.
func (s *scanner) wordSep(pos *int) bool {
	p := *pos
	r := s.rune(p)
	if !(r == '-' || isSpace(r)) || !isLatin(s.rune(p+1)) {
		return false
	}
	nw := strings.ToLower(s.latinWord(p + 1))
	if nw == "and" && isSpace(r) && isSpace(s.rune(p+4)) {
		nn := strings.ToLower(s.latinWord(p + 5))
		if _, ok := enSmall[nn]; ok {
			*pos = p + 5
			return true
		}
		if _, ok := enOrdinal[nn]; ok {
			*pos = p + 5
			return true
		}
		return false
	}
	_, a := enSmall[nw]
	f, b := enScale[nw]
	_, o := enOrdinal[nw]
	if a || b && len(nw) > 3 && (f >= 100) || o && r == '-' || o && nw != "second" && isSpace(r) && enOrdinal[nw] >= 100 {
		*pos = p + 1
		return true
	}
	if nw == "hundred" {
		*pos = p + 1
		return true
	}
	return false
}

// fractionWords reads the denominator of "two-thirds", "one fourth",
// "three fifths" after a numerator ending at i.
func (s *scanner) fractionWords(i int, num int64) (int64, int64, int, bool) {
	r := s.rune(i)
	if !(r == '-' || isSpace(r)) || num < 1 || num >= 20 {
		return 0, 0, 0, false
	}
	w := strings.ToLower(s.latinWord(i + 1))
	d, ok := enFraction[w]
	if !ok || int64(d) <= num && !(num == 1 && d == 1) {
		return 0, 0, 0, false
	}
	if num == 1 && strings.HasSuffix(w, "s") || num > 1 && !strings.HasSuffix(w, "s") && w != "half" {
		return 0, 0, 0, false
	}
	if w == "quarter" || w == "quarters" {
		// "one quarter" is 1/4 but "three quarters" of a year too: keep both
	}
	e := i + 1 + len([]rune(w))
	return num, int64(d), e, true
}

// fractionOf returns where the numerator starts when a fraction word is
// written at i: 分之, 分の, 분의 (and one space).
func (s *scanner) fractionOf(i int) (int, bool) {
	switch {
	case hasAt(s.rs, i, "分之"), hasAt(s.rs, i, "分の"):
		return i + 2, true
	case hasAt(s.rs, i, "분의"):
		if isSpace(s.rune(i + 2)) {
			return i + 3, true
		}
		return i + 2, true
	}
	return 0, false
}

// Native Korean numbers: tens and units, and the counting forms written
// before a counter (한 명, 두 개, 세 살, 스무 살, 열두 시간).
var (
	koTens = []struct {
		s string
		v int
	}{{"아흔", 90}, {"여든", 80}, {"일흔", 70}, {"예순", 60}, {"쉰", 50}, {"마흔", 40}, {"서른", 30}, {"스물", 20}, {"스무", 20}, {"열", 10}}
	koUnits = []struct {
		s string
		v int
	}{{"다섯", 5}, {"여섯", 6}, {"일곱", 7}, {"여덟", 8}, {"아홉", 9}, {"하나", 1}, {"한", 1}, {"둘", 2}, {"두", 2}, {"셋", 3}, {"세", 3}, {"석", 3}, {"넷", 4}, {"네", 4}}
)

// koCounters are the counters a native Korean number needs after it to be
// a figure (세 is also "tax", 네 "yes", 두 a verb stem): unit and kind.
var koCounters = []struct {
	s, unit string
	kind    convert.FigureKind
}{
	{"명", "명", convert.KindCount}, {"사람", "명", convert.KindCount}, {"개", "개", convert.KindCount},
	{"마리", "마리", convert.KindCount}, {"권", "권", convert.KindCount}, {"잔", "잔", convert.KindCount},
	{"번", "번", convert.KindCount}, {"곳", "곳", convert.KindCount}, {"가지", "가지", convert.KindCount},
	{"채", "채", convert.KindCount}, {"대", "대", convert.KindCount}, {"병", "병", convert.KindCount},
	{"장", "장", convert.KindCount}, {"켤레", "켤레", convert.KindCount}, {"그루", "그루", convert.KindCount},
	{"살", "age", convert.KindQuantity}, {"시간", "hours", convert.KindDuration}, {"달", "months", convert.KindDuration},
}

// nativeKorean reads a native Korean number with its counter (세 명,
// 스물다섯 살, 열두 시간). The counter is required: without it the words
// are too often something else.
func (s *scanner) nativeKorean(i int) (end int, ok bool) {
	j := i
	v := 0
	for _, w := range koTens {
		if e, m := matchAt(s.rs, j, w.s); m {
			v, j = w.v, e
			break
		}
	}
	for _, w := range koUnits {
		if e, m := matchAt(s.rs, j, w.s); m {
			v, j = v+w.v, e
			break
		}
	}
	if v == 0 || j == i {
		return 0, false
	}
	k := j
	if isSpace(s.rune(k)) {
		k++
	}
	for _, c := range koCounters {
		if e, m := matchAt(s.rs, k, c.s); m && !isHangul(s.rune(e)) || m && strings.ContainsRune("이가을를은는의에도과와로씩째", s.rune(e)) && !isHangul(s.rune(e+1)) {
			if v == 1 && c.unit != "months" && c.unit != "hours" {
				return e, true // 한 명: "one" works as an article (but 한 달, 한 시간 are spans)
			}
			if hasAt(s.rs, e, "째") {
				return 0, false // 두 번째: an ordinal, read elsewhere
			}
			unit := c.unit
			s.add(hit{start: i, end: e, value: float64(v), unit: unit, kind: c.kind, bound: join(s.boundBefore(i), s.boundAfter(e))})
			return e, true
		}
	}
	return 0, false
}
