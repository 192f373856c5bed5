package figures

import (
	"strings"
	"unicode"
)

// maxQuoted is the longest quoted phrase (in runes) taken for a name or a
// slogan (“黄金三十年”, 「一帯一路」): figures inside it are not listed.
const maxQuoted = 12

// maskSegment returns which runes of rs are not prose for the recognizer:
// inline code (skip), URLs, e-mail addresses, titles in 《》〈〉 and short
// quoted phrases. It returns nil when nothing is masked.
func maskSegment(rs []rune, skip []bool) []bool {
	var m []bool
	set := func(a, b int) {
		if m == nil {
			m = make([]bool, len(rs))
			copy(m, skip)
		}
		for k := a; k < b; k++ {
			m[k] = true
		}
	}
	if skip != nil {
		set(0, 0)
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == 'h' && (hasAt(rs, i, "http://") || hasAt(rs, i, "https://")) && (i == 0 || !isLatin(rs[i-1])),
			r == 'w' && hasAt(rs, i, "www.") && (i == 0 || !isLatin(rs[i-1])):
			j := i
			for j < len(rs) && urlRune(rs[j]) {
				j++
			}
			set(i, j)
			i = j - 1
		case r == '@':
			a, b := i, i+1
			for a > 0 && emailRune(rs[a-1]) {
				a--
			}
			for b < len(rs) && emailRune(rs[b]) {
				b++
			}
			if a < i && b > i+1 {
				set(a, b)
				i = b - 1
			}
		case r == '《' || r == '〈':
			closer := '》'
			if r == '〈' {
				closer = '〉'
			}
			for j := i + 1; j < len(rs) && j <= i+60; j++ {
				if rs[j] == closer {
					set(i, j+1)
					i = j
					break
				}
			}
		case (r == '(' || r == '（' || r == '「') && citationAt(rs, i):
			// (22 U.S.C. 5725 及 5731), 「明治21年4月25日法律第1号」: a
			// legal citation names a law, it states no figure
			closer := map[rune]rune{'(': ')', '（': '）', '「': '」'}[r]
			for j := i + 1; j < len(rs) && j <= i+80; j++ {
				if rs[j] == closer {
					set(i, j+1)
					i = j
					break
				}
			}
		case r == '“' || r == '「' || r == '『' || r == '"' || r == '‘':
			closer := map[rune]rune{'“': '”', '「': '」', '『': '』', '"': '"', '‘': '’'}[r]
			for j := i + 1; j < len(rs) && j <= i+maxQuoted+1; j++ {
				if rs[j] == closer {
					set(i, j+1)
					i = j
					break
				}
				if isSentenceEnd(rs[j]) || rs[j] == '\n' {
					break
				}
			}
		}
	}
	return m
}

func hasAt(rs []rune, i int, s string) bool {
	_, ok := matchAt(rs, i, s)
	return ok
}

func urlRune(r rune) bool {
	return r > ' ' && r < 0x7f && r != '"' && r != '<' && r != '>'
}

func emailRune(r rune) bool {
	return r < 0x80 && (isLatin(r) || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-' || r == '+' || r == '%')
}

func isLatin(r rune) bool { return r < 0x250 && unicode.IsLetter(r) }

func isSentenceEnd(r rune) bool {
	return r == '。' || r == '！' || r == '？' || r == '!' || r == '?'
}

// citationMarks are the words of a legal citation.
var citationMarks = []string{"U.S.C.", "Pub. L.", "P.L. ", "C.F.R.", "§", "法律第", "政令第", "省令第", "条例第", "告示第", "號令", "法第"}

// citationAt reports whether the parenthesis or bracket at i opens a legal
// citation: one of citationMarks before its closer (within 80 runes).
func citationAt(rs []rune, i int) bool {
	closer := map[rune]rune{'(': ')', '（': '）', '「': '」'}[rs[i]]
	end := -1
	for j := i + 1; j < len(rs) && j <= i+80; j++ {
		if rs[j] == closer {
			end = j
			break
		}
		if rs[j] == '\n' {
			return false
		}
	}
	if end < 0 {
		return false
	}
	inner := string(rs[i+1 : end])
	for _, m := range citationMarks {
		if strings.Contains(inner, m) {
			return true
		}
	}
	return false
}
