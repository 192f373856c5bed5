package html

import "github.com/docconv/docconv/convert"

func init() {
	convert.Register(convert.Format{
		Name:        "html",
		Extensions:  []string{"html", "htm"},
		MediaType:   "text/html",
		Description: "standalone HTML5 with CJK-aware typography",
		NewWriter:   func(o *convert.Options) convert.Writer { return newWriter(o) },
	})
}
