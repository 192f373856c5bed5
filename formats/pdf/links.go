package pdf

import (
	"strings"

	"github.com/docconv/docconv/convert"
)

// contentStats counts what the PDF could not draw as given: links written
// as text, Arabic letters drawn unjoined (arabic.go).
type contentStats struct {
	unsafe, relative, unjoined int
	// Images shown as their alt text (image.go): inline images (among
	// the text), SVG figures, figures whose image was not read.
	inlineImages, svgImages, unreadImages int
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
		t.content.relative++
	default:
		t.content.unsafe++
	}
	return ""
}

func (s contentStats) report(r *convert.Report) {
	if s.unjoined > 0 {
		r.Warn("pdf: %d Arabic letters drawn unjoined: no font covers their contextual forms (Arabic Presentation Forms-B); use --font with a font that has them, such as DejaVu Sans", s.unjoined)
		r.Add("pdf", "Arabic letters drawn unjoined", s.unjoined)
	}
	if s.unsafe > 0 {
		r.Add("pdf", "unsafe links written as text", s.unsafe)
	}
	if s.relative > 0 {
		r.Add("pdf", "relative links written as text", s.relative)
	}
	if s.inlineImages > 0 {
		r.Add("pdf", "images among the text shown as their alt text", s.inlineImages)
	}
	if s.svgImages > 0 {
		r.Warn("pdf: %s shown as %s alt text: SVG is not rasterized in PDF output; convert it to PNG to have it drawn", convert.Count{N: s.svgImages, What: "SVG images"}, map[bool]string{true: "its", false: "their"}[s.svgImages == 1])
	}
	if s.unreadImages > 0 {
		r.Add("pdf", "images not read shown as their alt text", s.unreadImages)
	}
}
