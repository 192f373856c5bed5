package pdf

import (
	"math"
	"slices"
	"sort"
)

// Paragraph-wide line breaking (Knuth and Plass, "Breaking paragraphs
// into lines", 1981, as TeX and Typst do): of all the ways to break a
// justified paragraph at its break opportunities (breaks: UAX #14 and the
// clreq/jlreq rules) and hyphenation points, the one with the least total
// demerits, where a line's demerits grow with the cube of how far its
// gaps must stretch or shrink. The gaps are glue: Latin and Korean word
// spaces stretch by half and shrink by a third (Korean: a fifth) of
// their width; between two ideographs, kana or full-width marks the gap
// stretches by a twentieth of an em (a Chinese line one character short
// spreads it at a stretch ratio of about a half); between two Hangul
// syllables (or Han characters) of a Korean word by a twentieth too, so
// that a Korean line's slack is shared with the letters and its word
// spaces stay near their natural width. A closing
// mark at a line end may be compressed to half an em to push a line in.
//
// The work stays linear in the paragraph's length: a node is dropped once
// a line from it would be overfull, and the walk over the active nodes
// stops at the first whose line would be looser than the tolerance
// (lines from later nodes are shorter still), so each break opportunity
// looks at the few nodes about a line length back; their number is capped
// too (the worst are dropped). A break that no line within the tolerance
// reaches still gets the least loose line, with the greatest badness, so
// that a paragraph that must have a loose line (Korean breaks only at
// spaces) gets it where it costs least; a word longer than the measure is
// broken where it overflows (the greedy breaker's emergency break).
//
// The state after a break opportunity depends only on the text before it
// (one pass, integer demerits), so a paragraph laid out in chunks as it
// is read (paraStream) gets the lines it gets when laid out whole: the
// lines before the last node that every active node descends from, a
// margin before the chunk's end, are final whatever follows.

// Knuth–Plass parameters, in TeX's units.
const (
	kpLinePenalty   = 10
	kpHyphenPenalty = 50    // a break at a hyphenation point
	kpURLPenalty    = 50    // a break inside a URL
	kpAnywhere      = 500   // a break anywhere in a long URL or string
	kpDoubleHyphen  = 3000  // two hyphenated lines in a row
	kpFinalHyphen   = 5000  // the last full line hyphenated
	kpAdjDemerits   = 10000 // adjacent lines of very different looseness
	kpShortLast     = 20000 // a last line of a single ideograph
	kpTolerance     = 2.0   // most stretch ratio of a line, unless none is within it
	kpMaxActive     = 1024  // more active nodes: the worst are dropped
	kpRagged        = 6.0   // a looser line is not justified
)

// Glue of the gaps, in em of the paragraph's text or of the space.
const (
	spaceStretch  = 0.5      // of the space's width
	spaceShrink   = 1.0 / 3  // of the space's width
	koSpaceShrink = 0.2      // Korean word spaces (of the width)
	cjkStretch    = 0.05     // em, between ideographs, kana, full-width marks
	hangulStretch = 1.0 / 20 // em, between two syllables of a Korean word
)

// gapFlex returns the stretch and shrink (in pt) of the gap before atom j
// of a paragraph whose text is em pt. keepAll is set for Korean.
func gapFlex(atoms []atom, j int, em float64, keepAll bool) (st, sh float64) {
	a, b := &atoms[j-1], &atoms[j]
	switch {
	case a.is(fSpace):
		sh = a.adv * spaceShrink
		if keepAll {
			sh = a.adv * koSpaceShrink
		}
		st = a.adv * spaceStretch
		if a.face == nil || a.adv <= 0 {
			st = 0.25 * em * spaceStretch
		}
		if !keepAll && (j >= 2 && atoms[j-2].is(fWide) || b.is(fWide)) {
			// A space beside CJK text stretches like the gaps around it.
			st = max(st, cjkStretch*em)
		}
		return st, sh
	case b.is(fSpace) || a.is(fHard) || b.is(fHard):
		return 0, 0
	case a.ruby >= 0 && a.ruby == b.ruby:
		return 0, 0
	case a.r == b.r && inseparableSet[a.r]:
		return 0, 0
	case a.is(fWide) && b.is(fWide) && !a.is(fIdeo) && !b.is(fIdeo) && isPunctMark(a.r) && isPunctMark(b.r):
		return 0, 0 // a compressed pair of marks stays 1.5 em
	case keepAll:
		// Korean: a little between the syllables (and Han characters)
		// of a word, nothing around its punctuation.
		if a.is(fIdeo) && b.is(fIdeo) {
			return hangulStretch * em, 0
		}
		return 0, 0
	case isHangul(a.r) || isHangul(b.r):
		return 0, 0
	case a.is(fWide) || b.is(fWide):
		return cjkStretch * em, 0
	}
	return 0, 0
}

