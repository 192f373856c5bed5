package convert

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // registers the GIF decoder for DecodeImageConfig
	_ "image/jpeg"
	_ "image/png"
	"io"
	"math"
	"strconv"
	"strings"

	_ "golang.org/x/image/webp" // registers the WebP decoder
)

// The image types ResolveImages accepts, sniffed from the bytes.
const (
	MediaPNG  = "image/png"
	MediaJPEG = "image/jpeg"
	MediaGIF  = "image/gif"
	MediaWebP = "image/webp"
	MediaSVG  = "image/svg+xml"
)

// ImageExt returns the usual file extension of an image media type,
// without the dot ("png", "jpg", "gif", "webp", "svg"), "" for others.
func ImageExt(mediaType string) string {
	switch mediaType {
	case MediaPNG:
		return "png"
	case MediaJPEG:
		return "jpg"
	case MediaGIF:
		return "gif"
	case MediaWebP:
		return "webp"
	case MediaSVG:
		return "svg"
	}
	return ""
}

// SniffImage returns the media type of an image from its first bytes:
// PNG, JPEG, GIF and WebP by their signatures, SVG by an <svg> root
// element (after an XML declaration, comments and a document type). It
// returns "" for anything else. The file name is never consulted: a JPEG
// named .png is a JPEG.
func SniffImage(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return MediaPNG
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return MediaJPEG
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return MediaGIF
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return MediaWebP
	}
	if isSVG(data) {
		return MediaSVG
	}
	return ""
}

// isSVG reports whether data starts, after a byte order mark, white space,
// an XML declaration, comments, processing instructions and a document
// type, with an <svg element.
func isSVG(data []byte) bool {
	head := data[:min(len(data), 4096)]
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	for {
		head = bytes.TrimLeft(head, " \t\r\n")
		switch {
		case bytes.HasPrefix(head, []byte("<?")):
			i := bytes.Index(head, []byte("?>"))
			if i < 0 {
				return false
			}
			head = head[i+2:]
		case bytes.HasPrefix(head, []byte("<!--")):
			i := bytes.Index(head[4:], []byte("-->"))
			if i < 0 {
				return false
			}
			head = head[4+i+3:]
		case bytes.HasPrefix(head, []byte("<!")):
			// <!DOCTYPE svg …> (an internal subset is not supported).
			i := bytes.IndexByte(head, '>')
			if i < 0 || bytes.IndexByte(head[:i], '[') >= 0 {
				return false
			}
			head = head[i+1:]
		default:
			return bytes.HasPrefix(head, []byte("<svg")) && len(head) > 4 && strings.ContainsRune(" \t\r\n>/", rune(head[4])) ||
				bytes.HasPrefix(head, []byte("<svg:svg"))
		}
	}
}

// ImageInfo is what DecodeImageConfig learns from an image's header.
type ImageInfo struct {
	MediaType string
	// Width and Height are the size in pixels as the image is shown: for
	// a JPEG whose EXIF orientation turns it a quarter (5 to 8), the
	// stored height and width.
	Width, Height int
	DPI           float64 // 0 when the file states no density
	// Orientation is the EXIF orientation of a JPEG (1 to 8, TIFF's
	// tag 274: 1 as stored, 3 turned half a turn, 6 a quarter clockwise,
	// 8 a quarter counter-clockwise, 2, 4, 5, 7 mirrored); 0 when the
	// file states none or an invalid one. Cameras and phones store
	// photos as the sensor read them and state how to turn them.
	Orientation int
}

// errNotImage is the error for bytes of no supported image type.
var errNotImage = errors.New("not a PNG, JPEG, GIF, WebP or SVG image")

