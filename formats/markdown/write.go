package markdown

import (
	"context"
	"io"
	"regexp"
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
	// Report receives the count of links written as text because their
	// URL is unsafe (convert.LinkTarget); nil discards it.
	Report *convert.Report
}

func newWriter(o *convert.Options) *Writer {
	w := &Writer{FiguresTable: o.FiguresTable, Report: o.Report}
	if v, ok := o.Var("markdown", "front-matter"); ok {
		if b, ok := convert.ParseVarBool(v); ok {
			w.NoFrontMatter = !b
		}
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
	r := &renderer{explicit: explicitIDs(blocks), notes: numberNotes(blocks)}
	b.WriteString(r.blocks(blocks, false, false))
	b.WriteString(r.noteDefinitions())
	if w.Report != nil {
		unsafe := 0
		convert.Inspect(blocks, func(n any) bool {
			if l, ok := n.(*convert.Link); ok {
				if _, kind := convert.LinkTarget(l.URL); kind == convert.LinkUnsafe {
					unsafe++
				}
			}
			return true
		})
		if unsafe > 0 {
			w.Report.Add("markdown", "unsafe links written as text", unsafe)
		}
	}
	return b.String(), nil
}

type renderer struct {
	explicit map[*convert.Heading]bool
	notes    *inlineState
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
// only when tight, inside a tight list item). inItem is true for the
// blocks of a list item.
func (r *renderer) blocks(bs []convert.Block, tight, inItem bool) string {
	var b strings.Builder
	var prev convert.Block
	var prevMarker string // the bullet of the previous block when a list
	for _, bl := range bs {
		// Two lists in a row would merge: alternate the marker.
		avoid := ""
		if _, ok := bl.(*convert.List); ok {
			if _, ok := prev.(*convert.List); ok {
				avoid = prevMarker
			}
		}
		s, marker := r.block(bl, avoid)
		if s == "" {
			continue
		}
		if prev != nil {
			// goldmark ends the enclosing item too when a blank line
			// follows an empty nested item: no blank line there (the
			// item's other blank lines keep a loose list loose).
			if tight || inItem && endsWithEmptyItem(prev) {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(s)
		prev, prevMarker = bl, marker
	}
	if b.Len() > 0 {
		b.WriteString("\n")
	}
	return b.String()
}

// endsWithEmptyItem reports whether b is a list whose last item is empty
// or itself ends with such a list.
func endsWithEmptyItem(b convert.Block) bool {
	l, ok := b.(*convert.List)
	if !ok || len(l.Items) == 0 {
		return false
	}
	last := l.Items[len(l.Items)-1]
	return len(last) == 0 || endsWithEmptyItem(last[len(last)-1])
}

// block renders one block without its final newline; for a list, it
// also returns its marker kind ("-", "*", "+", "." or ")"), which must
// differ from avoid.
func (r *renderer) block(b convert.Block, avoid string) (string, string) {
	if l, ok := b.(*convert.List); ok {
		return r.list(l, avoid)
	}
	return r.nonList(b), ""
}

func (r *renderer) nonList(b convert.Block) string {
	switch x := b.(type) {
	case *convert.Heading:
		level := min(max(x.Level, 1), 6)
		s := strings.Repeat("#", level)
		if text := renderInlines(x.Inlines, ctxHeading, r.notes); text != "" {
			s += " " + text
		}
		if r.explicit[x] {
			s += " {#" + x.ID + "}"
		}
		return s
	case *convert.Paragraph:
		if len(x.Inlines) == 1 {
			if im, ok := x.Inlines[0].(*convert.Image); ok && im.Alt != "" {
				// Alone, a Markdown image would read back as a figure.
				return imageTag(im)
			}
		}
		return renderInlines(x.Inlines, ctxPara, r.notes) // empty: no Markdown form, dropped
	case *convert.FigureBlock:
		if x.Table != nil {
			t := *x.Table
			if len(x.Caption) > 0 {
				t.Caption = x.Caption
			}
			return r.table(&t)
		}
		// An image alone in a paragraph, its description the caption
		// (pandoc's implicit figure); with no caption, the alt text.
		desc := renderSeq(stripLinks(x.Caption), ctxPara, false, '[', ']', r.notes)
		if len(x.Caption) == 0 {
			desc = escapeText(x.Image.Alt, ctxPara, false, false)
		}
		return image(x.Image, desc, ctxPara)
	case *convert.Quote:
		inner := strings.TrimSuffix(r.blocks(x.Blocks, false, false), "\n")
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
	case *convert.PageBreak:
		return convert.PageBreakHTML
	}
	return ""
}

// reThematic matches a line that is a thematic break.
var reThematic = regexp.MustCompile(`^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)

// list renders a list with the first marker kind not equal to avoid
// ("-", "*", "+" for bullets; "." or ")" after numbers) under which no
// item's first line reads as a thematic break ("- - -": nested lists
// starting with empty items).
func (r *renderer) list(l *convert.List, avoid string) (string, string) {
	kinds := []string{"-", "*", "+"}
	if l.Ordered {
		kinds = []string{".", ")"}
	}
	bodies := make([]string, len(l.Items))
	for i, it := range l.Items {
		bodies[i] = strings.TrimSuffix(r.blocks(it, l.Tight, true), "\n")
	}
	var out, chosen string
	for _, kind := range kinds {
		if kind == avoid {
			continue
		}
		var ok bool
		out, ok = r.listWith(l, bodies, kind)
		chosen = kind
		if ok {
			break
		}
	}
	return out, chosen
}

// listWith renders the items with marker kind; ok is false when an item's
// first line would be a thematic break.
func (r *renderer) listWith(l *convert.List, bodies []string, kind string) (string, bool) {
	var items []string
	ok := true
	n := max(l.Start, 1)
	for i, body := range bodies {
		marker := kind
		if l.Ordered {
			marker = strconv.Itoa(n+i) + kind
		}
		if body == "" {
			if box := emptyTaskBox(l.Task(i)); box != "" {
				items = append(items, marker+" "+box)
				continue
			}
			items = append(items, marker)
			continue
		}
		pad := strings.Repeat(" ", len(marker)+1)
		// A first line that is blank or starts with spaces would change
		// the item's indentation; items start with their content.
		item := marker + " " + taskBox(l, i, body) + indentRest(body, pad)
		if box := emptyTaskBox(l.Task(i)); box != "" && !isParagraph(l.Items[i][0]) {
			// A task item that starts with another block (a code block,
			// a list): the checkbox alone on the item's first line.
			item = marker + " " + box + "\n" + pad + indentRest(body, pad)
		}
		first, _, _ := strings.Cut(item, "\n")
		if reThematic.MatchString(first) {
			ok = false
		}
		items = append(items, item)
	}
	sep := "\n"
	if !l.Tight {
		sep = "\n\n"
	}
	return strings.Join(items, sep), ok
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
		b.WriteString(renderInlines(t.Caption, ctxPara, r.notes))
		b.WriteString("\n\n")
	}
	row := func(cells []convert.Cell) {
		b.WriteString("|")
		for i := range n {
			var s string
			if i < len(cells) {
				s = renderInlines(cells[i], ctxCell, r.notes)
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

// taskBox returns the GFM task-list checkbox that starts item i's text
// ("[x] ", "[ ] "), or "" when the item has none or does not start with a
// paragraph (then the checkbox is written alone on the item's first line,
// which GFM reads as the item's checkbox too).
func taskBox(l *convert.List, i int, body string) string {
	switch l.Task(i) {
	case convert.TaskChecked:
		if len(l.Items[i]) > 0 && isParagraph(l.Items[i][0]) {
			return "[x] "
		}
	case convert.TaskUnchecked:
		if len(l.Items[i]) > 0 && isParagraph(l.Items[i][0]) {
			return "[ ] "
		}
	}
	return ""
}

func isParagraph(b convert.Block) bool {
	_, ok := b.(*convert.Paragraph)
	return ok
}

// numberNotes numbers the notes of blocks in reading order.
func numberNotes(blocks []convert.Block) *inlineState {
	nn := newInlineState()
	convert.Inspect(blocks, func(n any) bool {
		if x, ok := n.(*convert.Note); ok {
			if _, seen := nn.notes[x]; !seen {
				nn.notes[x] = len(nn.notes) + 1
			}
		}
		return true
	})
	return nn
}

// noteDefinitions writes the definitions of the notes, by number, after
// the last block: "[^1]: text", further lines and blocks indented by four
// spaces (pandoc's and goldmark's continuation).
func (r *renderer) noteDefinitions() string {
	if len(r.notes.notes) == 0 {
		return ""
	}
	order := make([]*convert.Note, len(r.notes.notes))
	for n, i := range r.notes.notes {
		order[i-1] = n
	}
	var b strings.Builder
	for i, n := range order {
		body := strings.TrimSuffix(r.blocks(n.Blocks, false, false), "\n")
		label := "[^" + strconv.Itoa(i+1) + "]:"
		b.WriteString("\n")
		switch {
		case body == "":
			b.WriteString(label + "\n")
		case len(n.Blocks) > 0 && isParagraph(n.Blocks[0]):
			b.WriteString(label + " " + indentNote(body, false) + "\n")
		default:
			// A note that starts with a list or a code block: its
			// blocks on the following lines.
			b.WriteString(label + "\n" + indentNote(body, true) + "\n")
		}
	}
	return b.String()
}

// indentNote indents the lines of a note's body by four spaces (the
// first too when first), except the lines of white space only, which
// goldmark's footnote definitions take as they are (a code block's line
// of spaces would gain four).
func indentNote(s string, first bool) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if (i > 0 || first) && strings.TrimLeft(l, " \t") != "" {
			lines[i] = "    " + l
		}
	}
	return strings.Join(lines, "\n")
}

// emptyTaskBox is the checkbox of an empty task item ("- [ ]", which GFM
// reads as a task item with no text), or "".
func emptyTaskBox(t convert.TaskState) string {
	switch t {
	case convert.TaskChecked:
		return "[x]"
	case convert.TaskUnchecked:
		return "[ ]"
	}
	return ""
}
