package json_test

import (
	"bytes"
	"context"
	stdjson "encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	djson "github.com/docconv/docconv/formats/json"
)

var update = flag.Bool("update", false, "rewrite golden files")

// sample uses every node type and every optional field.
func sample() *convert.Document {
	return &convert.Document{
		Meta: convert.Meta{
			Title: "標題 <&>", Subtitle: "副題", Authors: []string{"甲", "乙"}, Date: "2024-01-02",
			Lang: "zh-Hant", Source: "https://example.com/a?b=1&c=2", Identifier: "urn:x",
			Description: "描述", Keywords: []string{"k1", "k2"},
			Extra: map[string]string{"zeta": "z", "alpha": "a"},
		},
		Blocks: []convert.Block{
			&convert.Heading{Level: 1, ID: "標題", Inlines: []convert.Inline{&convert.Text{Text: "標題"}}},
			&convert.Paragraph{Inlines: []convert.Inline{
				&convert.Text{Text: "地"},
				&convert.Ruby{Base: "區", Text: "qū"},
				&convert.Strong{Inlines: []convert.Inline{&convert.Text{Text: "粗"}}},
				&convert.Emph{Inlines: []convert.Inline{&convert.Text{Text: "斜"}}},
				&convert.Strike{Inlines: []convert.Inline{&convert.Text{Text: "刪"}}},
				&convert.Code{Text: "x < y"},
				&convert.LineBreak{},
				&convert.Link{URL: "https://example.com/", Title: "t \"q\"", Inlines: []convert.Inline{&convert.Text{Text: "連結"}}},
				&convert.Link{URL: "https://example.com/2", Inlines: []convert.Inline{}},
				&convert.Text{Text: "H"}, &convert.Sub{Inlines: []convert.Inline{&convert.Text{Text: "2"}}},
				&convert.Text{Text: "O x"}, &convert.Sup{Inlines: []convert.Inline{&convert.Text{Text: "2"}}},
				&convert.Note{Blocks: []convert.Block{
					&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "註一"}}},
					&convert.List{Items: [][]convert.Block{{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "項"}}}}}},
				}},
			}},
			&convert.List{Tight: true, Items: [][]convert.Block{
				{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "done"}}}},
				{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "todo"}}}},
				{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "plain"}}}},
			}, Tasks: []convert.TaskState{convert.TaskChecked, convert.TaskUnchecked, convert.NoTask}},
			&convert.List{Ordered: true, Start: 3, Tight: true, Items: [][]convert.Block{
				{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "一"}}}},
				{},
				{&convert.List{Items: [][]convert.Block{{&convert.Rule{}}}}},
			}},
			&convert.Quote{Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "引"}}}}},
			&convert.CodeBlock{Lang: "go", Text: "fmt.Println(\"<hi>\")\n\ttab"},
			&convert.CodeBlock{Text: ""},
			&convert.Table{
				Caption: []convert.Inline{&convert.Text{Text: "表"}},
				Align:   []convert.Alignment{convert.AlignLeft, convert.AlignDefault, convert.AlignRight},
				Header:  []convert.Cell{{&convert.Text{Text: "A"}}, {}, {&convert.Text{Text: "C"}}},
				Rows:    [][]convert.Cell{{{&convert.Text{Text: "1"}}}, {}},
			},
			&convert.Table{Rows: [][]convert.Cell{}},
			&convert.Rule{},
			&convert.PageBreak{},
		},
		Figures: []convert.Figure{
			{Text: "380億美元", Value: 3.8e10, Unit: "USD", Kind: convert.KindMoney, Bound: convert.AtLeast, Block: 1, Paragraph: 1, Section: "標題", Sentence: "…"},
			{Text: "32%", Value: 0.32, Unit: "%", Kind: convert.KindPercent, Block: 2, Paragraph: 2},
		},
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test -update")
	assert.Equal(t, string(want), string(got))
}

func TestSampleGolden(t *testing.T) {
	got, err := djson.Marshal(sample())
	require.NoError(t, err)
	golden(t, filepath.Join("testdata", "sample.json"), got)

	d, err := djson.Unmarshal(got)
	require.NoError(t, err)
	assert.Equal(t, sample(), d, "read(write(d)) == d")
}

