package markdown

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"github.com/docconv/docconv/convert"
)

// Raw HTML, inline or block, is never passed through: the model has no
// raw-HTML node, so the reader does what pandoc does for targets that are
// not HTML, keeping what a reader of the rendered page would see.
//
// Inline tags are read with golang.org/x/net/html's tokenizer, one goldmark
// RawHTML node at a time, and paired here:
//   - <strong>/<b>, <em>/<i>, <del>/<s>/<strike>, <code>/<kbd>/<samp>,
//     <br>, <ruby>base<rt>text</rt></ruby> (with optional <rp>), <sub>,
//     <sup> and <a href> (relative or http, https, mailto, ftp, tel URLs
//     only) become Strong, Emph, Strike, Code, LineBreak, Ruby, Sub, Sup
//     and Link. The writer
//     itself falls back to some of these where Markdown delimiters cannot
//     express the structure (CommonMark's flanking rules defeat ** next to
//     CJK punctuation, as in **一是…。**其後).
//   - <img> becomes an Image, as a Markdown image does (the alt text
//     when the URL is not safe; nothing when
//     there is no alt text).
//   - The elements of dropContent (<script>, <style>, <iframe>…) are
//     dropped with their content.
//   - Every other tag, comment or declaration is dropped, and the text
//     between tags is kept; so are unpaired tags of the kinds above.
//
// Each start tag, comment or declaration that does not end up in the model
// counts as one "raw HTML elements dropped" in the report.

// dropContent are the elements dropped with their content. <noscript>
// is among them because HTML's tokenizer reads its content as raw text.
var dropContent = map[string]bool{
	"script": true, "style": true, "iframe": true, "object": true, "embed": true, "applet": true,
	"template": true, "noscript": true, "noembed": true, "noframes": true, "svg": true,
}

// voidElements have no end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

// blockElements end the paragraph being built from an HTML block: their
// text becomes a paragraph of its own.
var blockElements = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"caption": true, "center": true, "dd": true, "details": true, "dialog": true, "dir": true,
	"div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "head": true, "header": true, "hgroup": true, "hr": true, "html": true,
	"legend": true, "li": true, "main": true, "menu": true, "nav": true, "ol": true, "p": true,
	"search": true, "section": true, "summary": true, "table": true, "tbody": true, "tfoot": true,
	"thead": true, "title": true, "tr": true, "ul": true,
}

// canonicalTag returns the name under which a tag is paired, or "" when
// the tag is simply dropped.
func canonicalTag(name string) string {
	switch name {
	case "strong", "b":
		return "strong"
	case "em", "i":
		return "em"
	case "del", "s", "strike":
		return "del"
	case "code", "kbd", "samp":
		return "code"
	case "a", "ruby", "rt", "rp", "sub", "sup":
		return name
	}
	if dropContent[name] && !voidElements[name] {
		return name
	}
	return ""
}

type tagInfo struct {
	name        string // canonical, see canonicalTag
	closing     bool
	href, title string
	hasHref     bool
}

// rubyPart is a closed <rt> or <rp> element waiting to be consumed by an
// enclosing <ruby>.
type rubyPart struct {
	name  string
	items []convert.Inline
}

// tagState is per-conversion bookkeeping for tag tokens; tokens are empty
// Text inlines, recognized by identity, that never reach the model.
type tagState struct {
	tags  map[*convert.Text]tagInfo
	parts map[*convert.Text]*rubyPart
}

func (c *converter) tagToken(info tagInfo) *convert.Text {
	t := &convert.Text{}
	if c.tags.tags == nil {
		c.tags.tags = map[*convert.Text]tagInfo{}
		c.tags.parts = map[*convert.Text]*rubyPart{}
	}
	c.tags.tags[t] = info
	return t
}

func (c *converter) isTag(in convert.Inline) bool {
	t, ok := in.(*convert.Text)
	if !ok {
		return false
	}
	_, ok = c.tags.tags[t]
	return ok
}

// rawInline converts one goldmark RawHTML node: a tag, a comment, a
// processing instruction, a declaration or a CDATA section.
func (c *converter) rawInline(raw string) []convert.Inline {
	z := html.NewTokenizer(strings.NewReader(raw))
	switch tt := z.Next(); tt {
	case html.StartTagToken, html.SelfClosingTagToken:
		return c.startTag(z.Token(), tt == html.SelfClosingTagToken)
	case html.EndTagToken:
		return c.endTag(z.Token())
	case html.CommentToken, html.DoctypeToken:
		return c.drop()
	}
	return nil
}

// drop counts a dropped element and returns a mark for where it was (see
// collapseDropped).
func (c *converter) drop() []convert.Inline {
	c.dropped++
	return c.mark()
}

// mark returns a mark for where a tag was dropped, without counting it
// (end tags).
func (c *converter) mark() []convert.Inline {
	t := &convert.Text{}
	if c.dropMarks == nil {
		c.dropMarks = map[*convert.Text]bool{}
	}
	c.dropMarks[t] = true
	return []convert.Inline{t}
}

