package fonts_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	gotext "github.com/go-text/typesetting/font"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded"
)

// sampleRunes are checked against sfnt for every embedded font.
func sampleRunes() []rune {
	var rs []rune
	for r := rune(0); r < 0x3000; r++ {
		rs = append(rs, r)
	}
	for r := rune(0x3000); r < 0x10000; r += 7 {
		rs = append(rs, r)
	}
	for r := rune(0x10000); r < 0x30000; r += 97 {
		rs = append(rs, r)
	}
	return append(rs, []rune("這这國国あアㄱ가“”—、。，")...)
}

type namedFont struct {
	name string
	font *fonts.Font
}

func embeddedFonts() []namedFont {
	return []namedFont{
		{"cjk", embedded.CJK()},
		{"sans", embedded.Sans(false, false)},
		{"sans-bold", embedded.Sans(true, false)},
		{"sans-italic", embedded.Sans(false, true)},
		{"sans-bold-italic", embedded.Sans(true, true)},
		{"serif", embedded.Serif(false, false)},
		{"serif-bold-italic", embedded.Serif(true, true)},
		{"mono", embedded.Mono(false)},
		{"mono-bold", embedded.Mono(true)},
	}
}

// TestGlyphIndexAndAdvanceMatchSfnt compares coverage and advances with
// golang.org/x/image/font/sfnt.
func TestGlyphIndexAndAdvanceMatchSfnt(t *testing.T) {
	for _, nf := range embeddedFonts() {
		t.Run(nf.name, func(t *testing.T) {
			f := nf.font
			ref, err := sfnt.Parse(f.Data())
			require.NoError(t, err)
			var buf sfnt.Buffer
			upem := f.UnitsPerEm()
			assert.Equal(t, int(ref.UnitsPerEm()), upem)
			assert.Equal(t, ref.NumGlyphs(), f.NumGlyphs())
			for _, r := range sampleRunes() {
				g, err := ref.GlyphIndex(&buf, r)
				require.NoError(t, err)
				if !assert.Equal(t, uint16(g), f.GlyphIndex(r), "glyph of %U", r) {
					return
				}
				assert.Equal(t, g != 0, f.HasGlyph(r), "HasGlyph(%U)", r)
				adv, err := ref.GlyphAdvance(&buf, g, fixed.I(upem), font.HintingNone)
				require.NoError(t, err)
				if !assert.InDelta(t, float64(adv)/64/float64(upem), f.Advance(r), 1e-9, "advance of %U", r) {
					return
				}
			}
		})
	}
}

func TestStyles(t *testing.T) {
	tests := []struct {
		font                *fonts.Font
		family, full, ps    string
		bold, italic        bool
		upem, weightAtLeast int
	}{
		{embedded.Sans(false, false), "Liberation Sans", "Liberation Sans", "LiberationSans", false, false, 2048, 400},
		{embedded.Sans(true, false), "Liberation Sans", "Liberation Sans Bold", "LiberationSans-Bold", true, false, 2048, 700},
		{embedded.Sans(false, true), "Liberation Sans", "Liberation Sans Italic", "LiberationSans-Italic", false, true, 2048, 400},
		{embedded.Sans(true, true), "Liberation Sans", "Liberation Sans Bold Italic", "LiberationSans-BoldItalic", true, true, 2048, 700},
		{embedded.Serif(false, false), "Liberation Serif", "Liberation Serif", "LiberationSerif", false, false, 2048, 400},
		{embedded.Serif(true, true), "Liberation Serif", "Liberation Serif Bold Italic", "LiberationSerif-BoldItalic", true, true, 2048, 700},
		{embedded.Mono(false), "Liberation Mono", "Liberation Mono", "LiberationMono", false, false, 2048, 400},
		{embedded.Mono(true), "Liberation Mono", "Liberation Mono Bold", "LiberationMono-Bold", true, false, 2048, 700},
		{embedded.CJK(), "Droid Sans Fallback", "Droid Sans Fallback", "DroidSansFallback", false, false, 256, 400},
	}
	for _, tt := range tests {
		t.Run(tt.ps, func(t *testing.T) {
			f := tt.font
			assert.Equal(t, tt.family, f.Family())
			assert.Equal(t, tt.full, f.FullName())
			assert.Equal(t, tt.ps, f.PostScriptName())
			assert.Equal(t, tt.bold, f.Bold(), "Bold")
			assert.Equal(t, tt.italic, f.Italic(), "Italic")
			assert.Equal(t, tt.upem, f.UnitsPerEm())
			assert.GreaterOrEqual(t, f.Weight(), tt.weightAtLeast)
			assert.Greater(t, f.Ascent(), 0.7)
			assert.Less(t, f.Ascent(), 1.2)
			assert.Less(t, f.Descent(), -0.1, "Descent is negative")
			assert.Greater(t, f.Descent(), -0.4)
			assert.InDelta(t, 0.7, f.CapHeight(), 0.1)
			assert.GreaterOrEqual(t, f.LineGap(), 0.0)
		})
	}
}

