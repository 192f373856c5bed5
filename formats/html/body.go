package html

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/width"

	"github.com/docconv/docconv/convert"
)

// articleRoot returns the element that holds the article of a saved page
// and the extraction mode: the longest outermost <article> ("article"),
// else the first <main> or element with role="main" ("main"), else the
// body ("body").
func articleRoot(body *html.Node) (*html.Node, string) {
	var articles []*html.Node
	var main *html.Node
	walkElements(body, func(e *html.Node) bool {
		if skipAlways[e.DataAtom] || isFurniture(e) || hidden(e) {
			return false
		}
		switch {
		case e.DataAtom == atom.Article:
			articles = append(articles, e)
			return false
		case main == nil && (e.DataAtom == atom.Main || strings.EqualFold(strings.TrimSpace(getAttr(e, "role")), "main")):
			main = e
		}
		return true
	})
	best, bestLen := (*html.Node)(nil), -1
	for _, a := range articles {
		if n := len(strings.TrimSpace(textContent(a))); n > bestLen {
			best, bestLen = a, n
		}
	}
	switch {
	case best != nil && bestLen > 0:
		return best, "article"
	case main != nil:
		return main, "main"
	}
	return body, "body"
}

// skipAlways are elements whose content never reaches the text.
var skipAlways = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Form: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Canvas: true,
	atom.Video: true, atom.Audio: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Input: true, atom.Head: true, atom.Title: true, atom.Link: true, atom.Meta: true,
	atom.Dialog: true, atom.Map: true, atom.Frameset: true, atom.Frame: true,
}

// furniture are the page's navigation, banners and sidebars.
var furniture = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
}

// isFurniture reports whether e is page furniture: a furniture element,
// an element with role="navigation" (ARIA's <nav>), or the navigation
// bars documentation generators write without <nav> — DocBook XSL's
// navheader and navfooter (Prev/Up/Next tables), Texinfo's nav-panel.
func isFurniture(e *html.Node) bool {
	return furniture[e.DataAtom] || hasToken(getAttr(e, "role"), "navigation") ||
		hasAnyToken(getAttr(e, "class"), "navheader", "navfooter", "nav-panel")
}

// hidden reports whether e is not shown: the hidden attribute,
// aria-hidden="true", an inline display:none or visibility:hidden, or a
// MediaWiki element not printed (class mw-editsection, mw-jump, noprint:
// "[edit]", "Jump to: navigation").
func hidden(e *html.Node) bool {
	if hasAttr(e, "hidden") || strings.EqualFold(strings.TrimSpace(getAttr(e, "aria-hidden")), "true") {
		return true
	}
	if st := getAttr(e, "style"); st != "" {
		st = strings.ToLower(strings.Join(strings.Fields(st), ""))
		if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
			return true
		}
	}
	if c := getAttr(e, "class"); c != "" {
		for _, f := range strings.Fields(c) {
			if f == "mw-editsection" || f == "mw-jump" || f == "noprint" {
				return true
			}
		}
	}
	return false
}

// blockElems are the elements that start a block of their own.
var blockElems = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Center: true,
	atom.Details: true, atom.Dd: true, atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true,
	atom.Hr: true, atom.Li: true, atom.Main: true, atom.Nav: true, atom.Ol: true, atom.P: true,
	atom.Pre: true, atom.Section: true, atom.Table: true, atom.Ul: true, atom.Summary: true,
	atom.Body: true, atom.Html: true, atom.Listing: true, atom.Xmp: true, atom.Menu: true,
	atom.Legend: true, atom.Caption: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
}

// walker turns the article's elements into blocks.
type walker struct {
	p       *page
	mode    string // "article", "main", "body" or "whole" (Reader.WholeBody)
	out     []convert.Block
	pending []convert.Inline // inline content of the paragraph being built
	ids     map[string]bool
	firstH1 string
	notes   noteDefs // footnotes, see readnotes.go

	images, unsafe, hidden, furniture int
}

func newWalker(p *page, mode string) *walker {
	return &walker{p: p, mode: mode, ids: map[string]bool{}}
}

// skip reports whether e and its content are left out, counting why.
func (w *walker) skip(e *html.Node) bool {
	switch {
	case skipAlways[e.DataAtom]:
		return true
	case w.skipNote(e) || w.backLink(e):
		return true
	case hidden(e):
		w.hidden++
		return true
	case w.mode != "whole" && isFurniture(e):
		// An article's own header holds its headline and byline.
		if e.DataAtom == atom.Header && w.mode != "body" {
			return false
		}
		w.furniture++
		return true
	}
	return false
}

