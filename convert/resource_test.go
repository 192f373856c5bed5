package convert_test

import (
	"context"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/internal/testimg"
)

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, data, 0o644))
}

func imagesDoc(srcs ...string) (*convert.Document, []*convert.Image) {
	var imgs []*convert.Image
	var parts []any
	for _, s := range srcs {
		im := convert.Img(s, "alt "+s)
		imgs = append(imgs, im)
		parts = append(parts, im)
	}
	return &convert.Document{Blocks: []convert.Block{convert.Para(parts...)}}, imgs
}

func TestResolveImagesTypes(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "doc", "a.png"), testimg.PNGDPI(40, 20, 144))
	write(t, filepath.Join(dir, "doc", "img", "b.jpg"), testimg.JPEG(30, 10))
	write(t, filepath.Join(dir, "doc", "c.gif"), testimg.GIF(8, 8))
	write(t, filepath.Join(dir, "doc", "d.webp"), testimg.WebP)
	write(t, filepath.Join(dir, "doc", "e.svg"), testimg.SVG(120, 60))
	write(t, filepath.Join(dir, "doc", "really-a-jpeg.png"), testimg.JPEG(5, 5))
	write(t, filepath.Join(dir, "doc", "a b.png"), testimg.PNG(3, 3))
	write(t, filepath.Join(dir, "extra", "f.png"), testimg.PNG(2, 2))
	d, imgs := imagesDoc("a.png", "img/b.jpg", "c.gif", "d.webp", "e.svg", "really-a-jpeg.png", "a%20b.png", "f.png", "./a.png", "a.png?raw=1")
	rep := &convert.Report{}
	opts := &convert.Options{SourcePath: filepath.Join(dir, "doc", "in.md"), ResourcePath: []string{filepath.Join(dir, "extra")}, Report: rep}
	require.NoError(t, convert.ResolveImages(context.Background(), d, opts))
	assert.Empty(t, rep.Warnings())
	want := []struct {
		typ  string
		w, h int
	}{{"image/png", 40, 20}, {"image/jpeg", 30, 10}, {"image/gif", 8, 8}, {"image/webp", 150, 100}, {"image/svg+xml", 120, 60},
		{"image/jpeg", 5, 5}, {"image/png", 3, 3}, {"image/png", 2, 2}, {"image/png", 40, 20}, {"image/png", 40, 20}}
	for i, w := range want {
		im := imgs[i]
		require.NotNil(t, im.Resource, im.Src)
		assert.Equal(t, w.typ, im.MediaType, im.Src)
		assert.Equal(t, w.typ, im.Resource.MediaType, im.Src)
		assert.Equal(t, []int{w.w, w.h}, []int{im.Width, im.Height}, im.Src)
	}
	assert.Equal(t, 144.0, imgs[0].Resource.DPI)
	assert.Equal(t, 0.0, imgs[1].Resource.DPI, "Go's JPEG encoder writes no JFIF density")
	assert.Same(t, imgs[0].Resource, imgs[8].Resource, "one file is read once")
	assert.Same(t, imgs[0].Resource, imgs[9].Resource)
	assert.Equal(t, "img/b.jpg", imgs[1].Resource.Name)
	assert.Equal(t, 8, rep.Get("images", "image files read"))
}

