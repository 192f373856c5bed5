package fonts_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gotext "github.com/go-text/typesetting/font"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded"
)

func seedArticle(t testing.TB) string {
	for _, p := range []string{"../examples/article.txt", "../../shared/seed/article.txt"} {
		if b, err := os.ReadFile(p); err == nil {
			return string(b)
		}
	}
	// A short stand-in with the same kinds of characters.
	return "2023年,百年變局加速演進,地區(qū)沖突此起彼伏。“加速度”——中國和哈薩克斯坦、人工智能(AI)，3,800億。"
}

func TestSubset(t *testing.T) {
	tests := []struct {
		name  string
		font  *fonts.Font
		text  string
		notIn string // runes the subset must not cover
	}{
		{"latin composites", embedded.Sans(false, false), "Héllo, wörld! Ångström ﬁ Ǻ 3,800", "xyzQ"},
		{"serif bold italic", embedded.Serif(true, true), "Quick brown fox — “quoted” é", "Z"},
		{"cjk article", embedded.CJK(), seedArticle(t) + "這这國国あアㄱ가、。，", "鬱龘"},
		{"cjk few", embedded.CJK(), "中文", "国"},
		{"empty", embedded.Sans(false, false), "", "A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := tt.font
			runes := []rune(tt.text)
			data, err := orig.Subset(runes)
			require.NoError(t, err)
			verifyChecksums(t, data)

			// Deterministic and independent of order and duplicates.
			rev := slices.Clone(runes)
			slices.Reverse(rev)
			again, err := orig.Subset(append(rev, rev...))
			require.NoError(t, err)
			assert.True(t, bytes.Equal(data, again), "subset must not depend on rune order")

			sub, err := fonts.Parse(data)
			require.NoError(t, err)
			assert.Equal(t, orig.FullName(), sub.FullName())
			assert.Equal(t, orig.UnitsPerEm(), sub.UnitsPerEm())
			assert.Equal(t, orig.Ascent(), sub.Ascent())
			assert.Equal(t, orig.Descent(), sub.Descent())

			ref, err := sfnt.Parse(data)
			require.NoError(t, err, "sfnt must accept the subset")
			face, err := gotext.ParseTTF(bytes.NewReader(data))
			require.NoError(t, err, "go-text must accept the subset")
			origRef, err := sfnt.Parse(orig.Data())
			require.NoError(t, err)

			var buf, obuf sfnt.Buffer
			upem := fixed.I(orig.UnitsPerEm())
			covered := 0
			for _, r := range runes {
				if !orig.HasGlyph(r) {
					assert.False(t, sub.HasGlyph(r), "%q", r)
					continue
				}
				covered++
				require.True(t, sub.HasGlyph(r), "subset lacks %q", r)
				assert.Equal(t, orig.Advance(r), sub.Advance(r), "advance of %q", r)

				g, err := ref.GlyphIndex(&buf, r)
				require.NoError(t, err)
				require.NotZero(t, g, "sfnt: subset lacks %q", r)
				assert.Equal(t, uint16(g), sub.GlyphIndex(r))
				gt, ok := face.NominalGlyph(r)
				require.True(t, ok, "go-text: subset lacks %q", r)
				assert.Equal(t, uint16(g), uint16(gt))
				assert.InDelta(t, orig.Advance(r)*float64(orig.UnitsPerEm()), float64(face.HorizontalAdvance(gt)), 1e-6)

				// Same outline (composites resolved through the renumbered components).
				og, _ := origRef.GlyphIndex(&obuf, r)
				want, err := origRef.LoadGlyph(&obuf, og, upem, nil)
				require.NoError(t, err)
				want = slices.Clone(want)
				got, err := ref.LoadGlyph(&buf, g, upem, nil)
				require.NoError(t, err, "outline of %q", r)
				assert.Equal(t, want, got, "outline of %q", r)
			}
			for _, r := range tt.notIn {
				assert.False(t, sub.HasGlyph(r), "subset must not cover %q", r)
			}
			assert.LessOrEqual(t, sub.NumRunes(), covered)
			assert.Less(t, sub.NumGlyphs(), orig.NumGlyphs())
			assert.Less(t, len(data), len(orig.Data()))

			var want []rune
			for _, r := range runes {
				if orig.HasGlyph(r) {
					want = append(want, r)
				}
			}
			checkWithExternalTools(t, data, orig.Family(), want)
		})
	}
}

// checkWithExternalTools runs fc-scan (fontconfig) and, if installed,
// fontTools' ttx on the subset.
func checkWithExternalTools(t *testing.T, data []byte, family string, covered []rune) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "subset.ttf")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	if fc, err := exec.LookPath("fc-scan"); err != nil {
		t.Log("fc-scan not installed: skipping the fontconfig check")
	} else {
		out, err := exec.Command(fc, "--format", "%{family}|%{fontformat}", path).CombinedOutput()
		require.NoError(t, err, string(out))
		assert.Equal(t, family+"|TrueType", strings.TrimSpace(string(out)))
	}
	if ttx, err := exec.LookPath("ttx"); err != nil {
		t.Log("ttx (fontTools) not installed: skipping the fontTools check")
	} else {
		out, err := exec.Command(ttx, "-q", "-o", path+".ttx", path).CombinedOutput()
		require.NoError(t, err, "ttx must decompile every table: %s", out)
		cmap, err := exec.Command(ttx, "-q", "-t", "cmap", "-o", "-", path).Output()
		require.NoError(t, err)
		for _, r := range covered {
			assert.Contains(t, string(cmap), fmt.Sprintf(`code="%#x"`, r), "fontTools cmap lacks %q", r)
		}
	}
}

func TestSubsetSize(t *testing.T) {
	data, err := embedded.CJK().Subset([]rune(seedArticle(t)))
	require.NoError(t, err)
	t.Logf("subset of the seed article: %d bytes (font: %d bytes)", len(data), len(embedded.CJK().Data()))
	assert.Less(t, len(data), 1<<20)
}
