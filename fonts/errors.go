package fonts

import (
	"errors"
	"strings"
)

// Sentinel errors. Errors returned by this package wrap one of them (test
// with errors.Is) and add what went wrong and with which font.
var (
	// ErrInvalid reports font data that is not a well-formed TrueType or
	// OpenType font (truncated, wrong magic number, tables out of bounds).
	ErrInvalid = errors.New("fonts: invalid font data")

	// ErrCFF2 reports an OpenType font with CFF2 outlines (a variable
	// font), which docconv cannot embed; a static instance works.
	ErrCFF2 = errors.New("fonts: CFF2 (variable OpenType) outlines not supported")

	// ErrCollection reports a font collection ('ttcf', usually .ttc) given to
	// Parse; use ParseCollection or ParseFace, or Load("file.ttc#N").
	ErrCollection = errors.New("fonts: font collection ('ttcf') needs ParseCollection")

	// ErrNotFound reports a font name that matches no installed font.
	ErrNotFound = errors.New("fonts: font not found")
)

// PathError records an error and the font file that caused it, like
// fs.PathError.
type PathError struct {
	Path string // the file, with a "#N" face suffix for a collection face
	Err  error
}

// Error returns "fonts: PATH: reason".
func (e *PathError) Error() string {
	return "fonts: " + e.Path + ": " + strings.TrimPrefix(e.Err.Error(), "fonts: ")
}

// Unwrap returns the underlying error.
func (e *PathError) Unwrap() error { return e.Err }
