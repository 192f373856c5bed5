// Package epub writes documents as EPUB 3 publications, registered as
// format "epub" (extension .epub, media type application/epub+zip, binary).
//
// The output passes EPUBCheck without errors or warnings, and it is
// reproducible: the same document and settings give the same bytes, on any
// machine and at any time.
//
// # Structure
//
// A book holds, in reading order: a title page (title, subtitle, authors,
// date; see Title page below), one XHTML content document per top-level section (the document is
// cut before every heading of its highest level; content before the first
// heading is a document of its own), and, with Writer.FiguresTable, a
// section listing the document's figures. A section whose XHTML would
// exceed Writer.MaxDocumentSize (256 KiB by default) continues in further
// documents, cut between blocks, or between table rows, list items, code
// lines or sentences of a single oversized block. A book of more than 1,000
// top-level sections puts small consecutive sections in one document (a
// new one starts once the current holds half the size limit): go-epub's
// cost grows with the square of the number of documents. The navigation document
// lists every heading, nested by level, under a contents heading in the
// book's language (目录, 目錄, 目次, 목차, Contents), plus landmarks; an
// EPUB 2 NCX repeats the table of contents for older reading systems.
//
// Every XHTML document carries lang and xml:lang. All text is escaped (a
// "<script>" in the input is text); characters XML 1.0 forbids are left
// out and counted. Links are kept when they are absolute http, https, ftp
// or mailto URLs, or "#id" references to a heading of the book (rewritten
// to the right document); any other target would be a broken or unsafe
// reference inside the container, so its text is kept without the link.
// Ruby becomes <ruby>base<rp>(</rp><rt>annotation</rt><rp>)</rp></ruby>.
//
// The stylesheet sets the font stack of the language (Writer.EmbedFonts
// and Writer.Fonts first), a 2-em first-line indent, justification and
// strict line breaking (line-break, -epub-line-break) for CJK text, and
// emphasis dots for emphasized CJK text.
//
// Title page. When Meta.Title is only the title made from the input's file
// name (Writer.FileTitle, set from convert.Options.FileTitle by the
// registered writer), it stays dc:title and the NCX docTitle (EPUB requires
// a title, and a library needs a name) but is not printed as a heading: the
// title page shows just the subtitle, authors and date when there are any;
// otherwise the book has no title page (not in the manifest, spine,
// landmarks or NCX; a navigation document without headings then points at
// the first content document), which EPUBCheck accepts and which spares the
// reader a page holding only a file name. A book with no content at all
// keeps a title page with the file title as a small plain line, so that
// the spine is never empty.
//
// # Metadata
//
// dc:title, dc:creator (one per author, role aut), dc:language (Meta.Lang,
// "und" when unknown), dc:identifier (Meta.Identifier, else "urn:uuid:" and
// a version 5 UUID of the metadata and text, so that a book keeps its
// identifier across builds), dc:date, dc:subject, dc:description,
// dc:source, dcterms:modified (Writer.ModTime, else
// convert.DocumentTime: Meta.Date, SOURCE_DATE_EPOCH or a fixed default;
// never the clock) and the schema.org accessibility properties
// (accessMode, accessModeSufficient, accessibilityFeature,
// accessibilityHazard, accessibilitySummary). A book that shows images
// adds accessMode visual, accessModeSufficient "textual,visual" and
// accessibilityFeature alternativeText, and says so in the summary.
//
// # Images
//
// Every image convert.ResolveImages read is stored once in the images
// folder, named by the first 16 hex digits of the SHA-256 of its bytes
// (stable across builds and machines), with its media type in the
// manifest: PNG, JPEG, GIF and SVG as they are, WebP — no core media type
// before EPUB 3.3, refused by EPUBCheck 4 — decoded and stored as PNG. It
// is shown as <img> with its alt text (always present, empty only for a
// decorative image) and its size in pixels; a figure is a <figure> with a
// <figcaption>. An image that was not read (remote, missing, refused) is
// its alt text. Writer.CoverImage (--epub-cover-image) is stored the same
// way with the manifest property cover-image and shown on a cover page,
// first in the spine and in the landmarks.
//
// # Fonts
//
// Writer.EmbedFonts names fonts (family names or files, resolved with
// fonts.ResolveLang for the book's language, so "Noto Serif CJK" or a
// .ttc/.otc of regional faces gives the TC face for zh-Hant, SC for
// zh-Hans, JP for ja, KR for ko). Each is embedded as a subset holding
// only the characters the book uses (fonts.Font.Subset) — a TrueType font
// as a .ttf (font/ttf, format("truetype")), a CFF font (.otf, Noto CJK,
// Source Han) as an OpenType CFF .otf (font/otf, format("opentype")) —
// declared with @font-face and put first in the font stacks. A font is
// never embedded whole: Droid Sans Fallback's 4 MB shrink to a few dozen
// kilobytes for an article.
//
// # go-epub and what is rewritten
//
// The book is built with github.com/go-shiori/go-epub (SetIdentifier,
// SetLang, SetTitle, SetAuthor, SetDescription, AddCSS, AddFont,
// AddSection, WriteTo into memory): it writes the container file, the
// XHTML wrapper of every document (head, title, stylesheet link), the
// stylesheet and fonts, and the manifest and spine. Each section is handed
// to it as a placeholder comment that the rewrite replaces with the
// rendered body, so that megabytes of text are not copied and compressed
// twice. Its archive is then rewritten, because go-epub v1.2.1:
//
//   - stamps dcterms:modified with time.Now() and offers no setter, and
//     supports a single creator and no dc:date, dc:subject, dc:source or
//     meta refinements: the package document is written here, from
//     go-epub's manifest (sorted by href, as go-epub lists media in map
//     order) and spine;
//   - heads its navigation document "Table of Contents" in English and
//     makes one entry per file: the navigation document and NCX are
//     written here, from the headings, nested by level and pointing at
//     each heading;
//   - writes no lang or xml:lang on XHTML documents: they are added to the
//     root element of every content document;
//   - zips entries in file-system walk order with the current time: the
//     container is rewritten with a fixed entry order (mimetype first,
//     stored, without extra field; container.xml; package document;
//     navigation; stylesheet; fonts; content documents in reading order),
//     one fixed MS-DOS time from dcterms:modified, no extra fields and no
//     data descriptors.
//
// go-epub stages files in a file system before zipping them; this package
// switches it to its in-memory file system (goepub.Use(goepub.MemoryFS))
// at init, which is a process-wide setting of go-epub, and serializes its
// use, because that file system is not safe for concurrent use. Media are
// handed to go-epub as data URLs, and its HTTP client is replaced by one
// that refuses every request, so writing never touches the network.
//
// # Memory
//
// The package document names every content document, so all of them are
// rendered before anything is written. Past 4 MB of rendered XHTML the
// documents wait in a temporary file of os.TempDir (removed at once on
// Unix, else when Write returns; with no usable temporary directory they
// stay in memory), and the container is written to out as its entries are
// compressed, a few ahead of the one being written: a book of 10 M
// characters (24 MB of text) is written in about 120 MB, most of it the
// document itself. The bytes do not depend on where the documents waited.
//
// # Specifications
//
//   - EPUB 3.3: https://www.w3.org/TR/epub-33/ (package document,
//     navigation document, OCF container, core media types)
//   - EPUB Accessibility 1.1: https://www.w3.org/TR/epub-a11y-11/ and
//     https://www.w3.org/TR/epub-a11y-tech-11/
//   - NCX (EPUB 2 / DAISY Z39.86-2005): https://daisy.org/z3986/2005/Z3986-2005.html
//   - ZIP: https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
//   - UUID version 5: RFC 9562, https://www.rfc-editor.org/rfc/rfc9562
//   - W3C Requirements for Chinese/Japanese Text Layout (clreq, jlreq) for
//     the stylesheet.
//
// # Concurrency
//
// A Writer may be used by several goroutines at once; the go-epub stage
// of concurrent writes runs one at a time. Writers never modify the
// document.
package epub
