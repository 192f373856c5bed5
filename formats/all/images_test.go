package all_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/normalize"
	"github.com/docconv/docconv/golden"
	"github.com/docconv/docconv/internal/testimg"
	"github.com/docconv/docconv/internal/validate"
)

// imageFixture is the Markdown article with images of every type, a table
// and a remote image (see testdata/images/SOURCES.md).
var imageFixture = filepath.Join("..", "..", "testdata", "images", "article.md")

// readImages reads the fixture as the CLI does.
func readImages(t testing.TB, opts *convert.Options) *convert.Document {
	t.Helper()
	src, err := os.ReadFile(imageFixture)
	require.NoError(t, err)
	if opts == nil {
		opts = &convert.Options{}
	}
	opts.SourcePath = imageFixture
	opts.Transforms = normalize.Default()
	d, err := convert.Read(context.Background(), bytes.NewReader(src), opts)
	require.NoError(t, err)
	return d
}

func writeAs(t testing.TB, d *convert.Document, opts *convert.Options) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, convert.Write(context.Background(), &b, d, opts))
	return b.Bytes()
}

func TestImagesRead(t *testing.T) {
	rep := &convert.Report{}
	d := readImages(t, &convert.Options{Report: rep})
	assert.Equal(t, 8, rep.Get("images", "image files read"))
	assert.Equal(t, 1, rep.Get("images", "remote images not fetched"))
	assert.Equal(t, []string{`image "https://go.dev/images/go-logo-blue.svg": remote images are never fetched; its alt text is shown (HTML output links to it)`}, rep.Warnings())
	figs, types := 0, map[string]int{}
	convert.Inspect(d.Blocks, func(n any) bool {
		switch x := n.(type) {
		case *convert.FigureBlock:
			figs++
		case *convert.Image:
			if x.Resource != nil {
				types[x.MediaType]++
				assert.Positive(t, x.Width, x.Src)
			}
		}
		return true
	})
	assert.Equal(t, 8, figs)
	assert.Equal(t, map[string]int{"image/png": 4, "image/jpeg": 1, "image/gif": 2, "image/webp": 1, "image/svg+xml": 1}, types, "the GIF is shown twice, read once")
}

var reImg = regexp.MustCompile(`<img [^>]*>`)

func TestImagesHTML(t *testing.T) {
	d := readImages(t, nil)
	linked := string(writeAs(t, d, &convert.Options{To: "html"}))
	embedded := string(writeAs(t, d, &convert.Options{To: "html", EmbedResources: true}))
	for name, page := range map[string]string{"linked": linked, "embedded": embedded} {
		imgs := reImg.FindAllString(page, -1)
		assert.Len(t, imgs, 10, name)
		for _, im := range imgs {
			assert.Contains(t, im, ` alt="`, name)
		}
		assert.Equal(t, 8, strings.Count(page, "<figure>"), name)
		assert.Equal(t, 8, strings.Count(page, "<figcaption>"), name)
		assert.Contains(t, page, `src="https://go.dev/images/go-logo-blue.svg" alt="a remote image"`, name)
		assert.Contains(t, page, `width="280" height="360"`, name)
	}
	assert.Contains(t, linked, `<img src="img/image-package-01.png" alt="The point (2, 1) on the integer grid" title="image.Point{2, 1}" width="400" height="300" />`)
	assert.NotContains(t, linked, "data:")
	assert.Equal(t, 9, strings.Count(embedded, `src="data:image/`))
	for _, typ := range []string{"png", "jpeg", "gif", "webp", "svg+xml"} {
		assert.Contains(t, embedded, `src="data:image/`+typ+`;base64,`)
	}
}

