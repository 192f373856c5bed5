package text

import (
	"bytes"
	"context"
	"io"
	"strconv"
	"strings"

	"github.com/docconv/docconv/convert"
)

// Writer writes a document as plain text, the way a reader would copy it
// out of the PDF: the title and subtitle first, then a blank line (none
// when that would not read back as the title; see the package
// documentation), one block per line (a paragraph is one line), headings as their text, list items prefixed "• " or "1. " (nested
// lists indented by two spaces per level), quotations indented by two
// spaces, table rows one per line with cells separated by tabs (a caption
// on its own line before; ragged rows not padded), code blocks verbatim, ruby as its base text,
// rules omitted, a page break as a line holding a form feed (U+000C; none
// before the first line of text), task-list items marked "[x] " or "[ ] "
// (after the number of an ordered list, instead of the bullet of
// another), subscripts
// and superscripts as plain characters (H2O, x2). Footnotes are marks
// "[1]", "[2]"… where they are referenced, numbered in reading order, and
// the notes follow the last block, each starting with its mark ("[1] The
// note."), further lines indented. Output ends with a newline; an empty
// document gives no output. Writer never modifies the document.
//
// The output reads back (with Reader) into the same text: writing,
// reading and writing again gives the same bytes. Text whose first line
// starts with "%" or is "---" is preceded by an empty pandoc title block
// ("%", "%", "%" lines), so that the Reader does not take that line for a
// title block or front matter.
type Writer struct {
	// BlankLines separates blocks with a blank line (format variable
	// "text.blank-lines"). Off by default: a blank line after a short
	// first line would read back as a title (so the output then starts
	// with an empty title block, see Bytes).
	BlankLines bool
	// FileTitle is a title made from the input's file name (see
	// convert.Options.FileTitle): when Meta.Title is just that, it names
	// the file, not the text, and is not written (as in the PDF, EPUB and
	// HTML).
	FileTitle string
}

// Write implements convert.Writer.
func (w *Writer) Write(ctx context.Context, out io.Writer, d *convert.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	_, err := out.Write(w.Bytes(d))
	return err
}

// Bytes returns the text of d.
func (w *Writer) Bytes(d *convert.Document) []byte {
	out := w.body(d)
	if title, sub := w.printedTitle(d); title != "" {
		if t := w.titled(title, sub, out); t != nil {
			return t
		}
	}
	if opensHeader(out) || takesMeta(out) {
		// Text starting with "%" or "---" would read back as a pandoc
		// title block or YAML front matter; a first line that looks like
		// a headline, a byline or a closing credit would be taken for
		// metadata. Either way a line would vanish from the text. An empty
		// title block before it (pandoc's own syntax: three "%" lines,
		// every field skipped) tells the Reader that the text has no
		// title, so that it reads every line as text.
		out = append([]byte(emptyTitleBlockText), out...)
	}
	return out
}

// printedTitle returns the title and subtitle the other formats print
// at the top of d: none when the title is made from the file name
// (Meta.TitleFromFile, or equal to FileTitle) or when the first block is
// a level-1 heading saying it.
func (w *Writer) printedTitle(d *convert.Document) (title, subtitle string) {
	m := &d.Meta
	title = oneLine(m.Title)
	if title == "" || m.TitleFromFile || w != nil && w.FileTitle != "" && title == oneLine(w.FileTitle) {
		return "", ""
	}
	if len(d.Blocks) > 0 {
		if h, ok := d.Blocks[0].(*convert.Heading); ok && h.Level == 1 && oneLine(convert.PlainText(h.Inlines)) == title {
			return "", ""
		}
	}
	return title, oneLine(m.Subtitle)
}

