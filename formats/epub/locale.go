package epub

import "github.com/docconv/docconv/convert"

// script is the writing system family that picks localized labels, the
// font stack and the CSS of a book.
// (convert.ScriptOf tells them apart; this type adds the book's CSS).
type script convert.Script

const (
	scriptOther = script(convert.ScriptOther) // Latin and anything else
	scriptHans  = script(convert.ScriptHans)  // Simplified Chinese
	scriptHant  = script(convert.ScriptHant)  // Traditional Chinese
	scriptJa    = script(convert.ScriptJa)    // Japanese
	scriptKo    = script(convert.ScriptKo)    // Korean
)

func scriptOf(tag string) script { return script(convert.ScriptOf(tag)) }

// cjk reports whether the script is Chinese, Japanese or Korean.
func (s script) cjk() bool { return s != scriptOther }

// labels are the words the writer adds to a book, in its language.
type labels struct {
	contents  string // heading of the navigation document
	untitled  string
	landmarks string
	titlePage string
	start     string
}

var labelsByScript = map[script]labels{
	scriptHans:  {contents: "目录", untitled: "无标题", landmarks: "导览", titlePage: "书名页", start: "正文"},
	scriptHant:  {contents: "目錄", untitled: "無標題", landmarks: "導覽", titlePage: "書名頁", start: "正文"},
	scriptJa:    {contents: "目次", untitled: "無題", landmarks: "ランドマーク", titlePage: "扉", start: "本文"},
	scriptKo:    {contents: "목차", untitled: "제목 없음", landmarks: "랜드마크", titlePage: "표제지", start: "본문"},
	scriptOther: {contents: "Contents", untitled: "Untitled", landmarks: "Landmarks", titlePage: "Title page", start: "Start of content"},
}

// fontStack returns the CSS font-family fallbacks for body text.
func (s script) fontStack() string {
	switch s {
	case scriptHans:
		return `"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", STSong, SimSun, serif`
	case scriptHant:
		return `"Noto Serif CJK TC", "Source Han Serif TC", "Songti TC", PMingLiU, MingLiU, serif`
	case scriptJa:
		return `"Noto Serif CJK JP", "Source Han Serif JP", "Hiragino Mincho ProN", "Yu Mincho", YuMincho, serif`
	case scriptKo:
		return `"Noto Serif CJK KR", "Source Han Serif K", AppleMyungjo, Batang, serif`
	}
	return `Georgia, "Times New Roman", "Liberation Serif", serif`
}

// headingStack returns the CSS font-family fallbacks for headings.
func (s script) headingStack() string {
	switch s {
	case scriptHans:
		return `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif`
	case scriptHant:
		return `"Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", sans-serif`
	case scriptJa:
		return `"Noto Sans CJK JP", "Source Han Sans JP", "Hiragino Sans", "Yu Gothic", YuGothic, sans-serif`
	case scriptKo:
		return `"Noto Sans CJK KR", "Source Han Sans K", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif`
	}
	return `"Helvetica Neue", Arial, "Liberation Sans", sans-serif`
}
