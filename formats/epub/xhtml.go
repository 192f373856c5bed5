package epub

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/docconv/docconv/convert"
)

// renderer turns model blocks into a well-formed XHTML fragment. It is not
// safe for concurrent use; one renderer serves one Write call.
type renderer struct {
	// anchors maps the IDs an internal link may name ("#id": the heading's
	// own ID or the one the writer gave it) to the heading's final ID.
	anchors map[string]string
	// ids maps each *convert.Heading to its (unique, valid) XML ID.
	ids map[*convert.Heading]string
	// cjk selects CJK-specific markup classes.
	cjk bool
	// images maps the images read to their copies in the book.
	images map[*convert.Resource]*bookImage

	// targets maps the heading and note IDs of the rendered content
	// documents to their documents, for internal links (linkTargets).
	targets map[string]string
	// spool keeps the bodies of a long book's content documents.
	spool *spool

	stats renderStats
	notes noteState // footnotes, see notes.go
}

// renderStats counts what rendering did, for the report and the
// accessibility metadata.
type renderStats struct {
	dropped     int // characters XML 1.0 forbids, removed
	invalidUTF8 int // invalid UTF-8 sequences, replaced by U+FFFD
	linksPlain  int // links whose target cannot be kept, rendered as text
	ruby        bool
	images      int // <img> elements written
	decorative  int // of which with an empty alt (decorative images)
}

// escapeText appends s to b with the XML special characters escaped and
// characters that XML 1.0 forbids removed (counted in r.dropped). Invalid
// UTF-8 becomes U+FFFD. quote also escapes '"' for attribute values.
func (r *renderer) escape(b *strings.Builder, s string, quote bool) {
	last := 0
	flush := func(i int) {
		if last < i {
			b.WriteString(s[last:i])
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			var rep string
			switch {
			case c == '&':
				rep = "&amp;"
			case c == '<':
				rep = "&lt;"
			case c == '>':
				rep = "&gt;"
			case c == '"' && quote:
				rep = "&quot;"
			case c == '\r':
				rep = "\n"
			case c < 0x20 && c != '\t' && c != '\n', c == 0x7f:
				rep = ""
				r.stats.dropped++
			default:
				i++
				continue
			}
			flush(i)
			b.WriteString(rep)
			i++
			last = i
			continue
		}
		ch, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case ch == utf8.RuneError && n == 1:
			flush(i)
			b.WriteString("\uFFFD")
			r.stats.invalidUTF8++
			i += n
			last = i
			continue
		case ch >= 0x80 && ch <= 0x9f, ch == 0xFFFE, ch == 0xFFFF, ch >= 0xD800 && ch <= 0xDFFF:
			flush(i)
			r.stats.dropped++
			i += n
			last = i
			continue
		}
		i += n
	}
	flush(len(s))
}

func (r *renderer) text(b *strings.Builder, s string) { r.escape(b, s, false) }
func (r *renderer) attr(b *strings.Builder, s string) { r.escape(b, s, true) }

// inlines renders inline content.
func (r *renderer) inlines(b *strings.Builder, ins []convert.Inline) {
	for _, in := range ins {
		switch x := in.(type) {
		case *convert.Text:
			r.text(b, x.Text)
		case *convert.Strong:
			b.WriteString("<strong>")
			r.inlines(b, x.Inlines)
			b.WriteString("</strong>")
		case *convert.Emph:
			b.WriteString("<em>")
			r.inlines(b, x.Inlines)
			b.WriteString("</em>")
		case *convert.Strike:
			b.WriteString("<del>")
			r.inlines(b, x.Inlines)
			b.WriteString("</del>")
		case *convert.Sub:
			b.WriteString("<sub>")
			r.inlines(b, x.Inlines)
			b.WriteString("</sub>")
		case *convert.Sup:
			b.WriteString("<sup>")
			r.inlines(b, x.Inlines)
			b.WriteString("</sup>")
		case *convert.Note:
			r.noteRef(b, x)
		case *convert.Code:
			b.WriteString("<code>")
			r.text(b, x.Text)
			b.WriteString("</code>")
		case *convert.Link:
			r.link(b, x)
		case *convert.Ruby:
			r.stats.ruby = true
			b.WriteString("<ruby>")
			r.text(b, x.Base)
			b.WriteString("<rp>(</rp><rt>")
			r.text(b, x.Text)
			b.WriteString("</rt><rp>)</rp></ruby>")
		case *convert.LineBreak:
			b.WriteString("<br/>")
		case *convert.Image:
			r.image(b, x)
		}
	}
}

