package figures

import (
	"math/big"
	"slices"
	"strings"
	"unicode"

	"github.com/docconv/docconv/convert"
)

// number recognizes a figure whose number starts at i; p says what was
// written before it. It returns where scanning continues.
func (s *scanner) number(i int, p prefix) int {
	rs := s.rs
	if isDigit(rs[i]) || isMinus(rs[i]) {
		prev := s.rune(i - 1)
		if p.start == i && i > 0 && (isLatin(prev) || strings.ContainsRune("-._/#", prev) && isAlnum(s.rune(i-2))) {
			return s.skipToken(i) // G20, PM2.5, GPT-4o, COVID-19, v1.2
		}
	} else if end, lex := lexicalAt(rs, i); lex && !hasAt(rs, i, "四季度") {
		return end
	}
	if strings.ContainsRune("数數几幾", s.rune(p.start-1)) && strings.ContainsRune("十百千万萬", rs[i]) {
		return i + 1 // 数百万名: several million, vague
	}
	if isDigit(rs[i]) && p.start == i {
		if e, ok := s.dayMonthYear(i, p); ok {
			return e // 27.5.2020: a date, day first
		}
		if e, ok := s.yearFirstDots(i, p); ok {
			return e // 2024.3.5, 2024.3.15.: a date, year first
		}
	}
	if s.rune(p.start-1) == 'の' && strings.ContainsRune("条項号條", s.rune(p.start-2)) {
		for i < len(rs) && isDigit(rs[i]) {
			i++
		}
		return max(i, p.start+1) // 第18条の5: an article reference
	}
	t, ok := s.parseNum(i)
	if !ok {
		if t.skipTo > i {
			return t.skipTo
		}
		return i + 1
	}
	end := t.end
	if e, ok := s.timeOfDay(t, p.start); ok {
		return e // 8時45分, 下午3点, 3點半: a time of day, not a figure
	}
	if t.arabic && t.plain && t.digits == 4 {
		if e, ok := s.dottedDate(t, p); ok {
			return e // 2020. 5. 1.: a date, as Korean statutes write it
		}
	}
	if p.start == i && t.arabic && t.plain {
		if e, ok := s.phoneNumber(t); ok {
			return e // 2152 0111, +86 10 1234 5678
		}
		if e, ok := s.identifier(t, p); ok {
			return e // 手机13800138000, (02)2312-3456, 統一編號22099131
		}
	}
	// N分之M, N分のM, N분의 M: a fraction, the denominator first.
	if fe, ok := s.fractionOf(end); ok && !t.words {
		t2, ok := s.parseNum(fe)
		if !ok || t2.val < 0 || t.exact.isZero() || t.exact.big || t2.exact.big || t.fuzzy || t2.fuzzy {
			return max(fe, t2.skipTo)
		}
		s.add(hit{start: p.start, end: t2.end, value: quo(t2.exact, t.exact), unit: "%", kind: convert.KindPercent, ratio: true,
			bound: join(t.bound, t2.bound, s.boundBefore(p.start), s.boundAfter(t2.end))})
		return t2.end
	}
	// N又A分之B: a mixed number (三百五十又3分之1, 负一又二分之一).
	if s.rune(end) == '又' && !t.fuzzy && t.exact.integer() {
		if den, ok := s.parseNum(end + 1); ok && den.val > 0 && !den.fuzzy {
			if fe, ok := s.fractionOf(den.end); ok {
				if num, ok := s.parseNum(fe); ok && num.val >= 0 && !num.fuzzy && num.exact.integer() {
					r := num.exact.rat()
					r.Quo(r, den.exact.rat())
					if t.val < 0 {
						r.Neg(r)
					}
					r.Add(r, t.exact.rat())
					t.val, t.end, t.exact, t.plain, t.one, t.positional = ratFloat(r), num.end, dec{}, false, false, false
					t.mixed = true
					return s.finish(t, p)
				}
			}
		}
	}
	if t.arabic && !t.cjk {
		r := s.rune(end)
		switch {
		case isLatin(r) && !isLatinSuffix(s.latinWord(end)) && s.unitAt(end) == nil:
			return s.skipToken(i) // 5G, 4o, 3D: names
		case r == ':' && isDigit(s.rune(end+1)):
			return s.skipToken(i) // 10:30, 3:1
		case (r == '-' || r == '/') && isDigit(s.rune(end+1)):
			if next, handled := s.digitGroups(t, p, r); handled {
				return next
			}
		case r == '-' && isLatin(s.rune(end+1)) && t.plain:
			return s.hyphenUnit(t, p)
		}
	}
	return s.finish(t, p)
}

// skipToken skips a name-like token: letters, digits and inner . - _ / :.
func (s *scanner) skipToken(i int) int {
	j := i
	for j < len(s.rs) {
		r := s.rs[j]
		if isAlnum(r) || strings.ContainsRune(".-_/:", r) && isAlnum(s.rune(j+1)) {
			j++
			continue
		}
		break
	}
	return max(j, i+1)
}

// latinWord returns the run of Latin letters at i.
func (s *scanner) latinWord(i int) string {
	if i < 0 || i >= len(s.rs) {
		return ""
	}
	j := i
	for j < len(s.rs) && isLatin(s.rs[j]) {
		j++
	}
	return string(s.rs[i:j])
}

// isLatinSuffix reports whether letters written right after digits are a
// unit or an ordinal suffix rather than part of a name.
func isLatinSuffix(w string) bool {
	switch w {
	case "km", "kg", "cm", "mm", "nm", "m", "t", "g", "mg", "kW", "MW", "GW", "kWh", "MWh", "GWh", "TWh",
		"TEU", "GB", "TB", "MB", "st", "nd", "rd", "th", "bn", "bln", "mn", "tn", "k", "K", "M", "pp", "p", "h", "L", "ms", "s", "bp", "bps",
		"lb", "lbs", "ft", "mi", "ha", "ml", "mL":
		return true
	}
	return false
}

// digitGroups handles digits joined by - or /: ISO dates (2024-01-05),
// ranges (3-5), and phone numbers or identifiers (skipped).
func (s *scanner) digitGroups(t numTok, p prefix, sep rune) (int, bool) {
	rs := s.rs
	groups := []string{string(rs[t.start:t.end])}
	j := t.end
	for s.rune(j) == sep && isDigit(s.rune(j+1)) {
		k := j + 1
		for k < len(rs) && isDigit(rs[k]) {
			k++
		}
		groups = append(groups, string(rs[j+1:k]))
		j = k
	}
	if isLatin(s.rune(j)) || s.rune(j) == '.' && isDigit(s.rune(j+1)) {
		return s.skipToken(t.start), true
	}
	if len(groups) == 3 && (len(groups[0]) == 4 || len(groups[0]) == 3 && scriptOf(s.lang) == scriptHant && sep == '-') && t.plain {
		y, m, d := atoi(groups[0]), atoi(groups[1]), atoi(groups[2])
		if len(groups[0]) == 3 {
			y += 1911 // 111-01-06: a date of the Republic (民國), 2022-01-06
		}
		if m >= 1 && m <= 12 && d >= 1 && d <= 31 && len(groups[1]) <= 2 && len(groups[2]) <= 2 {
			s.add(hit{start: p.start, end: j, value: float64(y*10000 + m*100 + d), unit: "date", kind: convert.KindDate})
			return j, true
		}
	}
	if len(groups) == 2 && sep == '-' && t.plain && len(groups[0]) == 4 && len(groups[1]) == 4 && !isDigit(s.rune(j)) {
		if a, b := atoi(groups[0]), atoi(groups[1]); !(a >= 1000 && a <= 2999 && b >= 1000 && b <= 2999) {
			if u, _ := s.unitAfter(j); u == nil {
				return j, true // 1588-3366, 2312-3456: a telephone number, not a range
			}
		}
	}
	if len(groups) == 2 && sep == '-' && t.plain {
		digits := len(groups[0]) + len(groups[1])
		if !(digits >= 7 && len(groups[0]) != len(groups[1])) {
			return 0, false // a range: finish handles it
		}
	}
	return j, true // a phone number, an identifier, a slash date we cannot read
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + digitVal(r)
		if n > 1e9 {
			return n
		}
	}
	return n
}

