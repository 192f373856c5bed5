// Package korean embeds NanumGothic, a TrueType Korean font, for Hangul
// text: the CJK font of package embedded (Droid Sans Fallback Full) has the
// Hangul jamo but only 3 of the 11,172 precomposed Hangul syllables.
//
// It is a package of its own because the font adds about 4.7 MB to a
// binary; programs that convert Korean import it and append Font() to their
// fallback chain:
//
//	chain := append(embedded.DefaultChain(), korean.Font())
//
// NanumGothic (NanumGothic.ttf from Debian's fonts-nanum, version 2020-05)
// is © 2010 NAVER Corporation, licensed under the SIL Open Font License
// 1.1; "Nanum" and "NanumGothic" are Reserved Font Names, so a modified
// version must be renamed (subsets embedded in documents are fine). It has
// a regular face only: use synthetic bold. The Font is parsed once, on
// first use, and is safe for concurrent use.
package korean

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/docconv/docconv/fonts"
)

const (
	// Family is the font's family name.
	Family = "NanumGothic"
	// License is the SPDX identifier of the font's license.
	License = "OFL-1.1"
	// Copyright is the font's copyright notice.
	Copyright = "Copyright (c) 2010, NAVER Corporation (http://www.nhncorp.com), with Reserved Font Name Nanum, " +
		"Naver Nanum, NanumGothic, Naver NanumGothic."
)

//go:embed NanumGothic.ttf
var ttf []byte

// LicenseText is the copyright file of the font, with the full text of the
// SIL Open Font License 1.1.
//
//go:embed NanumGothic.copyright
var LicenseText string

var font = sync.OnceValue(func() *fonts.Font {
	f, err := fonts.Parse(ttf)
	if err != nil {
		// The embedded font is tested; this cannot happen with the file
		// shipped in the module.
		panic(fmt.Sprintf("korean: parsing the embedded font: %v", err))
	}
	return f
})

// Font returns NanumGothic Regular.
func Font() *fonts.Font { return font() }
