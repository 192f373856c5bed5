package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
)

// Batch conversion (see doc.go): with -d, inputs are converted by -j
// workers at once (default: the number of CPUs), each holding one
// document at a time, so memory stays within N single conversions; the
// outputs wait in temporary files. Without --keep-going the first failure
// stops the other workers and nothing is put in place; with it, every
// input that converted has its outputs put in place, the failures are
// listed, and the exit status is 1. A run of several inputs ends with a
// one-line summary; on a terminal (standard error) a progress bar shows
// while it runs. --report-json writes one JSON object per input.
//
// A directory input stands for the files under it that match --include
// (by default the text and Markdown extensions), in lexical order; their
// outputs mirror the tree under -d. --skip-existing leaves alone an output
// that exists and is not older than its input (make's rule); an input
// whose outputs are all up to date is not read.

// result is what became of one input.
type result struct {
	in      input
	report  *convert.Report
	pending []*pendingFile // outputs waiting to be put in place
	written []*pendingFile // outputs put in place
	skipped []*target      // outputs up to date (--skip-existing)
	figures int            // figures found, -1 if not counted
	err     error
	elapsed time.Duration
}

func (r *result) discard() {
	for _, p := range r.pending {
		p.discard()
	}
	r.pending = nil
}

// workers returns how many inputs are converted at once.
func (c *config) workers(inputs int) int {
	n := c.jobs
	if n <= 0 {
		n = runtime.NumCPU()
	}
	return max(1, min(n, inputs))
}

// convertEach converts every input on its own (-d), on c.workers workers.
func (c *config) convertEach(ctx context.Context, results []*result, opts *convert.Options, jobs []convert.Format, targets []*target, stdin io.Reader, bar *progress) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	next := make(chan int)
	var wg sync.WaitGroup
	for range c.workers(len(results)) {
		wg.Go(func() {
			for i := range next {
				r := results[i]
				if r.err != nil { // refused before any work
					bar.done()
					continue
				}
				c.convertOne(ctx, r, opts, jobs, targets[i*len(jobs):(i+1)*len(jobs)], stdin)
				if r.err != nil && !c.keepGoing {
					cancel(r.err) // stop the others: nothing will be put in place
				}
				bar.done()
			}
		})
	}
feed:
	for i := range results {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
}

// convertOne reads one input and writes it in every format.
func (c *config) convertOne(ctx context.Context, r *result, opts *convert.Options, jobs []convert.Format, targets []*target, stdin io.Reader) {
	start := time.Now()
	defer func() { r.elapsed = time.Since(start) }()
	var todo []int
	for j := range jobs {
		if c.skipExisting && targets[j].kind == toFile && upToDate(r.in, targets[j].real) {
			r.skipped = append(r.skipped, targets[j])
			continue
		}
		todo = append(todo, j)
	}
	if len(todo) == 0 {
		return // every output is up to date: not even read
	}
	o := *opts
	o.SourcePath = r.in.path
	o.Report = r.report
	d, err := readInput(ctx, r.in, stdin, &o)
	if err != nil {
		r.err = err
		return
	}
	for _, j := range todo {
		f := jobs[j]
		o.To = f.Name
		p, err := writeOutput(ctx, targets[j], d, &o)
		if err != nil {
			r.err = err
			r.discard()
			return
		}
		r.pending = append(r.pending, p)
	}
	if c.reportJSON != "" {
		r.figures = len(figures.Of(d))
	}
}

// convertConcat converts the inputs into one document (-o): read one after
// the other, then written once; the output is the first input's.
func (c *config) convertConcat(ctx context.Context, results []*result, opts *convert.Options, job convert.Format, t *target, stdin io.Reader) {
	start := time.Now()
	docs := make([]*convert.Document, len(results))
	for i, r := range results {
		if r.err != nil {
			return // refused before any work (--keep-going cannot leave a part out of one document)
		}
		o := *opts
		o.SourcePath = r.in.path
		o.Report = r.report
		d, err := readInput(ctx, r.in, stdin, &o)
		if err != nil {
			r.err = err
			return
		}
		docs[i] = d
	}
	d := concat(docs, c.inputs)
	o := *opts
	o.SourcePath = results[0].in.path // writers tell a title made from its name
	o.To = job.Name
	o.Report = results[0].report // the writers report to the first input
	p, err := writeOutput(ctx, t, d, &o)
	if err != nil {
		results[0].err = err
		return
	}
	results[0].pending = append(results[0].pending, p)
	if c.reportJSON != "" {
		for i, r := range results {
			r.figures = len(figures.Of(docs[i]))
		}
	}
	results[0].elapsed = time.Since(start)
}

