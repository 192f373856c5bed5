package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/normalize"
	_ "github.com/docconv/docconv/formats/all"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
	exitLimit = 3 // a resource limit: convert.ErrLimit
)

// usageError is bad usage: exit 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

type config struct {
	from, output, outDir string
	to                   []string
	meta, vars           []string
	listIn, listOut      bool
	listFonts            bool
	version, quiet       bool
	strict, toc          bool
	figuresTable         bool
	normalizeMode        string
	ruby, punct, script  string
	fonts, embedFonts    []string
	pageSize             string
	maxInputSize         string
	inputs               []string
}

func parseArgs(args []string, stderr io.Writer) (*config, error) {
	c := &config{}
	fs := pflag.NewFlagSet("docconv", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	fs.StringVarP(&c.from, "from", "f", "", "input `FORMAT` (default: from the extension, else text)")
	fs.StringSliceVarP(&c.to, "to", "t", nil, "output `FORMAT`s, comma-separated (default: from -o, else html)")
	fs.StringVarP(&c.output, "output", "o", "", "output `FILE` (\"-\" for standard output)")
	fs.StringVarP(&c.outDir, "output-dir", "d", "", "write `DIR`/<input stem>.<ext> for each input and format")
	fs.StringArrayVarP(&c.meta, "metadata", "M", nil, "set metadata `KEY=VALUE` (title, author, date, lang, keywords, description…)")
	fs.StringVar(&c.normalizeMode, "normalize", "default", "text clean-up `MODE`: default, or none (text kept exactly as read)")
	fs.StringVar(&c.ruby, "ruby", "strip", "`MODE` for pinyin annotations like 區(qū): strip, keep or ruby")
	fs.StringVar(&c.punct, "punct", "fix", "`MODE` for halfwidth , ; : ? ! between CJK characters: fix (make fullwidth) or keep")
	fs.StringVar(&c.script, "script", "", "convert Chinese to `SCRIPT`: hans (Simplified) or hant (Traditional)")
	fs.BoolVar(&c.strict, "strict", false, "refuse invalid UTF-8 and characters no font covers instead of repairing and reporting")
	fs.BoolVar(&c.toc, "toc", false, "add a table of contents (PDF)")
	fs.BoolVar(&c.figuresTable, "figures-table", false, "append a table of the article's figures (PDF, EPUB, HTML)")
	fs.StringArrayVar(&c.fonts, "font", nil, "PDF font `NAME|FILE`, repeatable: the fallback chain, first match per character")
	fs.StringArrayVar(&c.embedFonts, "epub-embed-font", nil, "embed a subset of font `NAME|FILE` in the EPUB, repeatable")
	fs.StringVar(&c.pageSize, "page-size", "", "PDF page `SIZE`: A4 (default), A5, B5, Letter")
	fs.StringVar(&c.maxInputSize, "max-input-size", "256MiB", "refuse an input (or --font file) larger than `SIZE`: bytes, or with KiB, MiB, GiB; 0 for no limit")
	fs.StringArrayVarP(&c.vars, "variable", "V", nil, "format-specific `KEY=VALUE`, e.g. pdf.indent=0")
	fs.BoolVar(&c.listIn, "list-input-formats", false, "list the input formats")
	fs.BoolVar(&c.listOut, "list-output-formats", false, "list the output formats")
	fs.BoolVar(&c.listFonts, "list-fonts", false, "list the fonts --font can name (embedded and installed)")
	fs.BoolVarP(&c.quiet, "quiet", "q", false, "print no report on standard error")
	fs.BoolVar(&c.version, "version", false, "print the version")
	help := fs.BoolP("help", "h", false, "show this help")
	if err := fs.Parse(args); err != nil {
		return nil, usagef("%v (see docconv --help)", err)
	}
	if *help {
		usage := strings.ReplaceAll(fs.FlagUsages(), "[=true|false]", "             ")
		fmt.Fprintf(stderr, "usage: docconv [flags] [INPUT...]\n\n%s\nExit status: 0 ok, 1 conversion failed, 2 bad usage, 3 a resource limit exceeded.\n", usage)
		return nil, nil
	}
	c.inputs = fs.Args()
	return c, nil
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c, err := parseArgs(args, stderr)
	if err == nil && c == nil {
		return exitOK // --help
	}
	if err == nil {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		err = c.run(ctx, stdin, stdout, stderr)
	}
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "docconv: %v\n", err)
	var ue *usageError
	switch {
	case errors.As(err, &ue):
		return exitUsage
	case errors.Is(err, convert.ErrLimit):
		return exitLimit
	}
	return exitFail
}

