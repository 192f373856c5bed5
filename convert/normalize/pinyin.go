package normalize

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docconv/docconv/convert"
)

// Pinyin handles pinyin annotations flattened into parentheses after Han
// characters, as in 地區(qū)沖突 (transform "pinyin"). An annotation is a
// parenthesis, halfwidth ( ) or fullwidth （ ）, that follows a Han character
// immediately and holds n ≥ 1 pinyin syllables separated by single spaces,
// where the n characters just before it are Han: 地區(dì qū) annotates both.
// Each syllable must be in the Mandarin syllable table, in lower case, with
// at most one tone mark (ā á ǎ à … ǖ ǘ ǚ ǜ) or a final tone number 1–5
// (qu1, lv4), or toneless. An annotation with a tone is always accepted; a
// toneless one (an, he, ma) only when the same document has an accepted
// annotation with a tone in the same kind of parentheses (halfwidth or
// fullwidth), because toneless syllables are also English words, and only
// when each of its syllables has two letters or more: a bare single letter
// (a e o i u v ê, m n) is a list marker or an option label as in
// 方案(a)/附件(e), never pinyin without a tone. Never touched: 中歐(中亞), 人工智能(AI), (2023), (GDP), words in
// upper case, a parenthesis after a space or a non-Han character, text in
// code.
//
// Mode RubyStrip removes the annotations (counted "pinyin annotations
// removed"), RubyRuby replaces each annotated character by a *convert.Ruby
// ("pinyin annotations made ruby"), RubyKeep changes nothing ("pinyin
// annotations kept"). Metadata (title, subtitle, description, keywords)
// cannot hold ruby: it is stripped in both RubyStrip and RubyRuby mode.
type Pinyin struct {
	Mode RubyMode
}

// Name returns "pinyin".
func (Pinyin) Name() string { return "pinyin" }

// TransformDocument implements convert.DocumentTransform.
func (p Pinyin) TransformDocument(ctx context.Context, d *convert.Document, opts *convert.Options) error {
	toned := p.tonedParens(d)
	n, nMeta := 0, 0
	var what string
	switch p.Mode {
	case RubyKeep:
		what = "pinyin annotations kept"
		convert.Inspect(d.Blocks, func(node any) bool {
			if t, ok := node.(*convert.Text); ok {
				_, k := stripPinyin(t.Text, toned)
				n += k
			}
			return true
		})
		for _, s := range metaStrings(&d.Meta) {
			_, k := stripPinyin(*s, toned)
			n += k
		}
	case RubyRuby:
		what = "pinyin annotations made ruby"
		convert.MapInlines(d.Blocks, func(in convert.Inline) []convert.Inline {
			t, ok := in.(*convert.Text)
			if !ok || !hasParen(t.Text) {
				return []convert.Inline{in}
			}
			out, k := rubyPinyin(t.Text, toned)
			n += k
			if k == 0 {
				return []convert.Inline{in}
			}
			return out
		})
	default:
		what = "pinyin annotations removed"
		convert.MapInlines(d.Blocks, func(in convert.Inline) []convert.Inline {
			if t, ok := in.(*convert.Text); ok && hasParen(t.Text) {
				var k int
				t.Text, k = stripPinyin(t.Text, toned)
				n += k
			}
			return []convert.Inline{in}
		})
	}
	if p.Mode != RubyKeep {
		for _, s := range metaStrings(&d.Meta) {
			var k int
			*s, k = stripPinyin(*s, toned)
			nMeta += k
		}
	}
	rep := report(opts)
	rep.Add(Stage, what, n)
	if nMeta > 0 || p.Mode == RubyStrip {
		rep.Add(Stage, "pinyin annotations removed", nMeta)
	}
	return ctx.Err()
}

// parenKinds is a set of parenthesis kinds: halfParen "( )", fullParen "（ ）".
type parenKinds uint8

const (
	halfParen parenKinds = 1 << iota
	fullParen
	allParens = halfParen | fullParen
)

// parenKind returns the kind of the parenthesis opening s.
func parenKind(s string) parenKinds {
	if strings.HasPrefix(s, "（") {
		return fullParen
	}
	return halfParen
}

// tonedParens returns the kinds of parentheses that hold an annotation
// with a tone in the document (the evidence that lets toneless annotations
// in the same kind of parentheses count).
func (Pinyin) tonedParens(d *convert.Document) parenKinds {
	var found parenKinds
	check := func(s string) {
		if found == allParens || !hasParen(s) {
			return
		}
		scanPinyin(s, 0, func(open, _, _ int, _ []string) bool {
			found |= parenKind(s[open:])
			return found != allParens
		})
	}
	convert.Inspect(d.Blocks, func(node any) bool {
		if t, ok := node.(*convert.Text); ok {
			check(t.Text)
		}
		return found != allParens
	})
	for _, s := range metaStrings(&d.Meta) {
		check(*s)
	}
	return found
}

