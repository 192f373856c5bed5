package text

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/docconv/docconv/convert"
)

// Layout says how paragraphs are laid out in a plain-text input.
type Layout int

// Layouts. LayoutAuto (the zero value) detects the layout per document.
const (
	// LayoutAuto detects the layout (see the package documentation).
	LayoutAuto Layout = iota
	// LayoutLines: every non-blank line is a paragraph (CJK news style).
	LayoutLines
	// LayoutWrapped: paragraphs are blocks of hard-wrapped lines separated
	// by blank lines (English e-mail style); the lines of a block are joined.
	LayoutWrapped
)

// String returns "auto", "lines" or "wrapped".
func (l Layout) String() string {
	switch l {
	case LayoutLines:
		return "lines"
	case LayoutWrapped:
		return "wrapped"
	}
	return "auto"
}

// HeadingLevel is the level given to headings the reader recognises by
// their shape (Markdown-style "#" lines keep their own level). It is one
// below the document title, which every written document has (the pipeline
// falls back to the file name).
const HeadingLevel = 2

// Reader reads plain-text articles. The zero value detects everything
// (layout, title, headings, enumerated lead-ins); the fields turn parts of
// the detection off. A Reader is safe for concurrent use.
type Reader struct {
	// Layout forces a paragraph layout; LayoutAuto detects it.
	Layout Layout
	// NoHeadings keeps short stand-alone lines as paragraphs ("#" lines
	// are still headings).
	NoHeadings bool
	// NoLeadIns leaves enumerated points ("一是…。", "First, …") as plain
	// text instead of giving their first sentence a *convert.Strong.
	NoLeadIns bool
	// NoTitle keeps a headline-like first line as a block instead of taking
	// it as Meta.Title (front matter and "%" title blocks are always read),
	// and leaves a byline after it in the text.
	NoTitle bool
	// Report receives the warning about empty input; nil discards it.
	Report *convert.Report
	// Strict makes empty input an error (wrapping convert.ErrInvalidInput
	// and convert.ErrStrict) instead of an empty document and a warning.
	Strict bool
}

// Read implements convert.Reader.
func (r *Reader) Read(ctx context.Context, in io.Reader) (*convert.Document, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// One buffer of the input's size when it tells it (convert.Read
	// passes a bytes.Reader), owned here: the document's strings share it
	// rather than a copy (a 24 MB input took 100 MB to read).
	src, err := convert.ReadAll(ctx, in, -1)
	if err != nil {
		return nil, err
	}
	return r.parseOwned(src, false)
}

// Parse reads a document from src (see the package documentation for the
// rules). Invalid UTF-8 is kept as is: clean-up is the normalize package's
// job. Errors wrap convert.ErrInvalidInput: binary input (see the package
// documentation), empty input in strict mode, and malformed front matter
// (a *convert.Error with the line set).
func (r *Reader) Parse(src []byte) (*convert.Document, error) {
	return r.parse(src, false)
}

// parse is Parse; metaOnly stops once the metadata is known (the
// document then has no blocks).
func (r *Reader) parse(src []byte, metaOnly bool) (*convert.Document, error) {
	return r.parseOwned(bytes.Clone(src), metaOnly)
}

// parseOwned is parse of a src that nothing else holds or changes: the
// document's text is a string sharing its bytes.
func (r *Reader) parseOwned(src []byte, metaOnly bool) (*convert.Document, error) {
	if r == nil {
		r = &Reader{}
	}
	if why := convert.SniffBinary(src); why != "" {
		return nil, fmt.Errorf("text: %w: %s", convert.ErrInvalidInput, why)
	}
	s := unsafe.String(unsafe.SliceData(src), len(src))
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.TrimFunc(s, unicode.IsSpace) == "" {
		if r.Strict {
			return nil, fmt.Errorf("text: %w: %w: input is empty", convert.ErrInvalidInput, convert.ErrStrict)
		}
		r.Report.Warn("input is empty")
		return &convert.Document{}, nil
	}
	raw := strings.Split(s, "\n")
	if len(raw) > 0 && raw[len(raw)-1] == "" {
		raw = raw[:len(raw)-1]
	}
	d := &convert.Document{}
	start, err := readHeader(raw, &d.Meta)
	if err != nil {
		return nil, err
	}
	convert.WarnSourceDate(r.Report, "text", &d.Meta)
	lines := make([]line, 0, len(raw)-start)
	for i := start; i < len(raw); i++ {
		l := raw[i]
		// A form feed (U+000C) is a page break: the text before it on
		// its line, if any, is a line of its own, and so is the text
		// after it.
		split := false
		for {
			k := strings.IndexByte(l, '\f')
			if k < 0 {
				break
			}
			if t := strings.TrimSpace(l[:k]); t != "" {
				lines = append(lines, line{text: t, no: i + 1, indent: indented(l[:k])})
			}
			lines = append(lines, line{no: i + 1, pageBreak: true})
			l, split = l[k+1:], true
		}
		t := strings.TrimSpace(l)
		if split && t == "" {
			continue
		}
		lines = append(lines, line{text: t, no: i + 1, indent: t != "" && indented(l)})
	}
	lines = setext(lines)
	p := parser{r: r, lines: lines}
	if start == 3 && emptyTitleBlock(raw) {
		// An empty title block says the text has no title: take every line
		// as text (the Writer writes one when a line would otherwise be
		// taken for metadata).
		rr := *r
		rr.NoTitle = true
		p.r = &rr
	}
	layout := r.Layout
	if layout == LayoutAuto {
		layout = detectLayout(lines)
	}
	if layout == LayoutWrapped {
		p.hanLatinSpace = hanLatinSpacing(s)
		p.unitsWrapped()
	} else {
		p.unitsLines()
	}
	p.title(&d.Meta, layout)
	p.footer(&d.Meta)
	if metaOnly {
		return d, nil
	}
	if !r.NoHeadings {
		p.headings()
	} else {
		for i := range p.units {
			if p.units[i].setext != 0 { // a setext heading is marked as "#" is
				p.units[i].level = HeadingLevel
			}
		}
	}
	d.Blocks = p.blocks()
	return d, nil
}

