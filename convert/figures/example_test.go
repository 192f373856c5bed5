package figures_test

import (
	"fmt"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
)

// Find the figures of a sentence: each has the text as written, an exact
// value (億 is 10^8, 成 a tenth), a normalized unit, a kind, and a bound
// when the text says "about" or "more than".
func ExampleFind() {
	show := func(figs []convert.Figure) {
		for _, f := range figs {
			fmt.Printf("%s: %g %s, %s", f.Text, f.Value, f.Unit, f.Kind)
			if f.Bound != convert.Exact {
				fmt.Printf(", %s", f.Bound)
			}
			fmt.Println()
		}
	}
	show(figures.Find("營收增長32%，出口約410億元，較2023年多2成，共1,200家企業。", "zh-Hant"))
	show(figures.Find("In 2024 revenue rose 12% to $3.5 million, with more than 40 stores.", "en"))
	// Output:
	// 32%: 0.32 %, percent
	// 410億元: 4.1e+10 元, money, about
	// 2023年: 2023 year, year
	// 2成: 0.2 %, percent
	// 1,200家: 1200 家, count
	// 2024: 2024 year, year
	// 12%: 0.12 %, percent
	// $3.5 million: 3.5e+06 USD, money
	// 40 stores: 40 stores, count, at-least
}
