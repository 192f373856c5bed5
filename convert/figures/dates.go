package figures

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/docconv/docconv/convert"
)

// eras are the era names a year may be counted in, with the Gregorian year
// of their first year (元年). Chinese reign years start with the lunar new
// year: the Gregorian year given is the one the era year mostly falls in.
var eras = []struct {
	s     string
	first int
	lang  string // "ja" or "zh" when the name is read only in that language
}{
	// Japan
	{"令和", 2019, ""}, {"平成", 1989, ""}, {"昭和", 1926, ""}, {"大正", 1912, ""}, {"明治", 1868, ""},
	{"慶応", 1865, "ja"}, {"元治", 1864, "ja"}, {"文久", 1861, "ja"}, {"万延", 1860, "ja"}, {"安政", 1854, "ja"},
	{"嘉永", 1848, "ja"}, {"弘化", 1844, "ja"}, {"天保", 1830, "ja"}, {"文政", 1818, "ja"}, {"文化", 1804, "ja"},
	{"寛政", 1789, "ja"}, {"天明", 1781, "ja"}, {"享保", 1716, "ja"}, {"元禄", 1688, "ja"},
	// Republic of China
	{"民國", 1912, ""}, {"民国", 1912, ""},
	// Qing and Ming reigns
	{"宣統", 1909, ""}, {"宣统", 1909, ""}, {"光緒", 1875, ""}, {"光绪", 1875, ""}, {"同治", 1862, ""},
	{"咸豐", 1851, ""}, {"咸丰", 1851, ""}, {"道光", 1821, ""}, {"嘉慶", 1796, ""}, {"嘉庆", 1796, ""},
	{"乾隆", 1736, ""}, {"雍正", 1723, ""}, {"康熙", 1662, ""}, {"順治", 1644, ""}, {"顺治", 1644, ""},
	{"崇禎", 1628, ""}, {"崇祯", 1628, ""}, {"天啟", 1621, ""}, {"天启", 1621, ""}, {"萬曆", 1573, ""},
	{"万历", 1573, ""}, {"嘉靖", 1522, ""}, {"正德", 1506, ""}, {"成化", 1465, ""}, {"永樂", 1403, ""},
	{"永乐", 1403, ""}, {"洪武", 1368, ""},
}

// erasByRune indexes eras by their first rune.
var erasByRune = func() map[rune][]int {
	m := map[rune][]int{}
	for i, e := range eras {
		r := []rune(e.s)[0]
		m[r] = append(m[r], i)
	}
	return m
}()

// eraAt reads an era year at i: 康熙二十三年, 雍正元年, 平成4年, 民國39年
// (and, with a month, a date: 民國114年1月).
func (s *scanner) eraAt(i int) (int, bool) {
	for _, ei := range erasByRune[s.rs[i]] {
		e := eras[ei]
		if !hasAt(s.rs, i, e.s) || e.lang != "" && !strings.HasPrefix(s.lang, e.lang) {
			continue
		}
		j := i + len([]rune(e.s))
		p := prefix{start: i, era: e.s, first: e.first}
		if s.rune(j) == '元' && (s.rune(j+1) == '年') {
			// 元年: the first year of the era
			t := numTok{start: j, end: j + 1, val: 1, exact: decInt(1), cjk: true}
			h, ok := s.resolve(t, unitByName("年"), p, j+2)
			if ok {
				h.bound = join(h.bound, s.boundBefore(i), s.boundAfter(h.end))
				s.add(h)
				return h.end, true
			}
			return j + 2, true
		}
		if isDigit(s.rune(j)) || isCJKNumeral(s.rune(j)) {
			return s.number(j, p), true
		}
	}
	return 0, false
}

