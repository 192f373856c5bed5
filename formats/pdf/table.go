package pdf

import (
	"math"

	"github.com/docconv/docconv/convert"
)

// Tables use automatic layout, as CSS 2.1's auto table layout and LaTeX's
// tabulary do: every column has a minimum width (its widest unbreakable
// segment: a number with its unit, a Latin word, a Han character with the
// punctuation kinsoku keeps with it) and a maximum width (its widest cell
// set on one line). Columns that fit in a fair share of the measure get
// their maximum; the others share what is left in proportion to what they
// lack. When even the minima do not fit, the table's type is made smaller
// (down to minTableScale), then words may break anywhere; numbers stay
// whole while their widths fit.

// minTableScale is the smallest type size of a table relative to its
// normal size.
const minTableScale = 0.7

// minTextEm is the width in em below which a column of breakable text is
// not narrowed while the type can still be made smaller: a Chinese column
// one or two characters wide reads as a vertical strip.
const minTextEm = 4

// tableLayout is a table laid out at one type size.
type tableLayout struct {
	size, pad, pitch float64
	header           bool
	cells            [][]*para // rows × columns
	widths           []float64 // column widths, padding included
	lines            [][][]line
	// per column: widest cell on one line, narrowest width without
	// breaking an unbreakable segment, the same with long words capped,
	// and the emergency minimum (words broken, numbers whole).
	maxW, minW, hardW []float64
}

// tableCells builds the cell paragraphs of tb at the given type size and
// measures the columns.
func (t *setter) tableCells(tb *convert.Table, size, avail float64, tags [][]int32) *tableLayout {
	ncol := tb.Columns()
	tl := &tableLayout{size: size, pad: size * 0.45, pitch: size * min(t.lead, 1.5), header: tb.Header != nil}
	rows := tb.Rows
	if tl.header {
		rows = append([][]convert.Cell{tb.Header}, rows...)
	}
	tl.cells = make([][]*para, len(rows))
	tl.maxW = make([]float64, ncol)
	tl.minW = make([]float64, ncol)
	tl.hardW = make([]float64, ncol)
	for i, r := range rows {
		tl.cells[i] = make([]*para, ncol)
		for j := range ncol {
			p := &para{}
			f := runFmt{size: size, color: black, tag: tags[i][j]}
			if tl.header && i == 0 {
				f.st |= stBold
			}
			if j < len(r) {
				t.addInlines(p, r[j], f)
			}
			tl.cells[i][j] = p
			maxW, minW, hardW := t.measureCell(p, avail/3)
			// A hundredth of a point of tolerance: a column exactly as
			// wide as its widest number must not break it.
			slop := 2*tl.pad + 0.01
			tl.maxW[j] = max(tl.maxW[j], maxW+slop)
			tl.minW[j] = max(tl.minW[j], minW+slop)
			tl.hardW[j] = max(tl.hardW[j], hardW+slop)
		}
	}
	return tl
}

// measureCell returns the width of p set on one line (the widest line
// when it has hard breaks), the width of its widest unbreakable segment
// (segments that are not numbers counted at most capW), and the widest
// segment when only numbers are kept whole.
func (t *setter) measureCell(p *para, capW float64) (maxW, minW, hardW float64) {
	atoms := p.atoms
	brk := breaks(atoms, &t.seg, &t.rbuf, t.keepAll)
	s := 0
	for i := 0; i <= len(atoms); i++ {
		if i < len(atoms) && !atoms[i].is(fHard) {
			continue
		}
		maxW = max(maxW, naturalWidth(atoms, s, i))
		s = i + 1
	}
	segment := func(s, e int) {
		for s < e && atoms[s].is(fSpace|fHard) {
			s++
		}
		for e > s && atoms[e-1].is(fSpace|fHard) {
			e--
		}
		if s >= e {
			return
		}
		w := naturalWidth(atoms, s, e)
		numeric, widest := false, 0.0
		for k := s; k < e; k++ {
			if isDigit(atoms[k].r) {
				numeric = true
			}
			widest = max(widest, atoms[k].adv)
		}
		for k := s; k < e && numeric; k++ {
			if atoms[k].is(fLatin) && !isDigit(atoms[k].r) && atoms[k].r != '%' {
				numeric = false // a word with digits (GPT-4o) breaks like a word
			}
		}
		if numeric {
			minW = max(minW, w)
			hardW = max(hardW, w)
		} else {
			minW = max(minW, min(w, max(capW, widest)))
			hardW = max(hardW, widest)
		}
	}
	s = 0
	for i := 1; i <= len(atoms); i++ {
		if i == len(atoms) || brk[i] || atoms[i].is(fHard) {
			segment(s, i)
			s = i
		}
	}
	return maxW, minW, hardW
}

