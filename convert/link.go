package convert

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// LinkKind is what the URL policy (LinkTarget) makes of a link target.
type LinkKind int

const (
	// LinkUnsafe: the link is written as its text, with no live target —
	// a scheme other than http, https, ftp, mailto and tel (javascript:,
	// vbscript:, data:, file:, an unknown one), or an absolute URL that is
	// malformed (http: without a host, an invalid host name).
	LinkUnsafe LinkKind = iota
	// LinkAbsolute: http, https or ftp with a host, mailto: or tel:.
	LinkAbsolute
	// LinkRelative: a relative reference (a path, "?query", "//host/path").
	// HTML and Markdown keep it; a PDF or an EPUB has nothing to resolve it
	// against, so they write it as text.
	LinkRelative
	// LinkFragment: "#id", a place in the same document. Writers keep it
	// when id names a heading they write.
	LinkFragment
)

// safeSchemes are the URL schemes a link may use.
var safeSchemes = map[string]bool{"http": true, "https": true, "ftp": true, "mailto": true, "tel": true}

// hostSchemes are the safe schemes that need a host.
var hostSchemes = map[string]bool{"http": true, "https": true, "ftp": true}

// LinkTarget is docconv's one URL policy, applied by every writer (PDF,
// EPUB, HTML, Markdown, and so to every input format): it classifies a
// link's URL and returns it as a valid URL to write.
//
// Like a browser it first removes tabs and newlines ("java\tscript:"),
// trims spaces and removes other control characters. Absolute URLs must
// use http, https or ftp (with a host), mailto or tel; any other scheme
// is LinkUnsafe, and the writers keep the link's text without the link
// (and count it in the report). The returned href is percent-encoded
// where RFC 3986 wants it (spaces, "<>\"{}|\\^`", non-ASCII bytes, a "%"
// not followed by two hex digits), and an international host name is
// written in its ASCII (Punycode) form, so that the result is a valid URL
// in XHTML (epubcheck RSC-020) and a 7-bit PDF /URI.
func LinkTarget(raw string) (href string, kind LinkKind) {
	u := cleanURL(raw)
	if strings.HasPrefix(u, "#") {
		return escapeURL(u), LinkFragment
	}
	i := strings.IndexAny(u, ":/?#")
	if i < 0 || u[i] != ':' {
		return escapeURL(u), LinkRelative
	}
	scheme := strings.ToLower(u[:i])
	if !safeSchemes[scheme] || !validScheme(scheme) {
		return u, LinkUnsafe
	}
	rest := u[i+1:]
	if !hostSchemes[scheme] {
		if rest == "" {
			return u, LinkUnsafe
		}
		return scheme + ":" + escapeURL(rest), LinkAbsolute
	}
	// scheme://authority/path?query#fragment
	rest = strings.ReplaceAll(rest, "\\", "/") // as browsers read http:\\host
	if !strings.HasPrefix(rest, "//") {
		return u, LinkUnsafe
	}
	rest = rest[2:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	authority, tail := rest[:end], rest[end:]
	userinfo, hostport := "", authority
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		userinfo, hostport = authority[:at+1], authority[at+1:]
	}
	host, port := hostport, ""
	if c := strings.LastIndexByte(hostport, ':'); c >= 0 && !strings.Contains(hostport[c:], "]") {
		host, port = hostport[:c], hostport[c:]
		for _, d := range port[1:] {
			if d < '0' || d > '9' {
				return u, LinkUnsafe
			}
		}
	}
	if host == "" {
		return u, LinkUnsafe
	}
	if !isASCII(host) {
		ascii, err := idna.Lookup.ToASCII(host)
		if err != nil || ascii == "" {
			return u, LinkUnsafe
		}
		host = ascii
	}
	href = scheme + "://" + escapeURL(userinfo) + host + port + escapeURL(tail)
	if p, err := url.Parse(href); err != nil || p.Host == "" {
		return u, LinkUnsafe
	}
	return href, LinkAbsolute
}

// SafeURL reports whether u may become a live link in an output that can
// resolve relative references (HTML, Markdown), and returns it as
// LinkTarget writes it. See LinkTarget.
func SafeURL(u string) (string, bool) {
	href, kind := LinkTarget(u)
	return href, kind != LinkUnsafe
}

// cleanURL removes tabs and newlines, trims spaces and control characters
// at both ends and removes those inside.
func cleanURL(u string) string {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' || unicode.IsSpace(r) })
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return -1
		}
		return r
	}, u)
}

// validScheme reports whether s is a URL scheme: a letter, then letters,
// digits, '+', '-' or '.'.
func validScheme(s string) bool {
	for i, c := range s {
		if c >= 'a' && c <= 'z' || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			continue
		}
		return false
	}
	return s != ""
}

// escapeURL percent-encodes the bytes RFC 3986 does not allow in a URL:
// controls, space, "<>\"{}|\\^`", non-ASCII bytes (UTF-8, as browsers
// do), and a "%" that does not start an escape. Invalid UTF-8 is replaced
// by U+FFFD first.
func escapeURL(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(c)
		case c > ' ' && c < 0x7f && !strings.ContainsRune("<>\"{}|\\^`%[]", rune(c)):
			b.WriteByte(c)
		default:
			const hex = "0123456789ABCDEF"
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
