package fonts_test

import (
	"bytes"
	"testing"

	"github.com/jung-kurt/gofpdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded"
)

// TestGofpdfAcceptsData checks the reason this package exists: gofpdf loads
// a face extracted from a collection and a subset.
func TestGofpdfAcceptsData(t *testing.T) {
	ttc := buildTTC(t, embedded.Sans(false, false).Data(), embedded.CJK().Data())
	faces, err := fonts.ParseCollection(ttc)
	require.NoError(t, err)
	sub, err := embedded.CJK().Subset([]rune("中文排版测试"))
	require.NoError(t, err)

	tests := []struct {
		name string
		data []byte
		text string
	}{
		{"collection face 0", faces[0].Data(), "Hello"},
		{"collection face 1", faces[1].Data(), "中文排版"},
		{"subset", sub, "中文排版测试"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf := gofpdf.New("P", "mm", "A4", "")
			pdf.AddUTF8FontFromBytes("f", "", tt.data)
			pdf.AddPage()
			pdf.SetFont("f", "", 12)
			pdf.Text(20, 20, tt.text)
			var buf bytes.Buffer
			require.NoError(t, pdf.Output(&buf))
			assert.True(t, bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")))
		})
	}
}
