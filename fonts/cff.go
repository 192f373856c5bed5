package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync"

	ps "github.com/go-text/typesetting/font/cff/interpreter"
	ot "github.com/go-text/typesetting/font/opentype"
)

// Limits on what a CFF table may make the reader do. Real fonts stay far
// below them: Noto Serif CJK has 19 font dicts and its most complex glyph
// runs about 1,500 charstring operators.
const (
	maxFDs             = 256     // FDSelect stores a font dict index in one byte
	maxCharstringOps   = 1 << 16 // operators (subroutine calls included) per glyph
	maxGlyphSegments   = 1 << 14 // outline segments per glyph
	maxDictOperands    = 48      // the Type 2 argument stack limit
	maxCFFCoordinate   = 1 << 15 // outline coordinates, in font units
	cffCharstringType2 = 2
)

// errCharstring reports a glyph program the reader gives up on.
var errCharstring = errors.New("charstring")

// cffIndex is a CFF INDEX (Adobe TN 5176, section 5): count objects whose
// 1-based offsets, offSize bytes each, follow the header. Objects are read
// on demand; every offset is checked when read.
type cffIndex struct {
	t       *cffTable
	count   int
	offSize int
	offs    int // position of the offset array
	base    int // position before the first object (offsets start at 1)
	end     int // position after the INDEX
}

// readIndex reads the INDEX header at pos of t.
func readIndex(t *cffTable, pos int, what string) (cffIndex, error) {
	h, err := t.at(pos, pos+2)
	if err != nil {
		return cffIndex{}, fmt.Errorf("%w: CFF %s INDEX at offset %d is outside the %d-byte CFF table", ErrInvalid, what, pos, t.size)
	}
	x := cffIndex{t: t, count: int(binary.BigEndian.Uint16(h))}
	if x.count == 0 {
		x.end = pos + 2
		return x, nil
	}
	h, err = t.at(pos+2, pos+3)
	if err != nil {
		return cffIndex{}, fmt.Errorf("%w: truncated CFF %s INDEX", ErrInvalid, what)
	}
	x.offSize = int(h[0])
	if x.offSize < 1 || x.offSize > 4 {
		return cffIndex{}, fmt.Errorf("%w: CFF %s INDEX offset size %d (want 1..4)", ErrInvalid, what, x.offSize)
	}
	x.offs = pos + 3
	arrayEnd := x.offs + (x.count+1)*x.offSize
	if arrayEnd > t.size {
		return cffIndex{}, fmt.Errorf("%w: CFF %s INDEX of %d objects overruns the table", ErrInvalid, what, x.count)
	}
	x.base = arrayEnd - 1
	first, last := x.offset(0), x.offset(x.count)
	if first != 1 || last < 1 || x.base+last > t.size {
		return cffIndex{}, fmt.Errorf("%w: CFF %s INDEX offsets %d..%d out of bounds", ErrInvalid, what, first, last)
	}
	x.end = x.base + last
	return x, nil
}

// offset returns offset i, or -1 when it cannot be read.
func (x cffIndex) offset(i int) int {
	p := x.offs + i*x.offSize
	b, err := x.t.at(p, p+x.offSize)
	if err != nil {
		return -1
	}
	v := 0
	for _, c := range b {
		v = v<<8 | int(c)
	}
	return v
}

// get returns object i, or an error when its offsets are out of order or
// out of bounds.
func (x cffIndex) get(i int) ([]byte, error) {
	if i < 0 || i >= x.count {
		return nil, fmt.Errorf("%w: CFF INDEX object %d of %d", ErrInvalid, i, x.count)
	}
	a, z := x.offset(i), x.offset(i+1)
	if a < 1 || z < a || x.base+z > x.end {
		return nil, fmt.Errorf("%w: CFF INDEX object %d has bad offsets %d..%d", ErrInvalid, i, a, z)
	}
	return x.t.at(x.base+a, x.base+z)
}

// all returns every object; bad offsets become empty objects (a
// subroutine that is never called need not be valid).
func (x cffIndex) all() [][]byte {
	out := make([][]byte, x.count)
	for i := range out {
		out[i], _ = x.get(i)
	}
	return out
}

