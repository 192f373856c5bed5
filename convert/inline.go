package convert

import "strings"

// Inline is an inline element. The set is sealed: Text, Strong, Emph,
// Strike, Sub, Sup, Code, Link, Ruby, LineBreak, Image and Note are the
// only kinds.
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

// Sub is subscript text (H₂O: <sub>2</sub>). Writers set it smaller and
// lowered; its text is part of the running text (PlainText keeps it).
type Sub struct {
	Inlines []Inline
}

// Sup is superscript text (x²: <sup>2</sup>), smaller and raised.
type Sup struct {
	Inlines []Inline
}

// Note is a footnote, as pandoc's Note: it stands where it is referenced
// and holds the note's own blocks (one or more paragraphs, lists…).
// Notes carry no number or label: writers number them per document in
// reading order (1, 2, 3…) and place them at the foot of the page, at the
// end of the chapter or document, or in a pop-up, as the format does. A
// note holds no note (Validate refuses one; readers keep a reference
// inside a note as its literal text). PlainText and InlineText leave
// notes out, as pandoc's stringify does: a heading's or a paragraph's text
// is the text of the page, not of its notes; Inspect and MapInlines reach
// the notes' blocks.
type Note struct {
	Blocks []Block
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
func (*Sub) isInline()       {}
func (*Sup) isInline()       {}
func (*Note) isInline()      {}
func (*Code) isInline()      {}
func (*Link) isInline()      {}
func (*Ruby) isInline()      {}
func (*LineBreak) isInline() {}

// PlainText returns the text of inlines as a reader would copy it: markup
// dropped, Ruby as its base, LineBreak as "\n", an Image as its alt text,
// notes left out.
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
		case *Sub:
			writePlain(b, x.Inlines)
		case *Sup:
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
	case *Strong, *Emph, *Strike, *Sub, *Sup, *Link:
		return PlainText(Children(in))
	}
	return ""
}

// AppendLeaves appends the leaf inlines of ins (Text, Code, Ruby,
// LineBreak, Image, and Note, whose blocks are not inline text) to dst in
// reading order, descending into Strong, Emph, Strike, Sub, Sup and Link,
// and returns the extended slice.
func AppendLeaves(dst, ins []Inline) []Inline {
	for _, in := range ins {
		switch x := in.(type) {
		case *Strong, *Emph, *Strike, *Sub, *Sup, *Link:
			dst = AppendLeaves(dst, Children(x))
		default:
			dst = append(dst, in)
		}
	}
	return dst
}

// Children returns the inline children of a container inline (Strong, Emph,
// Strike, Sub, Sup, Link) and nil for leaves (an Image's alt text is a
// string, not inlines; a Note holds blocks: see Note.Blocks).
func Children(in Inline) []Inline {
	switch x := in.(type) {
	case *Strong:
		return x.Inlines
	case *Emph:
		return x.Inlines
	case *Strike:
		return x.Inlines
	case *Sub:
		return x.Inlines
	case *Sup:
		return x.Inlines
	case *Link:
		return x.Inlines
	}
	return nil
}
