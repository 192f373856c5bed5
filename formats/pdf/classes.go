package pdf

import (
	"strings"
	"unicode"
)

// Character classes for line breaking and spacing (W3C clreq "basic"
// level, jlreq, CJK-TYPOGRAPHY.md).

// lineStartProhibited are the characters that must not begin a line, by
// the classes of jlreq appendix A and clreq 3.1.7, with their fullwidth,
// halfwidth, small (U+FE50) and vertical (U+FE10) forms:
//   - closing brackets and quotes (jlreq cl-02);
//   - hyphens: ‐ 〜 ゠ – (cl-03), and the wave dash's fullwidth twin ～;
//   - dividing marks ？ ！ ‼ ⁇ ⁈ ⁉ (cl-04);
//   - middle dots, colons and semicolons (cl-05), the Chinese · and ‧;
//   - full stops and commas (cl-06, cl-07);
//   - the ellipses … ‥ (cl-08, which also never split, see inseparable);
//   - iteration marks (cl-09), the prolonged sound mark (cl-10) and the
//     small kana (cl-11), halfwidth katakana forms included, and the
//     combining voiced sound marks ゛ ゜;
//   - postfixed abbreviations ％ ‰ ℃ ° ′ ″ (cl-13), which follow their
//     number.
const lineStartProhibited = "）〕］｝〉》」』】｠〙〗〛〟〞’”»›" + ")]}" + "｣" + "﹚﹜﹞︶︸︺︼︾﹀﹂﹄﹈" +
	"‐〜゠–～" +
	"？！‼⁇⁈⁉" + "?!" + "﹖﹗︖︕" +
	"・：；·‧" + ":;" + "･" + "﹕﹔︓︔" +
	"。．，、" + ".," + "｡､" + "﹒﹐﹑︒︐︑" +
	"…‥" + "︙︰" +
	"ゝゞヽヾ々〻" +
	"ー" + "ｰ" +
	"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ" + "ｧｨｩｪｫｬｭｮｯ" + "゛゜ﾞﾟ" +
	"％‰℃°′″" + "%"

// lineEndProhibited are the characters that must not end a line: opening
// brackets and quotes (jlreq cl-01) in all their forms.
const lineEndProhibited = "（〔［｛〈《「『【｟〘〖〚〝‘“«‹" + "([{" + "｢" + "﹙﹛﹝︵︷︹︻︽︿﹁﹃﹇"

// inseparable are characters that never split when doubled: ——, ……, ‥‥.
const inseparable = "—…‥─⸺⸻"

// Punctuation classes of clreq 3.1.6 / jlreq 3.1.4 for the compression of
// adjacent marks. Every mark here is set in a full em box whose glyph
// takes about half of it: closing marks have their blank half after the
// glyph, opening marks before it, middle marks (colon, semicolon, middle
// dot) a quarter on each side. Where the ink sits in a given font does not
// matter: a compressed mark is redrawn in a half-em box with its outline
// moved into place (see halve and widenGlyphs).
const (
	// closingPunct are closing brackets and quotes, the comma, the
	// enumeration comma and full stops.
	closingPunct = "、，。．」』）】》〉〕〗］｝〙〛｠”’"
	// openingPunct are opening brackets and quotes.
	openingPunct = "「『（【《〈〔〖［｛〘〚｟“‘"
	// middlePunct are the colon, semicolon and middle dot.
	middlePunct = "：；・"
)

// squeezable are the closing marks that may be compressed to half width at
// a line end (clreq "push in"), or to set a pair of marks in 1.5 em.
const squeezable = closingPunct

var (
	startProhibited = runeSet(lineStartProhibited)
	endProhibited   = runeSet(lineEndProhibited)
	inseparableSet  = runeSet(inseparable)
	squeezableSet   = runeSet(squeezable)
	openingSet      = runeSet(openingPunct)
	middleSet       = runeSet(middlePunct)
)

// isPunctMark reports whether r is a mark of the adjacency classes
// (closing, opening or middle punctuation).
func isPunctMark(r rune) bool { return squeezableSet[r] || openingSet[r] || middleSet[r] }

func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool, len(s))
	for _, r := range s {
		m[r] = true
	}
	return m
}

// isIdeographic reports whether r is a Han character, kana or a Hangul
// syllable: the characters that take inter-character spacing and the
// quarter-em gap next to Latin text.
func isIdeographic(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x3040 && r <= 0x30FF, r >= 0x31F0 && r <= 0x31FF: // kana
		return r != 0x30FB && r != 0x30FC && r != 0x30A0 // ・ ー ゠ are punctuation-like
	case r >= 0xAC00 && r <= 0xD7A3: // Hangul syllables
		return true
	case r >= 0x1100 && r <= 0x11FF, r >= 0x3130 && r <= 0x318F: // jamo
		return true
	case r == 0x3005 || r == 0x3007: // 々 〇
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// isHangul reports whether r is a Hangul syllable or jamo.
func isHangul(r rune) bool {
	return r >= 0xAC00 && r <= 0xD7A3 || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F
}

// isLatinAlnum reports whether r is a letter or digit of an alphabetic
// script (Latin, Greek, Cyrillic) or a symbol that goes with numbers: the
// characters separated from ideographs by a quarter em.
func isLatinAlnum(r rune) bool {
	switch {
	case r < 0x80:
		return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '%' || r == '$' || r == '&' || r == '@' || r == '#'
	case r < 0x250:
		return unicode.IsLetter(r)
	case r >= 0x370 && r < 0x530:
		return unicode.IsLetter(r)
	}
	return false
}

// isDigit reports whether r is an ASCII or fullwidth digit.
func isDigit(r rune) bool {
	return r >= '0' && r <= '9' || r >= '０' && r <= '９'
}

// ambiguousCJK are punctuation marks that Unicode gives an ambiguous East
// Asian width: in CJK text they are drawn with the CJK font (full width),
// in Latin text with the Latin font.
const ambiguousCJK = "‘’“”…‥—―·•※§°′″℃→←↑↓○●◎◇◆□■△▲☆★"

var ambiguousSet = runeSet(ambiguousCJK)

// proportionalSymbols are the ambiguous-width symbols that take their
// proportional Latin glyph beside digits and Latin letters, even in CJK
// text (23°29′, 25°C, 3‰, § 3, ±0.5, 2×3, A → B).
var proportionalSymbols = runeSet("°′″‴‰‱§±×÷→←↔")

// isAmbiguous reports whether r is an ambiguous-width mark that follows the
// document's script.
func isAmbiguous(r rune) bool { return ambiguousSet[r] }

// isSpace reports whether r is breakable white space of running text. The
// ideographic space (U+3000) and the no-break space are not: they are
// drawn as blank glyphs of their own width.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) && r != 0x3000 && r != 0xA0 && r != 0x202F
}

// trimLines removes leading and trailing blank lines of a code block.
func trimLines(s string) string {
	return strings.Trim(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
}