// hyphenPoint is a place where a word may be hyphenated: a break before
// atom pos, drawing a hyphen w pt wide at the end of the line; or, with w
// 0, a place where a long URL or string may break anywhere.
type hyphenPoint struct {
	pos     int
	w       float64
	penalty float64
}

// kpNode is a feasible break: the line before it ends at end (trailing
// spaces excluded), the next starts at next.
type kpNode struct {
	next   int
	start  int     // next, after spaces
	startW float64 // what a compressed opening mark at start takes back
	end    int
	prev   int32
	fit    int8
	hyph   bool    // the line before ends hyphenated
	shrEnd bool    // the line before ends with a mark compressed to half
	forced bool    // the line before ends at a hard break or the end
	loose  bool    // the line before is beyond the tolerance (or broken in a word)
	lineHy float64 // hyphen width drawn at the end of the line before
	demer  float64
}

// kpCarry is what a chunk of a streamed paragraph passes to the next:
// the looseness and hyphenation of the last line emitted.
type kpCarry struct {
	fit  int8
	hyph bool
}

// kpPrefix holds prefix sums over a paragraph's atoms, so that the
// width, stretch and shrink of any line are had in constant time.
type kpPrefix struct {
	adv, gap, st, sh []float64
}

func (k *kpPrefix) init(atoms []atom, em float64, keepAll bool) {
	n := len(atoms)
	grow := func(s []float64) []float64 {
		if cap(s) < n+1 {
			return make([]float64, n+1)
		}
		return s[:n+1]
	}
	k.adv, k.gap, k.st, k.sh = grow(k.adv), grow(k.gap), grow(k.st), grow(k.sh)
	k.adv[0], k.gap[0], k.st[0], k.sh[0] = 0, 0, 0, 0
	for i := range atoms {
		k.adv[i+1] = k.adv[i] + atoms[i].adv
		g, st, sh := 0.0, 0.0, 0.0
		if i > 0 {
			g = atoms[i].pre + atoms[i-1].post
			st, sh = gapFlex(atoms, i, em, keepAll)
		}
		k.gap[i+1] = k.gap[i] + g
		k.st[i+1] = k.st[i] + st
		k.sh[i+1] = k.sh[i] + sh
	}
}

// line returns the natural width, stretch and shrink of atoms [s, e).
func (k *kpPrefix) line(s, e int) (w, st, sh float64) {
	w = k.adv[e] - k.adv[s] + k.gap[e] - k.gap[s+1]
	st = k.st[e] - k.st[s+1]
	sh = k.sh[e] - k.sh[s+1]
	return
}

// kpState is the paragraph breaker's state, reused between paragraphs.
type kpState struct {
	pre    kpPrefix
	nodes  []kpNode
	active []int32
	next   []int32
	cands  []int32
	added  []int32
	tol    float64 // most stretch ratio of the pass
	// margin, when set, is the number of atoms at the end of the
	// paragraph (a chunk being streamed) that may still change: final is
	// then set to the number of lines that are final, and pending to
	// what the next chunk takes over after them. final is -1 when the
	// paragraph was not broken here.
	margin  int
	final   int
	commit  int32 // the node final ends at
	pending kpCarry
	// carry, when useCarry is set, is the state the paragraph's first
	// line continues from (the previous chunk's last emitted line).
	carry    kpCarry
	useCarry bool
}

