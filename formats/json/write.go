package json

import (
	"bytes"
	"context"
	stdjson "encoding/json"
	"fmt"
	"io"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
)

// Writer writes a Document as the docconv JSON dump. The zero value is
// ready to use.
type Writer struct{}

// Write implements convert.Writer. It does not modify d.
func (w *Writer) Write(ctx context.Context, out io.Writer, d *convert.Document) error {
	b, err := Marshal(d)
	if err != nil {
		return err
	}
	_, err = out.Write(b)
	return err
}

// Marshal returns the JSON dump of d: 2-space indentation (to IndentDepth
// levels, compact deeper), keys in schema
// order, UTF-8 unescaped, a trailing newline. Figures are included (see
// the package documentation).
func Marshal(d *convert.Document) ([]byte, error) {
	wd := wireDoc{
		Docconv: SchemaVersion,
		Meta:    wireMetaOf(&d.Meta),
		Blocks:  wireBlocks(d.Blocks),
	}
	if figs := figures.Of(d); figs != nil {
		wd.Figures = make([]wireFigure, len(figs))
		for i, f := range figs {
			wd.Figures[i] = wireFigureOf(f)
		}
	}
	var buf bytes.Buffer
	enc := stdjson.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(wd); err != nil {
		return nil, fmt.Errorf("json: %w", err)
	}
	return rawReplacement(indent(buf.Bytes(), IndentDepth)), nil
}

// IndentDepth is the deepest nesting the writer indents: arrays and
// objects nested deeper are written compact, on the line of their parent,
// so that the output stays linear in the document (indentation of every
// line of a deep structure would grow with the square of its depth: 3,000
// nested quotes made a 90 MB file). 32 levels cover about ten levels of
// quotes and lists, more than real documents use; such documents are
// written exactly as with full indentation.
const IndentDepth = 32

// indent indents compact JSON (encoding/json's output, one value and a
// newline) with two spaces per level like json.Indent, up to maxDepth
// levels; deeper arrays and objects stay compact. One pass, linear.
func indent(src []byte, maxDepth int) []byte {
	out := make([]byte, 0, len(src)+len(src)/2)
	depth := 0
	newline := func(d int) {
		out = append(out, '\n')
		for range d {
			out = append(out, ' ', ' ')
		}
	}
	inString, esc := false, false
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inString {
			out = append(out, c)
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
			out = append(out, c)
		case '{', '[':
			out = append(out, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				out = append(out, src[i+1]) // empty: [] or {}
				i++
				continue
			}
			depth++
			if depth <= maxDepth {
				newline(depth)
			}
		case '}', ']':
			depth--
			if depth < maxDepth {
				newline(depth)
			}
			out = append(out, c)
		case ',':
			out = append(out, c)
			if depth <= maxDepth {
				newline(depth)
			}
		case ':':
			out = append(out, c)
			if depth <= maxDepth {
				out = append(out, ' ')
			}
		default:
			out = append(out, c)
		}
	}
	return out
}

// rawReplacement rewrites the escape \ufffd, which encoding/json writes for
// each invalid UTF-8 byte, as the character U+FFFD itself, which is what it
// writes for a valid U+FFFD. Reading the output back and writing it again
// then gives the same bytes.
func rawReplacement(b []byte) []byte {
	if !bytes.Contains(b, []byte(`\ufffd`)) {
		return b
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 >= len(b) {
			out = append(out, b[i])
			continue
		}
		if b[i+1] == 'u' && i+6 <= len(b) && string(b[i+2:i+6]) == "fffd" {
			out = append(out, "\uFFFD"...)
			i += 5
			continue
		}
		out = append(out, b[i], b[i+1]) // any other escape, kept whole
		i++
	}
	return out
}

func wireMetaOf(m *convert.Meta) wireMeta {
	wm := wireMeta{
		Title:       m.Title,
		Subtitle:    m.Subtitle,
		Authors:     m.Authors,
		Date:        m.Date,
		Lang:        m.Lang,
		Source:      m.Source,
		Identifier:  m.Identifier,
		Description: m.Description,
		Keywords:    m.Keywords,
	}
	if len(m.Extra) > 0 {
		wm.Extra = m.Extra
	}
	return wm
}

