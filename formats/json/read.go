package json

import (
	"bytes"
	"context"
	stdjson "encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/docconv/docconv/convert"
)

// Reader reads the docconv JSON dump back into a Document. The zero value
// is ready to use.
type Reader struct{}

// Read implements convert.Reader.
func (r *Reader) Read(ctx context.Context, in io.Reader) (*convert.Document, error) {
	data, err := io.ReadAll(in)
	if err != nil {
		return nil, fmt.Errorf("json: %w", err)
	}
	return Unmarshal(data)
}

// Unmarshal parses a docconv JSON dump. Malformed JSON gives a
// *convert.Error with Line and Column; a well-formed document that does not
// follow the schema (unknown type or key, wrong value type, unsupported
// schema version) gives an error naming the JSON path. All errors wrap
// convert.ErrInvalidInput.
func Unmarshal(data []byte) (*convert.Document, error) {
	if err := syntaxCheck(data); err != nil {
		return nil, err
	}
	top, err := object(data, "$", "docconv", "meta", "blocks", "figures")
	if err != nil {
		return nil, err
	}
	ver, ok := top["docconv"]
	if !ok {
		return nil, invalid("$", `not a docconv document: the key "docconv" (schema version %d) is missing`, SchemaVersion)
	}
	if v := strings.TrimSpace(string(ver)); v != fmt.Sprint(SchemaVersion) {
		return nil, invalid("$.docconv", "unsupported schema version %s (this reader knows version %d)", v, SchemaVersion)
	}
	d := &convert.Document{}
	if raw, ok := top["meta"]; ok {
		var wm wireMeta
		if err := strictDecode(raw, &wm); err != nil {
			return nil, invalid("$.meta", "%v", err)
		}
		d.Meta = convert.Meta{
			Title: wm.Title, Subtitle: wm.Subtitle, Authors: wm.Authors, Date: wm.Date, Lang: wm.Lang,
			Source: wm.Source, Identifier: wm.Identifier, Description: wm.Description, Keywords: wm.Keywords,
		}
		if len(wm.Extra) > 0 {
			d.Meta.Extra = wm.Extra
		}
	}
	if raw, ok := top["blocks"]; ok {
		if d.Blocks, err = readBlocks(raw, "$.blocks"); err != nil {
			return nil, err
		}
	}
	if raw, ok := top["figures"]; ok {
		var figs []wireFigure
		if err := strictDecode(raw, &figs); err != nil {
			return nil, invalid("$.figures", "%v", err)
		}
		d.Figures = make([]convert.Figure, len(figs))
		for i, f := range figs {
			if f.Bound.Symbol() == "" && f.Bound != convert.Exact {
				return nil, invalid(fmt.Sprintf("$.figures[%d].bound", i), "unknown bound %q", f.Bound)
			}
			d.Figures[i] = f.figure()
		}
	}
	return d, nil
}

// syntaxCheck reports malformed JSON with its line and column.
func syntaxCheck(data []byte) error {
	if stdjson.Valid(data) {
		return nil
	}
	var v any
	err := stdjson.Unmarshal(data, &v)
	if err == nil {
		return nil
	}
	var se *stdjson.SyntaxError
	if errors.As(err, &se) {
		line, col := position(data, se.Offset)
		return &convert.Error{Line: line, Column: col, Err: fmt.Errorf("json: %v: %w", se, convert.ErrInvalidInput)}
	}
	return &convert.Error{Err: fmt.Errorf("json: %v: %w", err, convert.ErrInvalidInput)}
}

