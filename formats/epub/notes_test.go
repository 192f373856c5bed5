package epub

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/scaletest"
	"github.com/docconv/docconv/internal/notestest"
	"github.com/docconv/docconv/internal/validate"
)

// cutNotesDoc is one long paragraph with 200 notes, which a small
// document size cuts into pieces across content documents (the notes'
// asides follow the last piece; references in earlier documents link
// across: epubcheck in TestEpubcheck).
func cutNotesDoc() *convert.Document {
	var ins []convert.Inline
	for range 200 {
		ins = append(ins, &convert.Text{Text: strings.Repeat("word ", 40)},
			&convert.Note{Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "cut note"}}}}})
	}
	return &convert.Document{Meta: convert.Meta{Lang: "en", Title: "Cut"}, Blocks: []convert.Block{&convert.Paragraph{Inlines: ins}}}
}

// TestNotesInBook: every note's aside is in the book once (that the
// references and back-links resolve, across documents too, is
// epubcheck's part: "notes-cut" and "notes-many" in TestEpubcheck).
func TestNotesInBook(t *testing.T) {
	for _, tc := range []struct {
		d     *convert.Document
		limit int
		text  string
		n     int
	}{{notestest.Doc(30), 0, "Its second paragraph.", 30}, {cutNotesDoc(), 20_000, "cut note", 200}} {
		var b bytes.Buffer
		require.NoError(t, (&Writer{MaxDocumentSize: tc.limit}).Write(context.Background(), &b, tc.d))
		txt, err := validate.EPUBText(b.Bytes())
		require.NoError(t, err)
		assert.Equal(t, tc.n, strings.Count(txt, tc.text))
	}
}

// TestNotesScaling: 10× the notes cost about 10× to write.
func TestNotesScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling test")
	}
	writeIt := func(d *convert.Document) {
		if err := (&Writer{}).Write(context.Background(), io.Discard, d); err != nil {
			t.Fatal(err)
		}
	}
	scaletest.Linear(t, "footnotes", writeIt, notestest.Doc(1_000), notestest.Doc(10_000))
}
