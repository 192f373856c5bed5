package aozora

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/docconv/docconv/convert"
)

// el is one character of a line as read: its ruby group and styles.
type el struct {
	r      rune
	ruby   int // index into line.rubies, -1 when none
	emph   bool
	strong bool
	gaiji  bool // a ※ standing for a character no encoding had: a kanji
}

// line collects the characters of one line of text.
type line struct {
	els    []el
	rubies []string
	// heading is the level of a heading annotation on the line (0: none)
	// and [hs, he) the characters it names.
	heading, hs, he int
}

// parser turns lines into blocks.
type parser struct {
	r      *Reader
	blocks []convert.Block
	// quote collects the blocks of an indented stretch (字下げ); inQuote is
	// set between ここから…字下げ and 字下げ終わり.
	quote   []convert.Block
	inQuote bool
	// range styles that span lines (ここから太字 … ここで太字終わり).
	emph, strong bool
	// rangeHeading is the level of a ［＃大見出し］… range open on the line.
	rangeHeading, rangeStart int
	ruby, dropped, gaiji     int
}

var headingLevels = map[string]int{"大見出し": 2, "中見出し": 3, "小見出し": 4}

// headingKind returns the level of an annotation naming a heading kind
// ("大見出し", "同行中見出し", "窓小見出し"), or 0.
func headingKind(s string) int {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "同行"), "窓")
	return headingLevels[s]
}

// emphKind reports whether s names emphasis dots ("傍点", "白ゴマ傍点",
// "丸傍点"…).
func emphKind(s string) bool {
	return strings.HasSuffix(s, "傍点") && !strings.Contains(s, "左") || s == "斜体"
}

// line reads one line of the body.
func (p *parser) line(raw string, no int) {
	s := strings.TrimRight(raw, " \t\r")
	trimmed := strings.TrimSpace(s)
	// Block annotations alone on their line.
	if a, ok := wholeAnnotation(trimmed); ok {
		switch {
		case a == "改ページ" || a == "改丁" || a == "改段" || a == "改見開き":
			p.flushQuote()
			p.blocks = append(p.blocks, &convert.PageBreak{})
			return
		case strings.HasPrefix(a, "ここから") && strings.Contains(a, "字下げ"):
			p.flushQuote()
			p.inQuote = true
			return
		case strings.HasPrefix(a, "ここで") && strings.HasSuffix(a, "字下げ終わり"):
			p.flushQuote()
			return
		case a == "ここから太字":
			p.strong = true
			return
		case a == "ここで太字終わり":
			p.strong = false
			return
		case strings.HasPrefix(a, "ここから") && emphKind(strings.TrimPrefix(a, "ここから")):
			p.emph = true
			return
		case strings.HasPrefix(a, "ここで") && strings.HasSuffix(a, "傍点終わり"):
			p.emph = false
			return
		}
	}
	if trimmed == "" {
		if !p.inQuote {
			p.flushQuote()
		}
		return
	}
	// A one-line indent: ［＃２字下げ］ at the start.
	indented := false
	if strings.HasPrefix(trimmed, "［＃") {
		if end := strings.Index(trimmed, "］"); end > 0 {
			a := trimmed[len("［＃"):end]
			if strings.HasSuffix(a, "字下げ") && !strings.HasPrefix(a, "ここ") {
				indented = true
				trimmed = trimmed[end+len("］"):]
			}
		}
	}
	l := p.inlines(strings.TrimLeft(trimmed, "　 "))
	var b convert.Block
	if l.heading > 0 && l.coversLine() {
		b = &convert.Heading{Level: l.heading, Inlines: l.build(false)}
	} else {
		ins := l.build(l.heading > 0)
		if len(ins) == 0 {
			return
		}
		b = &convert.Paragraph{Inlines: ins}
	}
	if _, isHeading := b.(*convert.Heading); isHeading {
		// A heading is never indented: its 字下げ places it on the page.
		if !p.inQuote {
			p.flushQuote()
		}
		p.blocks = append(p.blocks, b)
		return
	}
	if p.inQuote || indented {
		p.quote = append(p.quote, b)
		return
	}
	p.flushQuote()
	p.blocks = append(p.blocks, b)
}

