package figures

import (
	"strings"
	"unicode"

	"github.com/docconv/docconv/convert"
)

// ordinalUnits are the words written after 第N that make it a rank or a
// position (第一大貿易伙伴, 第3章), besides the counters of the unit table.
var ordinalUnits = []string{"大", "代", "章", "节", "節", "期", "课", "課", "集", "季", "版", "步", "站", "卷",
	"波", "层", "層", "世纪", "世紀", "阶段", "階段", "段", "条", "款", "차", "회", "기"}

// ordinal recognizes 第N (第十一次, 第三屆, 第一大) and Korean 제N, also
// with Arabic digits set apart by spaces as technical writing does
// (第 300 期, 제 3 장). 第一， and 第一に at the start of a clause are
// enumerators ("first of all").
func (s *scanner) ordinal(i int) int {
	rs := s.rs
	if end, lex := lexicalAt(rs, i); lex {
		return end
	}
	at := i + 1
	spaced := isSpace(s.rune(at)) && isDigit(s.rune(at+1))
	if spaced {
		at++
	}
	if s.rs[i] == '제' {
		// 제17조, 법률 제16421호, 제3항: Korean citations of articles and laws
		k := at
		for isDigit(s.rune(k)) {
			k++
		}
		if spaced && isSpace(s.rune(k)) {
			k++
		}
		if k > at && strings.ContainsRune("조호항장절관편", s.rune(k)) {
			return k + 1
		}
	}
	t, ok := s.parseNum(at)
	if !ok || t.val < 0 || !integral(t.val) {
		return i + 1
	}
	end := t.end
	if spaced && isSpace(s.rune(end)) && !isSpace(s.rune(end+1)) && !isLatin(s.rune(end+1)) {
		end++ // 第 300 期: the unit after the space (set back below if none)
	}
	if s.clauseStart(i) {
		r := s.rune(end)
		if strings.ContainsRune("，,、：:是", r) || r == 'に' {
			return end + 1 // 第一，要坚持…: an enumerator
		}
	}
	if isLatin(s.rune(end)) && !isLatinSuffix(s.latinWord(end)) {
		return s.skipToken(i + 1)
	}
	switch s.rune(end) {
	case '図', '图', '圖', '表', '号', '號', '条', '條', '項', '项', '款', '頁', '页':
		// 第2図, 第1号, 第22条: a cross-reference or a citation
		return end + 1
	}
	h := hit{start: i, end: end, value: t.val, kind: convert.KindOrdinal, bound: t.bound}
	if u := s.unitAt(end); u != nil && u.class != cMoney && u.class != cPercent && u.class != cPP && u.class != cTenth {
		h.end, h.unit = end+u.n, u.s
		if u.class == cQuarter && t.val >= 1 && t.val <= 4 {
			h.unit = "quarter" // 第三季度, 第2四半期, 第３季
		}
	} else {
		for _, w := range ordinalUnits {
			if e, ok := matchAt(rs, end, w); ok {
				h.end, h.unit = e, w
				break
			}
		}
	}
	if h.unit == "" {
		h.end = t.end
	}
	s.add(h)
	return h.end
}

// perPart recognizes 百分之三十二 (0.32), 千分之五, 万分之一.
func (s *scanner) perPart(i int) int {
	base := map[rune]float64{'百': 100, '千': 1000, '万': 1e4, '萬': 1e4}[s.rs[i]]
	t, ok := s.parseNum(i + 3)
	if !ok || t.val < 0 {
		return i + 3
	}
	s.add(hit{start: i, end: t.end, value: t.val / base, unit: "%", kind: convert.KindPercent,
		bound: join(t.bound, s.boundBefore(i), s.boundAfter(t.end))})
	return t.end
}

// half recognizes 半年, 半个月, 半小时 (0.5 of a duration).
func (s *scanner) half(i int) int {
	if strings.ContainsRune("上下大过過一多前后後近减減折对對", s.rune(i-1)) {
		return i + 1
	}
	u := s.unitAt(i + 1)
	if u != nil && (u.s == "日" || u.s == "月") && !isCJKNumeral(s.rune(i+2)) {
		// 半日: half a day; 半月: half a month
		unit := map[string]string{"日": "days", "月": "months"}[u.s]
		s.add(hit{start: i, end: i + 2, value: 0.5, unit: unit, kind: convert.KindDuration,
			bound: join(s.boundBefore(i), s.boundAfter(i+2))})
		return i + 2
	}
	if u == nil || !(u.class == cDuration || u.s == "年" || u.s == "年間") {
		return i + 1
	}
	unit := u.unit
	if unit == "" {
		unit = "years"
	}
	s.add(hit{start: i, end: i + 1 + u.n, value: 0.5, unit: unit, kind: convert.KindDuration,
		bound: join(s.boundBefore(i), s.boundAfter(i+1+u.n))})
	return i + 1 + u.n
}

