package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files (here: examples/out)")

// TestExamplesUpToDate runs the README's main job and checks that the
// committed outputs in examples/out are what this version makes, byte for
// byte; -update rewrites them.
func TestExamplesUpToDate(t *testing.T) {
	outDir := filepath.Join("..", "..", "examples", "out")
	if *update {
		code, _, stderr := docconv(t, ".", "", "-q", "-t", "pdf,epub,xlsx,html,md,txt,json", "-d", outDir, sample)
		require.Equal(t, 0, code, stderr)
		return
	}
	dir := t.TempDir()
	in := copySample(t, dir)
	code, _, stderr := docconv(t, dir, "", "-q", "-t", "pdf,epub,xlsx,html,md,txt,json", "-d", "out", in)
	require.Equal(t, 0, code, stderr)
	for _, ext := range []string{"pdf", "epub", "xlsx", "html", "md", "txt", "json"} {
		got, err := os.ReadFile(filepath.Join(dir, "out", "article."+ext))
		require.NoError(t, err)
		want, err := os.ReadFile(filepath.Join(outDir, "article."+ext))
		require.NoError(t, err)
		assert.True(t, string(got) == string(want), "examples/out/article.%s is stale: run go test ./cmd/docconv -update", ext)
	}
}
