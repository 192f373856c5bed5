// Command gen makes the font files of the fonts/embedded packages from the
// fonts of Debian packages, pinned by SHA-256 (run from a package's
// directory through go generate, on a machine where the Debian packages
// named below are installed):
//
//	go generate ./fonts/embedded/...
//
// Fonts whose license lets a modified font keep its name (the Arphic
// Public License) are trimmed to the characters of their region and get a
// notice of the change in their name table; the others (IPA Font License,
// SIL OFL with Reserved Font Names) are stored verbatim. The trimmed
// Traditional Chinese faces are stored as they are, since the sample
// article and every zh-Hant document use them and decompressing 13 MB
// would cost more than the whole conversion; the others are compressed
// with zstd (a quarter to a half of their size) and the packages
// decompress a face on its first use.
// Each package's README.md records the source package, version and
// SHA-256 of every input and output.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"unicode/utf16"

	"github.com/docconv/docconv/fonts"
	"github.com/klauspost/compress/zstd"
	"golang.org/x/text/encoding/traditionalchinese"
)

// source is a font file of a Debian package.
type source struct {
	pkg, version, path, sha256 string
}

var (
	uming = source{"fonts-arphic-uming", "0.2.20080216.2-11", "/usr/share/fonts/truetype/arphic/uming.ttc",
		"fe952e55617275142d9cefd4d79eade4df446517b0478b2567d9bc7df49f70e2"}
	bsmi = source{"fonts-arphic-bsmi00lp", "2.10-18", "/usr/share/fonts/truetype/arphic-bsmi00lp/bsmi00lp.ttf",
		"e61f8b0f3ad32e05d284b6615dbaa070a6674c2909da40ef026fc27a8bea1ee8"}
	gbsn = source{"fonts-arphic-gbsn00lp", "2.11-16", "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
		"705ec2dba81eaee1208e4ed5d3ff23ab259292e8e0e163ea3de297ef1317007a"}
	ipam = source{"fonts-ipaexfont-mincho", "00401-5", "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf",
		"7a306386f930fee80922f71eebf4ffe0f1ff2817da8e619230953487673d71c7"}
	ipag = source{"fonts-ipaexfont-gothic", "00401-5", "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
		"3b9955a5e437ffb24c41548e79296fa724822da21ee75dc1b94f6ccdb8f400dd"}
	nmj = source{"fonts-nanum", "20200506-1", "/usr/share/fonts/truetype/nanum/NanumMyeongjo.ttf",
		"a21faae83d2d16d11c639f04f25fbe410eda905969ad75eff50d63ca31569f25"}
	nmjb = source{"fonts-nanum", "20200506-1", "/usr/share/fonts/truetype/nanum/NanumMyeongjoBold.ttf",
		"cb47c5d029dd5ee5b8f6fe142c468d670edbe4e9caaad33b91e6ac399e99194a"}
	ng = source{"fonts-nanum", "20200506-1", "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
		"48a28e97b34fc8e5b157657633670cd1b7de126cfc414da65ce9c3d5bc8be733"}
	ngb = source{"fonts-nanum", "20200506-1", "/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf",
		"454eb3f503f377782a99eb84fc4bb7dde22a0f075d41b47427737f2985053bc9"}
)

// changeDate is when the trimming below last changed (the Arphic Public
// License asks modified files to say how and when they were changed).
const changeDate = "2026-12-04"

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	target := flag.String("lang", "", "package to make: hant, hans, ja or ko")
	flag.Parse()
	var err error
	switch *target {
	case "hant":
		err = hant()
	case "hans":
		err = verbatim(gbsn)
	case "ja":
		err = verbatim(ipam, ipag)
	case "ko":
		err = verbatim(nmj, nmjb, ng, ngb)
	default:
		err = fmt.Errorf("unknown -lang %q", *target)
	}
	if err != nil {
		log.Fatal(err)
	}
}

func read(s source) ([]byte, error) {
	b, err := os.ReadFile(s.path)
	if err != nil {
		return nil, fmt.Errorf("%w (install the Debian package %s %s)", err, s.pkg, s.version)
	}
	sum := sha256.Sum256(b)
	got := hex.EncodeToString(sum[:])
	if s.sha256 != "" && got != s.sha256 {
		return nil, fmt.Errorf("%s: sha256 %s, want %s (Debian %s %s)", s.path, got, s.sha256, s.pkg, s.version)
	}
	fmt.Printf("input  %s (%s %s) sha256 %s\n", filepath.Base(s.path), s.pkg, s.version, got)
	return b, nil
}

