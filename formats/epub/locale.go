package epub

import (
	"strings"

	"github.com/docconv/docconv/convert"
)

// script is the writing system family that picks localized labels, the
// font stack and the CSS of a book.
type script int

const (
	scriptOther script = iota // Latin and anything else
	scriptHans                // Simplified Chinese
	scriptHant                // Traditional Chinese
	scriptJa                  // Japanese
	scriptKo                  // Korean
)

// scriptOf classifies a BCP 47 tag: zh-Hant, zh-TW, zh-HK, zh-MO and yue
// are Traditional Chinese; other zh tags are Simplified.
func scriptOf(tag string) script {
	parts := strings.Split(strings.ToLower(tag), "-")
	switch parts[0] {
	case "ja":
		return scriptJa
	case "ko":
		return scriptKo
	case "zh", "cmn", "yue":
		hant := parts[0] == "yue"
		for _, p := range parts[1:] {
			switch p {
			case "hant", "tw", "hk", "mo":
				hant = true
			case "hans", "cn", "sg", "my":
				hant = false
			}
		}
		if hant {
			return scriptHant
		}
		return scriptHans
	}
	return scriptOther
}

// cjk reports whether the script is Chinese, Japanese or Korean.
func (s script) cjk() bool { return s != scriptOther }

// labels are the words the writer adds to a book, in its language.
type labels struct {
	contents string // heading of the navigation document
	figures  string // heading of the figures section
	// figure table columns
	colNo, colFigure, colValue, colUnit, colKind, colSection string
	untitled                                                 string
	landmarks                                                string
	titlePage                                                string
	start                                                    string
	kinds                                                    map[convert.FigureKind]string
}

// kindNames lists the figure kind names in the order of the kind
// constants: money, percent, year, date, count, ordinal, duration,
// quantity.
func kindNames(names ...string) map[convert.FigureKind]string {
	kinds := []convert.FigureKind{convert.KindMoney, convert.KindPercent, convert.KindYear, convert.KindDate,
		convert.KindCount, convert.KindOrdinal, convert.KindDuration, convert.KindQuantity}
	m := make(map[convert.FigureKind]string, len(kinds))
	for i, k := range kinds {
		m[k] = names[i]
	}
	return m
}

// kind returns the name of a figure kind in the book's language.
func (l labels) kind(k convert.FigureKind) string {
	if n, ok := l.kinds[k]; ok {
		return n
	}
	return string(k)
}

var labelsByScript = map[script]labels{
	scriptHans:  {contents: "目录", figures: "数据一览", colNo: "序号", colFigure: "数据", colValue: "数值", colUnit: "单位", colKind: "类型", colSection: "章节", untitled: "无标题", landmarks: "导览", titlePage: "书名页", start: "正文", kinds: kindNames("金额", "百分比", "年份", "日期", "数量", "序数", "时长", "计量")},
	scriptHant:  {contents: "目錄", figures: "數據一覽", colNo: "序號", colFigure: "數據", colValue: "數值", colUnit: "單位", colKind: "類型", colSection: "章節", untitled: "無標題", landmarks: "導覽", titlePage: "書名頁", start: "正文", kinds: kindNames("金額", "百分比", "年份", "日期", "數量", "序數", "時長", "計量")},
	scriptJa:    {contents: "目次", figures: "数値一覧", colNo: "番号", colFigure: "数値", colValue: "値", colUnit: "単位", colKind: "種類", colSection: "節", untitled: "無題", landmarks: "ランドマーク", titlePage: "扉", start: "本文", kinds: kindNames("金額", "割合", "年", "日付", "数量", "序数", "期間", "量")},
	scriptKo:    {contents: "목차", figures: "수치 목록", colNo: "번호", colFigure: "수치", colValue: "값", colUnit: "단위", colKind: "종류", colSection: "절", untitled: "제목 없음", landmarks: "랜드마크", titlePage: "표제지", start: "본문", kinds: kindNames("금액", "백분율", "연도", "날짜", "개수", "서수", "기간", "수량")},
	scriptOther: {contents: "Contents", figures: "Figures", colNo: "No.", colFigure: "Figure", colValue: "Value", colUnit: "Unit", colKind: "Kind", colSection: "Section", untitled: "Untitled", landmarks: "Landmarks", titlePage: "Title page", start: "Start of content", kinds: kindNames("money", "percentage", "year", "date", "count", "ordinal", "duration", "quantity")},
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