// DICT operators (two-byte operators are 1200 + the second byte).
const (
	opCharset      = 15
	opCharStrings  = 17
	opPrivate      = 18
	opSubrs        = 19
	opCharstrType  = 1206
	opFontMatrix   = 1207
	opROS          = 1230
	opFDArray      = 1236
	opFDSelect     = 1237
	opSyntheticBas = 1220
)

// parseDict decodes a CFF DICT into operator → operands.
func parseDict(b []byte) (map[int][]float64, error) {
	d := map[int][]float64{}
	var args []float64
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c <= 21:
			op := int(c)
			i++
			if c == 12 {
				if i >= len(b) {
					return nil, fmt.Errorf("%w: truncated CFF DICT operator", ErrInvalid)
				}
				op = 1200 + int(b[i])
				i++
			}
			d[op] = args
			args = nil
			continue
		case c == 28:
			if i+3 > len(b) {
				return nil, fmt.Errorf("%w: truncated CFF DICT number", ErrInvalid)
			}
			args = append(args, float64(int16(binary.BigEndian.Uint16(b[i+1:]))))
			i += 3
		case c == 29:
			if i+5 > len(b) {
				return nil, fmt.Errorf("%w: truncated CFF DICT number", ErrInvalid)
			}
			args = append(args, float64(int32(binary.BigEndian.Uint32(b[i+1:]))))
			i += 5
		case c == 30:
			v, n, err := parseReal(b[i+1:])
			if err != nil {
				return nil, err
			}
			args = append(args, v)
			i += 1 + n
		case c >= 32 && c <= 246:
			args = append(args, float64(int(c)-139))
			i++
		case c >= 247 && c <= 254:
			if i+2 > len(b) {
				return nil, fmt.Errorf("%w: truncated CFF DICT number", ErrInvalid)
			}
			v := (int(c)-247)*256 + int(b[i+1]) + 108
			if c >= 251 {
				v = -(int(c)-251)*256 - int(b[i+1]) - 108
			}
			args = append(args, float64(v))
			i += 2
		default:
			return nil, fmt.Errorf("%w: reserved byte %d in a CFF DICT", ErrInvalid, c)
		}
		if len(args) > maxDictOperands {
			return nil, fmt.Errorf("%w: more than %d operands in a CFF DICT", ErrInvalid, maxDictOperands)
		}
	}
	return d, nil
}

// parseReal decodes the nibbles of a DICT real number; n is the number of
// bytes read.
func parseReal(b []byte) (v float64, n int, err error) {
	var s []byte
	for n < len(b) && n < 32 {
		c := b[n]
		n++
		for _, nib := range [2]byte{c >> 4, c & 15} {
			switch {
			case nib <= 9:
				s = append(s, '0'+nib)
			case nib == 0xa:
				s = append(s, '.')
			case nib == 0xb:
				s = append(s, 'E')
			case nib == 0xc:
				s = append(s, 'E', '-')
			case nib == 0xe:
				s = append(s, '-')
			case nib == 0xf:
				var f float64
				if _, err := fmt.Sscan(string(s), &f); err != nil && len(s) > 0 {
					return 0, n, fmt.Errorf("%w: bad real number %q in a CFF DICT", ErrInvalid, s)
				}
				return f, n, nil
			default:
				return 0, n, fmt.Errorf("%w: bad real number nibble in a CFF DICT", ErrInvalid)
			}
		}
	}
	return 0, n, fmt.Errorf("%w: unterminated real number in a CFF DICT", ErrInvalid)
}

// dictInt returns the first operand of op as an int, or def.
func dictInt(d map[int][]float64, op, def int) int {
	if a := d[op]; len(a) > 0 && a[0] >= math.MinInt32 && a[0] <= math.MaxInt32 {
		return int(a[0])
	}
	return def
}

