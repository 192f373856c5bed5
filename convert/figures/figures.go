package figures

import (
	"strings"

	"github.com/docconv/docconv/convert"
)

// Of returns the figures of d: d.Figures when it is non-nil (already
// extracted, possibly edited by the caller), else Extract(d). It never
// modifies d, so several writers may call it on a shared document.
func Of(d *convert.Document) []convert.Figure {
	if d == nil {
		return nil
	}
	if d.Figures != nil {
		return d.Figures
	}
	return Extract(d)
}

// Extract finds the figures in the body of d, in document order. It reads
// d.Meta.Lang (¥ is JPY in Japanese documents, CNY elsewhere) and never
// modifies d. The result is never nil: a document without figures gives an
// empty slice, so that assigning it to d.Figures marks the document as
// analysed.
func Extract(d *convert.Document) []convert.Figure {
	out := []convert.Figure{}
	if d == nil {
		return out
	}
	lang := d.Meta.Lang
	section := ""
	para := 0
	for bi, b := range d.Blocks {
		if h, ok := b.(*convert.Heading); ok {
			section = strings.TrimSpace(convert.PlainText(h.Inlines))
			continue
		}
		para++
		for _, seg := range blockSegments(b) {
			for _, f := range findIn(seg, lang) {
				f.Block = bi
				f.Paragraph = para
				f.Section = section
				out = append(out, f)
			}
		}
	}
	return out
}

// Find returns the figures in a piece of plain text written in language
// lang (a BCP 47 tag; "" means unknown). Block and Paragraph are 0 and
// Section is empty; Sentence is set.
func Find(text, lang string) []convert.Figure {
	return findIn(segment{text: []rune(text)}, lang)
}
