package convert_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/scaletest"
)

func encodeTo(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

// TestDecodeTextDetects encodes public-domain texts (and the repository's
// sample articles) in the legacy encoding of their language and checks
// that the detection finds it, on the whole text and on its first line.
func TestDecodeTextDetects(t *testing.T) {
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join("..", p))
		require.NoError(t, err)
		return string(b)
	}
	for _, tc := range []struct {
		file string
		enc  encoding.Encoding
		want string
	}{
		{"formats/pdf/testdata/typeset/bocchan-ja.txt", japanese.ShiftJIS, "Shift_JIS"},
		{"formats/pdf/testdata/typeset/bocchan-ja.txt", japanese.EUCJP, "EUC-JP"},
		{"formats/aozora/testdata/ryoya.txt", japanese.ShiftJIS, "Shift_JIS"},
		{"formats/aozora/testdata/furui-mura.txt", japanese.EUCJP, "EUC-JP"},
		{"formats/pdf/testdata/typeset/kongyiji-hans.txt", simplifiedchinese.GBK, "GB18030"},
		{"formats/pdf/testdata/typeset/kongyiji-hans.txt", simplifiedchinese.GB18030, "GB18030"},
		{"testdata/articles/zh-hans.txt", simplifiedchinese.GBK, "GB18030"},
		{"formats/pdf/testdata/typeset/kongyiji-hant.txt", traditionalchinese.Big5, "Big5"},
		{"testdata/articles/zh-hant.txt", traditionalchinese.Big5, "Big5"},
		{"testdata/articles/ko.txt", korean.EUCKR, "EUC-KR"},
	} {
		text := read(tc.file)
		// Characters the legacy encoding lacks are left out.
		var kept strings.Builder
		for _, r := range text {
			if _, err := tc.enc.NewEncoder().String(string(r)); err == nil {
				kept.WriteRune(r)
			}
		}
		text = kept.String()
		first, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
		for _, s := range []string{text, first} {
			out, name, err := convert.DecodeText(encodeTo(t, tc.enc, s), "")
			require.NoError(t, err, tc.file)
			assert.Equal(t, tc.want, name, "%s (%d bytes)", tc.file, len(s))
			if name == tc.want {
				assert.Equal(t, s, string(out))
			}
		}
	}
}

func TestDecodeTextPassesThrough(t *testing.T) {
	for _, src := range [][]byte{
		[]byte("plain ASCII"),
		[]byte("中文 UTF-8 文本"),
		[]byte("\xFF\xFEa\x00b\x00"), // UTF-16LE with a BOM: normalize decodes it
		[]byte("a\x00b\x00c\x00"),    // zero bytes: UTF-16 or binary, not legacy
		[]byte("中文文本中有一个坏字节\xFF，其余都是有效的 UTF-8 文字。"), // damaged UTF-8: repaired later
		[]byte("body\xff two\xfe"), // a few bad bytes no encoding reads: repaired later
	} {
		out, name, err := convert.DecodeText(src, "")
		require.NoError(t, err, "%q", src)
		assert.Empty(t, name)
		assert.Equal(t, src, out)
	}
	out, name, err := convert.DecodeText([]byte("\x82\xa0"), "utf-8")
	require.NoError(t, err)
	assert.Empty(t, name, "utf-8 forced: no detection")
	assert.Equal(t, []byte("\x82\xa0"), out)
}

func TestDecodeTextErrors(t *testing.T) {
	_, _, err := convert.DecodeText([]byte("abc\n\x80\x80\x80\xFF\xFF\x80\x80\x80\xFF\xFF"), "")
	require.Error(t, err)
	assert.True(t, errors.Is(err, convert.ErrEncoding) && errors.Is(err, convert.ErrInvalidInput))
	assert.Contains(t, err.Error(), "byte offset 4 (line 2) is not valid UTF-8")
	assert.Contains(t, err.Error(), "--input-encoding")

	sjis := encodeTo(t, japanese.ShiftJIS, "あいう\nえお")
	out, name, err := convert.DecodeText(sjis, "sjis")
	require.NoError(t, err)
	assert.Equal(t, "shift_jis", name)
	assert.Equal(t, "あいう\nえお", string(out))
	bad := append(append([]byte{}, sjis...), 0x85, 0x40) // 0x8540: not a character
	_, _, err = convert.DecodeText(bad, "shift_jis")
	require.ErrorIs(t, err, convert.ErrEncoding)
	assert.Contains(t, err.Error(), "byte offset 11 (line 2) is not valid shift_jis")

	_, _, err = convert.DecodeText(nil, "klingon")
	require.ErrorIs(t, err, convert.ErrEncoding)
	assert.Contains(t, err.Error(), `unknown input encoding "klingon"`)
}

// TestReadShiftJISAozora: an Aozora Bunko file as the library distributes
// it (Shift_JIS, CRLF) is recognised and read through convert.Read.
func TestReadShiftJISAozora(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "formats", "aozora", "testdata", "ryoya.txt"))
	require.NoError(t, err)
	src := encodeTo(t, japanese.ShiftJIS, strings.ReplaceAll(string(b), "\n", "\r\n"))
	var rep convert.Report
	d, err := convert.Read(context.Background(), bytes.NewReader(src), &convert.Options{SourcePath: "ryoya.txt", Report: &rep})
	require.NoError(t, err)
	assert.Equal(t, "良夜", d.Meta.Title)
	assert.Contains(t, convert.DocumentText(d), "良夜とは今宵ならむ。")
	assert.NotContains(t, convert.DocumentText(d), "《", "read as Aozora Bunko: ruby, not its notation")
	assert.Equal(t, 1, rep.Get("read", "inputs decoded from Shift_JIS"))

	_, err = convert.Read(context.Background(), bytes.NewReader(src), &convert.Options{SourcePath: "ryoya.txt", InputEncoding: "utf-8"})
	require.Error(t, err, "forced UTF-8: not text")

	_, err = convert.Read(context.Background(), bytes.NewReader([]byte("{}")), &convert.Options{From: "json", InputEncoding: "sjis"})
	require.ErrorIs(t, err, convert.ErrEncoding)
}

// FuzzDecodeText: detection never panics, and what it decodes from a
// legacy encoding is valid UTF-8.
func FuzzDecodeText(f *testing.F) {
	f.Add([]byte("\x82\xa0\x82\xa2\x82\xa4"), "")
	f.Add([]byte("\xc4\xe3\xba\xc3"), "")
	f.Add([]byte("\xa7\x41\xa6\x6e"), "big5")
	f.Add([]byte("abc\x80"), "shift_jis")
	f.Fuzz(func(t *testing.T, src []byte, label string) {
		out, name, err := convert.DecodeText(src, label)
		if err != nil {
			require.ErrorIs(t, err, convert.ErrEncoding)
			return
		}
		if name != "" && label == "" {
			require.True(t, utf8.Valid(out), "%s output not UTF-8", name)
		}
	})
}

// The encoding detection reads its input once per candidate encoding:
// linear in the input, also for bytes no encoding fits.
func TestDecodeTextScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling test")
	}
	sjis := encodeTo(t, japanese.ShiftJIS, strings.Repeat("親譲りの無鉄砲で小供の時から損ばかりしている。\n", 200))
	decode := func(b []byte) { _, _, _ = convert.DecodeText(b, "") }
	scaletest.Linear(t, "Shift_JIS", decode, sjis, bytes.Repeat(sjis, 10))
	mixed := bytes.Repeat([]byte("abc \x81\xff\xa4\xa4 "), 2_000)
	scaletest.Linear(t, "bytes no encoding fits", decode, mixed, bytes.Repeat(mixed, 10))
}
