package pdf

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"

	"github.com/docconv/docconv/convert"
	"github.com/jung-kurt/gofpdf"
)

// docInfo is the metadata written into the PDF.
type docInfo struct {
	title, author, subject, keywords string
	lang                             string
	time                             time.Time
	// tagged writes a tagged PDF (tagged.go); standard is "" or
	// StandardUA1.
	tagged   bool
	standard string
	// images are drawn as /ImN (image.go); postProcess writes them.
	images []*pdfImage
}

// outlineLevels returns the outline level (0: top) of every heading:
// its heading level counted from the document's highest heading (a
// document whose sections are all H2 under an H1 title has them all at the
// top), never more than one below the bookmark before (gofpdf nests by
// level).
func outlineLevels(marks []mark) []int {
	top := 0
	for i, m := range marks {
		if i == 0 || m.level < top {
			top = m.level
		}
	}
	levels := make([]int, len(marks))
	last := -1
	for i, m := range marks {
		levels[i] = max(0, min(m.level-top, last+1))
		last = levels[i]
	}
	return levels
}

// renderer draws pages with gofpdf as they come: only positioned text
// runs (Fpdf.Text, with character spacing and render mode set through raw
// operators), rectangles, lines, links and bookmarks. It never uses
// gofpdf's own line breaking. Each page's content is taken out of gofpdf
// once drawn (see contentStore), so that gofpdf holds the document's
// structure, not its text.
type renderer struct {
	t         *setter
	pdf       *gofpdf.Fpdf
	faces     []*face
	info      docInfo
	bookmarks []mark
	markY     []float64
	links     []int
	byID      map[string]int
	levels    []int
	cur       struct {
		face  *face
		size  float64
		text  rgb
		fill  rgb
		draw  rgb
		lw    float64
		init  bool
		outLv int
	}
	raw   strings.Builder
	store contentStore
	g     *tagger // a tagged PDF's marked content (tagged.go)
	n     int     // pages drawn
	// for the structure tree
	markPage []int
}

// newRenderer starts a PDF with the document's metadata, fonts and the
// destinations of its headings (page and top of each, from markPage and
// markY); elems are the structure elements of a tagged PDF.
func newRenderer(t *setter, faces []*face, info docInfo, bookmarks []mark, markPage []int, markY []float64, elems []selem) (*renderer, error) {
	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "pt", Size: gofpdf.SizeType{Wd: t.pageW, Ht: t.pageH}})
	pdf.SetCompression(false) // postProcess compresses the streams
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(info.time)
	pdf.SetModificationDate(info.time)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	if info.title != "" {
		pdf.SetTitle(bmpOnly(info.title), true)
	}
	if info.author != "" {
		pdf.SetAuthor(bmpOnly(info.author), true)
	}
	if info.subject != "" {
		pdf.SetSubject(bmpOnly(info.subject), true)
	}
	if info.keywords != "" {
		pdf.SetKeywords(bmpOnly(info.keywords), true)
	}
	pdf.SetCreator("docconv", true)
	pdf.SetProducer("docconv "+convert.Version+" (gofpdf 1.16.2)", true)

	for _, f := range faces {
		var font []byte
		if f.font.CFF() {
			var err error
			if font, err = addCFFFont(f); err != nil {
				return nil, fmt.Errorf("pdf: subsetting %s: %w", f.font, err)
			}
		} else {
			data, err := f.font.Subset(f.runes())
			if err != nil {
				return nil, fmt.Errorf("pdf: subsetting %s: %w", f.font, err)
			}
			font = slimFont(data, widenGlyphs(data, f.wide, f.box), f.box)
		}
		pdf.AddUTF8FontFromBytes(f.key, "", font)
		if err := pdf.Error(); err != nil {
			return nil, fmt.Errorf("pdf: adding font %s: %w", f.font, err)
		}
	}

	r := &renderer{t: t, pdf: pdf, faces: faces, info: info, bookmarks: bookmarks, markY: markY, markPage: markPage}
	if info.tagged {
		r.g = newTagger(elems, pdf.RawWriteStr)
	}
	r.links = make([]int, len(bookmarks))
	r.byID = map[string]int{}
	for m := range bookmarks {
		if id := bookmarks[m].id; id != "" {
			if _, dup := r.byID[id]; !dup {
				r.byID[id] = m
			}
		}
		r.links[m] = pdf.AddLink()
		pdf.SetLink(r.links[m], markY[m], markPage[m]+1)
	}
	r.levels = outlineLevels(bookmarks)
	return r, nil
}