// TestImagesMarkdownRoundTrip: Markdown written from the fixture reads
// back to the same Markdown (figures stay figures, inline images inline).
func TestImagesMarkdownRoundTrip(t *testing.T) {
	d := readImages(t, nil)
	md := writeAs(t, d, &convert.Options{To: "markdown"})
	assert.Contains(t, string(md), "![Two rectangles and their *intersection*](img/image-package-04.png)\n")
	assert.Contains(t, string(md), "like this GIF ![a small GIF frame](img/frame.gif) here.")
	d2, err := convert.Read(context.Background(), bytes.NewReader(md), &convert.Options{From: "markdown", SourcePath: imageFixture})
	require.NoError(t, err)
	assert.Equal(t, string(md), string(writeAs(t, d2, &convert.Options{To: "markdown"})))
	j1 := writeAs(t, d, &convert.Options{To: "json"})
	assert.Equal(t, string(j1), string(writeAs(t, d2, &convert.Options{To: "json"})), "the model survives too")
}

func TestImagesText(t *testing.T) {
	txt := string(writeAs(t, readImages(t, nil), &convert.Options{To: "text"}))
	for _, alt := range []string{"The point (2, 1) on the integer grid\n", "like this GIF a small GIF frame here", "Two rectangles and their intersection\n", "never fetched: a remote image only"} {
		assert.Contains(t, txt, alt)
	}
}

func TestImagesEPUB(t *testing.T) {
	d := readImages(t, nil)
	cover := filepath.Join("..", "..", "testdata", "images", "img", "gopher.jpg")
	plain := writeAs(t, d, &convert.Options{To: "epub"})
	withCover := writeAs(t, d, &convert.Options{To: "epub", CoverImage: cover})
	assert.Equal(t, withCover, writeAs(t, d, &convert.Options{To: "epub", CoverImage: cover}), "deterministic")
	files := unzipAll(t, withCover)
	var images []string
	for name := range files {
		if strings.HasPrefix(name, "EPUB/images/") {
			images = append(images, name)
		}
	}
	assert.Len(t, images, 8, "8 images, the WebP as PNG; the cover is the gopher already shown")
	opf := string(files["EPUB/package.opf"])
	for _, mt := range []string{"image/png", "image/jpeg", "image/gif", "image/svg+xml"} {
		assert.Contains(t, opf, `media-type="`+mt+`"`)
	}
	assert.NotContains(t, opf, "image/webp")
	assert.Regexp(t, `href="images/[0-9a-f]{16}\.jpg" media-type="image/jpeg" properties="cover-image"`, opf)
	assert.Contains(t, opf, `<meta property="schema:accessMode">visual</meta>`)
	assert.Contains(t, opf, `<meta property="schema:accessibilityFeature">alternativeText</meta>`)
	var body strings.Builder
	for name, data := range files {
		if strings.HasPrefix(name, "EPUB/xhtml/section") {
			body.Write(data)
		}
	}
	imgs := reImg.FindAllString(body.String(), -1)
	assert.Len(t, imgs, 9, "the remote image is its alt text")
	for _, im := range imgs {
		assert.Regexp(t, `src="\.\./images/[0-9a-f]{16}\.(png|jpg|gif|svg)" alt="`, im)
	}
	assert.Contains(t, body.String(), "never fetched: a remote image only")
	assert.Equal(t, 8, strings.Count(body.String(), "<figcaption>"))
	for name, r := range validate.EPUBCheck(t, map[string][]byte{"plain.epub": plain, "cover.epub": withCover}) {
		assert.True(t, r.Clean(), "%s: %s", name, r.Output)
	}
}

func TestImagesEPUBCoverErrors(t *testing.T) {
	d := readImages(t, nil)
	err := convert.Write(context.Background(), io.Discard, d, &convert.Options{To: "epub", CoverImage: imageFixture})
	if assert.Error(t, err) {
		assert.Contains(t, err.Error(), "cover image: ")
		assert.Contains(t, err.Error(), "article.md: not a PNG, JPEG, GIF, WebP or SVG image")
	}
	err = convert.Write(context.Background(), io.Discard, d, &convert.Options{To: "epub", CoverImage: "no-such.png"})
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

func unzipAll(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		out[f.Name] = b
	}
	return out
}

