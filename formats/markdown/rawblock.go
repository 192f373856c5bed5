package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"

	"github.com/docconv/docconv/convert"
)

// htmlBlock converts an HTML block to what a reader of the rendered page
// sees: the elements of dropContent, comments and declarations disappear;
// the text of the rest is kept (tags stripped, entities decoded, white
// space collapsed as HTML does), one paragraph per block-level element
// (blockElements), with the inline tags of tags.go mapped to the model;
// <pre> becomes a code block. Nothing is left of a block without text,
// except a page break: an element whose style asks for one
// (convert.PageBreakStyle, such as convert.PageBreakHTML) gives a
// PageBreak before or after its content.
func (c *converter) htmlBlock(x *ast.HTMLBlock) []convert.Block {
	raw := c.lines(x)
	if x.HasClosure() {
		raw += string(x.ClosureLine.Value(c.src))
	}
	c.softBreak = map[*convert.Text]bool{}
	var out []convert.Block
	var items []convert.Inline
	flush := func() {
		if p := c.htmlParagraph(items); p != nil {
			out = append(out, p)
		}
		items = nil
	}
	// A style asking for a page break after an element (the writer's
	// convert.PageBreakHTML) gives a PageBreak after it: breakAfter holds
	// the depths of the open elements that asked (depth counts the open
	// elements), breakNow says one ends.
	var breakAfter []int
	depth := 0
	breakNow := false
	closed := func() { // an element ends
		if k := len(breakAfter) - 1; k >= 0 && breakAfter[k] == depth {
			breakAfter = breakAfter[:k]
			breakNow = true
		}
		depth = max(depth-1, 0)
	}
	z := html.NewTokenizer(strings.NewReader(raw))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		name := tok.Data
		switch tt {
		case html.TextToken:
			items = c.appendSpaced(items, noNUL(tok.Data))
		case html.CommentToken, html.DoctypeToken:
			c.dropped++
		case html.StartTagToken, html.SelfClosingTagToken:
			before, after := pageBreakAttr(tok)
			if before {
				flush()
				out = append(out, &convert.PageBreak{})
			}
			void := tt == html.SelfClosingTagToken || voidElements[name]
			if !void {
				depth++
			}
			if after {
				if void {
					breakNow = true
				} else {
					breakAfter = append(breakAfter, depth)
				}
			}
			switch {
			case dropContent[name]:
				c.dropped++
				if tt == html.StartTagToken && !voidElements[name] {
					c.skipElement(z, name)
					closed() // its end tag was read
				}
			case name == "pre" && tt == html.StartTagToken:
				flush()
				if s := c.preText(z); strings.TrimSpace(s) != "" {
					out = append(out, &convert.CodeBlock{Text: s})
				}
				closed() // its end tag was read
			case blockElements[name] || name == "pre":
				if !before && !after {
					c.dropped++ // a page break's element is read, not dropped
				}
				flush()
			case name == "td" || name == "th":
				c.dropped++
				items = c.appendSpaced(items, " ")
			default:
				items = append(items, c.startTag(tok, tt == html.SelfClosingTagToken)...)
			}
		case html.EndTagToken:
			switch {
			case blockElements[name]:
				flush()
			case name == "td" || name == "th":
				items = c.appendSpaced(items, " ")
			default:
				items = append(items, c.endTag(tok)...)
			}
			closed()
		}
		if breakNow {
			flush()
			out = append(out, &convert.PageBreak{})
			breakNow = false
		}
	}
	flush()
	if len(breakAfter) > 0 { // an element left open at the end of the block
		out = append(out, &convert.PageBreak{})
	}
	return out
}

func noNUL(s string) string { return strings.ReplaceAll(s, "\x00", "\uFFFD") }

// skipElement reads past the end of the element name, whose start tag was
// just read.
func (c *converter) skipElement(z *html.Tokenizer, name string) {
	depth := 1
	for {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.StartTagToken:
			if tn, _ := z.TagName(); string(tn) == name {
				depth++
			}
		case html.EndTagToken:
			if tn, _ := z.TagName(); string(tn) == name {
				if depth--; depth == 0 {
					return
				}
			}
		}
	}
}

