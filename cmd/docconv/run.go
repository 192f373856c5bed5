package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/fonts"
	_ "github.com/docconv/docconv/formats/all"
	"github.com/docconv/docconv/internal/cliopts"
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
	listFonts, listVars  bool
	version, quiet       bool
	strict, toc          bool
	resourcePath         []string
	embedResources       bool
	coverImage           string
	inputEncoding        string
	figuresTable         bool
	normalizeMode        string
	ruby, punct, script  string
	fonts, embedFonts    []string
	pageSize             string
	pdfStandard          string
	maxInputSize         string
	maxMemory            string
	includes             []string
	skipExisting         bool
	jobs                 int
	keepGoing            bool
	reportJSON           string
	inputs               []string
	usage                string // the --help text
}

func parseArgs(args []string, helpOut io.Writer) (*config, error) {
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
	fs.StringVar(&c.inputEncoding, "input-encoding", "", "character `ENCODING` of text, Markdown and HTML inputs: utf-8, shift_jis, euc-jp, gbk, gb18030, big5, euc-kr… (default: detected)")
	fs.BoolVar(&c.strict, "strict", false, "refuse invalid UTF-8 and characters no font covers instead of repairing and reporting")
	fs.BoolVar(&c.toc, "toc", false, "add a table of contents (PDF)")
	fs.StringArrayVar(&c.resourcePath, "resource-path", nil, "look for images in `DIR[:DIR…]` too, after the input file's directory (repeatable); paths never leave these directories")
	fs.BoolVar(&c.embedResources, "embed-resources", false, "HTML: put the images into the page as data: URIs (one self-contained file)")
	fs.StringVar(&c.coverImage, "epub-cover-image", "", "EPUB cover image `FILE` (PNG, JPEG, GIF, WebP or SVG)")
	fs.BoolVar(&c.figuresTable, "figures-table", false, "append a table of the article's figures (PDF, EPUB, HTML)")
	fs.StringArrayVar(&c.fonts, "font", nil, "PDF font `NAME|FILE`, repeatable: the fallback chain, first match per character")
	fs.StringArrayVar(&c.embedFonts, "epub-embed-font", nil, "embed a subset of font `NAME|FILE` in the EPUB, repeatable")
	fs.StringVar(&c.pageSize, "page-size", "", "PDF page `SIZE`: A4 (default), A5, B5 (ISO, 176×250 mm), B5-JIS (182×257 mm), Letter")
	fs.StringVar(&c.pdfStandard, "pdf-standard", "", "declare the PDF `STANDARD`: ua-1 (PDF/UA-1, accessible; PDFs are tagged by default)")
	fs.StringVar(&c.maxInputSize, "max-input-size", "256MiB", "refuse an input (or --font file) larger than `SIZE`: bytes, or with KiB, MiB, GiB; 0 for no limit")
	fs.StringVar(&c.maxMemory, "max-memory", "auto", "stop with exit status 3 when memory use passes `SIZE`: auto (3/4 of the available memory), 0 for no limit, or a size")
	fs.StringArrayVarP(&c.vars, "variable", "V", nil, "format-specific `KEY=VALUE`, e.g. pdf.indent=0")
	fs.IntVarP(&c.jobs, "jobs", "j", 0, "convert `N` inputs at once with -d (default: the number of CPUs)")
	fs.BoolVarP(&c.keepGoing, "keep-going", "k", false, "with several inputs, write the outputs of those that convert, list the failures, exit 1")
	fs.StringArrayVar(&c.includes, "include", nil, "with a directory input, convert the files whose names match `GLOB` (repeatable; default *.txt, *.text, *.md, *.markdown)")
	fs.BoolVar(&c.skipExisting, "skip-existing", false, "with -d, skip outputs that exist and are not older than their input")
	fs.StringVar(&c.reportJSON, "report-json", "", "write one JSON object per input (path, outputs, figures, warnings, error, time) to `FILE`")
	fs.BoolVar(&c.listIn, "list-input-formats", false, "list the input formats")
	fs.BoolVar(&c.listOut, "list-output-formats", false, "list the output formats")
	fs.BoolVar(&c.listFonts, "list-fonts", false, "list the fonts --font can name (embedded and installed)")
	fs.BoolVar(&c.listVars, "list-variables", false, "list the -V variables: key, type, default and meaning")
	fs.BoolVarP(&c.quiet, "quiet", "q", false, "print no report on standard error")
	fs.BoolVar(&c.version, "version", false, "print the version")
	help := fs.BoolP("help", "h", false, "show this help")
	if err := fs.Parse(args); err != nil {
		return nil, usagef("%v (see docconv --help)", err)
	}
	c.usage = fmt.Sprintf("usage: docconv [flags] [INPUT...]\n       docconv inspect FILE...\n\n%s\nExit status: 0 ok, 1 conversion failed, 2 bad usage, 3 a resource limit exceeded,\n128+N interrupted by signal N (130 SIGINT, 143 SIGTERM, 129 SIGHUP).\n",
		strings.ReplaceAll(fs.FlagUsages(), "[=true|false]", "             "))
	if *help {
		io.WriteString(helpOut, c.usage)
		return nil, nil
	}
	c.inputs = fs.Args()
	return c, nil
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "inspect" {
		return runInspect(args[1:], stdin, stdout, stderr) // inspect.go
	}
	c, err := parseArgs(args, stdout) // --help is asked for: standard output
	if err == nil && c == nil {
		return exitOK // --help
	}
	if err == nil {
		ctx, cancel := context.WithCancelCause(context.Background())
		w := watchSignals(cancel, stderr)
		err = c.run(ctx, w, stdin, stdout, stderr)
		cause := w.stop()
		cancel(nil)
		if cause != nil {
			// Whatever the run returned: it was cut short.
			fmt.Fprintln(stderr, stopMessage(cause))
			return stopExit(cause)
		}
	}
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "docconv: %v\n", err)
	if errors.Is(err, fonts.ErrNotFound) {
		fmt.Fprintln(stderr, "docconv: docconv --list-fonts lists the fonts --font can name")
	}
	var ue *usageError
	switch {
	case errors.As(err, &ue), errors.Is(err, convert.ErrUnsupported):
		return exitUsage
	case errors.Is(err, convert.ErrLimit):
		return exitLimit
	}
	return exitFail
}

