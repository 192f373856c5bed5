// Package ko embeds the default fonts of Korean documents: Nanum Myeongjo
// (regular and bold) for running text and NanumGothic (regular and bold)
// for headings. NanumGothic is also the Hangul fallback of documents in
// other languages, since Droid Sans Fallback (package embedded) has only 3
// of the 11,172 Hangul syllables.
//
// Import it for its side effect, which registers the faces with the fonts
// package (the docconv command and formats/all do):
//
//	import _ "github.com/docconv/docconv/fonts/embedded/ko"
//
// The fonts are NanumMyeongjo.ttf, NanumMyeongjoBold.ttf, NanumGothic.ttf
// and NanumGothicBold.ttf of Debian's fonts-nanum, unmodified (the SIL Open
// Font License reserves the Nanum names, so a modified font would have to
// be renamed), stored compressed with zstd (6.7 MB for 17.4 MB) and
// decompressed on first use, each face on its own. The OFL 1.1
// (nanum.copyright) allows redistribution with the license and embedding
// subsets in documents; see README.md.
package ko

//go:generate go run ../internal/gen -lang ko

import (
	_ "embed"
	"unicode"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded/internal/efont"
)

// Names and license of the faces.
const (
	// MyeongjoFamily and GothicFamily are the fonts' family names.
	MyeongjoFamily = "NanumMyeongjo"
	GothicFamily   = "NanumGothic"
	// License is the SPDX identifier of the fonts' license.
	License = "OFL-1.1"
	// Copyright is the fonts' copyright notice.
	Copyright = "Copyright (c) 2010, NAVER Corporation (http://www.nhncorp.com), with Reserved Font Name Nanum, " +
		"Naver Nanum, NanumGothic, Naver NanumGothic, NanumMyeongjo, Naver NanumMyeongjo."
)

var (
	//go:embed NanumMyeongjo.ttf.zst
	myeongjoTTF []byte
	//go:embed NanumMyeongjoBold.ttf.zst
	myeongjoBoldTTF []byte
	//go:embed NanumGothic.ttf.zst
	gothicTTF []byte
	//go:embed NanumGothicBold.ttf.zst
	gothicBoldTTF []byte
	// LicenseText is Debian's copyright file of the fonts, with the full
	// text of the SIL Open Font License 1.1.
	//
	//go:embed nanum.copyright
	LicenseText string
)

const (
	source = "Debian fonts-nanum 20200506-1"
	region = "Korean"
)

// hangul are the characters NanumGothic is the fallback for in documents
// in other languages: Hangul syllables and jamo.
var hangul = &unicode.RangeTable{R16: []unicode.Range16{
	{Lo: 0x1100, Hi: 0x11FF, Stride: 1},
	{Lo: 0x3130, Hi: 0x318F, Stride: 1},
	{Lo: 0xA960, Hi: 0xA97F, Stride: 1},
	{Lo: 0xAC00, Hi: 0xD7FF, Stride: 1},
}}

var (
	myeongjo = [2]*fonts.Embedded{
		efont.Register(myeongjoTTF, true, efont.Face{Family: MyeongjoFamily, Style: "Regular", Region: region,
			License: License, Source: source, Uses: []fonts.Use{{Lang: "ko", Role: fonts.RoleBody}}}),
		efont.Register(myeongjoBoldTTF, true, efont.Face{Family: MyeongjoFamily, Style: "Bold", Bold: true, Region: region,
			License: License, Source: source, Uses: []fonts.Use{{Lang: "ko", Role: fonts.RoleBody}}}),
	}
	gothic = [2]*fonts.Embedded{
		efont.Register(gothicTTF, true, efont.Face{Family: GothicFamily, Style: "Regular", Region: region,
			License: License, Source: source, Uses: []fonts.Use{{Lang: "ko", Role: fonts.RoleHeading}, {Role: fonts.RoleFallback, Ranges: hangul}}}),
		efont.Register(gothicBoldTTF, true, efont.Face{Family: GothicFamily, Style: "Bold", Bold: true, Region: region,
			License: License, Source: source, Uses: []fonts.Use{{Lang: "ko", Role: fonts.RoleHeading}}}),
	}
)

func index(bold bool) int {
	if bold {
		return 1
	}
	return 0
}

// Myeongjo returns a Nanum Myeongjo face.
func Myeongjo(bold bool) *fonts.Font { return efont.Must(myeongjo[index(bold)]) }

// Gothic returns a NanumGothic face.
func Gothic(bold bool) *fonts.Font { return efont.Must(gothic[index(bold)]) }
