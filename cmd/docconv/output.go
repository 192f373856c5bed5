package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// Output policy (see doc.go):
//
//   - "-", /dev/stdout, /dev/fd/1: standard output, written when the run
//     succeeded.
//   - a regular file or a new name: written to a temporary file beside the
//     target, renamed onto it when every conversion of the run succeeded.
//     A new file gets mode 0666 less the umask; an existing one keeps its
//     mode (and, where allowed, its owner).
//   - a symbolic link: followed; the file it points to is replaced as
//     above and the link stays. A link to nothing is refused.
//   - a character device (/dev/null, a terminal) or a named pipe: written
//     through, opened without creating or truncating, never replaced.
//   - a directory, a block device, a socket, a name in a missing
//     directory: refused before any work (exit 2).

// targetKind says how an output is written.
type targetKind int

const (
	toFile    targetKind = iota // temporary file renamed onto real
	toStdout                    // the run's standard output
	toThrough                   // opened and written in place: a device or FIFO
)

// target is a resolved output.
type target struct {
	path  string      // as given, for messages
	real  string      // the file replaced (symbolic links resolved)
	kind  targetKind  // how it is written
	old   fs.FileInfo // the file replaced, nil when new
	input string      // the input it is made from, for collision messages
}

// stdoutNames are output names that mean standard output.
var stdoutNames = map[string]bool{"-": true, "/dev/stdout": true, "/dev/fd/1": true, "/proc/self/fd/1": true}

// resolveTarget checks an output name before any work, applying the output
// policy. Errors are usage errors but for a failed stat.
func resolveTarget(path string) (*target, error) {
	if stdoutNames[path] {
		return &target{path: path, kind: toStdout}, nil
	}
	fi, err := os.Stat(path)
	switch {
	case err != nil && !errors.Is(err, fs.ErrPermission): // missing, or a file as a directory
		if lfi, lerr := os.Lstat(path); lerr == nil && lfi.Mode()&fs.ModeSymlink != 0 {
			return nil, usagef("%s: is a symbolic link to a missing file; refusing to create a file through it", path)
		}
		dir := filepath.Dir(path)
		if dfi, err := os.Stat(dir); err != nil || !dfi.IsDir() {
			return nil, usagef("%s: directory %s does not exist", path, dir)
		}
		return &target{path: path, real: path, kind: toFile}, nil
	case err != nil:
		return nil, fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	case fi.IsDir():
		return nil, usagef("%s: is a directory (give a file name, or -d DIR to write into a directory)", path)
	case fi.Mode().IsRegular():
		real := path
		if lfi, err := os.Lstat(path); err == nil && lfi.Mode()&fs.ModeSymlink != 0 {
			if real, err = filepath.EvalSymlinks(path); err != nil {
				return nil, fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
			}
		}
		return &target{path: path, real: real, kind: toFile, old: fi}, nil
	case fi.Mode()&fs.ModeCharDevice != 0, fi.Mode()&fs.ModeNamedPipe != 0:
		return &target{path: path, kind: toThrough, old: fi}, nil
	}
	return nil, usagef("%s: is a %s; docconv writes regular files, character devices (/dev/null) and named pipes only", path, fileKind(fi.Mode()))
}

// fileKind names a non-regular file's type for messages.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "regular file"
	case m.IsDir():
		return "directory"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "block device"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	}
	return "special file"
}

// sameName is the key that tells two targets apart: the cleaned absolute
// path, case-folded where file systems usually ignore case.
func sameName(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		path = strings.ToLower(path)
	}
	return path
}

// unwrapPath returns the error inside an *fs.PathError or *os.LinkError,
// whose path may be a temporary file's name the user never gave.
func unwrapPath(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}

// temps registers the temporary files being written, so that a forced
// exit on a signal removes them all. Its lock also makes each commit's
// rename and unregistration one step.
// written lists the outputs put in place, for the message on a signal.
// planned counts those to put in place.
var temps = struct {
	sync.Mutex
	files   map[string]bool
	written []string
	planned int // outputs to put in place
}{files: map[string]bool{}}

// removeTemps removes every registered temporary file (on a forced exit).
func removeTemps() {
	temps.Lock()
	defer temps.Unlock()
	for name := range temps.files {
		os.Remove(name)
		delete(temps.files, name)
	}
}

// pendingFile is an output being written: to a temporary file beside its
// target (so that a failure leaves no partial file and never clobbers an
// existing one), or to memory for standard output and write-through
// targets.
type pendingFile struct {
	t      *target
	f      *os.File     // toFile
	buf    bytes.Buffer // toStdout, toThrough
	size   int64
	format string // the format written
}

func newPending(t *target) (*pendingFile, error) {
	p := &pendingFile{t: t}
	if t.kind != toFile {
		return p, nil
	}
	dir, base := filepath.Split(t.real)
	temps.Lock()
	defer temps.Unlock()
	for range 100 {
		name := filepath.Join(dir, fmt.Sprintf(".%s.%d.tmp", base, rand.Uint32()))
		// 0666: the umask applies, as for any new file.
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("cannot write %s: %w", t.path, unwrapPath(err))
		}
		temps.files[name] = true
		p.f = f
		return p, nil
	}
	return nil, fmt.Errorf("cannot write %s: cannot create a temporary file beside it", t.path)
}

// Write writes to the temporary file or buffer; errors name no temporary
// file (the caller names the target).
func (p *pendingFile) Write(b []byte) (int, error) {
	var n int
	var err error
	if p.f != nil {
		n, err = p.f.Write(b)
	} else {
		n, err = p.buf.Write(b)
	}
	p.size += int64(n)
	if err != nil {
		err = unwrapPath(err)
	}
	return n, err
}

// commit puts the output in place: renames the temporary file onto the
// target with the old file's mode (and owner, where allowed), or writes the
// buffer to standard output or through to the device or pipe.
func (p *pendingFile) commit(stdout io.Writer) error {
	fail := func(err error) error { return fmt.Errorf("cannot write %s: %w", p.t.path, unwrapPath(err)) }
	switch p.t.kind {
	case toStdout:
		_, err := p.buf.WriteTo(stdout)
		if err != nil {
			return fail(err)
		}
		return nil
	case toThrough:
		f, err := os.OpenFile(p.t.path, os.O_WRONLY, 0)
		if err != nil {
			return fail(err)
		}
		_, err = p.buf.WriteTo(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fail(err)
		}
		return nil
	}
	if p.t.old != nil {
		if err := p.f.Chmod(p.t.old.Mode().Perm()); err != nil {
			return fail(err)
		}
		keepOwner(p.f, p.t.old)
	}
	if err := p.f.Close(); err != nil {
		return fail(err)
	}
	name := p.f.Name()
	temps.Lock()
	defer temps.Unlock()
	if err := os.Rename(name, p.t.real); err != nil {
		os.Remove(name)
		delete(temps.files, name)
		p.f = nil
		return fail(err)
	}
	delete(temps.files, name)
	p.f = nil
	return nil
}

// discard removes the temporary file unless it was committed.
func (p *pendingFile) discard() {
	if p.f == nil {
		return
	}
	p.f.Close()
	temps.Lock()
	os.Remove(p.f.Name())
	delete(temps.files, p.f.Name())
	temps.Unlock()
	p.f = nil
}
