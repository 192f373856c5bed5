package fonts

import (
	"slices"
	"unicode"
)

// Chain is an ordered list of fonts for per-character fallback: each rune is
// drawn with the first font that has a glyph for it (for example a Latin
// font, then a CJK font). Nil entries are skipped.
type Chain []*Font

// FontFor returns the first font of the chain that has a glyph for r and its
// index in the chain, or nil and -1 when no font covers r.
func (c Chain) FontFor(r rune) (f *Font, index int) {
	for i, f := range c {
		if f != nil && f.HasGlyph(r) {
			return f, i
		}
	}
	return nil, -1
}

// Covers reports whether some font of the chain has a glyph for r.
func (c Chain) Covers(r rune) bool {
	_, i := c.FontFor(r)
	return i >= 0
}

// Missing returns the runes of s that no font of the chain covers, sorted and
// without duplicates. Characters that are not drawn are ignored: white
// space, controls (Cc), format characters (Cf, e.g. zero-width space, BOM)
// and variation selectors.
func (c Chain) Missing(s string) []rune {
	var missing []rune
	seen := map[rune]bool{}
	for _, r := range s {
		if seen[r] || Invisible(r) {
			continue
		}
		seen[r] = true
		if !c.Covers(r) {
			missing = append(missing, r)
		}
	}
	slices.Sort(missing)
	return missing
}

// Invisible reports whether r is a character that is not drawn with a glyph
// and so needs no font: white space, controls (Cc), format characters (Cf)
// and variation selectors.
func Invisible(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) ||
		unicode.Is(unicode.Variation_Selector, r)
}
