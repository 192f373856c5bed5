package epub

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha1"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	goepub "github.com/go-shiori/go-epub"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
	"github.com/docconv/docconv/fonts"
)

// MediaType is the IANA media type of EPUB.
const MediaType = "application/epub+zip"

// DefaultMaxDocumentSize is the largest body, in bytes, of one XHTML content
// document when Writer.MaxDocumentSize is 0. Some reading systems load a
// whole content document at once; 300 KB is the usual ceiling.
const DefaultMaxDocumentSize = 256 << 10

// NewWriter returns the Writer the format registry gives for opts (what
// convert.Write uses): FiguresTable, Fonts, EmbedFonts, ModTime, Strict,
// Report, the file-name title, and the variable epub.max-document-size.
// A nil opts gives the zero Writer's settings.
func NewWriter(o *convert.Options) *Writer {
	if o == nil {
		o = &convert.Options{}
	}
	w := &Writer{
		FiguresTable: o.FiguresTable,
		Fonts:        o.Fonts,
		EmbedFonts:   o.EmbedFonts,
		ModTime:      o.ModTime,
		Strict:       o.Strict,
		Report:       o.Report,
		FileTitle:    o.FileTitle(),
		CoverImage:   o.CoverImage,
	}
	if v, ok := o.Var("epub", "max-document-size"); ok {
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n > 0 {
			w.MaxDocumentSize = n
		} else {
			o.Report.Warn("epub: -V epub.max-document-size=%q is not a positive number of bytes; using %d", v, DefaultMaxDocumentSize)
		}
	}
	return w
}

// File names the writer gives inside the container.
const (
	titlePageName = "titlepage.xhtml"
	figuresName   = "figures.xhtml"
)

func init() {
	convert.Register(convert.Format{
		Name:        "epub",
		Extensions:  []string{"epub"},
		MediaType:   MediaType,
		Binary:      true,
		Description: "EPUB 3 e-book (reproducible, with navigation, CJK typesetting CSS and optional font subsets)",
		NewWriter:   func(o *convert.Options) convert.Writer { return NewWriter(o) },
		Variables: []convert.Variable{
			{Key: "max-document-size", Kind: convert.VarInt, Min: 1, Default: "262144", Usage: "largest body of one XHTML content document in bytes; longer chapters are split"},
		},
	})
	// go-epub stages the book in a file system before zipping it; keep
	// that in memory. Its in-memory file system is a plain map, so every
	// use of go-epub in this package holds goepubMu.
	_ = goepub.Use(goepub.MemoryFS)
}

// goepubMu serializes go-epub's WriteTo calls (see init).
var goepubMu sync.Mutex

// Writer writes a Document as an EPUB 3 publication. The zero value is
// ready to use and writes a book with a title page, one content document
// per top-level section and a navigation document, with no embedded fonts.
type Writer struct {
	// FiguresTable appends a section listing the document's figures
	// (figures.Of) in a table.
	FiguresTable bool
	// Fonts are font family names (or font files, whose family is used)
	// put first in the stylesheet's font stacks, before the language's
	// defaults. They are referenced, not embedded.
	Fonts []string
	// EmbedFonts are fonts (names or files, as fonts.Resolve takes them)
	// to embed as subsets holding only the characters the book uses; they
	// come first in the font stacks.
	EmbedFonts []string
	// ModTime is the dcterms:modified time and the time of every ZIP
	// entry. Zero means convert.DocumentTime: Meta.Date, else
	// SOURCE_DATE_EPOCH, else convert.DefaultTime.
	ModTime time.Time
	// MaxDocumentSize caps the body of one content document, in bytes; a
	// longer section is split across documents (between blocks, or
	// between rows, items, lines or sentences of a block). 0 means
	// DefaultMaxDocumentSize. Format variable "epub.max-document-size".
	MaxDocumentSize int
	// Strict makes repairs an error wrapping convert.ErrStrict: characters
	// XML forbids, invalid UTF-8, links that cannot be kept.
	Strict bool
	// Report receives counts and warnings; nil discards them.
	Report *convert.Report
	// FileTitle is a title made from the input's file name (see
	// convert.Options.FileTitle). When Meta.Title is just that, it stays
	// dc:title (which EPUB requires) but the title page does not print it
	// as a heading: the page shows the subtitle, authors and date if there
	// are any, and is left out of the book otherwise (see the package
	// documentation). Empty means every title is a real one.
	FileTitle string
	// CoverImage is an image file for the cover (pandoc's
	// --epub-cover-image): stored as the manifest's cover-image and shown
	// on a cover page first in the spine. "" means no cover.
	CoverImage string
}

