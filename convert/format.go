package convert

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Reader turns input bytes into a Document.
type Reader interface {
	Read(ctx context.Context, r io.Reader) (*Document, error)
}

// Writer turns a Document into output bytes. A writer must not modify the
// document it is given (several writers may share one).
type Writer interface {
	Write(ctx context.Context, w io.Writer, d *Document) error
}

// ReaderFunc adapts a function to Reader.
type ReaderFunc func(ctx context.Context, r io.Reader) (*Document, error)

// Read calls f.
func (f ReaderFunc) Read(ctx context.Context, r io.Reader) (*Document, error) { return f(ctx, r) }

// WriterFunc adapts a function to Writer.
type WriterFunc func(ctx context.Context, w io.Writer, d *Document) error

// Write calls f.
func (f WriterFunc) Write(ctx context.Context, w io.Writer, d *Document) error { return f(ctx, w, d) }

// Format describes a registered document format.
type Format struct {
	// Name is the short name used by -f/-t: "text", "markdown", "pdf"….
	Name string
	// Aliases are other accepted names ("txt", "md").
	Aliases []string
	// Extensions are file name extensions without the dot, the first being
	// the one used for output files.
	Extensions []string
	// MediaType is the IANA media type.
	MediaType string
	// Binary formats are not written to a terminal.
	Binary bool
	// Description is a one-line description for --list-*-formats.
	Description string
	// NewReader returns a reader configured by opts (never nil); nil when
	// the format cannot be read.
	NewReader func(opts *Options) Reader
	// NewWriter returns a writer configured by opts (never nil); nil when
	// the format cannot be written.
	NewWriter func(opts *Options) Writer
	// Sniff, when set, recognises the format in input that would be read
	// as plain text (no -f, a .txt or unknown extension): Read then uses
	// this format's reader (Aozora Bunko notation in a .txt file).
	Sniff func(src []byte) bool
	// DecodesSource is set when the reader decodes the input's bytes
	// itself (HTML: the charset its byte order mark or <meta> declares,
	// GBK, Big5, Shift_JIS…). Read then gives the reader the raw bytes,
	// and the reader runs SourceTransforms on the text it decoded.
	DecodesSource bool
	// LegacyEncodings is set for formats whose input is text in any
	// character encoding (plain text, Aozora Bunko, Markdown): Read
	// decodes Shift_JIS, EUC-JP, GB18030, Big5 or EUC-KR input to UTF-8
	// before sniffing and reading it, detected or as
	// Options.InputEncoding names (see DecodeText).
	LegacyEncodings bool
	// Variables declares the format-specific settings the format's reader
	// and writer read from Options.Vars ("pdf.indent"), for CheckVars and
	// docconv --list-variables.
	Variables []Variable
}

// Ext returns the format's output file extension ("pdf"), or its name.
func (f Format) Ext() string {
	if len(f.Extensions) > 0 {
		return f.Extensions[0]
	}
	return f.Name
}

var (
	registryMu sync.RWMutex
	registry   = map[string]*Format{} // by name and alias
	byExt      = map[string]*Format{}
	formats    []*Format
)

// Register makes a format available by name, aliases and extensions. It
// panics if a name, alias or extension is already taken, or if the format
// has neither a reader nor a writer: both are programming errors.
func Register(f Format) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if f.Name == "" || (f.NewReader == nil && f.NewWriter == nil) {
		panic(fmt.Sprintf("convert: Register of format %q without name, reader or writer", f.Name))
	}
	p := &f
	for _, n := range append([]string{f.Name}, f.Aliases...) {
		n = strings.ToLower(n)
		if _, dup := registry[n]; dup {
			panic("convert: Register called twice for format name " + n)
		}
		registry[n] = p
	}
	for _, e := range f.Extensions {
		e = strings.ToLower(strings.TrimPrefix(e, "."))
		if _, dup := byExt[e]; dup {
			panic("convert: Register called twice for extension " + e)
		}
		byExt[e] = p
	}
	formats = append(formats, p)
}

// Lookup returns the format registered under name or alias
// (case-insensitive). The error wraps ErrUnknownFormat and lists the known
// formats.
func Lookup(name string) (Format, error) {
	registryMu.RLock()
	f, ok := registry[strings.ToLower(strings.TrimSpace(name))]
	registryMu.RUnlock()
	if !ok {
		return Format{}, fmt.Errorf("convert: %w %q (known: %s)", ErrUnknownFormat, name, strings.Join(names(), ", "))
	}
	return *f, nil
}

// ByExtension returns the format for a file name's extension ("a.md",
// ".md" or "md").
func ByExtension(name string) (Format, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(name), "."))
	if ext == "" {
		ext = strings.ToLower(strings.TrimPrefix(name, "."))
	}
	registryMu.RLock()
	f, ok := byExt[ext]
	registryMu.RUnlock()
	if !ok {
		return Format{}, fmt.Errorf("convert: %w: no format for extension %q of %q", ErrUnknownFormat, ext, name)
	}
	return *f, nil
}

// Formats returns every registered format, sorted by name.
func Formats() []Format {
	registryMu.RLock()
	defer registryMu.RUnlock()
	out := make([]Format, 0, len(formats))
	for _, f := range formats {
		out = append(out, *f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func names() []string {
	var ns []string
	for _, f := range formats {
		ns = append(ns, f.Name)
	}
	return sortedStrings(ns)
}
