package embedded

import (
	_ "embed"
	"fmt"
	"sync"

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

// lazyFont parses an embedded font once, on first use.
type lazyFont struct {
	once sync.Once
	data []byte
	font *fonts.Font
}

func (l *lazyFont) get() *fonts.Font {
	l.once.Do(func() {
		f, err := fonts.Parse(l.data)
		if err != nil {
			// The embedded fonts are tested; this cannot happen with the
			// files shipped in the module.
			panic(fmt.Sprintf("embedded: parsing an embedded font: %v", err))
		}
		l.font = f
	})
	return l.font
}

var (
	cjk   = &lazyFont{data: cjkTTF}
	sans  = [4]*lazyFont{{data: liberationsansregular.TTF}, {data: liberationsansbold.TTF}, {data: liberationsansitalic.TTF}, {data: liberationsansbolditalic.TTF}}
	serif = [4]*lazyFont{{data: liberationserifregular.TTF}, {data: liberationserifbold.TTF}, {data: liberationserifitalic.TTF}, {data: liberationserifbolditalic.TTF}}
	mono  = [2]*lazyFont{{data: liberationmonoregular.TTF}, {data: liberationmonobold.TTF}}
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
// not Hangul syllables (see the package documentation and package korean).
// It has no bold face: use synthetic bold.
func CJK() *fonts.Font { return cjk.get() }

// Sans returns a Liberation Sans face (metric-compatible with Arial).
func Sans(bold, italic bool) *fonts.Font { return sans[style(bold, italic)].get() }

// Serif returns a Liberation Serif face (metric-compatible with Times New
// Roman).
func Serif(bold, italic bool) *fonts.Font { return serif[style(bold, italic)].get() }

// Mono returns a Liberation Mono face (metric-compatible with Courier New),
// for code.
func Mono(bold bool) *fonts.Font { return mono[style(bold, false)].get() }

// DefaultChain returns the default fallback chain: Liberation Sans regular
// for Latin text, then the CJK font.
func DefaultChain() fonts.Chain { return fonts.Chain{Sans(false, false), CJK()} }

// StyledChain returns the chain for a style: the Liberation Sans face of
// that style, then the CJK font (which has a single, regular face).
func StyledChain(bold, italic bool) fonts.Chain { return fonts.Chain{Sans(bold, italic), CJK()} }
