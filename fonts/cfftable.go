package fonts

import (
	"encoding/binary"
	"fmt"
	"io"
)

// cffTable is a CFF table, whole in memory or, for a large font read from
// a file, all but its charstrings: the bytes before the CharStrings
// objects (low) and after them (high) are held, the objects themselves
// (nearly all of a CJK font's 20-odd MB) are read from the file when a
// glyph is drawn.
type cffTable struct {
	low, high []byte
	hole      int // the bytes low..hole are not held; high starts at hole
	size      int // the table's length

	r   io.ReaderAt // the file, for the bytes not held
	off int64       // the table's offset in r
}

// at returns the table's bytes from..to (a slice of the held bytes, or
// read from the file), or an error when they are outside the table or
// cannot be read.
func (t *cffTable) at(from, to int) ([]byte, error) {
	if from < 0 || to < from || to > t.size {
		return nil, fmt.Errorf("%w: CFF bytes %d..%d outside the %d-byte table", ErrInvalid, from, to, t.size)
	}
	if to <= len(t.low) {
		return t.low[from:to], nil
	}
	if t.r == nil {
		return nil, fmt.Errorf("%w: CFF bytes %d..%d outside the %d-byte table", ErrInvalid, from, to, t.size)
	}
	if from >= t.hole {
		return t.high[from-t.hole : to-t.hole], nil
	}
	b := make([]byte, to-from)
	if _, err := t.r.ReadAt(b, t.off+int64(from)); err != nil {
		return nil, fmt.Errorf("%w: reading CFF bytes %d..%d: %v", ErrInvalid, from, to, err)
	}
	return b, nil
}

// minLazyCFF is the size from which a CFF table read from a file keeps
// its charstrings in the file.
var minLazyCFF = 1 << 20 // a variable for tests

// readCFFTable reads the CFF table of size bytes at off of r, all but the
// CharStrings objects when the table is large and laid out as usual (the
// INDEXes before CharStrings small enough to find in its first 64 KB);
// otherwise whole. r must stay readable while the font is used.
func readCFFTable(r io.ReaderAt, off int64, size int) (*cffTable, error) {
	whole := func() (*cffTable, error) {
		b := make([]byte, size)
		if _, err := r.ReadAt(b, off); err != nil {
			return nil, fmt.Errorf("%w: table \"CFF \": %v", ErrInvalid, err)
		}
		return &cffTable{low: b, size: size}, nil
	}
	if size < minLazyCFF {
		return whole()
	}
	head := make([]byte, min(size, 64<<10))
	if _, err := r.ReadAt(head, off); err != nil {
		return nil, fmt.Errorf("%w: table \"CFF \": %v", ErrInvalid, err)
	}
	// The header, Name and Top DICT INDEXes, from the first bytes.
	t := &cffTable{low: head, size: len(head)}
	if head[0] != 1 {
		return whole() // parseCFF says what is wrong
	}
	names, err := readIndex(t, int(head[2]), "Name")
	if err != nil {
		return whole()
	}
	tops, err := readIndex(t, names.end, "Top DICT")
	if err != nil || tops.count != 1 {
		return whole()
	}
	tb, err := tops.get(0)
	if err != nil {
		return whole()
	}
	top, err := parseDict(tb)
	if err != nil {
		return whole()
	}
	cs := dictInt(top, opCharStrings, -1)
	// The CharStrings INDEX header and offsets, then where its objects
	// lie.
	var hdr [3]byte
	if cs < 0 || cs+3 > size {
		return whole()
	}
	if _, err := r.ReadAt(hdr[:], off+int64(cs)); err != nil {
		return whole()
	}
	count, offSize := int(binary.BigEndian.Uint16(hdr[:])), int(hdr[2])
	if count == 0 || offSize < 1 || offSize > 4 {
		return whole()
	}
	dataStart := cs + 3 + (count+1)*offSize
	if dataStart > size {
		return whole()
	}
	last := make([]byte, offSize)
	if _, err := r.ReadAt(last, off+int64(dataStart-offSize)); err != nil {
		return whole()
	}
	lastOff := 0
	for _, c := range last {
		lastOff = lastOff<<8 | int(c)
	}
	dataEnd := dataStart - 1 + lastOff
	if lastOff < 1 || dataEnd > size || dataEnd-dataStart < size/2 {
		return whole() // charstrings not most of the table: nothing to gain
	}
	t = &cffTable{
		low:  make([]byte, dataStart),
		high: make([]byte, size-dataEnd),
		hole: dataEnd,
		size: size,
		r:    r,
		off:  off,
	}
	if _, err := r.ReadAt(t.low, off); err != nil {
		return nil, fmt.Errorf("%w: table \"CFF \": %v", ErrInvalid, err)
	}
	if _, err := r.ReadAt(t.high, off+int64(dataEnd)); err != nil {
		return nil, fmt.Errorf("%w: table \"CFF \": %v", ErrInvalid, err)
	}
	return t, nil
}
