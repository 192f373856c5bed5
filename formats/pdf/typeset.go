package pdf

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
	"github.com/docconv/docconv/formats/pdf/internal/hyph"
	"github.com/go-text/typesetting/segmenter"
)

// itemKind is what a page item draws.
type itemKind uint8

const (
	itText   itemKind = iota // text run
	itRect                   // rectangle (fill or stroke)
	itLine                   // horizontal line of width w (or a vertical one of height h when w is 0; both: from (x, y) to (x+w, y+h))
	itBox                    // outline box of a missing glyph
	itLink                   // link area: a URI, or "#id" for a heading
	itGoto                   // internal link area to mark dest
	itDots                   // dotted leader line
	itActual                 // a space standing (/ActualText) for the characters drawn as a box
	itDot                    // filled circle of radius w centred on (x, y): an emphasis dot
	itImage                  // image dest (setter.images) in the box (x, y, w, h), y its top (image.go)
	itNote                   // a footnote reference (number dest): not drawn, taken by emit (notes.go)
)

// item is one thing drawn on a page. Coordinates are in pt from the top
// left; for text, (x, y) is the start of the baseline.
type item struct {
	kind       itemKind
	x, y, w, h float64
	face       *face
	size, tc   float64
	synth      bool // synthetic bold
	slant      bool // synthetic oblique
	fill       bool
	lw         float64
	color      rgb
	text       string
	actual     string // itText: /ActualText, the logical text of a right-to-left run (bidi.go)
	url        string
	dest       int   // itGoto: the mark; itImage: the image
	tag        int32 // structure element (> 0) or artifact (tagged.go)
}

// mark is a heading: a bookmark and a contents entry.
type mark struct {
	title string
	id    string // the heading's anchor, target of "#id" links
	level int    // 1-based heading level
}

// slice is an unbreakable piece of the flow: a line of text, a table row,
// a rule. Items are relative to the slice's top left corner (x absolute).
type slice struct {
	h      float64
	before float64 // space above, dropped at the top of a page
	keep   bool    // keep with the next slice on the same page
	// soft keeps with the next slice unless the page would then end two
	// lines short or more (widow and orphan control, see paginate).
	soft    bool
	grid    bool // a body line: its top sits on the line grid
	items   []item
	mark    int     // index into setter.marks + 1; 0 when none
	base    float64 // first baseline (list markers align on it)
	newPage bool    // start a new page before this slice
	header  *slice  // table header row repeated when a page break falls inside the table
	notes   []int   // footnotes referenced on this line, by number (notes.go)
}

// setter lays a document out into slices and pages.
type setter struct {
	fs   *fontSet
	lang string
	cjk  bool
	// widePunct sets ambiguous-width marks (quotes, ellipsis, dashes,
	// middle dot) full width: Chinese and Japanese, not Korean.
	widePunct bool
	// keepAll breaks Korean only at spaces and justifies at the spaces.
	keepAll bool
	loc     locale
	pageW   float64
	pageH   float64
	top     float64
	bottom  float64
	left    float64
	measure float64
	size    float64 // body size
	lead    float64 // line pitch as a multiple of the size
	indent  float64 // first-line indent in em
	seg     segmenter.Segmenter
	rbuf    []rune
	missing map[rune]int
	content contentStats // links written as text, unjoined Arabic (links.go)
	marks   []mark
	// out holds the slices laid out and not yet handed to the paginator;
	// outBase is the number handed over before them. Slices are numbered
	// from the start of the flow (see n and at).
	out     []slice
	outBase int
	// sink, when set, takes the slices of out at the points where they
	// are final (handOver): the body is paginated as it is laid out.
	sink    func([]slice)
	scratch []atom // reused atom buffer of body paragraphs
	// The paragraph breaker's state and the hyphenator (knuth.go,
	// hyphen.go).
	kp       kpState
	hyph     *hyph.Hyphenator
	hyphInit bool
	// afterText: the block being laid out follows a paragraph or a
	// heading, or comes first in its container (set by blocks).
	afterText bool
	// goctx is the conversion's context (ctx is the layout box type).
	goctx context.Context
	// pageBreak: a PageBreak was met; the next slice emitted starts a
	// new page.
	pageBreak bool
	// measuring: the first pass of Writer.Write, whose pages are counted
	// and dropped: text runs are laid out without their text (the faces
	// and their glyphs are what it needs of them).
	measuring bool
	// bodyStart is the number of slices before the body's (the title
	// block's): a page break before the body's first slice is none.
	bodyStart int
	// The structure of a tagged PDF (tagged.go): its elements, the
	// element new blocks go in, and the state of heading levels.
	elems       []selem
	parent      int32
	titleTagged bool
	hTop, hLast int
	// The images drawn, in order of first use (image.go).
	images   []*pdfImage
	imageIdx map[*convert.Resource]int
	notes    noteState // footnotes (notes.go)
}

// ctx is the box a block is laid out in.
type ctx struct {
	x, w     float64   // left edge and width of the measure
	bars     []float64 // x of the rules of the enclosing quotes
	barStart []int     // index of the first slice of each quote
	inList   bool
	tight    bool // inside an item of a tight list
	quote    int
}

func (t *setter) body() runFmt { return runFmt{size: t.size, color: black, tag: t.parent} }

func (t *setter) pitch(size float64) float64 { return size * t.lead }

// ascent places the baseline in a line of the given pitch: the em box is
// centred in the line, the baseline 0.88 em below its top.
func ascentIn(pitch, size float64) float64 { return (pitch-size)/2 + size*0.88 }

// n is the number of slices emitted so far (handed over or not).
func (t *setter) n() int { return t.outBase + len(t.out) }

