package html

import (
	"context"
	"io"
	"path/filepath"
	"strings"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
)

// Writer writes a standalone HTML5 document. The zero value is ready to
// use.
type Writer struct {
	// FiguresTable appends a section listing the document's figures (see
	// package figures), titled in the document's language.
	FiguresTable bool
	// Fonts are font family names put first in the CSS font stacks. Names
	// that look like font files are ignored.
	Fonts []string
	// Report receives the number of unsafe links written as text; nil
	// discards it.
	Report *convert.Report
	// FileTitle is a title made from the input's file name (see
	// convert.Options.FileTitle): when Meta.Title is just that, it is the
	// page's <title> but no <header> shows it. Empty shows every title.
	FileTitle string
	// EmbedResources writes the images read as data: URIs, a
	// self-contained page (see EmbeddedImageSource); otherwise their
	// sources are written as in the input (see ImageSource), relative to
	// the input file.
	EmbedResources bool
}

func newWriter(o *convert.Options) *Writer {
	return &Writer{FiguresTable: o.FiguresTable, Fonts: o.Fonts, Report: o.Report, FileTitle: o.FileTitle(), EmbedResources: o.EmbedResources}
}

// Write implements convert.Writer. It does not modify d.
func (w *Writer) Write(ctx context.Context, out io.Writer, d *convert.Document) error {
	var b strings.Builder
	m := &d.Meta
	lang := m.Lang
	if lang == "" {
		lang = convert.DocumentLanguage(d)
	}
	b.WriteString("<!DOCTYPE html>\n<html")
	if lang != "" && lang != "und" {
		b.WriteString(` lang="` + attr(lang) + `" xml:lang="` + attr(lang) + `"`)
	}
	b.WriteString(">\n<head>\n<meta charset=\"utf-8\" />\n")
	b.WriteString(`<meta name="viewport" content="width=device-width, initial-scale=1" />` + "\n")
	b.WriteString(`<meta name="generator" content="docconv" />` + "\n")
	title := m.Title
	if title == "" {
		title = firstHeading(d.Blocks)
	}
	b.WriteString("<title>" + text(title) + "</title>\n")
	meta := func(name, content string) {
		if content != "" {
			b.WriteString(`<meta name="` + name + `" content="` + attr(content) + `" />` + "\n")
		}
	}
	for _, a := range m.Authors {
		meta("author", a)
	}
	meta("keywords", strings.Join(m.Keywords, ", "))
	meta("description", m.Description)
	meta("dcterms.date", m.Date)
	meta("dcterms.source", m.Source)
	meta("dcterms.identifier", m.Identifier)
	b.WriteString("<style>\n" + css(fontNames(w.Fonts)) + extraCSS(d.Blocks) + "</style>\n</head>\n<body>\n")

	r := newRenderer(d.Blocks, w.Report)
	if w.EmbedResources {
		r.imageSrc = EmbeddedImageSource
	}
	if header := titleBlock(m, d.Blocks); header != "" && m.Title != w.FileTitle {
		b.WriteString(header)
	}
	r.blocks(d.Blocks)
	r.footnotes()
	if w.FiguresTable {
		r.figures(figures.Of(d), lang)
	}
	b.WriteString(r.b.String())
	b.WriteString("</body>\n</html>\n")
	if err := ctx.Err(); err != nil {
		return err
	}
	_, err := io.WriteString(out, b.String())
	return err
}

// titleBlock returns the <header> with title, subtitle, authors and date,
// or "" when there is no title or the document already opens with a level
// 1 heading of the same text (Markdown with a front matter title and a
// "# Title" line).
func titleBlock(m *convert.Meta, blocks []convert.Block) string {
	if m.Title == "" {
		return ""
	}
	if len(blocks) > 0 {
		if h, ok := blocks[0].(*convert.Heading); ok && h.Level == 1 && strings.TrimSpace(h.Text()) == strings.TrimSpace(m.Title) {
			return ""
		}
	}
	var b strings.Builder
	b.WriteString("<header>\n<h1 class=\"title\">" + text(m.Title) + "</h1>\n")
	if m.Subtitle != "" {
		b.WriteString(`<p class="subtitle">` + text(m.Subtitle) + "</p>\n")
	}
	for _, a := range m.Authors {
		b.WriteString(`<p class="author">` + text(a) + "</p>\n")
	}
	if m.Date != "" {
		b.WriteString(`<p class="date">` + text(m.Date) + "</p>\n")
	}
	b.WriteString("</header>\n")
	return b.String()
}

func firstHeading(blocks []convert.Block) string {
	for _, b := range blocks {
		if h, ok := b.(*convert.Heading); ok {
			return h.Text()
		}
	}
	return ""
}

// fontNames keeps the entries of fonts that are family names, not files.
func fontNames(fonts []string) []string {
	var out []string
	for _, f := range fonts {
		switch strings.ToLower(filepath.Ext(f)) {
		case ".ttf", ".otf", ".ttc", ".otc", ".woff", ".woff2":
			continue
		}
		if strings.ContainsAny(f, `/\`) || strings.TrimSpace(f) == "" {
			continue
		}
		out = append(out, strings.TrimSpace(f))
	}
	return out
}

// FiguresHeading returns the heading of the figures section for a
// language: 數據一覽 (zh-Hant), 数据一览 (zh-Hans, zh), 数値一覧 (ja),
// 수치 목록 (ko), Figures (others). It is figures.Heading.
func FiguresHeading(lang string) string { return figures.Heading(lang) }

// figures appends the figures section: the heading and figures.Table,
// written like any other table; nothing when there are none.
func (r *renderer) figures(figs []convert.Figure, lang string) {
	if len(figs) == 0 {
		return
	}
	t := figures.Table(figs, lang)
	id := r.uniqueID("figures", "")
	r.b.WriteString(`<section class="figures">` + "\n")
	r.b.WriteString(`<h2 id="` + attr(id) + `">` + text(figures.Heading(lang)) + "</h2>\n")
	r.table(t)
	r.b.WriteString("</section>\n")
}
