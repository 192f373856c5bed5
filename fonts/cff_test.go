package fonts

import (
	"bytes"
	"encoding/binary"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gocff "github.com/go-text/typesetting/font/cff"
	"github.com/go-text/typesetting/font/opentype/tables"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// cffTestFont is a small CFF font that every test machine has: a subset
// of Noto Serif CJK TC (SIL OFL 1.1, see testdata/OFL-NotoSerifCJK.txt)
// made by this package's own subsetter (go test -run TestGenerateCFFTestFont
// -gen-cff-testdata, with Noto CJK installed).
const cffTestFont = "testdata/NotoSerifCJKtc-subset.otf"

// cffTestText is what the test font covers: Taiwan-standard forms,
// centred punctuation, Latin letters and digits.
const cffTestText = "骨角值令說內，一中文字體測試。「臺灣」、（甲）ABCXYZabcxyz0123456789.,:;!?-"

var genCFF = flag.Bool("gen-cff-testdata", false, "regenerate "+cffTestFont+" from the installed Noto Serif CJK")

const notoSerifTTC = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"

func TestGenerateCFFTestFont(t *testing.T) {
	if !*genCFF {
		t.Skip("only with -gen-cff-testdata")
	}
	f, err := Load(notoSerifTTC + "#3")
	require.NoError(t, err)
	sub, err := f.Subset([]rune(cffTestText))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(cffTestFont, sub, 0o644))
}

func loadCFFTestFont(t testing.TB) (*Font, []byte) {
	data, err := os.ReadFile(cffTestFont)
	require.NoError(t, err)
	f, err := Parse(data)
	require.NoError(t, err)
	require.True(t, f.CFF())
	return f, data
}

// TestCFFFontMatchesSfnt cross-checks glyph count, the character map and
// the advances of CFF fonts with golang.org/x/image/font/sfnt, and the
// outlines' bounds with go-text's CFF reader.
func TestCFFFontMatchesSfnt(t *testing.T) {
	type tc struct {
		name string
		data []byte
	}
	_, small := loadCFFTestFont(t)
	cases := []tc{{"testdata subset", small}}
	if _, err := os.Stat(notoSerifTTC); err == nil {
		f, err := Load(notoSerifTTC + "#3")
		require.NoError(t, err)
		cases = append(cases, tc{"Noto Serif CJK TC", f.Data()})
	} else {
		t.Log("Noto Serif CJK not installed (Debian fonts-noto-cjk): checked on the testdata subset only")
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := Parse(c.data)
			require.NoError(t, err)
			ref, err := sfnt.Parse(c.data)
			require.NoError(t, err)
			assert.Equal(t, ref.NumGlyphs(), f.NumGlyphs())
			var buf sfnt.Buffer
			upem := fixed.Int26_6(f.UnitsPerEm())
			prog, err := gocff.Parse(f.dir.table(f.data, "CFF "))
			require.NoError(t, err)
			for _, r := range cffTestText {
				gi, err := ref.GlyphIndex(&buf, r)
				require.NoError(t, err)
				assert.Equal(t, uint16(gi), f.GlyphIndex(r), "%c", r)
				adv, err := ref.GlyphAdvance(&buf, gi, upem, 0)
				require.NoError(t, err)
				assert.Equal(t, int(adv), f.AdvanceUnits(uint16(gi)), "%c", r)
				_, pb, err := prog.LoadGlyph(tables.GlyphID(gi))
				require.NoError(t, err)
				b, ok := f.GlyphBounds(uint16(gi))
				require.True(t, ok, "%c", r)
				assert.InDelta(t, pb.Min.X, float64(b.XMin), 1, "%c", r)
				assert.InDelta(t, pb.Max.Y, float64(b.YMax), 1, "%c", r)
			}
		})
	}
}

