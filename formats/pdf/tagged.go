package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/docconv/docconv/convert"
)

// Tagged PDF (ISO 32000-1 §14.7–14.8, PDF/UA-1).
//
// Layout creates the structure elements (setter.elems) as it meets the
// blocks: every run format carries the element its text belongs to
// (runFmt.tag) and every page item drawn from it the same (item.tag).
// render wraps each stretch of items of one element in a marked-content
// sequence with an MCID (BDC … EMC), everything else (running heads,
// folios, rules, shading, repeated table headers) in /Artifact, and
// records which element each MCID and link annotation belongs to; the
// structure tree, the ParentTree and the XMP metadata are written by
// postProcess (writeStructure). An element's kids are its marked content
// and its child elements in the order they are first drawn, which is the
// reading order of the page items.

// Item tags that are not structure elements.
const (
	tagArtifact int32 = 0  // layout artifact: rules, shading, decoration
	tagHeader   int32 = -1 // the running head (a pagination artifact)
	tagFooter   int32 = -2 // the folio (a pagination artifact)
)

// selem is a structure element. Element 0 is the Document.
type selem struct {
	role   string // a standard structure type (PDF 1.7 §14.8.4)
	parent int32
	lang   string // /Lang, when it differs from the document's
	alt    string // /Alt (Figure) or the link annotation's /Contents
	scope  bool   // TH: /A <</O /Table /Scope /Column>>
}

// Standard structure roles of blocks (blockRole maps a block to one).
const (
	roleDocument   = "Document"
	roleP          = "P"
	roleBlockQuote = "BlockQuote"
	roleCode       = "Code"
	roleList       = "L"
	roleTable      = "Table"
	roleFigure     = "Figure"
	roleNote       = "Note"
)

// blockRole maps a block of the document model to its structure type;
// "" for blocks that are artifacts (a thematic break). Headings get
// H1–H6 from headingRole.
func blockRole(b convert.Block) string {
	switch b.(type) {
	case *convert.Paragraph:
		return roleP
	case *convert.Heading:
		return "H"
	case *convert.List:
		return roleList
	case *convert.Quote:
		return roleBlockQuote
	case *convert.CodeBlock:
		return roleCode
	case *convert.Table:
		return roleTable
	case *convert.FigureBlock:
		return roleFigure
	case *convert.Rule, *convert.PageBreak:
		return ""
	}
	return roleP
}

// newElem adds a structure element under parent and returns its tag.
func (t *setter) newElem(role string, parent int32) int32 {
	if len(t.elems) == 0 {
		t.elems = append(t.elems, selem{role: roleDocument, parent: -1})
	}
	t.elems = append(t.elems, selem{role: role, parent: parent})
	return int32(len(t.elems) - 1)
}

// enter makes a new element the container of the blocks laid out until
// the returned function is called.
//
// Past maxStructDepth nested containers no element is made: the blocks go
// into the container they are in (a quote nested a thousand deep would
// otherwise be a tree a thousand deep, which readers walk recursively).
func (t *setter) enter(role string) (int32, func()) {
	saved := t.parent
	if t.depthOf(saved) >= maxStructDepth {
		return saved, func() {}
	}
	id := t.newElem(role, saved)
	t.parent = id
	return id, func() { t.parent = saved }
}

// maxStructDepth is the deepest nesting of structure elements made for
// nested blocks.
const maxStructDepth = 48

// depthOf returns the depth of element e (the Document's children: 1),
// counted up to maxStructDepth.
func (t *setter) depthOf(e int32) int {
	n := 0
	for e > 0 && int(e) < len(t.elems) && n < maxStructDepth {
		e = t.elems[e].parent
		n++
	}
	return n
}

