package convert

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors, matched with errors.Is.
var (
	// ErrUnknownFormat: no format of that name or extension is registered.
	ErrUnknownFormat = errors.New("unknown format")
	// ErrUnsupported: the format exists but cannot read (or write).
	ErrUnsupported = errors.New("unsupported")
	// ErrInvalidInput: the input is malformed beyond repair.
	ErrInvalidInput = errors.New("invalid input")
	// ErrStrict: a problem that is normally repaired and reported was
	// refused because Options.Strict is set.
	ErrStrict = errors.New("refused in strict mode")
	// ErrLimit: the input exceeds a documented resource limit (its size,
	// nesting depth, a line's length, a table's width, a sheet's rows…).
	// Errors wrapping it say which limit and its value; the docconv
	// command exits with status 3 for them. A caller may raise the limit
	// (for example Options.MaxInputSize) and try again.
	ErrLimit = errors.New("resource limit exceeded")
)

// LimitErrorf returns an error wrapping ErrLimit, with the message
// "resource limit exceeded: " followed by the formatted text, which should
// name the limit and its value ("nesting deeper than 1000 levels").
func LimitErrorf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrLimit, fmt.Sprintf(format, args...))
}

// Error describes a failed conversion step, like fs.PathError. Readers may
// return an *Error with Line/Column set; the pipeline fills Op, Format and
// Path.
type Error struct {
	Op     string // "read", "transform", "write"
	Format string // format or transform name
	Path   string // input or output file name; "" for an unnamed stream
	Line   int    // 1-based line in the input; 0 when unknown
	Column int    // 1-based column (in characters); 0 when unknown
	Err    error
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Path != "" {
		b.WriteString(e.Path)
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
			if e.Column > 0 {
				fmt.Fprintf(&b, ":%d", e.Column)
			}
		}
		b.WriteString(": ")
	} else if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	if e.Op != "" {
		b.WriteString(e.Op)
		if e.Format != "" {
			b.WriteString(" " + e.Format)
		}
		b.WriteString(": ")
	}
	if e.Err != nil {
		msg := e.Err.Error()
		if e.Op != "" && e.Format != "" {
			// "write pdf: pdf: …" says the format twice: a format
			// package's own prefix is dropped after the pipeline's.
			msg = strings.TrimPrefix(msg, e.Format+": ")
		}
		b.WriteString(msg)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// wrapError returns err as an *Error carrying op, format and path, keeping
// the line and column a reader may have set.
func wrapError(err error, op, format, path string) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		if e.Op == "" {
			e.Op = op
		}
		if e.Format == "" {
			e.Format = format
		}
		if e.Path == "" {
			e.Path = path
		}
		return err
	}
	return &Error{Op: op, Format: format, Path: path, Err: err}
}

// cancelled gives a failure while ctx is done its one documented shape:
// an *Error (the one err is, else a new one carrying op, format and path)
// whose Err wraps ctx.Err(). A failure that does not already wrap ctx.Err()
// (a writer that saw a closed pipe, a limit hit as the context ended) is
// kept beside it: errors.Is matches both. Errors while ctx is not done are
// returned unchanged.
func cancelled(ctx context.Context, err error, op, format, path string) error {
	cerr := ctx.Err()
	if err == nil || cerr == nil {
		return err
	}
	e, ok := err.(*Error)
	if !ok {
		e = &Error{Op: op, Format: format, Path: path, Err: err}
	}
	if e.Op == "" {
		e.Op = op
	}
	if e.Format == "" {
		e.Format = format
	}
	if e.Path == "" {
		e.Path = path
	}
	if !errors.Is(e.Err, cerr) {
		e.Err = &interrupted{ctx: cerr, err: e.Err}
	}
	return e
}

// interrupted is a failure that happened while the context was done.
type interrupted struct{ ctx, err error }

func (e *interrupted) Error() string {
	if e.err == nil {
		return e.ctx.Error()
	}
	return e.ctx.Error() + ": " + e.err.Error()
}

func (e *interrupted) Unwrap() []error { return []error{e.ctx, e.err} }
