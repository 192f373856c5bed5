package main

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestFontNotFoundHint: the fonts package's error names no command; the
// command adds where to look.
func TestFontNotFoundHint(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"-q", "-t", "pdf", "--font", "No Such Font Family 12345", "-o", filepath.Join(t.TempDir(), "a.pdf"), "../../examples/article.txt"}, nil, &out, &errb)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, errb.String(), `"No Such Font Family 12345" is not installed`)
	assert.Contains(t, errb.String(), "docconv --list-fonts lists the fonts --font can name")
}

// TestHelpToStdout: asked-for help goes to standard output (it can be
// piped to less), a usage error to standard error.
func TestHelpToStdout(t *testing.T) {
	for _, flag := range []string{"--help", "-h"} {
		var out, errb bytes.Buffer
		assert.Equal(t, exitOK, run([]string{flag}, nil, &out, &errb))
		assert.Contains(t, out.String(), "usage: docconv [flags] [INPUT...]\n       docconv inspect FILE...")
		assert.Empty(t, errb.String())
	}
	var out, errb bytes.Buffer
	assert.Equal(t, exitUsage, run([]string{"--no-such-flag"}, nil, &out, &errb))
	assert.Empty(t, out.String())
	assert.Contains(t, errb.String(), "see docconv --help")
}
