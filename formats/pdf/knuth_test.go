package pdf

import (
	"os"
	"strings"
	"testing"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/scaletest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// proseParas reads the paragraphs of a text of testdata/prose.
func proseParas(t testing.TB, name string) []string {
	data, err := os.ReadFile("../../testdata/prose/" + name)
	require.NoError(t, err)
	var out []string
	for _, p := range strings.Split(string(data), "\n\n") {
		if p = strings.TrimSpace(p); len([]rune(p)) > 80 {
			out = append(out, p)
		}
	}
	return out
}

// wordSpaces returns the widest word space of each justified line but the
// last, in em.
func wordSpaces(p *para, lines []line, em float64) []float64 {
	var out []float64
	for _, l := range lines {
		if !l.justify {
			continue
		}
		widest := 0.0
		for j := l.s + 1; j < l.e-1; j++ {
			if p.atoms[j].is(fSpace) {
				widest = max(widest, p.atoms[j+1].x-(p.atoms[j-1].x+p.atoms[j-1].adv))
			}
		}
		if widest > 0 {
			out = append(out, widest/em)
		}
	}
	return out
}

// TestKnuthPlassSpaces lays out unseen English and Korean prose at several
// measures: word spaces reach twice their natural width (0.55 em) on at
// most 3% of the justified lines, where the greedy breaker went far over.
func TestKnuthPlassSpaces(t *testing.T) {
	for _, c := range []struct {
		lang, file string
		cjk        bool
	}{
		{"en", "en-austen.txt", false},
		{"ko", "ko-hyeon-kim.txt", true},
	} {
		s := testSetter(c.lang, c.cjk)
		var total, loose, greedyLoose int
		for _, measure := range []float64{24, 28, 32, 36, 40, 44} {
			for _, text := range proseParas(t, c.file) {
				lines, p := layoutText(t, s, text, measure, 2)
				for _, l := range lines {
					assert.LessOrEqual(t, extent(p, l), l.avail+1e-6)
				}
				for _, w := range wordSpaces(p, lines, s.size) {
					total++
					if w >= 0.55 {
						loose++
					}
				}
				// The greedy breaker on the same text.
				var q para
				s.addText(&q, text, s.body(), -1)
				gl := breakLines(q.atoms, breaks(q.atoms, &s.seg, &s.rbuf, s.keepAll), measure*s.size, 2*s.size, s.size, s.halveClosing)
				for i := range gl {
					gl[i].spaces = s.keepAll
					position(q.atoms, gl[i], alignJustify)
				}
				for _, w := range wordSpaces(&q, gl, s.size) {
					if w >= 0.55 {
						greedyLoose++
					}
				}
			}
		}
		t.Logf("%s: %d of %d justified lines with a word space of 0.55 em or more (greedy: %d)", c.lang, loose, total, greedyLoose)
		assert.LessOrEqual(t, float64(loose), 0.03*float64(total), c.lang)
		assert.Less(t, loose, greedyLoose, c.lang)
	}
}

// TestHyphenation: English is hyphenated where that makes the paragraph
// better, with at least two letters before the hyphen and three after;
// never in URLs, code, acronyms or Korean; the hyphen is drawn as text.
func TestHyphenation(t *testing.T) {
	s := testSetter("en", false)
	hyphenated := 0
	for _, text := range proseParas(t, "en-austen.txt") {
		lines, p := layoutText(t, s, text, 24, 0)
		for _, l := range lines {
			if l.hyph == 0 {
				continue
			}
			hyphenated++
			s, e := token(p.atoms, l.e-1)
			assert.GreaterOrEqual(t, l.e-s, 2, lineString(p, l))
			assert.GreaterOrEqual(t, e-l.e, 3, lineString(p, l))
			var items []item
			st := testSetter("en", false)
			st.emitLine(p, l, 0, 0, &items)
			require.NotEmpty(t, items)
			last := items[len(items)-1]
			assert.Equal(t, "-", last.text)
			assert.InDelta(t, l.avail, last.x+l.hyph, 0.01, "the hyphen ends at the measure")
		}
	}
	assert.Positive(t, hyphenated)
	// No hyphenation points in URLs, code, acronyms, numbers.
	var p para
	s.addText(&p, "See https://example.com/documentation/hyphenation UNBELIEVABLE McDonaldization abc123establishment ", s.body(), -1)
	s.addInlines(&p, []convert.Inline{&convert.Code{Text: "representation"}, &convert.Text{Text: " representation"}}, s.body())
	brk := breaks(p.atoms, &s.seg, &s.rbuf, false)
	var at []string
	for _, h := range s.hyphenPoints(&p, brk) {
		if h.w > 0 {
			ts, te := token(p.atoms, h.pos)
			at = append(at, lineString(&p, line{s: ts, e: te}))
		}
	}
	assert.NotEmpty(t, at)
	for _, w := range at {
		assert.Equal(t, "representation", w, "hyphenated: %s", w)
	}
	// Korean and Chinese have no patterns.
	for _, lang := range []string{"ko", "zh-Hant"} {
		k := testSetter(lang, true)
		var q para
		k.addText(&q, "establishment representation", k.body(), -1)
		for _, h := range k.hyphenPoints(&q, breaks(q.atoms, &k.seg, &k.rbuf, k.keepAll)) {
			assert.Zero(t, h.w, lang)
		}
	}
}

// TestLinkSpaces: the spaces next to a link stretch like the others.
func TestLinkSpaces(t *testing.T) {
	s := testSetter("en", false)
	var ins []convert.Inline
	for i := range 40 {
		if i%3 == 0 {
			ins = append(ins, &convert.Link{URL: "https://example.com", Inlines: []convert.Inline{&convert.Text{Text: "linked words"}}}, &convert.Text{Text: " "})
		} else {
			ins = append(ins, &convert.Text{Text: "plain text here "})
		}
	}
	var p para
	s.addInlines(&p, ins, s.body())
	lines := s.layoutPara(&p, 30*s.size, 0, alignJustify)
	require.Greater(t, len(lines), 3)
	for _, l := range lines[:len(lines)-1] {
		var gaps []float64
		for j := l.s + 1; j < l.e-1; j++ {
			if p.atoms[j].is(fSpace) {
				gaps = append(gaps, p.atoms[j+1].x-p.atoms[j].x)
			}
		}
		for _, g := range gaps {
			assert.InDelta(t, gaps[0], g, 0.01, "line %q", lineString(&p, l))
		}
	}
}

// TestKnuthPlassScaling: breaking a paragraph stays linear in its length
// (the active nodes are bounded), in English, Chinese and Korean, and for
// a string that cannot be broken at all.
func TestKnuthPlassScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling test")
	}
	for _, c := range []struct {
		name, lang, text string
		cjk              bool
	}{
		{"English", "en", strings.Join(proseParas(t, "en-austen.txt"), " "), false},
		{"Chinese", "zh-Hant", strings.Repeat("臺灣半導體產業產值達新台幣四兆元，較前一年成長約百分之五。「先進製程」產能持續吃緊：", 20), true},
		{"Korean", "ko", strings.Join(proseParas(t, "ko-hyeon-kim.txt"), " "), true},
		{"unbreakable", "en", strings.Repeat("x", 3000), false},
	} {
		s := testSetter(c.lang, c.cjk)
		run := func(text string) {
			var p para
			s.addText(&p, text, s.body(), -1)
			s.layoutPara(&p, 30*s.size, 2*s.size, alignJustify)
		}
		small := strings.Repeat(c.text+" ", 2)
		scaletest.Linear(t, c.name, run, small, strings.Repeat(small, 10))
	}
}

// BenchmarkKnuthPlass breaks a paragraph of about 100,000 characters of
// English and of Chinese (not streamed).
//
//	go test -run - -bench KnuthPlass -benchmem ./formats/pdf
func BenchmarkKnuthPlass(b *testing.B) {
	for _, c := range []struct {
		name, lang, text string
		cjk              bool
	}{
		{"en", "en", strings.Join(proseParas(b, "en-austen.txt"), " "), false},
		{"zh", "zh-Hant", strings.Repeat("臺灣半導體產業產值達新台幣四兆元，較前一年成長約百分之五。「先進製程」產能持續吃緊：", 40), true},
	} {
		s := testSetter(c.lang, c.cjk)
		text := c.text
		for len([]rune(text)) < 100_000 {
			text += " " + c.text
		}
		var p para
		s.addText(&p, text, s.body(), -1)
		atoms := append([]atom(nil), p.atoms...)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p.atoms = append(p.atoms[:0], atoms...)
				s.layoutPara(&p, 30*s.size, 2*s.size, alignJustify)
			}
		})
	}
}
