package html

import (
	"strings"
	"unicode/utf8"
)

// text escapes character data for HTML and XHTML: &, <, > and " become
// entities; invalid UTF-8 and characters XML forbids (C0 controls other
// than tab and newline, U+FFFE, U+FFFF) become U+FFFD.
func text(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\r':
			b.WriteString("\n")
		case !xmlChar(r) || (r == utf8.RuneError && size == 1):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// attr escapes an attribute value (always written in double quotes).
func attr(s string) string {
	return strings.NewReplacer("\n", " ", "\t", " ").Replace(text(s))
}

func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
