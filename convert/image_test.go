package convert

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestImageModel(t *testing.T) {
	img := &Image{Src: "a.png", Alt: "一張圖"}
	fig := &FigureBlock{Image: &Image{Src: "b.png", Alt: "alt"}, Caption: Inlines("圖", B("一"))}
	tbl := &FigureBlock{Table: NewTable("A").Row("1"), Caption: Inlines("表一")}
	d := &Document{Blocks: []Block{Para("看", L("u", img), "。"), fig, tbl}}
	require.NoError(t, d.Validate())

	assert.Equal(t, "看一張圖。", PlainText(d.Blocks[0].(*Paragraph).Inlines))
	assert.Equal(t, "一張圖", InlineText(img))
	assert.Nil(t, Children(img))
	assert.Equal(t, "圖一", BlockText(fig))
	assert.Equal(t, "alt", BlockText(&FigureBlock{Image: &Image{Alt: "alt"}}))
	assert.Equal(t, "表一\nA\n1", BlockText(tbl))
	assert.Same(t, img, AppendLeaves(nil, d.Blocks[0].(*Paragraph).Inlines)[1])

	var seen []string
	Inspect(d.Blocks, func(n any) bool {
		switch x := n.(type) {
		case *Image:
			seen = append(seen, "img:"+x.Src)
		case *Text:
			seen = append(seen, x.Text)
		case *FigureBlock:
			seen = append(seen, "fig")
		case *Table:
			seen = append(seen, "table")
		}
		return true
	})
	assert.Equal(t, []string{"看", "img:a.png", "。", "fig", "img:b.png", "圖", "一", "fig", "table", "A", "1", "表一"}, seen)

	n := 0
	MapInlines(d.Blocks, func(in Inline) []Inline {
		if _, ok := in.(*Image); ok {
			n++
		}
		if x, ok := in.(*Text); ok {
			return []Inline{&Text{Text: x.Text + "!"}}
		}
		return []Inline{in}
	})
	assert.Equal(t, 1, n, "the image in a link is a leaf; a figure's image is left alone")
	assert.Equal(t, "表一!", PlainText(tbl.Caption))
	assert.Equal(t, "A!", PlainText(tbl.Table.Header[0]))
}

func TestValidateImages(t *testing.T) {
	for _, tc := range []struct {
		b    Block
		want string
	}{
		{&FigureBlock{}, "block 1: figure holds neither an image nor a table"},
		{&FigureBlock{Image: &Image{}, Table: &Table{}}, "figure holds both an image and a table"},
		{(*FigureBlock)(nil), "nil figure"},
		{&FigureBlock{Image: &Image{Width: -1}}, "block 1 > image: image size -1×0"},
		{&FigureBlock{Image: &Image{}, Caption: []Inline{nil}}, "block 1 > caption > inline 1: nil inline"},
		{Para((*Image)(nil)), "block 1 > inline 1: nil image"},
		{Para(&Image{Height: -2}), "image size 0×-2"},
	} {
		err := (&Document{Blocks: []Block{tc.b}}).Validate()
		if assert.Error(t, err) {
			assert.ErrorIs(t, err, ErrInvalidInput)
			assert.Contains(t, err.Error(), tc.want)
		}
	}
}