// book is everything the writer derived from the document.
type book struct {
	lang        string
	script      script
	labels      labels
	title       string
	subtitle    string
	authors     []string
	date        string // W3CDTF for dc:date; "" when unknown
	keywords    []string
	description string
	source      string
	identifier  string
	modified    time.Time
	ruby        bool
	// fileTitle: title is only the title made from the file name.
	fileTitle bool

	cover     *contentDoc
	titlePage *contentDoc
	content   []*contentDoc
	figures   *contentDoc
	nav       []*navNode
	fonts     []embeddedFont
	images    []*bookImage
	css       string
	// imagesShown: the content shows images (accessibility metadata).
	imagesShown bool
}

// Write writes d to out as an EPUB. It does not modify d. The output depends
// only on d and the writer's settings.
func (w *Writer) Write(ctx context.Context, out io.Writer, d *convert.Document) error {
	if d == nil {
		return errors.New("epub: nil document")
	}
	bw := bufio.NewWriterSize(out, 64<<10)
	if err := w.write(ctx, bw, d); err != nil {
		return err
	}
	return bw.Flush()
}

func (w *Writer) write(ctx context.Context, out io.Writer, d *convert.Document) error {
	sp := &spool{}
	defer sp.close()
	b, r, err := w.prepare(d, sp)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	staged, err := w.stage(b)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	entries, err := rewrite(b, staged)
	if err != nil {
		return err
	}
	if err := writeContainer(out, entries, b.modified); err != nil {
		return err
	}
	rep := w.Report
	rep.Add("epub", "content documents", len(b.content))
	if r.stats.dropped > 0 {
		rep.Warn("epub: %s that XML does not allow (control characters) %s left out", convert.Count{N: r.stats.dropped, What: "characters"}, wasWere(r.stats.dropped))
	}
	if r.stats.invalidUTF8 > 0 {
		rep.Warn("epub: %s %s replaced by U+FFFD", convert.Count{N: r.stats.invalidUTF8, What: "invalid UTF-8 sequences"}, wasWere(r.stats.invalidUTF8))
	}
	if r.stats.linksPlain > 0 {
		what := fmt.Sprintf("%d links to targets outside the book (relative files, unknown anchors, unsupported schemes) were", r.stats.linksPlain)
		if r.stats.linksPlain == 1 {
			what = "1 link to a target outside the book (a relative file, an unknown anchor or an unsupported scheme) was"
		}
		rep.Warn("epub: %s kept as plain text", what)
	}
	return nil
}

