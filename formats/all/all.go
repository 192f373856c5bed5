// Package all registers every built-in docconv format and the default
// fonts of every language: import it for its side effect, as the docconv
// command does.
//
//	import _ "github.com/docconv/docconv/formats/all"
//
// A program that needs fewer formats or languages imports the format
// packages it uses and the font packages of its languages instead (the
// PDF writer links no font data of its own): fonts/embedded for Latin text
// and the CJK fallback, fonts/embedded/hant, hans, ja and ko for the body
// and heading faces of Traditional Chinese, Simplified Chinese, Japanese
// and Korean.
package all

import (
	_ "github.com/docconv/docconv/fonts/embedded"      // Liberation (Latin), Droid Sans Fallback (CJK fallback, Chinese headings)
	_ "github.com/docconv/docconv/fonts/embedded/hans" // AR PL SungtiL GB (Simplified Chinese body)
	_ "github.com/docconv/docconv/fonts/embedded/hant" // AR PL UMing TW/HK (Traditional Chinese body)
	_ "github.com/docconv/docconv/fonts/embedded/ja"   // IPAex Mincho and Gothic (Japanese)
	_ "github.com/docconv/docconv/fonts/embedded/ko"   // Nanum Myeongjo and NanumGothic (Korean, Hangul fallback)

	_ "github.com/docconv/docconv/formats/aozora"   // Aozora Bunko (青空文庫) reader, detected in .txt input
	_ "github.com/docconv/docconv/formats/epub"     // EPUB 3 writer
	_ "github.com/docconv/docconv/formats/html"     // HTML5 writer
	_ "github.com/docconv/docconv/formats/json"     // lossless model dump, reader and writer
	_ "github.com/docconv/docconv/formats/markdown" // Markdown (GFM) reader and writer
	_ "github.com/docconv/docconv/formats/pdf"      // PDF writer with CJK typesetting
	_ "github.com/docconv/docconv/formats/text"     // plain-text article reader and writer
	_ "github.com/docconv/docconv/formats/xlsx"     // Excel workbook of the document's figures
)