// titled returns body under its title (and subtitle) in a form the
// Reader reads back as that title and subtitle, no other metadata, and
// the body it reads from the text without them (the same body, for a
// document read from text), or nil when none does. The plain form is the
// one the Reader looks for in any text: the title line (the subtitle line
// under it), then a blank line. When that would read back otherwise (a
// title ending in a full stop, a body whose first line would be taken for
// a byline, a blank line that would make the body read as hard-wrapped
// paragraphs…), the title is not written, as before: YAML front matter
// would read back, but its "---" and "title:" are characters the PDF does
// not show, and the text output holds only what the PDF shows. The
// choice depends only on the title, subtitle and body bytes, so writing
// what the Reader reads back gives the same bytes again. It costs two or
// three readings of the output, each linear.
func (w *Writer) titled(title, subtitle string, body []byte) []byte {
	var ref []byte // the body as read back without the title
	refDone := false
	ok := func(out []byte) bool {
		got, fine := w.readBack(out, title, subtitle)
		if !fine {
			return false
		}
		if bytes.Equal(got, body) {
			return true
		}
		if !refDone {
			refDone = true
			alone := body
			if opensHeader(body) || takesMeta(body) {
				alone = append([]byte(emptyTitleBlockText), body...)
			}
			if d, err := (&Reader{}).Parse(alone); err == nil {
				ref = w.body(d)
			}
		}
		return ref != nil && bytes.Equal(got, ref)
	}
	var b bytes.Buffer
	b.WriteString(title + "\n")
	if subtitle != "" {
		b.WriteString(subtitle + "\n")
	}
	b.WriteString("\n")
	b.Write(body)
	if ok(b.Bytes()) {
		return b.Bytes()
	}
	return nil
}

// readBack reads out and returns its blocks as written, and whether its
// metadata is exactly the given title and subtitle.
func (w *Writer) readBack(out []byte, title, subtitle string) ([]byte, bool) {
	d, err := (&Reader{}).Parse(out)
	if err != nil {
		return nil, false
	}
	m := &d.Meta
	if m.Title != title || m.Subtitle != subtitle || len(m.Authors) > 0 || m.Date != "" || len(m.Extra) > 0 ||
		m.Lang != "" || len(m.Keywords) > 0 || m.Description != "" || m.Source != "" || m.Identifier != "" {
		return nil, false
	}
	return w.body(d), true
}

// emptyTitleBlockText is a pandoc title block with every field empty.
const emptyTitleBlockText = "%\n%\n%\n"

// opensHeader reports whether text starts as the Reader's header does: a
// "%" line or a "---" line.
func opensHeader(b []byte) bool {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	return bytes.HasPrefix(line, []byte("%")) || string(bytes.TrimRight(line, " \t\r")) == "---"
}

// takesMeta reports whether the Reader would take lines of out (which has
// no header) for metadata: a title, a subtitle, a byline or a closing
// credit. It costs a second reading (up to the metadata), linear like the
// first.
func takesMeta(out []byte) bool {
	d, err := (&Reader{}).parse(out, true)
	if err != nil {
		return false
	}
	m := &d.Meta
	return m.Title != "" || m.Subtitle != "" || len(m.Authors) > 0 || m.Date != "" || len(m.Extra) > 0
}

// body writes the blocks of d, then its notes.
// softHyphen is U+00AD in UTF-8.
var softHyphen = []byte("\u00ad")

func (w *Writer) body(d *convert.Document) []byte {
	var b bytes.Buffer
	first := true
	nn := numberNotes(d.Blocks)
	for _, bl := range d.Blocks {
		if _, ok := bl.(*convert.PageBreak); ok && first {
			continue // a page break before any text breaks nothing
		}
		var one bytes.Buffer
		writeBlock(&one, bl, "", nn)
		// Soft hyphens are hyphenation hints, drawn by no PDF viewer unless
		// a line breaks there: the text holds what the PDF shows.
		data := one.Bytes()
		if bytes.Contains(data, softHyphen) {
			if data = bytes.ReplaceAll(data, softHyphen, nil); len(bytes.Trim(data, "\n")) == 0 {
				continue // a block of soft hyphens only
			}
		}
		if len(data) == 0 {
			continue
		}
		if !first && w != nil && w.BlankLines {
			b.WriteByte('\n')
		}
		first = false
		b.Write(data)
	}
	if nn != nil {
		if !first && w != nil && w.BlankLines {
			b.WriteByte('\n')
		}
		nn.write(&b)
	}
	return b.Bytes()
}

