package convert_test

import (
	"context"
	"errors"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
)

func TestValidate(t *testing.T) {
	txt := &convert.Text{Text: "x"}
	var nilHeading *convert.Heading
	var nilText *convert.Text
	for _, tc := range []struct {
		doc  *convert.Document
		want string // "" for a valid document
	}{
		{&convert.Document{}, ""},
		{&convert.Document{Blocks: []convert.Block{
			&convert.Heading{Level: 1, Inlines: []convert.Inline{txt}}, &convert.Heading{Level: 6},
			&convert.List{Ordered: true, Start: 999_999_999, Items: [][]convert.Block{{&convert.Paragraph{}}}},
			&convert.Table{Rows: [][]convert.Cell{{{&convert.Link{Inlines: []convert.Inline{&convert.Strong{}}}}}}},
			&convert.Quote{}, &convert.CodeBlock{}, &convert.Rule{}, &convert.PageBreak{},
		}}, ""},
		{nil, "invalid input: nil document"},
		{&convert.Document{Blocks: []convert.Block{nil}}, "invalid input: block 1: nil block"},
		{&convert.Document{Blocks: []convert.Block{&convert.Rule{}, nilHeading}}, "block 2: nil heading"},
		{&convert.Document{Blocks: []convert.Block{&convert.Heading{Level: 9}}}, "block 1: heading level 9, want 1 to 6"},
		{&convert.Document{Blocks: []convert.Block{&convert.PageBreak{}, (*convert.PageBreak)(nil)}}, "block 2: nil page break"},
		{&convert.Document{Blocks: []convert.Block{&convert.Heading{Level: 0}}}, "heading level 0"},
		{&convert.Document{Blocks: []convert.Block{&convert.List{Start: -1}}}, "block 1: list start -1, want 0 to 999999999"},
		{&convert.Document{Blocks: []convert.Block{&convert.List{Items: [][]convert.Block{{&convert.Rule{}}, {&convert.Quote{Blocks: []convert.Block{nil}}}}}}},
			"block 1 > item 2 > block 1 > block 1: nil block"},
		{&convert.Document{Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{txt, &convert.Emph{Inlines: []convert.Inline{nilText}}}}}},
			"block 1 > inline 2 > inline 1: nil text"},
		{&convert.Document{Blocks: []convert.Block{&convert.Table{Header: []convert.Cell{{txt}, {nil}}}}}, "block 1 > header cell 2 > inline 1: nil inline"},
	} {
		err := tc.doc.Validate()
		if tc.want == "" {
			assert.NoError(t, err)
			continue
		}
		require.Error(t, err, tc.want)
		assert.ErrorIs(t, err, convert.ErrInvalidInput)
		assert.Contains(t, err.Error(), tc.want)
	}
}

// TestWriteValidates: Write refuses an invalid document with an error, not
// a panic, before the writer runs.
func TestWriteValidates(t *testing.T) {
	for _, d := range []*convert.Document{nil, {Blocks: []convert.Block{&convert.Heading{Level: 9}}}} {
		err := convert.Write(context.Background(), io.Discard, d, &convert.Options{To: "lines-test"})
		var ce *convert.Error
		require.True(t, errors.As(err, &ce), "%v", err)
		assert.Equal(t, "write", ce.Op)
		assert.ErrorIs(t, err, convert.ErrInvalidInput)
	}
}
