package convert_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/normalize"
	_ "github.com/docconv/docconv/formats/all" // every format, with the embedded fonts
	"github.com/docconv/docconv/golden"
)

// Build a document by hand and write it as Markdown.
func ExamplePara() {
	d := &convert.Document{
		Meta: convert.Meta{Title: "季報", Lang: "zh-Hant"},
		Blocks: []convert.Block{
			convert.H(2, "概況"),
			convert.Para("營收增長", convert.B("32%"), "，詳見", convert.L("https://example.com/q3", "附表"), "。"),
			convert.UL("出口", "內需"),
			convert.NewTable("地區", "億元").Aligned(convert.AlignLeft, convert.AlignRight).Row("北部", "410").Row("南部", "380"),
		},
	}
	if err := convert.Write(context.Background(), os.Stdout, d, &convert.Options{To: "md"}); err != nil {
		log.Fatal(err)
	}
	// Output:
	// ---
	// title: 季報
	// lang: zh-Hant
	// ---
	//
	// ## 概況
	//
	// 營收增長**32%**，詳見[附表](https://example.com/q3)。
	//
	// - 出口
	// - 內需
	//
	// | 地區 | 億元 |
	// | :--- | ---: |
	// | 北部 | 410 |
	// | 南部 | 380 |
}

// Convert plain text to Markdown, cleaning it up on the way: the pinyin
// annotation is removed and the halfwidth comma between Chinese characters
// made fullwidth; the report says what changed.
func ExampleConvert() {
	rep := &convert.Report{}
	err := convert.Convert(context.Background(), os.Stdout, strings.NewReader("地區(qū)合作,持續推進。\n"), &convert.Options{
		From: "text", To: "md", Transforms: normalize.Default(), Report: rep})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(rep)
	// Output:
	// ---
	// lang: zh-Hant
	// ---
	//
	// 地區合作，持續推進。
	// normalized: 1 pinyin annotation removed, 1 halfwidth comma made fullwidth
}

// A document that no writer can write is an error, not a panic.
func ExampleDocument_Validate() {
	d := &convert.Document{Blocks: []convert.Block{convert.H(9, "Too deep")}}
	fmt.Println(d.Validate())
	// Output:
	// invalid input: block 1: heading level 9, want 1 to 6
}

// Read a document once (with the default clean-up: the halfwidth comma
// becomes fullwidth), then write it in several formats. The Markdown
// reader takes the document's only level-1 heading as its title. The text
// and Markdown outputs are printed; the binary ones are summarized from
// their golden projection (see package golden). Only compiled-in fonts
// are used, so the output does not depend on the machine.
func ExampleRead() {
	ctx := context.Background()
	src := "# 季報\n\n營收增長32%,出口410億元。\n\n- 北部\n- 南部\n"
	d, err := convert.Read(ctx, strings.NewReader(src), &convert.Options{
		From: "markdown", Transforms: normalize.Default()})
	if err != nil {
		log.Fatal(err)
	}
	opts := &convert.Options{ModTime: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)}
	for _, to := range []string{"txt", "md", "pdf", "epub", "xlsx"} {
		opts.To = to
		var out bytes.Buffer
		if err := convert.Write(ctx, &out, d, opts); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("== %s\n", to)
		switch golden.Detect(out.Bytes()) {
		case golden.KindPDF, golden.KindEPUB, golden.KindXLSX:
			p, err := golden.Project(out.Bytes())
			if err != nil {
				log.Fatal(err)
			}
			lines := strings.Split(p, "\n")
			fmt.Println(lines[0])
			for _, l := range lines {
				if strings.HasPrefix(l, "pages: ") || strings.HasPrefix(l, "== sheet ") {
					fmt.Println(l)
				}
			}
		default:
			fmt.Print(out.String())
		}
	}
	// Output:
	// == txt
	// 季報
	//
	// 營收增長32%，出口410億元。
	// • 北部
	// • 南部
	// == md
	// ---
	// title: 季報
	// lang: zh-Hant
	// ---
	//
	// 營收增長32%，出口410億元。
	//
	// - 北部
	// - 南部
	// == pdf
	// docconv-golden/1 pdf
	// pages: 1
	// == epub
	// docconv-golden/1 epub
	// == xlsx
	// docconv-golden/1 xlsx
	// == sheet 1: Figures (A1:J3)
	// == sheet 2: Summary (A1)
}
