package normalize_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/normalize"
	"github.com/docconv/docconv/convert/scaletest"
)

// Scaling test of the clean-up: 10× the input costs about 10× for a long
// line (with pinyin annotations and halfwidth punctuation to repair) and
// for many short lines.
func TestScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling test")
	}
	read := func(src []byte) {
		_, err := convert.Read(context.Background(), bytes.NewReader(src), &convert.Options{
			From: "text", Transforms: normalize.Transforms(normalize.Options{Ruby: normalize.RubyKeep}),
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	rep := func(s string, n int) []byte { return []byte(strings.Repeat(s, n)) }
	line := "地區(qū)合作,優化營商環境;推動 AI 發展(2023)。"
	scaletest.Linear(t, "one long line", read, rep(line, 1_000), rep(line, 10_000))
	scaletest.Linear(t, "short lines", read, rep(line+"\n", 500), rep(line+"\n", 5_000))
	scaletest.Linear(t, "one-character lines", read, rep("a\n", 2_000), rep("a\n", 20_000))
}
