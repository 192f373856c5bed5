package pdf

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/scaletest"
	"github.com/docconv/docconv/formats/markdown"
	"github.com/docconv/docconv/internal/validate"
)

// notesDoc is a long English text (longText) with a footnote every fifth
// paragraph; every eleventh note is several lines long and has a second
// paragraph. Note k's text starts "Note k says".
func notesDoc(t testing.TB, chapters int) *convert.Document {
	t.Helper()
	paras := strings.Split(longText(t, "en", chapters), "\n\n")
	var b, defs strings.Builder
	k := 0
	for i, p := range paras {
		b.WriteString(p)
		if i%5 == 3 && !strings.HasPrefix(p, "#") && !strings.HasPrefix(p, "**") && p != "" {
			k++
			fmt.Fprintf(&b, "[^%d]", k)
			fmt.Fprintf(&defs, "[^%d]: Note %d says where the fact comes from.", k, k)
			if k%11 == 0 {
				defs.WriteString(strings.Repeat(" A long note goes on and on with more detail.", 12))
				fmt.Fprintf(&defs, "\n\n    Its second paragraph, of note %d.", k)
			}
			defs.WriteString("\n\n")
		}
		b.WriteString("\n\n")
	}
	d, err := (&markdown.Reader{}).Parse([]byte(b.String() + defs.String()))
	require.NoError(t, err)
	require.Equal(t, k, convert.NoteCount(d.Blocks))
	return d
}

// pageOf returns the 1-based page of the first match of re in pages.
func pageOf(pages []string, re *regexp.Regexp) int {
	for i, p := range pages {
		if re.MatchString(p) {
			return i + 1
		}
	}
	return 0
}

// TestFootnotesOnTheirPage: each note starts at the foot of the page that
// holds its reference (poppler's text: the mark reads "[k]" in the line,
// the note "[k] Note k says…" below), long notes continue on the next
// page, and no note text is lost.
func TestFootnotesOnTheirPage(t *testing.T) {
	d := notesDoc(t, 2)
	b, err := (&Writer{}).Render(context.Background(), d)
	require.NoError(t, err)
	qpdfCheck(t, b)
	txt := pdfText(t, b)
	if txt == "" {
		return
	}
	pages := strings.Split(txt, "\f")
	n := convert.NoteCount(d.Blocks)
	for k := 1; k <= n; k++ {
		label := regexp.MustCompile(fmt.Sprintf(`\[%d\]\s*Note %d says`, k, k))
		mark := regexp.MustCompile(fmt.Sprintf(`\S ?\[%d\]`, k)) // in a line of text (a label starts a line)
		pl, pm := pageOf(pages, label), pageOf(pages, mark)
		require.NotZero(t, pl, "note %d not found", k)
		assert.Equal(t, pm, pl, "note %d: reference on page %d, note on page %d", k, pm, pl)
		if k%11 == 0 {
			second := pageOf(pages, regexp.MustCompile(fmt.Sprintf(`Its second paragraph, of note %d\.`, k)))
			assert.Contains(t, []int{pl, pl + 1}, second, "note %d's second paragraph", k)
		}
	}
	// Every character of the text writer's output is in the PDF.
	missing, _ := recoveryOf(t, d, txt)
	assert.Empty(t, missing)
}

// recoveryOf compares the text writer's output with the PDF's text.
func recoveryOf(t *testing.T, d *convert.Document, got string) (missing, extra string) {
	t.Helper()
	return validate.Recovery(plainText(t, d), got)
}

// TestLongNoteContinues: a note longer than the room below its reference
// starts on the reference's page and goes on at the foot of the next one,
// before that page's own notes; a note longer than a page goes on over
// pages of its own.
func TestLongNoteContinues(t *testing.T) {
	long := strings.Repeat("This note is very long indeed and it goes on. ", 400)
	src := strings.Repeat("Body text of the page that fills it up with words. ", 140) +
		"Reference.[^a]\n\nMore body text after it.[^b]\n\n[^a]: Start. " + long + "End of the long note.\n\n[^b]: The short note.\n"
	d, err := (&markdown.Reader{}).Parse([]byte(src))
	require.NoError(t, err)
	b, err := (&Writer{}).Render(context.Background(), d)
	require.NoError(t, err)
	qpdfCheck(t, b)
	txt := pdfText(t, b)
	if txt == "" {
		return
	}
	pages := strings.Split(strings.TrimRight(txt, "\f"), "\f")
	require.GreaterOrEqual(t, len(pages), 3)
	start := pageOf(pages, regexp.MustCompile(`\[1\]\s*Start\.`))
	ref := pageOf(pages, regexp.MustCompile(`Reference\.\[1\]`))
	assert.Equal(t, ref, start)
	end := pageOf(pages, regexp.MustCompile(`End of the long note\.`))
	assert.Greater(t, end, start)
	assert.Equal(t, 400, strings.Count(txt, "goes"), "no line of the note lost")
	assert.NotZero(t, pageOf(pages, regexp.MustCompile(`\[2\]\s*The short note\.`)))
}

