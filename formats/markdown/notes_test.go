package markdown_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/scaletest"
	"github.com/docconv/docconv/formats/markdown"
	"github.com/docconv/docconv/internal/notestest"
)

// TestNotesRules: pandoc's rules for footnotes, and what becomes of
// repeated references past the budget.
func TestNotesRules(t *testing.T) {
	d := read(t, []byte("A[^1] b[^x] c[^1].\n\n[^1]: One, citing [^1] and [^2].\n[^2]: Two, referenced only from a note.\n[^3]: Unused.\n"))
	require.Len(t, d.Blocks, 1)
	assert.Equal(t, 2, convert.NoteCount(d.Blocks), "the repeated reference is a note of its own")
	assert.Equal(t, "A b[^x] c.", convert.BlockText(d.Blocks[0]))
	var notes []string
	convert.Inspect(d.Blocks, func(n any) bool {
		if x, ok := n.(*convert.Note); ok {
			notes = append(notes, convert.BlockText(x.Blocks[0]))
		}
		return true
	})
	assert.Equal(t, []string{"One, citing [^1] and [^2].", "One, citing [^1] and [^2]."}, notes)
	require.NoError(t, d.Validate())

	// 3,000 references to a note of 100 bytes, in an input of 38 KB:
	// the copies stop at max(input, 64 KiB).
	src := strings.Repeat("x[^n] ", 3000) + "\n\n[^n]: " + strings.Repeat("long note ", 10) + "\n"
	rep := &convert.Report{}
	d, err := (&markdown.Reader{Report: rep}).Read(context.Background(), strings.NewReader(src))
	require.NoError(t, err)
	n := convert.NoteCount(d.Blocks)
	assert.Less(t, n, 1000)
	assert.Greater(t, n, 500)
	require.Len(t, rep.Warnings(), 1)
	assert.Contains(t, rep.Warnings()[0], "references to footnotes already referenced kept as text")
}

// TestTaskListShapes: a checkbox at the start of an item's first
// paragraph, also alone ("- [ ]"); plain items mixed in; written back.
func TestTaskListShapes(t *testing.T) {
	d := read(t, []byte("- plain\n- [x] done\n- [ ]\n-   [X]  spaced\n\n1. [ ] one\n"))
	require.Len(t, d.Blocks, 2)
	l := d.Blocks[0].(*convert.List)
	assert.Equal(t, []convert.TaskState{convert.NoTask, convert.TaskChecked, convert.TaskUnchecked, convert.TaskChecked}, l.Tasks)
	assert.Equal(t, "plain\ndone\nspaced", convert.BlockText(l))
	md := write(t, d)
	assert.Equal(t, string(dump(t, d)), string(dump(t, read(t, md))))
}

// TestNotesScaling: 10× the notes cost about 10× to read and to write.
func TestNotesScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling test")
	}
	readIt := func(src []byte) {
		if _, err := (&markdown.Reader{}).Read(context.Background(), bytes.NewReader(src)); err != nil {
			t.Fatal(err)
		}
	}
	scaletest.Linear(t, "footnotes read", readIt, notestest.Markdown(1_000), notestest.Markdown(10_000))
	writeIt := func(d *convert.Document) {
		if _, err := (&markdown.Writer{}).Render(d); err != nil {
			t.Fatal(err)
		}
	}
	scaletest.Linear(t, "footnotes written", writeIt, notestest.Doc(1_000), notestest.Doc(10_000))
}
