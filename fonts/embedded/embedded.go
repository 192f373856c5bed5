package embedded

import (
	_ "embed"
	"fmt"

	"github.com/docconv/docconv/fonts"
	"github.com/go-fonts/liberation/liberationmonobold"
	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
)

// Names and licenses (SPDX identifiers) of the embedded fonts.
const (
	// CJKFamily is the family name of the CJK font.
	CJKFamily = "Droid Sans Fallback"
	// CJKLicense is the license of the CJK font.
	CJKLicense = "Apache-2.0"
	// CJKCopyright is the copyright notice of the CJK font.
	CJKCopyright = "Copyright © 2006, 2007, 2008, 2009, 2010 Google Corp. Droid is a trademark of Google Corp."

	// SansFamily, SerifFamily and MonoFamily are the Latin families.
	SansFamily  = "Liberation Sans"
	SerifFamily = "Liberation Serif"
	MonoFamily  = "Liberation Mono"
	// LiberationLicense is the license of the Liberation fonts.
	LiberationLicense = "OFL-1.1"
	// LiberationCopyright is the copyright notice of the Liberation fonts.
	LiberationCopyright = "Digitized data copyright (c) 2010 Google Corporation with Reserved Font Arimo, Tinos and Cousine. " +
		"Copyright (c) 2012 Red Hat, Inc. with Reserved Font Name Liberation."
)

// cjkTTF is DroidSansFallbackFull.ttf from Debian's fonts-droid-fallback
// (see DroidSansFallbackFull.copyright).
//
//go:embed DroidSansFallbackFull.ttf
var cjkTTF []byte

// CJKLicenseText is the full text of the Apache License 2.0 of the CJK font.
//
//go:embed LICENSE-Apache-2.0.txt
var CJKLicenseText string

// LiberationLicenseText is the full text of the SIL Open Font License 1.1
// of the Liberation fonts.
//
//go:embed LICENSE-Liberation-OFL.txt
var LiberationLicenseText string

// face registers an embedded TrueType face and returns its registry
// entry.
func face(data []byte, family, style string, bold, italic bool, region, license string, uses ...fonts.Use) *fonts.Embedded {
	e := &fonts.Embedded{Family: family, Style: style, Bold: bold, Italic: italic, Format: fonts.FormatTrueType,
		Region: region, Uses: uses, License: license, Load: func() (*fonts.Font, error) { return fonts.Parse(data) }}
	fonts.Register(e)
	return e
}

// get returns an embedded face's font.
func get(e *fonts.Embedded) *fonts.Font {
	f, err := e.Font()
	if err != nil {
		// The embedded fonts are tested; this cannot happen with the
		// files shipped in the module.
		panic(fmt.Sprintf("embedded: %v", err))
	}
	return f
}

const (
	latin        = "Latin, Greek, Cyrillic"
	liberationPk = "github.com/go-fonts/liberation v0.3.3"
)

var (
	// Droid Sans Fallback is the coverage fallback of every language and
	// the heading (Hei) face of Chinese documents.
	cjk = face(cjkTTF, CJKFamily, "Regular", false, false, "CJK, mainland Chinese forms", CJKLicense,
		fonts.Use{Role: fonts.RoleFallback},
		fonts.Use{Lang: "zh-Hant", Role: fonts.RoleHeading}, fonts.Use{Lang: "zh-Hans", Role: fonts.RoleHeading})
	sans = [4]*fonts.Embedded{
		face(liberationsansregular.TTF, SansFamily, "Regular", false, false, latin, LiberationLicense, fonts.Use{Role: fonts.RoleHeading}),
		face(liberationsansbold.TTF, SansFamily, "Bold", true, false, latin, LiberationLicense, fonts.Use{Role: fonts.RoleHeading}),
		face(liberationsansitalic.TTF, SansFamily, "Italic", false, true, latin, LiberationLicense, fonts.Use{Role: fonts.RoleHeading}),
		face(liberationsansbolditalic.TTF, SansFamily, "Bold Italic", true, true, latin, LiberationLicense, fonts.Use{Role: fonts.RoleHeading}),
	}
	serif = [4]*fonts.Embedded{
		face(liberationserifregular.TTF, SerifFamily, "Regular", false, false, latin, LiberationLicense, fonts.Use{Role: fonts.RoleBody}),
		face(liberationserifbold.TTF, SerifFamily, "Bold", true, false, latin, LiberationLicense, fonts.Use{Role: fonts.RoleBody}),
		face(liberationserifitalic.TTF, SerifFamily, "Italic", false, true, latin, LiberationLicense, fonts.Use{Role: fonts.RoleBody}),
		face(liberationserifbolditalic.TTF, SerifFamily, "Bold Italic", true, true, latin, LiberationLicense, fonts.Use{Role: fonts.RoleBody}),
	}
	mono = [2]*fonts.Embedded{
		face(liberationmonoregular.TTF, MonoFamily, "Regular", false, false, latin, LiberationLicense, fonts.Use{Role: fonts.RoleMono}),
		face(liberationmonobold.TTF, MonoFamily, "Bold", true, false, latin, LiberationLicense, fonts.Use{Role: fonts.RoleMono}),
	}
)

func style(bold, italic bool) int {
	i := 0
	if bold {
		i |= 1
	}
	if italic {
		i |= 2
	}
	return i
}

// CJK returns Droid Sans Fallback Full, a sans-serif TrueType font covering
// Simplified and Traditional Chinese, Japanese kana and CJK punctuation, but
// not Hangul syllables (see the package documentation and package ko).
// It has no bold face: use synthetic bold.
func CJK() *fonts.Font { return get(cjk) }

// Sans returns a Liberation Sans face (metric-compatible with Arial).
func Sans(bold, italic bool) *fonts.Font { return get(sans[style(bold, italic)]) }

// Serif returns a Liberation Serif face (metric-compatible with Times New
// Roman).
func Serif(bold, italic bool) *fonts.Font { return get(serif[style(bold, italic)]) }

// Mono returns a Liberation Mono face (metric-compatible with Courier New),
// for code.
func Mono(bold bool) *fonts.Font { return get(mono[style(bold, false)]) }

// DefaultChain returns the default fallback chain: Liberation Sans regular
// for Latin text, then the CJK font.
func DefaultChain() fonts.Chain { return fonts.Chain{Sans(false, false), CJK()} }

// StyledChain returns the chain for a style: the Liberation Sans face of
// that style, then the CJK font (which has a single, regular face).
func StyledChain(bold, italic bool) fonts.Chain { return fonts.Chain{Sans(bold, italic), CJK()} }
