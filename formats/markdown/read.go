package markdown

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/docconv/docconv/convert"
)

// Reader reads CommonMark with the GFM extensions tables, strikethrough
// and autolinks (bare URLs), plus YAML front matter and heading attributes
// ({#id}). The zero value is ready to use.
type Reader struct {
	// NoLinkify turns off GFM's extended autolinks, so that bare URLs and
	// www. addresses stay text.
	NoLinkify bool
	// Report, when not nil, receives the count of raw HTML elements
	// dropped ("markdown", "raw HTML elements dropped").
	Report *convert.Report
}

// Goldmark parsers are built once and are safe for concurrent use.
var (
	gfmParser      = sync.OnceValue(func() parser.Parser { return newParser(true) })
	noLinkifyParse = sync.OnceValue(func() parser.Parser { return newParser(false) })
)

func newParser(linkify bool) parser.Parser {
	exts := []goldmark.Extender{extension.Table, extension.Strikethrough, footnotes{}, extension.TaskList}
	if linkify {
		exts = append(exts, extension.Linkify)
	}
	return goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(parser.WithAttribute(),
			parser.WithInlineParsers(util.Prioritized(delimiterGuard{}, 450))),
	).Parser()
}

func (r *Reader) parser() parser.Parser {
	if r.NoLinkify {
		return noLinkifyParse()
	}
	return gfmParser()
}

// Read implements convert.Reader.
func (r *Reader) Read(ctx context.Context, in io.Reader) (*convert.Document, error) {
	src, err := io.ReadAll(in)
	if err != nil {
		return nil, fmt.Errorf("markdown: %w", err)
	}
	return r.Parse(src)
}

// Parse reads a Markdown document from src.
func (r *Reader) Parse(src []byte) (*convert.Document, error) {
	if why := convert.SniffBinary(src); why != "" {
		return nil, fmt.Errorf("markdown: %w: %s", convert.ErrInvalidInput, why)
	}
	// Invalid UTF-8 becomes U+FFFD first, so that no text of the model
	// holds half a character (which a later join could complete). The
	// normalize transforms count such repairs before the reader runs.
	src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
	// CommonMark 2.3: "For security reasons, the Unicode character U+0000
	// must be replaced with the REPLACEMENT CHARACTER (U+FFFD)". goldmark
	// keeps it, and a NUL written back out makes the text read as binary.
	if bytes.IndexByte(src, 0) >= 0 {
		src = bytes.ReplaceAll(src, []byte{0}, []byte("\uFFFD"))
	}
	full := src
	d := &convert.Document{}
	if yml, body, ok := splitFrontMatter(src); ok {
		isMeta, err := parseFrontMatter(yml, &d.Meta)
		if err != nil {
			return nil, err
		}
		if isMeta {
			src = body
		}
	}
	// Line numbers in warnings count the front matter's lines too.
	base := bytes.Count(full[:len(full)-len(src)], []byte("\n"))
	src, cut, first := limitMarkers(src)
	if cut > 0 {
		r.Report.Warn("markdown: line %d: more than %d quote and list markers on a line (%s); the deeper ones are dropped, their text kept at level %d",
			base+first, convert.MaxNesting, count(cut, "such line", "such lines"), convert.MaxNesting)
	}
	pc := parser.NewContext()
	root := r.parser().Parse(text.NewReader(src), parser.WithContext(pc))
	if st, _ := pc.Get(guardKey).(*guardState); st != nil && st.blocks > 0 {
		r.Report.Warn("markdown: line %d: too many unmatched emphasis delimiters (* _ ~) in a paragraph (%s); from there on they are read as text",
			base+1+bytes.Count(src[:st.firstPos], []byte("\n")), count(st.blocks, "such paragraph", "such paragraphs"))
	}
	c := &converter{src: src, ids: newIDs()}
	c.collectFootnotes(root)
	d.Blocks = c.blocks(root)
	if c.noteRefsCut > 0 {
		r.Report.Warn("markdown: %s to footnotes already referenced kept as text: the copies of repeated notes are limited to the size of the input",
			count(c.noteRefsCut, "reference", "references"))
	}
	if bs, n := convert.LimitNesting(d.Blocks); n > 0 {
		d.Blocks = bs
		r.Report.Warn("markdown: quotes, lists or inline formatting nested deeper than %d levels: %d flattened into level %d", convert.MaxNesting, n, convert.MaxNesting)
	}
	if d.Meta.Title == "" {
		d.Blocks = promoteTitle(&d.Meta, d.Blocks)
	}
	c.assignIDs(d.Blocks)
	convert.WarnSourceDate(r.Report, "markdown", &d.Meta)
	if c.dropped > 0 {
		r.Report.Add("markdown", "raw HTML elements dropped", c.dropped)
	}
	return d, nil
}

