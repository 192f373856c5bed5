package text

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/docconv/docconv/convert"
)

// noteNums numbers the notes of a document for the text writer; a nil
// *noteNums (a document without notes) writes text as PlainText does.
type noteNums struct {
	num   map[*convert.Note]int
	order []*convert.Note
}

func numberNotes(blocks []convert.Block) *noteNums {
	var nn *noteNums
	convert.Inspect(blocks, func(n any) bool {
		x, ok := n.(*convert.Note)
		if !ok {
			return true
		}
		if nn == nil {
			nn = &noteNums{num: map[*convert.Note]int{}}
		}
		if _, seen := nn.num[x]; !seen {
			nn.order = append(nn.order, x)
			nn.num[x] = len(nn.order)
		}
		return false
	})
	return nn
}

// text is PlainText with each note written as its mark "[n]".
func (nn *noteNums) text(ins []convert.Inline) string {
	if nn == nil {
		return convert.PlainText(ins)
	}
	var b strings.Builder
	nn.plain(&b, ins)
	return b.String()
}

func (nn *noteNums) plain(b *strings.Builder, ins []convert.Inline) {
	for _, in := range ins {
		switch x := in.(type) {
		case *convert.Note:
			if k, ok := nn.num[x]; ok {
				b.WriteString("[" + strconv.Itoa(k) + "]")
			}
		case *convert.Strong, *convert.Emph, *convert.Strike, *convert.Sub, *convert.Sup, *convert.Link:
			nn.plain(b, convert.Children(in))
		default:
			b.WriteString(convert.InlineText(in))
		}
	}
}

// write writes the notes: "[n] " before the first line of each, the rest
// of the note indented to its text.
func (nn *noteNums) write(b *bytes.Buffer) {
	for i, x := range nn.order {
		mark := "[" + strconv.Itoa(i+1) + "] "
		pad := strings.Repeat(" ", len(mark))
		var one bytes.Buffer
		for _, bl := range x.Blocks {
			writeBlock(&one, bl, "", nn)
		}
		s := strings.TrimSuffix(one.String(), "\n")
		if s == "" {
			b.WriteString(strings.TrimSpace(mark) + "\n")
			continue
		}
		writeLines(b, s, mark, pad)
	}
}

// taskMark is the mark of a task-list item after its list marker.
func taskMark(t convert.TaskState) string {
	switch t {
	case convert.TaskChecked:
		return "[x] "
	case convert.TaskUnchecked:
		return "[ ] "
	}
	return ""
}
