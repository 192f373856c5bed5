package fonts_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded"
)

// fontDir writes copies of embedded fonts, a collection, a CFF font and
// some non-fonts into a temporary tree.
func fontDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(rel string, data []byte) {
		p := filepath.Join(dir, rel)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, data, 0o644))
	}
	write("truetype/liberation/LiberationSans-Regular.ttf", embedded.Sans(false, false).Data())
	write("truetype/liberation/LiberationSans-Bold.ttf", embedded.Sans(true, false).Data())
	write("truetype/liberation/LiberationSans-Italic.TTF", embedded.Sans(false, true).Data())
	write("mono.ttc", buildTTC(t, embedded.Mono(false).Data(), embedded.Mono(true).Data()))
	write("opentype/FakeCJK-Regular.otf", fakeOTTO("Fake CJK"))
	write("README.txt", []byte("not a font"))
	write("broken.ttf", []byte("garbage"))
	return dir
}

func TestList(t *testing.T) {
	dir := fontDir(t)
	infos, err := fonts.List([]string{dir, filepath.Join(dir, "does-not-exist")})
	require.NoError(t, err)
	rel := func(p string) string { r, _ := filepath.Rel(dir, p); return filepath.ToSlash(r) }
	type row struct {
		Family, Style, FullName, PostScriptName, Path string
		Index                                         int
		Format                                        string
	}
	var got []row
	for _, in := range infos {
		got = append(got, row{in.Family, in.Style, in.FullName, in.PostScriptName, rel(in.Path), in.Index, in.Format})
	}
	assert.Equal(t, []row{
		{"Fake CJK", "Regular", "Fake CJK Regular", "Fake-Regular", "opentype/FakeCJK-Regular.otf", 0, fonts.FormatCFF},
		{"Liberation Mono", "Regular", "Liberation Mono", "LiberationMono", "mono.ttc", 0, fonts.FormatCollectionFace},
		{"Liberation Mono", "Bold", "Liberation Mono Bold", "LiberationMono-Bold", "mono.ttc", 1, fonts.FormatCollectionFace},
		{"Liberation Sans", "Regular", "Liberation Sans", "LiberationSans", "truetype/liberation/LiberationSans-Regular.ttf", 0, fonts.FormatTrueType},
		{"Liberation Sans", "Bold", "Liberation Sans Bold", "LiberationSans-Bold", "truetype/liberation/LiberationSans-Bold.ttf", 0, fonts.FormatTrueType},
		{"Liberation Sans", "Italic", "Liberation Sans Italic", "LiberationSans-Italic", "truetype/liberation/LiberationSans-Italic.TTF", 0, fonts.FormatTrueType},
	}, got)

	// The same directory twice gives no duplicates.
	again, err := fonts.List([]string{dir, dir})
	require.NoError(t, err)
	assert.Equal(t, infos, again)
}

func TestFindIn(t *testing.T) {
	dir := fontDir(t)
	tests := []struct {
		query, wantFull string
		wantIndex       int
	}{
		{"Liberation Sans", "Liberation Sans", 0},
		{"liberation sans", "Liberation Sans", 0},
		{"LiberationSans", "Liberation Sans", 0},
		{"liberation-sans-bold", "Liberation Sans Bold", 0},
		{"LiberationSans-Italic", "Liberation Sans Italic", 0},
		{"Liberation Mono", "Liberation Mono", 0},
		{"Liberation Mono Bold", "Liberation Mono Bold", 1},
		{"fake cjk", "Fake CJK Regular", 0},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			info, err := fonts.FindIn([]string{dir}, tt.query)
			require.NoError(t, err)
			assert.Equal(t, tt.wantFull, info.FullName)
			assert.Equal(t, tt.wantIndex, info.Index)
		})
	}

	_, err := fonts.FindIn([]string{dir}, "Liberation")
	require.ErrorIs(t, err, fonts.ErrNotFound)
	assert.ErrorContains(t, err, `"Liberation"`)
	assert.NotContains(t, err.Error(), "docconv", "a library error does not talk about the command")
	assert.ErrorContains(t, err, `did you mean "Liberation Mono" or "Liberation Sans"?`)

	_, err = fonts.FindIn([]string{dir}, "Comic Sans")
	require.ErrorIs(t, err, fonts.ErrNotFound)
	assert.NotContains(t, err.Error(), "did you mean")
}

func TestInfoSpecLoads(t *testing.T) {
	dir := fontDir(t)
	info, err := fonts.FindIn([]string{dir}, "Liberation Mono Bold")
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "mono.ttc")+"#1", info.Spec())
	f, err := fonts.Load(info.Spec())
	require.NoError(t, err)
	assert.Equal(t, "Liberation Mono Bold", f.FullName())

	// Resolve: a path.
	f, err = fonts.Resolve(filepath.Join(dir, "truetype/liberation/LiberationSans-Bold.ttf"))
	require.NoError(t, err)
	assert.True(t, f.Bold())
	f, err = fonts.Resolve(filepath.Join(dir, "mono.ttc#1"))
	require.NoError(t, err)
	assert.True(t, f.Bold())
	_, err = fonts.Resolve(filepath.Join(dir, "nope.ttf"))
	assert.ErrorIs(t, err, os.ErrNotExist)
	_, err = fonts.Resolve("nope.ttf")
	assert.ErrorIs(t, err, os.ErrNotExist)
	_, err = fonts.Resolve("")
	assert.ErrorIs(t, err, fonts.ErrNotFound)
}

func TestResolveName(t *testing.T) {
	// Resolve by name uses the system font directories: only check the
	// not-found path and, when installed, a font every Debian has.
	_, err := fonts.Resolve("No Such Font Family 12345")
	require.ErrorIs(t, err, fonts.ErrNotFound)
	assert.ErrorContains(t, err, "is not installed in the font directories")
	if _, err := fonts.Find("DejaVu Sans"); err != nil {
		t.Skip("DejaVu Sans not installed")
	}
	f, err := fonts.Resolve("dejavu sans")
	require.NoError(t, err)
	assert.Equal(t, "DejaVu Sans", f.Family())
	assert.False(t, f.Bold())
}
