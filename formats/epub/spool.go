package epub

import (
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"unsafe"
)

// spoolAfter is how many bytes of rendered XHTML a book keeps in memory
// before its content documents go to a temporary file. The package
// document can only be written once every content document is rendered
// (their names, titles and link targets), so a long book's XHTML waits
// somewhere: in memory it was 30 MB at 10 M characters (issue 14), and
// compressed in memory it cost a fifth more time on text that compresses
// poorly. A book below this size never touches the file system.
const spoolAfter = 4 << 20

// spool holds the bodies of content documents until they are written:
// in memory up to spoolAfter bytes, then in a temporary file (removed at
// once where the system allows, else by close). Without a usable
// temporary directory everything stays in memory, as before.
type spool struct {
	mu      sync.Mutex
	held    int // bytes held in memory
	f       *os.File
	removed bool
	end     int64
	failed  bool // no temporary file could be made: keep bodies in memory
}

// put moves d's body into the spool when the book has grown past
// spoolAfter; d.text reads it back.
func (s *spool) put(d *contentDoc) error {
	if s == nil {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.held+len(d.body) <= spoolAfter || s.failed || d.body == "" {
		s.held += len(d.body)
		return nil
	}
	if s.f == nil {
		f, err := os.CreateTemp("", "docconv-epub-*")
		if err != nil {
			s.failed = true
			s.held += len(d.body)
			return nil
		}
		s.f = f
		s.removed = os.Remove(f.Name()) == nil // gone once closed (Unix)
	}
	if _, err := s.f.WriteAt(unsafe.Slice(unsafe.StringData(d.body), len(d.body)), s.end); err != nil {
		return fmt.Errorf("epub: writing a temporary file: %w", err)
	}
	d.spool, d.off, d.n = s, s.end, len(d.body)
	docsSpooled.Add(1)
	s.end += int64(len(d.body))
	d.body = ""
	return nil
}

// read returns the n bytes at off.
func (s *spool) read(off int64, n int) (string, error) {
	b := make([]byte, n)
	if _, err := s.f.ReadAt(b, off); err != nil {
		return "", fmt.Errorf("epub: reading a temporary file: %w", err)
	}
	return unsafe.String(unsafe.SliceData(b), n), nil
}

// docsSpooled counts the documents spooled to a file, for tests.
var docsSpooled atomic.Int64

// close removes the temporary file, if any.
func (s *spool) close() {
	if s == nil || s.f == nil {
		return
	}
	s.f.Close()
	if !s.removed {
		os.Remove(s.f.Name())
	}
	s.f = nil
}