// flush ends the paragraph being built.
func (w *walker) flush() {
	if len(w.pending) == 0 {
		return
	}
	ins := tidy(w.pending)
	w.pending = nil
	for _, para := range splitParagraphs(ins) {
		w.out = append(w.out, &convert.Paragraph{Inlines: para})
	}
}

// splitParagraphs splits a paragraph's inlines where line breaks make
// paragraphs of their own, as pages without <p> do: at two or more line
// breaks in a row (<br><br>), and at a line break followed by an
// ideographic space (U+3000), the first-line indent of Chinese and
// Japanese paragraphs, or by an opening corner bracket 「『 (dialogue
// paragraphs, set without indent) — Aozora Bunko's pages put one <br>
// after each paragraph. The indent is removed: writers indent paragraphs
// themselves.
func splitParagraphs(ins []convert.Inline) [][]convert.Inline {
	var out [][]convert.Inline
	start := 0
	add := func(seg []convert.Inline) {
		for len(seg) > 0 {
			if _, ok := seg[len(seg)-1].(*convert.LineBreak); !ok {
				break
			}
			seg = seg[:len(seg)-1]
		}
		for len(seg) > 0 {
			if _, ok := seg[0].(*convert.LineBreak); !ok {
				break
			}
			seg = seg[1:]
		}
		if len(seg) == 0 {
			return
		}
		if t, ok := seg[0].(*convert.Text); ok {
			if t.Text = strings.TrimLeft(t.Text, "\u3000"); t.Text == "" {
				seg = seg[1:]
			}
		}
		if len(seg) > 0 {
			out = append(out, seg)
		}
	}
	for i := 0; i < len(ins); i++ {
		if _, ok := ins[i].(*convert.LineBreak); !ok {
			continue
		}
		j := i
		for j < len(ins) {
			if _, ok := ins[j].(*convert.LineBreak); !ok {
				break
			}
			j++
		}
		indent := false
		if j < len(ins) {
			if t, ok := ins[j].(*convert.Text); ok && (strings.HasPrefix(t.Text, "\u3000") ||
				strings.HasPrefix(t.Text, "「") || strings.HasPrefix(t.Text, "『")) {
				indent = true
			}
		}
		if j-i >= 2 || indent {
			add(ins[start:i])
			start = j
		}
		i = j - 1
	}
	add(ins[start:])
	return out
}

// sub runs f with a fresh output and returns the blocks it made.
func (w *walker) sub(f func()) []convert.Block {
	out, pending := w.out, w.pending
	w.out, w.pending = nil, nil
	f()
	w.flush()
	bs := w.out
	w.out, w.pending = out, pending
	return bs
}

// blocks walks the children of n in block context.
func (w *walker) blocks(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
}

// node handles one node in block context.
func (w *walker) node(c *html.Node) {
	switch c.Type {
	case html.TextNode:
		w.pending = append(w.pending, &convert.Text{Text: c.Data})
		return
	case html.ElementNode:
	default:
		return
	}
	if w.skip(c) {
		return
	}
	a := c.DataAtom
	if !blockElems[a] {
		if transparent(a) {
			w.blocks(c) // <span>, <font>, custom elements: their content as is
			return
		}
		w.pending = append(w.pending, w.inline(c)...)
		return
	}
	w.flush()
	// A style asking for a page break (convert.PageBreakStyle, such as
	// the writer's convert.PageBreakHTML) gives a PageBreak.
	if before, after := convert.PageBreakStyle(getAttr(c, "style")); before || after {
		if before {
			w.out = append(w.out, &convert.PageBreak{})
		}
		if after {
			defer func() {
				w.flush()
				w.out = append(w.out, &convert.PageBreak{})
			}()
		}
	}
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		ins := tidy(w.inlines(c))
		if len(ins) == 0 {
			return
		}
		h := &convert.Heading{Level: int(c.Data[1] - '0'), Inlines: ins}
		id := strings.TrimSpace(getAttr(c, "id"))
		if id == "" {
			id = anchorID(c) // <h2><a id="x"></a>Title</h2>: DocBook, older pages
		}
		if id != "" && !w.ids[id] {
			h.ID = id
			w.ids[id] = true
		}
		if h.Level == 1 && w.firstH1 == "" {
			w.firstH1 = convert.PlainText(ins)
		}
		w.out = append(w.out, h)
	case atom.P:
		w.blocks(c)
		w.flush()
	case atom.Hr:
		w.out = append(w.out, &convert.Rule{})
	case atom.Pre, atom.Listing, atom.Xmp:
		w.out = append(w.out, &convert.CodeBlock{Lang: codeLang(c), Text: strings.TrimRight(textContent(c), "\n")})
	case atom.Blockquote:
		if bs := w.sub(func() { w.blocks(c) }); len(bs) > 0 {
			w.out = append(w.out, &convert.Quote{Blocks: bs})
		}
	case atom.Ul, atom.Ol, atom.Menu:
		w.list(c)
	case atom.Dl:
		for d := c.FirstChild; d != nil; d = d.NextSibling {
			if d.Type == html.ElementNode && d.DataAtom == atom.Dt && !w.skip(d) {
				if ins := tidy(w.inlines(d)); len(ins) > 0 {
					w.out = append(w.out, &convert.Paragraph{Inlines: []convert.Inline{&convert.Strong{Inlines: ins}}})
				}
				continue
			}
			w.node(d)
		}
	case atom.Table:
		w.table(c)
	case atom.Figure:
		if f := w.figure(c); f != nil {
			w.out = append(w.out, f)
			return
		}
		w.blocks(c)
		w.flush()
	default:
		w.blocks(c)
		w.flush()
	}
}

