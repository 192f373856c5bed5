package markdown

import (
	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
)

// withFigures returns d's blocks followed by the figures section
// (figures.Section: a level 2 heading and figures.Table, the same in every
// writer), without modifying d.
func withFigures(d *convert.Document) []convert.Block {
	extra := figures.Section(d)
	if extra == nil {
		return d.Blocks
	}
	return append(append([]convert.Block(nil), d.Blocks...), extra...)
}
