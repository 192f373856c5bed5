package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// Load reads and parses a font file: .ttf, or .ttc with an optional face
// suffix ("file.ttc" is face 0, "file.ttc#2" face 2). Errors are *PathError
// values naming the path and wrapping ErrInvalid, ErrCFF, ... or the
// fs error.
func Load(path string) (*Font, error) {
	file, index, err := splitFace(path)
	if err != nil {
		return nil, &PathError{Path: path, Err: err}
	}
	if fi, err := os.Stat(file); err == nil && !fi.Mode().IsRegular() {
		// /dev/zero or a pipe would be read without end.
		return nil, &PathError{Path: path, Err: errors.New("not a regular file")}
	}
	f, err := loadFace(file, index)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &PathError{Path: path, Err: err}
	}
	return f, nil
}

// loadFace reads face index of a font file. A face of a collection is read
// table by table into its standalone font, so that loading one face of a
// 26 MB Noto CJK collection does not hold the whole file as well; so is an
// OpenType CFF font ('OTTO'). A large CFF table keeps its charstrings in
// the file (readCFFTable), which then stays open while the font is
// reachable (an *os.File closes itself when it becomes garbage).
func loadFace(file string, index int) (_ *Font, err error) {
	fh, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	keep := false
	defer func() {
		if !keep {
			fh.Close()
		}
	}()
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	size := st.Size()
	var hdr [12]byte
	n, _ := fh.ReadAt(hdr[:], 0)
	var off int64 // the face's table directory
	switch {
	case n == 12 && string(hdr[:4]) == "ttcf":
		count := int64(binary.BigEndian.Uint32(hdr[8:]))
		if count == 0 || count > 1<<16 || 12+4*count > size {
			return nil, fmt.Errorf("%w: bad collection face count %d", ErrInvalid, count)
		}
		if index < 0 || int64(index) >= count {
			return nil, fmt.Errorf("%w: face %d requested but the collection has %d faces (0..%d)", ErrInvalid, index, count, count-1)
		}
		var offb [4]byte
		if _, err := fh.ReadAt(offb[:], 12+4*int64(index)); err != nil {
			return nil, fmt.Errorf("%w: truncated collection header", ErrInvalid)
		}
		off = int64(binary.BigEndian.Uint32(offb[:]))
	case n == 12 && string(hdr[:4]) == "OTTO" && index == 0:
	default:
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		return ParseFace(data, index)
	}
	var dh [12]byte
	if _, err := fh.ReadAt(dh[:], off); err != nil {
		return nil, fmt.Errorf("%w: truncated sfnt header", ErrInvalid)
	}
	nt := int(binary.BigEndian.Uint16(dh[4:]))
	if nt == 0 || nt > maxTables {
		return nil, fmt.Errorf("%w: %d tables in the table directory", ErrInvalid, nt)
	}
	buf := make([]byte, 12+16*nt)
	if _, err := fh.ReadAt(buf, off); err != nil {
		return nil, fmt.Errorf("%w: truncated table directory", ErrInvalid)
	}
	dir, err := readDirectory(buf, 0, size)
	if err != nil {
		return nil, err
	}
	var recs []tableRecord
	var total int64
	var cff *cffTable
	_, hasGlyf := dir.find("glyf")
	for _, r := range dir.Tables {
		if total += int64(r.Length); total > size {
			return nil, fmt.Errorf("%w: overlapping tables", ErrInvalid)
		}
		switch {
		case r.Tag == "DSIG": // a collection's signature does not apply to one face
		case r.Tag == "CFF " && !hasGlyf && int(r.Length) >= minLazyCFF:
			if int64(r.Offset)+int64(r.Length) > size {
				return nil, fmt.Errorf("%w: table \"CFF \" out of bounds", ErrInvalid)
			}
			if cff, err = readCFFTable(fh, int64(r.Offset), int(r.Length)); err != nil {
				return nil, err
			}
		default:
			recs = append(recs, r)
		}
	}
	data, err := assembleSFNT(dir.Version, recs, func(i int, dst []byte) error {
		if _, err := fh.ReadAt(dst, int64(recs[i].Offset)); err != nil {
			return fmt.Errorf("%w: table %q: %v", ErrInvalid, recs[i].Tag, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	d, err := readDirectory(data, 0, int64(len(data)))
	if err != nil {
		return nil, err
	}
	f, err := newFontCFF(data, d, cff)
	if err != nil {
		return nil, err
	}
	// The font's CFF table reads the file: it stays open, and closes
	// when the font (and so the *os.File) is garbage.
	keep = cff != nil && cff.r != nil
	return f, nil
}

// splitFace separates a "#N" face suffix from a path, unless the whole path
// names an existing file.
func splitFace(path string) (string, int, error) {
	i := strings.LastIndexByte(path, '#')
	if i < 0 {
		return path, 0, nil
	}
	if _, err := os.Stat(path); err == nil {
		return path, 0, nil
	}
	n, err := strconv.Atoi(path[i+1:])
	if err != nil || n < 0 {
		return path, 0, nil // not a face suffix: let the open fail with the real name
	}
	return path[:i], n, nil
}