// transparent reports whether an element that is not a block is walked
// as if its tags were not there (its content may hold blocks).
func transparent(a atom.Atom) bool {
	switch a {
	case atom.A, atom.B, atom.Strong, atom.Em, atom.I, atom.Cite, atom.Dfn, atom.S, atom.Del, atom.Strike,
		atom.Sub, atom.Sup, atom.Code, atom.Kbd, atom.Samp, atom.Tt, atom.Ruby, atom.Br, atom.Img, atom.Image, atom.Wbr:
		return false
	}
	return true
}

// list adds a List for ul/ol.
func (w *walker) list(c *html.Node) {
	l := &convert.List{Ordered: c.DataAtom == atom.Ol, Tight: true}
	if l.Ordered {
		if s, err := strconv.Atoi(strings.TrimSpace(getAttr(c, "start"))); err == nil && s >= 0 && s < 1e9 {
			l.Start = s
		}
	}
	var loose []*html.Node // content outside <li>
	addLoose := func() {
		if len(loose) == 0 {
			return
		}
		nodes := loose
		loose = nil
		bs := w.sub(func() {
			for _, n := range nodes {
				w.node(n)
			}
		})
		if len(bs) > 0 {
			l.Items = append(l.Items, bs)
		}
	}
	for li := c.FirstChild; li != nil; li = li.NextSibling {
		if li.Type != html.ElementNode || li.DataAtom != atom.Li {
			loose = append(loose, li)
			continue
		}
		addLoose()
		if w.skip(li) {
			continue
		}
		bs := w.sub(func() { w.blocks(li) })
		if len(bs) == 0 {
			bs = []convert.Block{&convert.Paragraph{}}
		}
		if len(bs) > 1 || find(li, atom.P) != nil {
			l.Tight = false
		}
		l.Items = append(l.Items, bs)
		if t := taskBox(li); t != convert.NoTask {
			for len(l.Tasks) < len(l.Items)-1 {
				l.Tasks = append(l.Tasks, convert.NoTask)
			}
			l.Tasks = append(l.Tasks, t)
		}
	}
	addLoose()
	if len(l.Items) > 0 {
		w.out = append(w.out, l)
	}
}

// maxColspan is the HTML standard's limit of colspan.
const maxColspan = 1000

// table adds a Table.
func (w *walker) table(c *html.Node) {
	t := &convert.Table{}
	var rows []*html.Node
	var headRows int
	for s := c.FirstChild; s != nil; s = s.NextSibling {
		if s.Type != html.ElementNode || w.skip(s) {
			continue
		}
		switch s.DataAtom {
		case atom.Caption:
			t.Caption = tidy(w.inlines(s))
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := s.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == html.ElementNode && r.DataAtom == atom.Tr && !w.skip(r) {
					if s.DataAtom == atom.Thead {
						headRows++
					}
					rows = append(rows, r)
				}
			}
		case atom.Tr:
			rows = append(rows, s)
		}
	}
	for i, r := range rows {
		var cells []convert.Cell
		allTH := true
		for d := r.FirstChild; d != nil; d = d.NextSibling {
			if d.Type != html.ElementNode || (d.DataAtom != atom.Td && d.DataAtom != atom.Th) || w.skip(d) {
				continue
			}
			if d.DataAtom == atom.Td {
				allTH = false
			}
			cells = append(cells, w.cell(d))
			if span, err := strconv.Atoi(strings.TrimSpace(getAttr(d, "colspan"))); err == nil && span > 1 {
				for range min(span, maxColspan) - 1 {
					cells = append(cells, nil)
				}
			}
		}
		if i == 0 && t.Header == nil && (headRows > 0 || allTH && len(cells) > 0 && len(rows) > 1) {
			t.Header = cells
			continue
		}
		t.Rows = append(t.Rows, cells)
	}
	if t.Header == nil && len(t.Rows) == 0 {
		return
	}
	w.out = append(w.out, t)
}

