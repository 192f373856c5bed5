package convert

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Options configures a conversion: which formats, which transforms, and the
// settings writers share (pandoc's ReaderOptions/WriterOptions). The zero
// value is valid: formats are then inferred from file names, no transform
// runs, and every writer uses its defaults. A nil *Options means the same.
type Options struct {
	// From and To are format names or aliases. From defaults to the format
	// of SourcePath's extension, else "text"; To to "json" (Convert only).
	From, To string
	// SourcePath names the input in errors and gives the default title (its
	// stem). "" or "-" mean standard input.
	SourcePath string
	// Metadata are KEY=VALUE settings applied after reading (see Meta.Set);
	// they override what the input says.
	Metadata []string
	// Transforms run in order: SourceTransforms on the raw bytes before the
	// reader, DocumentTransforms on the model after it (normalize.Default
	// gives the standard clean-up).
	Transforms []Transform
	// Report receives counts and warnings; nil discards them.
	Report *Report
	// Strict turns repairable problems (invalid UTF-8, characters no font
	// has) into errors wrapping ErrStrict.
	Strict bool
	// InputEncoding is the character encoding of a text input (the
	// formats with Format.LegacyEncodings: plain text, Aozora Bunko,
	// Markdown; and HTML, where it overrides the page's declaration): a
	// WHATWG label such as "utf-8", "shift_jis", "euc-jp", "gbk",
	// "gb18030", "big5", "euc-kr". "" detects it (see DecodeText).
	InputEncoding string
	// MaxInputSize is the largest input Read accepts, in bytes; a larger
	// one is refused with an error wrapping ErrLimit as soon as the limit
	// is passed, so an endless stream (a pipe, /dev/zero) is never read
	// into memory. 0 means DefaultMaxInputSize; negative means no limit.
	MaxInputSize int64

	// ResourcePath lists directories searched for images after the input
	// file's directory (pandoc's --resource-path); see ResolveImages.
	ResourcePath []string
	// NoResources skips ResolveImages in Read: images keep their source
	// and alt text, nothing is read.
	NoResources bool

	// Writer settings shared by several formats. Each format documents
	// which it honours.

	// TOC asks for a table of contents (PDF contents page; EPUB always has
	// a navigation document).
	TOC bool
	// FiguresTable appends a table of the document's figures (PDF, EPUB,
	// HTML, Markdown).
	FiguresTable bool
	// Fonts is the font chain for PDF (and the EPUB/HTML font stack): font
	// family names or font files, first match wins per character. Empty
	// means the embedded defaults.
	Fonts []string
	// EmbedFonts are fonts (names or files) whose used characters the EPUB
	// writer embeds as a subset.
	EmbedFonts []string
	// EmbedResources makes the HTML writer put images into the page as
	// data: URIs, a self-contained file (pandoc's --embed-resources);
	// without it, <img src> keeps the image's source as written.
	EmbedResources bool
	// CoverImage is the EPUB cover image's file (pandoc's
	// --epub-cover-image): PNG, JPEG, GIF, WebP or SVG, checked as
	// ResolveImages checks images, but not confined to the resource
	// directories (the user named it).
	CoverImage string
	// PageSize is the PDF page size: A4 (default), A5, B5 (ISO 216, 176 × 250
	// mm), B5-JIS (JIS P 0138, 182 × 257 mm), Letter.
	PageSize string
	// ModTime overrides the timestamp stamped into outputs (see
	// DocumentTime). Zero means derive it.
	ModTime time.Time
	// Vars are format-specific settings as "format.key" → value, e.g.
	// "pdf.indent" → "2", as each format declares them in
	// Format.Variables. The pipeline ignores unknown keys and bad values
	// (the format's default applies); CheckVars refuses them.
	Vars map[string]string
}

// DefaultMaxInputSize is the input size limit when Options.MaxInputSize is
// 0: 256 MiB, about 85 million CJK characters, far beyond any article,
// while the model of an input that size still fits in a few GB.
const DefaultMaxInputSize = 256 << 20

