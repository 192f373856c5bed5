// Package pipeline is docconv's corpus conversion on Apache Beam: it reads
// articles named by a file pattern or a manifest from any filesystem Beam
// knows (local, gs://, s3://…), converts each one to the chosen formats
// with the docconv library and the CLI's options, writes the outputs under
// a prefix with names mirroring the inputs, and writes one table of every
// figure in the corpus (CSV and Parquet) and a dead-letter table of the
// inputs that failed (path, error) — a failure never stops the job.
//
// The same pipeline runs in-process with the Prism runner and on Flink,
// Spark or Google Cloud Dataflow (see the module's README).
package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	iofs "io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local paths, always
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
	_ "github.com/docconv/docconv/formats/all" // every reader and writer
	"github.com/docconv/docconv/internal/cliopts"
)

// Metric names (namespace Namespace), printed by docconv-beam at the end.
const (
	Namespace = "docconv"
	// Converted counts the inputs whose every output was written.
	Converted = "converted"
	// Failed counts the inputs sent to the dead-letter table (counted by
	// its sink: the table must be written).
	Failed = "failed"
	// Figures counts the rows of the figures table.
	Figures = "figures"
	// Warnings counts the warnings of the converted inputs (repairs,
	// missing images…: what docconv prints as "warning:").
	Warnings = "warnings"
	// ArticleMillis is the distribution of the time one input takes
	// (read, every format, writes), in milliseconds.
	ArticleMillis = "article_ms"
)

var (
	convertedCount = beam.NewCounter(Namespace, Converted)
	failedCount    = beam.NewCounter(Namespace, Failed)
	figuresCount   = beam.NewCounter(Namespace, Figures)
	warningsCount  = beam.NewCounter(Namespace, Warnings)
	articleMillis  = beam.NewDistribution(Namespace, ArticleMillis)
)

// Config is what the pipeline does. Input or Manifest names the inputs
// (exactly one of them); Output and Formats are required.
type Config struct {
	// Input is a file pattern in Beam's glob syntax ("corpus/*/*.txt",
	// "gs://bucket/news/*.md").
	Input string
	// Manifest is a file listing one input path per line; blank lines and
	// lines starting with # are skipped, relative paths are relative to
	// the manifest's directory.
	Manifest string
	// Base is the root the output names mirror: an input Base/2024/a.txt
	// gives Output/2024/a.pdf. Default: the directory of Input before its
	// first wildcard, or the manifest's directory. An input outside Base
	// is a failure.
	Base string
	// Output is the prefix (directory, or gs://…/s3://… prefix) outputs go
	// under.
	Output string
	// Formats are output format names or aliases (pdf, epub, xlsx…).
	Formats []string
	// Settings are the conversion settings, as docconv's flags take them.
	Settings cliopts.Settings
	// FiguresCSV and FiguresParquet are where the figures table goes ("":
	// not written); Failures is where the dead-letter table goes. With
	// Shards > 1 each is written as Shards files NAME-SSSSS-of-NNNNN.EXT.
	FiguresCSV, FiguresParquet, Failures string
	// SourceDateEpoch is the SOURCE_DATE_EPOCH of the submitting process
	// ("" for none): each worker takes it, so that the outputs carry the
	// date docconv would give them there, whatever the workers' own
	// environment says (see convert.DocumentTime).
	SourceDateEpoch string
	// Shards is the number of files of each table (0 means 1). The rows
	// of one shard are sorted in one worker's memory: take about one shard
	// per 2 million figures (about 100 000 articles).
	Shards int
}

// Check resolves the defaults of c and checks it: the formats, the
// conversion settings, the paths. The error is a usage error.
func (c *Config) Check() error {
	switch {
	case c.Input == "" && c.Manifest == "":
		return fmt.Errorf("no inputs: give --input PATTERN or --manifest FILE")
	case c.Input != "" && c.Manifest != "":
		return fmt.Errorf("--input and --manifest exclude each other")
	case c.Output == "":
		return fmt.Errorf("no output: give --output PREFIX")
	case len(c.Formats) == 0:
		return fmt.Errorf("no output format: give -t FORMAT[,FORMAT…]")
	case c.Shards < 0:
		return fmt.Errorf("--shards must be 1 or more, not %d", c.Shards)
	}
	if c.Shards == 0 {
		c.Shards = 1
	}
	if c.SourceDateEpoch != "" {
		if _, err := strconv.ParseInt(c.SourceDateEpoch, 10, 64); err != nil {
			return fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", c.SourceDateEpoch)
		}
	}
	var names []string
	for _, n := range c.Formats {
		f, err := convert.Lookup(strings.TrimSpace(n))
		if err != nil {
			return fmt.Errorf("-t: %v", err)
		}
		if f.NewWriter == nil {
			return fmt.Errorf("-t: %s is an input format only", f.Name)
		}
		if !slices.Contains(names, f.Name) {
			names = append(names, f.Name)
		}
	}
	c.Formats = names
	if c.Settings.From != "" {
		f, err := convert.Lookup(c.Settings.From)
		if err != nil {
			return fmt.Errorf("-f: %v", err)
		}
		if f.NewReader == nil {
			return fmt.Errorf("-f: %s is an output format only", f.Name)
		}
	}
	if _, err := c.Settings.Options(); err != nil {
		return err
	}
	if c.Base == "" {
		if c.Input != "" {
			c.Base = globRoot(c.Input)
		} else {
			c.Base = dir(c.Manifest)
		}
	}
	c.Base = clean(c.Base)
	c.Output = clean(c.Output)
	for _, p := range []string{c.Input, c.Manifest, c.Output, c.FiguresCSV, c.FiguresParquet, c.Failures} {
		if p == "" {
			continue
		}
		fs, err := filesystem.New(context.Background(), p)
		if err != nil {
			return fmt.Errorf("%s: no filesystem for its scheme in this binary (%v)", p, err)
		}
		fs.Close()
	}
	return nil
}

