package ko_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded/ko"
)

func TestFaces(t *testing.T) {
	for _, f := range []*fonts.Font{ko.Myeongjo(false), ko.Myeongjo(true), ko.Gothic(false), ko.Gothic(true)} {
		missing := 0
		for r := rune(0xAC00); r <= 0xD7A3; r++ {
			if !f.HasGlyph(r) {
				missing++
			}
		}
		assert.Zero(t, missing, "%s: Hangul syllables missing", f)
		assert.Zero(t, f.FSType()&0x0302, "embeddable")
	}
	assert.Equal(t, ko.MyeongjoFamily, ko.Myeongjo(false).Family())
	assert.True(t, ko.Myeongjo(true).Bold())
	assert.Equal(t, ko.GothicFamily, ko.Gothic(true).Family())
	assert.True(t, ko.Gothic(true).Bold())
	assert.Contains(t, ko.LicenseText, "SIL OPEN FONT LICENSE")
}

// TestDefaults checks the real bold faces are chosen for bold, and that
// NanumGothic is the Hangul fallback of other languages only.
func TestDefaults(t *testing.T) {
	body := fonts.Defaults("ko-KR", fonts.RoleBody, true, false)
	require.NotEmpty(t, body)
	assert.Equal(t, ko.MyeongjoFamily, body[0].Family)
	assert.True(t, body[0].Bold)
	head := fonts.Defaults("ko", fonts.RoleHeading, false, false)
	require.NotEmpty(t, head)
	assert.Equal(t, ko.GothicFamily, head[0].Family)
	assert.False(t, head[0].Bold)
	fb := fonts.Defaults("zh-Hant", fonts.RoleFallback, false, false)
	require.Len(t, fb, 1)
	require.NotNil(t, fb[0].Ranges)
	font, err := fb[0].Font()
	require.NoError(t, err)
	assert.Same(t, ko.Gothic(false), font)
	f, err := fonts.Resolve("NanumGothic Bold")
	require.NoError(t, err)
	assert.Same(t, ko.Gothic(true), f)
}
