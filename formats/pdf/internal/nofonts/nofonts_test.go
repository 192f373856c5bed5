// Package nofonts_test checks formats/pdf in a program that imports no
// font package: the writer links no font data of its own, so it needs the
// caller's fonts.
package nofonts_test

import (
	"context"
	"testing"

	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/formats/pdf"
)

func doc() *convert.Document {
	return &convert.Document{Meta: convert.Meta{Title: "Title", Lang: "en"},
		Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "Some text."}}}}}
}

func TestNoFontsError(t *testing.T) {
	require.Empty(t, fonts.Registered(), "formats/pdf must not import the embedded fonts")
	_, err := (&pdf.Writer{}).Render(context.Background(), doc())
	require.ErrorIs(t, err, pdf.ErrNoFonts)
	assert.Contains(t, err.Error(), "Writer.Fonts")
	assert.Contains(t, err.Error(), "github.com/docconv/docconv/formats/all")
	assert.NotContains(t, err.Error(), "--font", "a library error, not the command's wording")
}

func TestOwnFont(t *testing.T) {
	f, err := fonts.Parse(liberationsansregular.TTF)
	require.NoError(t, err)
	b, err := (&pdf.Writer{Fonts: fonts.Chain{f}}).Render(context.Background(), doc())
	require.NoError(t, err)
	assert.Contains(t, string(b), "LiberationSans")
}
