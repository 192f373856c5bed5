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
type Reader struct {
	// Report receives the warnings about a "date" that is no valid date
	// (kept in meta.extra, see convert.Meta.SetSourceDate) and about
	// quotes and lists nested deeper than convert.MaxNesting (flattened
	// by Read, as the Markdown reader does; Unmarshal keeps them); nil
	// discards them.
	Report *convert.Report
}

// Read implements convert.Reader.
func (r *Reader) Read(ctx context.Context, in io.Reader) (*convert.Document, error) {
	data, err := io.ReadAll(in)
	if err != nil {
		return nil, fmt.Errorf("json: %w", err)
	}
	d, err := Unmarshal(data)
	if err != nil {
		return nil, err
	}
	convert.WarnSourceDate(r.Report, "json", &d.Meta)
	if bs, n := convert.LimitNesting(d.Blocks); n > 0 {
		// As the Markdown reader does: no writer meets deeper structure.
		d.Blocks = bs
		r.Report.Warn("json: quotes, lists or inline formatting nested deeper than %d levels: %d flattened into level %d", convert.MaxNesting, n, convert.MaxNesting)
	}
	return d, nil
}

// MaxDepth is the deepest nesting of JSON arrays and objects the reader
// accepts. A quote costs two levels, a list three, an inline container
// (strong, emph, link…) two: far more than real documents use (the
// Markdown reader keeps convert.MaxNesting levels of quotes and lists),
// and far below encoding/json's own limit of 10,000. Deeper input is
// refused with an error wrapping convert.ErrLimit and naming the JSON path.
const MaxDepth = 1000

// MaxStart is the largest "start" of an ordered list: convert.MaxListStart,
// CommonMark's limit of nine digits, so that every item's number fits any
// integer.
const MaxStart = convert.MaxListStart

// Unmarshal parses a docconv JSON dump. Malformed JSON gives a
// *convert.Error with Line and Column; a well-formed document that does not
// follow the schema (unknown type or key, wrong value type, unsupported
// schema version) gives an error naming the JSON path. All errors wrap
// convert.ErrInvalidInput.
func Unmarshal(data []byte) (*convert.Document, error) {
	if err := depthCheck(data); err != nil {
		return nil, err
	}
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
			Title: wm.Title, Subtitle: wm.Subtitle, Authors: wm.Authors, Lang: wm.Lang,
			Source: wm.Source, Identifier: wm.Identifier, Description: wm.Description, Keywords: wm.Keywords,
		}
		if len(wm.Extra) > 0 {
			d.Meta.Extra = wm.Extra
		}
		if err := checkMetaText(&wm); err != nil {
			return nil, err
		}
		if wm.Date != "" {
			// Validated like -M date=… and front matter: an impossible
			// date goes to extra (Reader warns).
			_ = d.Meta.SetSourceDate(wm.Date)
		}
	}
	if raw, ok := top["blocks"]; ok {
		// One decoding of the whole tree, then one walk: linear in the
		// input, whatever the nesting.
		dec := stdjson.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, invalid("$.blocks", "%v", err)
		}
		if d.Blocks, err = readBlocks(v, "$.blocks"); err != nil {
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
			if err := checkFigure(&f, fmt.Sprintf("$.figures[%d]", i)); err != nil {
				return nil, err
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
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return m, checkKeys(keys, path, "", allowed)
}

// checkKeys refuses keys of m not in allowed; typ names the node type in
// the message.
func checkKeys(keys []string, path, typ string, allowed []string) error {
	var unknown []string
	for _, k := range keys {
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

// blockKeys lists the keys each block type allows.
var blockKeys = map[string][]string{
	"heading":   {"type", "level", "id", "inlines"},
	"paragraph": {"type", "inlines"},
	"list":      {"type", "ordered", "start", "tight", "items", "tasks"},
	"quote":     {"type", "blocks"},
	"code":      {"type", "lang", "text"},
	"table":     {"type", "caption", "align", "header", "rows"},
	"rule":      {"type"},
	"figure":    {"type", "id", "image", "table", "caption"},
	"pagebreak": {"type"},
}

// inlineKeys lists the keys each inline type allows.
var inlineKeys = map[string][]string{
	"text":      {"type", "text"},
	"strong":    {"type", "inlines"},
	"emph":      {"type", "inlines"},
	"strike":    {"type", "inlines"},
	"sub":       {"type", "inlines"},
	"sup":       {"type", "inlines"},
	"note":      {"type", "blocks"},
	"code":      {"type", "text"},
	"link":      {"type", "url", "title", "inlines"},
	"ruby":      {"type", "base", "text"},
	"linebreak": {"type"},
	"image":     {"type", "src", "alt", "title", "width", "height", "mediaType"},
}

func typeNames(m map[string][]string) string {
	var ns []string
	for k := range m {
		ns = append(ns, k)
	}
	sort.Strings(ns)
	return strings.Join(ns, ", ")
}
