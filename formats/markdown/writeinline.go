package markdown

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"

	"github.com/docconv/docconv/convert"
)

// inlineCtx is the block an inline sequence is written into.
type inlineCtx int

const (
	ctxPara    inlineCtx = iota // paragraph: may span lines
	ctxHeading                  // ATX heading: one line, # and { escaped
	ctxCell                     // table cell: one line, | escaped
)

// inlineState is what the inline writer keeps for one document: the note
// numbers (in reading order, 1, 2…: a note is written as the reference
// [^n] and its definition at the end), and the emphasis already written (delimited tries the
// delimiter form of an emphasis and falls back on its HTML tag, which
// renders its content twice: without the memo, emphasis nested n deep
// cost 2^n — 879 bytes of asterisks took minutes; fuzz finding).
type inlineState struct {
	notes map[*convert.Note]int
	memo  map[memoKey]string
	same  map[sameKey]bool
}

type memoKey struct {
	node       convert.Inline
	ctx        inlineCtx
	prev, next rune
}

type sameKey struct {
	node convert.Inline
	tag  string
}

func newInlineState() *inlineState {
	return &inlineState{notes: map[*convert.Note]int{}, memo: map[memoKey]string{}, same: map[sameKey]bool{}}
}

// renderInlines renders the inlines of one block.
func renderInlines(ins []convert.Inline, ctx inlineCtx, nn *inlineState) string {
	return renderSeq(ins, ctx, true, ' ', ' ', nn)
}

// renderSeq renders a sequence. top is true for the block's own sequence
// (where text may start or end a line); prev and next are the characters
// written just before and after the sequence (' ' for a line boundary),
// which decide whether emphasis delimiters work (CommonMark's flanking
// rules).
func renderSeq(ins []convert.Inline, ctx inlineCtx, top bool, prev, next rune, nn *inlineState) string {
	// Index of the last inline that writes something, so that a final
	// line break is written as <br /> (a backslash at the end of a block is
	// text).
	last := -1
	for i, in := range ins {
		if !isEmptyInline(in) {
			last = i
		}
	}
	pieces := make([]string, len(ins))
	lineStart := top
	for i, in := range ins {
		pieces[i] = renderOne(in, ctx, top, lineStart, i >= last || breakFollows(ins, i), i == last, ' ', ' ', nn)
		if !isEmptyInline(in) {
			_, isBr := in.(*convert.LineBreak)
			lineStart = top && isBr && i != last && ctx == ctxPara
		}
	}
	// Second pass: containers decide on delimiters knowing their
	// neighbours (their own first and last characters are punctuation
	// either way, so the first pass gave the right neighbours).
	for i, in := range ins {
		if !isContainer(in) {
			continue
		}
		p, n := prev, next
		for j := i - 1; j >= 0; j-- {
			if pieces[j] != "" {
				p, _ = utf8.DecodeLastRuneInString(pieces[j])
				break
			}
		}
		for j := i + 1; j < len(ins); j++ {
			if pieces[j] != "" {
				n, _ = utf8.DecodeRuneInString(pieces[j])
				break
			}
		}
		pieces[i] = renderOne(in, ctx, top, false, false, false, p, n, nn)
	}
	// Two code spans in a row would merge their backtick runs: the second
	// one is written as <code>, which the reader maps back to Code.
	for i, in := range ins {
		x, ok := in.(*convert.Code)
		if !ok || pieces[i] == "" {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if pieces[j] != "" {
				if strings.HasSuffix(pieces[j], "`") {
					pieces[i] = htmlCode(x.Text, ctx)
				}
				break
			}
		}
	}
	// A "!" right before a link would make it an image: escape it.
	for i, p := range pieces {
		if !strings.HasPrefix(p, "[") {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if pieces[j] != "" {
				if strings.HasSuffix(pieces[j], "!") {
					pieces[j] = pieces[j][:len(pieces[j])-1] + `\!`
				}
				break
			}
		}
	}
	// goldmark does not take "\\\" + newline (an escaped backslash, then a
	// hard break) as a hard break: use <br /> after a backslash.
	for i, p := range pieces {
		if p != "\\\n" {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if pieces[j] != "" {
				if strings.HasSuffix(pieces[j], "\\") {
					pieces[i] = "<br />"
				}
				break
			}
		}
	}
	return strings.Join(pieces, "")
}

