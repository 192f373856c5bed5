package fonts_test

import (
	"fmt"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded"
)

func ExampleChain_FontFor() {
	chain := embedded.DefaultChain() // Liberation Sans, then Droid Sans Fallback
	for _, r := range "A中“\U0001F600" {
		f, i := chain.FontFor(r)
		if f == nil {
			fmt.Printf("%q: no font\n", r)
			continue
		}
		fmt.Printf("%q: %d %s, %.3f em\n", r, i, f.Family(), f.Advance(r))
	}
	fmt.Printf("missing: %q\n", string(chain.Missing("中文 text 😀")))
	// Output:
	// 'A': 0 Liberation Sans, 0.667 em
	// '中': 1 Droid Sans Fallback, 1.000 em
	// '“': 0 Liberation Sans, 0.333 em
	// '😀': no font
	// missing: "😀"
}

func ExampleFont_Subset() {
	cjk := embedded.CJK()
	data, err := cjk.Subset([]rune("中文排版"))
	if err != nil {
		panic(err)
	}
	sub, err := fonts.Parse(data)
	if err != nil {
		panic(err)
	}
	// .notdef, 4 glyphs and the 4 components some of them are built from.
	fmt.Println(sub.Family(), sub.NumGlyphs(), sub.HasGlyph('排'), sub.HasGlyph('国'))
	// Output:
	// Droid Sans Fallback 9 true false
}
