package json

import "github.com/docconv/docconv/convert"

func init() {
	convert.Register(convert.Format{
		Name:        "json",
		Extensions:  []string{"json"},
		MediaType:   "application/json",
		Description: "docconv JSON: a lossless dump of the document model (pandoc's native)",
		NewReader:   func(o *convert.Options) convert.Reader { return &Reader{Report: o.Report} },
		NewWriter:   func(*convert.Options) convert.Writer { return &Writer{} },
	})
}
