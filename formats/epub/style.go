package epub

import (
	"fmt"
	"strings"
)

// cssName is the stylesheet's file name inside the css folder.
const cssName = "style.css"

// embeddedFont is a font subset stored in the book.
type embeddedFont struct {
	family string // CSS font-family name
	file   string // file name inside the fonts folder
	data   []byte
}

// cssQuote returns s as a CSS string.
func cssQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, "\\%x ", c)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// stylesheet returns the book's CSS: the font stack of the language (the
// embedded fonts and the requested families first), CJK typesetting (2-em
// first-line indent, justification, strict line breaking, emphasis dots),
// and the look of tables, code, quotes, ruby and the title page. Every
// property is standard CSS or from the EPUB 3 CSS profile (-epub-).
func stylesheet(sc script, families []string, embedded []embeddedFont) string {
	var b strings.Builder
	b.WriteString("@charset \"UTF-8\";\n@namespace epub \"http://www.idpf.org/2007/ops\";\n\n")
	var first []string
	for _, f := range embedded {
		format := "truetype"
		if strings.HasSuffix(f.file, ".otf") {
			format = "opentype"
		}
		fmt.Fprintf(&b, "@font-face {\n  font-family: %s;\n  font-style: normal;\n  font-weight: normal;\n  src: url(\"../fonts/%s\") format(\"%s\");\n}\n\n", cssQuote(f.family), f.file, format)
		first = append(first, cssQuote(f.family))
	}
	for _, f := range families {
		first = append(first, cssQuote(f))
	}
	lead := strings.Join(first, ", ")
	if lead != "" {
		lead += ", "
	}
	indent := "2em"
	if !sc.cjk() {
		indent = "1.5em"
	}
	fmt.Fprintf(&b, `html {
  font-size: 100%%;
}
body {
  margin: 0 4%%;
  font-family: %s%s;
  line-height: 1.8;
  text-align: justify;
  text-justify: inter-character;
  line-break: strict;
  -epub-line-break: strict;
  word-break: normal;
  overflow-wrap: break-word;
  -epub-hyphens: none;
  hyphens: none;
  widows: 2;
  orphans: 2;
}
h1, h2, h3, h4, h5, h6 {
  font-family: %s%s;
  font-weight: bold;
  line-height: 1.4;
  text-align: left;
  text-indent: 0;
  margin: 1.2em 0 0.8em;
  page-break-after: avoid;
  break-after: avoid;
}
h1 { font-size: 1.5em; }
h2 { font-size: 1.3em; }
h3 { font-size: 1.15em; }
h4, h5, h6 { font-size: 1em; }
p {
  margin: 0;
  text-indent: %s;
}
p.cont, li p, td p, th p {
  text-indent: 0;
}
`, lead, sc.fontStack(), lead, sc.headingStack(), indent)
	if !sc.cjk() {
		b.WriteString("h1 + p, h2 + p, h3 + p, h4 + p, h5 + p, h6 + p, hr + p, blockquote + p, table + p, pre + p, ul + p, ol + p {\n  text-indent: 0;\n}\np + p {\n  margin-top: 0.2em;\n}\n")
	}
	if sc.cjk() {
		pos := "under right"
		if sc == scriptJa || sc == scriptKo {
			pos = "over right"
		}
		fmt.Fprintf(&b, `em {
  font-style: normal;
  -epub-text-emphasis-style: filled dot;
  -webkit-text-emphasis-style: filled dot;
  text-emphasis-style: filled dot;
  -epub-text-emphasis-position: %s;
  -webkit-text-emphasis-position: %s;
  text-emphasis-position: %s;
}
`, pos, pos, pos)
	}
	b.WriteString(`strong { font-weight: bold; }
del { text-decoration: line-through; }
a { color: inherit; text-decoration: underline; }
code, pre {
  font-family: "Liberation Mono", "Noto Sans Mono CJK SC", "Source Code Pro", Menlo, Consolas, monospace;
  font-size: 0.9em;
}
pre {
  margin: 1em 0;
  padding: 0.5em 0.8em;
  white-space: pre-wrap;
  text-align: left;
  line-height: 1.5;
  background-color: #f4f4f4;
}
blockquote {
  margin: 1em 0 1em 1.5em;
  padding-left: 1em;
  border-left: 0.2em solid #bbb;
}
ul, ol {
  margin: 0.5em 0;
  padding-left: 2em;
}
hr {
  margin: 1.5em 25%;
  border: 0;
  border-top: 1px solid #999;
}
img {
  max-width: 100%;
  height: auto;
}
figure {
  margin: 1em 0;
  text-align: center;
  text-indent: 0;
  page-break-inside: avoid;
  break-inside: avoid;
}
figcaption {
  margin-top: 0.4em;
  font-size: 0.9em;
  text-indent: 0;
}
section.cover {
  text-align: center;
}
section.cover img {
  max-height: 95vh;
}
table {
  margin: 1em auto;
  border-collapse: collapse;
  text-indent: 0;
}
caption {
  font-weight: bold;
  margin-bottom: 0.3em;
}
th, td {
  padding: 0.2em 0.5em;
  border: 1px solid #999;
  vertical-align: top;
}
th { background-color: #eee; }
.left { text-align: left; }
.center { text-align: center; }
.right { text-align: right; }
ruby rt { font-size: 0.5em; }
section.titlepage {
  text-align: center;
  text-indent: 0;
}
section.titlepage h1 {
  margin: 25% 0 1em;
  font-size: 1.8em;
  text-align: center;
}
section.titlepage p {
  text-indent: 0;
  text-align: center;
  margin: 0.5em 0;
}
section.titlepage > p:first-child {
  margin-top: 25%;
}
nav ol {
  list-style-type: none;
  padding-left: 1.5em;
}
nav > ol {
  padding-left: 0;
}
`)
	return b.String()
}
