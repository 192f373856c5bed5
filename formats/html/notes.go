package html

import (
	"strconv"

	"github.com/docconv/docconv/convert"
)

// Footnotes are written as pandoc writes them for HTML5: each reference a
// superscript number linking to the note (role="doc-noteref"), the notes
// an ordered list at the end, in a <section role="doc-endnotes"> after a
// rule, each note ending with a link back to its reference
// (role="doc-backlink"). Notes are numbered per document in reading
// order. The identifiers fn1, fnref1… are made unique against the
// headings' (a heading "fn1" keeps its identifier; the note becomes
// fn1-1).

// noteIDs numbers the notes of a document.
type noteIDs struct {
	num    map[*convert.Note]int
	order  []*convert.Note
	id     []string // per number - 1: the note's element
	ref    []string // per number - 1: the reference's element
	refSet []bool   // the reference was written (the back-link has a target)
	last   map[*convert.Paragraph]int
}

func (r *renderer) numberNotes(blocks []convert.Block) {
	convert.Inspect(blocks, func(n any) bool {
		x, ok := n.(*convert.Note)
		if !ok {
			return true
		}
		if r.notes.num == nil {
			r.notes.num = map[*convert.Note]int{}
			r.notes.last = map[*convert.Paragraph]int{}
		}
		if _, seen := r.notes.num[x]; seen {
			return false
		}
		r.notes.order = append(r.notes.order, x)
		k := len(r.notes.order)
		r.notes.num[x] = k
		r.notes.id = append(r.notes.id, r.uniqueID("fn"+strconv.Itoa(k), ""))
		r.notes.ref = append(r.notes.ref, r.uniqueID("fnref"+strconv.Itoa(k), ""))
		r.notes.refSet = append(r.notes.refSet, false)
		// The back-link goes at the end of the note's last paragraph.
		if len(x.Blocks) > 0 {
			if p, ok := x.Blocks[len(x.Blocks)-1].(*convert.Paragraph); ok {
				r.notes.last[p] = k
			}
		}
		return true
	})
}

// noteRef writes the reference to a note. Inside a link (a note in a
// link's text) the number is written without a link of its own.
func (r *renderer) noteRef(x *convert.Note, inLink bool) {
	k, ok := r.notes.num[x]
	if !ok {
		return
	}
	n := strconv.Itoa(k)
	if inLink {
		r.b.WriteString("<sup>" + n + "</sup>")
		return
	}
	id := r.notes.ref[k-1]
	if r.notes.refSet[k-1] {
		id = "" // the same note referenced twice: one target for the back-link
	}
	r.notes.refSet[k-1] = true
	r.b.WriteString(`<a href="#` + attr(r.notes.id[k-1]) + `" class="footnote-ref"`)
	if id != "" {
		r.b.WriteString(` id="` + attr(id) + `"`)
	}
	r.b.WriteString(` role="doc-noteref"><sup>` + n + "</sup></a>")
}

// backLink ends the last paragraph of a note with the link back to its
// reference.
func (r *renderer) backLink(p *convert.Paragraph) {
	if k, ok := r.notes.last[p]; ok {
		r.b.WriteString(r.backLinkHTML(k))
	}
}

func (r *renderer) backLinkHTML(k int) string {
	if !r.notes.refSet[k-1] {
		return ""
	}
	return ` <a href="#` + attr(r.notes.ref[k-1]) + `" class="footnote-back" role="doc-backlink">↩︎</a>`
}

// footnotes writes the notes section; nothing when there are no notes.
func (r *renderer) footnotes() {
	if len(r.notes.order) == 0 {
		return
	}
	r.b.WriteString(`<section id="` + attr(r.uniqueID("footnotes", "")) + `" class="footnotes" role="doc-endnotes">` + "\n<hr />\n<ol>\n")
	for i, n := range r.notes.order {
		r.b.WriteString(`<li id="` + attr(r.notes.id[i]) + `">` + "\n")
		r.blocks(n.Blocks)
		last := len(n.Blocks) - 1
		if last < 0 || !isParagraph(n.Blocks[last]) {
			if bl := r.backLinkHTML(i + 1); bl != "" {
				r.b.WriteString("<p>" + bl[1:] + "</p>\n")
			}
		}
		r.b.WriteString("</li>\n")
	}
	r.b.WriteString("</ol>\n</section>\n")
}

// checkbox is the disabled checkbox of a task-list item.
func checkbox(t convert.TaskState) string {
	if t == convert.TaskChecked {
		return `<input type="checkbox" disabled="disabled" checked="checked" /> `
	}
	return `<input type="checkbox" disabled="disabled" /> `
}

// takeBox returns the pending checkbox of a task item, once.
func (r *renderer) takeBox() string {
	s := r.box
	r.box = ""
	return s
}

func isParagraph(b convert.Block) bool {
	_, ok := b.(*convert.Paragraph)
	return ok
}

// extraCSS returns the style rules for the notes, task lists, subscripts
// and superscripts of blocks, only those used (a page without them keeps
// its style sheet as it was).
func extraCSS(blocks []convert.Block) string {
	u := convert.UsesOf(blocks)
	subsup, tasks, notes := u.SubSup, u.Tasks, u.Notes
	var s string
	if subsup || notes {
		// Smaller and shifted without changing the line's height
		// (normalize.css).
		s += "sub, sup { font-size: 75%; line-height: 0; position: relative; vertical-align: baseline; }\n" +
			"sup { top: -0.5em; }\nsub { bottom: -0.25em; }\n"
	}
	if tasks {
		s += "li.task { list-style: none; }\n" +
			"li.task > input, li.task > p > input { margin: 0 0.4em 0 -1.4em; vertical-align: middle; }\n"
	}
	if notes {
		s += "a.footnote-ref, a.footnote-back { text-decoration: none; }\n" +
			"section.footnotes { font-size: 0.9em; }\n" +
			"section.footnotes > hr { width: 33%; margin: 2em auto 1em 0; }\n"
	}
	return s
}
