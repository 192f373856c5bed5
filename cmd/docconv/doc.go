// Command docconv converts articles — Chinese (Simplified or Traditional),
// Japanese, Korean, English, plain text or Markdown — into a print-ready PDF
// with embedded CJK fonts, an EPUB 3, an Excel workbook of the article's
// figures, and Markdown, HTML, JSON or plain text. Its flags follow pandoc.
//
// Usage:
//
//	docconv [flags] [INPUT...]
//
// With no INPUT, or INPUT "-", it reads standard input. Flags may come
// before or after the inputs; "--" ends the flags.
//
// Formats:
//
//	-f, --from FORMAT        input format (default: from the extension, else text)
//	-t, --to FORMAT[,FORMAT] output formats (default: from -o's extension, else html)
//	-o, --output FILE        output file; "-" is standard output
//	-d, --output-dir DIR     write DIR/<input stem>.<ext> for each input and format
//	    --list-input-formats, --list-output-formats, --list-fonts
//
// Several -t formats without -o or -d are written to the current directory,
// as -d . would. Several inputs with -o are concatenated into one document
// (the first one's metadata wins); with -d each input is converted on its own.
//
// Metadata and clean-up:
//
//	-M, --metadata KEY=VALUE title, author, date, lang, keywords, description, …
//	    --normalize default|none   clean-up on (default) or text kept exactly as read
//	    --ruby strip|keep|ruby     pinyin annotations like 區(qū): removed (default),
//	                               kept as written, or made ruby
//	    --punct fix|keep           halfwidth , ; : ? ! between CJK characters made fullwidth (default)
//	    --script hans|hant         convert Traditional↔Simplified Chinese (OpenCC)
//	    --strict                   refuse invalid UTF-8 and characters no font covers
//	                               (and missing, refused or corrupt images)
//	    --input-encoding ENCODING  the encoding of text, Markdown and HTML inputs: utf-8,
//	                               shift_jis, euc-jp, gbk, gb18030, big5, euc-kr… (default:
//	                               detected; Aozora Bunko's Shift_JIS files are read as is)
//
// Images:
//
//	--resource-path DIR[:DIR]  look for images there too, after the input file's
//	                           directory (standard input: the working directory)
//	--embed-resources          HTML: images inside the page as data: URIs
//	--epub-cover-image FILE    EPUB cover image
//
// Images are read from the input file's directory and the --resource-path
// directories only: a path leading out of them (../../etc/passwd, an
// absolute path elsewhere, a symbolic link out) is refused, http(s) images
// are never fetched (their alt text, if any, is shown), and each file is
// checked (type sniffed from its bytes, at most 32 MiB and 40 million
// pixels, not truncated). A refused or bad image is a warning, an error with --strict.
//
// Output:
//
//	    --toc                      PDF contents page
//	    --figures-table            append a table of the article's figures (PDF, EPUB, HTML)
//	    --font NAME|FILE           PDF font chain, first match wins per character (repeatable)
//	    --epub-embed-font NAME|FILE embed the used characters of a font in the EPUB (repeatable)
//	    --page-size A4|A5|B5|B5-JIS|Letter
//	    --pdf-standard ua-1        declare PDF/UA-1 in the PDF's metadata (PDFs are tagged by
//	                               default; -V pdf.tagged=false writes an untagged file)
//	    --max-input-size SIZE      refuse larger inputs and font files (default 256MiB; 0: none)
//	    --max-memory SIZE          stop with exit status 3 past this memory use (default auto:
//	                               3/4 of the available memory; 0: none)
//	-V, --variable KEY=VALUE       format-specific setting, e.g. pdf.indent=0; an unknown key
//	                               or a bad value is a usage error
//	    --list-variables           list the -V keys with type, default and meaning
//	-j, --jobs N                   convert N inputs at once with -d (default: the number of CPUs)
//	-k, --keep-going               write what converts, list the failures, exit 1
//	    --report-json FILE         one JSON object per input (JSON Lines)
//	    --include GLOB             files a directory input yields (default: text and Markdown)
//	    --skip-existing            with -d, leave outputs not older than their input
//	-q, --quiet                    no report on standard error
//	    --version
//
// With no INPUT, standard input is read, unless it is a terminal: then the
// usage is printed to standard error (exit 2) instead of waiting.
//
// Inputs are regular files, standard input ("-", /dev/stdin) or named
// pipes a process is writing to (bash's <(command)); a pipe with no writer
// is an error at once. Directories, devices and sockets are refused.
// HTML (.html, .htm, .xhtml, or a .log/standard input starting with
// <!DOCTYPE html>) is read as a saved web page: its article, not the page's
// furniture (see package formats/html). Inputs and --font
// files larger than --max-input-size (default 256MiB, 0 for no limit) are
// refused; standard input stops at the limit. UTF-16 and UTF-32 input is
// decoded. -M title=… keeps the document's own headline as the subtitle (or
// a first heading when there is a subtitle).
//
// Outputs are written atomically: to a temporary file in the target
// directory, renamed into place when every conversion succeeded. A failed
// or interrupted conversion leaves no file behind and an input is never
// overwritten. A new file gets mode 0666 less the umask, an existing file
// keeps its mode; a symbolic link is followed (the link stays); character
// devices (/dev/null) and named pipes are written through, never replaced;
// "-o -" and "-o /dev/stdout" write standard output. A directory, a missing
// directory, or two -d inputs that would write the same file are refused
// before any work.
//
// With -d, inputs are converted -j at a time, each on its own; the outputs
// are the same bytes whatever -j. Without --keep-going the first failure
// stops the run and nothing is put in place; with it, the inputs that
// convert are written and the failures listed (exit 1). Several inputs end
// with a one-line summary on standard error; a progress bar shows on a
// terminal only. A directory input (with -d) stands for the files under it
// matching --include; the outputs mirror its tree. --skip-existing leaves
// outputs that are not older than their input.
//
// SIGINT, SIGTERM and SIGHUP stop the run: temporary files are removed, no
// output is replaced, the exit status is 128 + the signal number (130, 143,
// 129). Memory use past --max-memory stops it the same way, with exit
// status 3. For an input of 4 MiB or more the garbage collector's target
// is 50 instead of 100 unless GOGC is set (a fifth less peak memory for a
// few percent more CPU time).
//
// Exit status: 0 on success, 1 when a conversion failed, 2 on bad usage
// (including refused inputs and outputs), 3 when a resource limit was
// exceeded (an input larger than --max-input-size, memory past
// --max-memory; any error wrapping convert.ErrLimit), 128+N on signal N.
package main