// MaxInput returns the input size limit in bytes: MaxInputSize, or
// DefaultMaxInputSize when it is 0; -1 means no limit.
func (o *Options) MaxInput() int64 {
	switch {
	case o == nil || o.MaxInputSize == 0:
		return DefaultMaxInputSize
	case o.MaxInputSize < 0:
		return -1
	}
	return o.MaxInputSize
}

func (o *Options) orDefault() *Options {
	if o == nil {
		return &Options{}
	}
	return o
}

// displayPath returns the input name for messages.
func (o *Options) displayPath() string {
	if o.SourcePath == "" || o.SourcePath == "-" {
		return "<stdin>"
	}
	return o.SourcePath
}

// Transform is a named step of the pipeline. A transform implements
// SourceTransform, DocumentTransform, or both.
type Transform interface {
	Name() string
}

// SourceTransform rewrites the raw input bytes before the reader sees them
// (byte order marks, line endings, invalid UTF-8…).
type SourceTransform interface {
	Transform
	TransformSource(ctx context.Context, src []byte, opts *Options) ([]byte, error)
}

// DocumentTransform rewrites the model after reading.
type DocumentTransform interface {
	Transform
	TransformDocument(ctx context.Context, d *Document, opts *Options) error
}

// Read reads a document from r with the format opts.From (default: from
// SourcePath's extension, else "text"), running the source transforms
// before and the document transforms after the reader, then applying
// opts.Metadata. Right after the reader, ResolveImages reads the
// document's images (unless opts.NoResources). If the document has no title, the stem of SourcePath is
// used; if it has no language, DetectLanguage guesses one. Errors are
// *Error values naming the input. An input with no text (no bytes, or
// only white space and byte order marks) is read as an empty document
// with the warning "input is empty" in opts.Report.
//
// When ctx is done, the error is an *Error wrapping ctx.Err() (see
// "Errors" in the package documentation).
func Read(ctx context.Context, r io.Reader, opts *Options) (_ *Document, err error) {
	opts = opts.orDefault()
	path := opts.displayPath()
	var f Format
	defer func() {
		if err != nil {
			err = cancelled(ctx, err, "read", f.Name, path)
		}
	}()
	f, err = InputFormat(opts)
	if err != nil {
		return nil, &Error{Op: "read", Path: path, Err: err}
	}
	src, err := ReadAll(ctx, r, opts.MaxInput())
	if err != nil {
		return nil, &Error{Op: "read", Format: f.Name, Path: path, Err: err}
	}
	if opts.From == "" && f.Name == "text" && looksLikeHTML(src) && !hasExtOf(opts.SourcePath, f) {
		h, err := Lookup("html")
		if err != nil || h.NewReader == nil {
			return nil, &Error{Op: "read", Path: path, Err: unsupportedInput("html")}
		}
		f = h
	}
	if f.LegacyEncodings {
		dec, name, err := DecodeText(src, opts.InputEncoding)
		if err != nil {
			return nil, &Error{Op: "read", Format: f.Name, Path: path, Err: err}
		}
		if name != "" {
			src = dec
			opts.Report.Add("read", "inputs decoded from "+name, 1)
		}
	} else if opts.InputEncoding != "" && !f.DecodesSource {
		return nil, &Error{Op: "read", Format: f.Name, Path: path, Err: fmt.Errorf("%w: %w: --input-encoding does not apply to %s input", ErrInvalidInput, ErrEncoding, f.Name)}
	}
	empty := isBlank(src)
	if opts.From == "" && f.Name == "text" {
		f = sniffText(f, src)
	}
	if !f.DecodesSource {
		if src, err = SourceTransforms(ctx, src, opts); err != nil {
			return nil, err
		}
		empty = empty || isBlank(src) // UTF-16 spaces, a lone byte order mark
	}
	warned := len(opts.Report.Warnings())
	d, err := f.NewReader(opts).Read(ctx, bytes.NewReader(src))
	if err != nil {
		return nil, wrapError(err, "read", f.Name, path)
	}
	if !opts.NoResources {
		if err := ResolveImages(ctx, d, opts); err != nil {
			return nil, &Error{Op: "read", Format: f.Name, Path: path, Err: err}
		}
	}
	if empty && !slices.Contains(opts.Report.Warnings()[warned:], emptyWarning) {
		// The outputs are still written (an empty document), but a
		// conversion of nothing is most likely a mistake: say so, once
		// (the text reader says it itself).
		opts.Report.Warn("%s", emptyWarning)
	}
	for _, t := range opts.Transforms {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if dt, ok := t.(DocumentTransform); ok {
			if err := dt.TransformDocument(ctx, d, opts); err != nil {
				return nil, wrapError(err, "transform", t.Name(), path)
			}
		}
	}
	own := d.Meta.Title
	if err := ApplyMetadata(&d.Meta, opts.Metadata); err != nil {
		return nil, &Error{Op: "read", Format: f.Name, Path: path, Err: err}
	}
	keepHeadline(d, own)
	if d.Meta.Title == "" {
		d.Meta.Title = opts.FileTitle()
		d.Meta.TitleFromFile = d.Meta.Title != ""
	}
	if d.Meta.Lang == "" {
		d.Meta.Lang = DocumentLanguage(d)
	}
	return d, nil
}

