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
}

type scanner struct {
	rs   []rune
	mask []bool
	lang string
	seg  *segment
	hits []hit
	yuan string // the unit of a bare 元: CNY, TWD, HKD or 元 (unknown)
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
		if !h.ratio {
			v = clean(v)
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		out = append(out, convert.Figure{
			Text:     string(s.rs[h.start:h.end]),
			Value:    v,
			Unit:     h.unit,
			Kind:     h.kind,
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

func (s *scanner) masked(i int) bool { return s.mask != nil && s.mask[i] }

func (s *scanner) rune(i int) rune {
	if i < 0 || i >= len(s.rs) {
		return 0
	}
	return s.rs[i]
}

func (s *scanner) add(h hit) { s.hits = append(s.hits, h) }

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
	era   int    // year offset of an era name (令和 → 2018)
}

var curPrefixes = []struct{ s, cur string }{
	{"US$", "USD"}, {"HK$", "HKD"}, {"NT$", "TWD"}, {"S$", "SGD"}, {"A$", "AUD"}, {"C$", "CAD"}, {"R$", "BRL"},
	{"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "CNY"}, {"￥", "CNY"}, {"₩", "KRW"}, {"₸", "KZT"},
	{"USD", "USD"}, {"EUR", "EUR"}, {"CNY", "CNY"}, {"RMB", "CNY"}, {"JPY", "JPY"}, {"KRW", "KRW"},
	{"HKD", "HKD"}, {"TWD", "TWD"}, {"GBP", "GBP"}, {"KZT", "KZT"},
	{"新台幣", "TWD"}, {"新台币", "TWD"}, {"台幣", "TWD"}, {"台币", "TWD"}, {"人民幣", "CNY"}, {"人民币", "CNY"},
	{"港幣", "HKD"}, {"港币", "HKD"}, {"美金", "USD"},
}

var eras = []struct {
	s    string
	base int
}{{"令和", 2018}, {"平成", 1988}, {"昭和", 1925}, {"大正", 1911}, {"民國", 1911}, {"民国", 1911}}

// curByRune indexes curPrefixes by first rune; triggers are the runes that
// may start a figure other than digits, numerals and Latin letters.
var curByRune, triggers = func() (map[rune][]int, map[rune]bool) {
	m, t := map[rune][]int{}, map[rune]bool{'第': true, '제': true, '百': true, '千': true, '万': true, '萬': true, '半': true}
	for i, c := range curPrefixes {
		r := []rune(c.s)[0]
		m[r] = append(m[r], i)
		t[r] = true
	}
	for _, e := range eras {
		t[[]rune(e.s)[0]] = true
	}
	return m, t
}()

// at recognizes what starts at i and returns where scanning continues.
func (s *scanner) at(i int) int {
	rs := s.rs
	r := rs[i]
	if !isDigit(r) && !isMinus(r) && !isLatin(r) && !triggers[r] && !isCJKNumeral(r) {
		return i + 1
	}
	switch {
	case r == '第' || r == '제' && isDigit(s.rune(i+1)):
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
	for _, e := range eras {
		if hasAt(rs, i, e.s) {
			j := i + 2 // every era name has two characters
			if s.rune(j) == '元' && s.rune(j+1) == '年' {
				s.add(hit{start: i, end: j + 2, value: float64(e.base + 1), unit: "year", kind: convert.KindYear})
				return j + 2
			}
			if isDigit(s.rune(j)) || isCJKNumeral(s.rune(j)) {
				return s.number(j, prefix{start: i, era: e.base})
			}
		}
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
		return s.number(j, prefix{start: i, cur: cur}), true
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
}

// arabic parses Arabic digits at i: "3,800", "1.5", "３８０".
func (s *scanner) arabic(i int) (v float64, end, digits int, sep, dec, bad bool) {
	rs := s.rs
	var b []byte
	j := i
	for j < len(rs) && isDigit(rs[j]) {
		b = append(b, byte('0'+digitVal(rs[j])))
		j++
	}
	digits = j - i
	for digits <= 3 || sep {
		if j+3 < len(rs)+0 && rs[j] == ',' && isDigit(s.rune(j+1)) && isDigit(s.rune(j+2)) && isDigit(s.rune(j+3)) && !isDigit(s.rune(j+4)) {
			b = append(b, byte('0'+digitVal(rs[j+1])), byte('0'+digitVal(rs[j+2])), byte('0'+digitVal(rs[j+3])))
			j += 4
			sep = true
			continue
		}
		break
	}
	if (s.rune(j) == '.' || s.rune(j) == '．') && isDigit(s.rune(j+1)) {
		b = append(b, '.')
		j++
		for j < len(rs) && isDigit(rs[j]) {
			b = append(b, byte('0'+digitVal(rs[j])))
			j++
		}
		dec = true
		if (s.rune(j) == '.') && isDigit(s.rune(j+1)) {
			bad = true // a version string: 1.2.3
			for j < len(rs) && (isAlnum(rs[j]) || rs[j] == '.') {
				j++
			}
			return 0, j, digits, sep, dec, bad
		}
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsInf(f, 0) {
		bad = true
	}
	return f, j, digits, sep, dec, bad
}

// parseNum parses a number at i: Arabic, Chinese/Japanese numerals or a mix
// (410億, 1.5萬, 三百八十億, 1100多万, 1,419억).
func (s *scanner) parseNum(i int) (t numTok, ok bool) {
	rs := s.rs
	n := len(rs)
	t.start = i
	if i < 0 || i >= n {
		return t, false
	}
	pos := i
	neg := false
	if isMinus(rs[pos]) {
		if !isDigit(s.rune(pos+1)) || pos > 0 && isAlnum(rs[pos-1]) {
			return t, false
		}
		neg = true
		pos++
	}
	var total, section, num, lastBig float64
	numSet := false
	any := false
	for pos < n && !s.masked(pos) {
		r := rs[pos]
		if isDigit(r) {
			if numSet {
				break
			}
			v, end, digits, sep, dec, bad := s.arabic(pos)
			if bad {
				t.skipTo = end
				return t, false
			}
			if !any {
				t.plain = !sep && !dec
				t.digits = digits
			} else {
				t.plain = false
			}
			num, numSet, any, t.arabic = v, true, true, true
			pos = end
			if s.spacedMultiplier(pos) {
				pos++ // "351 亿美元", "3.5 千亿元": zh technical spacing
			}
			continue
		}
		if _, isD := cjkDigit[r]; isD && r != '○' {
			if numSet {
				break
			}
			j := pos
			var ds []int
			for j < n && !s.masked(j) {
				d, ok := cjkDigit[rs[j]]
				if !ok || rs[j] == '○' && j == pos {
					break
				}
				ds = append(ds, d)
				j++
			}
			switch {
			case len(ds) == 1:
				num = float64(ds[0])
			case len(ds) == 2 && ds[0] != 0 && ds[1] == ds[0]+1:
				num = float64(ds[0]) // 三四天: three or four days
				t.bound = convert.AtLeast
			default:
				num = 0
				for _, d := range ds {
					num = num*10 + float64(d)
				}
				if !any {
					t.positional = true
					t.digits = len(ds)
				}
			}
			if (s.rune(j) == '点' || s.rune(j) == '點') && isCJKDigitAt(s, j+1) {
				f := 0.1
				j++
				for j < n {
					d, ok := cjkDigit[rs[j]]
					if !ok {
						break
					}
					num += float64(d) * f
					f /= 10
					j++
				}
				t.positional = false
			}
			if !any {
				t.one = len(ds) == 1 && ds[0] == 1
			} else {
				t.one = false
			}
			numSet, any, t.cjk = true, true, true
			pos = j
			continue
		}
		if r == '廿' || r == '卅' || r == '卌' {
			if numSet {
				break
			}
			section += map[rune]float64{'廿': 20, '卅': 30, '卌': 40}[r]
			any, t.cjk, t.one, t.positional = true, true, false, false
			pos++
			continue
		}
		if m, isM := smallMult[r]; isM {
			hangul := r == '천' || r == '백'
			if hangul && !(t.arabic && numSet) {
				break
			}
			if !numSet {
				if pos == i && (r == '十' || r == '拾') {
					num = 1
				} else {
					break
				}
			} else if t.arabic && !t.cjk {
				if u := s.unitAt(pos); u != nil && u.class == cMeasure {
					break // 5千米 is 5 km
				}
			}
			section += num * m
			num, numSet, any = 0, false, true
			t.one, t.positional, t.plain = false, false, false
			if !hangul {
				t.cjk = true
			}
			pos++
			continue
		}
		if b, isB := bigMult[r]; isB {
			hangul := r == '만' || r == '억' || r == '조'
			if hangul && !t.arabic {
				break
			}
			if !any {
				break
			}
			sv := section + num
			switch {
			case sv == 0:
				if total == 0 || b <= lastBig {
					goto done
				}
				total *= b
			case total > 0 && b > lastBig:
				total = (total + sv) * b
			default:
				total += sv * b
			}
			lastBig = b
			section, num, numSet = 0, 0, false
			t.one, t.positional, t.plain = false, false, false
			if !hangul {
				t.cjk = true
			}
			pos++
			if hangul && isSpace(s.rune(pos)) && isDigit(s.rune(pos+1)) {
				pos++
			}
			continue
		}
		if (r == '余' || r == '餘' || r == '多' || r == '几' || r == '幾' || r == '来' || r == '來' || r == '여') && any && !t.one && pos > i {
			// 20余年, 1100多万, 十几年, 10여 명: a lower bound; 十来年: about
			b := convert.AtLeast
			if r == '来' || r == '來' {
				if u := s.unitAt(pos + 1); u == nil {
					break
				}
				b = convert.About
			}
			t.bound = join(t.bound, b)
			pos++
			continue
		}
		break
	}
done:
	if !any {
		return t, false
	}
	t.val = total + section + num
	if neg {
		t.val = -t.val
	}
	t.end = pos
	if t.cjk || !t.arabic {
		t.plain = false
	}
	return t, true
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
