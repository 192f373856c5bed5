package convert

import "strings"

// Inspect traverses blocks in document order, calling f for every Block and
// Inline (pre-order). If f returns false, the children of that node are
// skipped. Table captions, header cells and body cells are visited in
// reading order; a FigureBlock's image (an Inline) or table, then its
// caption; the blocks of a Note are visited after the Note itself, where
// it is referenced.
func Inspect(blocks []Block, f func(node any) bool) {
	for _, b := range blocks {
		inspectBlock(b, f)
	}
}

func inspectBlock(b Block, f func(node any) bool) {
	if !f(b) {
		return
	}
	switch x := b.(type) {
	case *Heading:
		inspectInlines(x.Inlines, f)
	case *Paragraph:
		inspectInlines(x.Inlines, f)
	case *List:
		for _, item := range x.Items {
			Inspect(item, f)
		}
	case *Quote:
		Inspect(x.Blocks, f)
	case *FigureBlock:
		if x.Image != nil {
			f(x.Image)
		}
		if x.Table != nil {
			inspectBlock(x.Table, f)
		}
		inspectInlines(x.Caption, f)
	case *Table:
		inspectInlines(x.Caption, f)
		for _, c := range x.Header {
			inspectInlines(c, f)
		}
		for _, r := range x.Rows {
			for _, c := range r {
				inspectInlines(c, f)
			}
		}
	}
}

func inspectInlines(ins []Inline, f func(node any) bool) {
	for _, in := range ins {
		if f(in) {
			if n, ok := in.(*Note); ok {
				Inspect(n.Blocks, f)
				continue
			}
			inspectInlines(Children(in), f)
		}
	}
}

// MapInlines rewrites every leaf inline (Text, Code, Ruby, LineBreak,
// Image) of blocks in place: each is replaced by the inlines f returns
// (none, itself, or several). Container inlines (Strong, Emph, Strike,
// Sub, Sup, Link) are kept and their children rewritten, and so are notes,
// whose blocks are rewritten. Code blocks are left alone, and so is a
// FigureBlock's image (its table and caption are rewritten).
func MapInlines(blocks []Block, f func(Inline) []Inline) {
	for _, b := range blocks {
		switch x := b.(type) {
		case *Heading:
			x.Inlines = mapInlines(x.Inlines, f)
		case *Paragraph:
			x.Inlines = mapInlines(x.Inlines, f)
		case *List:
			for _, item := range x.Items {
				MapInlines(item, f)
			}
		case *Quote:
			MapInlines(x.Blocks, f)
		case *FigureBlock:
			if x.Table != nil {
				MapInlines([]Block{x.Table}, f)
			}
			x.Caption = mapInlines(x.Caption, f)
		case *Table:
			x.Caption = mapInlines(x.Caption, f)
			for i := range x.Header {
				x.Header[i] = mapInlines(x.Header[i], f)
			}
			for _, r := range x.Rows {
				for i := range r {
					r[i] = mapInlines(r[i], f)
				}
			}
		}
	}
}

func mapInlines(ins []Inline, f func(Inline) []Inline) []Inline {
	if ins == nil {
		return nil
	}
	out := make([]Inline, 0, len(ins))
	for _, in := range ins {
		switch x := in.(type) {
		case *Strong:
			x.Inlines = mapInlines(x.Inlines, f)
			out = append(out, x)
		case *Emph:
			x.Inlines = mapInlines(x.Inlines, f)
			out = append(out, x)
		case *Strike:
			x.Inlines = mapInlines(x.Inlines, f)
			out = append(out, x)
		case *Sub:
			x.Inlines = mapInlines(x.Inlines, f)
			out = append(out, x)
		case *Sup:
			x.Inlines = mapInlines(x.Inlines, f)
			out = append(out, x)
		case *Link:
			x.Inlines = mapInlines(x.Inlines, f)
			out = append(out, x)
		case *Note:
			MapInlines(x.Blocks, f)
			out = append(out, x)
		default:
			out = append(out, f(in)...)
		}
	}
	return out
}

// BlockText returns the plain text of a block (see PlainText). Blocks of a
// list item, a quote, and table cells are separated by newlines; a code
// block gives its text; a figure its caption (an image figure without a
// caption its alt text), then its table.
func BlockText(b Block) string {
	var sb strings.Builder
	writeBlockText(&sb, b)
	return sb.String()
}

func writeBlockText(sb *strings.Builder, b Block) {
	nl := func() {
		if sb.Len() > 0 && !strings.HasSuffix(sb.String(), "\n") {
			sb.WriteByte('\n')
		}
	}
	switch x := b.(type) {
	case *Heading:
		writePlain(sb, x.Inlines)
	case *Paragraph:
		writePlain(sb, x.Inlines)
	case *List:
		for _, item := range x.Items {
			for _, ib := range item {
				nl()
				writeBlockText(sb, ib)
			}
		}
	case *Quote:
		for _, qb := range x.Blocks {
			nl()
			writeBlockText(sb, qb)
		}
	case *CodeBlock:
		sb.WriteString(x.Text)
	case *FigureBlock:
		if len(x.Caption) > 0 {
			writePlain(sb, x.Caption)
		} else if x.Image != nil {
			sb.WriteString(x.Image.Alt)
		}
		if x.Table != nil {
			nl()
			writeBlockText(sb, x.Table)
		}
	case *Table:
		if len(x.Caption) > 0 {
			writePlain(sb, x.Caption)
		}
		rows := x.Rows
		if x.Header != nil {
			rows = append([][]Cell{x.Header}, rows...)
		}
		for _, r := range rows {
			nl()
			for i, c := range r {
				if i > 0 {
					sb.WriteByte('\t')
				}
				writePlain(sb, c)
			}
		}
	}
}

// HeadingText returns the plain text of a heading.
func (h *Heading) Text() string { return PlainText(h.Inlines) }

// NoteCount returns the number of notes in blocks, as writers number them
// (reading order, 1 upward).
func NoteCount(blocks []Block) int {
	n := 0
	Inspect(blocks, func(node any) bool {
		if _, ok := node.(*Note); ok {
			n++
		}
		return true
	})
	return n
}

// Uses says which optional features blocks use — footnotes, task lists,
// subscripts or superscripts — for writers that add style rules only for
// what a document has.
type Uses struct {
	Notes, Tasks, SubSup bool
}

// UsesOf scans blocks once for the features of Uses.
func UsesOf(blocks []Block) Uses {
	var u Uses
	Inspect(blocks, func(n any) bool {
		switch x := n.(type) {
		case *Sub, *Sup:
			u.SubSup = true
		case *Note:
			u.Notes = true
		case *List:
			u.Tasks = u.Tasks || x.HasTasks()
		}
		return true
	})
	return u
}