// at returns slice i (numbered as n counts), which must not have been
// handed over.
func (t *setter) at(i int) *slice { return &t.out[i-t.outBase] }

// handOver gives the slices before slice upto (numbered as n counts) to
// t.sink, once nothing changes them any more.
func (t *setter) handOver(upto int) {
	k := upto - t.outBase
	if t.sink == nil || k <= 0 {
		return
	}
	t.sink(t.out[:k])
	rest := copy(t.out, t.out[k:])
	clear(t.out[rest:])
	t.out = t.out[:rest]
	t.outBase = upto
}

// emit appends a slice to the flow, drawing the quote bars of c.
func (t *setter) emit(c ctx, s slice) {
	for i, bx := range c.bars {
		// A bar bridges the space above the slice, except above the first
		// slice of its quote.
		top := -s.before
		if i < len(c.barStart) && c.barStart[i] == t.n() {
			top = 0
		}
		s.items = append(s.items, item{kind: itLine, x: bx, y: top, h: s.h - top, lw: 1.5, color: rgb{0.75, 0.75, 0.75}})
	}
	if t.pageBreak {
		s.newPage, t.pageBreak = true, false
	}
	t.takeNoteRefs(&s)
	t.out = append(t.out, s)
}

// blocks lays out a sequence of blocks.
func (t *setter) blocks(bs []convert.Block, c ctx) {
	for i, b := range bs {
		if t.cancelled() {
			return
		}
		t.afterText = i == 0 // the first block: the space above is its container's
		if i > 0 {
			switch bs[i-1].(type) {
			case *convert.Paragraph, *convert.Heading:
				t.afterText = true
			}
		}
		t.block(b, c, i == 0)
	}
}

// cancelled reports whether the conversion was cancelled: layout loops
// check it at every block and every chunk of a long paragraph, so that an
// interrupt acts within a fraction of a second.
func (t *setter) cancelled() bool {
	return t.goctx != nil && t.goctx.Err() != nil
}

func (t *setter) block(b convert.Block, c ctx, first bool) {
	gap := t.size * 0.3
	if !t.cjk {
		gap = t.size * 0.6
	}
	if first && (c.inList || c.quote > 0) {
		gap = 0
	}
	if _, ok := b.(*convert.List); ok && c.tight {
		// A list nested in a tight list is as tight as its items: no
		// space above it, as there is none below it.
		gap = 0
	}
	switch x := b.(type) {
	case *convert.Heading:
		t.heading(x, c)
	case *convert.Paragraph:
		if t.imageParagraph(x, c, gap) {
			return
		}
		// The atoms of a body paragraph are dropped once its lines are
		// emitted: reuse one buffer.
		p := para{atoms: t.scratch[:0]}
		defer func() { t.scratch = p.atoms[:0] }()
		indent := t.indent * t.size
		if c.inList {
			indent = 0
		}
		if indent > 0 && t.afterText {
			// The indent marks the paragraph: no space after a paragraph
			// or a heading, so that lines stay on the line grid. After a
			// list, quote, code block or table, and between paragraphs
			// without an indent, paginate rounds the space up to a whole
			// line.
			gap = 0
		}
		ps := &paraStream{t: t, c: c, indent: indent, align: alignJustify, size: t.size, before: gap}
		ps.top = !c.inList && c.quote == 0 && len(c.bars) == 0
		ps.attach(&p)
		f := t.body()
		f.tag = t.newElem(blockRole(x), t.parent)
		t.elems[f.tag].lang = t.blockLang(inlineSample(x.Inlines, langSample))
		t.addInlines(&p, x.Inlines, f)
		if idx := ps.finish(&p); len(idx) > 0 && len(idx) <= 2 && headingLike(x.Inlines) {
			// A short, fully bold paragraph reads as a heading: kept with
			// the next line, as headings are.
			t.at(idx[len(idx)-1]).keep = true
		}
	case *convert.List:
		t.list(x, c, gap)
	case *convert.Quote:
		q := c
		if c.w-t.size*1.5 >= t.measure/2 {
			q.bars = append(append([]float64(nil), c.bars...), c.x+t.size*0.4)
			q.barStart = append(append([]int(nil), c.barStart...), t.n())
			q.x += t.size * 1.5
			q.w -= t.size * 1.5
		}
		// Deeper quotes are not indented further (nor ruled): the measure
		// stays at least half the page's, and the rules drawn beside every
		// line stay few.
		q.quote++
		start := t.n()
		_, leave := t.enter(blockRole(x))
		t.blocks(x.Blocks, q)
		leave()
		if start < t.n() {
			t.at(start).before = max(t.at(start).before, gap)
		}
	case *convert.CodeBlock:
		t.code(x, c, gap)
	case *convert.Table:
		t.table(x, c, gap)
	case *convert.FigureBlock:
		t.figure(x, c, gap)
	case *convert.Rule:
		h := t.size * 1.6
		// A thematic break is drawn, not read: an artifact.
		t.emit(c, slice{h: h, before: gap, items: []item{{kind: itLine, x: c.x + c.w*0.25, y: h / 2, w: c.w * 0.5, lw: 0.6, color: grey}}})
	case *convert.PageBreak:
		t.pageBreak = t.n() > t.bodyStart // the next slice starts a new page
	}
}

// paraSlices lays p out and emits one slice per line. The first line
// keeps with the second and the last but one with the last (no orphans,
// no widows).
func (t *setter) paraSlices(p *para, c ctx, indent float64, align alignment, size, before float64) []int {
	ps := &paraStream{t: t, c: c, indent: indent, align: align, size: size, before: before}
	return ps.finish(p)
}

