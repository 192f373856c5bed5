package html

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/docconv/docconv/convert"
)

// Stage is the report stage of the HTML reader.
const Stage = "html"

// Reader reads an HTML document — a standalone HTML5 file or a web page
// saved from a browser — into the model: the article, not the page's
// furniture. See the package documentation ("Reading").
type Reader struct {
	// Report receives counts (images dropped, unsafe links, hidden
	// elements…) and warnings; nil discards them.
	Report *convert.Report
	// Options, when set, gives the input size limit and the source
	// transforms run on the decoded text (convert.SourceTransforms).
	Options *convert.Options
	// WholeBody keeps the whole <body> (minus scripts, styles, forms and
	// hidden elements) instead of looking for the article in it.
	WholeBody bool
}

func newReader(o *convert.Options) *Reader {
	r := &Reader{Options: o}
	if o != nil {
		r.Report = o.Report
		if v, ok := o.Var("html", "extract"); ok {
			if b, ok := convert.ParseVarBool(v); ok {
				r.WholeBody = !b
			}
		}
	}
	return r
}

// Read implements convert.Reader.
func (r *Reader) Read(ctx context.Context, in io.Reader) (*convert.Document, error) {
	src, err := convert.ReadAll(ctx, in, r.Options.MaxInput())
	if err != nil {
		return nil, err
	}
	text, err := r.decode(src)
	if err != nil {
		return nil, err
	}
	if r.Options != nil {
		if text, err = convert.SourceTransforms(ctx, text, r.Options); err != nil {
			return nil, err
		}
	}
	if text, err = prepare(text); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	root, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		// The parser's only error on input in memory: more than 512
		// open elements, which prepare lets through only when the
		// parser's own elements take a deep page past it.
		return nil, convert.LimitErrorf("html: elements nested deeper than the parser's 512 levels (%v)", err)
	}
	return r.document(root), nil
}

// decode returns src as UTF-8: the encoding is the one its byte order
// mark names, else the one a <meta charset> or <meta http-equiv
// Content-Type> in its first 1024 bytes declares (the HTML standard's
// prescan, golang.org/x/net/html/charset), else UTF-8 when src is valid
// UTF-8, else a CJK legacy encoding when one reads plausibly
// (convert.DecodeText: Shift_JIS, EUC-JP, GB18030, Big5, EUC-KR), else
// windows-1252 (the standard's default), with a warning.
// Options.InputEncoding, when set, overrides all of these.
func (r *Reader) decode(src []byte) ([]byte, error) {
	if r.Options != nil && r.Options.InputEncoding != "" {
		out, name, err := convert.DecodeText(src, r.Options.InputEncoding)
		if err != nil {
			return nil, fmt.Errorf("html: %w", err)
		}
		if name != "" {
			r.Report.Add(Stage, "inputs decoded from "+name, 1)
		}
		return bytes.TrimPrefix(out, []byte("\uFEFF")), nil
	}
	enc, name, certain := charset.DetermineEncoding(src, "")
	if name == "windows-1252" && !certain && !utf8.Valid(src) {
		// No declaration: bytes that read as Chinese, Japanese or
		// Korean are more likely than Latin-1 ones.
		if out, legacy, err := convert.DecodeText(src, ""); err == nil && legacy != "" {
			r.Report.Warn("html: no charset declared and the input is not UTF-8: read as %s (declare it with <meta charset=\"…\">)", legacy)
			r.Report.Add(Stage, "inputs decoded from "+legacy, 1)
			return out, nil
		}
	}
	if name == "windows-1252" && !certain && utf8.Valid(src) {
		// DetermineEncoding looks at 1024 bytes only, and takes ASCII
		// for windows-1252; valid UTF-8 is UTF-8 (also when a page
		// declares Latin-1 for text it never uses).
		return src, nil
	}
	// certain is set for a byte order mark only; a <meta> declaration
	// is within the first 1024 bytes (the prescan's window).
	certain = certain || bytes.Contains(bytes.ToLower(src[:min(len(src), 1024)]), []byte("charset"))
	legacy := name != "utf-8" && name != "utf-16le" && name != "utf-16be"
	if !(certain && legacy) {
		// Declared legacy encodings are not UTF-8 by design; any other
		// input is checked as a text input is (a PNG renamed .html).
		if why := convert.SniffBinary(src); why != "" && !(legacy && !strings.Contains(why, "binary file (")) {
			return nil, fmt.Errorf("html: %w: %s", convert.ErrInvalidInput, why)
		}
	}
	if name == "utf-8" {
		return src, nil
	}
	out, err := enc.NewDecoder().Bytes(src)
	if err != nil {
		return nil, fmt.Errorf("html: %w: cannot decode the input as %s: %v", convert.ErrInvalidInput, name, err)
	}
	out = bytes.TrimPrefix(out, []byte("\uFEFF"))
	if why := convert.SniffBinary(out); why != "" {
		return nil, fmt.Errorf("html: %w: %s (read as %s)", convert.ErrInvalidInput, why, name)
	}
	if !certain {
		r.Report.Warn("html: no charset declared and the input is not UTF-8: read as %s (declare it with <meta charset=\"…\">)", name)
	}
	r.Report.Add(Stage, "inputs decoded from "+name, 1)
	return out, nil
}

