package all_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/normalize"
	_ "github.com/docconv/docconv/formats/all"
)

// flipCtx is a context that becomes done at the at-th call of its Err
// method (and stays done), so a test can end a conversion at each point
// where the pipeline, a reader, a transform or a writer looks at it.
type flipCtx struct {
	context.Context // Background: no deadline, no values
	at, calls       atomic.Int64
	err             error
	done            chan struct{}
	once            sync.Once
}

func newFlipCtx(at int64, err error) *flipCtx {
	c := &flipCtx{Context: context.Background(), err: err, done: make(chan struct{})}
	c.at.Store(at)
	return c
}

func (c *flipCtx) Err() error {
	if c.calls.Add(1) >= c.at.Load() {
		c.once.Do(func() { close(c.done) })
		return c.err
	}
	return nil
}

func (c *flipCtx) Done() <-chan struct{} { return c.done }

// checkCancelled asserts the one documented shape of a cancelled
// conversion: an *convert.Error (itself, not only somewhere in the chain)
// that errors.Is matches with the context's error.
func checkCancelled(t *testing.T, err, want error, what string) {
	t.Helper()
	require.Error(t, err, what)
	assert.ErrorIs(t, err, want, what)
	var ce *convert.Error
	if assert.ErrorAs(t, err, &ce, what) {
		assert.Same(t, ce, err, "%s: the *convert.Error is the error itself, not wrapped: %T %v", what, err, err)
		assert.NotEmpty(t, ce.Op, what)
	}
	assert.Contains(t, err.Error(), want.Error(), what)
}

// points returns up to about 12 call counts spread over 1…n, always
// including 1, 2 and n.
func points(n int64) []int64 {
	seen := map[int64]bool{}
	var ps []int64
	for _, p := range []int64{1, 2, 3, n / 8, n / 4, n / 3, n / 2, 2 * n / 3, 3 * n / 4, 7 * n / 8, n - 1, n} {
		if p >= 1 && p <= n && !seen[p] {
			seen[p] = true
			ps = append(ps, p)
		}
	}
	return ps
}

const cancelSource = "# 季報\n\n營收增長32%，出口410億元，較去年多2成。\n\n- 北部 410\n- 南部 380\n\nRevenue grew 3.5 million dollars (12%) in 2024.\n"

// TestCancellationShape: whenever the context is cancelled or its deadline
// passes — before the call, or at any point during Read, Write or Convert —
// the error is an *convert.Error wrapping context.Canceled or
// context.DeadlineExceeded, for every format.
func TestCancellationShape(t *testing.T) {
	bg := context.Background()
	d, err := convert.Read(bg, strings.NewReader(cancelSource), &convert.Options{From: "markdown", Transforms: normalize.Default()})
	require.NoError(t, err)
	sources := map[string][]byte{"text": []byte(cancelSource), "markdown": []byte(cancelSource)}
	for _, f := range []string{"json", "html"} {
		var b bytes.Buffer
		require.NoError(t, convert.Write(bg, &b, d, &convert.Options{To: f}))
		sources[f] = b.Bytes()
	}
	before, cancel := context.WithCancel(bg)
	cancel()
	expired, cancel2 := context.WithDeadline(bg, time.Unix(0, 0))
	defer cancel2()
	ends := []struct {
		name string
		err  error
	}{{"cancelled", context.Canceled}, {"deadline", context.DeadlineExceeded}}

	readOpts := func(from string) *convert.Options {
		return &convert.Options{From: from, SourcePath: "in." + from, Transforms: normalize.Default()}
	}
	for _, from := range []string{"text", "markdown", "json", "html"} {
		t.Run("read/"+from, func(t *testing.T) {
			_, err := convert.Read(before, bytes.NewReader(sources[from]), readOpts(from))
			checkCancelled(t, err, context.Canceled, "before")
			_, err = convert.Read(expired, bytes.NewReader(sources[from]), readOpts(from))
			checkCancelled(t, err, context.DeadlineExceeded, "expired")
			count := newFlipCtx(math.MaxInt64, nil)
			_, err = convert.Read(count, bytes.NewReader(sources[from]), readOpts(from))
			require.NoError(t, err)
			n := count.calls.Load()
			require.Greater(t, n, int64(2), "Read looks at the context as it goes")
			for _, e := range ends {
				for _, at := range points(n) {
					_, err := convert.Read(newFlipCtx(at, e.err), bytes.NewReader(sources[from]), readOpts(from))
					checkCancelled(t, err, e.err, fmt.Sprintf("%s at check %d of %d", e.name, at, n))
				}
			}
		})
	}
	for _, to := range []string{"pdf", "epub", "xlsx", "text", "markdown", "json", "html"} {
		t.Run("write/"+to, func(t *testing.T) {
			opts := &convert.Options{To: to}
			checkCancelled(t, convert.Write(before, io.Discard, d, opts), context.Canceled, "before")
			checkCancelled(t, convert.Write(expired, io.Discard, d, opts), context.DeadlineExceeded, "expired")
			count := newFlipCtx(math.MaxInt64, nil)
			require.NoError(t, convert.Write(count, io.Discard, d, opts))
			n := count.calls.Load()
			require.GreaterOrEqual(t, n, int64(1))
			for _, e := range ends {
				for _, at := range points(n) {
					err := convert.Write(newFlipCtx(at, e.err), io.Discard, d, opts)
					checkCancelled(t, err, e.err, fmt.Sprintf("%s at check %d of %d", e.name, at, n))
				}
			}
			// Cancelled by the consumer of the output, whose Write then
			// fails: both causes match.
			ctx, cancel := context.WithCancel(bg)
			defer cancel()
			err := convert.Write(ctx, &cancellingWriter{cancel: cancel}, d, opts)
			checkCancelled(t, err, context.Canceled, "consumer")
			assert.ErrorIs(t, err, io.ErrClosedPipe)
		})
	}
	t.Run("convert", func(t *testing.T) {
		opts := func() *convert.Options {
			return &convert.Options{From: "text", To: "pdf", Transforms: normalize.Default()}
		}
		checkCancelled(t, convert.Convert(before, io.Discard, strings.NewReader(cancelSource), opts()), context.Canceled, "before")
		count := newFlipCtx(math.MaxInt64, nil)
		require.NoError(t, convert.Convert(count, io.Discard, strings.NewReader(cancelSource), opts()))
		n := count.calls.Load()
		for _, at := range points(n) {
			err := convert.Convert(newFlipCtx(at, context.Canceled), io.Discard, strings.NewReader(cancelSource), opts())
			checkCancelled(t, err, context.Canceled, fmt.Sprintf("at check %d of %d", at, n))
		}
	})
}

// cancellingWriter cancels the conversion at its first Write, which fails
// like a closed pipe.
type cancellingWriter struct{ cancel context.CancelFunc }

func (w *cancellingWriter) Write([]byte) (int, error) {
	w.cancel()
	return 0, io.ErrClosedPipe
}

// TestNotCancelledErrorsKeepTheirShape: the wrapping is for a done
// context only; an ordinary failure is what it was.
func TestNotCancelledErrorsKeepTheirShape(t *testing.T) {
	err := convert.Write(context.Background(), &cancellingWriter{cancel: func() {}}, &convert.Document{Blocks: []convert.Block{convert.Para("x")}}, &convert.Options{To: "text"})
	require.Error(t, err)
	assert.ErrorIs(t, err, io.ErrClosedPipe)
	assert.False(t, errors.Is(err, context.Canceled))
}
