package text

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/scaletest"
	"github.com/docconv/docconv/internal/notestest"
)

// TestNotesTasksText: notes as [n] marks and a list after the text, task
// items as [x]/[ ], sub/sup as plain characters; the text read back and
// written again is a fixed point (the reader drops the indent of a note's
// further lines, as it does a quotation's).
func TestNotesTasksText(t *testing.T) {
	d := notestest.Doc(2)
	got := string((&Writer{}).Bytes(d))
	assert.Equal(t, "Notes\n\nH2O and x2 with a note.[1]\nH2O and x2 with a note.[2]\n[ ] task\n[x] task\n"+
		"[1] Note 0.\n    Its second paragraph.\n[2] Note 1.\n    Its second paragraph.\n", got)
	d2, err := (&Reader{}).parse([]byte(got), false)
	if assert.NoError(t, err) {
		w1 := (&Writer{}).Bytes(d2)
		d3, err := (&Reader{}).parse(w1, false)
		if assert.NoError(t, err) {
			assert.Equal(t, string(w1), string((&Writer{}).Bytes(d3)))
		}
	}
	d.Blocks = append(d.Blocks, &convert.List{Ordered: true, Items: [][]convert.Block{{}}, Tasks: []convert.TaskState{convert.TaskChecked}})
	assert.Contains(t, string((&Writer{}).Bytes(d)), "\n1. [x]\n")
}

func TestNotesScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling test")
	}
	scaletest.Linear(t, "footnotes", func(d *convert.Document) { (&Writer{}).Bytes(d) }, notestest.Doc(1_000), notestest.Doc(10_000))
}