// headingRole returns H1–H6 for a heading of the given level: counted
// from the document's first heading (the title block, when there is one,
// is H1 and the headings start at H2), a later heading of a higher level
// than the first at the top, and never more than one level below the
// heading before, so that the levels nest without gaps as PDF/UA asks.
func (t *setter) headingRole(level int) string {
	base := 1
	if t.titleTagged {
		base = 2
	}
	if t.hTop == 0 {
		t.hTop = level
	}
	lv := max(level-t.hTop, 0) + base
	if t.hLast > 0 {
		lv = min(lv, t.hLast+1)
	} else {
		lv = base
	}
	lv = min(max(lv, 1), 6)
	t.hLast = lv
	return "H" + string(rune('0'+lv))
}

// blockLang returns the language of a block's text when it is in another
// script than the document's (a Chinese quotation in an English article,
// Korean in a Chinese one), "" otherwise: Latin words in CJK text and
// Han characters in Japanese need no /Lang of their own.
func (t *setter) blockLang(text string) string {
	var han, kana, hangul, latin, other int
	for _, r := range text {
		switch {
		case r < 0x80:
			if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
				latin++
			}
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.IsLetter(r):
			if unicode.Is(unicode.Latin, r) {
				latin++
			} else {
				other++
			}
		}
	}
	total := han + kana + hangul + latin + other
	if total < 2 {
		return ""
	}
	doc := strings.ToLower(t.lang)
	var script string
	switch {
	case hangul*2 > total:
		script = "ko"
	case kana > 0 && (han+kana)*2 > total:
		script = "ja"
	case han*2 > total:
		script = "zh"
	case latin*2 > total:
		script = "latin"
	default:
		return ""
	}
	switch {
	case script == "latin" && !t.cjk:
		return ""
	case script == "latin":
		// A whole paragraph in a Latin script inside a CJK document.
		return convert.DetectLanguage(text)
	case strings.HasPrefix(doc, script):
		return ""
	case script == "zh" && strings.HasPrefix(doc, "ja"):
		return "" // kanji only: Japanese as likely as Chinese
	}
	l := convert.DetectLanguage(text)
	if strings.HasPrefix(strings.ToLower(l), script) {
		return l
	}
	return script
}

// scriptOf classifies a rune for addTextLang: 'h' Han, 'k' kana, 'g'
// Hangul, 'l' other letters (Latin, Greek, Cyrillic…), 0 for what belongs
// to no script (spaces, digits, punctuation, symbols).
func scriptOf(r rune) byte {
	switch {
	case r < 0x80:
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
			return 'l'
		}
		return 0
	case r >= 0x3041 && r <= 0x30FF && r != 0x30FB && r != 0x30FC && r != 0x30A0 || r >= 0x31F0 && r <= 0x31FF:
		return 'k'
	case r >= 0xAC00 && r <= 0xD7A3 || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F:
		return 'g'
	case unicode.Is(unicode.Han, r):
		return 'h'
	case unicode.IsLetter(r):
		return 'l'
	}
	return 0
}

// foreign reports whether letters of script sc are in another language
// than lang's: CJK scripts in a non-CJK language, kana outside Japanese,
// Hangul outside Korean, Han in Korean or Japanese is not (Hanja,
// kanji); Latin letters in CJK text need no language of their own.
func foreign(sc byte, lang string) bool {
	switch { // a prefix compared without case, and without allocating (it runs per text run)
	case hasPrefixFold(lang, "ja"):
		return sc == 'g'
	case hasPrefixFold(lang, "ko"):
		return sc == 'k'
	case hasPrefixFold(lang, "zh"):
		return sc == 'k' || sc == 'g'
	}
	return sc == 'h' || sc == 'k' || sc == 'g'
}

// hasPrefixFold reports whether s begins with the lower-case ASCII prefix,
// in any case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// langOf returns the language of the text of element e: its own /Lang or
// its nearest ancestor's, else the document's.
func (t *setter) langOf(e int32) string {
	for e > 0 && int(e) < len(t.elems) {
		if l := t.elems[e].lang; l != "" {
			return l
		}
		e = t.elems[e].parent
	}
	return t.lang
}

