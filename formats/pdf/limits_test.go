package pdf

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/scaletest"
)

// oneParagraph joins the paragraphs of a fixture into one paragraph of
// about n characters (the text repeated).
func oneParagraph(t testing.TB, path string, n int) *convert.Document {
	d := readFixture(t, path)
	var text []string
	for _, b := range d.Blocks {
		if p, ok := b.(*convert.Paragraph); ok {
			text = append(text, convert.PlainText(p.Inlines))
		}
	}
	joined := strings.Join(text, " ")
	var ins []convert.Inline
	for size := 0; size < n; size += len([]rune(joined)) {
		ins = append(ins, &convert.Text{Text: joined + " "},
			&convert.Strong{Inlines: []convert.Inline{&convert.Text{Text: "https://example.com/a/long/path?q=1 "}}})
	}
	return &convert.Document{Meta: d.Meta, Blocks: []convert.Block{&convert.Paragraph{Inlines: ins}}}
}

// A long paragraph is laid out in chunks as it is read (bounded memory).
// Unjustified and right-to-left text gets the PDF it gets when laid out
// whole; justified text, whose breaks are chosen for the whole paragraph
// (knuth.go), commits to the best breaks so far at each chunk: its lines
// may differ, its text may not.
func TestStreamedParagraphSameOutput(t *testing.T) {
	// Small chunks, so that a paragraph of a few pages is laid out in
	// several.
	savedChunk, savedMargin := streamChunk, streamMargin
	streamChunk, streamMargin = 4096, 512
	defer func() { streamChunk, streamMargin = savedChunk, savedMargin }()
	for _, fx := range []string{fixtures[0], fixtures[5], "../../testdata/bidi/mixed.md"} {
		d := oneParagraph(t, fx, 20_000)
		if fx == fixtures[5] {
			// and as a heading, and as a title
			ins := d.Blocks[0].(*convert.Paragraph).Inlines
			d.Blocks = append(d.Blocks, &convert.Heading{Level: 2, Inlines: ins})
			d.Meta.Title = strings.Repeat(convert.PlainText(ins), 2)
		}
		w := &Writer{Time: time.Unix(0, 0)}
		r, err := w.layout(context.Background(), d)
		require.NoError(t, err)
		if !strings.Contains(fx, "bidi") { // laid out whole
			assert.LessOrEqual(t, cap(r.t.scratch), 2*streamChunk, "atoms held at once")
		}
		streamed, err := w.Render(context.Background(), d)
		require.NoError(t, err)
		streamedText := laidText(t, w, d)

		saved := streamChunk
		streamChunk = 1 << 30
		whole, err := w.Render(context.Background(), d)
		wholeText := laidText(t, w, d)
		streamChunk = saved
		require.NoError(t, err)
		if strings.Contains(fx, "bidi") {
			assert.True(t, bytes.Equal(streamed, whole), "%s: streamed layout differs from the whole one", fx)
		}
		assert.Equal(t, wholeText, streamedText, "%s: streamed text differs from the whole one", fx)
	}
}

// laidText is the text of a document's pages as laid out, without white
// space and the hyphens of hyphenated words.
func laidText(t *testing.T, w *Writer, d *convert.Document) string {
	r, err := w.layout(context.Background(), d)
	require.NoError(t, err)
	var b strings.Builder
	for _, pg := range r.pages {
		for _, it := range pg.items {
			if it.kind == itText && it.text != "-" && it.size >= r.t.size*0.99 {
				b.WriteString(strings.Join(strings.Fields(it.text), ""))
			}
		}
	}
	return b.String()
}

// A cancelled context stops the layout of a long paragraph and of a long
// heading or title within a chunk.
func TestLayoutCancelled(t *testing.T) {
	d := oneParagraph(t, fixtures[5], 2_000_000)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	t0 := time.Now()
	_, err := (&Writer{}).Render(ctx, d)
	require.ErrorIs(t, err, context.Canceled)
	assert.Less(t, time.Since(t0), 5*time.Second)
}

// Scaling: 10× the text, the headings or the title cost about 10×.
func TestLayoutScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling test")
	}
	render := func(d *convert.Document) {
		if _, err := (&Writer{}).Render(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	line := func(n int) *convert.Document {
		return &convert.Document{Meta: convert.Meta{Lang: "en"}, Blocks: []convert.Block{
			&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: strings.Repeat("x", n)}}}}}
	}
	scaletest.Linear(t, "one long line", render, line(10_000), line(100_000))
	mixed := func(n int) *convert.Document {
		return &convert.Document{Meta: convert.Meta{Lang: "en"}, Blocks: []convert.Block{
			&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: strings.Repeat("שלום (world) עולם ", n)}}}}}
	}
	scaletest.Linear(t, "a long bidirectional paragraph", render, mixed(300), mixed(3_000))
	lines := func(n int) *convert.Document {
		d := &convert.Document{Meta: convert.Meta{Lang: "en"}}
		for range n {
			d.Blocks = append(d.Blocks, &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "a"}}})
		}
		return d
	}
	scaletest.Linear(t, "one-character paragraphs", render, lines(1_000), lines(10_000))
	title := func(n int) *convert.Document {
		words := strings.TrimSpace(strings.Repeat("international-cooperation ", n))
		return &convert.Document{Meta: convert.Meta{Lang: "en", Title: words}, Blocks: []convert.Block{
			&convert.Heading{Level: 1, Inlines: []convert.Inline{&convert.Text{Text: words}}},
			&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: words}}}}}
	}
	scaletest.Linear(t, "long title and heading", render, title(100), title(1000))
	table := func(n int) *convert.Document {
		tb := &convert.Table{}
		for i := range n {
			tb.Header = append(tb.Header, convert.Cell{&convert.Text{Text: fmt.Sprintf("c%d", i)}})
		}
		tb.Rows = [][]convert.Cell{tb.Header}
		return &convert.Document{Meta: convert.Meta{Lang: "en"}, Blocks: []convert.Block{tb}}
	}
	scaletest.Linear(t, "table columns", render, table(100), table(1000))
	quotes := func(n int) *convert.Document {
		var b convert.Block = &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "deep"}}}
		for range n {
			b = &convert.Quote{Blocks: []convert.Block{b}}
		}
		return &convert.Document{Meta: convert.Meta{Lang: "en"}, Blocks: []convert.Block{b}}
	}
	scaletest.Linear(t, "quote depth", render, quotes(50), quotes(500))
}

// A list nested deeper than the measure allows keeps every item's text: deep
// levels take their parent's marker column (the text of items below about
// 24 levels was lost when each level indented further).
func TestDeepListKeepsText(t *testing.T) {
	var items []convert.Block
	var want strings.Builder
	for i := 59; i >= 0; i-- {
		item := []convert.Block{convert.Para(fmt.Sprintf("item%d項", i))}
		if items != nil {
			item = append(item, &convert.List{Items: [][]convert.Block{items}})
		}
		items = item
	}
	for i := range 60 {
		fmt.Fprintf(&want, "•item%d項", i)
	}
	d := &convert.Document{Meta: convert.Meta{Lang: "zh-Hant"}, Blocks: []convert.Block{&convert.List{Items: [][]convert.Block{items}}}}
	assert.Equal(t, want.String(), laidText(t, &Writer{}, d))
}
