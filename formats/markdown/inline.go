package markdown

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"github.com/docconv/docconv/convert"
)

// inlineBlock converts the inline children of a block node, resolving
// soft line breaks (see joinsWithoutSpace) and inline HTML tags.
func (c *converter) inlineBlock(n ast.Node) []convert.Inline {
	c.softBreak = map[*convert.Text]bool{}
	ins := c.inlines(n)
	c.resolveSoftBreaks(ins)
	c.collapseDropped(ins)
	return normalize(ins)
}

func (c *converter) inlines(parent ast.Node) []convert.Inline {
	var out []convert.Inline
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		out = append(out, c.inline(n)...)
	}
	return c.buildTags(out)
}

func (c *converter) inline(n ast.Node) []convert.Inline {
	switch x := n.(type) {
	case *ast.Text:
		v := x.Value(c.src)
		var t *convert.Text
		if x.IsRaw() {
			t = &convert.Text{Text: string(v)}
		} else {
			t = &convert.Text{Text: string(unescape(v))}
		}
		out := []convert.Inline{t}
		switch {
		case x.HardLineBreak():
			out = append(out, &convert.LineBreak{})
		case x.SoftLineBreak():
			sb := &convert.Text{Text: "\n"}
			c.softBreak[sb] = true
			out = append(out, sb)
		}
		return out
	case *ast.String:
		if x.IsRaw() || x.IsCode() {
			return []convert.Inline{&convert.Text{Text: string(x.Value)}}
		}
		return []convert.Inline{&convert.Text{Text: string(unescape(x.Value))}}
	case *ast.Emphasis:
		if x.Level >= 2 {
			return []convert.Inline{&convert.Strong{Inlines: c.inlines(x)}}
		}
		return []convert.Inline{&convert.Emph{Inlines: c.inlines(x)}}
	case *east.Strikethrough:
		return []convert.Inline{&convert.Strike{Inlines: c.inlines(x)}}
	case *east.FootnoteLink:
		return c.footnote(x)
	case *east.FootnoteBacklink, *east.TaskCheckBox:
		// Back-links are the HTML renderer's; the checkbox is read as
		// the item's task state (see taskState).
		return nil
	case *ast.CodeSpan:
		var b strings.Builder
		for ch := x.FirstChild(); ch != nil; ch = ch.NextSibling() {
			switch t := ch.(type) {
			case *ast.Text:
				// A line ending (\n, \r\n or \r) is a space.
				v := t.Segment.Value(c.src)
				if e := lineEnding(v); e > 0 {
					b.Write(v[:len(v)-e])
					b.WriteByte(' ')
				} else {
					b.Write(v)
				}
			case *ast.String:
				b.Write(t.Value)
			}
		}
		// A lone \r is a line ending too (CommonMark), which goldmark
		// leaves inside lines.
		text := strings.NewReplacer("\r\n", " ", "\r", " ").Replace(b.String())
		return []convert.Inline{&convert.Code{Text: text}}
	case *ast.Link:
		// Links do not nest: links inside (from raw <a> tags) become text.
		return []convert.Inline{&convert.Link{
			URL:     string(unescape(x.Destination)),
			Title:   string(unescape(x.Title)),
			Inlines: stripLinks(c.inlines(x)),
		}}
	case *ast.Image:
		// An image: its description (the alt text's inlines) is kept for
		// a caption, should the image stand alone in its paragraph.
		alt := stripLinks(c.inlines(x))
		c.resolveSoftBreaks(alt)
		c.collapseDropped(alt)
		alt = normalize(alt)
		im := &convert.Image{
			Src:   string(unescape(x.Destination)),
			Title: string(unescape(x.Title)),
			Alt:   convert.PlainText(alt),
		}
		if c.captions == nil {
			c.captions = map[*convert.Image][]convert.Inline{}
		}
		c.captions[im] = alt
		return []convert.Inline{im}
	case *ast.AutoLink:
		url := string(x.URL(c.src))
		if x.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
			url = "mailto:" + url
		}
		return []convert.Inline{&convert.Link{URL: url, Inlines: []convert.Inline{&convert.Text{Text: string(x.Label(c.src))}}}}
	case *ast.RawHTML:
		var b strings.Builder
		for i := 0; i < x.Segments.Len(); i++ {
			seg := x.Segments.At(i)
			b.Write(seg.Value(c.src))
		}
		return c.rawInline(b.String())
	}
	// Unknown inline kinds: keep their text.
	return c.inlines(n)
}

// lineEnding returns the length of the line ending at the end of v.
func lineEnding(v []byte) int {
	switch {
	case bytes.HasSuffix(v, []byte("\r\n")):
		return 2
	case bytes.HasSuffix(v, []byte("\n")), bytes.HasSuffix(v, []byte("\r")):
		return 1
	}
	return 0
}

