// Command docconv-beam converts a corpus of articles with docconv on Apache
// Beam: in-process with the Prism runner (the default), or on Flink, Spark
// or Google Cloud Dataflow with --runner and that runner's flags.
//
//	docconv-beam --input 'corpus/*/*.txt' --output out -t pdf,epub,xlsx
//	docconv-beam --manifest list.txt --output gs://bucket/out -t pdf --runner dataflow …
//
// Each input's outputs are OUTPUT/<its path under --base>.<ext>, the same
// bytes docconv gives for that input and options. OUTPUT/figures.csv and
// OUTPUT/figures.parquet list every figure of the corpus; OUTPUT/failures.csv
// lists the inputs that failed and why (the job goes on without them). The
// counts are printed at the end; the exit status is 0 when the job ran,
// whatever failures.csv lists, 1 when the job failed, 2 for bad usage.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/docconv/docconv/beam/pipeline"
)

func main() {
	cfg := declare(flag.CommandLine)
	flag.Usage = func() { usage(flag.CommandLine, os.Stderr) }
	flag.Parse()
	// A worker (the runner starts this binary with --worker) runs its
	// bundles in Init and exits there.
	beam.Init()
	c, err := cfg()
	if err == nil {
		err = c.Check()
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "docconv-beam: %v (see docconv-beam --help)\n", err)
		os.Exit(2)
	}
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "docconv-beam: unexpected argument %q: name the inputs with --input PATTERN or --manifest FILE\n", flag.Arg(0))
		os.Exit(2)
	}
	p, s := beam.NewPipelineWithRoot()
	pipeline.Build(s, c)
	pr, err := beamx.RunWithMetrics(context.Background(), p)
	if err != nil {
		fmt.Fprintf(os.Stderr, "docconv-beam: %v\n", err)
		os.Exit(1)
	}
	printSummary(os.Stderr, c, pr)
}

// declare declares docconv-beam's flags on fs (Beam's own, --runner and
// the runners' options, are on flag.CommandLine already) and returns the
// function that reads the configuration from them after parsing.
func declare(fs *flag.FlagSet) func() (pipeline.Config, error) {
	var (
		c                         pipeline.Config
		to                        list
		meta, vars, fonts, embeds list
		resources                 list
		figures, parquet, failed  string
	)
	st := &c.Settings
	fs.StringVar(&c.Input, "input", "", "input file `PATTERN` (Beam glob: corpus/*/*.txt, gs://bucket/news/*.md)")
	fs.StringVar(&c.Manifest, "manifest", "", "`FILE` listing one input path per line (relative to its directory)")
	fs.StringVar(&c.Base, "base", "", "`DIR` the output names mirror (default: the pattern's directory before its first wildcard, or the manifest's)")
	fs.StringVar(&c.Output, "output", "", "output `PREFIX`: a directory, gs://bucket/dir or s3://bucket/dir")
	fs.Var(&to, "t", "output `FORMAT`s, comma-separated (pdf,epub,xlsx,html,md,txt,json)")
	fs.Var(&to, "to", "same as -t")
	fs.StringVar(&figures, "figures", "", "figures table `CSV` (default OUTPUT/figures.csv; \"none\" for none)")
	fs.StringVar(&parquet, "figures-parquet", "", "figures table `PARQUET` file (default OUTPUT/figures.parquet; \"none\" for none)")
	fs.StringVar(&failed, "failures", "", "dead-letter table `CSV`: path, error (default OUTPUT/failures.csv)")
	fs.IntVar(&c.Shards, "shards", 1, "write each table as `N` files (sorted in one worker's memory each: one per ~100 000 articles)")
	// The conversion settings: docconv's flags, checked by the same code.
	fs.StringVar(&st.From, "f", "", "input `FORMAT` (default: from the extension, else text)")
	fs.StringVar(&st.From, "from", "", "same as -f")
	fs.Var(&meta, "M", "set metadata `KEY=VALUE` (repeatable)")
	fs.Var(&meta, "metadata", "same as -M")
	fs.StringVar(&st.Normalize, "normalize", "default", "text clean-up `MODE`: default or none")
	fs.StringVar(&st.Ruby, "ruby", "strip", "`MODE` for pinyin annotations: strip, keep or ruby")
	fs.StringVar(&st.Punct, "punct", "fix", "`MODE` for halfwidth punctuation between CJK characters: fix or keep")
	fs.StringVar(&st.Script, "script", "", "convert Chinese to `SCRIPT`: hans or hant")
	fs.BoolVar(&st.Strict, "strict", false, "refuse invalid UTF-8 and characters no font covers (a failure, in failures.csv)")
	fs.BoolVar(&st.TOC, "toc", false, "add a table of contents (PDF)")
	fs.BoolVar(&st.FiguresTable, "figures-table", false, "append a table of the article's figures (PDF, EPUB, HTML)")
	fs.Var(&fonts, "font", "PDF font `NAME|FILE`, repeatable (a file must exist on every worker)")
	fs.Var(&embeds, "epub-embed-font", "embed a subset of font `NAME|FILE` in the EPUB, repeatable")
	fs.StringVar(&st.PageSize, "page-size", "", "PDF page `SIZE`: A4 (default), A5, B5, B5-JIS, Letter")
	fs.StringVar(&st.MaxInputSize, "max-input-size", "256MiB", "an input larger than `SIZE` fails (0: no limit)")
	fs.StringVar(&st.InputEncoding, "input-encoding", "", "character `ENCODING` of text, Markdown and HTML inputs (default: detected)")
	fs.StringVar(&st.PDFStandard, "pdf-standard", "", "declare the PDF `STANDARD`: ua-1")
	fs.Var(&resources, "resource-path", "look for images in `DIR[:DIR…]` too, after the input's directory (local paths on the workers; repeatable)")
	fs.BoolVar(&st.EmbedResources, "embed-resources", false, "HTML: put the images into the page as data: URIs")
	fs.StringVar(&st.CoverImage, "epub-cover-image", "", "EPUB cover image `FILE` (must exist on every worker)")
	fs.Var(&vars, "V", "format-specific `KEY=VALUE`, e.g. pdf.indent=0 (repeatable)")
	fs.Var(&vars, "variable", "same as -V")
	return func() (pipeline.Config, error) {
		for _, t := range to {
			for n := range strings.SplitSeq(t, ",") {
				if n = strings.TrimSpace(n); n != "" {
					c.Formats = append(c.Formats, n)
				}
			}
		}
		st.Metadata, st.Vars, st.Fonts, st.EmbedFonts, st.ResourcePath = meta, vars, fonts, embeds, resources
		c.SourceDateEpoch = os.Getenv("SOURCE_DATE_EPOCH")
		if c.Output != "" {
			c.FiguresCSV = table(figures, c.Output, "figures.csv")
			c.FiguresParquet = table(parquet, c.Output, "figures.parquet")
			c.Failures = table(failed, c.Output, "failures.csv")
			if c.Failures == "" {
				return c, fmt.Errorf("--failures none: the dead-letter table is needed (it is the only list of the inputs that failed)")
			}
		}
		return c, nil
	}
}