// flushQuote ends an indented stretch.
func (p *parser) flushQuote() {
	if len(p.quote) > 0 {
		p.blocks = append(p.blocks, &convert.Quote{Blocks: p.quote})
	}
	p.quote = nil
	p.inQuote = false
}

// wholeAnnotation returns the text of an annotation that is all of s.
func wholeAnnotation(s string) (string, bool) {
	if !strings.HasPrefix(s, "［＃") || !strings.HasSuffix(s, "］") {
		return "", false
	}
	a := s[len("［＃") : len(s)-len("］")]
	if strings.ContainsAny(a, "［］") {
		return "", false
	}
	return a, true
}

// inlines reads the characters, ruby and inline annotations of a line.
func (p *parser) inlines(s string) *line {
	l := &line{}
	rs := []rune(s)
	// next[c][i] is the index of the next closing bracket c at or after i
	// (len(rs) when none): every lookup is O(1), so that a line of
	// unclosed brackets stays linear.
	closeRuby, closeNote := nextIndex(rs, '》'), nextIndex(rs, '］')
	bar := -1 // index in l.els where ｜ marked the start of a ruby base
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '｜':
			bar = len(l.els)
			continue
		case r == '《':
			end := closeRuby[i+1]
			if end >= len(rs) {
				break
			}
			start := bar
			if start < 0 {
				start = baseStart(l.els)
			}
			if start >= len(l.els) || start < 0 {
				break // nothing to put it on: keep the brackets
			}
			text := kunojiten.Replace(string(rs[i+1 : end]))
			ri := len(l.rubies)
			l.rubies = append(l.rubies, text)
			for k := start; k < len(l.els); k++ {
				l.els[k].ruby = ri
			}
			p.ruby++
			bar = -1
			i = end
			continue
		case r == '［' && i+1 < len(rs) && rs[i+1] == '＃':
			end := closeNote[i+2]
			if end >= len(rs) {
				break
			}
			p.annotation(l, string(rs[i+2:end]))
			i = end
			continue
		case r == '／' && i+1 < len(rs) && rs[i+1] == '＼':
			p.add(l, '〳')
			p.add(l, '〵')
			i++
			continue
		case r == '／' && i+2 < len(rs) && (rs[i+1] == '″' || rs[i+1] == '"') && rs[i+2] == '＼':
			p.add(l, '〴')
			p.add(l, '〵')
			i += 2
			continue
		}
		p.add(l, r)
	}
	if p.rangeHeading > 0 {
		// An unclosed ［＃大見出し］ ends with its line.
		l.heading, l.hs, l.he = p.rangeHeading, p.rangeStart, len(l.els)
		p.rangeHeading = 0
	}
	return l
}

func (p *parser) add(l *line, r rune) {
	l.els = append(l.els, el{r: r, ruby: -1, emph: p.emph, strong: p.strong})
}

// kunojiten turns the two-character spellings of the long repetition marks
// into the marks.
var kunojiten = strings.NewReplacer("／″＼", "〴〵", "／\"＼", "〴〵", "／＼", "〳〵")

// nextIndex returns, for every index i of rs (and len(rs)), the index of
// the first c at or after i, or len(rs).
func nextIndex(rs []rune, c rune) []int {
	next := make([]int, len(rs)+1)
	next[len(rs)] = len(rs)
	for i := len(rs) - 1; i >= 0; i-- {
		next[i] = next[i+1]
		if rs[i] == c {
			next[i] = i
		}
	}
	return next
}

// script classes of ruby bases.
func scriptOf(e el) int {
	r := e.r
	switch {
	case e.gaiji:
		return 1
	case unicode.Is(unicode.Han, r) || strings.ContainsRune("々〆〇ヶ仝〻", r):
		return 1
	case unicode.Is(unicode.Katakana, r) || r == 'ー':
		return 2
	case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)), r >= 'Ａ' && r <= 'ｚ', r >= '０' && r <= '９':
		return 3
	case unicode.Is(unicode.Hiragana, r):
		return 4
	}
	return 0
}

// baseStart returns where the ruby base before 《 starts: the run of
// characters of the last one's script (kanji, katakana, Latin) that have
// no ruby yet. Hiragana and punctuation take no ruby without ｜.
func baseStart(els []el) int {
	n := len(els)
	if n == 0 || els[n-1].ruby >= 0 {
		return -1
	}
	sc := scriptOf(els[n-1])
	if sc == 0 || sc == 4 {
		return -1
	}
	k := n - 1
	for k > 0 && els[k-1].ruby < 0 && scriptOf(els[k-1]) == sc {
		k--
	}
	return k
}

