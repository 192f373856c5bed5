package convert

import "strings"

// Inline is an inline element. The set is sealed: Text, Strong, Emph,
// Strike, Code, Link, Ruby, LineBreak and Image are the only kinds.
type Inline interface {
	isInline()
}

// Text is a run of plain text.
type Text struct {
	Text string
}

// Strong is strongly emphasized text (bold). The text reader uses it for
// the lead-in sentence of an enumerated point ("一是…。").
type Strong struct {
	Inlines []Inline
}

// Emph is emphasized text (italic; in CJK, emphasis dots or a different face).
type Emph struct {
	Inlines []Inline
}

// Strike is struck-through text (GFM ~~text~~).
type Strike struct {
	Inlines []Inline
}

// Code is inline code.
type Code struct {
	Text string
}

// Link is a hyperlink.
type Link struct {
	URL     string
	Title   string
	Inlines []Inline
}

// Ruby is a base text with an annotation above or beside it, such as pinyin
// over a Han character (區 + qū) or furigana over kanji.
type Ruby struct {
	Base string
	Text string
}

// LineBreak is a hard line break within a block.
type LineBreak struct{}

func (*Text) isInline()      {}
func (*Strong) isInline()    {}
func (*Emph) isInline()      {}
func (*Strike) isInline()    {}
func (*Code) isInline()      {}
func (*Link) isInline()      {}
func (*Ruby) isInline()      {}
func (*LineBreak) isInline() {}

// PlainText returns the text of inlines as a reader would copy it: markup
// dropped, Ruby as its base, LineBreak as "\n", an Image as its alt text.
func PlainText(inlines []Inline) string {
	var b strings.Builder
	writePlain(&b, inlines)
	return b.String()
}

func writePlain(b *strings.Builder, inlines []Inline) {
	for _, in := range inlines {
		switch x := in.(type) {
		case *Text:
			b.WriteString(x.Text)
		case *Strong:
			writePlain(b, x.Inlines)
		case *Emph:
			writePlain(b, x.Inlines)
		case *Strike:
			writePlain(b, x.Inlines)
		case *Code:
			b.WriteString(x.Text)
		case *Link:
			writePlain(b, x.Inlines)
		case *Ruby:
			b.WriteString(x.Base)
		case *LineBreak:
			b.WriteByte('\n')
		case *Image:
			b.WriteString(x.Alt)
		}
	}
}

// InlineText returns the plain text of one inline, as PlainText does for a
// slice, without allocating for leaves.
func InlineText(in Inline) string {
	switch x := in.(type) {
	case *Text:
		return x.Text
	case *Code:
		return x.Text
	case *Ruby:
		return x.Base
	case *LineBreak:
		return "\n"
	case *Image:
		return x.Alt
	case *Strong, *Emph, *Strike, *Link:
		return PlainText(Children(in))
	}
	return ""
}

// AppendLeaves appends the leaf inlines of ins (Text, Code, Ruby,
// LineBreak, Image) to dst in reading order, descending into Strong, Emph, Strike
// and Link, and returns the extended slice.
func AppendLeaves(dst, ins []Inline) []Inline {
	for _, in := range ins {
		switch x := in.(type) {
		case *Strong, *Emph, *Strike, *Link:
			dst = AppendLeaves(dst, Children(x))
		default:
			dst = append(dst, in)
		}
	}
	return dst
}

// Children returns the inline children of a container inline (Strong, Emph,
// Strike, Link) and nil for leaves (an Image's alt text is a string, not
// inlines).
func Children(in Inline) []Inline {
	switch x := in.(type) {
	case *Strong:
		return x.Inlines
	case *Emph:
		return x.Inlines
	case *Strike:
		return x.Inlines
	case *Link:
		return x.Inlines
	}
	return nil
}