func wireBlocks(bs []convert.Block) []any {
	out := make([]any, 0, len(bs))
	for _, b := range bs {
		if wb := wireBlock(b); wb != nil {
			out = append(out, wb)
		}
	}
	return out
}

func wireBlock(b convert.Block) any {
	switch x := b.(type) {
	case *convert.Heading:
		return wireHeading{Type: "heading", Level: x.Level, ID: x.ID, Inlines: wireInlines(x.Inlines)}
	case *convert.Paragraph:
		return wireParagraph{Type: "paragraph", Inlines: wireInlines(x.Inlines)}
	case *convert.List:
		items := make([][]any, len(x.Items))
		for i, it := range x.Items {
			items[i] = wireBlocks(it)
		}
		l := wireList{Type: "list", Ordered: x.Ordered, Start: x.Start, Tight: x.Tight, Items: items}
		if x.HasTasks() {
			l.Tasks = make([]string, len(x.Tasks))
			for i, t := range x.Tasks {
				l.Tasks[i] = taskNames[t]
			}
		}
		return l
	case *convert.Quote:
		return wireQuote{Type: "quote", Blocks: wireBlocks(x.Blocks)}
	case *convert.CodeBlock:
		return wireCode{Type: "code", Lang: x.Lang, Text: x.Text}
	case *convert.Table:
		t := wireTable{Type: "table", Align: x.Align, Rows: make([][][]any, len(x.Rows))}
		if len(x.Caption) > 0 {
			t.Caption = wireInlines(x.Caption)
		}
		if len(x.Header) > 0 {
			t.Header = wireCells(x.Header)
		}
		for i, r := range x.Rows {
			t.Rows[i] = wireCells(r)
		}
		return t
	case *convert.Rule:
		return wireRule{Type: "rule"}
	case *convert.FigureBlock:
		f := wireFigureBlock{Type: "figure", ID: x.ID, Caption: wireInlines(x.Caption)}
		if x.Image != nil {
			im := wireImageOf(x.Image)
			f.Image = &im
		}
		if x.Table != nil {
			f.Table = wireBlock(x.Table)
		}
		return f
	case *convert.PageBreak:
		return wireRule{Type: "pagebreak"}
	}
	return nil // nil blocks are skipped
}

func wireCells(cs []convert.Cell) [][]any {
	out := make([][]any, len(cs))
	for i, c := range cs {
		out[i] = wireInlines(c)
	}
	return out
}

func wireInlines(ins []convert.Inline) []any {
	out := make([]any, 0, len(ins))
	for _, in := range ins {
		if wi := wireInline(in); wi != nil {
			out = append(out, wi)
		}
	}
	return out
}

func wireInline(in convert.Inline) any {
	switch x := in.(type) {
	case *convert.Text:
		return wireText{Type: "text", Text: x.Text}
	case *convert.Strong:
		return wireContainer{Type: "strong", Inlines: wireInlines(x.Inlines)}
	case *convert.Emph:
		return wireContainer{Type: "emph", Inlines: wireInlines(x.Inlines)}
	case *convert.Strike:
		return wireContainer{Type: "strike", Inlines: wireInlines(x.Inlines)}
	case *convert.Sub:
		return wireContainer{Type: "sub", Inlines: wireInlines(x.Inlines)}
	case *convert.Sup:
		return wireContainer{Type: "sup", Inlines: wireInlines(x.Inlines)}
	case *convert.Note:
		return wireNote{Type: "note", Blocks: wireBlocks(x.Blocks)}
	case *convert.Code:
		return wireText{Type: "code", Text: x.Text}
	case *convert.Link:
		return wireLink{Type: "link", URL: x.URL, Title: x.Title, Inlines: wireInlines(x.Inlines)}
	case *convert.Ruby:
		return wireRuby{Type: "ruby", Base: x.Base, Text: x.Text}
	case *convert.LineBreak:
		return wireRule{Type: "linebreak"}
	case *convert.Image:
		return wireImageOf(x)
	}
	return nil
}

func wireImageOf(x *convert.Image) wireImage {
	return wireImage{Type: "image", Src: x.Src, Alt: x.Alt, Title: x.Title, Width: x.Width, Height: x.Height, MediaType: x.MediaType}
}