// streamChunk is the number of atoms at which a body paragraph being read
// is laid out, its complete lines emitted and their atoms dropped, so
// that a paragraph of any length takes bounded memory (an atom is 64
// bytes: a 50 MB line took 3.3 GB). A paragraph with right-to-left text
// is laid out whole (the bidirectional algorithm needs all of it). streamMargin atoms before the end are
// kept with the line they are in: breaking a line looks ahead of it (a
// long word, a URL) no further than that.
var (
	streamChunk  = 1 << 15
	streamMargin = 1 << 12
)

// paraStream emits the lines of a paragraph as paraSlices does, while the
// paragraph is read when attached to it.
type paraStream struct {
	t            *setter
	c            ctx
	indent       float64
	align        alignment
	size, before float64
	idx          []int  // slices emitted, numbered as t.n counts
	work         []atom // the atoms being laid out by flush
	// carry is the state of the last line emitted, which the paragraph
	// breaker continues from (set once carried).
	carry   kpCarry
	carried bool
	// A title's lines: their pitch, all kept with the next.
	pitch   float64
	heading bool
	// top: a paragraph of the body (not in a list or a quote), whose
	// lines can be handed to the paginator as they are emitted.
	top bool
}

// attach makes addText call ps.flush whenever p holds streamChunk atoms.
func (ps *paraStream) attach(p *para) {
	p.flush = ps.flush
	p.flushAt = len(p.atoms) + streamChunk
}

// lineIndent is the indent of the first line laid out next.
func (ps *paraStream) lineIndent() float64 {
	if len(ps.idx) == 0 {
		return ps.indent
	}
	return 0
}

// emitLines emits lines of p as slices.
func (ps *paraStream) emitLines(p *para, lines []line) {
	t := ps.t
	pitch := ps.pitch
	if pitch == 0 {
		pitch = t.pitch(ps.size)
	}
	for _, l := range lines {
		var items []item
		base := ascentIn(pitch, ps.size)
		t.emitLine(p, l, ps.c.x, base, &items)
		s := slice{h: pitch, items: items, base: base, grid: ps.size == t.size, keep: ps.heading}
		if len(ps.idx) == 0 {
			s.before = ps.before
		}
		ps.idx = append(ps.idx, t.n())
		t.emit(ps.c, s)
	}
}

// flush lays out what p holds, emits the lines that end streamMargin
// atoms or more before its end and drops their atoms.
func (ps *paraStream) flush(p *para) {
	p.flushAt = len(p.atoms) + streamChunk
	if ps.t.cancelled() {
		p.atoms = p.atoms[:0] // nothing more is laid out
		p.stopped = true
		return
	}
	// The bidirectional algorithm resolves a paragraph as a whole: one
	// with right-to-left text is laid out whole.
	p.bidi = nil
	if ps.t.bidiOf(p).levels != nil {
		p.bidi = nil
		p.flush = nil
		return
	}
	p.bidi = nil
	// Breaking lines may compress punctuation in place to push a line
	// in: the layout works on a copy, so that the atoms kept for the next
	// layout are as read.
	orig := p.atoms
	ps.work = append(ps.work[:0], orig...)
	p.atoms = ps.work
	ps.t.kp.margin = streamMargin
	lines := ps.layout(p)
	ps.t.kp.margin = 0
	k := len(lines) - 1
	for k > 0 && lines[k].s > len(p.atoms)-streamMargin {
		k--
	}
	if f := ps.t.kp.final; f >= 0 {
		// Justified: the lines the paragraph breaker commits to
		// (knuth.go).
		k = min(f, len(lines)-1)
	}
	if k > 0 {
		ps.emitLines(p, lines[:k])
		ps.carry, ps.carried = ps.t.kp.pending, true
		if ps.top && !ps.heading && len(ps.idx) > 3 {
			// A long paragraph of the body is paginated as it is read:
			// its lines but the last emitted are final (finish marks the
			// first and the last but one soft, as here).
			if ps.idx[0] >= ps.t.outBase {
				ps.t.at(ps.idx[0]).soft = true
			}
			ps.t.handOver(ps.idx[len(ps.idx)-1])
		}
	}
	p.atoms = orig
	p.bidi = nil
	if k <= 0 {
		return
	}
	p.drop(lines[k].s)
	p.flushAt = len(p.atoms) + streamChunk
}

// layout lays out what p holds, the first line continuing from the last
// one emitted.
func (ps *paraStream) layout(p *para) []line {
	ps.t.kp.carry, ps.t.kp.useCarry = ps.carry, ps.carried
	defer func() { ps.t.kp.useCarry = false }()
	return ps.t.layoutPara(p, ps.c.w, ps.lineIndent(), ps.align)
}

// finish lays out the rest of p and sets the keeps: the first line with
// the second, the last but one with the last. It returns the slices of
// the paragraph's lines.
func (ps *paraStream) finish(p *para) []int {
	p.flush = nil
	if ps.t.cancelled() {
		return ps.idx
	}
	ps.emitLines(p, ps.layout(p))
	if n := len(ps.idx); n > 1 && !ps.heading {
		if ps.idx[0] >= ps.t.outBase { // else handed over, marked by flush
			ps.t.at(ps.idx[0]).soft = true
		}
		ps.t.at(ps.idx[n-2]).soft = true
	}
	return ps.idx
}

// headingLike reports whether a paragraph is all bold (white space
// aside): set in at most two lines, it reads as a heading.
func headingLike(ins []convert.Inline) bool {
	bold := false
	for _, in := range ins {
		switch x := in.(type) {
		case *convert.Strong:
			bold = true
		case *convert.Text:
			if strings.TrimSpace(x.Text) != "" {
				return false
			}
		default:
			return false
		}
	}
	return bold
}

