package html

import (
	"encoding/base64"
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
	// ImageSrc returns the src attribute of an image, or false to write
	// its alt text instead. nil means ImageSource (the source as written,
	// if safe). The EPUB writer points at the copies in its container.
	ImageSrc func(*convert.Image) (string, bool)
}

// ImageSource is the default of FragmentOptions.ImageSrc: the image's
// source as written, percent-encoded where RFC 3986 wants it (relative to
// the input, as pandoc writes it, or an http(s) URL, which the reader's
// browser fetches — docconv never does), or, for a data: URI that
// convert.ResolveImages read, a data: URI of the bytes read. Other schemes
// (javascript:, file:…) give false: the alt text is written.
func ImageSource(im *convert.Image) (string, bool) {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(im.Src)), "data:") {
		if im.Resource == nil {
			return "", false
		}
		return DataURI(im.Resource), true
	}
	return convert.SafeURL(im.Src)
}

// EmbeddedImageSource is FragmentOptions.ImageSrc for a self-contained
// page (--embed-resources): a data: URI of every image read, the source
// of a remote one (as ImageSource), the alt text for one that was not
// read.
func EmbeddedImageSource(im *convert.Image) (string, bool) {
	if im.Resource != nil {
		return DataURI(im.Resource), true
	}
	if _, kind := convert.LinkTarget(im.Src); kind == convert.LinkAbsolute {
		return convert.SafeURL(im.Src)
	}
	return "", false
}

// DataURI returns a base64 data: URI of a resource's bytes.
func DataURI(res *convert.Resource) string {
	return "data:" + res.MediaType + ";base64," + base64.StdEncoding.EncodeToString(res.Data)
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
	if o.ImageSrc != nil {
		r.imageSrc = o.ImageSrc
	}
	r.blocks(blocks)
	r.footnotes()
	_, err := io.WriteString(w, r.b.String())
	return err
}

type renderer struct {
	b        strings.Builder
	ids      map[*convert.Heading]string
	used     map[string]bool
	next     map[string]int // per id base, the first suffix not known taken
	report   *convert.Report
	dropped  int
	imageSrc func(*convert.Image) (string, bool)
	notes    noteIDs
	box      string // a task item's checkbox, for the item's first paragraph
}

func newRenderer(blocks []convert.Block, report *convert.Report) *renderer {
	r := &renderer{ids: map[*convert.Heading]string{}, used: map[string]bool{}, report: report, imageSrc: ImageSource}
	convert.Inspect(blocks, func(n any) bool {
		if h, ok := n.(*convert.Heading); ok {
			r.ids[h] = r.uniqueID(h.ID, h.Text())
			return false
		}
		_, isInline := n.(convert.Inline)
		return !isInline
	})
	r.numberNotes(blocks)
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
			r.b.WriteString(r.takeBox())
			r.inlines(x.Inlines, false)
			if !last {
				r.b.WriteString("\n")
			}
			return
		}
		r.b.WriteString("<p" + dirAuto(x.Inlines) + ">" + r.takeBox())
		r.inlines(x.Inlines, false)
		r.backLink(x)
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
		for i, it := range x.Items {
			r.box = ""
			switch t := x.Task(i); {
			case t != convert.NoTask && len(it) > 0 && isParagraph(it[0]):
				r.b.WriteString(`<li class="task">`)
				r.box = checkbox(t) // in the item's first paragraph
			case t != convert.NoTask:
				// Empty, or starting with another block: the checkbox
				// first in the item.
				r.b.WriteString(`<li class="task">` + strings.TrimSuffix(checkbox(t), " "))
			default:
				r.b.WriteString("<li>")
			}
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
	case *convert.FigureBlock:
		r.figure(x)
	}
}

// figure writes a <figure>: the image (or table), then a <figcaption>.
func (r *renderer) figure(f *convert.FigureBlock) {
	r.b.WriteString("<figure")
	if id := strings.Join(strings.Fields(f.ID), "-"); id != "" && !r.used[id] {
		r.used[id] = true // unique: not a heading's, not another figure's
		r.b.WriteString(` id="` + attr(id) + `"`)
	}
	r.b.WriteString(">\n")
	caption := func() {
		if len(f.Caption) > 0 {
			r.b.WriteString("<figcaption" + dirAuto(f.Caption) + ">")
			r.inlines(f.Caption, false)
			r.b.WriteString("</figcaption>\n")
		}
	}
	if f.Table != nil {
		caption() // a table's caption reads before it
		r.table(f.Table)
	} else {
		if src, ok := r.imageSrc(f.Image); ok {
			r.img(f.Image, src)
			r.b.WriteString("\n")
		} else if alt := f.Image.Alt; alt != "" && alt != convert.PlainText(f.Caption) {
			r.b.WriteString("<p>" + text(alt) + "</p>\n")
		}
		caption()
	}
	r.b.WriteString("</figure>\n")
}

// image writes an image among the text: an <img>, or its alt text when it
// cannot be shown (see FragmentOptions.ImageSrc).
func (r *renderer) image(im *convert.Image) {
	if src, ok := r.imageSrc(im); ok {
		r.img(im, src)
	} else {
		r.b.WriteString(text(im.Alt))
	}
}

// img writes an <img> with its alt text (always present: empty for a
// decorative image) and its size in pixels when known.
func (r *renderer) img(im *convert.Image, src string) {
	r.b.WriteString(`<img src="` + attr(src) + `" alt="` + attr(im.Alt) + `"`)
	if im.Title != "" {
		r.b.WriteString(` title="` + attr(im.Title) + `"`)
	}
	if im.Width > 0 && im.Height > 0 {
		r.b.WriteString(` width="` + strconv.Itoa(im.Width) + `" height="` + strconv.Itoa(im.Height) + `"`)
	}
	r.b.WriteString(" />")
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
		case *convert.Sub:
			r.wrap("sub", x.Inlines, inLink)
		case *convert.Sup:
			r.wrap("sup", x.Inlines, inLink)
		case *convert.Note:
			r.noteRef(x, inLink)
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
		case *convert.Image:
			r.image(x)
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