// annotation applies an inline annotation ［＃a］ to the line read so far.
func (p *parser) annotation(l *line, a string) {
	// A gaiji: ※［＃「…」、U+6318、…］ replaces the ※ before it.
	if n := len(l.els); n > 0 && l.els[n-1].r == '※' && (strings.Contains(a, "水準") || strings.Contains(a, "U+") || strings.Contains(a, "「") || reMenKuTen.MatchString(a)) && !strings.Contains(a, "」に") && !strings.Contains(a, "」は") {
		if r, ok := unicodeOf(a); ok {
			l.els[n-1].r = r
		} else if rs, ok := jisx0213Of(a); ok {
			// 第3水準1-93-57: the JIS X 0213 cell; one or two code points.
			l.els[n-1].r = rs[0]
			for _, r := range rs[1:] {
				l.els = append(l.els, l.els[n-1])
				l.els[len(l.els)-1].r = r
			}
		} else {
			l.els[n-1].gaiji = true
			p.gaiji++
		}
		return
	}
	// 「target」に傍点, 「target」は太字, 「target」は中見出し…
	if strings.HasPrefix(a, "「") {
		if q := strings.LastIndex(a, "」"); q > 0 {
			target, kind := a[len("「"):q], a[q+len("」"):]
			kind = strings.TrimPrefix(strings.TrimPrefix(kind, "に"), "は")
			s, e := l.find(target)
			if s < 0 {
				p.dropped++
				return
			}
			switch {
			case emphKind(kind):
				for k := s; k < e; k++ {
					l.els[k].emph = true
				}
				return
			case kind == "太字":
				for k := s; k < e; k++ {
					l.els[k].strong = true
				}
				return
			case headingKind(kind) > 0:
				l.heading, l.hs, l.he = headingKind(kind), s, e
				return
			}
		}
	}
	switch {
	case emphKind(a):
		p.emph = true
	case strings.HasSuffix(a, "傍点終わり"):
		p.emph = false
	case a == "太字":
		p.strong = true
	case a == "太字終わり":
		p.strong = false
	case headingKind(a) > 0:
		p.rangeHeading, p.rangeStart = headingKind(a), len(l.els)
	case strings.HasSuffix(a, "見出し終わり") && p.rangeHeading > 0:
		l.heading, l.hs, l.he = p.rangeHeading, p.rangeStart, len(l.els)
		p.rangeHeading = 0
	default:
		// 縦中横, 地付き, 字上げ, ママ, 底本では…, page and line numbers:
		// the text they annotate stays as it is.
		p.dropped++
	}
}

// jisx0213Of returns the character a gaiji annotation names by its JIS X
// 0213 plane, row and cell (第3水準1-93-57, 第4水準2-12-34, or 1-93-57
// alone), as Aozora Bunko writes the kanji Shift_JIS lacks: one code
// point, or two for a kana with a combining mark.
func jisx0213Of(a string) ([]rune, bool) {
	m := reMenKuTen.FindStringSubmatch(a)
	if m == nil {
		return nil, false
	}
	plane, _ := strconv.Atoi(m[1])
	ku, _ := strconv.Atoi(m[2])
	ten, _ := strconv.Atoi(m[3])
	if ku < 1 || ku > 94 || ten < 1 || ten > 94 {
		return nil, false
	}
	fields := strings.Split(jisx0213Rows[plane-1][ku], "\t")
	if len(fields) != 94 || fields[ten-1] == "" {
		return nil, false
	}
	return []rune(fields[ten-1]), true
}

// reMenKuTen matches a JIS X 0213 plane-row-cell (men-ku-ten) such as
// 1-93-57.
var reMenKuTen = regexp.MustCompile(`(?:^|[^0-9])([12])-([0-9]{1,2})-([0-9]{1,2})(?:[^0-9]|$)`)

