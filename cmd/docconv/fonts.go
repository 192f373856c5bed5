package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded"
	"github.com/docconv/docconv/fonts/embedded/korean"
)

// listFonts prints the embedded fonts, then the installed ones that --font
// can name (TrueType and CFF outlines).
func listFonts(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FAMILY\tSTYLE\tFORMAT\tSOURCE")
	for _, f := range []*fonts.Font{embedded.Sans(false, false), embedded.Sans(true, false), embedded.Sans(false, true),
		embedded.Sans(true, true), embedded.Serif(false, false), embedded.Mono(false), embedded.CJK(), korean.Font()} {
		fmt.Fprintf(tw, "%s\t%s\ttruetype\tembedded (default)\n", f.Family(), f.Style())
	}
	infos, err := fonts.List(fonts.Dirs())
	if err != nil {
		return err
	}
	for _, in := range infos {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", in.Family, in.Style, in.Format, in.Spec())
	}
	return tw.Flush()
}
