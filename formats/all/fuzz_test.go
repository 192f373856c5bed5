package all_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/normalize"
	_ "github.com/docconv/docconv/formats/all"
)

// fuzzFrom are the input formats FuzzPipeline reads, chosen by a byte.
var fuzzFrom = []string{"text", "markdown", "json"}

// FuzzPipeline runs the whole pipeline as the command does — a reader,
// the default clean-up, then the PDF, EPUB and XLSX writers — on any
// input: it may be refused (ErrInvalidInput, ErrLimit), never panic or
// fail in a writer. Round trips: the text written, read and written again
// is stable after that one pass; the JSON dump read and written again is
// the same bytes.
func FuzzPipeline(f *testing.F) {
	for _, p := range []string{"../../examples/article.txt", "../markdown/testdata/cjk.md", "../markdown/testdata/escapes.md", "../json/testdata/sample.json"} {
		if b, err := os.ReadFile(p); err == nil {
			if len(b) > 4096 {
				b = b[:4096]
			}
			from := uint8(0)
			switch filepath.Ext(p) {
			case ".md":
				from = 1
			case ".json":
				from = 2
			}
			f.Add(b, from)
		}
	}
	f.Add([]byte("[js](javascript:alert(1)) [ok](https://example.com/?q=<b>) <file:///etc/passwd>\n"), uint8(1))
	f.Add([]byte("---\ndate: 2024-02-30\n---\n\nשלום עולם, hello, مرحبا.\n"), uint8(1))
	f.Add([]byte("% T\n% A\n% 2024-01-01\n% heading-like\nBody. \x1b[31m\x00\n"), uint8(0))
	f.Add([]byte(`{"docconv": 1, "blocks": [{"type": "list", "ordered": true, "start": 999999999, "items": [[], []]}]}`), uint8(2))
	f.Add([]byte("> > > > > deep\n\n1. a\n   - b\n     > c\n"), uint8(1))
	f.Fuzz(func(t *testing.T, src []byte, from uint8) {
		if len(src) > 2048 {
			return // keep one run short: the scaling benchmarks cover size
		}
		ctx := context.Background()
		opts := func(to string) *convert.Options {
			return &convert.Options{From: fuzzFrom[int(from)%len(fuzzFrom)], To: to, Transforms: normalize.Default(),
				ModTime: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC), Report: &convert.Report{}}
		}
		d, err := convert.Read(ctx, bytes.NewReader(src), opts(""))
		if err != nil {
			if !errors.Is(err, convert.ErrInvalidInput) && !errors.Is(err, convert.ErrLimit) {
				t.Fatalf("read: unexpected error kind: %v", err)
			}
			return
		}
		for _, to := range []string{"pdf", "epub", "xlsx"} {
			var buf bytes.Buffer
			if err := convert.Write(ctx, &buf, d, opts(to)); err != nil {
				if errors.Is(err, convert.ErrLimit) {
					continue
				}
				t.Fatalf("write %s: %v\ninput: %q", to, err, src)
			}
			b := buf.Bytes()
			if to == "pdf" {
				require.True(t, bytes.HasPrefix(b, []byte("%PDF-")) && bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")), "pdf framing")
				continue
			}
			_, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			require.NoError(t, err, "%s is a ZIP", to)
		}

		// txt → txt is stable after one pass.
		txt := func(d *convert.Document) []byte {
			var b bytes.Buffer
			require.NoError(t, convert.Write(ctx, &b, d, opts("txt")))
			return b.Bytes()
		}
		readTxt := func(b []byte) *convert.Document {
			o := opts("")
			o.From = "text"
			d, err := convert.Read(ctx, bytes.NewReader(b), o)
			require.NoError(t, err, "reading written text %q", b)
			return d
		}
		if t1 := txt(d); len(bytes.TrimSpace(t1)) > 0 {
			t2 := txt(readTxt(t1))
			if len(bytes.TrimSpace(t2)) > 0 {
				t3 := txt(readTxt(t2))
				require.Equal(t, string(t2), string(t3), "txt → txt not stable after one pass\ninput: %q\nt1: %q", src, t1)
			}
		}

		// json → json is the identity.
		var j1, j2 bytes.Buffer
		require.NoError(t, convert.Write(ctx, &j1, d, opts("json")))
		o := opts("json")
		o.From, o.Transforms = "json", nil
		d2, err := convert.Read(ctx, bytes.NewReader(j1.Bytes()), o)
		if errors.Is(err, convert.ErrLimit) {
			return // nesting beyond json.MaxDepth: refused, documented
		}
		require.NoError(t, err, "reading the JSON dump")
		require.NoError(t, convert.Write(ctx, &j2, d2, o))
		require.Equal(t, j1.String(), j2.String(), "json → json\ninput: %q", src)
	})
}