// cell returns a table cell's content as inlines: its blocks joined by
// line breaks.
func (w *walker) cell(d *html.Node) convert.Cell {
	bs := w.sub(func() { w.blocks(d) })
	var out []convert.Inline
	for _, b := range bs {
		var ins []convert.Inline
		switch x := b.(type) {
		case *convert.Paragraph:
			ins = x.Inlines
		case *convert.Heading:
			ins = []convert.Inline{&convert.Strong{Inlines: x.Inlines}}
		case *convert.Rule:
			continue
		default:
			if s := strings.TrimSpace(convert.BlockText(b)); s != "" {
				ins = []convert.Inline{&convert.Text{Text: strings.Join(strings.Fields(s), " ")}}
			}
		}
		if len(ins) == 0 {
			continue
		}
		if len(out) > 0 {
			out = append(out, &convert.LineBreak{})
		}
		out = append(out, ins...)
	}
	return out
}

// inlines returns the inline content of n's children.
func (w *walker) inlines(n *html.Node) []convert.Inline {
	var out []convert.Inline
	afterBlock := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if afterBlock && strings.TrimFunc(c.Data, isSpace) != "" {
				out = append(out, &convert.LineBreak{})
				afterBlock = false
			}
			out = append(out, &convert.Text{Text: c.Data})
		case html.ElementNode:
			ins := w.inline(c)
			if len(ins) == 0 {
				continue
			}
			block := blockElems[c.DataAtom]
			if (block || afterBlock) && len(out) > 0 {
				out = append(out, &convert.LineBreak{})
			}
			afterBlock = block
			out = append(out, ins...)
		}
	}
	return out
}

// inline returns the inlines of one element in inline context. A block
// inside an inline (a <div> in an <a>) keeps its text, set off by line
// breaks.
func (w *walker) inline(c *html.Node) []convert.Inline {
	if w.skip(c) {
		return nil
	}
	switch c.DataAtom {
	case atom.B, atom.Strong:
		return wrap(w.inlines(c), func(ins []convert.Inline) convert.Inline { return &convert.Strong{Inlines: ins} })
	case atom.I, atom.Em, atom.Cite, atom.Dfn:
		return wrap(w.inlines(c), func(ins []convert.Inline) convert.Inline { return &convert.Emph{Inlines: ins} })
	case atom.S, atom.Del, atom.Strike:
		return wrap(w.inlines(c), func(ins []convert.Inline) convert.Inline { return &convert.Strike{Inlines: ins} })
	case atom.Sub:
		return wrap(w.inlines(c), func(ins []convert.Inline) convert.Inline { return &convert.Sub{Inlines: ins} })
	case atom.Sup:
		ins := w.inlines(c)
		if notes := notesOnly(ins); notes != nil {
			return notes // <sup><a href="#fn1">1</a></sup>: the note is the mark
		}
		return wrap(ins, func(ins []convert.Inline) convert.Inline { return &convert.Sup{Inlines: ins} })
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		if s := textContent(c); strings.TrimSpace(s) != "" {
			return []convert.Inline{&convert.Code{Text: s}}
		}
		return nil
	case atom.Br:
		return []convert.Inline{&convert.LineBreak{}}
	case atom.Wbr:
		return nil
	case atom.Img, atom.Image:
		return w.image(c)
	case atom.Ruby:
		return w.ruby(c)
	case atom.A:
		if ins, ok := w.noteRef(c); ok {
			return ins
		}
		ins := w.inlines(c)
		href := strings.TrimSpace(getAttr(c, "href"))
		if !hasAttr(c, "href") {
			return ins
		}
		if _, ok := convert.SafeURL(href); !ok {
			w.unsafe++
			return ins
		}
		return wrap(ins, func(ins []convert.Inline) convert.Inline {
			return &convert.Link{URL: w.p.resolve(href), Title: strings.TrimSpace(getAttr(c, "title")), Inlines: ins}
		})
	}
	if blockElems[c.DataAtom] {
		bs := w.sub(func() { w.node(c) })
		var out []convert.Inline
		for i, b := range bs {
			if i > 0 {
				out = append(out, &convert.LineBreak{})
			}
			switch x := b.(type) {
			case *convert.Paragraph:
				out = append(out, x.Inlines...)
			case *convert.Heading:
				out = append(out, x.Inlines...)
			default:
				out = append(out, &convert.Text{Text: convert.BlockText(b)})
			}
		}
		return out
	}
	return w.inlines(c)
}

