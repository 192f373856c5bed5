package convert_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/normalize"
	_ "github.com/docconv/docconv/formats/markdown"
	_ "github.com/docconv/docconv/formats/text"
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
	// normalized: 1 pinyin annotations removed, 1 halfwidth commas made fullwidth
}

// A document that no writer can write is an error, not a panic.
func ExampleDocument_Validate() {
	d := &convert.Document{Blocks: []convert.Block{convert.H(9, "Too deep")}}
	fmt.Println(d.Validate())
	// Output:
	// invalid input: block 1: heading level 9, want 1 to 6
}
