// Command library shows docconv used as a Go library: read an article once,
// clean it up, and write it in several formats, printing the clean-up report.
//
//	go run ./examples/library examples/article.txt /tmp/out
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
	"github.com/docconv/docconv/convert/normalize"
	_ "github.com/docconv/docconv/formats/epub"
	_ "github.com/docconv/docconv/formats/pdf"
	_ "github.com/docconv/docconv/formats/text"
	_ "github.com/docconv/docconv/formats/xlsx"
)

func main() {
	if len(os.Args) != 3 {
		log.Fatal("usage: library ARTICLE OUTDIR")
	}
	in, outDir := os.Args[1], os.Args[2]
	ctx := context.Background()
	report := &convert.Report{}
	opts := &convert.Options{
		SourcePath: in,
		Transforms: normalize.Default(),
		Report:     report,
		Metadata:   []string{"author=docconv example"},
	}
	f, err := os.Open(in)
	if err != nil {
		log.Fatal(err)
	}
	doc, err := convert.Read(ctx, f, opts)
	f.Close()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%q (%s): %d blocks, %d figures\n", doc.Meta.Title, doc.Meta.Lang, len(doc.Blocks), len(figures.Of(doc)))

	if err := os.MkdirAll(outDir, 0o755); err != nil {
		log.Fatal(err)
	}
	stem := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
	for _, to := range []string{"pdf", "epub", "xlsx"} {
		path := filepath.Join(outDir, stem+"."+to)
		out, err := os.Create(path)
		if err != nil {
			log.Fatal(err)
		}
		o := *opts
		o.To = to
		if err := convert.Write(ctx, out, doc, &o); err != nil {
			out.Close()
			os.Remove(path)
			log.Fatal(err)
		}
		if err := out.Close(); err != nil {
			log.Fatal(err)
		}
		fmt.Println("wrote", path)
	}
	fmt.Print(report)
}
