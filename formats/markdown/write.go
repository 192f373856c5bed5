package markdown

import (
	"context"
	"io"
	"strconv"
	"strings"

	"github.com/docconv/docconv/convert"
)

// Writer writes CommonMark with GFM tables and strikethrough, and YAML
// front matter for the metadata. Its output reads back (with Reader) into
// the same model when the model came from Markdown. The zero value is
// ready to use.
type Writer struct {
	// NoFrontMatter leaves out the YAML front matter (Vars
	// "markdown.front-matter" = "false").
	NoFrontMatter bool
	// FiguresTable appends a section listing the document's figures
	// (figures.Of), titled in the document's language like the HTML
	// writer's.
	FiguresTable bool
}

func newWriter(o *convert.Options) *Writer {
	w := &Writer{FiguresTable: o.FiguresTable}
	if v, ok := o.Var("markdown", "front-matter"); ok && (v == "false" || v == "0" || v == "no") {
		w.NoFrontMatter = true
	}
	return w
}

// Write implements convert.Writer. It does not modify d.
func (w *Writer) Write(ctx context.Context, out io.Writer, d *convert.Document) error {
	s, err := w.Render(d)
	if err != nil {
		return err
	}
	_, err = io.WriteString(out, s)
	return err
}

// Render returns the Markdown text of d.
func (w *Writer) Render(d *convert.Document) (string, error) {
	var b strings.Builder
	if !w.NoFrontMatter {
		fm, err := frontMatter(&d.Meta)
		if err != nil {
			return "", err
		}
		if fm != "" {
			b.WriteString(fm)
			if len(d.Blocks) > 0 {
				b.WriteByte('\n')
			}
		}
	}
	blocks := d.Blocks
	if w.FiguresTable {
		blocks = withFigures(d)
	}
	r := &renderer{explicit: explicitIDs(blocks)}
	b.WriteString(r.blocks(blocks, false))
	return b.String(), nil
}

type renderer struct {
	explicit map[*convert.Heading]bool
}