// addTextLang adds s as addText does; a stretch of it in another
// language's script (two letters or more: Chinese words in an English
// sentence, Korean in a Chinese one) becomes a Span element with that
// /Lang, so that a screen reader switches voices there.
func (t *setter) addTextLang(p *para, s string, f runFmt) {
	if f.tag <= 0 || !t.mayBeForeign(s) {
		t.addText(p, s, f, -1)
		return
	}
	lang := t.langOf(f.tag)
	start := 0     // start of the stretch not added yet
	runStart := -1 // start of the foreign stretch being read
	var runScript byte
	letters := 0
	end := 0 // end of its last letter
	flush := func() {
		if runStart >= 0 && letters >= 2 {
			if start < runStart {
				t.addText(p, s[start:runStart], f, -1)
			}
			g := f
			g.tag = t.newElem("Span", f.tag)
			run := s[runStart:end]
			t.elems[g.tag].lang = spanLang(runScript, run)
			t.addText(p, run, g, -1)
			start = end
		}
		runStart, letters = -1, 0
	}
	for i, r := range s {
		sc := scriptOf(r)
		if sc == 0 {
			continue // spaces and punctuation continue a stretch
		}
		if !foreign(sc, lang) {
			flush()
			continue
		}
		// Han and kana make one (Japanese) stretch; Hangul one of its own.
		if runStart >= 0 && (sc == 'g') != (runScript == 'g') {
			flush()
		}
		if runStart < 0 {
			runStart, runScript = i, sc
		}
		if sc == 'k' {
			runScript = 'k'
		}
		letters++
		end = i + utf8.RuneLen(r)
	}
	flush()
	if start < len(s) {
		t.addText(p, s[start:], f, -1)
	}
}

// mayBeForeign is a fast test: s has a rune that may start a stretch in
// another script (anything beyond Latin, Greek and Cyrillic).
func (t *setter) mayBeForeign(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xE1 { // a rune from U+1000 on
			return true
		}
	}
	return false
}

// spanLang names the language of a stretch of script sc.
func spanLang(sc byte, run string) string {
	switch sc {
	case 'k':
		return "ja"
	case 'g':
		return "ko"
	}
	if l := convert.DetectLanguage(run); strings.HasPrefix(l, "zh") {
		return l
	}
	return "zh"
}

// ---- Rendering: marked content ----

// annot is a link annotation of a page: a URI, or the mark of a heading.
type annot struct {
	x, y, w, h float64 // pt from the top left
	uri        string
	dest       int // mark index when uri is ""
	tag        int32
}

// tagger writes the marked content of the pages as render draws them and
// collects what the structure tree needs.
type tagger struct {
	elems []selem
	raw   func(string) // writes to the current page's content stream
	open  int32        // the marked content open: an element, a tag* constant, or noMark
	page  int32
	seq   int32
	// per page: the element of each MCID
	pageMC [][]int32
	// per element: its first marked content's order (or a descendant's),
	// its own marked content and annotations in order
	first []int32
	kids  [][]kidRef
	// per page: its link annotations
	annots [][]annot
	// annotation of the whole document, in page order: its element
	annotTag []int32
}

// kidRef is a kid of an element that is not an element: marked content
// (annot < 0) or the link annotation annot of the document (0-based).
type kidRef struct {
	seq   int32
	page  int32
	mcid  int32
	annot int32
}

const noMark = int32(-1 << 30)

func newTagger(elems []selem, raw func(string)) *tagger {
	if len(elems) == 0 {
		elems = []selem{{role: roleDocument, parent: -1}}
	}
	g := &tagger{elems: elems, raw: raw, open: noMark, page: -1}
	g.first = make([]int32, len(elems))
	for i := range g.first {
		g.first[i] = -1
	}
	g.kids = make([][]kidRef, len(elems))
	return g
}

// startPage begins page i.
func (g *tagger) startPage(i int) {
	g.page = int32(i)
	g.pageMC = append(g.pageMC, nil)
	g.annots = append(g.annots, nil)
	g.open = noMark
}

