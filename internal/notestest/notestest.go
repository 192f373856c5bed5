// Package notestest makes documents with many footnotes, task items,
// subscripts and superscripts for the scaling tests of the readers and
// writers.
package notestest

import (
	"fmt"
	"strings"

	"github.com/docconv/docconv/convert"
)

// Doc returns a document of n paragraphs, each with a subscript, a
// superscript and a note of two paragraphs, and a task list of n items.
func Doc(n int) *convert.Document {
	d := &convert.Document{Meta: convert.Meta{Lang: "en", Title: "Notes"}}
	l := &convert.List{Tight: true}
	for i := range n {
		note := &convert.Note{Blocks: []convert.Block{
			&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: fmt.Sprintf("Note %d.", i)}}},
			&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "Its second paragraph."}}},
		}}
		d.Blocks = append(d.Blocks, &convert.Paragraph{Inlines: []convert.Inline{
			&convert.Text{Text: "H"}, &convert.Sub{Inlines: []convert.Inline{&convert.Text{Text: "2"}}},
			&convert.Text{Text: "O and x"}, &convert.Sup{Inlines: []convert.Inline{&convert.Text{Text: "2"}}},
			&convert.Text{Text: " with a note."}, note,
		}})
		l.Items = append(l.Items, []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "task"}}}})
		l.Tasks = append(l.Tasks, convert.TaskState(1+i%2))
	}
	d.Blocks = append(d.Blocks, l)
	return d
}

// Markdown returns Markdown with n paragraphs, each referencing a note
// defined at the end (of two paragraphs), with <sub> and <sup>, and a task
// list of n items.
func Markdown(n int) []byte {
	var b, defs strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "H<sub>2</sub>O and x<sup>2</sup> with a note.[^n%d]\n\n", i)
		fmt.Fprintf(&defs, "[^n%d]: Note %d.\n\n    Its second paragraph.\n\n", i, i)
	}
	for i := range n {
		if i%2 == 0 {
			b.WriteString("- [x] done\n")
		} else {
			b.WriteString("- [ ] open\n")
		}
	}
	b.WriteString("\n")
	return []byte(b.String() + defs.String())
}

// HTML returns a page in pandoc's HTML form with n note references and
// the notes section, and n task items.
func HTML(n int) []byte {
	var b, notes strings.Builder
	b.WriteString("<!DOCTYPE html><html lang=en><body><main>")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<p>H<sub>2</sub>O x<sup>2</sup> text<a href="#fn%d" class="footnote-ref" id="fnref%d" role="doc-noteref"><sup>%d</sup></a></p>`, i, i, i)
		fmt.Fprintf(&notes, `<li id="fn%d"><p>Note %d. <a href="#fnref%d" class="footnote-back" role="doc-backlink">↩︎</a></p></li>`, i, i, i)
	}
	b.WriteString("<ul>")
	for range n {
		b.WriteString(`<li><input type="checkbox" checked disabled> done</li>`)
	}
	b.WriteString(`</ul><section class="footnotes" role="doc-endnotes"><hr><ol>` + notes.String() + "</ol></section></main></body></html>")
	return []byte(b.String())
}
