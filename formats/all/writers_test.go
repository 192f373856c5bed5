package all_test

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/normalize"
	"github.com/docconv/docconv/formats/epub"
	"github.com/docconv/docconv/formats/pdf"
	"github.com/docconv/docconv/formats/xlsx"
)

// TestOneWayToBuildAWriter: for the same options, convert.Write (the
// registry), the package's NewWriter and a Writer struct with the same
// settings give the same bytes; with no options, the zero struct does.
func TestOneWayToBuildAWriter(t *testing.T) {
	src, err := os.ReadFile("../../examples/article.txt")
	require.NoError(t, err)
	ctx := context.Background()
	d, err := convert.Read(ctx, bytes.NewReader(src), &convert.Options{From: "text", Transforms: normalize.Default()})
	require.NoError(t, err)
	mod := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	opts := &convert.Options{ModTime: mod, FiguresTable: true, SourcePath: "dir/article.txt"}
	write := func(w convert.Writer) []byte {
		var b bytes.Buffer
		require.NoError(t, w.Write(ctx, &b, d))
		return b.Bytes()
	}
	for _, c := range []struct {
		name      string
		zero      convert.Writer
		newWriter func(*convert.Options) convert.Writer
		same      convert.Writer // a struct set as opts says
	}{
		{"pdf", &pdf.Writer{}, func(o *convert.Options) convert.Writer { return pdf.NewWriter(o) },
			&pdf.Writer{ModTime: mod, FiguresTable: true, FileTitle: "article"}},
		{"epub", &epub.Writer{}, func(o *convert.Options) convert.Writer { return epub.NewWriter(o) },
			&epub.Writer{ModTime: mod, FiguresTable: true, FileTitle: "article"}},
		{"xlsx", &xlsx.Writer{}, func(o *convert.Options) convert.Writer { return xlsx.NewWriter(o) },
			&xlsx.Writer{ModTime: mod}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var reg bytes.Buffer
			require.NoError(t, convert.Write(ctx, &reg, d, &convert.Options{To: c.name}))
			assert.True(t, bytes.Equal(reg.Bytes(), write(c.zero)), "convert.Write without options and the zero Writer differ")
			assert.True(t, bytes.Equal(reg.Bytes(), write(c.newWriter(nil))), "NewWriter(nil) and the zero Writer differ")

			reg.Reset()
			o := *opts
			o.To = c.name
			require.NoError(t, convert.Write(ctx, &reg, d, &o))
			assert.True(t, bytes.Equal(reg.Bytes(), write(c.newWriter(opts))), "convert.Write and NewWriter differ")
			assert.True(t, bytes.Equal(reg.Bytes(), write(c.same)), "convert.Write and the Writer struct differ")
		})
	}
	// The deprecated pdf.Writer.Time still sets the date.
	old := &pdf.Writer{}
	old.Time = mod //lint:ignore SA1019 the deprecated field must keep working
	assert.True(t, bytes.Equal(write(&pdf.Writer{ModTime: mod}), write(old)))
}
