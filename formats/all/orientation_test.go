package all_test

import (
	"context"
	"encoding/binary"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/internal/testimg"
	"github.com/docconv/docconv/internal/validate"
)

// A JPEG's EXIF orientation gives its shown size, and the PDF turns its
// stored pixels: every orientation of the same photo looks the same on
// the page (red top left, green top right, blue bottom left, black
// bottom right), checked on pixels rendered by poppler.
func TestEXIFOrientation(t *testing.T) {
	pdftoppm, havePoppler := validate.Have(t, "pdftoppm")
	dir := t.TempDir()
	for o := 1; o <= 8; o++ {
		t.Run(fmt.Sprint(o), func(t *testing.T) {
			data := testimg.JPEGOriented(160, 80, o)
			path := filepath.Join(dir, fmt.Sprintf("o%d.jpg", o))
			require.NoError(t, os.WriteFile(path, data, 0o644))
			res, err := convert.LoadImageFile(context.Background(), path)
			require.NoError(t, err)
			assert.Equal(t, [2]int{160, 80}, [2]int{res.Width, res.Height}, "shown size")
			assert.Equal(t, o, res.Orientation)

			d := &convert.Document{Meta: convert.Meta{Title: "Photo", Lang: "en"}, Blocks: []convert.Block{
				convert.Fig(&convert.Image{Src: path, Alt: "quadrants", Width: res.Width, Height: res.Height, MediaType: res.MediaType, Resource: res}),
			}}
			pdf := writeAs(t, d, &convert.Options{To: "pdf"})
			if !havePoppler {
				return
			}
			out := filepath.Join(dir, fmt.Sprintf("o%d.pdf", o))
			require.NoError(t, os.WriteFile(out, pdf, 0o644))
			msg, err := exec.Command(pdftoppm, "-r", "72", "-f", "1", "-l", "1", "-png", "-singlefile", out, filepath.Join(dir, fmt.Sprintf("o%d", o))).CombinedOutput()
			require.NoError(t, err, "%s", msg)
			f, err := os.Open(filepath.Join(dir, fmt.Sprintf("o%d.png", o)))
			require.NoError(t, err)
			defer f.Close()
			page, err := png.Decode(f)
			require.NoError(t, err)
			box := inkBox(page)
			require.False(t, box.Empty(), "no image on the page")
			assert.InDelta(t, 2.0, float64(box.Dx())/float64(box.Dy()), 0.1, "aspect of the drawn image %v", box)
			at := func(fx, fy float64) string {
				r, g, b, _ := page.At(box.Min.X+int(fx*float64(box.Dx())), box.Min.Y+int(fy*float64(box.Dy()))).RGBA()
				return fmt.Sprintf("%d%d%d", r>>15, g>>15, b>>15)
			}
			assert.Equal(t, []string{"100", "010", "001", "000"},
				[]string{at(0.25, 0.25), at(0.75, 0.25), at(0.25, 0.75), at(0.75, 0.75)},
				"quadrants (RGB, 1 = full) at top left, top right, bottom left, bottom right")
		})
	}
}

// inkBox is the bounding box of a page's saturated pixels (red, green,
// blue: the text is black or grey) within the page's upper half (where
// the figure is). Three quadrants are coloured, so it spans the image.
func inkBox(m image.Image) image.Rectangle {
	b := m.Bounds()
	box := image.Rectangle{}
	for y := b.Min.Y; y < b.Min.Y+b.Dy()/2; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := m.At(x, y).RGBA()
			if max(r, g, bl)-min(r, g, bl) > 0xC000 {
				p := image.Rect(x, y, x+1, y+1)
				if box.Empty() {
					box = p
				} else {
					box = box.Union(p)
				}
			}
		}
	}
	return box
}

// Malformed EXIF never fails an image: the orientation is unknown (0) and
// the size is the stored one.
func TestEXIFMalformed(t *testing.T) {
	j := testimg.JPEG(40, 20)
	for name, data := range map[string][]byte{
		"little endian": testimg.WithEXIFOrientation(j, 6, binary.LittleEndian),
		"out of range":  testimg.WithEXIFOrientation(j, 9, binary.BigEndian),
		"zero":          testimg.WithEXIFOrientation(j, 0, binary.BigEndian),
	} {
		info, err := convert.DecodeImageConfig(data)
		require.NoError(t, err, name)
		if name == "little endian" {
			assert.Equal(t, 6, info.Orientation, name)
			assert.Equal(t, [2]int{20, 40}, [2]int{info.Width, info.Height}, name)
			continue
		}
		assert.Equal(t, 0, info.Orientation, name)
		assert.Equal(t, [2]int{40, 20}, [2]int{info.Width, info.Height}, name)
	}
	// A first IFD offset past the segment, and an entry count larger
	// than the segment holds.
	bad := testimg.WithEXIFOrientation(j, 6, binary.BigEndian)
	i := 4 + 6 // APP1 header, "Exif\0\0"
	for _, mutate := range []func([]byte){
		func(b []byte) { binary.BigEndian.PutUint32(b[2+i+4:], 0xFFFFFFF0) },
		func(b []byte) { binary.BigEndian.PutUint16(b[2+i+8:], 0xFFFF) },
		func(b []byte) { binary.BigEndian.PutUint16(b[2+i+12:], 4) },
	} {
		b := append([]byte{}, bad...)
		mutate(b)
		info, err := convert.DecodeImageConfig(b)
		require.NoError(t, err)
		assert.Contains(t, []int{0, 6}, info.Orientation)
	}
}
