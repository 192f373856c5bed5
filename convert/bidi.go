package convert

import "strings"

// IsRTL reports whether r is a letter of a right-to-left script (Hebrew,
// Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation
// forms; bidi classes R and AL).
func IsRTL(r rune) bool {
	switch {
	case r < 0x0590:
		return false
	case r <= 0x08FF, r >= 0xFB1D && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF,
		r >= 0x10800 && r <= 0x10FFF, r >= 0x1E800 && r <= 0x1EFFF:
		return true
	}
	return false
}

// HasRTL reports whether the text of ins has a right-to-left letter. The
// HTML and EPUB writers give such blocks dir="auto", so that a browser or
// reading system sets each one in the direction of its first strong
// character, as the PDF writer does (rules P2–P3 of the Unicode
// Bidirectional Algorithm).
func HasRTL(ins []Inline) bool {
	return strings.IndexFunc(PlainText(ins), IsRTL) >= 0
}
