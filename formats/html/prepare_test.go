package html

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/docconv/docconv/convert"
)

// TestPrepareSelfClosing: a self-closing tag of a non-void HTML element is
// given its end tag; void, SVG and MathML elements, html/head/body and
// plaintext are left alone; raw-text elements are emptied and what follows
// them is markup again.
func TestPrepareSelfClosing(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<a id="x"/>t`, `<a id="x"/></a>t`},
		{`<A NAME=x />t<div/>`, `<A NAME=x /></a>t<div/></div>`},
		{`<x-note/><o:p/>`, `<x-note/></x-note><o:p/></o:p>`},
		{`<br/><img src=a/><hr/><p>x`, `<br/><img src=a/><hr/><p>x`},
		{`<html/><head/><body/>`, `<html/><head/><body/>`},
		{`<svg><path/><title/><g/></svg><a/>`, `<svg><path/><title/><g/></svg><a/></a>`},
		{`<math><mi/></math>`, `<math><mi/></math>`},
		{`<svg><foreignObject><a/></foreignObject></svg>`, `<svg><foreignObject><a/></a></foreignObject></svg>`},
		{`<svg><p>x<a/>`, `<svg><p>x<a/></a>`},
		{`<title/><script src="s.js"/><p>x<a/>`, `<title/></title><script src="s.js"/></script><p>x<a/></a>`},
		{`<a href=x/>t`, `<a href=x/>t`}, // the value is "x/": not self-closing
		{`<style/>p{}<textarea/><b/>`, `<style/></style>p{}<textarea/></textarea><b/></b>`},
		{`<script>"<a/>"</script><textarea><a/></textarea>`, `<script>"<a/>"</script><textarea><a/></textarea>`},
		{`<!-- <a/> --><![CDATA[<a/>]]>`, `<!-- <a/> --><![CDATA[<a/>]]>`}, // a bogus comment in HTML
		{`<svg><![CDATA[<a/>]]></svg>`, `<svg><![CDATA[<a/>]]></svg>`},
		{`<plaintext/><a/>`, `<plaintext/><a/>`},
		{"<a\n/>\n<a id=\"\n\"/>", "<a\n/></a>\n<a id=\"\n\"/></a>"},
		{`<a/`, `<a/`},
		{`no tags`, `no tags`},
	} {
		got, err := prepare([]byte(tc.in))
		require.NoError(t, err)
		assert.Equal(t, tc.want, string(got), tc.in)
	}
	src := []byte("<p>nothing to change</p>")
	got, err := prepare(src)
	require.NoError(t, err)
	assert.Same(t, &src[0], &got[0], "src is returned as it is")
}

// TestPrepareLines: the end tags added hold no line break, so that the
// depth limit's error names the input's line.
func TestPrepareLines(t *testing.T) {
	src := strings.Repeat("<a id=x/>\n", 10) + strings.Repeat("<div>", MaxDepth+1)
	_, err := prepare([]byte(src))
	var ce *convert.Error
	require.True(t, errors.As(err, &ce))
	assert.Equal(t, 11, ce.Line)
	assert.ErrorIs(t, err, convert.ErrLimit)
}

// TestPrepareRawContiguous: the tokens' raw texts are the input, in order,
// which the offsets prepare inserts end tags at rely on.
func TestPrepareRawContiguous(t *testing.T) {
	for _, s := range []string{
		"<p>a<b>b<i>c</b>d</i>", "<a/><script>x</script><title>t</title>", "<svg><![CDATA[x]]><title/>\x00</svg>",
		"<!doctype html><!-- c -->&amp;<a href='x'\n/>", "</>< a><a <", "<textarea/>x", "\xff<\x00a/>",
	} {
		z := html.NewTokenizer(strings.NewReader(s))
		var b bytes.Buffer
		for z.Next() != html.ErrorToken {
			b.Write(z.Raw())
		}
		assert.True(t, strings.HasPrefix(s, b.String()), "%q: %q", s, b.String())
	}
}
