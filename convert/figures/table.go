package figures

import (
	"math"
	"strconv"
	"strings"

	"github.com/docconv/docconv/convert"
)

// script is the label language of the figures table: convert.ScriptOf.
type script = convert.Script

const (
	scriptEn   = convert.ScriptOther
	scriptHans = convert.ScriptHans
	scriptHant = convert.ScriptHant
	scriptJa   = convert.ScriptJa
	scriptKo   = convert.ScriptKo
)

func scriptOf(tag string) script { return convert.ScriptOf(tag) }

// tableLabels are the heading, column titles and kind names of the table.
type tableLabels struct {
	heading string
	cols    [6]string // No, Figure, Value, Unit, Kind, Paragraph
	kinds   [8]string // in the order of allKinds
	units   map[string]string
}

var allKinds = [8]convert.FigureKind{convert.KindMoney, convert.KindPercent, convert.KindYear, convert.KindDate,
	convert.KindCount, convert.KindOrdinal, convert.KindDuration, convert.KindQuantity}

var labels = map[script]tableLabels{
	scriptHant: {"數據一覽", [6]string{"序號", "數字", "數值", "單位", "類別", "段落"},
		[8]string{"金額", "百分比", "年份", "日期", "數量", "序數", "時長", "計量"},
		map[string]string{"years": "年", "months": "個月", "weeks": "週", "days": "天", "hours": "小時",
			"minutes": "分鐘", "seconds": "秒", "milliseconds": "毫秒", "decades": "十年", "quarters": "季", "quarter": "季", "pp": "個百分點"}},
	scriptHans: {"数据一览", [6]string{"序号", "数字", "数值", "单位", "类别", "段落"},
		[8]string{"金额", "百分比", "年份", "日期", "数量", "序数", "时长", "计量"},
		map[string]string{"years": "年", "months": "个月", "weeks": "周", "days": "天", "hours": "小时",
			"minutes": "分钟", "seconds": "秒", "milliseconds": "毫秒", "decades": "十年", "quarters": "个季度", "quarter": "季度", "pp": "个百分点"}},
	scriptJa: {"数値一覧", [6]string{"番号", "表記", "数値", "単位", "種類", "段落"},
		[8]string{"金額", "割合", "年", "日付", "数量", "序数", "期間", "量"},
		map[string]string{"years": "年", "months": "か月", "weeks": "週間", "days": "日", "hours": "時間",
			"minutes": "分", "seconds": "秒", "milliseconds": "ミリ秒", "decades": "十年", "quarters": "四半期", "quarter": "四半期", "pp": "ポイント"}},
	scriptKo: {"수치 목록", [6]string{"번호", "표기", "값", "단위", "종류", "문단"},
		[8]string{"금액", "백분율", "연도", "날짜", "개수", "서수", "기간", "수량"},
		map[string]string{"years": "년", "months": "개월", "weeks": "주", "days": "일", "hours": "시간",
			"minutes": "분", "seconds": "초", "milliseconds": "밀리초", "decades": "십 년", "quarters": "분기", "quarter": "분기", "pp": "%p"}},
	scriptEn: {"Figures", [6]string{"No.", "Figure", "Value", "Unit", "Kind", "Paragraph"},
		[8]string{"money", "percentage", "year", "date", "count", "ordinal", "duration", "quantity"},
		map[string]string{"pp": "percentage points"}},
}

// Heading returns the title of the figures section in a language (a BCP
// 47 tag): 數據一覽 (zh-Hant, zh-TW, zh-HK), 数据一览 (other Chinese),
// 数値一覧 (ja), 수치 목록 (ko), Figures (anything else).
func Heading(lang string) string { return labels[scriptOf(lang)].heading }

// KindName returns the name of a figure kind in a language (金額, 百分比,
// percentage…); an unknown kind is returned as it is.
func KindName(k convert.FigureKind, lang string) string {
	l := labels[scriptOf(lang)]
	for i, kk := range allKinds {
		if kk == k {
			return l.kinds[i]
		}
	}
	return string(k)
}

// Table returns the table of figs that every writer appends with its
// figures option: columns No, Figure (the text as written), Value, Unit,
// Kind and Paragraph, titled in lang (序號 數字 數值 單位 類別 段落 in
// zh-Hant…). Values are written for people, by kind:
//
//   - percent: the percentage with its sign, "32%" (the model's 0.32);
//     percentage points as "1.7" with the unit 個百分點/个百分点/ポイント/%p/
//     percentage points.
//   - money, count, ordinal, duration, quantity: thousands separators,
//     "38,000,000,000", at most 12 significant digits (no float noise).
//   - year: "2023"; date: "2024-01-05", "2024-01", or without a year
//     "1月5日" (zh, ja), "1월 5일" (ko), "January 5" (en); a day alone
//     "15日", "15일", "day 15".
//   - the bound's symbol first: "≥ 38,000,000,000", "≤ 4%", "≈ 30%".
//
// The Unit column is empty where the value says it all (percentages,
// years, dates), names durations and quarters in lang (年, 個月, 天…) and
// an era year's era with its Gregorian year: 康熙二十三年 is "23" with the
// unit "康熙 (1684)".
// Paragraph is empty for a figure in a heading (Paragraph 0). The result
// is a new table; figs is not modified. Without figures the table has its
// header and no rows.
func Table(figs []convert.Figure, lang string) *convert.Table {
	sc := scriptOf(lang)
	l := labels[sc]
	t := &convert.Table{Align: []convert.Alignment{convert.AlignRight, convert.AlignDefault, convert.AlignRight,
		convert.AlignDefault, convert.AlignDefault, convert.AlignRight}}
	for _, c := range l.cols {
		t.Header = append(t.Header, cell(c))
	}
	for i, f := range figs {
		para := ""
		if f.Paragraph > 0 {
			para = strconv.Itoa(f.Paragraph)
		}
		t.Rows = append(t.Rows, []convert.Cell{cell(strconv.Itoa(i + 1)), cell(f.Text), cell(formatValue(f, sc)),
			cell(displayUnit(f, l)), cell(KindName(f.Kind, lang)), cell(para)})
	}
	return t
}

