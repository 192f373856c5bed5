package pipeline_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xitongsys/parquet-go-source/buffer"
	"github.com/xitongsys/parquet-go/reader"

	"github.com/docconv/docconv/beam/pipeline"
	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
	"github.com/docconv/docconv/internal/cliopts"
)

// The pipeline runs with Prism, in this process (as docconv-beam does by
// default).
func TestMain(m *testing.M) { ptest.MainWithDefault(m, "prism") }

// run builds and runs the pipeline of c and returns its docconv counters.
func run(t *testing.T, c pipeline.Config) map[string]int64 {
	t.Helper()
	require.NoError(t, c.Check())
	p, s := beam.NewPipelineWithRoot()
	pipeline.Build(s, c)
	start := time.Now()
	pr, err := ptest.RunWithMetrics(p)
	require.NoError(t, err)
	t.Logf("pipeline ran in %v", time.Since(start).Round(time.Millisecond))
	counts := map[string]int64{}
	res := pr.Metrics().Query(func(r metrics.SingleResult) bool { return r.Namespace() == pipeline.Namespace })
	for _, r := range res.Counters() {
		counts[r.Name()] += r.Result()
	}
	return counts
}

// expected converts the input at path with the library as docconv does
// (the same options, from the same flag values) and returns each
// format's bytes and the figures.
func expected(t *testing.T, st cliopts.Settings, path string, formats []string) (map[string][]byte, []convert.Figure) {
	t.Helper()
	opts, err := st.Options()
	require.NoError(t, err)
	opts.SourcePath = path
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	d, err := convert.Read(context.Background(), f, opts)
	require.NoError(t, err, path)
	out := map[string][]byte{}
	for _, name := range formats {
		opts.To = name
		var b bytes.Buffer
		require.NoError(t, convert.Write(context.Background(), &b, d, opts), path)
		out[name] = b.Bytes()
	}
	return out, figures.Of(d)
}

// outputOf is where the pipeline puts the output of format of the input
// in (under base) — the CLI's -d layout: OUT/<dir under base>/<stem>.<ext>.
func outputOf(t *testing.T, out, base, in, format string) string {
	rel, err := filepath.Rel(base, in)
	require.NoError(t, err)
	f, err := convert.Lookup(format)
	require.NoError(t, err)
	return filepath.Join(out, strings.TrimSuffix(rel, filepath.Ext(rel))+"."+f.Ext())
}

// TestCorpus converts 1,000 generated articles and a few bad inputs with
// Prism: every output is the library's bytes for the same options, the
// figures table lists every figure of every article in order (CSV and
// Parquet), the bad inputs are in the dead-letter table, and the metrics
// count them.
func TestCorpus(t *testing.T) {
	const n = 1000
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	paths := writeCorpus(t, in, n, 14)
	bad := map[string]string{ // input → what its error says
		filepath.Join(in, "bad", "scan.pdf"):   "input is not supported",
		filepath.Join(in, "bad", "huge.txt"):   "limit",
		filepath.Join(in, "en", "0004.md"):     "would both be written to",
		filepath.Join(in, "en", "0004.txt"):    "would both be written to",
		filepath.Join(in, "bad", "empty.xlsx"): "input is not supported",
	}
	require.NoError(t, os.MkdirAll(filepath.Join(in, "bad"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(in, "bad", "scan.pdf"), []byte("%PDF-1.4\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(in, "bad", "huge.txt"), bytes.Repeat([]byte("一二三四五。\n"), 5000), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(in, "bad", "empty.xlsx"), nil, 0o644))
	for p := range bad {
		if _, err := os.Stat(p); err != nil { // the other half of the clash
			require.NoError(t, os.WriteFile(p, []byte("# Clash\n\nIn 2024, 3 inputs.\n"), 0o644))
		}
	}
	var good []string
	for _, p := range paths {
		if _, ok := bad[p]; !ok {
			good = append(good, p)
		}
	}
	out := filepath.Join(dir, "out")
	st := cliopts.Settings{MaxInputSize: "64KiB"}
	formats := []string{"pdf", "epub", "xlsx"}
	counts := run(t, pipeline.Config{
		Input: filepath.Join(in, "*", "*"), Output: out, Formats: formats, Settings: st,
		FiguresCSV:     filepath.Join(out, "figures.csv"),
		FiguresParquet: filepath.Join(out, "figures.parquet"),
		Failures:       filepath.Join(out, "failures.csv"),
	})

	// Every output is the library's (the CLI's) bytes; computed on every
	// CPU, as the pipeline did.
	var mu sync.Mutex
	var rows []pipeline.FigureRow
	var wg sync.WaitGroup
	next := make(chan string)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for p := range next {
				want, figs := expected(t, st, p, formats)
				for _, f := range formats {
					got, err := os.ReadFile(outputOf(t, out, in, p, f))
					if assert.NoError(t, err) {
						assert.True(t, bytes.Equal(want[f], got), "%s: %s differs from the library's output", p, f)
					}
				}
				mu.Lock()
				rows = append(rows, pipeline.RowsOf(p, figs)...)
				mu.Unlock()
			}
		})
	}
	for _, p := range good {
		next <- p
	}
	close(next)
	wg.Wait()
	for p := range bad {
		for _, f := range formats {
			assert.NoFileExists(t, outputOf(t, out, in, p, f))
		}
	}

	// The figures table: every figure of every article, in order.
	pipeline.SortRows(rows)
	require.Greater(t, len(rows), 5*n, "the generated articles state several figures each")
	kinds := map[string]int{}
	perPath := map[string]int{}
	for _, r := range rows {
		kinds[r.Kind]++
		perPath[r.Path]++
	}
	for _, k := range []convert.FigureKind{convert.KindMoney, convert.KindPercent, convert.KindYear, convert.KindDate, convert.KindCount, convert.KindOrdinal, convert.KindDuration, convert.KindQuantity} {
		assert.NotZero(t, kinds[string(k)], "no figure of kind %s in the corpus", k)
	}
	for _, p := range good {
		assert.NotZero(t, perPath[p], "%s: no figure", p)
	}
	gotCSV, err := os.ReadFile(filepath.Join(out, "figures.csv"))
	require.NoError(t, err)
	assert.Equal(t, string(pipeline.FiguresCSV(rows)), string(gotCSV))
	records, err := csv.NewReader(bytes.NewReader(gotCSV)).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, pipeline.FiguresHeader, records[0])
	assert.Len(t, records, len(rows)+1)

	pq, err := os.ReadFile(filepath.Join(out, "figures.parquet"))
	require.NoError(t, err)
	pr, err := reader.NewParquetReader(buffer.NewBufferFileFromBytes(pq), new(pipeline.FigureRow), 1)
	require.NoError(t, err)
	require.EqualValues(t, len(rows), pr.GetNumRows())
	back := make([]pipeline.FigureRow, len(rows))
	require.NoError(t, pr.Read(&back))
	pr.ReadStop()
	assert.True(t, slices.Equal(rows, back), "the Parquet rows differ from the figures")

	// The dead-letter table: each bad input once, sorted, with its error.
	f, err := os.ReadFile(filepath.Join(out, "failures.csv"))
	require.NoError(t, err)
	records, err = csv.NewReader(bytes.NewReader(f)).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, pipeline.FailuresHeader, records[0])
	require.Len(t, records, len(bad)+1, "failures.csv:\n%s", f)
	for i, r := range records[1:] {
		want, ok := bad[r[0]]
		if assert.True(t, ok, "unexpected failure %q", r) {
			assert.Contains(t, r[1], want, r[0])
		}
		if i > 0 {
			assert.Less(t, records[i][0], r[0], "failures are sorted by path")
		}
	}

	assert.Equal(t, int64(len(good)), counts[pipeline.Converted])
	assert.Equal(t, int64(len(bad)), counts[pipeline.Failed])
	assert.Equal(t, int64(len(rows)), counts[pipeline.Figures])
}

