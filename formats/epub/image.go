package epub

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image/png"
	"slices"
	"strconv"
	"strings"

	"github.com/docconv/docconv/convert"
)

// bookImage is an image stored in the container's images folder.
type bookImage struct {
	file      string // name inside the images folder: a hash of the bytes and the extension
	mediaType string // a core media type of EPUB 3.2: PNG, JPEG, GIF or SVG
	data      []byte
	cover     bool
}

// coverName is the cover page's file name (--epub-cover-image).
const coverName = "cover.xhtml"

// storedImage returns how res is stored in the book: as read, but a WebP
// re-encoded as PNG (WebP is no core media type before EPUB 3.3, and
// EPUBCheck 4 and older reading systems refuse it). The file name is the
// first 16 hex digits of the SHA-256 of the stored bytes: stable, unique,
// the same for the same image in any book.
func storedImage(res *convert.Resource) (*bookImage, error) {
	data, mt := res.Data, res.MediaType
	if mt == convert.MediaWebP {
		m, err := res.DecodeImage()
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, m); err != nil {
			return nil, err
		}
		data, mt = b.Bytes(), convert.MediaPNG
	}
	sum := sha256.Sum256(data)
	return &bookImage{file: hex.EncodeToString(sum[:8]) + "." + convert.ImageExt(mt), mediaType: mt, data: data}, nil
}

// collectImages stores the images of the document that convert.ResolveImages
// read (each file once) and gives the renderer their hrefs. Images not
// read are written as their alt text.
func (w *Writer) collectImages(b *book, r *renderer, d *convert.Document) error {
	r.images = map[*convert.Resource]*bookImage{}
	byFile := map[string]*bookImage{}
	var err error
	convert.Inspect(d.Blocks, func(n any) bool {
		im, ok := n.(*convert.Image)
		if !ok || im == nil || im.Resource == nil || err != nil {
			return true
		}
		if _, done := r.images[im.Resource]; done {
			return true
		}
		var bi *bookImage
		if bi, err = storedImage(im.Resource); err != nil {
			err = fmt.Errorf("epub: image %q: %w", im.Src, err)
			return false
		}
		if old, ok := byFile[bi.file]; ok {
			bi = old
		} else {
			byFile[bi.file] = bi
			b.images = append(b.images, bi)
		}
		r.images[im.Resource] = bi
		return true
	})
	return err
}

// addCover reads the cover image (Writer.CoverImage) and makes the cover
// page, first in the spine.
func (w *Writer) addCover(b *book) error {
	res, err := convert.LoadImageFile(context.Background(), w.CoverImage)
	if err != nil {
		return fmt.Errorf("epub: cover image: %w", err)
	}
	bi, err := storedImage(res)
	if err != nil {
		return fmt.Errorf("epub: cover image %s: %w", w.CoverImage, err)
	}
	bi.cover = true
	if i := slices.IndexFunc(b.images, func(x *bookImage) bool { return x.file == bi.file }); i >= 0 {
		b.images[i].cover = true
		bi = b.images[i]
	} else {
		b.images = append(b.images, bi)
	}
	var s strings.Builder
	s.WriteString(`<section class="cover" epub:type="cover"><img role="doc-cover" src="../images/` + bi.file + `" alt="`)
	(&renderer{}).attr(&s, b.title)
	s.WriteString(`"`)
	if res.Width > 0 && res.Height > 0 {
		s.WriteString(` width="` + strconv.Itoa(res.Width) + `" height="` + strconv.Itoa(res.Height) + `"`)
	}
	s.WriteString("/></section>\n")
	b.cover = &contentDoc{name: coverName, title: b.title, body: s.String()}
	return nil
}

// image renders an image: an <img> of the stored copy with its alt text
// (empty only for a decorative image) and size, or the alt text when the
// image was not read (remote, missing, refused).
func (r *renderer) image(b *strings.Builder, im *convert.Image) {
	bi := r.images[im.Resource]
	if im.Resource == nil || bi == nil {
		r.text(b, im.Alt)
		return
	}
	r.img(b, im, bi)
}

func (r *renderer) img(b *strings.Builder, im *convert.Image, bi *bookImage) {
	r.stats.images++
	if im.Alt == "" {
		r.stats.decorative++
	}
	b.WriteString(`<img src="../images/` + bi.file + `" alt="`)
	r.attr(b, im.Alt)
	b.WriteByte('"')
	if im.Title != "" {
		b.WriteString(` title="`)
		r.attr(b, im.Title)
		b.WriteByte('"')
	}
	if im.Width > 0 && im.Height > 0 {
		b.WriteString(` width="` + strconv.Itoa(im.Width) + `" height="` + strconv.Itoa(im.Height) + `"`)
	}
	b.WriteString("/>")
}

// figure renders a <figure>: the image (or its alt text, unless the
// caption says the same) and a <figcaption>; a table figure's caption
// comes first.
func (r *renderer) figure(b *strings.Builder, f *convert.FigureBlock) {
	// No id: links inside the book point at headings only (see link),
	// and an id of the source could repeat a heading's.
	b.WriteString("<figure>\n")
	caption := func() {
		if len(f.Caption) > 0 {
			b.WriteString("<figcaption" + dirAuto(f.Caption) + ">")
			r.inlines(b, f.Caption)
			b.WriteString("</figcaption>\n")
		}
	}
	if f.Table != nil {
		caption()
		r.table(b, f.Table)
	} else {
		if bi := r.images[f.Image.Resource]; f.Image.Resource != nil && bi != nil {
			r.img(b, f.Image, bi)
			b.WriteString("\n")
		} else if alt := f.Image.Alt; alt != "" && alt != convert.PlainText(f.Caption) {
			b.WriteString("<p>")
			r.text(b, alt)
			b.WriteString("</p>\n")
		}
		caption()
	}
	b.WriteString("</figure>\n")
}
