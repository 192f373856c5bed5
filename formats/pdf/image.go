package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"slices"
	"strconv"
	"strings"

	"github.com/docconv/docconv/convert"
)

// Images (figures of the document model).
//
// An image figure is one slice: never split, moved to the next page when
// it does not fit, and kept with its caption. It is drawn at its natural
// size — its pixels at the density the file states (PNG pHYs, JPEG JFIF),
// else at DefaultImageDPI — or narrower when that is wider than the
// column, the aspect ratio kept; an image taller than the text block less
// room for its caption is scaled down to fit.
//
// The image XObjects are written by this package, not by gofpdf: gofpdf
// orders its image objects by width and leaves images of the same width
// in map order (a different file on every run), cannot read interlaced or
// 16-bit PNG, and knows no WebP. Here a JPEG is embedded as it is
// (DCTDecode) unless it is CMYK; every other image (PNG, GIF, WebP, a CMYK
// JPEG) is decoded and written as 8-bit RGB or grey, compressed, with its
// transparency as a soft mask (/SMask), so that a PNG's transparent parts
// show the page. Objects are numbered in order of first use, after every
// object gofpdf writes (postProcess). An SVG is not rasterized — of the pure-Go
// renderers the Go proxy serves, srwiley/oksvg has had no commit since 2022 and
// tdewolff/canvas a large library with no release —: its alt text is
// shown, with a warning.

// DefaultImageDPI is the density at which an image that states none is
// drawn: 96 pixels an inch, the CSS pixel, as browsers show it.
const DefaultImageDPI = 96

// pdfImage is an image of the document, drawn as /ImN (N = index + 1).
type pdfImage struct {
	res *convert.Resource
}

// imageIndex returns the index of res among the images drawn, adding it.
func (t *setter) imageIndex(res *convert.Resource) int {
	if i, ok := t.imageIdx[res]; ok {
		return i
	}
	if t.imageIdx == nil {
		t.imageIdx = map[*convert.Resource]int{}
	}
	t.images = append(t.images, &pdfImage{res: res})
	t.imageIdx[res] = len(t.images) - 1
	return len(t.images) - 1
}

// drawable reports whether the PDF can show im's pixels.
func drawable(im *convert.Image) bool {
	return im != nil && im.Resource != nil && im.Resource.MediaType != convert.MediaSVG && im.Resource.Width > 0 && im.Resource.Height > 0
}

// figure lays out a FigureBlock: a table figure is its table with the
// figure's caption; an image figure is the image slice and its caption,
// kept together.
func (t *setter) figure(f *convert.FigureBlock, c ctx, gap float64) {
	if f.Table != nil {
		tb := *f.Table
		if len(f.Caption) > 0 {
			tb.Caption = f.Caption
		}
		t.table(&tb, c, gap)
		return
	}
	im := f.Image
	fig := t.newElem(roleFigure, t.parent)
	capSize := t.size * 0.9
	captionLines := 0
	if len(f.Caption) > 0 {
		captionLines = 2
	}
	if im.Alt != "" {
		// PDF/UA asks every Figure for an /Alt, also one whose image is
		// not drawn and whose alternative text stands in its place.
		t.elems[fig].alt = im.Alt
	}
	if !drawable(im) {
		t.unshown(im)
		// The alt text stands in the image's place, unless the caption
		// says the same.
		if alt := im.Alt; alt != "" && alt != convert.PlainText(f.Caption) {
			var p para
			t.addText(&p, "["+alt+"]", runFmt{size: capSize, color: grey, tag: fig}, -1)
			t.paraSlices(&p, c, 0, alignCenter, capSize, gap)
			gap = 0
		}
	} else {
		w, h := t.imageSize(im.Resource, c.w, captionLines, capSize)
		tag := fig
		if im.Alt == "" {
			tag = tagArtifact // decorative
		}
		idx := t.imageIndex(im.Resource)
		t.emit(c, slice{h: h, before: max(gap, t.size*0.5), keep: len(f.Caption) > 0,
			items: []item{{kind: itImage, x: c.x + (c.w-w)/2, y: 0, w: w, h: h, dest: idx, tag: tag}}})
		gap = t.size * 0.3
	}
	if len(f.Caption) > 0 {
		var p para
		t.addInlines(&p, f.Caption, runFmt{size: capSize, color: black, tag: t.newElem("Caption", fig)})
		idx := t.paraSlices(&p, c, 0, alignCenter, capSize, gap)
		if len(idx) > 0 {
			t.at(idx[len(idx)-1]).h += t.size * 0.5 // space below the figure
		}
	}
}

