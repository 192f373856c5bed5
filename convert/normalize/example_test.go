package normalize_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/normalize"
	_ "github.com/docconv/docconv/formats/text"
)

// The default clean-up of a pasted news paragraph: the pinyin annotation
// (qū) is removed and the halfwidth comma between Chinese characters made
// fullwidth. The report counts what was changed.
func ExampleDefault() {
	rep := &convert.Report{}
	d, err := convert.Read(context.Background(), strings.NewReader("地區(qū)合作,持續推進。\n"), &convert.Options{
		From: "text", Transforms: normalize.Default(), Report: rep})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(convert.DocumentText(d))
	fmt.Print(rep)
	// Output:
	// 地區合作，持續推進。
	// normalized: 1 pinyin annotation removed, 1 halfwidth comma made fullwidth
}

// Options select another clean-up: here the pinyin becomes ruby over its
// character (rendered by the EPUB and HTML writers) and the punctuation is
// left alone; None keeps the text exactly as read.
func ExampleTransforms() {
	for _, o := range []normalize.Options{{Ruby: normalize.RubyRuby, KeepPunct: true}, {None: true}} {
		d, err := convert.Read(context.Background(), strings.NewReader("地區(qū)合作,持續推進。\n"), &convert.Options{
			From: "text", Transforms: normalize.Transforms(o)})
		if err != nil {
			log.Fatal(err)
		}
		p := d.Blocks[0].(*convert.Paragraph)
		for _, in := range p.Inlines {
			switch in := in.(type) {
			case *convert.Ruby:
				fmt.Printf("[%s over %s]", in.Text, in.Base)
			default:
				fmt.Print(convert.InlineText(in))
			}
		}
		fmt.Println()
	}
	// Output:
	// 地[qū over 區]合作,持續推進。
	// 地區(qū)合作,持續推進。
}