// wrap returns ins wrapped by f, or nothing when ins has no text.
func wrap(ins []convert.Inline, f func([]convert.Inline) convert.Inline) []convert.Inline {
	if len(ins) == 0 {
		return nil
	}
	return []convert.Inline{f(ins)}
}

// ruby returns the Ruby inlines of <ruby>: each base text with the <rt>
// that follows it (<rb>, <rp> and <rtc> handled; a base without <rt>
// stays text).
func (w *walker) ruby(c *html.Node) []convert.Inline {
	var out []convert.Inline
	var base strings.Builder
	for n := c.FirstChild; n != nil; n = n.NextSibling {
		switch {
		case n.Type == html.TextNode:
			base.WriteString(n.Data)
		case n.Type != html.ElementNode || w.skip(n) || n.DataAtom == atom.Rp:
		case n.DataAtom == atom.Rt:
			b := strings.TrimSpace(collapse(base.String()))
			t := strings.TrimSpace(collapse(textContent(n)))
			base.Reset()
			switch {
			case b != "" && t != "":
				out = append(out, &convert.Ruby{Base: b, Text: t})
			case b != "":
				out = append(out, &convert.Text{Text: b})
			}
		case n.DataAtom == atom.Rtc:
		default:
			base.WriteString(convert.PlainText(w.inline(n)))
		}
	}
	if b := base.String(); strings.TrimSpace(b) != "" {
		out = append(out, &convert.Text{Text: b})
	}
	return out
}

// resolve returns href resolved against the page's base URL, when it is
// relative and the page names an absolute one; else href.
func (p *page) resolve(href string) string {
	if p.base == nil || strings.HasPrefix(href, "#") {
		return href
	}
	u, err := url.Parse(href)
	if err != nil || u.IsAbs() {
		return href
	}
	return p.base.ResolveReference(u).String()
}

// codeLang returns the language of a <pre> from a class "language-go" or
// "lang-go" on it or on the <code> inside.
func codeLang(pre *html.Node) string {
	nodes := []*html.Node{pre}
	if c := pre.FirstChild; c != nil && c.Type == html.ElementNode && c.DataAtom == atom.Code {
		nodes = append(nodes, c)
	}
	for _, n := range nodes {
		for _, f := range strings.Fields(getAttr(n, "class")) {
			for _, pre := range []string{"language-", "lang-"} {
				if l, ok := strings.CutPrefix(f, pre); ok && l != "" {
					return l
				}
			}
		}
	}
	return ""
}

// textContent returns the text of n's subtree (DOM textContent), without
// script, style and template content. It uses a stack of its own.
func textContent(n *html.Node) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch e.Type {
		case html.TextNode:
			b.WriteString(e.Data)
			continue
		case html.ElementNode:
			if e != n && (e.DataAtom == atom.Script || e.DataAtom == atom.Style || e.DataAtom == atom.Template) {
				continue
			}
			if e.DataAtom == atom.Br {
				b.WriteByte('\n')
			}
		case html.DocumentNode:
		default:
			continue
		}
		for c := e.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return b.String()
}

// isSpace reports whether r is HTML white space (ASCII only: U+3000 and
// U+00A0 are text).
func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// collapse collapses runs of HTML white space to one space and trims.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

// wide reports whether r is East Asian wide, fullwidth or halfwidth and not
// Hangul: a line break between two such characters is removed (CSS Text 3,
// segment break transformation), so that Chinese and Japanese text
// wrapped in the source reads without stray spaces.
func wide(r rune) bool {
	if unicode.Is(unicode.Hangul, r) {
		return false
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianHalfwidth:
		return true
	}
	return false
}