// prepare derives the book from the document: metadata, rendered content
// documents, navigation, fonts and stylesheet.
func (w *Writer) prepare(d *convert.Document, sp *spool) (*book, *renderer, error) {
	m := &d.Meta
	b := &book{lang: "und"}
	if tag := strings.TrimSpace(m.Lang); tag != "" {
		if convert.ValidLangTag(tag) {
			b.lang = tag
		} else {
			w.Report.Warn("epub: language %q is not a BCP 47 tag; using \"und\"", tag)
		}
	}
	b.script = scriptOf(b.lang)
	b.labels = labelsByScript[b.script]
	b.title = oneLine(m.Title)
	if b.title == "" {
		for _, bl := range d.Blocks {
			if h, ok := bl.(*convert.Heading); ok {
				if b.title = oneLine(h.Text()); b.title != "" {
					break
				}
			}
		}
	}
	if b.title == "" {
		b.title = b.labels.untitled
	}
	b.fileTitle = w.FileTitle != "" && b.title == oneLine(w.FileTitle)
	b.subtitle = oneLine(m.Subtitle)
	for _, a := range m.Authors {
		if a = oneLine(a); a != "" {
			b.authors = append(b.authors, a)
		}
	}
	for _, k := range m.Keywords {
		if k = oneLine(k); k != "" {
			b.keywords = append(b.keywords, k)
		}
	}
	b.description = strings.TrimSpace(m.Description)
	b.source = oneLine(m.Source)
	b.date = w3cDate(m.Date)
	modified, err := convert.DocumentTime(m, &convert.Options{ModTime: w.ModTime})
	if err != nil {
		return nil, nil, err
	}
	b.modified = modified.Truncate(time.Second)
	b.identifier = strings.TrimSpace(m.Identifier)
	if b.identifier == "" {
		b.identifier = "urn:uuid:" + contentUUID(d)
	}

	limit := w.MaxDocumentSize
	if limit <= 0 {
		limit = DefaultMaxDocumentSize
	}
	r := &renderer{cjk: b.script.cjk()}
	r.assignIDs(d.Blocks)
	if err := w.collectImages(b, r, d); err != nil {
		return nil, nil, err
	}
	if w.CoverImage != "" {
		if err := w.addCover(b); err != nil {
			return nil, nil, err
		}
	}
	var toc []*tocEntry
	r.spool = sp
	if b.content, toc, err = r.split(d.Blocks, limit, 1, b.title); err != nil {
		return nil, nil, err
	}
	// A title made from the file name is no title to show: without a
	// subtitle, authors or a date there is no title page at all, unless the
	// book would then have nothing to read.
	if !b.fileTitle || b.subtitle != "" || len(b.authors) > 0 || b.date != "" || len(b.content) == 0 {
		b.titlePage = &contentDoc{name: titlePageName, title: b.title, body: titlePageBody(b)}
	}
	if w.FiguresTable {
		top := 7
		for _, e := range toc {
			top = min(top, e.level)
		}
		if top == 7 {
			top = 1
		}
		b.figures = figuresDoc(b, r, figures.Of(d), top)
		toc = append(toc, &tocEntry{level: top, text: figures.Heading(b.lang), file: figuresName, id: "figures"})
	}
	b.nav = navTree(toc)
	if len(b.nav) == 0 {
		e := &tocEntry{level: 1, text: b.title, file: titlePageName, id: "title"}
		if b.titlePage == nil {
			e.file, e.id = b.content[0].name, ""
		}
		b.nav = []*navNode{{entry: e}}
	}
	b.ruby = r.stats.ruby
	b.imagesShown = r.stats.images > 0 || b.cover != nil
	if r.stats.images == 0 && b.cover == nil {
		b.images = nil
	}
	if w.Strict {
		var problems []string
		if r.stats.dropped > 0 {
			problems = append(problems, fmt.Sprintf("%d characters XML does not allow", r.stats.dropped))
		}
		if r.stats.invalidUTF8 > 0 {
			problems = append(problems, fmt.Sprintf("%d invalid UTF-8 sequences", r.stats.invalidUTF8))
		}
		if r.stats.linksPlain > 0 {
			problems = append(problems, fmt.Sprintf("%d links to targets outside the book", r.stats.linksPlain))
		}
		if len(problems) > 0 {
			return nil, nil, fmt.Errorf("epub: %w: %s", convert.ErrStrict, strings.Join(problems, ", "))
		}
	}

	var families []string
	for _, f := range w.Fonts {
		if fam := w.familyOf(f, b.lang); fam != "" && !slices.Contains(families, fam) {
			families = append(families, fam)
		}
	}
	if len(w.EmbedFonts) > 0 {
		var err error
		if b.fonts, err = w.embedFonts(b); err != nil {
			return nil, nil, err
		}
	}
	b.css = stylesheet(b.script, families, b.fonts) + extraCSS(d.Blocks)
	return b, r, nil
}