func (c *config) run(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer) error {
	switch {
	case c.version:
		fmt.Fprintf(stdout, "docconv %s\n", convert.Version)
		return nil
	case c.listIn || c.listOut:
		for _, f := range convert.Formats() {
			if (c.listIn && f.NewReader != nil) || (c.listOut && f.NewWriter != nil) {
				fmt.Fprintf(stdout, "%-10s %s\n", f.Name, f.Description)
			}
		}
		return nil
	case c.listFonts:
		return listFonts(stdout)
	}
	opts, err := c.options()
	if err != nil {
		return err
	}
	jobs, err := c.plan()
	if err != nil {
		return err
	}
	if len(c.inputs) == 0 {
		c.inputs = []string{"-"}
	}
	if c.outDir != "" {
		if err := os.MkdirAll(c.outDir, 0o755); err != nil {
			return err
		}
	}
	// Every output goes to a temporary file first; all are renamed into
	// place only when every conversion succeeded.
	var pending []*pendingFile
	defer func() {
		for _, p := range pending {
			p.discard()
		}
	}()
	// One report per input, so that several inputs' warnings say whose
	// they are; the concatenated output's writers report to the first.
	reports := make([]*convert.Report, len(c.inputs))
	var docs []*convert.Document
	for i, in := range c.inputs {
		o := *opts
		o.SourcePath = in
		reports[i] = &convert.Report{}
		o.Report = reports[i]
		d, err := readInput(ctx, in, stdin, &o)
		if err != nil {
			return err
		}
		if c.outDir != "" {
			for _, f := range jobs {
				o.To = f.Name
				path := filepath.Join(c.outDir, stem(in)+"."+f.Ext())
				p, err := c.writeOutput(ctx, path, d, &o, nil)
				if err != nil {
					return err
				}
				pending = append(pending, p)
			}
			continue
		}
		docs = append(docs, d)
	}
	if c.outDir == "" {
		d := concat(docs, c.inputs)
		o := *opts
		o.SourcePath = c.inputs[0] // writers tell a title made from its name
		o.To = jobs[0].Name
		o.Report = reports[0]
		p, err := c.writeOutput(ctx, c.output, d, &o, stdout)
		if err != nil {
			return err
		}
		if p != nil {
			pending = append(pending, p)
		}
	}
	for _, p := range pending {
		if err := p.commit(); err != nil {
			return err
		}
		if !c.quiet {
			fmt.Fprintf(stderr, "wrote %s (%d bytes)\n", p.path, p.size)
		}
	}
	pending = nil
	if !c.quiet {
		for i, r := range reports {
			text := r.String()
			if len(reports) > 1 && text != "" {
				name := c.inputs[i]
				if name == "-" {
					name = "<stdin>"
				}
				text = name + ": " + strings.ReplaceAll(strings.TrimSuffix(text, "\n"), "\n", "\n"+name+": ") + "\n"
			}
			io.WriteString(stderr, text)
		}
	}
	return nil
}

