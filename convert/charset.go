package convert

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

// ErrEncoding is wrapped by the errors about an input's character
// encoding: bytes that are not valid UTF-8 and that no legacy encoding
// decodes, bytes invalid in the encoding Options.InputEncoding names, an
// unknown encoding name. It wraps ErrInvalidInput too.
var ErrEncoding = errors.New("character encoding")

// legacyCandidates are the encodings DecodeText tries, in this order when
// two are as plausible: Japanese first (Aozora Bunko's Shift_JIS is the
// commonest non-UTF-8 text this tool meets), then Chinese, then Korean.
var legacyCandidates = []struct {
	name  string
	enc   encoding.Encoding
	scan  func(b []byte) charStats
	lang  string // "ja", "zh" or "ko": what a plausible decoding reads as
	label string // for --input-encoding
}{
	{"Shift_JIS", japanese.ShiftJIS, scanShiftJIS, "ja", "shift_jis"},
	{"EUC-JP", japanese.EUCJP, scanEUCJP, "ja", "euc-jp"},
	{"GB18030", simplifiedchinese.GB18030, scanGB18030, "zh", "gb18030"},
	{"Big5", traditionalchinese.Big5, scanBig5, "zh", "big5"},
	{"EUC-KR", korean.EUCKR, scanEUCKR, "ko", "euc-kr"},
}

// DecodeText returns src as UTF-8 text, for the formats whose input is
// text in any encoding (Format.LegacyEncodings: plain text, Aozora Bunko,
// Markdown). label is Options.InputEncoding:
//
//   - "" detects: src is returned as it is when it is valid UTF-8, starts
//     with a UTF-16 or UTF-32 byte order mark, has NUL bytes (UTF-16 or
//     UTF-32 without a mark, or binary: the normalize transform and the
//     readers deal with those), or is UTF-8 with a few damaged bytes (its
//     valid multi-byte sequences outnumber the invalid bytes, so that the
//     repair of the normalize transform applies). Otherwise each of
//     Shift_JIS, EUC-JP, GB18030 (and so GBK and GB2312), Big5 and EUC-KR
//     that decodes every byte is scored by how plausible its text is (see
//     scoreLegacy), and the best is used; name says which. When none
//     decodes src, src is returned as it is if at most a tenth of its
//     bytes (or fewer than 8) are not UTF-8 (damaged UTF-8: the normalize
//     transform repairs it, or refuses it in strict mode, naming the
//     offset); otherwise the error wraps ErrEncoding and names the byte
//     offset and line of the first byte that is not UTF-8.
//   - "utf-8" (or "utf8") takes src as UTF-8, with no detection.
//   - any other WHATWG encoding label ("shift_jis", "sjis", "cp932",
//     "euc-jp", "gbk", "gb18030", "big5", "euc-kr", "windows-1252",
//     "utf-16le"…) decodes src in that encoding; a byte sequence the
//     encoding does not define is an error wrapping ErrEncoding naming its
//     byte offset.
//
// name is the encoding src was decoded from, "" when src is returned as
// it is. Time is linear in len(src): each candidate is decoded once.
func DecodeText(src []byte, label string) (out []byte, name string, err error) {
	label = strings.ToLower(strings.TrimSpace(label))
	switch label {
	case "":
	case "utf-8", "utf8":
		return src, "", nil
	default:
		enc, err := htmlindex.Get(label)
		if err != nil {
			return nil, "", fmt.Errorf("%w: %w: unknown input encoding %q (want a name such as utf-8, shift_jis, euc-jp, gb18030, gbk, big5, euc-kr, utf-16le)", ErrInvalidInput, ErrEncoding, label)
		}
		name, _ = htmlindex.Name(enc)
		if name == "utf-8" {
			return src, "", nil
		}
		out, off := decodeAll(enc, src)
		if off >= 0 {
			return nil, "", fmt.Errorf("%w: %w: byte offset %d (line %d) is not valid %s", ErrInvalidInput, ErrEncoding, off, lineAt(src, off), name)
		}
		return out, name, nil
	}
	if utf8.Valid(src) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) || bytes.HasPrefix(src, []byte{0xFF, 0xFE}) ||
		bytes.IndexByte(src, 0) >= 0 || mostlyUTF8(src) {
		return src, "", nil
	}
	best, bestScore := -1, 0.0
	var bestOut []byte
	for i, c := range legacyCandidates {
		st := c.scan(src)
		if st.invalid > 0 {
			continue
		}
		s := scoreLegacy(st, c.lang)
		if best >= 0 && s <= bestScore {
			continue
		}
		out, off := decodeAll(c.enc, src)
		if off >= 0 {
			continue
		}
		best, bestScore, bestOut = i, s, out
	}
	if best < 0 {
		off, n := firstInvalidUTF8(src)
		if n < 8 || n*10 <= len(src) {
			// UTF-8 with some damage after all: the normalize
			// transform replaces (or, strict, refuses) the bad bytes.
			return src, "", nil
		}
		return nil, "", fmt.Errorf("%w: %w: byte offset %d (line %d) is not valid UTF-8, and no legacy encoding (Shift_JIS, EUC-JP, GB18030, Big5, EUC-KR) decodes the input: name its encoding with --input-encoding", ErrInvalidInput, ErrEncoding, off, lineAt(src, off))
	}
	return bestOut, legacyCandidates[best].name, nil
}