// eraContext says which era a bare N年 counts in: the era of an era year
// read just before in the same sentence (平成八年が…、九年が…: N from that
// year on, followed by a particle or a comma), or in Traditional Chinese
// the Republic for a three-digit year from 100 (105年, 114年度: 2016, 2025).
func (s *scanner) eraContext(t numTok, p prefix, u *unitEntry, uend int) (string, int, bool) {
	if p.era != "" || !integral(t.val) || t.fuzzy || t.bound != convert.Exact || u.s != "年" && u.s != "年度" {
		return "", 0, false
	}
	n := int(t.val)
	if e := s.era; e.name != "" && p.start > e.end && p.start-e.end < 80 && n >= e.n && n <= e.n+30 &&
		strings.ContainsRune("がはにのもと、,", s.rune(uend)) {
		for k := e.end; k < p.start; k++ {
			if isSentenceEnd(s.rs[k]) {
				return "", 0, false
			}
		}
		return e.name, e.first, true
	}
	if scriptOf(s.lang) == scriptHant && t.arabic && t.plain && t.digits == 3 && n >= 100 && n <= 150 &&
		!strings.ContainsRune("間间来來代", s.rune(uend)) {
		return "民國", 1912, true
	}
	return "", 0, false
}

// parenYear reads a year in parentheses at i that is the same year as y
// written the other way: an era year after a Gregorian one ("(明治21年)"),
// or with greg a Gregorian year after an era one ("(1920年)"). It returns
// the end of the parentheses.
func (s *scanner) parenYear(i, y int, greg bool) (int, bool) {
	open := s.rune(i)
	if open != '(' && open != '（' {
		return 0, false
	}
	j := i + 1
	var k int
	if greg {
		t, ok := s.parseNum(j)
		if !ok || !t.plain || int(t.val) != y || s.rune(t.end) != '年' {
			return 0, false
		}
		k = t.end + 1
	} else {
		found := false
		for _, e := range eras {
			m, ok := matchAt(s.rs, j, e.s)
			if !ok {
				continue
			}
			n := 1
			if s.rune(m) == '元' {
				m++
			} else {
				t, ok := s.parseNum(m)
				if !ok || !integral(t.val) {
					return 0, false
				}
				n, m = int(t.val), t.end
			}
			if e.first+n-1 != y || s.rune(m) != '年' {
				return 0, false
			}
			k, found = m+1, true
			break
		}
		if !found {
			return 0, false
		}
	}
	if c := s.rune(k); !(open == '(' && c == ')' || open == '（' && c == '）') {
		return 0, false
	}
	return k + 1, true
}

// eraGloss reads the era year written in parentheses between a Gregorian
// year and its 年: 1992（平成4）年. It returns the end of 年.
func (s *scanner) eraGloss(t numTok) (int, bool) {
	if !yearLike(t, 1000, 2999) {
		return 0, false
	}
	j := t.end
	open := s.rune(j)
	if open != '（' && open != '(' {
		return 0, false
	}
	j++
	for _, e := range eras {
		k, ok := matchAt(s.rs, j, e.s)
		if !ok {
			continue
		}
		n := 1
		if s.rune(k) == '元' {
			k++
		} else {
			t2, ok := s.parseNum(k)
			if !ok || !integral(t2.val) || t2.val < 1 {
				return 0, false
			}
			n, k = int(t2.val), t2.end
		}
		close := s.rune(k)
		if !(open == '（' && close == '）' || open == '(' && close == ')') || s.rune(k+1) != '年' ||
			e.first+n-1 != int(t.val) {
			return 0, false
		}
		return k + 2, true
	}
	return 0, false
}

// coordPrefixes are the words that make a number a latitude or longitude.
var coordPrefixes = []struct{ s, hemi string }{
	{"北緯", "N"}, {"北纬", "N"}, {"南緯", "S"}, {"南纬", "S"}, {"東經", "E"}, {"东经", "E"}, {"東経", "E"},
	{"西經", "W"}, {"西经", "W"}, {"西経", "W"}, {"북위", "N"}, {"남위", "S"}, {"동경", "E"}, {"서경", "W"},
}