// scaleAt reads a multiplier after a number: " million", " billion",
// "bn", "bln", " dozen", " lakh", " crore", ダース (12), and attached "k"
// (5k), "M" (2.5M); after a currency also "m" and "b" ($5m).
func (s *scanner) scaleAt(i int, money bool) (dec, int) {
	if hasAt(s.rs, i, "ダース") {
		return decInt(12), i + 3
	}
	j := i
	if isSpace(s.rune(j)) {
		j++
	}
	w := s.latinWord(j)
	if w == "" || isDigit(s.rune(j+len([]rune(w)))) && len(w) <= 3 {
		return dec{}, i // (billion3: a footnote mark after the word)
	}
	lw := strings.ToLower(w)
	if f, ok := enScale[lw]; ok && (j > i || len(w) <= 3) && (f != 100 || j > i) {
		return scaleDec(f), j + len([]rune(w))
	}
	if j > i {
		switch lw {
		case "dozen":
			return decInt(12), j + len(w)
		case "lakh", "lakhs", "lac", "lacs":
			return decInt(1).mulPow10(5), j + len(w)
		case "crore", "crores":
			return decInt(1).mulPow10(7), j + len(w)
		}
	}
	if j == i {
		switch {
		case w == "k" || w == "K":
			return decInt(1000), j + 1
		case w == "M":
			return decInt(1).mulPow10(6), j + 1
		case money && w == "m":
			return decInt(1).mulPow10(6), j + 1
		case money && (w == "b" || w == "B"):
			return decInt(1).mulPow10(9), j + 1
		}
	}
	return dec{}, i
}

// scaleDec is a power-of-ten multiplier as an exact decimal.
func scaleDec(f float64) dec {
	d := decInt(1)
	for x := f; x >= 10; x /= 10 {
		d = d.mulPow10(1)
	}
	return d
}

// scale multiplies the number by f, exactly.
func (t *numTok) scale(f dec) {
	if t.frac || t.mixed {
		t.val *= f.float()
		return
	}
	t.exact = t.exact.mul(f)
	t.val = t.exact.float()
}

// finish attaches scale, unit and bound to a parsed number.
func (s *scanner) finish(t numTok, p prefix) int {
	if t.words && hasAt(s.rs, t.end, " o'clock") || t.words && hasAt(s.rs, t.end, " o’clock") {
		return t.end + 8 // eleven o'clock: a time of day
	}
	if t.ordinal {
		// twenty-fifth, one hundred and first
		s.add(hit{start: p.start, end: t.end, value: t.val, kind: convert.KindOrdinal, bound: s.boundBefore(p.start)})
		return t.end
	}
	if t.frac {
		s.add(hit{start: p.start, end: t.end, value: t.val, unit: "%", kind: convert.KindPercent, ratio: true,
			bound: join(t.bound, s.boundBefore(p.start))})
		return t.end
	}
	if t.cjk && hasAt(s.rs, t.end, "ダース") {
		t.scale(decInt(12)) // 一ダース
		t.end += 3
		t.one, t.plain = false, false
	}
	if t.arabic && !t.cjk || t.words {
		if f, e := s.scaleAt(t.end, p.cur != ""); !f.isZero() {
			t.scale(f)
			t.end = e
			t.plain = false
		}
	}
	bound := join(t.bound, s.boundBefore(p.start))
	if p.cur == "" {
		if next, ok := s.oneIn(t, p, bound); ok {
			return next
		}
	}
	if p.cur != "" {
		end := t.end
		cur := p.cur
		if u, e := s.unitAfter(end); u != nil && u.class == cMoney {
			if u.s != "元" && u.s != "圆" && u.s != "圓" {
				cur = u.name()
			}
			end = e
		}
		h := hit{start: p.start, end: end, value: t.val, unit: cur, kind: convert.KindMoney}
		if cur == "GBP" && end == t.end {
			s.lsd(&h, t) // £5592 14s. 2d.
		}
		h.bound = join(bound, s.boundAfter(h.end))
		s.add(h)
		return h.end
	}
	if s.rune(t.end) == '度' {
		if e, ok := s.angle(t, p); ok {
			return e // 二十四度五十四分: degrees and minutes
		}
	}
	if t.cjk && !t.arabic && t.end-t.start == 1 && s.rune(t.end) == '、' && isCJKDigitAt(s, t.end+1) &&
		s.rune(t.end+2) == '月' && cjkDigit[s.rune(t.end+1)] == int(t.val)+1 && t.val >= 1 && t.val < 12 {
		// 七、八月: July and August, two months
		for _, m := range []float64{t.val, t.val + 1} {
			s.add(hit{start: p.start, end: t.end + 3, value: m * 100, unit: "date", kind: convert.KindDate})
		}
		return t.end + 3
	}
	u, uend := s.unitAfter(t.end)
	if u == nil && (s.rune(p.start-1) == '(' || s.rune(p.start-1) == '（') && (s.rune(t.end) == ')' || s.rune(t.end) == '）') && t.plain {
		// 今(6)日, (110)年: the unit after the parentheses
		if u2 := s.unitAt(t.end + 1); u2 != nil && (u2.s == "日" || u2.s == "年" || u2.s == "年度") {
			u, uend = u2, t.end+1+u2.n
			p.start--
		}
	}
	if u == nil {
		if e, ok := s.eraGloss(t); ok {
			// 1992（平成4）年1月20日: the era year glosses the year
			u, uend = unitByName("年"), e
		}
	}
	if u == nil {
		if next, ok := s.rangeFrom(t, p, bound); ok {
			return next
		}
		h, ok := s.bare(t, p)
		if ok {
			h.bound = join(h.bound, bound, s.boundAfter(h.end))
			s.add(h)
			return h.end
		}
		return t.end
	}
	h, ok := s.resolve(t, u, p, uend)
	if !ok {
		return t.end
	}
	s.compound(&h, t, u)
	if e, ok := s.koShare(&h, t, u); ok {
		h.end = e // 10명 중 6명: six in ten
	}
	if h.kind == convert.KindOrdinal {
		bound = convert.Exact // 역대 최대 1분기: a superlative, not a bound on a rank
	}
	h.bound = join(h.bound, bound, s.boundAfter(h.end))
	s.add(h)
	return h.end
}

// lsd reads the shillings and pence after pounds written with £: "£5592
// 14s. 2d." is 5592 + 14/20 + 2/240 pounds.
func (s *scanner) lsd(h *hit, t numTok) {
	if !t.exact.integer() || t.val < 0 {
		return
	}
	sum := t.exact.rat()
	j := h.end
	read := false
	for _, part := range []struct {
		mark rune
		den  int64
	}{{'s', 20}, {'d', 240}} {
		if !isSpace(s.rune(j)) || !isDigit(s.rune(j+1)) {
			break
		}
		k := j + 1
		n := 0
		for isDigit(s.rune(k)) {
			n = n*10 + digitVal(s.rune(k))
			k++
		}
		if s.rune(k) != part.mark || isLatin(s.rune(k+1)) || n >= int(part.den) {
			break
		}
		k++
		if s.rune(k) == '.' {
			k++
		}
		sum.Add(sum, big.NewRat(int64(n), part.den))
		j, read = k, true
	}
	if read {
		h.value, h.end, h.ratio = ratFloat(sum), j, true
	}
}

// dayMonthYear reads a European date d.m.yyyy (27.5.2020) at i.
func (s *scanner) dayMonthYear(i int, p prefix) (int, bool) {
	if isAlnum(s.rune(i-1)) || s.rune(i-1) == '.' {
		return 0, false
	}
	d, j := 0, i
	for isDigit(s.rune(j)) && j-i < 2 {
		d = d*10 + digitVal(s.rune(j))
		j++
	}
	if j == i || s.rune(j) != '.' || !isDigit(s.rune(j+1)) {
		return 0, false
	}
	m, k := 0, j+1
	for isDigit(s.rune(k)) && k-j-1 < 2 {
		m = m*10 + digitVal(s.rune(k))
		k++
	}
	if s.rune(k) != '.' || !isDigit(s.rune(k+1)) {
		return 0, false
	}
	y, e := 0, k+1
	for isDigit(s.rune(e)) {
		y = y*10 + digitVal(s.rune(e))
		e++
	}
	if e-k-1 != 4 || isAlnum(s.rune(e)) || s.rune(e) == '.' && isDigit(s.rune(e+1)) || m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 {
		return 0, false
	}
	s.add(hit{start: p.start, end: e, value: float64(y*10000 + m*100 + d), unit: "date", kind: convert.KindDate})
	return e, true
}

// dottedDate reads a date written with dots and spaces after the year:
// "2020. 5. 1." (Korean), also "2020.5.1." with a final dot.
func (s *scanner) dottedDate(t numTok, p prefix) (int, bool) {
	y := int(t.val)
	if y < 1000 || y > 2999 || s.rune(t.end) != '.' {
		return 0, false
	}
	j := t.end + 1
	var parts [2]int
	for k := range parts {
		if isSpace(s.rune(j)) {
			j++
		}
		n, e := 0, j
		for isDigit(s.rune(e)) && e-j < 2 {
			n = n*10 + digitVal(s.rune(e))
			e++
		}
		if e == j || isDigit(s.rune(e)) || s.rune(e) != '.' {
			return 0, false
		}
		parts[k], j = n, e+1
	}
	m, d := parts[0], parts[1]
	if m < 1 || m > 12 || d < 1 || d > 31 || isDigit(s.rune(j)) {
		return 0, false
	}
	s.add(hit{start: p.start, end: j, value: float64(y*10000 + m*100 + d), unit: "date", kind: convert.KindDate})
	return j, true
}

