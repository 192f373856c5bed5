package main

import (
	"fmt"
	"io"
	"os"

	"github.com/docconv/docconv/golden"
)

const inspectUsage = `usage: docconv inspect FILE...

Prints the text projection of each FILE — a PDF, EPUB or XLSX file, or a
text format as it is — that the golden package compares in golden-file
tests: metadata, fonts, outline and text per page of a PDF; entries,
package document, navigation and XHTML of an EPUB; sheets as tab-separated
values with cell types and number formats of a workbook. - reads standard
input. A file named inspect is converted with ./inspect.
`

// runInspect is "docconv inspect FILE...": the golden projection of each
// file, one after another, each under a "### FILE" line when there are
// several.
func runInspect(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, inspectUsage)
		return exitUsage
	}
	if len(args) == 1 && (args[0] == "-h" || args[0] == "--help") {
		fmt.Fprint(stdout, inspectUsage)
		return exitOK
	}
	status := exitOK
	for _, path := range args {
		var data []byte
		var err error
		if path == "-" {
			data, err = io.ReadAll(stdin)
		} else {
			data, err = os.ReadFile(path)
		}
		var s string
		if err == nil {
			s, err = golden.Project(data)
		}
		if err != nil {
			fmt.Fprintf(stderr, "docconv: inspect %s: %v\n", path, err)
			status = exitFail
			continue
		}
		if len(args) > 1 {
			fmt.Fprintf(stdout, "### %s\n", path)
		}
		if _, err := io.WriteString(stdout, s); err != nil {
			fmt.Fprintf(stderr, "docconv: inspect: %v\n", err)
			return exitFail
		}
	}
	return status
}
