// Package embedded holds docconv's default Latin fonts and its CJK
// coverage fallback, compiled into the binary with go:embed so that a PDF
// or EPUB can be made on a machine without fonts, and registers them with
// the fonts package (fonts.Register) when imported. The body and heading
// faces of each CJK language are in sub-packages, so that a program pays
// only for the languages it imports:
//
//   - hant: AR PL UMing TW/HK, a Ming face with Taiwan's glyph forms and
//     centred punctuation (Traditional Chinese body text);
//   - hans: AR PL SungtiL GB, a Song face (Simplified Chinese body text);
//   - ja: IPAex Mincho and IPAex Gothic (Japanese body text and headings);
//   - ko: Nanum Myeongjo and NanumGothic, regular and bold (Korean body
//     text and headings; NanumGothic is also the Hangul fallback).
//
// formats/all and the docconv command import them all. A program that
// writes PDF with formats/pdf alone links no font data and must import
// the packages of its languages (or give its own fonts).
//
// This package's fonts:
//
//   - Droid Sans Fallback Full (DroidSansFallbackFull.ttf from Debian's
//     fonts-droid-fallback), TrueType, Apache License 2.0, 4 MB: the
//     coverage fallback of every language and the Hei (sans) face of
//     Chinese headings. It covers the CJK Unified Ideographs (20,902 of
//     20,992) and Extension A, hiragana, katakana, bopomofo, Hangul
//     compatibility jamo, the CJK symbols and punctuation and the
//     fullwidth forms. It does NOT cover Hangul syllables (3 of 11,172;
//     package ko), Latin letters and digits, and the General Punctuation
//     block (“”‘’—…‥·) nor 〈〉. Its Han glyphs follow no single regional
//     standard (mostly mainland forms) and it has only a regular face.
//   - Latin: Liberation Sans (headings), Serif (body text) and Mono
//     (code) 2.1 (from github.com/go-fonts/liberation), TrueType, SIL Open
//     Font License 1.1, in regular, bold, italic and bold italic (Mono:
//     regular and bold).
//
// Each font is parsed once, on first use, and the returned *fonts.Font
// values are shared and safe for concurrent use. The license texts are
// exported (CJKLicenseText, LiberationLicenseText, and LicenseText in each
// language package) so that writers can ship them next to an embedded
// font, as the licenses require. README.md files beside the fonts record
// their Debian source packages, versions and SHA-256 sums; the
// internal/gen command (go generate) makes the language packages' files.
//
// See the fonts package for the Font API, the fallback Chain and the
// registry.
package embedded