// options builds the conversion options from the flags.
func (c *config) options() (*convert.Options, error) {
	no := normalize.Options{}
	switch c.normalizeMode {
	case "default", "":
	case "none":
		no.None = true
	default:
		return nil, usagef("--normalize must be default or none, not %q", c.normalizeMode)
	}
	rm, err := normalize.ParseRubyMode(c.ruby)
	if err != nil {
		return nil, usagef("--ruby: %v", err)
	}
	no.Ruby = rm
	switch c.punct {
	case "fix", "":
	case "keep":
		no.KeepPunct = true
	default:
		return nil, usagef("--punct must be fix or keep, not %q", c.punct)
	}
	switch strings.ToLower(c.script) {
	case "", "hans", "hant":
		no.Script = strings.ToLower(c.script)
	default:
		return nil, usagef("--script must be hans or hant, not %q", c.script)
	}
	switch strings.ToUpper(c.pageSize) {
	case "", "A4", "A5", "B5", "LETTER":
	default:
		return nil, usagef("--page-size must be A4, A5, B5 or Letter, not %q", c.pageSize)
	}
	for _, m := range c.meta {
		if k, _, _ := strings.Cut(m, "="); strings.TrimSpace(k) == "" {
			return nil, usagef("-M %q: want KEY=VALUE", m)
		}
	}
	// Check the metadata values now, so that a bad date is a usage error.
	if err := convert.ApplyMetadata(&convert.Meta{}, c.meta); err != nil {
		return nil, usagef("-M: %v", err)
	}
	maxIn, err := parseSize(c.maxInputSize)
	if err != nil {
		return nil, usagef("--max-input-size: %v", err)
	}
	if maxIn == 0 {
		maxIn = -1 // no limit
	}
	vars := map[string]string{}
	for _, v := range c.vars {
		k, val, ok := strings.Cut(v, "=")
		if !ok || !strings.Contains(k, ".") {
			return nil, usagef("-V %q: want FORMAT.KEY=VALUE, e.g. pdf.indent=0", v)
		}
		vars[k] = val
	}
	return &convert.Options{
		From:         c.from,
		Metadata:     c.meta,
		Transforms:   normalize.Transforms(no),
		Report:       &convert.Report{},
		Strict:       c.strict,
		MaxInputSize: maxIn,
		TOC:          c.toc,
		FiguresTable: c.figuresTable,
		Fonts:        c.fonts,
		EmbedFonts:   c.embedFonts,
		PageSize:     c.pageSize,
		Vars:         vars,
	}, nil
}

// plan resolves the output formats.
func (c *config) plan() ([]convert.Format, error) {
	if c.from != "" {
		f, err := convert.Lookup(c.from)
		if err != nil {
			return nil, usagef("-f: %v", err)
		}
		if f.NewReader == nil {
			return nil, usagef("-f: %s is an output format only (see --list-input-formats)", f.Name)
		}
	}
	if c.output != "" && c.outDir != "" {
		return nil, usagef("-o and -d exclude each other")
	}
	var names []string
	for _, t := range c.to {
		if t = strings.TrimSpace(t); t != "" {
			names = append(names, t)
		}
	}
	if len(names) == 0 {
		switch {
		case c.output != "" && c.output != "-":
			f, err := convert.ByExtension(c.output)
			if err != nil || f.NewWriter == nil {
				return nil, usagef("cannot tell the output format of %q from its extension: give -t FORMAT", c.output)
			}
			names = []string{f.Name}
		case c.outDir != "":
			return nil, usagef("-d needs -t FORMAT[,FORMAT…]")
		default:
			names = []string{"html"}
		}
	}
	var out []convert.Format
	seen := map[string]bool{}
	for _, n := range names {
		f, err := convert.Lookup(n)
		if err != nil {
			return nil, usagef("-t: %v", err)
		}
		if f.NewWriter == nil {
			return nil, usagef("-t: %s is an input format only (see --list-output-formats)", f.Name)
		}
		if !seen[f.Name] {
			seen[f.Name] = true
			out = append(out, f)
		}
	}
	if len(out) > 1 && c.outDir == "" {
		if c.output != "" {
			return nil, usagef("several output formats (%s) need -d DIR, not -o", strings.Join(names, ","))
		}
		c.outDir = "."
	}
	if c.outDir == "" && (c.output == "" || c.output == "-") && out[0].Binary && isTerminal(os.Stdout) {
		return nil, usagef("%s is binary: give -o FILE or -d DIR rather than writing it to a terminal", out[0].Name)
	}
	return out, nil
}

func readInput(ctx context.Context, path string, stdin io.Reader, o *convert.Options) (*convert.Document, error) {
	if path == "-" {
		return convert.Read(ctx, stdin, o)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read input: %w", err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not an input file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read input: %w", err)
	}
	defer f.Close()
	return convert.Read(ctx, f, o)
}