// imageParagraph lays out a paragraph that holds only images (and white
// space, line breaks, links around them), at least one drawable — a
// photo without a caption, a row of badges — as the images themselves,
// one under the other, each as a figure without a caption. It reports
// whether it did; other paragraphs are text (an image among words is its
// alt text).
func (t *setter) imageParagraph(p *convert.Paragraph, c ctx, gap float64) bool {
	var imgs []*convert.Image
	ok := true
	var scan func(ins []convert.Inline)
	scan = func(ins []convert.Inline) {
		for _, in := range ins {
			switch x := in.(type) {
			case *convert.Image:
				imgs = append(imgs, x)
			case *convert.Text:
				if strings.TrimSpace(x.Text) != "" {
					ok = false
				}
			case *convert.LineBreak:
			case *convert.Link:
				scan(x.Inlines)
			default:
				ok = false
			}
		}
	}
	scan(p.Inlines)
	if !ok || len(imgs) == 0 || !slices.ContainsFunc(imgs, drawable) {
		return false
	}
	for _, im := range imgs {
		t.figure(&convert.FigureBlock{Image: im}, c, gap)
		gap = t.size * 0.3
	}
	return true
}

// unshown counts an image the PDF shows as its alt text.
func (t *setter) unshown(im *convert.Image) {
	switch {
	case im.Resource != nil && im.Resource.MediaType == convert.MediaSVG:
		t.content.svgImages++
	default:
		t.content.unreadImages++
	}
}

// imageSize returns the size in pt of an image drawn in a column of width
// measure: its natural size, scaled down to the column and to the text
// block's height less captionLines lines of the caption.
func (t *setter) imageSize(res *convert.Resource, measure float64, captionLines int, capSize float64) (w, h float64) {
	dpi := res.DPI
	if dpi < 10 || dpi > 10000 {
		dpi = DefaultImageDPI
	}
	w = float64(res.Width) * 72 / dpi
	h = float64(res.Height) * 72 / dpi
	if w > measure {
		h, w = h*measure/w, measure
	}
	maxH := t.pageH - t.top - t.bottom - float64(captionLines)*t.pitch(capSize) - t.size
	if h > maxH && maxH > 0 {
		w, h = w*maxH/h, maxH
	}
	return w, h
}

// drawImage is the content-stream operator sequence drawing image idx in
// the box (x, y, w, h), y from the top of a page of height pageH, its
// stored pixels turned by their EXIF orientation (1 to 8; 0 is 1).
func drawImage(idx, orientation int, x, y, w, h, pageH float64) string {
	a, b, c, d, e, f := imageMatrix(orientation, x, pageH-y-h, w, h)
	return fmt.Sprintf("q %.3f %.3f %.3f %.3f %.3f %.3f cm /Im%d Do Q", a, b, c, d, e, f, idx+1)
}

// imageMatrix returns the transformation (cm) that maps an image's unit
// square, its first stored row at the top, onto the box of width w and
// height h whose lower-left corner is (x, y), so that the image appears
// as its EXIF orientation o says: 2 mirrored left to right, 3 turned half
// a turn, 4 mirrored top to bottom, 5 mirrored along the diagonal from
// the top left, 6 turned a quarter clockwise, 7 mirrored along the other
// diagonal, 8 turned a quarter counter-clockwise. For 5 to 8 the box's
// width is the stored height.
func imageMatrix(o int, x, y, w, h float64) (a, b, c, d, e, f float64) {
	switch o {
	case 2:
		return -w, 0, 0, h, x + w, y
	case 3:
		return -w, 0, 0, -h, x + w, y + h
	case 4:
		return w, 0, 0, -h, x, y + h
	case 5:
		return 0, -h, -w, 0, x + w, y + h
	case 6:
		return 0, -h, w, 0, x, y + h
	case 7:
		return 0, h, w, 0, x, y
	case 8:
		return 0, h, -w, 0, x + w, y
	}
	return w, 0, 0, h, x, y
}