// familyOf returns the CSS family name for a Fonts entry: the name itself
// (with the region for lang when it names an installed CJK family without
// one), or the family of a font file (for a collection of regional faces,
// the face for lang).
func (w *Writer) familyOf(spec, lang string) string {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return ""
	}
	if strings.ContainsAny(spec, `/\`) || strings.Contains(strings.ToLower(path.Ext(spec)), ".tt") || strings.Contains(strings.ToLower(path.Ext(spec)), ".ot") {
		f, err := fonts.ResolveLang(spec, lang)
		if err != nil {
			w.Report.Warn("epub: font %q left out of the font stack: %v", spec, err)
			return ""
		}
		return f.Family()
	}
	// A CJK family named without its region ("Noto Serif CJK") is not a
	// family a reading system knows: name the installed regional face for
	// the book's language ("Noto Serif CJK TC"), when there is one.
	if info, err := fonts.FindLang(spec, lang); err == nil && strings.HasPrefix(strings.ToLower(info.Family), strings.ToLower(spec)+" ") {
		return info.Family
	}
	return spec
}

// runeList names up to max runes as "U+4E00 一, …".
func runeList(rs []rune, max int) string {
	var parts []string
	for i, r := range rs {
		if i == max {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, fmt.Sprintf("U+%04X %c", r, r))
	}
	return strings.Join(parts, ", ")
}

// embedFonts subsets every EmbedFonts font to the characters of the book.
func (w *Writer) embedFonts(b *book) ([]embeddedFont, error) {
	runes, err := usedRunes(b)
	if err != nil {
		return nil, err
	}
	var out []embeddedFont
	for i, spec := range w.EmbedFonts {
		f, err := fonts.ResolveLang(spec, b.lang)
		if err != nil {
			return nil, fmt.Errorf("epub: embedding font %q: %w", spec, err)
		}
		var have, missing []rune
		for _, c := range runes {
			if f.HasGlyph(c) {
				have = append(have, c)
			} else if c > 0x7f && !unicode.IsSpace(c) {
				missing = append(missing, c)
			}
		}
		data, err := f.Subset(have)
		if err != nil {
			return nil, fmt.Errorf("epub: subsetting font %q: %w", spec, err)
		}
		family := f.Family()
		if family == "" {
			family = "Embedded " + strconv.Itoa(i+1)
		}
		ext := "ttf"
		if f.CFF() {
			ext = "otf" // an OpenType CFF subset (font/otf)
		}
		out = append(out, embeddedFont{family: family, file: fmt.Sprintf("font%d.%s", i+1, ext), data: data})
		w.Report.Add("epub", "characters in embedded font subsets", len(have))
		if len(missing) > 0 && i == 0 {
			w.Report.Warn("epub: embedded font %q lacks %d of the book's characters (%s); reading systems fall back to their own fonts for them",
				family, len(missing), runeList(missing, 10))
		}
	}
	return out, nil
}

// usedRunes returns, sorted, the characters a font subset must hold: the
// printable ASCII range and every character of the book's documents.
func usedRunes(b *book) ([]rune, error) {
	set := map[rune]bool{}
	for c := rune(0x20); c < 0x7f; c++ {
		set[c] = true
	}
	add := func(s string) {
		for _, c := range s {
			set[c] = true
		}
	}
	add(b.title)
	add(b.labels.contents)
	for _, d := range append([]*contentDoc{b.cover, b.titlePage, b.figures}, b.content...) {
		if d != nil {
			add(d.title)
			body, err := d.text()
			if err != nil {
				return nil, err
			}
			add(body)
		}
	}
	var nav func([]*navNode)
	nav = func(ns []*navNode) {
		for _, n := range ns {
			add(n.entry.text)
			nav(n.children)
		}
	}
	nav(b.nav)
	out := make([]rune, 0, len(set))
	for c := range set {
		out = append(out, c)
	}
	slices.Sort(out)
	return out, nil
}

// stage builds the book with go-epub and returns the archive it writes.
func (w *Writer) stage(b *book) ([]byte, error) {
	e, err := goepub.NewEpub(b.title)
	if err != nil {
		return nil, fmt.Errorf("epub: go-epub: %w", err)
	}
	// go-epub fetches media given as URLs; everything here is a data URL,
	// and nothing may reach the network.
	e.Client = &http.Client{Transport: noNetwork{}}
	e.SetIdentifier(b.identifier)
	e.SetLang(b.lang)
	if len(b.authors) > 0 {
		e.SetAuthor(strings.Join(b.authors, ", "))
	}
	if b.description != "" {
		e.SetDescription(b.description)
	}
	cssPath, err := e.AddCSS(dataURL("text/css", []byte(b.css)), cssName)
	if err != nil {
		return nil, fmt.Errorf("epub: go-epub: adding the stylesheet: %w", err)
	}
	for _, f := range b.fonts {
		if _, err := e.AddFont(dataURL("application/octet-stream", f.data), f.file); err != nil {
			return nil, fmt.Errorf("epub: go-epub: adding font %s: %w", f.file, err)
		}
	}
	for _, im := range b.images {
		if _, err := e.AddImage(dataURL(im.mediaType, im.data), im.file); err != nil {
			return nil, fmt.Errorf("epub: go-epub: adding image %s: %w", im.file, err)
		}
	}
	var docs []*contentDoc
	if b.cover != nil {
		docs = append(docs, b.cover)
	}
	if b.titlePage != nil {
		docs = append(docs, b.titlePage)
	}
	docs = append(docs, b.content...)
	if b.figures != nil {
		docs = append(docs, b.figures)
	}
	for _, d := range docs {
		// go-epub gets a placeholder for the body, which rewrite
		// replaces: the XHTML is already well-formed, and go-epub would
		// only copy and compress it once more.
		if _, err := e.AddSection(bodyMark, d.title, d.name, cssPath); err != nil {
			return nil, fmt.Errorf("epub: go-epub: adding %s: %w", d.name, err)
		}
	}
	var buf bytes.Buffer
	goepubMu.Lock()
	_, err = e.WriteTo(&buf)
	goepubMu.Unlock()
	if err != nil {
		return nil, fmt.Errorf("epub: go-epub: %w", err)
	}
	return buf.Bytes(), nil
}

// dataURL returns data as a base64 data URL, the form in which go-epub
// takes in-memory files.
func dataURL(mediaType string, data []byte) string {
	return "data:" + mediaType + ";base64," + base64.StdEncoding.EncodeToString(data)
}

// noNetwork is an http.RoundTripper that refuses every request.
type noNetwork struct{}

func (noNetwork) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("epub: network access disabled")
}

// titlePageBody renders the title page: title, subtitle, authors, date.
// A title made from the file name is not printed when anything else is,
// and is a small plain line otherwise.
func titlePageBody(b *book) string {
	var s strings.Builder
	switch {
	case !b.fileTitle:
		s.WriteString(`<section class="titlepage" epub:type="titlepage">` + "\n")
		fmt.Fprintf(&s, "<h1 id=\"title\">%s</h1>\n", esc(b.title))
	case b.subtitle != "" || len(b.authors) > 0 || b.date != "":
		s.WriteString(`<section class="titlepage" epub:type="titlepage" id="title">` + "\n")
	default:
		s.WriteString(`<section class="titlepage" epub:type="titlepage">` + "\n")
		fmt.Fprintf(&s, "<p class=\"filetitle\" id=\"title\">%s</p>\n", esc(b.title))
	}
	if b.subtitle != "" {
		fmt.Fprintf(&s, "<p class=\"subtitle\">%s</p>\n", esc(b.subtitle))
	}
	if len(b.authors) > 0 {
		sep := ", "
		if b.script.cjk() {
			sep = "、"
		}
		fmt.Fprintf(&s, "<p class=\"author\">%s</p>\n", esc(strings.Join(b.authors, sep)))
	}
	if b.date != "" {
		fmt.Fprintf(&s, "<p class=\"date\"><time datetime=\"%s\">%s</time></p>\n", b.date, esc(b.dateText()))
	}
	s.WriteString("</section>")
	return s.String()
}

// dateText is the date as the title page shows it.
func (b *book) dateText() string {
	t, err := convert.ParseDate(b.date)
	if err != nil || len(b.date) < len("2006-01-02") {
		return b.date
	}
	switch b.script {
	case scriptHans, scriptHant, scriptJa:
		return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
	case scriptKo:
		return fmt.Sprintf("%d년 %d월 %d일", t.Year(), t.Month(), t.Day())
	}
	return t.Format("2 January 2006")
}

// figuresDoc renders the figures section: a heading and figures.Table
// (the same table in every writer), written like any other table.
func figuresDoc(b *book, r *renderer, figs []convert.Figure, level int) *contentDoc {
	heading := figures.Heading(b.lang)
	var s strings.Builder
	fmt.Fprintf(&s, "<section class=\"figures\">\n<h%d id=\"figures\">%s</h%d>\n", level, esc(heading), level)
	r.table(&s, figures.Table(figs, b.lang))
	s.WriteString("</section>")
	return &contentDoc{name: figuresName, title: heading, body: s.String()}
}

// linkTargets adds the heading and note IDs of d's body to where, for
// resolving internal links.
func linkTargets(d *contentDoc, where map[string]string) {
	for s := d.body; ; {
		i := strings.Index(s, `<h`)
		if i < 0 {
			break
		}
		s = s[i+2:]
		if len(s) < 7 || s[0] < '1' || s[0] > '6' || !strings.HasPrefix(s[1:], ` id="`) {
			continue
		}
		id, _, _ := strings.Cut(s[6:], `"`)
		// A copy: a slice of the body would keep the body alive.
		where[strings.Clone(id)] = d.name
	}
	noteTargets(d, where)
}

