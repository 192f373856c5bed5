package pdf

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOutlineLevels: bookmarks nest as the headings do (issue 11, item 7:
// every heading after the first was nested under the first).
func TestOutlineLevels(t *testing.T) {
	for _, c := range []struct {
		levels []int
		want   []int
	}{
		{[]int{2, 2, 2}, []int{0, 0, 0}}, // the sample: sections under the title
		{[]int{1, 2, 3, 2, 1, 2}, []int{0, 1, 2, 1, 0, 1}},
		{[]int{2, 3, 3, 2, 4, 2}, []int{0, 1, 1, 0, 1, 0}}, // a skipped level nests one deeper
		{[]int{3, 1, 2}, []int{0, 0, 1}},
		{nil, []int{}},
	} {
		marks := make([]mark, len(c.levels))
		for i, l := range c.levels {
			marks[i].level = l
		}
		assert.Equal(t, c.want, outlineLevels(marks), "%v", c.levels)
	}
}

// TestOutlineSample: the sample's two sections are two top-level
// bookmarks.
func TestOutlineSample(t *testing.T) {
	d := readFixture(t, "../../examples/article.txt")
	r, err := (&Writer{}).layout(context.Background(), d)
	require.NoError(t, err)
	require.Len(t, r.t.marks, 2)
	assert.Equal(t, []int{0, 0}, outlineLevels(r.t.marks))
}