// TestCFFSubsetRoundTrip subsets the test font again and checks that the
// subset reads back with the same coverage, advances and outlines, with
// our reader, sfnt and go-text, and that it is deterministic.
func TestCFFSubsetRoundTrip(t *testing.T) {
	f, _ := loadCFFTestFont(t)
	tests := []struct {
		name  string
		runes string
		glyph int // glyphs in the subset, .notdef included
	}{
		{"empty", "", 1},
		{"one", "骨", 2},
		{"latin", "Aa1", 4},
		{"duplicates and order", "說說A骨A", 4},
		{"missing characters ignored", "骨한", 2},
		{"all", cffTestText, 1 + len([]rune(cffTestText))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub, err := f.Subset([]rune(tt.runes))
			require.NoError(t, err)
			again, err := f.Subset([]rune(tt.runes))
			require.NoError(t, err)
			assert.Equal(t, sub, again, "deterministic")
			assert.Equal(t, "OTTO", string(sub[:4]))
			verifyTableChecksums(t, sub)
			g, err := Parse(sub)
			require.NoError(t, err)
			assert.Equal(t, tt.glyph, g.NumGlyphs())
			ref, err := sfnt.Parse(sub)
			require.NoError(t, err)
			assert.Equal(t, tt.glyph, ref.NumGlyphs())
			prog, err := gocff.Parse(g.dir.table(g.data, "CFF "))
			require.NoError(t, err)
			assert.Len(t, prog.Charstrings, tt.glyph)
			for _, r := range tt.runes {
				if !f.HasGlyph(r) {
					assert.False(t, g.HasGlyph(r))
					continue
				}
				assert.Equal(t, f.Advance(r), g.Advance(r), "%c", r)
				want, _ := f.GlyphBounds(f.GlyphIndex(r))
				got, ok := g.GlyphBounds(g.GlyphIndex(r))
				require.True(t, ok || want == Bounds{}, "%c", r)
				assert.Equal(t, want, got, "%c", r)
				// The same outline, point for point.
				ws, err := f.cff.outline(int(f.GlyphIndex(r)))
				require.NoError(t, err)
				gs, err := g.cff.outline(int(g.GlyphIndex(r)))
				require.NoError(t, err)
				assert.Equal(t, ws, gs, "%c", r)
			}
		})
	}
}

// verifyTableChecksums checks the table checksums of an sfnt.
func verifyTableChecksums(t *testing.T, data []byte) {
	t.Helper()
	dir, err := readDirectory(data, 0, int64(len(data)))
	require.NoError(t, err)
	for _, r := range dir.Tables {
		b := data[r.Offset : r.Offset+r.Length]
		if r.Tag == "head" {
			b = append([]byte(nil), b...)
			binary.BigEndian.PutUint32(b[8:], 0)
		}
		assert.Equal(t, checksum(b), binary.BigEndian.Uint32(data[12+16*tableIndex(data, r.Tag)+4:]), r.Tag)
	}
	assert.Equal(t, uint32(0xB1B0AFBA), checksum(data))
}

func tableIndex(data []byte, tag string) int {
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := range n {
		if string(data[12+16*i:16+16*i]) == tag {
			return i
		}
	}
	return -1
}

