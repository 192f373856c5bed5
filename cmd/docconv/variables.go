package main

import (
	"fmt"
	"io"

	"github.com/docconv/docconv/convert"
)

// listVariables prints every format variable (-V FORMAT.KEY=VALUE) the
// formats declare: key, type and range, default, meaning.
func listVariables(w io.Writer) {
	for _, f := range convert.Formats() {
		for _, v := range f.Variables {
			fmt.Fprintf(w, "%s.%s  (%s; default %s)\n    %s\n", f.Name, v.Key, v.Range(), v.Default, v.Usage)
		}
	}
}