// DecodeImageConfig sniffs data's type and reads its size from the header
// (image.DecodeConfig; for SVG its width and height or viewBox) and its
// density (PNG pHYs, JPEG JFIF), without decoding the pixels.
func DecodeImageConfig(data []byte) (ImageInfo, error) {
	info := ImageInfo{MediaType: SniffImage(data)}
	switch info.MediaType {
	case "":
		return info, errNotImage
	case MediaSVG:
		w, h, err := svgSize(data)
		info.Width, info.Height = w, h
		return info, err
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return info, fmt.Errorf("corrupt %s header: %w", ImageExt(info.MediaType), err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return info, fmt.Errorf("%s image of %d×%d pixels", ImageExt(info.MediaType), cfg.Width, cfg.Height)
	}
	info.Width, info.Height = cfg.Width, cfg.Height
	switch info.MediaType {
	case MediaPNG:
		info.DPI = pngDPI(data)
	case MediaJPEG:
		info.DPI = jfifDPI(data)
		info.Orientation = exifOrientation(data)
		if info.Orientation >= 5 {
			info.Width, info.Height = info.Height, info.Width
		}
	}
	return info, nil
}

// exifOrientation returns the orientation (1 to 8) of a JPEG's EXIF APP1
// segment, 0 when it has none or an invalid one. Only the segments before
// the first scan are read, and every offset is checked against the
// segment.
func exifOrientation(data []byte) int {
	if seg := jpegSegment(data, 0xE1, "Exif\x00\x00", 6); seg != nil {
		return tiffOrientation(seg[6:])
	}
	return 0
}

// jpegSegment returns the body of the first segment of a JPEG before its
// first scan with the given marker, whose body starts with prefix and is
// at least minLen bytes long, or nil.
func jpegSegment(data []byte, marker byte, prefix string, minLen int) []byte {
	p := data[2:]
	for len(p) >= 4 && p[0] == 0xFF {
		m := p[1]
		if m == 0xDA || m == 0xD9 { // start of scan, end of image
			return nil
		}
		n := int(binary.BigEndian.Uint16(p[2:4]))
		if n < 2 || 2+n > len(p) {
			return nil
		}
		seg := p[4 : 2+n]
		if m == marker && len(seg) >= max(minLen, len(prefix)) && string(seg[:len(prefix)]) == prefix {
			return seg
		}
		p = p[2+n:]
	}
	return nil
}

// tiffOrientation reads tag 274 (Orientation) of the first IFD of a TIFF
// structure (EXIF's), 0 when absent or out of range.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(t[:4]) {
	case "II*\x00":
		bo = binary.LittleEndian
	case "MM\x00*":
		bo = binary.BigEndian
	default:
		return 0
	}
	off := uint64(bo.Uint32(t[4:8]))
	if off+2 > uint64(len(t)) {
		return 0
	}
	count := uint64(bo.Uint16(t[off:]))
	entries := t[off+2:]
	if count*12 > uint64(len(entries)) {
		count = uint64(len(entries)) / 12
	}
	for i := range count {
		e := entries[i*12 : i*12+12]
		if bo.Uint16(e[0:2]) != 274 {
			continue
		}
		// Type SHORT (3), count 1: the value is in the first two bytes
		// of the value field.
		if bo.Uint16(e[2:4]) != 3 || bo.Uint32(e[4:8]) != 1 {
			return 0
		}
		if v := int(bo.Uint16(e[8:10])); v >= 1 && v <= 8 {
			return v
		}
		return 0
	}
	return 0
}

// pngDPI returns the horizontal density of a PNG's pHYs chunk (unit:
// metre), 0 when it has none before the image data.
func pngDPI(data []byte) float64 {
	p := data[8:]
	for len(p) >= 12 {
		n := binary.BigEndian.Uint32(p[:4])
		typ := string(p[4:8])
		if typ == "IDAT" || typ == "IEND" || uint64(n)+12 > uint64(len(p)) {
			return 0
		}
		if typ == "pHYs" && n == 9 {
			x := binary.BigEndian.Uint32(p[8:12])
			if p[16] == 1 && x > 0 {
				return roundDPI(float64(x) * 0.0254)
			}
			return 0
		}
		p = p[12+n:]
	}
	return 0
}

// jfifDPI returns the horizontal density of a JPEG's JFIF APP0 segment,
// 0 when it has none or states only an aspect ratio.
func jfifDPI(data []byte) float64 {
	seg := jpegSegment(data, 0xE0, "JFIF\x00", 12)
	if seg == nil {
		return 0
	}
	unit, x := seg[7], binary.BigEndian.Uint16(seg[8:10])
	switch {
	case x == 0:
		return 0
	case unit == 1:
		return float64(x)
	case unit == 2:
		return roundDPI(float64(x) * 2.54)
	}
	return 0
}

