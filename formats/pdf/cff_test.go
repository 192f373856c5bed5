package pdf

import (
	"context"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/internal/validate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cffFont is a small CFF (OpenType 'OTTO') font kept for tests: a subset
// of Noto Serif CJK TC (SIL OFL).
const cffFont = "../../fonts/testdata/NotoSerifCJKtc-subset.otf"

// notoSerifTTC is Debian's Noto Serif CJK collection (fonts-noto-cjk).
const notoSerifTTC = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"

// pdfFonts returns pdffonts' rows (name, type, emb, sub, uni), or nil when
// pdffonts is not installed.
func pdfFonts(t *testing.T, b []byte) [][]string {
	t.Helper()
	pdffonts, ok := validate.Have(t, "pdffonts")
	if !ok {
		return nil
	}
	path := filepath.Join(t.TempDir(), "f.pdf")
	require.NoError(t, os.WriteFile(path, b, 0o644))
	out, err := exec.Command(pdffonts, path).Output()
	require.NoError(t, err)
	var rows [][]string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n")[2:] {
		f := strings.Fields(line)
		// name, type (one to three words), encoding, emb, sub, uni, object, generation
		n := len(f)
		rows = append(rows, []string{f[0], strings.Join(f[1:n-6], " "), f[n-5], f[n-4], f[n-3]})
	}
	return rows
}

// renders checks that poppler and MuPDF render page 1 without complaint.
func renders(t *testing.T, b []byte) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "r.pdf")
	require.NoError(t, os.WriteFile(path, b, 0o644))
	if pdftoppm, ok := validate.Have(t, "pdftoppm"); ok {
		out, err := exec.Command(pdftoppm, "-r", "40", "-f", "1", "-l", "1", "-png", path, filepath.Join(dir, "p")).CombinedOutput()
		assert.NoError(t, err, "%s", out)
		assert.NotContains(t, strings.ToLower(string(out)), "font", "pdftoppm: %s", out)
	}
	if mutool, ok := validate.Have(t, "mutool"); ok {
		out, err := exec.Command(mutool, "draw", "-r", "40", "-o", filepath.Join(dir, "m.png"), path, "1").CombinedOutput()
		assert.NoError(t, err, "%s", out)
		assert.NotContains(t, strings.ToLower(string(out)), "error", "mutool: %s", out)
	}
}

// allRecovered asserts that every visible character of want is in got.
func allRecovered(t *testing.T, want, got string) {
	t.Helper()
	if got == "" {
		return // pdftotext not installed (logged, or a failure under CI=true)
	}
	var missing []rune
	for _, r := range want {
		if !unicode.IsSpace(r) && !strings.ContainsRune(got, r) {
			missing = append(missing, r)
		}
	}
	assert.Empty(t, string(missing), "characters not recovered by pdftotext")
}

// TestCFFFont embeds the CFF test font (runs everywhere): a CIDFontType0
// with a CIDFontType0C program, embedded, subset, with ToUnicode; every
// character back through pdftotext; renders in poppler and MuPDF.
func TestCFFFont(t *testing.T) {
	text := "骨角值令說內，中文字體測試。「臺灣」、（甲）一ABC xyz 0123."
	d := &convert.Document{Meta: convert.Meta{Lang: "zh-Hant"}, Blocks: []convert.Block{
		&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: text}}},
		&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "「骨」，「角」。說：「內。」"}}},
	}}
	w := &Writer{FontSpecs: []string{cffFont}}
	b, err := w.Render(context.Background(), d)
	require.NoError(t, err)
	again, err := w.Render(context.Background(), d)
	require.NoError(t, err)
	assert.Equal(t, b, again, "deterministic")
	assert.Contains(t, string(b), "/Subtype /CIDFontType0\n")
	assert.Contains(t, string(b), "/Subtype /CIDFontType0C")
	assert.NotContains(t, string(b), "/utf8")
	qpdfCheck(t, b)
	rows := pdfFonts(t, b)
	cff := 0
	for _, r := range rows {
		assert.Regexp(t, `^[A-Z]{6}\+`, r[0])
		assert.Equal(t, []string{"yes", "yes", "yes"}, r[2:], "emb sub uni: %v", r)
		if strings.Contains(r[0], "NotoSerifCJKtc-Regular") {
			assert.Equal(t, "CID Type 0C", r[1], "%v", r)
			cff++
		}
	}
	if rows != nil {
		assert.Positive(t, cff, "the CFF font is used: %v", rows)
	}
	allRecovered(t, text+"「骨」，「角」。說：「內。」", pdfText(t, b))
	renders(t, b)

	// The /W widths are the font's advances (in 1/1000 em), for the code
	// points the content stream uses as CIDs.
	f, err := fonts.Load(cffFont)
	require.NoError(t, err)
	widths := cidWidths(t, b, "/Subtype /CIDFontType0\n")
	for _, r := range "骨ABCxyz0" {
		assert.Equal(t, int(math.Round(f.Advance(r)*1000)), widths(int(r)), "/W of %c", r)
	}
}

