package pdf

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/jung-kurt/gofpdf"
)

// gofpdf keeps the content of every page in memory until it writes the
// file (Fpdf.pages, a buffer a page): for a long document, several bytes
// a character. contentStore takes each page's content out of gofpdf as
// soon as the page is drawn, compresses it — as postProcess would have,
// so that the bytes are the same — into a temporary file, and leaves
// gofpdf an empty stream, which postProcess replaces with it. gofpdf has no API for this: the unexported
// field is reached by reflection, checked against its type (gofpdf 1.16.2
// is archived, so its layout does not change); without it gofpdf keeps the
// pages, as before, and the output is the same.
type contentStore struct {
	raw  int  // bytes of page content drawn so far
	on   bool // raw passed zThreshold: pages are taken as they are drawn
	next int  // the first page (from 1) still in gofpdf

	jobs chan zJob
	wg   sync.WaitGroup
	mu   sync.Mutex
	z    map[int]piece // compressed content by object number
	// file holds the compressed contents (a temporary file, removed when
	// closed); without one (none could be made) they stay in memory.
	file    *os.File
	end     int64
	err     error
	removed bool
}

// piece is part of the output: bytes, or a stretch of a file.
type piece struct {
	b      []byte
	f      *os.File
	off, n int64
}

func (p piece) len() int {
	if p.f != nil {
		return int(p.n)
	}
	return len(p.b)
}

type zJob struct {
	obj  int
	data []byte
}

// zThreshold is postProcess's: with more than this in streams, it
// compresses them at flate.BestSpeed. Pages are taken out of gofpdf only
// past it (the level is then known); a smaller document stays in gofpdf
// and is compressed by postProcess.
var zThreshold = 1 << 20

// takePages is false in a test that compares the output with gofpdf
// keeping the pages.
var takePages = true

// pagesTaken counts the pages taken out of gofpdf (for tests).
var pagesTaken atomic.Int64

// gofpdfPages returns gofpdf's page contents (1-based), or nil when the
// field is not as expected.
func gofpdfPages(pdf *gofpdf.Fpdf) []*bytes.Buffer {
	if !takePages {
		return nil
	}
	v := reflect.ValueOf(pdf).Elem().FieldByName("pages")
	if !v.IsValid() || v.Type() != reflect.TypeFor[[]*bytes.Buffer]() {
		return nil
	}
	return *(*[]*bytes.Buffer)(unsafe.Pointer(v.UnsafeAddr()))
}

// taken is called when the current page of pdf is drawn: once past
// zThreshold, the pages drawn are taken out of gofpdf and compressed.
func (s *contentStore) taken(pdf *gofpdf.Fpdf) {
	pages := gofpdfPages(pdf)
	if len(pages) < 2 {
		return
	}
	n := len(pages) - 1
	s.raw += pages[n].Len()
	if !s.on {
		if s.raw <= zThreshold {
			return
		}
		s.on, s.next = true, 1
		s.start()
	}
	for ; s.next <= n; s.next++ {
		data := pages[s.next].Bytes()
		pages[s.next] = new(bytes.Buffer)
		// gofpdf numbers page n's object 2n+1 and its content 2n+2.
		s.jobs <- zJob{obj: 2*s.next + 2, data: data}
		pagesTaken.Add(1)
	}
}

// start starts the compressors.
func (s *contentStore) start() {
	s.z = map[int]piece{}
	if f, err := os.CreateTemp("", "docconv-pdf-*"); err == nil {
		s.file = f
		if os.Remove(f.Name()) == nil { // gone once closed (Unix)
			s.removed = true
		}
	}
	workers := min(runtime.GOMAXPROCS(0), 8)
	s.jobs = make(chan zJob, workers)
	// The workers range over the channel itself: wait sets s.jobs to nil,
	// possibly before a worker has started (it would then wait on a nil
	// channel forever, and wait with it).
	jobs := s.jobs
	for range workers {
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			var buf bytes.Buffer
			zw, _ := zlib.NewWriterLevel(&buf, flate.BestSpeed)
			for j := range jobs {
				buf.Reset()
				zw.Reset(&buf)
				zw.Write(j.data)
				zw.Close()
				s.mu.Lock()
				if s.file != nil {
					if _, err := s.file.WriteAt(buf.Bytes(), s.end); err != nil && s.err == nil {
						s.err = fmt.Errorf("pdf: writing a temporary file: %w", err)
					}
					s.z[j.obj] = piece{f: s.file, off: s.end, n: int64(buf.Len())}
					s.end += int64(buf.Len())
				} else {
					s.z[j.obj] = piece{b: append([]byte(nil), buf.Bytes()...)}
				}
				s.mu.Unlock()
			}
		}()
	}
}

// wait waits for the compressors and returns the compressed contents by
// object number (nil when no page was taken).
func (s *contentStore) wait() (map[int]piece, error) {
	if s.jobs != nil {
		close(s.jobs)
		s.jobs = nil
		s.wg.Wait()
	}
	return s.z, s.err
}

// close removes the temporary file.
func (s *contentStore) close() {
	s.wait()
	if s.file != nil {
		s.file.Close()
		if !s.removed {
			os.Remove(s.file.Name())
		}
		s.file = nil
	}
}
