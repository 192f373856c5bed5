package fonts

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/internal/validate"
)

func TestRegionSuffixes(t *testing.T) {
	tests := map[string]string{
		"zh-Hant": "TC", "zh-TW": "TC", "zh-Hant-TW": "TC", "zh-MO": "TC",
		"zh-HK": "HK", "zh-Hant-HK": "HK", "yue": "HK",
		"zh": "SC", "zh-Hans": "SC", "zh-CN": "SC", "zh-SG": "SC", "zh_CN": "SC",
		"ja": "JP", "ja-JP": "JP", "ko": "KR", "ko-KR": "KR",
	}
	for lang, want := range tests {
		got := regionSuffixes(lang)
		require.NotEmpty(t, got, lang)
		assert.Equal(t, want, got[0], lang)
	}
	for _, lang := range []string{"", "en", "und", "fr-CA"} {
		assert.Nil(t, regionSuffixes(lang), lang)
	}
}

func TestFindLang(t *testing.T) {
	var infos []Info
	for i, fam := range []string{"Noto Serif CJK JP", "Noto Serif CJK KR", "Noto Serif CJK SC", "Noto Serif CJK TC", "Noto Serif CJK HK"} {
		infos = append(infos, Info{Family: fam, Style: "Regular", FullName: fam, Path: "/f/NotoSerifCJK-Regular.ttc", Index: i, Format: FormatCFF})
	}
	for i, fam := range []string{"Source Han Sans", "Source Han Sans K", "Source Han Sans SC", "Source Han Sans TC", "Source Han Sans HC"} {
		infos = append(infos, Info{Family: fam, Style: "Regular", FullName: fam, Path: "/f/SourceHanSans.ttc", Index: i, Format: FormatCFF})
	}
	infos = append(infos,
		Info{Family: "PingFang SC", Path: "/f/PingFang.ttc", Index: 0, Format: FormatCollectionFace},
		Info{Family: "PingFang TC", Path: "/f/PingFang.ttc", Index: 1, Format: FormatCollectionFace},
		Info{Family: "Liberation Serif", Style: "Regular", Path: "/f/LiberationSerif.ttf"},
	)
	tests := []struct {
		name, lang, family string
	}{
		{"Noto Serif CJK", "zh-Hant", "Noto Serif CJK TC"},
		{"Noto Serif CJK", "zh-HK", "Noto Serif CJK HK"},
		{"Noto Serif CJK", "zh-Hans", "Noto Serif CJK SC"},
		{"Noto Serif CJK", "ja", "Noto Serif CJK JP"},
		{"Noto Serif CJK", "ko", "Noto Serif CJK KR"},
		{"Noto Serif CJK", "en", "Noto Serif CJK JP"},
		{"noto-serif-cjk", "", "Noto Serif CJK JP"},
		{"Noto Serif CJK TC", "ja", "Noto Serif CJK TC"}, // a region given wins
		{"Source Han Sans", "zh-TW", "Source Han Sans TC"},
		{"Source Han Sans", "zh-HK", "Source Han Sans HC"},
		{"Source Han Sans", "ko", "Source Han Sans K"},
		{"Source Han Sans", "ja", "Source Han Sans"}, // the unsuffixed family is Japanese
		{"Source Han Sans", "", "Source Han Sans"},
		{"PingFang", "zh-HK", "PingFang TC"}, // no HK face: TC next
		{"PingFang", "ja", "PingFang SC"},    // no Japanese face: the first regional one
		{"Liberation Serif", "zh-Hant", "Liberation Serif"},
	}
	for _, tt := range tests {
		got, err := findLangIn(infos, tt.name, tt.lang)
		require.NoError(t, err, "%s %s", tt.name, tt.lang)
		assert.Equal(t, tt.family, got.Family, "%s for %s", tt.name, tt.lang)
	}
	_, err := findLangIn(infos, "Noto Sans CJK", "ja")
	assert.ErrorIs(t, err, ErrNotFound)
}

func TestBoldSibling(t *testing.T) {
	_, err := boldSiblingIn([]Info{{Family: "Noto Serif CJK TC", Style: "Regular", Path: "x.ttc"}}, mustLoadCFFTestFont(t))
	assert.ErrorIs(t, err, ErrNotFound, "no bold face in the list")

	regular, err := Load("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#3")
	if err != nil {
		validate.Missing(t, "Noto Serif CJK not installed (apt-get install fonts-noto-cjk): bold face lookup not checked")
	}
	b, err := BoldSibling(regular)
	if err != nil {
		t.Skipf("no bold Noto Serif CJK installed: %v", err)
	}
	assert.Equal(t, "Noto Serif CJK TC", b.Family())
	assert.True(t, b.Bold())
	assert.True(t, b.CFF())
	_, err = BoldSibling(b)
	assert.ErrorIs(t, err, ErrNotFound, "a bold face has no bold sibling")
}

func mustLoadCFFTestFont(t *testing.T) *Font {
	f, _ := loadCFFTestFont(t)
	return f
}