// breakFollows reports whether the next inline that writes something
// after i is a line break.
func breakFollows(ins []convert.Inline, i int) bool {
	for _, in := range ins[i+1:] {
		if isEmptyInline(in) {
			continue
		}
		_, ok := in.(*convert.LineBreak)
		return ok
	}
	return true
}

func isEmptyInline(in convert.Inline) bool {
	switch x := in.(type) {
	case *convert.Text:
		return x.Text == ""
	case *convert.Code:
		return x.Text == ""
	case nil:
		return true
	}
	return false
}

func isContainer(in convert.Inline) bool {
	switch in.(type) {
	case *convert.Strong, *convert.Emph, *convert.Strike:
		return true
	}
	return false
}

func renderOne(in convert.Inline, ctx inlineCtx, top, lineStart, lineEnd, isLast bool, prev, next rune, nn *inlineState) string {
	switch x := in.(type) {
	case *convert.Text:
		return escapeText(x.Text, ctx, top && lineStart, top && lineEnd)
	case *convert.Strong:
		return delimited(x, ctx, "**", "strong", prev, next, nn)
	case *convert.Emph:
		return delimited(x, ctx, "*", "em", prev, next, nn)
	case *convert.Strike:
		return delimited(x, ctx, "~~", "del", prev, next, nn)
	case *convert.Sub:
		// Raw HTML, which the reader maps back; pandoc's ~x~ would be
		// ambiguous with GFM's single-tilde strikethrough.
		return "<sub>" + renderSeq(x.Inlines, ctx, false, '>', '<', nn) + "</sub>"
	case *convert.Sup:
		return "<sup>" + renderSeq(x.Inlines, ctx, false, '>', '<', nn) + "</sup>"
	case *convert.Note:
		if n, ok := nn.notes[x]; ok {
			return "[^" + strconv.Itoa(n) + "]"
		}
		return ""
	case *convert.Code:
		return codeSpan(x.Text, ctx)
	case *convert.Link:
		if _, kind := convert.LinkTarget(x.URL); kind == convert.LinkUnsafe {
			// The URL policy of every writer: the text, not the link.
			if len(x.Inlines) == 0 {
				return escapeText(x.URL, ctx, false, false)
			}
			return renderSeq(stripLinks(x.Inlines), ctx, false, prev, next, nn)
		}
		return link(x, ctx, nn)
	case *convert.Image:
		return image(x, escapeText(x.Alt, ctx, false, false), ctx)
	case *convert.Ruby:
		return "<ruby>" + escapeText(x.Base, ctx, false, false) + "<rt>" + escapeText(x.Text, ctx, false, false) + "</rt></ruby>"
	case *convert.LineBreak:
		if top && ctx == ctxPara && !isLast {
			return "\\\n"
		}
		return "<br />"
	}
	return ""
}

// delimited writes emphasis with Markdown delimiters when CommonMark will
// read them back as such, else with the equivalent HTML tag. Each
// (emphasis, context, neighbours) is written once (inlineState).
func delimited(node convert.Inline, ctx inlineCtx, delim, tag string, prev, next rune, nn *inlineState) string {
	key := memoKey{node: node, ctx: ctx, prev: prev, next: next}
	if s, ok := nn.memo[key]; ok {
		return s
	}
	ins := convert.Children(node)
	inner := renderSeq(ins, ctx, false, []rune(delim)[0], []rune(delim)[0], nn)
	// The same emphasis nested inside pairs its delimiters with ours
	// ("*!*!* 0*"): the outer one is written as a tag.
	var s string
	if canDelimit(inner, rune(delim[0]), prev, next) && !nestsSame(ins, tag, nn) {
		s = delim + inner + delim
	} else {
		s = "<" + tag + ">" + renderSeq(ins, ctx, false, '>', '<', nn) + "</" + tag + ">"
	}
	nn.memo[key] = s
	return s
}

// nestsSame reports whether ins holds, at any depth, emphasis of the
// kind tag (strong, em or del); each inline's answer is kept in nn.
func nestsSame(ins []convert.Inline, tag string, nn *inlineState) bool {
	for _, in := range ins {
		switch in.(type) {
		case *convert.Strong:
			if tag == "strong" {
				return true
			}
		case *convert.Emph:
			if tag == "em" {
				return true
			}
		case *convert.Strike:
			if tag == "del" {
				return true
			}
		}
		key := sameKey{node: in, tag: tag}
		v, ok := nn.same[key]
		if !ok {
			v = nestsSame(convert.Children(in), tag, nn)
			nn.same[key] = v
		}
		if v {
			return true
		}
	}
	return false
}

