package convert_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docconv/docconv/convert"
)

func TestPageBreakStyle(t *testing.T) {
	for _, tc := range []struct {
		style         string
		before, after bool
	}{
		{"page-break-after: always", false, true},
		{"PAGE-BREAK-BEFORE : Always ; color: red", true, false},
		{"break-before: page; break-after: recto", true, true},
		{"break-after: left !important", false, true},
		{"page-break-after: auto; break-before: avoid", false, false},
		{"page-break-inside: always", false, false},
		{"break-after: column", false, false},
		{"color: red", false, false},
		{"", false, false},
		{"break-after", false, false},
	} {
		b, a := convert.PageBreakStyle(tc.style)
		assert.Equal(t, [2]bool{tc.before, tc.after}, [2]bool{b, a}, tc.style)
	}
	b, a := convert.PageBreakStyle(`page-break-after: always`)
	assert.True(t, !b && a, "the writers' form reads back")
	assert.Contains(t, convert.PageBreakHTML, `style="page-break-after: always"`)
}
