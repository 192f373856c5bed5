package figures_test

import (
	"strings"
	"testing"

	"github.com/docconv/docconv/convert/figures"
)

// pathological are input shapes that could make the recognizer slow or
// overflow: each is built at 1× and 10× its size by BenchmarkPathological,
// whose ns/op must grow about 10× (linear), not 100×.
var pathological = []struct {
	name string
	make func(n int) string
}{
	{"digits", func(n int) string { return strings.Repeat("9", 10000*n) + "元" }},
	{"wan-chain", func(n int) string { return "1" + strings.Repeat("万", 5000*n) + "元" }},
	{"cjk-digits", func(n int) string { return strings.Repeat("一二三四五六七八九", 1000*n) + "年" }},
	{"nested-ranges", func(n int) string { return strings.Repeat("1至", 5000*n) + "2天" }},
	{"huge-exponent", func(n int) string { return "1e" + strings.Repeat("9", 10000*n) + " bytes" }},
	{"power-chain", func(n int) string { return strings.Repeat("10^", 3000*n) + "5" }},
	{"separators", func(n int) string { return "1" + strings.Repeat(",000", 3000*n) + " people" }},
	{"parentheses", func(n int) string {
		return strings.Repeat("(", 5000*n) + "1" + strings.Repeat(")", 5000*n) + "日"
	}},
	{"fractions", func(n int) string { return strings.Repeat("三分之", 3000*n) + "一" }},
	{"mixed-numbers", func(n int) string { return strings.Repeat("一又", 3000*n) + "二分之一" }},
	{"fuzzy", func(n int) string { return strings.Repeat("十三四", 3000*n) + "岁" }},
	{"hangul", func(n int) string { return strings.Repeat("오십", 5000*n) + "명" }},
	{"korean-groups", func(n int) string { return strings.Repeat("1만 ", 3000*n) + "명" }},
	{"english-words", func(n int) string { return strings.Repeat("twenty-one hundred and ", 2000*n) + "people" }},
	{"eras", func(n int) string { return strings.Repeat("平成", 3000*n) + "4年" }},
	{"era-years", func(n int) string { return "平成八年" + strings.Repeat("九年が", 3000*n) }},
	{"degrees", func(n int) string { return strings.Repeat("二十四度五十四分", 2000*n) }},
}

func BenchmarkPathological(b *testing.B) {
	for _, p := range pathological {
		for _, n := range []int{1, 10} {
			s := p.make(n)
			b.Run(p.name+"/"+map[int]string{1: "1x", 10: "10x"}[n], func(b *testing.B) {
				b.SetBytes(int64(len(s)))
				for range b.N {
					for _, f := range figures.Find(s, "zh-Hans") {
						if f.Value >= 1e48 {
							b.Fatalf("%s: unbounded value %v", p.name, f.Value)
						}
					}
				}
			})
		}
	}
}
