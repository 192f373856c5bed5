// Package ja embeds the default fonts of Japanese documents: IPAex Mincho
// for running text and IPAex Gothic for headings, with the JIS X 0213:2004
// glyph forms Japanese readers expect (not the Chinese shapes of Droid Sans
// Fallback), covering the JIS X 0208 and 0213 kanji.
//
// Import it for its side effect, which registers the faces with the fonts
// package (the docconv command and formats/all do):
//
//	import _ "github.com/docconv/docconv/fonts/embedded/ja"
//
// The fonts are ipaexm.ttf and ipaexg.ttf of Debian's
// fonts-ipaexfont-mincho and fonts-ipaexfont-gothic, unmodified (the IPA
// Font License forbids a modified font to keep the name), stored
// compressed with zstd (8.9 MB for 13.9 MB) and decompressed on first use,
// each face on its own. The IPA Font License v1.0 (ipaexfont.copyright)
// allows redistributing the unmodified fonts with the license and
// embedding them in documents (PDF subsets included); see README.md. They
// have no bold face: writers use synthetic bold.
package ja

//go:generate go run ../internal/gen -lang ja

import (
	_ "embed"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded/internal/efont"
)

// Names and license of the faces.
const (
	// MinchoFamily and GothicFamily are the fonts' family names.
	MinchoFamily = "IPAexMincho"
	GothicFamily = "IPAexGothic"
	// License is the SPDX identifier of the fonts' license.
	License = "IPA"
	// Copyright is the fonts' copyright notice.
	Copyright = "Copyright (C) Information-technology Promotion Agency, Japan (IPA), 2003-2019; " +
		"2020-2021 Japanese Character Information Technology Promotion Council (CITPC)"
)

var (
	//go:embed ipaexm.ttf.zst
	minchoTTF []byte
	//go:embed ipaexg.ttf.zst
	gothicTTF []byte
	// LicenseText is Debian's copyright file of the fonts, with the IPA
	// Font License Agreement v1.0 in Japanese and English.
	//
	//go:embed ipaexfont.copyright
	LicenseText string
)

const source = "Debian fonts-ipaexfont-mincho / fonts-ipaexfont-gothic 00401-5"

var (
	mincho = efont.Register(minchoTTF, true, efont.Face{Family: MinchoFamily, Style: "Regular", Region: "Japanese (JIS X 0213)",
		License: License, Source: source, Uses: []fonts.Use{{Lang: "ja", Role: fonts.RoleBody}}})
	gothic = efont.Register(gothicTTF, true, efont.Face{Family: GothicFamily, Style: "Regular", Region: "Japanese (JIS X 0213)",
		License: License, Source: source, Uses: []fonts.Use{{Lang: "ja", Role: fonts.RoleHeading}}})
)

// Mincho returns IPAex Mincho.
func Mincho() *fonts.Font { return efont.Must(mincho) }

// Gothic returns IPAex Gothic.
func Gothic() *fonts.Font { return efont.Must(gothic) }
