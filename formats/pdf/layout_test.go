package pdf

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/docconv/docconv/convert"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testSetter(lang string, cjk bool) *setter {
	return &setter{fs: mustFontSet(lang, cjk), lang: lang, cjk: cjk, widePunct: cjk && lang != "ko", keepAll: lang == "ko", size: 10, lead: 1.75}
}

// lineTexts lays text out at the given measure (in em of 10 pt) and
// returns the lines and the atoms.
func layoutText(t *testing.T, s *setter, text string, measure float64, indent float64) ([]line, *para) {
	t.Helper()
	var p para
	s.addText(&p, text, s.body(), -1)
	return s.layoutPara(&p, measure*s.size, indent*s.size, alignJustify), &p
}

// extent is the width a laid-out line takes on the page: the right edge
// of its last atom (and of its hyphen), the gaps of a justified line
// stretched or shrunk (knuth.go).
func extent(p *para, l line) float64 {
	if l.e <= l.s {
		return 0
	}
	a := &p.atoms[l.e-1]
	return a.x + a.width() + l.hyph
}

func lineString(p *para, l line) string {
	var b strings.Builder
	for i := l.s; i < l.e; i++ {
		b.WriteRune(p.atoms[i].r)
	}
	return b.String()
}

const sampleZh = "2023年,百年變局加速演進，地區沖突此起彼伏，全球經濟復蘇艱難，世界進入新的動蕩變革期。但同時，世界多極化、經濟全球化、社會信息化、文化多樣化深入發展，各國聯系和依存日益加深。" +
	"雙方簽署各類合同及意向協議總額超過380億美元，同比增長32%，中歐（中亞）班列開行「加速度」，跑出合作“加速度”……人工智能(AI)與Apple Intelligence、GPT-4o模型——都在其中。"

func TestLayoutRules(t *testing.T) {
	s := testSetter("zh-Hant", true)
	for measure := 8.0; measure <= 31; measure++ {
		lines, p := layoutText(t, s, sampleZh, measure, 2)
		require.NotEmpty(t, lines)
		var all strings.Builder
		for i, l := range lines {
			text := lineString(p, l)
			all.WriteString(text)
			first, _ := firstRune(text)
			last := []rune(text)[len([]rune(text))-1]
			assert.False(t, startProhibited[first], "measure %v line %d starts with %q: %s", measure, i, first, text)
			assert.False(t, endProhibited[last], "measure %v line %d ends with %q: %s", measure, i, last, text)
			assert.LessOrEqual(t, extent(p, l), l.avail+1e-6, "line %d overflows: %s", i, text)
			// Justified lines fill the measure exactly.
			end := p.atoms[l.e-1].x + p.atoms[l.e-1].width()
			gaps := 0
			for j := l.s + 1; j < l.e; j++ {
				gaps += gapWeight(p.atoms, j)
			}
			if i < len(lines)-1 && gaps > 0 && !l.justify {
				// Left ragged: justifying would open gaps wider than an em.
				assert.Greater(t, l.avail-l.width, 0.7*s.size*float64(gaps), "measure %v line %d ragged: %s", measure, i, text)
			} else if i < len(lines)-1 && gaps > 0 {
				assert.InDelta(t, l.avail, end, 0.01, "measure %v line %d not justified: %s", measure, i, text)
			} else {
				assert.InDelta(t, l.width, end, 0.01, "last line is set solid")
			}
			for _, pair := range []string{"——", "……"} {
				r := []rune(pair)[0]
				assert.False(t, strings.HasSuffix(text, string(r)) && i+1 < len(lines) && strings.HasPrefix(lineString(p, lines[i+1]), string(r)),
					"%s split at line %d", pair, i)
			}
			assert.NotRegexp(t, `^[0-9]+$|^億`, text, "number split from its unit")
			assert.False(t, strings.HasPrefix(text, "%"), "%% at line start")
		}
		// Nothing lost or added (spaces aside).
		want := strings.ReplaceAll(sampleZh, " ", "")
		assert.Equal(t, want, strings.ReplaceAll(all.String(), " ", ""), "measure %v", measure)
	}
}

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