// write stores data as name, or compressed with zstd as name.zst.
func write(name string, data []byte, compress bool) error {
	sum := sha256.Sum256(data)
	if !compress {
		fmt.Printf("output %s: %d bytes, sha256 %s\n", name, len(data), hex.EncodeToString(sum[:]))
		return os.WriteFile(name, data, 0o644)
	}
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return err
	}
	z := enc.EncodeAll(data, nil)
	fmt.Printf("output %s.zst: %d bytes, %d uncompressed, sha256 (uncompressed) %s\n", name, len(z), len(data), hex.EncodeToString(sum[:]))
	return os.WriteFile(name+".zst", z, 0o644)
}

func verbatim(srcs ...source) error {
	for _, s := range srcs {
		b, err := read(s)
		if err != nil {
			return err
		}
		if _, err := fonts.Parse(b); err != nil {
			return fmt.Errorf("%s: %w", s.path, err)
		}
		if err := write(filepath.Base(s.path), b, true); err != nil {
			return err
		}
	}
	return nil
}

// hant makes UMingTW.ttf, the TW face of AR PL UMing trimmed to Big5-HKSCS
// and the non-Han characters of the font, and UMingHK.ttf, the HK face's
// glyphs for the characters of that set where Hong Kong's standard forms
// differ from Taiwan's (put before UMingTW in zh-HK documents).
func hant() error {
	b, err := read(uming)
	if err != nil {
		return err
	}
	hk, err := fonts.ParseFace(b, 1)
	if err != nil {
		return err
	}
	tw, err := fonts.ParseFace(b, 2)
	if err != nil {
		return err
	}
	if tw.FullName() != "AR PL UMing TW" || hk.FullName() != "AR PL UMing HK" {
		return fmt.Errorf("unexpected faces %q, %q", tw.FullName(), hk.FullName())
	}
	set := big5HKSCS()
	for r := rune(0); r < 0x10000; r++ {
		if !isHan(r) && tw.HasGlyph(r) {
			set[r] = true
		}
	}
	var twRunes, hkRunes []rune
	for r := range set {
		if tw.HasGlyph(r) {
			twRunes = append(twRunes, r)
		}
		if hk.HasGlyph(r) && hk.GlyphIndex(r) != tw.GlyphIndex(r) {
			hkRunes = append(hkRunes, r)
		}
	}
	slices.Sort(twRunes)
	slices.Sort(hkRunes)
	notice := func(face, what string) string {
		return fmt.Sprintf("Modified by docconv (fonts/embedded/internal/gen) on %s from the %s face of uming.ttc in Debian %s %s: %s. "+
			"Licensed under the Arphic Public License; the unmodified font is in that Debian package.",
			changeDate, face, uming.pkg, uming.version, what)
	}
	twData, err := tw.Subset(twRunes)
	if err != nil {
		return err
	}
	// UMing draws ，．：；！？ in the lower left corner as in mainland
	// fonts (the glyphs are shared by the collection's four faces); the
	// Taiwan standard centres them, as AR PL Mingti2L Big5, the font UMing
	// was made from, does.
	bsmiData, err := read(bsmi)
	if err != nil {
		return err
	}
	mingti, err := fonts.Parse(bsmiData)
	if err != nil {
		return err
	}
	twData, err = replaceGlyphs(twData, mingti, []rune(centredMarks))
	if err != nil {
		return err
	}
	twData, err = setDescription(twData, notice("TW", fmt.Sprintf("face extracted from the collection, trimmed to %d characters (Big5-HKSCS and the non-Han characters of the font), "+
		"and the glyphs of %s replaced by the centred ones of AR PL Mingti2L Big5 (Debian %s %s)", len(twRunes), centredMarks, bsmi.pkg, bsmi.version)))
	if err != nil {
		return err
	}
	hkData, err := hk.Subset(hkRunes)
	if err != nil {
		return err
	}
	hkData, err = setDescription(hkData, notice("HK", fmt.Sprintf("face extracted from the collection and trimmed to the %d characters whose HK glyph differs from the TW face's", len(hkRunes))))
	if err != nil {
		return err
	}
	for _, d := range [][]byte{twData, hkData} {
		if _, err := fonts.Parse(d); err != nil {
			return err
		}
	}
	if err := write("UMingTW.ttf", twData, false); err != nil {
		return err
	}
	return write("UMingHK.ttf", hkData, false)
}

// centredMarks are the marks that UMing TW draws as mainland fonts do.
const centredMarks = "，．：；！？"

func isHan(r rune) bool {
	return r >= 0x3400 && r <= 0x4DBF || r >= 0x4E00 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF
}