func hasParen(s string) bool {
	return strings.IndexByte(s, '(') >= 0 || strings.Contains(s, "（")
}

// scanPinyin finds the annotations of s left to right, calling f with the
// byte range [open, end) of the parenthesis, the number han of Han
// characters just before it (at least len(syl)), and the syllables. f may
// stop the scan by returning false. Han characters before an accepted
// annotation still count for the next one ("區(qū)(qū)", "區(qū)地(dì qū)"), so that
// stripping removes in one pass what a second pass would.
func scanPinyin(s string, toneless parenKinds, f func(open, end, han int, syl []string) bool) {
	prevEnd, prevHan := -1, 0
	for i := 0; i < len(s); {
		k := indexParen(s[i:])
		if k < 0 {
			return
		}
		open := i + k
		// Han characters just before open, back to the previous annotation.
		han, j := 0, open
		for j > 0 && j != prevEnd {
			r, size := utf8.DecodeLastRuneInString(s[:j])
			if !isHan(r) {
				break
			}
			han++
			j -= size
		}
		if j == prevEnd {
			han += prevHan
		}
		if han > 0 {
			if n, syl, ok := annotation(s[open:], toneless); ok && len(syl) <= han {
				if !f(open, open+n, han, syl) {
					return
				}
				prevEnd, prevHan = open+n, han
				i = open + n
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s[open:])
		i = open + size
	}
}

// indexParen returns the index of the first "(" or "（" in s, or -1.
func indexParen(s string) int {
	a := strings.IndexByte(s, '(')
	lim := s
	if a >= 0 {
		lim = s[:a]
	}
	if b := strings.Index(lim, "（"); b >= 0 {
		return b
	}
	return a
}

// isHan reports Han characters, with a fast path for the common ranges.
func isHan(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF:
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// annotation parses a parenthesized pinyin annotation at the start of s,
// returning its length in bytes and its syllables. A toneless annotation
// is accepted only in the parenthesis kinds toneless allows, and only with
// syllables of two letters or more.
func annotation(s string, toneless parenKinds) (int, []string, bool) {
	open, osize := utf8.DecodeRuneInString(s)
	closer := ")"
	if open == '（' {
		closer = "）"
	}
	rest := s[osize:]
	k := strings.Index(rest, closer)
	if k <= 0 || k > 80 {
		return 0, nil, false
	}
	inner := rest[:k]
	syl := strings.Split(inner, " ")
	anyTone := false
	for _, x := range syl {
		ok, toned := syllableTone(x)
		if !ok {
			return 0, nil, false
		}
		anyTone = anyTone || toned
	}
	if !anyTone {
		if toneless&parenKind(s) == 0 {
			return 0, nil, false
		}
		for _, x := range syl {
			if utf8.RuneCountInString(x) < 2 {
				return 0, nil, false
			}
		}
	}
	return osize + k + len(closer), syl, true
}

// stripPinyin removes the annotations of s and counts them.
func stripPinyin(s string, toneless parenKinds) (string, int) {
	if !hasParen(s) {
		return s, 0
	}
	var b strings.Builder
	last, n := 0, 0
	scanPinyin(s, toneless, func(open, end, _ int, _ []string) bool {
		if n == 0 {
			b.Grow(len(s))
		}
		b.WriteString(s[last:open])
		last = end
		n++
		return true
	})
	if n == 0 {
		return s, 0
	}
	b.WriteString(s[last:])
	return b.String(), n
}

// rubyPinyin splits s into Text and Ruby inlines, one Ruby per annotated
// Han character, and counts the annotations.
func rubyPinyin(s string, toneless parenKinds) ([]convert.Inline, int) {
	var out []convert.Inline
	last, n := 0, 0
	scanPinyin(s, toneless, func(open, end, han int, syl []string) bool {
		// The len(syl) Han characters before open, which are not already ruby.
		start := open
		for range syl {
			_, size := utf8.DecodeLastRuneInString(s[:start])
			start -= size
		}
		if start < last {
			return true // its characters are in an earlier ruby: leave it
		}
		if start > last {
			out = append(out, &convert.Text{Text: s[last:start]})
		}
		i := start
		for _, x := range syl {
			_, size := utf8.DecodeRuneInString(s[i:])
			out = append(out, &convert.Ruby{Base: s[i : i+size], Text: x})
			i += size
		}
		last = end
		n++
		return true
	})
	if last < len(s) {
		out = append(out, &convert.Text{Text: s[last:]})
	}
	return out, n
}
