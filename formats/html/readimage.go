package html

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/docconv/docconv/convert"
)

// lazySrc are the attributes lazy-loading scripts keep an image's address
// in, tried after src (a saved page often has a placeholder in src).
var lazySrc = []string{"data-src", "data-original", "data-lazy-src", "data-srcset", "srcset"}

// image returns the Image of an <img>: its source as written (relative to
// the page file, as a saved page's NAME_files/… copies are; convert.Read
// resolves it), alt text and title. An <img> with no usable source (none,
// or javascript:…) is its alt text; w.images counts it.
func (w *walker) image(c *html.Node) []convert.Inline {
	alt := collapse(strings.TrimSpace(getAttr(c, "alt")))
	src := imageSrc(c)
	if src == "" || placeholder(src) {
		for _, k := range lazySrc {
			if s := firstSrc(getAttr(c, k)); s != "" && !placeholder(s) {
				src = s
				break
			}
		}
	}
	if _, ok := convert.SafeURL(src); src == "" || (!ok && !strings.HasPrefix(strings.ToLower(src), "data:image/")) {
		w.images++
		if alt == "" {
			return nil
		}
		return []convert.Inline{&convert.Text{Text: alt}}
	}
	return []convert.Inline{&convert.Image{Src: src, Alt: alt, Title: strings.TrimSpace(getAttr(c, "title"))}}
}

// imageSrc is an <img>'s src attribute, trimmed.
func imageSrc(c *html.Node) string { return strings.TrimSpace(getAttr(c, "src")) }

// firstSrc returns the first URL of a srcset ("a.jpg 1x, b.jpg 2x") or
// the value itself.
func firstSrc(v string) string {
	v = strings.TrimSpace(v)
	if v == "" || strings.HasPrefix(strings.ToLower(v), "data:") {
		return v
	}
	first, _, _ := strings.Cut(v, ",")
	f := strings.Fields(first)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// placeholder reports whether src is a lazy-loading placeholder: a tiny
// data: GIF or an "about:blank".
func placeholder(src string) bool {
	l := strings.ToLower(src)
	return strings.HasPrefix(l, "data:image/gif") && len(src) < 200 || l == "about:blank" || strings.HasPrefix(l, "data:image/svg+xml") && len(src) < 200
}

// figure returns the FigureBlock of a <figure> holding one image (in a
// <picture> or a link too) or one table, and at most a <figcaption> and
// white space besides; nil for any other figure, which is read as its
// blocks.
func (w *walker) figure(c *html.Node) convert.Block {
	var img, table, caption *html.Node
	other := false
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for k := n.FirstChild; k != nil && !other; k = k.NextSibling {
			switch {
			case k.Type == html.TextNode:
				if strings.TrimSpace(k.Data) != "" {
					other = true
				}
			case k.Type != html.ElementNode || w.skip(k):
			case k.DataAtom == atom.Figcaption:
				if caption != nil {
					other = true
				}
				caption = k
			case k.DataAtom == atom.Img || k.DataAtom == atom.Image:
				if img != nil || table != nil {
					other = true
				}
				img = k
			case k.DataAtom == atom.Table:
				if img != nil || table != nil {
					other = true
				}
				table = k
			case k.DataAtom == atom.Picture || k.DataAtom == atom.A || k.DataAtom == atom.Div || k.DataAtom == atom.Span || k.DataAtom == atom.Source || k.DataAtom == atom.Noscript:
				if k.DataAtom != atom.Source && k.DataAtom != atom.Noscript {
					visit(k)
				}
			default:
				other = true
			}
		}
	}
	visit(c)
	if other || (img == nil && table == nil) {
		return nil
	}
	f := &convert.FigureBlock{ID: strings.TrimSpace(getAttr(c, "id"))}
	if f.ID != "" {
		if w.ids[f.ID] {
			f.ID = ""
		} else {
			w.ids[f.ID] = true
		}
	}
	if caption != nil {
		f.Caption = tidy(w.inlines(caption))
	}
	if img != nil {
		ins := w.image(img)
		im, ok := firstImage(ins)
		if !ok {
			return nil // no source: read as the figure's text
		}
		f.Image = im
		return f
	}
	bs := w.sub(func() { w.table(table) })
	if len(bs) != 1 {
		return nil
	}
	t, ok := bs[0].(*convert.Table)
	if !ok {
		return nil
	}
	f.Table = t
	return f
}

func firstImage(ins []convert.Inline) (*convert.Image, bool) {
	if len(ins) == 1 {
		im, ok := ins[0].(*convert.Image)
		return im, ok
	}
	return nil, false
}
