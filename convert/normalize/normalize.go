package normalize

import (
	"fmt"
	"strings"

	"github.com/docconv/docconv/convert"
)

// Stage is the report stage of every count this package adds.
const Stage = "normalized"

// RubyMode says what the pinyin transform does with pinyin annotations.
type RubyMode int

// Ruby modes. RubyStrip, the zero value, is the default.
const (
	// RubyStrip removes the annotations: 地區(qū) → 地區.
	RubyStrip RubyMode = iota
	// RubyKeep leaves the text as it is (and counts the annotations).
	RubyKeep
	// RubyRuby turns each annotated character into a *convert.Ruby
	// (Base 區, Text qū) that EPUB and HTML render as <ruby>.
	RubyRuby
)

// String returns "strip", "keep" or "ruby".
func (m RubyMode) String() string {
	switch m {
	case RubyStrip:
		return "strip"
	case RubyKeep:
		return "keep"
	case RubyRuby:
		return "ruby"
	}
	return fmt.Sprintf("RubyMode(%d)", int(m))
}

// ParseRubyMode parses "strip", "keep" or "ruby" (case-insensitive).
func ParseRubyMode(s string) (RubyMode, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "strip":
		return RubyStrip, nil
	case "keep":
		return RubyKeep, nil
	case "ruby":
		return RubyRuby, nil
	}
	return 0, fmt.Errorf("normalize: unknown ruby mode %q (want strip, keep or ruby)", s)
}

// Options selects the clean-up. The zero value is the default clean-up:
// encoding repair, NFC, pinyin annotations stripped, halfwidth punctuation
// between CJK characters made fullwidth, the spaces of a document spaced
// out character by character removed, no script conversion.
type Options struct {
	// Ruby is what happens to pinyin annotations (default: strip).
	Ruby RubyMode
	// KeepPunct leaves halfwidth punctuation alone.
	KeepPunct bool
	// Script converts Chinese text: "hans" to Simplified, "hant" to
	// Traditional, "" (default) leaves it.
	Script string
	// None disables every transform: the text is kept exactly as read.
	None bool
}

// Transforms returns the transforms o selects, in pipeline order: Encoding,
// NFC (source), then Controls, Pinyin, Punct, Spacing and Script
// (document). None gives none.
func Transforms(o Options) []convert.Transform {
	if o.None {
		return nil
	}
	ts := []convert.Transform{Encoding{}, NFC{}, Controls{}, Pinyin{Mode: o.Ruby}}
	if !o.KeepPunct {
		ts = append(ts, Punct{})
	}
	ts = append(ts, Spacing{})
	if o.Script != "" {
		ts = append(ts, Script{To: o.Script})
	}
	return ts
}

// Default returns Transforms(Options{}), the standard clean-up.
func Default() []convert.Transform {
	return Transforms(Options{})
}

func report(opts *convert.Options) *convert.Report {
	if opts == nil {
		return nil
	}
	return opts.Report
}

// rootInlines calls f for every inline sequence that stands on its own
// (heading, paragraph, table caption and cell), in document order.
func rootInlines(blocks []convert.Block, f func(*[]convert.Inline)) {
	for _, b := range blocks {
		convert.ForNotes(b, func(n *convert.Note) { rootInlines(n.Blocks, f) })
		switch x := b.(type) {
		case *convert.Heading:
			f(&x.Inlines)
		case *convert.Paragraph:
			f(&x.Inlines)
		case *convert.List:
			for _, item := range x.Items {
				rootInlines(item, f)
			}
		case *convert.Quote:
			rootInlines(x.Blocks, f)
		case *convert.Table:
			f(&x.Caption)
			for i := range x.Header {
				f(&x.Header[i])
			}
			for _, r := range x.Rows {
				for i := range r {
					f(&r[i])
				}
			}
		}
	}
}

// metaStrings returns pointers to the free-text metadata fields the
// document transforms rewrite.
func metaStrings(m *convert.Meta) []*string {
	out := []*string{&m.Title, &m.Subtitle, &m.Description}
	for i := range m.Keywords {
		out = append(out, &m.Keywords[i])
	}
	return out
}
