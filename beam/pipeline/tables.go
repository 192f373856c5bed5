package pipeline

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/xitongsys/parquet-go-source/buffer"
	"github.com/xitongsys/parquet-go/writer"
)

// The tables are written by the pipeline's own sinks, not textio.Write and
// parquetio.Write: those write the rows in the order a GroupByKey gives
// them, which no runner promises, and a corpus table must be the same
// bytes on every run. Here each shard's rows are sorted (source path, then
// the figure's place in the article) before they are written. The Parquet
// file is made by the library parquetio uses (xitongsys/parquet-go).

// FiguresHeader is the figures CSV's header row.
var FiguresHeader = []string{"path", "index", "section", "paragraph", "sentence", "text", "value", "bound", "unit", "kind", "date"}

// FailuresHeader is the dead-letter CSV's header row.
var FailuresHeader = []string{"path", "error"}

func typeOf[T any]() reflect.Type { return reflect.TypeFor[T]() }

func registerTables() {
	register.Function1x2(shardKey)
	register.DoFn1x2[FigureRow, int, FigureRow](&shardRowFn{})
	register.DoFn2x2[context.Context, Failure, int, Failure](&shardFailureFn{})
	register.DoFn4x1[context.Context, int, func(*int) bool, func(*FigureRow) bool, error](&writeFiguresFn{})
	register.DoFn4x1[context.Context, int, func(*int) bool, func(*Failure) bool, error](&writeFailuresFn{})
	register.Iter1[int]()
	register.Iter1[FigureRow]()
	register.Iter1[Failure]()
}

// writeTables adds the sinks of the figures and failures tables. Every
// shard is written, also with no row (a header alone): an empty table
// says "none", a missing one "not run".
func writeTables(s beam.Scope, c Config, rows, failures beam.PCollection) {
	var ids []int
	for i := range c.Shards {
		ids = append(ids, i)
	}
	shards := beam.ParDo(s, shardKey, beam.CreateList(s, ids))
	if c.FiguresCSV != "" || c.FiguresParquet != "" {
		s := s.Scope("figures")
		keyed := beam.ParDo(s, &shardRowFn{Shards: c.Shards}, rows)
		beam.ParDo0(s, &writeFiguresFn{CSV: c.FiguresCSV, Parquet: c.FiguresParquet, Shards: c.Shards},
			beam.CoGroupByKey(s, shards, keyed))
	}
	if c.Failures != "" {
		s := s.Scope("failures")
		keyed := beam.ParDo(s, &shardFailureFn{Shards: c.Shards}, failures)
		beam.ParDo0(s, &writeFailuresFn{CSV: c.Failures, Shards: c.Shards},
			beam.CoGroupByKey(s, shards, keyed))
	}
}

func shardKey(i int) (int, int) { return i, i }

type shardRowFn struct{ Shards int }

func (f *shardRowFn) ProcessElement(r FigureRow) (int, FigureRow) {
	return shardOf(r.Path, f.Shards), r
}

type shardFailureFn struct{ Shards int }

func (f *shardFailureFn) ProcessElement(ctx context.Context, r Failure) (int, Failure) {
	failedCount.Inc(ctx, 1) // every failure comes here, whichever step failed
	return shardOf(r.Path, f.Shards), r
}

// ShardName returns the name of shard i of n of the table at p:
// p itself for one shard, else figures-00003-of-00016.csv.
func ShardName(p string, i, n int) string {
	if n <= 1 {
		return p
	}
	ext := path.Ext(p)
	return fmt.Sprintf("%s-%05d-of-%05d%s", strings.TrimSuffix(p, ext), i, n, ext)
}

type writeFiguresFn struct {
	CSV, Parquet string
	Shards       int
}

func (f *writeFiguresFn) ProcessElement(ctx context.Context, shard int, _ func(*int) bool, next func(*FigureRow) bool) error {
	var rows []FigureRow
	var r FigureRow
	for next(&r) {
		rows = append(rows, r)
	}
	SortRows(rows)
	if f.CSV != "" {
		if err := writeFile(ctx, ShardName(f.CSV, shard, f.Shards), FiguresCSV(rows)); err != nil {
			return err
		}
	}
	if f.Parquet != "" {
		data, err := FiguresParquet(rows)
		if err != nil {
			return fmt.Errorf("%s: %v", f.Parquet, err)
		}
		if err := writeFile(ctx, ShardName(f.Parquet, shard, f.Shards), data); err != nil {
			return err
		}
	}
	return nil
}

// SortRows sorts figures rows by source path, then by their place in the
// article: the table's order.
func SortRows(rows []FigureRow) {
	slices.SortFunc(rows, func(a, b FigureRow) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		return int(a.Index - b.Index)
	})
}

// FiguresCSV returns the CSV text of rows (RFC 4180, a header row first).
// Values are written in full ("38000000000", "0.32"), never in exponent
// form, so spreadsheets read them as numbers.
func FiguresCSV(rows []FigureRow) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(FiguresHeader)
	for _, r := range rows {
		w.Write([]string{r.Path, strconv.FormatInt(r.Index, 10), r.Section, strconv.FormatInt(r.Paragraph, 10),
			r.Sentence, r.Text, strconv.FormatFloat(r.Value, 'f', -1, 64), r.Bound, r.Unit, r.Kind, r.Date})
	}
	w.Flush()
	return b.Bytes()
}

// FiguresParquet returns a Parquet file of rows (schema: FigureRow's tags).
func FiguresParquet(rows []FigureRow) ([]byte, error) {
	buf := buffer.NewBufferFileFromBytes(nil)
	pw, err := writer.NewParquetWriterFromWriter(buf, new(FigureRow), 1)
	if err != nil {
		return nil, err
	}
	for i := range rows {
		if err := pw.Write(rows[i]); err != nil {
			return nil, err
		}
	}
	if err := pw.WriteStop(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type writeFailuresFn struct {
	CSV    string
	Shards int
}

func (f *writeFailuresFn) ProcessElement(ctx context.Context, shard int, _ func(*int) bool, next func(*Failure) bool) error {
	var rows []Failure
	var r Failure
	for next(&r) {
		rows = append(rows, r)
	}
	slices.SortFunc(rows, func(a, b Failure) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		return strings.Compare(a.Error, b.Error)
	})
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(FailuresHeader)
	for _, r := range rows {
		w.Write([]string{r.Path, r.Error})
	}
	w.Flush()
	return writeFile(ctx, ShardName(f.CSV, shard, f.Shards), b.Bytes())
}