// position converts the offset of a json.SyntaxError (bytes read when the
// error was found) to a 1-based line and a 1-based column in characters.
func position(data []byte, offset int64) (line, col int) {
	off := int(offset)
	if off > 0 {
		off-- // the offending byte is the last one read
	}
	off = min(off, len(data))
	before := data[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return line, utf8.RuneCount(before) + 1
}

func invalid(path, format string, args ...any) error {
	return fmt.Errorf("json: %s: %s: %w", path, fmt.Sprintf(format, args...), convert.ErrInvalidInput)
}

// strictDecode decodes raw into v, refusing unknown keys.
func strictDecode(raw []byte, v any) error {
	dec := stdjson.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// object decodes an object and, when allowed is not empty, refuses other
// keys.
func object(raw []byte, path string, allowed ...string) (map[string]stdjson.RawMessage, error) {
	var m map[string]stdjson.RawMessage
	if err := stdjson.Unmarshal(raw, &m); err != nil || m == nil {
		return nil, invalid(path, "want an object, got %s", kind(raw))
	}
	if len(allowed) == 0 {
		return m, nil
	}
	return m, checkKeys(m, path, "", allowed)
}

// checkKeys refuses keys of m not in allowed; typ names the node type in
// the message.
func checkKeys(m map[string]stdjson.RawMessage, path, typ string, allowed []string) error {
	var unknown []string
	for k := range m {
		if !contains(allowed, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Strings(unknown)
	what := "unknown key"
	if typ != "" {
		what += " for type " + strconv.Quote(typ)
	}
	return invalid(path, "%s %q (allowed: %s)", what, unknown[0], strings.Join(allowed, ", "))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// kind names the JSON kind of raw for messages.
func kind(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

func array(raw []byte, path string) ([]stdjson.RawMessage, error) {
	var a []stdjson.RawMessage
	if err := stdjson.Unmarshal(raw, &a); err != nil {
		return nil, invalid(path, "want an array, got %s", kind(raw))
	}
	return a, nil
}

// field decodes m[key] into v when present.
func field(m map[string]stdjson.RawMessage, key, path string, v any) error {
	raw, ok := m[key]
	if !ok {
		return nil
	}
	if err := stdjson.Unmarshal(raw, v); err != nil {
		return invalid(path+"."+key, "want %s, got %s", want(v), kind(raw))
	}
	return nil
}

func want(v any) string {
	switch v.(type) {
	case *string:
		return "a string"
	case *int:
		return "an integer"
	case *bool:
		return "a boolean"
	}
	return "a value"
}

// nodeType returns the "type" of a node object.
func nodeType(m map[string]stdjson.RawMessage, path string) (string, error) {
	raw, ok := m["type"]
	if !ok {
		return "", invalid(path, `the key "type" is missing`)
	}
	var t string
	if err := stdjson.Unmarshal(raw, &t); err != nil {
		return "", invalid(path+".type", "want a string, got %s", kind(raw))
	}
	return t, nil
}

// blockKeys lists the keys each block type allows.
var blockKeys = map[string][]string{
	"heading":   {"type", "level", "id", "inlines"},
	"paragraph": {"type", "inlines"},
	"list":      {"type", "ordered", "start", "tight", "items"},
	"quote":     {"type", "blocks"},
	"code":      {"type", "lang", "text"},
	"table":     {"type", "caption", "align", "header", "rows"},
	"rule":      {"type"},
}

// inlineKeys lists the keys each inline type allows.
var inlineKeys = map[string][]string{
	"text":      {"type", "text"},
	"strong":    {"type", "inlines"},
	"emph":      {"type", "inlines"},
	"strike":    {"type", "inlines"},
	"code":      {"type", "text"},
	"link":      {"type", "url", "title", "inlines"},
	"ruby":      {"type", "base", "text"},
	"linebreak": {"type"},
}

func typeNames(m map[string][]string) string {
	var ns []string
	for k := range m {
		ns = append(ns, k)
	}
	sort.Strings(ns)
	return strings.Join(ns, ", ")
}

func readBlocks(raw []byte, path string) ([]convert.Block, error) {
	elems, err := array(raw, path)
	if err != nil {
		return nil, err
	}
	out := make([]convert.Block, 0, len(elems))
	for i, e := range elems {
		b, err := readBlock(e, fmt.Sprintf("%s[%d]", path, i))
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

func readBlock(raw []byte, path string) (convert.Block, error) {
	m, err := object(raw, path)
	if err != nil {
		return nil, err
	}
	t, err := nodeType(m, path)
	if err != nil {
		return nil, err
	}
	allowed, ok := blockKeys[t]
	if !ok {
		return nil, invalid(path+".type", "unknown block type %q (known: %s)", t, typeNames(blockKeys))
	}
	if err := checkKeys(m, path, t, allowed); err != nil {
		return nil, err
	}
	switch t {
	case "heading":
		h := &convert.Heading{}
		if err := field(m, "level", path, &h.Level); err != nil {
			return nil, err
		}
		if h.Level < 1 || h.Level > 6 {
			return nil, invalid(path+".level", "heading level %d is out of range 1–6", h.Level)
		}
		if err := field(m, "id", path, &h.ID); err != nil {
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
		for _, f := range []struct {
			key string
			v   any
		}{{"ordered", &l.Ordered}, {"start", &l.Start}, {"tight", &l.Tight}} {
			if err := field(m, f.key, path, f.v); err != nil {
				return nil, err
			}
		}
		if raw, ok := m["items"]; ok {
			items, err := array(raw, path+".items")
			if err != nil {
				return nil, err
			}
			l.Items = make([][]convert.Block, len(items))
			for i, it := range items {
				if l.Items[i], err = readBlocks(it, fmt.Sprintf("%s.items[%d]", path, i)); err != nil {
					return nil, err
				}
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
		if err := field(m, "lang", path, &c.Lang); err != nil {
			return nil, err
		}
		if err := field(m, "text", path, &c.Text); err != nil {
			return nil, err
		}
		return c, nil
	case "table":
		return readTable(m, path)
	}
	return &convert.Rule{}, nil
}

func readTable(m map[string]stdjson.RawMessage, path string) (*convert.Table, error) {
	t := &convert.Table{}
	var err error
	if t.Caption, err = optInlines(m, "caption", path); err != nil {
		return nil, err
	}
	if len(t.Caption) == 0 {
		t.Caption = nil
	}
	var aligns []string
	if err := field(m, "align", path, &aligns); err != nil {
		return nil, err
	}
	for i, a := range aligns {
		switch al := convert.Alignment(a); al {
		case convert.AlignDefault, convert.AlignLeft, convert.AlignCenter, convert.AlignRight:
			t.Align = append(t.Align, al)
		case "default":
			t.Align = append(t.Align, convert.AlignDefault)
		default:
			return nil, invalid(fmt.Sprintf("%s.align[%d]", path, i), `unknown alignment %q (want "", "left", "center" or "right")`, a)
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
		rows, err := array(raw, path+".rows")
		if err != nil {
			return nil, err
		}
		t.Rows = make([][]convert.Cell, len(rows))
		for i, r := range rows {
			if t.Rows[i], err = readCells(r, fmt.Sprintf("%s.rows[%d]", path, i)); err != nil {
				return nil, err
			}
		}
	}
	return t, nil
}

func readCells(raw []byte, path string) ([]convert.Cell, error) {
	cells, err := array(raw, path)
	if err != nil {
		return nil, err
	}
	out := make([]convert.Cell, len(cells))
	for i, c := range cells {
		if out[i], err = readInlines(c, fmt.Sprintf("%s[%d]", path, i)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func optInlines(m map[string]stdjson.RawMessage, key, path string) ([]convert.Inline, error) {
	raw, ok := m[key]
	if !ok {
		return nil, nil
	}
	return readInlines(raw, path+"."+key)
}

func readInlines(raw []byte, path string) ([]convert.Inline, error) {
	elems, err := array(raw, path)
	if err != nil {
		return nil, err
	}
	out := make([]convert.Inline, 0, len(elems))
	for i, e := range elems {
		in, err := readInline(e, fmt.Sprintf("%s[%d]", path, i))
		if err != nil {
			return nil, err
		}
		out = append(out, in)
	}
	return out, nil
}

func readInline(raw []byte, path string) (convert.Inline, error) {
	m, err := object(raw, path)
	if err != nil {
		return nil, err
	}
	t, err := nodeType(m, path)
	if err != nil {
		return nil, err
	}
	allowed, ok := inlineKeys[t]
	if !ok {
		return nil, invalid(path+".type", "unknown inline type %q (known: %s)", t, typeNames(inlineKeys))
	}
	if err := checkKeys(m, path, t, allowed); err != nil {
		return nil, err
	}
	switch t {
	case "text", "code":
		var s string
		if err := field(m, "text", path, &s); err != nil {
			return nil, err
		}
		if t == "code" {
			return &convert.Code{Text: s}, nil
		}
		return &convert.Text{Text: s}, nil
	case "strong", "emph", "strike":
		ins, err := optInlines(m, "inlines", path)
		if err != nil {
			return nil, err
		}
		switch t {
		case "strong":
			return &convert.Strong{Inlines: ins}, nil
		case "emph":
			return &convert.Emph{Inlines: ins}, nil
		}
		return &convert.Strike{Inlines: ins}, nil
	case "link":
		l := &convert.Link{}
		if err := field(m, "url", path, &l.URL); err != nil {
			return nil, err
		}
		if err := field(m, "title", path, &l.Title); err != nil {
			return nil, err
		}
		l.Inlines, err = optInlines(m, "inlines", path)
		return l, err
	case "ruby":
		r := &convert.Ruby{}
		if err := field(m, "base", path, &r.Base); err != nil {
			return nil, err
		}
		if err := field(m, "text", path, &r.Text); err != nil {
			return nil, err
		}
		return r, nil
	}
	return &convert.LineBreak{}, nil
}
