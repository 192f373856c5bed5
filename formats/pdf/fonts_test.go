package pdf

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	// The default faces the tests lay out and render with.
	_ "github.com/docconv/docconv/fonts/embedded"
	_ "github.com/docconv/docconv/fonts/embedded/hans"
	_ "github.com/docconv/docconv/fonts/embedded/hant"
	_ "github.com/docconv/docconv/fonts/embedded/ja"
	_ "github.com/docconv/docconv/fonts/embedded/ko"
)

func mustFontSet(lang string, cjk bool) *fontSet {
	fs, err := newFontSet(nil, lang, cjk)
	if err != nil {
		panic(err)
	}
	return fs
}

// TestDefaultChains checks the faces each language and role gets from
// the registry: a serif body face and a sans heading face of the region,
// real bold faces where the family has them.
func TestDefaultChains(t *testing.T) {
	first := func(lang string, st style, r rune) (string, bool) {
		t.Helper()
		fs := mustFontSet(lang, lang != "en")
		e, ok := fs.lookup(r, st)
		require.True(t, ok, "%s %c", lang, r)
		return e.face.font.Family() + " " + e.face.font.Style(), e.synthBold
	}
	for _, c := range []struct {
		lang  string
		st    style
		r     rune
		want  string
		synth bool
	}{
		{"zh-Hant", 0, '說', "AR PL UMing TW Light", false},
		{"zh-TW", stBold, '說', "AR PL UMing TW Light", true},
		{"zh-Hant", stBold | stSans, '說', "Droid Sans Fallback Regular", true},
		{"zh-HK", 0, '說', "AR PL UMing TW Light", false},
		{"zh-Hans", 0, '说', "AR PL SungtiL GB Regular", false},
		{"zh", 0, '说', "AR PL SungtiL GB Regular", false},
		{"zh-CN", stSans, '说', "Droid Sans Fallback Regular", false},
		{"ja", 0, '骨', "IPAexMincho Regular", false},
		{"ja", stBold | stSans, '骨', "IPAexGothic Regular", true},
		{"ko", 0, '한', "NanumMyeongjo Regular", false},
		{"ko", stBold, '한', "NanumMyeongjo Bold", false},
		{"ko", stBold | stSans, '한', "NanumGothic Bold", false},
		{"zh-Hant", 0, '한', "NanumGothic Regular", false},
		{"en", 0, 'a', "Liberation Serif Regular", false},
		{"en", stSans | stBold, 'a', "Liberation Sans Bold", false},
		{"en", stMono, 'a', "Liberation Mono Regular", false},
		{"zh-Hant", 0, 'a', "Liberation Serif Regular", false},
		{"en", 0, '中', "Droid Sans Fallback Regular", false},
	} {
		got, synth := first(c.lang, c.st, c.r)
		assert.Equal(t, c.want, got, "%s style %d %c", c.lang, c.st, c.r)
		assert.Equal(t, c.synth, synth, "%s style %d %c: synthetic bold", c.lang, c.st, c.r)
	}
	// Hong Kong forms first where they differ from Taiwan's.
	hk := mustFontSet("zh-HK", true)
	require.NotEmpty(t, hk.chains[0])
	var families []string
	for _, e := range hk.chains[0] {
		if e.src != nil {
			families = append(families, e.src.Family)
		}
	}
	assert.Equal(t, []string{"Liberation Serif", "AR PL UMing HK", "AR PL UMing TW", "Droid Sans Fallback", "NanumGothic"}, families)
}

// TestLazyFallback checks a Latin document does not load (decompress) the
// Hangul fallback for characters outside its ranges.
func TestLazyFallback(t *testing.T) {
	fs := mustFontSet("en", false)
	for _, r := range "Hello, world — “quoted” 中文" {
		fs.lookup(r, 0)
	}
	for _, e := range fs.chains[0] {
		if e.src != nil && e.src.Family == "NanumGothic" {
			assert.Nil(t, e.face, "NanumGothic loaded for non-Hangul text")
		}
	}
}
