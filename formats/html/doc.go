// Package html writes standalone HTML5 documents with CJK-aware
// typography, and exports Fragment, which renders blocks as markup that is
// also well-formed XHTML (for EPUB content documents).
//
// Importing the package registers the format "html" (extensions .html and
// .htm, media type text/html); it has no reader yet.
//
// # Output
//
// The document is HTML5 (https://html.spec.whatwg.org/) in its XML-
// compatible ("polyglot") form: <!DOCTYPE html>, <html lang="…">
// (Meta.Lang, else convert.DetectLanguage), <meta charset="utf-8" />, a
// <title> (Meta.Title, else the first heading), <meta> elements for author,
// keywords, description and dcterms.date/source/identifier, and an inline
// style sheet:
//
//   - font stacks per language through :lang() — zh-Hant/zh-TW/zh-HK:
//     "Noto Sans TC", "PingFang TC", "Microsoft JhengHei"; zh-Hans/zh:
//     "Noto Sans SC", "PingFang SC", "Microsoft YaHei"; ja: "Noto Sans JP",
//     "Hiragino Sans", "Yu Gothic"; ko: "Noto Sans KR", "Apple SD Gothic
//     Neo", "Malgun Gothic"; then sans-serif — preceded by Writer.Fonts;
//   - justified text, line-break: strict (kinsoku), word-break: normal,
//     text-autospace and text-spacing-trim (CSS Text 4, where browsers
//     support them), a 2em first-line indent for Chinese, Japanese and
//     Korean paragraphs (https://www.w3.org/TR/clreq/,
//     https://www.w3.org/TR/jlreq/);
//   - bordered tables, monospace code, small ruby annotations.
//
// When Meta.Title is set and the document does not already open with a
// level 1 heading of the same text, a <header> shows title, subtitle,
// authors and date. With FiguresTable a section titled 數據一覽 (zh-Hant),
// 数据一览 (zh-Hans), 数値一覧 (ja), 수치 목록 (ko) or Figures lists
// figures.Of(d): the table figures.Table builds (the same in every
// writer), rendered like any other table.
//
// Headings carry id attributes: Heading.ID, or a slug of the heading text
// (the Markdown reader's rule) when it is empty, made unique with -1, -2….
// Ruby is written as <ruby>區<rp>(</rp><rt>qū</rt><rp>)</rp></ruby>.
//
// # Security
//
// All text is escaped (&amp; &lt; &gt; &quot;): a <script> in the input is
// text in the output, never markup. Links are kept only for http, https,
// mailto, ftp and tel URLs and relative ones (convert.LinkTarget, the URL
// policy of every writer, which also percent-encodes them); others, such
// as javascript: and data: URLs, are written as their text and counted in
// the Report. Characters XML forbids become U+FFFD.
package html
