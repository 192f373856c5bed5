package normalize

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/unicode/norm"

	"github.com/docconv/docconv/convert"
)

// Encoding repairs the raw bytes (transform "encoding"): it decodes UTF-16
// and UTF-32 input, told by its byte order mark or, without one, by the
// pattern of its zero bytes (see DetectEncoding; a warning says so, and
// with Options.Strict such input is refused naming the encoding), removes
// leading UTF-8 byte order marks, converts CRLF and lone CR line endings to LF, removes NUL
// characters, and replaces each run of bytes that is not valid UTF-8 by one
// U+FFFD, warning with the byte offsets (in the input as given). With
// Options.Strict, invalid UTF-8 is an error wrapping convert.ErrStrict and
// convert.ErrInvalidInput instead, naming the first offset and its line.
//
// Input that is not text at all is refused (strict or not) with an error
// wrapping convert.ErrInvalidInput, "normalize: invalid input: binary file
// (PNG image), not text": a known binary signature (PNG, PDF, ZIP, gzip,
// ELF, JPEG, GIF, WebP, OLE2, 7-Zip, xz, Zstandard, bzip2, SQLite, Mach-O,
// WOFF, MP4, Ogg, FLAC, Matroska), two or more NUL bytes making more than
// 1% of the first 8 KB, or more than 10% of the first 8 KB (at least 8
// bytes) not valid UTF-8 (the message suggests a legacy encoding such as
// GBK). This check is made after UTF-16 or UTF-32 input is decoded.
type Encoding struct{}

// Name returns "encoding".
func (Encoding) Name() string { return "encoding" }

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// TransformSource implements convert.SourceTransform.
func (Encoding) TransformSource(_ context.Context, src []byte, opts *convert.Options) ([]byte, error) {
	rep := report(opts)
	strict := opts != nil && opts.Strict
	utf16, utf32 := 0, 0
	if enc := DetectEncoding(src); enc != "" {
		if !strings.HasSuffix(enc, "BOM") {
			if strict {
				return nil, fmt.Errorf("normalize: %w: %w: the input looks like %s without a byte order mark; convert it to UTF-8 (iconv -f %s -t UTF-8) or add one",
					convert.ErrInvalidInput, convert.ErrStrict, enc, enc)
			}
			rep.Warn("no byte order mark: the input was read as %s, from the pattern of its zero bytes", enc)
		}
		out, err := decoder(enc).Bytes(src)
		if err != nil {
			return nil, fmt.Errorf("normalize: %w: cannot decode %s: %v", convert.ErrInvalidInput, enc, err)
		}
		src = out
		if strings.HasPrefix(enc, "UTF-32") {
			utf32 = 1
		} else {
			utf16 = 1
		}
	}
	if why := convert.SniffBinary(src); why != "" {
		return nil, fmt.Errorf("normalize: %w: %s", convert.ErrInvalidInput, why)
	}
	rep.Add(Stage, "UTF-16 inputs decoded", utf16)
	rep.Add(Stage, "UTF-32 inputs decoded", utf32)
	boms := 0
	for bytes.HasPrefix(src, utf8BOM) {
		src = src[len(utf8BOM):]
		boms++
	}
	out, crlf, cr, nul, bad := repair(src)
	rep.Add(Stage, "byte order marks removed", boms)
	rep.Add(Stage, "CRLF line endings converted", crlf)
	rep.Add(Stage, "CR line endings converted", cr)
	rep.Add(Stage, "NUL characters removed", nul)
	if len(bad) > 0 {
		off := bad[0] + boms*len(utf8BOM)
		if opts != nil && opts.Strict {
			line := lineOf(src, bad[0])
			return nil, &convert.Error{Line: line, Err: fmt.Errorf("normalize: %w: %w: invalid UTF-8 at byte offset %d (line %d)",
				convert.ErrInvalidInput, convert.ErrStrict, off, line)}
		}
		offs := make([]string, 0, min(len(bad), 11))
		for i, o := range bad {
			if i == 10 {
				offs = append(offs, "…")
				break
			}
			offs = append(offs, strconv.Itoa(o+boms*len(utf8BOM)))
		}
		plural := "s"
		if len(bad) == 1 {
			plural = ""
		}
		rep.Warn("invalid UTF-8 at byte offset%s %s (%d sequence%s) replaced by U+FFFD",
			plural, strings.Join(offs, ", "), len(bad), plural)
	}
	rep.Add(Stage, "invalid UTF-8 sequences replaced", len(bad))
	return out, nil
}

