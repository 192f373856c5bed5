package epub

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"runtime"
	"sync"
	"time"
	"unsafe"
)

// entry is one file of the OCF container, in the order it is written.
type entry struct {
	name  string
	data  []byte
	store bool // write uncompressed (the mimetype file)
	// A content document is data (go-epub's document up to its body),
	// then body (set by doc, the document's own), then tail: not joined,
	// and let go once compressed.
	doc  *contentDoc
	tail []byte
	size int // the uncompressed size, once compressed

	compressed []byte
	crc        uint32
}

// writeContainer writes the entries as a ZIP archive (the OCF container):
// every entry with the same MS-DOS time, no extra fields, sizes and CRC in
// the local headers (no data descriptors), mimetype first and stored. The
// Deflate streams are compressed in parallel, a few entries ahead of the
// one being written, and each is let go once written: the book is never
// held whole, compressed or not. The bytes depend only on the entries
// and t.
func writeContainer(w io.Writer, entries []*entry, t time.Time) error {
	workers := min(runtime.GOMAXPROCS(0), len(entries))
	done := make([]chan error, len(entries))
	for i := range done {
		done[i] = make(chan error, 1)
	}
	ahead := make(chan struct{}, 2*workers) // entries compressed but not yet written
	quit := make(chan struct{})
	work := make(chan int)
	go func() {
		defer close(work)
		for i := range entries {
			select {
			case ahead <- struct{}{}:
			case <-quit:
				return
			}
			work <- i
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			fw, _ := flate.NewWriter(&buf, flate.DefaultCompression)
			for i := range work {
				select {
				case <-quit:
					done[i] <- nil
					continue
				default:
				}
				done[i] <- compress(entries[i], &buf, fw)
			}
		}()
	}
	err := writeEntries(w, entries, t, done, ahead)
	close(quit)
	wg.Wait()
	return err
}

// writeEntries writes the entries in order as their compression is done,
// freeing a place in ahead for each.
func writeEntries(w io.Writer, entries []*entry, t time.Time, done []chan error, ahead chan struct{}) error {
	date, tm := msDosTime(t)
	z := zip.NewWriter(w)
	for i, e := range entries {
		err := <-done[i]
		<-ahead
		if err != nil {
			return err
		}
		// The deprecated MS-DOS fields, not Modified: Modified adds an
		// extended-timestamp extra field, and the container has none.
		fh := &zip.FileHeader{
			Name:           e.name,
			CreatorVersion: 20,
			ReaderVersion:  20,
			Method:         zip.Deflate,
			//lint:ignore SA1019 Modified would add an extra field
			ModifiedDate: date,
			//lint:ignore SA1019 Modified would add an extra field
			ModifiedTime:       tm,
			CRC32:              e.crc,
			CompressedSize64:   uint64(len(e.compressed)),
			UncompressedSize64: uint64(e.size),
		}
		if e.store {
			fh.Method = zip.Store
		}
		fw, err := z.CreateRaw(fh)
		if err != nil {
			return fmt.Errorf("epub: writing %s: %w", e.name, err)
		}
		if _, err := fw.Write(e.compressed); err != nil {
			return fmt.Errorf("epub: writing %s: %w", e.name, err)
		}
		e.compressed = nil
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("epub: finishing the archive: %w", err)
	}
	return nil
}

// compress fills e's compressed bytes, CRC and size, using buf and fw, and
// lets its uncompressed bytes go.
func compress(e *entry, buf *bytes.Buffer, fw *flate.Writer) error {
	parts := [][]byte{e.data}
	if e.doc != nil {
		body, err := e.doc.text()
		if err != nil {
			return err
		}
		// The body is read as bytes, never copied.
		parts = append(parts, unsafe.Slice(unsafe.StringData(body), len(body)), e.tail)
	}
	e.size = 0
	for _, p := range parts {
		e.crc = crc32.Update(e.crc, crc32.IEEETable, p)
		e.size += len(p)
	}
	if e.store {
		e.compressed = e.data
		return nil
	}
	buf.Reset()
	fw.Reset(buf)
	var err error
	for _, p := range parts {
		if err == nil {
			_, err = fw.Write(p)
		}
	}
	if err == nil {
		err = fw.Close()
	}
	// Only the compressed bytes are kept: a book of 10 M characters held
	// its text three times over.
	e.data, e.tail = nil, nil
	if e.doc != nil {
		e.doc.body = ""
	}
	if err != nil {
		return fmt.Errorf("epub: compressing %s: %w", e.name, err)
	}
	e.compressed = bytes.Clone(buf.Bytes())
	return nil
}

// msDosTime converts t to the MS-DOS date and time of a ZIP header
// (2-second resolution, 1980 to 2107; t is clamped to that range).
func msDosTime(t time.Time) (date, tm uint16) {
	t = t.UTC()
	if t.Year() < 1980 {
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	} else if t.Year() > 2107 {
		t = time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)
	}
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	tm = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, tm
}

// unzip reads every file of a ZIP archive.
func unzip(data []byte) (map[string][]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("epub: reading go-epub's archive: %w", err)
	}
	files := make(map[string][]byte, len(zr.File))
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("epub: reading go-epub's %s: %w", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("epub: reading go-epub's %s: %w", f.Name, err)
		}
		files[f.Name] = b
	}
	return files, nil
}