func TestResolveImagesProblems(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "doc")
	write(t, filepath.Join(dir, "secret.png"), testimg.PNG(4, 4))
	write(t, filepath.Join(doc, "bomb.png"), testimg.Bomb(65535, 65535))
	whole := testimg.PNG(64, 64)
	write(t, filepath.Join(doc, "truncated.png"), whole[:len(whole)*2/3])
	write(t, filepath.Join(doc, "text.png"), []byte("not an image\n"))
	write(t, filepath.Join(doc, "bad.svg"), []byte(`<svg width="10" height="10"><g></svg>`))
	write(t, filepath.Join(doc, "empty.png"), nil)
	write(t, filepath.Join(doc, "script.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><script>alert(1)</script></svg>`))
	write(t, filepath.Join(doc, "onload.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9" onload="alert(1)"/>`))
	write(t, filepath.Join(doc, "remote.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="9" height="9"><image xlink:href="https://example.com/track.png"/></svg>`))
	require.NoError(t, os.Symlink(filepath.Join(dir, "secret.png"), filepath.Join(doc, "link.png")))
	require.NoError(t, os.Mkdir(filepath.Join(doc, "sub"), 0o755))
	cases := []struct{ src, want string }{
		{"missing.png", "not found in the resource directories"},
		{"../secret.png", "outside the resource directories"},
		{"../../../../../../etc/passwd", "outside the resource directories"},
		{filepath.Join(dir, "secret.png"), "outside the resource directories"},
		{"link.png", "symbolic link leads outside the resource directory"},
		{"bomb.png", "65535×65535 pixels is more than the 40 million pixel limit"},
		{"truncated.png", "corrupt png image"},
		{"text.png", "not a PNG, JPEG, GIF, WebP or SVG image"},
		{"empty.png", "not a PNG, JPEG, GIF, WebP or SVG image"},
		{"sub", "is not a regular file"},
		{"script.svg", "an SVG with a <script> element is refused"},
		{"onload.svg", "an SVG with an event attribute (onload) is refused"},
		{"remote.svg", "an SVG referring to another resource (https://example.com/track.png) is refused"},
		{"file:///etc/passwd", "file: URLs are not read"},
		{"data:image/png;base64,!!!", "malformed data: URI"},
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		cases = append(cases, struct{ src, want string }{"/dev/zero", "outside the resource directories"})
	}
	for _, tc := range cases {
		t.Run(tc.src, func(t *testing.T) {
			d, imgs := imagesDoc(tc.src)
			rep := &convert.Report{}
			opts := &convert.Options{SourcePath: filepath.Join(doc, "in.md"), Report: rep}
			require.NoError(t, convert.ResolveImages(context.Background(), d, opts))
			assert.Nil(t, imgs[0].Resource)
			if assert.Len(t, rep.Warnings(), 1) {
				assert.Contains(t, rep.Warnings()[0], tc.want)
				assert.Contains(t, rep.Warnings()[0], "its alt text is shown")
			}
			opts.Strict = true
			err := convert.ResolveImages(context.Background(), d, opts)
			if assert.Error(t, err) {
				assert.ErrorIs(t, err, convert.ErrStrict)
				assert.Contains(t, err.Error(), tc.want)
				assert.Contains(t, err.Error(), tc.src)
			}
		})
	}
	t.Run("bomb is a limit", func(t *testing.T) {
		d, _ := imagesDoc("bomb.png")
		err := convert.ResolveImages(context.Background(), d, &convert.Options{SourcePath: filepath.Join(doc, "in.md"), Strict: true})
		assert.ErrorIs(t, err, convert.ErrLimit)
	})
}

func TestResolveImagesRemoteAndData(t *testing.T) {
	png := testimg.PNG(6, 7)
	d, imgs := imagesDoc("https://example.com/a.png", "//cdn.example.com/b.png", "data:image/png;base64,"+base64.StdEncoding.EncodeToString(png), "https://example.com/a.png")
	rep := &convert.Report{}
	for _, strict := range []bool{false, true} {
		require.NoError(t, convert.ResolveImages(context.Background(), d, &convert.Options{SourcePath: "-", Report: rep, Strict: strict}), "remote images are not an error, even strict")
	}
	assert.Nil(t, imgs[0].Resource)
	assert.Nil(t, imgs[1].Resource)
	require.NotNil(t, imgs[2].Resource)
	assert.Equal(t, "data-1.png", imgs[2].Resource.Name)
	assert.Equal(t, []int{6, 7}, []int{imgs[2].Width, imgs[2].Height})
	w := strings.Join(rep.Warnings(), "\n")
	assert.Contains(t, w, `image "https://example.com/a.png": remote images are never fetched; its alt text is shown (HTML output links to it)`)
	assert.Equal(t, 2, strings.Count(w, "https://example.com/a.png"), "one warning per source and run")
	assert.Equal(t, 6, rep.Get("images", "remote images not fetched"))
}

// TestReadResolvesImages checks the pipeline: Read resolves the images of
// any reader relative to the input file; standard input relative to the
// working directory; NoResources reads nothing.
// TestResolveImagesNoAlt: the warning of an image that is not read says
// what is shown instead — nothing, when the image has no alt text
// (![](missing.png)).
func TestResolveImagesNoAlt(t *testing.T) {
	for _, tc := range []struct{ src, alt, want string }{
		{"missing.png", "", `image "missing.png": not found in the resource directories (` + "%s" + `); it has no alt text and is left out`},
		{"missing.png", " ", `image "missing.png": not found in the resource directories (` + "%s" + `); it has no alt text and is left out`},
		{"missing.png", "a chart", `image "missing.png": not found in the resource directories (` + "%s" + `); its alt text is shown`},
		{"https://example.com/a.png", "", `image "https://example.com/a.png": remote images are never fetched; it has no alt text and is left out (HTML output links to it)`},
	} {
		dir := t.TempDir()
		d := &convert.Document{Blocks: []convert.Block{convert.Para(convert.Img(tc.src, tc.alt))}}
		rep := &convert.Report{}
		require.NoError(t, convert.ResolveImages(context.Background(), d, &convert.Options{SourcePath: filepath.Join(dir, "in.md"), Report: rep}))
		want := strings.Replace(tc.want, "%s", dir, 1)
		assert.Equal(t, []string{want}, rep.Warnings(), "%q %q", tc.src, tc.alt)
	}
}

func TestReadResolvesImages(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "p.png"), testimg.PNG(5, 4))
	src := `{"docconv": 1, "blocks": [{"type": "paragraph", "inlines": [{"type": "image", "src": "p.png", "alt": "x"}]}]}`
	read := func(opts *convert.Options) *convert.Image {
		opts.From = "json"
		d, err := convert.Read(context.Background(), strings.NewReader(src), opts)
		require.NoError(t, err)
		return d.Blocks[0].(*convert.Paragraph).Inlines[0].(*convert.Image)
	}
	im := read(&convert.Options{SourcePath: filepath.Join(dir, "in.json")})
	require.NotNil(t, im.Resource)
	assert.Equal(t, 5, im.Width)
	assert.Nil(t, read(&convert.Options{SourcePath: filepath.Join(dir, "in.json"), NoResources: true}).Resource)

	wd, err := os.Getwd()
	require.NoError(t, err)
	require.NoError(t, os.Chdir(dir))
	defer func() { require.NoError(t, os.Chdir(wd)) }()
	assert.NotNil(t, read(&convert.Options{SourcePath: "-"}).Resource, "standard input: relative to the working directory")

	_, err = convert.Read(context.Background(), strings.NewReader(strings.Replace(src, "p.png", "q.png", 1)), &convert.Options{From: "json", SourcePath: "in.json", Strict: true})
	var ce *convert.Error
	require.True(t, errors.As(err, &ce), "%v", err)
	assert.Equal(t, "in.json", ce.Path)
	assert.Contains(t, err.Error(), `in.json: read json: image "q.png": refused in strict mode: not found`)
}

