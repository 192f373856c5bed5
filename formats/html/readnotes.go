package html

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/docconv/docconv/convert"
)

// Footnotes in HTML input are recognised in the forms that pandoc,
// kramdown, goldmark, GitHub, MediaWiki and EPUB 3 books write:
//
//   - a note is an element with an id that has role="doc-footnote" or
//     "doc-endnote", or epub:type="footnote", "endnote" or "rearnote", or
//     is an <li> of a list inside a notes section: role="doc-endnotes",
//     epub:type="footnotes"/"endnotes"/"rearnotes", or a class "footnotes",
//     "footnote-list", "endnotes" or "references" (MediaWiki);
//   - a reference is an <a href="#ID"> to such a note that has
//     role="doc-noteref", epub:type="noteref", a class naming a footnote
//     reference, or sits in (or holds) a <sup>, or whose text is a mark
//     ("1", "[1]", "*", "†").
//
// The reference becomes a convert.Note holding the note's blocks, without
// its back-links (role="doc-backlink", class footnote-back,
// reversefootnote, mw-cite-backlink, or a link whose text is ↩ or ^). A
// note referenced is left out where it stands (and its section when all
// its notes were); a note never referenced stays where it is, as text.
// References inside a note stay text: notes do not nest.

type noteDefs struct {
	byID     map[string]*html.Node
	used     map[*html.Node]bool
	sections map[*html.Node][]*html.Node // notes section → its notes
	inNote   bool
	size     map[*html.Node]int // text size of notes referenced again
	budget   int                // bytes of repeated notes still allowed
	cut      int                // repeated references kept as their mark
}

func hasToken(v, tok string) bool {
	for _, f := range strings.Fields(strings.ToLower(v)) {
		if f == tok {
			return true
		}
	}
	return false
}

func hasAnyToken(v string, toks ...string) bool {
	for _, t := range toks {
		if hasToken(v, t) {
			return true
		}
	}
	return false
}

// isNoteSection reports whether e is a section of notes.
func isNoteSection(e *html.Node) bool {
	return hasAnyToken(getAttr(e, "role"), "doc-endnotes", "doc-footnotes") ||
		hasAnyToken(getAttr(e, "epub:type"), "footnotes", "endnotes", "rearnotes") ||
		hasAnyToken(getAttr(e, "class"), "footnotes", "footnote-list", "endnotes", "references") ||
		hasAttr(e, "data-footnotes")
}

// isNote reports whether e is a note by its own attributes.
func isNote(e *html.Node) bool {
	return hasAnyToken(getAttr(e, "role"), "doc-footnote", "doc-endnote") ||
		hasAnyToken(getAttr(e, "epub:type"), "footnote", "endnote", "rearnote")
}

// findNotes collects the notes of the page (all of it: the notes section
// is often outside the <article>).
func (w *walker) findNotes(root *html.Node) {
	walkElements(root, func(e *html.Node) bool {
		if isNoteSection(e) {
			if w.notes.sections == nil {
				w.notes.sections = map[*html.Node][]*html.Node{}
			}
			w.notes.sections[e] = nil
		}
		id := strings.TrimSpace(getAttr(e, "id"))
		if id == "" {
			return true
		}
		var section *html.Node
		if e.DataAtom == atom.Li {
			section = w.sectionOf(e)
		}
		if !isNote(e) && section == nil {
			return true
		}
		if w.notes.byID == nil {
			w.notes.byID = map[string]*html.Node{}
			w.notes.used = map[*html.Node]bool{}
			w.notes.size = map[*html.Node]int{}
			w.notes.budget = max(len(textContent(root)), 64<<10)
		}
		if _, dup := w.notes.byID[id]; !dup {
			w.notes.byID[id] = e
			if section == nil {
				section = w.sectionOf(e)
			}
			if section != nil {
				w.notes.sections[section] = append(w.notes.sections[section], e)
			}
		}
		return false // a note's own content holds no notes
	})
}

// sectionOf returns the notes section e is in: one of its six nearest
// ancestors (a section holds its list directly or through a wrapper), or
// nil.
func (w *walker) sectionOf(e *html.Node) *html.Node {
	for p, i := e.Parent, 0; p != nil && i < 6; p, i = p.Parent, i+1 {
		if _, ok := w.notes.sections[p]; ok {
			return p
		}
	}
	return nil
}

// skipNote reports whether e is a note already taken into a reference, or
// a notes section whose notes all were.
func (w *walker) skipNote(e *html.Node) bool {
	if w.notes.used == nil {
		return false
	}
	if w.notes.used[e] {
		return true
	}
	if ns, ok := w.notes.sections[e]; ok {
		for _, n := range ns {
			if !w.notes.used[n] {
				return false
			}
		}
		return true
	}
	return false
}