type line struct {
	text string // trimmed
	no   int    // 1-based line number in the input
	// indent: the line starts with a space, a tab or U+3000 (a first-line
	// paragraph indent in the wrapped layout).
	indent bool
	// pageBreak: the line is a form feed (text is empty). It separates
	// blocks as a blank line does, and is a page break.
	pageBreak bool
	// setext is the underline character of a setext heading (see setext).
	setext rune
}

func indented(s string) bool {
	return strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\t") || strings.HasPrefix(s, "\u3000")
}

// bulletSymbols are the line-start marks that make list items without a
// following space, in runs of two or more lines with the same mark.
const bulletSymbols = "•・●○◦▪▫■□▲△▶►▸◆◇★☆◎"

// symbolBullet returns the mark and the item text of a line starting with
// one of bulletSymbols (a space after it is optional).
func symbolBullet(s string) (rune, string, bool) {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !strings.ContainsRune(bulletSymbols, r) {
		return 0, "", false
	}
	rest := strings.TrimLeft(s[n:], " \t\u3000")
	if rest == "" {
		return 0, "", false
	}
	if r2, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune(bulletSymbols, r2) {
		return 0, "", false // "■■■", "★★★☆☆"
	}
	return r, rest, true
}

// symbolItems marks the lines of texts (consecutive non-blank lines) that
// are in a run of two or more lines starting with the same bullet symbol,
// or next to an unordered list item ("- item", "• item"): the Writer writes every
// bullet as "• ", so "•text" after "- item" must read as an item both
// before and after a round trip.
func symbolItems(texts []string) []bool {
	mark := make([]rune, len(texts))
	item := make([]bool, len(texts))
	for i, t := range texts {
		if r, _, ok := symbolBullet(t); ok {
			mark[i] = r
		}
		ordered, _, _, ok := listItem(t)
		item[i] = ok && !ordered // "1. item" is written back as it is, never as "•"
	}
	// Neighbours are looked for across rule lines: the Writer writes no
	// rule, so "- a", "---", "•b" must read as it reads without the rule.
	rule := make([]bool, len(texts))
	for i, t := range texts {
		rule[i] = mark[i] == 0 && !item[i] && isRule(t)
	}
	out := make([]bool, len(texts))
	prev := -1 // the nearest line before i that is no rule
	for i := range texts {
		if mark[i] != 0 {
			next := i + 1
			for next < len(texts) && rule[next] {
				next++
			}
			if prev >= 0 && (mark[prev] == mark[i] || item[prev]) || next < len(texts) && (mark[next] == mark[i] || item[next]) {
				out[i] = true
			}
		}
		if !rule[i] {
			prev = i
		}
	}
	return out
}

// symbolUnit makes a list item of a line symbolItems marked.
func symbolUnit(s string) unit {
	_, rest, _ := symbolBullet(s)
	r, _ := utf8.DecodeRuneInString(s)
	return unit{kind: uItem, text: rest, lines: 1, mark: r}
}

type unitKind int

const (
	uPara unitKind = iota
	uHeading
	uItem
	uRow
	uRule
	uBreak // a page break (form feed)
)

// unit is a paragraph-level piece before grouping into blocks.
type unit struct {
	kind        unitKind
	text        string
	lines       int    // source lines joined into text
	blankBefore bool   // a blank line precedes it
	blankAfter  bool   // a blank line follows it
	level       int    // headings
	ordered     bool   // list items
	num         int    // ordered list item number
	explicit    bool   // a "#" heading
	mark        rune   // bullet symbol of an unordered item (0 for - * +)
	setext      rune   // underline character of a setext heading
	toc         bool   // a line of a table of contents (never a heading)
	verse       bool   // a line over an indented shorter line of its block (never a heading)
	buf         []byte // the bytes text views while lines are joined (join)
}

// join appends sep and line to the unit's text, dropping its final
// hyphen first when hyph is set. The text grows in a buffer it views
// without copying: joining the lines of a hard-wrapped paragraph one
// string at a time cost the square of its length (a title over 20,000
// lines without a blank line took 1.4 s to read, 10,000 lines 16 ms). The
// bytes a text already showed are never written over, except the hyphen
// dropped from the text being replaced.
func (u *unit) join(sep, line string, hyph bool) {
	if len(u.buf) != len(u.text) || len(u.buf) == 0 || unsafe.SliceData(u.buf) != unsafe.StringData(u.text) {
		u.buf = append(make([]byte, 0, 2*(len(u.text)+len(sep)+len(line))), u.text...)
	}
	if hyph && len(u.buf) > 0 {
		u.buf = u.buf[:len(u.buf)-1]
	} else {
		u.buf = append(u.buf, sep...)
	}
	u.buf = append(u.buf, line...)
	u.text = unsafe.String(unsafe.SliceData(u.buf), len(u.buf))
}