func TestSniffImage(t *testing.T) {
	for _, tc := range []struct {
		data []byte
		want string
	}{
		{testimg.PNG(1, 1), "image/png"},
		{testimg.JPEG(1, 1), "image/jpeg"},
		{testimg.GIF(1, 1), "image/gif"},
		{testimg.WebP, "image/webp"},
		{testimg.SVG(3, 3), "image/svg+xml"},
		{[]byte("\xEF\xBB\xBF <!-- c --><!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n<svg>"), "image/svg+xml"},
		{[]byte(`<!DOCTYPE svg [<!ENTITY a "b">]><svg>`), ""},
		{[]byte("<svgx>"), ""},
		{[]byte("<html><svg>"), ""},
		{[]byte("RIFF\x00\x00\x00\x00WAVE"), ""},
		{nil, ""},
	} {
		assert.Equal(t, tc.want, convert.SniffImage(tc.data), "%q", tc.data)
	}
}

func TestDecodeImageConfigSVGSizes(t *testing.T) {
	for _, tc := range []struct {
		svg  string
		w, h int
	}{
		{`<svg width="2in" height="1in"/>`, 192, 96},
		{`<svg viewBox="0 0 300 150"/>`, 300, 150},
		{`<svg width="600" viewBox="0,0,300,150"/>`, 600, 300},
		{`<svg width="100%" height="100%"/>`, 0, 0},
		{`<svg width="72pt" height="1e400"/>`, 0, 0},
	} {
		info, err := convert.DecodeImageConfig([]byte(tc.svg))
		require.NoError(t, err, tc.svg)
		assert.Equal(t, []int{tc.w, tc.h}, []int{info.Width, info.Height}, tc.svg)
	}
}

func FuzzDecodeImageConfig(f *testing.F) {
	for _, b := range [][]byte{testimg.PNGDPI(3, 2, 300), testimg.JPEG(2, 2), testimg.GIF(2, 2), testimg.WebP, testimg.SVG(4, 4), testimg.Bomb(9, 9),
		testimg.JPEGOriented(2, 4, 6), testimg.WithEXIFOrientation(testimg.JPEG(2, 2), 3, binary.LittleEndian),
		[]byte("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x01\x00\x48\x00\x48\x00\x00"),
		[]byte(`<svg width="9" height="9"><image href="x.png" onload="f()"/><script/></svg>`)} {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := convert.DecodeImageConfig(data)
		if err == nil && info.MediaType != convert.MediaSVG {
			assert.Positive(t, info.Width)
			assert.Positive(t, info.Height)
		}
		assert.GreaterOrEqual(t, info.DPI, 0.0)
		assert.True(t, info.Orientation >= 0 && info.Orientation <= 8, "orientation %d", info.Orientation)
		if err == nil && int64(info.Width)*int64(info.Height) <= 1<<20 {
			// The whole check (pixels decoded, SVG scanned) on small
			// images only: a header may state 40 Mpx of a few bytes.
			_, _ = convert.CheckImage(data)
		}
	})
}

// BenchmarkResolveImages: 1000 images of 50 files (each read and decoded
// once), the cost linear in the images.
func BenchmarkResolveImages(b *testing.B) {
	dir := b.TempDir()
	var srcs []string
	for i := range 50 {
		name := "i" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26)) + ".png"
		if err := os.WriteFile(filepath.Join(dir, name), testimg.PNG(200, 150), 0o644); err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, name)
	}
	for b.Loop() {
		var parts []any
		for i := range 1000 {
			parts = append(parts, convert.Img(srcs[i%len(srcs)], "alt"))
		}
		d := &convert.Document{Blocks: []convert.Block{convert.Para(parts...)}}
		if err := convert.ResolveImages(context.Background(), d, &convert.Options{SourcePath: filepath.Join(dir, "in.md")}); err != nil {
			b.Fatal(err)
		}
	}
}