// kpCandidate is the break being tried: before atom b (the line ends
// before it), a hyphen of width hyW drawn at its end when hyW > 0.
type kpCandidate struct {
	b       int
	hyW     float64
	penalty float64
	forced  bool // hard break or paragraph end: the line is not justified
	next    int  // where the line after it starts
}

// fitLines breaks a justified paragraph into lines with the least total
// demerits.
func (t *setter) fitLines(p *para, brk []bool, hy []hyphenPoint, measure, indent, em float64) []line {
	atoms := p.atoms
	n := len(atoms)
	st := &t.kp
	st.final = 0
	if n == 0 {
		return nil
	}
	st.pre.init(atoms, em, t.keepAll)
	// The break opportunities, hyphenation points, hard breaks and the end.
	cands := st.cands[:0]
	hi := 0
	for b := 0; b <= n; b++ {
		for hi < len(hy) && hy[hi].pos < b {
			hi++
		}
		if b == n || atoms[b].is(fHard) || b > 0 && brk[b] || hi < len(hy) && hy[hi].pos == b {
			cands = append(cands, int32(b))
		}
	}
	st.cands = cands
	// First the lines within the tolerance; when the best way has to
	// take a looser one, every line that is not overfull (TeX's second
	// pass, with no emergency stretch needed).
	last := t.kpPass(atoms, brk, hy, measure, indent, em, kpTolerance)
	if t.kpLoose(last) {
		last = t.kpPass(atoms, brk, hy, measure, indent, em, math.Inf(1))
	}
	if st.final > 0 {
		// A chunk: its final lines, then where the rest starts.
		lines := t.kpLines(p, st.commit, measure, indent, em)
		s := st.nodes[st.commit].next
		for s < n && atoms[s].is(fSpace) {
			s++
		}
		return append(lines, line{s: s, e: s})
	}
	return t.kpLines(p, last, measure, indent, em)
}

// kpLoose reports whether the chain ending at last, or the one a chunk
// commits to, has a line beyond the tolerance.
func (t *setter) kpLoose(last int32) bool {
	st := &t.kp
	for _, x := range []int32{last, st.commit} {
		if x < 0 || x == st.commit && st.final == 0 {
			continue
		}
		for i := x; i > 0; i = st.nodes[i].prev {
			if st.nodes[i].loose {
				return true
			}
		}
	}
	return false
}

// kpPass runs the breaker over the paragraph with the given tolerance and
// returns the best node at its end.
func (t *setter) kpPass(atoms []atom, brk []bool, hy []hyphenPoint, measure, indent, em, tol float64) int32 {
	st := &t.kp
	n := len(atoms)
	st.final, st.commit = 0, 0
	st.tol = tol
	root := kpNode{prev: -1, fit: 1}
	root.start, root.startW = kpStart(atoms, 0)
	if st.useCarry {
		root.fit, root.hyph = st.carry.fit, st.carry.hyph
	}
	st.nodes = append(st.nodes[:0], root)
	st.active = append(st.active[:0], 0)
	snap := -1
	if st.margin > 0 {
		snap = n - st.margin
	}
	cands := st.cands
	hi := 0
	for ci := 0; ci < len(cands); ci++ {
		b := int(cands[ci])
		if b >= snap && snap >= 0 {
			t.kpSnapshot()
			snap = -1
		}
		for hi < len(hy) && hy[hi].pos < b {
			hi++
		}
		var c kpCandidate
		switch {
		case b == n:
			c = kpCandidate{b: n, forced: true, next: n}
		case atoms[b].is(fHard):
			c = kpCandidate{b: b, forced: true, next: b + 1}
		case b > 0 && brk[b]:
			c = kpCandidate{b: b, next: b}
			if !atoms[b-1].is(fSpace|fWide|fIdeo) && !atoms[b].is(fWide|fIdeo) {
				c.penalty = kpURLPenalty // inside a URL or a Latin token
			}
		default:
			c = kpCandidate{b: b, next: b, hyW: hy[hi].w, penalty: hy[hi].penalty}
		}
		if q := t.kpTry(atoms, c, measure, indent, em); q >= 0 {
			// Every line to b would be overfull: a word longer than
			// the measure, broken before atom q where it overflows.
			// Go on with the opportunities after it.
			ci = sort.Search(len(cands), func(i int) bool { return int(cands[i]) > q }) - 1
			hi = sort.Search(len(hy), func(i int) bool { return hy[i].pos > q })
		}
	}
	if snap >= 0 {
		t.kpSnapshot()
	}
	best := int32(-1)
	for _, a := range st.active {
		if nd := &st.nodes[a]; nd.forced && nd.next == n && (best < 0 || nd.demer < st.nodes[best].demer) {
			best = a
		}
	}
	return best
}