// Section returns the figures section of d: a level 2 heading (Heading)
// and the Table of figures.Of(d), in d.Meta.Lang or, when it is empty, the
// language detected from the text. It returns nil when d has no figures.
// d is not modified.
func Section(d *convert.Document) []convert.Block {
	figs := Of(d)
	if len(figs) == 0 {
		return nil
	}
	lang := d.Meta.Lang
	if lang == "" {
		lang = convert.DocumentLanguage(d)
	}
	return []convert.Block{
		&convert.Heading{Level: 2, Inlines: []convert.Inline{&convert.Text{Text: Heading(lang)}}},
		Table(figs, lang),
	}
}

func cell(s string) convert.Cell {
	if s == "" {
		return nil
	}
	return convert.Cell{&convert.Text{Text: s}}
}

// displayUnit is the Unit column of a figure.
func displayUnit(f convert.Figure, l tableLabels) string {
	switch {
	case f.Kind == convert.KindYear && f.Unit == "year", f.Kind == convert.KindDate && f.Unit == "date",
		f.Kind == convert.KindPercent && f.Unit == "%":
		return ""
	}
	if era, ok := strings.CutPrefix(f.Unit, "year:"); ok && f.Kind == convert.KindYear {
		if f.Date != "" {
			return era + " (" + f.Date + ")" // 康熙 (1684): the era and the Gregorian year
		}
		return era
	}
	if u, ok := l.units[f.Unit]; ok && (f.Kind == convert.KindDuration || f.Kind == convert.KindOrdinal ||
		f.Kind == convert.KindPercent) {
		return u
	}
	return f.Unit
}

// formatValue is the Value column of a figure.
func formatValue(f convert.Figure, sc script) string {
	v := f.Value
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	var s string
	switch {
	case f.Kind == convert.KindPercent:
		s = groupThousands(number(v * 100))
		if f.Unit == "%" {
			s += "%"
		}
	case f.Kind == convert.KindYear && integral(v):
		s = strconv.FormatInt(int64(v), 10)
	case f.Kind == convert.KindDate && integral(v) && v > 0 && v <= 99991231:
		s = formatDate(int(v), sc)
	default:
		s = groupThousands(number(v))
	}
	if sym := f.Bound.Symbol(); sym != "" {
		s = sym + " " + s
	}
	return s
}

// number writes v with at most 12 significant digits, never in exponent
// form (0.1+0.2 → 0.3, 87.20000000000001 → 87.2).
func number(v float64) string {
	if v == 0 {
		return "0"
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		r = v
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// groupThousands puts commas between the thousands of the integer part of
// a number written by number (1234567.5 → 1,234,567.5).
func groupThousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	if len(intPart) <= 3 {
		return sign + s
	}
	var b strings.Builder
	b.WriteString(sign)
	for i := range len(intPart) {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(intPart[i])
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return b.String()
}

var enMonthNames = [13]string{"", "January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// formatDate writes a YYYYMMDD value whose unknown parts are 0.
func formatDate(n int, sc script) string {
	y, m, d := n/10000, n/100%100, n%100
	if m > 12 || d > 31 || m == 0 && d == 0 {
		return strconv.Itoa(n)
	}
	pad := func(k int) string {
		if k < 10 {
			return "0" + strconv.Itoa(k)
		}
		return strconv.Itoa(k)
	}
	if y > 0 {
		switch {
		case m > 0 && d > 0:
			return strconv.Itoa(y) + "-" + pad(m) + "-" + pad(d)
		case m > 0:
			return strconv.Itoa(y) + "-" + pad(m)
		}
		return strconv.Itoa(n)
	}
	ms, ds := strconv.Itoa(m), strconv.Itoa(d)
	switch sc {
	case scriptKo:
		switch {
		case m > 0 && d > 0:
			return ms + "월 " + ds + "일"
		case m > 0:
			return ms + "월"
		}
		return ds + "일"
	case scriptEn:
		switch {
		case m > 0 && d > 0:
			return enMonthNames[m] + " " + ds
		case m > 0:
			return enMonthNames[m]
		}
		return "day " + ds
	}
	switch {
	case m > 0 && d > 0:
		return ms + "月" + ds + "日"
	case m > 0:
		return ms + "月"
	}
	return ds + "日"
}
