// Package text reads and writes plain-text articles, registered as format
// "text" (aliases "txt", "plain"; extension .txt; media type text/plain).
//
// # Reading
//
// The [Reader] is exact: it never changes, adds or drops a character of
// the running text (clean-up such as pinyin removal or fullwidth
// punctuation is the job of package convert/normalize). It only trims the
// whitespace at both ends of each line (including U+3000 IDEOGRAPHIC SPACE
// used as a first-line indent and a CR before LF), drops a leading byte
// order mark, and decides where blocks begin and end. Meta.Lang is left
// empty unless front matter sets it; the pipeline calls
// convert.DetectLanguage.
//
// Header. The input may start with
//
//   - YAML front matter between a "---" line and a "---" or "..." line
//     (pandoc style). title, subtitle, author/authors (string, list, or
//     list of {name: …}), date, lang, keywords (list or comma-separated
//     string), description, identifier and source fill Meta; other keys go
//     to Meta.Extra (lists joined with ", "). A date convert.ParseDate does
//     not understand and an invalid language tag are kept in Meta.Extra.
//     Malformed YAML is an error: a *convert.Error with Line set, wrapping
//     convert.ErrInvalidInput. A "---" block whose first line is not a
//     "key:" line is not front matter.
//   - a pandoc title block: up to three lines "% title", "% author; author",
//     "% date".
//
// Layout. Paragraphs are either one per line (Chinese/Japanese/Korean news
// style) or blocks of hard-wrapped lines separated by blank lines (English
// style). The layout is detected per document (see [Layout]): it is
// "wrapped" when the text has blank lines, nine lines in ten are at most
// 160 columns wide (CJK characters count two), and at least half of the
// lines followed by another line of the same block are wide (half the
// 90th-percentile width, at least 20 columns) and do not end a sentence.
// Otherwise every non-blank line is a paragraph and blank lines mean
// nothing (a stray blank line between paragraphs is harmless).
//
// Wrapped lines are joined with nothing between CJK characters (Han, kana,
// CJK and fullwidth punctuation), with a space between words of Latin or
// Korean text, with nothing after "letter-" before a lower-case letter, and
// between Han/kana and a Latin letter or digit the way the document itself
// writes them inside lines (a space if "中文 ABC" is more frequent than
// "中文ABC").
//
// Title. Without a title from the header, a first line that has the shape
// of a heading (below) and is followed by a blank line becomes Meta.Title
// and is not a block. When the header gives a title and the first line
// repeats it, that line is dropped.
//
// Headings. A paragraph line becomes a *convert.Heading of level
// [HeadingLevel] (2: one below the title, whether or not the input has one,
// so that levels do not depend on the input's header) when
//
//   - it is short: at most 24 characters when at least half of them are
//     wide (CJK), else at most 60 characters and 10 words, not starting with
//     a lower-case letter and without ". " inside;
//   - it has a letter, no 。！？ inside and does not end (before closing
//     quotes or brackets) with 。！？.!?；;：:，,、;
//   - it is not an enumerated point (below);
//   - a longer paragraph (or list or table) follows it, and the line before
//     it, if any, is not itself short in this sense. So the last line, the
//     only line and runs of short lines (addresses, verse) stay paragraphs.
//
// Example: 打造新亮點, 同心向未來, Looking ahead. Markdown-style lines "# Title"
// … "###### Title" are always headings of their own level.
//
// Enumerated points. A paragraph starting with an enumerator — Chinese
// 一是/二是…, 其一，, 第一，(or 第一, 第一、), 首先，, 其次，, 再次，, 最后/最後，;
// Japanese 第一に、, まず、, 最後に、; Korean 첫째, 둘째, … 마지막으로,; English
// First, … Tenth,, Firstly, …, Finally, Lastly, — gets its first sentence
// (up to and including the first 。！？, or . ! ? followed by a space, a CJK
// character or the end, plus closing quotes) as a *convert.Strong lead-in;
// the rest is a *convert.Text. Only the start of a paragraph counts: in
// "第一，要坚持…。第二，…" only the first sentence is bold. A paragraph
// without a sentence end gets no lead-in.
//
// Other blocks. Lines "• item", "- item", "* item", "+ item", "・ item" make
// bullet lists, "1. item" / "1) item" ordered lists (consecutive numbers;
// nesting is not recognised); two or more consecutive lines containing tabs
// make a table (cells split at tabs and kept exactly, no header row); a line of three or more
// "-", "*" or "_" is a *convert.Rule. In the wrapped layout, lines of a
// block that follow a list item continue that item.
//
// # Writing
//
// The [Writer] writes what a reader would copy out of the rendered
// document: one block per line, no blank lines (see [Writer.BlankLines]),
// no title line, headings as their text, list markers "• " and "1. " only
// (so that the PDF shows every character the text has), quotes indented by
// two spaces, table cells separated by tabs, code verbatim, ruby as its
// base. Reading the output back and writing it again gives the same bytes.
package text
