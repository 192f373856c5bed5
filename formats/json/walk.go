package json

import (
	stdjson "encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/docconv/docconv/convert"
)

// The walk below turns the decoded tree (objects as map[string]any,
// numbers as json.Number) into the model, checking the schema and naming
// the JSON path of every problem.

// kindOf names the JSON kind of a decoded value for messages.
func kindOf(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	case stdjson.Number:
		return "a number"
	}
	return "a value"
}

func arrayOf(v any, path string) ([]any, error) {
	a, ok := v.([]any)
	if !ok {
		return nil, invalid(path, "want an array, got %s", kindOf(v))
	}
	return a, nil
}

func objectOf(v any, path string) (map[string]any, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, invalid(path, "want an object, got %s", kindOf(v))
	}
	return m, nil
}

// str reads m[key] as a string ("" when absent), refusing control
// characters.
func str(m map[string]any, key, path string) (string, error) {
	v, ok := m[key]
	if !ok {
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", invalid(path+"."+key, "want a string, got %s", kindOf(v))
	}
	return s, checkText(s, path+"."+key)
}

func boolean(m map[string]any, key, path string) (bool, error) {
	v, ok := m[key]
	if !ok {
		return false, nil
	}
	b, ok := v.(bool)
	if !ok {
		return false, invalid(path+"."+key, "want a boolean, got %s", kindOf(v))
	}
	return b, nil
}

// integer reads m[key] as an integer in [lo, hi] (0 when absent).
func integer(m map[string]any, key, path string, lo, hi int64) (int, error) {
	v, ok := m[key]
	if !ok {
		return 0, nil
	}
	n, ok := v.(stdjson.Number)
	if !ok {
		return 0, invalid(path+"."+key, "want an integer, got %s", kindOf(v))
	}
	i, err := strconv.ParseInt(n.String(), 10, 64)
	if err != nil || i < lo || i > hi {
		return 0, invalid(path+"."+key, "%s is out of range (want an integer %d–%d)", n, lo, hi)
	}
	return int(i), nil
}

// checkText refuses the control characters no writer can show: C0
// controls other than tab, line feed and carriage return, DEL and the C1
// controls. (The Markdown and text readers' output never holds them: the
// normalize "controls" transform removes them.)
func checkText(s, path string) error {
	for i, r := range s {
		if r < ' ' && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r <= 0x9f {
			return invalid(path, "control character U+%04X at byte %d of the string is not allowed", r, i)
		}
	}
	return nil
}