// TestEndnotes: with Notes "end" (-V pdf.notes=end) the notes follow the
// text under a heading in the document's language, the marks stay.
func TestEndnotes(t *testing.T) {
	for _, tc := range []struct{ lang, heading string }{{"en", "Notes"}, {"zh-Hant", "註釋"}, {"ja", "注"}} {
		d := &convert.Document{Meta: convert.Meta{Lang: tc.lang}, Blocks: []convert.Block{
			&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "Body"},
				&convert.Note{Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "The end note"}}}}}}},
		}}
		w := &Writer{Notes: NotesEnd}
		b, err := w.Render(context.Background(), d)
		require.NoError(t, err)
		txt := pdfText(t, b)
		if txt == "" {
			return
		}
		assert.Regexp(t, `Body\[1\]\s+`+tc.heading+`\s+\[1\]\s*The end note`, txt)
	}
	_, err := (&Writer{Notes: "middle"}).Render(context.Background(), &convert.Document{})
	require.ErrorIs(t, err, convert.ErrInvalidInput)
	assert.Contains(t, err.Error(), `unknown note placement "middle"`)
	w := NewWriter(&convert.Options{Vars: map[string]string{"pdf.notes": "End"}})
	assert.Equal(t, NotesEnd, w.Notes)
}

// TestSubSupTasks: subscripts and superscripts are smaller and shifted
// (their runs' size and baseline), and read as plain characters on their
// line; task checkboxes are drawn and read "[x]" and "[ ]".
func TestSubSupTasks(t *testing.T) {
	src := "H<sub>2</sub>O and x<sup>2</sup> and 水分子 H<sub>2</sub>O。\n\n- [x] done item\n- [ ] open item\n\n1. [x] first\n"
	d, err := (&markdown.Reader{}).Parse([]byte(src))
	require.NoError(t, err)
	r, err := (&Writer{}).layout(context.Background(), d)
	require.NoError(t, err)
	var base, subY, supY, size, subSize float64
	for _, it := range r.pages[0].items {
		if it.kind != itText {
			continue
		}
		switch {
		case strings.HasPrefix(it.text, "H") && base == 0:
			base, size = it.y, it.size
		case it.text == "2" && subY == 0:
			subY, subSize = it.y, it.size
		case it.text == "2":
			if supY == 0 && it.y < base {
				supY = it.y
			}
		}
	}
	require.NotZero(t, base)
	assert.InDelta(t, size*subSupScale, subSize, 0.01)
	assert.InDelta(t, base+size*subDrop, subY, 0.01, "subscript lowered")
	assert.InDelta(t, base-size*supRise, supY, 0.01, "superscript raised")
	b, err := (&Writer{}).Render(context.Background(), d)
	require.NoError(t, err)
	txt := pdfText(t, b)
	if txt == "" {
		return
	}
	assert.Contains(t, txt, "H2O and x2 and")
	assert.Contains(t, txt, "[x] done item")
	assert.Contains(t, txt, "[ ] open item")
	assert.Contains(t, txt, "1. [x] first")
}

// TestNotesHostile: notes in tables, lists and quotes, a note citing
// itself, an undefined reference, and a shared *Note render, with every
// note once at a page foot.
func TestNotesHostile(t *testing.T) {
	src := "> Quoted.[^q]\n\n| a | b[^t] |\n| --- | --- |\n| c[^c] | d |\n\n- item[^l]\n  - nested[^n]\n\nSelf.[^s] Undefined [^x].\n\n" +
		"[^q]: From a quote.\n[^t]: From a header.\n[^c]: From a cell.\n[^l]: From a list.\n[^n]: From a nested list.\n[^s]: Cites [^s] itself.\n"
	d, err := (&markdown.Reader{}).Parse([]byte(src))
	require.NoError(t, err)
	shared := &convert.Note{Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "Shared note"}}}}}
	d.Blocks = append(d.Blocks, &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "One"}, shared, &convert.Text{Text: " two"}, shared}})
	b, err := (&Writer{}).Render(context.Background(), d)
	require.NoError(t, err)
	qpdfCheck(t, b)
	txt := pdfText(t, b)
	if txt == "" {
		return
	}
	for i, s := range []string{"From a quote.", "From a header.", "From a cell.", "From a list.", "From a nested list.", "Cites [^s] itself.", "Shared note"} {
		assert.Regexp(t, fmt.Sprintf(`(?m)^\[%d\]`, i+1), txt) // the label (poppler may read the labels as a column)
		assert.Equal(t, 1, strings.Count(txt, s), s)
	}
	assert.Contains(t, txt, "Undefined [^x].")
	assert.Contains(t, txt, "One[7] two[7]")
}

// TestNotesScaling: 10,000 notes cost ten times 1,000.
func TestNotesScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling test")
	}
	doc := func(n int) *convert.Document {
		d := &convert.Document{Meta: convert.Meta{Lang: "en"}}
		for i := range n {
			d.Blocks = append(d.Blocks, &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "Text"},
				&convert.Note{Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: fmt.Sprintf("note %d", i)}}}}}}})
		}
		return d
	}
	render := func(d *convert.Document) {
		var b bytes.Buffer
		if err := (&Writer{}).Write(context.Background(), &b, d); err != nil {
			t.Fatal(err)
		}
	}
	scaletest.Linear(t, "footnotes", render, doc(1_000), doc(10_000))
	one := func(n int) *convert.Document { // one note longer than n pages
		ins := strings.Repeat("A very long note. ", n*200)
		return &convert.Document{Meta: convert.Meta{Lang: "en"}, Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{
			&convert.Text{Text: "Text"}, &convert.Note{Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: ins}}}}}}}}}
	}
	scaletest.Linear(t, "a note of many pages", render, one(5), one(50))
}
