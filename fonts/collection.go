package fonts

import (
	"fmt"
)

// maxFaces bounds the number of faces ParseCollection extracts.
const maxFaces = 256

// ParseCollection extracts every face of a collection ('ttcf': .ttc, or
// .otc with CFF outlines) into a standalone font: the table directory,
// offsets and checksums are rebuilt and shared tables are copied into each
// face, so Font.Data() is a font file of its own (gofpdf, which rejects
// collections, accepts a TrueType face's). Data that is a single font (not
// a collection) yields a one-element slice.
func ParseCollection(data []byte) ([]*Font, error) {
	if len(data) < 4 || string(data[:4]) != "ttcf" {
		f, err := Parse(data)
		if err != nil {
			return nil, err
		}
		return []*Font{f}, nil
	}
	offs, err := collectionOffsets(data)
	if err != nil {
		return nil, err
	}
	if len(offs) > maxFaces {
		return nil, fmt.Errorf("%w: collection of %d faces (at most %d extracted at once; use ParseFace)", ErrInvalid, len(offs), maxFaces)
	}
	out := make([]*Font, len(offs))
	for i := range offs {
		f, err := parseFaceAt(data, offs[i])
		if err != nil {
			return nil, fmt.Errorf("%w (collection face %d)", err, i)
		}
		out[i] = f
	}
	return out, nil
}

// ParseFace returns face index of a collection as a standalone font (see ParseCollection). For data that is a single font, only index 0
// is valid and ParseFace is Parse.
func ParseFace(data []byte, index int) (*Font, error) {
	if len(data) < 4 || string(data[:4]) != "ttcf" {
		if index != 0 {
			return nil, fmt.Errorf("%w: face %d requested but the data is a single font, not a collection", ErrInvalid, index)
		}
		return Parse(data)
	}
	offs, err := collectionOffsets(data)
	if err != nil {
		return nil, err
	}
	if index < 0 || index >= len(offs) {
		return nil, fmt.Errorf("%w: face %d requested but the collection has %d faces (0..%d)", ErrInvalid, index, len(offs), len(offs)-1)
	}
	return parseFaceAt(data, offs[index])
}

// parseFaceAt extracts the face whose table directory is at off.
func parseFaceAt(data []byte, off int64) (*Font, error) {
	dir, err := readDirectory(data, off, int64(len(data)))
	if err != nil {
		return nil, err
	}
	tables := make([]table, 0, len(dir.Tables))
	total := 0
	for _, r := range dir.Tables {
		// The tables of one face do not overlap, so together they cannot be
		// larger than the file; this bounds the memory a hostile file costs.
		if total += int(r.Length); total > len(data) {
			return nil, fmt.Errorf("%w: overlapping tables", ErrInvalid)
		}
		if r.Tag == "DSIG" { // a collection's signature does not apply to one face
			continue
		}
		b := make([]byte, r.Length)
		copy(b, data[r.Offset:r.Offset+r.Length])
		tables = append(tables, table{Tag: r.Tag, Data: b})
	}
	standalone := buildSFNT(dir.Version, tables)
	d, err := readDirectory(standalone, 0, int64(len(standalone)))
	if err != nil {
		return nil, err
	}
	return newFont(standalone, d)
}
