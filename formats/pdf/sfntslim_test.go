package pdf

import (
	"testing"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSlimFont(t *testing.T) {
	for _, src := range []*fonts.Font{embedded.Sans(false, false), embedded.Serif(true, true), embedded.CJK()} {
		runes := []rune("“”·Aé中，。")
		data, err := src.Subset(runes)
		require.NoError(t, err)
		wide := map[rune]alignment{'“': alignRight, '”': alignLeft, '·': alignCenter, '，': alignLeft}
		shift := widenGlyphs(data, wide, 1)
		slim := slimFont(data, shift, 1)
		assert.Less(t, len(slim), len(data), "%s: nothing removed", src)
		got, err := fonts.Parse(slim)
		require.NoError(t, err, "%s", src)
		orig, err := fonts.Parse(data)
		require.NoError(t, err)
		assert.Equal(t, orig.NumGlyphs(), got.NumGlyphs())
		assert.Equal(t, src.PostScriptName(), got.PostScriptName())
		for _, r := range runes {
			if !src.HasGlyph(r) {
				continue
			}
			g := got.GlyphIndex(r)
			require.NotZero(t, g, "%c", r)
			x0, x1, ok := glyphBBox(slim, g)
			o0, o1, _ := glyphBBox(data, orig.GlyphIndex(r))
			if _, w := wide[r]; w {
				assert.Equal(t, got.UnitsPerEm(), got.AdvanceUnits(g), "%c widened", r)
				if ok && x1 > x0 {
					assert.Equal(t, o1-o0, x1-x0, "%c keeps its shape", r)
					assert.GreaterOrEqual(t, x0, 0)
					assert.LessOrEqual(t, x1, got.UnitsPerEm())
				}
			} else {
				assert.Equal(t, orig.AdvanceUnits(orig.GlyphIndex(r)), got.AdvanceUnits(g))
				assert.Equal(t, [2]int{o0, o1}, [2]int{x0, x1})
			}
		}
		// Opening quote to the right, closing to the left of its box.
		if src.HasGlyph('“') {
			l0, _, _ := glyphBBox(slim, got.GlyphIndex('“'))
			r0, _, _ := glyphBBox(slim, got.GlyphIndex('”'))
			assert.Greater(t, l0, r0)
		}
	}
}

func TestSlimFontMalformed(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("true"), make([]byte, 40)} {
		assert.Equal(t, b, slimFont(b, nil, 1))
	}
}
