// Package fonts parses OpenType fonts (TrueType and CFF outlines) for
// docconv's writers: character
// coverage and advance widths for line layout, per-character fallback
// between fonts (Chain), extraction of faces from collections, subsetting
// for embedding, and discovery of the fonts installed on the system.
//
// The default fonts compiled into the binary are in the sub-packages of
// fonts/embedded (one per language), so that only programs that import
// them pay their size. Importing one registers its faces (Register,
// Registered): writers take their default chains from the registry
// (Defaults: by language, LangRegions, and role, Role), and Resolve and
// LookupEmbedded find a registered face by name, before the installed
// fonts.
//
// # Outlines: TrueType and CFF
//
// Fonts with TrueType outlines ('glyf', .ttf) and OpenType fonts with CFF
// outlines ('CFF ' table, sfnt version 'OTTO', .otf) are both read, alone
// or as faces of collections ('ttcf': .ttc, .otc — Noto CJK and Source Han
// come as such): ParseCollection, ParseFace and Load("file.ttc#N") rebuild
// a face as a standalone font. Coverage, advances and vertical metrics
// come from the same tables (cmap, hmtx, hhea, OS/2) for both. Fonts with
// CFF2 outlines (variable OpenType fonts) are refused with an error
// wrapping ErrCFF2 that names the font; a static instance works.
//
// Subset keeps the outline format: a TrueType subset for a TrueType font
// (what gofpdf embeds), an OpenType CFF subset for a CFF font (what the
// EPUB writer embeds as font/otf). CFFProgram writes the bare CID-keyed
// CFF program a PDF CIDFontType0 font embeds (FontFile3 /CIDFontType0C),
// with each glyph under a CID the caller chooses — the PDF writer uses the
// character's code point, which is the code gofpdf writes with Identity-H.
//
// A CFF subset is rebuilt rather than copied: every outline is decoded
// (with go-text/typesetting's Type 2 charstring interpreter, whose
// subroutine calls are thereby expanded) and written again as a plain
// charstring without hints, in a CID-keyed font with one font dict, an
// empty Private DICT and no subroutines. So there is no subroutine
// closure to compute and renumber, no FDSelect to remap, and hostile
// subroutines cannot reach the output; the cost is size — a glyph's
// shared parts are stored in every glyph that uses them. Measured on the
// sample article's 557 glyphs of Noto Serif CJK TC, that is still smaller
// than keeping the subroutines with their hints: 126 KB compressed,
// against 144 KB for the original charstrings and 25 KB for the 4,236
// subroutines they call. Hints are dropped as they are for TrueType subsets: PDF
// viewers and e-readers scale glyphs to any size, where they matter
// little. Outlines are written in a 1000-unit em for PDF (the default
// FontMatrix) and in the font's units, with a matching FontMatrix, for
// OpenType.
//
// # Specifications
//
//   - OpenType font file: https://learn.microsoft.com/typography/opentype/spec/otff
//     (table directory, checksums, collections)
//   - cmap (formats 0, 4, 6, 12, 13 read; 4 and 12 written):
//     https://learn.microsoft.com/typography/opentype/spec/cmap
//   - glyf/loca (composite glyphs): https://learn.microsoft.com/typography/opentype/spec/glyf
//   - CFF: Adobe Technical Note #5176 (The Compact Font Format
//     Specification: INDEX, DICT, charset, FDSelect, CID-keyed fonts) and
//     #5177 (The Type 2 Charstring Format)
//   - hhea/hmtx, vhea/vmtx, head, maxp, name, OS/2, post.
//
// # Units
//
// Metrics are returned in em (font units divided by unitsPerEm): multiply
// by the font size in points to get points. Ascent is positive and Descent
// negative (below the baseline), as in typographic convention.
//
// # Concurrency
//
// A *Font is immutable once parsed and safe for concurrent use by multiple
// goroutines. The character map and the advance table are decoded on first
// use (HasGlyph, Advance, GlyphIndex, Subset) under a sync.Once; after that
// a lookup is a few array loads and never allocates, so layout can call
// HasGlyph and Advance for every character of a long document. Chain, Info
// and the discovery functions hold no shared mutable state, except that
// Find scans the system font directories once per process.
//
// # Security
//
// Font data may come from untrusted files. Every offset and length read
// from the font is checked against the data before use, the work done is
// bounded by the size of the data (a cmap cannot make the decoder loop over
// more than 65536 BMP code points per subtable), and malformed input
// returns an error wrapping ErrInvalid, or, for optional tables, degrades
// to empty names or coverage; it never panics. TrueType glyph outlines and
// hinting programs are copied, not interpreted. CFF data is checked as it
// is read: every INDEX offset against the table, at most 256 font dicts
// (FDSelect stores a dict in a byte), Type 2 charstrings run with the
// format's limits (argument stack 48 in DICTs, subroutine nesting 10) and
// ours (65,536 operators, subroutine calls included, and 16,384 segments
// per glyph), so nested subroutines cannot make a glyph cost exponential
// time; a malformed glyph makes CFFProgram and Subset fail with an error
// wrapping ErrInvalid that names the glyph, and Load's errors name the
// file. FuzzParse and FuzzCFF exercise this.
//
// # Regional faces
//
// CJK superfamilies ship a face per region (Noto Sans/Serif CJK JP, KR,
// SC, TC, HK; Source Han J, K, SC, TC, HC; PingFang SC, TC, HK): the same
// character has different standard forms in each region, and Taiwan and
// Hong Kong centre 。，、 in the em. FindLang and ResolveLang pick the face
// for a BCP 47 language tag — zh-Hant, zh-TW, zh-MO → TC (then TW, HC,
// HK); zh-HK, yue → HK (then HC, TC); zh, zh-Hans, zh-CN → SC; ja → JP;
// ko → KR — for a family named without a region ("Noto Serif CJK") and
// for a collection file named without "#N"; a name with a region ("Noto
// Sans CJK JP") or a face index is taken as given.
package fonts
