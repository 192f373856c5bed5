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
//   - ? ! and ; after a Han character, kana or CJK punctuation may also end
//     the text or be followed by a space (吗? → 吗？, 到货; → 到货；).
//
// A full stop "." becomes "。" (counted "halfwidth full stops made 。") only
// after a Han character or kana, and either before one (交付.主要 →
// 交付。主要) or at the end of a paragraph (heading, cell) whose Han and kana
// outnumber its Latin letters (散会. → 散会。, but He moved to 北京. stays).
// Never in numbers (3.5, 1.项目), after Latin (U.S.经济, v1.0), before
// Latin (中国.cn), in an ellipsis (...), in a word holding "://", "@", "/"
// or "www.", nor before a Han top-level domain ending the word (政府.中国,
// 例子.公司): a wrong 。 inside an address would break it, a missed one only
// looks halfwidth.
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
	var commas, others, periods int
	var ls []convert.Inline
	rootInlines(d.Blocks, func(ins *[]convert.Inline) {
		ls = convert.AppendLeaves(ls[:0], *ins)
		han, latin := 0, 0
		for _, in := range ls {
			h, l := script(convert.InlineText(in))
			han += h
			latin += l
		}
		cjk := han > latin
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
			var c, o, p int
			t.Text, c, o, p = fullwidth(t.Text, left, right, cjk)
			commas += c
			others += o
			periods += p
		}
	})
	for _, s := range metaStrings(&d.Meta) {
		var c, o, p int
		h, l := script(*s)
		*s, c, o, p = fullwidth(*s, 0, 0, h > l)
		commas += c
		others += o
		periods += p
	}
	rep := report(opts)
	rep.Add(Stage, "halfwidth commas made fullwidth", commas)
	rep.Add(Stage, "halfwidth punctuation made fullwidth", others)
	rep.Add(Stage, "halfwidth full stops made 。", periods)
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
	case '.':
		return '。'
	}
	return 0
}

// script counts the Han and kana characters and the Latin letters of s.
func script(s string) (han, latin int) {
	for _, r := range s {
		switch {
		case r < 0x80:
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				latin++
			}
		case isHanKana(r):
			han++
		case unicode.IsLetter(r) && r < 0x250:
			latin++
		}
	}
	return han, latin
}

// isHanKana reports Han characters and kana (not punctuation).
func isHanKana(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3040 && r <= 0x30FF && r != 0x30FB:
		return true
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// ideographicTLDs are top-level domains written in Han characters: a "."
// before one of them at the end of a word is a domain name (政府.中国).
var ideographicTLDs = map[string]bool{
	"中国": true, "中國": true, "公司": true, "网络": true, "網絡": true, "在线": true, "在線": true,
	"商城": true, "集团": true, "集團": true, "政务": true, "政務": true, "公益": true, "香港": true,
	"台湾": true, "台灣": true, "新加坡": true, "我爱你": true, "网店": true, "商标": true,
	"手机": true, "中文网": true, "みんな": true, "コム": true, "닷컴": true, "한국": true,
}

// periodConvertible reports whether the "." at s[i] becomes "。": after a
// Han character or kana, and either before one (交付.主要) or at the end of
// a paragraph that is mostly Han and kana (散会.) — never in a word that
// is a URL, an e-mail address or a domain name (www.例子.中国, 张三@例子.公司,
// 政府.中国).
func periodConvertible(s string, i int, l, r rune, cjk bool) bool {
	if !isHanKana(l) {
		return false
	}
	if r == 0 {
		return cjk
	}
	if !isHanKana(r) {
		return false
	}
	start := strings.LastIndexFunc(s[:i], unicode.IsSpace) + 1
	end := len(s)
	if k := strings.IndexFunc(s[i:], unicode.IsSpace); k >= 0 {
		end = i + k
	}
	word := s[start:end]
	if strings.Contains(word, "://") || strings.ContainsAny(word, "@/") || strings.Contains(strings.ToLower(word), "www.") {
		return false
	}
	k := i + 1
	for k < end {
		c, size := utf8.DecodeRuneInString(s[k:])
		if !isHanKana(c) {
			break
		}
		k += size
	}
	if k == end && ideographicTLDs[s[i+1:k]] {
		return false
	}
	return true
}

// fullwidth applies the Punct rules to s, whose neighbours outside s are
// left and right (0: none) in a paragraph that is mostly Han and kana when
// cjk is set. It returns the new text and the numbers of commas, other
// marks and full stops changed. It repeats fullwidthPass until nothing
// changes, so that a mark made fullwidth also counts for the mark before
// it (0!!幫 → 0！！幫 in one call: the transform is idempotent).
func fullwidth(s string, left, right rune, cjk bool) (string, int, int, int) {
	var commas, others, periods int
	for {
		out, c, o, p := fullwidthPass(s, left, right, cjk)
		if c+o+p == 0 {
			return s, commas, others, periods
		}
		s = out
		commas, others, periods = commas+c, others+o, periods+p
	}
}

// fullwidthPass is one left-to-right pass of fullwidth.
func fullwidthPass(s string, left, right rune, cjk bool) (string, int, int, int) {
	var b strings.Builder
	commas, others, periods := 0, 0, 0
	last := 0       // s[:last] is written to b (when b is in use)
	converted := -1 // index of the last converted mark
	for i := 0; i < len(s); {
		k := strings.IndexAny(s[i:], ",;:?!.")
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
		if c == '.' && periodConvertible(s, i, prev, next, cjk) || c != '.' && convertible(c, prev, next) {
			if b.Len() == 0 {
				b.Grow(len(s) + 16)
			}
			b.WriteString(s[last:i])
			b.WriteRune(fullwidthOf(c))
			last = i + 1
			converted = i
			switch c {
			case ',':
				commas++
			case '.':
				periods++
			default:
				others++
			}
		}
		i++
	}
	if converted < 0 {
		return s, 0, 0, 0
	}
	b.WriteString(s[last:])
	return b.String(), commas, others, periods
}

func convertible(c byte, l, r rune) bool {
	if l == 0 || unicode.IsSpace(l) {
		return false
	}
	if (c == '?' || c == '!' || c == ';') && isHanLike(l) && (r == 0 || unicode.IsSpace(r)) {
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