// TestCFFProgram checks the PDF program: CIDs as given, the charset
// format chosen by size, shifted outlines, deterministic output.
func TestCFFProgram(t *testing.T) {
	f, _ := loadCFFTestFont(t)
	gid := func(r rune) uint16 { return f.GlyphIndex(r) }
	tests := []struct {
		name   string
		glyphs []CIDGlyph
		n      int // charstrings, .notdef included
	}{
		{"consecutive CIDs (charset ranges)", []CIDGlyph{{CID: 'A', GID: gid('A')}, {CID: 'B', GID: gid('B')}, {CID: 'C', GID: gid('C')}}, 4},
		{"scattered CIDs", []CIDGlyph{{CID: '骨', GID: gid('骨')}, {CID: 'A', GID: gid('A')}, {CID: '。', GID: gid('。')}}, 4},
		{"repeated CID kept once", []CIDGlyph{{CID: 'A', GID: gid('A')}, {CID: 'A', GID: gid('B')}}, 2},
		{"one glyph under two CIDs", []CIDGlyph{{CID: 0x2F00, GID: gid('一')}, {CID: '一', GID: gid('一')}}, 3},
		{"shifted", []CIDGlyph{{CID: '，', GID: gid('，'), Shift: -250}}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := f.CFFProgram("ABCDEF+Test", tt.glyphs)
			require.NoError(t, err)
			rev := append([]CIDGlyph(nil), tt.glyphs...)
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			if tt.name != "repeated CID kept once" {
				p2, err := f.CFFProgram("ABCDEF+Test", rev)
				require.NoError(t, err)
				assert.Equal(t, p, p2, "independent of order")
			}
			prog, err := gocff.Parse(p)
			require.NoError(t, err)
			require.Len(t, prog.Charstrings, tt.n)
			c, err := parseCFF(p)
			require.NoError(t, err)
			assert.True(t, c.cid)
			cids := readCharset(t, p, tt.n)
			for i, g := range tt.glyphs {
				if tt.name == "repeated CID kept once" && i > 0 {
					continue
				}
				k := indexOf(cids, g.CID)
				require.GreaterOrEqual(t, k, 1, "CID %d in the charset", g.CID)
				_, pb, err := prog.LoadGlyph(tables.GlyphID(k))
				require.NoError(t, err)
				want, _ := f.GlyphBounds(g.GID)
				assert.InDelta(t, float64(want.XMin+g.Shift), pb.Min.X, 1)
				assert.InDelta(t, float64(want.YMax), pb.Max.Y, 1)
			}
		})
	}
	_, err := (&Font{}).CFFProgram("x", nil)
	assert.ErrorIs(t, err, ErrInvalid, "a TrueType font has no CFF program")
}

func indexOf(s []uint16, v uint16) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// readCharset decodes the charset of a CFF program written by buildCFF
// (the Top DICT's charset operator; formats 0 and 2): the CID of every
// glyph.
func readCharset(t *testing.T, p []byte, n int) []uint16 {
	t.Helper()
	names, err := readIndex(&cffTable{low: p, size: len(p)}, int(p[2]), "Name")
	require.NoError(t, err)
	tops, err := readIndex(&cffTable{low: p, size: len(p)}, names.end, "Top")
	require.NoError(t, err)
	tb, err := tops.get(0)
	require.NoError(t, err)
	d, err := parseDict(tb)
	require.NoError(t, err)
	off := dictInt(d, opCharset, -1)
	require.Positive(t, off)
	cids := []uint16{0}
	be := binary.BigEndian
	switch p[off] {
	case 0:
		for i := 1; i < n; i++ {
			cids = append(cids, be.Uint16(p[off+1+2*(i-1):]))
		}
	case 2:
		for q := off + 1; len(cids) < n; q += 4 {
			first, left := be.Uint16(p[q:]), be.Uint16(p[q+2:])
			for k := 0; k <= int(left); k++ {
				cids = append(cids, first+uint16(k))
			}
		}
	default:
		t.Fatalf("charset format %d", p[off])
	}
	return cids
}

// cffOpts describes a synthetic name-keyed CFF table for hostile-input
// tests.
type cffOpts struct {
	charstrings [][]byte
	gsubrs      [][]byte
	lsubrs      [][]byte
}

// makeCFF assembles a CFF table from raw parts.
func makeCFF(o cffOpts) []byte {
	hdr := []byte{1, 0, 4, 4}
	name := writeIndex([][]byte{[]byte("Hostile")})
	strs := writeIndex(nil)
	gs := writeIndex(o.gsubrs)
	top := func(csOff, privSize, privOff int) []byte {
		d := dictInt32(nil, csOff)
		d = append(d, opCharStrings)
		d = dictInt32(d, privSize)
		d = dictInt32(d, privOff)
		return append(d, opPrivate)
	}
	topLen := len(writeIndex([][]byte{top(0, 0, 0)}))
	csOff := len(hdr) + len(name) + topLen + len(strs) + len(gs)
	cs := writeIndex(o.charstrings)
	priv := dictInt32(nil, 0)
	priv = append(priv, opSubrs)
	privOff := csOff + len(cs)
	binary.BigEndian.PutUint32(priv[1:], uint32(len(priv))) // Subrs right after the Private DICT
	var out []byte
	out = append(out, hdr...)
	out = append(out, name...)
	out = append(out, writeIndex([][]byte{top(csOff, len(priv), privOff)})...)
	out = append(out, strs...)
	out = append(out, gs...)
	out = append(out, cs...)
	out = append(out, priv...)
	return append(out, writeIndex(o.lsubrs)...)
}

