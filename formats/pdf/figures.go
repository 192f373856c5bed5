package pdf

import (
	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
)

// figuresOf returns the document's figures: Document.Figures when a
// transform extracted them, else an extraction that leaves d alone.
var figuresOf = func(d *convert.Document) []convert.Figure { return figures.Of(d) }