var headingScale = [...]float64{1.7, 1.4, 1.2, 1.08, 1, 1}

func (t *setter) heading(h *convert.Heading, c ctx) {
	lv := min(max(h.Level, 1), 6)
	size := t.size * headingScale[lv-1]
	var p para
	id := t.newElem("H", t.parent)
	t.addInlines(&p, h.Inlines, runFmt{st: stBold | stSans, size: size, color: black, tag: id})
	if len(p.atoms) == 0 {
		return // an empty element, left out of the structure tree
	}
	t.elems[id].role = t.headingRole(lv)
	t.elems[id].lang = t.blockLang(inlineSample(h.Inlines, langSample))
	t.marks = append(t.marks, mark{title: strings.TrimSpace(convert.PlainText(h.Inlines)), id: h.ID, level: lv})
	before := size * 1.1
	if lv >= 3 {
		before = size * 0.8
	}
	lines := t.layoutPara(&p, c.w, 0, alignLeft)
	pitch := size * 1.45
	// The heading takes a whole number of body lines, the space above it
	// rounded up: the text below stays on the line grid, and close to its
	// heading.
	total := before + pitch*float64(len(lines)) + size*0.3
	grid := t.pitch(t.size)
	before += math.Ceil(total/grid-1e-6)*grid - total
	for i, l := range lines {
		var items []item
		base := ascentIn(pitch, size)
		t.emitLine(&p, l, c.x, base, &items)
		s := slice{h: pitch, items: items, keep: true, base: base}
		if i == 0 {
			s.before = before
			s.mark = len(t.marks)
		}
		if i == len(lines)-1 {
			s.h += size * 0.3
		}
		t.emit(c, s)
	}
}

func (t *setter) list(l *convert.List, c ctx, gap float64) {
	start := l.Start
	if start == 0 {
		start = 1
	}
	// The marker column is as wide as the widest marker.
	markerW := 0.0
	markers := make([]string, len(l.Items))
	for i := range l.Items {
		if l.Ordered {
			markers[i] = strconv.Itoa(start+i) + ". "
		} else if l.Task(i) == convert.NoTask {
			markers[i] = "• "
		}
		markerW = max(markerW, t.textWidth(markers[i], 0, t.size)+t.boxWidth(l.Task(i)))
	}
	ind := max(markerW+t.size*0.3, t.size*1.5)
	if c.w-ind < t.measure/2 && c.x-ind >= t.left {
		// Nested deeper than half the measure allows: this list takes its
		// parent's marker column instead of indenting further, so its text
		// keeps a measure (it ran out at about 24 levels, and the items'
		// text was lost), as deep quotes stop indenting.
		c.x -= ind
		c.w += ind
	}
	labels := t.notes.takeLabels() // a list of notes: its numbers read "[1]" (notes.go)
	lid, leave := t.enter(blockRole(l))
	defer leave()
	inner := c
	inner.x += ind
	inner.w -= ind
	inner.inList = true
	inner.tight = l.Tight
	for i, it := range l.Items {
		first := t.n()
		li, lbl, body := lid, lid, lid // nested too deep: in the container (see enter)
		if t.depthOf(lid) < maxStructDepth {
			li = t.newElem("LI", lid)
			lbl = t.newElem("Lbl", li)
			body = t.newElem("LBody", li)
		}
		t.parent = body
		t.blocks(it, inner)
		t.parent = lid
		if first == t.n() {
			t.emit(inner, slice{h: t.pitch(t.size), base: ascentIn(t.pitch(t.size), t.size)})
		}
		s := t.at(first)
		if i == 0 {
			s.before = max(s.before, gap)
		} else if !l.Tight {
			s.before = max(s.before, t.size*0.3)
		} else {
			s.before = 0
		}
		var p para
		mf := t.body()
		mf.tag = lbl
		t.addText(&p, strings.TrimSpace(markers[i]), mf, -1)
		ml := line{s: 0, e: len(p.atoms), width: naturalWidth(p.atoms, 0, len(p.atoms))}
		position(p.atoms, ml, alignLeft)
		base := s.base
		if base == 0 {
			base = t.size
		}
		x := c.x
		if l.Ordered {
			x = c.x + markerW - t.textWidth(markers[i], 0, t.size) // right-align numbers
		}
		if l.Ordered {
			x -= t.boxWidth(l.Task(i))
		}
		var mk []item
		t.emitLine(&p, ml, x, base, &mk)
		if labels {
			labelActual(mk, start+i)
		}
		t.checkbox(l.Task(i), x+t.textWidth(markers[i], 0, t.size), base, lbl, &mk)
		s.items = append(mk, s.items...) // the marker first, in reading order
	}
}

