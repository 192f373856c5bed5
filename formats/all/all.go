// Package all registers every built-in docconv format: import it for its
// side effect, as the docconv command does.
//
//	import _ "github.com/docconv/docconv/formats/all"
package all

import (
	_ "github.com/docconv/docconv/formats/aozora"   // Aozora Bunko (青空文庫) reader, detected in .txt input
	_ "github.com/docconv/docconv/formats/epub"     // EPUB 3 writer
	_ "github.com/docconv/docconv/formats/html"     // HTML5 writer
	_ "github.com/docconv/docconv/formats/json"     // lossless model dump, reader and writer
	_ "github.com/docconv/docconv/formats/markdown" // Markdown (GFM) reader and writer
	_ "github.com/docconv/docconv/formats/pdf"      // PDF writer with CJK typesetting
	_ "github.com/docconv/docconv/formats/text"     // plain-text article reader and writer
	_ "github.com/docconv/docconv/formats/xlsx"     // Excel workbook of the document's figures
)