// big5HKSCS returns the BMP characters of Big5 with the HKSCS extension
// (the WHATWG big5 encoding of golang.org/x/text).
func big5HKSCS() map[rune]bool {
	set := map[rune]bool{}
	d := traditionalchinese.Big5.NewDecoder()
	for b1 := 0x81; b1 <= 0xFE; b1++ {
		for b2 := 0x40; b2 <= 0xFE; b2++ {
			s, err := d.Bytes([]byte{byte(b1), byte(b2)})
			if err != nil {
				continue
			}
			for _, r := range string(s) {
				if r != 0xFFFD && r < 0x10000 {
					set[r] = true
				}
			}
		}
	}
	return set
}

type table struct {
	tag  string
	data []byte
}

var be = binary.BigEndian

// readTables returns the tables of a TrueType font.
func readTables(data []byte) []table {
	n := int(be.Uint16(data[4:]))
	var tables []table
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		off, ln := be.Uint32(rec[8:]), be.Uint32(rec[12:])
		tables = append(tables, table{string(rec[:4]), data[off : off+ln]})
	}
	return tables
}

func find(tables []table, tag string) *table {
	for i := range tables {
		if tables[i].tag == tag {
			return &tables[i]
		}
	}
	return nil
}

// buildSFNT writes a TrueType font of tables with correct checksums.
func buildSFNT(tables []table) []byte {
	slices.SortFunc(tables, func(a, b table) int { return bytes.Compare([]byte(a.tag), []byte(b.tag)) })
	pad := func(n int) int { return (n + 3) &^ 3 }
	size := 12 + 16*len(tables)
	for _, t := range tables {
		size += pad(len(t.data))
	}
	out := make([]byte, size)
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(len(tables)))
	es := 0
	for 1<<(es+1) <= len(tables) {
		es++
	}
	be.PutUint16(out[6:], uint16(16<<es))
	be.PutUint16(out[8:], uint16(es))
	be.PutUint16(out[10:], uint16(16*len(tables)-16<<es))
	sum := func(b []byte) uint32 {
		var s uint32
		for ; len(b) >= 4; b = b[4:] {
			s += be.Uint32(b)
		}
		return s
	}
	off, headOff := 12+16*len(tables), -1
	for k, t := range tables {
		copy(out[off:], t.data)
		if t.tag == "head" {
			headOff = off
			be.PutUint32(out[off+8:], 0)
		}
		rec := out[12+16*k:]
		copy(rec, t.tag)
		be.PutUint32(rec[4:], sum(out[off:off+pad(len(t.data))]))
		be.PutUint32(rec[8:], uint32(off))
		be.PutUint32(rec[12:], uint32(len(t.data)))
		off += pad(len(t.data))
	}
	if headOff >= 0 {
		be.PutUint32(out[headOff+8:], 0xB1B0AFBA-sum(out))
	}
	return out
}

// glyphs returns the glyph data of every glyph of a font's tables.
func glyphs(tables []table) ([][]byte, error) {
	head, loca, glyf := find(tables, "head"), find(tables, "loca"), find(tables, "glyf")
	if head == nil || loca == nil || glyf == nil {
		return nil, fmt.Errorf("no glyf outlines")
	}
	long := be.Uint16(head.data[50:]) != 0
	var offs []int
	if long {
		for i := 0; i+4 <= len(loca.data); i += 4 {
			offs = append(offs, int(be.Uint32(loca.data[i:])))
		}
	} else {
		for i := 0; i+2 <= len(loca.data); i += 2 {
			offs = append(offs, 2*int(be.Uint16(loca.data[i:])))
		}
	}
	var out [][]byte
	for i := 0; i+1 < len(offs); i++ {
		if offs[i] > offs[i+1] || offs[i+1] > len(glyf.data) {
			return nil, fmt.Errorf("bad loca")
		}
		out = append(out, glyf.data[offs[i]:offs[i+1]])
	}
	return out, nil
}

// setGlyphs replaces the glyf and loca tables (long offsets) with gs.
func setGlyphs(tables []table, gs [][]byte) {
	var glyf, loca []byte
	for _, g := range gs {
		loca = be.AppendUint32(loca, uint32(len(glyf)))
		glyf = append(glyf, g...)
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
	}
	loca = be.AppendUint32(loca, uint32(len(glyf)))
	find(tables, "glyf").data = glyf
	find(tables, "loca").data = loca
	head := slices.Clone(find(tables, "head").data)
	be.PutUint16(head[50:], 1)
	find(tables, "head").data = head
}

