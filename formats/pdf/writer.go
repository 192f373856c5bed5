package pdf

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/fonts"
)

func init() {
	convert.Register(convert.Format{
		Name:        "pdf",
		Extensions:  []string{"pdf"},
		MediaType:   "application/pdf",
		Binary:      true,
		Description: "PDF with CJK typesetting and embedded subset fonts",
		NewWriter:   func(opts *convert.Options) convert.Writer { return NewWriter(opts) },
		Variables: []convert.Variable{
			{Key: "indent", Kind: convert.VarNumber, Default: "2 (Chinese, Korean), 1 (Japanese), 1.5 (others)", Usage: "first-line indent of paragraphs in em; 0 turns it off"},
			{Key: "fontsize", Kind: convert.VarNumber, Min: 4, Max: 72, Default: "10.5 (CJK), 11.5 (others), 9.5 on A5", Usage: "body text size in pt"},
			{Key: "margin", Kind: convert.VarNumber, Above: true, Default: "11% of the page width at the sides (15% non-CJK), 9% of its height top and bottom", Usage: "page margin in pt, all four sides"},
			{Key: "header", Kind: convert.VarBool, Default: "true", Usage: "the running head (title at the top of pages 2 and later)"},
			{Key: "tagged", Kind: convert.VarBool, Default: "true", Usage: "a tagged PDF: structure tree, marked content, artifacts (false writes an untagged file)"},
			{Key: "standard", Default: "none", Choices: append([]string{"none"}, Standards...), Usage: "ua-1: declare PDF/UA-1 in the XMP metadata (the file is tagged); what --pdf-standard sets"},
			{Key: "notes", Default: "foot", Choices: []string{"foot", "end"}, Usage: "footnotes at the foot of the page of their reference (foot) or after the text (end)"},
		},
	})
}

// Margins are page margins in points (1/72 inch). A zero field takes the
// default for the page size.
type Margins struct {
	Top, Right, Bottom, Left float64
}

// Writer writes a Document as a print-ready PDF: its own CJK line layout
// (UAX #14 with the clreq prohibition rules, inter-character
// justification, quarter-em spacing between Han and Latin), embedded subset
// fonts with per-character fallback, running heads, page numbers in the
// document's language, bookmarks and an optional contents page. The zero
// value writes A4 pages with the embedded fonts.
type Writer struct {
	// PageSize is A4 (default), A5, B5 (ISO, 176 × 250 mm) or Letter.
	PageSize string
	// Margins in pt; zero fields take defaults (11% of the page width at
	// the sides, 15% for non-CJK documents, 9% of its height at the top and
	// bottom). For CJK documents the side margins are adjusted so that a
	// line holds a whole number of characters.
	Margins Margins
	// FontSize is the body text size in pt; 0 means 10.5 for CJK
	// documents, 11.5 for others, 9.5 on A5.
	FontSize float64
	// Indent is the first-line indent of paragraphs in em; 0 means the
	// default: 2 em for Chinese (and Korean), 1 em for Japanese (jlreq
	// 3.1.9: 字下げ of one character), 1.5 em for other documents.
	// NoIndent turns it off.
	Indent   float64
	NoIndent bool
	// Fonts are tried first for every character, before the default
	// faces registered with the fonts package (see the package
	// documentation: Default fonts), which are appended as the fallback.
	// With neither Fonts nor registered faces, Render returns an error
	// wrapping ErrNoFonts.
	// Fonts whose OS/2 fsType forbids embedding are skipped with a warning.
	Fonts fonts.Chain
	// FontSpecs are font names or files resolved with fonts.ResolveLang for
	// the document's language and put before Fonts (what --font gives):
	// "Noto Serif CJK" or NotoSerifCJK-Regular.ttc gives the TC face for
	// zh-Hant, SC for zh-Hans, JP for ja, KR for ko; "Noto Sans CJK JP" or
	// "file.ttc#2" a given face. TrueType and CFF (.otf, .otc) outlines.
	// Bold text uses the family's installed bold face (fonts.BoldSibling:
	// Noto Serif CJK TC Bold), synthetic bold only when there is none.
	FontSpecs []string
	// TOC puts a contents page (in the document's language, with page
	// numbers and links) before the body.
	TOC bool
	// FiguresTable appends a table of the document's figures
	// (convert/figures).
	FiguresTable bool
	// NoRunningHead turns off the title at the top of pages 2 and later.
	NoRunningHead bool
	// Notes places footnotes: NotesFoot ("foot", also ""), at the foot of
	// the page where they are referenced, or NotesEnd ("end"), after the
	// text (-V pdf.notes). See notes.go.
	Notes string
	// ModTime is the creation and modification date; zero means
	// convert.DocumentTime (Meta.Date, SOURCE_DATE_EPOCH, or a fixed date).
	// The EPUB and XLSX writers have a field of the same name.
	ModTime time.Time
	// Time is the former name of ModTime, used when ModTime is zero.
	//
	// Deprecated: use ModTime.
	Time time.Time
	// Report receives the count of characters no font covers; nil
	// discards it.
	Report *convert.Report
	// Strict makes characters that no font covers an error wrapping
	// convert.ErrStrict.
	Strict bool
	// Untagged writes a PDF without a structure tree (the default is a
	// tagged PDF: see the package documentation, Tagged PDF). It cannot be
	// combined with a Standard.
	Untagged bool
	// Standard is "" or StandardUA1 ("ua-1"): the file declares PDF/UA-1
	// conformance in its XMP metadata. Render refuses other values.
	Standard string
	// FileTitle is a title made from the input's file name (see
	// convert.Options.FileTitle): when Meta.Title is just that, it goes
	// into the PDF's metadata but is not printed as a title block or
	// running head. Empty prints every title.
	FileTitle string
}