// writeLines writes s line by line, each prefixed by indent (the first by
// first instead) and followed by a newline.
func writeLines(b *bytes.Buffer, s, first, indent string) {
	for i, l := range strings.Split(s, "\n") {
		if i == 0 {
			b.WriteString(first)
		} else {
			b.WriteString(indent)
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
}

func writeBlock(b *bytes.Buffer, bl convert.Block, indent string, nn *noteNums) {
	switch x := bl.(type) {
	case *convert.Heading:
		if t := oneLine(nn.text(x.Inlines)); t != "" {
			writeLines(b, t, indent, indent)
		}
	case *convert.Paragraph:
		if t := strings.TrimSpace(nn.text(x.Inlines)); t != "" {
			writeLines(b, t, indent, indent)
		}
	case *convert.List:
		n := x.Start
		if n == 0 {
			n = 1
		}
		for i, item := range x.Items {
			marker := "• "
			if x.Ordered {
				marker = strconv.Itoa(n+i) + ". "
			} else if x.Task(i) != convert.NoTask {
				marker = "" // the checkbox is the marker, as in the PDF
			}
			cont := indent + strings.Repeat(" ", len([]rune(marker)))
			marker += taskMark(x.Task(i))
			wrote := false
			for _, ib := range item {
				if _, ok := ib.(*convert.List); ok {
					writeBlock(b, ib, indent+"  ", nn)
					continue
				}
				var one bytes.Buffer
				writeBlock(&one, ib, "", nn)
				if one.Len() == 0 {
					continue
				}
				s := strings.TrimSuffix(one.String(), "\n")
				if !wrote {
					writeLines(b, s, indent+marker, cont)
					wrote = true
				} else {
					writeLines(b, s, cont, cont)
				}
			}
			if !wrote && len(item) == 0 {
				b.WriteString(indent + strings.TrimSpace(marker) + "\n")
			}
		}
	case *convert.Quote:
		for _, qb := range x.Blocks {
			writeBlock(b, qb, indent+"  ", nn)
		}
	case *convert.CodeBlock:
		if t := strings.TrimRight(x.Text, "\n"); t != "" {
			writeLines(b, t, indent, indent)
		}
	case *convert.Table:
		if c := oneLine(nn.text(x.Caption)); c != "" {
			writeLines(b, c, indent, indent)
		}
		rows := x.Rows
		if x.Header != nil {
			rows = append([][]convert.Cell{x.Header}, rows...)
		}
		cell := strings.NewReplacer("\n", " ", "\t", " ")
		for _, r := range rows {
			// Ragged rows are not padded: trailing empty cells would only be
			// trailing tabs, which a reader trims.
			cells := make([]string, len(r))
			for i, c := range r {
				cells[i] = cell.Replace(nn.text(c))
			}
			writeLines(b, strings.TrimRight(strings.Join(cells, "\t"), " \t"), indent, indent)
		}
	case *convert.FigureBlock:
		// An image figure is its caption (or, with none, its alt text),
		// a table figure its caption and table.
		if x.Table != nil {
			t := *x.Table
			if len(x.Caption) > 0 {
				t.Caption = x.Caption
			}
			writeBlock(b, &t, indent, nn)
			return
		}
		t := oneLine(nn.text(x.Caption))
		if t == "" {
			t = oneLine(x.Image.Alt)
		}
		if t != "" {
			writeLines(b, t, indent, indent)
		}
	case *convert.Rule:
		// Nothing: a rule has no text to copy.
	case *convert.PageBreak:
		if indent == "" {
			// A form feed line: printers and pagers start a new page, and
			// the Reader reads it back as a page break. Inside a list or
			// quote it has no text form.
			b.WriteString("\f\n")
		}
	}
}

// oneLine replaces the line breaks of s by spaces and trims it.
func oneLine(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\n", " "))
}
