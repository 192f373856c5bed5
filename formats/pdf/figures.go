package pdf

import "github.com/docconv/docconv/convert"

// figuresOf returns the document's figures (convert/figures.Of).
var figuresOf = func(d *convert.Document) []convert.Figure { return d.Figures }
