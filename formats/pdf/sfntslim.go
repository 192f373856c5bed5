package pdf

import (
	"encoding/binary"
	"sort"
)

// slimFont rewrites a TrueType font for embedding in a PDF: the 'name'
// table keeps only the English copyright, family, style, unique, full and
// PostScript names (the license texts of the Liberation fonts would
// otherwise add kilobytes to every subset); every other table is kept.
// On malformed input it returns data unchanged.
func slimFont(data []byte) []byte {
	be := binary.BigEndian
	if len(data) < 12 {
		return data
	}
	n := int(be.Uint16(data[4:]))
	if 12+16*n > len(data) {
		return data
	}
	type tbl struct {
		tag  string
		data []byte
	}
	var tables []tbl
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		off, ln := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if off < 0 || ln < 0 || off+ln > len(data) {
			return data
		}
		t := tbl{string(rec[:4]), data[off : off+ln]}
		if t.tag == "name" {
			t.data = slimName(t.data)
		}
		tables = append(tables, t)
	}
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	out := make([]byte, 12+16*n, len(data))
	be.PutUint32(out, be.Uint32(data))
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(16<<es))
	be.PutUint16(out[8:], uint16(es))
	be.PutUint16(out[10:], uint16(16*n-16<<es))
	headAt := -1
	for i, t := range tables {
		off := len(out)
		b := t.data
		if t.tag == "head" && len(b) >= 12 {
			b = append([]byte(nil), b...)
			be.PutUint32(b[8:], 0) // checkSumAdjustment, set below
			headAt = off
		}
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		rec := out[12+16*i:]
		copy(rec, t.tag)
		be.PutUint32(rec[4:], checksum(b))
		be.PutUint32(rec[8:], uint32(off))
		be.PutUint32(rec[12:], uint32(len(b)))
	}
	if headAt >= 0 {
		be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

func checksum(b []byte) uint32 {
	var s uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:min(i+4, len(b))])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}

// slimName keeps the name records with IDs 0–4 and 6 (copyright, family,
// subfamily, unique ID, full name, PostScript name).
func slimName(b []byte) []byte {
	be := binary.BigEndian
	if len(b) < 6 {
		return b
	}
	count := int(be.Uint16(b[2:]))
	storage := int(be.Uint16(b[4:]))
	if 6+12*count > len(b) || storage > len(b) {
		return b
	}
	type rec struct {
		hdr  [8]byte
		text []byte
	}
	var keep []rec
	for i := 0; i < count; i++ {
		r := b[6+12*i:]
		id := be.Uint16(r[6:])
		ln, off := int(be.Uint16(r[8:])), int(be.Uint16(r[10:]))
		if id > 6 || id == 5 || storage+off+ln > len(b) {
			continue
		}
		var k rec
		copy(k.hdr[:], r[:8])
		k.text = b[storage+off : storage+off+ln]
		keep = append(keep, k)
	}
	out := make([]byte, 6+12*len(keep))
	be.PutUint16(out[2:], uint16(len(keep)))
	be.PutUint16(out[4:], uint16(len(out)))
	var strs []byte
	for i, k := range keep {
		r := out[6+12*i:]
		copy(r, k.hdr[:])
		be.PutUint16(r[8:], uint16(len(k.text)))
		be.PutUint16(r[10:], uint16(len(strs)))
		strs = append(strs, k.text...)
	}
	return append(out, strs...)
}
