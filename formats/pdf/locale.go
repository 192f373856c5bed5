package pdf

import (
	"slices"
	"strconv"

	"github.com/docconv/docconv/convert"
)

// locale holds the words the writer adds to a document, in its language.
type locale struct {
	contents  string
	authorSep string
	folio     func(n, total int) string
}

func localeFor(tag string) locale {
	switch convert.ScriptOf(tag) {
	case convert.ScriptHant:
		return locale{
			contents: "目錄", authorSep: "、",
			folio: func(n, _ int) string { return "第 " + strconv.Itoa(n) + " 頁" },
		}
	case convert.ScriptHans:
		return locale{
			contents: "目录", authorSep: "、",
			folio: func(n, _ int) string { return "第 " + strconv.Itoa(n) + " 页" },
		}
	case convert.ScriptJa:
		return locale{
			contents: "目次", authorSep: "、",
			folio: func(n, total int) string { return strconv.Itoa(n) + " / " + strconv.Itoa(total) },
		}
	case convert.ScriptKo:
		return locale{
			contents: "목차", authorSep: ", ",
			folio: func(n, total int) string { return strconv.Itoa(n) + " / " + strconv.Itoa(total) },
		}
	}
	return locale{
		contents: "Contents", authorSep: ", ",
		folio: func(n, total int) string { return strconv.Itoa(n) + " / " + strconv.Itoa(total) },
	}
}

func sortRunes(rs []rune) { slices.Sort(rs) }
