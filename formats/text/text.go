package text

import (
	"github.com/docconv/docconv/convert"
)

func init() {
	convert.Register(convert.Format{
		Name:        "text",
		Aliases:     []string{"txt", "plain"},
		Extensions:  []string{"txt"},
		MediaType:   "text/plain",
		Description: "plain text articles (one paragraph per line or hard-wrapped blocks)",
		// Shift_JIS, GBK, Big5… input is decoded by convert.Read.
		LegacyEncodings: true,
		NewReader: func(opts *convert.Options) convert.Reader {
			r := &Reader{}
			if opts != nil {
				r.Report, r.Strict = opts.Report, opts.Strict
			}
			return r
		},
		Variables: []convert.Variable{
			{Key: "blank-lines", Kind: convert.VarBool, Default: "false", Usage: "writing text: a blank line between blocks"},
		},
		NewWriter: func(opts *convert.Options) convert.Writer {
			w := &Writer{FileTitle: opts.FileTitle()}
			if v, ok := opts.Var("text", "blank-lines"); ok {
				w.BlankLines, _ = convert.ParseVarBool(v)
			}
			return w
		},
	})
}
