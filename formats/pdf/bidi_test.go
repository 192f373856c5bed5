package pdf

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/fonts"
)

// visual lays s out on one wide line and returns its characters in
// drawing order, and the line's offset.
func visual(t *testing.T, s string) (string, float64) {
	t.Helper()
	st := testSetter("en", false)
	var p para
	st.addText(&p, s, st.body(), -1)
	lines := st.layoutPara(&p, 500, 0, alignJustify)
	require.Len(t, lines, 1)
	q, l := st.visualLine(&p, lines[0])
	var b strings.Builder
	prev := -1.0
	for i := l.s; i < l.e; i++ {
		assert.GreaterOrEqual(t, q.atoms[i].x, prev, "x grows in drawing order")
		prev = q.atoms[i].x
		b.WriteRune(q.atoms[i].r)
	}
	return b.String(), l.off
}

func TestBidiVisualOrder(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain English", "plain English"},
		{"abc אבג def", "abc גבא def"},
		{"abc אבג דהו def", "abc והד גבא def"},
		{"אבג abc.", ".abc גבא"},           // a right-to-left paragraph: the period at its end is on the left
		{"אבג (דה) 12 ו", "ו 12 (הד) גבא"}, // brackets mirrored, the number left to right
		{"אבג 3 < 5", "5 > 3 גבא"},
		{"abc בְּרֵאשִׁית", "abc תישִׁארֵבְּ"}, // points stay after their letter
	} {
		got, _ := visual(t, c.in)
		assert.Equal(t, c.want, got, c.in)
	}
	_, off := visual(t, "abc אבג")
	assert.Zero(t, off, "a left-to-right paragraph is flush left")
	_, off = visual(t, "אבג abc")
	assert.Greater(t, off, 400.0, "a right-to-left paragraph is flush right")
}

func TestArabicShaping(t *testing.T) {
	all := func(rune) bool { return true }
	out, orig, unjoined := shapeArabic("سلام عليكم", all)
	assert.Equal(t, []rune{0xFEB3, 0xFEFC, 0xFEE1, ' ', 0xFECB, 0xFEE0, 0xFEF4, 0xFEDC, 0xFEE2}, out)
	assert.Equal(t, "لا", orig[1])
	assert.Equal(t, "س", orig[0])
	assert.Zero(t, unjoined)
	out, _, _ = shapeArabic("plain", all)
	assert.Nil(t, out)
	// A font with the letters but not their forms: drawn unjoined, counted.
	letters := func(r rune) bool { return r < 0xFB00 }
	out, _, unjoined = shapeArabic("سلام", letters)
	assert.Equal(t, []rune("سلام"), out)
	assert.Equal(t, 4, unjoined)
}

// TestBidiPDF renders English mixed with Hebrew and Arabic (with DejaVu
// Sans, which has Arabic's contextual forms) and reads it back with
// pdftotext: each right-to-left run comes back in logical order.
func TestBidiPDF(t *testing.T) {
	const dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
	var chain fonts.Chain
	if f, err := fonts.Resolve(dejavu); err == nil {
		chain = fonts.Chain{f}
	} else {
		t.Log("DejaVu Sans not installed (apt-get install fonts-dejavu-core): Arabic left out")
	}
	d := readFixture(t, "../../testdata/bidi/mixed.md")
	b, err := (&Writer{Fonts: chain}).Render(context.Background(), d)
	require.NoError(t, err)
	qpdfCheck(t, b)
	text := pdfText(t, b)
	if text == "" {
		return
	}
	text = strings.Map(func(r rune) rune {
		if r >= 0x202A && r <= 0x202E { // poppler's embedding marks
			return -1
		}
		return r
	}, text)
	for _, want := range []string{"בראשית ברא אלהים את השמים", "ויאמר אלהים יהי אור ויהי אור", "The first verse of Genesis in Hebrew is", "(עולם)", "[א]", "«ג»"} {
		assert.Contains(t, text, want)
	}
	if chain != nil {
		assert.Contains(t, text, "يولد جميع الناس أحرارا متساوين في الكرامة والحقوق")
	}
}