// preText reads the content of a <pre> element as code: text as is,
// <br> as a newline, other tags dropped; without the newline that may
// follow <pre> and the newlines before </pre>.
func (c *converter) preText(z *html.Tokenizer) string {
	var b strings.Builder
loop:
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case html.TextToken:
			b.WriteString(noNUL(tok.Data))
		case html.EndTagToken:
			if tok.Data == "pre" {
				break loop
			}
			if tok.Data == "br" {
				b.WriteByte('\n')
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			switch {
			case tok.Data == "br":
				b.WriteByte('\n')
			case dropContent[tok.Data]:
				c.dropped++
				if tt == html.StartTagToken && !voidElements[tok.Data] {
					c.skipElement(z, tok.Data)
				}
			default:
				c.dropped++
			}
		case html.CommentToken, html.DoctypeToken:
			c.dropped++
		}
	}
	s := strings.TrimPrefix(b.String(), "\n")
	return strings.TrimRight(s, "\n")
}

// spaceMark is a Text standing for a run of white space in an HTML block;
// soft when the run holds a newline (see resolveSoftBreaks).
func (c *converter) spaceMark(soft bool) *convert.Text {
	t := &convert.Text{Text: " "}
	if soft {
		t.Text = "\n"
		c.softBreak[t] = true
	}
	return t
}

func (c *converter) isSpaceMark(in convert.Inline) bool {
	t, ok := in.(*convert.Text)
	return ok && (t.Text == " " || c.softBreak[t])
}

// appendSpaced appends the text s with each run of HTML white space as a
// space mark.
func (c *converter) appendSpaced(items []convert.Inline, s string) []convert.Inline {
	for s != "" {
		i := strings.IndexFunc(s, isHTMLSpace)
		if i < 0 {
			i = len(s)
		}
		if i > 0 {
			items = append(items, &convert.Text{Text: s[:i]})
			s = s[i:]
			continue
		}
		j := strings.IndexFunc(s, func(r rune) bool { return !isHTMLSpace(r) })
		if j < 0 {
			j = len(s)
		}
		items = append(items, c.spaceMark(strings.ContainsAny(s[:j], "\n\r")))
		s = s[j:]
	}
	return items
}

// htmlParagraph collapses the space marks of a flat sequence of text, tag
// tokens and line breaks as HTML does (one per run, none at the start or
// end of a line), pairs the tags and returns the paragraph, or nil when
// nothing is left.
func (c *converter) htmlParagraph(items []convert.Inline) *convert.Paragraph {
	var kept []convert.Inline
	pending := -1 // index in kept of a space mark not yet known to stay
	lineStart := true
	for _, in := range items {
		switch {
		case c.isDropMark(in):
		case c.isTag(in):
			kept = append(kept, in)
		case c.isSpaceMark(in):
			if lineStart {
				continue
			}
			if pending >= 0 {
				if c.softBreak[in.(*convert.Text)] { // the run holds a newline
					old := kept[pending].(*convert.Text)
					if !c.softBreak[old] {
						kept[pending] = c.spaceMark(true)
					}
				}
				continue
			}
			pending = len(kept)
			kept = append(kept, in)
		default:
			if _, ok := in.(*convert.LineBreak); ok {
				if pending >= 0 {
					kept[pending] = &convert.Text{}
				}
				lineStart = true
			} else {
				lineStart = false
			}
			pending = -1
			kept = append(kept, in)
		}
	}
	if pending >= 0 {
		kept[pending] = &convert.Text{}
	}
	ins := c.buildTags(kept)
	c.resolveSoftBreaks(ins)
	ins = normalize(ins)
	// Line breaks at the start or end show nothing.
	for len(ins) > 0 {
		if _, ok := ins[0].(*convert.LineBreak); !ok {
			break
		}
		ins = ins[1:]
	}
	for len(ins) > 0 {
		if _, ok := ins[len(ins)-1].(*convert.LineBreak); !ok {
			break
		}
		ins = ins[:len(ins)-1]
	}
	if len(ins) == 0 {
		return nil
	}
	return &convert.Paragraph{Inlines: ins}
}

// pageBreakAttr reports whether a tag's style attribute asks for a page
// break before or after the element (convert.PageBreakStyle).
func pageBreakAttr(tok html.Token) (before, after bool) {
	for _, a := range tok.Attr {
		if a.Key == "style" {
			return convert.PageBreakStyle(a.Val)
		}
	}
	return false, false
}
