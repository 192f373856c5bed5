package convert

import "strings"

// MaxNesting is the deepest nesting of quotes and lists a document keeps,
// and of inline formatting (emphasis, links…) inside one another:
// a quote or list inside 100 enclosing quotes and lists is flattened (its
// blocks take its place), so that no writer meets a structure whose cost
// grows with the square of its depth (indentation, rules drawn for every
// enclosing quote, recursion). markdown-it's default maxNesting is the
// same; real documents nest a few levels.
const MaxNesting = 100

// LimitNesting flattens quotes and lists nested deeper than MaxNesting
// levels: a quote or list at level MaxNesting+1 or deeper is replaced by
// its blocks (a list by the blocks of its items, in order), which stay in
// the container at level MaxNesting. No text is lost. It returns the
// blocks and how many containers were flattened; the blocks are changed in
// place. The blocks of a note count at the level of the block that
// references it. Time is linear in the number of blocks and inlines,
// whatever the depth.
func LimitNesting(bs []Block) ([]Block, int) {
	n := 0
	limitNesting(bs, 0, &n)
	n += limitInlineNesting(bs)
	return bs, n
}

// limitInlineNesting flattens inline containers (emphasis, strikethrough,
// sub/superscripts, links) nested deeper than MaxNesting inside one
// another: one at level MaxNesting+1 or deeper is replaced by its inlines
// (a link deeper than that loses its target, never its text). Writers
// that decide an inline's form from what it holds would otherwise pay
// with the square of the depth: 20,000 asterisks of Markdown (10,000
// nested emphases) took 4 s and 2.6 GB to write back as Markdown. It
// returns how many were flattened.
func limitInlineNesting(bs []Block) int {
	n := 0
	Inspect(bs, func(node any) bool {
		switch x := node.(type) {
		case *Heading:
			limitInlines(x.Inlines, 0, &n)
			return false
		case *Paragraph:
			limitInlines(x.Inlines, 0, &n)
			return false
		case *Table:
			limitTable(x, &n)
			return false
		case *FigureBlock:
			if x.Table != nil {
				limitTable(x.Table, &n)
			}
			limitInlines(x.Caption, 0, &n)
			return false
		}
		return true
	})
	return n
}

func limitTable(t *Table, n *int) {
	limitInlines(t.Caption, 0, n)
	for _, c := range t.Header {
		limitInlines(c, 0, n)
	}
	for _, r := range t.Rows {
		for _, c := range r {
			limitInlines(c, 0, n)
		}
	}
}

// limitInlines walks the containers of ins, which are at level depth+1.
func limitInlines(ins []Inline, depth int, n *int) {
	for _, in := range ins {
		if note, ok := in.(*Note); ok {
			*n += limitInlineNesting(note.Blocks)
			continue
		}
		kids := Children(in)
		if len(kids) == 0 {
			continue
		}
		if depth+1 == MaxNesting {
			setChildren(in, flattenInlines(kids, n))
		} else {
			limitInlines(kids, depth+1, n)
		}
	}
}

// flattenInlines returns ins with every container, at any depth, replaced
// by its inlines, counting them in n; notes stay, their blocks limited. It
// uses a stack of its own, not recursion.
func flattenInlines(ins []Inline, n *int) []Inline {
	out := make([]Inline, 0, len(ins))
	stack := [][]Inline{ins}
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if len(*top) == 0 {
			stack = stack[:len(stack)-1]
			continue
		}
		in := (*top)[0]
		*top = (*top)[1:]
		if note, ok := in.(*Note); ok {
			*n += limitInlineNesting(note.Blocks)
			out = append(out, in)
			continue
		}
		if kids := Children(in); kids != nil {
			*n++
			stack = append(stack, kids)
			continue
		}
		out = append(out, in)
	}
	return mergeTexts(out)
}

