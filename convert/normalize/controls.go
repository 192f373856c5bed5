package normalize

import (
	"context"
	"strings"

	"github.com/docconv/docconv/convert"
)

// Controls removes control characters from the whole document (transform
// "controls"): the C0 controls other than tab and line feed (NUL, BEL,
// backspace, ESC, a stray CR…), DEL and the C1 controls U+0080–U+009F.
// No writer can show them, and in a .txt or .md output an ESC or a C1 CSI
// would reach a terminal as an escape sequence. Unlike the other document
// transforms it treats every string of the model: text, code spans, code
// blocks, ruby, link URLs and titles, heading IDs and all metadata.
// Counted: "control characters removed".
type Controls struct{}

// Name returns "controls".
func (Controls) Name() string { return "controls" }

// isControl reports whether Controls removes r.
func isControl(r rune) bool {
	return r < ' ' && r != '\t' && r != '\n' || r >= 0x7f && r <= 0x9f
}

// stripControls returns s without the characters isControl reports, and
// how many there were.
func stripControls(s string) (string, int) {
	n := 0
	for _, r := range s {
		if isControl(r) {
			n++
		}
	}
	if n == 0 {
		return s, 0
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s), n
}

// TransformDocument implements convert.DocumentTransform.
func (Controls) TransformDocument(ctx context.Context, d *convert.Document, opts *convert.Options) error {
	n := 0
	fix := func(s *string) {
		var k int
		*s, k = stripControls(*s)
		n += k
	}
	m := &d.Meta
	for _, s := range []*string{&m.Title, &m.Subtitle, &m.Date, &m.Lang, &m.Source, &m.Identifier, &m.Description} {
		fix(s)
	}
	for i := range m.Authors {
		fix(&m.Authors[i])
	}
	for i := range m.Keywords {
		fix(&m.Keywords[i])
	}
	for _, k := range m.ExtraKeys() {
		v := m.Extra[k]
		fix(&v)
		ck := k
		fix(&ck)
		if ck != k {
			delete(m.Extra, k)
		}
		m.Extra[ck] = v
	}
	var err error
	convert.Inspect(d.Blocks, func(node any) bool {
		if err != nil {
			return false
		}
		if err = ctx.Err(); err != nil {
			return false
		}
		switch x := node.(type) {
		case *convert.Text:
			fix(&x.Text)
		case *convert.Code:
			fix(&x.Text)
		case *convert.CodeBlock:
			fix(&x.Text)
			fix(&x.Lang)
		case *convert.Ruby:
			fix(&x.Base)
			fix(&x.Text)
		case *convert.Link:
			fix(&x.URL)
			fix(&x.Title)
		case *convert.Heading:
			fix(&x.ID)
		}
		return true
	})
	if err != nil {
		return err
	}
	report(opts).Add(Stage, "control characters removed", n)
	return nil
}
