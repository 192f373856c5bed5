package markdown

import (
	"strconv"

	"github.com/docconv/docconv/convert"
)

// Slug returns the identifier the reader gives a heading with this plain
// text before de-duplication: convert.Slug.
func Slug(text string) string { return convert.Slug(text) }

// ids hands out unique heading identifiers in document order.
type ids struct {
	used map[string]bool
	// next is, per base, the first suffix not known to be taken: a
	// thousand headings of one text cost a thousand look-ups, not half a
	// million.
	next map[string]int
}

func newIDs() *ids { return &ids{used: map[string]bool{}, next: map[string]int{}} }

// auto returns the identifier for a heading without an explicit one:
// Slug(text), then text-1, text-2… if taken. It does not reserve it.
func (s *ids) auto(text string) string {
	base := Slug(text)
	id := base
	if !s.used[id] {
		return id
	}
	i := max(s.next[base], 1)
	for id = base + "-" + strconv.Itoa(i); s.used[id]; id = base + "-" + strconv.Itoa(i) {
		i++
	}
	if s.next == nil {
		s.next = map[string]int{}
	}
	s.next[base] = i
	return id
}

// headings returns the document's headings in document order, including
// those inside lists and quotes.
func headings(blocks []convert.Block) []*convert.Heading {
	var hs []*convert.Heading
	convert.Inspect(blocks, func(n any) bool {
		if h, ok := n.(*convert.Heading); ok {
			hs = append(hs, h)
			return false
		}
		_, isInline := n.(convert.Inline)
		return !isInline
	})
	return hs
}

// assignIDs gives every heading without an explicit {#id} an automatic
// one. Explicit identifiers are reserved first, so an automatic one never
// takes an identifier written later in the document.
func (c *converter) assignIDs(blocks []convert.Block) {
	hs := headings(blocks)
	for _, h := range hs {
		if c.explicit[h] {
			c.ids.used[h.ID] = true
		}
	}
	for _, h := range hs {
		if !c.explicit[h] {
			h.ID = c.ids.auto(h.Text())
			c.ids.used[h.ID] = true
		}
	}
}
