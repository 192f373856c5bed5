package convert

import (
	"strings"
	"unicode"
)

// Slug returns an identifier for a heading with this plain text: letters
// (of any script, so Chinese, Japanese and Korean headings keep their
// characters), digits and marks lowercased, "_" and "-" kept, runs of spaces
// turned into one "-", all other characters (punctuation such as ，。「」)
// dropped, and "section" when nothing is left. It is pandoc's
// auto_identifiers, except that non-ASCII letters are kept rather than
// dropped. Callers de-duplicate.
func Slug(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || r == '_' || r == '-':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r):
			dash = true
		}
	}
	if s := strings.Trim(b.String(), "-"); s != "" {
		return s
	}
	return "section"
}
