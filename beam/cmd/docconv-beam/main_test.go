package main

import (
	"flag"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/internal/cliopts"
)

func TestFlags(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "946684800")
	fs := flag.NewFlagSet("docconv-beam", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	get := declare(fs)
	require.NoError(t, fs.Parse([]string{"--input", "c/*.txt", "--output", "out", "-t", "pdf,epub", "--to", "xlsx",
		"-M", "author=A", "--metadata", "date=2024-01-02", "--toc", "-V", "pdf.indent=0", "--figures-parquet", "none",
		"--ruby", "keep", "--max-input-size", "1MiB", "--shards", "4"}))
	c, err := get()
	require.NoError(t, err)
	require.NoError(t, c.Check())
	assert.Equal(t, []string{"pdf", "epub", "xlsx"}, c.Formats)
	assert.Equal(t, cliopts.Settings{Metadata: []string{"author=A", "date=2024-01-02"}, Vars: []string{"pdf.indent=0"},
		Normalize: "default", Ruby: "keep", Punct: "fix", TOC: true, MaxInputSize: "1MiB"}, c.Settings)
	assert.Equal(t, filepath.Join("out", "figures.csv"), c.FiguresCSV)
	assert.Equal(t, "", c.FiguresParquet)
	assert.Equal(t, filepath.Join("out", "failures.csv"), c.Failures)
	assert.Equal(t, "946684800", c.SourceDateEpoch)
	assert.Equal(t, 4, c.Shards)
	assert.Equal(t, "c", c.Base)

	fs = flag.NewFlagSet("docconv-beam", flag.ContinueOnError)
	get = declare(fs)
	require.NoError(t, fs.Parse([]string{"--manifest", "gs://b/list.txt", "--output", "gs://b/out/", "-t", "pdf", "--failures", "none"}))
	_, err = get()
	assert.ErrorContains(t, err, "dead-letter table is needed")
	assert.Equal(t, "gs://b/out/figures.csv", table("", "gs://b/out/", "figures.csv"))
}

func TestUsage(t *testing.T) {
	fs := flag.NewFlagSet("docconv-beam", flag.ContinueOnError)
	declare(fs)
	fs.String("runner", "", "a Beam flag")
	var b strings.Builder
	usage(fs, &b)
	own, beam, _ := strings.Cut(b.String(), "Beam's flags")
	for _, f := range ownFlags {
		assert.Contains(t, own, "  -"+f+" ", "own flag %s listed first", f)
	}
	assert.Contains(t, beam, "  -runner ")
	assert.NotContains(t, own, "-runner")
}
