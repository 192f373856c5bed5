// Package json reads and writes the docconv JSON dump: a lossless,
// versioned serialization of the document model, like pandoc's "native"
// format. It is the backbone of the golden tests: readers are tested by
// dumping what they read, writers by starting from a dump.
//
// Importing the package registers the format "json" (extension .json,
// media type application/json) with package convert.
//
// # Schema (version 1)
//
// The file schema.json in this directory is the JSON Schema (draft
// 2020-12) of the format. In short:
//
//	{
//	  "docconv": 1,
//	  "meta": {"title", "subtitle", "authors": [], "date", "lang", "source",
//	           "identifier", "description", "keywords": [], "extra": {}},
//	  "blocks": [block…],
//	  "figures": [{"text", "value", "unit", "kind", "date", "bound", "block",
//	               "paragraph", "section", "sentence"}…]
//	}
//
// A figure's "date" is its ISO 8601 date for dates and years
// (convert.Figure.Date: "2024-01-05", "--03-15", "1684"), omitted for other
// kinds. A figure's "bound" is "at-least", "at-most" or "about", and omitted for
// an exact figure (convert.Bound). Dumps written before it existed have a
// boolean "approx" instead; the reader takes "approx": true as "about"
// when "bound" is absent, and the writer never writes "approx".
//
// Blocks are objects with a "type":
//
//	{"type": "heading", "level": 1–6, "id": "…", "inlines": [inline…]}
//	{"type": "paragraph", "inlines": [inline…]}
//	{"type": "list", "ordered": true, "start": 3, "tight": true, "items": [[block…]…],
//	 "tasks": ["checked" | "unchecked" | ""…]}
//	{"type": "quote", "blocks": [block…]}
//	{"type": "code", "lang": "go", "text": "…"}
//	{"type": "table", "caption": [inline…], "align": ["left", "", "center", "right"…],
//	 "header": [[inline…]…], "rows": [[[inline…]…]…]}
//	{"type": "rule"}
//	{"type": "figure", "id": "…", "image": {image inline}, "table": {table block},
//	 "caption": [inline…]}   (exactly one of "image" and "table")
//	{"type": "pagebreak"}
//
// and so are inlines:
//
//	{"type": "text", "text": "…"}
//	{"type": "strong" | "emph" | "strike" | "sub" | "sup", "inlines": [inline…]}
//	{"type": "note", "blocks": [block…]}
//	{"type": "code", "text": "…"}
//	{"type": "link", "url": "…", "title": "…", "inlines": [inline…]}
//	{"type": "ruby", "base": "區", "text": "qū"}
//	{"type": "linebreak"}
//	{"type": "image", "src": "img/a.png", "alt": "…", "title": "…", "width": 640,
//	 "height": 480, "mediaType": "image/png"}
//
// An image's bytes are not in the dump: "src" is kept as written, and
// convert.Read resolves it again relative to the JSON file (see
// convert.ResolveImages); "width", "height" and "mediaType" are what was
// learnt from the bytes when the dump was written.
//
// Keys whose value is the zero value (false, 0, "", an empty list) are
// omitted, except "inlines", "items", "blocks", "rows" and "text", which are
// always written. "tasks" (the checkbox of each item of a task list, "" for
// none; no longer than "items") is omitted when no item has one. A "note"
// (footnote) stands where it is referenced and holds no note. "header" is omitted when the table has no header row.
// "figures" is written when the document's figures are known (the writer
// extracts them when Document.Figures is nil); the reader sets
// Document.Figures from it, so that an absent key means "not extracted"
// and [] means "extracted, none found".
//
// # Stability
//
// The writer's output is canonical: keys in the order above, objects in
// schema order, map keys (meta.extra) sorted, two-space indentation for
// the first IndentDepth (32) levels of nesting and compact JSON deeper (so
// that the size stays linear in the document), UTF-8 text unescaped (no
// \u003c for <), a trailing newline. Reading writer output and writing it
// again gives the same bytes.
//
// # Errors
//
// Malformed JSON gives a *convert.Error with the Line and Column of the
// problem. Schema violations give an error naming the JSON path, such as
// "$.blocks[3].items[0][1].start": an unknown "type", an unknown key, a
// value of the wrong type, a heading level outside 1–6, a list "start"
// outside 0–999,999,999 (MaxStart, CommonMark's nine digits), a negative
// figure "block" or "paragraph", an unknown task state or more of them than
// items, a note inside a note, a control character in a string (C0
// controls other than tab, line feed and carriage return, DEL, C1
// controls), a schema version other than 1. These errors wrap
// convert.ErrInvalidInput.
//
// A "date" is validated as from every source (convert.Meta.SetSourceDate):
// one that is no real date is kept in meta.extra.date, with a warning.
//
// # Limits
//
// Arrays and objects nested deeper than MaxDepth (1,000) levels are refused
// before decoding, with an error wrapping convert.ErrLimit (the command
// exits with status 3) that gives the line, column and JSON path. Within
// that limit, Reader.Read flattens quotes and lists nested deeper than
// convert.MaxNesting (100) levels into that level, with a warning, as the
// Markdown reader does. The
// reader holds the whole input in memory, decodes it once and walks it
// once: time and memory are linear in the input.
package json
