package pdf

import (
	"math"
	"strconv"

	"github.com/docconv/docconv/convert"
)

// Subscripts, superscripts, footnotes and task-list checkboxes.
//
// Sub and Sup are set at 70% of the surrounding size (LaTeX's \scriptsize
// step, the size of typographic superior figures), a superscript's
// baseline raised by 0.36 em and a subscript's lowered by 0.15 em of the
// surrounding size (TeX's sup1 and sub1 for Computer Modern; CSS's
// vertical-align super and sub are about the same). The characters stay
// in the text layer, so extraction reads "x2" and "H2O".
//
// Notes are numbered per document in reading order; the reference is the
// number as a superscript. With NotesFoot (the default) each note is set
// at the foot of the page its reference falls on, at 80% of the body size
// below a short rule, numbered with a hanging indent. A note too long for
// the room left continues at the foot of the next page (before that
// page's own notes); when not even its first line fits, the referencing
// line moves to the next page. With NotesEnd the notes follow the text,
// under a heading "Notes" in the document's language.

// Note placements (Writer.Notes, -V pdf.notes).
const (
	NotesFoot = "foot"
	NotesEnd  = "end"
)

const (
	subSupScale = 0.7
	supRise     = 0.36
	subDrop     = 0.15
	noteScale   = 0.8
)

// subSup returns the format of a subscript or superscript inside f.
func subSup(f runFmt, sup bool) runFmt {
	g := f
	g.size = f.size * subSupScale
	if sup {
		g.rise = f.rise + f.size*supRise
	} else {
		g.rise = f.rise - f.size*subDrop
	}
	return g
}

// noteState numbers the notes and holds their laid-out lines.
type noteState struct {
	end   bool // endnotes: no page-foot placement
	num   map[*convert.Note]int
	order []*convert.Note
	lines [][]slice // per note (number - 1): its lines, laid out by layoutNotes
	laid  []bool    // per note: laid out
	// pending are the notes referenced by the slices emitted since the
	// last layoutNotes.
	pending []int
	// labels: the next list laid out is a list of notes (its numbers
	// read "[1]", as the marks do).
	labels bool
}

// takeLabels reports whether the list being laid out is a list of notes,
// and clears the flag (lists inside the notes are not).
func (n *noteState) takeLabels() bool {
	l := n.labels
	n.labels = false
	return l
}

// labelActual gives the number of a note in a list of notes the text
// "[k]".
func labelActual(items []item, k int) {
	for i := range items {
		if items[i].kind == itText {
			items[i].actual = noteActual(k)
		}
	}
}

// numberNotes numbers the notes of blocks in reading order.
func (t *setter) numberNotes(blocks []convert.Block) {
	convert.Inspect(blocks, func(n any) bool {
		x, ok := n.(*convert.Note)
		if !ok {
			return true
		}
		if t.notes.num == nil {
			t.notes.num = map[*convert.Note]int{}
		}
		if _, seen := t.notes.num[x]; !seen {
			t.notes.order = append(t.notes.order, x)
			t.notes.num[x] = len(t.notes.order)
		}
		return false
	})
}

// noteMark adds the reference mark of a note: its number, superscript.
// The run carries the note's number: the line that holds it takes the
// note to its page (emitLine, takeNoteRefs), and its text reads "[1]"
// (its /ActualText), as the text writer writes it, rather than a digit
// glued to the word before.
func (t *setter) noteMark(p *para, x *convert.Note, f runFmt) {
	k, ok := t.notes.num[x]
	if !ok {
		return
	}
	g := subSup(f, true)
	g.link, g.strike, g.code = "", false, false
	if g.color == linkColor {
		g.color = black
	}
	g.note = int32(k)
	if n := len(p.atoms); n > 0 && p.atoms[n-1].is(fSpace) {
		// The mark belongs to the word before it: no space, no line
		// break between them ("fact.[^1]" written "fact. [^1]").
		p.atoms = p.atoms[:n-1]
	}
	t.addText(p, strconv.Itoa(k), g, -1)
}

// takeNoteRefs moves the note references of a slice's items (itNote) to
// its notes, and drops them from a repeated table header.
func (t *setter) takeNoteRefs(s *slice) {
	if t.notes.end {
		s.notes = nil // the notes follow the text
		defer func() { s.notes = nil }()
	}
	strip := func(items []item, keep *[]int) []item {
		out := items[:0]
		for _, it := range items {
			if it.kind == itNote {
				if keep != nil {
					*keep = append(*keep, it.dest)
				}
				continue
			}
			out = append(out, it)
		}
		return out
	}
	for _, it := range s.items {
		if it.kind == itNote {
			s.items = strip(s.items, &s.notes)
			t.notes.pending = append(t.notes.pending, s.notes...)
			break
		}
	}
	if s.header != nil {
		for _, it := range s.header.items {
			if it.kind == itNote {
				s.header.items = strip(s.header.items, nil)
				break
			}
		}
	}
}

