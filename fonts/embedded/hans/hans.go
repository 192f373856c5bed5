// Package hans embeds the default body font of Simplified Chinese
// documents (zh, zh-Hans, zh-CN, zh-SG): AR PL SungtiL GB, a Song (serif)
// face with the mainland (GB) glyph forms, covering GB 2312 (6,763
// hanzi); Droid Sans Fallback (package embedded) draws the rarer ideographs
// and the headings, as the Hei face.
//
// Import it for its side effect, which registers the face with the fonts
// package (the docconv command and formats/all do):
//
//	import _ "github.com/docconv/docconv/fonts/embedded/hans"
//
// The font is gbsn00lp.ttf of Debian's fonts-arphic-gbsn00lp, unmodified,
// stored compressed with zstd (1.9 MB for 5.2 MB) and decompressed on first
// use. It is licensed under the Arphic Public License (ARPHICPL.TXT), which
// allows embedding and redistribution; see README.md. It has no bold
// face: writers use synthetic bold.
package hans

//go:generate go run ../internal/gen -lang hans

import (
	_ "embed"

	"github.com/docconv/docconv/fonts"
	"github.com/docconv/docconv/fonts/embedded/internal/efont"
)

// Names and license of the face.
const (
	// Family is the font's family name.
	Family = "AR PL SungtiL GB"
	// License is the SPDX identifier of the font's license.
	License = "Arphic-1999"
	// Copyright is the font's copyright notice.
	Copyright = "Copyright (C) 1994-1999 Arphic Technology Co., Ltd."
)

var (
	//go:embed gbsn00lp.ttf.zst
	ttf []byte
	// LicenseText is the text of the Arphic Public License.
	//
	//go:embed ARPHICPL.TXT
	LicenseText string
)

var song = efont.Register(ttf, true, efont.Face{Family: Family, Style: "Regular", Region: "Simplified Chinese (mainland)",
	License: License, Source: "Debian fonts-arphic-gbsn00lp 2.11-16", Uses: []fonts.Use{{Lang: "zh-Hans", Role: fonts.RoleBody}}})

// Font returns AR PL SungtiL GB.
func Font() *fonts.Font { return efont.Must(song) }
