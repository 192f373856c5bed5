package pdf

import (
	"bytes"
	"context"
	"testing"

	"github.com/jung-kurt/gofpdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGofpdfPages checks that gofpdf's page contents can be reached (an
// upgrade of gofpdf that changed the field would keep every page in
// memory again).
func TestGofpdfPages(t *testing.T) {
	pdf := gofpdf.New("P", "pt", "A4", "")
	pdf.AddPage()
	pdf.RawWriteStr("0 0 m")
	pages := gofpdfPages(pdf)
	require.Len(t, pages, 2, "gofpdf's Fpdf.pages: 1-based page contents")
	assert.Contains(t, pages[1].String(), "0 0 m")
}

// TestTakenPagesSameBytes checks that a document whose pages are taken out
// of gofpdf as they are drawn (more than zThreshold of content) is written
// byte for byte as when gofpdf keeps them, with a contents page (laid out
// after the body, drawn first) and the headings' links and bookmarks.
func TestTakenPagesSameBytes(t *testing.T) {
	defer func(z int) { zThreshold = z }(zThreshold)
	zThreshold = 100 << 10
	d := bigDocument(t, 60_000)
	w := &Writer{TOC: true}
	before := pagesTaken.Load()
	got, err := w.Render(context.Background(), d)
	require.NoError(t, err)
	require.Greater(t, pagesTaken.Load()-before, int64(10), "pages taken out of gofpdf")
	takePages = false
	want, err := w.Render(context.Background(), d)
	takePages = true
	require.NoError(t, err)
	assert.True(t, bytes.Equal(got, want), "the same bytes (%d and %d)", len(got), len(want))
	qpdfCheck(t, got)
}