func (c *config) run(ctx context.Context, w *watcher, stdin io.Reader, stdout, stderr io.Writer) error {
	switch {
	case c.version:
		fmt.Fprint(stdout, versionText(debug.ReadBuildInfo())) // version.go
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
	case c.listVars:
		listVariables(stdout)
		return nil
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
		if stdinIsTerminal(stdin) {
			// Nobody is piping text in: waiting for a Ctrl-D that would
			// write an empty document helps no one.
			io.WriteString(stderr, c.usage+"\n")
			return usagef("no input: name INPUT files, or pipe text to standard input (\"-\" reads the terminal)")
		}
		c.inputs = []string{"-"}
	}
	if c.skipExisting && c.outDir == "" {
		return usagef("--skip-existing needs -d DIR")
	}
	// Check every input, font file and output before any work.
	ins, err := c.expandInputs()
	if err != nil {
		return err
	}
	for i := range ins {
		path := ins[i].path
		if ins[i], err = c.checkInput(ins[i]); err != nil {
			if !c.keepGoing || len(ins) < 2 {
				return err
			}
			ins[i].err = err // listed with the failures, the others go on
		}
		for _, prev := range ins[:i] {
			if ins[i].path == "-" && prev.path == "-" {
				return usagef("standard input is given twice (%s and %s)", prev.path, path)
			}
		}
	}
	if err := c.checkFonts(opts.MaxInput()); err != nil {
		return err
	}
	targets, err := c.targets(ins, jobs)
	if err != nil {
		return err
	}
	memLimit, err := parseMemoryLimit(c.maxMemory)
	if err != nil {
		return usagef("--max-memory: %v", err)
	}
	defer w.guardMemory(memLimit)()
	defer tuneGC(ins)()
	var reportTarget *target
	if c.reportJSON != "" {
		if reportTarget, err = c.reportTargetFor(targets, ins); err != nil {
			return err
		}
	}
	temps.Lock()
	temps.written, temps.planned = nil, 0
	temps.Unlock()

	// Every output goes to a temporary file (or memory) first; all are put
	// in place only when every conversion succeeded (with --keep-going:
	// every conversion of its input).
	start := time.Now()
	results := make([]*result, len(ins))
	for i, in := range ins {
		// One report per input, so that several inputs' warnings say whose
		// they are.
		results[i] = &result{in: in, report: &convert.Report{}, figures: -1, err: in.err}
	}
	defer func() {
		for _, r := range results {
			r.discard()
		}
	}()
	bar := newProgress(stderr, c.quiet, len(ins))
	if c.outDir == "" {
		c.convertConcat(ctx, results, opts, jobs[0], targets[0], stdin)
	} else {
		c.convertEach(ctx, results, opts, jobs, targets, stdin, bar)
	}
	bar.wait()
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	failed := 0
	for _, r := range results {
		if r.err != nil {
			failed++
		}
	}
	if failed > 0 && !c.keepGoing {
		err := firstError(results)
		if reportTarget != nil {
			for _, r := range results {
				r.discard()
			}
			if rerr := c.writeReport(reportTarget, results, jobs, stdout); rerr != nil {
				fmt.Fprintf(stderr, "docconv: %v\n", rerr)
			}
		}
		return err
	}
	temps.Lock()
	for _, r := range results {
		temps.planned += len(r.pending)
	}
	temps.Unlock()
	for _, r := range results {
		for _, p := range r.pending {
			if ctx.Err() != nil {
				return context.Cause(ctx) // a late signal: nothing more replaced
			}
			if err := p.commit(stdout); err != nil {
				return err
			}
			r.written = append(r.written, p)
			temps.Lock()
			temps.written = append(temps.written, p.t.path)
			temps.Unlock()
			if !c.quiet && p.t.kind != toStdout {
				fmt.Fprintf(stderr, "wrote %s (%s)\n", p.t.path, plural(int(p.size), "bytes"))
			}
		}
		r.pending = nil
	}
	if !c.quiet {
		for _, r := range results {
			io.WriteString(stderr, reportText(r, len(results) > 1))
		}
	}
	for _, r := range results {
		if r.err != nil {
			fmt.Fprintf(stderr, "docconv: %v\n", r.err)
		}
	}
	if !c.quiet && len(results) > 1 {
		io.WriteString(stderr, summary(results, time.Since(start)))
	}
	if reportTarget != nil {
		if err := c.writeReport(reportTarget, results, jobs, stdout); err != nil {
			return err
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %s failed", failed, plural(len(results), "inputs"))
	}
	return nil
}

// reportTargetFor resolves the --report-json file, which may be no
// output's and no input's.
func (c *config) reportTargetFor(targets []*target, ins []input) (*target, error) {
	t, err := resolveTarget(c.reportJSON)
	if err != nil {
		return nil, fmt.Errorf("--report-json: %w", err)
	}
	for _, o := range targets {
		if t.kind == toStdout && o.kind == toStdout || t.kind == toFile && o.kind == toFile && sameName(t.real) == sameName(o.real) {
			return nil, usagef("--report-json %s: is also an output", c.reportJSON)
		}
	}
	for _, in := range ins {
		if t.kind == toFile && t.old != nil && in.path != "-" && samePath(in.path, t.real) {
			return nil, usagef("--report-json %s: refusing to overwrite the input file", c.reportJSON)
		}
	}
	return t, nil
}

// targets resolves the outputs before any work: with -d, one per input and
// format (index i*len(jobs)+j), refusing two inputs that would write the
// same file; else the one -o output (standard output by default). No
// output may be an input.
func (c *config) targets(ins []input, jobs []convert.Format) ([]*target, error) {
	var out []*target
	if c.outDir == "" {
		path := c.output
		if path == "" {
			path = "-"
		}
		t, err := resolveTarget(path)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	} else {
		// Two inputs of one stem are refused before anything is created.
		byName := map[string]string{}
		for _, in := range ins {
			for _, f := range jobs {
				path := c.outputPath(in, f.Ext())
				if prev, ok := byName[sameName(path)]; ok {
					return nil, collision(prev, in.path, path)
				}
				byName[sameName(path)] = in.path
			}
		}
		fi, err := os.Stat(c.outDir)
		switch {
		case err == nil && !fi.IsDir():
			return nil, usagef("-d %s: is a %s, not a directory", c.outDir, fileKind(fi.Mode()))
		case err != nil:
			if err := os.MkdirAll(c.outDir, 0o777); err != nil {
				return nil, fmt.Errorf("cannot create directory %s: %w", c.outDir, unwrapPath(err))
			}
		}
		// Symbolic links may still make two names one file.
		for _, in := range ins {
			if in.rel != "" {
				dir := filepath.Join(c.outDir, in.rel)
				if err := os.MkdirAll(dir, 0o777); err != nil {
					return nil, fmt.Errorf("cannot create directory %s: %w", dir, unwrapPath(err))
				}
			}
		}
		seen := map[string]*target{}
		for _, in := range ins {
			for _, f := range jobs {
				path := c.outputPath(in, f.Ext())
				t, err := resolveTarget(path)
				if err != nil {
					return nil, err
				}
				t.input = in.path
				key := sameName(path)
				if t.real != "" {
					key = sameName(t.real)
				}
				if prev := seen[key]; prev != nil {
					return nil, collision(prev.input, in.path, path)
				}
				seen[key] = t
				out = append(out, t)
			}
		}
	}
	for _, t := range out {
		for _, in := range ins {
			if t.kind == toFile && t.old != nil && in.path != "-" && samePath(in.path, t.real) {
				return nil, usagef("%s: refusing to overwrite the input file", t.path)
			}
		}
	}
	return out, nil
}

func collision(a, b, path string) error {
	return usagef("%s and %s would both be written to %s; convert them in separate runs or to different -d directories",
		displayName(a), displayName(b), path)
}

func displayName(path string) string {
	if path == "-" {
		return "<stdin>"
	}
	return path
}

// options builds the conversion options from the flags (internal/cliopts:
// docconv-beam shares them).
func (c *config) options() (*convert.Options, error) {
	if c.jobs < 0 {
		return nil, usagef("-j must be a number of inputs converted at once (0: one per CPU), not %d", c.jobs)
	}
	s := cliopts.Settings{
		From: c.from, Metadata: c.meta, Vars: c.vars,
		Normalize: c.normalizeMode, Ruby: c.ruby, Punct: c.punct, Script: c.script,
		PageSize: c.pageSize, Strict: c.strict, TOC: c.toc, FiguresTable: c.figuresTable,
		Fonts: c.fonts, EmbedFonts: c.embedFonts, MaxInputSize: c.maxInputSize,
		InputEncoding: c.inputEncoding, PDFStandard: c.pdfStandard,
		ResourcePath: c.resourcePath, EmbedResources: c.embedResources, CoverImage: c.coverImage,
	}
	opts, err := s.Options()
	if err != nil {
		return nil, usagef("%v", err)
	}
	return opts, nil
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
		case c.output != "" && !stdoutNames[c.output]:
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
	if c.outDir == "" && (c.output == "" || stdoutNames[c.output]) && out[0].Binary && isTerminal(os.Stdout) {
		return nil, usagef("%s is binary: give -o FILE or -d DIR rather than writing it to a terminal", out[0].Name)
	}
	return out, nil
}

// writeOutput converts d for target t, into a pending output to commit or
// discard. Errors name the target, never a temporary file.
func writeOutput(ctx context.Context, t *target, d *convert.Document, o *convert.Options) (*pendingFile, error) {
	p, err := newPending(t)
	if err != nil {
		return nil, err
	}
	p.format = o.To
	if err := convert.Write(ctx, p, d, o); err != nil {
		p.discard()
		var ce *convert.Error
		if errors.As(err, &ce) && ce.Path == "" && t.kind != toStdout {
			ce.Path = t.path
		}
		return nil, err
	}
	return p, nil
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

// stdinIsTerminal reports whether r is a terminal (not a pipe, a file or
// /dev/null, which is a character device too).
func stdinIsTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// parseSize parses a byte count: digits with an optional unit, K/KB/KiB,
// M/MB/MiB, G/GB/GiB (all powers of 1024, case-insensitive), or B.
func parseSize(s string) (int64, error) { return cliopts.ParseSize(s) }