// layoutTable chooses the type size and the column widths of tb for the
// measure avail and breaks the cells into lines.
func (t *setter) layoutTable(tb *convert.Table, avail float64, tags [][]int32) *tableLayout {
	base := t.size * 0.92
	tl := t.tableCells(tb, base, avail, tags)
	// The preferred minimum keeps columns of breakable text at least
	// minTextEm wide (or as wide as their widest cell).
	pref := func(tl *tableLayout) []float64 {
		out := make([]float64, len(tl.minW))
		for j := range out {
			out[j] = max(tl.minW[j], min(tl.maxW[j], minTextEm*tl.size+2*tl.pad))
		}
		return out
	}
	floor := pref(tl)
	if need := sum(floor); need > avail && sum(tl.maxW) > avail {
		// Smaller type: widths scale with the size (the padding too).
		scale := max(minTableScale, math.Floor(avail/need*100)/100)
		for {
			tl = t.tableCells(tb, base*scale, avail, tags)
			floor = pref(tl)
			if sum(floor) <= avail || scale <= minTableScale {
				break
			}
			scale = max(minTableScale, scale-0.01)
		}
		if sum(floor) > avail {
			floor = tl.minW
		}
		if sum(floor) > avail {
			floor = tl.hardW // emergency: words break, numbers stay whole
		}
	}
	tl.widths = columnWidths(floor, tl.maxW, avail)
	tl.lines = make([][][]line, len(tl.cells))
	for i := range tl.cells {
		tl.lines[i] = make([][]line, len(tl.widths))
		for j := range tl.widths {
			align := alignLeft
			if j < len(tb.Align) {
				switch tb.Align[j] {
				case convert.AlignCenter:
					align = alignCenter
				case convert.AlignRight:
					align = alignRight
				}
			}
			ls := t.layoutPara(tl.cells[i][j], tl.widths[j]-2*tl.pad, 0, align)
			for k := range ls {
				ls[k].justify = false
			}
			tl.lines[i][j] = ls
		}
	}
	return tl
}

