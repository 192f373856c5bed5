package epub_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"log"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/formats/epub"
)

// Write a two-section Traditional Chinese article and list the container.
func ExampleWriter() {
	d := &convert.Document{
		Meta: convert.Meta{Title: "中哈關係", Authors: []string{"記者"}, Date: "2024-01-02", Lang: "zh-Hant"},
		Blocks: []convert.Block{
			&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "導語。"}}},
			&convert.Heading{Level: 2, Inlines: []convert.Inline{&convert.Text{Text: "打造新亮點"}}},
			&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "正文。"}}},
		},
	}
	var buf bytes.Buffer
	if err := (&epub.Writer{}).Write(context.Background(), &buf, d); err != nil {
		log.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range zr.File {
		fmt.Println(f.Name, f.Modified.UTC().Format("2006-01-02"))
	}
	// Output:
	// mimetype 2024-01-02
	// META-INF/container.xml 2024-01-02
	// EPUB/package.opf 2024-01-02
	// EPUB/nav.xhtml 2024-01-02
	// EPUB/toc.ncx 2024-01-02
	// EPUB/css/style.css 2024-01-02
	// EPUB/xhtml/titlepage.xhtml 2024-01-02
	// EPUB/xhtml/section0001.xhtml 2024-01-02
	// EPUB/xhtml/section0002.xhtml 2024-01-02
}
