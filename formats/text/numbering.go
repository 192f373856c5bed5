package text

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// numStyle is the numbering style of a section title or point, in the
// order of the usual Chinese hierarchy (第一章 > 第一节 > 一、 > （一） > 1. >
// （1）). numNone (zero) is no numbering.
type numStyle int

const (
	numNone        numStyle = iota
	numChapter              // 第一章, 第1章
	numSection              // 第一节, 第1節
	numHan                  // 一、
	numHanParen             // （一）, (一)
	numArabic               // 1. 1、 1．(no space after "1.": "1. item" is a list item)
	numArabicParen          // （1）, (1)
)

const (
	hanNum    = `[一二三四五六七八九十百零〇两]+`
	arabicNum = `[0-9０-９]{1,3}`
)

var numberings = []struct {
	style numStyle
	re    *regexp.Regexp
}{
	{numChapter, regexp.MustCompile(`^第(?:` + hanNum + `|` + arabicNum + `)章`)},
	{numSection, regexp.MustCompile(`^第(?:` + hanNum + `|` + arabicNum + `)[节節]`)},
	{numHan, regexp.MustCompile(`^` + hanNum + `、`)},
	{numHanParen, regexp.MustCompile(`^(?:（` + hanNum + `）|\(` + hanNum + `\))`)},
	{numArabic, regexp.MustCompile(`^` + arabicNum + `(?:[、．]|\.)`)},
	{numArabicParen, regexp.MustCompile(`^(?:（` + arabicNum + `）|\(` + arabicNum + `\))`)},
}

// numbering returns the numbering style of s and the length in bytes of
// its number ("一、", "（一）", "第一章"). The number must be followed by
// text; "1." must not be followed by a digit (1.5亿) or a space (a list
// item).
func numbering(s string) (numStyle, int) {
	// Every pattern starts with 第, a Chinese numeral, a digit or an
	// opening parenthesis: other lines skip the regexps.
	if r, _ := utf8.DecodeRuneInString(s); !numberingStart(r) {
		return numNone, 0
	}
	for _, n := range numberings {
		loc := n.re.FindStringIndex(s)
		if loc == nil {
			continue
		}
		rest := s[loc[1]:]
		if n.style == numChapter || n.style == numSection {
			return n.style, loc[1]
		}
		if rest == "" {
			return numNone, 0
		}
		if n.style == numArabic && strings.HasSuffix(s[:loc[1]], ".") {
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsDigit(r) || unicode.IsSpace(r) {
				return numNone, 0
			}
		}
		return n.style, loc[1]
	}
	return numNone, 0
}

// numberingStart reports whether r can start a numbering (see numberings).
func numberingStart(r rune) bool {
	return r == '第' || r == '（' || r == '(' || '0' <= r && r <= '9' || '０' <= r && r <= '９' ||
		strings.ContainsRune("一二三四五六七八九十百零〇两", r)
}

// Bylines: "By Sarah Mitchell" (a first name of two or more capitalized
// words), "文／记者 王明", "記者 王小明／台北報導", "本报记者 李华 张伟"
// (a space or a place after 记者: "记者招待会" is not a byline),
// "（记者 张三）", "【記者王小明／新竹報導】".
var (
	enName   = `\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}`
	bylineEN = regexp.MustCompile(`^(?:By|BY|by)\s+(\p{Lu}[\p{L}.'’-]*\s+` + enName + `(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)` + enName + `)*)$`)
	hanName  = `\p{Han}[\p{Han}·・]{1,5}`
	hanNames = hanName + `(?:(?:\s+|[、，,])` + hanName + `)*`
	reporter = `(?:(?:本报|本報)?(?:特约|特約)?(?:记者|記者|通讯员|通訊員))`
	place    = `\s*[／/]\s*\p{Han}{0,8}(?:报道|報導|报导|報道|电|電)`
	bylineZH = regexp.MustCompile(`^(?:文\s*[／/]\s*(?:` + reporter + `\s*)?(` + hanNames + `)(?:` + place + `)?` +
		`|` + reporter + `\s+(` + hanNames + `)(?:` + place + `)?` +
		`|` + reporter + `(` + hanNames + `)` + place + `)$`)
	bylineZHB = regexp.MustCompile(`^[（(【\[]\s*` + reporter + `\s*(` + hanNames + `)(?:` + place + `)?\s*[）)】\]]$`)
	nameSep   = regexp.MustCompile(`\s*(?:,|，|、)\s*|\s+`)
	enNameSep = regexp.MustCompile(`\s*(?:,|&|\band\b)\s*`)
)

// byline returns the author names of a byline line, or nil.
func byline(s string) []string {
	// The shortest byline has four characters ("文／王明").
	if utf8.RuneCountInString(s) < 4 {
		return nil
	}
	if m := bylineEN.FindStringSubmatch(s); m != nil {
		var out []string
		for _, n := range enNameSep.Split(m[1], -1) {
			if n = strings.TrimSpace(n); n != "" {
				out = append(out, n)
			}
		}
		return out
	}
	m := bylineZH.FindStringSubmatch(s)
	if m == nil {
		m = bylineZHB.FindStringSubmatch(s)
	}
	if m == nil {
		return nil
	}
	names := ""
	for _, g := range m[1:] {
		if g != "" {
			names = g
			break
		}
	}
	var out []string
	for _, n := range nameSep.Split(names, -1) {
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}
