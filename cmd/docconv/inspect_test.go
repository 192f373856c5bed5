package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/golden"
)

func TestInspect(t *testing.T) {
	for _, f := range []string{"article.pdf", "article.epub", "article.xlsx", "article.md"} {
		path := "../../examples/out/" + f
		var out, errb bytes.Buffer
		require.Equal(t, exitOK, run([]string{"inspect", path}, nil, &out, &errb), errb.String())
		want, err := golden.ProjectFile(path)
		require.NoError(t, err)
		assert.Equal(t, want, out.String(), f)
	}
	var out, errb bytes.Buffer
	assert.Equal(t, exitOK, run([]string{"inspect", "-", "../../examples/out/article.txt"}, strings.NewReader("<p>x</p>"), &out, &errb))
	assert.True(t, strings.HasPrefix(out.String(), "### -\n<p>x</p>### ../../examples/out/article.txt\n"), out.String()[:40])

	out.Reset()
	errb.Reset()
	assert.Equal(t, exitUsage, run([]string{"inspect"}, nil, &out, &errb))
	assert.Contains(t, errb.String(), "usage: docconv inspect FILE")
	errb.Reset()
	assert.Equal(t, exitFail, run([]string{"inspect", "../../fonts/embedded/DroidSansFallbackFull.ttf", "missing.pdf"}, nil, &out, &errb))
	assert.Contains(t, errb.String(), "inspect ../../fonts/embedded/DroidSansFallbackFull.ttf: golden: not a PDF")
	assert.Contains(t, errb.String(), "inspect missing.pdf: open missing.pdf")
}