func TestLayoutIndentAndGaps(t *testing.T) {
	s := testSetter("zh-Hans", true)
	lines, p := layoutText(t, s, "今年GPT模型发布。", 30, 2)
	require.Len(t, lines, 1)
	assert.InDelta(t, 20.0, lines[0].off, 1e-9, "2-em indent")
	// 年 → G: a quarter em; 型 follows Latin: a quarter em; no space added.
	assert.Equal(t, "今年GPT模型发布。", lineString(p, lines[0]))
	g := p.atoms[2]
	assert.InDelta(t, 2.5, g.x-(p.atoms[1].x+p.atoms[1].adv), 1e-9)
	m := p.atoms[5]
	assert.InDelta(t, 2.5, m.x-(p.atoms[4].x+p.atoms[4].adv), 1e-9)
}

func TestLayoutPushIn(t *testing.T) {
	s := testSetter("zh-Hans", true)
	// Ten characters then a comma, on a ten-em measure: the comma is pushed
	// in (compressed to half width) rather than starting the next line.
	lines, p := layoutText(t, s, "一二三四五六七八九十，一二三", 10.5, 0)
	require.Len(t, lines, 2)
	assert.Equal(t, "一二三四五六七八九十，", lineString(p, lines[0]))
	assert.InDelta(t, 5.0, p.atoms[10].width(), 1e-9)
	// On an exact ten-em measure it cannot be pushed in: the previous
	// character is pulled down.
	lines, p = layoutText(t, s, "一二三四五六七八九十，一二三", 10, 0)
	require.Len(t, lines, 2)
	assert.Equal(t, "一二三四五六七八九", lineString(p, lines[0]))
	assert.Equal(t, "十，一二三", lineString(p, lines[1]))
}

func TestLayoutLatin(t *testing.T) {
	s := testSetter("en", false)
	text := "Freight trains between China and Europe made 19,000 trips in 2024, up 10 percent from the year before."
	lines, p := layoutText(t, s, text, 20, 0)
	require.Greater(t, len(lines), 1)
	var all strings.Builder
	for i, l := range lines {
		str := lineString(p, l)
		assert.False(t, strings.HasPrefix(str, " ") || strings.HasSuffix(str, " "))
		assert.LessOrEqual(t, extent(p, l), l.avail+1e-6)
		if i < len(lines)-1 {
			assert.InDelta(t, l.avail, extent(p, l), 0.01)
		}
		all.WriteString(str)
		if l.hyph == 0 {
			all.WriteString(" ") // else hyphenated: the word goes on
		}
	}
	assert.Equal(t, strings.Fields(text), strings.Fields(all.String()), "breaks only at spaces and hyphenation points")
	// A word longer than the measure is broken, never overflows.
	lines, p = layoutText(t, s, strings.Repeat("x", 200), 10, 0)
	for _, l := range lines {
		assert.LessOrEqual(t, extent(p, l), l.avail+1e-6)
	}
}

func TestLayoutKorean(t *testing.T) {
	s := testSetter("ko", true)
	text := "전문가들은 내년에도 수출이 10% 안팎 늘어날 것으로 내다보면서도, 글로벌 공급망 재편과 환율 변동을 주요 위험 요인으로 꼽았다."
	lines, p := layoutText(t, s, text, 12, 0)
	var words []string
	for _, l := range lines {
		words = append(words, strings.Fields(lineString(p, l))...)
	}
	assert.Equal(t, strings.Fields(text), words, "Korean breaks at spaces (keep-all)")
}

func TestLayoutJapanese(t *testing.T) {
	s := testSetter("ja", true)
	text := "ちょっとしたコーヒーショップで、キャッシュレス決済がすっかり一般的になった。ォ"
	for measure := 5.0; measure < 20; measure++ {
		lines, p := layoutText(t, s, text, measure, 0)
		for _, l := range lines {
			r, _ := firstRune(lineString(p, l))
			assert.False(t, startProhibited[r], "line starts with %q", r)
		}
	}
}

func TestLayoutAdjacentPunctuation(t *testing.T) {
	s := testSetter("zh-Hans", true)
	lines, p := layoutText(t, s, "他说：「好」。（「甲」）", 30, 0)
	require.Len(t, lines, 1)
	half := map[rune]int{}
	for _, a := range p.atoms {
		if a.face.base != nil {
			half[a.r]++
			assert.InDelta(t, 5.0, a.adv, 1e-9)
		}
	}
	// ：「 → 「 half; 」。 → 」 half; 。（ → 。 half; （「 → 「 half;
	// 」） → 」 half; ） ends the line after a compressed mark → half.
	assert.Equal(t, map[rune]int{'」': 2, '「': 2, '。': 1, '）': 1}, half)
	assert.InDelta(t, 12*10-6*5, lines[0].width, 1e-6)
}

