package pdf

import (
	"strings"

	"github.com/docconv/docconv/convert"
)

// linkStats counts the links the PDF writes as text.
type linkStats struct {
	unsafe, relative int
}

// linkTarget applies convert.LinkTarget, the URL policy of every writer,
// to a link's URL and returns what the link annotation points at: a URI
// (percent-encoded, 7-bit), "#id" for a place in the document, or "" when
// the link is written as text only — an unsafe scheme (javascript:,
// file:, data:…) or a relative reference, which a PDF cannot resolve.
func (t *setter) linkTarget(raw string) string {
	href, kind := convert.LinkTarget(raw)
	switch kind {
	case convert.LinkAbsolute:
		return href
	case convert.LinkFragment:
		return strings.TrimSpace(raw)
	case convert.LinkRelative:
		t.links.relative++
	default:
		t.links.unsafe++
	}
	return ""
}

func (s linkStats) report(r *convert.Report) {
	if s.unsafe > 0 {
		r.Add("pdf", "unsafe links written as text", s.unsafe)
	}
	if s.relative > 0 {
		r.Add("pdf", "relative links written as text", s.relative)
	}
}