func (t *setter) code(cb *convert.CodeBlock, c ctx, gap float64) {
	size := t.size * 0.88
	pitch := size * 1.45
	pad := size * 0.6
	f := runFmt{st: stMono, size: size, color: black, tag: t.newElem(blockRole(cb), t.parent)}
	lines := strings.Split(trimLines(cb.Text), "\n")
	bgc := rgb{0.94, 0.94, 0.94}
	var all []slice
	for _, src := range lines {
		src = strings.ReplaceAll(src, "\t", "    ")
		var p para
		fi := p.fmtOf(f)
		for _, r := range src {
			if r == ' ' {
				a := atom{r: ' ', fmt: fi, ruby: -1}
				if e, ok := t.fs.lookup(' ', f.st); ok {
					a.face = e.face
					a.adv = e.face.advance(' ') * size
				}
				// Code spaces are kept (not collapsed) and are not break
				// opportunities at the start of a line.
				p.atoms = append(p.atoms, a)
				continue
			}
			t.addText(&p, string(r), f, -1)
		}
		var ls []line
		if len(p.atoms) > 0 {
			ls = t.layoutCode(&p, c.w-2*pad)
		} else {
			ls = []line{{}}
		}
		for _, l := range ls {
			var items []item
			base := ascentIn(pitch, size)
			// The shading of a line reaches half a point into the next
			// line's: abutting rectangles leave hairline seams in
			// anti-aliased renderers.
			items = append(items, item{kind: itRect, x: c.x, y: 0, w: c.w, h: pitch + 0.5, fill: true, color: bgc})
			if l.e > l.s {
				t.emitLine(&p, l, c.x+pad, base, &items)
			}
			all = append(all, slice{h: pitch, items: items, base: base})
		}
	}
	if len(all) == 0 {
		return
	}
	// Padding above the first and below the last line.
	all[0].items = append([]item{{kind: itRect, x: c.x, y: -pad / 2, w: c.w, h: pad/2 + 0.5, fill: true, color: bgc}}, all[0].items...)
	all[0].before = gap + pad/2
	last := &all[len(all)-1]
	last.items = append(last.items, item{kind: itRect, x: c.x, y: last.h - 0.5, w: c.w, h: pad/2 + 0.5, fill: true, color: bgc})
	last.h += pad / 2
	for i := range all {
		all[i].soft = len(all) > 1 && (i == 0 || i == len(all)-2)
		t.emit(c, all[i])
	}
}

// layoutCode breaks a code line: at spaces and UAX #14 opportunities, and
// anywhere when a token is longer than the measure; no justification.
// Continuation lines hang: they start two columns right of the line's own
// indentation, so that a wrapped line does not read as a new statement.
func (t *setter) layoutCode(p *para, measure float64) []line {
	brk := breaks(p.atoms, &t.seg, &t.rbuf, t.keepAll)
	hang := 0.0
	for _, a := range p.atoms {
		if a.r != ' ' {
			break
		}
		hang += a.adv
	}
	if len(p.atoms) > 0 {
		hang += 2 * 0.6 * p.fmts[p.atoms[0].fmt].size // two columns of Liberation Mono
	}
	if hang > measure/2 {
		hang = 0
	}
	lines := breakLines(p.atoms, brk, measure-hang, -hang, 0, nil)
	for i := range lines {
		lines[i].justify = false
		lines[i].avail = measure
		if i > 0 {
			lines[i].avail -= hang
		}
		lines[i].off = position(p.atoms, lines[i], alignLeft)
		if i > 0 {
			lines[i].off += hang
		}
	}
	return lines
}

// balanced lays text out centred in as few lines as the measure allows,
// on the narrowest measure that still needs no more lines, so that a
// title of two lines does not end with a lone word (Latin and Korean,
// which break at spaces). It returns the para,
// its lines and the measure used (to be centred in the full one).
func (t *setter) balanced(text string, f runFmt, measure float64) (*para, []line, float64) {
	set := func(w float64) (*para, []line) {
		p := &para{}
		t.addText(p, text, f, -1)
		return p, t.layoutPara(p, w, 0, alignCenter)
	}
	p, lines := set(measure)
	n := len(lines)
	if n < 2 || n > 8 || (t.cjk && !t.keepAll) {
		// Chinese and Japanese break between any characters: a narrower
		// measure would split words that the full one keeps whole. A
		// title of more than eight lines is not balanced (each try is a
		// layout of all of it).
		return p, lines, measure
	}
	lo, hi := measure*float64(n-1)/float64(n), measure
	for range 12 {
		mid := (lo + hi) / 2
		if _, ls := set(mid); len(ls) == n {
			hi = mid
		} else {
			lo = mid
		}
	}
	if hi < measure {
		p, lines = set(hi)
	}
	return p, lines, hi
}

// title lays out the document title block of the first page.
func (t *setter) title(m *convert.Meta, c ctx) {
	if m.Title == "" {
		return
	}
	size := t.size * 1.9
	pitch := size * 1.4
	f := runFmt{st: stBold | stSans, size: size, color: black, tag: t.newElem("H1", t.parent)}
	t.titleTagged = true
	if len(m.Title) > 4*maxHeadRunes {
		// A title longer than a page is not balanced (see balanced):
		// laid out as it is read, centred, like a heading.
		var p para
		ps := &paraStream{t: t, c: c, align: alignCenter, size: size, pitch: pitch, heading: true}
		ps.attach(&p)
		t.addText(&p, m.Title, f, -1)
		ps.finish(&p)
	} else {
		p, lines, w := t.balanced(m.Title, f, c.w)
		x := c.x + (c.w-w)/2
		for _, l := range lines {
			var items []item
			base := ascentIn(pitch, size)
			t.emitLine(p, l, x, base, &items)
			t.emit(c, slice{h: pitch, items: items, keep: true, base: base})
		}
	}
	sub := []string{}
	if m.Subtitle != "" {
		var sp para
		t.addText(&sp, m.Subtitle, runFmt{st: stSans, size: t.size * 1.2, color: black, tag: t.newElem(roleP, t.parent)}, -1)
		// Set off from the title by a little more than the title's own
		// leading, so that it does not read as a third title line.
		t.paraSlices(&sp, c, 0, alignCenter, t.size*1.2, t.size*0.5)
	}
	if len(m.Authors) > 0 {
		sub = append(sub, strings.Join(m.Authors, t.loc.authorSep))
	}
	if m.Date != "" {
		sub = append(sub, m.Date)
	}
	if len(sub) > 0 {
		var sp para
		t.addText(&sp, strings.Join(sub, "  "), runFmt{size: t.size * 0.9, color: grey, tag: t.newElem(roleP, t.parent)}, -1)
		t.paraSlices(&sp, c, 0, alignCenter, t.size*0.9, t.size*0.2)
	}
	// Space below the title block.
	t.emit(c, slice{h: t.size * 1.2})
}