type parser struct {
	r             *Reader
	lines         []line
	units         []unit
	hanLatinSpace bool
	words         map[string]bool // lower-cased words of the input, built on demand
}

// unitsLines makes every non-blank line a unit.
func (p *parser) unitsLines() {
	var texts []string
	for _, l := range p.lines {
		if l.text != "" {
			texts = append(texts, l.text)
		}
	}
	items := symbolItems(texts)
	k := 0
	blank := false
	for _, l := range p.lines {
		if l.text == "" {
			blank = true
			if n := len(p.units); n > 0 {
				p.units[n-1].blankAfter = true
			}
			if l.pageBreak {
				p.units = append(p.units, unit{kind: uBreak, blankBefore: true, blankAfter: true})
			}
			continue
		}
		u := classify(l.text)
		if items[k] && u.kind == uPara {
			u = symbolUnit(l.text)
		}
		if l.setext != 0 {
			u = unit{kind: uHeading, text: l.text, lines: 1, explicit: true, setext: l.setext}
		}
		k++
		u.blankBefore = blank
		blank = false
		p.units = append(p.units, u)
	}
}

// unitsWrapped joins the lines of each blank-separated block.
func (p *parser) unitsWrapped() {
	blank := false
	for i := 0; i < len(p.lines); {
		if p.lines[i].text == "" {
			blank = true
			if n := len(p.units); n > 0 {
				p.units[n-1].blankAfter = true
			}
			if p.lines[i].pageBreak {
				p.units = append(p.units, unit{kind: uBreak, blankBefore: true, blankAfter: true})
			}
			i++
			continue
		}
		j := i
		for j < len(p.lines) && p.lines[j].text != "" {
			j++
		}
		block := p.lines[i:j]
		allRows := len(block) > 1
		for _, l := range block {
			allRows = allRows && strings.Contains(l.text, "\t")
		}
		texts := make([]string, len(block))
		for k, l := range block {
			texts[k] = l.text
		}
		items := symbolItems(texts)
		first := len(p.units)
		if len(block) == 2 && block[0].setext == 0 && twoLineHeading(texts[0], texts[1]) {
			// "CHAPTER I." over "Down the Rabbit-Hole": one heading line.
			p.units = append(p.units, unit{kind: uPara, text: texts[0] + " " + texts[1], lines: 1, blankBefore: blank})
			blank = false
			i = j
			continue
		}
		toc := len(block) >= 2
		for _, t := range texts {
			toc = toc && shapeOf(t) != shNone && shapeOf(t) == shapeOf(texts[0])
		}
		for k, l := range block {
			u := classify(l.text)
			if l.setext != 0 {
				u = unit{kind: uHeading, text: l.text, lines: 1, explicit: true, setext: l.setext}
			} else if toc && u.kind == uPara {
				// A table of contents: one line per entry, none a heading.
				u.toc = true
				p.units = append(p.units, u)
				continue
			}
			if allRows {
				u = unit{kind: uRow, text: l.text, lines: 1}
			} else if items[k] && u.kind == uPara {
				u = symbolUnit(l.text)
			}
			// An indented line after an unindented one starts a paragraph
			// (first-line indent, as in Chinese 　　 layout).
			newPara := l.indent && !block[k-min(k, 1)].indent
			if newPara && k > 0 && u.kind == uPara {
				// An indented line no wider than the one-line paragraph
				// before it is verse ("He sent them word I had not gone"
				// over "    (We know it to be true):"), not a heading over
				// its first-line indented paragraph.
				if prev := &p.units[len(p.units)-1]; prev.kind == uPara && prev.lines == 1 &&
					displayWidthCap(l.text, displayWidth(prev.text)+1) <= displayWidth(prev.text) {
					prev.verse = true
				}
			}
			if k > 0 && !allRows && u.kind == uPara && !(newPara && p.units[len(p.units)-1].kind == uPara) {
				if prev := &p.units[len(p.units)-1]; prev.kind == uPara || prev.kind == uItem {
					sep, hyph := joinSep(prev.text, l.text, p.hanLatinSpace), p.softHyphen(prev.text, l.text)
					if prev.kind != uPara || prev.lines > 1 {
						prev.join(sep, l.text, hyph)
						prev.lines++
						continue
					}
					joined := prev.text + sep + l.text
					if hyph {
						joined = prev.text[:len(prev.text)-1] + l.text
					}
					// A paragraph must not begin like a marked line ("#"
					// then "0" would read back as the heading "# 0"): only
					// its start matters, so only the first join is checked.
					if classify(joined).kind == uPara {
						prev.text = joined
						prev.lines++
						continue
					}
				}
			}
			p.units = append(p.units, u)
		}
		p.units[first].blankBefore = blank
		blank = false
		i = j
	}
}

