package convert_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
)

func para(ins ...convert.Inline) *convert.Paragraph { return &convert.Paragraph{Inlines: ins} }
func text(s string) *convert.Text                   { return &convert.Text{Text: s} }

func TestNotesSubSupTasksModel(t *testing.T) {
	note := &convert.Note{Blocks: []convert.Block{para(text("note one")), para(text("second paragraph"))}}
	ins := []convert.Inline{text("x"), &convert.Sup{Inlines: []convert.Inline{text("2")}}, text(" and H"),
		&convert.Sub{Inlines: []convert.Inline{text("2")}}, text("O"), note, text(".")}
	// PlainText keeps sub/sup text and leaves the note out (pandoc's stringify).
	assert.Equal(t, "x2 and H2O.", convert.PlainText(ins))
	assert.Equal(t, "", convert.InlineText(note))
	assert.Equal(t, "2", convert.InlineText(ins[1]))
	// AppendLeaves descends into Sub/Sup and keeps the note as a leaf.
	leaves := convert.AppendLeaves(nil, ins)
	require.Len(t, leaves, 7)
	assert.Same(t, note, leaves[5])

	list := &convert.List{Items: [][]convert.Block{{para(text("a"))}, {para(text("b"))}, {para(text("c"))}},
		Tasks: []convert.TaskState{convert.TaskChecked, convert.TaskUnchecked}}
	assert.Equal(t, convert.TaskChecked, list.Task(0))
	assert.Equal(t, convert.NoTask, list.Task(2))
	assert.True(t, list.HasTasks())
	assert.False(t, (&convert.List{}).HasTasks())

	blocks := []convert.Block{para(ins...), list}
	assert.Equal(t, 1, convert.NoteCount(blocks))
	// Inspect reaches the note's blocks, where the note stands.
	var seen []string
	convert.Inspect(blocks, func(n any) bool {
		if x, ok := n.(*convert.Text); ok {
			seen = append(seen, x.Text)
		}
		return true
	})
	assert.Equal(t, "x 2  and H 2 O note one second paragraph . a b c", strings.Join(seen, " "))
	// MapInlines rewrites inside sub, sup and notes.
	convert.MapInlines(blocks, func(in convert.Inline) []convert.Inline {
		if x, ok := in.(*convert.Text); ok {
			return []convert.Inline{text(strings.ToUpper(x.Text))}
		}
		return []convert.Inline{in}
	})
	assert.Equal(t, "NOTE ONE", convert.BlockText(note.Blocks[0]))
	assert.Equal(t, "X2 AND H2O.", convert.BlockText(blocks[0]))
	require.NoError(t, (&convert.Document{Blocks: blocks}).Validate())
}

func TestValidateNotesTasks(t *testing.T) {
	var nilNote *convert.Note
	for _, tc := range []struct {
		b    convert.Block
		want string
	}{
		{para(&convert.Note{Blocks: []convert.Block{para(&convert.Note{})}}), "block 1 > inline 1 > note > block 1 > inline 1: note inside a note"},
		{para(nilNote), "block 1 > inline 1: nil note"},
		{para(&convert.Sub{Inlines: []convert.Inline{nil}}), "block 1 > inline 1 > inline 1: nil inline"},
		{para(&convert.Note{Blocks: []convert.Block{nil}}), "block 1 > inline 1 > note > block 1: nil block"},
		{&convert.List{Tasks: []convert.TaskState{convert.TaskChecked}}, "block 1: 1 task states for 0 items"},
		{&convert.List{Items: [][]convert.Block{nil}, Tasks: []convert.TaskState{7}}, "block 1: item 1: unknown task state 7"},
	} {
		err := (&convert.Document{Blocks: []convert.Block{tc.b}}).Validate()
		require.Error(t, err, tc.want)
		assert.ErrorIs(t, err, convert.ErrInvalidInput)
		assert.Contains(t, err.Error(), tc.want)
	}
}

// TestLimitNestingNotes: the blocks of a note count at the level of the
// block that references it, so a deep list inside a note deep in lists is
// flattened too, and nothing is lost.
func TestLimitNestingNotes(t *testing.T) {
	deep := func(n int) convert.Block {
		var b convert.Block = para(text("leaf"))
		for range n {
			b = &convert.Quote{Blocks: []convert.Block{b}}
		}
		return b
	}
	// A note at level 0 holding 150 quotes: 50 flattened.
	note := &convert.Note{Blocks: []convert.Block{deep(150)}}
	bs, n := convert.LimitNesting([]convert.Block{para(text("a"), note)})
	assert.Equal(t, 50, n)
	assert.Contains(t, convert.BlockText(bs[0]), "a")
	got := 0
	convert.Inspect(note.Blocks, func(x any) bool {
		if _, ok := x.(*convert.Quote); ok {
			got++
		}
		return true
	})
	assert.Equal(t, convert.MaxNesting, got)
	// A note referenced at level 100 holding one quote: flattened.
	inner := &convert.Note{Blocks: []convert.Block{&convert.Quote{Blocks: []convert.Block{para(text("in note"))}}}}
	var b convert.Block = para(text("x"), &convert.Emph{Inlines: []convert.Inline{inner}})
	for range convert.MaxNesting {
		b = &convert.Quote{Blocks: []convert.Block{b}}
	}
	_, n = convert.LimitNesting([]convert.Block{b})
	assert.Equal(t, 1, n)
	assert.IsType(t, &convert.Paragraph{}, inner.Blocks[0])
}
