package pdf

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/docconv/docconv/convert"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// longText builds a long Markdown document of chapters from the sentences
// of the public-domain fixtures: paragraphs of 1 to 7 sentences (so of 1 to
// about 12 lines, in a fixed pseudo-random order), a bold paragraph that
// reads as a heading now and then, and a heading every 40 paragraphs.
func longText(t testing.TB, lang string, chapters int) string {
	t.Helper()
	var files []string
	var split *regexp.Regexp
	if lang == "en" {
		files = []string{"../../testdata/articles/en.txt"}
		split = regexp.MustCompile(`.+?[.:](\s+|$)`)
	} else {
		files = []string{"testdata/typeset/kongyiji-hans.txt", "../../testdata/articles/zh-hans.txt"}
		if lang == "ja" {
			files = []string{"testdata/typeset/bocchan-ja.txt", "../../testdata/articles/ja.txt"}
		}
		split = regexp.MustCompile(`[^。！？]+[。！？][”」]?`)
	}
	var sents []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, para := range strings.Split(string(b), "\n\n") {
			para = strings.Join(strings.Fields(para), " ")
			if lang != "en" {
				para = strings.ReplaceAll(para, " ", "")
			}
			sents = append(sents, split.FindAllString(para, -1)...)
		}
	}
	require.NotEmpty(t, sents)
	var b strings.Builder
	seed := uint32(12345)
	rnd := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>16) % n
	}
	k := 0
	for c := 1; c <= chapters; c++ {
		fmt.Fprintf(&b, "# %d\n\n", c)
		for p := 0; p < 40; p++ {
			if p > 0 && rnd(12) == 0 {
				fmt.Fprintf(&b, "**%s**\n\n", strings.TrimSpace(strings.TrimRight(sents[k%len(sents)], ".:。！？”」")))
				k++
			}
			n := 1 + rnd(7)
			for i := 0; i < n; i++ {
				b.WriteString(strings.TrimSpace(sents[k%len(sents)]))
				if lang == "en" {
					b.WriteString(" ")
				}
				k++
			}
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// shortPages counts the pages of a laid-out document that end 1.5 lines
// or more short of the text block and are not the last page of a section
// (the page before a heading, a page break or the end).
func shortPages(r *laidOut) (short []int, total int) {
	t := r.t
	pitch := t.pitch(t.size)
	for i, pg := range r.pages {
		if pg.section || i == len(r.pages)-1 {
			continue
		}
		if (pg.block-pg.used)/pitch >= 1.5 {
			short = append(short, i+1)
		}
	}
	return short, len(r.pages)
}

// TestPagesFill lays out long texts (50+ pages) and checks that every page
// but a section's last is filled to within one line, with the body lines
// on the line grid.
func TestPagesFill(t *testing.T) {
	dir := t.TempDir()
	if d := os.Getenv("DOCCONV_PAGES_DIR"); d != "" {
		dir = d // keep the texts, to convert them with the CLI
	}
	for _, c := range []struct{ lang, size string }{{"zh", "A4"}, {"zh", "A5"}, {"en", "A4"}, {"en", "B5"}, {"ja", "B5"}} {
		t.Run(c.lang+"-"+c.size, func(t *testing.T) {
			path := filepath.Join(dir, "long-"+c.lang+".md")
			require.NoError(t, os.WriteFile(path, []byte(longText(t, c.lang, 18)), 0o644))
			d := readFixture(t, path)
			r, err := (&Writer{PageSize: c.size}).layout(context.Background(), d)
			require.NoError(t, err)
			short, total := shortPages(r)
			if os.Getenv("DOCCONV_PAGES_DIR") != "" {
				b, err := (&Writer{PageSize: c.size}).Render(context.Background(), d)
				require.NoError(t, err)
				require.NoError(t, os.WriteFile(filepath.Join(dir, "long-"+c.lang+"-"+c.size+".pdf"), b, 0o644))
			}
			t.Logf("%s %s: %d of %d pages end 1.5 lines or more short", c.lang, c.size, len(short), total)
			assert.GreaterOrEqual(t, total, 50)
			assert.Empty(t, short, "short pages")
			// Facing lines align: every body line's top is on the grid.
			pitch := r.t.pitch(r.t.size)
			for i, pg := range r.pages {
				for _, y := range pg.grid {
					k := (y - r.t.top) / pitch
					require.InDelta(t, float64(int(k+0.5)), k, 1e-6, "page %d: line at %.2f off the grid", i+1, y)
				}
			}
		})
	}
}

// gridSetter is a setter with a text block of exactly ten body lines.
func gridSetter() *setter {
	t := &setter{size: 10, lead: 2, top: 50}
	t.pageH = t.top + 10*t.pitch(t.size) + 50 + 7 // 7 pt too few for an 11th line
	t.bottom = 50
	return t
}

// bodyLines returns the slices of paragraphs of the given line counts, as
// paraStream emits them.
func bodyLines(t *setter, counts ...int) []slice {
	var out []slice
	for _, n := range counts {
		for i := range n {
			out = append(out, slice{h: t.pitch(t.size), grid: true, soft: n > 1 && (i == 0 || i == n-2),
				items: []item{{kind: itRect, w: float64(n), h: float64(i)}}})
		}
	}
	return out
}

// pageLines is the number of slices on each page.
func pageLines(pages []page) []int {
	var n []int
	for _, p := range pages {
		n = append(n, len(p.items))
	}
	return n
}

func TestPaginateWidowsOrphans(t *testing.T) {
	s := gridSetter()
	// Four lines with three lines of room: two and two (no orphan, no
	// widow).
	assert.Equal(t, []int{9, 2}, pageLines(s.paginate(bodyLines(s, 7, 4), nil)))
	// The first line alone at the foot moves to the next page: one line
	// short.
	assert.Equal(t, []int{9, 4}, pageLines(s.paginate(bodyLines(s, 9, 4), nil)))
	// The last line alone at the head: a line moves with it.
	assert.Equal(t, []int{9, 2}, pageLines(s.paginate(bodyLines(s, 5, 6), nil)))
	// Three lines with two lines of room: moving all three would leave the
	// page two lines short; the page is filled to within a line (an orphan
	// rather than a widow).
	ps := s.paginate(bodyLines(s, 8, 3), nil)
	assert.Equal(t, []int{9, 2}, pageLines(ps))
	assert.False(t, ps[0].section)
	// Two lines with one line of room move together.
	assert.Equal(t, []int{9, 2}, pageLines(s.paginate(bodyLines(s, 9, 2), nil)))
}

func TestPaginateHeadingsAndGrid(t *testing.T) {
	s := gridSetter()
	pitch := s.pitch(s.size)
	// A heading (not on the grid) with room for itself and one line: it
	// goes to the next page with its paragraph, and the page ends short
	// as a section's last.
	ls := bodyLines(s, 8)
	ls = append(ls, slice{h: 15, before: 5, keep: true, items: []item{{kind: itRect}}})
	ls = append(ls, bodyLines(s, 5)...)
	ps := s.paginate(ls, nil)
	require.Len(t, ps, 2)
	assert.Equal(t, []int{8, 6}, pageLines(ps))
	assert.True(t, ps[0].section)
	// Below the heading, the lines are back on the grid: 15 pt rounds up
	// to a whole line.
	assert.InDelta(t, s.top+pitch, ps[1].grid[0], 1e-9)
	// The text block is ten whole lines.
	assert.InDelta(t, s.top+10*pitch, ps[0].block, 1e-9)
}

func TestHeadingLikeKept(t *testing.T) {
	bold := func(s string) *convert.Paragraph {
		return &convert.Paragraph{Inlines: []convert.Inline{&convert.Strong{Inlines: []convert.Inline{&convert.Text{Text: s}}}}}
	}
	assert.True(t, headingLike(bold("第一回").Inlines))
	assert.False(t, headingLike([]convert.Inline{&convert.Text{Text: "x "}, &convert.Strong{}}))
	s := testSetter("zh-Hans", true)
	s.measure, s.left, s.indent = 300, 50, 2
	s.blocks([]convert.Block{bold("第一回"), &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: strings.Repeat("正文。", 100)}}}}, s.bodyCtx())
	require.NotEmpty(t, s.out)
	assert.True(t, s.out[0].keep, "a bold paragraph of one line keeps with the next")
	assert.True(t, s.out[0].grid)
	assert.False(t, s.out[len(s.out)-1].keep)
}

