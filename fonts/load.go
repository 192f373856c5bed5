package fonts

import (
	"errors"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// Load reads and parses a font file: .ttf, or .ttc with an optional face
// suffix ("file.ttc" is face 0, "file.ttc#2" face 2). Errors are *PathError
// values naming the path and wrapping ErrInvalid, ErrCFF, ... or the
// fs error.
func Load(path string) (*Font, error) {
	file, index, err := splitFace(path)
	if err != nil {
		return nil, &PathError{Path: path, Err: err}
	}
	if fi, err := os.Stat(file); err == nil && !fi.Mode().IsRegular() {
		// /dev/zero or a pipe would be read without end.
		return nil, &PathError{Path: path, Err: errors.New("not a regular file")}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &PathError{Path: path, Err: err}
	}
	f, err := ParseFace(data, index)
	if err != nil {
		return nil, &PathError{Path: path, Err: err}
	}
	return f, nil
}

// splitFace separates a "#N" face suffix from a path, unless the whole path
// names an existing file.
func splitFace(path string) (string, int, error) {
	i := strings.LastIndexByte(path, '#')
	if i < 0 {
		return path, 0, nil
	}
	if _, err := os.Stat(path); err == nil {
		return path, 0, nil
	}
	n, err := strconv.Atoi(path[i+1:])
	if err != nil || n < 0 {
		return path, 0, nil // not a face suffix: let the open fail with the real name
	}
	return path[:i], n, nil
}
