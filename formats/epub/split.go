package epub

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/docconv/docconv/convert"
)

// contentDoc is one XHTML content document of the book.
type contentDoc struct {
	name  string // file name inside the xhtml folder, e.g. "section0001.xhtml"
	title string // its <title>
	body  string // the XHTML between <body> and </body>, unless spooled
	// spool holds the body (n bytes at off) when the book is long (see
	// spoolAfter); writeContainer reads one document at a time.
	spool *spool
	off   int64
	n     int
	// links is the table of internal link targets (heading and note IDs
	// to their documents) when the body holds link placeholders
	// (linkMark), filled once every document is rendered.
	links map[string]string
}

// text returns the body, read back from the spool if need be, with its
// internal links resolved.
func (d *contentDoc) text() (string, error) {
	body := d.body
	if d.spool != nil {
		var err error
		if body, err = d.spool.read(d.off, d.n); err != nil {
			return "", fmt.Errorf("%w (%s)", err, d.name)
		}
	}
	if d.links != nil {
		body = resolve(body, d.links)
	}
	return body, nil
}

// tocEntry is one heading of the book, for the navigation document and NCX.
type tocEntry struct {
	level int
	text  string
	file  string // content document file name
	id    string // heading ID inside it
}

// href is the entry's link relative to the xhtml folder: file#id, or the
// file alone when id is empty.
func (e *tocEntry) href() string {
	if e.id == "" {
		return e.file
	}
	return e.file + "#" + e.id
}

// fragment is a rendered top-level block (or a piece of one).
type fragment struct {
	xhtml   string
	heading *tocEntry // non-nil when the fragment is a navigable heading
	notes   string    // the asides of the notes it references, for the end of its document
}

// assignIDs gives every heading a unique, valid XML ID: its own ID when it
// has a usable one, else "h" followed by its number in document order. It
// also fills r.anchors, which internal links resolve against.
func (r *renderer) assignIDs(blocks []convert.Block) {
	r.ids = map[*convert.Heading]string{}
	r.anchors = map[string]string{}
	var hs []*convert.Heading
	convert.Inspect(blocks, func(n any) bool {
		if h, ok := n.(*convert.Heading); ok {
			hs = append(hs, h)
		}
		_, isInline := n.(convert.Inline)
		return !isInline
	})
	used := map[string]bool{"toc": true, "landmarks": true}
	for _, h := range hs {
		if validID(h.ID) && !used[h.ID] {
			used[h.ID] = true
			r.ids[h] = h.ID
		}
	}
	n := 0
	for _, h := range hs {
		if _, ok := r.ids[h]; ok {
			r.anchors[h.ID] = h.ID
			continue
		}
		var id string
		for {
			n++
			id = "h" + strconv.Itoa(n)
			if !used[id] {
				break
			}
		}
		used[id] = true
		r.ids[h] = id
		if h.ID != "" {
			if _, taken := r.anchors[h.ID]; !taken {
				r.anchors[h.ID] = id
			}
		}
	}
	for _, h := range hs {
		if _, taken := r.anchors[r.ids[h]]; !taken {
			r.anchors[r.ids[h]] = r.ids[h]
		}
	}
}

// validID reports whether s can be used as an XML ID (an NCName) and in a
// URL fragment without escaping: a letter or '_' first, then letters,
// digits, '-', '_' or '.'.
func validID(s string) bool {
	if s == "" || len(s) > 200 {
		return false
	}
	for i, c := range s {
		switch {
		case c == '_' || unicode.IsLetter(c):
		case i > 0 && (c == '-' || c == '.' || unicode.IsDigit(c)):
		default:
			return false
		}
	}
	return true
}