func TestImagesPDF(t *testing.T) {
	rep := &convert.Report{}
	d := readImages(t, nil)
	pdf := writeAs(t, d, &convert.Options{To: "pdf", Report: rep})
	assert.Equal(t, pdf, writeAs(t, d, &convert.Options{To: "pdf"}), "deterministic")
	validate.QPDFCheck(t, pdf)
	tr, err := golden.CheckTaggedPDF(pdf)
	require.NoError(t, err)
	assert.Empty(t, tr.Problems, "every image drawn inside its Figure's marked content")
	assert.Equal(t, 8, bytes.Count(pdf, []byte("/Subtype /Image\n/Width")), "7 images drawn (the SVG is not) and 1 soft mask")
	assert.Equal(t, 1, bytes.Count(pdf, []byte("/SMask ")), "the PNG with alpha has a soft mask")
	assert.Equal(t, 1, bytes.Count(pdf, []byte("/Filter /DCTDecode")), "the JPEG is embedded as it is")
	assert.Equal(t, 2, rep.Get("pdf", "images among the text shown as their alt text"), "the GIF among the text and the remote image")
	assert.Contains(t, strings.Join(rep.Warnings(), "\n"), "pdf: 1 SVG image shown as its alt text")
	if tool, ok := validate.Have(t, "pdfimages"); ok {
		p := filepath.Join(t.TempDir(), "i.pdf")
		require.NoError(t, os.WriteFile(p, pdf, 0o644))
		out, err := exec.Command(tool, "-list", p).Output()
		require.NoError(t, err)
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
		assert.Len(t, lines, 8, "pdfimages -list:\n%s", out)
		var kinds []string
		for _, l := range lines {
			f := strings.Fields(l)
			kinds = append(kinds, f[2]+" "+f[3]+"x"+f[4]+" "+f[8])
		}
		assert.Equal(t, []string{"image 400x300 image", "image 400x300 image", "image 400x300 image", "image 280x360 jpeg",
			"image 150x100 image", "image 120x80 image", "smask 120x80 image", "image 64x48 image"}, kinds)
	}
	if txt, ok := validate.PDFText(t, pdf); ok {
		for _, s := range []string{"The point (2, 1) on the integer grid", "The Go gopher at two", "A vector diagram: a circle in a frame (SVG)", "like this GIF a small GIF frame here"} {
			assert.Contains(t, txt, s)
		}
	}
	for _, alt := range []string{"/Alt (The Go gopher at two)", `/Alt (Three gophers in blue, purple and pink \(WebP\))`} {
		assert.True(t, bytes.Contains(pdf, []byte(alt)) || pdfHasAlt(t, pdf, alt), alt)
	}
}

// pdfHasAlt looks for alt in the PDF's streams too (object streams are
// compressed).
func pdfHasAlt(t testing.TB, pdf []byte, alt string) bool {
	t.Helper()
	tool, ok := validate.Have(t, "qpdf")
	if !ok {
		return true
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "out.pdf")
	require.NoError(t, os.WriteFile(in, pdf, 0o644))
	require.NoError(t, exec.Command(tool, "--qdf", "--object-streams=disable", in, out).Run())
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	return bytes.Contains(b, []byte(alt))
}