// unicodeOf returns the character named "U+XXXX" in a gaiji annotation.
func unicodeOf(a string) (rune, bool) {
	i := strings.Index(a, "U+")
	if i < 0 {
		return 0, false
	}
	h := a[i+2:]
	j := 0
	for j < len(h) && j < 6 && strings.ContainsRune("0123456789ABCDEFabcdef", rune(h[j])) {
		j++
	}
	v, err := strconv.ParseUint(h[:j], 16, 32)
	if err != nil || j < 4 || v > unicode.MaxRune || v >= 0xD800 && v < 0xE000 {
		return 0, false
	}
	return rune(v), true
}

// maxLookBack is how far before an annotation the text it names may start.
const maxLookBack = 200

// find returns the extent of the last occurrence of target (its base text:
// ruby in it is written without 《》) that ends at the end of the line read
// so far, or else the last occurrence anywhere in it; -1 when none.
func (l *line) find(target string) (int, int) {
	t := []rune(stripRuby(target))
	n := len(l.els)
	if len(t) == 0 || len(t) > n {
		return -1, -1
	}
	match := func(s int) bool {
		for k, r := range t {
			if l.els[s+k].r != r {
				return false
			}
		}
		return true
	}
	// Annotations follow what they name: look back a bounded distance, so
	// that a long line of annotations stays linear.
	for s := n - len(t); s >= max(0, n-len(t)-maxLookBack); s-- {
		if match(s) {
			return s, s + len(t)
		}
	}
	return -1, -1
}

// stripRuby drops 《…》 and ｜ from an annotation's target.
func stripRuby(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '《':
			in = true
		case r == '》':
			in = false
		case in || r == '｜':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// coversLine reports whether the heading annotation names all the text of
// the line (white space aside).
func (l *line) coversLine() bool {
	for k, e := range l.els {
		if (k < l.hs || k >= l.he) && !unicode.IsSpace(e.r) {
			return false
		}
	}
	return true
}

// build turns the line into inlines. partialHeading sets a heading that
// names only part of the line in bold.
func (l *line) build(partialHeading bool) []convert.Inline {
	if partialHeading {
		for k := l.hs; k < l.he; k++ {
			l.els[k].strong = true
		}
	}
	// Trim white space at both ends (a heading's 字下げ was spaces).
	s, e := 0, len(l.els)
	for s < e && unicode.IsSpace(l.els[s].r) && l.els[s].ruby < 0 {
		s++
	}
	for e > s && unicode.IsSpace(l.els[e-1].r) && l.els[e-1].ruby < 0 {
		e--
	}
	var out []convert.Inline
	for i := s; i < e; {
		st := l.els[i]
		j := i + 1
		var in convert.Inline
		if st.ruby >= 0 {
			for j < e && l.els[j].ruby == st.ruby {
				j++
			}
			var b strings.Builder
			for k := i; k < j; k++ {
				b.WriteRune(l.els[k].r)
			}
			in = &convert.Ruby{Base: b.String(), Text: l.rubies[st.ruby]}
		} else {
			for j < e && l.els[j].ruby < 0 && l.els[j].emph == st.emph && l.els[j].strong == st.strong {
				j++
			}
			var b strings.Builder
			for k := i; k < j; k++ {
				b.WriteRune(l.els[k].r)
			}
			in = &convert.Text{Text: b.String()}
		}
		if st.emph {
			in = &convert.Emph{Inlines: []convert.Inline{in}}
		}
		if st.strong {
			in = &convert.Strong{Inlines: []convert.Inline{in}}
		}
		out = appendMerged(out, in)
		i = j
	}
	return out
}

// appendMerged appends in, merging it into the last inline when both are
// the same style wrapper (so that an emphasised stretch with ruby inside is
// one Emph).
func appendMerged(out []convert.Inline, in convert.Inline) []convert.Inline {
	if n := len(out); n > 0 {
		switch x := in.(type) {
		case *convert.Emph:
			if y, ok := out[n-1].(*convert.Emph); ok {
				y.Inlines = appendMerged(y.Inlines, x.Inlines[0])
				return out
			}
		case *convert.Strong:
			if y, ok := out[n-1].(*convert.Strong); ok {
				y.Inlines = appendMerged(y.Inlines, x.Inlines[0])
				return out
			}
		case *convert.Text:
			if y, ok := out[n-1].(*convert.Text); ok {
				y.Text += x.Text
				return out
			}
		}
	}
	return append(out, in)
}
