package html_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docconv/docconv/convert"
)

// TestReadFootnotes reads the footnote forms that common generators write.
func TestReadFootnotes(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"pandoc", `<p>Text<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a> more.</p>
<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr /><ol>
<li id="fn1"><p>The note.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>`,
			"Text[^1] more.\n\n[^1]: The note."},
		{"kramdown", `<p>A<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup>.</p>
<div class="footnotes" role="doc-endnotes"><ol><li id="fn:1" role="doc-endnote"><p>One.</p><p>Two. <a href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a></p></li></ol></div>`,
			"A[^1].\n\n[^1]: One.\n\n    Two."},
		{"github", `<p>G<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref>1</a></sup></p>
<section data-footnotes class="footnotes"><h2 id="footnote-label" class="sr-only">Footnotes</h2><ol>
<li id="user-content-fn-1"><p>GitHub note. <a href="#user-content-fnref-1" data-footnote-backref class="data-footnote-backref">↩</a></p></li></ol></section>`,
			"G[^1]\n\n[^1]: GitHub note."},
		{"mediawiki", `<p>Fact.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup></p>
<ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span> <span class="reference-text">Source.</span></li></ol>`,
			"Fact.[^1]\n\n[^1]: Source."},
		{"epub", `<p>E<a epub:type="noteref" href="#n1">1</a>.</p><aside epub:type="footnote" id="n1"><p>Aside note.</p></aside>`,
			"E[^1].\n\n[^1]: Aside note."},
		{"self reference stays text", `<p>S<a href="#fn1" role="doc-noteref">1</a></p><ol class="footnotes"><li id="fn1">Cites <a href="#fn1" role="doc-noteref">1</a> itself.</li></ol>`,
			"S[^1]\n\n[^1]: Cites 1 itself."},
		{"unreferenced stays", `<p>No refs.</p><ol class="footnotes"><li id="fn1">Kept.</li></ol>`, "No refs.\n\n1. Kept."},
		{"plain link to an id is a link", `<p>See <a href="#fn1">the method section</a>.</p><ol class="footnotes"><li id="fn1">Kept.</li></ol>`,
			"See [the method section](#fn1).\n\n1. Kept."},
		{"tasks", `<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled checked> done</li>
<li><input type="checkbox"> open</li><li>plain</li><li><p><label><input type=checkbox checked>in p</label></p></li></ul>`,
			"- [x] done\n\n- [ ] open\n\n- plain\n\n- [x] in p"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := readHTML(t, "<!DOCTYPE html><body>"+tc.in, nil)
			assert.Equal(t, tc.want, md(t, d))
		})
	}
}

// TestReadRepeatedNoteBudget: a page referencing one long note many times
// gives each reference its note up to the size of the page, then keeps
// the marks, with a warning.
func TestReadRepeatedNoteBudget(t *testing.T) {
	long := make([]byte, 40<<10)
	for i := range long {
		long[i] = 'x'
	}
	src := "<!DOCTYPE html><body><p>"
	for range 10 {
		src += `T<a href="#fn1" role="doc-noteref">1</a> `
	}
	src += `</p><ol class="footnotes"><li id="fn1">` + string(long) + `</li></ol>`
	rep := &convert.Report{}
	d := readHTML(t, src, rep)
	assert.Equal(t, 2, convert.NoteCount(d.Blocks)) // the first, then 64 KiB allow one 40 KiB repeat
	assert.Contains(t, rep.Warnings()[0], "html: 8 references to notes already referenced kept as their marks")
}
