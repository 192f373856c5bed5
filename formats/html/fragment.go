package html

import (
	"io"
	"strconv"
	"strings"

	"github.com/docconv/docconv/convert"
)

// FragmentOptions configures Fragment. The zero value is the default.
type FragmentOptions struct {
	// Lang is the language of the blocks (BCP 47). It is used only to
	// decide what the caller may want to know; Fragment itself writes no
	// lang attribute (put it on the enclosing element).
	Lang string
	// Report, when not nil, counts the links dropped as unsafe.
	Report *convert.Report
}

// Fragment writes blocks as a sequence of HTML elements that is also
// well-formed XHTML (the EPUB writer uses it for its XHTML bodies): void
// elements self-closed (<br />, <hr />), attributes double-quoted, and no
// entities other than &amp; &lt; &gt; &quot;. Heading identifiers are the
// headings' IDs, made unique; headings without one get a slug of their
// text. Links whose URL scheme is not http, https, mailto, ftp or tel
// (javascript:, data:, vbscript:…) are written as their text.
func Fragment(w io.Writer, blocks []convert.Block, lang string) error {
	return FragmentWith(w, blocks, FragmentOptions{Lang: lang})
}

// FragmentWith is Fragment with options.
func FragmentWith(w io.Writer, blocks []convert.Block, o FragmentOptions) error {
	r := newRenderer(blocks, o.Report)
	r.blocks(blocks)
	_, err := io.WriteString(w, r.b.String())
	return err
}

type renderer struct {
	b       strings.Builder
	ids     map[*convert.Heading]string
	used    map[string]bool
	next    map[string]int // per id base, the first suffix not known taken
	report  *convert.Report
	dropped int
}

func newRenderer(blocks []convert.Block, report *convert.Report) *renderer {
	r := &renderer{ids: map[*convert.Heading]string{}, used: map[string]bool{}, report: report}
	convert.Inspect(blocks, func(n any) bool {
		if h, ok := n.(*convert.Heading); ok {
			r.ids[h] = r.uniqueID(h.ID, h.Text())
			return false
		}
		_, isInline := n.(convert.Inline)
		return !isInline
	})
	return r
}

// uniqueID returns id (or a slug of text when id is empty), made unique
// with -1, -2….
func (r *renderer) uniqueID(id, text string) string {
	base := strings.Join(strings.Fields(id), "-")
	if base == "" {
		base = convert.Slug(text)
	}
	id = base
	if r.used[id] {
		// next[base] skips the suffixes already found taken: many
		// headings of one text stay linear.
		i := max(r.next[base], 1)
		for id = base + "-" + strconv.Itoa(i); r.used[id]; id = base + "-" + strconv.Itoa(i) {
			i++
		}
		if r.next == nil {
			r.next = map[string]int{}
		}
		r.next[base] = i
	}
	r.used[id] = true
	return id
}

func (r *renderer) blocks(bs []convert.Block) {
	for _, b := range bs {
		r.block(b, false, false)
	}
}