func TestMonoIsMonospaced(t *testing.T) {
	f := embedded.Mono(false)
	w := f.Advance('M')
	for _, r := range "il.W@ 0" {
		assert.Equal(t, w, f.Advance(r), "advance of %q", r)
	}
}

func TestAdvanceConcurrent(t *testing.T) {
	f, err := fonts.Parse(embedded.CJK().Data()) // a fresh font: coverage not built yet
	require.NoError(t, err)
	var wg sync.WaitGroup
	res := make([]float64, 8)
	for i := range res {
		wg.Go(func() {
			for _, r := range "中文排版あ가" {
				res[i] += f.Advance(r)
			}
		})
	}
	wg.Wait()
	for _, v := range res {
		assert.Equal(t, res[0], v)
	}
	assert.InDelta(t, 6.0, res[0], 1e-9, "CJK glyphs are 1 em wide")
}

func TestParseErrors(t *testing.T) {
	sans := embedded.Sans(false, false).Data()
	tests := []struct {
		name    string
		data    []byte
		want    error
		message string
	}{
		{"nil", nil, fonts.ErrInvalid, "too short"},
		{"text", []byte("this is not a font at all"), fonts.ErrInvalid, "unknown sfnt version"},
		{"truncated directory", sans[:40], fonts.ErrInvalid, "truncated"},
		{"truncated file", sans[:len(sans)/2], fonts.ErrInvalid, "out of bounds"},
		{"woff", []byte("wOFF\x00\x01\x00\x00"), fonts.ErrInvalid, "WOFF"},
		{"cff without tables", fakeOTTO("Fake CJK Sans"), fonts.ErrInvalid, `missing required table "head"`},
		{"cff2", fakeCFF2("Fake Variable Sans"), fonts.ErrCFF2, `"Fake Variable Sans Regular" has CFF2 outlines (an OpenType variable font)`},
		{"collection", buildTTC(t, sans, embedded.Sans(true, false).Data()), fonts.ErrCollection, "collection of 2 faces"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := fonts.Parse(tt.data)
			require.Error(t, err)
			assert.Nil(t, f)
			assert.ErrorIs(t, err, tt.want)
			assert.Contains(t, err.Error(), tt.message)
			assert.True(t, strings.HasPrefix(err.Error(), "fonts: "), err.Error())
		})
	}
}

func TestCFF2ErrorSuggestsStaticInstance(t *testing.T) {
	path := filepath.Join(t.TempDir(), "SourceHanSansVF.otf")
	require.NoError(t, os.WriteFile(path, fakeCFF2("Source Han Sans VF"), 0o644))
	_, err := fonts.Load(path)
	require.ErrorIs(t, err, fonts.ErrCFF2)
	assert.Contains(t, err.Error(), path)
	assert.Contains(t, err.Error(), "Source Han Sans VF")
	assert.Contains(t, err.Error(), "static instance")
}

// TestInstalledOTF parses a real CFF font when one is installed.
func TestInstalledOTF(t *testing.T) {
	var otf string
	for _, dir := range fonts.Dirs() {
		_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && otf == "" && strings.EqualFold(filepath.Ext(p), ".otf") {
				if b, err := os.ReadFile(p); err == nil && bytes.HasPrefix(b, []byte("OTTO")) {
					otf = p
				}
			}
			return nil
		})
	}
	if otf == "" {
		t.Skip("no installed CFF .otf font found in fonts.Dirs()")
	}
	f, err := fonts.Load(otf)
	require.NoError(t, err)
	assert.True(t, f.CFF())
	assert.NotEmpty(t, f.Family())
}