func (r *renderer) setText(c rgb) {
	if !r.cur.init || r.cur.text != c {
		r.pdf.SetTextColor(int(c.r*255+0.5), int(c.g*255+0.5), int(c.b*255+0.5))
		r.cur.text = c
	}
}

func (r *renderer) setFill(c rgb) {
	if !r.cur.init || r.cur.fill != c {
		r.pdf.SetFillColor(int(c.r*255+0.5), int(c.g*255+0.5), int(c.b*255+0.5))
		r.cur.fill = c
	}
}

func (r *renderer) setDraw(c rgb, lw float64) {
	r.pdf.SetDrawColor(int(c.r*255+0.5), int(c.g*255+0.5), int(c.b*255+0.5))
	r.pdf.SetLineWidth(lw)
}

// page draws the next page.
func (r *renderer) page(pg page) {
	t, pdf, cur, faces, g := r.t, r.pdf, &r.cur, r.faces, r.g
	setText, setFill, setDraw := r.setText, r.setFill, r.setDraw
	bookmarks, markY, links, byID, levels := r.bookmarks, r.markY, r.links, r.byID, r.levels
	raw := &r.raw
	pdf.AddPage()
	cur.init = false
	setText(black)
	setFill(black)
	cur.init = true
	if g != nil {
		g.startPage(r.n)
	}
	r.n++
	for _, it := range pg.items {
		if g != nil {
			switch it.kind {
			case itLink:
				// Link annotations are written by postProcess, with
				// their structure parent.
				a := annot{x: it.x, y: it.y, w: it.w, h: it.h, uri: it.url, dest: -1, tag: it.tag}
				if id, ok := strings.CutPrefix(it.url, "#"); ok {
					m, ok := byID[id]
					if !ok {
						continue
					}
					a.uri, a.dest = "", m
				}
				g.link(a)
				continue
			case itGoto:
				g.link(annot{x: it.x, y: it.y, w: it.w, h: it.h, dest: it.dest, tag: it.tag})
				continue
			default:
				g.content(it.tag)
			}
		}
		switch it.kind {
		case itText:
			if cur.face != it.face || cur.size != it.size {
				pdf.SetFont(it.face.key, "", it.size)
				cur.face, cur.size = it.face, it.size
			}
			setText(it.color)
			raw.Reset()
			if it.slant {
				// Shear about the baseline: x' = x + 0.2 (y - baseline).
				base := (t.pageH - it.y)
				fmt.Fprintf(raw, "q 1 0 0.2 1 %.3f 0 cm ", -0.2*base)
			}
			if it.synth {
				fmt.Fprintf(raw, "q %s RG %.3f w 2 Tr ", colorOps(it.color), it.size*0.035)
			}
			if it.tc > 0.0005 || it.tc < -0.0005 {
				fmt.Fprintf(raw, "q %.4f Tc", it.tc)
			}
			if it.actual != "" {
				// A right-to-left run, drawn in visual order: text
				// extraction reads its logical order (bidi.go).
				pdf.RawWriteStr(fmt.Sprintf("/Span <</ActualText %s>> BDC", utf16Hex(it.actual)))
			}
			if raw.Len() > 0 {
				pdf.RawWriteStr(raw.String())
			}
			pdf.Text(it.x, it.y, it.text)
			if n := strings.Count(raw.String(), "q "); n > 0 {
				pdf.RawWriteStr(strings.Repeat("Q ", n-1) + "Q")
			}
			if it.actual != "" {
				pdf.RawWriteStr("EMC")
			}
		case itActual:
			if cur.face != it.face || cur.size != it.size {
				pdf.SetFont(it.face.key, "", it.size)
				cur.face, cur.size = it.face, it.size
			}
			// A space glyph (which draws nothing) in the normal
			// render mode: MuPDF 1.21 ignores /ActualText and would
			// break the extracted line at an invisible (3 Tr) glyph.
			pdf.RawWriteStr(fmt.Sprintf("/Span <</ActualText %s>> BDC q %.4f Tc", utf16Hex(it.text), it.tc))
			pdf.Text(it.x, it.y, " ")
			pdf.RawWriteStr("Q EMC")
		case itRect:
			if it.fill {
				setFill(it.color)
				pdf.Rect(it.x, it.y, it.w, it.h, "F")
			} else {
				setDraw(it.color, it.lw)
				pdf.Rect(it.x, it.y, it.w, it.h, "D")
			}
		case itDot:
			setFill(it.color)
			pdf.Circle(it.x, it.y, it.w, "F")
		case itLine:
			setDraw(it.color, it.lw)
			if it.w != 0 && it.h != 0 {
				pdf.Line(it.x, it.y, it.x+it.w, it.y+it.h) // a slanted stroke (a check mark)
			} else if it.w > 0 {
				pdf.Line(it.x, it.y, it.x+it.w, it.y)
			} else {
				pdf.Line(it.x, it.y, it.x, it.y+it.h)
			}
		case itDots:
			setDraw(it.color, it.lw)
			pdf.SetLineCapStyle("round")
			pdf.SetDashPattern([]float64{0.01, 2.6}, 0)
			pdf.Line(it.x, it.y, it.x+it.w, it.y)
			pdf.SetDashPattern([]float64{}, 0)
			pdf.SetLineCapStyle("butt")
		case itBox:
			setDraw(it.color, 0.5)
			pdf.Rect(it.x, it.y, it.w, it.h, "D")
		case itLink:
			if id, ok := strings.CutPrefix(it.url, "#"); ok {
				// A link to a heading of the document; unknown
				// fragments get no annotation.
				if m, ok := byID[id]; ok {
					pdf.Link(it.x, it.y, it.w, it.h, links[m])
				}
			} else {
				pdf.LinkString(it.x, it.y, it.w, it.h, it.url)
			}
		case itGoto:
			pdf.Link(it.x, it.y, it.w, it.h, links[it.dest])
		case itImage:
			pdf.RawWriteStr(drawImage(it.dest, t.images[it.dest].res.Orientation, it.x, it.y, it.w, it.h, t.pageH))
		}
	}
	if g != nil {
		g.endPage()
	}
	for _, m := range pg.marks {
		if cur.face == nil && len(faces) > 0 {
			// Bookmark titles are UTF-16 only while a UTF-8 font is set.
			pdf.SetFont(faces[0].key, "", t.size)
			cur.face, cur.size = faces[0], t.size
		}
		pdf.Bookmark(bmpOnly(bookmarks[m].title), levels[m], markY[m])
	}

	r.store.taken(pdf)
}

