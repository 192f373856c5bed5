package epub

import (
	"context"
	"io"
	"testing"

	"github.com/docconv/docconv/convert"
)

// BenchmarkWrite1M writes an EPUB of about one million characters (the
// sample article repeated, a top-level heading before each copy).
func BenchmarkWrite1M(b *testing.B) {
	d := bigDoc(b, 1_000_000)
	b.SetBytes(int64(len(convert.DocumentText(d))))
	b.ReportAllocs()
	for b.Loop() {
		if err := (&Writer{}).Write(context.Background(), io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrite1MOneSection is the same text in a single section, which
// the writer splits into documents of at most 256 KiB.
func BenchmarkWrite1MOneSection(b *testing.B) {
	d := bigDoc(b, 1_000_000)
	var blocks []convert.Block
	for _, bl := range d.Blocks {
		if _, ok := bl.(*convert.Heading); !ok {
			blocks = append(blocks, bl)
		}
	}
	d.Blocks = blocks
	b.SetBytes(int64(len(convert.DocumentText(d))))
	b.ReportAllocs()
	for b.Loop() {
		if err := (&Writer{}).Write(context.Background(), io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}
