package markdown

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/docconv/docconv/convert"
)

// Footnotes (pandoc's and GFM's [^label] with "[^label]: text"
// definitions, several paragraphs indented by four spaces) are read with
// goldmark's Footnote extension. Each reference becomes a convert.Note
// holding the blocks of its definition, where the reference stands;
// writers number notes by their order in the text. As pandoc does:
//   - a reference with no definition ([^x]) stays text;
//   - a definition never referenced is dropped (goldmark drops it);
//   - a reference inside a note (to itself or another note) stays text,
//     since notes do not nest;
//   - a definition referenced several times gives each reference its own
//     note, a copy. The copies are bounded: past noteBudget bytes of
//     repeated definitions (the size of the input, at least 64 KiB) a
//     repeated reference stays text, with a warning, so that a small input
//     cannot make a huge document.

// notes is the converter's footnote state.
type notes struct {
	defs        map[int]*east.Footnote // by goldmark's index
	used        map[int]bool
	inNote      bool
	noteBudget  int // bytes of repeated definitions still allowed
	noteRefsCut int // repeated references kept as text
}

// collectFootnotes takes goldmark's list of referenced definitions out of
// the document (it is the last child of root when there is one).
func (c *converter) collectFootnotes(root ast.Node) {
	c.noteBudget = max(len(c.src), 64<<10)
	last := root.LastChild()
	list, ok := last.(*east.FootnoteList)
	if !ok {
		return
	}
	root.RemoveChild(root, list)
	c.defs = map[int]*east.Footnote{}
	c.used = map[int]bool{}
	for n := list.FirstChild(); n != nil; n = n.NextSibling() {
		if fn, ok := n.(*east.Footnote); ok {
			c.defs[fn.Index] = fn
		}
	}
}

// footnote converts a reference: a Note with its definition's blocks, or
// the reference's text where it cannot be one.
func (c *converter) footnote(x *east.FootnoteLink) []convert.Inline {
	fn := c.defs[x.Index]
	if fn == nil {
		return nil
	}
	literal := []convert.Inline{&convert.Text{Text: "[^" + string(fn.Ref) + "]"}}
	if c.inNote {
		return literal
	}
	if c.used[x.Index] {
		size := sourceSize(fn)
		if size > c.noteBudget {
			c.noteRefsCut++
			return literal
		}
		c.noteBudget -= size
	}
	c.used[x.Index] = true
	// The definition's paragraphs are converted in the middle of the
	// referencing paragraph's: keep that paragraph's soft breaks.
	saved := c.softBreak
	c.inNote = true
	bs := c.blocks(fn)
	c.inNote = false
	c.softBreak = saved
	if bs == nil {
		bs = []convert.Block{}
	}
	return []convert.Inline{&convert.Note{Blocks: bs}}
}

// sourceSize is the number of source bytes of the lines of n's blocks.
func sourceSize(n ast.Node) int {
	size := 0
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Type() == ast.TypeBlock {
			ls := n.Lines()
			for i := 0; i < ls.Len(); i++ {
				seg := ls.At(i)
				size += seg.Len()
			}
			size++ // a block costs something even when empty
		}
		return ast.WalkContinue, nil
	})
	return size
}

// taskState returns the GFM task-list checkbox of a list item: goldmark
// puts it first in the item's first text block.
func taskState(item ast.Node) convert.TaskState {
	first := item.FirstChild()
	if first == nil {
		return convert.NoTask
	}
	cb, ok := first.FirstChild().(*east.TaskCheckBox)
	if !ok {
		return convert.NoTask
	}
	if cb.IsChecked {
		return convert.TaskChecked
	}
	return convert.TaskUnchecked
}
