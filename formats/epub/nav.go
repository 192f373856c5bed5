package epub

import (
	"fmt"
	"strings"
)

// esc returns s escaped for XML text and attribute values.
func esc(s string) string {
	var r renderer
	var b strings.Builder
	r.escape(&b, s, true)
	return b.String()
}

// navNode is a heading in the tree of the navigation document.
type navNode struct {
	entry    *tocEntry
	children []*navNode
}

// navTree nests headings by level: a heading becomes the child of the
// nearest previous heading of a lower level (levels may skip). Headings
// without text are left out; their children move up.
func navTree(entries []*tocEntry) []*navNode {
	var roots []*navNode
	var stack []*navNode
	for _, e := range entries {
		if e.text == "" {
			continue
		}
		n := &navNode{entry: e}
		for len(stack) > 0 && stack[len(stack)-1].entry.level >= e.level {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			roots = append(roots, n)
		} else {
			p := stack[len(stack)-1]
			p.children = append(p.children, n)
		}
		stack = append(stack, n)
	}
	return roots
}

func depth(ns []*navNode) int {
	d := 0
	for _, n := range ns {
		d = max(d, 1+depth(n.children))
	}
	return d
}

// navDocument returns the EPUB 3 navigation document: the table of contents
// (headed in the book's language) and the landmarks.
func navDocument(b *book) string {
	var s strings.Builder
	s.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"`)
	fmt.Fprintf(&s, ` lang="%s" xml:lang="%s">
<head>
<title>%s</title>
<link rel="stylesheet" type="text/css" href="css/%s"/>
</head>
<body>
<nav epub:type="toc" id="toc" role="doc-toc">
<h1>%s</h1>
`, b.lang, b.lang, esc(b.labels.contents), cssName, esc(b.labels.contents))
	var list func(ns []*navNode, indent string)
	list = func(ns []*navNode, indent string) {
		s.WriteString(indent + "<ol>\n")
		for _, n := range ns {
			fmt.Fprintf(&s, `%s<li><a href="xhtml/%s">%s</a>`, indent, n.entry.href(), esc(n.entry.text))
			if len(n.children) > 0 {
				s.WriteByte('\n')
				list(n.children, indent+"  ")
				s.WriteString(indent)
			}
			s.WriteString("</li>\n")
		}
		s.WriteString(indent + "</ol>\n")
	}
	list(b.nav, "")
	s.WriteString("</nav>\n")
	fmt.Fprintf(&s, `<nav epub:type="landmarks" id="landmarks" hidden="hidden">
<h2>%s</h2>
<ol>
`, esc(b.labels.landmarks))
	if b.cover != nil {
		fmt.Fprintf(&s, `<li><a epub:type="cover" href="xhtml/%s">%s</a></li>
`, coverName, esc(b.labels.cover))
	}
	if b.titlePage != nil {
		fmt.Fprintf(&s, `<li><a epub:type="titlepage" href="xhtml/%s">%s</a></li>
`, titlePageName, esc(b.labels.titlePage))
	}
	if len(b.content) > 0 {
		fmt.Fprintf(&s, `<li><a epub:type="bodymatter" href="xhtml/%s">%s</a></li>
`, b.content[0].name, esc(b.labels.start))
	}
	s.WriteString("</ol>\n</nav>\n</body>\n</html>\n")
	return s.String()
}

// ncxDocument returns the EPUB 2 NCX, for older reading systems.
func ncxDocument(b *book) string {
	var s strings.Builder
	fmt.Fprintf(&s, `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="%s">
<head>
<meta name="dtb:uid" content="%s"/>
<meta name="dtb:depth" content="%d"/>
<meta name="dtb:totalPageCount" content="0"/>
<meta name="dtb:maxPageNumber" content="0"/>
</head>
<docTitle><text>%s</text></docTitle>
`, b.lang, esc(b.identifier), max(depth(b.nav), 1), esc(b.title))
	for _, a := range b.authors {
		fmt.Fprintf(&s, "<docAuthor><text>%s</text></docAuthor>\n", esc(a))
	}
	s.WriteString("<navMap>\n")
	order := 0
	var points func(ns []*navNode, indent string)
	points = func(ns []*navNode, indent string) {
		for _, n := range ns {
			order++
			fmt.Fprintf(&s, `%s<navPoint id="np%d" playOrder="%d"><navLabel><text>%s</text></navLabel><content src="xhtml/%s"/>`,
				indent, order, order, esc(n.entry.text), n.entry.href())
			if len(n.children) > 0 {
				s.WriteByte('\n')
				points(n.children, indent+"  ")
				s.WriteString(indent)
			}
			s.WriteString("</navPoint>\n")
		}
	}
	points(b.nav, "")
	s.WriteString("</navMap>\n</ncx>\n")
	return s.String()
}