// isBlank reports whether src holds no text: no bytes, or only white space
// and byte order marks.
func isBlank(src []byte) bool {
	return len(bytes.TrimFunc(src, func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' })) == 0
}

// emptyWarning is the warning of Read for an input with no text (the text
// reader's too).
const emptyWarning = "input is empty"

// SourceTransforms runs the source transforms of opts.Transforms on src,
// in order, and returns the result. Read calls it before the reader,
// except for a format that decodes its own bytes (Format.DecodesSource),
// whose reader calls it on the text it decoded. Errors are *Error values
// naming the transform and the input; a done ctx returns ctx.Err().
func SourceTransforms(ctx context.Context, src []byte, opts *Options) ([]byte, error) {
	opts = opts.orDefault()
	for _, t := range opts.Transforms {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if st, ok := t.(SourceTransform); ok {
			var err error
			if src, err = st.TransformSource(ctx, src, opts); err != nil {
				return nil, wrapError(err, "transform", t.Name(), opts.displayPath())
			}
		}
	}
	return src, nil
}

// ReadAll reads r to its end like io.ReadAll, but refuses more than limit
// bytes (limit < 0: no limit) with an error wrapping ErrLimit, and stops
// with ctx.Err() when ctx is done between two reads. When r can tell its
// size (an *os.File of a regular file, a *bytes.Reader…) a too large input
// is refused before it is read, and the buffer is allocated once.
func ReadAll(ctx context.Context, r io.Reader, limit int64) ([]byte, error) {
	size := int64(-1)
	switch v := r.(type) {
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := v.Stat(); err == nil && fi.Mode().IsRegular() {
			size = fi.Size()
		}
	case interface{ Len() int }:
		size = int64(v.Len())
	}
	if limit >= 0 && size > limit {
		return nil, LimitErrorf("input is %s, larger than the %s limit", FormatSize(size), FormatSize(limit))
	}
	if size >= 0 {
		// One buffer of the known size (+1: io.EOF is seen without
		// growing); a file that grew meanwhile goes on below.
		buf := make([]byte, 0, size+1)
		for {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			n, err := r.Read(buf[len(buf):min(cap(buf), len(buf)+readChunk)])
			buf = buf[:len(buf)+n]
			if err == io.EOF {
				return buf, nil
			}
			if err != nil {
				if ctx.Err() != nil {
					return nil, ctx.Err()
				}
				return nil, err
			}
			if len(buf) == cap(buf) { // the file grew
				rest := int64(-1)
				if limit >= 0 {
					if rest = limit - int64(len(buf)); rest < 0 {
						return nil, errTooLarge(limit)
					}
				}
				more, err := readChunks(ctx, r, rest)
				if err != nil {
					return nil, err
				}
				return append(buf, more...), nil
			}
		}
	}
	return readChunks(ctx, r, limit)
}

// readChunk is how much ReadAll reads at once: ctx is checked between.
const readChunk = 1 << 20

// readChunks reads r to its end in chunks of readChunk bytes, joined once
// at the end, so that the peak is twice the input, never more, and an
// input over the limit costs no more than the limit.
func readChunks(ctx context.Context, r io.Reader, limit int64) ([]byte, error) {
	var chunks [][]byte
	total := int64(0)
	buf := make([]byte, 0, 64<<10) // a small input needs no more
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if len(buf) == cap(buf) {
			chunks = append(chunks, buf)
			buf = make([]byte, 0, readChunk)
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		total += int64(n)
		if limit >= 0 && total > limit {
			return nil, errTooLarge(limit)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err() // a read interrupted because ctx is done
			}
			return nil, err
		}
	}
	if len(chunks) == 0 {
		return buf, nil
	}
	out := make([]byte, 0, total)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, buf...), nil
}