// firstError returns the first input's error that is its own, not the
// cancellation the first failure caused; nil if none failed.
func firstError(results []*result) error {
	var cancelled error
	for _, r := range results {
		switch {
		case r.err == nil:
		case errors.Is(r.err, context.Canceled):
			if cancelled == nil {
				cancelled = r.err
			}
		default:
			return r.err
		}
	}
	return cancelled
}

// progress is the progress bar: nil (silent) unless standard error is a
// terminal, -q is not given and there are several inputs.
type progress struct {
	p   *mpb.Progress
	bar *mpb.Bar
}

func newProgress(stderr io.Writer, quiet bool, total int) *progress {
	f, ok := stderr.(*os.File)
	if quiet || total < 2 || !ok || !isTerminal(f) {
		return nil
	}
	p := mpb.New(mpb.WithOutput(f), mpb.WithWidth(40), mpb.WithAutoRefresh())
	bar := p.AddBar(int64(total),
		mpb.PrependDecorators(decor.Name("converting "), decor.CountersNoUnit("%d/%d")),
		mpb.AppendDecorators(decor.Percentage(decor.WCSyncSpace), decor.Name(" "), decor.Elapsed(decor.ET_STYLE_GO)),
		mpb.BarRemoveOnComplete())
	return &progress{p: p, bar: bar}
}

func (b *progress) done() {
	if b != nil {
		b.bar.Increment()
	}
}

// wait removes the bar (whether every input was done or not).
func (b *progress) wait() {
	if b != nil {
		b.bar.Abort(true)
		b.p.Wait()
	}
}

// summary is the one-line account of a run of several inputs.
// plural formats "n things", in the singular for 1.
func plural(n int, what string) string { return convert.Count{N: n, What: what}.String() }

func summary(results []*result, elapsed time.Duration) string {
	ok, outputs, skipped, failed := 0, 0, 0, 0
	for _, r := range results {
		skipped += len(r.skipped)
		if r.err != nil {
			failed++
			continue
		}
		ok++
		outputs += len(r.written)
	}
	up := ""
	if skipped > 0 {
		up = fmt.Sprintf(", %d up to date", skipped)
	}
	return fmt.Sprintf("converted %d of %s: %s%s, %d failed, %.2f s\n",
		ok, plural(len(results), "inputs"), plural(outputs, "outputs written"), up, failed, elapsed.Seconds())
}

// reportEntry is one line of --report-json.
type reportEntry struct {
	Path     string         `json:"path"`
	Outputs  []reportOutput `json:"outputs"`
	Skipped  []string       `json:"skipped,omitempty"` // outputs up to date
	Figures  *int           `json:"figures,omitempty"`
	Warnings []string       `json:"warnings"`
	Error    string         `json:"error,omitempty"`
	Elapsed  float64        `json:"elapsed_seconds"`
}

type reportOutput struct {
	Path   string `json:"path"`
	Format string `json:"format"`
	Bytes  int64  `json:"bytes"`
}

// writeReport writes the --report-json file: one JSON object a line per
// input, in the order of the inputs (JSON Lines). With -o, every input
// lists the one output.
func (c *config) writeReport(t *target, results []*result, jobs []convert.Format, stdout io.Writer) error {
	p, err := newPending(t)
	if err != nil {
		return err
	}
	defer p.discard()
	enc := json.NewEncoder(p)
	enc.SetEscapeHTML(false)
	var shared []reportOutput
	for _, r := range results {
		e := reportEntry{Path: displayName(r.in.path), Outputs: []reportOutput{}, Warnings: r.report.Warnings(),
			Elapsed: float64(r.elapsed.Milliseconds()) / 1000}
		if e.Warnings == nil {
			e.Warnings = []string{}
		}
		for _, w := range r.written {
			path := w.t.path
			if w.t.kind == toStdout {
				path = "<stdout>"
			}
			e.Outputs = append(e.Outputs, reportOutput{Path: path, Format: w.format, Bytes: w.size})
		}
		if c.outDir == "" {
			if shared == nil {
				shared = e.Outputs
			}
			e.Outputs = shared
		}
		for _, t := range r.skipped {
			e.Skipped = append(e.Skipped, t.path)
		}
		if r.figures >= 0 {
			n := r.figures
			e.Figures = &n
		}
		if r.err != nil {
			e.Error = r.err.Error()
		}
		if err := enc.Encode(e); err != nil {
			return fmt.Errorf("cannot write %s: %w", t.path, err)
		}
	}
	return p.commit(stdout)
}

// reportText prefixes each line of an input's report with its name when
// there are several inputs.
func reportText(r *result, several bool) string {
	text := r.report.String()
	if several && text != "" {
		name := displayName(r.in.path)
		text = name + ": " + strings.ReplaceAll(strings.TrimSuffix(text, "\n"), "\n", "\n"+name+": ") + "\n"
	}
	return text
}