// canDelimit applies CommonMark's flanking rules: the opening run must be
// left-flanking and the closing run right-flanking, and the delimiter
// character must not touch the same character (which would merge runs).
func canDelimit(inner string, d rune, prev, next rune) bool {
	if inner == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(inner)
	last, _ := utf8.DecodeLastRuneInString(inner)
	if first == d || last == d || prev == d || next == d {
		return false
	}
	space := func(r rune) bool { return util.IsSpaceRune(r) }
	punct := func(r rune) bool { return util.IsPunctRune(r) }
	leftFlanking := !space(first) && (!punct(first) || space(prev) || punct(prev))
	rightFlanking := !space(last) && (!punct(last) || space(next) || punct(next))
	return leftFlanking && rightFlanking
}

func codeSpan(s string, ctx inlineCtx) string {
	if s == "" {
		return ""
	}
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	allSpace := strings.Trim(s, " ") == ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") ||
		(!allSpace && strings.HasPrefix(s, " ") && strings.HasSuffix(s, " ")) {
		s = " " + s + " "
	}
	if ctx == ctxCell {
		s = strings.ReplaceAll(s, "|", "\\|")
	}
	return fence + s + fence
}

// htmlCode writes a code span as <code>…</code>, its text escaped as
// Markdown text.
func htmlCode(s string, ctx inlineCtx) string {
	s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	return "<code>" + escapeText(s, ctx, false, false) + "</code>"
}

var (
	reScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\x00-\x20<>]*$`)
	reEmail  = regexp.MustCompile(`^[A-Za-z0-9.!#$%&'*+/=?^_{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*$`)
)

func link(l *convert.Link, ctx inlineCtx, nn *inlineState) string {
	if len(l.Inlines) == 1 && l.Title == "" {
		if t, ok := l.Inlines[0].(*convert.Text); ok {
			if t.Text == l.URL && reScheme.MatchString(l.URL) && !strings.Contains(l.URL, "\\") {
				return "<" + cellPipes(l.URL, ctx) + ">"
			}
			if "mailto:"+t.Text == l.URL && reEmail.MatchString(t.Text) {
				return "<" + cellPipes(t.Text, ctx) + ">"
			}
		}
	}
	text := renderSeq(stripLinks(l.Inlines), ctx, false, '[', ']', nn)
	return "[" + noCaret(text) + "](" + destTitle(l.URL, l.Title, ctx) + ")"
}

// noCaret escapes a ^ that starts a link text or image description:
// [^1](x) would read back as a footnote reference followed by "(x)"
// (fuzz finding).
func noCaret(text string) string {
	if strings.HasPrefix(text, "^") {
		return `\` + text
	}
	return text
}

// image writes ![desc](src "title"); desc is the description, written.
func image(im *convert.Image, desc string, ctx inlineCtx) string {
	return "![" + noCaret(desc) + "](" + destTitle(im.Src, im.Title, ctx) + ")"
}

// imageTag writes an image as an HTML <img> tag, which the reader takes
// for an inline image even alone in a paragraph (a Markdown image there
// would be a figure).
func imageTag(im *convert.Image) string {
	s := `<img src="` + html.EscapeString(im.Src) + `" alt="` + html.EscapeString(im.Alt) + `"`
	if im.Title != "" {
		s += ` title="` + html.EscapeString(im.Title) + `"`
	}
	return s + " />"
}

// destTitle writes a link's or image's destination and optional title.
func destTitle(url, title string, ctx inlineCtx) string {
	var b strings.Builder
	b.WriteString(destination(url, ctx))
	if title != "" {
		b.WriteString(` "`)
		for _, r := range title {
			switch r {
			case '"', '\\', '&':
				b.WriteByte('\\')
				b.WriteRune(r)
			case '\n':
				b.WriteString("&#10;")
			case '\r':
				b.WriteString("&#13;")
			case '|':
				if ctx == ctxCell {
					b.WriteByte('\\')
				}
				b.WriteRune(r)
			default:
				b.WriteRune(r)
			}
		}
		b.WriteByte('"')
	}
	return b.String()
}

func cellPipes(s string, ctx inlineCtx) string {
	if ctx == ctxCell {
		return strings.ReplaceAll(s, "|", "\\|")
	}
	return s
}