// resolve replaces the placeholders of internal links in body with the
// document and ID of their target.
func resolve(body string, where map[string]string) string {
	var s strings.Builder
	rest := body
	for {
		i := strings.Index(rest, linkMark)
		if i < 0 {
			break
		}
		j := strings.Index(rest[i+1:], linkMark)
		if j < 0 {
			break
		}
		id := rest[i+1 : i+1+j]
		s.WriteString(rest[:i])
		s.WriteString(where[id] + "#" + id)
		rest = rest[i+2+j:]
	}
	s.WriteString(rest)
	return s.String()
}

// rewrite turns go-epub's archive into the final entries: a fixed order
// (mimetype, container, package document, navigation, stylesheet, fonts,
// content documents in reading order), the package document and
// navigation written here, lang and xml:lang on every XHTML document.
func rewrite(b *book, staged []byte) ([]*entry, error) {
	files, err := unzip(staged)
	if err != nil {
		return nil, err
	}
	opf, ok := files["EPUB/package.opf"]
	if !ok {
		return nil, errors.New("epub: go-epub wrote no EPUB/package.opf")
	}
	gp, err := parseGoepubPackage(opf)
	if err != nil {
		return nil, err
	}
	for i := range gp.Manifest {
		it := &gp.Manifest[i]
		if strings.HasPrefix(it.Href, "fonts/") {
			it.MediaType = "font/ttf"
			if strings.HasSuffix(it.Href, ".otf") {
				it.MediaType = "font/otf"
			}
		}
		if it.Href == "css/"+cssName {
			it.MediaType = "text/css"
		}
		if strings.HasPrefix(it.Href, "images/") {
			for _, im := range b.images {
				if it.Href == "images/"+im.file {
					it.MediaType = im.mediaType
					if im.cover {
						it.Properties = "cover-image"
					}
				}
			}
		}
	}
	container, ok := files["META-INF/container.xml"]
	if !ok {
		return nil, errors.New("epub: go-epub wrote no META-INF/container.xml")
	}
	entries := []*entry{
		{name: "mimetype", data: []byte(MediaType), store: true},
		{name: "META-INF/container.xml", data: container},
		{name: "EPUB/package.opf", data: []byte(packageDocument(b, gp))},
		{name: "EPUB/nav.xhtml", data: []byte(navDocument(b))},
		{name: "EPUB/toc.ncx", data: []byte(ncxDocument(b))},
	}
	done := map[string]bool{"mimetype": true, "EPUB/package.opf": true, "EPUB/nav.xhtml": true, "EPUB/toc.ncx": true, "META-INF/container.xml": true}
	add := func(name string) error {
		data, ok := files[name]
		if !ok {
			return fmt.Errorf("epub: go-epub wrote no %s", name)
		}
		if strings.HasSuffix(name, ".xhtml") {
			if data, err = setLang(data, b.lang); err != nil {
				return fmt.Errorf("epub: %s: %w", name, err)
			}
		}
		entries = append(entries, &entry{name: name, data: data})
		done[name] = true
		return nil
	}
	if err := add("EPUB/css/" + cssName); err != nil {
		return nil, err
	}
	for _, f := range b.fonts {
		if err := add("EPUB/fonts/" + f.file); err != nil {
			return nil, err
		}
	}
	imgs := slices.Clone(b.images)
	slices.SortFunc(imgs, func(x, y *bookImage) int { return strings.Compare(x.file, y.file) })
	for _, im := range imgs {
		if err := add("EPUB/images/" + im.file); err != nil {
			return nil, err
		}
	}
	hrefs := map[string]string{}
	for _, it := range gp.Manifest {
		hrefs[it.ID] = it.Href
	}
	bodies := map[string]*contentDoc{}
	for _, d := range append([]*contentDoc{b.cover, b.titlePage, b.figures}, b.content...) {
		if d != nil {
			bodies["EPUB/xhtml/"+d.name] = d
		}
	}
	for _, ref := range gp.Spine {
		name := "EPUB/" + hrefs[ref.IDRef]
		if err := add(name); err != nil {
			return nil, err
		}
		e := entries[len(entries)-1]
		i := bytes.Index(e.data, []byte(bodyMark))
		doc, ok := bodies[name]
		if i < 0 || !ok {
			return nil, fmt.Errorf("epub: %s: go-epub's document has no body placeholder", name)
		}
		// The body goes between: writeContainer reads the three parts.
		e.data, e.doc, e.tail = e.data[:i], doc, e.data[i+len(bodyMark):]
	}
	var rest []string
	for name := range files {
		if !done[name] {
			rest = append(rest, name)
		}
	}
	if len(rest) > 0 {
		slices.Sort(rest)
		return nil, fmt.Errorf("epub: go-epub wrote unexpected files: %s", strings.Join(rest, ", "))
	}
	return entries, nil
}