// coordinate reads a latitude or longitude: 北緯23°29′, 东经120度30分,
// 23°29′N, 121.5°E. Value is in decimal degrees, Unit "°N", "°S", "°E"
// or "°W". At i starts either a prefix word or the degrees.
func (s *scanner) coordinate(i int) (int, bool) {
	hemi := ""
	j := i
	if r := s.rs[i]; !isDigit(r) {
		for _, c := range coordPrefixes {
			if e, ok := matchAt(s.rs, i, c.s); ok {
				hemi, j = c.hemi, e
				break
			}
		}
		if hemi == "" {
			return 0, false
		}
	}
	if hemi == "" {
		q := i
		for isDigit(s.rune(q)) || s.rune(q) == '.' {
			q++
		}
		if q == i || s.rune(q) != '°' {
			return 0, false
		}
	}
	if hemi != "" && isSpace(s.rune(j)) {
		j++
	}
	deg, ok := s.parseNum(j)
	if !ok || deg.val < 0 || deg.val > 180 || deg.fuzzy || deg.bound != convert.Exact || deg.exact.big {
		return 0, false
	}
	k := deg.end
	degMark := s.rune(k) == '°' || s.rune(k) == '度' || s.rune(k) == '도'
	if !degMark {
		return 0, false
	}
	if s.rune(k) == '°' && (s.rune(k+1) == 'C' || s.rune(k+1) == 'F') {
		return 0, false
	}
	k++
	sum := deg.exact.rat()
	parts := 0
	for _, p := range []struct {
		marks string
		den   int64
	}{{"′'分분", 60}, {"″\"秒초", 3600}} {
		if !isDigit(s.rune(k)) && !isCJKDigitAt(s, k) {
			break
		}
		t, ok := s.parseNum(k)
		if !ok || t.val < 0 || t.val >= 60 || t.fuzzy || !strings.ContainsRune(p.marks, s.rune(t.end)) {
			break
		}
		sum.Add(sum, new(big.Rat).Quo(t.exact.rat(), big.NewRat(p.den, 1)))
		k = t.end + 1
		parts++
	}
	if hemi == "" {
		q := k
		if isSpace(s.rune(q)) {
			q++
		}
		switch r := s.rune(q); {
		case (r == 'N' || r == 'S' || r == 'E' || r == 'W') && !isLatin(s.rune(q+1)):
			hemi, k = string(r), q+1
		default:
			return 0, false // 30°: an angle or a temperature, read as a unit
		}
	}
	if hemi == "N" || hemi == "S" {
		if deg.val > 90 {
			return 0, false
		}
	}
	v, _ := sum.Float64()
	s.add(hit{start: i, end: k, value: v, unit: "°" + hemi, kind: convert.KindQuantity, ratio: true,
		bound: join(s.boundBefore(i), s.boundAfter(k))})
	return k, true
}

// angle reads an angle in degrees and minutes (and seconds) written with
// 度 分 秒: 纬度二十四度五十四分 is 24.9°, Unit "°". Degrees alone (三十度)
// stay a measure.
func (s *scanner) angle(t numTok, p prefix) (int, bool) {
	if t.val < 0 || t.val > 360 || t.fuzzy || t.exact.big || !t.exact.integer() {
		return 0, false
	}
	k := t.end + 1
	sum := t.exact.rat()
	parts := 0
	for _, mk := range []struct {
		r   rune
		den int64
	}{{'分', 60}, {'秒', 3600}} {
		if !isDigit(s.rune(k)) && !isCJKNumeral(s.rune(k)) {
			break
		}
		m, ok := s.parseNum(k)
		if !ok || m.val < 0 || m.val >= 60 || m.fuzzy || s.rune(m.end) != mk.r || hasAt(s.rs, m.end, "分钟") || hasAt(s.rs, m.end, "分鐘") {
			break
		}
		sum.Add(sum, new(big.Rat).Quo(m.exact.rat(), big.NewRat(mk.den, 1)))
		k = m.end + 1
		parts++
	}
	if parts == 0 {
		return 0, false
	}
	v, _ := sum.Float64()
	s.add(hit{start: p.start, end: k, value: v, unit: "°", kind: convert.KindQuantity, ratio: true,
		bound: join(t.bound, s.boundBefore(p.start), s.boundAfter(k))})
	return k, true
}

