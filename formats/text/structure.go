package text

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Structure is detected per document: a line's role depends on the other
// lines of its shape (see the package documentation, "Headings"). This
// file holds the shapes and the decisions made over all lines of one.

// lineShape is the kind of a line that may be a heading: a numbering style
// (numStyle values, 1–6) or one of the shapes below. shNone: no shape.
type lineShape int

const (
	shNone    lineShape = 0
	shPart    lineShape = 10 + iota // PART I, BOOK II, Part One, 제1부
	shChapter                       // CHAPTER I., Chapter 12, CHAPTER IV. THE TITLE, 제1장
	shNumeral                       // a number alone: 一, 12, IV, IV.
	shVersion                       // v1.2.0 (2020-01-02), 1.4.3 - 2020-02-02, [1.2.0]
	shCaps                          // A SHORT LINE IN CAPITALS
)

// shapeRank orders shapes for heading levels: a part holds chapters, a
// chapter (第一章) sections (第一节), then 一、, （一）, 1., （1）.
func shapeRank(s lineShape) int {
	switch s {
	case shPart:
		return 0
	case shChapter, lineShape(numChapter):
		return 1
	case shVersion:
		return 2
	case lineShape(numSection):
		return 2
	case shNumeral, shCaps, lineShape(numHan):
		return 3
	case lineShape(numHanParen):
		return 4
	case lineShape(numArabic):
		return 5
	}
	return 6
}

var (
	romanNum   = `[IVXLCivxlc]{1,7}`
	wordNum    = `(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|ELEVEN|TWELVE|First|Second|Third|FIRST|SECOND|THIRD)`
	enNumber   = `(?:` + romanNum + `|[0-9]{1,3}|` + wordNum + `)`
	rePart     = regexp.MustCompile(`^(?:(?:PART|Part|BOOK|Book|VOLUME|Volume)\s+` + enNumber + `\b\.?|제\s?[0-9]{1,3}\s?[부편])`)
	reChapter  = regexp.MustCompile(`^(?:(?:CHAPTER|Chapter|SECTION|Section)\s+` + enNumber + `\b\.?|제\s?[0-9]{1,3}\s?장)`)
	reNumeral  = regexp.MustCompile(`^(?:[一二三四五六七八九十百〇零]{1,4}|[0-9０-９]{1,3}|[IVXLC]{1,7})[.．]?$`)
	reVersion  = regexp.MustCompile(`^(?:Version\s+|Release\s+)?\[?[vV]?[0-9]+(?:\.[0-9]+){1,3}(?:[-+][0-9A-Za-z.]+)?\]?(?:\s*(?:[-–—:]\s*|\(|\[).{0,40})?$`)
	reDateLine = regexp.MustCompile(`^[（(〔［\[]?\s*(?:` +
		// 一九一九年三月, 1919年3月5日, 大正三年四月, 民國十年, 2024年
		`(?:[\p{Han}]{0,2}[一二三四五六七八九十〇零元0-9０-９]{1,4}年(?:[一二三四五六七八九十0-9０-９]{1,2}月(?:[一二三四五六七八九十0-9０-９]{1,3}日)?)?(?:[，,、\s].{0,12})?)` +
		// 2024-03-05, 1919.3
		`|(?:[0-9]{4}[-./][0-9]{1,2}(?:[-./][0-9]{1,2})?)` +
		// March 1919, 5 March 1919, March 5, 1919
		`|(?:(?:[0-9]{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+[0-9]{1,2},)?\s+[0-9]{4})` +
		`)\s*[）)〕］\]]?[。.]?$`)
)

// shapeOf returns the shape of a one-line paragraph.
func shapeOf(s string) lineShape {
	if s == "" {
		return shNone
	}
	if st, _ := numbering(s); st != numNone {
		return lineShape(st)
	}
	switch {
	case reNumeral.MatchString(s):
		return shNumeral
	case rePart.MatchString(s):
		return shPart
	case reChapter.MatchString(s):
		return shChapter
	case len(s) <= 60 && reVersion.MatchString(s):
		return shVersion
	case allCaps(s):
		return shCaps
	}
	return shNone
}