// yearFirstDots reads a date written year first with full stops and no
// spaces (2024.3.5, 2024.03.15, 2024.3.15. as Korean writes it), which
// the number grammar would take for a version string: four digits of a
// year from 1000 to 2999, a month and a day of one or two digits, and
// nothing after but an optional full stop.
func (s *scanner) yearFirstDots(i int, p prefix) (int, bool) {
	if isAlnum(s.rune(i-1)) || s.rune(i-1) == '.' {
		return 0, false
	}
	var parts [3]int
	j := i
	for k, width := range [3]int{4, 2, 2} {
		if k > 0 {
			if s.rune(j) != '.' {
				return 0, false
			}
			j++
		}
		n, e := 0, j
		for isDigit(s.rune(e)) && e-j < width {
			n = n*10 + digitVal(s.rune(e))
			e++
		}
		if e == j || isDigit(s.rune(e)) || k == 0 && e-j != 4 {
			return 0, false
		}
		parts[k], j = n, e
	}
	y, m, d := parts[0], parts[1], parts[2]
	if y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31 || isLatin(s.rune(j)) || s.rune(j) == '.' && isAlnum(s.rune(j+1)) {
		return 0, false
	}
	if s.rune(j) == '.' && !isDigit(s.rune(j+1)) && s.lang == "ko" {
		j++ // 2024.3.15.: the Korean full stop after the day
	}
	s.add(hit{start: p.start, end: j, value: float64(y*10000 + m*100 + d), unit: "date", kind: convert.KindDate})
	return j, true
}

// yearsMonths reads the months after a number of years: 零八個月, 又三个月.
func (s *scanner) yearsMonths(i int) (int, int, bool) {
	j := i
	if s.rune(j) == '零' || s.rune(j) == '又' {
		j++
	}
	if j == i || !isDigit(s.rune(j)) && !isCJKDigitAt(s, j) && s.rune(j) != '十' {
		return 0, 0, false
	}
	t, ok := s.parseNum(j)
	if !ok || !integral(t.val) || t.val < 1 || t.val > 11 || t.fuzzy {
		return 0, 0, false
	}
	for _, w := range []string{"个月", "個月", "か月", "ヶ月", "カ月"} {
		if e, ok := matchAt(s.rs, t.end, w); ok {
			return e, int(t.val), true
		}
	}
	return 0, 0, false
}

// koShare reads a Korean proportion "N명 중 M명" (M of N) after the count
// N with counter u: a percent M/N.
func (s *scanner) koShare(h *hit, t numTok, u *unitEntry) (int, bool) {
	if u.class != cCounter || !hasAt(s.rs, h.end, " 중 ") || t.val <= 0 {
		return 0, false
	}
	k := h.end + 3
	t2, ok := s.parseNum(k)
	if !ok || t2.val < 0 || t2.val > t.val || !hasAt(s.rs, t2.end, u.s) {
		return 0, false
	}
	h.value, h.unit, h.kind, h.ratio = quo(t2.exact, t.exact), "%", convert.KindPercent, true
	return t2.end + u.n, true
}

// compound reads the smaller unit of a compound amount written after a
// figure and adds it: 2222円13銭 (2222.13 JPY), 3元5角 (3.5), 3 dollars 50
// cents (3.5 USD), 3斤2两 (3.2 斤; 16 两 to the 斤 in Traditional
// Chinese).
func (s *scanner) compound(h *hit, t numTok, u *unitEntry) {
	if t.val < 0 || !t.exact.integer() {
		return
	}
	type part struct {
		unit string
		den  int64
		max  int
	}
	var parts []part
	switch u.s {
	case "円":
		parts = []part{{"銭", 100, 99}}
	case "元", "圆", "圓", "块", "塊":
		parts = []part{{"角", 10, 9}, {"毛", 10, 9}}
	case "dollars", "dollar":
		parts = []part{{"cents", 100, 99}, {"cent", 100, 99}}
	case "斤":
		den := int64(10)
		if scriptOf(s.lang) == scriptHant {
			den = 16
		}
		parts = []part{{"两", den, int(den) - 1}, {"兩", den, int(den) - 1}}
	case "euros", "euro":
		parts = []part{{"cents", 100, 99}}
	case "shillings", "shilling":
		parts = []part{{"pence", 240, 11}}
	default:
		return
	}
	j := h.end
	latin := isLatin(s.rune(j - 1))
	if latin {
		if !isSpace(s.rune(j)) {
			return
		}
		j++
		if hasAt(s.rs, j, "and ") {
			j += 4
		}
	}
	var t2 numTok
	var ok bool
	switch {
	case isDigit(s.rune(j)) || isCJKDigitAt(s, j) || s.rune(j) == '十':
		t2, ok = s.parseNum(j)
	case latin && isLatin(s.rune(j)):
		t2, ok = s.parseWords(j) // six shillings and eight pence
		ok = ok && !t2.frac && !t2.ordinal && !t2.mixed
	}
	if !ok || t2.fuzzy || !t2.exact.integer() || t2.val < 1 {
		return
	}
	k := t2.end
	if latin && isSpace(s.rune(k)) {
		k++
	}
	for _, pt := range parts {
		e, ok := matchAt(s.rs, k, pt.unit)
		if !ok || latin && isLatin(s.rune(e)) || int(t2.val) > pt.max {
			continue
		}
		base := t.exact.rat()
		if u.s == "shillings" || u.s == "shilling" {
			base.Quo(base, big.NewRat(20, 1))
		}
		sum := new(big.Rat).Add(base, new(big.Rat).SetFrac64(int64(t2.val), pt.den))
		h.value = ratFloat(sum)
		h.end = e
		if u.s == "元" || u.s == "圆" || u.s == "圓" || u.s == "块" || u.s == "塊" {
			// 3元5角8分
			if t3, ok := s.parseNum(e); ok && t3.exact.integer() && t3.val >= 1 && t3.val <= 9 && s.rune(t3.end) == '分' &&
				s.unitAt(t3.end) != nil && s.unitAt(t3.end).s == "分" {
				sum.Add(sum, new(big.Rat).SetFrac64(int64(t3.val), 100))
				h.value, h.end = ratFloat(sum), t3.end+1
			}
		}
		return
	}
}

// oneIn reads "one in three", "1 in 4": a proportion (Unit "%", kind
// percent, Value 1/3).
func (s *scanner) oneIn(t numTok, p prefix, bound convert.Bound) (int, bool) {
	if !(t.words || t.plain) || !isSpace(s.rune(t.end)) {
		return 0, false
	}
	k := 0
	for _, w := range []string{"in ", "out of every ", "out of "} {
		if hasAt(s.rs, t.end+1, w) {
			k = t.end + 1 + len(w)
			break
		}
	}
	if k == 0 {
		return 0, false
	}
	var t2 numTok
	var ok bool
	switch {
	case isDigit(s.rune(k)):
		t2, ok = s.parseNum(k)
		ok = ok && t2.arabic && !t2.cjk && !isAlnum(s.rune(t2.end)) && !yearLike(t2, 1000, 2999)
	case isLatin(s.rune(k)):
		t2, ok = s.parseWords(k)
		ok = ok && !t2.frac
	}
	if !ok || t.val < 1 || t2.val <= t.val || !integral(t.val) || !integral(t2.val) {
		return 0, false
	}
	if u, _ := s.unitAfter(t2.end); u != nil && !hasAt(s.rs, t.end+1, "out of") {
		return 0, false // 3 in 10 days (but one out of every three dollars)
	}
	s.add(hit{start: p.start, end: t2.end, value: t.val / t2.val, unit: "%", kind: convert.KindPercent, ratio: true,
		bound: join(bound, s.boundAfter(t2.end))})
	return t2.end, true
}