// table returns the path of a table: flag's value, "" for "none", or
// OUTPUT/name.
func table(flagValue, output, name string) string {
	switch flagValue {
	case "none":
		return ""
	case "":
		if strings.Contains(output, "://") {
			return strings.TrimSuffix(output, "/") + "/" + name
		}
		return output + string(os.PathSeparator) + name
	}
	return flagValue
}

// list is a repeatable string flag.
type list []string

func (l *list) String() string     { return strings.Join(*l, ",") }
func (l *list) Set(v string) error { *l = append(*l, v); return nil }

// ownFlags are docconv-beam's flags; --help lists them first, then Beam's.
var ownFlags = []string{"input", "manifest", "base", "output", "t", "to", "figures", "figures-parquet", "failures", "shards",
	"f", "from", "M", "metadata", "normalize", "ruby", "punct", "script", "strict", "toc", "figures-table",
	"font", "epub-embed-font", "page-size", "max-input-size", "input-encoding", "pdf-standard", "resource-path",
	"embed-resources", "epub-cover-image", "V", "variable"}

func usage(fs *flag.FlagSet, w io.Writer) {
	fmt.Fprintf(w, "usage: docconv-beam (--input PATTERN | --manifest FILE) --output PREFIX -t FORMAT[,FORMAT…] [flags]\n\n")
	show := func(own bool) {
		fs.VisitAll(func(f *flag.Flag) {
			if slices.Contains(ownFlags, f.Name) != own {
				return
			}
			name, use := flag.UnquoteUsage(f)
			fmt.Fprintf(w, "  -%s %s\n    \t%s\n", f.Name, name, use)
		})
	}
	show(true)
	fmt.Fprintf(w, "\nBeam's flags (--runner prism, the default, runs in this process; flink, spark, dataflow, universal):\n")
	show(false)
}

// printSummary prints the counts of the run and where the tables are.
func printSummary(w io.Writer, c pipeline.Config, pr beam.PipelineResult) {
	counts := map[string]int64{}
	var ms metrics.DistributionValue
	if pr != nil {
		res := pr.Metrics().Query(func(r metrics.SingleResult) bool { return r.Namespace() == pipeline.Namespace })
		for _, r := range res.Counters() {
			counts[r.Name()] += r.Result()
		}
		for _, r := range res.Distributions() {
			if r.Name() == pipeline.ArticleMillis {
				ms = r.Result()
			}
		}
	}
	fmt.Fprintf(w, "docconv-beam: %d converted, %d failed, %d figures, %d warnings\n",
		counts[pipeline.Converted], counts[pipeline.Failed], counts[pipeline.Figures], counts[pipeline.Warnings])
	if ms.Count > 0 {
		fmt.Fprintf(w, "docconv-beam: per input %.1f ms on average, %d ms at most (read, convert, write)\n",
			float64(ms.Sum)/float64(ms.Count), ms.Max)
	}
	if c.FiguresCSV != "" {
		fmt.Fprintf(w, "docconv-beam: figures: %s\n", pipeline.ShardName(c.FiguresCSV, 0, c.Shards))
	}
	if counts[pipeline.Failed] > 0 {
		fmt.Fprintf(w, "docconv-beam: the failures are listed in %s\n", pipeline.ShardName(c.Failures, 0, c.Shards))
	}
}