// TestCFFHostile feeds malformed and hostile CFF data to the reader and
// the subsetter: each must fail with ErrInvalid, quickly, without a panic.
func TestCFFHostile(t *testing.T) {
	f, data := loadCFFTestFont(t)
	table := f.dir.table(f.data, "CFF ")
	rec, _ := f.dir.find("CFF ")
	_ = data

	callg := func(i int) []byte { return []byte{byte(i - 107 + 139), 29} } // callgsubr i (bias 107)
	fanout := func(next, times int) []byte {
		var b []byte
		for range times {
			b = append(b, callg(next)...)
		}
		return append(b, 11)
	}
	var bomb [][]byte // every subroutine calls the next 2000 times: 2000^8 calls
	for i := range 9 {
		bomb = append(bomb, fanout(i+1, 2000))
	}
	bomb = append(bomb, []byte{11})
	pushes := bytes.Repeat([]byte{139}, 600)

	parseErr := []struct {
		name, want string
		data       []byte
	}{
		{"empty", "CFF table of 0 bytes", nil},
		{"CFF2 header", "major version 2", []byte{2, 0, 5, 0, 0}},
		{"truncated", "INDEX", table[:40]},
		{"name INDEX overruns", "overruns the table", []byte{1, 0, 4, 4, 0xff, 0xff, 4, 0, 0, 0, 1}},
		{"bad offset size", "offset size 9", []byte{1, 0, 4, 4, 0, 1, 9, 1, 2, 'x'}},
		{"offsets out of bounds", "out of bounds", []byte{1, 0, 4, 4, 0, 1, 1, 1, 200, 'x'}},
		{"huge FDArray", "FDArray of 300", hugeFDArray(t, table)},
	}
	for _, tt := range parseErr {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseCFF(tt.data)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalid)
			assert.Contains(t, err.Error(), tt.want)
		})
	}

	glyphErr := []struct {
		name, want string
		o          cffOpts
	}{
		{"subroutine recursion", "call stack", cffOpts{charstrings: [][]byte{callg(0)}, gsubrs: [][]byte{callg(0)}}},
		{"subroutine bomb", "exceeds", cffOpts{charstrings: [][]byte{callg(0)}, gsubrs: bomb}},
		{"missing subroutine", "invalid subroutine index", cffOpts{charstrings: [][]byte{callg(5)}}},
		{"argument stack overflow", "", cffOpts{charstrings: [][]byte{pushes}}},
		{"reserved operator", "operator", cffOpts{charstrings: [][]byte{{139, 139, 2}}}},
		{"hintmask past the end", "", cffOpts{charstrings: [][]byte{append(bytes.Repeat([]byte{139, 139, 1}, 40), 19)}}},
		{"truncated number", "", cffOpts{charstrings: [][]byte{{28, 1}}}},
	}
	for _, tt := range glyphErr {
		t.Run(tt.name, func(t *testing.T) {
			c, err := parseCFF(makeCFF(tt.o))
			require.NoError(t, err)
			start := time.Now()
			_, err = c.outline(0)
			assert.Less(t, time.Since(start), 5*time.Second)
			if tt.name == "hintmask past the end" || tt.name == "argument stack overflow" {
				return // may decode to an empty outline; it must only not panic or hang
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalid)
			assert.Contains(t, err.Error(), tt.want)
			// Through the public API, the error names the glyph.
			bad := &Font{unitsPerEm: 1000, cff: c, numGlyphs: 1}
			_, err = bad.CFFProgram("X", []CIDGlyph{{CID: 1, GID: 0}})
			assert.ErrorIs(t, err, ErrInvalid)
			assert.Contains(t, err.Error(), "CFF glyph 0")
		})
	}

	// A whole font whose CFF table is cut: Load names the file.
	cut := append([]byte(nil), data...)
	cut = cut[:rec.Offset+60]
	dir := t.TempDir()
	path := filepath.Join(dir, "cut.otf")
	require.NoError(t, os.WriteFile(path, cut, 0o644))
	_, err := Load(path)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.True(t, strings.Contains(err.Error(), path), err.Error())
}