// block writes one block and a newline. In a tight list item, paragraphs
// are written without <p>, and without the newline when last in the item.
func (r *renderer) block(b convert.Block, tight, last bool) {
	switch x := b.(type) {
	case *convert.Heading:
		level := strconv.Itoa(min(max(x.Level, 1), 6))
		r.b.WriteString("<h" + level + ` id="` + attr(r.ids[x]) + `"` + dirAuto(x.Inlines) + ">")
		r.inlines(x.Inlines, false)
		r.b.WriteString("</h" + level + ">\n")
	case *convert.Paragraph:
		if tight {
			r.inlines(x.Inlines, false)
			if !last {
				r.b.WriteString("\n")
			}
			return
		}
		r.b.WriteString("<p" + dirAuto(x.Inlines) + ">")
		r.inlines(x.Inlines, false)
		r.b.WriteString("</p>\n")
	case *convert.List:
		tag := "ul"
		if x.Ordered {
			tag = "ol"
		}
		r.b.WriteString("<" + tag)
		if x.Ordered && x.Start > 1 {
			r.b.WriteString(` start="` + strconv.Itoa(x.Start) + `"`)
		}
		r.b.WriteString(">\n")
		for _, it := range x.Items {
			r.b.WriteString("<li>")
			if len(it) > 0 {
				if _, ok := it[0].(*convert.Paragraph); !ok || !x.Tight {
					r.b.WriteString("\n")
				}
			}
			for j, ib := range it {
				r.block(ib, x.Tight, j == len(it)-1)
			}
			r.b.WriteString("</li>\n")
		}
		r.b.WriteString("</" + tag + ">\n")
	case *convert.Quote:
		r.b.WriteString("<blockquote>\n")
		r.blocks(x.Blocks)
		r.b.WriteString("</blockquote>\n")
	case *convert.CodeBlock:
		r.b.WriteString("<pre><code")
		if lang := strings.Fields(x.Lang); len(lang) > 0 {
			r.b.WriteString(` class="language-` + attr(lang[0]) + `"`)
		}
		r.b.WriteString(">" + text(x.Text) + "</code></pre>\n")
	case *convert.Table:
		r.table(x)
	case *convert.Rule:
		r.b.WriteString("<hr />\n")
	case *convert.PageBreak:
		r.b.WriteString(convert.PageBreakHTML + "\n")
	}
}

func (r *renderer) table(t *convert.Table) {
	n := t.Columns()
	r.b.WriteString("<table>\n")
	if len(t.Caption) > 0 {
		r.b.WriteString("<caption>")
		r.inlines(t.Caption, false)
		r.b.WriteString("</caption>\n")
	}
	row := func(cells []convert.Cell, tag string) {
		r.b.WriteString("<tr>")
		for i := range n {
			r.b.WriteString("<" + tag)
			if i < len(t.Align) && t.Align[i] != convert.AlignDefault {
				r.b.WriteString(` style="text-align: ` + string(t.Align[i]) + `;"`)
			}
			r.b.WriteString(">")
			if i < len(cells) {
				r.inlines(cells[i], false)
			}
			r.b.WriteString("</" + tag + ">")
		}
		r.b.WriteString("</tr>\n")
	}
	if len(t.Header) > 0 {
		r.b.WriteString("<thead>\n")
		row(t.Header, "th")
		r.b.WriteString("</thead>\n")
	}
	if len(t.Rows) > 0 {
		r.b.WriteString("<tbody>\n")
		for _, rw := range t.Rows {
			row(rw, "td")
		}
		r.b.WriteString("</tbody>\n")
	}
	r.b.WriteString("</table>\n")
}

// inlines writes inlines; inLink suppresses nested <a> elements.
func (r *renderer) inlines(ins []convert.Inline, inLink bool) {
	for _, in := range ins {
		switch x := in.(type) {
		case *convert.Text:
			r.b.WriteString(text(x.Text))
		case *convert.Strong:
			r.wrap("strong", x.Inlines, inLink)
		case *convert.Emph:
			r.wrap("em", x.Inlines, inLink)
		case *convert.Strike:
			r.wrap("del", x.Inlines, inLink)
		case *convert.Code:
			r.b.WriteString("<code>" + text(x.Text) + "</code>")
		case *convert.Link:
			url, ok := convert.SafeURL(x.URL)
			if inLink || !ok {
				if !ok {
					r.dropped++
					r.report.Add("html", "unsafe links written as text", 1)
				}
				r.inlines(x.Inlines, inLink)
				continue
			}
			r.b.WriteString(`<a href="` + attr(url) + `"`)
			if x.Title != "" {
				r.b.WriteString(` title="` + attr(x.Title) + `"`)
			}
			r.b.WriteString(">")
			r.inlines(x.Inlines, true)
			r.b.WriteString("</a>")
		case *convert.Ruby:
			r.b.WriteString("<ruby>" + text(x.Base) + "<rp>(</rp><rt>" + text(x.Text) + "</rt><rp>)</rp></ruby>")
		case *convert.LineBreak:
			r.b.WriteString("<br />")
		}
	}
}

func (r *renderer) wrap(tag string, ins []convert.Inline, inLink bool) {
	r.b.WriteString("<" + tag + ">")
	r.inlines(ins, inLink)
	r.b.WriteString("</" + tag + ">")
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
