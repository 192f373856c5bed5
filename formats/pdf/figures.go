package pdf

import (
	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
)

// figuresOf returns the document's figures: Document.Figures when a
// transform extracted them, else an extraction that leaves d alone.
var figuresOf = func(d *convert.Document) []convert.Figure { return figures.Of(d) }

// figuresTable is the table of figs every writer shows (figures.Table),
// labelled in lang.
func figuresTable(figs []convert.Figure, lang string) *convert.Table {
	return figures.Table(figs, lang)
}