// rangeFrom handles "7至9月", "3到5天", "3–5", "3 to 5 days": two figures
// sharing the unit written after the second, both with the range as text.
func (s *scanner) rangeFrom(t numTok, p prefix, bound convert.Bound) (int, bool) {
	rs := s.rs
	j := t.end
	k := -1
	switch r := s.rune(j); {
	case r == '至' || r == '到' || r == '~' || r == '～' || r == '〜' || r == '–' || r == '—' || r == '-' && t.arabic:
		k = j + 1
	case isSpace(r) && hasAt(rs, j+1, "to") && isSpace(s.rune(j+3)):
		k = j + 4
	}
	if k < 0 || k >= len(rs) || !(isDigit(rs[k]) || isCJKNumeral(rs[k]) && t.cjk) {
		return 0, false
	}
	if t.plain && t.digits == 3 && k == j+1 {
		n := 0
		for isDigit(s.rune(k + n)) {
			n++
		}
		if n == 4 && !isAlnum(s.rune(k+n)) {
			return k + n, true // 541–3037: a phone number
		}
	}
	t2, ok := s.parseNum(k)
	if !ok || t2.frac || isLatin(s.rune(t2.end)) && !isLatinSuffix(s.latinWord(t2.end)) {
		return 0, false
	}
	if t.arabic && !t.cjk || t.words {
		if f, e := s.scaleAt(t2.end, false); !f.isZero() {
			t2.scale(f)
			t2.end = e
			t2.plain = false
		}
	}
	u, uend := s.unitAfter(t2.end)
	if u != nil && u.class == cYear && yearLike(t, 1000, 2999) && (t2.plain || t2.positional) && t2.digits == 2 {
		// 2024至25年度, 二〇二四至二五年度: the second year in two digits
		y := float64(int(t.val)/100*100) + t2.val
		if y <= t.val {
			y += 100
		}
		t2.val, t2.digits = y, 4
	}
	var h1, h2 hit
	var ok1, ok2 bool
	if u != nil {
		t.one, t2.one = false, false
		h2, ok2 = s.resolve(t2, u, prefix{start: k}, uend)
		h1, ok1 = s.resolve(t, u, p, uend)
		if ok1 && h1.kind == convert.KindDate && h2.kind == convert.KindDate && h1.end != h2.end {
			ok1 = false // 2023年5至6月: leave it to the parts
		}
	} else {
		if t.val >= t2.val {
			// 12-0, 3–2: a score or a vote, not a range (a range without
			// a unit goes up)
			return max(t2.end, k+1), true
		}
		h1, ok1 = s.bare(t, p)
		h2, ok2 = s.bare(t2, prefix{start: k})
	}
	if !ok1 || !ok2 {
		return 0, false
	}
	end := max(h2.end, t2.end)
	after := s.boundAfter(end)
	for _, h := range []*hit{&h1, &h2} {
		h.start, h.end = p.start, end
		h.bound = join(h.bound, bound, after)
		s.add(*h)
	}
	return end, true
}

// yearLike reports whether t is written like a year between lo and hi.
func yearLike(t numTok, lo, hi float64) bool {
	return (t.plain || t.positional) && t.digits == 4 && t.val >= lo && t.val <= hi && t.bound == convert.Exact
}

func integral(v float64) bool { return v == float64(int64(v)) }

// resolve turns a number and the unit written after it (ending at uend)
// into a figure.
func (s *scanner) resolve(t numTok, u *unitEntry, p prefix, uend int) (hit, bool) {
	v := t.val
	h := hit{start: p.start, end: uend, value: v, unit: s.unitName(u), kind: kindOf(u.class), bound: join(t.bound, u.bound), ratio: t.mixed}
	if u.place && t.cjk && !t.arabic && t.end-t.start == 1 && (u.class == cMeasure && !strings.HasPrefix(s.lang, "ja") || strings.ContainsRune("行州门門市村首匹层層步歩階杯", u.firstRune())) {
		return h, false // 五行, 九州, 十里, 三門, 一步: names and words (三县, 一府 count)
	}
	if t.one {
		switch {
		case u.class == cTimes, u.class == cTenth, u.class == cMonth, u.class == cQuarter:
		case t.words && u.latin && s.rune(p.start-1) != '-':
			// "one year", "one week": English says "a year" for the article
		case u.place, u.class == cMeasure, u.class == cAge, u.class == cMoney && u.s != "元":
			// 一府, 一县, 一センチ, 一公里: a count or a measure
		case (u.class == cDuration || u.class == cYear && s.rune(uend) != '级' && s.rune(uend) != '級') && !strings.ContainsRune("的这這那每哪同上下前后後头頭第去", s.rune(p.start-1)) &&
			!hasAt(s.rs, uend, "平均") && !hasAt(s.rs, uend, "当たり") && !hasAt(s.rs, uend, "あたり"):
			// 一个月内, 超过一年, 一ヶ月 (but 新的一年, 这一年, 每一天)
		case (u.class == cDuration || u.class == cYear) && s.rune(uend) == '半':
		default:
			return h, false // 一 alone is an article ("一个", "一年"), not a figure
		}
	}
	switch u.class {
	case cMoney:
		switch u.s {
		case "shillings", "shilling":
			h.value, h.ratio = quo(t.exact, decInt(20)), true // 20 shillings to the pound
		case "pence", "ペンス", "ペニー":
			h.value, h.ratio = quo(t.exact, decInt(240)), true // 240 pence to the pound
		}
		if u.s == "ポンド" || u.s == "pounds" || u.s == "pound" {
			if s.weightPound(p.start, uend, t) {
				h.unit, h.kind = "lb", convert.KindQuantity
			}
		}
	case cPercent:
		h.value = v / 100
		if u.s == "‰" {
			h.value = v / 1000
		}
	case cPP:
		h.value = v / 100
		if strings.Contains(u.s, "基") || strings.HasPrefix(u.s, "b") || strings.HasPrefix(u.s, "베") {
			h.value = v / 10000 // basis points
		}
	case cTenth:
		if v <= 0 || v > 10 || strings.ContainsRune("员員本立为為果功交长長熟型都就效绩績分份品年人", s.rune(uend)) {
			return h, false
		}
		h.value = v / 10
		if s.rune(uend) == '半' {
			h.value += 0.05
			h.end++
		}
	case cYear:
		if p.era != "" {
			if t.val < 1 || t.val > 200 || !integral(t.val) || t.fuzzy || u.s != "年" && u.s != "年度" {
				return h, false
			}
			// 康熙二十三年: the year of the era (23, Unit year:康熙); its
			// Gregorian year goes to Date
			if hasAt(s.rs, uend, "法律") || hasAt(s.rs, uend, "政令") || hasAt(s.rs, uend, "条例") || hasAt(s.rs, uend, "省令") {
				return h, false // 平成三十年法律第八十号: a law's number
			}
			y := p.first + int(t.val) - 1
			s.era.name, s.era.first, s.era.n, s.era.end = p.era, p.first, int(t.val), uend
			if e, ok := s.parenYear(uend, y, true); ok {
				// 大正9年(1920年): the Gregorian year glosses the era year
				uend, h.end = e, e
			}
			h.value, h.unit, h.kind, h.greg = t.val, "year:"+p.era, convert.KindYear, y
			if e, m, d, ok := s.monthDay(uend); ok && u.s == "年" {
				// 民國114年1月, 平成4年1月20日: a Gregorian date
				h.end, h.kind, h.unit, h.greg = e, convert.KindDate, "date", 0
				h.value = float64(y*10000 + m*100 + d)
			}
			return h, true
		}
		if (u.s == "年" || u.s == "년") && s.rune(uend) == '代' {
			return h, false // 1930年代: a decade
		}
		if yearLike(t, 1000, 2999) || (t.cjk || t.hangul) && !t.arabic && !t.fuzzy && t.bound == convert.Exact && integral(v) &&
			v >= 1000 && v <= 2999 && int(v)%100 != 0 && (u.s == "年" || u.s == "年度" || u.s == "년" || u.s == "년도") {
			// 2024年, 二〇二四年, 二千十八年 (but 两千年, 一千年 are spans)
			h.unit, h.kind = "year", convert.KindYear
			if u.s == "年" || u.s == "년" {
				if e, ok := s.parenYear(uend, int(v), false); ok {
					// 1888年(明治21年)4月25日: the era year glosses the year
					uend, h.end = e, e
				}
				if e, m, d, ok := s.monthDay(uend); ok {
					h.end, h.kind, h.unit = e, convert.KindDate, "date"
					h.value = v*10000 + float64(m*100+d)
				}
			}
			return h, true
		}
		if (s.rune(p.start-1) == '‘' || s.rune(p.start-1) == '\'' || s.rune(p.start-1) == '’') && t.plain && t.digits == 2 &&
			(u.s == "년" || u.s == "年") && !isAlnum(s.rune(p.start-2)) {
			// ‘21년: 2021
			h.start, h.unit, h.kind = p.start-1, "year", convert.KindYear
			h.value = 2000 + v
			if v > 50 {
				h.value = 1900 + v
			}
			return h, true
		}
		if era, first, ok := s.eraContext(t, p, u, uend); ok {
			// 平成八年が…、九年が…: the same era; 105年 in a Taiwanese
			// text: a year of the Republic (民國)
			p.era, p.first = era, first
			return s.resolve(t, u, p, uend)
		}
		if u.s == "年度" || u.s == "년도" || v < 0 {
			return h, false
		}
		h.unit, h.kind = "years", convert.KindDuration
		s.halfAfter(&h)
		if e, m, ok := s.yearsMonths(h.end); ok && integral(v) {
			// 三年零八個月: 44 months
			h.end, h.unit, h.value = e, "months", v*12+float64(m)
			return h, true
		}
		if u.latin && hasAt(s.rs, h.end, " old") && !isLatin(s.rune(h.end+4)) {
			h.end, h.kind, h.unit = h.end+4, convert.KindQuantity, "age" // twelve years old
		}
	case cMonth:
		if !integral(v) || v < 1 || v > 12 {
			return h, false
		}
		h.unit, h.value = "date", v*100
		if e, d, ok := s.day(uend); ok {
			h.end, h.value = e, v*100+float64(d)
		}
	case cDay:
		if t.fuzzy && u.s != "号" && u.s != "號" {
			// 二三日: two or three days
			h.unit, h.kind = "days", convert.KindDuration
			return h, true
		}
		if integral(v) && (u.s == "日" || u.s == "일") && (v > 31 || hasAt(s.rs, uend, "平均") || hasAt(s.rs, uend, "当たり")) {
			h.unit, h.kind = "days", convert.KindDuration // 250日: a number of days
			return h, true
		}
		if u.s == "日" && integral(v) && s.approxDaysAfter(uend) {
			h.unit, h.kind = "days", convert.KindDuration // 十日ばかり, 十日ほど経ち: about ten days
			return h, true
		}
		if !integral(v) || v < 1 || v > 31 {
			return h, false
		}
		h.unit = "date"
	case cDuration, cAnniv:
		if v < 0 {
			return h, false
		}
		if u.s == "s" && uend == t.end+1 && t.plain && (t.digits == 2 || t.digits == 4) && int64(v)%10 == 0 {
			return h, false // the 1990s, the 80s: decades, not seconds
		}
		s.halfAfter(&h)
		if u.latin && h.unit == "years" && hasAt(s.rs, h.end, " old") && !isLatin(s.rune(h.end+4)) {
			h.end, h.kind, h.unit = h.end+4, convert.KindQuantity, "age" // twelve years old
		}
	case cCounter, cMeasure:
		if u.s == "대" && t.plain && int(v)%10 == 0 && v >= 10 && v <= 90 && (hasAt(s.rs, uend, " 이상") ||
			hasAt(s.rs, uend, " 이하") || hasAt(s.rs, uend, " 미만") || s.rune(uend) == '의' || hasAt(s.rs, uend, "에서")) {
			h.unit, h.kind = "age", convert.KindQuantity // 50대 이상: people in their fifties and older
			return h, true
		}
		if (u.s == "类" || u.s == "類") && s.rune(p.start-1) == '、' {
			return h, false // 一、二类苗: category names
		}
		if s.rune(uend) == '당' {
			return h, false // 1,000명당: the base of a rate
		}
		if v < 0 && u.class == cCounter && !(s.rune(t.start) == '▲' || s.rune(t.start) == '△') {
			return h, false // (▲18万人 is a decrease: a signed count)
		}
		if u.s == "畳" || u.class == cMeasure && !u.latin && s.rune(uend) == '半' && !t.fuzzy {
			s.halfAfter(&h) // 四畳半: 4.5 mats
		}
		if (u.s == "点" || u.s == "點") && !strings.HasPrefix(s.lang, "ja") {
			if s.clockTime(p.start, uend) {
				return h, false // 下午3點, 3点钟: a time of day
			}
			if t.arabic {
				h.kind = convert.KindQuantity // 上漲156點: index points (三点建议 is a count)
			}
		}
		if u.s == "股" && (!t.arabic || strings.ContainsRune("东東市权權份票", s.rune(uend))) {
			return h, false // 三股势力, 10股东: not shares
		}
		if u.s == "位" && strings.HasPrefix(s.lang, "ja") && integral(v) {
			h.kind, h.unit = convert.KindOrdinal, "位"
		}
	case cTimes:
		if u.latin {
			// "10 times more", "three times the price": a multiplier;
			// "visited three times": a frequency, a count.
			h.unit = "times"
			if !s.comparativeAfter(uend) {
				h.kind = convert.KindCount
			}
		}
	case cOrdSuffix:
		if !(t.plain || (u.s == "番目" || u.s == "位目" || u.s == "번째" || u.s == "年生" || u.s == "年目" || u.s == "学年" || u.s == "世紀" || u.s == "世纪") && integral(v) && !t.fuzzy) || v < 1 {
			return h, false
		}
		if u.latin {
			h.unit = ""
			if m, e, ok := s.monthAfterDay(t.end); ok && v <= 31 {
				// 15th October, the 26th of November 1811: a date
				h.end, h.kind, h.unit, h.value = e, convert.KindDate, "date", float64(m*100)+v
				s.yearOf(&h)
			}
		}
	case cQuarter:
		if !integral(v) || v < 1 || v > 4 {
			return h, false
		}
		if s.rune(p.start-1) == '前' && p.start == t.start {
			if t.one {
				return h, false // 前一季度: the previous quarter
			}
			// 前三季度: the first three quarters, a duration
			h.start, h.unit, h.kind = p.start-1, "quarters", convert.KindDuration
			return h, true
		}
		if u.s == "季" {
			return h, false // 三季 alone: seasons or quarters, unclear
		}
	}
	return h, true
}

