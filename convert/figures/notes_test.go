package figures_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
)

// TestFiguresInNotes: a figure inside a footnote is found, with the note's
// sentence, not the referencing paragraph's; the paragraph's own figures
// keep theirs.
func TestFiguresInNotes(t *testing.T) {
	note := &convert.Note{Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{
		&convert.Text{Text: "The survey covered 1,200 households."}}}}}
	d := &convert.Document{Meta: convert.Meta{Lang: "en"}, Blocks: []convert.Block{
		&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "Sales rose 12% in 2023."}, note}},
	}}
	figs := figures.Extract(d)
	require.Len(t, figs, 3, "%+v", figs)
	assert.Equal(t, "Sales rose 12% in 2023.", figs[0].Sentence)
	assert.Equal(t, "1,200 households", figs[2].Text)
	assert.Equal(t, "The survey covered 1,200 households.", figs[2].Sentence)
	assert.Equal(t, 0, figs[2].Block)
}
