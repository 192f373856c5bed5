package fonts

import (
	"encoding/binary"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// Name IDs of the OpenType 'name' table.
const (
	nameFamily          = 1
	nameSubfamily       = 2
	nameFull            = 4
	namePostScript      = 6
	nameTypoFamily      = 16
	nameTypoSubfamily   = 17
	maxNameStringLength = 1024
)

// names holds the strings of a name table that this package uses.
type names struct {
	family, subfamily, full, postscript, typoFamily, typoSubfamily string
}

// parseNames decodes the English (or, failing that, first usable) strings of
// a 'name' table. A malformed table yields empty strings, never an error: a
// font without readable names still renders.
func parseNames(b []byte) names {
	var n names
	if len(b) < 6 {
		return n
	}
	count := int(binary.BigEndian.Uint16(b[2:]))
	storage := int(binary.BigEndian.Uint16(b[4:]))
	best := map[uint16]int{} // nameID -> score of the string kept
	for i := range count {
		r := 6 + 12*i
		if r+12 > len(b) {
			break
		}
		rec := b[r:]
		pid := binary.BigEndian.Uint16(rec)
		eid := binary.BigEndian.Uint16(rec[2:])
		lang := binary.BigEndian.Uint16(rec[4:])
		id := binary.BigEndian.Uint16(rec[6:])
		var dst *string
		switch id {
		case nameFamily:
			dst = &n.family
		case nameSubfamily:
			dst = &n.subfamily
		case nameFull:
			dst = &n.full
		case namePostScript:
			dst = &n.postscript
		case nameTypoFamily:
			dst = &n.typoFamily
		case nameTypoSubfamily:
			dst = &n.typoSubfamily
		default:
			continue
		}
		score := nameScore(pid, eid, lang)
		if score == 0 || score <= best[id] {
			continue
		}
		l := int(binary.BigEndian.Uint16(rec[8:]))
		o := storage + int(binary.BigEndian.Uint16(rec[10:]))
		if l > maxNameStringLength || o+l > len(b) {
			continue
		}
		s := decodeName(pid, b[o:o+l])
		if s == "" {
			continue
		}
		*dst = s
		best[id] = score
	}
	return n
}

// nameScore ranks a name record's platform/encoding/language; 0 means
// unusable.
func nameScore(pid, eid, lang uint16) int {
	switch pid {
	case 3: // Windows
		if eid != 0 && eid != 1 && eid != 10 {
			return 0
		}
		switch {
		case lang == 0x0409:
			return 6
		case lang&0x3ff == 0x09: // other English
			return 5
		default:
			return 3
		}
	case 0: // Unicode
		return 4
	case 1: // Macintosh
		if eid != 0 {
			return 0
		}
		if lang == 0 {
			return 2
		}
		return 1
	}
	return 0
}

func decodeName(pid uint16, b []byte) string {
	if pid == 1 {
		s, err := charmap.Macintosh.NewDecoder().Bytes(b)
		if err != nil {
			return ""
		}
		return string(s)
	}
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.BigEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

// familyName returns the typographic family, falling back to the legacy
// family name.
func (n names) familyName() string {
	if n.typoFamily != "" {
		return n.typoFamily
	}
	return n.family
}

// styleName returns the typographic subfamily, falling back to the legacy
// subfamily name.
func (n names) styleName() string {
	if n.typoSubfamily != "" {
		return n.typoSubfamily
	}
	return n.subfamily
}
