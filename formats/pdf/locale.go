package pdf

import (
	"slices"
	"strconv"
	"strings"
)

// locale holds the words the writer adds to a document, in its language.
type locale struct {
	contents  string
	authorSep string
	folio     func(n, total int) string
}

// script returns "Hant" or "Hans" for a Chinese tag (default Hans), "" for
// other languages.
func chineseScript(tag string) string {
	t := strings.ToLower(tag)
	if !strings.HasPrefix(t, "zh") && !strings.HasPrefix(t, "yue") && !strings.HasPrefix(t, "cmn") {
		return ""
	}
	switch {
	case strings.Contains(t, "hant"), strings.Contains(t, "-tw"), strings.Contains(t, "-hk"), strings.Contains(t, "-mo"), strings.HasPrefix(t, "yue"):
		return "Hant"
	}
	return "Hans"
}

func localeFor(tag string) locale {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	switch chineseScript(tag) {
	case "Hant":
		return locale{
			contents: "目錄", authorSep: "、",
			folio: func(n, _ int) string { return "第 " + strconv.Itoa(n) + " 頁" },
		}
	case "Hans":
		return locale{
			contents: "目录", authorSep: "、",
			folio: func(n, _ int) string { return "第 " + strconv.Itoa(n) + " 页" },
		}
	}
	switch base {
	case "ja":
		return locale{
			contents: "目次", authorSep: "、",
			folio: func(n, total int) string { return strconv.Itoa(n) + " / " + strconv.Itoa(total) },
		}
	case "ko":
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
