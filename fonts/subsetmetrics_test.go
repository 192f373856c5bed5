package fonts_test

import (
	"testing"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSubsetMetrics: for a CFF font, the same font as Subset but with
// empty glyphs; for a TrueType font, Subset.
func TestSubsetMetrics(t *testing.T) {
	f, err := fonts.Load("testdata/NotoSerifCJKtc-subset.otf")
	require.NoError(t, err)
	runes := []rune("骨角值令說內，。ABC xyz")
	full, err := f.Subset(runes)
	require.NoError(t, err)
	slim, err := f.SubsetMetrics(runes)
	require.NoError(t, err)
	assert.Less(t, len(slim), len(full))
	a, err := fonts.Parse(full)
	require.NoError(t, err)
	b, err := fonts.Parse(slim)
	require.NoError(t, err)
	require.True(t, b.CFF())
	assert.Equal(t, a.NumGlyphs(), b.NumGlyphs())
	for _, r := range runes {
		g := a.GlyphIndex(r)
		assert.Equal(t, g, b.GlyphIndex(r), "%c", r)
		assert.Equal(t, a.Advance(r), b.Advance(r), "%c", r)
		if r != ' ' {
			_, ok := a.GlyphBounds(g)
			assert.True(t, ok, "%c drawn in Subset", r)
		}
		_, ok := b.GlyphBounds(g)
		assert.False(t, ok, "%c empty in SubsetMetrics", r)
	}

	tt := embedded.CJK()
	x, err := tt.Subset(runes)
	require.NoError(t, err)
	y, err := tt.SubsetMetrics(runes)
	require.NoError(t, err)
	assert.Equal(t, x, y, "TrueType: SubsetMetrics is Subset")
}
