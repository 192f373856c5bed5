package markdown_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/scaletest"
	"github.com/docconv/docconv/formats/markdown"
)

// quoteDepth is the depth of the innermost quote of the first block.
func quoteDepth(bs []convert.Block) int {
	n := 0
	for len(bs) > 0 {
		q, ok := bs[0].(*convert.Quote)
		if !ok {
			break
		}
		n++
		bs = q.Blocks
	}
	return n
}

func readReport(t testing.TB, src string) (*convert.Document, *convert.Report) {
	t.Helper()
	rep := &convert.Report{}
	d, err := (&markdown.Reader{Report: rep}).Read(context.Background(), strings.NewReader(src))
	require.NoError(t, err)
	return d, rep
}

// Quote markers past convert.MaxNesting on a line are dropped, with a
// warning; the text stays, at the deepest level kept.
func TestDeepQuoteLine(t *testing.T) {
	d, rep := readReport(t, strings.Repeat("> ", 100000)+"deep\n\nafter\n")
	assert.Equal(t, convert.MaxNesting, quoteDepth(d.Blocks))
	assert.Contains(t, convert.DocumentText(d), "deep")
	assert.Contains(t, convert.DocumentText(d), "after")
	require.Len(t, rep.Warnings(), 1)
	assert.Contains(t, rep.Warnings()[0], "line 1: more than 100 quote and list markers")

	// Up to the limit nothing changes.
	d, rep = readReport(t, strings.Repeat("> ", 100)+"deep\n")
	assert.Equal(t, 100, quoteDepth(d.Blocks))
	assert.Empty(t, rep.Warnings())
}

// Lists nested by indentation past the limit are flattened in the model.
func TestDeepListsFlattened(t *testing.T) {
	var b strings.Builder
	for i := range 120 {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	d, rep := readReport(t, b.String())
	depth := 0
	for bs := d.Blocks; len(bs) > 0; {
		l, ok := bs[len(bs)-1].(*convert.List)
		if !ok {
			break
		}
		depth++
		it := l.Items[len(l.Items)-1]
		bs = it
	}
	assert.Equal(t, convert.MaxNesting, depth)
	assert.Equal(t, 120, strings.Count(convert.DocumentText(d), "item"))
	assert.NotEmpty(t, rep.Warnings())
}

// "*a_ " repeated: goldmark walks back over every unmatched * for each _;
// the guard reads the rest of such a paragraph as text, losing nothing.
func TestUnmatchedDelimiters(t *testing.T) {
	src := strings.Repeat("*a_ ", 20000)
	d, rep := readReport(t, src+"\n\n*fine* and _fine_\n")
	require.Len(t, d.Blocks, 2)
	assert.Equal(t, strings.TrimSpace(src), convert.BlockText(d.Blocks[0]))
	require.Len(t, rep.Warnings(), 1)
	assert.Contains(t, rep.Warnings()[0], "line 1: too many unmatched emphasis delimiters")
	// The next paragraph is parsed normally.
	p := d.Blocks[1].(*convert.Paragraph)
	assert.IsType(t, &convert.Emph{}, p.Inlines[0])

	// Many matched delimiters are left alone.
	d, rep = readReport(t, strings.Repeat("*a* _b_ ~~c~~ ", 5000))
	assert.Empty(t, rep.Warnings())
	assert.Len(t, d.Blocks[0].(*convert.Paragraph).Inlines, 5000*6-1)
}

// Scaling tests: 10× the input costs about 10× (see scaletest).
func TestReaderScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling test")
	}
	read := func(src []byte) {
		if _, err := (&markdown.Reader{}).Read(context.Background(), bytes.NewReader(src)); err != nil {
			t.Fatal(err)
		}
	}
	rep := func(s string, n int) []byte { return []byte(strings.Repeat(s, n)) }
	scaletest.Linear(t, "quote markers on a line", read, rep("> ", 5000), rep("> ", 50000))
	scaletest.Linear(t, "unmatched delimiters", read, rep("*a_ ", 2000), rep("*a_ ", 20000))
	scaletest.Linear(t, "emphasis", read, rep("*a* _b_ ", 1000), rep("*a* _b_ ", 10000))
	var s, l strings.Builder
	for i := range 15000 {
		if i < 1500 {
			s.WriteString("# H\n\ntext\n\n")
		}
		l.WriteString("# H\n\ntext\n\n")
	}
	scaletest.Linear(t, "headings", read, []byte(s.String()), []byte(l.String()))
	nested := func(n int) []byte { return []byte(strings.Repeat("*", n) + "m" + strings.Repeat("*", n) + "\n") }
	scaletest.Linear(t, "nested emphasis", read, nested(2000), nested(20000))
}

// Emphasis nested thousands deep (a run of asterisks on each side) is
// flattened below convert.MaxNesting levels, with a warning and no text
// lost, and writes back in linear time: 879 bytes of it used to take
// minutes to write as Markdown (each level rendered its content twice),
// 20,000 asterisks 4 s and 2.6 GB (fuzz finding).
func TestDeepEmphasis(t *testing.T) {
	src := strings.Repeat("*", 20000) + "m" + strings.Repeat("*", 20000) + "\n"
	d, rep := readReport(t, src)
	require.Len(t, rep.Warnings(), 1)
	assert.Contains(t, rep.Warnings()[0], "inline formatting nested deeper than 100 levels")
	depth := 0
	for ins := d.Blocks[0].(*convert.Paragraph).Inlines; len(ins) > 0; ins = convert.Children(ins[0]) {
		depth++
	}
	assert.LessOrEqual(t, depth, convert.MaxNesting+1)
	assert.Equal(t, "m", convert.PlainText(d.Blocks[0].(*convert.Paragraph).Inlines))
	var out bytes.Buffer
	require.NoError(t, (&markdown.Writer{}).Write(context.Background(), &out, d))
	assert.Contains(t, out.String(), "m")

	write := func(src []byte) {
		d, err := (&markdown.Reader{}).Read(context.Background(), bytes.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		if err := (&markdown.Writer{}).Write(context.Background(), io.Discard, d); err != nil {
			t.Fatal(err)
		}
	}
	nested := func(n int) []byte { return []byte(strings.Repeat("*", n) + "m" + strings.Repeat("*", n) + "\n") }
	if !testing.Short() {
		scaletest.Linear(t, "nested emphasis written back", write, nested(2000), nested(20000))
	}
}