// unitName is the unit of a figure with unit u: a bare 元 takes the
// currency yuanUnit chose for the text.
func (s *scanner) unitName(u *unitEntry) string {
	if u.class == cMoney && (u.s == "元" || u.s == "圆" || u.s == "圓") && s.yuan != "" {
		return s.yuan
	}
	return u.name()
}

// comparativeAfter reports whether the word after i makes "N times" a
// multiplier: a comparative (more, larger, higher…), "the", "as", "that",
// "what" or "over".
func (s *scanner) comparativeAfter(i int) bool {
	if !isSpace(s.rune(i)) {
		return false
	}
	w := strings.ToLower(s.latinWord(i + 1))
	switch w {
	case "more", "less", "fewer", "the", "as", "that", "what", "over", "faster", "higher", "larger", "greater",
		"bigger", "lower", "smaller", "longer", "cheaper", "better", "worse":
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "er") && !strings.HasSuffix(w, "ever")
}

// clockTime reports whether the number at start with 点/點 ending at end
// is a time of day: 3点钟, 3點半, 下午3點.
func (s *scanner) clockTime(start, end int) bool {
	switch s.rune(end) {
	case '钟', '鐘', '半', '整':
		return true
	}
	for _, w := range []string{"上午", "下午", "晚上", "凌晨", "早上", "中午", "傍晚", "夜里", "夜裡"} {
		if start >= 2 && hasAt(s.rs, start-2, w) {
			return true
		}
	}
	return false
}

// halfAfter adds the 半 of 一年半 (1.5 years).
func (s *scanner) halfAfter(h *hit) {
	if s.rune(h.end) == '半' && !hasAt(s.rs, h.end, "半导体") && !hasAt(s.rs, h.end, "半導體") {
		h.value += 0.5
		h.end++
	}
}

// monthDay reads the "1月5日" after "2024年"; d is 0 without a day.
func (s *scanner) monthDay(i int) (end, m, d int, ok bool) {
	j := i
	if isSpace(s.rune(j)) {
		j++
	}
	if j >= len(s.rs) || !(isDigit(s.rs[j]) || isCJKNumeral(s.rs[j])) {
		return 0, 0, 0, false
	}
	t, ok := s.parseNum(j)
	if !ok || !integral(t.val) || t.val < 1 || t.val > 12 || t.bound != convert.Exact {
		return 0, 0, 0, false
	}
	end = t.end
	if isSpace(s.rune(end)) && isDigit(s.rune(end-1)) && j > i {
		end++ // "2024 年 5 月 13 日": spaced like the year
	}
	r := s.rune(end)
	if r != '月' && r != '월' {
		return 0, 0, 0, false
	}
	end++
	if e, day, ok := s.day(end); ok {
		return e, int(t.val), day, true
	}
	return end, int(t.val), 0, true
}

// day reads the "5日" after a month.
func (s *scanner) day(i int) (end, d int, ok bool) {
	j := i
	if isSpace(s.rune(j)) {
		j++
	}
	if j >= len(s.rs) || !(isDigit(s.rs[j]) || isCJKNumeral(s.rs[j])) {
		return 0, 0, false
	}
	t, ok := s.parseNum(j)
	if !ok || !integral(t.val) || t.val < 1 || t.val > 31 || t.bound != convert.Exact {
		return 0, 0, false
	}
	e := t.end
	if isSpace(s.rune(e)) && isDigit(s.rune(e-1)) && j > i {
		e++ // "5 月 13 日"
	}
	switch s.rune(e) {
	case '日', '号', '號', '일':
		if u := s.unitAt(e); u != nil && u.class != cDay && u.s != "日前" && u.s != "日後" && u.s != "日后" {
			return 0, 0, false // 3日間 is a duration (but 5月3日前 is a date)
		}
		return e + 1, int(t.val), true
	}
	return 0, 0, false
}