// finish writes the PDF to out.
func (r *renderer) finish(out io.Writer) error {
	pre, err := r.store.wait()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := r.pdf.Output(&buf); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	r.pdf = nil // let gofpdf's copy go
	var tags *tagOut
	if r.g != nil {
		tags = &tagOut{g: r.g, standard: r.info.standard, pageH: r.t.pageH, markPage: r.markPage, markY: r.markY, marks: r.bookmarks}
	}
	r.info.images = r.t.images
	return postProcess(out, buf.Bytes(), r.faces, r.info, tags, pre)
}

// close stops the compression of pages and removes its file.
func (r *renderer) close() { r.store.close() }

func colorOps(c rgb) string {
	return strconv.FormatFloat(c.r, 'f', 3, 64) + " " + strconv.FormatFloat(c.g, 'f', 3, 64) + " " + strconv.FormatFloat(c.b, 'f', 3, 64)
}

// utf16Hex writes s as a PDF text string in UTF-16BE with a byte order
// mark, as a hexadecimal string (no escaping needed); characters beyond
// the BMP become surrogate pairs.
func utf16Hex(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteByte('>')
	return b.String()
}

// bmpOnly replaces characters outside the Basic Multilingual Plane, which
// gofpdf cannot encode, by U+FFFD.
func bmpOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return 0xFFFD
		}
		return r
	}, s)
}

// errPost reports output that does not have the structure postProcess
// expects from gofpdf.
var errPost = errors.New("pdf: unexpected gofpdf output")

// postProcess finishes gofpdf's output and rewrites the file with a new
// cross-reference table:
//   - the subset fonts get their "ABCDEF+" names (gofpdf names them
//     "utf8" + family);
//   - the catalog gets /Lang and /ViewerPreferences, which gofpdf cannot
//     write;
//   - uncompressed streams (gofpdf's compression is switched off because
//     it allocates a new 1 MB compressor for every page) are compressed
//     here, in parallel, with reused compressors; pages whose content
//     contentStore took out of gofpdf (their streams are empty) get the
//     compressed content of pre, by object number.
//
// The file is checked before anything is written to w.
var postProcessHook func([]byte)