// decodeAll decodes src with enc. off is the byte offset of the first
// sequence enc does not define (which the decoder replaced with U+FFFD),
// -1 when there is none.
func decodeAll(enc encoding.Encoding, src []byte) (out []byte, off int) {
	out, _, err := transform.Bytes(enc.NewDecoder(), src)
	if err != nil {
		return nil, 0
	}
	if !bytes.Contains(out, replacement) {
		return out, -1
	}
	// Find where: decode again one character at a time (a destination of
	// 1 byte takes one ASCII character, one of 3 or 4 bytes one character
	// of 2 to 4 bytes, or a 2-byte one and an ASCII one), up to the first
	// U+FFFD.
	t := enc.NewDecoder()
	var dst [4]byte
	pos := 0
	for pos < len(src) {
		var nDst, nSrc int
		for _, size := range []int{1, 3, 4} {
			nDst, nSrc, err = t.Transform(dst[:size], src[pos:], true)
			if nDst > 0 || err == nil {
				break
			}
		}
		if nSrc == 0 || bytes.HasPrefix(dst[:nDst], replacement) {
			return out, pos
		}
		pos += nSrc
	}
	return out, 0
}

var replacement = []byte("\uFFFD")

// mostlyUTF8 reports whether src is UTF-8 with some damage: its valid
// multi-byte sequences are more than twice as many as its invalid bytes.
// No legacy CJK text has that many valid UTF-8 sequences by chance.
func mostlyUTF8(src []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(src); {
		if src[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			invalid++
			i++
			continue
		}
		valid++
		i += n
	}
	return valid > 2*invalid
}

// firstInvalidUTF8 returns the offset of the first byte of src that is
// not part of a valid UTF-8 sequence, and how many such bytes there are.
func firstInvalidUTF8(src []byte) (first, n int) {
	first = -1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			if first < 0 {
				first = i
			}
			n++
		}
		i += size
	}
	return first, n
}

// lineAt returns the 1-based line number of byte offset off of src.
func lineAt(src []byte, off int) int {
	return bytes.Count(src[:min(off, len(src))], []byte("\n")) + 1
}

// charStats counts the characters of a legacy-encoded text by kind, as a
// scan of its bytes in one encoding finds them.
type charStats struct {
	multi     int // multi-byte characters
	common    int // multi-byte characters of the encoding's frequent range
	halfwidth int // halfwidth katakana, single bytes: rare in real text
	kana      int // hiragana and katakana (Japanese encodings)
	invalid   int // byte sequences the encoding does not define
	spaced    int // multi-byte characters after a space after another: word spacing
	lastWide  bool
	space     bool // the last byte was a space after a multi-byte character
}

// scoreLegacy scores a decoding by its characters: the share of the
// characters beyond ASCII that are in the encoding's frequent range
// (punctuation, kana, the first level of kanji/hanzi, the common Hangul
// syllables), halved for a Japanese reading with almost no kana (Chinese
// or Korean read as Japanese) and for a Chinese or Japanese reading with
// spaces between words (Korean read as Chinese or Japanese).
func scoreLegacy(st charStats, lang string) float64 {
	if st.multi+st.halfwidth == 0 {
		return 0
	}
	s := float64(st.common) / float64(st.multi+st.halfwidth)
	if lang == "ja" && st.multi >= 20 && st.kana*20 < st.multi {
		s /= 2
	}
	if lang != "ko" && st.multi >= 20 && st.spaced*20 > st.multi {
		s /= 2
	}
	return s
}

// ascii counts a single byte below 0x80.
func (st *charStats) ascii(c byte) {
	st.space = c == ' ' && (st.lastWide || st.space)
	st.lastWide = false
}

// wide counts a multi-byte character, of the frequent range or not.
func (st *charStats) wide(common bool) {
	st.multi++
	if common {
		st.common++
	}
	if st.space {
		st.spaced++
	}
	st.lastWide, st.space = true, false
}

// half counts a halfwidth katakana.
func (st *charStats) half() {
	st.halfwidth++
	st.lastWide, st.space = false, false
}