// BenchmarkPaginate: pagination is linear in the number of lines (compare
// ns/op across sizes: about 10× per 10× lines).
func BenchmarkPaginate(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			s := gridSetter()
			var counts []int
			for k := 0; len(counts) < n/4; k++ {
				counts = append(counts, 1+k*7%9)
			}
			ls := bodyLines(s, counts...)
			b.ResetTimer()
			for range b.N {
				s.paginate(ls, nil)
			}
		})
	}
}

func TestParagraphSpace(t *testing.T) {
	s := testSetter("en", false)
	s.measure, s.left, s.indent = 300, 50, 1.5
	para := func(x string) *convert.Paragraph {
		return &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: x}}}
	}
	s.blocks([]convert.Block{para("a"), para("b"), &convert.List{Items: [][]convert.Block{{para("i")}}}, para("c")}, s.bodyCtx())
	require.Len(t, s.out, 4)
	assert.Zero(t, s.out[1].before, "indented paragraphs: no space between them")
	assert.Positive(t, s.out[3].before, "a paragraph after a list is set off (a whole line, by paginate)")
	assert.True(t, s.out[3].grid)
}

// TestPageBreak: a page break starts a new page, with the page before it
// a section's last; one at the start, or two in a row, make no empty page.
func TestPageBreak(t *testing.T) {
	p := func(s string) *convert.Paragraph {
		return &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: s}}}
	}
	pb := &convert.PageBreak{}
	s := testSetter("zh-Hans", true)
	s.measure, s.left, s.indent = 300, 50, 2
	s.blocks([]convert.Block{pb, p("一。"), pb, pb, p("二。"), &convert.Quote{Blocks: []convert.Block{pb, p("三。")}}, pb}, s.bodyCtx())
	require.Len(t, s.out, 3)
	assert.False(t, s.out[0].newPage)
	assert.True(t, s.out[1].newPage)
	assert.True(t, s.out[2].newPage)
	pages := s.paginate(s.out, nil)
	require.Len(t, pages, 3)
	assert.True(t, pages[0].section)
}