// endPage closes the marked content open at the end of a page.
func (g *tagger) endPage() {
	if g.open != noMark {
		g.raw("EMC")
		g.open = noMark
	}
}

// content opens the marked content an item drawn with tag belongs to.
func (g *tagger) content(tag int32) {
	if tag >= int32(len(g.elems)) {
		tag = tagArtifact
	}
	if tag == g.open {
		return
	}
	if g.open != noMark {
		g.raw("EMC")
	}
	g.open = tag
	switch tag {
	case tagHeader:
		g.raw("/Artifact <</Type /Pagination /Subtype /Header>> BDC")
	case tagFooter:
		g.raw("/Artifact <</Type /Pagination /Subtype /Footer>> BDC")
	case tagArtifact:
		g.raw("/Artifact BMC")
	default:
		if tag < 0 {
			g.raw("/Artifact BMC")
			return
		}
		mc := g.pageMC[g.page]
		mcid := int32(len(mc))
		g.pageMC[g.page] = append(mc, tag)
		g.raw(fmt.Sprintf("/%s <</MCID %d>> BDC", g.elems[tag].role, mcid))
		g.kids[tag] = append(g.kids[tag], kidRef{seq: g.seq, page: g.page, mcid: mcid, annot: -1})
		g.reached(tag)
	}
}

// reached records that element tag (and so its ancestors) has content at
// the current point of the reading order.
func (g *tagger) reached(tag int32) {
	for e := tag; e > 0 && g.first[e] < 0; e = g.elems[e].parent {
		g.first[e] = g.seq
	}
	g.seq++
}

// link records a link annotation of the current page.
func (g *tagger) link(a annot) {
	if a.tag <= 0 || a.tag >= int32(len(g.elems)) {
		a.tag = 0
	}
	g.annots[g.page] = append(g.annots[g.page], a)
	if a.tag > 0 {
		g.kids[a.tag] = append(g.kids[a.tag], kidRef{seq: g.seq, page: g.page, annot: int32(len(g.annotTag))})
		g.reached(a.tag)
	}
	g.annotTag = append(g.annotTag, a.tag)
}

// ---- Writing the structure tree ----

// tagOut is what render hands to postProcess for a tagged file.
type tagOut struct {
	g        *tagger
	standard string // "ua-1" or ""
	pageH    float64
	markPage []int
	markY    []float64
	marks    []mark
}