// cidWidths reads the /DW and /W of the first font dictionary after
// marker: the width of a CID.
func cidWidths(t *testing.T, b []byte, marker string) func(cid int) int {
	t.Helper()
	s := string(b)
	i := strings.Index(s, marker)
	require.GreaterOrEqual(t, i, 0)
	s = s[i:]
	s = s[:strings.Index(s, ">>")+2] // the dictionary (no nested ones)
	dw := 1000
	if m := regexp.MustCompile(`/DW (\d+)`).FindStringSubmatch(s); m != nil {
		dw, _ = strconv.Atoi(m[1])
	}
	w := map[int]int{}
	width := func(cid int) int {
		if v, ok := w[cid]; ok {
			return v
		}
		return dw
	}
	j := strings.Index(s, "/W [")
	if j < 0 {
		return width
	}
	rest := s[j+4:]
	toks := regexp.MustCompile(`\[|\]|\d+`).FindAllString(rest, -1)
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	for k := 0; k < len(toks) && toks[k] != "]"; {
		c := atoi(toks[k])
		k++
		if toks[k] == "[" {
			for k++; toks[k] != "]"; k++ {
				w[c] = atoi(toks[k])
				c++
			}
			k++
			continue
		}
		for x := c; x <= atoi(toks[k]); x++ {
			w[x] = atoi(toks[k+1])
		}
		k += 2
	}
	return width
}

// TestNotoCJKRegions sets articles with --font "Noto Serif CJK" (no
// region), a region-named family and the collection file: each document
// gets its language's face.
func TestNotoCJKRegions(t *testing.T) {
	if _, err := os.Stat(notoSerifTTC); err != nil {
		validate.Missing(t, "Noto Serif CJK not installed (apt-get install fonts-noto-cjk): regional CFF faces not checked")
	}
	tests := []struct {
		fixture, spec, want string
	}{
		{fixtures[0], "Noto Serif CJK", "NotoSerifCJKtc-Regular"},
		{fixtures[0], notoSerifTTC, "NotoSerifCJKtc-Regular"},
		{fixtures[1], "Noto Serif CJK", "NotoSerifCJKsc-Regular"},
		{fixtures[3], "Noto Serif CJK", "NotoSerifCJKjp-Regular"},
		{fixtures[3], "Noto Sans CJK JP", "NotoSansCJKjp-Regular"},
		{fixtures[4], "Noto Serif CJK", "NotoSerifCJKkr-Regular"},
		{fixtures[0], notoSerifTTC + "#0", "NotoSerifCJKjp-Regular"},
	}
	for _, tt := range tests {
		t.Run(fixtureName(tt.fixture)+"/"+filepath.Base(tt.spec), func(t *testing.T) {
			d := readFixture(t, tt.fixture)
			b, err := (&Writer{FontSpecs: []string{tt.spec}}).Render(context.Background(), d)
			require.NoError(t, err)
			qpdfCheck(t, b)
			rows := pdfFonts(t, b)
			found := false
			for _, r := range rows {
				assert.Equal(t, []string{"yes", "yes", "yes"}, r[2:], "emb sub uni: %v", r)
				if strings.Contains(r[0], "+"+tt.want) {
					found = true
					assert.Equal(t, "CID Type 0C", r[1])
				}
			}
			assert.True(t, found || rows == nil, "%s not in %v", tt.want, rows)
			allRecovered(t, plainText(t, d), pdfText(t, b))
			if tt.fixture == fixtures[0] && tt.spec == "Noto Serif CJK" {
				// With the Bold face of the family (installed with the
				// regular one by fonts-noto-cjk) for the bold lead-ins.
				if _, err := os.Stat(strings.Replace(notoSerifTTC, "Regular", "Bold", 1)); err == nil {
					assert.True(t, slices.ContainsFunc(rows, func(r []string) bool {
						return strings.Contains(r[0], "+NotoSerifCJKtc-Bold")
					}) || rows == nil, "the real bold face: %v", rows)
				}
				// 152.6 KB with the structure tree of a tagged PDF (3 KB).
				assert.LessOrEqual(t, len(b), 155_000, "sample with Noto Serif CJK TC and Bold")
				renders(t, b)
			}
		})
	}
}

// TestCompactWidths checks the /W rewrite of a CIDFont: default widths
// dropped, runs merged, both gofpdf forms read.
func TestCompactWidths(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"/DW 1000\n/W [ 32 32 256 40 41 364 48 [ 557 471 ]\n 19968 19968 1000 8220 8221 1000 49 [ 471 471 ] ]\n>>",
			"/DW 1000\n/W [32 [256] 40 41 364 48 [557 471 471]]\n>>"},
		{"/DW 1000\n/W [ 19968 19970 1000 ]\n>>", "/DW 1000\n>>"},
		{"/W [ 32 [ 500 500 ] ]>>", "/W [32 33 500]>>"},
		{"/DW 1000>>", "/DW 1000>>"},
	} {
		got, err := compactWidths([]byte(tt.in))
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, string(got), tt.in)
	}
	for _, bad := range []string{"/W [ 32 ]", "/W [ 1 2 x ]", "/W [ 1 [ -5 ] ]", "/W [ 0 99999999 1 ]"} {
		_, err := compactWidths([]byte(bad))
		assert.Error(t, err, bad)
	}
}