func (t *setter) table(tb *convert.Table, c ctx, gap float64) {
	ncol := tb.Columns()
	if ncol == 0 {
		return
	}
	tags := t.tableElems(tb, ncol)
	tl := t.layoutTable(tb, c.w, tags[1:])
	size, pad, pitch, widths := tl.size, tl.pad, tl.pitch, tl.widths
	header := tl.header
	// Caption.
	if len(tb.Caption) > 0 {
		var p para
		t.addInlines(&p, tb.Caption, runFmt{st: stBold, size: t.size * 0.92, color: black, tag: t.newElem("Caption", tags[0][0])})
		t.paraSlices(&p, c, 0, alignCenter, t.size*0.92, gap)
		gap = 0
	}
	lineC := rgb{0.55, 0.55, 0.55}
	var headerRow *slice
	for i := range tl.cells {
		var items []item
		h := 0.0
		for j := range ncol {
			h = max(h, float64(max(len(tl.lines[i][j]), 1))*pitch)
		}
		h += 2 * pad * 0.6
		x := c.x
		if header && i == 0 {
			items = append(items, item{kind: itRect, x: c.x, y: 0, w: sum(widths), h: h, fill: true, color: rgb{0.9, 0.9, 0.9}})
		}
		for j := range ncol {
			for k, l := range tl.lines[i][j] {
				t.emitLine(tl.cells[i][j], l, x+pad, pad*0.6+float64(k)*pitch+ascentIn(pitch, size), &items)
			}
			x += widths[j]
		}
		// Grid: top line of the row, verticals; the bottom line of the last row.
		tw := sum(widths)
		items = append(items, item{kind: itLine, x: c.x, y: 0, w: tw, lw: 0.5, color: lineC})
		x = c.x
		for j := 0; j <= ncol; j++ {
			items = append(items, item{kind: itLine, x: x, y: 0, h: h, lw: 0.5, color: lineC})
			if j < ncol {
				x += widths[j]
			}
		}
		s := slice{h: h, items: items, base: pad*0.6 + ascentIn(pitch, size)}
		if i == 0 {
			s.before = gap
			s.keep = header
		} else if header {
			s.header = headerRow
		}
		if i == len(tl.cells)-1 {
			s.items = append(s.items, item{kind: itLine, x: c.x, y: h, w: tw, lw: 0.5, color: lineC})
			s.h += t.size * 0.3
		}
		if header && i == 0 {
			hr := s
			hr.before, hr.keep, hr.mark = 0, false, 0
			hr.items = append([]item(nil), s.items...)
			for k := range hr.items {
				// Repeated on the pages the table continues on: read
				// once, so an artifact there.
				hr.items[k].tag = tagArtifact
			}
			for _, bx := range c.bars {
				hr.items = append(hr.items, item{kind: itLine, x: bx, y: 0, h: s.h, lw: 1.5, color: rgb{0.75, 0.75, 0.75}})
			}
			headerRow = &hr
		}
		t.emit(c, s)
	}
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// columnWidths shares the measure between columns. A table whose cells
// all fit on one line gets each column's maximum, widened in proportion to
// fill the measure. Otherwise columns whose maximum fits in a fair share
// of what is left (the measure less the columns already fixed, divided
// among the others) get their maximum, and the rest get their minimum plus
// a share of the remaining width in proportion to max − min (CSS 2.1 auto
// layout). Minima that do not fit are scaled down.
func columnWidths(minW, maxW []float64, avail float64) []float64 {
	n := len(minW)
	out := make([]float64, n)
	sumMax, sumMin := sum(maxW), sum(minW)
	switch {
	case sumMax <= avail:
		for i := range out {
			out[i] = maxW[i] * avail / sumMax
		}
		return out
	case sumMin >= avail:
		for i := range out {
			out[i] = minW[i] * avail / sumMin
		}
		return out
	}
	fixed := make([]bool, n)
	for {
		rem, flex := avail, 0
		for i := range n {
			if fixed[i] {
				rem -= maxW[i]
			} else {
				flex++
			}
		}
		changed := false
		for i := range n {
			if !fixed[i] && maxW[i] <= rem/float64(flex) {
				fixed[i], changed = true, true
			}
		}
		if !changed {
			break
		}
	}
	share := func(fixed []bool) bool {
		rem, slack := avail, 0.0
		for i := range n {
			if fixed[i] {
				out[i] = maxW[i]
				rem -= maxW[i]
			} else {
				out[i] = minW[i]
				rem -= minW[i]
				slack += maxW[i] - minW[i]
			}
		}
		if rem < -1e-9 {
			return false
		}
		for i := range n {
			if !fixed[i] && slack > 0 {
				out[i] += rem * (maxW[i] - minW[i]) / slack
			}
		}
		return true
	}
	if !share(fixed) {
		share(make([]bool, n))
	}
	return out
}
