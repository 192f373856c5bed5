package html_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/scaletest"
	"github.com/docconv/docconv/formats/html"
)

// FuzzRead: no input makes the reader panic, and an error is always a
// documented kind.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"<p>a<b>b<i>c</b>d</i>", "<table><tr><td colspan=99999>x", "<ruby>a<rt>b<rt>c</ruby>",
		"<svg><foreignObject><div/><p>x", "<meta charset=gbk><p>\xc4\xe3", "<ul><li><ol start=-5><li>x",
		"<pre>\n\n x</pre>", "<div><a id=\"x\"/><table><tr><td>a</table><title/><svg><a/></svg>", "<a href='javascript:x'>y</a>", "\xff\xfe<\x00p\x00>\x00", strings.Repeat("<div>", 600),
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := (&html.Reader{}).Read(context.Background(), bytes.NewReader(src))
		if err != nil {
			return
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("invalid document: %v", err)
		}
	})
}

// TestReadScaling: 10× the input costs about 10× (see scaletest), for a
// long flat page, for deep nesting (just under html.MaxDepth, repeated), for
// many unclosed paragraphs, for self-closing tags given end tags and for
// a long run of formatting elements.
func TestReadScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling test")
	}
	read := func(src string) {
		if _, err := (&html.Reader{}).Read(context.Background(), strings.NewReader(src)); err != nil {
			t.Fatal(err)
		}
	}
	flat := func(n int) string {
		return "<html><body><article>" + strings.Repeat("<p>Paragraph <b>bold</b> <a href='/x'>link</a> 文字\n文字.</p><ul><li>a<li>b</ul>", n) + "</article>"
	}
	deep := func(n int) string {
		one := strings.Repeat("<div><blockquote><b>", 150) + "x" + strings.Repeat("</b></blockquote></div>", 150)
		return "<body>" + strings.Repeat(one, n)
	}
	scaletest.Linear(t, "flat page", read, flat(200), flat(2000))
	scaletest.Linear(t, "deep nesting", read, deep(5), deep(50))
	scaletest.Linear(t, "unclosed paragraphs", read, strings.Repeat("<p>a", 2000), strings.Repeat("<p>a", 20000))
	scaletest.Linear(t, "self-closing anchors", read, strings.Repeat(`<div><a id="x"/><p>a<span/></div>`, 2000), strings.Repeat(`<div><a id="x"/><p>a<span/></div>`, 20000))
	scaletest.Linear(t, "table cells", read, "<table><tr>"+strings.Repeat("<td>x", 2000), "<table><tr>"+strings.Repeat("<td>x", 20000))
	// Past the limit the input is refused at once, with ErrLimit.
	_, err := (&html.Reader{}).Read(context.Background(), strings.NewReader(strings.Repeat("<div>", 100000)))
	if !errors.Is(err, convert.ErrLimit) {
		t.Fatalf("got %v, want ErrLimit", err)
	}
}

// BenchmarkRead reads the saved pages of testdata/pages (bytes/op is the
// page's size).
func BenchmarkRead(b *testing.B) {
	for _, name := range []string{"wikipedia-mozilla.html", "aozora-wagahai.html"} {
		src, err := os.ReadFile("testdata/pages/" + name)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := (&html.Reader{}).Read(context.Background(), bytes.NewReader(src)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