// withoutInstructions returns a simple glyph without its hinting
// instructions (they refer to the hinting programs of its own font).
func withoutInstructions(g []byte) ([]byte, error) {
	if len(g) < 12 || int16(be.Uint16(g)) < 0 {
		return nil, fmt.Errorf("not a simple glyph")
	}
	nc := int(be.Uint16(g))
	at := 10 + 2*nc
	if at+2 > len(g) {
		return nil, fmt.Errorf("truncated glyph")
	}
	il := int(be.Uint16(g[at:]))
	out := slices.Clone(g[:at])
	out = be.AppendUint16(out, 0)
	return append(out, g[at+2+il:]...), nil
}

// replaceGlyphs gives the characters rs of font data the outlines they
// have in font from (of the same units per em and advances), with the
// left side bearings of the new outlines.
func replaceGlyphs(data []byte, from *fonts.Font, rs []rune) ([]byte, error) {
	f, err := fonts.Parse(data)
	if err != nil {
		return nil, err
	}
	if f.UnitsPerEm() != from.UnitsPerEm() {
		return nil, fmt.Errorf("units per em differ")
	}
	sub, err := from.Subset(rs)
	if err != nil {
		return nil, err
	}
	sf, err := fonts.Parse(sub)
	if err != nil {
		return nil, err
	}
	srcGlyphs, err := glyphs(readTables(sub))
	if err != nil {
		return nil, err
	}
	tables := readTables(data)
	gs, err := glyphs(tables)
	if err != nil {
		return nil, err
	}
	hmtx := slices.Clone(find(tables, "hmtx").data)
	for _, r := range rs {
		dst, src := int(f.GlyphIndex(r)), int(sf.GlyphIndex(r))
		if dst == 0 || src == 0 || f.Advance(r) != from.Advance(r) || 4*dst+4 > len(hmtx) {
			return nil, fmt.Errorf("cannot replace %q", r)
		}
		g, err := withoutInstructions(srcGlyphs[src])
		if err != nil {
			return nil, fmt.Errorf("%q: %w", r, err)
		}
		gs[dst] = g
		be.PutUint16(hmtx[4*dst+2:], be.Uint16(g[2:])) // lsb = xMin
	}
	find(tables, "hmtx").data = hmtx
	setGlyphs(tables, gs)
	return buildSFNT(tables), nil
}

// setDescription replaces the description (name ID 10) of a TrueType font
// with s, in the Windows (Unicode BMP, en-US) and Macintosh (Roman,
// English) records, and recomputes the checksums.
func setDescription(data []byte, s string) ([]byte, error) {
	tables := readTables(data)
	nt := find(tables, "name")
	if nt == nil {
		return nil, fmt.Errorf("no name table")
	}
	old := nt.data
	count, strOff := int(be.Uint16(old[2:])), int(be.Uint16(old[4:]))
	type record struct {
		pid, eid, lid, nid uint16
		val                []byte
	}
	var recs []record
	for k := 0; k < count; k++ {
		r := old[6+12*k:]
		nid := be.Uint16(r[6:])
		if nid == 10 {
			continue
		}
		ln, off := int(be.Uint16(r[8:])), int(be.Uint16(r[10:]))
		recs = append(recs, record{be.Uint16(r), be.Uint16(r[2:]), be.Uint16(r[4:]), nid, old[strOff+off : strOff+off+ln]})
	}
	var u16 []byte
	for _, c := range utf16.Encode([]rune(s)) {
		u16 = be.AppendUint16(u16, c)
	}
	recs = append(recs, record{1, 0, 0, 10, []byte(s)}, record{3, 1, 0x409, 10, u16})
	slices.SortFunc(recs, func(a, b record) int {
		for _, d := range [4]int{int(a.pid) - int(b.pid), int(a.eid) - int(b.eid), int(a.lid) - int(b.lid), int(a.nid) - int(b.nid)} {
			if d != 0 {
				return d
			}
		}
		return 0
	})
	var hdr, strs []byte
	hdr = be.AppendUint16(hdr, 0)
	hdr = be.AppendUint16(hdr, uint16(len(recs)))
	hdr = be.AppendUint16(hdr, uint16(6+12*len(recs)))
	for _, r := range recs {
		for _, v := range []uint16{r.pid, r.eid, r.lid, r.nid, uint16(len(r.val)), uint16(len(strs))} {
			hdr = be.AppendUint16(hdr, v)
		}
		strs = append(strs, r.val...)
	}
	nt.data = append(hdr, strs...)
	return buildSFNT(tables), nil
}
