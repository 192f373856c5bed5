package html

import (
	"bytes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/docconv/docconv/convert"
)

// MaxDepth is the deepest nesting of elements the reader accepts.
// golang.org/x/net/html refuses a document whose stack of open elements
// passes 512 (Chromium's parser stops nesting at 512 too): MaxDepth is
// 500, so that the elements the parser adds itself (html, body, tbody, tr
// and the like) stay under that limit, and the error names the line.
// Real pages nest a few dozen levels.
const MaxDepth = 500

// checkDepth refuses src, with an error wrapping convert.ErrLimit that
// names the line, when its elements nest deeper than MaxDepth. It runs the
// tokenizer once (linear time) and keeps a stack of the open elements
// whose end tag is required; elements the parser closes by themselves (p,
// li, td, option…) and void elements are not counted, an end tag closes
// up to the nearest open element of its name, and a stray end tag is
// ignored. A self-closing tag (<div/>) opens an element as the parser
// does, except in SVG and MathML (<path/>). The count is never below the
// depth the parser builds, except for the few elements it adds itself
// (html, body, tbody).
func checkDepth(src []byte) error {
	z := html.NewTokenizer(bytes.NewReader(src))
	type open struct {
		a       atom.Atom
		name    string // for elements without an atom (custom elements)
		foreign bool   // inside SVG or MathML, outside an integration point
	}
	var stack []open
	line := 1
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return nil // io.EOF: the tokenizer reads from memory
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			foreign := len(stack) > 0 && stack[len(stack)-1].foreign
			if foreign && breakout[a] {
				// The parser leaves foreign content for an HTML element.
				for len(stack) > 0 && stack[len(stack)-1].foreign {
					stack = stack[:len(stack)-1]
				}
				foreign = len(stack) > 0 && stack[len(stack)-1].foreign
			}
			if selfClosing[a] || void[a] || tt == html.SelfClosingTagToken && (foreign || a == atom.Svg || a == atom.Math) {
				break
			}
			o := open{a: a, foreign: foreign}
			if a == 0 {
				o.name = string(name)
			}
			switch {
			case a == atom.Svg || a == atom.Math:
				o.foreign = true
			case foreign && integration[a]:
				o.foreign = false
			}
			stack = append(stack, o)
			if len(stack) > MaxDepth {
				return &convert.Error{Line: line + bytes.Count(raw, []byte{'\n'}),
					Err: convert.LimitErrorf("html: elements nested deeper than %d levels (html.MaxDepth)", MaxDepth)}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].a == a && (a != 0 || stack[i].name == string(name)) {
					stack = stack[:i]
					break
				}
			}
		}
		line += bytes.Count(raw, []byte{'\n'})
	}
}

// integration are the SVG and MathML elements whose content is HTML again.
var integration = map[atom.Atom]bool{
	atom.Foreignobject: true, atom.Desc: true, atom.Title: true, atom.Mi: true, atom.Mo: true,
	atom.Mn: true, atom.Ms: true, atom.Mtext: true, atom.AnnotationXml: true,
}

// breakout are the HTML elements that end foreign content (HTML standard,
// "parsing main inforeign").
var breakout = map[atom.Atom]bool{
	atom.B: true, atom.Big: true, atom.Blockquote: true, atom.Body: true, atom.Br: true, atom.Center: true,
	atom.Code: true, atom.Dd: true, atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Em: true,
	atom.Embed: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Head: true, atom.Hr: true, atom.I: true, atom.Img: true, atom.Li: true,
	atom.Listing: true, atom.Menu: true, atom.Meta: true, atom.Nobr: true, atom.Ol: true, atom.P: true,
	atom.Pre: true, atom.Ruby: true, atom.S: true, atom.Small: true, atom.Span: true, atom.Strong: true,
	atom.Strike: true, atom.Sub: true, atom.Sup: true, atom.Table: true, atom.Tt: true, atom.U: true,
	atom.Ul: true, atom.Var: true, atom.Font: true,
}

// void elements have no end tag.
var void = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true, atom.Track: true,
	atom.Wbr: true, atom.Param: true, atom.Keygen: true, atom.Image: true,
}

// selfClosing elements are closed by the parser when a sibling starts
// (their end tag is optional), so they never nest in themselves.
var selfClosing = map[atom.Atom]bool{
	atom.Html: true, atom.Head: true, atom.Body: true, atom.P: true, atom.Li: true, atom.Dt: true,
	atom.Dd: true, atom.Option: true, atom.Optgroup: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Colgroup: true, atom.Rb: true,
	atom.Rt: true, atom.Rp: true, atom.Rtc: true, atom.Caption: true,
}
