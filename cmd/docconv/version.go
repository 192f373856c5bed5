package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/docconv/docconv/convert"
)

// libraries are the modules whose versions decide the bytes of the
// binary formats, as --version names them.
var libraries = []struct{ name, path string }{
	{"gofpdf", "github.com/jung-kurt/gofpdf"},
	{"go-epub", "github.com/go-shiori/go-epub"},
	{"excelize", "github.com/xuri/excelize/v2"},
}

// versionText is what --version prints: the release stamped into outputs,
// the build's module version or VCS revision (with "modified" for a build
// from a changed work tree), the Go version, and the versions of the
// libraries that write PDF, EPUB and XLSX.
func versionText(bi *debug.BuildInfo, ok bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "docconv %s\n", convert.Version)
	if !ok || bi == nil {
		fmt.Fprintf(&b, "build:    no build information\n")
		fmt.Fprintf(&b, "go:       %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
		return b.String()
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	build := bi.Main.Version
	if build == "" {
		build = "(devel)"
	}
	if rev := settings["vcs.revision"]; rev != "" {
		build += ", revision " + rev
		if t := settings["vcs.time"]; t != "" {
			build += " (" + t + ")"
		}
		if settings["vcs.modified"] == "true" {
			build += ", modified"
		}
	} else if build == "(devel)" {
		build += ", no VCS revision (built with go run or -buildvcs=false)"
	}
	fmt.Fprintf(&b, "build:    %s %s\n", bi.Main.Path, build)
	goVersion := bi.GoVersion
	if goVersion == "" {
		goVersion = runtime.Version()
	}
	fmt.Fprintf(&b, "go:       %s %s/%s\n", goVersion, runtime.GOOS, runtime.GOARCH)
	for _, lib := range libraries {
		v := "not linked"
		for _, d := range bi.Deps {
			if d.Path == lib.path {
				v = d.Version
				if d.Replace != nil {
					v += " => " + d.Replace.Path + " " + d.Replace.Version
				}
			}
		}
		fmt.Fprintf(&b, "%-9s %s\n", lib.name+":", v)
	}
	return b.String()
}