// kpSnapshot sets final and pending for a chunk of a streamed paragraph:
// the lines are final up to the best active node (least demerits; the
// later when equal), which the next chunk continues from. (Total fit is
// global, and Chinese and Japanese text, which may break anywhere, keeps
// parallel ways of breaking alive as long as the paragraph goes on, so
// the chunk commits to the best so far: a streamed paragraph's lines may
// differ from those it gets when laid out whole, its text never.)
func (t *setter) kpSnapshot() {
	st := &t.kp
	x := int32(-1)
	for _, a := range st.active {
		if x < 0 || st.nodes[a].demer <= st.nodes[x].demer {
			x = a
		}
	}
	if x <= 0 {
		return
	}
	lines := 0
	for i := x; i > 0; i = st.nodes[i].prev {
		lines++
	}
	st.final = lines
	st.commit = x
	st.pending = kpCarry{fit: st.nodes[x].fit, hyph: st.nodes[x].hyph}
}

// kpTry evaluates the lines from every active node to candidate c, drops
// the nodes whose lines are overfull and adds the best new node of each
// fitness class. When every line to c is overfull and no node is left, it
// adds an emergency break inside the overflowing word and returns the
// atom it breaks before (else -1).
func (t *setter) kpTry(atoms []atom, c kpCandidate, measure, indent, em float64) int {
	st := &t.kp
	type best struct {
		demer  float64
		prev   int32
		ok     bool
		shrEnd bool
		loose  bool
		end    int
	}
	var bests [4]best
	st.next = st.next[:0]
	looseOnly := true // no line to c is within the tolerance
	var loose best    // the least loose line beyond it
	var looseFit int8
	dead := int32(-1) // the best node dropped as overfull here
	// The line's end does not depend on the node (unless the line is
	// empty): its last atom, and whether it may be compressed.
	ce := c.b
	for ce > 0 && atoms[ce-1].is(fSpace) {
		ce--
	}
	ceShr := 0.0
	if ce > 0 {
		// A closing mark at the line end may be compressed to push the line in.
		if x := &atoms[ce-1]; c.hyW == 0 && x.is(fWide) && x.face != nil && x.face.base == nil && x.face.cjk && squeezableSet[x.r] {
			ceShr = x.adv / 2
		}
	}
	for idx, a := range st.active {
		nd := &st.nodes[a]
		s := nd.start
		e := max(ce, s)
		if e <= s && !c.forced {
			// An empty line: the node stays for later candidates.
			st.next = append(st.next, a)
			continue
		}
		avail := measure
		if nd.prev < 0 {
			avail -= indent
		}
		var w, stretch, shrink, endShr float64
		if e > s {
			w, stretch, shrink = st.pre.line(s, e)
			w += nd.startW // a compressed opening mark takes its em back at a line start
			endShr = ceShr
		}
		if w-endShr-shrink > avail+1e-6 {
			// Overfull, and so is every later line from this node.
			if dead < 0 || nd.demer < st.nodes[dead].demer {
				dead = a
			}
			continue
		}
		st.next = append(st.next, a)
		w += c.hyW
		shrEnd := false
		if w > avail+1e-6 && endShr > 0 {
			w -= endShr
			shrEnd = true
		}
		var r float64
		switch {
		case w > avail+1e-6:
			if shrink <= 0 {
				continue
			}
			r = (avail - w) / shrink
			if r < -1 {
				continue // overfull only because of the hyphen
			}
		case c.forced || avail-w < 1e-6:
			r = 0 // a last line is set flush left
		case stretch <= 0:
			// A line without gaps (a URL, a long word) is not
			// justified: its badness grows with the room left, as if
			// it could stretch by an em.
			r = (avail - w) / em
		default:
			r = (avail - w) / stretch
		}
		fit := int8(1)
		switch {
		case r < -0.5:
			fit = 0
		case r <= 0.5:
			fit = 1
		case r <= 1:
			fit = 2
		default:
			fit = 3
		}
		d := kpDemerits(r, c, nd, fit, atoms, s, e)
		if r > st.tol {
			if looseOnly && !loose.ok {
				loose = best{demer: d, prev: a, ok: true, shrEnd: shrEnd, end: e, loose: true}
				looseFit = fit
			}
			// Lines from later nodes are shorter still.
			st.next = append(st.next, st.active[idx+1:]...)
			break
		}
		looseOnly = false
		if bb := &bests[fit]; !bb.ok || d <= bb.demer {
			// On a tie the later node: the fuller line before.
			*bb = best{demer: d, prev: a, ok: true, shrEnd: shrEnd, end: e}
		}
	}
	if looseOnly && loose.ok {
		bests[looseFit] = loose
	}
	st.active, st.next = st.next, st.active
	added := st.added[:0]
	start, startW := kpStart(atoms, c.next)
	minD := math.Inf(1)
	for _, bb := range bests {
		if bb.ok {
			minD = min(minD, bb.demer)
		}
	}
	for fit, bb := range bests {
		if !bb.ok || bb.demer > minD+kpAdjDemerits {
			continue // as TeX: no node that could never be the best
		}
		st.nodes = append(st.nodes, kpNode{next: c.next, start: start, startW: startW, end: bb.end, prev: bb.prev, fit: int8(fit), hyph: c.hyW > 0,
			shrEnd: bb.shrEnd, forced: c.forced, lineHy: c.hyW, demer: bb.demer, loose: bb.loose})
		added = append(added, int32(len(st.nodes)-1))
		if debugKP {
			println("node", c.b, "from", st.nodes[bb.prev].next, "fit", fit, "demer", bb.demer)
		}
	}
	if c.forced {
		// After a hard break (or at the end) only its nodes go on.
		st.active = st.active[:0]
	}
	st.active = append(st.active, added...)
	st.added = added
	if len(st.active) == 0 {
		if debugKP {
			println("emergency at", c.b, "dead", dead)
		}
		return t.kpEmergency(atoms, dead, c, measure, indent)
	}
	if len(st.active) > kpMaxActive {
		// Keep the best half (ties to the later node), in order.
		ds := make([]float64, len(st.active))
		for i, a := range st.active {
			ds[i] = st.nodes[a].demer
		}
		slices.Sort(ds)
		limit := ds[len(ds)/2]
		keep := st.active[:0]
		for _, a := range st.active {
			if st.nodes[a].demer <= limit {
				keep = append(keep, a)
			}
		}
		st.active = keep
	}
	return -1
}