// bare makes a figure of a number written without a unit.
func (s *scanner) bare(t numTok, p prefix) (hit, bool) {
	h := hit{start: p.start, end: t.end, value: t.val, kind: convert.KindQuantity, bound: t.bound, ratio: t.mixed || t.frac}
	rs := s.rs
	if t.hangul {
		return h, false // 오십, 이천 alone: a figure only with a unit (이천 is also a city)
	}
	if t.mixed || t.val < 0 && !t.arabic {
		return h, true // 三百五十又3分之1, 负一又二分之一, minus twenty
	}
	if t.words {
		if w, e, ok := s.enNoun(t.end, false); ok && !t.one {
			h.end, h.unit, h.kind = e, w, convert.KindCount
			return h, true
		}
		return h, t.val >= 10 && !t.one
	}
	if t.cjk && !t.arabic {
		if yearLike(t, 1000, 2999) {
			h.unit, h.kind = "year", convert.KindYear
			return h, true
		}
		return h, t.val >= 100 && !t.positional
	}
	// Arabic.
	prev := s.rune(p.start - 1)
	next := s.rune(t.end)
	if p.start == t.start && (isLatin(prev) || isWideLatin(prev) || prev == '#' || prev == '＃') {
		return h, false // B29, Ｂ29, ＱＸ30, #253: a name, a model, an issue number
	}
	if t.arabic && !t.cjk && slices.Contains(rs[t.start:t.end], '.') && next == '.' && !isDigit(s.rune(t.end+1)) && scriptOf(s.lang) != scriptEn &&
		(isSpace(prev) || isHan(prev)) && (isSpace(s.rune(t.end+1)) || isHan(s.rune(t.end+1))) {
		return h, false // 表格 4.1. 所示, 見 4.1. 節: a section number
	}
	if isHangul(next) || isHangul(prev) && p.start == t.start {
		return h, false // 1인가구, 2쪽, 코로나19: part of a word
	}
	if (prev == '(' || prev == '（') && (next == ')' || next == '）') && (t.plain && t.val < 10 || t.val < 1 ||
		isSpace(s.rune(t.end+1)) && isDigit(s.rune(t.end+2)) || t.plain && (isHan(s.rune(p.start-2)) || isLatin(s.rune(p.start-2)))) {
		// (1): an enumerator or a reference; (852) 2152 0111: an area code;
		// 台積電（２３３０）: a stock code
		return h, false
	}
	if (prev == '[' || prev == '［') && (next == ']' || next == '］') {
		return h, false // [8]: a footnote mark
	}
	if t.plain && t.val < 100 && s.clauseStart(p.start) && (next == '.' && !isDigit(s.rune(t.end+1)) || next == '、' || next == ')' || next == '）') {
		return h, false // "1." "1、": a list number
	}
	if m, e, ok := s.monthAfterDay(t.end); ok && t.plain && t.val >= 1 && t.val <= 31 {
		// 5 January 2024, 15th October, the 26th of November
		h.end, h.kind, h.unit = e, convert.KindDate, "date"
		h.value = float64(m*100) + t.val
		s.yearOf(&h)
		return h, true
	}
	if w, k := s.wordBefore(p.start); t.plain && t.val >= 1 && w != "" {
		switch strings.ToLower(w) {
		case "no.":
			h.kind, h.start = convert.KindOrdinal, k // "No. 1": a rank
			return h, true
		case "top":
			if _, _, ok := s.enNoun(t.end, false); !ok {
				// "the Top 10": a rank of 10 or better ("top 3 banks" is a count)
				h.kind, h.bound, h.start = convert.KindOrdinal, convert.AtMost, k
				return h, true
			}
		case "aged", "age", "ages":
			h.unit, h.kind = "age", convert.KindQuantity // "aged 34": an age, like 34岁
			return h, true
		}
	}
	if s.ageApposition(p.start, t) {
		h.unit = "age" // Ms Senkovic, 49, is…
		return h, true
	}
	if s.nameBefore(p.start) {
		return h, false // WWDC 2024, Windows 11
	}
	if yearLike(t, 1800, 2100) || yearLike(t, 1000, 1799) && s.yearContext(p.start, t.end) {
		h.unit, h.kind = "year", convert.KindYear
		return h, true
	}
	if w, e, ok := s.enNoun(t.end, t.plain && t.val == 1); ok {
		h.end, h.unit, h.kind = e, w, convert.KindCount
		return h, true
	}
	if s.seg.units != nil && p.start < len(s.seg.col) {
		hu := ""
		if c := s.seg.col[p.start]; c >= 0 && c < len(s.seg.units) && s.seg.units[c] != "" {
			hu = s.seg.units[c]
		} else if c > 0 {
			hu = s.seg.rowUnit // 营业收入（亿元） | 128.6
		}
		if hu != "" {
			s.tableUnit(&h, hu)
		}
	}
	_ = rs
	return h, true
}

// tableUnit gives a bare number in a table the unit its column header or
// row label names: 微克/立方米, %, and with a multiplier 亿元 (×10^8, CNY),
// 万人 (×10^4, 人), 百万美元, 千元.
func (s *scanner) tableUnit(h *hit, name string) {
	h.unit = name
	mult := 1.0
	rest := []rune(name)
	for len(rest) > 1 && unitByName(string(rest)) == nil { // 千米 is km
		if m, ok := bigMult[rest[0]]; ok && rest[0] < 0xAC00 {
			mult *= m
		} else if m, ok := smallMult[rest[0]]; ok && rest[0] < 0xAC00 && rest[0] != '十' && rest[0] != '拾' {
			mult *= m
		} else {
			break
		}
		rest = rest[1:]
	}
	u := unitByName(string(rest))
	if u == nil {
		return
	}
	h.unit, h.kind = s.unitName(u), kindOf(u.class)
	h.value *= mult
	if u.class == cPercent || u.class == cPP {
		h.value /= 100
	}
}

// yearContext reports whether an older four-digit number reads as a year:
// after "in", "of", "since"… or between commas (a date in a citation).
func (s *scanner) yearContext(start, end int) bool {
	w, _ := s.wordBefore(start)
	switch strings.ToLower(w) {
	case "in", "of", "since", "from", "until", "till", "by", "around", "circa", "c.", "year", "before", "after":
		return true
	}
	return s.rune(start-2) == ',' && (s.rune(end) == ',' || s.rune(end) == '.')
}

// ageApposition reports whether the bare number at start is a person's age
// in apposition: "Mr Teixeira, 49, is…" (a title and a name before, commas
// around).
func (s *scanner) ageApposition(start int, t numTok) bool {
	if !t.plain || t.val < 15 || t.val > 110 || s.rune(start-1) != ' ' || s.rune(start-2) != ',' || s.rune(t.end) != ',' {
		return false
	}
	k := start - 2 // the comma after the name
	for w := 0; w < 3; w++ {
		e := k
		for k > 0 && (isLatin(s.rs[k-1]) || s.rs[k-1] == '.') {
			k--
		}
		word := strings.TrimSuffix(string(s.rs[k:e]), ".")
		switch word {
		case "Mr", "Ms", "Mrs", "Dr", "Miss", "Prof", "Sir", "Madam":
			return w > 0
		}
		if word == "" || !upperFirst(word) || k == 0 || s.rs[k-1] != ' ' {
			return false
		}
		k--
	}
	return false
}

// clauseStart reports whether i starts a line, sentence or clause.
func (s *scanner) clauseStart(i int) bool {
	j := i - 1
	for j >= 0 && isSpace(s.rs[j]) {
		j--
	}
	if j < 0 {
		return true
	}
	return strings.ContainsRune("\n。！？!?；;：:，,、|", s.rs[j])
}

// nameBefore reports whether a bare number follows a capitalized word that
// is part of a name ("WWDC 2024", "Windows 11"), not a preposition.
func (s *scanner) nameBefore(i int) bool {
	if !isSpace(s.rune(i - 1)) {
		return false
	}
	j := i - 1
	k := j
	for k > 0 && isLatin(s.rs[k-1]) {
		k--
	}
	if k == j {
		return false
	}
	w := string(s.rs[k:j])
	if strings.ToLower(w) == w {
		return false // no capital: an ordinary word
	}
	if enStop[strings.ToLower(w)] {
		return false
	}
	if _, m := enMonths[w]; m {
		return false
	}
	switch strings.ToLower(w) {
	case "since", "until", "till", "around", "about", "nearly", "over", "under", "by", "in", "from", "to", "between", "during", "fiscal", "fy", "q1", "q2", "q3", "q4", "early", "late", "mid", "year":
		return false
	}
	return true
}