// TestLayoutPunctuationPairs sets every pair of the clreq/jlreq adjacency
// classes mid-line and checks that it takes 1.5 em (from the first mark to
// the character after the pair), and 1 em at a line end; a lone mark
// keeps its em.
func TestLayoutPunctuationPairs(t *testing.T) {
	s := testSetter("zh-Hans", true)
	em := s.size
	span := func(p *para, i int) float64 { return (p.atoms[i+2].x - p.atoms[i].x) / em }
	for _, pair := range []string{"：“", "：「", "」、", "）。", "。」", "”“", "」「", "，“", "。”", "』」", "「『", "？”", "！」", "”，", "；「"} {
		text := "甲乙" + pair + "丙丁"
		// Long measure, last line: set solid, no justification slack.
		lines, p := layoutText(t, s, text, 30, 0)
		require.Len(t, lines, 1)
		assert.InDelta(t, 1.5, span(p, 2), 1e-6, "%s mid-line", pair)
		assert.InDelta(t, 5.5, lines[0].width/em, 1e-6, pair)
		// At a line end a pair of closing marks takes one em.
		if squeezableSet[[]rune(pair)[1]] {
			lines, p = layoutText(t, s, "甲乙"+pair+"丙丁戊己庚辛", 4, 0)
			require.GreaterOrEqual(t, len(lines), 2)
			assert.Equal(t, "甲乙"+pair, lineString(p, lines[0]))
			assert.InDelta(t, 3.0, lines[0].width/em, 1e-6, "%s at a line end", pair)
		}
	}
	// Japanese sets ？ and ！ apart from a closing bracket (jlreq cl-04).
	j := testSetter("ja", true)
	_, p := layoutText(t, j, "甲乙？」丙丁", 30, 0)
	assert.InDelta(t, 2.0, span(p, 2), 1e-6)
	// Lone marks, and marks that are not adjacent, keep their em.
	for _, text := range []string{"甲乙，丙丁", "甲乙。丙丁", "甲乙「丙」丁", "甲乙：丙丁"} {
		_, p := layoutText(t, s, text, 30, 0)
		for _, a := range p.atoms {
			assert.InDelta(t, em, a.adv, 1e-9, "%s: %c", text, a.r)
		}
	}
}

// TestLayoutNoIsolatedHalfWidth fills lines that would fit if a lone comma
// or full stop inside them were compressed: the marks keep their em and
// the line breaks earlier instead (clreq 3.1.6), justified by spacing.
func TestLayoutNoIsolatedHalfWidth(t *testing.T) {
	s := testSetter("zh-Hans", true)
	em := s.size
	for _, measure := range []float64{9.5, 10, 10.5, 11, 13.5, 17} {
		lines, p := layoutText(t, s, "一二，三四。五六，七八九十，一二三四。五六七八，九十一二。三四五六七八九十，一二三四", measure, 0)
		for li, l := range lines {
			assert.LessOrEqual(t, extent(p, l), l.avail+1e-6)
			for i := l.s; i < l.e; i++ {
				a := p.atoms[i]
				if a.adv < em*0.99 {
					assert.Equal(t, l.e-1, i, "measure %v line %d: %c at %d compressed mid-line", measure, li, a.r, i-l.s)
				}
			}
		}
	}
}