// allCaps reports a short line of at least two Latin words in capitals
// and nothing in lower case ("THE MILLENNIUM FULCRUM EDITION" — an
// edition line is caught by the run rule, not here).
func allCaps(s string) bool {
	if len(s) > 60 || len(strings.Fields(s)) < 2 {
		return false
	}
	upper := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			if r > unicode.MaxLatin1 && !unicode.Is(unicode.Latin, r) {
				return false
			}
			upper++
		case unicode.IsLetter(r):
			return false // Han, kana…
		}
	}
	return upper >= 4
}

// dateLine reports a line that is only a date, as a novel's colophon or a
// letter ends: 一九一九年三月, （大正三年四月）, 1921年12月, March 1919,
// 2024-03-05. Such a line is never a heading.
func dateLine(s string) bool {
	return utf8.RuneCountInString(s) <= 30 && reDateLine.MatchString(s)
}

// attribution reports a line that credits a quotation or a poem: it
// starts with a dash ("— Emily Dickinson", "——李白", "-- Anon.") or is in
// parentheses naming a source. Such a line is never a heading.
func attribution(s string) bool {
	for _, p := range []string{"—", "―", "─", "--", "－－", "～"} {
		if strings.HasPrefix(s, p) {
			rest := strings.TrimLeft(s, "—―─-－～ \u3000")
			return rest != "" && utf8.RuneCountInString(rest) <= 40
		}
	}
	return false
}

// underline returns the character of a setext underline — a line of
// three or more "=", "-", "~" or "^" and nothing else (trailing spaces
// aside) — or 0.
func underline(s string) rune {
	s = strings.TrimRight(s, " \t")
	if len(s) < 3 || !strings.ContainsRune("=-~^", rune(s[0])) {
		return 0
	}
	for i := 1; i < len(s); i++ {
		if s[i] != s[0] {
			return 0
		}
	}
	return rune(s[0])
}

