// Package markdown reads and writes Markdown: CommonMark
// (https://spec.commonmark.org/0.31.2/) with the GitHub Flavored Markdown
// extensions tables, strikethrough and extended autolinks
// (https://github.github.com/gfm/), parsed by goldmark, plus a YAML front
// matter block for the metadata.
//
// Importing the package registers the format "markdown" (aliases md and
// gfm; extensions .md and .markdown; media type text/markdown).
//
// # Reading
//
// A first line "---", YAML, and a line "---" or "..." is front matter when
// the YAML is a mapping: title, subtitle, author/authors (a string or a
// list), date (kept as written), lang/language, source, identifier,
// description/subject/abstract, keywords/tags (a list, or one string split
// at commas) go to the matching convert.Meta fields; other keys go to
// Meta.Extra (lists and maps as YAML flow text). The block is blanked, not
// cut, before goldmark parses the rest, so positions stay those of the
// file; YAML errors are *convert.Error values with the file line.
//
// Invalid UTF-8 is replaced by U+FFFD before parsing.
//
// A leading level-1 heading becomes the title, as with pandoc's
// --shift-heading-level-by=-1: when the front matter gives no title, the
// first block is a level-1 heading with text and the document has no other
// level-1 heading (at any depth, in quotes and lists too), its plain text
// (line breaks made spaces, trimmed) goes to Meta.Title, the heading is
// dropped (with its identifier) and every other heading moves up one
// level (## → level 1, ### → level 2…), so the writers do not print the
// title twice. With a title in the front matter, two level-1 headings, or
// text before the first one, the headings are kept as written. The writer
// puts the title in the front matter, so reading its output again changes
// nothing.
//
// Mapping to the model:
//   - Headings (ATX and setext) get an identifier: an explicit one written
//     as "## Heading {#id}", else Slug of the heading text made unique with
//     -1, -2… (explicit identifiers are reserved first). Slug keeps letters
//     of every script, so "## 重点城市" gets the id "重点城市" (legal in
//     HTML5 and EPUB 3), where goldmark's own generator would give only
//     "heading".
//   - Paragraphs, lists (ordered, start number — "0." reads as 1, since
//     the model's 0 means 1 —, tight), block quotes, fenced and indented
//     code (the language is the first word of the info string), thematic
//     breaks and GFM tables (alignment; a header row of empty cells means
//     "no header") map one to one.
//   - Emphasis, strong emphasis, strikethrough, code spans, links and
//     autolinks map one to one. An image is an Image (source, title, its
//     description's text as alt text); an image with a description alone
//     in its paragraph is a FigureBlock captioned by the description, with
//     its emphasis and links (pandoc's implicit_figures). The reader reads
//     no file: convert.Read resolves the images afterwards (see
//     convert.ResolveImages).
//   - Footnotes ([^label] references, "[^label]: text" definitions whose
//     further paragraphs are indented by four spaces; goldmark's Footnote
//     syntax, with its lookup and sorting replaced by linear ones, see
//     footnote.go) become Note inlines where they are referenced (notes.go:
//     pandoc's rules for undefined, unused, nested and repeated
//     references). GFM task-list items ("- [x]", "- [ ]") give the list's
//     Tasks. Raw <sub> and <sup> are Sub and Sup; pandoc's ~sub~ and
//     ^sup^ are not read, since a single ~ is GFM strikethrough (goldmark
//     reads ~x~ as struck text) and ^ would make every caret in prose
//     markup. The writer writes them back the same way: <sub>/<sup>, the
//     notes numbered [^1], [^2]… with their definitions after the last
//     block, the checkboxes.
//   - A hard line break is a LineBreak. A soft line break (a newline inside
//     a paragraph) disappears between two Chinese or Japanese characters
//     (Han, kana, CJK and fullwidth punctuation, CJK quotes, dashes and
//     ellipses) and is a space otherwise — including between Hangul, since
//     Korean separates words with spaces.
//   - Raw HTML is never kept as markup, nor shown as source text: the
//     model has no raw-HTML node, so the reader does what pandoc does for
//     targets that are not HTML, keeping what a reader of the rendered page
//     sees (tokenized with golang.org/x/net/html). HTML blocks: <script>,
//     <style>, <iframe>, <object>, <embed>, <template>, <noscript>, <svg>…,
//     comments and declarations are dropped with their content; the text
//     of other elements is kept (tags stripped, entities decoded, white
//     space collapsed, a newline between two Chinese or Japanese characters
//     removed), one paragraph per block-level element (<div>, <p>,
//     <details>, <li>, <tr>…; table cells separated by spaces); <pre>
//     becomes a code block; a block without text disappears. Inline HTML:
//     <strong>/<b>, <em>/<i>, <del>/<s>/<strike>, <code>/<kbd>/<samp>,
//     <br>, <ruby>base<rt>text</rt></ruby> (optionally with <rp>) and
//     <a href> with a relative or http, https, mailto, ftp or tel URL are
//     read as Strong, Emph, Strike, Code, LineBreak, Ruby and Link when
//     properly paired; <img alt src> becomes an Image (never a figure);
//     <script>…</script> (and the other elements above) is dropped with its
//     content; other tags, comments and unpaired tags are dropped and the
//     text between them kept (a space that dropping doubled is removed).
//     Each start tag, comment or declaration dropped counts in the report
//     (Reader.Report, or convert.Options.Report through the registry) as
//     "raw HTML elements dropped".
//   - Page breaks: an HTML element whose style asks for a page break
//     (page-break-before/after: always, break-before/after: page), such as
//     the writer's <div style="page-break-after: always"></div>, and a
//     paragraph that is only \newpage or \pagebreak (LaTeX, which pandoc
//     reads as raw TeX) are a PageBreak.
//
// Goldmark follows CommonMark's flanking rules strictly, so
// "**一是…。**其次" (a closing ** after CJK punctuation and before a
// letter) is not strong emphasis; the reader keeps it as literal text, as
// GitHub does.
//
// # Limits
//
// Reading is linear in the input. Quotes and lists nested deeper than
// convert.MaxNesting (100) levels are flattened into level 100, and
// container markers past the 100th at the start of a line ("> > > …", for
// which goldmark's cost grows with the square of their number) are
// dropped, their text kept. A paragraph whose unmatched emphasis
// delimiters would make goldmark walk back over more than 32 open
// delimiters per delimiter (plus 65,536), as "*a_ " repeated does, has
// the rest of its * _ ~ read as text. Each case is reported as a warning
// naming the line.
//
// # Writing
//
// The writer emits YAML front matter (keys in convert.Meta's field order,
// then Extra sorted; omitted when the metadata is empty), ATX headings
// with "{#id}" only when the identifier differs from the one the reader
// would generate, "-" bullets and "1." numbers (alternating with "*" and
// "1)" when two lists follow each other; "*" or "+" where "- - -" would
// read as a rule), fenced code, "***" rules, page breaks as
// <div style="page-break-after: always"></div> (convert.PageBreakHTML:
// CommonMark raw HTML, so renderers and pandoc keep it and browsers break
// the page when printing), and GFM pipe tables with an alignment row and escaped pipes. Text is
// escaped so that reading the output gives the same model back: Markdown
// punctuation is backslash-escaped, leading and trailing spaces and
// newlines inside Text are written as character references, and GFM's
// bare-URL autolinker is defeated on text that was not a link. Emphasis
// uses * ** ~~ where CommonMark will read them back, and <em>, <strong>,
// <del> where its flanking rules would not (typically next to CJK
// punctuation). A code span right after another is written as <code>
// (backtick runs would merge). Inside a list item, a nested list ending
// with an empty item is not followed by a blank line (goldmark would end
// the enclosing item there). Ruby is written as
// <ruby>base<rt>text</rt></ruby>. With
// FiguresTable (convert.Options.FiguresTable) a "## 数据一览" (數據一覽,
// 数値一覧, 수치 목록, Figures: by language) section with a table of
// figures.Of(d) is appended.
//
// Lossy cases, none of which a Markdown-read model contains: table
// captions (written as a paragraph before the table), tables without a
// header row (an empty header row is written), empty paragraphs and empty
// code spans (dropped), identifiers that cannot be written as {#id}, line
// breaks inside code spans, two consecutive paragraphs in one item of a
// tight list, adjacent Text inlines (merged on reading). The reader avoids
// producing the shapes dropping raw HTML could leave: it drops empty
// paragraphs, list items and lists that held only raw HTML and tables
// with neither header nor rows, joins consecutive paragraphs of a tight
// item with a line break, and makes a list tight when it has one item
// with at most one block.
//
// The round trip Markdown → model → Markdown → model gives the same model
// (tested on the fixtures and fuzzed).
//
// # Security
//
// Raw HTML is never passed through as markup (see Reading), links made
// from <a href> and <img src> only get safe URLs, and the reader does not
// fetch anything (links and images are only recorded).
package markdown