func TestCollection(t *testing.T) {
	regular, bold := embedded.Sans(false, false), embedded.Sans(true, false)
	ttc := buildTTC(t, regular.Data(), bold.Data(), embedded.CJK().Data())

	// The collection itself is valid for go-text.
	faces, err := gotext.ParseTTC(bytes.NewReader(ttc))
	require.NoError(t, err)
	require.Len(t, faces, 3)

	got, err := fonts.ParseCollection(ttc)
	require.NoError(t, err)
	require.Len(t, got, 3)
	for i, want := range []*fonts.Font{regular, bold, embedded.CJK()} {
		f := got[i]
		assert.Equal(t, want.FullName(), f.FullName())
		assert.Equal(t, want.Bold(), f.Bold())
		verifyChecksums(t, f.Data())
		// Data() is a standalone TrueType font.
		assert.Equal(t, []byte{0, 1, 0, 0}, f.Data()[:4])
		again, err := fonts.Parse(f.Data())
		require.NoError(t, err)
		ref, err := sfnt.Parse(f.Data())
		require.NoError(t, err)
		assert.Equal(t, want.NumGlyphs(), ref.NumGlyphs())
		for _, r := range "Aé中" {
			assert.Equal(t, want.GlyphIndex(r), again.GlyphIndex(r))
			assert.Equal(t, want.Advance(r), again.Advance(r))
		}
	}

	f, err := fonts.ParseFace(ttc, 1)
	require.NoError(t, err)
	assert.Equal(t, "Liberation Sans Bold", f.FullName())
	_, err = fonts.ParseFace(ttc, 3)
	assert.ErrorIs(t, err, fonts.ErrInvalid)
	assert.ErrorContains(t, err, "3 faces")
	_, err = fonts.ParseFace(regular.Data(), 1)
	assert.ErrorIs(t, err, fonts.ErrInvalid)

	// Load with a face suffix.
	path := filepath.Join(t.TempDir(), "pair.ttc")
	require.NoError(t, os.WriteFile(path, ttc, 0o644))
	f, err = fonts.Load(path + "#1")
	require.NoError(t, err)
	assert.True(t, f.Bold())
	f, err = fonts.Load(path)
	require.NoError(t, err)
	assert.False(t, f.Bold())
	_, err = fonts.Load(path + "#9")
	assert.ErrorIs(t, err, fonts.ErrInvalid)
	assert.ErrorContains(t, err, path+"#9")
}

func TestCollectionWithBadFace(t *testing.T) {
	ttc := buildTTC(t, embedded.Sans(false, false).Data(), fakeOTTO("Noto Sans CJK JP"))
	_, err := fonts.ParseCollection(ttc)
	assert.ErrorIs(t, err, fonts.ErrInvalid)
	assert.ErrorContains(t, err, "face 1")
	f, err := fonts.ParseFace(ttc, 0)
	require.NoError(t, err)
	assert.Equal(t, "Liberation Sans", f.Family())
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.ttf")
	_, err := fonts.Load(missing)
	require.Error(t, err)
	assert.ErrorIs(t, err, os.ErrNotExist)
	var pe *fonts.PathError
	require.True(t, errors.As(err, &pe))
	assert.Equal(t, missing, pe.Path)
	assert.Equal(t, "fonts: "+missing+": no such file or directory", err.Error())

	garbage := filepath.Join(dir, "garbage.ttf")
	require.NoError(t, os.WriteFile(garbage, []byte("garbage garbage"), 0o644))
	_, err = fonts.Load(garbage)
	assert.ErrorIs(t, err, fonts.ErrInvalid)
	assert.ErrorContains(t, err, garbage)

	otf := filepath.Join(dir, "fake.otf")
	require.NoError(t, os.WriteFile(otf, fakeCFF2("Fake Serif"), 0o644))
	_, err = fonts.Load(otf)
	assert.ErrorIs(t, err, fonts.ErrCFF2)
	assert.ErrorContains(t, err, otf)
	assert.ErrorContains(t, err, "Fake Serif")

	// A device such as /dev/zero is refused, not read without end.
	if fi, err := os.Stat(os.DevNull); err == nil && !fi.Mode().IsRegular() {
		_, err = fonts.Load(os.DevNull)
		assert.EqualError(t, err, "fonts: "+os.DevNull+": not a regular file")
	}
}

func TestChain(t *testing.T) {
	sans, cjk := embedded.Sans(false, false), embedded.CJK()
	c := fonts.Chain{nil, sans, cjk}
	tests := []struct {
		r     rune
		font  *fonts.Font
		index int
	}{
		{'A', sans, 1},
		{'“', sans, 1},
		{'中', cjk, 2},
		{'가', cjk, 2},
		{'\U0001F600', nil, -1}, // emoji: nobody
	}
	for _, tt := range tests {
		f, i := c.FontFor(tt.r)
		assert.Equal(t, tt.index, i, "index for %q", tt.r)
		assert.Same(t, tt.font, f, "font for %q", tt.r)
	}
	assert.Equal(t, []rune{'\U0001F600', '\U0001F601'},
		c.Missing("\U0001F601 A 中\u200b\ufe0f\t\n\U0001F600\U0001F601\u3000"))
	assert.Empty(t, c.Missing(""))
	assert.Equal(t, []rune{'A'}, fonts.Chain{}.Missing("A A"))
}

// TestGoText checks the embedded fonts with go-text/typesetting too.
func TestGoText(t *testing.T) {
	for _, nf := range embeddedFonts() {
		face, err := gotext.ParseTTF(bytes.NewReader(nf.font.Data()))
		require.NoError(t, err, nf.name)
		for _, r := range "Ag中あ가“" {
			g, ok := face.NominalGlyph(r)
			assert.Equal(t, nf.font.HasGlyph(r), ok, "%s %q", nf.name, r)
			if ok {
				assert.Equal(t, nf.font.GlyphIndex(r), uint16(g))
				assert.InDelta(t, nf.font.Advance(r), float64(face.HorizontalAdvance(g))/float64(nf.font.UnitsPerEm()), 1e-6)
			}
		}
	}
}
