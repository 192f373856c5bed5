package normalize

import (
	"context"
	"strings"

	"github.com/docconv/docconv/convert"
)

// Spacing removes the spaces that text copied from some web pages puts
// between every CJK character (transform "spacing"): 台 北 市 推 動 → 台北市推動,
// 1 2 0 個 → 120個, 2 0 2 5 年 → 2025年, 1 5 % → 15%.
//
// It acts only on a spaced document. Among the adjacent pairs of Han or
// kana characters of the document's text — two such characters either
// next to each other or separated by exactly one space (U+0020 or U+3000)
// — more than half must be separated by one space, and at least
// [SpacingMinPairs] of them. A normal article with a few stray spaces
// (兩國貿易額達 410億美元) is left exactly as it is, and so is a document whose Hangul syllables
// outnumber its Han characters and kana (Korean separates words with
// spaces).
//
// In a spaced document a single space (U+0020 or U+3000, not two) is
// removed between:
//
//   - two CJK characters: Han, kana, Bopomofo, CJK punctuation and
//     fullwidth forms (計 畫 → 計畫, 布 ， 將 → 布，將, 「 台 → 「台);
//   - a CJK character and a digit, either way (約 1 5 → 約15, 3 億 → 3億);
//   - two digits (1 2 0 → 120, 2 0 2 5 → 2025): the page spaced the
//     digits too;
//   - a digit or a CJK character and % or ％, and % or ％ and a CJK
//     character (1 5 % 。 → 15%。);
//   - a CJK character and a Latin letter, either way (與 Google 合 作 →
//     與Google合作): the space between Han and Latin text is the
//     renderer's business in CJK typesetting (CSS text-autospace, the
//     Han–Latin gap of JIS X 4051/clreq), not a character of the text;
//   - two single Latin letters, when both are words of one letter
//     (A I 感 測 器 → AI感測器, I S O 2 7 0 0 1 → ISO 27001).
//
// Kept: spaces between Latin words (Open Data, Google Maps), between a
// Latin letter and a digit (ISO 27001), runs of two or more spaces, and
// every space next to Hangul. Spaces are removed within one Text inline:
// a space at an inline boundary (before a link, after bold) stays. The
// free-text metadata (title, subtitle, description, keywords) is treated
// too. Counted: "spaces between CJK characters removed".
type Spacing struct{}

// SpacingMinPairs is the number of space-separated pairs of Han or kana
// characters a document needs at least before Spacing treats it as spaced.
const SpacingMinPairs = 3

// Name returns "spacing".
func (Spacing) Name() string { return "spacing" }

// TransformDocument implements convert.DocumentTransform.
func (Spacing) TransformDocument(ctx context.Context, d *convert.Document, opts *convert.Options) error {
	var st spacingStats
	convert.Inspect(d.Blocks, func(n any) bool {
		if t, ok := n.(*convert.Text); ok {
			st.add(t.Text)
		}
		return true
	})
	for _, p := range metaStrings(&d.Meta) {
		st.add(*p)
	}
	n := 0
	if st.isSpaced() {
		convert.MapInlines(d.Blocks, func(in convert.Inline) []convert.Inline {
			if t, ok := in.(*convert.Text); ok {
				var k int
				t.Text, k = despace(t.Text)
				n += k
			}
			return []convert.Inline{in}
		})
		for _, p := range metaStrings(&d.Meta) {
			var k int
			*p, k = despace(*p)
			n += k
		}
	}
	report(opts).Add(Stage, "spaces between CJK characters removed", n)
	return ctx.Err()
}

// spacingStats counts the pairs of Han and kana characters of a document.
type spacingStats struct {
	joined, spaced  int // pairs next to each other, pairs one space apart
	hanKana, hangul int
}

func isSpacingSpace(r rune) bool { return r == ' ' || r == '\u3000' }

func (st *spacingStats) add(s string) {
	// p1 is the character before the last, p0 the last one.
	var p1, p0 rune
	for _, r := range s {
		switch {
		case isHanKana(r):
			st.hanKana++
			if isHanKana(p0) {
				st.joined++
			} else if isSpacingSpace(p0) && isHanKana(p1) {
				st.spaced++
			}
		case isHangul(r):
			st.hangul++
		}
		p1, p0 = p0, r
	}
}

func (st *spacingStats) isSpaced() bool {
	return st.hangul <= st.hanKana && st.spaced >= SpacingMinPairs && st.spaced > st.joined
}

// spacing classes of the characters around a space.
const (
	clsOther = iota
	clsCJK
	clsDigit
	clsPercent
	clsLatin
)

func spacingClass(r rune) int {
	switch {
	case r == '%' || r == '％':
		return clsPercent
	case isDigit(r):
		return clsDigit
	case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
		return clsLatin
	case isHanLike(r) && !isHangul(r):
		return clsCJK
	}
	return clsOther
}

// despace removes the single spaces of s that the Spacing rules remove and
// returns the new text and the number of spaces removed.
func despace(s string) (string, int) {
	if !strings.ContainsAny(s, " \u3000") {
		return s, 0
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	n := 0
	for i, r := range rs {
		if isSpacingSpace(r) && i > 0 && i+1 < len(rs) && !isSpacingSpace(rs[i-1]) && !isSpacingSpace(rs[i+1]) &&
			removable(rs, i) {
			n++
			continue
		}
		out = append(out, r)
	}
	if n == 0 {
		return s, 0
	}
	return string(out), n
}

// removable reports whether the single space rs[i] goes (see Spacing).
func removable(rs []rune, i int) bool {
	l, r := spacingClass(rs[i-1]), spacingClass(rs[i+1])
	switch {
	case l == clsCJK && (r == clsCJK || r == clsDigit || r == clsPercent || r == clsLatin):
		return true
	case l == clsDigit && (r == clsCJK || r == clsDigit || r == clsPercent):
		return true
	case l == clsPercent && r == clsCJK:
		return true
	case l == clsLatin && r == clsCJK:
		return true
	case l == clsLatin && r == clsLatin:
		return singleLetter(rs, i-1) && singleLetter(rs, i+1)
	}
	return false
}

// singleLetter reports whether the Latin letter rs[i] is a word of one
// letter: no letter or digit on either side.
func singleLetter(rs []rune, i int) bool {
	word := func(r rune) bool { c := spacingClass(r); return c == clsLatin || c == clsDigit }
	return (i == 0 || !word(rs[i-1])) && (i+1 == len(rs) || !word(rs[i+1]))
}
