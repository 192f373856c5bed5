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
// order mark, decides where blocks begin and end, moves the title and a
// byline into Meta, and drops a soft hyphen at a line break (both below).
// Meta.Lang is left empty unless front matter sets it; the pipeline calls
// convert.DetectLanguage.
//
// Input that is not text is an error wrapping convert.ErrInvalidInput,
// "text: invalid input: binary file (PNG image), not text": a known
// signature (PNG, PDF, ZIP, gzip, ELF, JPEG, GIF, WebP, OLE2, 7-Zip, xz,
// Zstandard, bzip2, SQLite, Mach-O, WOFF, MP4, Ogg, FLAC, Matroska), two or
// more NUL bytes making more than 1% of the first 8 KB, or more than 10% of
// the first 8 KB (and at least 8 bytes) not valid UTF-8 (a legacy encoding
// such as GBK is named as a possible cause). Input starting with a UTF-16
// byte order mark is not refused (normalize decodes it). Empty or
// whitespace-only input gives an empty document and the warning "input is
// empty" in [Reader.Report]; with [Reader.Strict] it is an error wrapping
// convert.ErrInvalidInput and convert.ErrStrict. The registered reader
// takes Report and Strict from convert.Options.
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
// nothing (a stray blank line between paragraphs is harmless). First-line
// indents count like blank lines: when some lines start with a space, tab
// or U+3000 and others do not (Chinese "　　" paragraphs hard-wrapped at
// ~35 characters), the text may be wrapped without any blank line, and in
// the wrapped layout an indented line after an unindented one starts a new
// paragraph.
//
// Wrapped lines are joined with nothing between CJK characters (Han, kana,
// CJK and fullwidth punctuation), with a space between words of Latin or
// Korean text, and between Han/kana and a Latin letter or digit the way the
// document itself writes them inside lines (a space if "中文 ABC" is more
// frequent than "中文ABC"). A line ending in "letter-" before a line
// starting with a lower-case letter is joined without a space, keeping the
// hyphen ("well-" + "known" → well-known; "un-" + "changed" → un-changed),
// unless the document itself writes the joined word without a hyphen and
// never with one: then the hyphen was a soft hyphenation break and is
// dropped (unchanged). Pandoc keeps such a hyphen and joins with a space
// ("un- changed"); without a dictionary, keeping the hyphen is the choice
// that never breaks a compound and never loses a character the author
// wrote.
//
// Title. Without a title from the header, a first line that is
// headline-like, and not the first of two headings or more of its shape
// (see Headings: a novel's first chapter), becomes Meta.Title and is not
// a block, when
//
//   - a blank line follows it; or
//   - (one-paragraph-per-line layout) the document's other headings are
//     shaped (一、…, （一）…) and a wider line or a "——" line follows it:
//     a report's headline (政府工作报告 over "——2024年3月5日在……会议上"); or
//   - (one-paragraph-per-line layout) the next two blocks are paragraphs
//     wider than it and not heading-like, and no other unnumbered line of
//     the document is a heading (see Headings; blank lines ignored) — else
//     the first line is the first of the document's section headings.
//
// Headline-like: at most 40 characters when at least half of them are wide
// (Han, kana, Hangul, fullwidth forms), else at most 100 characters and 20
// words, spaces not counted; a letter; no 。; not ending (before closing
// quotes or brackets) with 。.，,：:；;、 (a final ？ or ！ is allowed);
// not starting in lower case; not an enumerated point, a numbered section
// title or a byline. A first line that is a Japanese salutation ending in
// 各位 (報道関係者各位, お客様各位) stays a paragraph and the title is looked
// for on the next line; such a line is never a heading. Examples: 国务院新闻办公室发布《关于进一步优化营商环境的若干措施》,
// トヨタ、第1四半期の営業利益1兆1000億円　円安が追い風, 삼성전자, 2분기 영업이익 10조
// 4천억 원…전년 대비 15배 증가. When the header gives a title and the first line
// repeats it, that line is dropped.
//
// Byline. A line right after the title (or first, without one) that is a
// byline — "By Sarah Mitchell", "by Lewis Carroll", "By A B and C D" (the first name at least
// two capitalized words), "文／记者 王明", "記者 王小明／台北報導", "本报记者 李华 张伟",
// "（记者 张三）", "【記者王小明／新竹報導】" — fills Meta.Authors with the names
// when the header gave no authors, and is not a block. A byline is never a
// heading.
//
// Subtitle. When the title was taken from the first line, the next line
// is Meta.Subtitle (and not a block) when it starts with "——" (the dash
// line under a Chinese report's or speech's title), or when it is headline-like, does not end
// a sentence, is not a byline or credit line, does not start with 【, [ or
// a bullet symbol (section labels such as 【交通指南】), is followed by a wider
// paragraph, and is either too long for a heading (see Headings) or the
// document has no other unnumbered heading. Example: "New system cuts
// picking errors by half and installs in a single day" under a press
// release's headline.
//
// Footer. When no authors are known yet, a credit line that is the last
// block, or the one before a last credit or e-mail-address line, fills
// Meta.Authors: "（記者黃美玲／台北報導　編輯：張家豪）", "（记者 张三 李四）",
// "(Reporting by Jane Doe; Additional reporting by Ann Lee; Editing by
// John Roe)", "홍길동 기자 hong@example.com". Authors are the reporters and
// writers only: editors, photographers and translators (編輯：, 责任编辑：,
// Editing by …) are not authors, so "【責任編輯：王小明】" alone is recognised
// as a credit but fills nothing. The credit lines stay paragraphs (they hold
// editors, places and addresses that Meta has no field for, and the reader
// never drops text it is not sure about); a credit line is never a heading
// or a title.
//
// Headings. A paragraph line becomes a *convert.Heading when it is a
// numbered section title or an unnumbered heading. Markdown-style lines
// "# Title" … "###### Title" are always headings of their own level.
//
// Setext headings: a line after a blank line (or first), underlined by a
// line of "=", "-", "~" or "^" at least three long and half its width, is
// a heading and the underline is dropped; the underline characters get
// levels [HeadingLevel], +1… in the order they first appear, as in
// reStructuredText (a changelog's "1.4.3 (2020-02-02)" over "-----" and
// "Security Fixes" over "~~~~~" get 2 and 3).
//
// Shaped lines are decided per document: a one-line paragraph has a shape
// when it starts with a numbering — 第一章/第1章, 第一节/第1節, 一、,
// （一）/(一), 1./1、/1．(not "1.5", not "1. " which is a list item),
// （1）/(1) — or is a part or chapter line (PART I, BOOK 2, CHAPTER IV.,
// Chapter 12 The Title), a number alone (一, 12, IV), a version (v1.2.0
// (2020-01-02), 1.4.3 - 2020-02-02, [1.2.0]) or a short line of Latin
// capitals. All lines of one shape get one role: when two thirds of the
// heading-like ones (below, up to 30 CJK characters; a numbered title may
// also be one sentence ending in 。, as （一）大力推进……，加快发展新质生产力。,
// when the shape has two such lines or more) are followed as a heading is
// — by a wider paragraph, a list, a table, a heading, or a line of a
// deeper shape (第一章 then 第一节) — every one of them is a heading: the
// first chapter right at the top (never taken for the title) as well as a
// chapter over a short line. A shape used once follows the same test on
// its own. A line followed by a line of its shape is an entry of a table
// of contents or one of a run of points ("一、苹果", "二、香蕉") and stays a
// paragraph. In the wrapped layout a block of two lines, a chapter line
// over a short title ("CHAPTER I." / "Down the Rabbit-Hole", as Project
// Gutenberg sets them), is one heading line, and a block whose lines all
// have one shape is a table of contents, one paragraph per line. A
// chapter's title may ask or exclaim ("CHAPTER XI." / "Who Stole the
// Tarts?") or be quoted. Levels:
// the shapes a document uses for headings are ranked part > chapter
// (第一章, CHAPTER) > version, 第一节 > 一、, a number alone, capitals >
// （一） > 1. > （1）, shapes of one rank in the order they first appear, and
// given levels [HeadingLevel], +1, +2… in that order (a document with only
// 一、 and （一） gets 2 and 3; one with 第N章 and 一、 too).
//
// A date alone on its line (一九二一年十二月, （大正三年四月）, March 1919,
// 2024-03-05: a colophon's or a letter's) and an attribution (a line
// starting with a dash: "— Emily Dickinson", "——李白") are never headings.
// Lines of stars or dashes in a row, blank lines between, are one rule.
//
// Other headings get level [HeadingLevel] (2: one below the title, whether
// or not the input has one, so that levels do not depend on the input's
// header). A line is one when
//
//   - it is short: at most 24 characters when at least half of them are
//     wide (CJK), else at most 60 characters and 10 words, not starting with
//     a lower-case letter or a quotation mark (dialogue, a quoted line of
//     verse or a letter: “How doth the little crocodile, "CAROLINE
//     BINGLEY"), without ". " inside, and not a front-matter field
//     (Credits: …, Release date: …, Language: …);
//   - it has a letter, no 。！？ inside and does not end (before closing
//     quotes or brackets) with 。！？.!?；;：:，,、 or a dash (speech broken
//     off: Twinkle, twinkle—’”; "MY DEAR FRIEND,--");
//   - (wrapped layout) it is not verse: a line over an indented line of
//     its block that is no wider than it;
//   - it is not an enumerated point (below) or a byline;
//   - a longer paragraph (or list or table) follows it, and the line before
//     it, if any, is a heading, is not itself short in this sense, or is
//     separated from it by a blank line. So the last line, the only line
//     and runs of short lines (时间：…/地点：… lines, addresses, verse) stay
//     paragraphs.
//
// Example: 打造新亮點, 同心向未來, Looking ahead.
//
// Enumerated points. A paragraph starting with an enumerator — Chinese
// 一是/二是…, 其一，, 第一，(or 第一, 第一、), 首先，, 其次，, 再次，, 最后/最後，;
// Japanese 第一に、, まず、, 最後に、; Korean 첫째, 둘째, … 마지막으로,; English
// First, … Tenth,, Firstly, …, Finally, Lastly, — gets its first sentence
// (up to and including the first 。！？, or . ! ? followed by a space, a CJK
// character or the end, plus closing quotes) as a *convert.Strong lead-in;
// the rest is a *convert.Text. A paragraph starting with a number (一、,
// （一）, (一), 1., 1、, （1）, (1)) gets the same lead-in, number included,
// when more text follows its first sentence: （一）深化“放管服”改革。全面推行… →
// **（一）深化“放管服”改革。**全面推行…; a short numbered line is a heading
// instead. Only the start of a paragraph counts: in "第一，要坚持…。第二，…"
// only the first sentence is bold. A paragraph without a sentence end gets
// no lead-in. A statute article label followed by a space or U+3000 —
// 第一条　…, 第12条 … — is the lead-in by itself (**第一条**　为了…).
//
// Other blocks. Lines "• item", "- item", "* item", "+ item", "・ item" make
// bullet lists, as do runs of two or more consecutive lines starting with
// the same symbol among •・●○◦▪▫■□▲△▶►▸◆◇★☆◎, with or without a space
// after it (or one such line next to a list item) ("▲地铁2号线…", "・肉じゃが"; a different symbol starts a new list,
// a single such line stays a paragraph or heading such as "■商品概要"); the
// marker is not part of the item text. "1. item" / "1) item" ordered lists (consecutive numbers;
// nesting is not recognised); two or more consecutive lines containing tabs
// make a table (cells split at tabs and kept exactly, no header row); a line of three or more
// "-", "*" or "_" is a *convert.Rule, and so is a line of three or more
// "#" ("###", "# # #": the end mark of an English press release). In the wrapped layout, lines of a
// block that follow a list item continue that item.
//
// # Writing
//
// The [Writer] writes what a reader would copy out of the rendered
// document: the title first (below), then one block per line, no blank
// lines (see [Writer.BlankLines]), headings as their text, list markers "• " and "1. " only
// (so that the PDF shows every character the text has), quotes indented by
// two spaces, table cells separated by tabs, code verbatim, ruby as its
// base. Reading the output back and writing it again gives the same bytes.
//
// Title. When the other formats print the title (not when it is made
// from the file name, [Writer.FileTitle] or Meta.TitleFromFile, nor when
// the first block is a level-1 heading saying it), the text starts with
// it: the title line, the subtitle line under it if any, and a blank line,
// as the Reader looks for a title in any text. When that would not read
// back as exactly that title and subtitle over the same text (a title
// ending in a full stop, a first line that would be taken for a byline,
// unpunctuated lines that the blank line would make read as one
// hard-wrapped paragraph), the title is left out, as it is from the
// PDF's text layer of a file title: YAML front matter would read back,
// but the text output holds only characters the PDF shows (what
// ../shared/tools/verify and users' recovery checks compare).
package text