// TestLayoutRandom lays out random mixtures of the characters the rules
// care about: no panic, no overflow, no line starting with a prohibited
// mark unless the line could not be broken elsewhere, nothing lost.
func TestLayoutRandom(t *testing.T) {
	pieces := []string{"中", "國", "，", "。", "、", "「", "」", "（", "）", "“", "”", "——", "……", "·", "ー", "ッ", "あ", "한국", " ",
		"Apple", "GPT-4o", "2024", "32%", "3,800", ",", ".", "(", ")", "😀", "\u0378", "https://example.com/a/very/long/path"}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, lang := range []string{"zh-Hans", "ja", "ko", "en"} {
		s := testSetter(lang, lang != "en")
		for range 200 {
			var b strings.Builder
			for range rng.IntN(80) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			text := b.String()
			measure := 3 + rng.Float64()*30
			lines, p := layoutText(t, s, text, measure, float64(rng.IntN(3)))
			var all strings.Builder
			for _, l := range lines {
				assert.LessOrEqual(t, extent(p, l), l.avail+1e-6, "%q at %v em", text, measure)
				all.WriteString(lineString(p, l))
			}
			assert.Equal(t, strings.Join(strings.Fields(text), ""), strings.ReplaceAll(all.String(), " ", ""))
		}
	}
}

// TestLayoutKoreanKeepAll checks that Korean text breaks only at spaces
// (word-break: keep-all), next to brackets, quotes and Han characters too,
// and is justified at its spaces and, less, between the syllables of its
// words.
func TestLayoutKoreanKeepAll(t *testing.T) {
	s := testSetter("ko", true)
	text := "인공지능(AI)는 “노력”이라며 韓國語와 서울·부산 「연결」을 《조선일보》가 2024년에 3.5%라고 말했다 전문가들은"
	for measure := 8.0; measure <= 30; measure += 0.5 {
		lines, p := layoutText(t, s, text, measure, 0)
		var words []string
		for i, l := range lines {
			words = append(words, strings.Fields(lineString(p, l))...)
			if i < len(lines)-1 && l.justify && strings.Contains(lineString(p, l), " ") {
				end := p.atoms[l.e-1].x + p.atoms[l.e-1].width()
				assert.InDelta(t, l.avail, end, 0.01, "justified at spaces")
				// The slack goes to the spaces, and a little of it
				// between the syllables of a word: never more there
				// than at a space.
				spaceExtra, sylExtra := 0.0, 0.0
				for j := l.s + 1; j < l.e; j++ {
					a, b := &p.atoms[j-1], &p.atoms[j]
					extra := b.x - (a.x + a.width() + a.post + b.pre)
					switch {
					case a.is(fSpace):
						spaceExtra = max(spaceExtra, extra)
					case a.is(fIdeo) && b.is(fIdeo):
						sylExtra = max(sylExtra, extra)
					default:
						assert.InDelta(t, 0, extra, 1e-6, "slack between %c and %c: %q", a.r, b.r, lineString(p, l))
					}
				}
				assert.LessOrEqual(t, sylExtra, spaceExtra+1e-6, "syllables spaced more than words: %q", lineString(p, l))
			}
		}
		assert.Equal(t, strings.Fields(text), words, "measure %v", measure)
	}
}

// maxGap is the widest space between two consecutive visible characters of
// a line, spaces included in the gap.
func maxGap(p *para, l line) float64 {
	gap := 0.0
	prev := -1
	for j := l.s; j < l.e; j++ {
		if p.atoms[j].is(fSpace) {
			continue
		}
		if prev >= 0 {
			gap = max(gap, p.atoms[j].x-(p.atoms[prev].x+p.atoms[prev].adv))
		}
		prev = j
	}
	return gap
}