// word recognizes English figures that start with a word: number words
// (twenty, two-thirds, 1.5 million is handled by number), month dates
// (January 5, 2024) and "half of".
func (s *scanner) word(i int) int {
	w := s.latinWord(i)
	end := i + len([]rune(w))
	if m, ok := enMonths[w]; ok {
		if e := s.monthDate(i, end, m); e > end || len(s.hits) > 0 && s.hits[len(s.hits)-1].start == i {
			return e
		}
		if (len(w) > 3 || w == "May") && s.monthContext(i) && !s.nameBefore(i) && !s.capitalAfter(end) {
			// in September, November and December: a month (--09); but
			// the March Hare, Mr. March, March Madness are names
			s.add(hit{start: i, end: end, value: float64(m * 100), unit: "date", kind: convert.KindDate,
				bound: s.boundBefore(i)})
		}
		return end
	}
	if v, ok := oldCoins[strings.ToLower(w)]; ok && !isLatin(s.rune(end)) {
		// sixpence, half-a-crown: old British coins, in pounds
		e := end
		if strings.ToLower(w) == "half" {
			e = end + len("-a-crown")
		}
		if strings.ToLower(w) != "half" || hasAt(s.rs, end, "-a-crown") {
			s.add(hit{start: i, end: e, value: v, unit: "GBP", kind: convert.KindMoney, ratio: true,
				bound: join(s.boundBefore(i), s.boundAfter(e))})
			return e
		}
	}
	if lw := strings.ToLower(w); lw == "twice" || lw == "thrice" {
		v := map[string]float64{"twice": 2, "thrice": 3}[lw]
		h := hit{start: i, end: end, value: v, unit: "times", kind: convert.KindCount}
		if s.comparativeAfter(end) {
			h.kind = convert.KindQuantity // twice as much
		}
		s.add(h)
		return end
	}
	if w == "Q" && s.rune(end) >= '1' && s.rune(end) <= '4' && !isAlnum(s.rune(end+1)) {
		// Q3: the third quarter
		s.add(hit{start: i, end: end + 1, value: float64(s.rune(end) - '0'), unit: "quarter", kind: convert.KindOrdinal})
		return end + 1
	}
	lw := strings.ToLower(w)
	if lw == "minus" && s.negativeAt(i) > 0 {
		return s.number(i, prefix{start: i}) // minus 5, minus twenty
	}
	if o, ok := enOrdinal[lw]; ok && o < 100 && !s.fractionBefore(i) && !isLatin(s.rune(end)) &&
		(s.rune(end) != '-' || s.superlativeAt(end+1)) && !strings.HasSuffix(lw, "s") && !s.lexicalOrdinal(i, end, lw) {
		// the fifth, the first test flight: an ordinal; "a third", "one
		// fifth" are fractions (fractionBefore), "third-party" a compound
		if isSpace(s.rune(end)) && isDigit(s.rune(end+1)) {
			return end // the first 3 months: the count is the figure
		}
		if m, e, ok := s.monthAfterDay(end); ok && o <= 31 {
			// the first of September, Fourteenth of March: a date
			h := hit{start: i, end: e, value: float64(m*100 + o), unit: "date", kind: convert.KindDate}
			s.yearOf(&h)
			s.add(h)
			return h.end
		}
		h := hit{start: i, end: end, value: float64(o), kind: convert.KindOrdinal}
		if hasAt(s.rs, end, " century") && !isLatin(s.rune(end+8)) {
			h.end, h.unit = end+8, "century" // the sixteenth century
		}
		s.add(h)
		return h.end
	}
	if lw == "half" && isSpace(s.rune(end)) && hasAt(s.rs, end+1, "of") && !isLatin(s.rune(end+3)) {
		s.add(hit{start: i, end: end, value: 0.5, unit: "%", kind: convert.KindPercent, bound: s.boundBefore(i)})
		return end
	}
	if _, ok := enSmall[lw]; ok {
		if t, ok := s.parseWords(i); ok {
			if s.rune(t.end) == '-' && isLatin(s.rune(t.end+1)) && !t.frac {
				return s.hyphenUnit(t, prefix{start: i}) // a ten-year lease
			}
			return s.finish(t, prefix{start: i})
		}
	}
	return end
}

