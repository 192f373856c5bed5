package hant_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded/hant"
)

func TestFaces(t *testing.T) {
	tw := hant.Font()
	assert.Equal(t, hant.Family, tw.Family())
	assert.Equal(t, hant.HKFamily, hant.HKFont().Family())
	assert.Zero(t, tw.FSType()&0x0302, "embeddable")
	// Every Big5 character (the standard set of Taiwan) is covered.
	d := traditionalchinese.Big5.NewDecoder()
	missing := 0
	for b1 := 0xA4; b1 <= 0xF9; b1++ {
		for _, b2 := range append(seq(0x40, 0x7E), seq(0xA1, 0xFE)...) {
			s, err := d.Bytes([]byte{byte(b1), byte(b2)})
			if err != nil {
				continue
			}
			for _, r := range string(s) {
				if r != 0xFFFD && !tw.HasGlyph(r) {
					missing++
				}
			}
		}
	}
	assert.LessOrEqual(t, missing, 10, "Big5 characters missing")
	for _, r := range "臺灣說內骨角值令。，、：；！？「」『』（）—…" {
		assert.True(t, tw.HasGlyph(r), "%q", r)
	}
	assert.Contains(t, hant.LicenseText, "ARPHIC PUBLIC LICENSE")
}

// TestCentredMarks checks the generator's fix: Taiwan centres ，．：；！？
// in the em box (UMing draws them in the lower left corner).
func TestCentredMarks(t *testing.T) {
	tw := hant.Font()
	for _, r := range "、，。．：；！？" {
		x0, x1 := bbox(t, tw, r)
		mid := float64(x0+x1) / 2 / float64(tw.UnitsPerEm())
		assert.InDelta(t, 0.5, mid, 0.1, "%q: outline from %d to %d", r, x0, x1)
	}
}

// TestRegistered checks the faces are the defaults of Traditional Chinese
// body text, the HK face first for Hong Kong.
func TestRegistered(t *testing.T) {
	d := fonts.Defaults("zh-HK", fonts.RoleBody, false, false)
	require.GreaterOrEqual(t, len(d), 2)
	assert.Equal(t, hant.HKFamily, d[0].Family)
	assert.Equal(t, hant.Family, d[1].Family)
	d = fonts.Defaults("zh-TW", fonts.RoleBody, true, false)
	require.NotEmpty(t, d)
	assert.Equal(t, hant.Family, d[0].Family, "no bold face: the regular one, emboldened")
	f, err := fonts.Resolve("AR PL UMing TW")
	require.NoError(t, err)
	assert.Same(t, hant.Font(), f)
}

func seq(a, b int) []int {
	var s []int
	for i := a; i <= b; i++ {
		s = append(s, i)
	}
	return s
}

// bbox returns the horizontal extent of r's outline (from the glyph
// header of a one-glyph subset).
func bbox(t *testing.T, f *fonts.Font, r rune) (int, int) {
	t.Helper()
	sub, err := f.Subset([]rune{r})
	require.NoError(t, err)
	g := glyph(t, sub, 1)
	return int(int16(uint16(g[2])<<8 | uint16(g[3]))), int(int16(uint16(g[6])<<8 | uint16(g[7])))
}

func glyph(t *testing.T, font []byte, gid int) []byte {
	t.Helper()
	u16 := func(b []byte) int { return int(b[0])<<8 | int(b[1]) }
	u32 := func(b []byte) int { return u16(b)<<16 | u16(b[2:]) }
	var head, loca, glyf []byte
	for i := 0; i < u16(font[4:]); i++ {
		rec := font[12+16*i:]
		tb := font[u32(rec[8:]) : u32(rec[8:])+u32(rec[12:])]
		switch string(rec[:4]) {
		case "head":
			head = tb
		case "loca":
			loca = tb
		case "glyf":
			glyf = tb
		}
	}
	require.NotNil(t, glyf)
	if u16(head[50:]) != 0 {
		return glyf[u32(loca[4*gid:]):u32(loca[4*gid+4:])]
	}
	return glyf[2*u16(loca[2*gid:]) : 2*u16(loca[2*gid+2:])]
}