// classify recognises the explicit line kinds: rules, "#" headings, list
// items and tab-separated rows; everything else is a paragraph line.
func classify(s string) unit {
	// A line of "=", "~" or "^" not under a heading (setext) is a rule
	// too: decoration, which the writer leaves out like a rule.
	if isRule(s) || underline(s) != 0 {
		return unit{kind: uRule, lines: 1}
	}
	if lvl, t, ok := atxHeading(s); ok {
		return unit{kind: uHeading, text: t, level: lvl, explicit: true, lines: 1}
	}
	if ordered, num, rest, ok := listItem(s); ok {
		u := unit{kind: uItem, text: rest, ordered: ordered, num: num, lines: 1}
		if r, _ := utf8.DecodeRuneInString(s); !ordered && strings.ContainsRune(bulletSymbols, r) {
			u.mark = r
		}
		return u
	}
	if strings.Contains(s, "\t") {
		return unit{kind: uRow, text: s, lines: 1}
	}
	return unit{kind: uPara, text: s, lines: 1}
}

// isRule reports a thematic break: three or more of the same character
// among - * _ (spaces allowed between them), as in Markdown, or a line of
// three or more "#" ("###", "# # #": the end mark of a press release).
func isRule(s string) bool {
	if len(s) < 3 || (s[0] != '-' && s[0] != '*' && s[0] != '_' && s[0] != '#') {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case s[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// atxHeading recognises "# Heading" lines (1–6 "#", then a space).
func atxHeading(s string) (int, string, bool) {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n >= len(s) || (s[n] != ' ' && s[n] != '\t') {
		return 0, "", false
	}
	t := strings.TrimSpace(s[n:])
	// Optional closing sequence of "#" preceded by a space.
	if k := strings.TrimRight(t, "#"); k != t && (k == "" || strings.HasSuffix(k, " ")) {
		t = strings.TrimSpace(k)
	}
	if t == "" {
		return 0, "", false
	}
	// A line whose text after the marker is itself marked ("# # Title",
	// "# - item", "# ---") is a paragraph, kept whole: the text writer
	// prints headings without their marker, so such a heading would read
	// back as a heading of another level, a list item or a rule.
	if _, _, ok := atxHeading(t); ok || isRule(t) || underline(t) != 0 {
		return 0, "", false
	}
	if _, _, _, ok := listItem(t); ok {
		return 0, "", false
	}
	if _, _, ok := symbolBullet(t); ok {
		// "# •0" then "•0": the heading written "•0" would read back as
		// an item of a list with the next line.
		return 0, "", false
	}
	return n, t, true
}

// listItem recognises "• item", "- item", "* item", "・ item" and
// "12. item" / "12) item" lines (a space after the marker is required).
func listItem(s string) (ordered bool, num int, rest string, ok bool) {
	for _, b := range []string{"• ", "- ", "* ", "+ ", "・ ", "● ", "▪ ", "◦ "} {
		if strings.HasPrefix(s, b) {
			if rest = strings.TrimSpace(s[len(b):]); rest != "" {
				return false, 0, rest, true
			}
			return false, 0, "", false
		}
	}
	i := 0
	for i < len(s) && i < 4 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 3 || i+1 >= len(s) || (s[i] != '.' && s[i] != ')') || s[i+1] != ' ' {
		return false, 0, "", false
	}
	num, _ = strconv.Atoi(s[:i])
	if rest = strings.TrimSpace(s[i+1:]); rest == "" {
		return false, 0, "", false
	}
	return true, num, rest, true
}

// detectLayout decides between one-paragraph-per-line and hard-wrapped
// blocks: wrapped text has blank lines, lines of bounded width (at most 160
// columns for nine lines in ten), and most lines that are followed by
// another line of the same block are wide and do not end a sentence.
func detectLayout(lines []line) Layout {
	var blanks, nonBlank, wide, interior, cont, ind int
	var widths []int
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		w := displayWidthCap(l.text, 161)
		widths = append(widths, w)
		nonBlank++
		if l.indent {
			ind++
		}
		if w > 160 {
			wide++
		}
	}
	if nonBlank == 0 || wide*10 > nonBlank {
		return LayoutLines
	}
	w90 := percentile90(widths)
	// Paragraphs marked by a first-line indent: some lines are indented,
	// others not.
	indentMarks := ind > 0 && ind < nonBlank
	seen := false
	for i, l := range lines {
		if l.text == "" {
			// A form feed is no blank line: the writer puts one between
			// paragraphs of either layout.
			if seen && !l.pageBreak {
				blanks++
			}
			continue
		}
		seen = true
		if i+1 >= len(lines) || lines[i+1].text == "" || indentMarks && lines[i+1].indent && !l.indent {
			continue
		}
		if u := classify(l.text); u.kind != uPara {
			continue
		}
		interior++
		if w := displayWidthCap(l.text, 161); w*2 >= w90 && w >= 20 && !endsSentence(l.text) {
			cont++
		}
	}
	if blanks == 0 && !indentMarks || interior == 0 || cont*2 < interior {
		return LayoutLines
	}
	return LayoutWrapped
}

func percentile90(ws []int) int {
	c := slices.Clone(ws)
	slices.Sort(c)
	return c[(len(c)-1)*9/10]
}

// title takes a headline-like first line as the title (see titleLike):
// when a blank line follows it, or, in the one-paragraph-per-line layout,
// when it is clearly a headline (see titleWithoutBlank). A first line
// repeating the front matter's title is dropped. A byline right after (or
// at the start) fills Meta.Authors when the header gave none.
func (p *parser) title(m *convert.Meta, layout Layout) {
	if len(p.units) < 2 {
		return
	}
	u := p.units[0]
	if m.Title == "" && !p.r.NoTitle && u.kind == uPara && salutation(u.text) {
		// "報道関係者各位" heads a press release: the title is the next line.
		p.units = p.units[1:]
		p.title(m, layout)
		p.units = append([]unit{u}, p.units...)
		return
	}
	switch {
	case m.Title != "":
		if (u.kind == uPara || u.kind == uHeading) && u.text == m.Title {
			p.units = p.units[1:]
		}
	case p.r.NoTitle || u.kind != uPara || u.lines != 1 || !titleLike(u.text) || p.firstOfClass():
		// Not a headline, or the first of the document's chapters.
	case u.blankAfter || layout == LayoutLines && p.titleWithoutBlank():
		m.Title = u.text
		p.units = p.units[1:]
		if m.Subtitle == "" && p.subtitle() {
			m.Subtitle = p.units[0].text
			p.units = p.units[1:]
		}
	}
	if p.r.NoTitle || len(m.Authors) > 0 || len(p.units) < 2 {
		return
	}
	if u := p.units[0]; u.kind == uPara && u.lines == 1 {
		if names := byline(u.text); names != nil {
			m.Authors = names
			p.units = p.units[1:]
		}
	}
}

// subtitle reports whether the first unit, right after a title taken from
// the text, is a subtitle: one headline-like line (see titleLike, so no
// final punctuation other than ？！), not a byline or credit, not starting
// with 【, [ or a bullet symbol (section labels), followed by a
// paragraph wider than it, and either too long for a section heading (see
// headingLike) or the document has no other unnumbered heading (else the
// line is the first section heading).
func (p *parser) subtitle() bool {
	if len(p.units) < 2 {
		return false
	}
	u, next := p.units[0], p.units[1]
	if u.kind == uPara && u.lines == 1 && strings.HasPrefix(u.text, "——") && attribution(u.text) && !endsSentence(u.text) {
		// "——2024年3月5日在第十四届全国人民代表大会第二次会议上": the
		// dash line under a Chinese report's or speech's title.
		return true
	}
	if u.kind != uPara || u.lines != 1 || !titleLike(u.text) || endsSentence(u.text) {
		return false
	}
	if _, ok := credit(u.text); ok {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(u.text); strings.ContainsRune("【［[", r) || strings.ContainsRune(bulletSymbols, r) {
		return false // a section label: 【交通指南】, ■商品概要
	}
	w := displayWidth(u.text)
	if next.kind != uPara || displayWidthCap(next.text, w+1) <= w {
		return false
	}
	if !headingLike(u.text) {
		return true // too long for a section heading
	}
	for i, h := range p.detect(true) {
		if i > 0 && h.heading && h.style == shNone {
			return false
		}
	}
	return true
}

// articleLabel returns the length of a statute article label "第一条",
// "第12条" (Japanese too) that is followed by a space or U+3000 and more
// text, else 0.
func articleLabel(s string) int {
	rest, ok := strings.CutPrefix(s, "第")
	if !ok {
		return 0
	}
	i := 0
	for _, r := range rest {
		if !strings.ContainsRune("〇零一二三四五六七八九十百千0123456789０１２３４５６７８９", r) {
			break
		}
		i += utf8.RuneLen(r)
	}
	if i == 0 || !strings.HasPrefix(rest[i:], "条") {
		return 0
	}
	k := len("第") + i + len("条")
	after := s[k:]
	if t := strings.TrimLeft(after, " \u3000"); t == after || t == "" {
		return 0
	}
	return k
}

// salutation reports a Japanese addressee line such as 報道関係者各位 or
// お客様各位 (at most 20 characters, ending in 各位, 各位様 or 各位殿).
func salutation(s string) bool {
	if utf8.RuneCountInString(s) > 20 {
		return false
	}
	for _, suf := range []string{"各位", "各位様", "各位殿"} {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// titleWithoutBlank reports whether a headline-like first line followed
// directly by text is the title: the next two blocks are paragraphs wider
// than it that are not heading-like, and no other unnumbered line of the
// document is a heading (else the first line is the first of the
// document's section headings).
func (p *parser) titleWithoutBlank() bool {
	if len(p.units) < 3 {
		return false
	}
	// Ignoring the blank lines (loose), so that the decision does not change
	// when the text writer's output (no blank lines) is read back.
	shaped := false
	for i, h := range p.detect(true) {
		if i > 0 && h.heading && h.style == shNone {
			return false
		}
		shaped = shaped || i > 0 && h.heading
	}
	w := displayWidth(p.units[0].text)
	if next := p.units[1]; shaped && next.kind == uPara && (displayWidthCap(next.text, w+1) > w || attribution(next.text)) {
		// A report whose sections are numbered (一、…, （一）…): its
		// headline, over a wider line or a "——" line, is the title.
		return true
	}
	for _, u := range p.units[1:3] {
		if u.kind != uPara || headingLike(u.text) || displayWidthCap(u.text, w+1) <= w {
			return false
		}
	}
	return true
}

// firstOfClass reports whether the first unit is a heading of a shape the
// document uses for two headings or more (第一章 of a novel, CHAPTER I.):
// it is the first chapter, not the title.
func (p *parser) firstOfClass() bool {
	heads, _ := p.classes()
	if len(heads) == 0 || heads[0] == shNone {
		return false
	}
	for _, k := range heads[1:] {
		if k == heads[0] {
			return true
		}
	}
	return false
}

// titleLike reports whether s has the shape of a headline: at most 40
// characters when at least half of them are wide (Han, kana, Hangul,
// fullwidth forms), else at most 100 characters and 20 words, not counting
// spaces (Korean and Japanese headlines have them); a letter; no 。 and no
// ending (before closing quotes or brackets) in 。.，,：:；;、 (a final ？ or
// ！ is allowed); not starting in lower case; not an enumerated point, a
// numbered section title (一、) or a byline.
func titleLike(s string) bool {
	if s == "" || strings.ContainsRune(s, '。') || isEnumerated(s) || byline(s) != nil {
		return false
	}
	if _, ok := credit(s); ok {
		return false
	}
	if st, _ := numbering(s); st != numNone {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(trimClosers(s))
	if strings.ContainsRune("。.，,：:；;、", last) {
		return false
	}
	n, wide, letter := measure(s)
	if !letter {
		return false
	}
	if wide*2 >= n {
		return n <= 40
	}
	first, _ := utf8.DecodeRuneInString(s)
	return n <= 100 && len(strings.Fields(s)) <= 20 && !unicode.IsLower(first)
}

// measure counts the characters of s that are not white space, the wide
// ones among them, and reports whether s has a letter.
func measure(s string) (n, wide int, letter bool) {
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		n++
		if isWide(r) {
			wide++
		}
		letter = letter || unicode.IsLetter(r)
	}
	return n, wide, letter
}

// headInfo is what detect decides about a unit.
type headInfo struct {
	heading bool
	style   lineShape // shape of a heading of a shape class (see classes)
}

// detect finds the paragraph lines that are headings (see the package
// documentation): lines of a shape that makes headings in this document
// first (see classes), then other short lines. loose drops the condition
// on the line before an unnumbered heading.
func (p *parser) detect(loose bool) []headInfo {
	us := p.units
	out := make([]headInfo, len(us))
	heads, _ := p.classes()
	for i, k := range heads {
		if k != shNone {
			out[i] = headInfo{heading: true, style: k}
		}
	}
	short := func(i int) bool {
		u := us[i]
		return u.kind == uPara && u.lines == 1 && !u.toc && !u.verse && headingLike(u.text)
	}
	for i := 0; i+1 < len(us); i++ {
		if out[i].heading || !short(i) {
			continue
		}
		if shapeOf(us[i].text) != shNone || dateLine(us[i].text) || attribution(us[i].text) {
			continue // its shape decided, or a date or a credit
		}
		next := us[i+1]
		w := displayWidth(us[i].text)
		if next.kind == uRule || next.kind == uBreak || next.kind == uHeading || out[i+1].heading || short(i+1) ||
			displayWidthCap(next.text, w+1) <= w {
			continue
		}
		if !loose && i > 0 && short(i-1) && !out[i-1].heading && !us[i].blankBefore {
			continue
		}
		out[i].heading = true
	}
	return out
}

// headings turns the lines detect finds into headings. Unnumbered ones get
// HeadingLevel; those of a shape HeadingLevel, +1, +2… in the order of the
// shapes the document uses for headings (a part, a chapter 第一章, a
// version, 第一节, 一、 or a line in capitals or a number alone, （一）,
// 1., （1）; shapes of one rank in the order they first appear), at most
// 6. Setext headings get their own levels (see setextLevels).
func (p *parser) headings() {
	hs := p.detect(false)
	var styles []lineShape
	first := map[lineShape]int{}
	for i, h := range hs {
		if h.heading && h.style != shNone && !slices.Contains(styles, h.style) {
			styles = append(styles, h.style)
			first[h.style] = i
		}
	}
	slices.SortStableFunc(styles, func(a, b lineShape) int {
		if ra, rb := shapeRank(a), shapeRank(b); ra != rb {
			return ra - rb
		}
		return first[a] - first[b]
	})
	for i, h := range hs {
		if !h.heading {
			continue
		}
		p.units[i].kind = uHeading
		p.units[i].level = HeadingLevel
		if h.style != shNone {
			p.units[i].level = min(HeadingLevel+slices.Index(styles, h.style), 6)
		}
	}
	p.setextLevels()
}

// headingLike reports whether s has the shape of a heading: short (24
// characters in CJK text, 60 characters and 10 words otherwise), with a
// letter, no sentence-final or clause punctuation at the end or sentence
// punctuation inside, not an enumerated point or a byline, and (Latin
// text) not starting in lower case.
func headingLike(s string) bool {
	return headingShape(s, 24)
}

// headingShape is headingLike with cjkMax characters allowed in CJK text.
func headingShape(s string, cjkMax int) bool {
	if s == "" || isEnumerated(s) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(trimClosers(s))
	if strings.ContainsRune("。！？.!?；;：:，,、—–―－-", last) {
		return false // a sentence, a clause, or speech broken off ("Twinkle, twinkle—’”")
	}
	var n, wide int
	hasLetter := false
	for _, r := range s {
		n++
		if isWide(r) {
			wide++
		}
		if unicode.IsLetter(r) {
			hasLetter = true
		}
		if r == '。' || r == '！' || r == '？' {
			return false
		}
	}
	if !hasLetter || n <= 40 && (byline(s) != nil || salutation(s)) {
		return false
	}
	if _, ok := credit(s); ok {
		return false
	}
	if wide*2 >= n {
		return n <= cjkMax
	}
	if n > 60 || len(strings.Fields(s)) > 10 || strings.Contains(s, ". ") || openQuote(s) || fieldLine(s) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	return !unicode.IsLower(first)
}

// openQuote reports a line starting with a quotation mark: dialogue or
// a quoted line of verse or a letter ("“How doth the little crocodile",
// "\"CAROLINE BINGLEY\""), never a heading in Latin text.
func openQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("“\"‘'«„‚‹", r)
}

// fieldLabels are the labels of the "Label: value" lines of a book's or
// an e-book's front matter (Project Gutenberg's "Credits: …").
var fieldLabels = []string{"author", "authors", "credits", "credit", "editor", "illustrator", "language",
	"posting date", "release date", "most recently updated", "produced by", "source", "title",
	"translator", "transcriber", "contributors", "character set encoding", "original publication"}

// fieldLine reports a "Label: value" line of front matter ("Credits:
// Arthur DiBianca and David Widger", "Release date: …"), never a heading.
func fieldLine(s string) bool {
	label, value, ok := strings.Cut(s, ": ")
	return ok && strings.TrimSpace(value) != "" && slices.Contains(fieldLabels, strings.ToLower(strings.TrimSpace(label)))
}

// trimClosers drops trailing closing quotes and brackets.
func trimClosers(s string) string {
	return strings.TrimRight(s, "”’」』）)]】》〉\"'")
}

// endsSentence reports whether s ends with sentence-final punctuation
// (possibly followed by closing quotes or brackets).
func endsSentence(s string) bool {
	last, _ := utf8.DecodeLastRuneInString(trimClosers(s))
	return strings.ContainsRune("。！？.!?…", last)
}

// blocks groups units into the model's blocks.
func (p *parser) blocks() []convert.Block {
	var out []convert.Block
	us := p.units
	// Every unit's text in an allocation of its own, not a piece of the
	// whole input: a clean-up transform that rewrites a paragraph (full
	// width punctuation) then lets the old text go, where a piece would
	// keep the whole input alive (10 M characters held 24 MB twice).
	for i := range us {
		us[i].text = strings.Clone(us[i].text)
	}
	for i := 0; i < len(us); i++ {
		u := us[i]
		switch u.kind {
		case uRule:
			// Lines of stars or dashes in a row, blank lines between, are
			// one break ("*  *  *" three times in a Gutenberg text).
			if i == 0 || us[i-1].kind != uRule {
				out = append(out, &convert.Rule{})
			}
		case uBreak:
			out = append(out, &convert.PageBreak{})
		case uHeading:
			out = append(out, &convert.Heading{Level: u.level, Inlines: textInlines(u.text)})
		case uItem:
			l := &convert.List{Ordered: u.ordered, Tight: true}
			if u.ordered && u.num != 1 {
				l.Start = u.num
			}
			j := i
			for ; j < len(us) && us[j].kind == uItem && us[j].ordered == u.ordered && us[j].mark == u.mark &&
				(!u.ordered || us[j].num == u.num+(j-i)); j++ {
				if j > i && us[j].blankBefore {
					l.Tight = false
				}
				l.Items = append(l.Items, []convert.Block{&convert.Paragraph{Inlines: textInlines(us[j].text)}})
			}
			out = append(out, l)
			i = j - 1
		case uRow:
			j := i
			for j < len(us) && us[j].kind == uRow && (j == i || !us[j].blankBefore) {
				j++
			}
			if j-i < 2 {
				out = append(out, p.paragraph(u.text))
				continue
			}
			t := &convert.Table{}
			for _, r := range us[i:j] {
				var row []convert.Cell
				for _, c := range strings.Split(r.text, "\t") {
					row = append(row, textInlines(c))
				}
				t.Rows = append(t.Rows, row)
			}
			out = append(out, t)
			i = j - 1
		default:
			out = append(out, p.paragraph(u.text))
		}
	}
	return out
}

func textInlines(s string) []convert.Inline {
	if s == "" {
		return nil
	}
	return []convert.Inline{&convert.Text{Text: s}}
}

// paragraph makes a paragraph, giving an enumerated point's first sentence
// a Strong lead-in: after 一是, 第一，, First, … always; after a number
// (一、, （一）, 1. , 1、, (1)) only when more text follows the sentence.
func (p *parser) paragraph(s string) *convert.Paragraph {
	if !p.r.NoLeadIns {
		end := 0
		if k := articleLabel(s); k > 0 {
			end = k
		} else if isEnumerated(s) {
			end = firstSentenceEnd(s)
		} else if st, k := numbering(s); st >= numHan {
			if e := firstSentenceEnd(s[k:]); e > 0 && k+e < len(s) {
				end = k + e
			}
		}
		if end > 0 {
			ins := []convert.Inline{&convert.Strong{Inlines: []convert.Inline{&convert.Text{Text: s[:end]}}}}
			if end < len(s) {
				ins = append(ins, &convert.Text{Text: s[end:]})
			}
			return &convert.Paragraph{Inlines: ins}
		}
	}
	return &convert.Paragraph{Inlines: textInlines(s)}
}

// hanLatinSpacing reports whether the text separates Han/kana from Latin
// letters and digits with a space ("使用 API 接口") more often than not
// ("使用API接口"); wrapped lines are joined the same way.
func hanLatinSpacing(s string) bool {
	var spaced, tight int
	var p2, p1 rune // two runes back, one back
	for _, r := range s {
		switch {
		case p1 == ' ' && (isHanKana(p2) && isLatinAlnum(r) || isLatinAlnum(p2) && isHanKana(r)):
			spaced++
		case isHanKana(p1) && isLatinAlnum(r) || isLatinAlnum(p1) && isHanKana(r):
			tight++
		}
		p2, p1 = p1, r
	}
	return spaced > tight
}

// joinSep returns what goes between two hard-wrapped lines a and b of one
// paragraph: nothing between CJK characters (or next to CJK punctuation),
// a space between words of Latin or Hangul text, nothing after a hyphen
// that follows a letter when b starts with a lower-case letter, and between
// Han/kana and Latin the document's own habit (see hanLatinSpacing).
func joinSep(a, b string, hanLatinSpace bool) string {
	l, r := lastSignificant(a), firstSignificant(b)
	lc, rc := noSpaceCJK(l), noSpaceCJK(r)
	switch {
	case lc && rc:
		return ""
	case lc || rc:
		if isHanKana(l) && isLatinAlnum(r) || isLatinAlnum(l) && isHanKana(r) {
			if hanLatinSpace {
				return " "
			}
			return ""
		}
		if lc && !isHanKana(l) || rc && !isHanKana(r) { // CJK punctuation
			return ""
		}
		return " "
	}
	if strings.HasSuffix(a, "-") && len(a) >= 2 && unicode.IsLower(r) {
		if p, _ := utf8.DecodeLastRuneInString(a[:len(a)-1]); unicode.IsLetter(p) {
			return ""
		}
	}
	return " "
}

// softHyphen reports whether the hyphen ending a (after a letter, before a
// lower-case letter starting b) is a soft hyphenation break to drop: only
// when the document itself writes the joined word without a hyphen and
// never with one ("un-" + "changed" when "unchanged" occurs elsewhere).
// Otherwise the hyphen is kept and the lines are joined without a space
// ("well-known"), which is right for compounds and still readable for a
// hyphenation break.
func (p *parser) softHyphen(a, b string) bool {
	if !strings.HasSuffix(a, "-") || len(a) < 2 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(b); !unicode.IsLower(r) {
		return false
	}
	head := a[:len(a)-1]
	i := strings.LastIndexFunc(head, func(r rune) bool { return !unicode.IsLetter(r) }) + 1
	if i < len(head) {
		if _, size := utf8.DecodeRuneInString(head[i:]); i < 0 || size == 0 {
			return false
		}
	}
	left := head[i:]
	if left == "" {
		return false
	}
	j := strings.IndexFunc(b, func(r rune) bool { return !unicode.IsLetter(r) })
	if j < 0 {
		j = len(b)
	}
	right := b[:j]
	if p.words == nil {
		p.words = map[string]bool{}
		for _, l := range p.lines {
			for _, w := range strings.FieldsFunc(l.text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
				if w = strings.Trim(w, "-"); w != "" {
					p.words[strings.ToLower(w)] = true
				}
			}
		}
	}
	joined := strings.ToLower(left + right)
	return p.words[joined] && !p.words[strings.ToLower(left+"-"+right)]
}

// ambiguous are punctuation marks shared by CJK and Latin text (curly
// quotes, dashes, ellipsis): joins look past them.
const ambiguous = "“”‘’\"'…—–·"

// lastSignificant is the last rune of s that is not ambiguous punctuation
// (or the last rune if all are).
func lastSignificant(s string) rune {
	last, _ := utf8.DecodeLastRuneInString(s)
	if t := strings.TrimRight(s, ambiguous); t != "" {
		last, _ = utf8.DecodeLastRuneInString(t)
	}
	return last
}

// firstSignificant is the first rune of s that is not ambiguous
// punctuation (or the first rune if all are).
func firstSignificant(s string) rune {
	first, _ := utf8.DecodeRuneInString(s)
	if t := strings.TrimLeft(s, ambiguous); t != "" {
		first, _ = utf8.DecodeRuneInString(t)
	}
	return first
}

func isHanKana(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3040 && r <= 0x30FF:
		return true
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

func isLatinAlnum(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return r < 0x250 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// noSpaceCJK reports characters of scripts written without spaces between
// words (Han, kana, Bopomofo) and CJK or fullwidth punctuation. Hangul is
// not among them: Korean separates words with spaces.
func noSpaceCJK(r rune) bool {
	switch {
	case isHanKana(r), unicode.Is(unicode.Bopomofo, r):
		return true
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF01 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6:
		return true
	}
	return false
}
