// Package fonts parses TrueType fonts for docconv's writers: character
// coverage and advance widths for line layout, per-character fallback
// between fonts (Chain), extraction of faces from collections, subsetting
// for embedding, and discovery of the fonts installed on the system.
//
// The default fonts compiled into the binary are in the sub-package
// fonts/embedded, so that only programs that import it pay their size.
//
// # TrueType only
//
// The PDF writer embeds fonts through gofpdf, which accepts only TrueType
// outlines ('glyf' table, sfnt version 0x00010000) and rejects OpenType
// fonts with PostScript outlines ('OTTO', CFF) and font collections
// ('ttcf'). This package follows the same rule: Parse returns an error
// wrapping ErrCFF for a CFF font, naming it and suggesting a TrueType one,
// and an error wrapping ErrCollection for a collection. Collections of
// TrueType faces are supported by rebuilding each face as a standalone font
// (ParseCollection, ParseFace, Load("file.ttc#N")), whose Data() gofpdf
// then accepts.
//
// # Specifications
//
//   - OpenType font file: https://learn.microsoft.com/typography/opentype/spec/otff
//     (table directory, checksums, collections)
//   - cmap (formats 0, 4, 6, 12, 13 read; 4 and 12 written):
//     https://learn.microsoft.com/typography/opentype/spec/cmap
//   - glyf/loca (composite glyphs): https://learn.microsoft.com/typography/opentype/spec/glyf
//   - hhea/hmtx, head, maxp, name, OS/2, post.
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
// to empty names or coverage; it never panics. FuzzParse exercises this.
// Glyph outlines and hinting programs are copied, not interpreted.
package fonts