// monthDate reads "January 5, 2024", "Jan. 5", "January 2024".
func (s *scanner) monthDate(i, end, m int) int {
	j := end
	if s.rune(j) == '.' && len([]rune(string(s.rs[i:end]))) <= 4 {
		j++
	}
	if y, e, ok := s.yearAfter(j); ok {
		s.add(hit{start: i, end: e, value: float64(y*10000 + m*100), unit: "date", kind: convert.KindDate})
		return e
	}
	if !isSpace(s.rune(j)) || !isDigit(s.rune(j+1)) {
		return end
	}
	k := j + 1
	for k < len(s.rs) && isDigit(s.rs[k]) {
		k++
	}
	if k-j-1 > 2 || isAlnum(s.rune(k)) && !isLatinSuffix(s.latinWord(k)) {
		return end
	}
	if isLatin(s.rune(k)) {
		k += len([]rune(s.latinWord(k)))
	}
	d := atoi(strings.TrimRight(string(s.rs[j+1:k]), "stndrh"))
	if d < 1 || d > 31 {
		return end
	}
	v := float64(m*100 + d)
	if (s.rune(k) == '-' || s.rune(k) == '–') && isDigit(s.rune(k+1)) {
		// June 28-29: two days of the month
		e := k + 1
		for isDigit(s.rune(e)) {
			e++
		}
		if d2 := atoi(string(s.rs[k+1 : e])); d2 > d && d2 <= 31 && e-k-1 <= 2 && !isAlnum(s.rune(e)) {
			v2 := float64(m*100 + d2)
			if y, ye, ok := s.yearAfter(e); ok {
				v += float64(y * 10000)
				v2 += float64(y * 10000)
				e = ye
			}
			s.add(hit{start: i, end: e, value: v, unit: "date", kind: convert.KindDate})
			s.add(hit{start: i, end: e, value: v2, unit: "date", kind: convert.KindDate})
			return e
		}
	}
	if y, e, ok := s.yearAfter(k); ok {
		v += float64(y * 10000)
		k = e
	}
	s.add(hit{start: i, end: k, value: v, unit: "date", kind: convert.KindDate})
	return k
}

// fractionBefore reports whether the word at i follows "a", "one" or
// another numerator (a third, one fifth), or is written as a fraction.
func (s *scanner) fractionBefore(i int) bool {
	w, _ := s.wordBefore(i)
	switch strings.ToLower(w) {
	case "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "and":
		return true
	}
	return false
}

// lexicalOrdinal reports whether first or second at i is a word rather
// than a rank: "at first", "first of all", "a second", "seconds", "second
// to none".
func (s *scanner) lexicalOrdinal(i, end int, lw string) bool {
	if upperFirst(string(s.rs[i:end])) && isSpace(s.rune(end)) && upperFirst(s.latinWord(end+1)) {
		return true // Fifth Street, Second World War: names
	}
	if lw != "first" && lw != "second" {
		return upperFirst(string(s.rs[i:end])) && s.clauseStart(i) || s.rune(end) == ','
	}
	w, _ := s.wordBefore(i)
	switch strings.ToLower(w) {
	case "the", "its", "his", "her", "their", "our", "my", "your", "this", "whose":
		// the first test flight, its first wave: a rank
	default:
		return true // First paragraph, at first, a second: words
	}
	return hasAt(s.rs, end, " of all") || hasAt(s.rs, end, " to none") || upperFirst(string(s.rs[i:end])) && s.clauseStart(i) && lw == "second"
}

// monthContext reports whether "May" at i is the month: after a preposition
// of time ("in May", "since May") or before a year or day.
func (s *scanner) monthContext(i int) bool {
	w, _ := s.wordBefore(i)
	switch strings.ToLower(w) {
	case "in", "since", "until", "till", "by", "from", "to", "through", "of", "and", "or", "early", "late", "mid", "last", "next", "this", "during",
		"for", "after", "before", "between", "into", "over", "throughout", "each", "every", "within", "around", "on":
		return true
	}
	return false
}

// capitalAfter reports whether a capitalised word follows i across one
// space (March Hare): the word before it is part of a name.
func (s *scanner) capitalAfter(i int) bool {
	return isSpace(s.rune(i)) && unicode.IsUpper(s.rune(i+1)) && !enStop[s.latinWord(i+1)]
}

// oldCoins are the old British coins named by a word, in pounds.
var oldCoins = map[string]float64{"sixpence": 1.0 / 40, "threepence": 1.0 / 80, "twopence": 1.0 / 120,
	"fourpence": 1.0 / 60, "half": 1.0 / 8 /* half-a-crown */}

// superlativeAt reports whether a superlative is written at i (fourth-most,
// second-largest): the ordinal before it is a rank.
func (s *scanner) superlativeAt(i int) bool {
	w := strings.ToLower(s.latinWord(i))
	return w == "most" || w == "least" || len(w) > 4 && strings.HasSuffix(w, "est")
}
