package fonts

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLazyCFF loads CFF fonts with their charstrings left in the file
// (the test subset everywhere, Noto Serif CJK TC where installed) and
// checks that they draw, subset and export exactly as the font read
// whole into memory.
func TestLazyCFF(t *testing.T) {
	old := minLazyCFF
	t.Cleanup(func() { minLazyCFF = old })
	cases := []struct {
		path  string
		index int
		min   int
	}{
		{"testdata/NotoSerifCJKtc-subset.otf", 0, 1024},
		{"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 3, old},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			data, err := os.ReadFile(c.path)
			if err != nil {
				t.Skip(err)
			}
			whole, err := ParseFace(data, c.index)
			require.NoError(t, err)
			require.Nil(t, whole.cff.t.r)
			minLazyCFF = c.min
			spec := c.path
			if c.index != 0 {
				spec += "#3"
			}
			lazy, err := Load(spec)
			require.NoError(t, err)
			require.NotNil(t, lazy.cff.t.r, "charstrings left in the file")
			assert.Less(t, len(lazy.data), len(data)/2+4096, "the face without its charstrings")

			var gs []CIDGlyph
			for r := rune(0x20); r < 0x9FA6 && len(gs) < 300; r++ {
				if g := whole.GlyphIndex(r); g != 0 {
					gs = append(gs, CIDGlyph{CID: uint16(r), GID: g, Shift: int(r % 3)})
					a, okA := whole.GlyphBounds(g)
					b, okB := lazy.GlyphBounds(g)
					assert.Equal(t, okA, okB)
					assert.Equal(t, a, b, "bounds of %c", r)
				}
			}
			require.NotEmpty(t, gs)
			p1, err := whole.CFFProgram("ABCDEF+X", gs)
			require.NoError(t, err)
			p2, err := lazy.CFFProgram("ABCDEF+X", gs)
			require.NoError(t, err)
			assert.Equal(t, p1, p2, "CFFProgram")

			// Data gives the whole font back.
			back, err := Parse(lazy.Data())
			require.NoError(t, err)
			require.True(t, back.CFF())
			p3, err := back.CFFProgram("ABCDEF+X", gs)
			require.NoError(t, err)
			assert.Equal(t, p1, p3, "CFFProgram of Data()")
		})
	}
}

// TestLazyCFFTruncated: a font file cut short after Load gives errors
// (naming the CFF bytes it could not read), never a panic.
func TestLazyCFFTruncated(t *testing.T) {
	old := minLazyCFF
	t.Cleanup(func() { minLazyCFF = old })
	minLazyCFF = 1024
	data, err := os.ReadFile("testdata/NotoSerifCJKtc-subset.otf")
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "cut.otf")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	f, err := Load(path)
	require.NoError(t, err)
	require.NotNil(t, f.cff.t.r)
	require.NoError(t, os.Truncate(path, int64(len(data)/3)))
	var gs []CIDGlyph
	for r := rune(0x4E00); r < 0x9FA6; r++ {
		if g := f.GlyphIndex(r); g != 0 {
			gs = append(gs, CIDGlyph{CID: uint16(r), GID: g})
		}
	}
	require.NotEmpty(t, gs)
	_, err = f.CFFProgram("ABCDEF+X", gs)
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "reading CFF bytes")
	_, ok := f.GlyphBounds(gs[len(gs)-1].GID)
	assert.False(t, ok)
	assert.NotPanics(t, func() { _ = f.Data() })
}
