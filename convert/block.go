package convert

import "strings"

// Block is a block-level element of a Document. The set is sealed: Heading,
// Paragraph, List, Quote, CodeBlock, Table, Rule, FigureBlock and PageBreak
// are the only kinds.
type Block interface {
	isBlock()
}

// Heading is a section heading. Level runs from 1 (top) to 6.
type Heading struct {
	Level   int
	ID      string // optional anchor, unique within the document when set
	Inlines []Inline
}

// Paragraph is a paragraph of running text.
type Paragraph struct {
	Inlines []Inline
}

// List is a bullet or ordered list. Each item is a sequence of blocks.
type List struct {
	Ordered bool
	Start   int // first number of an ordered list; 0 means 1
	Tight   bool
	Items   [][]Block
	// Tasks is the task-list state of each item (GFM "- [x] done"),
	// parallel to Items; nil, or shorter than Items, means NoTask for the
	// items past its end. A list may mix task items and plain ones.
	Tasks []TaskState
}

// TaskState is the checkbox of a task-list item.
type TaskState uint8

// Task states. NoTask is an ordinary item, without a checkbox.
const (
	NoTask TaskState = iota
	TaskUnchecked
	TaskChecked
)

// Task returns the task state of item i (NoTask past the end of Tasks).
func (l *List) Task(i int) TaskState {
	if i < len(l.Tasks) {
		return l.Tasks[i]
	}
	return NoTask
}

// HasTasks reports whether any item of l has a checkbox.
func (l *List) HasTasks() bool {
	for _, t := range l.Tasks {
		if t != NoTask {
			return true
		}
	}
	return false
}

// Quote is a block quotation.
type Quote struct {
	Blocks []Block
}

// CodeBlock is preformatted text, shown as is.
type CodeBlock struct {
	Lang string // info string, e.g. "go"; may be empty
	Text string
}

// Alignment is the horizontal alignment of a table column.
type Alignment string

// Column alignments. AlignDefault leaves it to the writer.
const (
	AlignDefault Alignment = ""
	AlignLeft    Alignment = "left"
	AlignCenter  Alignment = "center"
	AlignRight   Alignment = "right"
)

// Cell is the content of one table cell.
type Cell = []Inline

// Table is a simple table: an optional header row and body rows. Rows may be
// ragged; writers pad them to the widest row.
type Table struct {
	Caption []Inline
	Align   []Alignment // per column; may be shorter than the widest row
	Header  []Cell      // nil when the table has no header row
	Rows    [][]Cell
}

// Columns returns the number of columns: the widest of Header and Rows.
func (t *Table) Columns() int {
	n := len(t.Header)
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	return n
}

// Rule is a thematic break (horizontal rule).
type Rule struct{}

// PageBreak ends the page: what follows starts on a new page (PDF), after a
// CSS page break (EPUB, HTML). Aozora Bunko's ［＃改ページ］ and a form feed
// in plain text are page breaks. It has no text.
type PageBreak struct{}

func (*Heading) isBlock()   {}
func (*Paragraph) isBlock() {}
func (*List) isBlock()      {}
func (*Quote) isBlock()     {}
func (*CodeBlock) isBlock() {}
func (*Table) isBlock()     {}
func (*Rule) isBlock()      {}
func (*PageBreak) isBlock() {}

// PageBreakHTML is the element the HTML and Markdown writers write for a
// PageBreak: browsers break the page there when printing, Markdown
// renderers pass it through as raw HTML (pandoc keeps it in HTML and
// EPUB output), and the HTML and Markdown readers read it back (see
// PageBreakStyle).
const PageBreakHTML = `<div style="page-break-after: always"></div>`

// PageBreakStyle reports whether a CSS declaration list (an HTML style
// attribute) asks for a page break before or after the element:
// page-break-before/after: always|left|right, or break-before/after:
// page|left|right|recto|verso.
func PageBreakStyle(style string) (before, after bool) {
	for _, decl := range strings.Split(style, ";") {
		prop, val, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		prop = strings.ToLower(strings.TrimSpace(prop))
		val = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(val), "!important")))
		var forced bool
		switch {
		case strings.HasPrefix(prop, "page-break-"):
			forced = val == "always" || val == "left" || val == "right"
			prop = strings.TrimPrefix(prop, "page-")
		case strings.HasPrefix(prop, "break-"):
			forced = val == "page" || val == "left" || val == "right" || val == "recto" || val == "verso"
		}
		if !forced {
			continue
		}
		switch prop {
		case "break-before":
			before = true
		case "break-after":
			after = true
		}
	}
	return before, after
}
