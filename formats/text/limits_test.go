package text

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/docconv/docconv/convert/scaletest"
)

// Scaling tests of the reader and the writer: 10× the input costs about
// 10× for a long line, many short lines and many headings.
func TestScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling test")
	}
	roundTrip := func(src []byte) {
		d, err := (&Reader{}).Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := (&Writer{}).Write(context.Background(), &out, d); err != nil {
			t.Fatal(err)
		}
	}
	rep := func(s string, n int) []byte { return []byte(strings.Repeat(s, n)) }
	scaletest.Linear(t, "one long line", roundTrip, rep("x", 100_000), rep("x", 1_000_000))
	scaletest.Linear(t, "one-character lines", roundTrip, rep("a\n", 2_000), rep("a\n", 20_000))
	scaletest.Linear(t, "CJK paragraphs", roundTrip, rep("中哈兩國將加強政策溝通，優化營商環境。\n", 500), rep("中哈兩國將加強政策溝通，優化營商環境。\n", 5_000))
	scaletest.Linear(t, "headings", roundTrip, rep("第一章 總則\n\n正文。\n\n", 300), rep("第一章 總則\n\n正文。\n\n", 3_000))
	// The per-document structure detection (structure.go): shapes counted
	// over the whole text, two-line chapter headings, setext underlines,
	// symbol bullets next to items across rules.
	chapters := "CHAPTER IV.\nThe Rabbit Sends in a Little Bill\n\nIt was the White Rabbit, trotting slowly back again.\n\n"
	scaletest.Linear(t, "chapter shapes", roundTrip, rep(chapters, 300), rep(chapters, 3_000))
	setext := "Version 1.2.0\n=============\n\n- Fixed a bug in the parser.\n---\n•Another line\n\n"
	scaletest.Linear(t, "setext and bullets", roundTrip, rep(setext, 300), rep(setext, 3_000))
	// The title written first (read back once or twice to choose its
	// form) over e-mail quotation marks, verse and dialogue lines, which
	// the writer writes without blank lines: read back under the title's
	// blank line they are one hard-wrapped block, joined in linear time.
	verse := "> Twinkle, twinkle, little bat!\n> How I wonder what you're at!\n>\n> Up above the world you fly\n\n" +
		"“How doth the little crocodile\n    Improve his shining tail,\nAnd pour the waters of the Nile\n    On every golden scale!\n\n"
	titled := func(n int) []byte { return append([]byte("A Title\n\n"), rep(verse, n)...) }
	scaletest.Linear(t, "title, quotations and verse", roundTrip, titled(300), titled(3_000))
	wrapped := func(n int) []byte {
		return []byte("標題\n\n" + strings.Repeat("這是一行中文，沒有句號\n另一行也是中文\n", n))
	}
	scaletest.Linear(t, "a title over one long hard-wrapped block", roundTrip, wrapped(1_000), wrapped(10_000))
}