// TestImagesRoundTrip reads back images and figures as written: every
// field, an image in a link, a table figure.
func TestImagesRoundTrip(t *testing.T) {
	d := &convert.Document{Blocks: []convert.Block{
		&convert.Paragraph{Inlines: []convert.Inline{
			&convert.Text{Text: "圖 "},
			&convert.Image{Src: "img/a b.png", Alt: "替代", Title: "t", Width: 640, Height: 480, MediaType: "image/png"},
			&convert.Link{URL: "https://example.com/", Inlines: []convert.Inline{&convert.Image{Src: "https://example.com/x.gif"}}},
		}},
		&convert.FigureBlock{ID: "fig-1", Image: &convert.Image{Src: "c.jpg", Alt: "圖說"}, Caption: []convert.Inline{&convert.Emph{Inlines: []convert.Inline{&convert.Text{Text: "圖說"}}}}},
		&convert.FigureBlock{Table: &convert.Table{Rows: [][]convert.Cell{{{&convert.Text{Text: "1"}}}}}},
	}}
	require.NoError(t, d.Validate())
	got, err := djson.Marshal(d)
	require.NoError(t, err)
	assert.Contains(t, string(got), `"src": "img/a b.png",
          "alt": "替代",
          "title": "t",
          "width": 640,
          "height": 480,
          "mediaType": "image/png"`)
	back, err := djson.Unmarshal(got)
	require.NoError(t, err)
	assert.Equal(t, d.Blocks, back.Blocks) // the writer adds the figures it finds (the table's "1")
}

func TestNoMutation(t *testing.T) {
	d := sample()
	d.Figures = nil
	_, err := djson.Marshal(d)
	require.NoError(t, err)
	assert.Nil(t, d.Figures)
}

// TestIdentity checks that json → json is the identity on every dump in
// testdata.
func TestIdentity(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			d, err := (&djson.Reader{}).Read(context.Background(), bytes.NewReader(src))
			require.NoError(t, err)
			var out bytes.Buffer
			require.NoError(t, (&djson.Writer{}).Write(context.Background(), &out, d))
			assert.Equal(t, string(src), out.String())
		})
	}
}

func TestRegistered(t *testing.T) {
	f, err := convert.Lookup("json")
	require.NoError(t, err)
	assert.Equal(t, "application/json", f.MediaType)
	g, err := convert.ByExtension("x.json")
	require.NoError(t, err)
	assert.Equal(t, "json", g.Name)
}

func TestEmpty(t *testing.T) {
	got, err := djson.Marshal(&convert.Document{})
	require.NoError(t, err)
	assert.Equal(t, "{\n  \"docconv\": 1,\n  \"meta\": {},\n  \"blocks\": []\n}\n", string(got))
	d, err := djson.Unmarshal(got)
	require.NoError(t, err)
	assert.Nil(t, d.Figures)
}

func TestSyntaxErrorPosition(t *testing.T) {
	src := "{\n  \"docconv\": 1,\n  \"meta\": {\"title\": \"漢字\",, }\n}"
	_, err := djson.Unmarshal([]byte(src))
	require.Error(t, err)
	var ce *convert.Error
	require.True(t, errors.As(err, &ce), "got %T", err)
	assert.Equal(t, 3, ce.Line)
	assert.Equal(t, 26, ce.Column) // the second comma, counted in characters
	assert.ErrorIs(t, err, convert.ErrInvalidInput)

	_, err = djson.Unmarshal([]byte(`{"docconv": 1, "blocks": [`))
	require.True(t, errors.As(err, &ce))
	assert.Equal(t, 1, ce.Line)
	assert.ErrorIs(t, err, convert.ErrInvalidInput)
}

func TestSchemaErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`{"meta": {}, "blocks": []}`, `"docconv"`},
		{`{"docconv": 2, "blocks": []}`, "unsupported schema version 2"},
		{`{"docconv": 1, "blocks": [{"type": "para"}]}`, `$.blocks[0].type: unknown block type "para"`},
		{`{"docconv": 1, "blocks": [{"type": "paragraph", "inlines": [{"type": "bold"}]}]}`, `$.blocks[0].inlines[0].type: unknown inline type "bold"`},
		{`{"docconv": 1, "blocks": [{"type": "list", "items": [[{"type": "x"}]]}]}`, `$.blocks[0].items[0][0].type`},
		{`{"docconv": 1, "blocks": [{"type": "heading", "level": 9, "inlines": []}]}`, "out of range"},
		{`{"docconv": 1, "blocks": [{"type": "heading", "level": "2"}]}`, "$.blocks[0].level: want an integer, got a string"},
		{`{"docconv": 1, "blocks": [{"type": "rule", "level": 1}]}`, `unknown key for type "rule" "level"`},
		{`{"docconv": 1, "blocks": [{"inlines": []}]}`, `"type" is missing`},
		{`{"docconv": 1, "blocks": {}}`, "$.blocks: want an array, got an object"},
		{`{"docconv": 1, "meta": {"titel": "x"}}`, "$.meta"},
		{`{"docconv": 1, "x": 1}`, `unknown key "x"`},
		{`[]`, "want an object"},
		{`{"docconv": 1, "blocks": [{"type": "table", "align": ["middle"], "rows": []}]}`, `$.blocks[0].align[0]: unknown alignment "middle"`},
		{`{"docconv": 1, "blocks": [{"type": "figure", "caption": []}]}`, `$.blocks[0]: a figure holds exactly one of "image" and "table"`},
		{`{"docconv": 1, "blocks": [{"type": "figure", "image": {"type": "text", "text": ""}, "caption": []}]}`, `$.blocks[0].image: want an image inline`},
		{`{"docconv": 1, "blocks": [{"type": "figure", "table": {"type": "rule"}, "caption": []}]}`, `$.blocks[0].table: want a table block`},
		{`{"docconv": 1, "blocks": [{"type": "paragraph", "inlines": [{"type": "image", "src": "a", "width": -1}]}]}`, `$.blocks[0].inlines[0].width: -1 is out of range`},
		{`{"docconv": 1, "blocks": [{"type": "paragraph", "inlines": [{"type": "image", "src": "a", "mediaType": "text/html"}]}]}`, `$.blocks[0].inlines[0].mediaType: unknown image type "text/html"`},
		{`{"docconv": 1, "blocks": [{"type": "list", "items": [[]], "tasks": ["done"]}]}`, `$.blocks[0].tasks[0]: unknown task state "done"`},
		{`{"docconv": 1, "blocks": [{"type": "list", "items": [[]], "tasks": ["", "checked"]}]}`, `$.blocks[0].tasks: 2 task states for 1 items`},
		{`{"docconv": 1, "blocks": [{"type": "list", "items": [], "tasks": [true]}]}`, `$.blocks[0].tasks: 1 task states for 0 items`},
		{`{"docconv": 1, "blocks": [{"type": "paragraph", "inlines": [{"type": "note", "blocks": [{"type": "paragraph", "inlines": [{"type": "note", "blocks": []}]}]}]}]}`, `$.blocks[0].inlines[0]: a note inside a note`},
		{`{"docconv": 1, "blocks": [{"type": "paragraph", "inlines": [{"type": "sup", "text": "2"}]}]}`, `unknown key for type "sup" "text"`},
		{`{"docconv": 1, "figures": [{"text": "x", "value": 1, "unit": "", "kind": "count", "bound": "ge", "block": 0, "paragraph": 0, "section": "", "sentence": ""}]}`, `$.figures[0].bound: unknown bound "ge"`},
	} {
		_, err := djson.Unmarshal([]byte(tc.src))
		if assert.Error(t, err, tc.src) {
			assert.Contains(t, err.Error(), tc.want, tc.src)
			assert.ErrorIs(t, err, convert.ErrInvalidInput, tc.src)
			assert.True(t, strings.HasPrefix(err.Error(), "json: "), err.Error())
		}
	}
}

func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"docconv":1,"blocks":[{"type":"paragraph","inlines":[{"type":"text","text":"\ud800"}]}]}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := djson.Unmarshal(src)
		if err != nil {
			return
		}
		out1, err := djson.Marshal(d)
		if err != nil {
			return // e.g. a figure value that JSON cannot hold
		}
		d2, err := djson.Unmarshal(out1)
		require.NoError(t, err, "reading writer output")
		out2, err := djson.Marshal(d2)
		require.NoError(t, err)
		require.Equal(t, string(out1), string(out2))
	})
}