// Build adds the pipeline for c (checked) to s. It returns the figures rows
// and the failures, for tests and for callers that add their own sinks.
func Build(s beam.Scope, c Config) (figureRows, failures beam.PCollection) {
	s = s.Scope("docconv")
	var paths beam.PCollection
	if c.Input != "" {
		matched := fileio.MatchFiles(s, c.Input, fileio.MatchEmptyDisallow())
		paths = beam.ParDo(s, matchedPath, matched)
	} else {
		lines := textio.Read(s, c.Manifest)
		paths = beam.ParDo(s, &manifestFn{Dir: dir(c.Manifest)}, lines)
	}
	keyed, outside := beam.ParDo2(s, &nameFn{Base: c.Base, Output: c.Output}, paths)
	// Grouping by output name finds inputs that would overwrite each
	// other's outputs (a.txt and a.md), and is the fusion break that
	// spreads the conversions over every worker.
	unique, clashes := beam.ParDo2(s, uniqueFn, beam.GroupByKey(s, keyed))
	rows, failed := beam.ParDo2(s, &convertFn{
		Output: c.Output, Formats: c.Formats, Settings: c.Settings, Inputs: inputsOf(c),
		SourceDateEpoch: c.SourceDateEpoch,
	}, unique)
	failures = beam.Flatten(s, outside, clashes, failed)
	writeTables(s, c, rows, failures)
	return rows, failures
}

// FigureRow is one row of the corpus figures table: a figure of an
// article, in the article's order (Index).
type FigureRow struct {
	Path      string  `parquet:"name=path, type=BYTE_ARRAY, convertedtype=UTF8"`
	Index     int64   `parquet:"name=index, type=INT64"`
	Section   string  `parquet:"name=section, type=BYTE_ARRAY, convertedtype=UTF8"`
	Paragraph int64   `parquet:"name=paragraph, type=INT64"`
	Sentence  string  `parquet:"name=sentence, type=BYTE_ARRAY, convertedtype=UTF8"`
	Text      string  `parquet:"name=text, type=BYTE_ARRAY, convertedtype=UTF8"`
	Value     float64 `parquet:"name=value, type=DOUBLE"`
	Bound     string  `parquet:"name=bound, type=BYTE_ARRAY, convertedtype=UTF8"`
	Unit      string  `parquet:"name=unit, type=BYTE_ARRAY, convertedtype=UTF8"`
	Kind      string  `parquet:"name=kind, type=BYTE_ARRAY, convertedtype=UTF8"`
	Date      string  `parquet:"name=date, type=BYTE_ARRAY, convertedtype=UTF8"`
}

// RowsOf returns the figures table's rows for the figures of the input at
// path, as the pipeline writes them.
func RowsOf(path string, figs []convert.Figure) []FigureRow {
	rows := make([]FigureRow, len(figs))
	for i, f := range figs {
		rows[i] = FigureRow{
			Path: path, Index: int64(i), Section: f.Section, Paragraph: int64(f.Paragraph),
			Sentence: f.Sentence, Text: f.Text, Value: f.Value, Bound: string(f.Bound),
			Unit: f.Unit, Kind: string(f.Kind), Date: f.Date,
		}
	}
	return rows
}

// Failure is a row of the dead-letter table: an input that was not
// converted, and why.
type Failure struct {
	Path  string
	Error string
}

