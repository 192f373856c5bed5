package convert

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// sniffLen is how much of the input the binary check looks at.
const sniffLen = 8192

// magics are the signatures of common binary formats that end up renamed
// .txt, with the name used in the error.
var magics = []struct {
	off  int
	sig  string
	name string
}{
	{0, "\x89PNG\r\n\x1a\n", "PNG image"},
	{0, "%PDF-", "PDF document"},
	{0, "PK\x03\x04", "ZIP archive"},
	{0, "PK\x05\x06", "ZIP archive"},
	{0, "PK\x07\x08", "ZIP archive"},
	{0, "\x1f\x8b", "gzip archive"},
	{0, "\x7fELF", "ELF executable"},
	{0, "\xff\xd8\xff", "JPEG image"},
	{0, "GIF87a", "GIF image"},
	{0, "GIF89a", "GIF image"},
	{8, "WEBP", "WebP image"},
	{0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 document (old Microsoft Office)"},
	{0, "7z\xbc\xaf\x27\x1c", "7-Zip archive"},
	{0, "\xfd7zXZ\x00", "xz archive"},
	{0, "\x28\xb5\x2f\xfd", "Zstandard archive"},
	{4, "1AY&SY", "bzip2 archive"},
	{0, "SQLite format 3\x00", "SQLite database"},
	{0, "\xcf\xfa\xed\xfe", "Mach-O executable"},
	{0, "\xce\xfa\xed\xfe", "Mach-O executable"},
	{0, "wOFF", "WOFF font"},
	{0, "wOF2", "WOFF2 font"},
	{4, "ftyp", "MP4/QuickTime media"},
	{0, "OggS", "Ogg media"},
	{0, "fLaC", "FLAC audio"},
	{0, "\x1a\x45\xdf\xa3", "Matroska/WebM media"},
}

// SniffBinary returns a description of why src is not text, or "": a known
// binary signature, NUL bytes beyond a tiny share (two or more, and more
// than 1% of the first 8 KB), or more than 10% of the first 8 KB not valid
// UTF-8 (at least 8 bytes). Input starting with a UTF-16 byte order mark is
// text (the normalize package decodes it). Readers of text formats and
// the encoding clean-up use it to refuse, say, a PNG renamed .txt.
func SniffBinary(src []byte) string {
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		return ""
	}
	for _, m := range magics {
		if len(src) >= m.off+len(m.sig) && string(src[m.off:m.off+len(m.sig)]) == m.sig &&
			(m.sig != "1AY&SY" || bytes.HasPrefix(src, []byte("BZh"))) &&
			(m.sig != "WEBP" || bytes.HasPrefix(src, []byte("RIFF"))) {
			return fmt.Sprintf("binary file (%s), not text", m.name)
		}
	}
	head := src[:min(len(src), sniffLen)]
	if nul := bytes.Count(head, []byte{0}); nul >= 2 && nul*100 > len(head) {
		return fmt.Sprintf("binary file, not text: %d NUL bytes in the first %d", nul, len(head))
	}
	invalid := 0
	for i := 0; i < len(head); {
		if head[i] < utf8.RuneSelf {
			i++
			continue
		}
		if len(head) < len(src) && !utf8.FullRune(head[i:]) {
			break // a character cut by the 8 KB window
		}
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size <= 1 {
			invalid++
		}
		i += size
	}
	if invalid >= 8 && invalid*10 > len(head) {
		return fmt.Sprintf("binary file or not UTF-8 text: %d%% of the first %d bytes are not valid UTF-8 "+
			"(text in a legacy encoding such as GBK, Big5 or Shift_JIS: name it with --input-encoding, or convert it to UTF-8)",
			invalid*100/len(head), len(head))
	}
	return ""
}