func BenchmarkRoundTrip(b *testing.B) {
	src, err := djson.Marshal(sample())
	require.NoError(b, err)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		d, _ := djson.Unmarshal(src)
		_, _ = djson.Marshal(d)
	}
}

func TestFigureBound(t *testing.T) {
	fig := func(extra string) string {
		return `{"docconv": 1, "figures": [{"text": "x", "value": 1, "unit": "", "kind": "count", ` + extra +
			`"block": 0, "paragraph": 0, "section": "", "sentence": ""}]}`
	}
	for _, tc := range []struct {
		extra string
		want  convert.Bound
	}{
		{``, convert.Exact},
		{`"bound": "at-least", `, convert.AtLeast},
		{`"bound": "at-most", `, convert.AtMost},
		{`"bound": "about", `, convert.About},
		{`"approx": true, `, convert.About}, // dumps written before "bound"
		{`"bound": "at-most", "approx": true, `, convert.AtMost},
	} {
		d, err := djson.Unmarshal([]byte(fig(tc.extra)))
		require.NoError(t, err, tc.extra)
		require.Len(t, d.Figures, 1)
		assert.Equal(t, tc.want, d.Figures[0].Bound, tc.extra)
		out, err := djson.Marshal(d)
		require.NoError(t, err)
		assert.NotContains(t, string(out), "approx")
		if tc.want != convert.Exact {
			assert.Contains(t, string(out), `"bound": "`+string(tc.want)+`"`)
		}
	}
}

func TestInvalidUTF8(t *testing.T) {
	d := &convert.Document{Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "a\xe4\\ufffd\ufffd"}}}}}
	out1, err := djson.Marshal(d)
	require.NoError(t, err)
	assert.Contains(t, string(out1), "\"a\ufffd\\\\ufffd\ufffd\"", "raw U+FFFD, escaped backslash kept")
	d2, err := djson.Unmarshal(out1)
	require.NoError(t, err)
	out2, err := djson.Marshal(d2)
	require.NoError(t, err)
	assert.Equal(t, string(out1), string(out2))
}

// Hostile dumps: out-of-range numbers, control characters and deep nesting
// give errors naming the JSON path; nesting is a limit (convert.ErrLimit).
// TestTitleFigure: a figure of the title has block -1 (convert.Figure),
// which the dump reads back (a CI fuzz finding: "% 0" as text input).
func TestTitleFigure(t *testing.T) {
	d := &convert.Document{Meta: convert.Meta{Title: "2024"}, Figures: []convert.Figure{{Text: "2024", Value: 2024, Unit: "year", Kind: convert.KindYear, Block: -1}}}
	b, err := djson.Marshal(d)
	require.NoError(t, err)
	back, err := djson.Unmarshal(b)
	require.NoError(t, err)
	assert.Equal(t, -1, back.Figures[0].Block)
}