// kpStart returns where a line starting at next starts (after spaces),
// and the width a compressed opening mark there takes back.
func kpStart(atoms []atom, next int) (int, float64) {
	s := next
	for s < len(atoms) && atoms[s].is(fSpace) {
		s++
	}
	if s < len(atoms) {
		if x := &atoms[s]; x.face != nil && x.face.base != nil && openingSet[x.r] {
			return s, x.adv
		}
	}
	return s, 0
}

// kpDemerits are the demerits of a line with stretch ratio r ending at
// candidate c after node nd.
func kpDemerits(r float64, c kpCandidate, nd *kpNode, fit int8, atoms []atom, s, e int) float64 {
	// TeX caps badness at 10000 ("infinitely bad"); here a line beyond
	// the tolerance may be chosen, and the less loose one should be.
	a := math.Abs(r)
	bad := 100 * a * a * a
	d := (kpLinePenalty + bad) * (kpLinePenalty + bad)
	d += c.penalty * c.penalty
	if c.hyW > 0 && nd.hyph {
		d += kpDoubleHyphen
	}
	end := c.forced && c.b == len(atoms)
	if end && nd.hyph {
		d += kpFinalHyphen
	}
	if fit-nd.fit > 1 || nd.fit-fit > 1 {
		d += kpAdjDemerits
	}
	if end && nd.prev >= 0 && shortLast(atoms, s, e) {
		d += kpShortLast
	}
	return d + nd.demer
}