// link renders a hyperlink. External http(s), ftp, mailto and tel URLs are kept;
// a fragment naming a heading of the book points at its document; any other
// target (a relative file, javascript:, an unparsable URL) would be a
// broken or unsafe reference in the EPUB, so the link text is kept without
// the link.
func (r *renderer) link(b *strings.Builder, l *convert.Link) {
	href, internal, ok := r.linkTarget(l.URL)
	if !ok {
		r.stats.linksPlain++
		if len(l.Inlines) == 0 {
			r.text(b, l.URL)
			return
		}
		b.WriteString(`<span class="link">`)
		r.inlines(b, l.Inlines)
		b.WriteString("</span>")
		return
	}
	b.WriteString(`<a href="`)
	if internal {
		// The document holding the target is known only once the book is
		// split; resolveLinks replaces the placeholder.
		b.WriteString(linkMark + href + linkMark)
	} else {
		r.attr(b, href)
	}
	b.WriteByte('"')
	if l.Title != "" {
		b.WriteString(` title="`)
		r.attr(b, l.Title)
		b.WriteByte('"')
	}
	b.WriteByte('>')
	if len(l.Inlines) == 0 {
		r.text(b, l.URL)
	} else {
		r.inlines(b, l.Inlines)
	}
	b.WriteString("</a>")
}

// linkMark delimits the heading ID of an internal link in rendered XHTML
// until resolveLinks turns it into "file.xhtml#id". NUL never survives
// escaping, so it cannot come from the text.
const linkMark = "\x00"

// linkTarget returns the href for a link URL, whether it is an internal
// heading ID (to be resolved), and whether the link can be kept at all. It
// follows convert.LinkTarget, the URL policy of every writer: absolute
// http, https, ftp, mailto and tel URLs are kept, percent-encoded where a
// URL must be (epubcheck RSC-020); a fragment is kept when it names a
// heading of the book; relative references (nothing to resolve them
// against in the book) and unsafe schemes are not.
func (r *renderer) linkTarget(raw string) (href string, internal, ok bool) {
	href, kind := convert.LinkTarget(raw)
	switch kind {
	case convert.LinkAbsolute:
		return href, false, true
	case convert.LinkFragment:
		if id, ok := r.anchors[strings.TrimPrefix(strings.TrimSpace(raw), "#")]; ok {
			return id, true, true
		}
	}
	return "", false, false
}

// blocks renders a sequence of blocks, one per line.
func (r *renderer) blocks(b *strings.Builder, bs []convert.Block) {
	for _, bl := range bs {
		r.block(b, bl, false)
	}
}

// block renders one block. tight renders a paragraph without its <p>
// (items of a tight list).
func (r *renderer) block(b *strings.Builder, bl convert.Block, tight bool) {
	switch x := bl.(type) {
	case *convert.Heading:
		lvl := strconv.Itoa(min(max(x.Level, 1), 6))
		b.WriteString("<h" + lvl)
		if id := r.ids[x]; id != "" {
			b.WriteString(` id="` + id + `"`)
		}
		b.WriteString(dirAuto(x.Inlines))
		b.WriteByte('>')
		r.inlines(b, x.Inlines)
		b.WriteString("</h" + lvl + ">\n")
	case *convert.Paragraph:
		if tight {
			r.inlines(b, x.Inlines)
			return
		}
		b.WriteString("<p" + dirAuto(x.Inlines) + ">")
		r.inlines(b, x.Inlines)
		b.WriteString("</p>\n")
	case *convert.List:
		r.list(b, x)
	case *convert.Quote:
		b.WriteString("<blockquote>\n")
		r.blocks(b, x.Blocks)
		b.WriteString("</blockquote>\n")
	case *convert.CodeBlock:
		b.WriteString("<pre><code")
		if cls := codeClass(x.Lang); cls != "" {
			b.WriteString(` class="language-` + cls + `"`)
		}
		b.WriteByte('>')
		r.text(b, strings.TrimSuffix(x.Text, "\n"))
		b.WriteString("</code></pre>\n")
	case *convert.Table:
		r.table(b, x)
	case *convert.Rule:
		b.WriteString("<hr/>\n")
	case *convert.FigureBlock:
		r.figure(b, x)
	case *convert.PageBreak:
		// A page break at the top level starts a new content document
		// (see split); inside a list or quote, or in a book of many
		// documents, it is a CSS page break.
		b.WriteString(`<div class="pagebreak" style="page-break-after: always; break-after: page"></div>` + "\n")
	}
}