// explicitIDs decides which headings need a {#id} attribute: those whose
// identifier the reader would not generate by itself. Explicit identifiers
// are reserved before automatic ones are assigned, so the choice is
// iterated to a fixed point.
func explicitIDs(blocks []convert.Block) map[*convert.Heading]bool {
	hs := headings(blocks)
	exp := map[*convert.Heading]bool{}
	for range len(hs) + 1 {
		used := map[string]bool{}
		for _, h := range hs {
			if exp[h] {
				used[h.ID] = true
			}
		}
		s := &ids{used: used}
		changed := false
		for _, h := range hs {
			if exp[h] {
				continue
			}
			auto := s.auto(h.Text())
			s.used[auto] = true
			if auto != h.ID && writableID(h.ID) {
				exp[h] = true
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	return exp
}

// writableID reports whether id can be written as {#id}: goldmark reads
// an identifier up to a space or ASCII punctuation other than _ - : .
func writableID(id string) bool {
	if id == "" {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c <= ' ' || c == 0x7f || (c < 0x80 && isASCIIPunct(c) && c != '_' && c != '-' && c != ':' && c != '.') {
			return false
		}
	}
	return true
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// blocks renders a block sequence separated by blank lines (by newlines
// only when tight, inside a tight list item).
func (r *renderer) blocks(bs []convert.Block, tight bool) string {
	var parts []string
	var prev convert.Block
	alt := false
	for _, b := range bs {
		// Two lists in a row would merge: alternate the marker.
		if l, ok := b.(*convert.List); ok {
			if pl, ok := prev.(*convert.List); ok && pl.Ordered == l.Ordered {
				alt = !alt
			} else {
				alt = false
			}
		}
		s := r.block(b, alt)
		if s == "" {
			continue
		}
		parts = append(parts, s)
		prev = b
	}
	sep := "\n"
	if !tight {
		sep = "\n\n"
	}
	out := strings.Join(parts, sep)
	if out != "" {
		out += "\n"
	}
	return out
}

// block renders one block without its final newline.
func (r *renderer) block(b convert.Block, alt bool) string {
	switch x := b.(type) {
	case *convert.Heading:
		level := min(max(x.Level, 1), 6)
		s := strings.Repeat("#", level)
		if text := renderInlines(x.Inlines, ctxHeading); text != "" {
			s += " " + text
		}
		if r.explicit[x] {
			s += " {#" + x.ID + "}"
		}
		return s
	case *convert.Paragraph:
		return renderInlines(x.Inlines, ctxPara) // empty: no Markdown form, dropped
	case *convert.List:
		return r.list(x, alt)
	case *convert.Quote:
		inner := strings.TrimSuffix(r.blocks(x.Blocks, false), "\n")
		if inner == "" {
			return ">"
		}
		return prefixLines(inner, "> ", ">")
	case *convert.CodeBlock:
		return codeBlock(x)
	case *convert.Table:
		return r.table(x)
	case *convert.Rule:
		return "***"
	}
	return ""
}

func (r *renderer) list(l *convert.List, alt bool) string {
	var items []string
	n := max(l.Start, 1)
	for i, it := range l.Items {
		var marker string
		switch {
		case l.Ordered && alt:
			marker = strconv.Itoa(n+i) + ")"
		case l.Ordered:
			marker = strconv.Itoa(n+i) + "."
		case alt:
			marker = "*"
		default:
			marker = "-"
		}
		body := strings.TrimSuffix(r.blocks(it, l.Tight), "\n")
		if body == "" {
			items = append(items, marker)
			continue
		}
		pad := strings.Repeat(" ", len(marker)+1)
		// A first line that is blank or starts with spaces would change
		// the item's indentation; items start with their content.
		items = append(items, marker+" "+indentRest(body, pad))
	}
	sep := "\n"
	if !l.Tight {
		sep = "\n\n"
	}
	return strings.Join(items, sep)
}

// indentRest indents every line but the first; blank lines stay empty.
func indentRest(s, pad string) string {
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = pad + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

func prefixLines(s, prefix, blank string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = blank
		} else {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}

func codeBlock(c *convert.CodeBlock) string {
	fence := "```"
	for strings.Contains(c.Text, fence) {
		fence += "`"
	}
	var lang string // the reader keeps the first word of the info string
	if f := strings.Fields(c.Lang); len(f) > 0 {
		lang = f[0]
	}
	if strings.ContainsRune(lang, '`') {
		fence = strings.Repeat("~", len(fence))
		for strings.Contains(c.Text, fence) {
			fence += "~"
		}
	}
	var b strings.Builder
	b.WriteString(fence)
	b.WriteString(escapeInfo(lang))
	b.WriteByte('\n')
	if c.Text != "" {
		b.WriteString(c.Text)
		b.WriteByte('\n')
	}
	b.WriteString(fence)
	return b.String()
}

// escapeInfo escapes what the reader would unescape in an info string.
func escapeInfo(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' || s[i] == '&' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func (r *renderer) table(t *convert.Table) string {
	n := t.Columns()
	if n == 0 {
		return ""
	}
	var b strings.Builder
	if len(t.Caption) > 0 {
		// GFM tables have no caption: it becomes a paragraph above.
		b.WriteString(renderInlines(t.Caption, ctxPara))
		b.WriteString("\n\n")
	}
	row := func(cells []convert.Cell) {
		b.WriteString("|")
		for i := range n {
			var s string
			if i < len(cells) {
				s = renderInlines(cells[i], ctxCell)
			}
			b.WriteString(" " + s + " |")
		}
		b.WriteByte('\n')
	}
	row(t.Header)
	b.WriteString("|")
	for i := range n {
		a := convert.AlignDefault
		if i < len(t.Align) {
			a = t.Align[i]
		}
		switch a {
		case convert.AlignLeft:
			b.WriteString(" :--- |")
		case convert.AlignCenter:
			b.WriteString(" :---: |")
		case convert.AlignRight:
			b.WriteString(" ---: |")
		default:
			b.WriteString(" --- |")
		}
	}
	b.WriteByte('\n')
	for _, rw := range t.Rows {
		row(rw)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