// scanShiftJIS scans b as Shift_JIS (Windows-31J): single bytes, A1–DF
// halfwidth katakana, and double bytes with a lead 81–9F or E0–FC and a
// trail 40–7E or 80–FC. Frequent: punctuation (81), fullwidth
// alphanumerics and kana (82, 83), level-1 kanji (889F–9872).
func scanShiftJIS(b []byte) charStats {
	var st charStats
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < 0x80:
			st.ascii(c)
			i++
		case c >= 0xA1 && c <= 0xDF:
			st.half()
			i++
		case (c >= 0x81 && c <= 0x9F || c >= 0xE0 && c <= 0xFC) && i+1 < len(b) &&
			b[i+1] >= 0x40 && b[i+1] <= 0xFC && b[i+1] != 0x7F:
			t := b[i+1]
			if c == 0x82 && t >= 0x9F || c == 0x83 && t <= 0x96 {
				st.kana++
			}
			st.wide(c <= 0x83 || c >= 0x88 && c <= 0x98 && !(c == 0x88 && t < 0x9F))
			i += 2
		default:
			st.invalid++
			i++
		}
	}
	return st
}

// scanEUCJP scans b as EUC-JP: double bytes A1–FE A1–FE, 8E and a
// halfwidth katakana, 8F and two bytes (JIS X 0212). Frequent are
// punctuation (A1), alphanumerics (A3), kana (A4, A5) and level-1 kanji
// (B0–CF).
func scanEUCJP(b []byte) charStats {
	var st charStats
	euc := func(c byte) bool { return c >= 0xA1 && c <= 0xFE }
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < 0x80:
			st.ascii(c)
			i++
		case c == 0x8E && i+1 < len(b) && b[i+1] >= 0xA1 && b[i+1] <= 0xDF:
			st.half()
			i += 2
		case c == 0x8F && i+2 < len(b) && euc(b[i+1]) && euc(b[i+2]):
			st.wide(false)
			i += 3
		case euc(c) && i+1 < len(b) && euc(b[i+1]):
			if c == 0xA4 || c == 0xA5 {
				st.kana++
			}
			st.wide(c == 0xA1 || c >= 0xA3 && c <= 0xA5 || c >= 0xB0 && c <= 0xCF)
			i += 2
		default:
			st.invalid++
			i++
		}
	}
	return st
}

// scanGB18030 scans b as GB18030: leads 81–FE with a trail 40–7E or
// 80–FE, or four bytes (81–FE, 30–39, 81–FE, 30–39). Frequent are
// punctuation (A1), alphanumerics (A3) and the 3,755 level-1 hanzi of GB
// 2312 (B0–D7), with a trail from A1.
func scanGB18030(b []byte) charStats {
	var st charStats
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < 0x80:
			st.ascii(c)
			i++
		case c == 0x80 || c == 0xFF || i+1 >= len(b):
			st.invalid++
			i++
		case b[i+1] >= 0x30 && b[i+1] <= 0x39:
			if i+3 < len(b) && b[i+2] >= 0x81 && b[i+2] <= 0xFE && b[i+3] >= 0x30 && b[i+3] <= 0x39 {
				st.wide(false)
				i += 4
			} else {
				st.invalid++
				i++
			}
		case b[i+1] >= 0x40 && b[i+1] <= 0xFE && b[i+1] != 0x7F:
			st.wide(b[i+1] >= 0xA1 && (c == 0xA1 || c == 0xA3 || c >= 0xB0 && c <= 0xD7))
			i += 2
		default:
			st.invalid++
			i++
		}
	}
	return st
}

// scanBig5 scans b as Big5 (leads 81–FE, trails 40–7E and A1–FE: the
// WHATWG definition, with the HKSCS extension). Frequent are punctuation
// and symbols (A140–A3BF) and the 5,401 frequent hanzi (A440–C67E).
func scanBig5(b []byte) charStats {
	var st charStats
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < 0x80:
			st.ascii(c)
			i++
		case c >= 0x81 && c <= 0xFE && i+1 < len(b) && (b[i+1] >= 0x40 && b[i+1] <= 0x7E || b[i+1] >= 0xA1 && b[i+1] <= 0xFE):
			st.wide(c >= 0xA1 && c <= 0xC5 || c == 0xC6 && b[i+1] <= 0x7E)
			i += 2
		default:
			st.invalid++
			i++
		}
	}
	return st
}

// scanEUCKR scans b as EUC-KR with the Unified Hangul Code extension
// (Windows-949: leads 81–FE, trails 41–5A, 61–7A, 81–FE; from lead C7 on,
// trails A1–FE only). Frequent are punctuation (A1), alphanumerics (A3)
// and the 2,350 Hangul syllables of KS X 1001 (B0–C8); hanja (CA–FD) and
// the extension's syllables are not.
func scanEUCKR(b []byte) charStats {
	var st charStats
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			st.ascii(c)
			i++
			continue
		}
		if c >= 0x81 && c <= 0xFE && i+1 < len(b) {
			t := b[i+1]
			ok := t >= 0xA1 && t <= 0xFE || c <= 0xC6 && (t >= 0x41 && t <= 0x5A || t >= 0x61 && t <= 0x7A || t >= 0x81 && t <= 0xA0)
			if ok {
				st.wide(t >= 0xA1 && (c == 0xA1 || c == 0xA3 || c >= 0xB0 && c <= 0xC8))
				i += 2
				continue
			}
		}
		st.invalid++
		i++
	}
	return st
}