// structObjects returns the objects of the structure tree, the link
// annotations and the metadata, numbered from next, and the entries to
// add to the catalog and to each page dictionary.
func (o *tagOut) objects(next int, pageObj []int, info docInfo) (objs [][]byte, packable int, catalog string, pageExtra []string) {
	g := o.g
	n := len(g.elems)
	// Children in creation order.
	children := make([][]int32, n)
	for i := 1; i < n; i++ {
		p := g.elems[i].parent
		if p < 0 || int(p) >= n {
			p = 0
		}
		children[p] = append(children[p], int32(i))
	}
	// Keep the elements with content, and the empty ones that a reader
	// needs for the shape (table cells): an element with neither content
	// nor a kept descendant is dropped.
	keep := make([]bool, n)
	for i := n - 1; i >= 1; i-- {
		if g.first[i] >= 0 || keep[i] {
			keep[i] = true
		} else if e := g.elems[i]; (e.role == "TD" || e.role == "TH") && g.first[e.parent] >= 0 {
			keep[i] = true
		}
		if keep[i] {
			keep[g.elems[i].parent] = true
		}
	}
	keep[0] = true
	// An empty element sorts right after the sibling before it.
	order := make([]int32, n)
	for i := range order {
		order[i] = g.first[i]
	}
	for p := range children {
		last := g.first[p]
		for _, c := range children[p] {
			if order[c] < 0 {
				order[c] = last
			} else {
				last = order[c]
			}
		}
	}
	objNum := make([]int, n)
	num := next
	for i := 0; i < n; i++ {
		if keep[i] {
			objNum[i] = num
			num++
		}
	}
	root := num
	num++
	annotObj := make([]int, len(g.annotTag))
	for i := range annotObj {
		annotObj[i] = num
		num++
	}
	meta := num // the last object number handed out
	// Elements.
	pageOf := func(e int) int32 {
		for _, k := range g.kids[e] {
			return k.page
		}
		return -1
	}
	var b bytes.Buffer
	for i := 0; i < n; i++ {
		if !keep[i] {
			continue
		}
		e := g.elems[i]
		b.Reset()
		fmt.Fprintf(&b, "%d 0 obj\n<</Type /StructElem /S /%s /P %d 0 R", objNum[i], e.role, parentObj(i, e, objNum, root))
		pg := pageOf(i)
		if pg >= 0 {
			fmt.Fprintf(&b, " /Pg %d 0 R", pageObj[pg])
		}
		if e.lang != "" {
			fmt.Fprintf(&b, " /Lang %s", pdfString(e.lang))
		}
		if e.alt != "" && e.role == roleFigure {
			fmt.Fprintf(&b, " /Alt %s", pdfString(e.alt))
		}
		if e.scope {
			b.WriteString(" /A <</O /Table /Scope /Column>>")
		}
		// Kids: own content and child elements, by reading order.
		type kid struct {
			key, sub int32
			text     string
		}
		var ks []kid
		for _, k := range g.kids[i] {
			var s string
			switch {
			case k.annot >= 0:
				s = fmt.Sprintf("<</Type /OBJR /Obj %d 0 R>>", annotObj[k.annot])
			case k.page == pg:
				s = fmt.Sprint(k.mcid)
			default:
				s = fmt.Sprintf("<</Type /MCR /Pg %d 0 R /MCID %d>>", pageObj[k.page], k.mcid)
			}
			ks = append(ks, kid{key: k.seq, sub: -1, text: s})
		}
		for _, c := range children[i] {
			if keep[c] {
				ks = append(ks, kid{key: order[c], sub: c, text: fmt.Sprintf("%d 0 R", objNum[c])})
			}
		}
		slices.SortStableFunc(ks, func(a, b kid) int {
			if a.key != b.key {
				return int(a.key - b.key)
			}
			return int(a.sub - b.sub)
		})
		switch len(ks) {
		case 0:
		case 1:
			fmt.Fprintf(&b, " /K %s", ks[0].text)
		default:
			b.WriteString(" /K [")
			for j, k := range ks {
				if j > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(k.text)
			}
			b.WriteByte(']')
		}
		b.WriteString(">>\nendobj\n")
		objs = append(objs, slices.Clone(b.Bytes()))
	}
	// The structure tree root and its ParentTree: page i has StructParents
	// i, annotation k StructParent pages+k.
	b.Reset()
	fmt.Fprintf(&b, "%d 0 obj\n<</Type /StructTreeRoot /K %d 0 R /ParentTreeNextKey %d /ParentTree <</Nums [", root, objNum[0], len(pageObj)+len(annotObj))
	for p := range pageObj {
		fmt.Fprintf(&b, "%d [", p)
		var mc []int32
		if p < len(g.pageMC) {
			mc = g.pageMC[p]
		}
		for j, e := range mc {
			if j > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%d 0 R", objNum[e])
		}
		b.WriteString("]\n")
	}
	for k, e := range g.annotTag {
		if e > 0 {
			fmt.Fprintf(&b, "%d %d 0 R\n", len(pageObj)+k, objNum[e])
		}
	}
	b.WriteString("]>>>>\nendobj\n")
	objs = append(objs, slices.Clone(b.Bytes()))
	packable = len(objs)
	// Link annotations.
	k := 0
	pageExtra = make([]string, len(pageObj))
	for p := range pageObj {
		var refs []string
		if p < len(g.annots) {
			for _, a := range g.annots[p] {
				b.Reset()
				y1 := o.pageH - a.y
				fmt.Fprintf(&b, "%d 0 obj\n<</Type /Annot /Subtype /Link /Rect [%.2f %.2f %.2f %.2f] /Border [0 0 0] /F 4 /P %d 0 R", annotObj[k], a.x, y1-a.h, a.x+a.w, y1, pageObj[p])
				if a.uri != "" {
					fmt.Fprintf(&b, " /A <</S /URI /URI %s>> /Contents %s", pdfASCII(a.uri), pdfString(a.uri))
				} else if a.dest >= 0 && a.dest < len(o.markPage) && o.markPage[a.dest] < len(pageObj) {
					fmt.Fprintf(&b, " /Dest [%d 0 R /XYZ 0 %.2f null] /Contents %s", pageObj[o.markPage[a.dest]], o.pageH-o.markY[a.dest], pdfString(o.marks[a.dest].title))
				}
				if a.tag > 0 {
					fmt.Fprintf(&b, " /StructParent %d", len(pageObj)+k)
				}
				b.WriteString(">>\nendobj\n")
				objs = append(objs, slices.Clone(b.Bytes()))
				refs = append(refs, fmt.Sprintf("%d 0 R", annotObj[k]))
				k++
			}
		}
		extra := fmt.Sprintf("/StructParents %d\n", p)
		if len(refs) > 0 {
			extra += "/Tabs /S\n/Annots [" + strings.Join(refs, " ") + "]\n"
		}
		pageExtra[p] = extra
	}
	// XMP metadata (uncompressed, as PDF/A asks).
	x := xmp(info, o.standard)
	objs = append(objs, fmt.Appendf(nil, "%d 0 obj\n<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n%s\nendstream\nendobj\n", meta, len(x), x))
	catalog = fmt.Sprintf("/StructTreeRoot %d 0 R\n/MarkInfo <</Marked true>>\n/Metadata %d 0 R\n", root, meta)
	return objs, packable, catalog, pageExtra
}

