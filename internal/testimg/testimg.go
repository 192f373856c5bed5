// Package testimg makes small images for the tests of the readers and
// writers: PNG (opaque or with transparency), JPEG, GIF, WebP (a file of
// golang.org/x/image's test data), SVG, and hostile files (a PNG header
// stating 65535 × 65535 pixels, truncated files).
package testimg

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strconv"
)

// WebP is a 150 × 100 lossy WebP, blue-purple-pink.lossy.webp from
// golang.org/x/image/testdata (BSD-3-Clause, © The Go Authors).
//
//go:embed blue-purple-pink.lossy.webp
var WebP []byte

// pattern draws a w × h picture: a diagonal gradient with a frame, alpha
// a (255: opaque) and fully transparent corners when a < 255.
func pattern(w, h int, a uint8) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.NRGBA{R: uint8(x * 255 / max(1, w-1)), G: uint8(y * 255 / max(1, h-1)), B: 160, A: a}
			if x == 0 || y == 0 || x == w-1 || y == h-1 {
				c = color.NRGBA{R: 20, G: 20, B: 20, A: 255}
			}
			if a < 255 && (x < w/4 && y < h/4) {
				c.A = 0
			}
			m.SetNRGBA(x, y, c)
		}
	}
	return m
}

// PNG returns a w × h PNG, opaque.
func PNG(w, h int) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, pattern(w, h, 255)); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// PNGAlpha returns a w × h PNG with partial and full transparency.
func PNGAlpha(w, h int) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, pattern(w, h, 128)); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// PNGDPI returns a w × h PNG whose pHYs chunk states dpi dots per inch.
func PNGDPI(w, h int, dpi float64) []byte {
	p := PNG(w, h)
	ppm := uint32(dpi/0.0254 + 0.5)
	body := make([]byte, 9)
	binary.BigEndian.PutUint32(body[0:], ppm)
	binary.BigEndian.PutUint32(body[4:], ppm)
	body[8] = 1
	// After the signature (8) and IHDR (4+4+13+4).
	at := 8 + 25
	return append(append(append([]byte{}, p[:at]...), chunk("pHYs", body)...), p[at:]...)
}

// JPEG returns a w × h JPEG (quality 80) with a JFIF header.
func JPEG(w, h int) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, pattern(w, h, 255), &jpeg.Options{Quality: 80}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// GIF returns a w × h GIF.
func GIF(w, h int) []byte {
	var b bytes.Buffer
	if err := gif.Encode(&b, pattern(w, h, 255), nil); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// SVG returns an SVG of w × h CSS pixels: a frame and a circle.
func SVG(w, h int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="` + strconv.Itoa(w) + `" height="` + strconv.Itoa(h) + `" viewBox="0 0 ` + strconv.Itoa(w) + " " + strconv.Itoa(h) + `">`)
	b.WriteString(`<rect x="1" y="1" width="` + strconv.Itoa(w-2) + `" height="` + strconv.Itoa(h-2) + `" fill="none" stroke="black"/>`)
	b.WriteString(`<circle cx="` + strconv.Itoa(w/2) + `" cy="` + strconv.Itoa(h/2) + `" r="` + strconv.Itoa(min(w, h)/3) + `" fill="teal"/></svg>` + "\n")
	return b.Bytes()
}

// Bomb returns a PNG of a few hundred bytes whose header states w × h
// pixels (65535 × 65535: 16 GB as RGBA), a decompression bomb: its IDAT
// is a valid zlib stream of zeros, cut short.
func Bomb(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6 // 8 bits, RGBA
	b.Write(chunk("IHDR", ihdr))
	b.Write(chunk("IDAT", []byte{0x78, 0x9c, 0x63, 0x60, 0x18, 0x05, 0xa3, 0x60}))
	b.Write(chunk("IEND", nil))
	return b.Bytes()
}

func chunk(typ string, body []byte) []byte {
	out := make([]byte, 8, 12+len(body))
	binary.BigEndian.PutUint32(out, uint32(len(body)))
	copy(out[4:], typ)
	out = append(out, body...)
	crc := crc32.ChecksumIEEE(out[4:])
	return binary.BigEndian.AppendUint32(out, crc)
}

// Quadrants is the upright picture JPEGOriented shows once turned: a
// w × h image whose top-left quarter is red, top-right green, bottom-left
// blue and bottom-right black.
func Quadrants(w, h int) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.NRGBA{A: 255}
			switch {
			case x < w/2 && y < h/2:
				c.R = 255
			case y < h/2:
				c.G = 255
			case x < w/2:
				c.B = 255
			}
			m.SetNRGBA(x, y, c)
		}
	}
	return m
}

// JPEGOriented returns a JPEG whose EXIF orientation is o (1 to 8) and
// whose pixels are stored so that, turned as o says, it shows
// Quadrants(w, h) (w × h as shown; stored h × w for o of 5 to 8), as a
// camera held sideways stores a photo.
func JPEGOriented(w, h, o int) []byte {
	up := Quadrants(w, h)
	sw, sh := w, h
	if o >= 5 {
		sw, sh = h, w
	}
	stored := image.NewNRGBA(image.Rect(0, 0, sw, sh))
	for t := range sh {
		for s := range sw {
			// Where stored pixel (s, t) is shown (X, Y), for each
			// orientation (EXIF 2.32, tag 274).
			var x, y int
			switch o {
			case 2:
				x, y = w-1-s, t
			case 3:
				x, y = w-1-s, h-1-t
			case 4:
				x, y = s, h-1-t
			case 5:
				x, y = t, s
			case 6:
				x, y = w-1-t, s
			case 7:
				x, y = w-1-t, h-1-s
			case 8:
				x, y = t, h-1-s
			default:
				x, y = s, t
			}
			stored.SetNRGBA(s, t, up.NRGBAAt(x, y))
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, stored, &jpeg.Options{Quality: 95}); err != nil {
		panic(err)
	}
	return WithEXIFOrientation(b.Bytes(), o, binary.BigEndian)
}

// WithEXIFOrientation returns the JPEG j with an EXIF APP1 segment
// stating orientation o, in byte order bo, inserted after its SOI marker.
func WithEXIFOrientation(j []byte, o int, bo binary.ByteOrder) []byte {
	tiff := make([]byte, 8+2+12+4)
	if bo == binary.LittleEndian {
		copy(tiff, "II*\x00")
	} else {
		copy(tiff, "MM\x00*")
	}
	bo.PutUint32(tiff[4:], 8)    // first IFD
	bo.PutUint16(tiff[8:], 1)    // one entry
	bo.PutUint16(tiff[10:], 274) // Orientation
	bo.PutUint16(tiff[12:], 3)   // SHORT
	bo.PutUint32(tiff[14:], 1)   // one value
	bo.PutUint16(tiff[18:], uint16(o))
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(app1[2:], uint16(len(seg)+2))
	out := append([]byte{}, j[:2]...)
	out = append(out, app1...)
	out = append(out, seg...)
	return append(out, j[2:]...)
}