// NewWriter returns a Writer configured from the shared options: PageSize,
// Fonts, TOC, FiguresTable, ModTime, Report, Strict, and the variables
// pdf.indent (em; 0 turns the indent off), pdf.fontsize (pt),
// pdf.margin (pt, all sides) and pdf.header (false turns the running head
// off).
func NewWriter(opts *convert.Options) *Writer {
	if opts == nil {
		opts = &convert.Options{}
	}
	w := &Writer{
		PageSize:     opts.PageSize,
		FontSpecs:    append([]string(nil), opts.Fonts...),
		TOC:          opts.TOC,
		FiguresTable: opts.FiguresTable,
		ModTime:      opts.ModTime,
		Report:       opts.Report,
		Strict:       opts.Strict,
		FileTitle:    opts.FileTitle(),
	}
	if v, ok := opts.Var("pdf", "indent"); ok {
		if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && f >= 0 {
			w.Indent = f
			w.NoIndent = f == 0
		}
	}
	if v, ok := opts.Var("pdf", "fontsize"); ok {
		if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && f >= 4 && f <= 72 {
			w.FontSize = f
		}
	}
	if v, ok := opts.Var("pdf", "margin"); ok {
		if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && f > 0 {
			w.Margins = Margins{f, f, f, f}
		}
	}
	if v, ok := opts.Var("pdf", "header"); ok {
		if b, ok := convert.ParseVarBool(v); ok {
			w.NoRunningHead = !b
		}
	}
	if v, ok := opts.Var("pdf", "tagged"); ok {
		if b, ok := convert.ParseVarBool(v); ok {
			w.Untagged = !b
		}
	}
	if v, ok := opts.Var("pdf", "notes"); ok {
		w.Notes = strings.ToLower(strings.TrimSpace(v))
	}
	if v, ok := opts.Var("pdf", "standard"); ok {
		if v = strings.ToLower(strings.TrimSpace(v)); v != "none" {
			w.Standard = v
		}
	}
	return w
}

// pageSizes in pt. B5 is ISO 216 B5 (176 × 250 mm); B5-JIS is the
// Japanese JIS P 0138 B5 (182 × 257 mm) of Japanese books and paper.
var pageSizes = map[string][2]float64{
	"a4":     {595.28, 841.89},
	"a5":     {419.53, 595.28},
	"b5":     {498.90, 708.66},
	"b5-jis": {515.91, 728.50},
	"letter": {612, 792},
}

// PageSizes lists the accepted page size names.
var PageSizes = []string{"A4", "A5", "B5", "B5-JIS", "Letter"}

