package fonts_test

import (
	"encoding/binary"
	"sort"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/require"
)

// sfntTables splits a standalone font into its tables.
func sfntTables(t *testing.T, data []byte) (version uint32, tags []string, tables map[string][]byte) {
	t.Helper()
	require.GreaterOrEqual(t, len(data), 12)
	n := int(binary.BigEndian.Uint16(data[4:]))
	tables = map[string][]byte{}
	for i := range n {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off := binary.BigEndian.Uint32(rec[8:])
		l := binary.BigEndian.Uint32(rec[12:])
		tags = append(tags, tag)
		tables[tag] = data[off : off+l]
	}
	return binary.BigEndian.Uint32(data), tags, tables
}

// buildTTC assembles a 'ttcf' collection from standalone fonts, storing
// byte-identical tables once so that faces share them, as real collections
// do.
func buildTTC(t *testing.T, faces ...[]byte) []byte {
	t.Helper()
	type face struct {
		version uint32
		tags    []string
		tables  map[string][]byte
	}
	fs := make([]face, len(faces))
	dirSize := 0
	for i, f := range faces {
		v, tags, tables := sfntTables(t, f)
		sort.Strings(tags)
		fs[i] = face{v, tags, tables}
		dirSize += 12 + 16*len(tags)
	}
	be := binary.BigEndian
	head := 12 + 4*len(faces)
	out := make([]byte, head+dirSize)
	copy(out, "ttcf")
	be.PutUint32(out[4:], 0x00010000)
	be.PutUint32(out[8:], uint32(len(faces)))
	stored := map[string]uint32{} // table bytes -> offset
	dirOff := head
	for i, f := range fs {
		be.PutUint32(out[12+4*i:], uint32(dirOff))
		d := out[dirOff:]
		be.PutUint32(d, f.version)
		be.PutUint16(d[4:], uint16(len(f.tags)))
		for j, tag := range f.tags {
			b := f.tables[tag]
			off, ok := stored[string(b)]
			if !ok {
				off = uint32(len(out))
				out = append(out, b...)
				for len(out)%4 != 0 {
					out = append(out, 0)
				}
				stored[string(b)] = off
				d = out[dirOff:] // out may have moved
			}
			rec := d[12+16*j:]
			copy(rec, tag)
			be.PutUint32(rec[8:], off)
			be.PutUint32(rec[12:], uint32(len(b)))
		}
		dirOff += 12 + 16*len(f.tags)
	}
	return out
}

// nameTable builds a 'name' table with Windows English family (1),
// subfamily (2), full (4) and PostScript (6) names.
func nameTable(family, sub, full, ps string) []byte {
	strs := []string{family, sub, full, ps}
	ids := []uint16{1, 2, 4, 6}
	be := binary.BigEndian
	out := be.AppendUint16(nil, 0)
	out = be.AppendUint16(out, uint16(len(strs)))
	out = be.AppendUint16(out, uint16(6+12*len(strs)))
	var storage []byte
	for i, s := range strs {
		var enc []byte
		for _, u := range utf16.Encode([]rune(s)) {
			enc = be.AppendUint16(enc, u)
		}
		out = be.AppendUint16(out, 3)
		out = be.AppendUint16(out, 1)
		out = be.AppendUint16(out, 0x409)
		out = be.AppendUint16(out, ids[i])
		out = be.AppendUint16(out, uint16(len(enc)))
		out = be.AppendUint16(out, uint16(len(storage)))
		storage = append(storage, enc...)
	}
	return append(out, storage...)
}

// fakeOTTO returns a minimal CFF-flavoured OpenType header with only a name
// table: enough for font discovery, not for Parse.
func fakeOTTO(family string) []byte {
	name := nameTable(family, "Regular", family+" Regular", "Fake-Regular")
	be := binary.BigEndian
	out := make([]byte, 12+16)
	copy(out, "OTTO")
	be.PutUint16(out[4:], 1)
	be.PutUint16(out[6:], 16)
	copy(out[12:], "name")
	be.PutUint32(out[12+8:], 28)
	be.PutUint32(out[12+12:], uint32(len(name)))
	return append(out, name...)
}

// fakeCFF2 returns an OpenType header with a name and an empty 'CFF2'
// table: a variable font to the format check, which must name it.
func fakeCFF2(family string) []byte {
	name := nameTable(family, "Regular", family+" Regular", "Fake-Regular")
	be := binary.BigEndian
	out := make([]byte, 12+32)
	copy(out, "OTTO")
	be.PutUint16(out[4:], 2)
	be.PutUint16(out[6:], 32)
	copy(out[12:], "CFF2")
	be.PutUint32(out[12+8:], 44)
	be.PutUint32(out[12+12:], 0)
	copy(out[28:], "name")
	be.PutUint32(out[28+8:], 44)
	be.PutUint32(out[28+12:], uint32(len(name)))
	return append(out, name...)
}

// verifyChecksums checks every table checksum and the whole-file checksum
// (which head.checkSumAdjustment makes 0xB1B0AFBA).
func verifyChecksums(t *testing.T, data []byte) {
	t.Helper()
	sum := func(b []byte) uint32 {
		var s uint32
		for i := 0; i < len(b); i += 4 {
			var w [4]byte
			copy(w[:], b[i:])
			s += binary.BigEndian.Uint32(w[:])
		}
		return s
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := range n {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off := binary.BigEndian.Uint32(rec[8:])
		l := binary.BigEndian.Uint32(rec[12:])
		require.Zero(t, off%4, "table %q must be 4-byte aligned", tag)
		b := append([]byte(nil), data[off:off+l]...)
		if tag == "head" {
			binary.BigEndian.PutUint32(b[8:], 0)
		}
		require.Equal(t, binary.BigEndian.Uint32(rec[4:]), sum(b), "checksum of table %q", tag)
	}
	require.Equal(t, uint32(0xB1B0AFBA), sum(data), "whole-font checksum")
}