// Encodings DetectEncoding tells.
const (
	UTF16LEBOM = "UTF-16LE with BOM"
	UTF16BEBOM = "UTF-16BE with BOM"
	UTF32LEBOM = "UTF-32LE with BOM"
	UTF32BEBOM = "UTF-32BE with BOM"
	UTF16LE    = "UTF-16LE"
	UTF16BE    = "UTF-16BE"
	UTF32LE    = "UTF-32LE"
	UTF32BE    = "UTF-32BE"
)

// DetectEncoding returns the encoding of src when it is UTF-16 or UTF-32,
// else "" (UTF-8, or not text). A byte order mark decides: FF FE 00 00 is
// UTF-32LE (checked before FF FE, UTF-16LE), 00 00 FE FF UTF-32BE, FE FF
// UTF-16BE. Without one, the zero bytes of the first 64 KB decide, never
// for input that is valid UTF-8 with few NULs:
//   - UTF-32 when the length is a multiple of four and every four-byte unit
//     (little- or big-endian) is a Unicode scalar value;
//   - UTF-16 when the length is even, and no unit is U+0000 and surrogates
//     pair up in the byte order most zero bytes tell: on odd offsets,
//     little-endian (ASCII characters such as line feeds are "0A 00"), on
//     even ones big-endian;
//
// and in both cases when at least 95% of the characters so decoded are
// printable or white space (binary data full of zeros is not text).
func DetectEncoding(src []byte) string {
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE, 0, 0}) && len(src)%4 == 0:
		return UTF32LEBOM
	case bytes.HasPrefix(src, []byte{0, 0, 0xFE, 0xFF}):
		return UTF32BEBOM
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		return UTF16LEBOM
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return UTF16BEBOM
	}
	head := src[:min(len(src), 64<<10)&^3]
	if len(head) < 4 {
		return ""
	}
	zeros := bytes.Count(head, []byte{0})
	if zeros == 0 || (zeros*100 <= len(head) && utf8.Valid(src)) {
		return ""
	}
	if len(src)%4 == 0 {
		for _, le := range []bool{true, false} {
			if units(head, 4, le, func(u uint32) bool { return u <= 0x10FFFF && (u < 0xD800 || u > 0xDFFF) && u != 0 }) && plausible(head, 4, le) {
				if le {
					return UTF32LE
				}
				return UTF32BE
			}
		}
	}
	if len(src)%2 != 0 {
		return ""
	}
	// ASCII characters (line feeds, spaces, digits) put their zero byte
	// first in UTF-16BE, second in UTF-16LE; U+4E00 一 and the like the
	// other way round, far less often.
	var even, odd int
	for i, b := range head {
		if b == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	le := odd > even
	if even == odd || !plausible(head, 2, le) {
		return ""
	}
	if le {
		return UTF16LE
	}
	return UTF16BE
}

// units reports whether every size-byte unit of b satisfies ok.
func units(b []byte, size int, le bool, ok func(uint32) bool) bool {
	for i := 0; i+size <= len(b); i += size {
		if !ok(unit(b[i:i+size], le)) {
			return false
		}
	}
	return true
}

func unit(b []byte, le bool) uint32 {
	var u uint32
	for i := range b {
		k := i
		if le {
			k = len(b) - 1 - i
		}
		u = u<<8 | uint32(b[k])
	}
	return u
}

// plausible reports whether b, decoded as UTF-16 (size 2) or UTF-32 (size
// 4), has no U+0000 and no unpaired surrogate, and at least 95% of its
// characters are printable or white space.
func plausible(b []byte, size int, le bool) bool {
	n, good := 0, 0
	for i := 0; i+size <= len(b); i += size {
		u := unit(b[i:i+size], le)
		r := rune(u)
		if size == 2 && u >= 0xD800 && u <= 0xDBFF {
			if i+4 > len(b) {
				break // cut by the window
			}
			lo := unit(b[i+2:i+4], le)
			if lo < 0xDC00 || lo > 0xDFFF {
				return false
			}
			r = 0x10000 + (rune(u)-0xD800)<<10 + rune(lo) - 0xDC00
			i += 2
		} else if size == 2 && u >= 0xDC00 && u <= 0xDFFF || u == 0 {
			return false
		}
		n++
		if unicode.IsPrint(r) || unicode.IsSpace(r) {
			good++
		}
	}
	return n > 0 && good*100 >= n*95
}

