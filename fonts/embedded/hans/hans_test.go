package hans_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded/hans"
)

func TestFace(t *testing.T) {
	f := hans.Font()
	assert.Equal(t, hans.Family, f.Family())
	assert.Zero(t, f.FSType()&0x0302, "embeddable")
	// Every GB 2312 hanzi is covered.
	d := simplifiedchinese.GBK.NewDecoder()
	n, missing := 0, 0
	for b1 := 0xB0; b1 <= 0xF7; b1++ {
		for b2 := 0xA1; b2 <= 0xFE; b2++ {
			s, _ := d.Bytes([]byte{byte(b1), byte(b2)})
			for _, r := range string(s) {
				if r != 0xFFFD {
					n++
					if !f.HasGlyph(r) {
						missing++
					}
				}
			}
		}
	}
	assert.Equal(t, 6763, n)
	assert.Zero(t, missing)
	assert.Contains(t, hans.LicenseText, "ARPHIC PUBLIC LICENSE")
	ds := fonts.Defaults("zh-CN", fonts.RoleBody, false, false)
	require.NotEmpty(t, ds)
	assert.Equal(t, hans.Family, ds[0].Family)
	assert.Equal(t, hans.Family, fonts.Defaults("zh", fonts.RoleBody, false, false)[0].Family)
}
