package pdf

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
)

// The PDF follows convert.LinkTarget like every writer: javascript:,
// vbscript:, file: and data: links and relative ones get no /URI action;
// kept URIs are percent-encoded.
func TestLinkPolicy(t *testing.T) {
	var ins []convert.Inline
	for _, u := range []string{"javascript:alert(1)", "vbscript:msgbox", "file:///etc/passwd", "data:text/html,<script>", " JaVa\tScript:x", "other.html", "https://example.com/?q=<b>", "mailto:a@b.c"} {
		ins = append(ins, &convert.Link{URL: u, Inlines: []convert.Inline{&convert.Text{Text: "x "}}})
	}
	d := &convert.Document{Meta: convert.Meta{Lang: "en"}, Blocks: []convert.Block{&convert.Paragraph{Inlines: ins}}}
	rep := &convert.Report{}
	b, err := (&Writer{Report: rep}).Render(context.Background(), d)
	require.NoError(t, err)
	s := string(b)
	assert.Equal(t, 2, strings.Count(s, "/S /URI"))
	assert.Contains(t, s, "/URI (https://example.com/?q=%3Cb%3E)")
	assert.Contains(t, s, "/URI (mailto:a@b.c)")
	for _, bad := range []string{"javascript", "JaVa", "vbscript", "file:", "data:", "other.html"} {
		assert.NotContains(t, s, bad)
	}
	assert.Equal(t, 5, rep.Get("pdf", "unsafe links written as text"))
	assert.Equal(t, 1, rep.Get("pdf", "relative links written as text"))
	qpdfCheck(t, b)
}