// imageObjects returns the objects of the images, numbered from first:
// each image, then its soft mask when it has one. It also returns the
// /XObject entries of the resource dictionary.
func imageObjects(images []*pdfImage, first int) (objs [][]byte, xobjects string, err error) {
	var dict bytes.Buffer
	num := first
	for i, im := range images {
		obj, mask, err := encodeImage(im.res)
		if err != nil {
			return nil, "", fmt.Errorf("pdf: image %s: %w", im.res.Name, err)
		}
		fmt.Fprintf(&dict, "/Im%d %d 0 R\n", i+1, num)
		head := fmt.Sprintf("%d 0 obj\n<</Type /XObject\n/Subtype /Image\n/Width %d\n/Height %d\n%s", num, obj.w, obj.h, obj.dict)
		if mask != nil {
			head += fmt.Sprintf("/SMask %d 0 R\n", num+1)
		}
		objs = append(objs, streamObject(head, obj.data))
		num++
		if mask != nil {
			objs = append(objs, streamObject(fmt.Sprintf("%d 0 obj\n<</Type /XObject\n/Subtype /Image\n/Width %d\n/Height %d\n%s", num, mask.w, mask.h, mask.dict), mask.data))
			num++
		}
	}
	return objs, dict.String(), nil
}

func streamObject(head string, data []byte) []byte {
	out := make([]byte, 0, len(head)+len(data)+64)
	out = append(out, head...)
	out = append(out, "/Length "...)
	out = strconv.AppendInt(out, int64(len(data)), 10)
	out = append(out, ">>\nstream\n"...)
	out = append(out, data...)
	return append(out, "\nendstream\nendobj\n"...)
}

// encoded is an image's stream and its dictionary entries (colour space,
// bits, filter).
type encoded struct {
	w, h int
	dict string
	data []byte
}

// encodeImage returns the image stream of res and, when it has
// transparency, its soft mask.
func encodeImage(res *convert.Resource) (*encoded, *encoded, error) {
	if res.MediaType == convert.MediaJPEG {
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(res.Data))
		if err != nil {
			return nil, nil, err
		}
		switch cfg.ColorModel {
		case color.YCbCrModel, color.RGBAModel:
			return &encoded{w: cfg.Width, h: cfg.Height, dict: "/ColorSpace /DeviceRGB\n/BitsPerComponent 8\n/Filter /DCTDecode\n", data: res.Data}, nil, nil
		case color.GrayModel:
			return &encoded{w: cfg.Width, h: cfg.Height, dict: "/ColorSpace /DeviceGray\n/BitsPerComponent 8\n/Filter /DCTDecode\n", data: res.Data}, nil, nil
		}
		// CMYK (Adobe's inverted or not): decoded below.
	}
	m, err := res.DecodeImage()
	if err != nil {
		return nil, nil, err
	}
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	gray := isGray(m)
	comps := 3
	if gray {
		comps = 1
	}
	pix := make([]byte, 0, w*h*comps)
	var alpha []byte
	opaque := isOpaque(m)
	if !opaque {
		alpha = make([]byte, 0, w*h)
	}
	switch p := m.(type) {
	case *image.NRGBA:
		// PNG with alpha: the pixels as they are, no conversion per pixel.
		for y := range h {
			row := p.Pix[y*p.Stride : y*p.Stride+w*4]
			for x := 0; x < len(row); x += 4 {
				pix = append(pix, row[x], row[x+1], row[x+2])
				if alpha != nil {
					alpha = append(alpha, row[x+3])
				}
			}
		}
	case *image.Gray:
		for y := range h {
			pix = append(pix, p.Pix[y*p.Stride:y*p.Stride+w]...)
		}
	default:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				c := color.NRGBAModel.Convert(m.At(x, y)).(color.NRGBA)
				if gray {
					pix = append(pix, c.R)
				} else {
					pix = append(pix, c.R, c.G, c.B)
				}
				if alpha != nil {
					alpha = append(alpha, c.A)
				}
			}
		}
	}
	cs := "/DeviceRGB"
	if gray {
		cs = "/DeviceGray"
	}
	img := &encoded{w: w, h: h, dict: "/ColorSpace " + cs + "\n/BitsPerComponent 8\n/Filter /FlateDecode\n", data: deflate(pix)}
	if alpha == nil {
		return img, nil, nil
	}
	return img, &encoded{w: w, h: h, dict: "/ColorSpace /DeviceGray\n/BitsPerComponent 8\n/Filter /FlateDecode\n", data: deflate(alpha)}, nil
}

func deflate(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&buf, zlib.DefaultCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// isOpaque reports whether every pixel of m is opaque.
func isOpaque(m image.Image) bool {
	if o, ok := m.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	b := m.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if _, _, _, a := m.At(x, y).RGBA(); a != 0xffff {
				return false
			}
		}
	}
	return true
}

// isGray reports whether m is a grey image (its colour model is grey).
func isGray(m image.Image) bool {
	switch m.ColorModel() {
	case color.GrayModel, color.Gray16Model:
		return true
	}
	return false
}
