package html

import (
	"net/url"
	"strings"
	"unicode"
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

// safeSchemes are the URL schemes links may use.
var safeSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "ftp": true, "tel": true}

// SafeURL reports whether u may be used as a link target, and returns it
// trimmed. Relative URLs (paths, "#fragment", "?query") are safe; absolute
// ones must use http, https, mailto, ftp or tel. Browsers ignore tabs,
// newlines and leading controls in a scheme ("java\tscript:"), so the check
// does too.
func SafeURL(u string) (string, bool) {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' || unicode.IsSpace(r) })
	cleaned := strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, u)
	i := strings.IndexAny(cleaned, ":/?#")
	if i < 0 || cleaned[i] != ':' {
		return u, true // no scheme: relative
	}
	scheme := strings.ToLower(cleaned[:i])
	if p, err := url.Parse(cleaned); err == nil && p.Scheme != "" {
		scheme = strings.ToLower(p.Scheme)
	}
	return u, safeSchemes[scheme]
}
