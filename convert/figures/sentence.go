package figures

import "strings"

// sentencer finds the sentence around a position of a segment.
type sentencer struct {
	seg        *segment
	start, end int // last sentence found
	text       string
}

func newSentencer(seg *segment) *sentencer { return &sentencer{seg: seg, start: -1} }

// closers are closing quotes and brackets that stay with the sentence
// before them (…。」).
const closers = "”’」』）)】〉》\"'"

// of returns the trimmed sentence holding rune i: sentences end at 。！？!?,
// at ". " and at line breaks; a table row is one sentence.
func (z *sentencer) of(i int) string {
	rs := z.seg.text
	if z.seg.row {
		if z.start < 0 {
			z.start, z.end, z.text = 0, len(rs), strings.TrimSpace(string(rs))
		}
		return z.text
	}
	if z.start >= 0 && i >= z.start && i < z.end {
		return z.text
	}
	a := i
	for a > 0 && !endsSentence(rs, a-1) {
		a--
	}
	b := i
	for b < len(rs) && !endsSentence(rs, b) {
		b++
	}
	if b < len(rs) {
		b++
	}
	for b < len(rs) && strings.ContainsRune(closers, rs[b]) {
		b++
	}
	for a < i && strings.ContainsRune(closers, rs[a]) {
		a++
	}
	z.start, z.end, z.text = a, b, strings.TrimSpace(string(rs[a:b]))
	return z.text
}

// endsSentence reports whether rs[k] ends a sentence.
func endsSentence(rs []rune, k int) bool {
	switch rs[k] {
	case '。', '！', '？', '!', '?', '\n':
		return true
	case '.':
		return k+1 < len(rs) && (rs[k+1] == ' ' || rs[k+1] == '\n')
	}
	return false
}