// kpEmergency breaks the line from node a (dropped as overfull at
// candidate c) inside its last word, before the first atom that
// overflows, moved back over marks that may not start a line, as the
// greedy breaker does; the node it adds is the only active one. It
// returns the atom the line breaks before.
func (t *setter) kpEmergency(atoms []atom, a int32, c kpCandidate, measure, indent float64) int {
	st := &t.kp
	nd := st.nodes[a]
	s := nd.next
	for s < c.b && atoms[s].is(fSpace) {
		s++
	}
	avail := measure
	if nd.prev < 0 {
		avail -= indent
	}
	if x := &atoms[s]; x.face != nil && x.face.base != nil && openingSet[x.r] {
		avail -= x.adv // a compressed opening mark takes its em back at a line start
	}
	q := s + 1
	for q < c.b {
		if w, _, _ := st.pre.line(s, q+1); w > avail+1e-6 {
			break
		}
		q++
	}
	b := q
	for b > s+1 && (startProhibited[atoms[b].r] || atoms[b-1].r == '-') {
		b--
	}
	if b <= s {
		b = s + 1
	}
	start, startW := kpStart(atoms, b)
	st.nodes = append(st.nodes, kpNode{next: b, start: start, startW: startW, end: b, prev: a, fit: 3, demer: nd.demer + 1e30, loose: true})
	st.active = append(st.active[:0], int32(len(st.nodes)-1))
	return b
}

// shortLast reports whether atoms [s, e), a paragraph's last line, hold
// a single ideograph (with punctuation).
func shortLast(atoms []atom, s, e int) bool {
	if e <= s || !atoms[s].is(fIdeo) || isHangul(atoms[s].r) {
		return false
	}
	count := 0
	for i := s; i < e; i++ {
		if !atoms[i].is(fSpace) && !startProhibited[atoms[i].r] {
			count++
			if count > 1 {
				return false
			}
		}
	}
	return true
}

// kpLines turns the chain of nodes ending at last into lines, applying
// the compressions chosen.
func (t *setter) kpLines(p *para, last int32, measure, indent, em float64) []line {
	st := &t.kp
	atoms := p.atoms
	var chain []int32
	for i := last; i > 0; i = st.nodes[i].prev {
		chain = append(chain, i)
	}
	lines := make([]line, 0, len(chain))
	for k := len(chain) - 1; k >= 0; k-- {
		nd := &st.nodes[chain[k]]
		prev := &st.nodes[nd.prev]
		s := prev.next
		for s < nd.end && atoms[s].is(fSpace) {
			s++
		}
		if s < nd.end {
			if a := &atoms[s]; a.face != nil && a.face.base != nil && openingSet[a.r] {
				a.face = a.face.base
				a.adv *= 2
			}
		} else {
			s = nd.end
		}
		if nd.shrEnd {
			t.halveClosing(&atoms[nd.end-1])
		}
		avail := measure
		if prev.prev < 0 {
			avail -= indent
		}
		lines = append(lines, line{s: s, e: nd.end, avail: avail, justify: !nd.forced, hyph: nd.lineHy, em: em})
	}
	for i := range lines {
		l := &lines[i]
		if l.e-l.s >= 2 {
			// A pair of marks at the line end (`。」`, `）。`) takes one em.
			a, b := &atoms[l.e-2], &atoms[l.e-1]
			if a.face != nil && a.face.base != nil && squeezableSet[b.r] &&
				b.is(fWide) && b.face != nil && b.face.base == nil {
				t.halveClosing(b)
			}
		}
		l.width = naturalWidth(atoms, l.s, l.e) + l.hyph
		if l.width > l.avail+1e-6 {
			l.justify = true // a last line too shrinks its spaces to fit
		}
		if l.justify && l.e > l.s {
			// A line whose word spaces would open to an em (stretched
			// six times their stretch) is left ragged.
			_, stretch, _ := st.pre.line(l.s, l.e)
			if slack := l.avail - l.width; slack > 1e-6 && (stretch <= 0 || slack/stretch > kpRagged) {
				l.justify = false
			}
		}
	}
	return lines
}

var debugKP = false
