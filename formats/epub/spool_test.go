package epub

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
)

// longBook renders to more XHTML than spoolAfter, with internal links
// from the first chapter to the last and back, across spooled documents.
func longBook() *convert.Document {
	d := &convert.Document{Meta: convert.Meta{Title: "Long", Lang: "zh-Hant"}}
	line := strings.Repeat("中哈兩國的貿易額達到三百八十億美元，同比增長百分之三十二。", 40)
	n := spoolAfter/len(line) + 200
	for i := range n {
		if i%100 == 0 {
			h := &convert.Heading{Level: 1, ID: fmt.Sprintf("c%d", i/100), Inlines: []convert.Inline{txt(fmt.Sprintf("第%d章", i/100+1))}}
			d.Blocks = append(d.Blocks, h)
		}
		d.Blocks = append(d.Blocks, para(txt(fmt.Sprintf("%d ", i)+line)))
	}
	last := fmt.Sprintf("#c%d", (n-1)/100)
	d.Blocks = append(d.Blocks[:2], append([]convert.Block{para(&convert.Link{URL: last, Inlines: []convert.Inline{txt("to the end")}})}, d.Blocks[2:]...)...)
	d.Blocks = append(d.Blocks, para(&convert.Link{URL: "#c0", Inlines: []convert.Inline{txt("to the start")}}))
	return d
}

// A long book's content documents wait in a temporary file; the bytes are
// those of a book held in memory (no usable temporary directory), and the
// links between spooled documents resolve.
func TestSpooledBook(t *testing.T) {
	d := longBook()
	before := docsSpooled.Load()
	spooled := write(t, &Writer{}, d)
	require.Greater(t, docsSpooled.Load(), before, "no document was spooled")

	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	before = docsSpooled.Load()
	inMemory := write(t, &Writer{}, d)
	require.Equal(t, before, docsSpooled.Load())
	require.Equal(t, len(inMemory), len(spooled))
	assert.True(t, string(inMemory) == string(spooled), "the spooled book differs from the one held in memory")

	first := readEntry(t, spooled, "EPUB/xhtml/section0001.xhtml")
	assert.Regexp(t, `<a href="section\d{4}\.xhtml#c\d+">to the end</a>`, first)
	assert.NotContains(t, first, linkMark)
}

func TestSpool(t *testing.T) {
	s := &spool{}
	defer s.close()
	body := strings.Repeat("x", spoolAfter/3)
	var docs []*contentDoc
	for i := range 5 {
		d := &contentDoc{name: fmt.Sprint(i), body: fmt.Sprint(i) + body}
		require.NoError(t, s.put(d))
		docs = append(docs, d)
	}
	require.NotNil(t, s.f, "past spoolAfter bodies go to a file")
	for i, d := range docs {
		assert.Equal(t, i >= 2, d.spool != nil, "document %d spooled", i)
		got, err := d.text()
		require.NoError(t, err)
		assert.Equal(t, fmt.Sprint(i)+body, got)
	}

	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	s2 := &spool{}
	for range 5 {
		d := &contentDoc{body: body}
		require.NoError(t, s2.put(d))
		assert.Nil(t, d.spool, "without a temporary file bodies stay in memory")
	}
	s2.close()
}