func (c *converter) isDropMark(in convert.Inline) bool {
	t, ok := in.(*convert.Text)
	return ok && c.dropMarks[t]
}

// collapseDropped removes the space that dropping an element doubled
// ("a <!-- x --> b") or left at the start or end of a line.
func (c *converter) collapseDropped(ins []convert.Inline) {
	if len(c.dropMarks) == 0 {
		return
	}
	leaves := convert.AppendLeaves(nil, ins)
	for i, l := range leaves {
		if !c.isDropMark(l) {
			continue
		}
		// The nearest leaves that show something, on either side.
		var prev, next convert.Inline
		for j := i - 1; j >= 0 && prev == nil; j-- {
			if convert.InlineText(leaves[j]) != "" || isBreak(leaves[j]) {
				prev = leaves[j]
			}
		}
		for j := i + 1; j < len(leaves) && next == nil; j++ {
			if convert.InlineText(leaves[j]) != "" || isBreak(leaves[j]) {
				next = leaves[j]
			}
		}
		pt, _ := prev.(*convert.Text)
		nt, _ := next.(*convert.Text)
		prevSpace := prev == nil || isBreak(prev) || pt != nil && strings.HasSuffix(pt.Text, " ")
		nextSpace := next == nil || isBreak(next) || nt != nil && strings.HasPrefix(nt.Text, " ")
		if !prevSpace || !nextSpace {
			continue
		}
		if nt != nil {
			nt.Text = strings.TrimLeft(nt.Text, " ")
		} else if pt != nil {
			pt.Text = strings.TrimRight(pt.Text, " ")
		}
	}
}

func isBreak(in convert.Inline) bool {
	_, ok := in.(*convert.LineBreak)
	return ok
}

// startTag returns the inlines for a start tag: a LineBreak, a Link (img),
// a tag token to be paired by buildTags, or nothing.
func (c *converter) startTag(tok html.Token, selfClosing bool) []convert.Inline {
	switch tok.Data {
	case "br":
		return []convert.Inline{&convert.LineBreak{}}
	case "img":
		return c.img(tok)
	}
	name := canonicalTag(tok.Data)
	if name == "" || (selfClosing && dropContent[name]) {
		return c.drop()
	}
	info := tagInfo{name: name}
	if name == "a" {
		info.href, info.hasHref = attr(tok, "href")
		info.title, _ = attr(tok, "title")
	}
	return []convert.Inline{c.tagToken(info)}
}

func (c *converter) endTag(tok html.Token) []convert.Inline {
	if tok.Data == "br" { // </br> is a <br> in HTML
		return []convert.Inline{&convert.LineBreak{}}
	}
	if name := canonicalTag(tok.Data); name != "" {
		return []convert.Inline{c.tagToken(tagInfo{name: name, closing: true})}
	}
	return c.mark()
}

// img becomes an Image, like a Markdown image; one whose src is not safe
// (javascript:…) its alt text, one with neither nothing.
func (c *converter) img(tok html.Token) []convert.Inline {
	alt, _ := attr(tok, "alt")
	alt = collapseSpace(alt)
	src, ok := attr(tok, "src")
	u, safe := convert.SafeURL(src)
	if !ok || !safe || strings.TrimSpace(u) == "" { // u: control characters removed (a src of "\x7f" is empty)
		if alt == "" {
			return c.drop()
		}
		c.dropped++
		return []convert.Inline{&convert.Text{Text: alt}}
	}
	title, _ := attr(tok, "title")
	return []convert.Inline{&convert.Image{Src: u, Alt: alt, Title: title}}
}

func attr(tok html.Token, key string) (string, bool) {
	for _, a := range tok.Attr {
		if a.Namespace == "" && a.Key == key {
			return strings.ReplaceAll(a.Val, "\x00", "\uFFFD"), true
		}
	}
	return "", false
}

// collapseSpace trims s and turns runs of HTML white space into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, isHTMLSpace), " ")
}

func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r'
}

type frame struct {
	info  tagInfo
	items []convert.Inline
}

// buildTags nests the inlines between matching tag tokens. Tag tokens
// that stay unpaired are dropped (their text is kept).
func (c *converter) buildTags(in []convert.Inline) []convert.Inline {
	has := false
	for _, x := range in {
		if c.isTag(x) {
			has = true
			break
		}
	}
	if !has {
		return in
	}
	stack := []*frame{{}}
	top := func() *frame { return stack[len(stack)-1] }
	unclosed := func() { // the innermost open tag is dropped, its content kept
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		top().items = append(append(top().items, c.drop()...), f.items...)
	}
	for _, x := range in {
		if !c.isTag(x) {
			top().items = append(top().items, x)
			continue
		}
		info := c.tags.tags[x.(*convert.Text)]
		if !info.closing {
			stack = append(stack, &frame{info: info})
			continue
		}
		k := len(stack) - 1
		for k > 0 && stack[k].info.name != info.name {
			k--
		}
		if k == 0 { // stray end tag
			top().items = append(top().items, c.mark()...)
			continue
		}
		for len(stack)-1 > k {
			unclosed()
		}
		f := stack[k]
		stack = stack[:k]
		top().items = append(top().items, c.element(f)...)
	}
	for len(stack) > 1 {
		unclosed()
	}
	return c.expandParts(stack[0].items)
}