func postProcess(w io.Writer, b []byte, faces []*face, info docInfo, tags *tagOut, pre map[int]piece) error {
	lang := info.lang
	if postProcessHook != nil {
		postProcessHook(b)
	}
	// The cross-reference table gofpdf wrote gives every object's offset.
	sx := bytes.LastIndex(b, []byte("\nstartxref\n"))
	if sx < 0 {
		return fmt.Errorf("%w: no startxref", errPost)
	}
	numStart := sx + len("\nstartxref\n")
	numEnd := bytes.IndexByte(b[numStart:], '\n')
	if numEnd < 0 {
		return fmt.Errorf("%w: startxref", errPost)
	}
	xref, err := strconv.Atoi(string(b[numStart : numStart+numEnd]))
	if err != nil || xref <= 0 || xref >= sx || !bytes.HasPrefix(b[xref:], []byte("xref\n0 ")) {
		return fmt.Errorf("%w: startxref %q", errPost, b[numStart:numStart+numEnd])
	}
	p := xref + len("xref\n0 ")
	nl := bytes.IndexByte(b[p:], '\n')
	n, err := strconv.Atoi(string(b[p : p+nl]))
	if err != nil || n < 2 {
		return fmt.Errorf("%w: xref size", errPost)
	}
	p += nl + 1 + 20 // skip the free entry of object 0
	trailer := bytes.Index(b[p:], []byte("trailer\n"))
	if trailer < 0 || trailer != 20*(n-1) {
		return fmt.Errorf("%w: xref table", errPost)
	}
	type object struct {
		num, off, end int
	}
	objs := make([]object, 0, n-1)
	for i := 1; i < n; i++ {
		e := b[p+20*(i-1) : p+20*i]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off <= 0 || off >= xref || e[17] != 'n' {
			return fmt.Errorf("%w: xref entry %d", errPost, i)
		}
		objs = append(objs, object{num: i, off: off})
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].off < objs[j].off })
	for i := range objs {
		if i+1 < len(objs) {
			objs[i].end = objs[i+1].off
		} else {
			objs[i].end = xref
		}
	}
	trailerDict := b[p+trailer : sx+1]

	// CFF faces: gofpdf's CIDFontType2 objects become CIDFontType0 ones.
	var rewrites map[int][]byte
	if slices.ContainsFunc(faces, func(f *face) bool { return f.cff != nil }) {
		index := make(map[int]int, len(objs))
		type0s := map[string]int{}
		for i, o := range objs {
			index[o.num] = i
			body := b[o.off:o.end]
			head := fmt.Sprintf("%d 0 obj\n<</Type /Font\n/Subtype /Type0\n/BaseFont /utf8", o.num)
			if rest, ok := bytes.CutPrefix(body, []byte(head)); ok {
				if k := bytes.IndexByte(rest, '\n'); k > 0 {
					type0s[string(rest[:k])] = o.num
				}
			}
		}
		rewrites, err = cffRewrites(faces, type0s, func(num int) []byte {
			if i, ok := index[num]; ok {
				return b[objs[i].off:objs[i].end]
			}
			return nil
		})
		if err != nil {
			return err
		}
	}

	// Find the uncompressed streams and compress them in parallel.
	type job struct {
		data  []byte
		out   []byte
		pre   piece  // a page's content compressed by contentStore
		extra string // dictionary entries kept (a font program's /Length1)
	}
	jobs := make([]*job, len(objs))
	var todo []*job
	for i, o := range objs {
		if _, ok := rewrites[o.num]; ok {
			continue // a CFF program, written compressed by cffRewrites
		}
		if z, ok := pre[o.num]; ok {
			// A page's content, taken out of gofpdf and compressed.
			if !bytes.HasPrefix(b[o.off:o.end], fmt.Appendf(nil, "%d 0 obj\n<</Length 0>>\nstream\n", o.num)) {
				return fmt.Errorf("%w: content of object %d", errPost, o.num)
			}
			jobs[i] = &job{pre: z}
			continue
		}
		body := b[o.off:o.end]
		hdr := fmt.Sprintf("%d 0 obj\n<</Length ", o.num)
		if !bytes.HasPrefix(body, []byte(hdr)) {
			continue
		}
		rest := body[len(hdr):]
		k := bytes.Index(rest, []byte(">>\nstream\n"))
		if k < 0 {
			continue
		}
		ln, err := strconv.Atoi(string(rest[:k]))
		if err != nil {
			// A stream gofpdf compressed itself, at its fastest level:
			// a font program is inflated and compressed again with the
			// others, which makes it about 12% smaller.
			if raw, extra, ok := fontProgram(rest[:k], rest[k+len(">>\nstream\n"):]); ok {
				jobs[i] = &job{data: raw, extra: extra}
				todo = append(todo, jobs[i])
			}
			continue
		}
		data := rest[k+len(">>\nstream\n"):]
		if ln > len(data) || !bytes.HasPrefix(data[ln:], []byte("\nendstream\nendobj\n")) {
			return fmt.Errorf("%w: stream of object %d", errPost, o.num)
		}
		jobs[i] = &job{data: data[:ln]}
		todo = append(todo, jobs[i])
	}
	total := 0
	for _, j := range todo {
		total += len(j.data)
	}
	level := flate.DefaultCompression
	if total > zThreshold || len(pre) > 0 {
		level = flate.BestSpeed
	}
	workers := min(runtime.GOMAXPROCS(0), len(todo), 8)
	var wg sync.WaitGroup
	next := make(chan *job)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			zw, _ := zlib.NewWriterLevel(&buf, level)
			for j := range next {
				buf.Reset()
				zw.Reset(&buf)
				zw.Write(j.data)
				zw.Close()
				j.out = append([]byte(nil), buf.Bytes()...)
			}
		}()
	}
	for _, j := range todo {
		next <- j
	}
	close(next)
	wg.Wait()

	// The structure tree (tagged.go): new objects from number n on.
	var extra [][]byte
	var packable int
	var catalogExtra string
	pageExtra := map[int]string{}
	if tags != nil {
		var pageObj []int
		for _, o := range objs {
			if bytes.HasPrefix(b[o.off:o.end], fmt.Appendf(nil, "%d 0 obj\n<</Type /Page\n", o.num)) {
				pageObj = append(pageObj, o.num)
			}
		}
		slices.Sort(pageObj)
		if len(pageObj) != len(tags.g.pageMC) {
			return fmt.Errorf("%w: %d pages, %d drawn", errPost, len(pageObj), len(tags.g.pageMC))
		}
		var pe []string
		extra, packable, catalogExtra, pe = tags.objects(n, pageObj, info)
		for i, num := range pageObj {
			pageExtra[num] = pe[i]
		}
	}

	// The images (image.go): after every other object.
	var xobjects string
	if len(info.images) > 0 {
		objs, dict, err := imageObjects(info.images, n+len(extra))
		if err != nil {
			return err
		}
		extra = append(extra, objs...)
		xobjects = dict
	}

	// Write the file again, checked first: the pieces of the output refer
	// to b and the compressed streams, and are written to w at the end.
	// /Lang and DisplayDocTitle are PDF 1.4; a tagged file is PDF 1.7
	// (Ruby, /Tabs; PDF/UA-1 is based on it).
	var parts []piece
	size := 0
	putPiece := func(p piece) {
		parts = append(parts, p)
		size += p.len()
	}
	put := func(p []byte) { putPiece(piece{b: p}) }
	head := b[:objs[0].off]
	if bytes.HasPrefix(head, []byte("%PDF-1.3")) {
		v := "%PDF-1.4"
		if tags != nil {
			v = "%PDF-1.7"
		}
		head = append([]byte(v), head[len(v):]...)
	}
	put(head)
	offsets := make([]int, n+len(extra))
	catalog := false
	renamed := map[string]int{}
	for i, o := range objs {
		offsets[o.num] = size
		body := b[o.off:o.end]
		if r, ok := rewrites[o.num]; ok {
			body = r
		}
		switch {
		case jobs[i] != nil:
			z := piece{b: jobs[i].out}
			if jobs[i].out == nil {
				z = jobs[i].pre
			}
			put(fmt.Appendf(nil, "%d 0 obj\n<</Filter /FlateDecode %s/Length %d>>\nstream\n", o.num, jobs[i].extra, z.len()))
			putPiece(z)
			put([]byte("\nendstream\nendobj\n"))
		case bytes.Contains(body, []byte("\n/Type /Catalog\n")):
			at := bytes.Index(body, []byte("\n/Type /Catalog\n")) + len("\n/Type /Catalog\n")
			put(body[:at])
			var add []byte
			if l := sanitizeLang(lang); l != "" {
				add = fmt.Appendf(add, "/Lang (%s)\n", l)
			}
			add = append(add, "/ViewerPreferences <</DisplayDocTitle true>>\n"...)
			put(append(add, catalogExtra...))
			put(body[at:])
			catalog = true
		case xobjects != "" && bytes.Contains(body, []byte("\n/XObject <<\n>>\n")):
			put(bytes.Replace(body, []byte("\n/XObject <<\n>>\n"), []byte("\n/XObject <<\n"+xobjects+">>\n"), 1))
			xobjects = ""
		case pageExtra[o.num] != "":
			at := len(fmt.Sprintf("%d 0 obj\n<</Type /Page\n", o.num))
			put(body[:at])
			put([]byte(pageExtra[o.num]))
			put(body[at:])
		case bytes.Contains(body, []byte("/utf8")):
			// A font dictionary or descriptor: the subset names.
			for _, f := range faces {
				old := []byte("/utf8" + f.key)
				if bytes.Contains(body, old) {
					renamed[f.key] += bytes.Count(body, old)
					body = bytes.ReplaceAll(body, old, []byte("/"+f.name))
				}
			}
			put(body)
		default:
			put(body)
		}
	}
	if !catalog {
		return fmt.Errorf("%w: no catalog", errPost)
	}
	if xobjects != "" {
		return fmt.Errorf("%w: no resource dictionary for the images", errPost)
	}
	for _, f := range faces {
		if renamed[f.key] < 3 {
			return fmt.Errorf("%w: font %s not found", errPost, f.key)
		}
	}
	if tags != nil {
		// The structure objects in object streams, and a cross-reference
		// stream (tagged.go).
		if err := appendStructure(put, func() int { return size }, offsets[:n], extra, packable, trailerDict); err != nil {
			return err
		}
	} else {
		start := size
		tail := fmt.Appendf(nil, "xref\n0 %d\n0000000000 65535 f \n", n)
		for i := 1; i < n; i++ {
			tail = fmt.Appendf(tail, "%010d 00000 n \n", offsets[i])
		}
		tail = append(tail, trailerDict...)
		tail = fmt.Appendf(tail, "startxref\n%d\n%%%%EOF\n", start)
		put(tail)
	}
	var bw interface {
		io.Writer
		io.ReaderFrom
	}
	if bb, ok := w.(*bytes.Buffer); ok {
		bb.Grow(size)
		bw = bb
	} else {
		bw = bufio.NewWriterSize(w, 64<<10)
	}
	for _, p := range parts {
		var err error
		if p.f != nil {
			_, err = bw.ReadFrom(io.NewSectionReader(p.f, p.off, p.n))
		} else {
			_, err = bw.Write(p.b)
		}
		if err != nil {
			return err
		}
	}
	if b, ok := bw.(*bufio.Writer); ok {
		return b.Flush()
	}
	return nil
}

