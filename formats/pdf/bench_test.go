package pdf

import (
	"context"
	"os"
	"testing"

	"github.com/docconv/docconv/convert"
)

// bigDocument repeats the sample's blocks until the text has about n
// characters.
func bigDocument(b testing.TB, n int) *convert.Document {
	d := readFixture(b, fixtures[0])
	size := len([]rune(convert.DocumentText(d)))
	big := &convert.Document{Meta: d.Meta}
	for total := 0; total < n; total += size {
		big.Blocks = append(big.Blocks, d.Blocks...)
	}
	return big
}

// BenchmarkPDF writes the sample article and a document of about one
// million characters (the sample repeated).
//
//	go test -run - -bench PDF -benchmem ./formats/pdf
func BenchmarkPDF(b *testing.B) {
	for _, c := range []struct {
		name string
		doc  *convert.Document
	}{
		{"sample", readFixture(b, fixtures[0])},
		{"1M", bigDocument(b, 1_000_000)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				out, err := (&Writer{}).Render(context.Background(), c.doc)
				if err != nil {
					b.Fatal(err)
				}
				size = len(out)
			}
			b.ReportMetric(float64(size), "bytes/pdf")
		})
	}
}

// BenchmarkLayout measures the layout alone (no PDF output).
func BenchmarkLayout(b *testing.B) {
	d := bigDocument(b, 1_000_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (&Writer{}).layout(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPDFCFF writes the sample and about one million characters with
// Noto Serif CJK TC (CFF outlines) and its bold face, as
// `--font "Noto Serif CJK TC"` does. Skipped without fonts-noto-cjk.
//
//	go test -run - -bench PDFCFF -benchmem ./formats/pdf
func BenchmarkPDFCFF(b *testing.B) {
	if _, err := os.Stat(notoSerifTTC); err != nil {
		b.Skip("Noto Serif CJK not installed (Debian fonts-noto-cjk)")
	}
	for _, c := range []struct {
		name string
		doc  *convert.Document
	}{
		{"sample", readFixture(b, fixtures[0])},
		{"1M", bigDocument(b, 1_000_000)},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var size int
			for b.Loop() {
				out, err := (&Writer{FontSpecs: []string{"Noto Serif CJK TC"}}).Render(context.Background(), c.doc)
				if err != nil {
					b.Fatal(err)
				}
				size = len(out)
			}
			b.ReportMetric(float64(size), "bytes/pdf")
		})
	}
}

// shortParas is n paragraphs of one character each: the shape with the
// most paragraphs (and lines) per character.
func shortParas(n int) *convert.Document {
	s := []rune("天地玄黃宇宙洪荒日月盈昃辰宿列張")
	d := &convert.Document{Blocks: make([]convert.Block, n)}
	for i := range n {
		d.Blocks[i] = &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: string(s[i%len(s)])}}}
	}
	return d
}

// BenchmarkShortParas writes one million one-character paragraphs.
//
//	go test -run - -bench ShortParas -benchmem ./formats/pdf
func BenchmarkShortParas(b *testing.B) {
	d := shortParas(1_000_000)
	b.ReportAllocs()
	var size int
	for b.Loop() {
		out, err := (&Writer{}).Render(context.Background(), d)
		if err != nil {
			b.Fatal(err)
		}
		size = len(out)
	}
	b.ReportMetric(float64(size), "bytes/pdf")
}