// TestManifestCLI runs a manifest of articles (relative and absolute
// paths, a missing file, a comment) to every format with non-default
// options and compares each output with the docconv command's, built
// from this checkout and run with the same flags.
func TestManifestCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the docconv command")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	paths := writeCorpus(t, in, 10, 3)
	bin := filepath.Join(dir, "docconv")
	build := exec.Command("go", "build", "-o", bin, "./cmd/docconv")
	build.Dir = filepath.Join("..", "..")
	o, err := build.CombinedOutput()
	require.NoError(t, err, "%s", o)

	var manifest strings.Builder
	manifest.WriteString("# articles\n\n")
	for i, p := range paths {
		if i%2 == 0 {
			p, _ = filepath.Rel(in, p) // relative to the manifest's directory
		}
		manifest.WriteString(p + "\n")
	}
	missing := filepath.Join(in, "zh-hans", "gone.txt")
	manifest.WriteString(missing + "\n")
	list := filepath.Join(in, "list.txt")
	require.NoError(t, os.WriteFile(list, []byte(manifest.String()), 0o644))

	formats := []string{"pdf", "epub", "xlsx", "html", "md", "txt", "json"}
	flags := []string{"--toc", "--figures-table", "-M", "author=Beam Test", "-V", "pdf.indent=0", "--page-size", "A5", "--punct", "keep"}
	st := cliopts.Settings{TOC: true, FiguresTable: true, Metadata: []string{"author=Beam Test"}, Vars: []string{"pdf.indent=0"}, PageSize: "A5", Punct: "keep"}
	out := filepath.Join(dir, "out")
	counts := run(t, pipeline.Config{
		Manifest: list, Output: out, Formats: formats, Settings: st,
		FiguresCSV: filepath.Join(out, "figures.csv"), Failures: filepath.Join(out, "failures.csv"),
	})
	assert.Equal(t, int64(len(paths)), counts[pipeline.Converted])
	assert.Equal(t, int64(1), counts[pipeline.Failed])

	cli := filepath.Join(dir, "cli")
	for _, p := range paths {
		rel, err := filepath.Rel(in, p)
		require.NoError(t, err)
		d := filepath.Join(cli, filepath.Dir(rel))
		args := append([]string{"-q", "-t", strings.Join(formats, ","), "-d", d}, flags...)
		cmd := exec.Command(bin, append(args, p)...)
		o, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", o)
		for _, f := range formats {
			want, err := os.ReadFile(outputOf(t, cli, in, p, f))
			require.NoError(t, err)
			got, err := os.ReadFile(outputOf(t, out, in, p, f))
			if assert.NoError(t, err) {
				assert.True(t, bytes.Equal(want, got), "%s: %s differs from docconv's", p, f)
			}
		}
	}
	f, err := os.ReadFile(filepath.Join(out, "failures.csv"))
	require.NoError(t, err)
	assert.Contains(t, string(f), missing+",cannot read "+missing+": no such file or directory")
	assert.NoFileExists(t, filepath.Join(out, "figures.parquet"))
}