// unescape resolves backslash escapes and entity references in one pass,
// as CommonMark does for text, link destinations and titles.
func unescape(s []byte) []byte {
	if bytes.IndexByte(s, '\\') < 0 && bytes.IndexByte(s, '&') < 0 {
		return s
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]):
			out = append(out, s[i+1])
			i += 2
		case c == '&':
			if r, n := entity(s[i:]); n > 0 {
				out = append(out, r...)
				i += n
				continue
			}
			out = append(out, c)
			i++
		default:
			out = append(out, c)
			i++
		}
	}
	return out
}

// entity decodes an entity or numeric character reference at the start of
// s, returning its text and length, or 0.
func entity(s []byte) ([]byte, int) {
	end := bytes.IndexByte(s, ';')
	if end < 2 || end > 40 {
		return nil, 0
	}
	name := s[1:end]
	if name[0] == '#' {
		num, base := name[1:], 10
		if len(num) > 0 && (num[0] == 'x' || num[0] == 'X') {
			num, base = num[1:], 16
		}
		if len(num) == 0 || (base == 10 && len(num) > 7) || (base == 16 && len(num) > 6) {
			return nil, 0
		}
		v, err := strconv.ParseUint(string(num), base, 32)
		if err != nil {
			return nil, 0
		}
		r := rune(v)
		if r == 0 || !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		return utf8.AppendRune(nil, r), end + 1
	}
	for _, b := range name {
		if !(b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9') {
			return nil, 0
		}
	}
	if e, ok := util.LookUpHTML5EntityByName(string(name)); ok {
		return e.Characters, end + 1
	}
	return nil, 0
}

// resolveSoftBreaks replaces each soft line break marker with "" or " "
// depending on the characters on either side (see joinsWithoutSpace).
func (c *converter) resolveSoftBreaks(ins []convert.Inline) {
	if len(c.softBreak) == 0 {
		return
	}
	leaves := convert.AppendLeaves(nil, ins)
	for i, l := range leaves {
		t, ok := l.(*convert.Text)
		if !ok || !c.softBreak[t] {
			continue
		}
		var before, after rune
		for j := i - 1; j >= 0 && before == 0; j-- {
			s := convert.InlineText(leaves[j])
			if s != "" && !c.isSoft(leaves[j]) {
				before, _ = utf8.DecodeLastRuneInString(s)
			}
		}
		for j := i + 1; j < len(leaves) && after == 0; j++ {
			s := convert.InlineText(leaves[j])
			if s != "" && !c.isSoft(leaves[j]) {
				after, _ = utf8.DecodeRuneInString(s)
			}
		}
		if joinsWithoutSpace(before, after) {
			t.Text = ""
		} else {
			t.Text = " "
		}
	}
}

func (c *converter) isSoft(in convert.Inline) bool {
	t, ok := in.(*convert.Text)
	return ok && c.softBreak[t]
}

// joinsWithoutSpace reports whether a soft line break between a and b
// disappears: when both are Chinese or Japanese characters (Han, kana,
// Bopomofo, CJK and fullwidth punctuation, or the quotes, dashes and
// ellipsis used in CJK text). Hangul is not included: Korean separates
// words with spaces, so a line break there is a space.
func joinsWithoutSpace(a, b rune) bool {
	return noSpaceRune(a) && noSpaceRune(b)
}

func noSpaceRune(r rune) bool {
	switch {
	case r == 0:
		return false
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Bopomofo):
		return true
	case r >= 0x3000 && r <= 0x303F, // CJK symbols and punctuation
		r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6, // fullwidth forms
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r >= 0x31F0 && r <= 0x31FF, // katakana phonetic extensions
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '·':
		return true
	}
	return false
}

// normalize merges adjacent Text inlines and drops empty ones, in place
// and recursively, so that equal documents have equal models.
func normalize(ins []convert.Inline) []convert.Inline {
	out := ins[:0]
	for i := 0; i < len(ins); i++ {
		in := ins[i]
		switch x := in.(type) {
		case *convert.Text:
			if x.Text == "" {
				continue
			}
			// A run of texts becomes one, joined once (joining them
			// pairwise costs the square of the run's length).
			j, size := i+1, len(x.Text)
			for ; j < len(ins); j++ {
				y, ok := ins[j].(*convert.Text)
				if !ok {
					break
				}
				size += len(y.Text)
			}
			if size > len(x.Text) {
				var b strings.Builder
				b.Grow(size)
				for _, y := range ins[i:j] {
					b.WriteString(y.(*convert.Text).Text)
				}
				in = &convert.Text{Text: b.String()}
			}
			i = j - 1
		case *convert.Strong:
			x.Inlines = normalize(x.Inlines)
		case *convert.Emph:
			x.Inlines = normalize(x.Inlines)
		case *convert.Strike:
			x.Inlines = normalize(x.Inlines)
		case *convert.Sub:
			x.Inlines = normalize(x.Inlines)
		case *convert.Sup:
			x.Inlines = normalize(x.Inlines)
		case *convert.Link:
			x.Inlines = normalize(x.Inlines)
		}
		out = append(out, in)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
