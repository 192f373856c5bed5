// Package aozora reads texts in the notation of Aozora Bunko (青空文庫), the
// largest free library of Japanese literature, registered as format
// "aozora" (no extension of its own: its files are .txt, and the text
// reader's input is read as Aozora Bunko when [Sniff] recognises it).
//
// # What is read
//
//   - The header: the first lines up to the first blank line are the
//     title, an optional subtitle and the author(s) (title; title, author;
//     title, subtitle, author; title, subtitle, original author,
//     translator…), and the "【テキスト中に現れる記号について】" block between
//     two lines of hyphens is dropped.
//   - Ruby: 漢字《かんじ》 is a [convert.Ruby] over the run of kanji (々 〆 〇 ヶ
//     仝 included) before 《; a run of katakana or of Latin letters and
//     digits takes it too; ｜ marks where the base starts (十五六｜歩《ぽ》).
//   - Annotations ［＃…］: headings 「…」は大見出し/中見出し/小見出し (and
//     the 同行 and 窓 forms, and ［＃大見出し］…［＃大見出し終わり］) become
//     [convert.Heading] of levels 2, 3 and 4 (the title is level 1);
//     emphasis dots 「…」に傍点 (every kind: 白ゴマ, 丸, 白丸, 黒三角…) and
//     ［＃傍点］…［＃傍点終わり］ become [convert.Emph]; 「…」は太字 and
//     ［＃太字］…［＃太字終わり］ (also ［＃ここから太字］ over lines) become
//     [convert.Strong]; ［＃ここから２字下げ］…［＃ここで字下げ終わり］ and lines
//     starting with ［＃２字下げ］ become a [convert.Quote] (an indented
//     block); ［＃改ページ］, ［＃改丁］, ［＃改段］ and ［＃改見開き］ become a
//     [convert.PageBreak] (a one-column page has no column to break, and
//     no writer places a page on the recto or a spread); a gaiji ※［＃…、U+6318、…］
//     or ※［＃「…」、第3水準1-84-77］ (a JIS X 0213 plane-row-cell, from the
//     table in jisx0213_table.go) becomes its character. 縦中横, 地付き,
//     字上げ, ママ, 底本では and the like are dropped with the text they
//     annotate kept; gaiji named otherwise (by a page of the source) keep
//     their ※ and are counted in the report.
//   - ／＼ and ／″＼ (the long repetition marks) become 〳〵 and 〴〵.
//   - The colophon, from the line starting "底本：" to the end, is end
//     matter: a rule, then one paragraph per line.
//
// Each other line is a paragraph; a leading ideographic space (the
// paragraph indent) is dropped, as every writer indents paragraphs itself.
// Meta.Lang is "ja". Reader.Parse takes UTF-8; through convert.Read (the
// command line), Aozora Bunko's own Shift_JIS files are decoded first
// (convert.DecodeText), so they are recognised and read as they are.
package aozora

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/docconv/docconv/convert"
)

func init() {
	convert.Register(convert.Format{
		Name:      "aozora",
		Aliases:   []string{"aozorabunko"},
		MediaType: "text/plain",
		// Aozora Bunko's own files are Shift_JIS: convert.Read decodes them.
		LegacyEncodings: true,
		Description:     "Aozora Bunko (青空文庫) texts: ruby, headings, emphasis dots, indents (.txt input is detected)",
		NewReader: func(opts *convert.Options) convert.Reader {
			r := &Reader{}
			if opts != nil {
				r.Report = opts.Report
			}
			return r
		},
		Sniff: Sniff,
	})
}

// Reader reads Aozora Bunko texts. The zero value is ready to use and safe
// for concurrent use.
type Reader struct {
	// Report receives the counts of what was read (ruby, annotations
	// dropped, unresolved gaiji); nil discards them.
	Report *convert.Report
}

// Read implements convert.Reader.
func (r *Reader) Read(ctx context.Context, in io.Reader) (*convert.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	src, err := io.ReadAll(in)
	if err != nil {
		return nil, err
	}
	return r.Parse(src)
}

var (
	// rubyRe is kanji followed by a reading in kana: the shape of Aozora
	// ruby, which no other convention produces (《》 are title brackets in
	// Chinese, around Han text).
	rubyRe = regexp.MustCompile(`[\p{Han}々〆ヶ]《[\p{Hiragana}\p{Katakana}ー・]+》`)
)

// Sniff reports whether src, read as text, is in Aozora Bunko notation:
// it has the header's notation block, or an annotation ［＃…］, or at
// least two ruby readings 漢字《かな》 in its first 64 KB.
func Sniff(src []byte) bool {
	head := string(src[:min(len(src), 64<<10)])
	if strings.Contains(head, "【テキスト中に現れる記号について】") || strings.Contains(head, "［＃") {
		return true
	}
	return len(rubyRe.FindAllStringIndex(head, 2)) >= 2
}

// Parse reads a document from src (see the package documentation).
func (r *Reader) Parse(src []byte) (*convert.Document, error) {
	if r == nil {
		r = &Reader{}
	}
	if why := convert.SniffBinary(src); why != "" {
		return nil, fmt.Errorf("aozora: %w: %s", convert.ErrInvalidInput, why)
	}
	s := strings.TrimPrefix(string(src), "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	lines := strings.Split(s, "\n")
	d := &convert.Document{Meta: convert.Meta{Lang: "ja"}}
	body := readHeader(lines, &d.Meta)
	lines = lines[body:]
	var colophon []string
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "底本：") {
			colophon = lines[i:]
			lines = lines[:i]
			break
		}
	}
	p := &parser{r: r}
	for i, l := range lines {
		p.line(l, body+i+1)
	}
	p.flushQuote()
	d.Blocks = p.blocks
	if len(colophon) > 0 {
		d.Blocks = append(d.Blocks, &convert.Rule{})
		for _, l := range colophon {
			if l = strings.TrimSpace(l); l != "" {
				d.Blocks = append(d.Blocks, &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: l}}})
			}
		}
	}
	r.Report.Add("aozora", "ruby readings", p.ruby)
	r.Report.Add("aozora", "annotations dropped", p.dropped)
	r.Report.Add("aozora", "gaiji without a Unicode character (kept as ※)", p.gaiji)
	return d, nil
}

// readHeader reads the title block and skips the notation block; it
// returns the index of the first line of the text.
func readHeader(lines []string, m *convert.Meta) int {
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	var head []string
	for ; i < len(lines) && strings.TrimSpace(lines[i]) != ""; i++ {
		if isDashes(lines[i]) {
			break
		}
		head = append(head, strings.TrimSpace(lines[i]))
	}
	notTitle := func(l string) bool {
		return len([]rune(l)) > 60 || strings.Contains(l, "《") || strings.Contains(l, "［＃") || strings.HasSuffix(l, "。")
	}
	if len(head) > 6 || slices.ContainsFunc(head, notTitle) {
		// Not a title block: the text starts at once.
		return 0
	}
	switch len(head) {
	case 0:
	case 1:
		m.Title = head[0]
	case 2:
		m.Title, m.Authors = head[0], []string{head[1]}
	default:
		m.Title, m.Subtitle, m.Authors = head[0], head[1], append([]string(nil), head[2:]...)
	}
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i < len(lines) && isDashes(lines[i]) {
		for j := i + 1; j < len(lines); j++ {
			if isDashes(lines[j]) {
				return j + 1
			}
		}
	}
	return i
}

// isDashes reports whether l is a separator line of hyphens.
func isDashes(l string) bool {
	l = strings.TrimSpace(l)
	return len(l) >= 10 && strings.Trim(l, "-－─") == ""
}
