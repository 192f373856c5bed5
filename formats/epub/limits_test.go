package epub

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/scaletest"
)

// headingsDoc has n top-level sections of one heading and one paragraph.
func headingsDoc(n int) *convert.Document {
	d := &convert.Document{Meta: convert.Meta{Title: "Many", Lang: "en"}}
	for i := range n {
		d.Blocks = append(d.Blocks,
			&convert.Heading{Level: 1, Inlines: []convert.Inline{txt(fmt.Sprintf("Chapter %d", i+1))}},
			para(txt(fmt.Sprintf("Text of chapter %d.", i+1))))
	}
	return d
}

// Past maxSections, small sections share documents; every heading stays
// in the navigation, linked to the document that holds it.
func TestManySections(t *testing.T) {
	d := headingsDoc(maxSections + 500)
	data := write(t, &Writer{}, d)
	nav := readEntry(t, data, "EPUB/nav.xhtml")
	assert.Equal(t, maxSections+500, bytes.Count([]byte(nav), []byte("<li><a href=\"xhtml/section")))
	assert.Contains(t, nav, `Chapter 1500</a>`)
	docs := 0
	for i := 1; ; i++ {
		if !bytes.Contains(data, fmt.Appendf(nil, "EPUB/xhtml/section%04d.xhtml", i)) {
			break
		}
		docs++
	}
	assert.Less(t, docs, 20, "documents")

	// Up to the limit, one document per section as before.
	data = write(t, &Writer{}, headingsDoc(maxSections))
	assert.Contains(t, string(data), fmt.Sprintf("EPUB/xhtml/section%04d.xhtml", maxSections))
}

// Scaling: 10× the headings cost about 10× (go-epub's AddSection is
// quadratic in the number of documents).
func TestWriterScaling(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling test")
	}
	run := func(d *convert.Document) {
		var buf bytes.Buffer
		require.NoError(t, (&Writer{}).Write(context.Background(), &buf, d))
	}
	scaletest.Linear(t, "headings", run, headingsDoc(1000), headingsDoc(10000))
}
