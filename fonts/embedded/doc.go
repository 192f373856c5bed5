// Package embedded holds docconv's default fonts, compiled into the binary
// with go:embed so that a PDF or EPUB of a Chinese, Japanese or Korean
// article can be made on a machine without CJK fonts. It is a package of its
// own so that only programs that import it pay its size (about 4 MB for the
// CJK font, 0.4 MB per Latin face).
//
// The fonts (see also package fonts/embedded/korean for Hangul):
//
//   - CJK: Droid Sans Fallback Full (DroidSansFallbackFull.ttf from Debian's
//     fonts-droid-fallback package), TrueType, Apache License 2.0. It covers
//     the CJK Unified Ideographs (20,902 of 20,992) and Extension A used by
//     Simplified and Traditional Chinese, hiragana, katakana, bopomofo,
//     Hangul compatibility jamo, the CJK symbols and punctuation
//     (、。「」『』《》【】〔〕〖〗・ー) and the fullwidth forms (，：；！？（）
//     ０-９Ａ-Ｚ). It does NOT cover: Hangul syllables (3 of 11,172; use
//     package fonts/embedded/korean), Latin letters and digits, and the
//     General Punctuation block (“”‘’—…‥·) nor 〈〉: in DefaultChain
//     Liberation Sans draws “”‘’—…·, with Latin (proportional) widths.
//     Its Han glyphs follow no single regional standard; for zh-Hant or ja
//     typography prefer an installed regional font. It has only a regular
//     face.
//   - Latin: Liberation Sans, Serif and Mono 2.1 (from
//     github.com/go-fonts/liberation), TrueType, SIL Open Font License 1.1,
//     in regular, bold, italic and bold italic (Mono: regular and bold).
//
// Each font is parsed once, on first use, and the returned *fonts.Font
// values are shared and safe for concurrent use. The license texts are
// exported (CJKLicenseText, LiberationLicenseText) so writers can ship them
// next to an embedded font subset, as both licenses require.
//
// See the fonts package for the Font API and the fallback Chain.
package embedded
