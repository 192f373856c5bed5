package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/docconv/docconv/convert"
	"github.com/jung-kurt/gofpdf"
)

// docInfo is the metadata written into the PDF.
type docInfo struct {
	title, author, subject, keywords string
	lang                             string
	time                             time.Time
}

// render draws the pages with gofpdf: only positioned text runs
// (Fpdf.Text, with character spacing and render mode set through raw
// operators), rectangles, lines, links and bookmarks. It never uses
// gofpdf's own line breaking.
func render(t *setter, pages []page, faces []*face, info docInfo, bookmarks []mark, markPage []int, markY []float64) ([]byte, error) {
	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "pt", Size: gofpdf.SizeType{Wd: t.pageW, Ht: t.pageH}})
	pdf.SetCompression(true)
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
		data, err := f.font.Subset(f.runes())
		if err != nil {
			return nil, fmt.Errorf("pdf: subsetting %s: %w", f.font, err)
		}
		pdf.AddUTF8FontFromBytes(f.key, "", slimFont(data))
		if err := pdf.Error(); err != nil {
			return nil, fmt.Errorf("pdf: adding font %s: %w", f.font, err)
		}
	}

	links := make([]int, len(bookmarks))
	for m := range bookmarks {
		links[m] = pdf.AddLink()
		pdf.SetLink(links[m], markY[m], markPage[m]+1)
	}

	var cur struct {
		face  *face
		size  float64
		text  rgb
		fill  rgb
		draw  rgb
		lw    float64
		init  bool
		outLv int
	}
	setText := func(c rgb) {
		if !cur.init || cur.text != c {
			pdf.SetTextColor(int(c.r*255+0.5), int(c.g*255+0.5), int(c.b*255+0.5))
			cur.text = c
		}
	}
	setFill := func(c rgb) {
		if !cur.init || cur.fill != c {
			pdf.SetFillColor(int(c.r*255+0.5), int(c.g*255+0.5), int(c.b*255+0.5))
			cur.fill = c
		}
	}
	setDraw := func(c rgb, lw float64) {
		pdf.SetDrawColor(int(c.r*255+0.5), int(c.g*255+0.5), int(c.b*255+0.5))
		pdf.SetLineWidth(lw)
	}
	lastLevel := -1
	var raw strings.Builder
	for pi, pg := range pages {
		pdf.AddPage()
		cur.init = false
		setText(black)
		setFill(black)
		cur.init = true
		for _, it := range pg.items {
			switch it.kind {
			case itText:
				if cur.face != it.face || cur.size != it.size {
					pdf.SetFont(it.face.key, "", it.size)
					cur.face, cur.size = it.face, it.size
				}
				setText(it.color)
				raw.Reset()
				if it.synth {
					fmt.Fprintf(&raw, "q %s RG %.3f w 2 Tr", colorOps(it.color), it.size*0.035)
				}
				if it.tc > 0.0005 || it.tc < -0.0005 {
					if raw.Len() == 0 {
						raw.WriteString("q")
					}
					fmt.Fprintf(&raw, " %.4f Tc", it.tc)
				}
				if raw.Len() > 0 {
					pdf.RawWriteStr(raw.String())
				}
				pdf.Text(it.x, it.y, it.text)
				if raw.Len() > 0 {
					pdf.RawWriteStr("Q")
				}
			case itRect:
				if it.fill {
					setFill(it.color)
					pdf.Rect(it.x, it.y, it.w, it.h, "F")
				} else {
					setDraw(it.color, it.lw)
					pdf.Rect(it.x, it.y, it.w, it.h, "D")
				}
			case itLine:
				setDraw(it.color, it.lw)
				if it.w > 0 {
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
				pdf.LinkString(it.x, it.y, it.w, it.h, it.url)
			case itGoto:
				pdf.Link(it.x, it.y, it.w, it.h, links[it.dest])
			}
		}
		for _, m := range pg.marks {
			if cur.face == nil && len(faces) > 0 {
				// Bookmark titles are UTF-16 only while a UTF-8 font is set.
				pdf.SetFont(faces[0].key, "", t.size)
				cur.face, cur.size = faces[0], t.size
			}
			lv := min(bookmarks[m].level-1, lastLevel+1)
			lv = max(lv, 0)
			lastLevel = lv
			pdf.Bookmark(bmpOnly(bookmarks[m].title), lv, markY[m])
		}
		_ = pi
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return postProcess(buf.Bytes(), faces, info.lang)
}

func colorOps(c rgb) string {
	return strconv.FormatFloat(c.r, 'f', 3, 64) + " " + strconv.FormatFloat(c.g, 'f', 3, 64) + " " + strconv.FormatFloat(c.b, 'f', 3, 64)
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

// postProcess finishes gofpdf's output: it gives the subset fonts their
// "ABCDEF+" names (same length as gofpdf's placeholder, so no offset
// moves) and adds /Lang and /ViewerPreferences to the catalog, which
// gofpdf writes last before the cross-reference table, so that only the
// startxref offset changes.
func postProcess(b []byte, faces []*face, lang string) ([]byte, error) {
	for _, f := range faces {
		old := []byte("/utf8" + f.key)
		if len(old) != len(f.name)+1 {
			return nil, fmt.Errorf("%w: font name placeholder length", errPost)
		}
		if bytes.Count(b, old) < 3 {
			return nil, fmt.Errorf("%w: font %s not found", errPost, f.key)
		}
		b = bytes.ReplaceAll(b, old, []byte("/"+f.name))
	}
	cat := bytes.LastIndex(b, []byte("/Type /Catalog\n"))
	sx := bytes.LastIndex(b, []byte("\nstartxref\n"))
	xref := bytes.LastIndex(b, []byte("\nxref\n"))
	if cat < 0 || sx < 0 || xref < cat {
		return nil, fmt.Errorf("%w: catalog or startxref not found", errPost)
	}
	var ins strings.Builder
	if l := sanitizeLang(lang); l != "" {
		fmt.Fprintf(&ins, "/Lang (%s)\n", l)
	}
	ins.WriteString("/ViewerPreferences <</DisplayDocTitle true>>\n")
	at := cat + len("/Type /Catalog\n")
	numStart := sx + len("\nstartxref\n")
	numEnd := bytes.IndexByte(b[numStart:], '\n')
	if numEnd < 0 {
		return nil, fmt.Errorf("%w: startxref", errPost)
	}
	off, err := strconv.Atoi(string(b[numStart : numStart+numEnd]))
	if err != nil || off != xref+1 {
		return nil, fmt.Errorf("%w: startxref %q", errPost, b[numStart:numStart+numEnd])
	}
	out := make([]byte, 0, len(b)+ins.Len()+8)
	out = append(out, b[:at]...)
	out = append(out, ins.String()...)
	out = append(out, b[at:numStart]...)
	out = strconv.AppendInt(out, int64(off+ins.Len()), 10)
	out = append(out, b[numStart+numEnd:]...)
	return out, nil
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