func TestHostileInput(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`{"docconv": 1, "blocks": [{"type": "list", "ordered": true, "start": 9223372036854775807, "items": [[]]}]}`, "$.blocks[0].start: 9223372036854775807 is out of range (want an integer 0–999999999)"},
		{`{"docconv": 1, "blocks": [{"type": "list", "start": -1, "items": []}]}`, "$.blocks[0].start: -1 is out of range"},
		{`{"docconv": 1, "blocks": [{"type": "list", "start": 1.5, "items": []}]}`, "$.blocks[0].start: 1.5 is out of range"},
		{`{"docconv": 1, "blocks": [{"type": "heading", "level": 1e400}]}`, "$.blocks[0].level"},
		{`{"docconv": 1, "blocks": [{"type": "paragraph", "inlines": [{"type": "text", "text": "a\u0000b"}]}]}`, "$.blocks[0].inlines[0].text: control character U+0000"},
		{`{"docconv": 1, "blocks": [{"type": "list", "items": [[{"type": "code", "text": "\u001b[31m"}]]}]}`, "$.blocks[0].items[0][0].text: control character U+001B"},
		{`{"docconv": 1, "meta": {"title": "\u0007"}}`, "$.meta.title: control character U+0007"},
		{`{"docconv": 1, "meta": {"extra": {"k": "\u009b"}}}`, "$.meta.extra.k: control character U+009B"},
		{`{"docconv": 1, "figures": [{"text": "x", "value": 1, "unit": "", "kind": "count", "block": -3, "paragraph": 0, "section": "", "sentence": ""}]}`, "$.figures[0].block: -3 is out of range"},
	} {
		_, err := djson.Unmarshal([]byte(tc.src))
		if assert.Error(t, err, tc.src) {
			assert.Contains(t, err.Error(), tc.want, tc.src)
			assert.ErrorIs(t, err, convert.ErrInvalidInput, tc.src)
		}
	}
	// Tab, newline and CR are text.
	_, err := djson.Unmarshal([]byte(`{"docconv": 1, "blocks": [{"type": "code", "text": "a\tb\r\nc"}]}`))
	require.NoError(t, err)

	deep := `{"docconv": 1, "blocks": [` + strings.Repeat(`{"type": "list", "items": [[`, 10_000) + strings.Repeat(`]]}`, 10_000) + `]}`
	_, err = djson.Unmarshal([]byte(deep))
	require.Error(t, err)
	assert.ErrorIs(t, err, convert.ErrLimit)
	assert.Contains(t, err.Error(), "$.blocks[0].items[0][0].items…(988 levels)…[0].items[0][0].items[0]: ")
	assert.Contains(t, err.Error(), "nesting deeper than 1000 levels")
	var ce *convert.Error
	require.True(t, errors.As(err, &ce))
	assert.Equal(t, 1, ce.Line)

	// Just within the limit: read, written, read back the same.
	n := (djson.MaxDepth - 2) / 3
	ok := `{"docconv": 1, "blocks": [` + strings.Repeat(`{"type": "list", "items": [[`, n) + strings.Repeat(`]]}`, n) + `]}`
	d, err := djson.Unmarshal([]byte(ok))
	require.NoError(t, err)
	out, err := djson.Marshal(d)
	require.NoError(t, err)
	d2, err := djson.Unmarshal(out)
	require.NoError(t, err)
	out2, err := djson.Marshal(d2)
	require.NoError(t, err)
	assert.Equal(t, string(out), string(out2))
}

// The dump of deeply nested quotes stays linear in the document: deeper
// than IndentDepth it is compact.
func TestDeepIndentLinear(t *testing.T) {
	nest := func(n int) *convert.Document {
		var b convert.Block = &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "deep"}}}
		for range n {
			b = &convert.Quote{Blocks: []convert.Block{b}}
		}
		return &convert.Document{Blocks: []convert.Block{b}, Figures: []convert.Figure{}}
	}
	small, err := djson.Marshal(nest(300))
	require.NoError(t, err)
	big, err := djson.Marshal(nest(3000))
	require.NoError(t, err)
	assert.Less(t, len(big), 12*len(small), "3000 levels: %d bytes, 300: %d", len(big), len(small))
	assert.Less(t, len(big), 200_000)
	assert.True(t, stdjson.Valid(big))
	shallow, err := djson.Marshal(nest(5))
	require.NoError(t, err)
	var compact, want bytes.Buffer
	require.NoError(t, stdjson.Compact(&compact, shallow))
	require.NoError(t, stdjson.Indent(&want, compact.Bytes(), "", "  "))
	assert.Equal(t, want.String()+"\n", string(shallow), "shallow documents are indented as json.Indent does")
}

// Read flattens quotes and lists nested deeper than convert.MaxNesting, as
// the Markdown reader does, and warns.
func TestReadLimitsNesting(t *testing.T) {
	n := convert.MaxNesting + 20
	src := `{"docconv": 1, "blocks": [` + strings.Repeat(`{"type": "quote", "blocks": [`, n) +
		`{"type": "paragraph", "inlines": [{"type": "text", "text": "deep"}]}` + strings.Repeat(`]}`, n) + `]}`
	rep := &convert.Report{}
	d, err := (&djson.Reader{Report: rep}).Read(context.Background(), strings.NewReader(src))
	require.NoError(t, err)
	depth := 0
	for bs := d.Blocks; len(bs) > 0; depth++ {
		q, ok := bs[0].(*convert.Quote)
		if !ok {
			break
		}
		bs = q.Blocks
	}
	assert.Equal(t, convert.MaxNesting, depth)
	assert.Contains(t, strings.Join(rep.Warnings(), "\n"), "flattened")
}
