package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"

	"github.com/docconv/docconv/convert"
)

// sampleText mixes CJK, Latin, an astral character (a surrogate pair in
// UTF-16) and line ends.
const sampleText = "中文 Text, 한국어 かな 𠀋 2024年\r\n第二行。\n"

func encode(t *testing.T, enc string, s string) string {
	t.Helper()
	var e interface{ String(string) (string, error) }
	switch enc {
	case UTF16LE:
		e = xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM).NewEncoder()
	case UTF16BE:
		e = xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM).NewEncoder()
	case UTF16LEBOM:
		e = xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder()
	case UTF16BEBOM:
		e = xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM).NewEncoder()
	case UTF32LE:
		e = utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM).NewEncoder()
	case UTF32BE:
		e = utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM).NewEncoder()
	case UTF32LEBOM:
		e = utf32.UTF32(utf32.LittleEndian, utf32.UseBOM).NewEncoder()
	case UTF32BEBOM:
		e = utf32.UTF32(utf32.BigEndian, utf32.UseBOM).NewEncoder()
	}
	out, err := e.String(s)
	require.NoError(t, err)
	return out
}

func TestUTF16And32Decoded(t *testing.T) {
	for _, enc := range []string{UTF16LEBOM, UTF16BEBOM, UTF32LEBOM, UTF32BEBOM, UTF16LE, UTF16BE, UTF32LE, UTF32BE} {
		for _, text := range []string{sampleText, "plain ASCII text\n", "全部是中文沒有換行", "標題\n\n第一段，2024年。\n"} {
			in := encode(t, enc, text)
			if enc == UTF16LE || enc == UTF16BE {
				if text == "全部是中文沒有換行" {
					continue // no zero byte: nothing tells it from a legacy encoding
				}
			}
			assert.Equal(t, enc, DetectEncoding([]byte(in)), "%s %q", enc, text)
			out, rep, err := src(t, Encoding{}, in, false)
			require.NoError(t, err, enc)
			want := text
			if text == sampleText {
				want = "中文 Text, 한국어 かな 𠀋 2024年\n第二行。\n"
			}
			assert.Equal(t, want, out, enc)
			wide := "UTF-16 inputs decoded"
			if enc[:6] == "UTF-32" {
				wide = "UTF-32 inputs decoded"
			}
			assert.Equal(t, 1, rep.Get(Stage, wide), enc)
			if len(enc) > 8 { // with BOM: no warning
				assert.Empty(t, rep.Warnings(), enc)
			} else {
				require.Len(t, rep.Warnings(), 1, enc)
				assert.Contains(t, rep.Warnings()[0], "no byte order mark: the input was read as "+enc)
				// --strict refuses a guess, naming the encoding.
				_, _, err := src(t, Encoding{}, in, true)
				assert.ErrorIs(t, err, convert.ErrStrict)
				assert.Contains(t, err.Error(), "looks like "+enc+" without a byte order mark")
			}
		}
	}
}

func TestDetectEncodingLeavesOtherInputAlone(t *testing.T) {
	for _, in := range []string{
		"",
		"plain UTF-8 中文\n",
		"UTF-8 with a stray NUL\x00 and more text after it, long enough to be text.\n",
		"\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00\x03", // int32 data: controls, not text
		"\xb5\xd8\xb0\xdd\x00\x0a\xd6\xd0\xce\xc4\x0a",     // GBK with a NUL, odd length
		"\xb5\xd8\x00\xb0\xdd\x0a\xd6\xd0\xce\x00\x0a\x0a", // GBK with NULs on both parities
		"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
	} {
		assert.Equal(t, "", DetectEncoding([]byte(in)), "%q", in)
	}
	// UTF-32LE's BOM was once read as UTF-16LE's, changing every character.
	in := encode(t, UTF32LEBOM, "中文\n")
	out, _, err := src(t, Encoding{}, in, false)
	require.NoError(t, err)
	assert.Equal(t, "中文\n", out)
}