func upperFirst(w string) bool {
	for _, r := range w {
		return r >= 'A' && r <= 'Z'
	}
	return false
}

// irregularPlurals are English plural nouns that do not end in -s.
var irregularPlurals = map[string]bool{"people": true, "children": true, "men": true, "women": true, "staff": true,
	"personnel": true, "police": true, "cattle": true, "sheep": true, "fish": true, "deer": true, "feet": true,
	"teeth": true, "mice": true, "geese": true, "aircraft": true, "livestock": true, "data": true, "media": true,
	"criteria": true, "phenomena": true, "crew": true, "faculty": true}

// pluralNoun reports whether w looks like a plural noun: -s (not -ss,
// -us, -is) or an irregular plural.
func pluralNoun(w string) bool {
	if irregularPlurals[w] {
		return true
	}
	return len(w) > 2 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "ous")
}

// enNoun reads the English noun after a number (" trips", " European
// countries", " new workers") to use as a counter. The noun must be
// plural, or singular after 1; up to two words before it are taken as its
// adjectives ("three indoor farms" counts farms). Without such a noun the
// number has no counter ("one in three indoor", "three big").
func (s *scanner) enNoun(i int, one bool) (string, int, bool) {
	if !isSpace(s.rune(i)) || !isLatin(s.rune(i+1)) {
		return "", 0, false
	}
	j := i + 1
	for words := 0; words < 3; words++ {
		w := s.latinWord(j)
		e := j + len([]rune(w))
		if len(w) < 2 {
			return "", 0, false
		}
		lw := strings.ToLower(w)
		adjective := lw == "new" || lw == "more" || lw == "other" || lw == "additional" || lw == "extra"
		if enStop[lw] && !adjective {
			return "", 0, false
		}
		if _, ok := enScale[lw]; ok {
			return "", 0, false
		}
		if _, m := enMonths[w]; m {
			return "", 0, false
		}
		title := upperFirst(w) && s.titleCase(i)
		if (!upperFirst(w) || title && pluralNoun(strings.ToLower(w))) && !adjective && (pluralNoun(strings.ToLower(w)) || one && words == 0) {
			return w, e, true
		}
		if s.rune(e) == '-' && isLatin(s.rune(e+1)) {
			// council-led, largest-gaining: a compound adjective
			e += 1 + len([]rune(s.latinWord(e+1)))
		}
		if !isSpace(s.rune(e)) || !isLatin(s.rune(e+1)) {
			return "", 0, false
		}
		j = e + 1
	}
	return "", 0, false
}

// titleCase reports whether the words before i are capitalized too (More
// Than 76 Million Students): in a headline a capitalized noun is a noun.
func (s *scanner) titleCase(i int) bool {
	k := i
	for n := 0; n < 4; n++ {
		for k > 0 && isSpace(s.rs[k-1]) {
			k--
		}
		e := k
		for k > 0 && !isSpace(s.rs[k-1]) {
			k--
		}
		if k == e {
			return false
		}
		tok := string(s.rs[k:e])
		if _, scale := enScale[strings.ToLower(tok)]; scale || isDigit(s.rs[k]) || s.rs[k] == '$' {
			continue // the number and its scale
		}
		return upperFirst(tok) && !enStop[tok] && tok != "Top" && tok != "No."
	}
	return false
}

// monthAfter reads " January" after a day number.
func (s *scanner) monthAfter(i int) (int, int, bool) {
	if !isSpace(s.rune(i)) {
		return 0, 0, false
	}
	w := s.latinWord(i + 1)
	if m, ok := enMonths[w]; ok && len(w) > 3 {
		return m, i + 1 + len(w), true
	}
	return 0, 0, false
}