func init() {
	register.Function2x0(matchedPath)
	register.DoFn2x0[string, func(string)](&manifestFn{})
	register.Emitter1[string]()
	register.DoFn3x0[string, func(string, string), func(Failure)](&nameFn{})
	register.Emitter2[string, string]()
	register.Emitter1[Failure]()
	register.Function4x0(uniqueFn)
	register.Iter1[string]()
	register.DoFn5x0[context.Context, string, string, func(FigureRow), func(Failure)](&convertFn{})
	register.Emitter1[FigureRow]()
	beam.RegisterType(typeOf[FigureRow]())
	beam.RegisterType(typeOf[Failure]())
	registerTables()
}

// matchedPath passes on the path of a matched file, skipping the
// directories a local pattern matches ("corpus/*" matches corpus/2024).
func matchedPath(md fileio.FileMetadata, emit func(string)) {
	if !strings.Contains(md.Path, "://") {
		if fi, err := os.Stat(md.Path); err == nil && fi.IsDir() {
			return
		}
	}
	emit(md.Path)
}

// manifestFn turns the manifest's lines into input paths.
type manifestFn struct{ Dir string }

func (f *manifestFn) ProcessElement(line string, emit func(string)) {
	line = strings.TrimSpace(strings.TrimPrefix(line, "\ufeff"))
	if line == "" || strings.HasPrefix(line, "#") {
		return
	}
	if !isAbs(line) {
		line = join(f.Dir, line)
	}
	emit(clean(line))
}

// nameFn keys each input by its output name: Output/<path under Base
// without extension>.
type nameFn struct{ Base, Output string }

func (f *nameFn) ProcessElement(p string, emit func(string, string), fail func(Failure)) {
	rel, ok := relative(f.Base, p)
	if !ok {
		fail(Failure{Path: p, Error: fmt.Sprintf("%s is not under %s, the root the output names mirror (--base)", p, f.Base)})
		return
	}
	emit(join(f.Output, strings.TrimSuffix(rel, path.Ext(rel))), p)
}

// uniqueFn passes on an input whose output name no other input has, and
// fails every input of a name several have.
func uniqueFn(name string, paths func(*string) bool, emit func(string, string), fail func(Failure)) {
	var all []string
	var p string
	for paths(&p) {
		all = append(all, p)
	}
	if len(all) == 1 {
		emit(name, all[0])
		return
	}
	sort.Strings(all)
	for i, p := range all {
		others := slices.Concat(all[:i:i], all[i+1:])
		fail(Failure{Path: p, Error: fmt.Sprintf("%s and %s would both be written to %s.*; convert them in separate runs or rename one",
			p, strings.Join(others, ", "), name)})
	}
}

// inputsOf returns the input paths the outputs must never overwrite: the
// manifest (the inputs themselves are checked one by one).
func inputsOf(c Config) []string {
	if c.Manifest != "" {
		return []string{clean(c.Manifest)}
	}
	return nil
}

// convertFn converts one input to every format and emits its figures.
type convertFn struct {
	Output   string
	Formats  []string
	Settings cliopts.Settings
	Inputs   []string
	// SourceDateEpoch is the submitter's SOURCE_DATE_EPOCH.
	SourceDateEpoch string

	opts *convert.Options
}

func (f *convertFn) Setup() error {
	if f.SourceDateEpoch != "" {
		os.Setenv("SOURCE_DATE_EPOCH", f.SourceDateEpoch)
	} else {
		os.Unsetenv("SOURCE_DATE_EPOCH")
	}
	if _, _, err := convert.SourceDateEpoch(); err != nil {
		return err
	}
	o, err := f.Settings.Options()
	f.opts = o
	return err
}

func (f *convertFn) ProcessElement(ctx context.Context, name, p string, emit func(FigureRow), fail func(Failure)) {
	start := time.Now()
	figs, warnings, err := f.convert(ctx, name, p)
	articleMillis.Update(ctx, time.Since(start).Milliseconds())
	if err != nil {
		fail(Failure{Path: p, Error: err.Error()})
		return
	}
	convertedCount.Inc(ctx, 1)
	figuresCount.Inc(ctx, int64(len(figs)))
	warningsCount.Inc(ctx, int64(warnings))
	for _, r := range RowsOf(p, figs) {
		emit(r)
	}
}

