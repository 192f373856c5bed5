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

// prepare returns src ready for the tree builder, with its self-closing
// HTML elements made empty (below), or refuses it, with an error wrapping
// convert.ErrLimit that names the line, when its elements nest deeper than
// MaxDepth. It runs the tokenizer once (linear time) and keeps a stack of
// the open elements whose end tag is required; elements the parser closes
// by themselves (p, li, td, option…) and void elements are not counted, an
// end tag closes up to the nearest open element of its name, and a stray
// end tag is ignored. The count is never below the depth the parser
// builds, except for the few elements it adds itself (html, body, tbody).
//
// Self-closing tags: the HTML standard's tree builder ignores the
// self-closing flag of an HTML element that is not void, so that
// <a id="x"/> — how XHTML and DocBook-generated pages write their
// anchors — opens an <a> that takes in everything after it, tables and
// code blocks included. Whoever writes <x/> means an empty element:
// prepare writes an end tag right after such a tag (<a id="x"/></a>).
// Left as they are: void elements (<br/>, the flag is allowed), SVG and
// MathML elements outside their HTML integration points (the builder
// honours the flag there), html, head and body, and plaintext (its
// content never ends). After <script/>, <style/>, <title/>, <textarea/>
// and the other raw-text elements the end tag ends the raw text at once,
// and what follows is markup again. The end tags hold no line break: line
// numbers are the input's. src is returned as it is when no tag needs an
// end tag.
func prepare(src []byte) ([]byte, error) {
	z := html.NewTokenizer(bytes.NewReader(src))
	var stack []openElem
	var out []byte      // nil until a tag is given an end tag
	off, copied := 0, 0 // bytes of src tokenized, copied to out
	line := 1
	for {
		foreign := len(stack) > 0 && stack[len(stack)-1].foreign
		// As the parser does: CDATA sections in foreign content only.
		z.AllowCDATA(foreign)
		tt := z.Next()
		if tt == html.ErrorToken {
			break // io.EOF: the tokenizer reads from memory
		}
		raw := z.Raw()
		off += len(raw)
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if foreign && breakout[a] {
				// The parser leaves foreign content for an HTML element.
				for len(stack) > 0 && stack[len(stack)-1].foreign {
					stack = stack[:len(stack)-1]
				}
				foreign = len(stack) > 0 && stack[len(stack)-1].foreign
			}
			if foreign {
				// As the parser does: no raw text in foreign content
				// (an SVG <title> or <style>).
				z.NextIsNotRawText()
			}
			if tt == html.SelfClosingTagToken && !foreign && emptied(a) &&
				off <= len(src) && bytes.Equal(src[off-len(raw):off], raw) {
				if out == nil {
					out = make([]byte, 0, len(src)+len(src)/32+16)
				}
				out = append(out, src[copied:off]...)
				out = append(out, "</"...)
				out = append(out, name...)
				out = append(out, '>')
				copied = off
				z.NextIsNotRawText()
				break
			}
			if selfClosing[a] || void[a] || tt == html.SelfClosingTagToken && (foreign || a == atom.Svg || a == atom.Math) {
				break
			}
			o := openElem{a: a, foreign: foreign}
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
				return nil, &convert.Error{Line: line + bytes.Count(raw, []byte{'\n'}),
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
	if out == nil {
		return src, nil
	}
	return append(out, src[copied:]...), nil
}

// openElem is an element of prepare's stack.
type openElem struct {
	a       atom.Atom
	name    string // for elements without an atom (custom elements)
	foreign bool   // inside SVG or MathML, outside an integration point
}

// emptied reports whether a self-closing tag of the HTML element a (0 for
// a custom element) is given an end tag by prepare.
func emptied(a atom.Atom) bool {
	return !void[a] && a != atom.Svg && a != atom.Math && a != atom.Html && a != atom.Head &&
		a != atom.Body && a != atom.Plaintext
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