func parentObj(i int, e selem, objNum []int, root int) int {
	if i == 0 || e.parent <= 0 && objNum[0] == 0 {
		return root
	}
	if int(e.parent) < len(objNum) && objNum[e.parent] > 0 {
		return objNum[e.parent]
	}
	return objNum[0]
}

// pdfText writes s as a PDF text string: literal when it is printable
// ASCII, UTF-16BE hexadecimal otherwise.
func pdfString(s string) string {
	for _, r := range s {
		if r < 0x20 || r > 0x7E {
			return utf16Hex(s)
		}
	}
	return pdfASCII(s)
}

// pdfASCII writes the bytes of s as a literal string, escaping what
// needs it (a URI is bytes, not a text string).
func pdfASCII(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c > 0x7E:
			fmt.Fprintf(&b, "\\%03o", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// xmp returns the XMP metadata packet: the document information
// dictionary's entries again (Dublin Core title, creator, description,
// subject; the dates, tool and producer), and the PDF/UA identification
// when standard is "ua-1".
func xmp(info docInfo, standard string) string {
	var b strings.Builder
	esc := func(s string) string {
		var e strings.Builder
		for _, r := range s {
			switch r {
			case '<':
				e.WriteString("&lt;")
			case '>':
				e.WriteString("&gt;")
			case '&':
				e.WriteString("&amp;")
			case '"':
				e.WriteString("&quot;")
			default:
				if r < 0x20 && r != '\t' && r != '\n' || r == 0xFFFE || r == 0xFFFF {
					continue
				}
				e.WriteRune(r)
			}
		}
		return e.String()
	}
	lang := sanitizeLang(info.lang)
	if lang == "" {
		lang = "x-default"
	}
	date := info.time.UTC().Format(time.RFC3339)
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
	b.WriteString("<rdf:Description rdf:about=\"\"\n xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"")
	if standard == StandardUA1 {
		b.WriteString("\n xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"")
	}
	b.WriteString(">\n")
	b.WriteString(" <dc:format>application/pdf</dc:format>\n")
	if info.title != "" {
		fmt.Fprintf(&b, " <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(bmpOnly(info.title)))
	}
	if info.author != "" {
		b.WriteString(" <dc:creator><rdf:Seq>")
		for _, a := range strings.Split(info.author, "; ") {
			fmt.Fprintf(&b, "<rdf:li>%s</rdf:li>", esc(bmpOnly(a)))
		}
		b.WriteString("</rdf:Seq></dc:creator>\n")
	}
	if info.subject != "" {
		fmt.Fprintf(&b, " <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(bmpOnly(info.subject)))
	}
	if info.lang != "" {
		fmt.Fprintf(&b, " <dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(lang))
	}
	if info.keywords != "" {
		fmt.Fprintf(&b, " <pdf:Keywords>%s</pdf:Keywords>\n", esc(bmpOnly(info.keywords)))
	}
	fmt.Fprintf(&b, " <pdf:Producer>%s</pdf:Producer>\n", esc("docconv "+convert.Version+" (gofpdf 1.16.2)"))
	b.WriteString(" <xmp:CreatorTool>docconv</xmp:CreatorTool>\n")
	fmt.Fprintf(&b, " <xmp:CreateDate>%s</xmp:CreateDate>\n <xmp:ModifyDate>%s</xmp:ModifyDate>\n <xmp:MetadataDate>%s</xmp:MetadataDate>\n", date, date, date)
	if standard == StandardUA1 {
		b.WriteString(" <pdfuaid:part>1</pdfuaid:part>\n")
	}
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return b.String()
}

// PDF standards the Writer can declare (Writer.Standard).
const (
	// StandardUA1 is PDF/UA-1 (ISO 14289-1): the file is tagged, and its
	// XMP metadata identifies it as PDF/UA.
	StandardUA1 = "ua-1"
)

// Standards lists the accepted values of Writer.Standard.
var Standards = []string{StandardUA1}

// tableElems creates the elements of a table: tags[0][0] is the Table,
// tags[1+i][j] the TH (header row) or TD of row i, column j.
func (t *setter) tableElems(tb *convert.Table, ncol int) [][]int32 {
	table := t.newElem(blockRole(tb), t.parent)
	rows := len(tb.Rows)
	if tb.Header != nil {
		rows++
	}
	tags := make([][]int32, 1+rows)
	tags[0] = []int32{table}
	for i := 1; i <= rows; i++ {
		tr := t.newElem("TR", table)
		tags[i] = make([]int32, ncol)
		for j := range tags[i] {
			if tb.Header != nil && i == 1 {
				tags[i][j] = t.newElem("TH", tr)
				t.elems[tags[i][j]].scope = true
			} else {
				tags[i][j] = t.newElem("TD", tr)
			}
		}
	}
	return tags
}

// langSample is how much of a block's text blockLang looks at.
const langSample = 1024

// inlineSample returns the start of the text of ins, at most about n
// bytes (a paragraph can be megabytes long).
func inlineSample(ins []convert.Inline, n int) string {
	var b strings.Builder
	var walk func([]convert.Inline)
	walk = func(ins []convert.Inline) {
		for _, in := range ins {
			if b.Len() >= n {
				return
			}
			switch x := in.(type) {
			case *convert.Text:
				s := x.Text
				if len(s) > n-b.Len() {
					k := n - b.Len()
					for k > 0 && k < len(s) && !utf8.RuneStart(s[k]) {
						k--
					}
					s = s[:k]
				}
				b.WriteString(s)
			case *convert.Strong:
				walk(x.Inlines)
			case *convert.Emph:
				walk(x.Inlines)
			case *convert.Strike:
				walk(x.Inlines)
			case *convert.Link:
				walk(x.Inlines)
			case *convert.Code:
				b.WriteString(x.Text[:min(len(x.Text), max(0, n-b.Len()))])
			case *convert.Ruby:
				b.WriteString(x.Base)
			}
		}
	}
	walk(ins)
	return b.String()
}

// objPerStream is the number of objects in an object stream.
const objPerStream = 200

// appendStructure appends the objects of the structure tree to out and
// ends the file with a cross-reference stream (PDF 1.5, ISO 32000-1
// §7.5.8). offsets are those of the objects 1…n-1 written before; extra[i]
// is object n+i ("N 0 obj\n…\nendobj\n"). The first packable ones (the
// elements and the tree root; not the link annotations, nor the XMP
// metadata stream) go into compressed object streams: a structure element
// is some 80 bytes of much the same text, and a document of a million
// characters has thousands, which compress about tenfold. trailer is
// gofpdf's trailer dictionary, whose /Root and /Info are kept.
func appendStructure(put func([]byte), pos func() int, offsets []int, extra [][]byte, packable int, trailer []byte) error {
	type entry struct {
		typ    byte
		f2, f3 int
	}
	n := len(offsets)
	streams := (packable + objPerStream - 1) / objPerStream
	total := n + len(extra) + streams + 1 // and the cross-reference stream
	ent := make([]entry, total)
	ent[0] = entry{0, 0, 65535}
	for i := 1; i < n; i++ {
		ent[i] = entry{1, offsets[i], 0}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	compress := func(parts ...[]byte) []byte {
		z.Reset()
		zw.Reset(&z)
		for _, p := range parts {
			zw.Write(p)
		}
		zw.Close()
		return slices.Clone(z.Bytes()) // put keeps it
	}
	var head, data bytes.Buffer
	for st := range streams {
		num := n + len(extra) + st
		lo, hi := st*objPerStream, min(packable, (st+1)*objPerStream)
		head.Reset()
		data.Reset()
		for i := lo; i < hi; i++ {
			_, body, ok := bytes.Cut(extra[i], []byte(" 0 obj\n"))
			body, ok2 := bytes.CutSuffix(body, []byte("\nendobj\n"))
			if !ok || !ok2 {
				return fmt.Errorf("%w: structure object %d", errPost, n+i)
			}
			fmt.Fprintf(&head, "%d %d ", n+i, data.Len())
			data.Write(body)
			data.WriteByte('\n')
			ent[n+i] = entry{2, num, i - lo}
		}
		zd := compress(head.Bytes(), data.Bytes())
		ent[num] = entry{1, pos(), 0}
		put(fmt.Appendf(nil, "%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n", num, hi-lo, head.Len(), len(zd)))
		put(zd)
		put([]byte("\nendstream\nendobj\n"))
	}
	for i := packable; i < len(extra); i++ {
		ent[n+i] = entry{1, pos(), 0}
		put(extra[i])
	}
	// /Root and /Info of gofpdf's trailer ("trailer\n<<\n/Size N\n/Root …").
	var keep []string
	for _, line := range strings.Split(string(trailer), "\n") {
		if strings.HasPrefix(line, "/") && !strings.HasPrefix(line, "/Size ") {
			keep = append(keep, line)
		}
	}
	if len(keep) == 0 {
		return fmt.Errorf("%w: trailer", errPost)
	}
	xnum := total - 1
	start := pos()
	if start > 0xFFFFFFFF {
		return errors.New("pdf: the file is larger than 4 GB")
	}
	ent[xnum] = entry{1, start, 0}
	raw := make([]byte, 0, 7*total)
	for _, e := range ent {
		raw = append(raw, e.typ, byte(e.f2>>24), byte(e.f2>>16), byte(e.f2>>8), byte(e.f2), byte(e.f3>>8), byte(e.f3))
	}
	zx := compress(raw)
	put(fmt.Appendf(nil, "%d 0 obj\n<</Type /XRef /Size %d /W [1 4 2] %s /Filter /FlateDecode /Length %d>>\nstream\n", xnum, total, strings.Join(keep, " "), len(zx)))
	put(zx)
	put(fmt.Appendf(nil, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", start))
	return nil
}