// sanitizeLang keeps a BCP 47 tag's letters, digits and hyphens.
func sanitizeLang(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fontProgram returns the inflated data and the /Length1 entry of a
// TrueType font program stream as gofpdf writes it (dict, the text after
// "<</Length ", is "N\n/Filter /FlateDecode\n/Length1 M\n"; the data
// follows), or ok false for any other stream.
func fontProgram(dict, rest []byte) (raw []byte, extra string, ok bool) {
	n, tail, _ := bytes.Cut(dict, []byte("\n/Filter /FlateDecode\n/Length1 "))
	l1s, _, found := bytes.Cut(tail, []byte("\n"))
	if !found || len(tail) != len(l1s)+1 {
		return nil, "", false
	}
	ln, err1 := strconv.Atoi(string(n))
	l1, err2 := strconv.Atoi(string(l1s))
	if err1 != nil || err2 != nil || ln < 0 || l1 < 0 || ln > len(rest) || !bytes.HasPrefix(rest[ln:], []byte("\nendstream\nendobj\n")) {
		return nil, "", false
	}
	zr, err := zlib.NewReader(bytes.NewReader(rest[:ln]))
	if err != nil {
		return nil, "", false
	}
	raw, err = io.ReadAll(io.LimitReader(zr, int64(l1)+1))
	if err != nil || len(raw) != l1 {
		return nil, "", false
	}
	return raw, fmt.Sprintf("/Length1 %d ", l1), true
}
