package epub

import (
	"encoding/xml"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// goepubPackage is the part of go-epub's package document the writer keeps:
// the manifest and the spine it built for the files it wrote.
type goepubPackage struct {
	Manifest []opfItem `xml:"manifest>item"`
	Spine    []struct {
		IDRef string `xml:"idref,attr"`
	} `xml:"spine>itemref"`
}

// opfItem is a manifest entry.
type opfItem struct {
	ID         string `xml:"id,attr"`
	Href       string `xml:"href,attr"`
	MediaType  string `xml:"media-type,attr"`
	Properties string `xml:"properties,attr"`
}

// parseGoepubPackage reads the manifest and spine of go-epub's package.opf.
func parseGoepubPackage(data []byte) (*goepubPackage, error) {
	var p goepubPackage
	if err := xml.Unmarshal(data, &p); err != nil {
		return nil, fmt.Errorf("epub: reading go-epub's package document: %w", err)
	}
	if len(p.Manifest) == 0 || len(p.Spine) == 0 {
		return nil, fmt.Errorf("epub: go-epub's package document has no manifest or spine")
	}
	return &p, nil
}

// isoDate matches the W3CDTF forms dc:date accepts: YYYY, YYYY-MM,
// YYYY-MM-DD, optionally with a time and zone.
var isoDate = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$`)

// packageDocument writes the package document: the complete metadata (go-epub
// has one creator, no dc:date, dc:subject or refinements, and stamps the
// current time), and go-epub's manifest sorted by href and its spine.
func packageDocument(b *book, gp *goepubPackage) string {
	var s strings.Builder
	fmt.Fprintf(&s, `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="%s">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="pub-id">%s</dc:identifier>
<dc:title id="title">%s</dc:title>
`, b.lang, esc(b.identifier), esc(b.title))
	if b.subtitle != "" {
		fmt.Fprintf(&s, `<dc:title id="subtitle">%s</dc:title>
<meta refines="#subtitle" property="title-type">subtitle</meta>
<meta refines="#title" property="title-type">main</meta>
`, esc(b.subtitle))
	}
	fmt.Fprintf(&s, "<dc:language>%s</dc:language>\n", b.lang)
	for i, a := range b.authors {
		fmt.Fprintf(&s, `<dc:creator id="creator%d">%s</dc:creator>
<meta refines="#creator%d" property="role" scheme="marc:relators">aut</meta>
`, i+1, esc(a), i+1)
	}
	if b.date != "" {
		fmt.Fprintf(&s, "<dc:date>%s</dc:date>\n", b.date)
	}
	for _, k := range b.keywords {
		fmt.Fprintf(&s, "<dc:subject>%s</dc:subject>\n", esc(k))
	}
	if b.description != "" {
		fmt.Fprintf(&s, "<dc:description>%s</dc:description>\n", esc(b.description))
	}
	if b.source != "" {
		fmt.Fprintf(&s, "<dc:source>%s</dc:source>\n", esc(b.source))
	}
	fmt.Fprintf(&s, `<meta property="dcterms:modified">%s</meta>
<meta property="schema:accessMode">textual</meta>
`, b.modified.Format("2006-01-02T15:04:05Z"))
	if b.imagesShown {
		// Every image has a text alternative (its alt text, empty only
		// for a decorative image): the text suffices.
		s.WriteString(`<meta property="schema:accessMode">visual</meta>
<meta property="schema:accessModeSufficient">textual,visual</meta>
`)
	}
	s.WriteString(`<meta property="schema:accessModeSufficient">textual</meta>
<meta property="schema:accessibilityFeature">structuralNavigation</meta>
<meta property="schema:accessibilityFeature">tableOfContents</meta>
<meta property="schema:accessibilityFeature">readingOrder</meta>
`)
	if b.imagesShown {
		s.WriteString(`<meta property="schema:accessibilityFeature">alternativeText</meta>` + "\n")
	}
	if b.ruby {
		s.WriteString(`<meta property="schema:accessibilityFeature">rubyAnnotations</meta>` + "\n")
	}
	summary := "Text-only publication converted from an article: the reading order follows the source, headings are marked up and listed in the table of contents, and there are no images, audio or video."
	if b.imagesShown {
		summary = "Publication converted from an article: the reading order follows the source, headings are marked up and listed in the table of contents, and every image has a text alternative (decorative images an empty one); there is no audio or video."
	}
	if b.ruby {
		summary += " Ruby annotations give the pronunciation of some characters."
	}
	fmt.Fprintf(&s, `<meta property="schema:accessibilityHazard">none</meta>
<meta property="schema:accessibilitySummary">%s</meta>
</metadata>
<manifest>
`, summary)
	items := append([]opfItem(nil), gp.Manifest...)
	sort.Slice(items, func(i, j int) bool { return items[i].Href < items[j].Href })
	for _, it := range items {
		fmt.Fprintf(&s, `<item id="%s" href="%s" media-type="%s"`, esc(it.ID), esc(it.Href), esc(it.MediaType))
		if it.Properties != "" {
			fmt.Fprintf(&s, ` properties="%s"`, esc(it.Properties))
		}
		s.WriteString("/>\n")
	}
	s.WriteString("</manifest>\n<spine toc=\"ncx\">\n")
	for _, ref := range gp.Spine {
		fmt.Fprintf(&s, "<itemref idref=\"%s\"/>\n", esc(ref.IDRef))
	}
	s.WriteString("</spine>\n</package>\n")
	return s.String()
}
