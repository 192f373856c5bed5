package convert_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docconv/docconv/convert"
)

func TestConstructors(t *testing.T) {
	p := convert.Para("a", convert.I("b"), convert.S("c"), &convert.Code{Text: "d"})
	assert.Equal(t, "abcd", convert.PlainText(p.Inlines))
	assert.Equal(t, &convert.Heading{Level: 3, Inlines: []convert.Inline{&convert.Text{Text: "h"}}}, convert.H(3, "h"))
	assert.Equal(t, "https://x.org", convert.PlainText(convert.L("https://x.org").Inlines))
	l := convert.OL(3, "one", convert.Para("two"), convert.B("three"))
	assert.True(t, l.Ordered)
	assert.Equal(t, 3, l.Start)
	assert.Len(t, l.Items, 3)
	assert.Equal(t, convert.Para("two"), l.Items[1][0])
	assert.Equal(t, convert.Para(convert.B("three")), l.Items[2][0])
	tb := convert.NewTable("k", "v").Row("a", "1").Row("b")
	assert.Equal(t, 2, tb.Columns())
	assert.Len(t, tb.Rows, 2)
	assert.NoError(t, (&convert.Document{Blocks: []convert.Block{p, l, tb, convert.UL("x")}}).Validate())
	assert.PanicsWithValue(t, "convert: part 2 is a int, want a string or an Inline", func() { convert.Para("a", 42) })
}