// bodyCtx is the full measure.
func (t *setter) bodyCtx() ctx { return ctx{x: t.left, w: t.measure} }

// page is a laid-out page.
type page struct {
	items []item
	marks []int // marks placed on this page
	// block is the bottom of the text block (a whole number of body lines
	// below t.top), used the bottom of the last slice on the page.
	block, used float64
	// section: the page is a section's last (a heading, a page break or
	// the end follows), so it may end short.
	section bool
	grid    []float64 // tops of the body lines (on the line grid)
}

// paginate distributes slices over pages (see paginator); markPage,
// when not nil, is told the page (from 0) and the top of every mark.
func (t *setter) paginate(slices []slice, markPage func(m, page int, y float64)) []page {
	var pages []page
	p := t.newPaginator(func(pg page) { pages = append(pages, pg) }, markPage)
	p.add(slices)
	p.finish()
	return pages
}

// paginator distributes slices over pages, honouring keep-with-next
// (headings, bold paragraphs that read as headings, table headers) and
// dropping the space above a slice at the top of a page. It takes the
// slices as they are laid out (add) and gives each page to emit as soon
// as the slices that follow can no longer change it, so that only the
// slices of about one page are held.
//
// The text block is a whole number of body lines high and body lines
// (slice.grid) sit on a line grid from t.top, so lines of facing pages
// align: a slice that follows a heading, a table or a code block starts at
// the next grid line.
//
// Widows and orphans (slice.soft: the first line of a paragraph alone at
// a page foot, its last line alone at a page head) are avoided by moving a
// line to the next page, which ends the page one line short. When that
// would leave the page two lines short or more (a paragraph of three
// lines with two lines of room), the page is filled instead, accepting an
// orphan rather than a widow: pages are full to within one line, except a
// section's last page, where the slack before a heading stays.
//
// Each page is measured once forward and at most one page back, so
// pagination is linear in the number of slices.
type paginator struct {
	t        *setter
	emit     func(page)
	markPage func(m, page int, y float64)
	pitch    float64
	bottom   float64
	pending  []slice // slices not yet placed
	first    bool    // pending[0] is the first slice of the flow
	pages    int     // pages emitted
	ends     []float64
	// bound is more than the height the pending slices can take (their
	// space above, a repeated header and a grid step each): while it is
	// less than the text block, no page can be decided yet.
	bound   float64
	newPage bool  // a pending slice starts a new page
	foot    *foot // the footnotes at the foot of each page (notes.go)
}

func (t *setter) newPaginator(emit func(page), markPage func(m, page int, y float64)) *paginator {
	p := &paginator{t: t, emit: emit, markPage: markPage, first: true, foot: &foot{t: t}}
	p.pitch = t.pitch(t.size)
	p.bottom = t.pageH - t.bottom
	if n := math.Floor((p.bottom-t.top)/p.pitch + 1e-9); n >= 1 {
		p.bottom = t.top + n*p.pitch
	}
	return p
}

// add takes slices, final, and emits the pages they complete.
func (p *paginator) add(slices []slice) {
	p.pending = append(p.pending, slices...)
	for i := range slices {
		p.account(&slices[i])
	}
	if p.newPage || p.bound > p.bottom-p.t.top {
		p.run(false)
	}
}

func (p *paginator) account(s *slice) {
	p.bound += s.before + s.h + p.pitch
	if s.header != nil {
		p.bound += s.header.h
	}
	p.newPage = p.newPage || s.newPage
}

// finish emits the remaining pages (at least one page in all).
func (p *paginator) finish() {
	p.run(true)
	for len(p.foot.carry) > 0 {
		// Notes longer than the text that references them.
		pg := page{block: p.bottom, used: p.t.top, section: true}
		p.foot.place(&pg, nil, p.bottom, p.t.top)
		p.emit(pg)
		p.pages++
	}
	if p.pages == 0 {
		p.emit(page{block: p.bottom, section: true})
		p.pages++
	}
}

// place returns where slice i of the pending ones starts (below a
// repeated table header and its space above, on the grid for body lines)
// and ends on a page where the previous slice ended at y.
func (p *paginator) place(i int, y float64, atTop bool) (head, top, end float64) {
	t, s := p.t, &p.pending[i]
	head = y
	if atTop && s.header != nil && (i > 0 || !p.first) {
		y += s.header.h
	}
	top = y
	if !atTop {
		top += s.before
	}
	if s.grid {
		top = t.top + math.Ceil((top-t.top)/p.pitch-1e-6)*p.pitch
	}
	return head, top, top + s.h
}