// resetNotes forgets the notes laid out (a layout pass starts).
func (t *setter) resetNotes() {
	t.notes.lines = make([][]slice, len(t.notes.order))
	t.notes.laid = make([]bool, len(t.notes.order))
	t.notes.pending = nil
}

// layoutNotes lays out the blocks of the notes referenced since it last
// ran, for the foot of the page: smaller, without first-line indent,
// numbered with a hanging indent, off the line grid. It runs between
// blocks (before their slices are paginated) and leaves the body's flow,
// marks and state as they were.
func (t *setter) layoutNotes() {
	pending := t.notes.pending
	t.notes.pending = nil
	if t.notes.end || len(pending) == 0 || t.notes.laid == nil {
		return
	}
	savedOut, savedMarks, savedBreak := t.out, len(t.marks), t.pageBreak
	savedSize, savedLead, savedIndent, savedAfter := t.size, t.lead, t.indent, t.afterText
	t.size, t.lead, t.indent = t.size*noteScale, t.lead*0.9, 0
	t.pageBreak = false
	c := t.bodyCtx()
	for _, k := range pending {
		if t.notes.laid[k-1] || t.cancelled() {
			continue
		}
		t.notes.laid[k-1] = true
		n := t.notes.order[k-1]
		t.out = nil
		_, leave := t.enter("Note")
		t.notes.labels = true
		blocks := n.Blocks
		if len(blocks) == 0 {
			blocks = []convert.Block{&convert.Paragraph{}}
		}
		t.list(&convert.List{Ordered: true, Start: k, Tight: true, Items: [][]convert.Block{blocks}}, c, 0)
		leave()
		for j := range t.out {
			s := &t.out[j]
			s.grid, s.keep, s.soft, s.mark, s.newPage, s.header = false, false, false, 0, false, nil
			if j == 0 {
				s.before = 0
			}
		}
		t.notes.lines[k-1] = t.out
	}
	t.marks = t.marks[:savedMarks]
	t.out, t.pageBreak = savedOut, savedBreak
	t.size, t.lead, t.indent, t.afterText = savedSize, savedLead, savedIndent, savedAfter
}

// endNotes lays out the notes after the text (NotesEnd): a heading, then
// the notes as a numbered list.
func (t *setter) endNotes(level int) {
	if !t.notes.end || len(t.notes.order) == 0 {
		return
	}
	t.heading(&convert.Heading{Level: level, Inlines: []convert.Inline{&convert.Text{Text: notesHeading(t.lang)}}}, t.bodyCtx())
	items := make([][]convert.Block, len(t.notes.order))
	for i, n := range t.notes.order {
		items[i] = n.Blocks
	}
	t.notes.labels = true
	t.list(&convert.List{Ordered: true, Start: 1, Items: items}, t.bodyCtx(), t.size*0.3)
}

// notesHeading is the heading of the endnotes in a language.
func notesHeading(lang string) string {
	switch convert.ScriptOf(lang) {
	case convert.ScriptHant:
		return "註釋"
	case convert.ScriptHans:
		return "注释"
	case convert.ScriptJa:
		return "注"
	case convert.ScriptKo:
		return "주석"
	}
	return "Notes"
}

// topLevel returns the level of the document's top headings (1 when it
// has none), for the endnotes' heading.
func topLevel(blocks []convert.Block) int {
	top := 7
	for _, b := range blocks {
		if h, ok := b.(*convert.Heading); ok {
			top = min(top, h.Level)
		}
	}
	if top == 7 {
		return 1
	}
	return min(max(top, 1), 6)
}

// foot is the note area of the page being filled (paginate).
type foot struct {
	t     *setter
	carry []slice // note lines carried over from the page before
	// Of the page being filled: the height of its note area (rule
	// included; 0 when empty) and of the carried lines it shows.
	h      float64
	carryH float64
	placed map[int]bool // notes placed (a *Note referenced twice is set once)
}

// sep is the space the rule above the notes takes.
func (f *foot) sep() float64 { return f.t.size * 0.9 }

// height of lines.
func linesHeight(ls []slice) float64 {
	h := 0.0
	for i, s := range ls {
		h += s.h
		if i > 0 {
			h += s.before
		}
	}
	return h
}

