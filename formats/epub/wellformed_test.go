package epub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
)

// wellFormed parses every XML file of an EPUB strictly.
func wellFormed(t *testing.T, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xhtml") && !strings.HasSuffix(f.Name, ".opf") && !strings.HasSuffix(f.Name, ".ncx") && !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		rc, err := f.Open()
		require.NoError(t, err)
		dec := xml.NewDecoder(rc)
		dec.Strict = true
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			if !assert.NoError(t, err, f.Name) {
				break
			}
		}
		rc.Close()
	}
}

func TestWellFormed(t *testing.T) {
	for _, fx := range fixtures() {
		t.Run(fx.name, func(t *testing.T) {
			wellFormed(t, write(t, &Writer{FiguresTable: true}, fx.doc(t)))
		})
	}
}

// FuzzWrite puts arbitrary text in every place text can go and checks that
// writing succeeds and every XML file stays well-formed.
func FuzzWrite(f *testing.F) {
	for _, s := range []string{"", "<script>alert(1)</script>", "a & b \"c\" 'd'", "\x00\x01\uFFFE\xff\xfe", "區(qū)", "]]>", "#h1", "https://example.com/?a=<b>"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		in := func(s string) []convert.Inline { return []convert.Inline{&convert.Text{Text: s}} }
		d := &convert.Document{
			Meta: convert.Meta{Title: a, Subtitle: b, Authors: []string{a, b}, Date: b, Lang: a, Keywords: []string{b}, Description: a, Source: b, Identifier: b},
			Blocks: []convert.Block{
				para(in(a)...),
				&convert.Heading{Level: len(a) % 8, ID: b, Inlines: in(a)},
				para(&convert.Link{URL: a, Title: b, Inlines: in(b)}, &convert.Link{URL: "#" + b}, &convert.Ruby{Base: a, Text: b}, &convert.Code{Text: b}),
				&convert.CodeBlock{Lang: a, Text: b},
				&convert.Table{Caption: in(a), Header: []convert.Cell{in(b)}, Rows: [][]convert.Cell{{in(a), in(b)}}},
				&convert.List{Ordered: true, Start: len(b) - 3, Items: [][]convert.Block{{para(in(a)...)}}},
			},
		}
		var buf bytes.Buffer
		require.NoError(t, (&Writer{FiguresTable: true, MaxDocumentSize: 1}).Write(t.Context(), &buf, d))
		wellFormed(t, buf.Bytes())
	})
}
