package ja_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/japanese"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded/ja"
)

func TestFaces(t *testing.T) {
	m, g := ja.Mincho(), ja.Gothic()
	assert.Equal(t, ja.MinchoFamily, m.Family())
	assert.Equal(t, ja.GothicFamily, g.Family())
	// Every JIS X 0208 kanji (levels 1 and 2) is covered.
	d := japanese.ShiftJIS.NewDecoder()
	n, missing := 0, 0
	for b1 := 0x88; b1 <= 0xEA; b1++ {
		for b2 := 0x40; b2 <= 0xFC; b2++ {
			s, err := d.Bytes([]byte{byte(b1), byte(b2)})
			if err != nil {
				continue
			}
			for _, r := range string(s) {
				if r >= 0x4E00 && r <= 0x9FFF {
					n++
					if !m.HasGlyph(r) || !g.HasGlyph(r) {
						missing++
					}
				}
			}
		}
	}
	assert.Greater(t, n, 6300)
	assert.Zero(t, missing)
	assert.Contains(t, ja.LicenseText, "IPA Font License Agreement v1.0")
	body := fonts.Defaults("ja-JP", fonts.RoleBody, false, false)
	require.NotEmpty(t, body)
	assert.Equal(t, ja.MinchoFamily, body[0].Family)
	head := fonts.Defaults("ja", fonts.RoleHeading, true, false)
	require.NotEmpty(t, head)
	assert.Equal(t, ja.GothicFamily, head[0].Family)
	f, err := fonts.Resolve("IPAex Mincho")
	require.NoError(t, err)
	assert.Same(t, m, f)
}
