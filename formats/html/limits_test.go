package html_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/formats/html"
)

// FuzzRead: no input makes the reader panic, and an error is always a
// documented kind.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"<p>a<b>b<i>c</b>d</i>", "<table><tr><td colspan=99999>x", "<ruby>a<rt>b<rt>c</ruby>",
		"<svg><foreignObject><div/><p>x", "<meta charset=gbk><p>\xc4\xe3", "<ul><li><ol start=-5><li>x",
		"<pre>\n\n x</pre>", "<a href='javascript:x'>y</a>", "\xff\xfe<\x00p\x00>\x00", strings.Repeat("<div>", 600),
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

// TestReadScaling: the reader's allocations grow linearly with the input,
// for a long flat page and for deep nesting (just under html.MaxDepth,
// repeated).
func TestReadScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling test")
	}
	flat := func(n int) string {
		return "<html><body><article>" + strings.Repeat("<p>Paragraph <b>bold</b> <a href='/x'>link</a> 文字\n文字.</p><ul><li>a<li>b</ul>", n) + "</article>"
	}
	deep := func(n int) string {
		one := strings.Repeat("<div><blockquote><b>", 150) + "x" + strings.Repeat("</b></blockquote></div>", 150)
		return "<body>" + strings.Repeat(one, n)
	}
	for name, gen := range map[string]func(int) string{"flat": flat, "deep": deep} {
		small, large := gen(10), gen(100)
		allocs := func(s string) float64 {
			return testing.AllocsPerRun(2, func() {
				if _, err := (&html.Reader{}).Read(context.Background(), strings.NewReader(s)); err != nil {
					t.Fatal(err)
				}
			})
		}
		a1, a10 := allocs(small), allocs(large)
		if a10 > 15*a1 {
			t.Errorf("%s: 10× the input costs %.0f allocations, %.1f× those of 1× (%.0f): not linear", name, a10, a10/a1, a1)
		}
		t.Logf("%s: %.0f → %.0f allocations (%.1f×)", name, a1, a10, a10/a1)
	}
	// Past the limit the input is refused quickly, with ErrLimit.
	_, err := (&html.Reader{}).Read(context.Background(), strings.NewReader(strings.Repeat("<div>", 100000)))
	if !errors.Is(err, convert.ErrLimit) {
		t.Fatalf("got %v, want ErrLimit", err)
	}
}