// convert reads the input at p and writes name.EXT for every format:
// every output is made in memory first, so a failure writes nothing.
func (f *convertFn) convert(ctx context.Context, name, p string) (_ []convert.Figure, warnings int, err error) {
	var outs []output
	for _, format := range f.Formats {
		fm, err := convert.Lookup(format)
		if err != nil {
			return nil, 0, err
		}
		out := name + "." + fm.Ext()
		if out == p || slices.Contains(f.Inputs, out) {
			return nil, 0, fmt.Errorf("%s: refusing to overwrite an input file", out)
		}
		outs = append(outs, output{format: fm.Name, path: out})
	}
	src, err := readFile(ctx, p, f.opts.MaxInput())
	if err != nil {
		return nil, 0, err
	}
	o := *f.opts
	o.SourcePath = p
	o.Report = &convert.Report{}
	d, err := convert.Read(ctx, bytes.NewReader(src), &o)
	if err != nil {
		return nil, 0, err
	}
	for i := range outs {
		o.To = outs[i].format
		var b bytes.Buffer
		if err := convert.Write(ctx, &b, d, &o); err != nil {
			return nil, 0, err
		}
		outs[i].data = b.Bytes()
	}
	for _, out := range outs {
		if err := writeFile(ctx, out.path, out.data); err != nil {
			return nil, 0, err
		}
	}
	return figures.Of(d), len(o.Report.Warnings()), nil
}

type output struct {
	format, path string
	data         []byte
}

// readFile reads the file at p, from any registered filesystem, refusing
// one larger than limit bytes (-1: no limit) before it is all in memory.
func readFile(ctx context.Context, p string, limit int64) ([]byte, error) {
	fs, err := filesystem.New(ctx, p)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", p, err)
	}
	defer fs.Close()
	r, err := fs.OpenRead(ctx, p)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", p, unwrapPath(err))
	}
	defer r.Close()
	src, err := convert.ReadAll(ctx, r, limit)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", p, unwrapPath(err))
	}
	return src, nil
}

// writeFile writes data to p, through a temporary name and a rename where
// the filesystem can rename (local), so that a reader never sees half a
// file; object stores (gs://, s3://) publish an object when it is closed.
func writeFile(ctx context.Context, p string, data []byte) error {
	fs, err := filesystem.New(ctx, p)
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", p, err)
	}
	defer fs.Close()
	rn, canRename := fs.(filesystem.Renamer)
	tmp := p
	if canRename {
		tmp = p + ".tmp-docconv"
	}
	w, err := fs.OpenWrite(ctx, tmp)
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", p, unwrapPath(err))
	}
	if _, err := w.Write(data); err != nil {
		w.Close()
		return fmt.Errorf("cannot write %s: %v", p, unwrapPath(err))
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %v", p, unwrapPath(err))
	}
	if canRename {
		if err := rn.Rename(ctx, tmp, p); err != nil {
			return fmt.Errorf("cannot write %s: %v", p, unwrapPath(err))
		}
	}
	return nil
}

// shardOf returns the table shard of an input path: a stable hash, the
// same on every worker and every run.
func shardOf(p string, shards int) int {
	h := fnv.New64a()
	io.WriteString(h, p)
	return int(h.Sum64() % uint64(shards))
}

// Path helpers for local paths and URLs (scheme://bucket/key) alike.

func splitScheme(p string) (scheme, rest string) {
	if i := strings.Index(p, "://"); i > 0 {
		return p[:i+3], p[i+3:]
	}
	return "", p
}

func clean(p string) string {
	s, rest := splitScheme(p)
	if s == "" {
		return filepath.Clean(p)
	}
	c := path.Clean("/" + rest)[1:]
	return s + c
}

func join(base, rel string) string {
	s, rest := splitScheme(base)
	if s == "" {
		return filepath.Join(base, filepath.FromSlash(rel))
	}
	return s + strings.TrimPrefix(path.Join(rest, rel), "/")
}

func dir(p string) string {
	s, rest := splitScheme(p)
	if s == "" {
		return filepath.Dir(p)
	}
	return s + strings.TrimSuffix(path.Dir("/" + rest)[1:], "/")
}

func isAbs(p string) bool {
	s, _ := splitScheme(p)
	return s != "" || filepath.IsAbs(p)
}

// relative returns p relative to base, with slashes, and whether p is
// under base.
func relative(base, p string) (string, bool) {
	bs, b := splitScheme(clean(base))
	ps, q := splitScheme(clean(p))
	if bs != ps {
		return "", false
	}
	if bs == "" {
		rel, err := filepath.Rel(b, q)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(b) != filepath.IsAbs(q) {
			return "", false
		}
		return filepath.ToSlash(rel), true
	}
	if b == "" {
		return q, q != ""
	}
	rest, ok := strings.CutPrefix(q, strings.TrimSuffix(b, "/")+"/")
	if !ok || rest == "" {
		return "", false
	}
	return rest, true
}

// globRoot returns the directory of a pattern before its first wildcard:
// "corpus/2024/*/*.txt" → "corpus/2024".
func globRoot(pattern string) string {
	i := strings.IndexAny(pattern, "*?[{")
	if i < 0 {
		return dir(pattern)
	}
	return dir(pattern[:i] + "x")
}

// unwrapPath drops the operation and path of an *fs.PathError: the
// messages name the path themselves.
func unwrapPath(err error) error {
	var pe *iofs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
