package fonts_test

import (
	"os"
	"strconv"
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

// BenchmarkCFFProgram measures the PDF program of n glyphs of Noto Serif
// CJK TC (every outline decoded and re-encoded): the cost is linear in n.
// Without Noto CJK installed it uses the small testdata subset.
func BenchmarkCFFProgram(b *testing.B) {
	f, err := fonts.Load("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#3")
	if err != nil {
		if f, err = fonts.Load("testdata/NotoSerifCJKtc-subset.otf"); err != nil {
			b.Fatal(err)
		}
	}
	var all []fonts.CIDGlyph
	for r := rune(0x4E00); r < 0x9FA6 && len(all) < 4000; r++ {
		if g := f.GlyphIndex(r); g != 0 {
			all = append(all, fonts.CIDGlyph{CID: uint16(r), GID: g})
		}
	}
	for _, n := range []int{100, 1000, 4000} {
		if n > len(all) {
			continue
		}
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := f.CFFProgram("ABCDEF+Bench", all[:n]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLoadCFF measures Load of a Noto Serif CJK TC face (a 23 MB CFF
// table, whose charstrings stay in the file) and the first outline.
// B/op is what the face holds in memory. Skipped without fonts-noto-cjk.
func BenchmarkLoadCFF(b *testing.B) {
	const spec = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#3"
	if _, err := fonts.Load(spec); err != nil {
		b.Skip(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		f, err := fonts.Load(spec)
		if err != nil {
			b.Fatal(err)
		}
		if _, ok := f.GlyphBounds(f.GlyphIndex('骨')); !ok {
			b.Fatal("no outline for 骨")
		}
	}
}

// BenchmarkCFFProgramSource compares CFFProgram for 1000 glyphs of Noto
// Serif CJK TC with the charstrings read from the file (Load) and held in
// memory (ParseFace of the file's bytes). Skipped without fonts-noto-cjk.
func BenchmarkCFFProgramSource(b *testing.B) {
	const file = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
	data, err := os.ReadFile(file)
	if err != nil {
		b.Skip(err)
	}
	mem, err := fonts.ParseFace(data, 3)
	if err != nil {
		b.Fatal(err)
	}
	lazy, err := fonts.Load(file + "#3")
	if err != nil {
		b.Fatal(err)
	}
	var gs []fonts.CIDGlyph
	for r := rune(0x4E00); r < 0x9FA6 && len(gs) < 1000; r++ {
		if g := mem.GlyphIndex(r); g != 0 {
			gs = append(gs, fonts.CIDGlyph{CID: uint16(r), GID: g})
		}
	}
	for _, c := range []struct {
		name string
		f    *fonts.Font
	}{{"file", lazy}, {"memory", mem}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := c.f.CFFProgram("ABCDEF+Bench", gs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