// writeOutput writes d to stdout when path is "" or "-" (returning nil),
// else to a temporary file beside path, returned for commit or discard.
func (c *config) writeOutput(ctx context.Context, path string, d *convert.Document, o *convert.Options, stdout io.Writer) (*pendingFile, error) {
	if path == "" || path == "-" {
		if stdout == nil {
			return nil, usagef("no output file")
		}
		// Buffer, so that a failed conversion writes nothing.
		var buf bytes.Buffer
		if err := convert.Write(ctx, &buf, d, o); err != nil {
			return nil, err
		}
		_, err := buf.WriteTo(stdout)
		return nil, err
	}
	for _, in := range c.inputs {
		if in != "-" && samePath(in, path) {
			return nil, usagef("%s: refusing to overwrite the input file", path)
		}
	}
	p, err := newPending(path)
	if err != nil {
		return nil, err
	}
	cw := &countingWriter{w: p.f}
	if err := convert.Write(ctx, cw, d, o); err != nil {
		p.discard()
		var ce *convert.Error
		if errors.As(err, &ce) && ce.Path == "" {
			ce.Path = path
		}
		return nil, err
	}
	p.size = cw.n
	return p, nil
}

// pendingFile is an output being written to a temporary file in its target
// directory, so that a failure leaves no partial file and never clobbers an
// existing one.
type pendingFile struct {
	path string
	f    *os.File
	size int64
}

func newPending(path string) (*pendingFile, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", path, err)
	}
	return &pendingFile{path: path, f: f}, nil
}

// commit renames the temporary file into place.
func (p *pendingFile) commit() error {
	if err := p.f.Chmod(0o644); err != nil {
		return fmt.Errorf("cannot write %s: %w", p.path, err)
	}
	if err := p.f.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", p.path, err)
	}
	if err := os.Rename(p.f.Name(), p.path); err != nil {
		os.Remove(p.f.Name())
		return fmt.Errorf("cannot write %s: %w", p.path, err)
	}
	p.f = nil
	return nil
}

// discard removes the temporary file unless it was committed.
func (p *pendingFile) discard() {
	if p.f != nil {
		p.f.Close()
		os.Remove(p.f.Name())
		p.f = nil
	}
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

func samePath(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false
	}
	return os.SameFile(fa, fb)
}

func stem(path string) string {
	if path == "-" {
		return "stdin"
	}
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// concat joins documents into one: the first one's metadata, every one's
// blocks. A later document's own title (not one made from its file name)
// becomes a level-1 heading before its blocks, so it is not lost.
func concat(docs []*convert.Document, paths []string) *convert.Document {
	if len(docs) == 1 {
		return docs[0]
	}
	d := &convert.Document{Meta: docs[0].Meta}
	for i, x := range docs {
		if i > 0 && x.Meta.Title != "" && x.Meta.Title != stem(paths[i]) {
			d.Blocks = append(d.Blocks, &convert.Heading{Level: 1, Inlines: []convert.Inline{&convert.Text{Text: x.Meta.Title}}})
		}
		d.Blocks = append(d.Blocks, x.Blocks...)
	}
	return d
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// parseSize parses a byte count: digits with an optional unit, K/KB/KiB,
// M/MB/MiB, G/GB/GiB (all powers of 1024, case-insensitive), or B.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, fmt.Errorf("%q is not a size (want e.g. 256MiB, 1GiB or 1000000)", s)
	}
	n, err := strconv.ParseInt(t[:i], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a size: %v", s, err)
	}
	shift := 0
	switch strings.ToLower(strings.TrimSpace(t[i:])) {
	case "", "b":
	case "k", "kb", "kib":
		shift = 10
	case "m", "mb", "mib":
		shift = 20
	case "g", "gb", "gib":
		shift = 30
	default:
		return 0, fmt.Errorf("%q: unknown unit %q (want KiB, MiB or GiB)", s, t[i:])
	}
	if n > math.MaxInt64>>shift {
		return 0, fmt.Errorf("%q is too large", s)
	}
	return n << shift, nil
}