type converter struct {
	src       []byte
	ids       *ids
	explicit  map[*convert.Heading]bool
	softBreak map[*convert.Text]bool
	tags      tagState
	dropped   int // raw HTML elements dropped
	dropMarks map[*convert.Text]bool
	captions  map[*convert.Image][]convert.Inline // an image's description as inlines
	notes                                         // footnote definitions, see notes.go
}

func (c *converter) blocks(parent ast.Node) []convert.Block {
	var out []convert.Block
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.HTMLBlock); ok {
			out = append(out, c.htmlBlock(h)...)
			continue
		}
		if b := c.block(n); b != nil {
			out = append(out, b)
		}
	}
	return out
}

func (c *converter) lines(n ast.Node) string {
	var b strings.Builder
	ls := n.Lines()
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		b.Write(seg.Value(c.src))
	}
	return b.String()
}

func (c *converter) block(n ast.Node) convert.Block {
	switch x := n.(type) {
	case *ast.Heading:
		h := &convert.Heading{Level: x.Level, Inlines: c.inlineBlock(x)}
		if v, ok := x.AttributeString("id"); ok {
			if id, ok := v.([]byte); ok && len(id) > 0 {
				h.ID = string(id)
				if c.explicit == nil {
					c.explicit = map[*convert.Heading]bool{}
				}
				c.explicit[h] = true
			}
		}
		return h
	case *ast.Paragraph, *ast.TextBlock:
		if l := strings.TrimSpace(c.lines(x)); l == `\newpage` || l == `\pagebreak` {
			// LaTeX's page breaks, as pandoc users write them (pandoc
			// reads them as raw TeX).
			return &convert.PageBreak{}
		}
		ins := c.inlineBlock(x)
		if onlyBreaks(ins) {
			// Only raw HTML that was dropped, or only line breaks
			// (<br><a>): nothing to read, and written back (<br />
			// alone on a line) it would be an HTML block (fuzz finding).
			return nil
		}
		if im, ok := ins[0].(*convert.Image); ok && len(ins) == 1 && im.Alt != "" {
			// A Markdown image alone in its paragraph, with a
			// description, is a figure captioned by it (pandoc's
			// implicit_figures); an HTML <img> stays an image.
			if caption, ok := c.captions[im]; ok {
				return &convert.FigureBlock{Image: im, Caption: caption}
			}
		}
		return &convert.Paragraph{Inlines: ins}
	case *ast.List:
		l := &convert.List{Ordered: x.IsOrdered(), Tight: x.IsTight}
		if l.Ordered {
			l.Start = max(x.Start, 1)
		}
		for it := x.FirstChild(); it != nil; it = it.NextSibling() {
			bs := c.blocks(it)
			if len(bs) == 0 && it.HasChildren() && taskState(it) == convert.NoTask {
				continue // only raw HTML, dropped: so is the item
			}
			l.Items = append(l.Items, bs)
			if t := taskState(it); t != convert.NoTask {
				for len(l.Tasks) < len(l.Items)-1 {
					l.Tasks = append(l.Tasks, convert.NoTask)
				}
				l.Tasks = append(l.Tasks, t)
			}
		}
		if l.Items == nil {
			if x.HasChildren() {
				return nil
			}
			l.Items = [][]convert.Block{}
		}
		for i, it := range l.Items {
			if it == nil {
				it = []convert.Block{}
			}
			if l.Tight {
				it = joinParagraphs(it)
			}
			l.Items[i] = it
		}
		// Looseness needs two items or two blocks in an item; dropped
		// raw HTML can leave a loose list with neither, which Markdown
		// cannot write.
		if len(l.Items) == 0 || len(l.Items) == 1 && len(l.Items[0]) <= 1 {
			l.Tight = true
		}
		return l
	case *ast.Blockquote:
		return &convert.Quote{Blocks: c.blocks(x)}
	case *ast.FencedCodeBlock:
		cb := &convert.CodeBlock{Text: strings.TrimSuffix(c.lines(x), "\n")}
		if x.Info != nil {
			if f := strings.Fields(string(unescape(x.Language(c.src)))); len(f) > 0 {
				cb.Lang = f[0]
			}
		}
		return cb
	case *ast.CodeBlock:
		return &convert.CodeBlock{Text: strings.TrimSuffix(c.lines(x), "\n")}
	case *ast.ThematicBreak:
		return &convert.Rule{}
	case *east.Table:
		if t := c.table(x); t.Header != nil || len(t.Rows) > 0 {
			return t
		}
		return nil // an empty header and no rows: nothing to show
	}
	return nil
}

