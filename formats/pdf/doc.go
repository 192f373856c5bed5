// Package pdf writes documents as print-ready PDF with real CJK
// typesetting, registered as format "pdf" (extension .pdf,
// application/pdf).
//
// gofpdf (github.com/jung-kurt/gofpdf) writes the PDF objects, but its own
// text layout is unusable for Chinese, Japanese and Korean: MultiCell loses
// a Han character at every line break, and there is no kinsoku, no CJK
// justification and no font fallback. This package therefore lays every
// line out itself and hands gofpdf only positioned text runs (Fpdf.Text at
// an explicit x, y), rectangles, lines, links and bookmarks. The layout:
//
//   - itemization: every character goes to the first font of its style's
//     chain that has it ([Writer.Fonts], then the default faces: see
//     Default fonts below); bold text in a font without a bold face gets
//     synthetic bold (text render mode 2, fill and stroke), emphasis
//     without an italic face a synthetic slant; marks of ambiguous width
//     that the CJK font lacks (curly quotes, middle dot) are set full width
//     in Chinese and Japanese by giving their glyphs a one-em box in the
//     embedded subset; pause and stop marks that the font centres in their
//     em box (Taiwan and Hong Kong fonts) are never squeezed against their
//     neighbours, and keep centred when a line end is pushed in;
//   - line breaking: UAX #14 opportunities (go-text/typesetting/segmenter)
//     tailored with the W3C clreq "basic" rules — no line starts with
//     closing punctuation, small kana or ー, no line ends with opening
//     punctuation, ——/…… never split, numbers stay with their units
//     (410億, 32%); Korean documents break only at spaces, next to
//     brackets and quotes too (CSS word-break: keep-all), and are
//     justified at their spaces. When a line must end where the rules
//     forbid, the closing mark at the line end is compressed to half
//     width if that makes it fit ("push in"), else the previous character
//     is pulled down — a lone mark inside the line is never compressed;
//     lines never overflow the measure; a last line of a single character
//     is avoided; URLs may also break after / ? & = . _ and before -; no
//     line ends with a hyphen-minus (pdftotext would drop it as a
//     hyphenation), so compounds break at spaces; a word or URL longer
//     than the measure starts on the line where it falls and breaks at the
//     measure, and a line whose justification would open gaps wider than
//     an em is filled that way or left ragged;
//   - spacing: adjacent full-width marks such as 。」 ：“ 」、 take 1.5 em
//     (clreq 3.1.6, jlreq 3.1.4; see closingPunct), 1 em at a line end;
//     ° ′ ″ ‰ § ± × → beside digits and Latin letters take their
//     proportional Latin glyph; half-width marks come from a second subset of the same font
//     whose glyphs have half-em advances, so that text extraction sees
//     neither gaps nor overlaps; a quarter em separates Han and Latin
//     letters or digits without adding a space character;
//   - justification: the slack of every line but the last is spread over
//     the gaps between characters (CJK) and the spaces (Latin), drawn with
//     the character-spacing operator Tc so that the text layer stays one
//     string per run; paragraphs get a first-line indent of 2 em (1 em in
//     Japanese);
//   - ruby above its base, overhanging neighbouring kana by up to one ruby
//     character; emphasis in CJK text as dots (above in Japanese and
//     Korean, below in Chinese), drawn as graphics;
//   - pages: A4, A5, B5 (ISO), B5-JIS or Letter; for CJK documents the measure is a whole
//     number of characters; headings are larger, bold, bookmarked and kept
//     with the next lines; no orphan or widow lines; tables get automatic
//     column widths (CSS 2.1 auto layout, LaTeX tabulary: short columns
//     their natural width, the rest shared by what each lacks; smaller type
//     down to 70% before a number would break) and their headers repeat
//     after a page break; a running head with the title from page 2; page
//     numbers in the document's language (第 3 頁, 第 3 页, 3 / 12); an
//     optional contents page ([Writer.TOC]) with internal links and an
//     optional figures table ([Writer.FiguresTable]).
//
// # Default fonts
//
// The package links no font data. Its default faces come from the
// fonts registry (fonts.Defaults), which the packages under fonts/embedded
// fill when imported; formats/all and the docconv command import them all:
//
//	import _ "github.com/docconv/docconv/formats/all" // every format and language
//	// or only what a program needs:
//	import (
//		_ "github.com/docconv/docconv/fonts/embedded"      // Latin, CJK fallback (required for defaults)
//		_ "github.com/docconv/docconv/fonts/embedded/hant" // Traditional Chinese body face
//		_ "github.com/docconv/docconv/formats/pdf"
//	)
//
// For a document in language L (Meta.Lang, else detected), each style's
// chain is: the Writer's fonts, then the registered Latin face of the role
// (Liberation Serif for body text, Sans for headings and running heads,
// Mono for code), the CJK faces registered for L's region and role — zh-Hant
// and zh-TW: AR PL UMing TW (Ming) for body text, zh-HK and zh-MO: UMing
// HK then TW; zh, zh-Hans, zh-CN: AR PL SungtiL GB (Song); ja: IPAex Mincho;
// ko: Nanum Myeongjo; headings: Droid Sans Fallback (Chinese), IPAex
// Gothic, NanumGothic — and last the coverage fallbacks (Droid Sans
// Fallback, NanumGothic for Hangul). Bold uses a registered bold face of
// the family (Nanum Myeongjo Bold, NanumGothic Bold, Liberation Bold),
// else synthetic bold. A face is loaded (and decompressed) only when a
// character reaches it. With neither Writer.Fonts nor registered faces,
// Render returns an error wrapping ErrNoFonts that says what to import.
//
// gofpdf's stream compression is switched off (it allocates a new
// compressor per page) and the output is finished in one pass that
// compresses the content streams in parallel, names the subsets, adds
// /Lang to the catalog and rewrites the cross-reference table; the
// embedded subsets lose their TrueType hinting and license strings, and
// their font programs, which gofpdf compresses at its fastest level, are
// compressed again with the content streams (about 12% smaller; the
// sample article's PDF is about 179 KB, 155 KB of which are its 560 Ming
// glyphs).
//
// Fonts with CFF outlines (OpenType .otf, faces of .ttc/.otc collections
// such as Noto CJK and Source Han), which gofpdf cannot embed, are
// embedded as CIDFontType0 fonts with a FontFile3 /CIDFontType0C program
// (PDF 32000-1:2008, 9.7.4 and 9.9) that package fonts writes
// (fonts.Font.CFFProgram: a CID-keyed CFF subset, its outlines decoded
// and re-encoded without subroutines or hints). gofpdf's quirks stay in
// this package: gofpdf lays out a stand-in TrueType font with the
// subset's character map, advances and vertical metrics and empty
// outlines — it writes the Type0 font, Identity-H, the /W widths, the
// descriptor and the content streams, whose 2-byte codes are the
// characters' code points — and the output pass turns its CIDFontType2
// objects for that face into a CIDFontType0: the program's charset gives
// each glyph the code point of its character as CID (so no CIDToGIDMap is
// needed; gofpdf's becomes a null object), the descriptor points to the
// program with /FontFile3, and /CIDSystemInfo is Adobe-Identity-0. Marks
// set in a box of their own (see above) have their outlines moved in the
// program, as the TrueType ones are in the glyf table. pdffonts shows
// such a font as "CID Type 0C", embedded, subset, with ToUnicode. Font
// names (Writer.FontSpecs) resolve by the document's language
// (fonts.ResolveLang): "Noto Serif CJK" or NotoSerifCJK-Regular.ttc gives
// the TC face for a Traditional Chinese article, SC for Simplified, JP
// for Japanese, KR for Korean; bold text takes the family's installed bold
// face (fonts.BoldSibling), synthetic bold only when there is none.
//
// The output is reproducible: dates come from convert.DocumentTime, the
// subset fonts get deterministic "ABCDEF+" tags (derived from the font and
// the glyphs used), resources are sorted, and the catalog carries the
// document's /Lang. Characters that no font covers are drawn as boxes and
// listed in the conversion report (an error wrapping convert.ErrStrict in
// strict mode); characters outside the Basic Multilingual Plane, which
// gofpdf cannot encode, are treated the same way and never crash. Each
// box (one per emoji sequence: joiners, variation selectors, skin tones
// and flag pairs go with it) stays in the text layer: a blank space glyph
// as wide as the box inside a marked-content sequence whose /ActualText
// (UTF-16BE, surrogate pairs beyond the BMP) holds the real characters,
// which pdftotext and other ActualText-aware extractors recover (PDF
// 32000-1:2008, 14.9.4).
//
// # Tagged PDF
//
// Every PDF is tagged (ISO 32000-1 §14.7–14.8) unless [Writer.Untagged]
// (-V pdf.tagged=false) is set: pdfinfo says "Tagged: yes" and screen
// readers and reflowing viewers get the structure. The structure tree has
// a Document element and, in reading order, H1–H6 for the title block and
// the headings (the title is H1, the headings are counted from the
// document's first one and never skip a level going down, as PDF/UA asks;
// the bookmarks nest the same way), P, L/LI/Lbl/LBody for lists (the
// marker in Lbl), Table/TR/TH/TD with a Caption (TH with /Scope /Column;
// empty cells are kept, so rows stay whole), BlockQuote, Code, TOC/TOCI
// for the contents page, Link for links (its text, and an OBJR to each of
// its link annotations, which get /StructParent and a /Contents; pages
// with links get /Tabs /S), Ruby/RB/RT for ruby, and Figure for images
// with alternative text (blockRole maps each block kind of the document
// model to its type; figureTag makes an image an artifact when its
// alternative text is empty). A paragraph or heading whose text is in
// another script than the document's — a Chinese quotation in an English
// article, Korean in a Chinese one, an English paragraph in a Chinese
// article — gets its own /Lang, and a stretch of two letters or more in
// another script inside a paragraph becomes a Span with its /Lang (Chinese
// words in an English sentence, Hangul in Chinese, kana outside Japanese);
// Latin words in CJK text do not need one.
//
// In the page content, each stretch of a page's items that belongs to
// one element is a marked-content sequence with an MCID (/P <</MCID 3>>
// BDC … EMC), and the ParentTree maps every MCID of every page (through
// the page's /StructParents) back to its element. Running heads are
// /Artifact <</Type /Pagination /Subtype /Header>>, folios /Subtype
// /Footer; rules, code and table shading, table borders, quote bars,
// emphasis dots, strike lines, the boxes of characters no font has, the
// contents page's dotted leaders and a table header repeated after a page
// break are untyped /Artifact sequences. The catalog has /MarkInfo
// <</Marked true>>, /Lang, /ViewerPreferences <</DisplayDocTitle true>>
// and an XMP metadata stream (dc:title, dc:creator, dc:description,
// dc:language, the dates, producer and creator tool, as in the document
// information dictionary). [Writer.Standard] "ua-1" (--pdf-standard ua-1)
// adds the PDF/UA-1 identification (pdfuaid:part 1) to it; PDF/A is not
// offered (it needs an ICC output intent and checks this package cannot
// make without a validator).
//
// The structure elements (some 80 bytes each, one per paragraph) are
// written in compressed object streams, and a tagged file ends with a
// cross-reference stream (so it is PDF 1.7; untagged files keep a
// cross-reference table and PDF 1.4). The cost: the sample's PDF grows by
// about 1 KB, a 1 M-character document by about 6% (2.21 → 2.34 MB); the
// time is within the noise of a run. golden.CheckTaggedPDF checks a file's
// structure (every MCID referenced once, every text and path operator in
// tagged content or an artifact, standard roles only, heading levels,
// link annotations in the tree) and is run on every fixture, with poppler's
// pdfinfo -struct-text reading the same tree.
//
// # Images
//
// A figure (convert.FigureBlock) whose image convert.ResolveImages read is
// drawn centred at its natural size — its pixels at the density the file
// states (PNG pHYs, JPEG JFIF), else DefaultImageDPI (96) — or at the
// column width when that is narrower, aspect kept, scaled down to the
// text block when taller; it is one unbreakable slice, moved to the next
// page when it does not fit, kept with its caption (centred, smaller). A
// paragraph holding only images is drawn the same way, without captions.
// JPEG (but CMYK) is embedded as it is (DCTDecode); PNG, GIF, WebP and CMYK
// JPEG are decoded and written as 8-bit RGB or grey, Flate-compressed,
// with any transparency as a soft mask (/SMask). The image XObjects are
// written by this package after gofpdf's objects, numbered in order of
// first use, so that the bytes are deterministic (gofpdf orders images of
// equal width by map iteration). In a tagged PDF the image is a Figure
// element with the alt text as /Alt (an artifact when the alt text is
// empty) and its caption a Caption element. SVG figures and images among
// the words of a paragraph are shown as their alt text (counted in the
// report; SVG with a warning).
//
// References: W3C "Requirements for Chinese Text Layout"
// (https://www.w3.org/TR/clreq/), "Requirements for Japanese Text Layout"
// (https://www.w3.org/TR/jlreq/), Unicode UAX #14
// (https://www.unicode.org/reports/tr14/), PDF 32000-1:2008 (9.6.4 font
// subsets, 9.7.4 CIDFonts, 9.9 embedded font programs, 14.7–14.8 logical
// structure and tagged PDF, 14.9.2 natural language), ISO 14289-1
// (PDF/UA-1), Adobe TN #5176 (CFF).
package pdf