// cffFont is the part of a CFF table ('CFF ', version 1) that outlines
// need: the charstrings, the subroutines and, for a CID-keyed font, which
// font dict (and so which local subroutines) each glyph uses.
type cffFont struct {
	t           *cffTable
	charStrings cffIndex
	gsubrs      cffIndex
	lsubrs      []cffIndex // per font dict; one for a name-keyed font
	fdSelect    []byte     // FDSelect data (nil: every glyph uses dict 0)
	fdFormat    byte
	cid         bool
	numGlyphs   int

	// Subroutines as go-text's interpreter takes them, made on first use:
	// the global ones, and the local ones of each distinct Subrs INDEX
	// (font dicts that share one share the slice), so the memory is at
	// most proportional to the table.
	gOnce sync.Once
	gAll  [][]byte
	lOnce []sync.Once
	lAll  [][][]byte
	alias []int // font dict → the first font dict with the same Subrs
}

// parseCFF reads the structure of a CFF table. It reads only headers and
// dictionaries: charstrings and subroutines are read when outlines are.
func parseCFF(b []byte) (*cffFont, error) {
	return parseCFFTable(&cffTable{low: b, size: len(b)})
}

// parseCFFTable reads the structure of the CFF table t.
func parseCFFTable(t *cffTable) (*cffFont, error) {
	b, err := t.at(0, 4)
	if err != nil {
		return nil, fmt.Errorf("%w: CFF table of %d bytes", ErrInvalid, t.size)
	}
	if b[0] != 1 {
		return nil, fmt.Errorf("%w: CFF major version %d (want 1)", ErrInvalid, b[0])
	}
	hdrSize := int(b[2])
	names, err := readIndex(t, hdrSize, "Name")
	if err != nil {
		return nil, err
	}
	if names.count != 1 {
		return nil, fmt.Errorf("%w: CFF table holds %d fonts (an OpenType font holds one)", ErrInvalid, names.count)
	}
	tops, err := readIndex(t, names.end, "Top DICT")
	if err != nil {
		return nil, err
	}
	strs, err := readIndex(t, tops.end, "String")
	if err != nil {
		return nil, err
	}
	f := &cffFont{t: t}
	if f.gsubrs, err = readIndex(t, strs.end, "Global Subr"); err != nil {
		return nil, err
	}
	if tops.count != 1 {
		return nil, fmt.Errorf("%w: CFF table has %d Top DICTs", ErrInvalid, tops.count)
	}
	tb, err := tops.get(0)
	if err != nil {
		return nil, err
	}
	top, err := parseDict(tb)
	if err != nil {
		return nil, err
	}
	if t := dictInt(top, opCharstrType, cffCharstringType2); t != cffCharstringType2 {
		return nil, fmt.Errorf("%w: CFF charstring type %d (only Type 2 is defined for OpenType)", ErrInvalid, t)
	}
	if _, ok := top[opSyntheticBas]; ok {
		return nil, fmt.Errorf("%w: synthetic CFF font (SyntheticBase) not supported", ErrInvalid)
	}
	if f.charStrings, err = readIndex(t, dictInt(top, opCharStrings, -1), "CharStrings"); err != nil {
		return nil, err
	}
	f.numGlyphs = f.charStrings.count
	if f.numGlyphs == 0 {
		return nil, fmt.Errorf("%w: CFF font has no glyphs", ErrInvalid)
	}
	defer f.initSubrs()
	_, f.cid = top[opROS]
	if !f.cid {
		sub, err := f.privateSubrs(top, "Private")
		if err != nil {
			return nil, err
		}
		f.lsubrs = []cffIndex{sub}
		return f, nil
	}
	fds, err := readIndex(t, dictInt(top, opFDArray, -1), "FDArray")
	if err != nil {
		return nil, err
	}
	if fds.count == 0 || fds.count > maxFDs {
		return nil, fmt.Errorf("%w: CFF FDArray of %d font dicts (want 1..%d)", ErrInvalid, fds.count, maxFDs)
	}
	for i := range fds.count {
		fb, err := fds.get(i)
		if err != nil {
			return nil, err
		}
		fd, err := parseDict(fb)
		if err != nil {
			return nil, err
		}
		sub, err := f.privateSubrs(fd, fmt.Sprintf("font dict %d Private", i))
		if err != nil {
			return nil, err
		}
		f.lsubrs = append(f.lsubrs, sub)
	}
	if err := f.readFDSelect(dictInt(top, opFDSelect, -1)); err != nil {
		return nil, err
	}
	return f, nil
}

