// Package hant embeds the default fonts of Traditional Chinese documents
// (zh-Hant, zh-TW, zh-HK, zh-MO): AR PL UMing TW, a Ming (serif) face with
// the glyph forms of Taiwan's standard (教育部標準字體) and centred
// punctuation (。，、：；！？ in the middle of their em box), for running
// text, with the AR PL UMing HK glyphs of the characters whose Hong Kong
// forms differ, for zh-HK. Headings use Droid Sans Fallback (package
// embedded) as the Hei face.
//
// Import it for its side effect, which registers the faces with the fonts
// package (the docconv command and formats/all do):
//
//	import _ "github.com/docconv/docconv/fonts/embedded/hant"
//
// The faces come from uming.ttc of Debian's fonts-arphic-uming, trimmed to
// the characters of Big5 with the HKSCS extension and the non-Han
// characters of the font (18,640 characters, 13 MB, stored uncompressed so
// that the first use costs no decompression); Droid Sans Fallback draws the
// rarer ideographs. They are licensed under the Arphic Public License
// (ARPHICPL.TXT), which allows embedding, redistribution and modified
// versions that carry a notice of the change (in the fonts' description);
// see README.md for the source files and the generator.
// The font has no bold face: writers use synthetic bold.
package hant

//go:generate go run ../internal/gen -lang hant

import (
	_ "embed"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded/internal/efont"
)

// Names and license of the faces.
const (
	// Family is the family of the Taiwan face, HKFamily of the Hong Kong
	// one.
	Family   = "AR PL UMing TW"
	HKFamily = "AR PL UMing HK"
	// License is the SPDX identifier of the fonts' license.
	License = "Arphic-1999"
	// Copyright is the fonts' copyright notice.
	Copyright = "Copyright (C) 1994-1999 Arphic Technology Co., Ltd.; modifications by Arne Goetje and the CJKUnifonts project"
	source    = "Debian fonts-arphic-uming 0.2.20080216.2-11"
)

var (
	//go:embed UMingTW.ttf
	twTTF []byte
	//go:embed UMingHK.ttf
	hkTTF []byte
	// LicenseText is the text of the Arphic Public License.
	//
	//go:embed ARPHICPL.TXT
	LicenseText string
)

var (
	tw = efont.Register(twTTF, false, efont.Face{Family: Family, Style: "Light", Region: "Traditional Chinese (Taiwan)",
		License: License, Source: source, Uses: []fonts.Use{{Lang: "zh-Hant", Role: fonts.RoleBody}}})
	hk = efont.Register(hkTTF, false, efont.Face{Family: HKFamily, Style: "Light", Region: "Traditional Chinese (Hong Kong)",
		License: License, Source: source, Uses: []fonts.Use{{Lang: "zh-HK", Role: fonts.RoleBody}}})
)

// Font returns AR PL UMing TW.
func Font() *fonts.Font { return efont.Must(tw) }

// HKFont returns the AR PL UMing HK glyphs that differ from Font's (a
// handful of characters): put it before Font for Hong Kong readers.
func HKFont() *fonts.Font { return efont.Must(hk) }