// TestImagesSavedPage: a page saved "complete" keeps its images in
// NAME_files/ beside it; they are read relative to the HTML file and the
// figure becomes a figure in every output.
func TestImagesSavedPage(t *testing.T) {
	dir := t.TempDir()
	jpg, err := os.ReadFile(filepath.Join("..", "..", "testdata", "images", "img", "gopher.jpg"))
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "page_files"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "page_files", "g.jpg"), jpg, 0o644))
	page := `<!DOCTYPE html><html lang="en"><head><title>Saved</title></head><body><nav>menu</nav>
<article><h1>Saved</h1><p>Text of the article, a sentence or two long.</p>
<figure><picture><source srcset="page_files/g.webp" type="image/webp"><img src="page_files/g.jpg" alt="The gopher"></picture>
<figcaption>The Go <em>gopher</em>.</figcaption></figure><p>More text.</p></article></body></html>`
	path := filepath.Join(dir, "page.html")
	rep := &convert.Report{}
	d, err := convert.Read(context.Background(), strings.NewReader(page), &convert.Options{SourcePath: path, Report: rep})
	require.NoError(t, err)
	assert.Empty(t, rep.Warnings())
	var fig *convert.FigureBlock
	for _, b := range d.Blocks {
		if f, ok := b.(*convert.FigureBlock); ok {
			fig = f
		}
	}
	require.NotNil(t, fig)
	require.NotNil(t, fig.Image.Resource)
	assert.Equal(t, "The gopher", fig.Image.Alt)
	assert.Equal(t, []int{280, 360}, []int{fig.Image.Width, fig.Image.Height})
	assert.Equal(t, "The Go gopher.", convert.PlainText(fig.Caption))
	assert.Contains(t, string(writeAs(t, d, &convert.Options{To: "html", EmbedResources: true})), `<img src="data:image/jpeg;base64,`)
}

// TestImagesPDFSizes checks the size rule with pdfimages' densities: a
// PNG stating 300 dpi is drawn at 300 dpi, one stating none at 96 dpi, one
// wider than the column at the column width, one taller than the page
// within the page; a figure is never split and its caption follows it.
func TestImagesPDFSizes(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string][]byte{
		"dpi300.png": testimg.PNGDPI(600, 300, 300),
		"plain.png":  testimg.PNG(192, 96),
		"wide.png":   testimg.PNG(3000, 300),
		"tall.png":   testimg.PNG(200, 4000),
	} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	src := "# Sizes\n\n![Three hundred dpi](dpi300.png)\n\n![Plain](plain.png)\n\n![Wide](wide.png)\n\n![Tall](tall.png)\n\n" +
		"![](plain.png) [![badge](dpi300.png)](https://example.com/)\n"
	d, err := convert.Read(context.Background(), strings.NewReader(src), &convert.Options{From: "markdown", SourcePath: filepath.Join(dir, "s.md")})
	require.NoError(t, err)
	pdf := writeAs(t, d, &convert.Options{To: "pdf"})
	tool, ok := validate.Have(t, "pdfimages")
	if !ok {
		return
	}
	p := filepath.Join(dir, "s.pdf")
	require.NoError(t, os.WriteFile(p, pdf, 0o644))
	out, err := exec.Command(tool, "-list", p).Output()
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
	require.Len(t, lines, 6, "%s", out)
	ppi := func(i int) (page int, x, y float64) {
		f := strings.Fields(lines[i])
		page, _ = strconv.Atoi(f[0])
		x, _ = strconv.ParseFloat(f[12], 64)
		y, _ = strconv.ParseFloat(f[13], 64)
		return
	}
	_, x, y := ppi(0)
	assert.Equal(t, []float64{300, 300}, []float64{x, y}, "the density the PNG states")
	_, x, y = ppi(1)
	assert.Equal(t, []float64{96, 96}, []float64{x, y}, "no density stated: 96 dpi")
	_, x, y = ppi(2)
	assert.Greater(t, x, 96.0, "wider than the column: scaled down")
	assert.InDelta(t, x, y, 1, "aspect kept")
	pg, x, y := ppi(3)
	assert.Greater(t, y, 4000/(841.89/72), "taller than the page: scaled to fit")
	assert.InDelta(t, x, y, 1, "aspect kept")
	if txt, ok := validate.PDFText(t, pdf); ok {
		pages := strings.Split(txt, "\f")
		require.GreaterOrEqual(t, len(pages), pg)
		assert.Contains(t, pages[pg-1], "Tall", "the caption is on the image's page")
	}
	// A paragraph of images only (no caption: an empty alt, a linked
	// badge) shows them as images too, each file stored once.
	_, x, _ = ppi(4)
	assert.Equal(t, 96.0, x)
	_, x, _ = ppi(5)
	assert.Equal(t, 300.0, x)
	assert.Equal(t, 4, bytes.Count(pdf, []byte("/Subtype /Image\n/Width")))
}
