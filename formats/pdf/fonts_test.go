package pdf

import (
	// The default faces the tests lay out and render with.
	_ "github.com/docconv/docconv/fonts/embedded"
	_ "github.com/docconv/docconv/fonts/embedded/hans"
	_ "github.com/docconv/docconv/fonts/embedded/hant"
	_ "github.com/docconv/docconv/fonts/embedded/ja"
	_ "github.com/docconv/docconv/fonts/embedded/ko"
)

func mustFontSet(lang string, cjk bool) *fontSet {
	fs, err := newFontSet(nil, lang, cjk)
	if err != nil {
		panic(err)
	}
	return fs
}
