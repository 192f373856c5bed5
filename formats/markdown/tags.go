package markdown

import (
	"regexp"
	"strings"

	"github.com/docconv/docconv/convert"
)

// Inline HTML that this package's writer produces is read back into the
// model: <strong>/<b>, <em>/<i>, <del>/<s>/<strike>, <br>, and
// <ruby>base<rt>text</rt></ruby> (with optional <rp>). The writer falls
// back to these tags where Markdown delimiters cannot express the
// structure (CommonMark's flanking rules defeat ** next to CJK
// punctuation, as in **一是…。**其後). Every other tag is kept as text.

var (
	reTag = regexp.MustCompile(`(?i)^<(/?)(strong|b|em|i|del|s|strike|ruby|rt|rp)\s*>$`)
	reBr  = regexp.MustCompile(`(?i)^<br\s*/?>$`)
	reAny = regexp.MustCompile(`<[^<>]*>`)
)

type tagInfo struct {
	name    string // canonical: strong, em, del, ruby, rt, rp, br
	closing bool
}

// rubyPart is a closed <rt> or <rp> element waiting to be consumed by an
// enclosing <ruby>.
type rubyPart struct {
	name        string
	open, close *convert.Text
	items       []convert.Inline
}

// tagState is per-conversion bookkeeping for tag tokens; tokens are Text
// inlines holding the tag's source, recognized by identity.
type tagState struct {
	tags  map[*convert.Text]tagInfo
	parts map[*convert.Text]*rubyPart
}

func canonicalTag(name string) string {
	switch strings.ToLower(name) {
	case "strong", "b":
		return "strong"
	case "em", "i":
		return "em"
	case "del", "s", "strike":
		return "del"
	}
	return strings.ToLower(name)
}

// tagToken returns a token for raw, one inline HTML tag, and whether it is
// one the reader understands.
func (c *converter) tagToken(raw string) *convert.Text {
	t := &convert.Text{Text: raw}
	if c.tags.tags == nil {
		c.tags.tags = map[*convert.Text]tagInfo{}
		c.tags.parts = map[*convert.Text]*rubyPart{}
	}
	if reBr.MatchString(raw) {
		c.tags.tags[t] = tagInfo{name: "br"}
	} else if m := reTag.FindStringSubmatch(raw); m != nil {
		c.tags.tags[t] = tagInfo{name: canonicalTag(m[2]), closing: m[1] == "/"}
	}
	return t
}

// splitTags splits raw HTML into tag tokens and text.
func (c *converter) splitTags(s string) []convert.Inline {
	var out []convert.Inline
	last := 0
	for _, loc := range reAny.FindAllStringIndex(s, -1) {
		if loc[0] > last {
			out = append(out, &convert.Text{Text: s[last:loc[0]]})
		}
		out = append(out, c.tagToken(s[loc[0]:loc[1]]))
		last = loc[1]
	}
	if last < len(s) {
		out = append(out, &convert.Text{Text: s[last:]})
	}
	return out
}

type frame struct {
	name  string
	open  *convert.Text
	items []convert.Inline
}

// buildTags nests the inlines between matching tag tokens. Unmatched tags
// stay text.
func (c *converter) buildTags(in []convert.Inline) []convert.Inline {
	has := false
	for _, x := range in {
		if t, ok := x.(*convert.Text); ok {
			if _, ok := c.tags.tags[t]; ok {
				has = true
				break
			}
		}
	}
	if !has {
		return in
	}
	stack := []*frame{{}}
	top := func() *frame { return stack[len(stack)-1] }
	for _, x := range in {
		t, ok := x.(*convert.Text)
		info, isTag := c.tags.tags[t]
		if !ok || !isTag {
			top().items = append(top().items, x)
			continue
		}
		switch {
		case info.name == "br":
			top().items = append(top().items, &convert.LineBreak{})
		case !info.closing:
			stack = append(stack, &frame{name: info.name, open: t})
		default:
			k := len(stack) - 1
			for k > 0 && stack[k].name != info.name {
				k--
			}
			if k == 0 {
				top().items = append(top().items, t) // stray closing tag
				continue
			}
			for len(stack)-1 > k { // unclosed inner tags become text
				f := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				top().items = append(append(top().items, f.open), f.items...)
			}
			f := stack[k]
			stack = stack[:k]
			top().items = append(top().items, c.element(f, t)...)
		}
	}
	for len(stack) > 1 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		top().items = append(append(top().items, f.open), f.items...)
	}
	return c.expandParts(stack[0].items)
}

// element builds the inline for a closed tag pair.
func (c *converter) element(f *frame, closeTag *convert.Text) []convert.Inline {
	switch f.name {
	case "strong":
		return []convert.Inline{&convert.Strong{Inlines: c.expandParts(f.items)}}
	case "em":
		return []convert.Inline{&convert.Emph{Inlines: c.expandParts(f.items)}}
	case "del":
		return []convert.Inline{&convert.Strike{Inlines: c.expandParts(f.items)}}
	case "rt", "rp":
		m := &convert.Text{}
		c.tags.parts[m] = &rubyPart{name: f.name, open: f.open, close: closeTag, items: f.items}
		return []convert.Inline{m}
	case "ruby":
		if r := c.ruby(f.items); r != nil {
			return r
		}
	}
	out := append([]convert.Inline{f.open}, c.expandParts(f.items)...)
	return append(out, closeTag)
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
				ann.WriteString(at.Text)
			}
			out = append(out, &convert.Ruby{Base: base.String(), Text: ann.String()})
			base.Reset()
			pending = false
			continue
		}
		if _, isTag := c.tags.tags[t]; isTag {
			return nil
		}
		base.WriteString(t.Text)
		pending = true
	}
	if pending || len(out) == 0 {
		return nil
	}
	return out
}

// expandParts turns <rt>/<rp> elements outside <ruby> back into text.
func (c *converter) expandParts(items []convert.Inline) []convert.Inline {
	var out []convert.Inline
	for _, x := range items {
		if t, ok := x.(*convert.Text); ok {
			if p, ok := c.tags.parts[t]; ok {
				out = append(out, p.open)
				out = append(out, c.expandParts(p.items)...)
				out = append(out, p.close)
				continue
			}
		}
		out = append(out, x)
	}
	return out
}
