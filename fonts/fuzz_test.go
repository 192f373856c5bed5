package fonts_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded"
)

// FuzzParse checks that no input makes Parse, the lookups, ParseCollection
// or Subset panic, and that the subset of any font that parses parses too.
func FuzzParse(f *testing.F) {
	small, err := embedded.Sans(false, false).Subset([]rune("Aé"))
	require.NoError(f, err)
	cjk, err := embedded.CJK().Subset([]rune("中あ"))
	require.NoError(f, err)
	cff, err := os.ReadFile("testdata/NotoSerifCJKtc-subset.otf")
	require.NoError(f, err)
	for _, seed := range [][]byte{
		nil,
		[]byte("\x00\x01\x00\x00"),
		[]byte("\x00\x01\x00\x00\x00\x01\x00\x10\x00\x00\x00\x00cmap\x00\x00\x00\x00\x00\x00\x00\x1c\xff\xff\xff\xff"),
		[]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10"),
		[]byte("OTTO\x00\x00"),
		fakeOTTO("Fuzz"),
		small,
		cjk,
		small[:len(small)/2],
		cff,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = fonts.ParseCollection(data)
		_, _ = fonts.ParseFace(data, 1)
		font, err := fonts.Parse(data)
		if err != nil {
			return
		}
		for _, r := range []rune{0, 'A', 'é', '中', 0xFFFF, 0x20000, -1, 0x7FFFFFFF} {
			font.HasGlyph(r)
			font.Advance(r)
		}
		_ = font.CapHeight()
		_ = font.NumRunes()
		sub, err := font.Subset([]rune{'A', 'é', '中', 0x20000})
		require.NoError(t, err)
		_, err = fonts.Parse(sub)
		require.NoError(t, err, "the subset of a font that parses must parse")
	})
}
