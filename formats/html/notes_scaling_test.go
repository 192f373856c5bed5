package html_test

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/scaletest"
	"github.com/docconv/docconv/formats/html"
	"github.com/docconv/docconv/internal/notestest"
)

// TestNotesScaling: 10× the notes cost about 10× to read and to write.
func TestNotesScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling test")
	}
	d, err := (&html.Reader{}).Read(context.Background(), bytes.NewReader(notestest.HTML(100)))
	require.NoError(t, err)
	require.Equal(t, 100, convert.NoteCount(d.Blocks))
	readIt := func(src []byte) {
		if _, err := (&html.Reader{}).Read(context.Background(), bytes.NewReader(src)); err != nil {
			t.Fatal(err)
		}
	}
	scaletest.Linear(t, "footnotes read", readIt, notestest.HTML(1_000), notestest.HTML(10_000))
	writeIt := func(d *convert.Document) {
		if err := (&html.Writer{}).Write(context.Background(), io.Discard, d); err != nil {
			t.Fatal(err)
		}
	}
	scaletest.Linear(t, "footnotes written", writeIt, notestest.Doc(1_000), notestest.Doc(10_000))
}
