package convert

import "fmt"

// Constructors for building a Document by hand. Blocks and inlines are
// pointers (*Paragraph, *Text…); these functions spare writing them out:
//
//	d := &convert.Document{Meta: convert.Meta{Title: "報告", Lang: "zh-Hant"}, Blocks: []convert.Block{
//		convert.H(2, "概況"),
//		convert.Para("營收增長", convert.B("32%"), "。"),
//		convert.UL("甲", "乙"),
//	}}
//
// A part given to Para, H, B, I, S, L and the list and table functions is
// a string (it becomes a *Text) or an Inline; any other type panics, as
// a mistake in code that builds a document is.

// Inlines turns parts — strings and Inlines — into inlines.
func Inlines(parts ...any) []Inline {
	out := make([]Inline, 0, len(parts))
	for i, p := range parts {
		switch x := p.(type) {
		case string:
			out = append(out, &Text{Text: x})
		case Inline:
			out = append(out, x)
		default:
			panic(fmt.Sprintf("convert: part %d is a %T, want a string or an Inline", i+1, p))
		}
	}
	return out
}

// Para returns a paragraph of parts.
func Para(parts ...any) *Paragraph { return &Paragraph{Inlines: Inlines(parts...)} }

// H returns a heading of level 1 to 6 (Document.Validate refuses others).
func H(level int, parts ...any) *Heading { return &Heading{Level: level, Inlines: Inlines(parts...)} }

// B returns strong (bold) text.
func B(parts ...any) *Strong { return &Strong{Inlines: Inlines(parts...)} }

// I returns emphasized (italic) text.
func I(parts ...any) *Emph { return &Emph{Inlines: Inlines(parts...)} }

// S returns struck-through text.
func S(parts ...any) *Strike { return &Strike{Inlines: Inlines(parts...)} }

// L returns a link to url; with no parts its text is the URL.
func L(url string, parts ...any) *Link {
	if len(parts) == 0 {
		parts = []any{url}
	}
	return &Link{URL: url, Inlines: Inlines(parts...)}
}

// listItems makes list items: a Block is an item of its own, anything else
// (a string, an Inline) a paragraph.
func listItems(items []any) [][]Block {
	out := make([][]Block, len(items))
	for i, it := range items {
		if b, ok := it.(Block); ok {
			out[i] = []Block{b}
		} else {
			out[i] = []Block{Para(it)}
		}
	}
	return out
}

// UL returns a tight bullet list, one item per argument.
func UL(items ...any) *List { return &List{Tight: true, Items: listItems(items)} }

// OL returns a tight ordered list numbered from start (0 means 1).
func OL(start int, items ...any) *List {
	return &List{Ordered: true, Start: start, Tight: true, Items: listItems(items)}
}

// NewTable returns a table with a header row of parts (nil for none);
// add rows with Row.
func NewTable(header ...any) *Table {
	t := &Table{}
	for _, h := range header {
		t.Header = append(t.Header, Inlines(h))
	}
	return t
}

// Row appends a body row, one cell per part, and returns t.
func (t *Table) Row(cells ...any) *Table {
	row := make([]Cell, len(cells))
	for i, c := range cells {
		row[i] = Inlines(c)
	}
	t.Rows = append(t.Rows, row)
	return t
}

// Aligned sets the columns' alignments and returns t.
func (t *Table) Aligned(align ...Alignment) *Table {
	t.Align = align
	return t
}
