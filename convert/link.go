package convert

import (
	"net/url"
	"strings"
	"unicode"
)

// safeSchemes are the URL schemes a link may use.
var safeSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "ftp": true, "tel": true}

// SafeURL reports whether u may become a link target in an output, and
// returns it cleaned. Relative URLs (paths, "#fragment", "?query") are safe;
// absolute ones must use http, https, mailto, ftp or tel, so javascript:,
// data: and vbscript: links are written as text. Like a browser, it first
// removes tabs and newlines ("java\tscript:") and trims spaces and control
// characters.
func SafeURL(u string) (string, bool) {
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
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
