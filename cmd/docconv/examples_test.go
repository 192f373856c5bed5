package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/golden"
)

// TestExamplesUpToDate runs the README's main job and checks that the
// committed outputs in examples/out are what this version makes, byte for
// byte; -update rewrites them.
func TestExamplesUpToDate(t *testing.T) {
	outDir := filepath.Join("..", "..", "examples", "out")
	if golden.Update() {
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
		if string(got) != string(want) {
			// Say what changed: the projections' diff (or, when they are
			// equal, that only bytes the projection leaves out differ).
			pw, errW := golden.Project(want)
			pg, errG := golden.Project(got)
			diff := golden.Diff("examples/out/article."+ext, "this version", pw, pg)
			if errW != nil || errG != nil || pw == pg {
				diff = fmt.Sprintf("(%d vs %d bytes; their projections are equal)", len(want), len(got))
			}
			t.Errorf("examples/out/article.%s is stale: run go test ./cmd/docconv -update\n%s", ext, diff)
		}
	}
}
