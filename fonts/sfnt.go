package fonts

import (
	"encoding/binary"
	"fmt"
	"sort"
)

// Tags of the sfnt containers and tables this package knows about.
const (
	tagTrueType = 0x00010000 // sfnt version of a TrueType-outline font
	tagTrue     = 0x74727565 // 'true': old Apple TrueType
	tagOTTO     = 0x4F54544F // 'OTTO': CFF outlines
	tagTTCF     = 0x74746366 // 'ttcf': collection
)

// maxTables bounds the table directory; real fonts have fewer than 40 tables.
const maxTables = 512

// tableRecord is one entry of an sfnt table directory. Offset and Length are
// relative to the start of the file the directory was read from and have
// been checked against its size.
type tableRecord struct {
	Tag    string
	Offset uint32
	Length uint32
}

// directory is a parsed sfnt table directory.
type directory struct {
	Version uint32
	Tables  []tableRecord // sorted by tag
}

func (d *directory) find(tag string) (tableRecord, bool) {
	i := sort.Search(len(d.Tables), func(i int) bool { return d.Tables[i].Tag >= tag })
	if i < len(d.Tables) && d.Tables[i].Tag == tag {
		return d.Tables[i], true
	}
	return tableRecord{}, false
}

// table returns the bytes of table tag from data, or nil if the font has no
// such table. The bounds were checked by readDirectory.
func (d *directory) table(data []byte, tag string) []byte {
	r, ok := d.find(tag)
	if !ok {
		return nil
	}
	return data[r.Offset : r.Offset+r.Length]
}

// readDirectory parses the table directory that starts at offset off of data
// (0 for a plain font, the face offset for a collection). fileSize is the
// total size the table offsets must stay within; data may hold only a prefix
// of the file (when only the name table is read from disk), in which case
// the caller checks table bounds against data itself before slicing.
func readDirectory(data []byte, off int64, fileSize int64) (*directory, error) {
	if off < 0 || off+12 > int64(len(data)) {
		return nil, fmt.Errorf("%w: truncated sfnt header", ErrInvalid)
	}
	h := data[off:]
	version := binary.BigEndian.Uint32(h)
	switch version {
	case tagTrueType, tagTrue, tagOTTO:
	case tagTTCF:
		return nil, fmt.Errorf("%w: nested collection", ErrInvalid)
	default:
		return nil, fmt.Errorf("%w: unknown sfnt version %#08x (not a TrueType/OpenType font)", ErrInvalid, version)
	}
	n := int(binary.BigEndian.Uint16(h[4:]))
	if n == 0 || n > maxTables {
		return nil, fmt.Errorf("%w: %d tables in the table directory", ErrInvalid, n)
	}
	if off+12+int64(n)*16 > int64(len(data)) {
		return nil, fmt.Errorf("%w: truncated table directory", ErrInvalid)
	}
	d := &directory{Version: version, Tables: make([]tableRecord, 0, n)}
	seen := make(map[string]bool, n)
	for i := range n {
		rec := h[12+16*i:]
		tag := string(rec[:4])
		o := binary.BigEndian.Uint32(rec[8:])
		l := binary.BigEndian.Uint32(rec[12:])
		if int64(o)+int64(l) > fileSize {
			return nil, fmt.Errorf("%w: table %q out of bounds", ErrInvalid, tag)
		}
		if seen[tag] {
			continue // first one wins, like most rasterizers
		}
		seen[tag] = true
		d.Tables = append(d.Tables, tableRecord{Tag: tag, Offset: o, Length: l})
	}
	sort.Slice(d.Tables, func(i, j int) bool { return d.Tables[i].Tag < d.Tables[j].Tag })
	return d, nil
}

// collectionOffsets returns the offsets of the faces of a 'ttcf' collection.
func collectionOffsets(data []byte) ([]int64, error) {
	if len(data) < 12 || binary.BigEndian.Uint32(data) != tagTTCF {
		return nil, fmt.Errorf("%w: not a font collection", ErrInvalid)
	}
	n := binary.BigEndian.Uint32(data[8:])
	if n == 0 || n > 1<<16 || 12+int64(n)*4 > int64(len(data)) {
		return nil, fmt.Errorf("%w: bad collection face count %d", ErrInvalid, n)
	}
	offs := make([]int64, n)
	for i := range offs {
		offs[i] = int64(binary.BigEndian.Uint32(data[12+4*i:]))
	}
	return offs, nil
}

// table is one table of a font being written.
type table struct {
	Tag  string
	Data []byte
}

// buildSFNT writes an sfnt file with the given version (tagTrueType, or
// tagOTTO for CFF outlines) from tables, which must include 'head'.
// Tables are sorted by tag, each padded to four bytes, the table
// checksums and head.checkSumAdjustment are computed, so the output depends
// only on the input. buildSFNT does not modify the given table data.
func buildSFNT(version uint32, tables []table) []byte {
	ts := append([]table(nil), tables...)
	sort.Slice(ts, func(i, j int) bool { return ts[i].Tag < ts[j].Tag })
	recs := make([]tableRecord, len(ts))
	for i, t := range ts {
		recs[i] = tableRecord{Tag: t.Tag, Length: uint32(len(t.Data))}
	}
	out, _ := assembleSFNT(version, recs, func(i int, dst []byte) error {
		copy(dst, ts[i].Data)
		return nil
	})
	return out
}

// assembleSFNT writes an sfnt file whose tables, sorted by tag, have the
// tags and lengths of recs; fill writes table i's bytes into dst (its
// place in the output, zeroed). It computes the directory, the table
// checksums and head.checkSumAdjustment.
func assembleSFNT(version uint32, recs []tableRecord, fill func(i int, dst []byte) error) ([]byte, error) {
	n := len(recs)
	size := 12 + 16*n
	for _, r := range recs {
		size += pad4(int(r.Length))
	}
	out := make([]byte, size)
	be := binary.BigEndian
	be.PutUint32(out, version)
	be.PutUint16(out[4:], uint16(n))
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	sr := (1 << es) * 16
	be.PutUint16(out[6:], uint16(sr))
	be.PutUint16(out[8:], uint16(es))
	be.PutUint16(out[10:], uint16(n*16-sr))
	off := 12 + 16*n
	headOff := -1
	for i, r := range recs {
		ln := int(r.Length)
		if err := fill(i, out[off:off+ln]); err != nil {
			return nil, err
		}
		if r.Tag == "head" && ln >= 12 {
			headOff = off
			be.PutUint32(out[off+8:], 0) // checkSumAdjustment is computed last
		}
		rec := out[12+16*i:]
		copy(rec, r.Tag)
		be.PutUint32(rec[4:], checksum(out[off:off+pad4(ln)]))
		be.PutUint32(rec[8:], uint32(off))
		be.PutUint32(rec[12:], uint32(ln))
		off += pad4(ln)
	}
	if headOff >= 0 {
		be.PutUint32(out[headOff+8:], 0xB1B0AFBA-checksum(out))
	}
	return out, nil
}

func pad4(n int) int { return (n + 3) &^ 3 }

// checksum is the sfnt table checksum: the sum of big-endian uint32 words,
// the last one zero-padded.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}
