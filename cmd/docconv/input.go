package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
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
	fifo bool   // a named pipe
	err  error  // why it cannot be read (--keep-going goes on without it)
}

// checkInput applies the input policy to path, and refuses a format that
// cannot be read (HTML) before any work.
func (c *config) checkInput(path string) (input, error) {
	in := input{path: path}
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
