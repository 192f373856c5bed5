package fonts_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/fonts"
)

// TestResolveLangCollection picks the regional face of a collection file
// named without "#N" (the fake faces do not load: the error names the
// face chosen).
func TestResolveLangCollection(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "Fake.ttc")
	var faces [][]byte
	for _, fam := range []string{"Fake CJK JP", "Fake CJK KR", "Fake CJK SC", "Fake CJK TC"} {
		faces = append(faces, fakeOTTO(fam))
	}
	require.NoError(t, os.WriteFile(path, buildTTC(t, faces...), 0o644))
	for lang, want := range map[string]string{"zh-Hant": "#3", "zh-Hans": "#2", "ko": "#1", "ja": "#0", "": "#0", "zh-HK": "#3"} {
		_, err := fonts.ResolveLang(path, lang)
		var pe *fonts.PathError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, path+want, pe.Path, lang)
	}
	_, err := fonts.ResolveLang(path+"#2", "ja")
	var pe *fonts.PathError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, path+"#2", pe.Path, "an explicit face wins")
}
