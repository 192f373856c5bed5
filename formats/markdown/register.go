package markdown

import "github.com/docconv/docconv/convert"

func init() {
	convert.Register(convert.Format{
		Name:        "markdown",
		Aliases:     []string{"md", "gfm"},
		Extensions:  []string{"md", "markdown"},
		MediaType:   "text/markdown",
		Description: "CommonMark with GFM tables, strikethrough and autolinks, YAML front matter",
		// Shift_JIS, GBK, Big5… input is decoded by convert.Read.
		LegacyEncodings: true,
		NewReader: func(o *convert.Options) convert.Reader {
			r := &Reader{}
			if o != nil {
				r.Report = o.Report
			}
			return r
		},
		NewWriter: func(o *convert.Options) convert.Writer { return newWriter(o) },
		Variables: []convert.Variable{
			{Key: "front-matter", Kind: convert.VarBool, Default: "true", Usage: "writing Markdown: the YAML front matter with the metadata"},
		},
	})
}