// run emits the pages that the pending slices decide: a page is decided
// when a slice follows that does not fit on it (or starts a new page),
// or at the end of the flow (last).
func (p *paginator) run(last bool) {
	t, slices, pitch, bottom := p.t, p.pending, p.pitch, p.bottom
	start := 0
	for start < len(slices) {
		// Fill the page as far as it goes.
		p.ends = p.ends[:0]
		y := t.top
		i := start
		ft := p.foot
		ft.startPage(bottom - t.top)
		for ; i < len(slices); i++ {
			if i > start && slices[i].newPage {
				break
			}
			_, _, e := p.place(i, y, i == start)
			whole, first := ft.need(&slices[i])
			if e+whole > bottom+0.01 && i > start {
				if e+first <= bottom+0.01 {
					// The line stays with the start of its note, which
					// continues on the next page.
					ft.add(&slices[i])
					y = e
					p.ends = append(p.ends, e)
					i++
				}
				break
			}
			ft.add(&slices[i])
			y = e
			p.ends = append(p.ends, e)
		}
		if i == len(slices) && !last {
			break // the slices to come may still go on this page
		}
		section := i == len(slices) || slices[i].newPage
		if !section {
			// Move back over the slices kept with the next one.
			b, hard := i, false
			for b > start && (slices[b-1].keep || slices[b-1].soft) {
				hard = hard || slices[b-1].keep
				b--
			}
			end := func(b int) float64 { return p.ends[b-1-start] }
			switch {
			case b == start:
				b = i // a run longer than a page breaks where the page is full
			case hard:
				section = true // the slack goes before the heading
			case end(i)-end(b) > pitch*1.01:
				// Avoiding the widow or orphan leaves the page two lines
				// short or more: take the first break that fills it to
				// within a line.
				for k := b + 1; k <= i; k++ {
					if end(i)-end(k) <= pitch*1.01 {
						b = k
						break
					}
				}
			}
			i = b
			// A page before a heading is a section's last.
			section = section || slices[i].keep || slices[i].mark > 0
		}
		// Place slices [start, i).
		pg := page{block: bottom, section: section}
		repeat := slices[start].header != nil && (start > 0 || !p.first)
		n := 0
		if repeat {
			n += len(slices[start].header.items)
		}
		for j := start; j < i; j++ {
			n += len(slices[j].items)
		}
		pg.items = make([]item, 0, n)
		y = t.top
		for j := start; j < i; j++ {
			s := &slices[j]
			head, top, end := p.place(j, y, j == start)
			if j == start && repeat {
				// A table continues on a new page: repeat its header row.
				for _, it := range s.header.items {
					it.y += head
					pg.items = append(pg.items, it)
				}
			}
			gap := top - y
			for _, it := range s.items {
				if it.y < 0 {
					// What bridges the space above (quote rules) is clipped
					// at the top of the page and stretched when the grid
					// widened the space.
					if j == start {
						it.h += it.y
						it.y = 0
					} else if gap > s.before {
						it.y -= gap - s.before
						it.h += gap - s.before
					}
				}
				it.y += top
				pg.items = append(pg.items, it)
			}
			if s.mark > 0 {
				pg.marks = append(pg.marks, s.mark-1)
				if p.markPage != nil {
					p.markPage(s.mark-1, p.pages, top)
				}
			}
			if s.grid {
				pg.grid = append(pg.grid, top)
			}
			y = end
		}
		pg.used = y
		ft.place(&pg, slices[start:i], bottom, y)
		p.emit(pg)
		p.pages++
		start = i
		p.first = false
	}
	// Drop the placed slices (and their items) from the pending ones.
	if start > 0 {
		rest := copy(p.pending, p.pending[start:])
		clear(p.pending[rest:])
		p.pending = p.pending[:rest]
	}
	p.bound, p.newPage = 0, false
	for i := range p.pending {
		p.account(&p.pending[i])
	}
}

// runningHead lays out the running head of a document of the given
// number of pages: nil when there is no title or one page. It is the same
// on every page: laid out once (a title as long as the document must not
// cost a layout per page).
func (t *setter) runningHead(title string, pages int) []item {
	if title == "" || pages < 2 {
		return nil
	}
	hsize := t.size * 0.75
	var head []item
	var p para
	// The head is one line: a title as long as a book is cut first
	// (truncate then ends it with "…" where the measure ends).
	if i, n := 0, 0; len(title) > 4*maxHeadRunes {
		for i = range title {
			if n++; n > maxHeadRunes {
				break
			}
		}
		title = title[:i]
	}
	t.addText(&p, title, runFmt{st: stSans, size: hsize, color: grey, tag: tagHeader}, -1)
	p = truncate(p, t.measure, t)
	l := line{s: 0, e: len(p.atoms), width: naturalWidth(p.atoms, 0, len(p.atoms)), avail: t.measure}
	off := position(p.atoms, l, alignCenter)
	l.off = off
	base := t.top - t.size*1.6
	t.emitLine(&p, l, t.left, base, &head)
	return append(head, item{kind: itLine, x: t.left, y: base + hsize*0.5, w: t.measure, lw: 0.4, color: grey, tag: tagHeader})
}

// folio appends the items of page n's number to items.
func (t *setter) folio(n, total int, items []item) []item {
	var p para
	t.addText(&p, t.loc.folio(n, total), runFmt{size: t.size * 0.8, color: grey, tag: tagFooter}, -1)
	l := line{s: 0, e: len(p.atoms), width: naturalWidth(p.atoms, 0, len(p.atoms)), avail: t.measure}
	l.off = position(p.atoms, l, alignCenter)
	t.emitLine(&p, l, t.left, t.pageH-t.bottom+t.size*2.4, &items)
	return items
}

// decorate adds the running head (head, from the second page on) and the
// folio to page number n.
func (t *setter) decorate(pg *page, head []item, n, total int) {
	if n <= 1 {
		head = nil
	}
	foot := t.folio(n, total, nil)
	// Grow the page's items (laid out to their size) once, to their
	// final size: appending would double them.
	its := pg.items
	if need := len(its) + len(head) + len(foot); need > cap(its) {
		its = append(make([]item, 0, need), its...)
	}
	its = append(its, head...)
	pg.items = append(its, foot...)
}

