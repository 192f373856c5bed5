package pdf

import (
	"slices"
	"strconv"
	"strings"

	"github.com/docconv/docconv/convert"
)

// locale holds the words the writer adds to a document, in its language.
type locale struct {
	contents   string
	figures    string
	figureCols []string
	kinds      map[convert.FigureKind]string
	authorSep  string
	folio      func(n, total int) string
}

func (l locale) kind(k convert.FigureKind) string {
	if s, ok := l.kinds[k]; ok {
		return s
	}
	return string(k)
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
			contents: "目錄", figures: "數據一覽", authorSep: "、",
			figureCols: []string{"序號", "數據", "數值", "單位", "類型"},
			kinds: map[convert.FigureKind]string{convert.KindMoney: "金額", convert.KindPercent: "百分比", convert.KindYear: "年份",
				convert.KindDate: "日期", convert.KindCount: "數量", convert.KindOrdinal: "序數", convert.KindDuration: "時長", convert.KindQuantity: "數值"},
			folio: func(n, _ int) string { return "第 " + strconv.Itoa(n) + " 頁" },
		}
	case "Hans":
		return locale{
			contents: "目录", figures: "数据一览", authorSep: "、",
			figureCols: []string{"序号", "数据", "数值", "单位", "类型"},
			kinds: map[convert.FigureKind]string{convert.KindMoney: "金额", convert.KindPercent: "百分比", convert.KindYear: "年份",
				convert.KindDate: "日期", convert.KindCount: "数量", convert.KindOrdinal: "序数", convert.KindDuration: "时长", convert.KindQuantity: "数值"},
			folio: func(n, _ int) string { return "第 " + strconv.Itoa(n) + " 页" },
		}
	}
	switch base {
	case "ja":
		return locale{
			contents: "目次", figures: "数値一覧", authorSep: "、",
			figureCols: []string{"番号", "表記", "数値", "単位", "種類"},
			kinds: map[convert.FigureKind]string{convert.KindMoney: "金額", convert.KindPercent: "割合", convert.KindYear: "年",
				convert.KindDate: "日付", convert.KindCount: "数量", convert.KindOrdinal: "序数", convert.KindDuration: "期間", convert.KindQuantity: "数量"},
			folio: func(n, total int) string { return strconv.Itoa(n) + " / " + strconv.Itoa(total) },
		}
	case "ko":
		return locale{
			contents: "목차", figures: "수치 목록", authorSep: ", ",
			figureCols: []string{"번호", "표기", "값", "단위", "종류"},
			kinds: map[convert.FigureKind]string{convert.KindMoney: "금액", convert.KindPercent: "비율", convert.KindYear: "연도",
				convert.KindDate: "날짜", convert.KindCount: "개수", convert.KindOrdinal: "서수", convert.KindDuration: "기간", convert.KindQuantity: "수량"},
			folio: func(n, total int) string { return strconv.Itoa(n) + " / " + strconv.Itoa(total) },
		}
	}
	return locale{
		contents: "Contents", figures: "Figures", authorSep: ", ",
		figureCols: []string{"No", "Figure", "Value", "Unit", "Kind"},
		folio:      func(n, total int) string { return strconv.Itoa(n) + " / " + strconv.Itoa(total) },
	}
}

func sortRunes(rs []rune) { slices.Sort(rs) }
