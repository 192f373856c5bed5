package fonts_test

import (
	"errors"
	"testing"

	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/fonts"
)

func TestLangRegions(t *testing.T) {
	for tag, want := range map[string][]string{
		"zh-Hant": {"zh-Hant"}, "zh-TW": {"zh-Hant"}, "zh_Hant_TW": {"zh-Hant"},
		"zh-HK": {"zh-HK", "zh-Hant"}, "zh-Hant-HK": {"zh-HK", "zh-Hant"}, "zh-MO": {"zh-HK", "zh-Hant"}, "yue": {"zh-HK", "zh-Hant"},
		"zh": {"zh-Hans"}, "zh-Hans": {"zh-Hans"}, "zh-CN": {"zh-Hans"}, "ZH-SG": {"zh-Hans"}, "cmn-Hans-CN": {"zh-Hans"},
		"ja": {"ja"}, "ja-JP": {"ja"}, "ko": {"ko"}, "ko-KR": {"ko"},
		"en": nil, "": nil, "und": nil, "fr-CA": nil,
	} {
		assert.Equal(t, want, fonts.LangRegions(tag), tag)
	}
}

// TestRegistry registers test faces (under family names of their own, the
// registry being shared with the embedded packages) and looks them up.
func TestRegistry(t *testing.T) {
	loads := 0
	load := func() (*fonts.Font, error) { loads++; return fonts.Parse(liberationmonoregular.TTF) }
	regular := &fonts.Embedded{Family: "Registry Test Serif", Style: "Regular", Format: fonts.FormatTrueType,
		Uses: []fonts.Use{{Lang: "ja", Role: fonts.RoleBody}}, Load: load}
	bold := &fonts.Embedded{Family: "Registry Test Serif", Style: "Bold", Bold: true, Format: fonts.FormatTrueType,
		Uses: []fonts.Use{{Lang: "ja", Role: fonts.RoleBody}}, Load: load}
	other := &fonts.Embedded{Family: "Registry Test Other", Style: "Regular", Format: fonts.FormatTrueType,
		Uses: []fonts.Use{{Lang: "ja", Role: fonts.RoleBody}}, Load: func() (*fonts.Font, error) { return nil, errors.New("broken") }}
	fonts.Register(regular)
	fonts.Register(bold)
	fonts.Register(other)

	e, ok := fonts.LookupEmbedded("registry test serif")
	require.True(t, ok)
	assert.Same(t, regular, e, "the family name gives the regular face")
	e, ok = fonts.LookupEmbedded("Registry-Test-Serif Bold")
	require.True(t, ok)
	assert.Same(t, bold, e)
	_, ok = fonts.LookupEmbedded("Registry Test Sans")
	assert.False(t, ok)

	f1, err := regular.Font()
	require.NoError(t, err)
	f2, err := fonts.Resolve("Registry Test Serif")
	require.NoError(t, err)
	assert.Same(t, f1, f2, "loaded once, shared")
	assert.Equal(t, 1, loads)
	_, err = fonts.Resolve("Registry Test Other")
	assert.ErrorContains(t, err, "Registry Test Other")

	var names []string
	for _, d := range fonts.Defaults("ja-JP", fonts.RoleBody, true, false) {
		names = append(names, d.Name())
	}
	assert.Subset(t, names, []string{"Registry Test Serif Bold", "Registry Test Other"})
	assert.NotContains(t, names, "Registry Test Serif", "the family has a bold face")
	for _, d := range fonts.Defaults("en", fonts.RoleBody, false, false) {
		assert.NotContains(t, d.Family, "Registry Test", "Japanese faces are not defaults of English")
	}
	assert.Equal(t, "body", fonts.RoleBody.String())
}