func checkMetaText(wm *wireMeta) error {
	for _, f := range []struct{ key, v string }{
		{"title", wm.Title}, {"subtitle", wm.Subtitle}, {"date", wm.Date}, {"lang", wm.Lang}, {"source", wm.Source},
		{"identifier", wm.Identifier}, {"description", wm.Description},
	} {
		if err := checkText(f.v, "$.meta."+f.key); err != nil {
			return err
		}
	}
	for i, a := range wm.Authors {
		if err := checkText(a, fmt.Sprintf("$.meta.authors[%d]", i)); err != nil {
			return err
		}
	}
	for i, k := range wm.Keywords {
		if err := checkText(k, fmt.Sprintf("$.meta.keywords[%d]", i)); err != nil {
			return err
		}
	}
	for _, k := range sortedKeys(wm.Extra) {
		if err := checkText(k, "$.meta.extra"); err != nil {
			return err
		}
		if err := checkText(wm.Extra[k], "$.meta.extra."+k); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func checkFigure(f *wireFigure, path string) error {
	if f.Block < -1 {
		return invalid(path+".block", "%d is out of range (want -1, a figure of the title, or a block index)", f.Block)
	}
	if f.Paragraph < 0 {
		return invalid(path+".paragraph", "%d is negative", f.Paragraph)
	}
	if math.IsNaN(f.Value) || math.IsInf(f.Value, 0) {
		return invalid(path+".value", "not a finite number")
	}
	for _, s := range []struct{ key, v string }{{"text", f.Text}, {"unit", f.Unit}, {"section", f.Section}, {"sentence", f.Sentence}} {
		if err := checkText(s.v, path+"."+s.key); err != nil {
			return err
		}
	}
	return nil
}

// nodeType returns the "type" of a node object and checks its keys.
func nodeType(m map[string]any, path string, known map[string][]string, what string) (string, error) {
	v, ok := m["type"]
	if !ok {
		return "", invalid(path, `the key "type" is missing`)
	}
	t, ok := v.(string)
	if !ok {
		return "", invalid(path+".type", "want a string, got %s", kindOf(v))
	}
	allowed, ok := known[t]
	if !ok {
		return "", invalid(path+".type", "unknown %s type %q (known: %s)", what, t, typeNames(known))
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return t, checkKeys(keys, path, t, allowed)
}

func readBlocks(v any, path string) ([]convert.Block, error) {
	elems, err := arrayOf(v, path)
	if err != nil {
		return nil, err
	}
	out := make([]convert.Block, 0, len(elems))
	for i, e := range elems {
		b, err := readBlock(e, path+"["+strconv.Itoa(i)+"]")
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

func readBlock(v any, path string) (convert.Block, error) {
	m, err := objectOf(v, path)
	if err != nil {
		return nil, err
	}
	t, err := nodeType(m, path, blockKeys, "block")
	if err != nil {
		return nil, err
	}
	switch t {
	case "heading":
		h := &convert.Heading{}
		if _, ok := m["level"]; !ok {
			return nil, invalid(path+".level", "heading level 0 is out of range 1–6")
		}
		if h.Level, err = integer(m, "level", path, 1, 6); err != nil {
			return nil, err
		}
		if h.ID, err = str(m, "id", path); err != nil {
			return nil, err
		}
		h.Inlines, err = optInlines(m, "inlines", path)
		return h, err
	case "paragraph":
		p := &convert.Paragraph{}
		p.Inlines, err = optInlines(m, "inlines", path)
		return p, err
	case "list":
		l := &convert.List{}
		if l.Ordered, err = boolean(m, "ordered", path); err != nil {
			return nil, err
		}
		if l.Start, err = integer(m, "start", path, 0, MaxStart); err != nil {
			return nil, err
		}
		if l.Tight, err = boolean(m, "tight", path); err != nil {
			return nil, err
		}
		if raw, ok := m["items"]; ok {
			items, err := arrayOf(raw, path+".items")
			if err != nil {
				return nil, err
			}
			l.Items = make([][]convert.Block, len(items))
			for i, it := range items {
				if l.Items[i], err = readBlocks(it, path+".items["+strconv.Itoa(i)+"]"); err != nil {
					return nil, err
				}
			}
		}
		if raw, ok := m["tasks"]; ok {
			if l.Tasks, err = readTasks(raw, path+".tasks", len(l.Items)); err != nil {
				return nil, err
			}
		}
		return l, nil
	case "quote":
		q := &convert.Quote{}
		if raw, ok := m["blocks"]; ok {
			if q.Blocks, err = readBlocks(raw, path+".blocks"); err != nil {
				return nil, err
			}
		}
		return q, nil
	case "code":
		c := &convert.CodeBlock{}
		if c.Lang, err = str(m, "lang", path); err != nil {
			return nil, err
		}
		if c.Text, err = str(m, "text", path); err != nil {
			return nil, err
		}
		return c, nil
	case "table":
		return readTable(m, path)
	case "figure":
		return readFigure(m, path)
	case "pagebreak":
		return &convert.PageBreak{}, nil
	}
	return &convert.Rule{}, nil
}

// readTasks reads a list's "tasks": "checked", "unchecked" or "" (no
// checkbox) per item, no more than items.
func readTasks(raw any, path string, items int) ([]convert.TaskState, error) {
	a, err := arrayOf(raw, path)
	if err != nil {
		return nil, err
	}
	if len(a) > items {
		return nil, invalid(path, "%d task states for %d items", len(a), items)
	}
	out := make([]convert.TaskState, len(a))
	for i, v := range a {
		s, ok := v.(string)
		p := path + "[" + strconv.Itoa(i) + "]"
		if !ok {
			return nil, invalid(p, "want a string, got %s", kindOf(v))
		}
		switch s {
		case "":
		case "unchecked":
			out[i] = convert.TaskUnchecked
		case "checked":
			out[i] = convert.TaskChecked
		default:
			return nil, invalid(p, `unknown task state %q (want "checked", "unchecked" or "")`, s)
		}
	}
	return out, nil
}

func readTable(m map[string]any, path string) (*convert.Table, error) {
	t := &convert.Table{}
	var err error
	if t.Caption, err = optInlines(m, "caption", path); err != nil {
		return nil, err
	}
	if len(t.Caption) == 0 {
		t.Caption = nil
	}
	if raw, ok := m["align"]; ok {
		aligns, err := arrayOf(raw, path+".align")
		if err != nil {
			return nil, err
		}
		for i, v := range aligns {
			a, ok := v.(string)
			p := path + ".align[" + strconv.Itoa(i) + "]"
			if !ok {
				return nil, invalid(p, "want a string, got %s", kindOf(v))
			}
			switch al := convert.Alignment(a); al {
			case convert.AlignDefault, convert.AlignLeft, convert.AlignCenter, convert.AlignRight:
				t.Align = append(t.Align, al)
			case "default":
				t.Align = append(t.Align, convert.AlignDefault)
			default:
				return nil, invalid(p, `unknown alignment %q (want "", "left", "center" or "right")`, a)
			}
		}
	}
	if raw, ok := m["header"]; ok {
		if t.Header, err = readCells(raw, path+".header"); err != nil {
			return nil, err
		}
		if len(t.Header) == 0 {
			t.Header = nil
		}
	}
	if raw, ok := m["rows"]; ok {
		rows, err := arrayOf(raw, path+".rows")
		if err != nil {
			return nil, err
		}
		t.Rows = make([][]convert.Cell, len(rows))
		for i, r := range rows {
			if t.Rows[i], err = readCells(r, path+".rows["+strconv.Itoa(i)+"]"); err != nil {
				return nil, err
			}
		}
	}
	return t, nil
}

func readFigure(m map[string]any, path string) (*convert.FigureBlock, error) {
	f := &convert.FigureBlock{}
	var err error
	if f.ID, err = str(m, "id", path); err != nil {
		return nil, err
	}
	if raw, ok := m["image"]; ok {
		in, err := readInline(raw, path+".image")
		if err != nil {
			return nil, err
		}
		img, ok := in.(*convert.Image)
		if !ok {
			return nil, invalid(path+".image", "want an image inline")
		}
		f.Image = img
	}
	if raw, ok := m["table"]; ok {
		b, err := readBlock(raw, path+".table")
		if err != nil {
			return nil, err
		}
		t, ok := b.(*convert.Table)
		if !ok {
			return nil, invalid(path+".table", "want a table block")
		}
		f.Table = t
	}
	if (f.Image == nil) == (f.Table == nil) {
		return nil, invalid(path, `a figure holds exactly one of "image" and "table"`)
	}
	if f.Caption, err = optInlines(m, "caption", path); err != nil {
		return nil, err
	}
	if len(f.Caption) == 0 {
		f.Caption = nil
	}
	return f, nil
}

// MaxImageSide is the largest "width" or "height" of an image the reader
// accepts (convert.MaxImagePixels allows no side longer).
const MaxImageSide = 1 << 24

func readImage(m map[string]any, path string) (*convert.Image, error) {
	im := &convert.Image{}
	var err error
	for _, f := range []struct {
		key string
		v   *string
	}{{"src", &im.Src}, {"alt", &im.Alt}, {"title", &im.Title}, {"mediaType", &im.MediaType}} {
		if *f.v, err = str(m, f.key, path); err != nil {
			return nil, err
		}
	}
	switch im.MediaType {
	case "", "image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml":
	default:
		return nil, invalid(path+".mediaType", "unknown image type %q (want image/png, image/jpeg, image/gif, image/webp or image/svg+xml)", im.MediaType)
	}
	if im.Width, err = integer(m, "width", path, 0, MaxImageSide); err != nil {
		return nil, err
	}
	if im.Height, err = integer(m, "height", path, 0, MaxImageSide); err != nil {
		return nil, err
	}
	return im, nil
}

func readCells(v any, path string) ([]convert.Cell, error) {
	cells, err := arrayOf(v, path)
	if err != nil {
		return nil, err
	}
	out := make([]convert.Cell, len(cells))
	for i, c := range cells {
		if out[i], err = readInlines(c, path+"["+strconv.Itoa(i)+"]"); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func optInlines(m map[string]any, key, path string) ([]convert.Inline, error) {
	v, ok := m[key]
	if !ok {
		return nil, nil
	}
	return readInlines(v, path+"."+key)
}

func readInlines(v any, path string) ([]convert.Inline, error) {
	elems, err := arrayOf(v, path)
	if err != nil {
		return nil, err
	}
	out := make([]convert.Inline, 0, len(elems))
	for i, e := range elems {
		in, err := readInline(e, path+"["+strconv.Itoa(i)+"]")
		if err != nil {
			return nil, err
		}
		out = append(out, in)
	}
	return out, nil
}

func readInline(v any, path string) (convert.Inline, error) {
	m, err := objectOf(v, path)
	if err != nil {
		return nil, err
	}
	t, err := nodeType(m, path, inlineKeys, "inline")
	if err != nil {
		return nil, err
	}
	switch t {
	case "text", "code":
		s, err := str(m, "text", path)
		if err != nil {
			return nil, err
		}
		if t == "code" {
			return &convert.Code{Text: s}, nil
		}
		return &convert.Text{Text: s}, nil
	case "strong", "emph", "strike", "sub", "sup":
		ins, err := optInlines(m, "inlines", path)
		if err != nil {
			return nil, err
		}
		switch t {
		case "strong":
			return &convert.Strong{Inlines: ins}, nil
		case "emph":
			return &convert.Emph{Inlines: ins}, nil
		case "sub":
			return &convert.Sub{Inlines: ins}, nil
		case "sup":
			return &convert.Sup{Inlines: ins}, nil
		}
		return &convert.Strike{Inlines: ins}, nil
	case "note":
		n := &convert.Note{}
		if raw, ok := m["blocks"]; ok {
			if n.Blocks, err = readBlocks(raw, path+".blocks"); err != nil {
				return nil, err
			}
		}
		// Notes do not nest (convert.Note). The check looks at this
		// note's blocks once: a nested note is refused on its way up,
		// so the whole walk stays linear.
		if convert.NoteCount(n.Blocks) > 0 {
			return nil, invalid(path, "a note inside a note (notes do not nest)")
		}
		return n, nil
	case "link":
		l := &convert.Link{}
		if l.URL, err = str(m, "url", path); err != nil {
			return nil, err
		}
		if l.Title, err = str(m, "title", path); err != nil {
			return nil, err
		}
		l.Inlines, err = optInlines(m, "inlines", path)
		return l, err
	case "ruby":
		r := &convert.Ruby{}
		if r.Base, err = str(m, "base", path); err != nil {
			return nil, err
		}
		if r.Text, err = str(m, "text", path); err != nil {
			return nil, err
		}
		return r, nil
	case "image":
		return readImage(m, path)
	}
	return &convert.LineBreak{}, nil
}

// depthCheck refuses input nested deeper than MaxDepth, in one pass over
// the bytes (before encoding/json's recursion meets it), naming the JSON
// path of the first value too deep.
func depthCheck(data []byte) error {
	type frame struct {
		array bool
		index int
		key   string
	}
	var stack []frame
	inString, esc := false, false
	keyStart := -1
	expectKey := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		if inString {
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inString = false
				if keyStart >= 0 {
					var k string
					if err := stdjson.Unmarshal(data[keyStart:i+1], &k); err == nil {
						stack[len(stack)-1].key = k
					}
					keyStart = -1
				}
			}
			continue
		}
		switch c {
		case '"':
			inString = true
			if expectKey {
				keyStart = i
				expectKey = false
			}
		case '{', '[':
			if len(stack) == MaxDepth {
				return pathError(data, i, stackPath(len(stack), func(j int) (bool, int, string) {
					return stack[j].array, stack[j].index, stack[j].key
				}))
			}
			stack = append(stack, frame{array: c == '['})
			expectKey = c == '{'
		case '}', ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			expectKey = false
		case ',':
			if len(stack) > 0 {
				top := &stack[len(stack)-1]
				if top.array {
					top.index++
				} else {
					expectKey = true
				}
			}
		}
	}
	return nil
}

// stackPath renders the JSON path of a stack of n frames, eliding the
// middle of a long one.
func stackPath(n int, at func(int) (array bool, index int, key string)) string {
	var b strings.Builder
	b.WriteString("$")
	for j := 0; j < n; j++ {
		if n > 12 && j == 6 {
			fmt.Fprintf(&b, "…(%d levels)…", n-12)
			j = n - 6
		}
		array, index, key := at(j)
		if array {
			b.WriteString("[" + strconv.Itoa(index) + "]")
		} else {
			b.WriteString("." + key)
		}
	}
	return b.String()
}

func pathError(data []byte, off int, path string) error {
	line, col := position(data, int64(off+1))
	return &convert.Error{Line: line, Column: col, Err: fmt.Errorf("json: %s: %w",
		path, convert.LimitErrorf("nesting deeper than %d levels of arrays and objects (json.MaxDepth)", MaxDepth))}
}
