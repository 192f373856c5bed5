package korean_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded"
	"github.com/docconv/docconv/fonts/embedded/korean"
)

func TestHangulCoverage(t *testing.T) {
	f := korean.Font()
	assert.Equal(t, korean.Family, f.Family())
	assert.Zero(t, f.FSType()&0x0002, "must not be restricted-license")
	missing := 0
	for r := rune(0xAC00); r <= 0xD7A3; r++ {
		if !f.HasGlyph(r) {
			missing++
		}
	}
	assert.Zero(t, missing, "Hangul syllables missing")
	for _, r := range "ㄱㄴㅏ한국어 문장입니다." {
		assert.True(t, f.HasGlyph(r), "%q", r)
	}
	assert.Contains(t, korean.LicenseText, "SIL OPEN FONT LICENSE")
}

func TestChainWithKorean(t *testing.T) {
	chain := append(embedded.DefaultChain(), korean.Font())
	text := "中文 日本語のテキスト 한국어 문장입니다. “Quote” — 2023年"
	assert.Empty(t, chain.Missing(text))
	f, _ := chain.FontFor('한')
	assert.Same(t, korean.Font(), f)
	f, _ = chain.FontFor('中')
	assert.Same(t, embedded.CJK(), f, "Han stays with the CJK font")
	_ = fonts.Chain(chain)
}
