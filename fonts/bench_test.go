package fonts_test

import (
	"testing"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded"
)

// BenchmarkParseCJK measures Parse of the 4 MB embedded CJK font (the
// coverage is not built).
func BenchmarkParseCJK(b *testing.B) {
	data := embedded.CJK().Data()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := fonts.Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseCJKFirstLookup measures Parse plus the first HasGlyph,
// which decodes the cmap and the advance table.
func BenchmarkParseCJKFirstLookup(b *testing.B) {
	data := embedded.CJK().Data()
	for b.Loop() {
		f, err := fonts.Parse(data)
		if err != nil {
			b.Fatal(err)
		}
		f.HasGlyph('中')
	}
}

func benchText() []rune {
	return []rune("2023年,百年變局加速演進,地區沖突此起彼伏。Hello, world! 这国あア가“”—、。，")
}

// BenchmarkHasGlyph is one lookup per op (the chain for a 1M-character
// document does about 1-2M of them).
func BenchmarkHasGlyph(b *testing.B) {
	f := embedded.CJK()
	rs := benchText()
	i := 0
	for b.Loop() {
		f.HasGlyph(rs[i%len(rs)])
		i++
	}
}

// BenchmarkAdvance is one advance lookup per op.
func BenchmarkAdvance(b *testing.B) {
	f := embedded.CJK()
	rs := benchText()
	i := 0
	var sum float64
	for b.Loop() {
		sum += f.Advance(rs[i%len(rs)])
		i++
	}
	_ = sum
}

// BenchmarkChainFontFor is one fallback lookup per op in the default chain.
func BenchmarkChainFontFor(b *testing.B) {
	c := embedded.DefaultChain()
	rs := benchText()
	i := 0
	for b.Loop() {
		c.FontFor(rs[i%len(rs)])
		i++
	}
}

// BenchmarkSubsetArticle subsets the CJK font to the runes of the seed
// article (what the EPUB writer embeds).
func BenchmarkSubsetArticle(b *testing.B) {
	f := embedded.CJK()
	rs := []rune(seedArticle(b))
	for b.Loop() {
		if _, err := f.Subset(rs); err != nil {
			b.Fatal(err)
		}
	}
}