// Write lays out d and writes the PDF to out. The document is laid out
// twice: a first pass measures it (the pages of the headings, the page
// count, the glyphs of every font) and keeps no page; the second draws
// every page as soon as it is laid out, compresses its content and lets
// it go. Memory stays about the same for a book as for an article, but
// for the document model and the compressed output. Nothing is written
// to out when an error is returned before the output starts.
func (w *Writer) Write(ctx context.Context, out io.Writer, d *convert.Document) error {
	j, err := w.measure(ctx, d)
	if err != nil {
		return err
	}
	r, err := newRenderer(j.t, j.faces, j.info, j.t.marks, j.markPage, j.markY, j.elems)
	if err != nil {
		return err
	}
	defer r.close()
	if err := j.draw(ctx, r.page); err != nil {
		return err
	}
	return r.finish(out)
}

// Render returns the PDF bytes of d.
func (w *Writer) Render(ctx context.Context, d *convert.Document) ([]byte, error) {
	var b bytes.Buffer
	if err := w.Write(ctx, &b, d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// laidOut is a document laid out into pages, held in memory (tests look
// at the pages; Write draws them as they come).
type laidOut struct {
	t        *setter
	pages    []page
	faces    []*face
	info     docInfo
	markPage []int
	markY    []float64
}

// layout lays d out into pages held in memory, as Write draws them.
func (w *Writer) layout(ctx context.Context, d *convert.Document) (*laidOut, error) {
	j, err := w.measure(ctx, d)
	if err != nil {
		return nil, err
	}
	var pages []page
	if err := j.draw(ctx, func(pg page) { pages = append(pages, pg) }); err != nil {
		return nil, err
	}
	return &laidOut{t: j.t, pages: pages, faces: j.faces, info: j.info, markPage: j.markPage, markY: j.markY}, nil
}

// job is a document being laid out: the setter and what the first pass
// (measure) found for the second (draw).
type job struct {
	w          *Writer
	d          *convert.Document
	t          *setter
	printTitle bool
	head       string // the running head's text ("" for none)
	figs       []convert.Figure
	// toc: a contents page (asked for, and the document has headings).
	toc bool
	// From the first pass: the page (from 0, contents pages counted) and
	// top of every heading, the number of contents pages (with the
	// title block) and of body pages.
	markPage    []int
	markY       []float64
	front, body int
	faces       []*face
	info        docInfo
	// Counts reported by the first pass, restored after the second.
	missing map[rune]int
	content contentStats
	// frontPages are the title block and contents pages (with a contents
	// page), laid out by the first pass after the body.
	frontPages []page
	// The structure elements of the first pass (all of them, those of
	// the contents last), the state of the tagging where the body
	// starts and the number of elements where it ends.
	elems     []selem
	bodyTags  tagState
	bodyElems int
}

// tagState is the setter's tagging state between blocks.
type tagState struct {
	elems       int
	parent      int32
	titleTagged bool
	hTop, hLast int
}

func (t *setter) tagState() tagState {
	return tagState{len(t.elems), t.parent, t.titleTagged, t.hTop, t.hLast}
}

// setTags sets the tagging state: s, with the first elements of elems
// (nil: the start of a document). The elements laid out next are written
// over those that follow in elems: the second pass lays out the same
// elements as the first, in place (the renderer reads them).
func (t *setter) setTags(s tagState, elems []selem) {
	t.elems = elems[:s.elems]
	t.parent, t.titleTagged, t.hTop, t.hLast = s.parent, s.titleTagged, s.hTop, s.hLast
}

// setup makes the setter of d: language, fonts, page geometry.
func (w *Writer) setup(ctx context.Context, d *convert.Document) (*setter, error) {
	ps := strings.ToLower(strings.TrimSpace(w.PageSize))
	if ps == "" {
		ps = "a4"
	}
	dim, ok := pageSizes[ps]
	if !ok {
		return nil, fmt.Errorf("pdf: unknown page size %q (want %s): %w", w.PageSize, strings.Join(PageSizes, ", "), convert.ErrInvalidInput)
	}
	switch w.Standard {
	case "", StandardUA1:
	default:
		return nil, fmt.Errorf("pdf: unknown PDF standard %q (want %s): %w", w.Standard, strings.Join(Standards, ", "), convert.ErrInvalidInput)
	}
	switch w.Notes {
	case "", NotesFoot, NotesEnd:
	default:
		return nil, fmt.Errorf("pdf: unknown note placement %q (want foot or end): %w", w.Notes, convert.ErrInvalidInput)
	}
	if w.Untagged && w.Standard != "" {
		return nil, fmt.Errorf("pdf: PDF standard %s needs a tagged PDF: %w", w.Standard, convert.ErrInvalidInput)
	}
	lang := d.Meta.Lang
	if lang == "" || lang == "und" {
		lang = convert.DocumentLanguage(d)
	}
	var user fonts.Chain
	named := map[*fonts.Font]bool{}
	for _, spec := range w.FontSpecs {
		f, err := fonts.ResolveLang(spec, lang)
		if err != nil {
			return nil, fmt.Errorf("pdf: font %q: %w", spec, err)
		}
		user = append(user, f)
		named[f] = true
	}
	user = append(user, w.Fonts...)
	var kept fonts.Chain
	for _, f := range user {
		if f == nil {
			continue
		}
		if fs := f.FSType(); fs&0x0002 != 0 && fs&0x000C == 0 || fs&0x0300 != 0 {
			w.Report.Warn("pdf: font %s forbids embedding (fsType %#x); not used", f, fs)
			continue
		}
		kept = append(kept, f)
	}

	cjk := convert.IsCJKLang(lang)
	fs, err := newFontSet(kept, lang, cjk)
	if err != nil {
		return nil, err
	}
	for _, f := range kept {
		// The bold face of a font named by FontSpecs, when its family has
		// one installed (Noto Serif CJK TC Bold for Noto Serif CJK TC),
		// rather than synthetic bold. Fonts given as Fonts are used as
		// given.
		if !named[f] {
			continue
		}
		if b, err := fonts.BoldSibling(f); err == nil && b.FSType()&0x0302 == 0 {
			fs.useBold(f, b)
		}
	}
	t := &setter{
		goctx:     ctx,
		fs:        fs,
		lang:      lang,
		cjk:       cjk,
		widePunct: cjk && !strings.HasPrefix(strings.ToLower(lang), "ko"),
		keepAll:   strings.HasPrefix(strings.ToLower(lang), "ko"),
		loc:       localeFor(lang),
		pageW:     dim[0],
		pageH:     dim[1],
	}
	t.size = w.FontSize
	if t.size == 0 {
		switch {
		case ps == "a5":
			t.size = 9.5
		case cjk:
			t.size = 10.5 // 五号
		default:
			t.size = 11.5 // with the wider margins below: about 80 characters a line
		}
	}
	t.lead = 1.75
	if !cjk {
		t.lead = 1.45
	}
	t.indent = w.Indent
	if t.indent == 0 {
		switch {
		case !cjk:
			t.indent = 1.5
		case strings.HasPrefix(strings.ToLower(lang), "ja"):
			t.indent = 1 // Japanese indents one character, Chinese two
		default:
			t.indent = 2
		}
	}
	if w.NoIndent {
		t.indent = 0
	}
	m := w.Margins
	if m.Top == 0 {
		m.Top = math.Round(t.pageH * 0.09)
	}
	if m.Bottom == 0 {
		m.Bottom = math.Round(t.pageH * 0.09)
	}
	side := 0.11
	if !cjk {
		side = 0.15
	}
	if m.Left == 0 {
		m.Left = math.Round(t.pageW * side)
	}
	if m.Right == 0 {
		m.Right = math.Round(t.pageW * side)
	}
	t.top, t.bottom, t.left = m.Top, m.Bottom, m.Left
	t.measure = t.pageW - m.Left - m.Right
	if t.measure < t.size*4 || t.pageH-m.Top-m.Bottom < t.size*6 {
		return nil, fmt.Errorf("pdf: margins leave no room for text: %w", convert.ErrInvalidInput)
	}
	if cjk {
		// A whole number of characters per line: most lines then need no
		// justification at all.
		n := math.Floor(t.measure/t.size + 1e-9)
		extra := t.measure - n*t.size
		t.measure = n * t.size
		t.left += extra * m.Left / (m.Left + m.Right)
	}
	t.notes.end = w.Notes == NotesEnd
	t.numberNotes(d.Blocks)
	return t, nil
}

// flow lays out the body (after the title block, when there is no
// contents page: with one, the title block is laid out before and set
// with the contents) and gives each page to emit as soon as it is final;
// markPage is told the body page (from 0) and top of every heading.
func (j *job) flow(emit func(page), markPage func(m, page int, y float64)) {
	t := j.t
	t.out, t.outBase, t.marks, t.pageBreak = nil, 0, t.marks[:0], false
	t.resetNotes()
	p := t.newPaginator(emit, markPage)
	t.sink = p.add
	defer func() { t.sink = nil }()
	c := t.bodyCtx()
	if j.printTitle && !j.toc {
		j.title(c)
		t.handOver(t.n())
	}
	t.bodyStart = t.n()
	bs := j.d.Blocks
	for i, b := range bs {
		if t.cancelled() {
			return
		}
		// As setter.blocks does, a block at a time: its slices are final
		// once it is laid out.
		t.afterText = i == 0
		if i > 0 {
			switch bs[i-1].(type) {
			case *convert.Paragraph, *convert.Heading:
				t.afterText = true
			}
		}
		t.block(b, c, i == 0)
		t.layoutNotes() // those the block references, before its slices are paginated
		t.handOver(t.n())
	}
	t.endNotes(topLevel(bs))
	t.handOver(t.n())
	if len(j.figs) > 0 {
		t.figuresTable(j.figs)
		t.handOver(t.n())
	}
	p.finish()
}

// title lays out the title block (unless the first block repeats it).
func (j *job) title(c ctx) {
	if len(j.d.Blocks) == 0 || !sameAsTitle(j.d.Blocks[0], j.d.Meta.Title) {
		j.t.title(&j.d.Meta, c)
	}
}

// measure is the first pass: it lays d out and paginates it, keeping only
// what the second pass needs to draw the pages as they come — the pages
// of the headings, the page count, the fonts in order of first use and
// their glyphs.
func (w *Writer) measure(ctx context.Context, d *convert.Document) (*job, error) {
	t, err := w.setup(ctx, d)
	if err != nil {
		return nil, err
	}
	j := &job{w: w, d: d, t: t}
	j.printTitle = d.Meta.Title != "" && d.Meta.Title != w.FileTitle
	if w.FiguresTable {
		j.figs = figuresOf(d)
	}
	j.toc = w.TOC
	// The faces each body page uses first (of those not used by an
	// earlier body page), in the order of their first item.
	var newFaces map[int][]*face
	var bodyOrder map[*face]bool
	var titleSlices []slice
	for {
		// The title block comes first (its structure elements, and the
		// heading levels under it, are as in the file), set apart when
		// it goes with the contents.
		t.setTags(tagState{}, nil)
		titleSlices = nil
		if j.printTitle && j.toc {
			t.out, t.outBase = nil, 0
			j.title(t.bodyCtx())
			titleSlices, t.out = t.out, nil
		}
		j.bodyTags = t.tagState()
		j.markPage, j.markY, j.body = nil, nil, 0
		newFaces, bodyOrder = map[int][]*face{}, map[*face]bool{}
		t.measuring = true
		j.flow(func(pg page) {
			for _, it := range pg.items {
				if (it.kind == itText || it.kind == itActual) && !bodyOrder[it.face] {
					bodyOrder[it.face] = true
					newFaces[j.body] = append(newFaces[j.body], it.face)
				}
			}
			j.body++
		}, func(m, pg int, y float64) {
			for len(j.markPage) <= m {
				j.markPage = append(j.markPage, 0)
				j.markY = append(j.markY, 0)
			}
			j.markPage[m], j.markY[m] = pg, y
		})
		t.measuring = false
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if !j.toc || len(t.marks) > 0 {
			break
		}
		// Contents asked for, but no headings: the title block is the
		// body's start. Measure again.
		j.toc = false
	}
	j.bodyElems = len(t.elems)
	if len(j.markPage) != len(t.marks) {
		return nil, fmt.Errorf("pdf: internal error: %d headings, %d placed", len(t.marks), len(j.markPage))
	}

	// With a contents page, the first pages hold the title block and the
	// contents, and the body starts on a new page. The contents are laid
	// out until their page count is stable (it shifts the page numbers).
	var front []page
	if j.toc {
		k := 1
		elems := len(t.elems)
		for range 4 {
			t.elems = t.elems[:elems] // the elements of the last layout only
			slices := append(append([]slice(nil), titleSlices...), t.toc(func(mk int) int { return j.markPage[mk] + k + 1 })...)
			front = t.paginate(slices, nil)
			if len(front) == k {
				break
			}
			k = len(front)
		}
		j.front = len(front)
	}
	j.frontPages = front
	j.elems = t.elems
	for i := range j.markPage {
		j.markPage[i] += j.front
	}
	j.head = d.Meta.Title
	if w.NoRunningHead || !j.printTitle {
		j.head = ""
	}
	total := len(front) + j.body

	// Faces in order of first use: every page's items, then its running
	// head and folio (laid out here, so that their glyphs are in the
	// subsets too).
	var order []*face
	seen := map[*face]bool{}
	use := func(items []item) {
		for _, it := range items {
			if (it.kind == itText || it.kind == itActual) && !seen[it.face] {
				seen[it.face] = true
				order = append(order, it.face)
			}
		}
	}
	head := t.runningHead(j.head, total)
	var foot []item
	for i := range total {
		n := i + 1
		if i < len(front) {
			use(front[i].items)
		} else {
			for _, f := range newFaces[i-len(front)] {
				if !seen[f] {
					seen[f] = true
					order = append(order, f)
				}
			}
		}
		if n > 1 {
			use(head)
		}
		foot = t.folio(n, total, foot[:0])
		use(foot)
	}

	t.content.report(w.Report)
	if len(t.missing) > 0 {
		msg, n := missingReport(t.missing, w.Strict)
		if w.Strict {
			return nil, fmt.Errorf("pdf: %s: %w", msg, convert.ErrStrict)
		}
		w.Report.Warn("pdf: %s", msg)
		w.Report.Add("pdf", "characters not covered by any font", n)
	}
	if t.fs.err != nil {
		return nil, fmt.Errorf("pdf: %w", t.fs.err)
	}
	j.faces = t.fs.prepare(order)

	mod := w.ModTime
	if mod.IsZero() {
		mod = w.Time
	}
	tm, err := convert.DocumentTime(&d.Meta, &convert.Options{ModTime: mod})
	if err != nil {
		return nil, err
	}
	j.info = docInfo{
		title:    d.Meta.Title,
		author:   strings.Join(d.Meta.Authors, "; "),
		subject:  d.Meta.Description,
		keywords: strings.Join(d.Meta.Keywords, ", "),
		lang:     t.lang,
		time:     tm.UTC(),
		tagged:   !w.Untagged,
		standard: w.Standard,
	}
	if w.Standard == StandardUA1 && strings.TrimSpace(d.Meta.Title) == "" {
		// PDF/UA-1 (7.1) asks for a title in the metadata, which viewers
		// show (DisplayDocTitle).
		w.Report.Warn("pdf: PDF/UA-1 asks for a document title and the document has none (-M title=…)")
	}
	j.missing, j.content = t.missing, t.content
	return j, nil
}

// draw is the second pass: it lays the document out again, as measure
// did, and gives every page, with its running head and folio, to emit as
// soon as it is final.
func (j *job) draw(ctx context.Context, emit func(page)) error {
	t := j.t
	// The first pass counted what is reported; this one counts again.
	t.missing, t.content = nil, contentStats{}
	defer func() { t.missing, t.content = j.missing, j.content }()
	total := j.front + j.body
	head := t.runningHead(j.head, total)
	n := 0
	decorate := func(pg page) {
		n++
		t.decorate(&pg, head, n, total)
		emit(pg)
	}
	marks := len(t.marks)
	for i, pg := range j.frontPages {
		j.frontPages[i] = page{} // drawn once
		decorate(pg)
	}
	if j.toc {
		t.setTags(j.bodyTags, j.elems)
	} else {
		t.setTags(tagState{}, j.elems)
	}
	var ys []float64
	j.flow(decorate, func(m, pg int, y float64) { ys = append(ys, y) })
	if err := ctx.Err(); err != nil {
		return err
	}
	if n != total || len(t.marks) != marks || len(ys) != marks || len(t.elems) != j.bodyElems {
		return fmt.Errorf("pdf: internal error: the second layout differs from the first (%d pages, then %d)", total, n)
	}
	return nil
}

// sameAsTitle reports whether the first block is a heading repeating the
// title (then no separate title block is set).
func sameAsTitle(b convert.Block, title string) bool {
	h, ok := b.(*convert.Heading)
	return ok && (title == "" || strings.TrimSpace(h.Text()) == strings.TrimSpace(title))
}

// useBold sets bold text drawn with f in bold instead: every bold style's
// chain gets b where it had f, without synthetic bold.
func (fs *fontSet) useBold(f, b *fonts.Font) {
	for st := range fs.chains {
		if style(st)&stBold == 0 {
			continue
		}
		for i, e := range fs.chains[st] {
			if e.face != nil && e.face.font == f {
				fs.chains[st][i] = chainEntry{face: fs.face(b)}
			}
		}
	}
}