// TestLayoutLongURL checks that a long URL or word starts on the line where
// it falls and breaks inside (after / - ? & = . _ when possible, else at the
// measure), rather than leaving a line justified with huge gaps.
func TestLayoutLongURL(t *testing.T) {
	url := "https://example.com/a/very/long/path/that/does/not/have/any/spaces/at/all/and/keeps/going/on/and/on/forever/and/ever/index.html?query=1234567890abcdefghijklmnopqrstuvwxyz"
	for _, c := range []struct {
		lang, text string
	}{
		{"en", "For the details of the method, see the report published at " + url + " and the appendix that follows it."},
		{"en", "The word Supercalifragilisticexpialidociousantidisestablishmentarianismfloccinaucinihilipilificationpneumonoultramicroscopicsilicovolcanoconiosis is long."},
		{"en", "See " + strings.ReplaceAll(url, "/", "") + " now."},
		{"zh-Hans", "详见 " + url + " 这个链接。"},
	} {
		s := testSetter(c.lang, c.lang != "en")
		for measure := 20.0; measure <= 45; measure += 2.5 {
			lines, p := layoutText(t, s, c.text, measure, 0)
			var all strings.Builder
			for i, l := range lines {
				str := lineString(p, l)
				all.WriteString(str)
				assert.LessOrEqual(t, extent(p, l), l.avail+1e-6, "overflow: %s", str)
				if i < len(lines)-1 {
					assert.LessOrEqual(t, maxGap(p, l), s.size*1.0, "%s at %v em: gap in line %d %q", c.lang, measure, i, str)
					// Not left nearly empty either.
					assert.Greater(t, l.width, l.avail*0.6, "%s at %v em: short line %d %q", c.lang, measure, i, str)
				}
			}
			assert.Equal(t, strings.ReplaceAll(c.text, " ", ""), strings.ReplaceAll(all.String(), " ", ""))
		}
	}
	// Inside a URL, breaks fall after its delimiters when they leave the
	// line well filled.
	s := testSetter("en", false)
	lines, p := layoutText(t, s, "See "+url, 30, 0)
	require.Greater(t, len(lines), 2)
	for _, l := range lines[:len(lines)-1] {
		last := p.atoms[l.e-1].r
		if !strings.ContainsRune("/-?&=._", last) {
			// or anywhere in a long stretch without them
			assert.Contains(t, "1234567890abcdefghijklmnopqrstuvwxyz", string(last), "line %q", lineString(p, l))
		}
	}
}

// TestLayoutNoHyphenAtLineEnd checks that no line ends with a hyphen-minus
// (pdftotext drops it, taking it for hyphenation): compounds break at
// spaces, dashes typed as -- go to the next line, URLs break before -.
func TestLayoutNoHyphenAtLineEnd(t *testing.T) {
	s := testSetter("en", false)
	text := "The well-funded start-ups had long-term contracts -- about 15% of the market -- and a ten-year lease, see https://example.com/some-long-path-with-many-hyphens-in-it/and-more-of-them-here."
	for measure := 5.0; measure <= 40; measure += 0.5 {
		lines, p := layoutText(t, s, text, measure, 0)
		for i, l := range lines[:len(lines)-1] {
			str := lineString(p, l)
			assert.False(t, strings.HasSuffix(str, "-"), "measure %v line %d: %q", measure, i, str)
		}
	}
}

// TestLayoutCJKQuotes checks that curly quotes are full width in Chinese:
// from the Song body face, which has them; in headings, set in Droid Sans
// Fallback, which lacks them, from the Latin font in a full-width box with
// the opening quote at its right side and the closing one at its left, as
// in Chinese fonts (no gap between “ and 加). In Korean they keep their
// Latin width.
func TestLayoutCJKQuotes(t *testing.T) {
	s := testSetter("zh-Hans", true)
	lines, p := layoutText(t, s, "跑出合作“加速度”，好", 30, 0)
	require.Len(t, lines, 1)
	open, close := p.atoms[4], p.atoms[8]
	require.Equal(t, '“', open.r)
	require.Equal(t, '”', close.r)
	assert.InDelta(t, s.size, open.adv, 1e-9)
	assert.True(t, open.face.cjk, "the quote comes from the CJK body face")
	assert.InDelta(t, open.x+open.adv, p.atoms[5].x, 1e-9, "加 right after the quote's box")

	var hp para
	s.addText(&hp, "跑出合作“加速度”，好", runFmt{st: stSans | stBold, size: s.size}, -1)
	lines = s.layoutPara(&hp, 30*s.size, 0, alignLeft)
	require.Len(t, lines, 1)
	open, close = hp.atoms[4], hp.atoms[8]
	assert.False(t, open.face.cjk, "the heading face has no curly quotes")
	assert.InDelta(t, s.size, open.adv, 1e-9)
	assert.Equal(t, alignRight, open.face.wide['“'])
	assert.Equal(t, alignLeft, close.face.base.wide['”'], "” before ， is halved, its glyph at the left")

	k := testSetter("ko", true)
	_, p = layoutText(t, k, "그는 “노력”이라며", 30, 0)
	assert.Less(t, p.atoms[3].adv, k.size*0.9)
}

