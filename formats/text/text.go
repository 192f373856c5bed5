package text

import (
	"strings"

	"github.com/docconv/docconv/convert"
)

func init() {
	convert.Register(convert.Format{
		Name:        "text",
		Aliases:     []string{"txt", "plain"},
		Extensions:  []string{"txt"},
		MediaType:   "text/plain",
		Description: "plain text articles (one paragraph per line or hard-wrapped blocks)",
		NewReader: func(opts *convert.Options) convert.Reader {
			r := &Reader{}
			if opts != nil {
				r.Report, r.Strict = opts.Report, opts.Strict
			}
			return r
		},
		NewWriter: func(opts *convert.Options) convert.Writer {
			w := &Writer{}
			if v, ok := opts.Var("text", "blank-lines"); ok {
				w.BlankLines = isTrue(v)
			}
			return w
		},
	})
}

func isTrue(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "yes", "on", "":
		return true
	}
	return false
}
