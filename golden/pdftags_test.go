package golden_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// taggedSample is a small tagged PDF written by docconv: a heading, a
// paragraph with a link, a list.
func taggedSample(t testing.TB) []byte {
	t.Helper()
	src := "# Title\n\nText with a [link](https://example.com/).\n\n- one\n- two\n"
	d, err := convert.Read(context.Background(), strings.NewReader(src), &convert.Options{From: "md"})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, convert.Write(context.Background(), &b, d, &convert.Options{To: "pdf"}))
	return b.Bytes()
}

// TestCheckTaggedPDF: docconv's PDF passes; a file whose marked content
// lost its MCIDs, or whose text is outside any tag, does not.
func TestCheckTaggedPDF(t *testing.T) {
	b := taggedSample(t)
	r, err := golden.CheckTaggedPDF(b)
	require.NoError(t, err)
	assert.Empty(t, r.Problems)
	assert.Equal(t, 1, r.Links)
	assert.Contains(t, r.Tree, "  L\n    LI\n      Lbl: •\n      LBody\n        P: one\n")

	// A hand-written file: text outside marked content, an MCID no element
	// refers to, a heading that skips a level, a role that is not standard.
	bad := "%PDF-1.7\n1 0 obj\n<</Type /Catalog /Pages 2 0 R /MarkInfo <</Marked true>> /Lang (en) /StructTreeRoot 5 0 R>>\nendobj\n" +
		"2 0 obj\n<</Type /Pages /Kids [3 0 R] /Count 1>>\nendobj\n" +
		"3 0 obj\n<</Type /Page /Parent 2 0 R /Contents 4 0 R /StructParents 0>>\nendobj\n" +
		"4 0 obj\n<</Length 60>>\nstream\nBT (a) Tj ET /P <</MCID 0>> BDC BT (b) Tj ET EMC /P <</MCID 1>> BDC EMC\nendstream\nendobj\n" +
		"5 0 obj\n<</Type /StructTreeRoot /K 6 0 R /ParentTree <</Nums [0 [7 0 R]]>>>>\nendobj\n" +
		"6 0 obj\n<</Type /StructElem /S /Document /K [7 0 R 8 0 R]>>\nendobj\n" +
		"7 0 obj\n<</Type /StructElem /S /H2 /Pg 3 0 R /K 0>>\nendobj\n" +
		"8 0 obj\n<</Type /StructElem /S /Paragraph /Pg 3 0 R>>\nendobj\n" +
		"trailer\n<</Root 1 0 R>>\n"
	r, err = golden.CheckTaggedPDF([]byte(bad))
	require.NoError(t, err)
	all := strings.Join(r.Problems, "\n")
	for _, want := range []string{"ViewerPreferences", "Tj outside tagged content", "MCID 1: no element refers to it", "heading H2 after H0", "/Paragraph is not a standard"} {
		assert.Contains(t, all, want)
	}
}

// FuzzCheckTaggedPDF: the checker reads any bytes without panicking.
func FuzzCheckTaggedPDF(f *testing.F) {
	b := taggedSample(f)
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Add([]byte("%PDF-1.7\n1 0 obj\n<</Type /Catalog /StructTreeRoot 2 0 R>>\nendobj\n2 0 obj\n<</K [2 0 R 2 0 R]>>\nendobj\ntrailer\n<</Root 1 0 R>>\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		golden.CheckTaggedPDF(data)
	})
}
