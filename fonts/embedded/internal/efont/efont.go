// Package efont registers the faces of the fonts/embedded language
// packages: TrueType data compiled in as is, or compressed with zstd and
// decompressed on the face's first use.
package efont

import (
	"fmt"

	"github.com/klauspost/compress/zstd"

	"github.com/docconv/docconv/fonts"
)

// maxSize bounds the decompressed size of a face (the largest is 8 MB).
const maxSize = 64 << 20

// Face describes a face to register.
type Face struct {
	Family, Style   string
	Bold            bool
	Region          string
	License, Source string
	Uses            []fonts.Use
}

// Register registers f with data, TrueType bytes, or a zstd frame of them
// when compressed is true, and returns the registry entry.
func Register(data []byte, compressed bool, f Face) *fonts.Embedded {
	load := func() (*fonts.Font, error) { return fonts.Parse(data) }
	if compressed {
		load = func() (*fonts.Font, error) {
			d, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxSize))
			if err != nil {
				return nil, err
			}
			defer d.Close()
			b, err := d.DecodeAll(data, nil)
			if err != nil {
				return nil, fmt.Errorf("decompressing: %w", err)
			}
			return fonts.Parse(b)
		}
	}
	e := &fonts.Embedded{Family: f.Family, Style: f.Style, Bold: f.Bold, Format: fonts.FormatTrueType,
		Region: f.Region, Uses: f.Uses, License: f.License, Source: f.Source, Load: load}
	fonts.Register(e)
	return e
}

// Must returns e's font, panicking on an error: the embedded fonts are
// tested, so an error means a corrupted build.
func Must(e *fonts.Embedded) *fonts.Font {
	f, err := e.Font()
	if err != nil {
		panic(err)
	}
	return f
}
