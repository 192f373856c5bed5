package epub

import (
	"strconv"
	"strings"

	"github.com/docconv/docconv/convert"
)

// Footnotes are EPUB 3 note pairs (EPUB 3 Structural Semantics, DPUB-ARIA):
// the reference a superscript number,
//
//	<sup id="fnref3"><a epub:type="noteref" role="doc-noteref" href="#fn3">3</a></sup>
//
// and the note an <aside epub:type="footnote" role="doc-footnote" id="fn3">
// at the end of the content document that holds the reference's block,
// which reading systems show as a pop-up (and hide from the running
// text) or as the chapter's notes, with a back-link to the reference.
// Notes are numbered per book in reading order. A note whose reference
// and aside end up in different documents (a block cut into pieces) is
// linked across them, like internal links (resolveLinks).

// noteState numbers the notes of the book.
type noteState struct {
	num     map[*convert.Note]int
	refs    map[*convert.Note]int // references to the note (more than 1 only for a shared *Note)
	ids     []string              // by number - 1: the aside's ID
	refIDs  []string              // by number - 1: the reference's ID
	pending []*convert.Note       // referenced by the block being rendered
}

// numberNotes numbers the notes of blocks and gives them IDs that no
// heading uses.
func (r *renderer) numberNotes(blocks []convert.Block) {
	taken := map[string]bool{}
	for _, id := range r.ids {
		taken[id] = true
	}
	unique := func(base string) string {
		id := base
		for i := 1; taken[id]; i++ {
			id = base + "-" + strconv.Itoa(i)
		}
		taken[id] = true
		return id
	}
	convert.Inspect(blocks, func(n any) bool {
		x, ok := n.(*convert.Note)
		if !ok {
			return true
		}
		if r.notes.num == nil {
			r.notes.num = map[*convert.Note]int{}
			r.notes.refs = map[*convert.Note]int{}
		}
		r.notes.refs[x]++
		if _, seen := r.notes.num[x]; seen {
			return false
		}
		k := len(r.notes.ids) + 1
		r.notes.num[x] = k
		r.notes.ids = append(r.notes.ids, unique("fn"+strconv.Itoa(k)))
		r.notes.refIDs = append(r.notes.refIDs, unique("fnref"+strconv.Itoa(k)))
		return true
	})
}

// noteRef renders the reference to a note and remembers the note for the
// end of the document.
func (r *renderer) noteRef(b *strings.Builder, x *convert.Note) {
	k, ok := r.notes.num[x]
	if !ok {
		return
	}
	n := strconv.Itoa(k)
	b.WriteString("<sup")
	if r.notes.refs[x] == 1 {
		b.WriteString(` id="` + r.notes.refIDs[k-1] + `"`)
	}
	b.WriteString(`><a epub:type="noteref" role="doc-noteref" href="` + linkMark + r.notes.ids[k-1] + linkMark + `">` + n + "</a></sup>")
	r.notes.pending = append(r.notes.pending, x)
}

// takeNotes renders the asides of the notes referenced since the last
// call, in order, and forgets them.
func (r *renderer) takeNotes() string {
	if len(r.notes.pending) == 0 {
		return ""
	}
	pending := r.notes.pending
	r.notes.pending = nil
	var b strings.Builder
	for _, x := range pending {
		k := r.notes.num[x]
		b.WriteString(`<aside epub:type="footnote" role="doc-footnote" class="footnote" id="` + r.notes.ids[k-1] + `">` + "\n")
		back := ""
		if r.notes.refs[x] == 1 {
			back = `<a class="footnote-back" role="doc-backlink" href="` + linkMark + r.notes.refIDs[k-1] + linkMark + `">` + strconv.Itoa(k) + ".</a> "
		}
		// The number (the back-link) starts the note's first paragraph.
		if len(x.Blocks) > 0 {
			if p, ok := x.Blocks[0].(*convert.Paragraph); ok {
				b.WriteString("<p" + dirAuto(p.Inlines) + ">" + back)
				r.inlines(&b, p.Inlines)
				b.WriteString("</p>\n")
				r.blocks(&b, x.Blocks[1:])
				b.WriteString("</aside>\n")
				continue
			}
		}
		if back != "" {
			b.WriteString("<p>" + strings.TrimSuffix(back, " ") + "</p>\n")
		}
		r.blocks(&b, x.Blocks)
		b.WriteString("</aside>\n")
	}
	// Notes do not nest, so rendering them referenced none.
	r.notes.pending = nil
	return b.String()
}

// checkbox is the disabled checkbox of a task-list item.
func checkbox(t convert.TaskState) string {
	if t == convert.TaskChecked {
		return `<input type="checkbox" disabled="disabled" checked="checked"/> `
	}
	return `<input type="checkbox" disabled="disabled"/> `
}

// taskItems returns the task states of items[from:from+n] of l.
func taskItems(l *convert.List, from, n int) []convert.TaskState {
	if from >= len(l.Tasks) {
		return nil
	}
	return l.Tasks[from:min(from+n, len(l.Tasks))]
}

// noteTargets adds the IDs of the note asides and references of d to
// where, for resolveLinks.
func noteTargets(d *contentDoc, where map[string]string) {
	for _, start := range []string{`<aside epub:type="footnote" role="doc-footnote" class="footnote" id="`, `<sup id="`} {
		for s := d.body; ; {
			i := strings.Index(s, start)
			if i < 0 {
				break
			}
			s = s[i+len(start):]
			id, _, _ := strings.Cut(s, `"`)
			where[strings.Clone(id)] = d.name // a slice would keep the body alive
		}
	}
}

// extraCSS returns the style rules for notes, task lists, subscripts and
// superscripts, only when the book has them (other books keep their
// style sheet byte for byte).
func extraCSS(blocks []convert.Block) string {
	u := convert.UsesOf(blocks)
	subsup, tasks, notes := u.SubSup, u.Tasks, u.Notes
	var s string
	if subsup || notes {
		// Smaller and shifted, without opening the line (normalize.css).
		s += "sub, sup {\n  font-size: 75%;\n  line-height: 0;\n  position: relative;\n  vertical-align: baseline;\n}\n" +
			"sup { top: -0.5em; }\nsub { bottom: -0.25em; }\n"
	}
	if tasks {
		s += "li.task { list-style-type: none; }\nli.task input { margin: 0 0.4em 0 -1.4em; }\n"
	}
	if notes {
		s += "a[role~=\"doc-noteref\"], a.footnote-back { text-decoration: none; }\n" +
			"section.footnotes {\n  margin-top: 2em;\n  border-top: 1px solid #999;\n  font-size: 0.85em;\n}\n" +
			"aside.footnote p { text-indent: 0; margin: 0.4em 0; }\n"
	}
	return s
}