// startPage begins a page: the carried lines take up to half the text
// block (the rest is carried further).
func (f *foot) startPage(block float64) {
	f.h, f.carryH = 0, 0
	if len(f.carry) == 0 {
		return
	}
	f.carryH = min(linesHeight(f.carry), block/2)
	f.h = f.sep() + f.carryH
}

// need returns the height of the note area with the notes of s added:
// whole, or (first) with only the first line of s's first note.
func (f *foot) need(s *slice) (whole, first float64) {
	if len(s.notes) == 0 || f.t.notes.lines == nil {
		return f.h, f.h
	}
	h := f.h
	if h == 0 {
		h = f.sep()
	}
	first = h
	for i, k := range s.notes {
		if f.placed[k] {
			continue
		}
		ls := f.t.notes.lines[k-1]
		if i == 0 && len(ls) > 0 {
			first += ls[0].h
		}
		h += linesHeight(ls)
	}
	return h, first
}

// add takes the notes of s into the page's area.
func (f *foot) add(s *slice) {
	f.h, _ = f.need(s)
}

// place puts the notes of the page's slices at the foot of the page (the
// text block ends at bottom, the text at used), carrying what does not
// fit to the next page.
func (f *foot) place(pg *page, slices []slice, bottom, used float64) {
	t := f.t
	var ls []slice
	ls = append(ls, f.carry...)
	f.carry = nil
	for i := range slices {
		for _, k := range slices[i].notes {
			if t.notes.lines != nil && !f.placed[k] {
				if f.placed == nil {
					f.placed = map[int]bool{}
				}
				f.placed[k] = true
				ls = append(ls, t.notes.lines[k-1]...)
			}
		}
	}
	if len(ls) == 0 {
		return
	}
	room := bottom - used - f.sep()
	h, n := 0.0, 0
	for n < len(ls) {
		add := ls[n].h
		if n > 0 {
			add += ls[n].before
		}
		if h+add > room+0.01 {
			break
		}
		h += add
		n++
	}
	if n == 0 && used <= t.top+0.01 {
		// A page of notes only: at least one line goes on it.
		n, h = 1, ls[0].h
	}
	f.carry = append(f.carry, ls[n:]...)
	if n == 0 {
		return
	}
	y := bottom - h
	// The rule: a fifth of the measure, at the left of the text block.
	pg.items = append(pg.items, item{kind: itLine, x: t.left, y: y - f.sep()/2, w: math.Round(t.measure / 5), lw: 0.5, color: black, tag: tagArtifact})
	for j := 0; j < n; j++ {
		s := &ls[j]
		if j > 0 {
			y += s.before
		}
		for _, it := range s.items {
			it.y += y
			pg.items = append(pg.items, it)
		}
		y += s.h
	}
}

// boxWidth is the width a task-list checkbox takes in the marker column.
func (t *setter) boxWidth(ts convert.TaskState) float64 {
	if ts == convert.NoTask {
		return 0
	}
	return t.size * 1.0
}

// checkbox draws the checkbox of a task-list item at x on the baseline
// base: a square outline, with a check mark when done. The embedded fonts
// have no ☐ or ☑, so the box is drawn, and its text goes into the text
// layer as the /ActualText of a space, as a missing glyph's box does:
// extraction reads "[x] done" and "[ ] to do", as the text and Markdown
// writers write task items.
func (t *setter) checkbox(ts convert.TaskState, x, base float64, tag int32, items *[]item) {
	if ts == convert.NoTask {
		return
	}
	sz := t.size
	side := sz * 0.68
	top := base - sz*0.68
	*items = append(*items, item{kind: itRect, x: x, y: top, w: side, h: side, lw: sz * 0.055, color: black, tag: tagArtifact})
	text := "[ ]"
	if ts == convert.TaskChecked {
		text = "[x]"
		lw := sz * 0.08
		*items = append(*items,
			item{kind: itLine, x: x + side*0.18, y: top + side*0.52, w: side * 0.22, h: side * 0.26, lw: lw, color: black, tag: tagArtifact},
			item{kind: itLine, x: x + side*0.40, y: top + side*0.78, w: side * 0.44, h: -side * 0.6, lw: lw, color: black, tag: tagArtifact})
	}
	if e, ok := t.fs.lookup(' ', 0); ok {
		e.face.use(' ')
		*items = append(*items, item{kind: itActual, x: x, y: base, face: e.face, size: sz,
			tc: t.boxWidth(ts) - e.face.advance(' ')*sz, text: text, tag: tag})
	}
}

// noteActual is the text of a note's mark and label: "[1]".
func noteActual(k int) string { return "[" + strconv.Itoa(k) + "]" }