// tidy collapses white space in inlines as a browser does (outside
// <pre>): each run of white space becomes one space, none at the start,
// the end or next to a line break, and a run holding a line break between
// two wide characters (see wide) disappears. Empty text and empty
// formatting are removed. It returns the cleaned inlines.
func tidy(ins []convert.Inline) []convert.Inline {
	t := tidier{}
	t.run(ins)
	ins = prune(ins)
	for len(ins) > 0 {
		if _, ok := ins[0].(*convert.LineBreak); !ok {
			break
		}
		ins = ins[1:]
	}
	return ins
}

type tidier struct {
	prev    rune          // the last character written; 0 at a line start
	spaceAt *convert.Text // where the pending white space started; nil when none
	newline bool          // the pending white space holds a line break
	cur     *convert.Text // the text leaf being rewritten
	b       strings.Builder
}

// run collapses the white space of the leaves of ins, in order.
func (t *tidier) run(ins []convert.Inline) {
	for _, in := range ins {
		switch x := in.(type) {
		case *convert.Text:
			t.text(x)
		case *convert.Code:
			if x.Text = collapse(x.Text); x.Text != "" {
				t.content(firstRune(x.Text), lastRune(x.Text))
			}
		case *convert.Ruby:
			t.content(firstRune(x.Base), lastRune(x.Base))
		case *convert.LineBreak:
			t.prev, t.spaceAt, t.newline = 0, nil, false
		case *convert.Image:
			t.content('a', 'a') // an image separates words as a letter does
		default:
			t.run(convert.Children(in))
		}
	}
}

// resolve writes the pending white space, if any, before the character r:
// one space where the white space started, or none at a line start or
// for a line break between two wide characters.
func (t *tidier) resolve(r rune) {
	if t.spaceAt != nil && t.prev != 0 && !(t.newline && wide(t.prev) && wide(r)) {
		if t.spaceAt == t.cur {
			t.b.WriteByte(' ')
		} else {
			t.spaceAt.Text += " "
		}
	}
	t.spaceAt, t.newline = nil, false
}

// content notes a leaf that is not Text (Code, Ruby).
func (t *tidier) content(first, last rune) {
	t.resolve(first)
	t.prev = last
}

// text collapses the white space of one text leaf, continuing the state.
func (t *tidier) text(x *convert.Text) {
	t.cur = x
	t.b.Reset()
	t.b.Grow(len(x.Text))
	for _, r := range x.Text {
		if isSpace(r) {
			if t.spaceAt == nil {
				t.spaceAt = x
			}
			t.newline = t.newline || r == '\n' || r == '\r'
			continue
		}
		t.resolve(r)
		t.b.WriteRune(r)
		t.prev = r
	}
	x.Text = t.b.String()
	t.cur = nil
}

// prune removes empty text and formatting, and line breaks at the end.
func prune(ins []convert.Inline) []convert.Inline {
	out := ins[:0]
	for _, in := range ins {
		switch x := in.(type) {
		case *convert.Text:
			if x.Text == "" {
				continue
			}
		case *convert.Strong, *convert.Emph, *convert.Strike, *convert.Sub, *convert.Sup:
			kids := prune(convert.Children(in))
			if strings.TrimSpace(convert.PlainText(kids)) == "" {
				out = append(out, kids...) // "<b> </b>": a space, not bold
				continue
			}
			setChildren(in, kids)
		case *convert.Link:
			if x.Inlines = prune(x.Inlines); len(x.Inlines) == 0 {
				continue
			}
		}
		out = append(out, in)
	}
	for len(out) > 0 {
		if _, ok := out[len(out)-1].(*convert.LineBreak); !ok {
			break
		}
		out = out[:len(out)-1]
	}
	return out
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func setChildren(in convert.Inline, kids []convert.Inline) {
	switch x := in.(type) {
	case *convert.Strong:
		x.Inlines = kids
	case *convert.Emph:
		x.Inlines = kids
	case *convert.Strike:
		x.Inlines = kids
	case *convert.Sub:
		x.Inlines = kids
	case *convert.Sup:
		x.Inlines = kids
	}
}

// anchorID returns the id (or name) of an empty anchor at the start of a
// heading — the form DocBook and older pages give a heading's target — or
// "".
func anchorID(h *html.Node) string {
	for c := h.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" {
			continue
		}
		if c.Type != html.ElementNode || c.DataAtom != atom.A || getAttr(c, "href") != "" || c.FirstChild != nil {
			return ""
		}
		if id := strings.TrimSpace(getAttr(c, "id")); id != "" {
			return id
		}
		return strings.TrimSpace(getAttr(c, "name"))
	}
	return ""
}
