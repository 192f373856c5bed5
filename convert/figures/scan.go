package figures

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/docconv/docconv/convert"
)

// hit is a recognized figure in a segment, by rune offsets.
type hit struct {
	start, end int
	value      float64
	unit       string
	kind       convert.FigureKind
	bound      convert.Bound
	ratio      bool // value is a quotient (三分之一): keep every bit
	greg       int  // the Gregorian year of an era year (康熙二十三年: 1684)
}

type scanner struct {
	rs   []rune
	mask []bool
	lang string
	seg  *segment
	hits []hit
	yuan string // the unit of a bare 元: CNY, TWD, HKD or 元 (unknown)
	// spaceSep lets a space separate thousands, for the amount after a
	// currency (€1 074.3 billion, as EU texts write it).
	spaceSep bool
	// era is the last era year read (平成八年), for the bare years of the
	// same era after it in the sentence (九年が…, 十年が…).
	era struct {
		name     string
		first, n int
		end      int
	}
}

// findIn recognizes the figures of one segment; yuan is the currency of a
// bare 元 (yuanUnit).
func findIn(seg segment, lang, yuan string) []convert.Figure {
	if len(seg.text) == 0 {
		return nil
	}
	s := scanner{rs: seg.text, mask: maskSegment(seg.text, seg.skip), lang: strings.ToLower(lang), seg: &seg, yuan: yuan}
	for i := 0; i < len(s.rs); {
		if s.masked(i) {
			i++
			continue
		}
		i = s.at(i)
	}
	if len(s.hits) == 0 {
		return nil
	}
	out := make([]convert.Figure, 0, len(s.hits))
	sent := newSentencer(&seg)
	for _, h := range s.hits {
		v := h.value
		if !h.ratio && math.Abs(v) < 1e15 {
			v = clean(v) // (values from 10^15 on are exact already: no product made them)
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		out = append(out, convert.Figure{
			Text:     string(s.rs[h.start:h.end]),
			Value:    v,
			Unit:     h.unit,
			Kind:     h.kind,
			Date:     isoDate(h),
			Bound:    h.bound,
			Sentence: sent.of(h.start),
		})
	}
	return out
}

// clean rounds away binary noise: 2.07 × 10^8 is 207000000, not 206999999.99999997.
func clean(v float64) float64 {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	c, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil {
		return v
	}
	return c
}

func (s *scanner) masked(i int) bool { return s.mask != nil && i >= 0 && i < len(s.mask) && s.mask[i] }

func (s *scanner) rune(i int) rune {
	if i < 0 || i >= len(s.rs) {
		return 0
	}
	return s.rs[i]
}

func (s *scanner) add(h hit) {
	if (h.kind == convert.KindYear || h.kind == convert.KindDate) && h.bound == convert.Exact {
		// by 2020, by March 2015: at the latest; since 2021, no earlier
		// than Aug. 29: at the earliest
		h.bound = s.boundBefore(h.start)
		if h.bound == convert.Exact {
			w, _ := s.wordBefore(h.start)
			switch strings.ToLower(w) {
			case "by", "before":
				h.bound = convert.AtMost
			case "since", "after":
				h.bound = convert.AtLeast
			}
		}
	}
	if h.unit == "度" && s.rune(h.start-1) != 0 {
		// 섭씨 25도, 화씨 77도, 攝氏25度: the scale before the number.
		k := h.start
		if isSpace(s.rune(k - 1)) {
			k--
		}
		for _, sc := range []struct{ w, unit string }{{"섭씨", "°C"}, {"화씨", "°F"}, {"摄氏", "°C"}, {"攝氏", "°C"}, {"华氏", "°F"}, {"華氏", "°F"}} {
			if n := len([]rune(sc.w)); k >= n && string(s.rs[k-n:k]) == sc.w {
				h.unit, h.start = sc.unit, k-n
				break
			}
		}
	}
	s.hits = append(s.hits, h)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func digitVal(r rune) int {
	if r >= '０' && r <= '９' {
		return int(r - '０')
	}
	return int(r - '0')
}

func isAlnum(r rune) bool { return isDigit(r) || isLatin(r) }

func isMinus(r rune) bool { return r == '-' || r == '−' || r == '－' }

func isSpace(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u2009' || r == '\u202f' }

func isHan(r rune) bool { return r >= 0x3400 && unicode.Is(unicode.Han, r) }

func isCJKNumeral(r rune) bool {
	_, d := cjkDigit[r]
	_, m := smallMult[r]
	return d && r != '○' || m && r < 0xAC00 || r == '廿' || r == '卅' || r == '卌'
}

// prefix is what was written before the number and belongs to the figure.
type prefix struct {
	start int    // where the figure's text begins
	cur   string // currency given by a symbol or word ($, 新台幣)
	era   string // an era name before the number (康熙, 令和)
	first int    // the Gregorian year of the era's first year (康熙 1662)
}

var curPrefixes = []struct{ s, cur string }{
	{"US$", "USD"}, {"HK$", "HKD"}, {"NT$", "TWD"}, {"S$", "SGD"}, {"A$", "AUD"}, {"C$", "CAD"}, {"R$", "BRL"},
	{"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"L", "GBP"}, {"¥", "CNY"}, {"￥", "CNY"}, {"₩", "KRW"}, {"₸", "KZT"},
	{"USD", "USD"}, {"EUR", "EUR"}, {"CNY", "CNY"}, {"RMB", "CNY"}, {"JPY", "JPY"}, {"KRW", "KRW"},
	{"HKD", "HKD"}, {"TWD", "TWD"}, {"GBP", "GBP"}, {"KZT", "KZT"},
	{"新台幣", "TWD"}, {"新臺幣", "TWD"}, {"新台币", "TWD"}, {"台幣", "TWD"}, {"臺幣", "TWD"}, {"台币", "TWD"}, {"人民幣", "CNY"}, {"人民币", "CNY"},
	{"港幣", "HKD"}, {"港币", "HKD"}, {"美金", "USD"},
}

// curByRune indexes curPrefixes by first rune; triggers are the runes that
// may start a figure other than digits, numerals and Latin letters.
var curByRune, triggers = func() (map[rune][]int, map[rune]bool) {
	m, t := map[rune][]int{}, map[rune]bool{'第': true, '제': true, '百': true, '千': true, '万': true, '萬': true, '半': true,
		'负': true, '負': true, 'マ': true, '零': true, '氷': true, '▲': true, '△': true, '北': true, '南': true, '東': true, '东': true, '西': true}
	for i, c := range curPrefixes {
		r := []rune(c.s)[0]
		m[r] = append(m[r], i)
		t[r] = true
	}
	for _, e := range eras {
		t[[]rune(e.s)[0]] = true
	}
	for _, c := range coordPrefixes {
		t[[]rune(c.s)[0]] = true
	}
	return m, t
}()

// at recognizes what starts at i and returns where scanning continues.
func (s *scanner) at(i int) int {
	rs := s.rs
	r := rs[i]
	if !isDigit(r) && !isMinus(r) && !isLatin(r) && !triggers[r] && !isCJKNumeral(r) && !isHangul(r) && r != '.' {
		return i + 1
	}
	if s.negativeAt(i) > 0 && !isLatin(r) {
		return s.number(i, prefix{start: i}) // 负40%, 負債マイナス5, −4.3
	}
	if r == '.' {
		if isDigit(s.rune(i+1)) && !isAlnum(s.rune(i-1)) && s.rune(i-1) != '.' && !isDigit(s.rune(i-1)) {
			return s.number(i, prefix{start: i}) // .5
		}
		return i + 1
	}
	if r == '절' && hasAt(rs, i, "절반") && !isHangul(s.rune(i-1)) {
		// 절반: half
		s.add(hit{start: i, end: i + 2, value: 0.5, unit: "%", kind: convert.KindPercent,
			bound: join(s.boundBefore(i), s.boundAfter(i+2))})
		return i + 2
	}
	if isHangul(r) && !isHangul(s.rune(i-1)) {
		if e, ok := s.nativeKorean(i); ok {
			return e
		}
	}
	if isHangulNumeral(r) {
		if isHangul(s.rune(i - 1)) {
			return i + 1 // inside a word
		}
		if _, d := hangulDigit[r]; d && !isHangulMult(s.rune(i+1)) || !d && !isHangulNumeral(s.rune(i+1)) {
			return i + 1
		}
		return s.number(i, prefix{start: i})
	}
	switch {
	case r == '第' || r == '제' && (isDigit(s.rune(i+1)) || isSpace(s.rune(i+1)) && isDigit(s.rune(i+2))):
		return s.ordinal(i)
	case (r == '百' || r == '千' || r == '万' || r == '萬') && hasAt(rs, i+1, "分之"):
		return s.perPart(i)
	case r == '一' && s.rune(i+1) == '半' && !hasAt(rs, i+1, "半导体") && !hasAt(rs, i+1, "半導體"):
		if _, lex := lexicalAt(rs, i); !lex {
			s.add(hit{start: i, end: i + 2, value: 0.5, unit: "%", kind: convert.KindPercent,
				bound: join(s.boundBefore(i), s.boundAfter(i+2))})
		}
		return i + 2
	case r == '半':
		return s.half(i)
	}
	if e, ok := s.coordinate(i); ok {
		return e
	}
	if e, ok := s.eraAt(i); ok {
		return e
	}
	if p, ok := s.currencyPrefix(i); ok {
		return p
	}
	if isDigit(r) || isMinus(r) && isDigit(s.rune(i+1)) {
		return s.number(i, prefix{start: i})
	}
	if isCJKNumeral(r) {
		return s.number(i, prefix{start: i})
	}
	if isLatin(r) && (i == 0 || !isLatin(rs[i-1])) {
		return s.word(i)
	}
	return i + 1
}

// currencyPrefix handles "$41 billion", "US$5", "€3", "新台幣4.3兆元".
func (s *scanner) currencyPrefix(i int) (int, bool) {
	rs := s.rs
	for _, ci := range curByRune[rs[i]] {
		c := curPrefixes[ci]
		e, ok := matchAt(rs, i, c.s)
		if !ok {
			continue
		}
		if isLatin(rs[i]) && (i > 0 && isAlnum(rs[i-1]) || isLatin(s.rune(e))) {
			continue
		}
		if c.s == "$" && i > 0 && isLatin(rs[i-1]) {
			continue
		}
		if c.s == "L" && (!strings.HasPrefix(s.lang, "en") || i > 0 && !isSpace(rs[i-1]) || !isDigit(s.rune(e)) ||
			isDigit(s.rune(e)) && !isDigit(s.rune(e+1))) {
			continue // L87, L2100: pounds in old English books (not L2, not in other languages)
		}
		j := e
		if isSpace(s.rune(j)) {
			j++
		}
		for _, w := range []string{"约", "約", "逾", "近"} {
			if k, ok := matchAt(rs, j, w); ok {
				j = k
			}
		}
		if !isDigit(s.rune(j)) && !(isCJKNumeral(s.rune(j)) && !isLatin(rs[i])) {
			return 0, false
		}
		cur := c.cur
		if (c.s == "¥" || c.s == "￥") && strings.HasPrefix(s.lang, "ja") {
			cur = "JPY"
		}
		s.spaceSep = true
		next := s.number(j, prefix{start: i, cur: cur})
		s.spaceSep = false
		return next, true
	}
	return 0, false
}

// numTok is a parsed number.
type numTok struct {
	start, end int
	val        float64
	arabic     bool          // has Arabic digits
	cjk        bool          // has Chinese/Japanese numerals
	words      bool          // English number words
	plain      bool          // an Arabic integer without separator, decimals or multiplier
	digits     int           // digits of a plain integer or positional CJK run
	positional bool          // 二〇二四
	one        bool          // the lone numeral 一 (or the word "one")
	bound      convert.Bound // 余, 多, 几 inside (at least), or 三四 ("three or four": at least 3)
	frac       bool          // val is a fraction (two-thirds)
	skipTo     int           // on failure, where to resume (names, versions, phone numbers)
	exact      dec           // the exact value (val is its nearest float64), unless frac
	hangul     bool          // Sino-Korean numerals only (오십이): a figure only with a unit
	fuzzy      bool          // two adjacent numerals (二三日, 十三四): "two or three"
	ordinal    bool          // an English ordinal word (twenty-fifth)
	mixed      bool          // a mixed number (三百五十又3分之1): val only, no exact decimal
}

func isCJKDigitAt(s *scanner, i int) bool {
	_, ok := cjkDigit[s.rune(i)]
	return ok && s.rune(i) != '○'
}

// unitAt returns the unit written at i, if any.
func (s *scanner) unitAt(i int) *unitEntry {
	if i >= len(s.rs) || s.masked(i) {
		return nil
	}
	for _, e := range units[s.rs[i]] {
		end, ok := matchAt(s.rs, i, e.s)
		if !ok {
			continue
		}
		if e.latin && (isLatin(s.rune(end)) || isDigit(s.rune(end))) {
			continue
		}
		if e.latin && e.class == cMoney && s.rune(end) == '-' && isLatin(s.rune(end+1)) {
			continue // two guinea-pigs, a dollar-store: a compound, not money
		}
		if e.s == "人" && s.rune(end) == '口' {
			return nil // 人口: population, a word
		}
		return e
	}
	return nil
}

// unitAfter returns the unit at i, or after one space, and where it ends.
func (s *scanner) unitAfter(i int) (*unitEntry, int) {
	if u := s.unitAt(i); u != nil {
		return u, i + u.n
	}
	if isSpace(s.rune(i)) {
		// "6 周", "3 个", "200 名": zh technical writing puts a space
		// between Arabic digits and a counter; one space only.
		if u := s.unitAt(i + 1); u != nil && (u.latin || !isHan(u.firstRune()) || s.lang == "ko" || u.class == cPercent || isDigit(s.rune(i-1)) && !s.letterSpaced(i, i+1+u.n)) {
			return u, i + 1 + u.n
		}
	}
	return nil, i
}

func (e *unitEntry) firstRune() rune {
	for _, r := range e.s {
		return r
	}
	return 0
}

// letterSpaced reports whether the number ending at the space i and the
// unit after it (ending at e) are part of letter-spaced text ("全 市 1 2 0
// 個 路 口"), where a space separates every character and says nothing.
func (s *scanner) letterSpaced(i, e int) bool {
	j := i
	for j > 0 && (isDigit(s.rs[j-1]) || s.rs[j-1] == '.' || s.rs[j-1] == ',') {
		j--
	}
	before := isSpace(s.rune(j-1)) && !isSpace(s.rune(j-2)) && s.rune(j-2) != 0 && isSpace(s.rune(j-3))
	after := isSpace(s.rune(e)) && !isSpace(s.rune(e+1)) && s.rune(e+1) != 0 && isSpace(s.rune(e+2))
	// A run of several digits ("于 2024 年 5 月") is not letter-spaced,
	// whatever its neighbours look like.
	return i-j == 1 && (before || after)
}

// spacedMultiplier reports whether the space at i, after Arabic digits, is
// followed by a Chinese multiplier that belongs to the number: 万 万 亿 億
// 兆, or 千/百 before one of them (351 亿美元, 3.5 千亿元, 200 万台). One
// space only, and not in letter-spaced text.
func (s *scanner) spacedMultiplier(i int) bool {
	if !isSpace(s.rune(i)) || s.masked(i+1) {
		return false
	}
	big := func(r rune) bool { return r == '万' || r == '萬' || r == '亿' || r == '億' || r == '兆' }
	r := s.rune(i + 1)
	n := 1
	if (r == '千' || r == '百') && big(s.rune(i+2)) {
		n = 2
	} else if !big(r) {
		return false
	}
	return !s.letterSpaced(i, i+1+n)
}