// bodyMark stands for a content document's body in what go-epub writes.
const bodyMark = "<!--docconv:body-->"

// htmlStart is the root element start go-epub writes.
var htmlStart = []byte(`<html xmlns="http://www.w3.org/1999/xhtml"`)

// setLang adds lang and xml:lang to the root element of an XHTML document.
func setLang(data []byte, lang string) ([]byte, error) {
	i := bytes.Index(data, htmlStart)
	if i < 0 {
		return nil, errors.New("no XHTML root element")
	}
	i += len(htmlStart)
	attr := ` lang="` + lang + `" xml:lang="` + lang + `"`
	out := make([]byte, 0, len(data)+len(attr))
	out = append(out, data[:i]...)
	out = append(out, attr...)
	return append(out, data[i:]...), nil
}

// contentUUID returns a version 5 (SHA-1, RFC 9562) UUID derived from the
// document's metadata and text, so that the same content gets the same
// identifier and different content a different one.
func contentUUID(d *convert.Document) string {
	// Namespace: the version 5 UUID of the URL below in the URL namespace.
	ns := v5([16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8},
		"https://github.com/docconv/docconv/formats/epub")
	m := d.Meta
	h := sha1.New()
	h.Write(ns[:])
	for _, f := range []string{m.Title, m.Subtitle, strings.Join(m.Authors, "\x1e"), m.Date, m.Lang, m.Source} {
		io.WriteString(h, f)
		h.Write([]byte{0x1f})
	}
	for _, b := range d.Blocks {
		io.WriteString(h, convert.BlockText(b))
		h.Write([]byte{'\n'})
	}
	return formatUUID(sum5(h.Sum(nil)))
}

