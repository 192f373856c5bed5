package convert_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
)

// endless is an unbounded stream, like /dev/zero or a never-ending pipe.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	e.n += int64(len(p))
	return len(p), nil
}

func TestReadInputSizeLimit(t *testing.T) {
	ctx := context.Background()
	// An endless stream stops just past the limit.
	e := &endless{}
	_, err := convert.Read(ctx, e, &convert.Options{From: "lt", SourcePath: "big.lt", MaxInputSize: 1 << 20})
	require.Error(t, err)
	assert.True(t, errors.Is(err, convert.ErrLimit), "%v", err)
	assert.Equal(t, "big.lt: read lines-test: resource limit exceeded: input is larger than the 1 MiB limit", err.Error())
	assert.LessOrEqual(t, e.n, int64(2<<20), "read no more than a chunk past the limit")

	// A file of known size is refused before it is read.
	p := filepath.Join(t.TempDir(), "x.lt")
	require.NoError(t, os.WriteFile(p, bytes.Repeat([]byte("line\n"), 1000), 0o644))
	f, err := os.Open(p)
	require.NoError(t, err)
	defer f.Close()
	_, err = convert.Read(ctx, f, &convert.Options{SourcePath: p, MaxInputSize: 4096})
	assert.ErrorIs(t, err, convert.ErrLimit)
	assert.Contains(t, err.Error(), "input is 4.9 KiB, larger than the 4 KiB limit")
	off, _ := f.Seek(0, io.SeekCurrent)
	assert.Zero(t, off, "nothing read")

	// At the limit exactly it is read; negative means no limit.
	for _, limit := range []int64{5000, -1} {
		_, err = f.Seek(0, io.SeekStart)
		require.NoError(t, err)
		d, err := convert.Read(ctx, f, &convert.Options{SourcePath: p, MaxInputSize: limit})
		require.NoError(t, err, limit)
		assert.Len(t, d.Blocks, 1000)
	}
	assert.Equal(t, int64(convert.DefaultMaxInputSize), (&convert.Options{}).MaxInput())
	assert.Equal(t, int64(convert.DefaultMaxInputSize), (*convert.Options)(nil).MaxInput())
}

func TestReadAllStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := convert.ReadAll(ctx, &endless{}, -1)
	assert.ErrorIs(t, err, context.Canceled)
	_, err = convert.Read(ctx, strings.NewReader("x"), &convert.Options{From: "lt"})
	assert.ErrorIs(t, err, context.Canceled)

	b, err := convert.ReadAll(context.Background(), strings.NewReader(strings.Repeat("x", 3<<20)), -1)
	require.NoError(t, err)
	assert.Len(t, b, 3<<20)
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1023: "1023 bytes", 1024: "1 KiB", 1536: "1.5 KiB",
		256 << 20: "256 MiB", 3 << 30: "3 GiB"} {
		assert.Equal(t, want, convert.FormatSize(n))
	}
}

func TestLimitErrorf(t *testing.T) {
	err := convert.LimitErrorf("nesting deeper than %d levels", 1000)
	assert.ErrorIs(t, err, convert.ErrLimit)
	assert.Equal(t, "resource limit exceeded: nesting deeper than 1000 levels", err.Error())
}

// grown says it holds fewer bytes than it does, like a file that grows
// while it is read.
type grown struct {
	*strings.Reader
	n int
}

func (g grown) Len() int { return g.n }

func TestReadAllFileThatGrows(t *testing.T) {
	ctx := context.Background()
	b, err := convert.ReadAll(ctx, grown{strings.NewReader("0123456789"), 4}, 10)
	require.NoError(t, err)
	assert.Equal(t, "0123456789", string(b))
	_, err = convert.ReadAll(ctx, grown{strings.NewReader("0123456789A"), 4}, 10)
	assert.ErrorIs(t, err, convert.ErrLimit)
	b, err = convert.ReadAll(ctx, grown{strings.NewReader(strings.Repeat("x", 3<<20)), 4}, -1)
	require.NoError(t, err)
	assert.Len(t, b, 3<<20)
}
