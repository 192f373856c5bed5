package html

import "github.com/docconv/docconv/convert"

func init() {
	convert.Register(convert.Format{
		Name:          "html",
		Aliases:       []string{"htm", "xhtml"},
		Extensions:    []string{"html", "htm", "xhtml"},
		MediaType:     "text/html",
		Description:   "HTML5: reads saved web pages (the article, any declared charset), writes standalone HTML5 with CJK-aware typography",
		NewReader:     func(o *convert.Options) convert.Reader { return newReader(o) },
		NewWriter:     func(o *convert.Options) convert.Writer { return newWriter(o) },
		DecodesSource: true,
		Variables: []convert.Variable{
			{Key: "extract", Kind: convert.VarBool, Default: "true", Usage: "reading HTML: keep only the article found in the page; false keeps the whole body"},
		},
	})
}
