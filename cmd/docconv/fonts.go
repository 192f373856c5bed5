package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/docconv/docconv/fonts"
)

// listFonts prints the fonts compiled into docconv (registered by the
// packages under fonts/embedded, which formats/all imports), with the
// languages and roles they are the default for, then the installed ones
// that --font can name (TrueType and CFF outlines).
func listFonts(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FAMILY\tSTYLE\tFORMAT\tREGION\tSOURCE")
	for _, e := range fonts.Registered() {
		var uses []string
		for _, u := range e.Uses {
			lang := u.Lang
			if lang == "" {
				lang = "all"
			}
			uses = append(uses, lang+" "+u.Role.String())
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\tembedded (default: %s; %s)\n", e.Family, e.Style, e.Format, e.Region,
			strings.Join(uses, ", "), e.License)
	}
	infos, err := fonts.List(fonts.Dirs())
	if err != nil {
		return err
	}
	for _, in := range infos {
		fmt.Fprintf(tw, "%s\t%s\t%s\t\t%s\n", in.Family, in.Style, in.Format, in.Spec())
	}
	return tw.Flush()
}