// isoDate is the Date of a figure: the ISO 8601 text of a date (YYYYMMDD
// value, unknown parts 0) or of a year.
func isoDate(h hit) string {
	switch h.kind {
	case convert.KindYear:
		if h.greg != 0 {
			return strconv.Itoa(h.greg)
		}
		if h.unit == "year" && integral(h.value) && h.value > 0 && h.value < 10000 {
			return pad4(int(h.value))
		}
	case convert.KindDate:
		if !integral(h.value) || h.value <= 0 || h.value > 99991231 {
			return ""
		}
		n := int(h.value)
		return isoOf(n/10000, n/100%100, n%100)
	}
	return ""
}

// isoOf writes a date whose unknown parts are 0: 2024-01-05, 2024-01,
// 2024, --03-15, --04, ---15.
func isoOf(y, m, d int) string {
	if m > 12 || d > 31 {
		return ""
	}
	two := func(k int) string {
		if k < 10 {
			return "0" + strconv.Itoa(k)
		}
		return strconv.Itoa(k)
	}
	switch {
	case y > 0 && m > 0 && d > 0:
		return pad4(y) + "-" + two(m) + "-" + two(d)
	case y > 0 && m > 0:
		return pad4(y) + "-" + two(m)
	case y > 0 && d == 0:
		return pad4(y)
	case y == 0 && m > 0 && d > 0:
		return "--" + two(m) + "-" + two(d)
	case y == 0 && m > 0:
		return "--" + two(m)
	case y == 0 && d > 0:
		return "---" + two(d)
	}
	return ""
}

func pad4(y int) string {
	s := strconv.Itoa(y)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

// inferYear gives the partial dates of figs (a month and day, or a month,
// without a year) the year of the text when the text states only one:
// every year and dated figure (and the document's date, when given) name
// the same Gregorian year. Text is unchanged; Value and Date gain the year.
func inferYear(figs []convert.Figure, docDate string) {
	year := 0
	consider := func(y int) bool {
		if y <= 0 {
			return true
		}
		if year != 0 && year != y {
			return false
		}
		year = y
		return true
	}
	if len(docDate) >= 4 {
		if y, err := strconv.Atoi(docDate[:4]); err == nil && !consider(y) {
			return
		}
	}
	partial := false
	for _, f := range figs {
		switch {
		case f.Kind == convert.KindYear && len(f.Date) == 4:
			y, _ := strconv.Atoi(f.Date)
			if !consider(y) {
				return
			}
		case f.Kind == convert.KindDate && strings.HasPrefix(f.Date, "--"):
			partial = true
		case f.Kind == convert.KindDate && len(f.Date) >= 4:
			y, _ := strconv.Atoi(f.Date[:4])
			if !consider(y) {
				return
			}
		}
	}
	if !partial || year == 0 {
		return
	}
	for i := range figs {
		f := &figs[i]
		if f.Kind != convert.KindDate || !strings.HasPrefix(f.Date, "--") || strings.HasPrefix(f.Date, "---") {
			continue
		}
		n := int(f.Value)
		f.Value = float64(year*10000 + n%10000)
		f.Date = isoOf(year, n/100%100, n%100)
	}
}

// ISODate returns the ISO 8601 date of a figure: f.Date, or for a figure
// made without it (a caller's own list) the date its Value gives — a date's
// YYYYMMDD (unknown parts 0) or a year with Unit "year". "" for other
// kinds.
func ISODate(f convert.Figure) string {
	if f.Date != "" || f.Kind != convert.KindDate && f.Kind != convert.KindYear {
		return f.Date
	}
	return isoDate(hit{value: f.Value, unit: f.Unit, kind: f.Kind})
}