func errTooLarge(limit int64) error {
	return LimitErrorf("input is larger than the %s limit", FormatSize(limit))
}

// FormatSize writes a byte count for messages: "256 MiB", "1.5 KiB",
// "300 bytes".
func FormatSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d bytes", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 4; m /= unit {
		div *= unit
		exp++
	}
	v := float64(n) / float64(div)
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	return s + " " + string("KMGTP"[exp]) + "iB"
}

// ApplyMetadata applies KEY=VALUE settings to m (see Meta.Set). Settings
// replace, except authors and keywords, which the first setting of the key
// replaces and later ones extend.
func ApplyMetadata(m *Meta, settings []string) error {
	seen := map[string]bool{}
	for _, kv := range settings {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			k, v = kv, "true"
		}
		key := strings.ToLower(strings.TrimSpace(k))
		if !seen[key] {
			switch key {
			case "author", "authors", "creator":
				m.Authors = nil
			case "keywords", "keyword":
				m.Keywords = nil
			}
			seen[key] = true
		}
		if err := m.Set(k, v); err != nil {
			return err
		}
	}
	return nil
}

// keepHeadline keeps the document's own title own in the document when
// the metadata replaced it (-M title=…): as the subtitle when there is
// none, else as a level-1 heading before the first block.
func keepHeadline(d *Document, own string) {
	m := &d.Meta
	if own == "" || own == m.Title || own == m.Subtitle {
		return
	}
	if m.Subtitle == "" {
		m.Subtitle = own
		return
	}
	h := &Heading{Level: 1, Inlines: []Inline{&Text{Text: own}}}
	d.Blocks = append([]Block{h}, d.Blocks...)
}

// InputFormat returns the format Read uses for opts: From, else the
// format of SourcePath's extension, else "text". An extension of a format
// that can only be written (.pdf, .epub, .xlsx) is an error wrapping
// ErrUnsupported ("PDF input is not supported"), never read as text; an unknown extension (.log) is read as text.
func InputFormat(opts *Options) (Format, error) {
	opts = opts.orDefault()
	if opts.From != "" {
		f, err := Lookup(opts.From)
		if err == nil && f.NewReader == nil {
			return f, unsupportedInput(f.Name)
		}
		return f, err
	}
	if opts.SourcePath != "" && opts.SourcePath != "-" && filepath.Ext(opts.SourcePath) != "" {
		if f, err := ByExtension(opts.SourcePath); err == nil {
			if f.NewReader == nil {
				return f, unsupportedInput(f.Name)
			}
			return f, nil
		}
	}
	return Lookup("text")
}

