package normalize

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docconv/docconv/convert"
)

// Punct makes halfwidth punctuation in CJK text fullwidth (transform
// "punct"): , ; : ? ! become ，；：？！ when they sit in CJK text. With L the
// character before the mark and R the one after (across inline
// boundaries, e.g. after a Ruby, within one paragraph, heading or cell):
//
//   - L and R must both exist and not be white space, and not both be
//     digits (3,800 and 10:30 stay);
//   - one of L and R must be a Han character, kana, Bopomofo, CJK
//     punctuation (U+3001–U+303F, e.g. 、。「」) or a fullwidth form; or both
//     must be Hangul. The other may be anything else that is not a space:
//     a Latin letter (2024年,OpenAI → 2024年，OpenAI), a digit (2023年,百年 and
//     2023,百年 both become fullwidth: a comma is a thousands separator only
//     between digits), a quote (合作”,不断);
//   - ? and ! after a Han character, kana or CJK punctuation may also end the text or be
//     followed by a space (吗? → 吗？).
//
// A colon followed by "/" (URLs) is kept. Never touched: Latin text (Hello,
// world), numbers, Korean punctuation followed by a space (첫째, 대중국),
// code. Counted: "halfwidth commas made fullwidth" and "halfwidth
// punctuation made fullwidth" (the other four marks). Metadata (title,
// subtitle, description, keywords) is treated too.
type Punct struct{}

// Name returns "punct".
func (Punct) Name() string { return "punct" }

// TransformDocument implements convert.DocumentTransform.
func (Punct) TransformDocument(ctx context.Context, d *convert.Document, opts *convert.Options) error {
	var commas, others int
	var ls []convert.Inline
	rootInlines(d.Blocks, func(ins *[]convert.Inline) {
		ls = leaves(ls[:0], *ins)
		for i, in := range ls {
			t, ok := in.(*convert.Text)
			if !ok {
				continue
			}
			var left, right rune
			if i > 0 {
				left, _ = utf8.DecodeLastRuneInString(convert.InlineText(ls[i-1]))
			}
			if i+1 < len(ls) {
				right, _ = utf8.DecodeRuneInString(convert.InlineText(ls[i+1]))
			}
			var c, o int
			t.Text, c, o = fullwidth(t.Text, left, right)
			commas += c
			others += o
		}
	})
	for _, s := range metaStrings(&d.Meta) {
		var c, o int
		*s, c, o = fullwidth(*s, 0, 0)
		commas += c
		others += o
	}
	rep := report(opts)
	rep.Add(Stage, "halfwidth commas made fullwidth", commas)
	rep.Add(Stage, "halfwidth punctuation made fullwidth", others)
	return ctx.Err()
}

// fullwidthOf maps the halfwidth marks to their fullwidth forms.
func fullwidthOf(c byte) rune {
	switch c {
	case ',':
		return '，'
	case ';':
		return '；'
	case ':':
		return '：'
	case '?':
		return '？'
	case '!':
		return '！'
	}
	return 0
}

// fullwidth applies the Punct rules to s, whose neighbours outside s are
// left and right (0: none). It returns the new text and the numbers of
// commas and other marks changed.
func fullwidth(s string, left, right rune) (string, int, int) {
	var b strings.Builder
	commas, others := 0, 0
	last := 0       // s[:last] is written to b (when b is in use)
	converted := -1 // index of the last converted mark
	for i := 0; i < len(s); {
		k := strings.IndexAny(s[i:], ",;:?!")
		if k < 0 {
			break
		}
		i += k
		c := s[i]
		var prev rune
		switch {
		case i == 0:
			prev = left
		case i-1 == converted:
			prev = fullwidthOf(s[i-1])
		default:
			prev, _ = utf8.DecodeLastRuneInString(s[:i])
		}
		next := right
		if i+1 < len(s) {
			next, _ = utf8.DecodeRuneInString(s[i+1:])
		}
		if convertible(c, prev, next) {
			if b.Len() == 0 {
				b.Grow(len(s) + 16)
			}
			b.WriteString(s[last:i])
			b.WriteRune(fullwidthOf(c))
			last = i + 1
			converted = i
			if c == ',' {
				commas++
			} else {
				others++
			}
		}
		i++
	}
	if converted < 0 {
		return s, 0, 0
	}
	b.WriteString(s[last:])
	return b.String(), commas, others
}

func convertible(c byte, l, r rune) bool {
	if l == 0 || unicode.IsSpace(l) {
		return false
	}
	if (c == '?' || c == '!') && isHanLike(l) && (r == 0 || unicode.IsSpace(r)) {
		return true
	}
	if r == 0 || unicode.IsSpace(r) {
		return false
	}
	if c == ':' && r == '/' {
		return false
	}
	if isDigit(l) && isDigit(r) {
		return false
	}
	if isHanLike(l) || isHanLike(r) {
		return true
	}
	return isHangul(l) && isHangul(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// isHanLike reports Han, kana, Bopomofo, CJK punctuation and fullwidth forms.
func isHanLike(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3040 && r <= 0x30FF:
		return true
	case unicode.Is(unicode.Han, r), unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r),
		unicode.Is(unicode.Bopomofo, r):
		return true
	}
	return isCJKPunct(r)
}

// isCJKPunct reports CJK symbols and punctuation (not U+3000 IDEOGRAPHIC
// SPACE) and fullwidth forms.
func isCJKPunct(r rune) bool {
	return r > 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF60 || r >= 0xFFE0 && r <= 0xFFE6 ||
		r >= 0xFE30 && r <= 0xFE4F
}

func isHangul(r rune) bool { return unicode.Is(unicode.Hangul, r) }
