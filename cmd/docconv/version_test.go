package main

import (
	"bytes"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
)

func TestVersionText(t *testing.T) {
	bi := &debug.BuildInfo{
		GoVersion: "go1.26.8",
		Main:      debug.Module{Path: "github.com/docconv/docconv", Version: "v0.0.0-20261204185836-c9e7b7e969e8+dirty"},
		Deps: []*debug.Module{
			{Path: "github.com/jung-kurt/gofpdf", Version: "v1.16.2"},
			{Path: "github.com/go-shiori/go-epub", Version: "v1.2.1"},
			{Path: "github.com/xuri/excelize/v2", Version: "v2.11.1", Replace: &debug.Module{Path: "../excelize", Version: ""}},
		},
		Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "c9e7b7e969e8c2c3f2180c59659358f6f8842867"},
			{Key: "vcs.time", Value: "2026-12-04T18:58:36Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	got := versionText(bi, true)
	assert.Equal(t, "docconv "+convert.Version+"\n"+
		"build:    github.com/docconv/docconv v0.0.0-20261204185836-c9e7b7e969e8+dirty, revision c9e7b7e969e8c2c3f2180c59659358f6f8842867 (2026-12-04T18:58:36Z), modified\n"+
		"go:       go1.26.8 "+runtime.GOOS+"/"+runtime.GOARCH+"\n"+
		"gofpdf:   v1.16.2\n"+
		"go-epub:  v1.2.1\n"+
		"excelize: v2.11.1 => ../excelize \n", got)

	got = versionText(&debug.BuildInfo{Main: debug.Module{Path: "github.com/docconv/docconv", Version: "v0.2.0"}}, true)
	assert.Contains(t, got, "build:    github.com/docconv/docconv v0.2.0\n")
	assert.Contains(t, got, "gofpdf:   not linked\n")
	assert.Contains(t, versionText(&debug.BuildInfo{Main: debug.Module{Path: "m", Version: "(devel)"}}, true), "no VCS revision")
	assert.Contains(t, versionText(nil, false), "no build information")

	// The command prints the running binary's own build information.
	var out, errb bytes.Buffer
	require.Equal(t, exitOK, run([]string{"--version"}, nil, &out, &errb))
	assert.True(t, strings.HasPrefix(out.String(), "docconv "+convert.Version+"\nbuild:    "), out.String())
	assert.Regexp(t, `\ngo:       go1\.\d+`, out.String())
	assert.Contains(t, out.String(), "\ngofpdf:   v1.16.2\n")
	assert.Contains(t, out.String(), "\ngo-epub:  v1.2.1\n")
}
