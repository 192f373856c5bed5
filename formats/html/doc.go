// Package html reads HTML documents and saved web pages (Reader), writes
// standalone HTML5 documents with CJK-aware typography, and exports
// Fragment, which renders blocks as markup that is also well-formed XHTML
// (for EPUB content documents).
//
// Importing the package registers the format "html" (aliases htm, xhtml;
// extensions .html, .htm and .xhtml; media type text/html).
//
// # Reading
//
// The input is decoded from the charset its byte order mark or a <meta
// charset> / <meta http-equiv="Content-Type"> in its first 1024 bytes
// declares (golang.org/x/net/html/charset: GBK, GB18030, Big5, Shift_JIS,
// EUC-JP, EUC-KR…); undeclared valid UTF-8 is UTF-8, other undeclared
// input windows-1252 with a warning. The format sets
// convert.Format.DecodesSource: the source transforms (normalize) run on
// the decoded text. It is parsed by golang.org/x/net/html, the HTML
// standard's tree construction, after a linear pass of its tokenizer that
// refuses elements nested deeper than MaxDepth (convert.ErrLimit, with the
// line) and gives a self-closing tag of a non-void HTML element its end
// tag: <a id="x"/>, as XHTML and DocBook pages write anchors, is an empty
// element, not one holding the rest of the section (the tree construction
// ignores the self-closing flag); so are <div/>, <title/> or <script/>.
// Void, SVG and MathML elements are parsed as the standard says.
//
// The article is the longest outermost <article>, else the first <main>
// or role="main" element, else the <body>; nav, header (except an
// article's own), footer, aside, role="navigation" elements and the
// navigation bars of documentation generators (DocBook's navheader and
// navfooter, Texinfo's nav-panel classes) are page furniture and left
// out, and so are, everywhere, script, style, noscript, template, form,
// iframe, object, embed, svg, canvas, media and form controls, elements
// with hidden, aria-hidden="true" or an inline display:none /
// visibility:hidden, and MediaWiki's mw-editsection, mw-jump and noprint
// elements.
// Reader.WholeBody (-V html.extract=false) keeps the whole body.
//
// Elements map to the model: h1–h6 → Heading (id kept when unique), p and
// other blocks → Paragraph, ul/ol/menu → List (start; items holding <p>
// are loose), dl → a bold term paragraph and its definitions, blockquote
// → Quote, pre/listing/xmp → CodeBlock (language from a class
// language-X or lang-X on pre or its code), table → Table (caption, the
// thead row or a first row of th cells as header, colspan padded with empty
// cells up to 1000), hr → Rule, a block element whose style asks for a
// page break (page-break-before/after: always, break-before/after: page)
// → a PageBreak before or after its content; b/strong → Strong, i/em/cite/dfn → Emph,
// s/del/strike → Strike, code/kbd/samp/tt → Code, a[href] → Link (unsafe
// URLs by convert.SafeURL become text, counted; relative ones resolved
// against <base href> or the canonical URL), ruby → Ruby per base and rt,
// br → LineBreak; img → Image (src as written, else the first of
// data-src, data-original, data-lazy-src, data-srcset, srcset when src is
// missing or a lazy-loading placeholder; alt, title), which convert.Read
// resolves relative to the HTML file — a page saved "complete" keeps its
// images in NAME_files/ beside it —; an img without a usable source is
// its alt text (counted); picture → its img; figure holding one image (in
// a picture or a link) or one table and a figcaption → FigureBlock, any
// other figure its blocks; other elements keep their text. White space is
// collapsed as a browser does, a line break between two wide characters
// (not Hangul) is removed (CSS Text 3 segment break transformation);
// <pre> is kept as is. A paragraph is split at two or more line breaks in
// a row and at a line break before an ideographic space (U+3000, removed:
// writers indent) or 「『 — pages without <p>, such as Aozora Bunko's.
// Metadata: Title (og:title, else the first h1 when
// <title> contains it, else <title>), Lang (<html lang>, else
// Content-Language or og:locale), Authors (author, dc.creator,
// article:author…), Date (article:published_time, date, dc.date…,
// validated by convert.Meta.SetSourceDate), Description, Keywords, Source
// (the canonical URL) and Extra["site"] (og:site_name).
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
