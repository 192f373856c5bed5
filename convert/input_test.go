package convert_test

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
)

func init() {
	convert.Register(convert.Format{
		Name:       "wo-test",
		Extensions: []string{"wot"},
		NewWriter: func(*convert.Options) convert.Writer {
			return convert.WriterFunc(func(context.Context, io.Writer, *convert.Document) error { return nil })
		},
	})
}

func TestWriteOnlyFormatIsNotReadAsText(t *testing.T) {
	for _, o := range []*convert.Options{{SourcePath: "dir/page.wot"}, {From: "wo-test"}} {
		_, err := convert.InputFormat(o)
		require.Error(t, err)
		assert.True(t, errors.Is(err, convert.ErrUnsupported))
		assert.Contains(t, err.Error(), "WO-TEST input is not supported (formats read: ")
		assert.Contains(t, err.Error(), "lines-test")
		_, err = convert.Read(context.Background(), strings.NewReader("x"), o)
		assert.ErrorIs(t, err, convert.ErrUnsupported)
	}
	_, err := convert.Read(context.Background(), strings.NewReader("x"), &convert.Options{SourcePath: "page.wot"})
	// (The package's examples register more readers: markdown, text.)
	assert.Regexp(t, `^page\.wot: read: WO-TEST input is not supported \(formats read: ([a-z-]+, )*lines-test(, [a-z-]+)*\)$`, err.Error())
	f, err := convert.InputFormat(&convert.Options{SourcePath: "notes.lt"})
	require.NoError(t, err)
	assert.Equal(t, "lines-test", f.Name)
}

func TestMetadataTitleKeepsTheHeadline(t *testing.T) {
	read := func(src string, meta ...string) *convert.Document {
		t.Helper()
		d, err := convert.Read(context.Background(), strings.NewReader(src), &convert.Options{From: "lt", Metadata: meta,
			Transforms: []convert.Transform{titleFromFirstLine{}}})
		require.NoError(t, err)
		return d
	}
	// The headline becomes the subtitle.
	d := read("Headline\nbody\n", "title=Series")
	assert.Equal(t, "Series", d.Meta.Title)
	assert.Equal(t, "Headline", d.Meta.Subtitle)
	assert.Len(t, d.Blocks, 1)
	// With a subtitle set too, it is the first block, a heading.
	d = read("Headline\nbody\n", "title=Series", "subtitle=Part 2")
	assert.Equal(t, "Part 2", d.Meta.Subtitle)
	require.Len(t, d.Blocks, 2)
	h, ok := d.Blocks[0].(*convert.Heading)
	require.True(t, ok)
	assert.Equal(t, 1, h.Level)
	assert.Equal(t, "Headline", convert.BlockText(h))
	// The same title, or no title of its own: nothing moves.
	d = read("Headline\nbody\n", "title=Headline")
	assert.Equal(t, "", d.Meta.Subtitle)
	d = read("Headline\nbody\n", "title=X", "subtitle=Headline")
	assert.Len(t, d.Blocks, 1)
}

// titleFromFirstLine makes the first paragraph the title, as the text
// reader does with a headline.
type titleFromFirstLine struct{}

func (titleFromFirstLine) Name() string { return "title" }
func (titleFromFirstLine) TransformDocument(_ context.Context, d *convert.Document, _ *convert.Options) error {
	d.Meta.Title = convert.BlockText(d.Blocks[0])
	d.Blocks = d.Blocks[1:]
	return nil
}