// sniffText returns the first registered format (in name order)
// whose Sniff recognises src, else f (plain text).
func sniffText(f Format, src []byte) Format {
	for _, g := range Formats() {
		if g.Sniff != nil && g.NewReader != nil && g.Name != f.Name && g.Sniff(src) {
			return g
		}
	}
	return f
}

// unsupportedInput is the error for reading a write-only format.
type unsupportedInput string

func (e unsupportedInput) Error() string {
	var readable []string
	for _, f := range Formats() {
		if f.NewReader != nil {
			readable = append(readable, f.Name)
		}
	}
	return fmt.Sprintf("%s input is not supported (formats read: %s)", strings.ToUpper(string(e)), strings.Join(readable, ", "))
}

func (e unsupportedInput) Unwrap() error { return ErrUnsupported }

// looksLikeHTML reports whether src starts (after a byte order mark and
// white space) with an HTML document type or <html> tag.
func looksLikeHTML(src []byte) bool {
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	src = bytes.TrimLeft(src, " \t\r\n")
	head := strings.ToLower(string(src[:min(len(src), 15)]))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

// hasExtOf reports whether path has one of f's extensions (a .txt file
// is text whatever it starts with).
func hasExtOf(path string, f Format) bool {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	for _, e := range f.Extensions {
		if ext != "" && ext == e {
			return true
		}
	}
	return false
}

// Write writes d to w in the format opts.To (a name or alias). A document
// that Document.Validate refuses (nil, a nil block, a heading level 9) is
// an error wrapping ErrInvalidInput, before any writer runs. When ctx is
// done, the error is an *Error wrapping ctx.Err() (see "Errors" in the
// package documentation); what was written to w is then incomplete.
func Write(ctx context.Context, w io.Writer, d *Document, opts *Options) (err error) {
	opts = opts.orDefault()
	name := opts.To
	if name == "" {
		name = "json"
	}
	var f Format
	defer func() {
		if err != nil {
			err = cancelled(ctx, err, "write", f.Name, "")
		}
	}()
	f, err = Lookup(name)
	if err != nil {
		return &Error{Op: "write", Err: err}
	}
	if f.NewWriter == nil {
		return &Error{Op: "write", Format: f.Name, Err: fmt.Errorf("convert: %w: %s cannot be written", ErrUnsupported, f.Name)}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if _, _, err := SourceDateEpoch(); err != nil {
		return &Error{Op: "write", Format: f.Name, Err: err}
	}
	if err := d.Validate(); err != nil {
		return &Error{Op: "write", Format: f.Name, Err: err}
	}
	return wrapError(f.NewWriter(opts).Write(ctx, w, d), "write", f.Name, "")
}

// Convert reads r and writes w: Read then Write with the same options.
// Its errors are those of Read and Write: *Error values, wrapping
// ctx.Err() when ctx is done.
func Convert(ctx context.Context, w io.Writer, r io.Reader, opts *Options) error {
	d, err := Read(ctx, r, opts)
	if err != nil {
		return err
	}
	return Write(ctx, w, d, opts)
}

// DocumentText returns the plain text of every block, one block a line.
func DocumentText(d *Document) string {
	var b strings.Builder
	for _, bl := range d.Blocks {
		b.WriteString(BlockText(bl))
		b.WriteByte('\n')
	}
	return b.String()
}

// FileTitle returns the title Read gives a document that names none: the
// stem of SourcePath ("article" for "dir/article.txt"), "" for standard
// input. Writers keep such a title in the metadata (a reader's library
// needs a name) but do not print it as the document's heading.
func (o *Options) FileTitle() string {
	if o == nil || o.SourcePath == "" || o.SourcePath == "-" {
		return ""
	}
	base := filepath.Base(o.SourcePath)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// Var returns the format-specific setting "format.key" from opts.Vars.
func (o *Options) Var(format, key string) (string, bool) {
	if o == nil || o.Vars == nil {
		return "", false
	}
	v, ok := o.Vars[format+"."+key]
	return v, ok
}
