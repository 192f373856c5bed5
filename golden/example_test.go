package golden_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/docconv/docconv/convert"
	_ "github.com/docconv/docconv/formats/all"
	"github.com/docconv/docconv/golden"
)

// Project a small PDF to text, as golden.AssertOutput does before it
// compares with a golden file. The time is pinned, so the projection is the
// same on every run (and every machine: only compiled-in fonts are used).
func ExamplePDF() {
	var out bytes.Buffer
	err := convert.Convert(context.Background(), &out, strings.NewReader("季報\n\n營收增長32%，出口410億元。\n"), &convert.Options{
		From: "text", To: "pdf", ModTime: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		log.Fatal(err)
	}
	p, err := golden.PDF(out.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	// The header and the metadata (the Producer line, which names the
	// docconv version, is left out here), then the text of the page.
	lines := strings.Split(p, "\n")
	fmt.Println(strings.Join(lines[:9], "\n"))
	_, page, _ := strings.Cut(p, "== page 1")
	fmt.Print("== page 1", page)
	// Output:
	// docconv-golden/1 pdf
	// version: 1.7
	// pages: 1
	// lang: zh-Hant
	//
	// == info
	// CreationDate: D:20240102000000
	// Creator: docconv
	// ModDate: D:20240102000000
	// == page 1 (595.28 x 841.89 pt)
	// 季報
	// 營收增長32%，出口410億元。
	// 第 1 頁
}

// Diff is the unified diff golden.Assert prints when a projection differs
// from its golden file.
func ExampleDiff() {
	fmt.Print(golden.Diff("testdata/report.pdf.golden", "got", "pages: 1\nlang: zh-Hant\n", "pages: 2\nlang: zh-Hant\n"))
	// Output:
	// --- testdata/report.pdf.golden
	// +++ got
	// @@ -1,2 +1,2 @@
	// -pages: 1
	// +pages: 2
	//  lang: zh-Hant
}
