package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/docconv/docconv/convert"
)

// Input policy (see doc.go): standard input ("-", /dev/stdin), regular
// files, and named pipes that a process is writing to (such as bash's
// <(command)); a named pipe is opened without waiting, so one with no
// writer gives an error at once instead of blocking forever. Directories,
// devices (/dev/zero) and sockets are refused before any work (exit 2). The
// size limit (--max-input-size) applies to every input and font file.

// stdinNames are input names that mean standard input.
var stdinNames = map[string]bool{"-": true, "/dev/stdin": true, "/dev/fd/0": true, "/proc/self/fd/0": true}

// input is a checked input.
type input struct {
	path string // as given; "-" for standard input
	rel  string // its directory relative to the directory input it came from
	fifo bool   // a named pipe
	err  error  // why it cannot be read (--keep-going goes on without it)
}

// checkInput applies the input policy to path, and refuses a format that
// cannot be read (PDF, EPUB, XLSX) before any work.
func (c *config) checkInput(in input) (input, error) {
	path := in.path
	if stdinNames[path] {
		in.path = "-"
	} else {
		fi, err := os.Stat(path)
		switch {
		case err != nil:
			return in, fmt.Errorf("cannot read %s: %w", path, unwrapPath(err))
		case fi.IsDir():
			return in, usagef("%s: is a directory, not an input file", path)
		case fi.Mode()&fs.ModeNamedPipe != 0:
			in.fifo = true
		case !fi.Mode().IsRegular():
			return in, usagef("%s: is a %s, not a regular file; docconv reads regular files, named pipes and standard input", path, fileKind(fi.Mode()))
		}
	}
	if _, err := convert.InputFormat(&convert.Options{From: c.from, SourcePath: in.path}); err != nil {
		if errors.Is(err, convert.ErrUnsupported) && c.from == "" {
			return in, usagef("%s: %v; -f text reads it as plain text", path, err)
		}
		return in, usagef("%s: %v", path, err)
	}
	return in, nil
}

// checkFonts refuses --font and --epub-embed-font files that are not
// regular files (/dev/zero would be read forever) or are larger than the
// input size limit, before any work. Font names and missing files are left
// to the writers, which report them.
func (c *config) checkFonts(limit int64) error {
	for _, fl := range []struct {
		flag  string
		specs []string
	}{{"--font", c.fonts}, {"--epub-embed-font", c.embedFonts}} {
		for _, spec := range fl.specs {
			fi, err := os.Stat(spec)
			if err != nil {
				if i := strings.LastIndexByte(spec, '#'); i > 0 {
					fi, err = os.Stat(spec[:i]) // a collection face: file.ttc#2
				}
			}
			switch {
			case err != nil:
			case !fi.Mode().IsRegular():
				return usagef("%s %s: is a %s, not a font file", fl.flag, spec, fileKind(fi.Mode()))
			case limit >= 0 && fi.Size() > limit:
				return fmt.Errorf("%s %s: %w", fl.flag, spec,
					convert.LimitErrorf("font file is %s, larger than the %s limit", convert.FormatSize(fi.Size()), convert.FormatSize(limit)))
			}
		}
	}
	return nil
}

// readInput reads and converts one input to the model.
func readInput(ctx context.Context, in input, stdin io.Reader, o *convert.Options) (*convert.Document, error) {
	if in.path == "-" {
		return convert.Read(ctx, stdin, o)
	}
	open := os.Open
	if in.fifo {
		open = openNonBlocking
	}
	f, err := open(in.path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", in.path, unwrapPath(err))
	}
	defer f.Close()
	if !in.fifo {
		return convert.Read(ctx, f, o) // the size is known: checked before reading
	}
	// A cancelled run interrupts a read waiting for the pipe's writer.
	stop := context.AfterFunc(ctx, func() { f.SetReadDeadline(time.Now()) })
	defer stop()
	cr := &countingReader{r: f}
	d, err := convert.Read(ctx, cr, o)
	if err == nil && cr.n == 0 {
		return nil, fmt.Errorf("%s: the named pipe gave no data (no process was writing to it)", in.path)
	}
	return d, err
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	return n, err
}

// defaultIncludes are the names a directory input yields without
// --include: the text and Markdown extensions.
var defaultIncludes = []string{"*.txt", "*.text", "*.md", "*.markdown"}

// expandInputs replaces each directory among the inputs by the files under
// it (recursively, in lexical order, skipping names that start with a dot)
// whose names match an --include pattern; their outputs mirror the tree
// under -d. A directory needs -d.
func (c *config) expandInputs() ([]input, error) {
	var out []input
	for _, path := range c.inputs {
		fi, err := os.Stat(path)
		if stdinNames[path] || err != nil || !fi.IsDir() {
			out = append(out, input{path: path})
			continue
		}
		if c.outDir == "" {
			return nil, usagef("%s: is a directory; converting a directory needs -d DIR", path)
		}
		patterns := c.includes
		if len(patterns) == 0 {
			patterns = defaultIncludes
		}
		n := 0
		err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p != path && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !matchAny(patterns, d.Name()) {
				return nil
			}
			rel, err := filepath.Rel(path, filepath.Dir(p))
			if err != nil {
				return err
			}
			if rel == "." {
				rel = ""
			}
			out = append(out, input{path: p, rel: rel})
			n++
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("cannot read directory %s: %w", path, unwrapPath(err))
		}
		if n == 0 {
			return nil, usagef("%s: no file in it matches %s", path, strings.Join(patterns, ", "))
		}
	}
	return out, nil
}

func matchAny(patterns []string, name string) bool {
	for _, p := range patterns {
		if ok, _ := filepath.Match(p, name); ok {
			return true
		}
	}
	return false
}

// outputPath is where -d puts an input's output of extension ext:
// DIR/<the input's place in a directory input>/<stem>.<ext>.
func (c *config) outputPath(in input, ext string) string {
	return filepath.Join(c.outDir, in.rel, stem(in.path)+"."+ext)
}

// upToDate reports whether the output at path exists and is not older
// than the input (--skip-existing).
func upToDate(in input, path string) bool {
	if in.path == "-" {
		return false
	}
	ifi, err := os.Stat(in.path)
	if err != nil {
		return false
	}
	ofi, err := os.Stat(path)
	return err == nil && ofi.Mode().IsRegular() && !ofi.ModTime().Before(ifi.ModTime())
}