// mergeTexts joins runs of adjacent texts into one text, as every reader
// makes them (texts meet when their containers are flattened), in time
// linear in their length.
func mergeTexts(ins []Inline) []Inline {
	out := ins[:0]
	for i := 0; i < len(ins); {
		_, ok := ins[i].(*Text)
		j := i + 1
		if ok {
			for j < len(ins) {
				if _, next := ins[j].(*Text); !next {
					break
				}
				j++
			}
		}
		if !ok || j == i+1 {
			out = append(out, ins[i])
			i = j
			continue
		}
		var b strings.Builder
		for _, in := range ins[i:j] {
			b.WriteString(in.(*Text).Text)
		}
		out = append(out, &Text{Text: b.String()})
		i = j
	}
	return out
}

// setChildren sets the inlines of a container inline.
func setChildren(in Inline, ins []Inline) {
	switch x := in.(type) {
	case *Strong:
		x.Inlines = ins
	case *Emph:
		x.Inlines = ins
	case *Strike:
		x.Inlines = ins
	case *Sub:
		x.Inlines = ins
	case *Sup:
		x.Inlines = ins
	case *Link:
		x.Inlines = ins
	}
}

// limitNesting walks the containers of bs, which are at level depth+1.
func limitNesting(bs []Block, depth int, n *int) {
	for _, b := range bs {
		ForNotes(b, func(note *Note) {
			if depth >= MaxNesting {
				note.Blocks = flattenContainers(note.Blocks, n)
			} else {
				limitNesting(note.Blocks, depth, n)
			}
		})
		switch x := b.(type) {
		case *Quote:
			if depth+1 == MaxNesting {
				x.Blocks = flattenContainers(x.Blocks, n)
			} else {
				limitNesting(x.Blocks, depth+1, n)
			}
		case *List:
			for i, it := range x.Items {
				if depth+1 == MaxNesting {
					x.Items[i] = flattenContainers(it, n)
				} else {
					limitNesting(it, depth+1, n)
				}
			}
		}
	}
}

// flattenContainers returns bs with every quote and list, at any depth,
// replaced by its blocks, counting them in n. It uses a stack of its own,
// not recursion: the depth may be anything.
func flattenContainers(bs []Block, n *int) []Block {
	has := false
	for _, b := range bs {
		switch b.(type) {
		case *Quote, *List:
			has = true
		}
	}
	if !has {
		for _, b := range bs {
			ForNotes(b, func(note *Note) { note.Blocks = flattenContainers(note.Blocks, n) })
		}
		return bs
	}
	out := make([]Block, 0, len(bs))
	stack := [][]Block{bs}
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if len(*top) == 0 {
			stack = stack[:len(stack)-1]
			continue
		}
		b := (*top)[0]
		*top = (*top)[1:]
		switch x := b.(type) {
		case *Quote:
			*n++
			stack = append(stack, x.Blocks)
		case *List:
			*n++
			for i := len(x.Items) - 1; i >= 0; i-- {
				stack = append(stack, x.Items[i])
			}
		default:
			ForNotes(b, func(note *Note) { note.Blocks = flattenContainers(note.Blocks, n) })
			out = append(out, b)
		}
	}
	return out
}

// ForNotes calls f for each note referenced from the inlines of b itself
// (a heading, a paragraph, a table's caption and cells, a figure's table
// and caption), not from blocks
// nested in it (a list's or a quote's blocks), in reading order. Writers
// that place notes after the block that references them, and figures,
// use it.
func ForNotes(b Block, f func(*Note)) {
	switch x := b.(type) {
	case *Heading:
		inlineNotes(x.Inlines, f)
	case *Paragraph:
		inlineNotes(x.Inlines, f)
	case *FigureBlock:
		if x.Table != nil {
			ForNotes(x.Table, f)
		}
		inlineNotes(x.Caption, f)
	case *Table:
		inlineNotes(x.Caption, f)
		for _, c := range x.Header {
			inlineNotes(c, f)
		}
		for _, r := range x.Rows {
			for _, c := range r {
				inlineNotes(c, f)
			}
		}
	}
}

func inlineNotes(ins []Inline, f func(*Note)) {
	for _, in := range ins {
		if x, ok := in.(*Note); ok {
			f(x)
			continue
		}
		inlineNotes(Children(in), f)
	}
}