// decoder returns the decoder of an encoding DetectEncoding names.
func decoder(enc string) *encoding.Decoder {
	switch enc {
	case UTF32LEBOM, UTF32BEBOM:
		return utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM).NewDecoder()
	case UTF32LE:
		return utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM).NewDecoder()
	case UTF32BE:
		return utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM).NewDecoder()
	case UTF16LE:
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM).NewDecoder()
	case UTF16BE:
		return xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM).NewDecoder()
	}
	return xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder()
}

// repair does the byte-level work of Encoding. bad holds the offsets of
// the runs of invalid bytes.
func repair(src []byte) (out []byte, crlf, cr, nul int, bad []int) {
	if bytes.IndexByte(src, '\r') < 0 && bytes.IndexByte(src, 0) < 0 && utf8.Valid(src) {
		return src, 0, 0, 0, nil
	}
	out = make([]byte, 0, len(src))
	badEnd := -1
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			switch c {
			case '\r':
				if i+1 < len(src) && src[i+1] == '\n' {
					crlf++
					i++
				} else {
					cr++
				}
				out = append(out, '\n')
			case 0:
				nul++
			default:
				out = append(out, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			if badEnd != i {
				bad = append(bad, i)
				out = append(out, "\uFFFD"...)
			}
			i++
			badEnd = i
			continue
		}
		out = append(out, src[i:i+size]...)
		i += size
	}
	return out, crlf, cr, nul, bad
}

// lineOf returns the 1-based line of byte offset off (LF, CRLF and CR end
// lines).
func lineOf(src []byte, off int) int {
	line := 1
	for i := 0; i < off && i < len(src); i++ {
		if src[i] == '\n' || src[i] == '\r' && (i+1 >= len(src) || src[i+1] != '\n') {
			line++
		}
	}
	return line
}

// NFC puts the text into Unicode Normalization Form C (transform "nfc"):
// decomposed sequences such as a + U+0304 or か + U+3099 become ā and が,
// Hangul jamo sequences become syllables. CJK compatibility ideographs
// (U+F900–U+FAFF, U+2F800–U+2FA1F), which NFC would replace by their
// unified counterparts, are kept as written. Counted: "characters
// NFC-normalized" (one per changed normalization segment).
type NFC struct{}

// Name returns "nfc".
func (NFC) Name() string { return "nfc" }

// TransformSource implements convert.SourceTransform.
func (NFC) TransformSource(_ context.Context, src []byte, opts *convert.Options) ([]byte, error) {
	out, n := nfc(src)
	report(opts).Add(Stage, "characters NFC-normalized", n)
	return out, nil
}

func nfc(src []byte) ([]byte, int) {
	if nfcSafe(src) || norm.NFC.QuickSpan(src) == len(src) {
		return src, 0
	}
	out := make([]byte, 0, len(src)+len(src)/8)
	n := 0
	for i := 0; i < len(src); {
		// Copy the normalized stretch, then handle one segment.
		q := norm.NFC.QuickSpan(src[i:])
		out = append(out, src[i:i+q]...)
		i += q
		if i >= len(src) {
			break
		}
		end := len(src)
		if k := norm.NFC.NextBoundary(src[i:], true); k > 0 {
			end = i + k
		}
		seg := src[i:end]
		if norm.NFC.IsNormal(seg) || hasCompatIdeograph(seg) {
			out = append(out, seg...)
		} else {
			out = norm.NFC.Append(out, seg...)
			n++
		}
		i = end
	}
	return out, n
}

// nfcSafe reports whether src consists only of characters that NFC leaves
// alone whatever their neighbours (ASCII and Latin below the combining
// marks, unified Han, kana and Hangul syllables, CJK and fullwidth
// punctuation, general punctuation): a quick test for typical CJK text.
func nfcSafe(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r < 0x300 && r != utf8.RuneError,
			r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF,
			r >= 0x3000 && r <= 0x3029, r >= 0x3030 && r <= 0x3098, r >= 0x309B && r <= 0x30FF,
			r >= 0xAC00 && r <= 0xD7A3, r >= 0xFF01 && r <= 0xFFEF, r >= 0x2010 && r <= 0x206F:
			i += size
		default:
			return false
		}
	}
	return true
}

func hasCompatIdeograph(b []byte) bool {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r >= 0xF900 && r <= 0xFAFF || r >= 0x2F800 && r <= 0x2FA1F {
			return true
		}
		b = b[size:]
	}
	return false
}
