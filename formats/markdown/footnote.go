package markdown

import (
	"sort"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// footnotes is goldmark's Footnote extension with its inline parser and
// AST transformer replaced: goldmark's (v1.8.7) look a reference's label
// up by a walk over every definition and sort the definitions with an
// insertion sort, both quadratic: 10,000 notes took 2.4 s to read, 100,000
// would take minutes. Here the labels are looked up in a map built once
// and the definitions sorted with sort.Slice; the definitions themselves
// are still parsed by goldmark's block parser, and the AST is the one
// goldmark's extension makes (a FootnoteLink per reference, the
// definitions, numbered in order of first reference, in a FootnoteList at
// the end of the document), without the back-links, which only its HTML
// renderer uses.
type footnotes struct{}

var (
	footnoteListKey  = parser.NewContextKey()
	footnoteIndexKey = parser.NewContextKey()
)

func (footnotes) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(footnoteBlockParser{extension.NewFootnoteBlockParser()}, 999)),
		parser.WithInlineParsers(util.Prioritized(footnoteRefParser{}, 101)),
		parser.WithASTTransformers(util.Prioritized(footnoteTransformer{}, 999)),
	)
}

// footnoteBlockParser is goldmark's, remembering the list it puts the
// definitions in.
type footnoteBlockParser struct{ parser.BlockParser }

func (b footnoteBlockParser) Close(node gast.Node, reader text.Reader, pc parser.Context) {
	b.BlockParser.Close(node, reader, pc)
	if l, ok := node.Parent().(*east.FootnoteList); ok {
		pc.Set(footnoteListKey, l)
	}
}

// footnoteRefParser reads [^label] (and ![^label], a "!" then a
// reference) where label is defined.
type footnoteRefParser struct{}

// footnoteLabelLimit is goldmark's (CommonMark's link label limit).
const footnoteLabelLimit = 999

func (footnoteRefParser) Trigger() []byte { return []byte{'!', '['} }

func (footnoteRefParser) Parse(parent gast.Node, block text.Reader, pc parser.Context) gast.Node {
	line, segment := block.PeekLine()
	pos := 1
	if len(line) > 0 && line[0] == '!' {
		pos++
	}
	if pos >= len(line) || line[pos] != '^' {
		return nil
	}
	pos++
	if pos >= len(line) {
		return nil
	}
	list, _ := pc.Get(footnoteListKey).(*east.FootnoteList)
	if list == nil {
		return nil
	}
	index, _ := pc.Get(footnoteIndexKey).(map[string]*east.Footnote)
	if index == nil {
		// Every definition is parsed (blocks come before inlines): the
		// index is built once. The first definition of a label wins.
		index = map[string]*east.Footnote{}
		for n := list.FirstChild(); n != nil; n = n.NextSibling() {
			if fn, ok := n.(*east.Footnote); ok {
				if _, dup := index[string(fn.Ref)]; !dup {
					index[string(fn.Ref)] = fn
				}
			}
		}
		pc.Set(footnoteIndexKey, index)
	}
	open := pos
	//lint:ignore SA1019 the label is on one line, as in goldmark's own footnote parser
	closure := util.FindClosure(line[pos:min(len(line), pos+footnoteLabelLimit)], '[', ']', false, false)
	if closure < 0 {
		return nil
	}
	closes := pos + closure
	fn := index[string(block.Value(text.NewSegment(segment.Start+open, segment.Start+closes)))]
	if fn == nil {
		return nil
	}
	block.Advance(closes + 1)
	if fn.Index < 0 {
		list.Count++
		fn.Index = list.Count
	}
	if line[0] == '!' {
		parent.AppendChild(parent, gast.NewTextSegment(text.NewSegment(segment.Start, segment.Start+1)))
	}
	return east.NewFootnoteLink(fn.Index)
}

// footnoteTransformer moves the referenced definitions, in order of first
// reference, to a FootnoteList at the end of the document and drops the
// others.
type footnoteTransformer struct{}

func (footnoteTransformer) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	list, _ := pc.Get(footnoteListKey).(*east.FootnoteList)
	pc.Set(footnoteListKey, nil)
	pc.Set(footnoteIndexKey, nil)
	if list == nil {
		return
	}
	var used []*east.Footnote
	for n := list.FirstChild(); n != nil; n = n.NextSibling() {
		if fn, ok := n.(*east.Footnote); ok && fn.Index > 0 {
			used = append(used, fn)
		}
	}
	list.Parent().RemoveChild(list.Parent(), list)
	if len(used) == 0 {
		return
	}
	sort.Slice(used, func(i, j int) bool { return used[i].Index < used[j].Index })
	out := east.NewFootnoteList()
	out.Count = list.Count
	for _, fn := range used {
		fn.Parent().RemoveChild(fn.Parent(), fn)
		out.AppendChild(out, fn)
	}
	doc.AppendChild(doc, out)
}