func TestCodeWrapHangs(t *testing.T) {
	s := testSetter("en", false)
	s.code(&convert.CodeBlock{Text: "  x := call(" + strings.Repeat("argument, ", 12) + "last)\ny := 1"}, ctx{w: 200}, 0)
	require.Greater(t, len(s.out), 2, "the long line wraps")
	firstX := func(sl slice) float64 {
		for _, it := range sl.items {
			if it.kind == itText {
				return it.x
			}
		}
		return -1
	}
	x0, x1 := firstX(s.out[0]), firstX(s.out[1])
	assert.Greater(t, x1, x0+s.size*0.88, "a continuation line hangs two columns right of the line's indentation")
	for _, sl := range s.out[:len(s.out)-1] {
		for _, it := range sl.items {
			if it.kind == itRect && it.y == 0 {
				assert.Greater(t, it.h, sl.h, "line shading overlaps the next line (no seams)")
			}
		}
	}
	for _, sl := range s.out {
		for _, it := range sl.items {
			if it.kind == itText {
				assert.LessOrEqual(t, it.x, 200.0, "text within the measure")
			}
		}
	}
}

func TestNestedTightListSpacing(t *testing.T) {
	s := testSetter("en", false)
	item := func(text string, more ...convert.Block) []convert.Block {
		return append([]convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: text}}}}, more...)
	}
	inner := &convert.List{Tight: true, Items: [][]convert.Block{item("b1"), item("b2")}}
	s.list(&convert.List{Tight: true, Items: [][]convert.Block{item("a", inner), item("c")}}, ctx{w: 300}, 0)
	require.Len(t, s.out, 4)
	for i, sl := range s.out {
		assert.Zero(t, sl.before, "slice %d: no space inside a tight list, nested list included", i)
	}
}

func TestInlineCodeSize(t *testing.T) {
	s := testSetter("en", false)
	var p para
	s.addInlines(&p, []convert.Inline{&convert.Text{Text: "Call "}, &convert.Code{Text: "f()"}}, s.body())
	require.NotEmpty(t, p.atoms)
	last := p.atoms[len(p.atoms)-1]
	assert.Less(t, p.fmts[last.fmt].size, s.size, "inline code is set smaller than serif body text")
}

func TestTitleBalanced(t *testing.T) {
	s := testSetter("ko", true)
	_, lines, w := s.balanced("한국은행, 기준금리 3.50%로 동결…올해 성장률 2.1% 전망", runFmt{st: stBold | stSans, size: 19, color: black}, 450)
	require.Len(t, lines, 2)
	assert.Less(t, w, 450.0)
	assert.Greater(t, lines[1].width, lines[0].width*0.5, "the two lines of a title are balanced, the second no lone word")
}

// prohibitedClasses are the line-start and line-end prohibited classes of
// jlreq (appendix A, cl-01 to cl-13) and clreq 3.1.7, character by
// character, with the fullwidth, halfwidth, small and vertical forms.
var prohibitedClasses = []struct {
	name  string
	start bool // true: no line starts with them; false: no line ends with them
	chars string
}{
	{"opening brackets (cl-01)", false, "（〔［｛〈《「『【｟〘〖〚〝‘“«‹([{｢﹙﹛﹝︵︷︹︻︽︿﹁﹃﹇"},
	{"closing brackets (cl-02)", true, "）〕］｝〉》」』】｠〙〗〛〟〞’”»›)]}｣﹚﹜﹞︶︸︺︼︾﹀﹂﹄﹈"},
	{"hyphens (cl-03)", true, "‐〜゠–～"},
	{"dividing punctuation (cl-04)", true, "？！‼⁇⁈⁉?!﹖﹗︖︕"},
	{"middle dots, colons, semicolons (cl-05)", true, "・：；·‧:;･﹕﹔︓︔"},
	{"full stops (cl-06)", true, "。．.｡﹒︒"},
	{"commas (cl-07)", true, "，、,､﹐﹑︐︑"},
	{"inseparable (cl-08)", true, "…‥︙︰"},
	{"iteration marks (cl-09)", true, "ゝゞヽヾ々〻"},
	{"prolonged sound mark (cl-10)", true, "ーｰ"},
	{"small kana (cl-11)", true, "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ゛゜ﾞﾟ"},
	{"postfixed abbreviations (cl-13)", true, "％‰℃°′″%"},
}

