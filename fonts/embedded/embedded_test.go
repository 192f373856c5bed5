package embedded_test

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded"
)

func seedArticle(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../examples/article.txt")
	require.NoError(t, err)
	return string(b)
}

func TestCJKCoverage(t *testing.T) {
	cjk := embedded.CJK()
	tests := []struct {
		name string
		text string
	}{
		{"simplified", "这国们说时发经济关系变"},
		{"traditional", "這國們說時發經濟關係變"},
		{"hiragana", "あいうえおかがぁっゃゐゑをんゔ"},
		{"katakana", "アイウエオカガァッャヰヱヲンヴー・"},
		{"hangul compatibility jamo", "ㄱㄴㄷㅏㅑㅓ"},
		{"cjk punctuation", "、。，；：！？（）「」『』《》【】〔〕〖〗・ー～　"},
		{"fullwidth forms", "０１２ＡＢＣａｂｃ％"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, r := range tt.text {
				if r == '　' {
					continue // ideographic space: whitespace, checked below
				}
				assert.True(t, cjk.HasGlyph(r), "CJK font lacks %q %U", r, r)
			}
		})
	}
	assert.True(t, cjk.HasGlyph('\u3000'), "ideographic space")

	// Known gaps of Droid Sans Fallback Full, filled by other fonts: Hangul
	// syllables (package korean), general punctuation “”‘’—…‥· and
	// 〈〉 (Liberation Sans has all but 〈〉).
	hangul := 0
	for r := rune(0xAC00); r <= 0xD7A3; r++ {
		if cjk.HasGlyph(r) {
			hangul++
		}
	}
	assert.Equal(t, 3, hangul, "Droid Sans Fallback Full has (almost) no Hangul syllables")
	for _, r := range "“”‘’—…‥·〈〉" {
		assert.False(t, cjk.HasGlyph(r), "%q: update the docs if the font gained it", r)
	}
	assert.Empty(t, embedded.DefaultChain().Missing("“”‘’—…·"))
	assert.Equal(t, []rune("〈〉"), embedded.DefaultChain().Missing("〈〉"))
	assert.Equal(t, 1.0, cjk.Advance('中'))
	assert.Equal(t, 1.0, cjk.Advance('。'))
}

// TestDefaultChainCoversArticle: every character of the seed article (and
// the general punctuation Droid Sans Fallback lacks: “”—) has a font.
func TestDefaultChainCoversArticle(t *testing.T) {
	chain := embedded.DefaultChain()
	text := seedArticle(t) + "這这國国あアㄱ가“”—、。，"
	assert.Empty(t, chain.Missing(text))
	f, i := chain.FontFor('中')
	assert.Equal(t, 1, i)
	assert.Same(t, embedded.CJK(), f)
	f, i = chain.FontFor('“')
	assert.Equal(t, 0, i, "Droid Sans Fallback has no “: Liberation Sans draws it")
	assert.Same(t, embedded.Sans(false, false), f)
	assert.Equal(t, []rune{'\U0001F600'}, chain.Missing("\U0001F600"))
}

func TestFaces(t *testing.T) {
	for _, bold := range []bool{false, true} {
		for _, italic := range []bool{false, true} {
			for _, f := range []*fonts.Font{embedded.Sans(bold, italic), embedded.Serif(bold, italic)} {
				assert.Equal(t, bold, f.Bold(), f.FullName())
				assert.Equal(t, italic, f.Italic(), f.FullName())
			}
			chain := embedded.StyledChain(bold, italic)
			assert.Same(t, embedded.Sans(bold, italic), chain[0])
			assert.Same(t, embedded.CJK(), chain[1])
		}
		assert.Equal(t, bold, embedded.Mono(bold).Bold())
		assert.Equal(t, embedded.MonoFamily, embedded.Mono(bold).Family())
	}
	assert.Equal(t, embedded.SansFamily, embedded.Sans(false, false).Family())
	assert.Equal(t, embedded.SerifFamily, embedded.Serif(false, false).Family())
	assert.Equal(t, embedded.CJKFamily, embedded.CJK().Family())
	assert.Same(t, embedded.CJK(), embedded.CJK(), "parsed once")
}

func TestConcurrentFirstUse(t *testing.T) {
	var wg sync.WaitGroup
	got := make([]*fonts.Font, 16)
	for i := range got {
		wg.Go(func() {
			f := embedded.Serif(true, false)
			f.HasGlyph('A')
			got[i] = f
		})
	}
	wg.Wait()
	for _, f := range got {
		assert.Same(t, got[0], f)
	}
}

func TestLicenses(t *testing.T) {
	assert.Contains(t, embedded.CJKLicenseText, "Apache License")
	assert.Contains(t, embedded.CJKLicenseText, "Version 2.0")
	assert.Contains(t, embedded.LiberationLicenseText, "SIL OPEN FONT LICENSE")
	assert.Equal(t, "Apache-2.0", embedded.CJKLicense)
	assert.Equal(t, "OFL-1.1", embedded.LiberationLicense)
	copyright, err := os.ReadFile("DroidSansFallbackFull.copyright")
	require.NoError(t, err)
	assert.Contains(t, string(copyright), "Google")
	assert.True(t, strings.HasPrefix(embedded.CJKCopyright, "Copyright"))
}

// TestEmbeddable: gofpdf prints a warning for restricted fonts; ours are
// installable (fsType 0) or at most editable/print-and-preview.
func TestEmbeddable(t *testing.T) {
	for _, f := range []*fonts.Font{embedded.CJK(), embedded.Sans(false, false), embedded.Serif(false, false), embedded.Mono(false)} {
		assert.Zero(t, f.FSType()&0x0002, "%s must not be restricted-license", f.FullName())
	}
}

func BenchmarkParseCJK(b *testing.B) {
	data := embedded.CJK().Data()
	for b.Loop() {
		if _, err := fonts.Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