func (r *renderer) list(b *strings.Builder, l *convert.List) {
	tag := "ul"
	if l.Ordered {
		tag = "ol"
	}
	b.WriteString("<" + tag)
	if l.Ordered && l.Start != 0 && l.Start != 1 {
		b.WriteString(` start="` + strconv.Itoa(l.Start) + `"`)
	}
	b.WriteString(">\n")
	for i, item := range l.Items {
		box := ""
		if t := l.Task(i); t != convert.NoTask && len(item) > 0 {
			if p, ok := item[0].(*convert.Paragraph); ok {
				box = checkbox(t)
				b.WriteString(`<li class="task">`)
				if !l.Tight || len(item) > 1 {
					b.WriteString("\n<p" + dirAuto(p.Inlines) + ">" + box)
					r.inlines(b, p.Inlines)
					b.WriteString("</p>\n")
					r.blocks(b, item[1:])
					b.WriteString("</li>\n")
					continue
				}
				b.WriteString(box)
				r.block(b, item[0], true)
				b.WriteString("</li>\n")
				continue
			}
		}
		if t := l.Task(i); t != convert.NoTask {
			// Empty, or starting with another block: the checkbox first
			// in the item.
			b.WriteString(`<li class="task">` + strings.TrimSuffix(checkbox(t), " "))
			if len(item) > 0 {
				b.WriteByte('\n')
				r.blocks(b, item)
			}
			b.WriteString("</li>\n")
			continue
		}
		b.WriteString("<li>")
		if l.Tight && len(item) == 1 {
			if _, ok := item[0].(*convert.Paragraph); ok {
				r.block(b, item[0], true)
				b.WriteString("</li>\n")
				continue
			}
		}
		if len(item) > 0 {
			b.WriteByte('\n')
		}
		r.blocks(b, item)
		b.WriteString("</li>\n")
	}
	b.WriteString("</" + tag + ">\n")
}

func (r *renderer) table(b *strings.Builder, t *convert.Table) {
	cols := t.Columns()
	b.WriteString("<table>\n")
	if len(t.Caption) > 0 {
		b.WriteString("<caption>")
		r.inlines(b, t.Caption)
		b.WriteString("</caption>\n")
	}
	row := func(cells []convert.Cell, tag string) {
		b.WriteString("<tr>")
		for i := range cols {
			b.WriteString("<" + tag)
			if tag == "th" {
				b.WriteString(` scope="col"`)
			}
			if i < len(t.Align) && t.Align[i] != convert.AlignDefault {
				switch t.Align[i] {
				case convert.AlignLeft, convert.AlignCenter, convert.AlignRight:
					b.WriteString(` class="` + string(t.Align[i]) + `"`)
				}
			}
			b.WriteByte('>')
			if i < len(cells) {
				r.inlines(b, cells[i])
			}
			b.WriteString("</" + tag + ">")
		}
		b.WriteString("</tr>\n")
	}
	if t.Header != nil {
		b.WriteString("<thead>\n")
		row(t.Header, "th")
		b.WriteString("</thead>\n")
	}
	b.WriteString("<tbody>\n")
	for _, rw := range t.Rows {
		row(rw, "td")
	}
	b.WriteString("</tbody>\n</table>\n")
}

// codeClass keeps the letters, digits, '+', '-' and '_' of a code block's
// info string's first word, so that it is a safe class name.
func codeClass(lang string) string {
	lang, _, _ = strings.Cut(strings.TrimSpace(lang), " ")
	var b strings.Builder
	for _, c := range lang {
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '+') {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// dirAuto is ` dir="auto"` for a block with right-to-left text (Hebrew,
// Arabic…): the reader sets it in the direction of its first strong
// character, as the PDF writer does.
func dirAuto(ins []convert.Inline) string {
	if convert.HasRTL(ins) {
		return ` dir="auto"`
	}
	return ""
}