var reMark = regexp.MustCompile(`^[\[(]?(?:\d{1,4}|[*†‡§¶]+|[a-zA-Z]|[ivxlcIVXLC]{1,6})[\])]?$`)

// noteRef returns the Note an <a> refers to (or, inside a note, the
// reference's text), and false when it is no note reference.
func (w *walker) noteRef(a *html.Node) ([]convert.Inline, bool) {
	if w.notes.byID == nil {
		return nil, false
	}
	href := strings.TrimSpace(getAttr(a, "href"))
	if !strings.HasPrefix(href, "#") {
		return nil, false
	}
	def := w.notes.byID[strings.TrimPrefix(href, "#")]
	if def == nil {
		return nil, false
	}
	text := strings.TrimSpace(textContent(a))
	marked := hasToken(getAttr(a, "role"), "doc-noteref") || hasToken(getAttr(a, "epub:type"), "noteref") ||
		hasAnyToken(getAttr(a, "class"), "footnote-ref", "footnote-reference", "footnote", "fnref", "noteref") ||
		a.Parent != nil && a.Parent.DataAtom == atom.Sup || find(a, atom.Sup) != nil || reMark.MatchString(text)
	if !marked {
		return nil, false
	}
	mark := []convert.Inline{&convert.Text{Text: text}}
	if w.notes.inNote {
		return mark, true // notes do not nest: the reference stays text
	}
	if w.notes.used[def] {
		// The same note referenced again: a note of its own, as pandoc
		// makes of a repeated Markdown reference, converted again. The
		// copies are bounded by the size of the page (budget): past it,
		// the reference stays its mark.
		size, ok := w.notes.size[def]
		if !ok {
			size = len(textContent(def)) + 1
			w.notes.size[def] = size
		}
		if size > w.notes.budget {
			w.notes.cut++
			return mark, true
		}
		w.notes.budget -= size
	}
	w.notes.used[def] = true
	w.notes.inNote = true
	bs := w.sub(func() { w.blocks(def) })
	w.notes.inNote = false
	if bs == nil {
		bs = []convert.Block{}
	}
	return []convert.Inline{&convert.Note{Blocks: bs}}, true
}

// backLink reports whether e, inside a note, is its link (or the wrapper
// of its link) back to the reference.
func (w *walker) backLink(e *html.Node) bool {
	if !w.notes.inNote {
		return false
	}
	if hasToken(getAttr(e, "role"), "doc-backlink") || hasToken(getAttr(e, "epub:type"), "backlink") ||
		hasAnyToken(getAttr(e, "class"), "footnote-back", "footnote-backref", "reversefootnote", "mw-cite-backlink", "backlink", "fn-back") {
		return true
	}
	if e.DataAtom == atom.A && strings.HasPrefix(strings.TrimSpace(getAttr(e, "href")), "#") {
		switch strings.TrimSpace(textContent(e)) {
		case "↩", "↩\uFE0E", "^", "↑", "⤴", "[return]", "返回":
			return true
		}
	}
	return false
}

// notesOnly returns the notes of ins when ins is notes with only brackets
// and white space around them (<sup>[<a href="#fn1">1</a>]</sup>), else
// nil.
func notesOnly(ins []convert.Inline) []convert.Inline {
	var notes []convert.Inline
	for _, in := range ins {
		switch x := in.(type) {
		case *convert.Note:
			notes = append(notes, x)
		case *convert.Text:
			if strings.Trim(x.Text, " \t\r\n[]()") != "" {
				return nil
			}
		default:
			return nil
		}
	}
	return notes
}

// taskBox returns the task state of a list item that starts with a
// checkbox (<input type="checkbox">, checked or not), as GitHub, pandoc
// and goldmark write task lists: directly, or inside the item's first
// <p> or <label>.
func taskBox(li *html.Node) convert.TaskState {
	n := li.FirstChild
	for depth := 0; n != nil && depth < 3; {
		switch {
		case n.Type == html.TextNode && strings.TrimSpace(n.Data) == "":
			n = n.NextSibling
			continue
		case n.Type != html.ElementNode:
			return convert.NoTask
		case n.DataAtom == atom.Input:
			if !strings.EqualFold(strings.TrimSpace(getAttr(n, "type")), "checkbox") {
				return convert.NoTask
			}
			if hasAttr(n, "checked") {
				return convert.TaskChecked
			}
			return convert.TaskUnchecked
		case n.DataAtom == atom.P || n.DataAtom == atom.Label || n.DataAtom == atom.Span:
			n = n.FirstChild
			depth++
			continue
		}
		return convert.NoTask
	}
	return convert.NoTask
}
