package convert

// Block is a block-level element of a Document. The set is sealed: Heading,
// Paragraph, List, Quote, CodeBlock, Table, Rule and FigureBlock are the
// only kinds.
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

func (*Heading) isBlock()   {}
func (*Paragraph) isBlock() {}
func (*List) isBlock()      {}
func (*Quote) isBlock()     {}
func (*CodeBlock) isBlock() {}
func (*Table) isBlock()     {}
func (*Rule) isBlock()      {}
