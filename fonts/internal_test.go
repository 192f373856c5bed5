package fonts

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCmapRoundTrip writes cmaps with buildCmap and reads them back,
// including supplementary-plane runes (format 12) and a set so sparse that
// format 4 overflows 64 KiB.
func TestCmapRoundTrip(t *testing.T) {
	sparse := []runeGlyph{}
	for i := range 12000 {
		sparse = append(sparse, runeGlyph{rune(0x4E00 + 5*i%0xB000), uint16(i + 1)})
	}
	sortMaps(sparse)
	tests := []struct {
		name     string
		maps     []runeGlyph
		format12 bool
	}{
		{"empty", nil, false},
		{"one", []runeGlyph{{'A', 1}}, false},
		{"delta run", []runeGlyph{{'A', 1}, {'B', 2}, {'C', 3}, {'Z', 4}}, false},
		{"array segment", []runeGlyph{{'A', 3}, {'C', 1}, {'D', 2}, {0xFFFE, 4}}, false},
		{"supplementary", []runeGlyph{{'a', 1}, {0x20000, 2}, {0x20001, 3}, {0x2A6D6, 4}}, true},
		{"overflow", sparse, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmap := buildCmap(tt.maps)
			n := 0
			for _, m := range tt.maps {
				n = max(n, int(m.g)+1)
			}
			cov := buildCoverage(cmap, n)
			assert.Equal(t, len(tt.maps), cov.count)
			for _, m := range tt.maps {
				require.Equal(t, m.g, cov.glyph(m.r), "glyph of %U", m.r)
			}
			assert.Zero(t, cov.glyph('@'))
			f4, complete := buildCmap4(tt.maps)
			assert.LessOrEqual(t, len(f4), 0xFFFF)
			assert.Equal(t, tt.format12, len(cmap) > 4+16+len(f4), "format 12 present")
			if tt.name == "overflow" {
				assert.False(t, complete)
				// The format 4 subtable alone still maps a prefix correctly.
				c4 := new(coverage)
				parseCmap4(c4, f4, n)
				assert.Positive(t, c4.count)
				for _, m := range tt.maps[:c4.count] {
					require.Equal(t, m.g, c4.glyph(m.r))
				}
			}
		})
	}
}

func sortMaps(m []runeGlyph) {
	// insertion of a few thousand: simple and deterministic
	for i := 1; i < len(m); i++ {
		for j := i; j > 0 && m[j].r < m[j-1].r; j-- {
			m[j], m[j-1] = m[j-1], m[j]
		}
	}
}

func TestDirsFor(t *testing.T) {
	env := map[string]string{"WINDIR": `D:\Win`, "LOCALAPPDATA": `C:\Users\u\AppData\Local`, "XDG_DATA_HOME": "/x/data"}
	getenv := func(k string) string { return env[k] }
	assert.Equal(t, []string{`D:\Win\Fonts`, `C:\Users\u\AppData\Local\Microsoft\Windows\Fonts`}, dirsFor("windows", getenv, `C:\Users\u`))
	assert.Equal(t, []string{"/h/Library/Fonts", "/Library/Fonts", "/System/Library/Fonts", "/System/Library/Fonts/Supplemental"}, dirsFor("darwin", getenv, "/h"))
	assert.Equal(t, []string{"/x/data/fonts", "/h/.local/share/fonts", "/h/.fonts", "/usr/local/share/fonts", "/usr/share/fonts"}, dirsFor("linux", getenv, "/h"))
	assert.Equal(t, []string{"/usr/local/share/fonts", "/usr/share/fonts"}, dirsFor("linux", func(string) string { return "" }, ""))
}
