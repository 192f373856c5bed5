package text

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// enumerated matches the start of an enumerated point: Chinese 一是/二是…,
// 其一，, 第一，/第一,/第一、, 首先，其次，再次，最后/最後，; Japanese 第一に、,
// まず、, 最後に、; Korean 첫째, 둘째, … 마지막으로,; English First,
// Second, … Tenth, Firstly, … Finally, Lastly,.
var enumerated = regexp.MustCompile(`^(?:` +
	`[一二三四五六七八九十]+是` +
	`|其[一二三四五六七八九十]+[，,、：:]` +
	`|第[一二三四五六七八九十]+(?:[，,、：:]|に[、，,])` +
	`|(?:首先|其次|再次|最后|最後|最後に|まず)[，,、]` +
	`|(?:첫째|둘째|셋째|넷째|다섯째|여섯째|일곱째|여덟째|아홉째|열째|마지막으로)\s*[,，]` +
	`|(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Firstly|Secondly|Thirdly|Fourthly|Fifthly|Finally|Lastly)[,，]` +
	`)`)

// isEnumerated reports whether a paragraph starts with an enumerator.
func isEnumerated(s string) bool {
	return enumerated.MatchString(s)
}

// firstSentenceEnd returns the byte offset just after the first sentence of
// s: after the first 。！？ (or a . ! ? followed by a space, a CJK
// character or the end of s), including closing quotes and brackets that
// follow it. It returns 0 when s has no sentence end.
func firstSentenceEnd(s string) int {
	for i, r := range s {
		end := i + utf8.RuneLen(r)
		switch r {
		case '。', '！', '？':
		case '.', '!', '?':
			next, _ := utf8.DecodeRuneInString(s[end:])
			if end < len(s) && !unicode.IsSpace(next) && !noSpaceCJK(next) && !isCloser(next) {
				continue
			}
		default:
			continue
		}
		for end < len(s) {
			c, n := utf8.DecodeRuneInString(s[end:])
			if !isCloser(c) {
				break
			}
			end += n
		}
		return end
	}
	return 0
}

func isCloser(r rune) bool {
	return strings.ContainsRune("”’」』）)]】》〉\"'", r)
}

// isWide reports East Asian wide and fullwidth characters (two columns).
func isWide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3040 && r <= 0x30FF, r >= 0xAC00 && r <= 0xD7A3,
		r >= 0x3000 && r <= 0x303E, r >= 0xFF01 && r <= 0xFF60:
		return true
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}

// displayWidth is the width of s in terminal columns (wide characters 2).
func displayWidth(s string) int {
	return displayWidthCap(s, len(s)*2)
}

// displayWidthCap is displayWidth(s) or, if that is more, limit.
func displayWidthCap(s string, limit int) int {
	n := 0
	for _, r := range s {
		n++
		if isWide(r) {
			n++
		}
		if n >= limit {
			return limit
		}
	}
	return n
}