// TestLayoutProhibitedClasses puts every character of the prohibited
// classes where the line would otherwise break before (or after) it.
func TestLayoutProhibitedClasses(t *testing.T) {
	for _, lang := range []string{"zh-Hans", "zh-Hant", "ja"} {
		s := testSetter(lang, true)
		for _, c := range prohibitedClasses {
			for _, r := range c.chars {
				x := string(r)
				if c.start {
					assert.True(t, startProhibited[r], "%s: %U %s missing from lineStartProhibited", c.name, r, x)
					// Five ideographs fill the 5-em line: the break would
					// fall before x.
					text := "一二三四五" + x + "六七八九"
					lines, p := layoutText(t, s, text, 5, 0)
					for _, l := range lines[1:] {
						assert.NotEqual(t, r, p.atoms[l.s].r, "%s %s: %U %s starts a line: %q", lang, c.name, r, x, lineString(p, l))
					}
				} else {
					assert.True(t, endProhibited[r], "%s: %U %s missing from lineEndProhibited", c.name, r, x)
					// x is the last character that fits: the break would
					// fall after it.
					text := "一二三四" + x + "五六七八"
					lines, p := layoutText(t, s, text, 5, 0)
					for _, l := range lines[:len(lines)-1] {
						assert.NotEqual(t, r, p.atoms[l.e-1].r, "%s %s: %U %s ends a line: %q", lang, c.name, r, x, lineString(p, l))
					}
				}
			}
		}
	}
}

// TestLayoutProportionalSymbols: ° ′ ″ ‰ § ± × → beside digits and Latin
// letters take their proportional width in CJK text (issue 11, item 5);
// between ideographs they keep the full-width box of the CJK font.
func TestLayoutProportionalSymbols(t *testing.T) {
	for _, lang := range []string{"zh-Hant", "zh-Hans", "ja"} {
		s := testSetter(lang, true)
		for _, c := range []struct {
			text string
			sym  rune
		}{
			{"北緯23°29′", '°'}, {"北緯23°29′", '′'}, {"長約12″。", '″'}, {"氣溫25°C", '°'},
			{"機率3‰。", '‰'}, {"依照§ 3規定", '§'}, {"第5條§3", '§'}, {"誤差±0.5公分", '±'},
			{"面積2×3公尺", '×'}, {"路線A → B", '→'}, {"路線A→B", '→'},
		} {
			var p para
			s.addText(&p, c.text, s.body(), -1)
			found := false
			for _, a := range p.atoms {
				if a.r != c.sym {
					continue
				}
				found = true
				require.NotNil(t, a.face)
				assert.InDelta(t, a.face.advance(c.sym)*s.size, a.adv, 1e-9, "%s %q: %c in its own width", lang, c.text, c.sym)
				assert.False(t, a.is(fWide), "%s %q: %c", lang, c.text, c.sym)
				require.NotNil(t, a.face)
				assert.False(t, a.face.cjk, "%s %q: %c from a CJK font", lang, c.text, c.sym)
			}
			assert.True(t, found, c.text)
		}
		// Among ideographs a symbol keeps the CJK font's full-width box.
		var p para
		s.addText(&p, "參見§說明", s.body(), -1)
		assert.True(t, p.atoms[2].is(fWide), "%s: § between ideographs", lang)
		assert.InDelta(t, s.size, p.atoms[2].adv, 1e-9)
	}
}

// TestRubyOverhang: an annotation wider than its base overhangs the kana
// beside it (jlreq 3.3.6) instead of opening gaps around the base, but
// never a kanji or another ruby base.
func TestRubyOverhang(t *testing.T) {
	s := testSetter("ja", true)
	lay := func(ins ...convert.Inline) *para {
		var p para
		s.addInlines(&p, ins, s.body())
		s.layoutPara(&p, 40*s.size, 0, alignJustify)
		return &p
	}
	ruby := func(b, r string) *convert.Ruby { return &convert.Ruby{Base: b, Text: r} }
	txt := func(x string) *convert.Text { return &convert.Text{Text: x} }
	// を擱《さしお》き: three ruby kana (1.5 em) over one kanji, kana on both
	// sides: no padding left.
	p := lay(txt("筆を"), ruby("擱", "さしお"), txt("き"))
	assert.InDelta(t, 0, p.atoms[2].pre, 1e-9)
	assert.InDelta(t, 0, p.atoms[2].post, 1e-9)
	// Between kanji: padded a quarter em on each side.
	p = lay(txt("筆"), ruby("擱", "さしお"), txt("筆"))
	assert.InDelta(t, 0.25*s.size, p.atoms[1].pre, 1e-9)
	assert.InDelta(t, 0.25*s.size, p.atoms[1].post, 1e-9)
	// Next to another ruby base: no overhang on that side.
	p = lay(txt("を"), ruby("擱", "さしお"), ruby("漢", "かん"))
	assert.InDelta(t, 0, p.atoms[1].pre, 1e-9)
	assert.InDelta(t, 0.25*s.size, p.atoms[1].post, 1e-9)
	// Laying out twice takes nothing more back.
	s.layoutPara(p, 30*s.size, 0, alignJustify)
	assert.InDelta(t, 0.25*s.size, p.atoms[1].post, 1e-9)
}

