package golden

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf8"
)

// maxEntry bounds one decompressed entry of an EPUB or XLSX.
const maxEntry = 256 << 20

// EPUB returns the text projection of an EPUB: the list of entries (name,
// compression, size), then every text entry in full, in archive order —
// the container, the package document (OPF), the navigation documents,
// the XHTML content documents, the stylesheets — and for every other
// entry (fonts, images) its SHA-256.
func EPUB(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("golden: epub: %w", err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s epub\n\n== files\n", header)
	for _, f := range zr.File {
		method := "deflate"
		if f.Method == zip.Store {
			method = "store"
		}
		fmt.Fprintf(&b, "%s %s %d\n", f.Name, method, f.UncompressedSize64)
	}
	for _, f := range zr.File {
		if f.Name == "mimetype" || strings.HasSuffix(f.Name, "/") {
			continue
		}
		body, err := readEntry(f)
		if err != nil {
			return "", fmt.Errorf("golden: epub: %s: %w", f.Name, err)
		}
		if isText(f.Name) && utf8.Valid(body) {
			fmt.Fprintf(&b, "\n== %s\n%s", f.Name, body)
			if len(body) > 0 && body[len(body)-1] != '\n' {
				b.WriteString("\n")
			}
			continue
		}
		fmt.Fprintf(&b, "\n== %s\nsha256 %x\n", f.Name, sha256.Sum256(body))
	}
	return b.String(), nil
}

func isText(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".xml", ".opf", ".ncx", ".xhtml", ".html", ".htm", ".css", ".txt", ".svg", ".smil", ".js", ".json":
		return true
	}
	return false
}

func readEntry(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	body, err := io.ReadAll(io.LimitReader(rc, maxEntry+1))
	if err != nil {
		return nil, err
	}
	if len(body) > maxEntry {
		return nil, fmt.Errorf("entry larger than %d MiB", maxEntry>>20)
	}
	return body, nil
}