// isWideLatin reports whether r is a fullwidth Latin letter (Ｂ, ｋ).
func isWideLatin(r rune) bool { return r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ' }

// approxDaysAfter reports whether a word that measures a span follows a
// number of 日 at i (十日ばかり, 十日ほど, 三日余り, 五日あまり, 十日足らず, 十日以上,
// 十日ぶり): the number counts days, it does not name the day of a month.
func (s *scanner) approxDaysAfter(i int) bool {
	for _, w := range []string{"ばかり", "ほど", "程", "余り", "あまり", "足らず", "たらず", "以上", "以内", "ぶり", "振り", "がかり", "近く", "も"} {
		if hasAt(s.rs, i, w) {
			return true
		}
	}
	return false
}

// monthAfterDay reads the month after a day number at i, with an ordinal
// suffix or not and "of" or not: " January", "th October", "th of
// November".
func (s *scanner) monthAfterDay(i int) (int, int, bool) {
	j := i
	switch s.latinWord(j) {
	case "st", "nd", "rd", "th":
		j += 2
	}
	if j > i || isSpace(s.rune(j)) {
		if isSpace(s.rune(j)) && hasAt(s.rs, j+1, "of") && isSpace(s.rune(j+3)) {
			j += 3
		}
	}
	return s.monthAfter(j)
}

// yearOf adds to a date hit the year written after it (5 January 2024,
// the 26th of November, 1811), if any.
func (s *scanner) yearOf(h *hit) {
	if y, e, ok := s.yearAfter(h.end); ok {
		h.value += float64(y * 10000)
		h.end = e
	}
}

// yearAfter reads " 2024" or ", 2024" after a date.
func (s *scanner) yearAfter(i int) (int, int, bool) {
	j := i
	if s.rune(j) == ',' {
		j++
	}
	if !isSpace(s.rune(j)) {
		return 0, 0, false
	}
	j++
	k := j
	for k < len(s.rs) && isDigit(s.rs[k]) {
		k++
	}
	if k-j != 4 || isAlnum(s.rune(k)) {
		return 0, 0, false
	}
	y := atoi(string(s.rs[j:k]))
	if y < 1000 || y > 2999 {
		return 0, 0, false
	}
	return y, k, true
}

// join combines bounds: the first non-exact one, except that a lower and
// an upper bound together (不到20余年) make an approximation.
func join(bs ...convert.Bound) convert.Bound {
	out := convert.Exact
	for _, b := range bs {
		switch {
		case b == convert.Exact || b == out:
		case out == convert.Exact:
			out = b
		case out == convert.About || b == convert.About:
			// an explicit bound wins over "about" (约50项以上 is at least 50)
			if b != convert.About {
				out = b
			}
		default:
			out = convert.About
		}
	}
	return out
}

// boundBefore returns the bound a word written just before i gives (约,
// 超過, 不到, more than, up to).
func (s *scanner) boundBefore(i int) convert.Bound {
	j := i
	if j > 0 && isSpace(s.rs[j-1]) {
		j--
	}
	for _, w := range boundBeforeWords {
		k := j - len(w.r)
		if k < 0 {
			continue
		}
		latin := isLatin(w.r[0])
		if _, ok := matchAt(s.rs, k, w.s); !ok {
			if !latin || !foldEqual(s.rs[k:j], w.r) {
				continue
			}
		}
		if latin && (k > 0 && isLatin(s.rs[k-1]) || j == i) {
			continue
		}
		return w.bound
	}
	return convert.Exact
}

// boundAfter returns the bound a word written at i gives (左右, 以上,
// 以下, or so).
func (s *scanner) boundAfter(i int) convert.Bound {
	j := i
	if isSpace(s.rune(j)) {
		j++
	}
	for _, w := range boundAfterWords {
		e, ok := matchAt(s.rs, j, w.s)
		if !ok {
			continue
		}
		if isLatin(w.r[0]) && (j == i || isLatin(s.rune(e))) {
			continue
		}
		if w.s == "超" && !strings.HasPrefix(s.lang, "ja") {
			continue // 1万人超 (ja); in Chinese 超 starts a word (超市)
		}
		if w.s == "上下" && s.rune(e) == '游' {
			continue // 上下游: up- and downstream
		}
		return w.bound
	}
	return convert.Exact
}

// hyphenUnit handles English compounds: "10-day" (10 days), "30-year-old"
// (an age), "5-km". A word that is not a unit makes it a name ("3-D").
func (s *scanner) hyphenUnit(t numTok, p prefix) int {
	t.one = false // one-year is a number, not an article
	w := s.latinWord(t.end + 1)
	u := s.unitAt(t.end + 1)
	if u == nil || !u.latin || u.n < len([]rune(w)) || isLatin(s.rune(t.end+1+u.n)) {
		return s.skipToken(t.start)
	}
	if u.unit == "years" && hasAt(s.rs, t.end+1+len(w), "-old") && !isLatin(s.rune(t.end+len(w)+5)) {
		end := t.end + 1 + len(w) + 4
		s.add(hit{start: p.start, end: end, value: t.val, unit: "age", kind: convert.KindQuantity,
			bound: s.boundBefore(p.start)})
		return end
	}
	h, ok := s.resolve(t, u, p, t.end+1+u.n)
	if !ok {
		return s.skipToken(t.start)
	}
	h.bound = join(h.bound, s.boundBefore(p.start))
	s.add(h)
	return h.end
}

// timeOfDay reads a time of day written with an hour word: 8時45分,
// 下午5時, 9時半, 3点45分, 下午3点 (時間 and 小时 are durations). It returns
// the end of the time, minutes included.
func (s *scanner) timeOfDay(t numTok, start int) (int, bool) {
	if t.val < 0 || t.val > 24 || !integral(t.val) || t.bound != convert.Exact {
		return 0, false
	}
	end := t.end
	hour := false
	switch s.rune(end) {
	case '時', '时':
		hour = s.unitAt(end) == nil // 8時間 is 8 hours
	case '点', '點':
		hour = !strings.HasPrefix(s.lang, "ja") && (s.clockTime(start, end+1) || s.minutesAt(end+1) > 0)
	case '시':
		// 3시, 3시에, 3시 20분, 3시 반 (but 3시간 is 3 hours).
		next := s.rune(end + 1)
		if !isHangul(next) || strings.ContainsRune("에부까쯤경께반이의로는와과엔", next) {
			j := end + 1
			if isSpace(s.rune(j)) && s.rune(j+1) == '반' {
				return j + 2, true
			}
			if isSpace(s.rune(j)) {
				j++
			}
			if m, ok := s.parseNum(j); ok && isDigit(s.rune(j)) && m.val >= 0 && m.val <= 59 && integral(m.val) && s.rune(m.end) == '분' {
				j = m.end + 1
				if isSpace(s.rune(j)) {
					if sec, ok := s.parseNum(j + 1); ok && isDigit(s.rune(j+1)) && s.rune(sec.end) == '초' {
						return sec.end + 1, true
					}
				}
				return j, true
			}
			return end + 1, true
		}
	}
	if !hour {
		return 0, false
	}
	j := end + 1
	switch {
	case s.rune(j) == '半':
		j++
	case s.minutesAt(j) > 0:
		j = s.minutesAt(j)
	case s.rune(j) == '钟' || s.rune(j) == '鐘' || s.rune(j) == '整':
		j++
	}
	return j, true
}

// minutesAt returns the end of the minutes of a time of day written at j
// ("45分", "45分30秒"), or 0.
func (s *scanner) minutesAt(j int) int {
	if !isDigit(s.rune(j)) && !isCJKDigitAt(s, j) {
		return 0
	}
	m, ok := s.parseNum(j)
	if !ok || m.val < 0 || m.val > 59 || !integral(m.val) || s.rune(m.end) != '分' {
		return 0
	}
	if u := s.unitAt(m.end); u != nil && u.s != "分" {
		return 0 // 45分钟 is a duration
	}
	e := m.end + 1
	if sec, ok := s.parseNum(e); ok && (isDigit(s.rune(e)) || isCJKDigitAt(s, e)) && s.rune(sec.end) == '秒' && s.unitAt(sec.end) != nil && s.unitAt(sec.end).s == "秒" {
		e = sec.end + 1
	}
	return e
}

// contactWords are the words after which digits are a telephone, fax or
// registration number, not a figure (電話 010-65123456, 手机13800138000,
// 대표전화 1588-3366, 統一編號22099131, Tel. 2312 3456).
var contactWords = []string{
	"電話", "电话", "手机", "手機", "專線", "专线", "热线", "熱線", "客服", "傳真", "传真", "編號", "编号", "統編",
	"携帯", "番号", "ダイヤル",
	"전화", "문의", "팩스", "연락처", "번호", "센터",
	"tel", "Tel", "TEL", "fax", "Fax", "FAX", "phone", "Phone",
}

// identifier skips digits that are an identifier rather than a figure:
// after a contact word (contactWords) a few characters before, or an area
// code in parentheses ((02)2312-3456), every digit group of the token; and
// a run of eight or more digits with neither separators nor a unit or
// currency (13800138000, 22099131), which no text writes for an amount.
func (s *scanner) identifier(t numTok, p prefix) (int, bool) {
	rs := s.rs
	end := func() int {
		j := t.end
		for (s.rune(j) == '-' || isSpace(s.rune(j)) && isDigit(s.rune(j+2))) && isDigit(s.rune(j+1)) {
			j++
			for isDigit(s.rune(j)) {
				j++
			}
		}
		return j
	}
	if r := s.rune(t.start - 1); (r == ')' || r == '）') && p.cur == "" {
		k := t.start - 2
		for k >= 0 && isDigit(rs[k]) {
			k--
		}
		if n := t.start - 2 - k; n >= 2 && n <= 4 && k >= 0 && (rs[k] == '(' || rs[k] == '（') {
			return end(), true // (02)2312-3456
		}
	}
	from := max(0, t.start-8)
	before := string(rs[from:t.start])
	for _, w := range contactWords {
		if strings.Contains(before, w) {
			return end(), true
		}
	}
	if t.digits >= 8 && p.cur == "" && !yearLike(t, 1000, 2999) && !(isSpace(s.rune(t.end)) && isLatin(s.rune(t.end+1))) {
		if u, _ := s.unitAfter(t.end); u == nil && !isCJKNumeral(s.rune(t.end)) && s.rune(t.end) != '.' {
			return end(), true
		}
	}
	return 0, false
}

// phoneNumber skips a telephone number written in groups of digits
// separated by single spaces: after a + (+86 10 1234 5678), or at least two
// groups of three or more digits making seven digits or more (2152 0111,
// (852) 2152 0111).
func (s *scanner) phoneNumber(t numTok) (int, bool) {
	plus := s.rune(t.start-1) == '+'
	groups, total, short := 1, t.digits, t.digits < 3
	j := t.end
	for isSpace(s.rune(j)) && isDigit(s.rune(j+1)) {
		k := j + 1
		for isDigit(s.rune(k)) {
			k++
		}
		if isAlnum(s.rune(k)) || (s.rune(k) == '.' || s.rune(k) == ',') && isDigit(s.rune(k+1)) {
			break
		}
		groups++
		total += k - j - 1
		short = short || k-j-1 < 3
		j = k
	}
	if plus && groups >= 2 || groups >= 2 && !short && total >= 7 {
		return j, true
	}
	return 0, false
}

// wordBefore returns the Latin word (with a trailing full stop: "No.")
// right before i, across one space, and where it starts; "" if there is
// none.
func (s *scanner) wordBefore(i int) (string, int) {
	j := i
	if isSpace(s.rune(j - 1)) {
		j--
	}
	k := j
	if s.rune(k-1) == '.' {
		k--
	}
	e := k
	for k > 0 && isLatin(s.rs[k-1]) {
		k--
	}
	if k == e || k > 0 && (isLatin(s.rs[k-1]) || isDigit(s.rs[k-1])) {
		return "", i
	}
	return string(s.rs[k:j]), k
}

// weightPound decides whether ポンド or "pounds" between start and end is
// a weight (lb) rather than sterling, by the words around it: 重さ, 体重,
// 肉, weigh, of beef… make it a weight; 英国, 億, 価格, sterling, million…
// money. Without either, ポンド is money and "pounds" a weight.
func (s *scanner) weightPound(start, end int, t numTok) bool {
	lo, hi := max(0, start-16), min(len(s.rs), end+12)
	after := strings.ToLower(string(s.rs[end:hi]))
	around := strings.ToLower(string(s.rs[lo:start])) + " " + after
	for _, w := range []string{"sterling", "英国", "英國", "イギリス", "ユーロ", "価格", "値段", "円", "ドル", "賞金", "予算",
		"売上", "支払", "払", "income", "paid", "pay", "cost", "price", "fund", "worth", "fine", "£"} {
		if strings.Contains(around, w) {
			return false
		}
	}
	if strings.HasPrefix(after, " of ") {
		return true // 1.2 million pounds of greens
	}
	for _, w := range []string{"重さ", "重量", "体重", "重い", "の肉", "肉", "砂糖", "小麦", "綿", "キロ", "グラム", "weigh",
		"heavy", "of beef", "of meat", "of flour", "of sugar", "of fish", "of cotton", "kg", "kilo"} {
		if strings.Contains(around, w) {
			return true
		}
	}
	// Without context: sterling.
	return false
}

// foldEqual reports whether a and b are equal under simple Unicode case
// folding, without allocating.
func foldEqual(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && unicode.ToLower(a[i]) != unicode.ToLower(b[i]) {
			return false
		}
	}
	return true
}