// document builds the Document of a parsed page.
func (r *Reader) document(root *html.Node) *convert.Document {
	p := &page{rep: r.Report}
	p.scanHead(root)
	body := find(root, atom.Body)
	d := &convert.Document{}
	if body != nil {
		content, mode := body, "whole"
		if !r.WholeBody {
			content, mode = articleRoot(body)
		}
		w := newWalker(p, mode)
		w.findNotes(body)
		w.blocks(content)
		w.flush()
		d.Blocks = w.out
		if w.images > 0 {
			r.Report.Add(Stage, "images without a usable source (their alt text kept, if any)", w.images)
		}
		if w.notes.cut > 0 {
			r.Report.Warn("html: %d references to notes already referenced kept as their marks: the copies of repeated notes are limited to the size of the page", w.notes.cut)
		}
		if w.unsafe > 0 {
			r.Report.Add(Stage, "unsafe links written as text", w.unsafe)
		}
		if w.hidden > 0 {
			r.Report.Add(Stage, "hidden elements skipped", w.hidden)
		}
		if mode != "whole" {
			r.Report.Add(Stage, "page furniture elements skipped", w.furniture)
		}
		if p.h1 == "" {
			p.h1 = w.firstH1
		}
	}
	var n int
	d.Blocks, n = convert.LimitNesting(d.Blocks)
	if n > 0 {
		r.Report.Add(Stage, fmt.Sprintf("lists, quotes or inline elements nested deeper than %d levels flattened", convert.MaxNesting), n)
	}
	p.meta(&d.Meta, r.Report)
	return d
}

// find returns the first element of type a in n's subtree (depth first),
// without recursion.
func find(n *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	walkElements(n, func(e *html.Node) bool {
		if found != nil {
			return false
		}
		if e.DataAtom == a {
			found = e
			return false
		}
		return true
	})
	return found
}

// walkElements calls f for every element of n's subtree in document
// order (n included), descending into an element's children when f
// returns true. It uses a stack of its own.
func walkElements(n *html.Node, f func(*html.Node) bool) {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if e.Type != html.ElementNode && e.Type != html.DocumentNode {
			continue
		}
		if e.Type == html.ElementNode && !f(e) {
			continue
		}
		for c := e.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
}

// getAttr returns the value of n's attribute key ("" when absent).
func getAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

// page holds what the <head> (and the article) says about the document.
type page struct {
	rep       *convert.Report
	title     string // <title>
	h1        string // the first h1 of the article
	lang      string
	metas     map[string]string // name/property (lower case) → first content
	canonical string
	base      *url.URL // <base href>, else the canonical URL: relative links resolve against it
}

