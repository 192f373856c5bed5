package normalize

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/docconv/docconv/convert"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// Encoding repairs the raw bytes (transform "encoding"): it decodes UTF-16
// input that starts with a byte order mark, removes leading UTF-8 byte
// order marks, converts CRLF and lone CR line endings to LF, removes NUL
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
// GBK). Input starting with a UTF-16 byte order mark is decoded, not
// refused.
type Encoding struct{}

// Name returns "encoding".
func (Encoding) Name() string { return "encoding" }

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// TransformSource implements convert.SourceTransform.
func (Encoding) TransformSource(_ context.Context, src []byte, opts *convert.Options) ([]byte, error) {
	rep := report(opts)
	if why := convert.SniffBinary(src); why != "" {
		return nil, fmt.Errorf("normalize: %w: %s", convert.ErrInvalidInput, why)
	}
	utf16 := 0
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		if out, err := dec.Bytes(src); err == nil {
			src = out
			utf16 = 1
		}
	}
	rep.Add(Stage, "UTF-16 inputs decoded", utf16)
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