// hugeFDArray turns the test font's CFF into one whose FDArray INDEX
// claims 300 font dicts.
func hugeFDArray(t *testing.T, table []byte) []byte {
	names, err := readIndex(&cffTable{low: table, size: len(table)}, int(table[2]), "Name")
	require.NoError(t, err)
	tops, err := readIndex(&cffTable{low: table, size: len(table)}, names.end, "Top")
	require.NoError(t, err)
	tb, err := tops.get(0)
	require.NoError(t, err)
	d, err := parseDict(tb)
	require.NoError(t, err)
	off := dictInt(d, opFDArray, -1)
	require.Positive(t, off)
	out := append([]byte(nil), table...)
	// 300 empty dicts: offsets all 1, offSize 1.
	fd := append([]byte{1, 44, 1}, bytes.Repeat([]byte{1}, 301)...)
	out = append(out[:off], fd...)
	return out
}

// TestCFFNameKeyed reads a name-keyed CFF (a Latin .otf has no ROS, one
// Private DICT with local subroutines) and writes it CID-keyed.
func TestCFFNameKeyed(t *testing.T) {
	// Glyph 1: a 100×100 square drawn by a local subroutine (bias 107).
	square := []byte{139 + 100, 139, 21, 139 + 100, 6, 139 + 100, 7, 139 - 100, 6, 11}
	table := makeCFF(cffOpts{
		charstrings: [][]byte{{14}, {139 - 107, 10, 14}},
		lsubrs:      [][]byte{square},
	})
	c, err := parseCFF(table)
	require.NoError(t, err)
	assert.False(t, c.cid)
	segs, err := c.outline(1)
	require.NoError(t, err)
	assert.Len(t, segs, 5) // move, three lines, the closing line
	f := &Font{unitsPerEm: 2000, cff: c, numGlyphs: 2}
	p, err := f.CFFProgram("Square", []CIDGlyph{{CID: 'A', GID: 1, Shift: 50}})
	require.NoError(t, err)
	prog, err := gocff.Parse(p)
	require.NoError(t, err)
	_, pb, err := prog.LoadGlyph(1)
	require.NoError(t, err)
	// Scaled to a 1000-unit em: x 100..200 → 75..125 after the shift of 50.
	assert.InDelta(t, 75, pb.Min.X, 0.01)
	assert.InDelta(t, 125, pb.Max.X, 0.01)
	assert.InDelta(t, 50, pb.Max.Y, 0.01)

	// For an OpenType 'CFF ' table the outline keeps the font's units and
	// the Top DICT gets FontMatrix [1/2000 0 0 1/2000 0 0].
	o, err := f.buildCFF("Square", []CIDGlyph{{}, {CID: 1, GID: 1}}, false, true)
	require.NoError(t, err)
	names, err := readIndex(&cffTable{low: o, size: len(o)}, int(o[2]), "Name")
	require.NoError(t, err)
	tops, err := readIndex(&cffTable{low: o, size: len(o)}, names.end, "Top")
	require.NoError(t, err)
	tb, err := tops.get(0)
	require.NoError(t, err)
	d, err := parseDict(tb)
	require.NoError(t, err)
	assert.Equal(t, []float64{0.0005, 0, 0, 0.0005, 0, 0}, d[opFontMatrix])
	c2, err := parseCFF(o)
	require.NoError(t, err)
	segs, err = c2.outline(1)
	require.NoError(t, err)
	assert.Equal(t, float32(200), segs[1].Args[0].X)
}
