package figures

import (
	"strings"

	"github.com/docconv/docconv/convert"
)

// Of returns the figures of d: d.Figures when it is non-nil (already
// extracted, possibly edited by the caller), else Extract(d). It never
// modifies d, so several writers may call it on a shared document.
func Of(d *convert.Document) []convert.Figure {
	if d == nil {
		return nil
	}
	if d.Figures != nil {
		return d.Figures
	}
	return Extract(d)
}

// Extract finds the figures in the body of d, in document order. It reads
// d.Meta.Lang (¥ is JPY in Japanese documents, CNY elsewhere) and never
// modifies d. The result is never nil: a document without figures gives an
// empty slice, so that assigning it to d.Figures marks the document as
// analysed.
func Extract(d *convert.Document) []convert.Figure {
	out := []convert.Figure{}
	if d == nil {
		return out
	}
	lang := d.Meta.Lang
	yuan := yuanUnitOf(lang, d)
	section := ""
	para := 0
	// A headline's figures ("…320億美元") count too: Block -1, Section the
	// title itself; unless a heading repeats the title (Markdown's "# Title"
	// under front matter), whose figures are listed with it.
	// A title made from the file name (Meta.TitleFromFile) is not text:
	// "report 2024.txt" and /dev/fd/63 state no figure.
	if title := strings.TrimSpace(d.Meta.Title); title != "" && !d.Meta.TitleFromFile && !headingSays(d.Blocks, title) {
		for _, f := range findIn(segment{text: []rune(title)}, lang, yuan) {
			f.Block = -1
			f.Section = title
			out = append(out, f)
		}
	}
	for bi, b := range d.Blocks {
		if h, ok := b.(*convert.Heading); ok {
			// A heading's figures belong to the section it opens; it
			// is not a paragraph (Paragraph 0).
			section = strings.TrimSpace(convert.PlainText(h.Inlines))
			for _, f := range findIn(inlineSegment(h.Inlines), lang, yuan) {
				f.Block = bi
				f.Section = section
				out = append(out, f)
			}
			continue
		}
		para++
		for _, seg := range blockSegments(b) {
			for _, f := range findIn(seg, lang, yuan) {
				f.Block = bi
				f.Paragraph = para
				f.Section = section
				out = append(out, f)
			}
		}
	}
	inferYear(out, d.Meta.Date)
	return out
}

// headingSays reports whether a top-level heading's text is s.
func headingSays(blocks []convert.Block, s string) bool {
	for _, b := range blocks {
		if h, ok := b.(*convert.Heading); ok && strings.TrimSpace(convert.PlainText(h.Inlines)) == s {
			return true
		}
	}
	return false
}

// Find returns the figures in a piece of plain text written in language
// lang (a BCP 47 tag; "" means unknown). Block and Paragraph are 0 and
// Section is empty; Sentence is set. A partial date keeps it: the year of
// an article is inferred by Extract, over the whole document.
func Find(text, lang string) []convert.Figure {
	return findIn(segment{text: []rune(text)}, lang, yuanUnit(lang, text))
}

// Markers of a currency in a text, for the currency of a bare 元.
var (
	twdMarkers = []string{"台幣", "臺幣", "台币", "NT$", "TWD"} // 新台幣 contains 台幣: counted once
	hkdMarkers = []string{"港元", "港幣", "港币", "HK$", "HKD"}
	cnyMarkers = []string{"人民幣", "人民币", "RMB", "CNY"}
)

// yuanUnit decides the currency of a bare 元 (圆, 圓) in a text written in
// lang. Simplified Chinese and other languages: CNY. Traditional Chinese:
// the currency the text names most often (新台幣/NT$ → TWD, 港元/港幣/HK$
// → HKD, 人民幣/RMB → CNY); with none, or a tie, TWD for zh-TW, HKD for
// zh-HK, else "元" — the currency is not known, and claiming CNY for a
// Taiwanese report would be wrong.
func yuanUnit(lang, text string) string {
	if scriptOf(lang) != scriptHant {
		return "CNY"
	}
	var c yuanCount
	c.add(text)
	return c.unit(lang)
}

// yuanUnitOf is yuanUnit of the document's text (DocumentText), counted a
// block at a time rather than built (no marker spans two blocks).
func yuanUnitOf(lang string, d *convert.Document) string {
	if scriptOf(lang) != scriptHant {
		return "CNY"
	}
	var c yuanCount
	for _, bl := range d.Blocks {
		c.add(convert.BlockText(bl))
	}
	return c.unit(lang)
}

// yuanCount counts the currency markers of a text.
type yuanCount struct{ twd, hkd, cny int }

func (c *yuanCount) add(text string) {
	count := func(ms []string) int {
		n := 0
		for _, m := range ms {
			n += strings.Count(text, m)
		}
		return n
	}
	c.twd += count(twdMarkers)
	c.hkd += count(hkdMarkers)
	c.cny += count(cnyMarkers)
}

func (c *yuanCount) unit(lang string) string {
	twd, hkd, cny := c.twd, c.hkd, c.cny
	switch {
	case twd > hkd && twd > cny:
		return "TWD"
	case hkd > twd && hkd > cny:
		return "HKD"
	case cny > twd && cny > hkd:
		return "CNY"
	}
	l := strings.ToLower(lang)
	switch {
	case l == "zh-tw" || strings.HasPrefix(l, "zh-tw-") || strings.HasPrefix(l, "zh-hant-tw"):
		return "TWD"
	case l == "zh-hk" || strings.HasPrefix(l, "zh-hk-") || strings.HasPrefix(l, "zh-hant-hk"):
		return "HKD"
	}
	return "元"
}
