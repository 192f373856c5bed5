package aozora_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/docconv/docconv/formats/aozora"
)

// scaled returns inputs of n copies of a piece of text: ordinary lines
// with ruby and annotations, and one line made of unclosed brackets and
// annotations naming text that is not there (the worst case for the
// lookups).
func scaled(n int) map[string][]byte {
	var lines, hostile strings.Builder
	lines.WriteString("題\n作者\n\n")
	hostile.WriteString("題\n作者\n\n")
	for range n {
		lines.WriteString("　良夜《れうや》とは今宵《こよひ》ならむ。十五六｜歩《ぽ》ほん［＃「ほん」に傍点］の※［＃「虫＋慈」、62-6］々《じゞ》。\n")
		hostile.WriteString("漢《［＃「存在しない長い注記の対象」に傍点］｜")
	}
	return map[string][]byte{"lines": []byte(lines.String()), "one-line": []byte(hostile.String())}
}

// BenchmarkParse reads 1×, 10× and 100× the same input: time per byte
// stays flat (linear reading).
//
//	go test -run - -bench Parse ./formats/aozora
func BenchmarkParse(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		for kind, src := range scaled(n) {
			b.Run(fmt.Sprintf("%s-%d", kind, n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					if _, err := (&aozora.Reader{}).Parse(src); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