// sections groups the top-level blocks at the top heading level: content
// before the first heading is a section of its own.
func sections(blocks []convert.Block) [][]convert.Block {
	top := 7
	for _, b := range blocks {
		if h, ok := b.(*convert.Heading); ok {
			top = min(top, clampLevel(h.Level))
		}
	}
	var out [][]convert.Block
	var cur []convert.Block
	for _, b := range blocks {
		if h, ok := b.(*convert.Heading); ok && clampLevel(h.Level) == top && len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
		cur = append(cur, b)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

func clampLevel(l int) int { return min(max(l, 1), 6) }

// maxSections is the number of top-level sections above which small
// sections share content documents. go-epub's AddSection looks at every
// document added before, so that a book of n documents costs n²: 20,000
// one-paragraph chapters took 16 s. Past this many sections, a section
// starts a new document only when the current one holds half the size
// limit, which keeps the documents to about twice the book's size over
// the limit.
const maxSections = 1000

// split renders blocks into content documents of at most limit bytes of
// body each (a single block larger than that is cut into pieces: rows,
// items, lines, sentences), one or more per section, named from first on
// (section%04d.xhtml). It returns the documents and the headings. A book
// of more than maxSections sections puts several small ones in a
// document. A page break at the top level ends a document (while there
// are fewer than maxSections); elsewhere it is a CSS page break.
func (r *renderer) split(blocks []convert.Block, limit int, first int, bookTitle string) ([]*contentDoc, []*tocEntry, error) {
	var docs []*contentDoc
	var toc []*tocEntry
	n := first
	var cur *contentDoc
	var body, notes strings.Builder
	var spoolErr error
	flush := func() {
		if cur != nil {
			if notes.Len() > 0 {
				body.WriteString(`<section class="footnotes" epub:type="footnotes">` + "\n" + notes.String() + "</section>\n")
				notes.Reset()
			}
			cur.body = body.String()
			body.Reset()
			linkTargets(cur, r.targets)
			if strings.Contains(cur.body, linkMark) {
				cur.links = r.targets
			}
			if err := r.spool.put(cur); err != nil && spoolErr == nil {
				spoolErr = err
			}
			cur = nil
		}
	}
	if r.notes.num == nil {
		r.numberNotes(blocks)
	}
	if r.targets == nil {
		r.targets = map[string]string{}
	}
	secs := sections(blocks)
	share := len(secs) > maxSections
	for _, sec := range secs {
		title := bookTitle
		if h, ok := sec[0].(*convert.Heading); ok {
			if t := strings.TrimSpace(convert.PlainText(h.Inlines)); t != "" {
				title = t
			}
		}
		if !share || body.Len() >= limit/2 {
			flush()
		}
		part := 0
		if cur != nil {
			part = 1 // in a document started by an earlier section
		}
		for _, b := range sec {
			if _, ok := b.(*convert.PageBreak); ok && !share && len(docs) < maxSections {
				// A page break starts a new content document: every
				// reading system starts one on a new page (CSS page
				// breaks are ignored by many).
				if cur != nil && body.Len() > 0 {
					flush()
				}
				continue
			}
			for _, f := range r.fragments(b, limit) {
				if cur != nil && body.Len() > 0 && body.Len()+notes.Len()+len(f.xhtml)+len(f.notes) > limit {
					flush()
				}
				if cur == nil {
					part++
					cur = &contentDoc{name: fmt.Sprintf("section%04d.xhtml", n), title: title}
					if part > 1 {
						cur.title = fmt.Sprintf("%s (%d)", title, part)
					}
					n++
					docs = append(docs, cur)
				}
				if f.heading != nil {
					f.heading.file = cur.name
					toc = append(toc, f.heading)
				}
				body.WriteString(f.xhtml)
				notes.WriteString(f.notes)
			}
		}
	}
	flush()
	return docs, toc, spoolErr
}

// fragments renders a top-level block, cut into pieces when it is larger
// than limit.
func (r *renderer) fragments(b convert.Block, limit int) []fragment {
	var sb strings.Builder
	saved := r.stats
	r.notes.pending = nil
	r.block(&sb, b, false)
	f := fragment{xhtml: sb.String(), notes: r.takeNotes()}
	if h, ok := b.(*convert.Heading); ok {
		f.heading = &tocEntry{level: clampLevel(h.Level), text: strings.TrimSpace(convert.PlainText(h.Inlines)), id: r.ids[h]}
	}
	if len(f.xhtml) <= limit {
		return []fragment{f}
	}
	var out []fragment
	r.stats = saved
	r.notes.pending = nil
	for _, s := range r.pieces(b, limit) {
		out = append(out, fragment{xhtml: s})
	}
	if len(out) == 0 {
		return []fragment{f}
	}
	// The notes of the pieces follow the last one (resolveLinks links
	// references in earlier documents to them).
	out[len(out)-1].notes = r.takeNotes()
	return out
}

// pieces cuts an oversized block into rendered pieces of about limit bytes
// or less. Blocks that cannot be cut are returned whole.
func (r *renderer) pieces(b convert.Block, limit int) []string {
	var out []string
	var sb strings.Builder
	emit := func() {
		if sb.Len() > 0 {
			out = append(out, sb.String())
			sb.Reset()
		}
	}
	switch x := b.(type) {
	case *convert.Paragraph:
		for i, ins := range splitInlines(x.Inlines, limit/2) {
			if i == 0 {
				sb.WriteString("<p>")
			} else {
				sb.WriteString(`<p class="cont">`)
			}
			r.inlines(&sb, ins)
			sb.WriteString("</p>\n")
			emit()
		}
	case *convert.Table:
		m := *r // measures without counting twice
		size := func(t *convert.Table) int {
			var sb strings.Builder
			m.table(&sb, t)
			return sb.Len()
		}
		empty := size(&convert.Table{Align: x.Align})
		rows, caption := x.Rows, x.Caption
		for len(rows) > 0 {
			n, total := 0, size(&convert.Table{Caption: caption, Align: x.Align, Header: x.Header})
			for n < len(rows) {
				l := size(&convert.Table{Align: x.Align, Rows: rows[n : n+1]}) - empty
				if n > 0 && total+l > limit {
					break
				}
				total += l
				n++
			}
			r.table(&sb, &convert.Table{Caption: caption, Align: x.Align, Header: x.Header, Rows: rows[:n]})
			emit()
			rows, caption = rows[n:], nil
		}
	case *convert.List:
		start := max(x.Start, 1)
		items := x.Items
		done := 0 // items written
		for len(items) > 0 {
			n := 0
			size := 0
			for n < len(items) {
				var t strings.Builder
				m := *r
				m.list(&t, &convert.List{Ordered: x.Ordered, Tight: x.Tight, Items: items[n : n+1], Tasks: taskItems(x, done+n, 1)})
				if n > 0 && size+t.Len() > limit {
					break
				}
				size += t.Len()
				n++
			}
			r.list(&sb, &convert.List{Ordered: x.Ordered, Start: start, Tight: x.Tight, Items: items[:n], Tasks: taskItems(x, done, n)})
			emit()
			items, start, done = items[n:], start+n, done+n
		}
	case *convert.CodeBlock:
		for _, chunk := range splitText(x.Text, limit/2, true) {
			r.block(&sb, &convert.CodeBlock{Lang: x.Lang, Text: chunk}, false)
			emit()
		}
	case *convert.Quote:
		var group []convert.Block
		size := 0
		flushGroup := func() {
			if len(group) > 0 {
				r.block(&sb, &convert.Quote{Blocks: group}, false)
				emit()
				group, size = nil, 0
			}
		}
		for _, qb := range x.Blocks {
			var t strings.Builder
			m := *r
			m.block(&t, qb, false)
			if t.Len() > limit {
				flushGroup()
				for _, p := range r.pieces(qb, limit) {
					out = append(out, "<blockquote>\n"+p+"</blockquote>\n")
				}
				continue
			}
			if size+t.Len() > limit {
				flushGroup()
			}
			group = append(group, qb)
			size += t.Len()
		}
		flushGroup()
	default:
		r.block(&sb, b, false)
		emit()
	}
	return out
}

// splitInlines cuts a paragraph's inlines into runs of about size bytes of
// text, cutting long Text inlines at sentence ends.
func splitInlines(ins []convert.Inline, size int) [][]convert.Inline {
	var out [][]convert.Inline
	var cur []convert.Inline
	n := 0
	add := func(in convert.Inline, l int) {
		if n > 0 && n+l > size {
			out = append(out, cur)
			cur, n = nil, 0
		}
		cur = append(cur, in)
		n += l
	}
	for _, in := range ins {
		if t, ok := in.(*convert.Text); ok && len(t.Text) > size {
			for _, s := range splitText(t.Text, size, false) {
				add(&convert.Text{Text: s}, len(s))
			}
			continue
		}
		add(in, len(convert.PlainText([]convert.Inline{in})))
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// splitText cuts s into pieces of at most about size bytes, preferring to
// cut after a line break (lines) or a sentence end, else after a space,
// else between characters. Concatenating the pieces gives s again.
func splitText(s string, size int, lines bool) []string {
	size = max(size, 64)
	var out []string
	for len(s) > size {
		cut := -1
		window := s[:size]
		if lines {
			cut = strings.LastIndexByte(window, '\n') + 1
		} else {
			cut = lastSentenceEnd(window)
		}
		if cut < size/2 {
			cut = strings.LastIndexAny(window, " \t\n") + 1
		}
		if cut < size/2 {
			cut = size
			for cut > 0 && !utf8.RuneStart(s[cut]) {
				cut--
			}
		}
		if cut <= 0 {
			cut = size
		}
		out = append(out, s[:cut])
		s = s[cut:]
	}
	if s != "" {
		out = append(out, s)
	}
	return out
}

// lastSentenceEnd returns the index just after the last sentence-ending
// punctuation of s (and any closing quotes after it), or -1.
func lastSentenceEnd(s string) int {
	for i := len(s); i > 0; {
		c, n := utf8.DecodeLastRuneInString(s[:i])
		switch c {
		case '。', '！', '？', '!', '?', '；':
			end := i
			for end < len(s) {
				q, m := utf8.DecodeRuneInString(s[end:])
				if !strings.ContainsRune("」』”’）)", q) {
					break
				}
				end += m
			}
			return end
		}
		i -= n
	}
	return -1
}