// element builds the inlines for a closed element.
func (c *converter) element(f *frame) []convert.Inline {
	switch f.info.name {
	case "strong":
		return []convert.Inline{&convert.Strong{Inlines: c.expandParts(f.items)}}
	case "em":
		return []convert.Inline{&convert.Emph{Inlines: c.expandParts(f.items)}}
	case "del":
		return []convert.Inline{&convert.Strike{Inlines: c.expandParts(f.items)}}
	case "sub":
		return []convert.Inline{&convert.Sub{Inlines: c.expandParts(f.items)}}
	case "sup":
		return []convert.Inline{&convert.Sup{Inlines: c.expandParts(f.items)}}
	case "code":
		if s := c.codeText(c.expandParts(f.items)); s != "" {
			return []convert.Inline{&convert.Code{Text: s}}
		}
	case "a":
		if u, ok := convert.SafeURL(f.info.href); ok && f.info.hasHref {
			if ins := stripLinks(c.expandParts(f.items)); c.hasText(ins) {
				return []convert.Inline{&convert.Link{URL: u, Title: f.info.title, Inlines: ins}}
			}
		}
	case "rt", "rp":
		m := &convert.Text{}
		c.tags.parts[m] = &rubyPart{name: f.info.name, items: f.items}
		return []convert.Inline{m}
	case "ruby":
		if r := c.ruby(f.items); r != nil {
			return r
		}
	default: // dropContent
		return c.drop()
	}
	return append(c.drop(), c.expandParts(f.items)...)
}

// hasText reports whether ins shows something other than white space.
func (c *converter) hasText(ins []convert.Inline) bool {
	for _, in := range ins {
		switch x := in.(type) {
		case *convert.Text:
			if !c.softBreak[x] && strings.TrimFunc(x.Text, unicode.IsSpace) != "" {
				return true
			}
		case *convert.Strong, *convert.Emph, *convert.Strike, *convert.Sub, *convert.Sup, *convert.Link:
			if c.hasText(convert.Children(in)) {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// codeText is the text of the content of <code>: line breaks (which a
// code span cannot hold) become spaces.
func (c *converter) codeText(ins []convert.Inline) string {
	var b strings.Builder
	var walk func([]convert.Inline)
	walk = func(ins []convert.Inline) {
		for _, in := range ins {
			switch x := in.(type) {
			case *convert.Text:
				if c.softBreak[x] {
					b.WriteByte(' ')
				} else {
					b.WriteString(x.Text)
				}
			case *convert.LineBreak:
				b.WriteByte(' ')
			case *convert.Code:
				b.WriteString(x.Text)
			case *convert.Ruby:
				b.WriteString(x.Base)
			default:
				walk(convert.Children(in))
			}
		}
	}
	walk(ins)
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(b.String())
}

// ruby builds Ruby inlines from the content of <ruby>: base text followed
// by <rt>, possibly several times, <rp> ignored. It returns nil when the
// content has another shape.
func (c *converter) ruby(items []convert.Inline) []convert.Inline {
	var out []convert.Inline
	var base strings.Builder
	pending := false
	for _, x := range items {
		t, ok := x.(*convert.Text)
		if !ok {
			return nil
		}
		if c.softBreak[t] {
			continue
		}
		if p, ok := c.tags.parts[t]; ok {
			if p.name == "rp" {
				continue
			}
			var ann strings.Builder
			for _, a := range p.items {
				at, ok := a.(*convert.Text)
				if !ok || c.tags.parts[at] != nil {
					return nil
				}
				if c.softBreak[at] {
					continue
				}
				ann.WriteString(at.Text)
			}
			out = append(out, &convert.Ruby{Base: base.String(), Text: ann.String()})
			base.Reset()
			pending = false
			continue
		}
		base.WriteString(t.Text)
		pending = true
	}
	if pending || len(out) == 0 {
		return nil
	}
	return out
}

// expandParts drops the tags of <rt>/<rp> elements outside <ruby>,
// keeping their content.
func (c *converter) expandParts(items []convert.Inline) []convert.Inline {
	var out []convert.Inline
	for _, x := range items {
		if t, ok := x.(*convert.Text); ok {
			if p, ok := c.tags.parts[t]; ok {
				out = append(append(out, c.drop()...), c.expandParts(p.items)...)
				continue
			}
		}
		out = append(out, x)
	}
	return out
}
