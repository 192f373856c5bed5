package convert_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docconv/docconv/convert"
)

// Inline containers nested deeper than MaxNesting are replaced by their
// inlines below that level, in paragraphs, table cells and notes alike;
// no text is lost.
func TestLimitInlineNesting(t *testing.T) {
	deep := func(n int) convert.Inline {
		var in convert.Inline = &convert.Text{Text: "x"}
		for i := range n {
			switch i % 3 {
			case 0:
				in = &convert.Strong{Inlines: []convert.Inline{in}}
			case 1:
				in = &convert.Link{URL: "https://example.com/", Inlines: []convert.Inline{in}}
			default:
				in = &convert.Sup{Inlines: []convert.Inline{in}}
			}
		}
		return in
	}
	depthOf := func(in convert.Inline) int {
		d := 0
		for ins := []convert.Inline{in}; len(ins) > 0; ins = convert.Children(ins[0]) {
			d++
		}
		return d
	}
	note := &convert.Note{Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{deep(300)}}}}
	p := &convert.Paragraph{Inlines: []convert.Inline{deep(300), note}}
	tab := &convert.Table{Rows: [][]convert.Cell{{{deep(150)}}}}
	shallow := &convert.Paragraph{Inlines: []convert.Inline{deep(50)}}
	bs, n := convert.LimitNesting([]convert.Block{p, tab, shallow})
	assert.Len(t, bs, 3)
	assert.Equal(t, 2*(300-convert.MaxNesting)+(150-convert.MaxNesting), n)
	assert.Equal(t, convert.MaxNesting+1, depthOf(p.Inlines[0]))
	assert.Equal(t, convert.MaxNesting+1, depthOf(note.Blocks[0].(*convert.Paragraph).Inlines[0]))
	assert.Equal(t, convert.MaxNesting+1, depthOf(tab.Rows[0][0][0]))
	assert.Equal(t, 51, depthOf(shallow.Inlines[0]))
	assert.Equal(t, "x", convert.PlainText(p.Inlines[:1]))
}