// initSubrs prepares the lazy subroutine tables.
func (f *cffFont) initSubrs() {
	n := len(f.lsubrs)
	f.lOnce = make([]sync.Once, n)
	f.lAll = make([][][]byte, n)
	f.alias = make([]int, n)
	for i, x := range f.lsubrs {
		f.alias[i] = i
		for j := range i {
			if f.lsubrs[j].offs == x.offs && f.lsubrs[j].count == x.count {
				f.alias[i] = j
				break
			}
		}
	}
}

// subrs returns the global subroutines and the local ones of font dict fd.
func (f *cffFont) subrs(fd int) (local, global [][]byte) {
	f.gOnce.Do(func() { f.gAll = f.gsubrs.all() })
	fd = f.alias[fd]
	f.lOnce[fd].Do(func() { f.lAll[fd] = f.lsubrs[fd].all() })
	return f.lAll[fd], f.gAll
}

// privateSubrs reads the local subroutines of the Private DICT that d
// points to (an empty INDEX when there are none).
func (f *cffFont) privateSubrs(d map[int][]float64, what string) (cffIndex, error) {
	p := d[opPrivate]
	if len(p) != 2 {
		return cffIndex{t: f.t}, nil
	}
	size, off := int(p[0]), int(p[1])
	pb, err := f.t.at(off, off+size)
	if err != nil {
		return cffIndex{}, fmt.Errorf("%w: CFF %s DICT out of bounds", ErrInvalid, what)
	}
	pd, err := parseDict(pb)
	if err != nil {
		return cffIndex{}, err
	}
	s := dictInt(pd, opSubrs, 0)
	if s <= 0 {
		return cffIndex{t: f.t}, nil
	}
	return readIndex(f.t, off+s, what+" Subrs")
}

// readFDSelect checks the FDSelect table at off (formats 0 and 3).
func (f *cffFont) readFDSelect(off int) error {
	b, err := f.t.at(off, off+1)
	if err != nil {
		return fmt.Errorf("%w: CFF FDSelect offset %d out of bounds", ErrInvalid, off)
	}
	f.fdFormat = b[0]
	nfd := len(f.lsubrs)
	switch f.fdFormat {
	case 0:
		d, err := f.t.at(off+1, off+1+f.numGlyphs)
		if err != nil {
			return fmt.Errorf("%w: truncated CFF FDSelect", ErrInvalid)
		}
		for _, fd := range d[:f.numGlyphs] {
			if int(fd) >= nfd {
				return fmt.Errorf("%w: CFF FDSelect names font dict %d of %d", ErrInvalid, fd, nfd)
			}
		}
		f.fdSelect = d[:f.numGlyphs]
	case 3:
		h, err := f.t.at(off+1, off+3)
		if err != nil {
			return fmt.Errorf("%w: truncated CFF FDSelect", ErrInvalid)
		}
		n := int(binary.BigEndian.Uint16(h))
		d, err := f.t.at(off+3, off+3+3*n+2)
		if n == 0 || err != nil {
			return fmt.Errorf("%w: CFF FDSelect of %d ranges overruns the table", ErrInvalid, n)
		}
		prev := -1
		for i := range n {
			first := int(binary.BigEndian.Uint16(d[3*i:]))
			if first <= prev || i == 0 && first != 0 || int(d[3*i+2]) >= nfd {
				return fmt.Errorf("%w: bad CFF FDSelect range %d", ErrInvalid, i)
			}
			prev = first
		}
		if int(binary.BigEndian.Uint16(d[3*n:])) <= prev {
			return fmt.Errorf("%w: bad CFF FDSelect sentinel", ErrInvalid)
		}
		f.fdSelect = d
	default:
		return fmt.Errorf("%w: CFF FDSelect format %d (want 0 or 3)", ErrInvalid, f.fdFormat)
	}
	return nil
}

