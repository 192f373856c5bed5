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
	cover     string
	start     string
}

var labelsByScript = map[script]labels{
	scriptHans:  {contents: "目录", untitled: "无标题", landmarks: "导览", titlePage: "书名页", cover: "封面", start: "正文"},
	scriptHant:  {contents: "目錄", untitled: "無標題", landmarks: "導覽", titlePage: "書名頁", cover: "封面", start: "正文"},
	scriptJa:    {contents: "目次", untitled: "無題", landmarks: "ランドマーク", titlePage: "扉", cover: "表紙", start: "本文"},
	scriptKo:    {contents: "목차", untitled: "제목 없음", landmarks: "랜드마크", titlePage: "표제지", cover: "표지", start: "본문"},
	scriptOther: {contents: "Contents", untitled: "Untitled", landmarks: "Landmarks", titlePage: "Title page", cover: "Cover", start: "Start of content"},
}

// The font stacks name first the family the PDF writer sets the same text
// in by default (the faces embedded in docconv: fonts/embedded and its
// language packages), so that the EPUB and the PDF of an article look
// alike on a reading system that has it, then the regional families of
// the common systems (Noto CJK and Source Han on Linux and Android,
// Apple's and Microsoft's), in the same style: Ming/Song, Mincho and
// Myeongjo faces for body text, Hei, Gothic and Dotum faces for headings.
// The CJK families come before the Latin ones so that quotes, dashes and
// ellipses take their full-width CJK forms.

// fontStack returns the CSS font-family fallbacks for body text.
func (s script) fontStack() string {
	switch s {
	case scriptHans:
		return `"AR PL SungtiL GB", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", STSong, SimSun, "AR PL UMing CN", "Liberation Serif", serif`
	case scriptHant:
		return `"AR PL UMing TW", "Noto Serif CJK TC", "Source Han Serif TC", "Songti TC", PMingLiU, MingLiU, "AR PL Mingti2L Big5", "Liberation Serif", serif`
	case scriptJa:
		return `IPAexMincho, "Noto Serif CJK JP", "Source Han Serif JP", "Hiragino Mincho ProN", "Yu Mincho", YuMincho, "MS PMincho", "Liberation Serif", serif`
	case scriptKo:
		return `NanumMyeongjo, "Noto Serif CJK KR", "Source Han Serif KR", "Source Han Serif K", AppleMyungjo, Batang, "Liberation Serif", serif`
	}
	return `"Liberation Serif", "Times New Roman", Times, Georgia, serif`
}

// headingStack returns the CSS font-family fallbacks for headings. In
// Chinese, the regional families come before Droid Sans Fallback, the
// PDF's Hei face, whose Han glyphs follow no single region's forms.
func (s script) headingStack() string {
	switch s {
	case scriptHans:
		return `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Droid Sans Fallback", "Liberation Sans", sans-serif`
	case scriptHant:
		return `"Noto Sans CJK TC", "Source Han Sans TC", "PingFang TC", "Microsoft JhengHei", "Droid Sans Fallback", "Liberation Sans", sans-serif`
	case scriptJa:
		return `IPAexGothic, "Noto Sans CJK JP", "Source Han Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", YuGothic, Meiryo, "Liberation Sans", sans-serif`
	case scriptKo:
		return `NanumGothic, "Noto Sans CJK KR", "Source Han Sans KR", "Source Han Sans K", "Apple SD Gothic Neo", "Malgun Gothic", Dotum, "Liberation Sans", sans-serif`
	}
	return `"Liberation Sans", Arial, "Helvetica Neue", Helvetica, sans-serif`
}
