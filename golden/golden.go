package golden

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	udiff "github.com/aymanbagabas/go-udiff"
)

// header starts every projection of a binary format; the number changes
// when the projection's layout does (see the package documentation).
const header = "docconv-golden/1"

// Kinds of file Detect tells apart.
const (
	KindPDF  = "pdf"
	KindEPUB = "epub"
	KindXLSX = "xlsx"
	KindText = "text" // UTF-8 text: HTML, Markdown, plain text, JSON
)

// Detect tells what kind of file data is from its bytes: KindPDF,
// KindEPUB, KindXLSX, KindText, or "" when it is none of them.
func Detect(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return KindPDF
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return ""
		}
		for _, f := range zr.File {
			switch f.Name {
			case "mimetype":
				if rc, err := f.Open(); err == nil {
					var b [32]byte
					n, _ := rc.Read(b[:])
					rc.Close()
					if strings.TrimSpace(string(b[:n])) == "application/epub+zip" {
						return KindEPUB
					}
				}
			case "xl/workbook.xml":
				return KindXLSX
			}
		}
		return ""
	case utf8.Valid(data) && !bytes.ContainsRune(data, 0):
		return KindText
	}
	return ""
}

// Project returns the text projection of an output of docconv (or of any
// PDF, EPUB or XLSX file): PDF, EPUB or XLSX for those formats, the text
// itself for the text formats. A file of another kind is an error.
func Project(data []byte) (string, error) {
	switch Detect(data) {
	case KindPDF:
		return PDF(data)
	case KindEPUB:
		return EPUB(data)
	case KindXLSX:
		return XLSX(data)
	case KindText:
		return string(data), nil
	}
	return "", errors.New("golden: not a PDF, EPUB, XLSX or UTF-8 text file")
}

// ProjectFile reads the file at path and returns its projection.
func ProjectFile(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	s, err := Project(data)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// Update reports whether golden files are to be rewritten: the test binary
// was run with -update (go test ./... -update). The flag is registered by
// this package, unless the program already has one of that name, whose
// value is then used.
func Update() bool {
	f := flag.Lookup("update")
	if f == nil {
		return false
	}
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return false
	}
	v, _ := g.Get().(bool)
	return v
}

func init() {
	// Only in test binaries: a program that imports golden for its
	// projections (docconv inspect) gets no flag.
	if testing.Testing() && flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files (github.com/docconv/docconv/golden)")
	}
}

// maxDiffLines bounds the diff a failing Assert prints.
const maxDiffLines = 200

// Assert compares got with the golden file at path. With -update it
// writes got to path instead (creating its directory) and passes. On a
// mismatch it fails t with a unified diff of the golden file against got,
// and says how to update; a missing golden file fails t the same way.
func Assert(t testing.TB, path string, got string) {
	t.Helper()
	if Update() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatalf("golden: %v", err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatalf("golden: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Fatalf("golden file %s does not exist; run the test with -update to create it", path)
	}
	if err != nil {
		t.Fatalf("golden: %v", err)
	}
	if string(want) == got {
		return
	}
	t.Errorf("output differs from the golden file %s (run the test with -update to accept it):\n%s", path, Diff(path, "got", string(want), got))
}

// AssertOutput projects an output file's bytes (see Project) and compares
// the projection with the golden file at path, as Assert does.
func AssertOutput(t testing.TB, path string, data []byte) {
	t.Helper()
	got, err := Project(data)
	if err != nil {
		t.Fatalf("golden: %v", err)
	}
	Assert(t, path, got)
}

// Diff returns a unified diff from want to got, labelled with the two
// names, cut after 200 lines.
func Diff(wantName, gotName, want, got string) string {
	d := udiff.Unified(wantName, gotName, want, got)
	lines := strings.SplitAfter(d, "\n")
	if len(lines) > maxDiffLines {
		d = strings.Join(lines[:maxDiffLines], "") + fmt.Sprintf("... %d more lines of diff\n", len(lines)-maxDiffLines)
	}
	return d
}