// setext finds setext (and reStructuredText) headings: a paragraph line (not
// a "#" heading, a list item, a table row or a rule) with
// a blank line (or the start) before it, underlined by a line of "=",
// "-", "~" or "^" at least three long and at least half its width. The
// underline is dropped and the line marked with its character; levels
// follow the order in which the characters first appear, as in
// reStructuredText (a changelog's versions underlined with "-" and their
// parts with "~" get two levels).
func setext(lines []line) []line {
	out := lines[:0:0]
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l.text != "" && !l.pageBreak && i+1 < len(lines) && (i == 0 || lines[i-1].text == "") {
			if c := underline(lines[i+1].text); c != 0 && len(lines[i+1].text)*2 >= displayWidthCap(l.text, 2*len(lines[i+1].text)+1) &&
				underline(l.text) == 0 && classify(l.text).kind == uPara && !bulletLine(l.text) {
				l.setext = c
				out = append(out, l)
				i++
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// bulletLine reports a line starting with a bullet symbol (see
// symbolBullet): it is no setext heading, since the heading, written as
// its text, would read back as an item of a list with a line of the same
// symbol ("•0", "---", "•0" gave the heading "•0" over the item "0").
func bulletLine(s string) bool {
	_, _, ok := symbolBullet(s)
	return ok
}

// setextLevels gives the setext headings their levels: HeadingLevel for
// the first underline character met, +1 for the second…
func (p *parser) setextLevels() {
	var order []rune
	for i := range p.units {
		u := &p.units[i]
		if u.setext == 0 {
			continue
		}
		k := slices.Index(order, u.setext)
		if k < 0 {
			order = append(order, u.setext)
			k = len(order) - 1
		}
		u.level = min(HeadingLevel+k, 6)
	}
}

// classInfo is what classes finds about the lines of one shape.
type classInfo struct {
	members int // one-line paragraphs of the shape, outside runs
	good    int // of them, those followed as a heading is
	first   int // index of the first member
}

// classes decides, for each shape used by two lines or more, whether its
// lines are headings: they are when two thirds of them are followed as a
// heading is (by a wider paragraph, a list, a table, or a heading of a
// deeper shape). Then every line of the shape is a heading — the first
// chapter right after the title as well as the last, followed by one
// short line — and lines of a shape that is not are not. A line followed
// by a line of its shape (an entry of a table of contents, a point 一、…
// before 二、…) is never a heading. The result gives, for
// each unit, its shape when the unit is such a heading, else shNone, and
// whether any shape class decided.
func (p *parser) classes() (heads []lineShape, decided map[lineShape]bool) {
	us := p.units
	keys := make([]lineShape, len(us))
	for i, u := range us {
		if u.kind == uPara && u.lines == 1 && u.setext == 0 && !u.toc {
			keys[i] = shapeOf(u.text)
		}
	}
	// A line followed by one of its shape is a point of a list or an
	// entry of a table of contents.
	inRun := func(i int) bool {
		return i+1 < len(us) && keys[i+1] == keys[i]
	}
	stats := map[lineShape]*classInfo{}
	for i := range us {
		k := keys[i]
		if k == shNone || inRun(i) {
			continue
		}
		if ok, _ := p.headingCandidate(i, k); !ok {
			continue
		}
		st := stats[k]
		if st == nil {
			st = &classInfo{first: i}
			stats[k] = st
		}
		st.members++
		if p.followedAsHeading(i, keys) {
			st.good++
		}
	}
	heads = make([]lineShape, len(us))
	decided = map[lineShape]bool{}
	for k, st := range stats {
		if st.members >= 2 {
			decided[k] = st.good*3 >= st.members*2
		} else {
			decided[k] = st.good == 1
		}
	}
	for i := range us {
		k := keys[i]
		if k == shNone || !decided[k] || inRun(i) {
			continue
		}
		// A numbered sentence (（一）……。) is a heading only as one of a
		// class of two or more.
		if ok, short := p.headingCandidate(i, k); ok && (short || stats[k].members >= 2) {
			heads[i] = k
		}
	}
	return heads, decided
}

// headingCandidate reports whether unit i, of shape k, has a heading's
// shape: short (30 CJK characters for a numbered title, 24 otherwise;
// see headingShape), or, for a numbered title, one sentence ending in
// 。 (（一）大力推进现代化产业体系建设，加快发展新质生产力。).
func (p *parser) headingCandidate(i int, k lineShape) (ok, short bool) {
	s := p.units[i].text
	if dateLine(s) || attribution(s) {
		return false, false
	}
	if k == shChapter || k == shPart {
		// The title after "CHAPTER I." is judged on its own.
		re := reChapter
		if k == shPart {
			re = rePart
		}
		rest := strings.TrimSpace(s[re.FindStringIndex(s)[1]:])
		ok = rest == "" || chapterTitle(rest) && len(s) <= 80
		return ok, ok
	}
	if headingShape(s, 30) || k == shVersion && !endsSentence(s) {
		return true, true
	}
	if k >= lineShape(numChapter) && k <= lineShape(numArabicParen) {
		body := strings.TrimSuffix(trimClosers(s), "。")
		n, wide, _ := measure(s)
		return body != trimClosers(s) && !strings.ContainsAny(body, "。！？") && wide*2 >= n && n <= 40, false
	}
	return false, false
}

// followedAsHeading reports whether unit i is followed as a heading is:
// by a list, a table or a heading, by a numbered title of a deeper
// style, or by a paragraph wider than it that is not of its shape.
func (p *parser) followedAsHeading(i int, keys []lineShape) bool {
	us := p.units
	if i+1 >= len(us) {
		return false
	}
	next := us[i+1]
	switch next.kind {
	case uRule, uBreak:
		return false
	case uPara:
		if keys[i+1] == keys[i] {
			return false
		}
		if nk := keys[i+1]; nk != shNone && shapeRank(nk) > shapeRank(keys[i]) {
			return true // 第一章 then 第一节
		}
		w := displayWidth(us[i].text)
		return displayWidthCap(next.text, w+1) > w
	}
	return true
}

// twoLineHeading reports a heading set on two lines, as Project
// Gutenberg texts set chapters: a chapter or part line ("CHAPTER I.")
// over a short title that ends no sentence ("Down the Rabbit-Hole").
func twoLineHeading(a, b string) bool {
	k := shapeOf(a)
	if k != shChapter && k != shPart && k != shNumeral {
		return false
	}
	if loc := reChapter.FindStringIndex(a); k == shChapter && loc[1] != len(strings.TrimSpace(a)) {
		return false // the title is on the first line already
	}
	return chapterTitle(b)
}

// chapterTitle reports a chapter's title, after "CHAPTER XI." on its line
// or under it: heading-like, ending no sentence, though it may ask or
// exclaim ("Who Stole the Tarts?") or be quoted.
func chapterTitle(s string) bool {
	t := strings.TrimRight(trimClosers(s), "?!？！")
	t = strings.TrimLeft(t, "“\"‘'«„‚‹")
	return t != "" && headingShape(t, 30) && !endsSentence(t)
}