// v5 returns the version 5 UUID of name in namespace ns.
func v5(ns [16]byte, name string) [16]byte {
	h := sha1.New()
	h.Write(ns[:])
	io.WriteString(h, name)
	return sum5(h.Sum(nil))
}

// sum5 turns a SHA-1 sum into a version 5, variant 10 UUID.
func sum5(sum []byte) [16]byte {
	var u [16]byte
	copy(u[:], sum)
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return u
}

func formatUUID(u [16]byte) string {
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// oneLine collapses runs of white space (line breaks included) to one space
// and trims the ends.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// w3cDate returns a metadata date in the W3CDTF form dc:date wants: as
// written when it already is one, else parsed (2024年1月2日, 2024/01/02…)
// and formatted as YYYY-MM-DD; "" when it is no date.
func w3cDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if isoDate.MatchString(s) {
		// The form is right; the day must exist too (2024-02-30 is
		// epubcheck OPF-053).
		if _, err := convert.ParseDate(s[:min(len(s), len("2006-01-02"))]); err != nil {
			return ""
		}
		return s
	}
	t, err := convert.ParseDate(s)
	if err != nil {
		return ""
	}
	if t.Hour() != 0 || t.Minute() != 0 || t.Second() != 0 {
		return t.UTC().Format("2006-01-02T15:04:05Z")
	}
	return t.Format("2006-01-02")
}

func wasWere(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}