func (c *converter) table(x *east.Table) *convert.Table {
	t := &convert.Table{Rows: [][]convert.Cell{}}
	for _, a := range x.Alignments {
		switch a {
		case east.AlignLeft:
			t.Align = append(t.Align, convert.AlignLeft)
		case east.AlignRight:
			t.Align = append(t.Align, convert.AlignRight)
		case east.AlignCenter:
			t.Align = append(t.Align, convert.AlignCenter)
		default:
			t.Align = append(t.Align, convert.AlignDefault)
		}
	}
	if allDefault(t.Align) {
		t.Align = nil
	}
	for row := x.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []convert.Cell
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, c.inlineBlock(cell))
		}
		if _, ok := row.(*east.TableHeader); ok {
			// GFM requires a header row; an empty one means "no header".
			for _, cl := range cells {
				if len(cl) > 0 {
					t.Header = cells
					break
				}
			}
			continue
		}
		if cells == nil {
			cells = []convert.Cell{}
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// joinParagraphs joins consecutive paragraphs with a line break, as a
// tight list item shows them (they come from HTML blocks; Markdown cannot
// write them apart in a tight list).
func joinParagraphs(bs []convert.Block) []convert.Block {
	out := bs[:0]
	for _, b := range bs {
		if p, ok := b.(*convert.Paragraph); ok && len(out) > 0 {
			if prev, ok := out[len(out)-1].(*convert.Paragraph); ok {
				ins := append(append(append([]convert.Inline{}, prev.Inlines...), &convert.LineBreak{}), p.Inlines...)
				out[len(out)-1] = &convert.Paragraph{Inlines: ins}
				continue
			}
		}
		out = append(out, b)
	}
	return out
}

func allDefault(as []convert.Alignment) bool {
	for _, a := range as {
		if a != convert.AlignDefault {
			return false
		}
	}
	return true
}

// promoteTitle makes the document's only level-1 heading its title when
// that heading is the first block and has text (pandoc's
// --shift-heading-level-by=-1): the heading's plain text, line breaks made
// spaces, goes to m.Title, the heading is dropped and every other heading
// moves up one level (## → level 1). It returns the blocks, unchanged when
// the document does not qualify.
func promoteTitle(m *convert.Meta, blocks []convert.Block) []convert.Block {
	if len(blocks) == 0 {
		return blocks
	}
	first, ok := blocks[0].(*convert.Heading)
	if !ok || first.Level != 1 {
		return blocks
	}
	title := strings.TrimSpace(strings.ReplaceAll(convert.PlainText(first.Inlines), "\n", " "))
	if title == "" {
		return blocks
	}
	var hs []*convert.Heading
	convert.Inspect(blocks[1:], func(n any) bool {
		if h, ok := n.(*convert.Heading); ok {
			hs = append(hs, h)
		}
		return true
	})
	for _, h := range hs {
		if h.Level == 1 {
			return blocks
		}
	}
	for _, h := range hs {
		h.Level--
	}
	m.Title = title
	return blocks[1:]
}

// count is "1 thing" or "n things".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// onlyBreaks reports whether ins has no content but line breaks and white
// space.
func onlyBreaks(ins []convert.Inline) bool {
	for _, in := range ins {
		switch x := in.(type) {
		case *convert.LineBreak:
		case *convert.Text:
			if strings.TrimSpace(x.Text) != "" {
				return false
			}
		default:
			return false
		}
	}
	return true
}