// TestEmphasisDots: emphasis in CJK text is drawn as dots (below the
// characters in Chinese, above in Japanese), not slanted; Latin text in it
// stays italic; the dots are graphics, not text.
func TestEmphasisDots(t *testing.T) {
	for _, c := range []struct {
		lang  string
		below bool
	}{{"zh-Hant", true}, {"ja", false}} {
		s := testSetter(c.lang, true)
		var p para
		s.addInlines(&p, []convert.Inline{&convert.Text{Text: "這是"},
			&convert.Emph{Inlines: []convert.Inline{&convert.Text{Text: "重要ab"}}}}, s.body())
		lines := s.layoutPara(&p, 40*s.size, 0, alignJustify)
		require.Len(t, lines, 1)
		assert.True(t, p.atoms[2].is(fDot) && p.atoms[3].is(fDot))
		assert.False(t, p.atoms[2].is(fSlant))
		assert.False(t, p.atoms[4].is(fDot), "Latin letters are not dotted")
		var items []item
		s.emitLine(&p, lines[0], 0, 20, &items)
		var dots []item
		for _, it := range items {
			if it.kind == itDot {
				dots = append(dots, it)
			}
			if it.kind == itText {
				assert.NotContains(t, it.text, "•")
			}
		}
		require.Len(t, dots, 2, c.lang)
		assert.InDelta(t, p.atoms[2].x+p.atoms[2].adv/2, dots[0].x, 1e-9)
		assert.Equal(t, c.below, dots[0].y > 20, c.lang)
	}
}

// TestRubyAtLineEdges: an annotation wider than its base at the start or
// end of a line is aligned with the line's edge, not hung in the margin.
func TestRubyAtLineEdges(t *testing.T) {
	s := testSetter("ja", true)
	var p para
	s.addInlines(&p, []convert.Inline{&convert.Ruby{Base: "擱", Text: "さしおき"}, &convert.Text{Text: "本文"},
		&convert.Ruby{Base: "擱", Text: "さしおき"}}, s.body())
	lines := s.layoutPara(&p, 40*s.size, 0, alignLeft)
	require.Len(t, lines, 1)
	var items []item
	s.emitLine(&p, lines[0], 100, 20, &items)
	var rubyX []float64
	for _, it := range items {
		if it.kind == itText && it.size < s.size {
			rubyX = append(rubyX, it.x)
		}
	}
	require.Len(t, rubyX, 2)
	assert.GreaterOrEqual(t, rubyX[0], 100.0-1e-9, "ruby at the line start stays in the measure")
	last := p.atoms[len(p.atoms)-1]
	assert.LessOrEqual(t, rubyX[1]+4*s.size*rubyScale, 100+last.x+last.width()+1e-9, "ruby at the line end stays in the line")
}

// TestLayoutSectionSign: "§ 3" never breaks after the sign.
func TestLayoutSectionSign(t *testing.T) {
	for _, lang := range []string{"zh-Hant", "en"} {
		s := testSetter(lang, lang != "en")
		for _, m := range []float64{5, 6, 7, 8, 9, 10} {
			lines, p := layoutText(t, s, "依照第5條§ 3規定 and see § 12 of it", m, 0)
			for _, l := range lines {
				str := lineString(p, l)
				assert.False(t, strings.HasSuffix(strings.TrimSpace(str), "§"), "%s at %v em: %q", lang, m, str)
			}
		}
	}
}
