package pdf

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/docconv/docconv/convert"
	_ "github.com/docconv/docconv/formats/aozora"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// typesetFixtures are the public-domain texts of testdata/typeset (see its
// README) and the shared CJK articles.
func typesetFixtures(t *testing.T) []string {
	t.Helper()
	fs, err := filepath.Glob("testdata/typeset/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, fs)
	return append(fs, "../../examples/article.txt", "../../testdata/articles/zh-hans.txt",
		"../../testdata/articles/zh-hant.txt", "../../testdata/articles/ja.txt")
}

// eachLine lays out every paragraph of the fixture at several measures
// (in em) and calls f for every line.
func eachLine(t *testing.T, path string, f func(p *para, l line, em float64, last bool)) {
	t.Helper()
	d := readFixture(t, path)
	lang := d.Meta.Lang
	if lang == "" || lang == "und" {
		lang = convert.DetectLanguage(convert.DocumentText(d))
	}
	s := testSetter(lang, convert.IsCJKLang(lang))
	for _, measure := range []float64{43, 42.5, 37, 31.25, 28, 24.5, 19} {
		for _, b := range d.Blocks {
			x, ok := b.(*convert.Paragraph)
			if !ok {
				continue
			}
			var p para
			s.addInlines(&p, x.Inlines, s.body())
			lines := s.layoutPara(&p, measure*s.size, 2*s.size, alignJustify)
			for i, l := range lines {
				f(&p, l, s.size, i == len(lines)-1)
			}
		}
	}
}

// TestTypesetPunctuation checks the punctuation rules of issue 11 on real
// text: no lone mark compressed inside a line, adjacent marks in 1.5 em
// (1 em at a line end), no line starting or ending with a prohibited mark.
func TestTypesetPunctuation(t *testing.T) {
	for _, path := range typesetFixtures(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			lines, pairs := 0, 0
			eachLine(t, path, func(p *para, l line, em float64, last bool) {
				lines++
				at := func(i int) *atom { return &p.atoms[i] }
				isMark := func(i int) bool {
					return i >= l.s && i < l.e && (isPunctMark(at(i).r) || at(i).r == '！' || at(i).r == '？')
				}
				for i := l.s; i < l.e; i++ {
					a := at(i)
					if a.face != nil && a.face.base != nil && i != l.e-1 {
						assert.True(t, isMark(i-1) || isMark(i+1), "%q: %c compressed alone mid-line", lineString(p, l), a.r)
					}
					if i+1 < l.e && isPunctMark(a.r) && isPunctMark(at(i+1).r) && a.is(fWide) && at(i+1).is(fWide) {
						pairs++
						w := a.adv + at(i+1).adv
						assert.LessOrEqual(t, w, 1.5*em+1e-6, "%q: %c%c", lineString(p, l), a.r, at(i+1).r)
						if i+2 == l.e && squeezableSet[at(i+1).r] {
							assert.LessOrEqual(t, w, em+1e-6, "%q: pair at the line end", lineString(p, l))
						}
					}
				}
				if l.e > l.s {
					assert.False(t, startProhibited[at(l.s).r] && l.s > 0 && !at(l.s-1).is(fHard), "line starts with %c: %q", at(l.s).r, lineString(p, l))
					assert.False(t, endProhibited[at(l.e-1).r] && !last, "line ends with %c: %q", at(l.e-1).r, lineString(p, l))
				}
				assert.LessOrEqual(t, extent(p, l), l.avail+1e-6)
			})
			assert.Positive(t, lines)
			t.Logf("%d lines, %d pairs", lines, pairs)
		})
	}
}

// TestAozoraRuby converts the Aozora Bunko fixtures as the CLI does
// (detected in .txt input): every reading is drawn at half size above its
// base, none of the notation reaches the page, 傍点 become dots.
func TestAozoraRuby(t *testing.T) {
	for _, c := range []struct {
		path       string
		ruby, dots int
	}{{"../aozora/testdata/ryoya.txt", 70, 0}, {"../aozora/testdata/furui-mura.txt", 15, 2}} {
		d := readFixture(t, c.path)
		r, err := (&Writer{}).layout(context.Background(), d)
		require.NoError(t, err)
		ruby, dots := 0, 0
		for _, pg := range r.pages {
			for _, it := range pg.items {
				switch {
				case it.kind == itDot:
					dots++
				case it.kind == itText:
					assert.NotContains(t, it.text, "《")
					assert.NotContains(t, it.text, "［＃")
					if it.size < r.t.size*0.6 && it.y < 700 {
						ruby += len([]rune(it.text))
					}
				}
			}
		}
		assert.Equal(t, c.ruby, ruby, c.path)
		assert.Equal(t, c.dots, dots, c.path)
	}
}