// fdIndex returns the font dict of glyph gid.
func (f *cffFont) fdIndex(gid int) int {
	if f.fdSelect == nil {
		return 0
	}
	if f.fdFormat == 0 {
		return int(f.fdSelect[gid])
	}
	n := (len(f.fdSelect) - 2) / 3
	lo, hi := 0, n // last range whose first glyph <= gid
	for lo+1 < hi {
		m := (lo + hi) / 2
		if int(binary.BigEndian.Uint16(f.fdSelect[3*m:])) <= gid {
			lo = m
		} else {
			hi = m
		}
	}
	return int(f.fdSelect[3*lo+2])
}

// outline decodes glyph gid into absolute segments (font units), the
// implicit closing line of each contour included. Hints are dropped.
func (f *cffFont) outline(gid int) ([]ot.Segment, error) {
	if gid < 0 || gid >= f.numGlyphs {
		return nil, fmt.Errorf("%w: glyph %d of %d", ErrInvalid, gid, f.numGlyphs)
	}
	cs, err := f.charStrings.get(gid)
	if err != nil {
		return nil, err
	}
	local, global := f.subrs(f.fdIndex(gid))
	var m ps.Machine
	h := outlineHandler{}
	err = runCharstring(&m, cs, local, global, &h)
	if err != nil {
		return nil, fmt.Errorf("%w: CFF glyph %d: %v", ErrInvalid, gid, err)
	}
	return h.cs.Segments, nil
}

// runCharstring runs the interpreter, turning a panic on malformed input
// (which go-text's interpreter does not promise to avoid) into an error.
func runCharstring(m *ps.Machine, cs []byte, local, global [][]byte, h *outlineHandler) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: malformed program (%v)", errCharstring, r)
		}
	}()
	return m.Run(cs, local, global, h)
}

// outlineHandler collects the segments of a Type 2 charstring (as go-text's
// own handler does) and bounds the work: every operator, subroutine calls
// included, counts against maxCharstringOps, so nested subroutines cannot
// make a glyph cost exponential time.
type outlineHandler struct {
	cs  ps.CharstringReader
	ops int
}

func (outlineHandler) Context() ps.Context { return ps.Type2Charstring }

func (h *outlineHandler) Apply(state *ps.Machine, op ps.Operator) error {
	h.ops++
	if h.ops > maxCharstringOps || len(h.cs.Segments) > maxGlyphSegments {
		return fmt.Errorf("%w: glyph program exceeds %d operators or %d segments", errCharstring, maxCharstringOps, maxGlyphSegments)
	}
	var err error
	if op.IsEscaped {
		switch op.Operator {
		case 34:
			err = h.cs.Hflex(state)
		case 35:
			err = h.cs.Flex(state)
		case 36:
			err = h.cs.Hflex1(state)
		case 37:
			err = h.cs.Flex1(state)
		default:
			err = fmt.Errorf("%w: operator 12 %d", errCharstring, op.Operator)
		}
		state.ArgStack.Clear()
		return err
	}
	switch op.Operator {
	case 11: // return
		return state.Return()
	case 14: // endchar
		h.cs.ClosePath()
		return ps.ErrInterrupt
	case 10: // callsubr
		return ps.LocalSubr(state)
	case 29: // callgsubr
		return ps.GlobalSubr(state)
	case 21:
		err = h.cs.Rmoveto(state)
	case 22:
		err = h.cs.Hmoveto(state)
	case 4:
		err = h.cs.Vmoveto(state)
	case 1, 18:
		h.cs.Hstem(state)
	case 3, 23:
		h.cs.Vstem(state)
	case 19, 20: // hintmask, cntrmask: the reader skips the mask bytes
		h.cs.Hintmask(state)
		return nil
	case 5:
		h.cs.Rlineto(state)
	case 6:
		h.cs.Hlineto(state)
	case 7:
		h.cs.Vlineto(state)
	case 8:
		h.cs.Rrcurveto(state)
	case 24:
		err = h.cs.Rcurveline(state)
	case 25:
		err = h.cs.Rlinecurve(state)
	case 26:
		h.cs.Vvcurveto(state)
	case 27:
		h.cs.Hhcurveto(state)
	case 30:
		h.cs.Vhcurveto(state)
	case 31:
		h.cs.Hvcurveto(state)
	default:
		err = fmt.Errorf("%w: operator %d", errCharstring, op.Operator)
	}
	state.ArgStack.Clear()
	return err
}