// scanHead reads <html lang>, <title>, <meta>, <link rel=canonical> and
// <base href>.
func (p *page) scanHead(root *html.Node) {
	p.metas = map[string]string{}
	if h := find(root, atom.Html); h != nil {
		p.lang = strings.TrimSpace(getAttr(h, "lang"))
		if p.lang == "" {
			p.lang = strings.TrimSpace(getAttr(h, "xml:lang"))
		}
	}
	head := find(root, atom.Head)
	if head == nil {
		return
	}
	var baseHref string
	walkElements(head, func(e *html.Node) bool {
		switch e.DataAtom {
		case atom.Title:
			if p.title == "" {
				p.title = collapse(textContent(e))
			}
		case atom.Meta:
			key := strings.ToLower(strings.TrimSpace(getAttr(e, "name")))
			if key == "" {
				key = strings.ToLower(strings.TrimSpace(getAttr(e, "property")))
			}
			if key == "" {
				key = strings.ToLower(strings.TrimSpace(getAttr(e, "http-equiv")))
			}
			if key == "" {
				key = strings.ToLower(strings.TrimSpace(getAttr(e, "itemprop")))
			}
			// property="og:title twitter:title" names both.
			for _, k := range strings.Fields(key) {
				if _, ok := p.metas[k]; !ok {
					p.metas[k] = collapse(getAttr(e, "content"))
				}
			}
		case atom.Link:
			for _, rel := range strings.Fields(strings.ToLower(getAttr(e, "rel"))) {
				if rel == "canonical" && p.canonical == "" {
					p.canonical = strings.TrimSpace(getAttr(e, "href"))
				}
			}
		case atom.Base:
			if baseHref == "" {
				baseHref = strings.TrimSpace(getAttr(e, "href"))
			}
		}
		return true
	})
	for _, b := range []string{baseHref, p.canonical, p.metas["og:url"]} {
		if u, err := url.Parse(b); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			p.base = u
			break
		}
	}
}

// first returns the first non-empty meta content among keys.
func (p *page) first(keys ...string) string {
	for _, k := range keys {
		if v := p.metas[k]; v != "" {
			return v
		}
	}
	return ""
}

// meta fills m from what the page says.
func (p *page) meta(m *convert.Meta, rep *convert.Report) {
	m.Title = p.first("og:title", "twitter:title", "dc.title", "dcterms.title")
	if m.Title == "" {
		switch {
		case p.h1 != "" && (p.title == "" || strings.Contains(p.title, p.h1)):
			m.Title = p.h1 // "Headline - Site name" in <title>
		case p.title != "":
			m.Title = p.title
		default:
			m.Title = p.h1
		}
	}
	for _, a := range []string{p.first("author", "dc.creator", "dcterms.creator", "article:author", "parsely-author", "sailthru.author", "byl")} {
		a = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(a, "By "), "by "))
		if a != "" && !strings.Contains(a, "://") {
			m.Authors = append(m.Authors, a)
		}
	}
	if d := p.first("article:published_time", "datepublished", "date", "dc.date", "dcterms.date", "dc.date.issued",
		"dcterms.issued", "dcterms.created", "pubdate", "publishdate", "publish-date", "og:published_time"); d != "" {
		if err := m.SetSourceDate(d); err != nil {
			convert.WarnSourceDate(rep, Stage, m)
		}
	}
	m.Description = p.first("description", "og:description", "twitter:description", "dc.description", "dcterms.description")
	if k := p.first("keywords", "news_keywords"); k != "" {
		_ = m.Set("keywords", k)
	}
	lang := p.lang
	if lang == "" {
		lang = p.first("content-language", "language", "dc.language", "og:locale")
		lang = strings.TrimSpace(strings.Split(lang, ",")[0])
		lang = strings.ReplaceAll(lang, "_", "-") // og:locale zh_TW
	}
	if convert.ValidLangTag(lang) && !strings.EqualFold(lang, "und") {
		m.Lang = lang
	}
	if p.canonical != "" {
		if u, err := url.Parse(p.canonical); err == nil && u.Scheme != "" {
			m.Source = p.canonical
		}
	}
	if m.Source == "" && p.base != nil {
		m.Source = p.base.String()
	}
	if s := p.first("og:site_name", "application-name"); s != "" {
		if m.Extra == nil {
			m.Extra = map[string]string{}
		}
		m.Extra["site"] = s
	}
}
