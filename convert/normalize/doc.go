// Package normalize provides the clean-up transforms the pipeline runs
// around a reader (stage "normalized" of the report). Each transform is a
// type of its own, implementing convert.SourceTransform (raw bytes, before
// the reader) or convert.DocumentTransform (the model, after it):
//
//	Encoding  "encoding"  UTF-16 with BOM decoded, UTF-8 BOMs removed, CRLF/CR → LF,
//	                      NUL removed, invalid UTF-8 → U+FFFD (warned with byte offsets;
//	                      an error in strict mode); binary input (PNG, PDF, ZIP…,
//	                      NUL bytes, mostly invalid UTF-8) refused: ErrInvalidInput
//	NFC       "nfc"       Unicode NFC (CJK compatibility ideographs kept)
//	Controls  "controls"  control characters (C0 but tab and LF, DEL, C1) removed from
//	                      every string of the model, code and metadata included
//	Pinyin    "pinyin"    地區(qū) → 地區 (or ruby, or kept)
//	Punct     "punct"     2023年,百年 → 2023年，百年; 交付.主要 → 交付。主要
//	Spacing   "spacing"   台 北 市 1 2 0 個 → 台北市120個 (only in a document spaced out
//	                      character by character)
//	Script    "script"    Traditional ↔ Simplified with OpenCC (only on request)
//
// [Default] returns the standard set (all but Script); [Transforms] selects
// with [Options]; Options{None: true} selects nothing, so the text is kept
// exactly as the reader read it. Every transform adds its counts to
// Options.Report, zero counts included (Report.Counts shows only non-zero
// ones), so a caller can tell that a check ran.
//
// The transforms are idempotent: applying one twice gives the same result as
// applying it once. Document transforms other than Controls change only *convert.Text inlines
// (and Ruby bases for Script) and the free-text metadata (title, subtitle,
// description, keywords); code spans and code blocks are never touched.
//
// # What is touched and what never is
//
// Pinyin (see [Pinyin] for the full rule): a parenthesized group of valid
// Mandarin syllables right after as many Han characters — 地區(qū)沖突 → 地區沖突,
// 物流(liú) → 物流, 地區(dì qū) → 地區, 地區（qū） → 地區, 區(qu1) → 區. Toneless
// syllables (區(qu)) only when the document has a toned annotation in the
// same kind of parentheses too, and only with syllables of two letters or
// more. Never: 方案(a), 附件(e)與(o)項 (single letters, even beside toned
// pinyin), 中歐(中亞)班列, 人工智能(AI), 增長(2023), 班列 (qū) (space before),
// A(qū) (not after Han), 區(Qū) (upper case), 區(xyz) (not a syllable),
// 區(qū shì) after one Han character (more syllables than characters).
//
// Punct (see [Punct]): 年,百 → 年，百; 2023,百年 → 2023，百年; 型,Apple →
// 型，Apple; 说:“ → 说：“; 吗? → 吗？; 到货; → 到货；; 交付.主要 → 交付。主要;
// 散会. → 散会。(paragraph end, mostly CJK). Never: 3.5, 中国.cn, 政府.中国,
// www.例子.中国, 3,800, 10:30, Hello, world,
// 첫째, 대중국 (Korean, followed by a space), 网址:// (URL), a mark after or
// before a space.
//
// Spacing (see [Spacing]): a document is spaced when, among its adjacent
// pairs of Han or kana characters, more than half (and at least
// [SpacingMinPairs]) are separated by exactly one space (U+0020 or U+3000),
// as in text copied from some web pages. Then single spaces go between CJK
// characters (台 北 → 台北, 布 ， 將 → 布，將), between CJK and digits
// (約 1 5 → 約15), between digits (2 0 2 5 → 2025), before % and ％
// (1 5 % → 15%), between CJK and Latin (與 Google 合 作 → 與Google合作:
// CJK typesetting adds its own Han–Latin gap when rendering) and between
// single Latin letters (A I → AI). Never: spaces between Latin words (Open
// Data), between a letter and a digit (ISO 27001), double spaces, spaces
// next to Hangul, any space of a Korean document (more Hangul than Han and
// kana) or of a normal document (兩國貿易額達 410億美元 stays).
//
// NFC: e + U+0301 → é, か + U+3099 → が, ᄀ + ᅡ → 가. Never: 豈 U+F900 and the
// other compatibility ideographs (NFC would turn them into U+8C48 etc.).
//
// Encoding: offsets in warnings and errors are byte offsets into the input
// as given (after UTF-16 decoding for UTF-16 input); a run of consecutive
// invalid bytes is one sequence and one U+FFFD.
package normalize