// stripLinks replaces links inside a link's text by their text (Markdown
// links do not nest).
func stripLinks(ins []convert.Inline) []convert.Inline {
	var out []convert.Inline
	for _, in := range ins {
		switch x := in.(type) {
		case *convert.Link:
			out = append(out, stripLinks(x.Inlines)...)
		case *convert.Strong:
			out = append(out, &convert.Strong{Inlines: stripLinks(x.Inlines)})
		case *convert.Emph:
			out = append(out, &convert.Emph{Inlines: stripLinks(x.Inlines)})
		case *convert.Strike:
			out = append(out, &convert.Strike{Inlines: stripLinks(x.Inlines)})
		case *convert.Sub:
			out = append(out, &convert.Sub{Inlines: stripLinks(x.Inlines)})
		case *convert.Sup:
			out = append(out, &convert.Sup{Inlines: stripLinks(x.Inlines)})
		default:
			out = append(out, in)
		}
	}
	return out
}

// destination writes a link destination: bare when it has no spaces,
// controls or angle brackets, else in <…>. Characters the reader would
// unescape are escaped.
func destination(u string, ctx inlineCtx) string {
	angle := u == "" || strings.ContainsAny(u, " <>") || strings.ContainsFunc(u, unicode.IsControl)
	var b strings.Builder
	if angle {
		b.WriteByte('<')
	}
	for _, r := range u {
		switch {
		case r == '\\' || r == '&' || r == '<' || r == '>':
			b.WriteByte('\\')
			b.WriteRune(r)
		case !angle && (r == '(' || r == ')'):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '|' && ctx == ctxCell:
			b.WriteString("\\|")
		case r == '\n':
			b.WriteString("%0A")
		case r == '\r':
			b.WriteString("%0D")
		default:
			b.WriteRune(r)
		}
	}
	if angle {
		b.WriteByte('>')
	}
	return b.String()
}

// escapeText escapes s so that the reader gives s back. atStart and atEnd
// say whether s begins or ends a line of a block (leading and trailing
// spaces would be stripped, and a leading -, +, =, >, # or "1." would
// start a block).
func escapeText(s string, ctx inlineCtx, atStart, atEnd bool) string {
	if s == "" {
		return ""
	}
	// Only a paragraph line can start a block; headings and cells only
	// strip surrounding spaces.
	blockStart := atStart && ctx == ctxPara
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		var prev, next rune
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch r {
		case '\\', '`', '*', '[', ']', '<', '~':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '_':
			if isAlnum(prev) && isAlnum(next) {
				b.WriteRune(r)
			} else {
				b.WriteString(`\_`)
			}
		case '&':
			if isASCIILetterDigit(next) || next == '#' {
				b.WriteString(`\&`)
			} else {
				b.WriteRune(r)
			}
		case '#', '{':
			if ctx == ctxHeading || (i == 0 && blockStart && r == '#') {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		case '|':
			if ctx == ctxCell || (i == 0 && blockStart) { // a line "|-" would be a table delimiter row
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		case ':':
			// Keep GFM's autolinker off text that was not a link; a line
			// ":-" would be a table delimiter row.
			if (next == '/' && i+2 < len(rs) && rs[i+2] == '/') || (i == 0 && blockStart) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		case '.':
			if i >= 3 && strings.EqualFold(string(rs[i-3:i]), "www") {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		case '@':
			b.WriteString(`\@`)
		case '\n':
			b.WriteString("&#10;")
		case '\r':
			b.WriteString("&#13;")
		case ' ', '\t':
			if (i == 0 && atStart) || (i == len(rs)-1 && atEnd) {
				if r == ' ' {
					b.WriteString("&#32;")
				} else {
					b.WriteString("&#9;")
				}
			} else {
				b.WriteRune(r)
			}
		case '-', '+', '=', '>':
			if i == 0 && blockStart {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	if blockStart {
		out = escapeOrderedMarker(out)
	}
	return out
}

var reOrdered = regexp.MustCompile(`^[0-9]{1,9}[.)]`)

// escapeOrderedMarker escapes the "." or ")" of a leading "1." or "1)".
func escapeOrderedMarker(s string) string {
	if loc := reOrdered.FindStringIndex(s); loc != nil {
		return s[:loc[1]-1] + "\\" + s[loc[1]-1:]
	}
	return s
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isASCIILetterDigit(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}