// roundDPI rounds a density converted from metres or centimetres to the
// whole number it was meant to be (3780 dots a metre is 96.012 dpi, 5669
// is 143.99), else to a hundredth.
func roundDPI(v float64) float64 {
	if r := math.Round(v); math.Abs(v-r) < 0.1 {
		return r
	}
	return math.Round(v*100) / 100
}

// svgSize reads the width and height of an SVG's root element in CSS
// pixels (px, pt, pc, in, cm, mm; unitless is px), else from its viewBox;
// 0, 0 when it states neither (a percentage). It uses encoding/xml, which
// expands no external entity.
func svgSize(data []byte) (int, int, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return 0, 0, errors.New("corrupt svg: no root element")
		}
		if err != nil {
			return 0, 0, fmt.Errorf("corrupt svg: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if se.Name.Local != "svg" {
			return 0, 0, fmt.Errorf("corrupt svg: root element <%s>", se.Name.Local)
		}
		var w, h float64
		var vb []float64
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "width":
				w = cssLength(a.Value)
			case "height":
				h = cssLength(a.Value)
			case "viewBox":
				for _, f := range strings.FieldsFunc(a.Value, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' || r == '\r' }) {
					v, err := strconv.ParseFloat(f, 64)
					if err != nil {
						vb = nil
						break
					}
					vb = append(vb, v)
				}
			}
		}
		if (w <= 0 || h <= 0) && len(vb) == 4 && vb[2] > 0 && vb[3] > 0 {
			switch {
			case w > 0:
				h = w * vb[3] / vb[2]
			case h > 0:
				w = h * vb[2] / vb[3]
			default:
				w, h = vb[2], vb[3]
			}
		}
		if w <= 0 || h <= 0 || w > 1<<24 || h > 1<<24 {
			return 0, 0, nil
		}
		return max(1, int(math.Round(w))), max(1, int(math.Round(h))), nil
	}
}

// cssLength converts an SVG length to CSS pixels (96 a inch); 0 for a
// percentage or anything unreadable.
func cssLength(s string) float64 {
	s = strings.TrimSpace(s)
	unit := 1.0
	for _, u := range []struct {
		suffix string
		px     float64
	}{{"px", 1}, {"pt", 96.0 / 72}, {"pc", 16}, {"in", 96}, {"cm", 96 / 2.54}, {"mm", 96 / 25.4}} {
		if strings.HasSuffix(s, u.suffix) {
			s, unit = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.px
			break
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 {
		return 0
	}
	return v * unit
}

// checkSVG refuses an SVG that could act or reach outside itself where it
// is shown: a <script>, <foreignObject>, <iframe>, <object> or <embed>
// element, an event attribute (onload…), or a reference (href, xlink:href,
// src) to anything but a fragment of itself or a data: image — an EPUB
// must hold every resource it uses, and a page given as one file
// (--embed-resources) too. The whole file is read with encoding/xml,
// which expands no external entity.
func checkSVG(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("corrupt svg: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch strings.ToLower(se.Name.Local) {
		case "script", "foreignobject", "iframe", "object", "embed", "handler":
			return fmt.Errorf("an SVG with a <%s> element is refused (scripts and embedded content)", se.Name.Local)
		}
		for _, a := range se.Attr {
			name := strings.ToLower(a.Name.Local)
			if strings.HasPrefix(name, "on") {
				return fmt.Errorf("an SVG with an event attribute (%s) is refused", a.Name.Local)
			}
			if name == "href" || name == "src" {
				v := strings.TrimSpace(a.Value)
				if v != "" && !strings.HasPrefix(v, "#") && !strings.HasPrefix(strings.ToLower(v), "data:image/") {
					return fmt.Errorf("an SVG referring to another resource (%s) is refused", clip(v, 60))
				}
			}
		}
	}
}

// clip shortens s to n bytes for a message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