// maxHeadRunes is more characters than a running head can hold.
const maxHeadRunes = 2000

// truncate shortens a one-line paragraph to fit width, ending it with "…":
// it keeps the longest start that fits with the ellipsis (one pass, the
// widths summed as naturalWidth sums them).
func truncate(p para, w float64, t *setter) para {
	if naturalWidth(p.atoms, 0, len(p.atoms)) <= w {
		return p
	}
	ell := t.textWidth("…", 0, p.fmts[0].size)
	n, x := 0, 0.0
	for n < len(p.atoms) {
		nx := x + p.atoms[n].width()
		if n > 0 {
			nx += p.atoms[n].pre + p.atoms[n-1].post
		}
		if nx+ell > w {
			break
		}
		x, n = nx, n+1
	}
	q := para{fmts: p.fmts, fmtIdx: p.fmtIdx, atoms: append([]atom(nil), p.atoms[:n]...)}
	t.addText(&q, "…", p.fmts[0], -1)
	return q
}

// toc lays out the contents page(s): the title and one line per heading
// (the top three levels used) with a dotted leader and the page number, linked to the
// heading. pageOf gives the final page number of a mark.
func (t *setter) toc(pageOf func(m int) int) []slice {
	saved, savedBase, savedSink := t.out, t.outBase, t.sink
	t.out, t.outBase, t.sink = nil, 0, nil
	c := t.bodyCtx()
	var p para
	size := t.size * headingScale[0]
	toc := t.newElem("TOC", 0)
	role := "H1"
	if t.titleTagged {
		role = "H2"
	}
	t.addText(&p, t.loc.contents, runFmt{st: stBold | stSans, size: size, color: black, tag: t.newElem(role, 0)}, -1)
	t.paraSlices(&p, c, 0, alignLeft, size, size*0.5)
	t.out[len(t.out)-1].h += t.size * 0.8
	top := 6
	for _, mk := range t.marks {
		top = min(top, mk.level)
	}
	for m, mk := range t.marks {
		if mk.level > top+2 {
			continue
		}
		ind := float64(mk.level-top) * t.size * 1.5
		num := strconv.Itoa(pageOf(m))
		nw := t.textWidth(num, 0, t.size)
		var ep para
		ef := t.body()
		ef.tag = t.newElem("Link", t.newElem("TOCI", toc))
		t.addText(&ep, mk.title, ef, -1)
		lc := ctx{x: c.x + ind, w: c.w - ind - nw - t.size*2}
		lines := t.layoutPara(&ep, lc.w, 0, alignLeft)
		pitch := t.pitch(t.size)
		for i, l := range lines {
			var items []item
			base := ascentIn(pitch, t.size)
			t.emitLine(&ep, l, lc.x, base, &items)
			if i == len(lines)-1 {
				var np para
				t.addText(&np, num, ef, -1)
				nl := line{s: 0, e: len(np.atoms), width: nw}
				position(np.atoms, nl, alignLeft)
				t.emitLine(&np, nl, c.x+c.w-nw, base, &items)
				x1 := lc.x + l.off + l.width + t.size*0.5
				x2 := c.x + c.w - nw - t.size*0.5
				if x2 > x1 {
					items = append(items, item{kind: itDots, x: x1, y: base, w: x2 - x1, lw: 0.8, color: grey})
				}
			}
			items = append(items, item{kind: itGoto, x: lc.x, y: 0, w: c.x + c.w - lc.x, h: pitch, dest: m, tag: ef.tag})
			before := 0.0
			if i == 0 && mk.level == top {
				before = t.size * 0.3
			}
			t.emit(c, slice{h: pitch, items: items, before: before, base: base, keep: i < len(lines)-1})
		}
	}
	out := t.out
	t.out, t.outBase, t.sink = saved, savedBase, savedSink
	return out
}

// figuresTable appends the figures section: its heading and
// figures.Table (the same table in every writer), set like any other table.
func (t *setter) figuresTable(figs []convert.Figure) {
	c := t.bodyCtx()
	h := &convert.Heading{Level: 2, Inlines: []convert.Inline{&convert.Text{Text: figures.Heading(t.lang)}}}
	t.heading(h, c)
	t.table(figuresTable(figs, t.lang), c, t.size*0.5)
}

// missingReport formats the characters no font covers: "3 characters
// (2 distinct) not covered by any font: U+1F600 😀, …". strict leaves out
// that they are drawn as boxes.
func missingReport(m map[rune]int, strict bool) (string, int) {
	rs := make([]rune, 0, len(m))
	total := 0
	for r, n := range m {
		rs = append(rs, r)
		total += n
	}
	sortRunes(rs)
	var parts []string
	for i, r := range rs {
		if i == 20 {
			parts = append(parts, fmt.Sprintf("and %d more", len(rs)-20))
			break
		}
		parts = append(parts, fmt.Sprintf("U+%04X %c", r, r))
	}
	var b strings.Builder
	if total == 1 {
		b.WriteString("1 character")
	} else {
		fmt.Fprintf(&b, "%d characters", total)
	}
	if len(rs) > 1 && len(rs) != total {
		fmt.Fprintf(&b, " (%d distinct)", len(rs))
	}
	b.WriteString(" not covered by any font")
	if rs[len(rs)-1] > 0xFFFF {
		b.WriteString(" (characters beyond U+FFFF cannot be embedded by gofpdf)")
	}
	if !strict {
		b.WriteString(", drawn as boxes")
	}
	b.WriteString(": " + strings.Join(parts, ", "))
	return b.String(), total
}
