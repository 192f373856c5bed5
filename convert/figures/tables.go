package figures

import (
	"sort"
	"unicode/utf8"

	"github.com/docconv/docconv/convert"
)

// class says how a unit turns a number into a figure.
type class uint8

const (
	cNone      class = iota
	cMoney           // unit is an ISO 4217 code
	cPercent         // value/100, unit "%"
	cPP              // percentage points: value/100, unit "pp", kind percent
	cTenth           // 成 (zh), 割 (ja): value/10, unit "%"
	cYear            // 年, 년, 年度: a year when the number looks like one, else a duration
	cMonth           // 月, 월: a month (date)
	cDay             // 日, 号, 일: a day of the month (date)
	cDuration        // 天, 个月, hours…: unit is the normalized duration unit
	cAnniv           // 周年: a duration in years
	cCounter         // 次, 人, 个…: kind count, unit as written
	cMeasure         // 公里, km, 吨…: kind quantity, unit normalized
	cTimes           // 倍, 배, times: kind quantity
	cOrdSuffix       // st/nd/rd/th, 번째, 위: kind ordinal
	cAge             // 岁, 歳, 세: kind quantity
	cQuarter         // 季度 after a bare 1–4: an ordinal quarter
)

// unitEntry is a unit as it may be written after a number.
type unitEntry struct {
	s     string
	unit  string // normalized unit; "" means s itself
	class class
	bound convert.Bound // the unit carries a bound (个多月: at least)
	latin bool          // needs a word boundary after it
	place bool          // also ends place names and words (九州, 五行, 十里): not after one Chinese numeral alone
	n     int           // length in runes
}

func (e *unitEntry) name() string {
	if e.unit != "" {
		return e.unit
	}
	return e.s
}

// unitList lists the units. Longer spellings win (个百分点 before 个).
var unitList = []unitEntry{
	// money
	{s: "美元", unit: "USD", class: cMoney}, {s: "美金", unit: "USD", class: cMoney},
	{s: "元", unit: "CNY", class: cMoney}, {s: "圆", unit: "CNY", class: cMoney}, {s: "圓", unit: "CNY", class: cMoney},
	{s: "人民币", unit: "CNY", class: cMoney}, {s: "人民幣", unit: "CNY", class: cMoney},
	{s: "人民币元", unit: "CNY", class: cMoney}, {s: "人民幣元", unit: "CNY", class: cMoney},
	{s: "欧元", unit: "EUR", class: cMoney}, {s: "歐元", unit: "EUR", class: cMoney}, {s: "ユーロ", unit: "EUR", class: cMoney},
	{s: "日元", unit: "JPY", class: cMoney}, {s: "日圓", unit: "JPY", class: cMoney}, {s: "日圆", unit: "JPY", class: cMoney}, {s: "円", unit: "JPY", class: cMoney},
	{s: "韩元", unit: "KRW", class: cMoney}, {s: "韓元", unit: "KRW", class: cMoney}, {s: "韩币", unit: "KRW", class: cMoney}, {s: "韓幣", unit: "KRW", class: cMoney}, {s: "ウォン", unit: "KRW", class: cMoney},
	{s: "坚戈", unit: "KZT", class: cMoney}, {s: "堅戈", unit: "KZT", class: cMoney}, {s: "テンゲ", unit: "KZT", class: cMoney},
	{s: "港元", unit: "HKD", class: cMoney}, {s: "港币", unit: "HKD", class: cMoney}, {s: "港幣", unit: "HKD", class: cMoney},
	{s: "新台币", unit: "TWD", class: cMoney}, {s: "新台幣", unit: "TWD", class: cMoney}, {s: "新臺幣", unit: "TWD", class: cMoney}, {s: "台币", unit: "TWD", class: cMoney}, {s: "台幣", unit: "TWD", class: cMoney}, {s: "臺幣", unit: "TWD", class: cMoney},
	{s: "英镑", unit: "GBP", class: cMoney}, {s: "英鎊", unit: "GBP", class: cMoney}, {s: "ポンド", unit: "GBP", class: cMoney},
	{s: "卢布", unit: "RUB", class: cMoney}, {s: "盧布", unit: "RUB", class: cMoney}, {s: "ルーブル", unit: "RUB", class: cMoney},
	{s: "澳元", unit: "AUD", class: cMoney}, {s: "加元", unit: "CAD", class: cMoney}, {s: "瑞郎", unit: "CHF", class: cMoney},
	{s: "ドル", unit: "USD", class: cMoney}, {s: "人民元", unit: "CNY", class: cMoney}, {s: "元", unit: "CNY", class: cMoney},
	{s: "カナダドル", unit: "CAD", class: cMoney}, {s: "豪ドル", unit: "AUD", class: cMoney}, {s: "香港ドル", unit: "HKD", class: cMoney},
	{s: "台湾ドル", unit: "TWD", class: cMoney}, {s: "加币", unit: "CAD", class: cMoney}, {s: "加幣", unit: "CAD", class: cMoney},
	{s: "銭", unit: "JPY", class: cMoney}, {s: "ペンス", unit: "GBP", class: cMoney}, {s: "ペニー", unit: "GBP", class: cMoney}, {s: "セント", unit: "USD", class: cMoney}, {s: "米ドル", unit: "USD", class: cMoney},
	{s: "원", unit: "KRW", class: cMoney}, {s: "달러", unit: "USD", class: cMoney}, {s: "엔", unit: "JPY", class: cMoney},
	{s: "위안", unit: "CNY", class: cMoney}, {s: "유로", unit: "EUR", class: cMoney}, {s: "텡게", unit: "KZT", class: cMoney},
	{s: "USD", class: cMoney, latin: true}, {s: "EUR", class: cMoney, latin: true}, {s: "CNY", class: cMoney, latin: true},
	{s: "RMB", unit: "CNY", class: cMoney, latin: true}, {s: "JPY", class: cMoney, latin: true}, {s: "KRW", class: cMoney, latin: true},
	{s: "KZT", class: cMoney, latin: true}, {s: "HKD", class: cMoney, latin: true}, {s: "TWD", class: cMoney, latin: true},
	{s: "GBP", class: cMoney, latin: true},
	{s: "dollars", unit: "USD", class: cMoney, latin: true}, {s: "dollar", unit: "USD", class: cMoney, latin: true},
	{s: "euros", unit: "EUR", class: cMoney, latin: true}, {s: "euro", unit: "EUR", class: cMoney, latin: true},
	{s: "yuan", unit: "CNY", class: cMoney, latin: true}, {s: "renminbi", unit: "CNY", class: cMoney, latin: true},
	{s: "yen", unit: "JPY", class: cMoney, latin: true}, {s: "tenge", unit: "KZT", class: cMoney, latin: true},
	{s: "won", unit: "KRW", class: cMoney, latin: true},

	// percentages
	{s: "%", unit: "%", class: cPercent}, {s: "％", unit: "%", class: cPercent}, {s: "‰", unit: "%", class: cPercent},
	{s: "percent", unit: "%", class: cPercent, latin: true}, {s: "per cent", unit: "%", class: cPercent, latin: true},
	{s: "pct", unit: "%", class: cPercent, latin: true}, {s: "퍼센트", unit: "%", class: cPercent},
	{s: "パーセント", unit: "%", class: cPercent}, {s: "プロセント", unit: "%", class: cPercent}, {s: "프로", unit: "%", class: cPercent},
	{s: "个百分点", unit: "pp", class: cPP}, {s: "個百分點", unit: "pp", class: cPP}, {s: "百分点", unit: "pp", class: cPP},
	{s: "百分點", unit: "pp", class: cPP}, {s: "ポイント", unit: "pp", class: cPP}, {s: "%포인트", unit: "pp", class: cPP}, {s: "퍼센트포인트", unit: "pp", class: cPP},
	{s: "%p", unit: "pp", class: cPP, latin: true}, {s: "percentage points", unit: "pp", class: cPP, latin: true},
	{s: "percentage point", unit: "pp", class: cPP, latin: true}, {s: "pp", unit: "pp", class: cPP, latin: true},
	// basis points: Unit "pp", Value v/10000 (15个基点 = 0.0015)
	{s: "个基点", unit: "pp", class: cPP}, {s: "個基點", unit: "pp", class: cPP}, {s: "基点", unit: "pp", class: cPP},
	{s: "基點", unit: "pp", class: cPP}, {s: "basis points", unit: "pp", class: cPP, latin: true}, {s: "bps", unit: "pp", class: cPP, latin: true},
	{s: "bp", unit: "pp", class: cPP, latin: true}, {s: "베이시스포인트", unit: "pp", class: cPP},
	{s: "成", unit: "%", class: cTenth}, {s: "割", unit: "%", class: cTenth},

	// years, dates
	{s: "年", class: cYear}, {s: "年度", class: cYear}, {s: "년", class: cYear}, {s: "년도", class: cYear},
	{s: "月", class: cMonth}, {s: "월", class: cMonth},
	{s: "日", class: cDay}, {s: "号", class: cDay}, {s: "號", class: cDay}, {s: "일", class: cDay},

	// durations
	{s: "周年", unit: "years", class: cAnniv}, {s: "週年", unit: "years", class: cAnniv}, {s: "주년", unit: "years", class: cAnniv},
	{s: "年间", unit: "years", class: cDuration}, {s: "年間", unit: "years", class: cDuration},
	{s: "个月", unit: "months", class: cDuration}, {s: "個月", unit: "months", class: cDuration},
	{s: "个多月", unit: "months", class: cDuration, bound: convert.AtLeast}, {s: "個多月", unit: "months", class: cDuration, bound: convert.AtLeast},
	{s: "か月", unit: "months", class: cDuration}, {s: "カ月", unit: "months", class: cDuration}, {s: "ヶ月", unit: "months", class: cDuration},
	{s: "ヵ月", unit: "months", class: cDuration}, {s: "箇月", unit: "months", class: cDuration}, {s: "개월", unit: "months", class: cDuration},
	{s: "周", unit: "weeks", class: cDuration}, {s: "週", unit: "weeks", class: cDuration}, {s: "週間", unit: "weeks", class: cDuration},
	{s: "星期", unit: "weeks", class: cDuration}, {s: "个星期", unit: "weeks", class: cDuration}, {s: "個星期", unit: "weeks", class: cDuration}, {s: "주", unit: "weeks", class: cDuration},
	{s: "天", unit: "days", class: cDuration},
	// N日前, N日後, N天前, N天后: "N days before/after", durations (not the Nth)
	{s: "日前", unit: "days", class: cDuration}, {s: "日後", unit: "days", class: cDuration}, {s: "日后", unit: "days", class: cDuration},
	{s: "天前", unit: "days", class: cDuration}, {s: "天后", unit: "days", class: cDuration}, {s: "天後", unit: "days", class: cDuration},
	{s: "个工作日", unit: "days", class: cDuration}, {s: "個工作日", unit: "days", class: cDuration}, {s: "工作日", unit: "days", class: cDuration},
	{s: "个工作天", unit: "days", class: cDuration}, {s: "個工作天", unit: "days", class: cDuration}, {s: "工作天", unit: "days", class: cDuration},
	{s: "営業日", unit: "days", class: cDuration}, {s: "영업일", unit: "days", class: cDuration}, {s: "日間", unit: "days", class: cDuration}, {s: "日间", unit: "days", class: cDuration}, {s: "일간", unit: "days", class: cDuration},
	{s: "小时", unit: "hours", class: cDuration}, {s: "小時", unit: "hours", class: cDuration}, {s: "个小时", unit: "hours", class: cDuration},
	{s: "個小時", unit: "hours", class: cDuration}, {s: "時間", unit: "hours", class: cDuration}, {s: "시간", unit: "hours", class: cDuration},
	{s: "分钟", unit: "minutes", class: cDuration}, {s: "分鐘", unit: "minutes", class: cDuration}, {s: "分間", unit: "minutes", class: cDuration}, {s: "분", unit: "minutes", class: cDuration},
	{s: "秒", unit: "seconds", class: cDuration}, {s: "秒钟", unit: "seconds", class: cDuration}, {s: "秒鐘", unit: "seconds", class: cDuration}, {s: "초", unit: "seconds", class: cDuration},
	{s: "years", unit: "years", class: cDuration, latin: true}, {s: "year", unit: "years", class: cDuration, latin: true},
	{s: "months", unit: "months", class: cDuration, latin: true}, {s: "month", unit: "months", class: cDuration, latin: true},
	{s: "weeks", unit: "weeks", class: cDuration, latin: true}, {s: "week", unit: "weeks", class: cDuration, latin: true},
	{s: "days", unit: "days", class: cDuration, latin: true}, {s: "day", unit: "days", class: cDuration, latin: true},
	{s: "hours", unit: "hours", class: cDuration, latin: true}, {s: "hour", unit: "hours", class: cDuration, latin: true},
	{s: "h", unit: "hours", class: cDuration, latin: true},
	{s: "minutes", unit: "minutes", class: cDuration, latin: true}, {s: "minute", unit: "minutes", class: cDuration, latin: true},
	{s: "seconds", unit: "seconds", class: cDuration, latin: true},
	{s: "ms", unit: "milliseconds", class: cDuration, latin: true}, {s: "s", unit: "seconds", class: cDuration, latin: true},
	{s: "毫秒", unit: "milliseconds", class: cDuration}, {s: "milliseconds", unit: "milliseconds", class: cDuration, latin: true},
	{s: "decades", unit: "decades", class: cDuration, latin: true},

	// counters (kind count, unit as written)
	{s: "次", class: cCounter}, {s: "届", class: cCounter}, {s: "屆", class: cCounter}, {s: "名", class: cCounter},
	{s: "人", class: cCounter}, {s: "人次", class: cCounter}, {s: "个", class: cCounter}, {s: "個", class: cCounter},
	{s: "家", class: cCounter}, {s: "项", class: cCounter}, {s: "項", class: cCounter}, {s: "座", class: cCounter},
	{s: "列", class: cCounter}, {s: "所", class: cCounter}, {s: "部", class: cCounter}, {s: "条", class: cCounter},
	{s: "條", class: cCounter}, {s: "件", class: cCounter}, {s: "位", class: cCounter}, {s: "架", class: cCounter},
	{s: "艘", class: cCounter}, {s: "辆", class: cCounter}, {s: "輛", class: cCounter}, {s: "台", class: cCounter},
	{s: "臺", class: cCounter}, {s: "张", class: cCounter}, {s: "張", class: cCounter}, {s: "本", class: cCounter},
	{s: "篇", class: cCounter}, {s: "场", class: cCounter}, {s: "場", class: cCounter}, {s: "轮", class: cCounter},
	{s: "輪", class: cCounter}, {s: "批", class: cCounter}, {s: "种", class: cCounter}, {s: "種", class: cCounter},
	{s: "类", class: cCounter}, {s: "類", class: cCounter}, {s: "份", class: cCounter}, {s: "例", class: cCounter},
	{s: "户", class: cCounter}, {s: "戶", class: cCounter}, {s: "间", class: cCounter}, {s: "間", class: cCounter},
	{s: "栋", class: cCounter}, {s: "棟", class: cCounter}, {s: "套", class: cCounter}, {s: "款", class: cCounter},
	{s: "枚", class: cCounter}, {s: "颗", class: cCounter}, {s: "顆", class: cCounter}, {s: "笔", class: cCounter},
	{s: "筆", class: cCounter}, {s: "趟", class: cCounter}, {s: "班", class: cCounter}, {s: "只", class: cCounter},
	{s: "头", class: cCounter}, {s: "頭", class: cCounter}, {s: "所大学", unit: "所", class: cCounter},
	{s: "部分", class: cCounter}, {s: "字", class: cCounter}, {s: "页", class: cCounter}, {s: "頁", class: cCounter},
	{s: "股", class: cCounter}, // shares: after Arabic digits only (三股势力, 两股力量)
	{s: "标箱", unit: "TEU", class: cCounter}, {s: "標箱", unit: "TEU", class: cCounter}, {s: "TEU", class: cCounter, latin: true},
	{s: "社", class: cCounter}, {s: "校", class: cCounter}, {s: "回", class: cCounter}, {s: "路線", class: cCounter},
	{s: "か国", class: cCounter}, {s: "カ国", class: cCounter}, {s: "ヶ国", class: cCounter}, {s: "ヵ国", class: cCounter},
	{s: "か所", class: cCounter}, {s: "カ所", class: cCounter}, {s: "ヶ所", class: cCounter}, {s: "箇所", class: cCounter},
	{s: "店", class: cCounter}, {s: "軒", class: cCounter}, {s: "冊", class: cCounter}, {s: "機", class: cCounter},
	{s: "隻", class: cCounter}, {s: "つ", class: cCounter}, {s: "点", class: cCounter}, {s: "點", class: cCounter},
	{s: "명", class: cCounter}, {s: "개", class: cCounter}, {s: "곳", class: cCounter}, {s: "건", class: cCounter},
	{s: "회", class: cCounter}, {s: "번", class: cCounter}, {s: "대", class: cCounter}, {s: "개국", class: cCounter},
	{s: "가구", class: cCounter},
	// zh administrative and other counters, ja prose counters
	{s: "县", class: cCounter, place: true}, {s: "縣", class: cCounter, place: true}, {s: "府", class: cCounter, place: true}, {s: "州", class: cCounter, place: true},
	{s: "厅", class: cCounter, place: true}, {s: "廳", class: cCounter, place: true}, {s: "镇", class: cCounter, place: true}, {s: "鎮", class: cCounter, place: true},
	{s: "乡", class: cCounter, place: true}, {s: "鄉", class: cCounter, place: true}, {s: "区", class: cCounter, place: true}, {s: "區", class: cCounter, place: true},
	{s: "门", class: cCounter, place: true}, {s: "門", class: cCounter, place: true}, {s: "水库", class: cCounter}, {s: "水庫", class: cCounter},
	{s: "省", class: cCounter, place: true}, {s: "市", class: cCounter, place: true}, {s: "村", class: cCounter, place: true}, {s: "册", class: cCounter},
	{s: "卷", class: cCounter}, {s: "首", class: cCounter, place: true}, {s: "幅", class: cCounter}, {s: "匹", class: cCounter, place: true},
	{s: "階", class: cCounter, place: true}, {s: "层", class: cCounter, place: true}, {s: "層", class: cCounter, place: true}, {s: "歩", class: cCounter, place: true}, {s: "步", class: cCounter, place: true},
	{s: "行", class: cCounter, place: true}, {s: "畳", class: cCounter}, {s: "人前", class: cCounter}, {s: "杯", class: cCounter, place: true},
	{s: "마리", class: cCounter}, {s: "局", class: cCounter}, {s: "堡", class: cCounter, place: true},
	{s: "國家", class: cCounter}, {s: "国家", class: cCounter}, {s: "か国語", class: cCounter}, {s: "권", class: cCounter}, {s: "채", class: cCounter}, {s: "가지", class: cCounter},
	{s: "里", unit: "里", class: cMeasure, place: true}, {s: "尺", unit: "尺", class: cMeasure, place: true}, {s: "寸", unit: "寸", class: cMeasure, place: true},
	{s: "丈", unit: "丈", class: cMeasure, place: true}, {s: "斤", unit: "斤", class: cMeasure}, {s: "两", unit: "两", class: cMeasure},
	{s: "兩", unit: "兩", class: cMeasure}, {s: "町", unit: "町", class: cMeasure, place: true}, {s: "坪", unit: "坪", class: cMeasure},
	{s: "季度", unit: "quarter", class: cQuarter}, {s: "四半期", unit: "quarter", class: cQuarter}, {s: "분기", unit: "quarter", class: cQuarter},
	{s: "季", unit: "quarter", class: cQuarter}, // only in 前三季 (a duration); 第三季 is read by ordinal

	// measures (kind quantity, unit normalized)
	{s: "公里", unit: "km", class: cMeasure}, {s: "千米", unit: "km", class: cMeasure}, {s: "キロ", unit: "km", class: cMeasure},
	{s: "キロメートル", unit: "km", class: cMeasure}, {s: "キログラム", unit: "kg", class: cMeasure}, {s: "キロワット", unit: "kW", class: cMeasure},
	{s: "グラム", unit: "g", class: cMeasure}, {s: "ミリ", unit: "mm", class: cMeasure}, {s: "センチ", unit: "cm", class: cMeasure},
	{s: "リットル", unit: "L", class: cMeasure}, {s: "ヘクタール", unit: "ha", class: cMeasure}, {s: "平方メートル", unit: "m²", class: cMeasure},
	{s: "平方キロメートル", unit: "km²", class: cMeasure}, {s: "平方キロ", unit: "km²", class: cMeasure},
	{s: "킬로그램", unit: "kg", class: cMeasure}, {s: "킬로", unit: "kg", class: cMeasure}, {s: "미터", unit: "m", class: cMeasure},
	{s: "kilograms", unit: "kg", class: cMeasure, latin: true}, {s: "grams", unit: "g", class: cMeasure, latin: true},
	{s: "mi", class: cMeasure, latin: true}, {s: "lb", class: cMeasure, latin: true}, {s: "lbs", unit: "lb", class: cMeasure, latin: true},
	{s: "°F", class: cMeasure}, {s: "℉", unit: "°F", class: cMeasure},
	{s: "ha", class: cMeasure, latin: true}, {s: "ml", unit: "mL", class: cMeasure, latin: true}, {s: "mL", class: cMeasure, latin: true},
	{s: "mg", class: cMeasure, latin: true}, {s: "μm", class: cMeasure, latin: true}, {s: "cm²", class: cMeasure, latin: true},
	{s: "feet", unit: "ft", class: cMeasure, latin: true}, {s: "ft", class: cMeasure, latin: true}, {s: "inches", unit: "in", class: cMeasure, latin: true},
	{s: "km", class: cMeasure, latin: true}, {s: "킬로미터", unit: "km", class: cMeasure},
	{s: "kilometers", unit: "km", class: cMeasure, latin: true}, {s: "kilometres", unit: "km", class: cMeasure, latin: true},
	{s: "miles", unit: "mi", class: cMeasure, latin: true},
	{s: "metres", unit: "m", class: cMeasure, latin: true}, {s: "meters", unit: "m", class: cMeasure, latin: true},
	{s: "포인트", unit: "포인트", class: cMeasure}, // 2,600.5포인트: index points (%포인트 is pp)
	{s: "pounds", unit: "GBP", class: cMoney, latin: true}, {s: "guineas", unit: "guinea", class: cMoney, latin: true},
	{s: "guinea", unit: "guinea", class: cMoney, latin: true}, {s: "shillings", unit: "GBP", class: cMoney, latin: true},
	{s: "shilling", unit: "GBP", class: cMoney, latin: true}, {s: "pence", unit: "GBP", class: cMoney, latin: true}, {s: "pound", unit: "GBP", class: cMoney, latin: true}, // or lb: see pound
	{s: "米", unit: "m", class: cMeasure}, {s: "m", class: cMeasure, latin: true}, {s: "メートル", unit: "m", class: cMeasure},
	{s: "厘米", unit: "cm", class: cMeasure}, {s: "cm", class: cMeasure, latin: true},
	{s: "毫米", unit: "mm", class: cMeasure}, {s: "mm", class: cMeasure, latin: true},
	{s: "纳米", unit: "nm", class: cMeasure}, {s: "奈米", unit: "nm", class: cMeasure}, {s: "nm", class: cMeasure, latin: true},
	{s: "平方公里", unit: "km²", class: cMeasure}, {s: "平方千米", unit: "km²", class: cMeasure}, {s: "km²", class: cMeasure, latin: true},
	{s: "平方米", unit: "m²", class: cMeasure}, {s: "m²", class: cMeasure, latin: true},
	{s: "立方米", unit: "m³", class: cMeasure}, {s: "m³", class: cMeasure, latin: true},
	{s: "公顷", unit: "ha", class: cMeasure}, {s: "公頃", unit: "ha", class: cMeasure}, {s: "hectares", unit: "ha", class: cMeasure, latin: true},
	{s: "亩", unit: "亩", class: cMeasure}, {s: "畝", unit: "亩", class: cMeasure},
	{s: "吨", unit: "t", class: cMeasure}, {s: "噸", unit: "t", class: cMeasure}, {s: "トン", unit: "t", class: cMeasure}, {s: "톤", unit: "t", class: cMeasure},
	{s: "tonnes", unit: "t", class: cMeasure, latin: true}, {s: "tons", unit: "t", class: cMeasure, latin: true}, {s: "t", class: cMeasure, latin: true},
	{s: "公斤", unit: "kg", class: cMeasure}, {s: "千克", unit: "kg", class: cMeasure}, {s: "kg", class: cMeasure, latin: true},
	{s: "克", unit: "g", class: cMeasure}, {s: "g", class: cMeasure, latin: true},
	{s: "微克/立方米", unit: "μg/m³", class: cMeasure}, {s: "μg/m³", class: cMeasure, latin: true},
	{s: "μg/m3", unit: "μg/m³", class: cMeasure}, {s: "µg/m3", unit: "μg/m³", class: cMeasure}, {s: "µg/m³", unit: "μg/m³", class: cMeasure},
	{s: "µ/m3", unit: "μg/m³", class: cMeasure}, {s: "μm", class: cMeasure}, {s: "µm", unit: "μm", class: cMeasure},
	{s: "micrograms per cubic meter", unit: "μg/m³", class: cMeasure, latin: true},
	{s: "micrograms per cubic metre", unit: "μg/m³", class: cMeasure, latin: true},
	{s: "micrometers", unit: "μm", class: cMeasure, latin: true}, {s: "micrometres", unit: "μm", class: cMeasure, latin: true},
	{s: "microns", unit: "μm", class: cMeasure, latin: true},
	{s: "square kilometres", unit: "km²", class: cMeasure, latin: true}, {s: "square kilometers", unit: "km²", class: cMeasure, latin: true},
	{s: "square miles", unit: "mi²", class: cMeasure, latin: true}, {s: "square metres", unit: "m²", class: cMeasure, latin: true},
	{s: "square meters", unit: "m²", class: cMeasure, latin: true},
	{s: "foot", unit: "ft", class: cMeasure, latin: true}, {s: "meter", unit: "m", class: cMeasure, latin: true},
	{s: "metre", unit: "m", class: cMeasure, latin: true}, {s: "metric-ton", unit: "t", class: cMeasure, latin: true},
	{s: "metric tons", unit: "t", class: cMeasure, latin: true}, {s: "ton", unit: "t", class: cMeasure, latin: true},
	{s: "kilometre", unit: "km", class: cMeasure, latin: true}, {s: "kilometer", unit: "km", class: cMeasure, latin: true},
	{s: "mile", unit: "mi", class: cMeasure, latin: true},
	{s: "センチ", unit: "cm", class: cMeasure},
	{s: "升", unit: "L", class: cMeasure}, {s: "L", class: cMeasure, latin: true},
	{s: "千瓦", unit: "kW", class: cMeasure}, {s: "kW", class: cMeasure, latin: true},
	{s: "兆瓦", unit: "MW", class: cMeasure}, {s: "MW", class: cMeasure, latin: true},
	{s: "吉瓦", unit: "GW", class: cMeasure}, {s: "GW", class: cMeasure, latin: true},
	{s: "千瓦时", unit: "kWh", class: cMeasure}, {s: "千瓦時", unit: "kWh", class: cMeasure}, {s: "kWh", class: cMeasure, latin: true},
	{s: "TWh", class: cMeasure, latin: true}, {s: "GWh", class: cMeasure, latin: true},
	{s: "桶", unit: "bbl", class: cMeasure}, {s: "barrels", unit: "bbl", class: cMeasure, latin: true},
	{s: "摄氏度", unit: "°C", class: cMeasure}, {s: "攝氏度", unit: "°C", class: cMeasure}, {s: "℃", unit: "°C", class: cMeasure}, {s: "°C", class: cMeasure},
	{s: "度", class: cMeasure}, {s: "도", unit: "度", class: cMeasure},
	// CJK compatibility unit signs (one character each, common in Korean
	// and Japanese: 84㎡).
	{s: "㎡", unit: "m²", class: cMeasure}, {s: "㎢", unit: "km²", class: cMeasure}, {s: "㎥", unit: "m³", class: cMeasure},
	{s: "㎞", unit: "km", class: cMeasure}, {s: "㎝", unit: "cm", class: cMeasure}, {s: "㎜", unit: "mm", class: cMeasure},
	{s: "㎏", unit: "kg", class: cMeasure}, {s: "㎎", unit: "mg", class: cMeasure}, {s: "㎖", unit: "mL", class: cMeasure},
	{s: "ℓ", unit: "L", class: cMeasure}, {s: "㏊", unit: "ha", class: cMeasure}, {s: "㎾", unit: "kW", class: cMeasure},
	{s: "㎿", unit: "MW", class: cMeasure}, {s: "㎓", unit: "GHz", class: cMeasure}, {s: "㎒", unit: "MHz", class: cMeasure},
	{s: "GB", class: cMeasure, latin: true}, {s: "TB", class: cMeasure, latin: true},

	// multipliers, ages, ordinal suffixes
	{s: "倍", class: cTimes}, {s: "배", class: cTimes}, {s: "times", class: cTimes, latin: true},
	{s: "岁", unit: "age", class: cAge}, {s: "歲", unit: "age", class: cAge}, {s: "歳", unit: "age", class: cAge}, {s: "세", unit: "age", class: cAge},
	{s: "周岁", unit: "age", class: cAge}, {s: "周歲", unit: "age", class: cAge}, {s: "週歲", unit: "age", class: cAge},
	{s: "足岁", unit: "age", class: cAge}, {s: "足歲", unit: "age", class: cAge}, {s: "虚岁", unit: "age", class: cAge},
	{s: "虛歲", unit: "age", class: cAge}, {s: "살", unit: "age", class: cAge}, {s: "才", unit: "age", class: cAge},
	{s: "番目", class: cOrdSuffix}, {s: "位目", class: cOrdSuffix}, {s: "年生", class: cOrdSuffix}, {s: "年目", class: cOrdSuffix}, {s: "世紀", class: cOrdSuffix}, {s: "世纪", class: cOrdSuffix},
	{s: "学年", class: cOrdSuffix}, {s: "抱へ", class: cMeasure}, {s: "抱え", class: cMeasure}, {s: "帖", class: cCounter},
	{s: "反", class: cMeasure, place: true}, {s: "計画", class: cCounter}, {s: "日以上", unit: "days", class: cDuration, bound: convert.AtLeast},
	{s: "st", class: cOrdSuffix, latin: true}, {s: "nd", class: cOrdSuffix, latin: true},
	{s: "rd", class: cOrdSuffix, latin: true}, {s: "th", class: cOrdSuffix, latin: true},
	{s: "번째", class: cOrdSuffix}, {s: "위", class: cOrdSuffix}, {s: "등", class: cOrdSuffix},
}

// units indexes unitList by first rune, longest first.
var units = func() map[rune][]*unitEntry {
	m := map[rune][]*unitEntry{}
	for i := range unitList {
		e := &unitList[i]
		e.n = utf8.RuneCountInString(e.s)
		r, _ := utf8.DecodeRuneInString(e.s)
		m[r] = append(m[r], e)
	}
	for _, l := range m {
		sort.SliceStable(l, func(i, j int) bool { return l[i].n > l[j].n })
	}
	return m
}()

// unitByName finds a unit whose whole spelling is s (table header units).
func unitByName(s string) *unitEntry {
	r, _ := utf8.DecodeRuneInString(s)
	for _, e := range units[r] {
		if e.s == s {
			return e
		}
	}
	return nil
}

// kindOf gives the figure kind of a simple class.
func kindOf(c class) convert.FigureKind {
	switch c {
	case cMoney:
		return convert.KindMoney
	case cPercent, cPP, cTenth:
		return convert.KindPercent
	case cYear:
		return convert.KindYear
	case cMonth, cDay:
		return convert.KindDate
	case cDuration, cAnniv:
		return convert.KindDuration
	case cCounter:
		return convert.KindCount
	case cOrdSuffix, cQuarter:
		return convert.KindOrdinal
	}
	return convert.KindQuantity
}

// Chinese/Japanese numerals.
var cjkDigit = map[rune]int{
	'〇': 0, '零': 0, '○': 0, '一': 1, '壹': 1, '二': 2, '贰': 2, '貳': 2, '两': 2, '兩': 2,
	'三': 3, '叁': 3, '參': 3, '四': 4, '肆': 4, '五': 5, '伍': 5, '六': 6, '陆': 6, '陸': 6,
	'七': 7, '柒': 7, '八': 8, '捌': 8, '九': 9, '玖': 9,
}

// smallMult are the multipliers below 10^4; 廿 卅 卌 are tens.
var smallMult = map[rune]float64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000, '천': 1000, '백': 100}

var bigMult = map[rune]float64{'万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8, '兆': 1e12, '만': 1e4, '억': 1e8, '조': 1e12}

// English number words.
var enSmall = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

var enScale = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"bn": 1e9, "bln": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12,
}

var enFraction = map[string]int{
	"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
	"fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
	"ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}

var enMonths = map[string]int{
	"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7, "August": 8,
	"September": 9, "October": 10, "November": 11, "December": 12,
	"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}

// enStop are words that follow a number without being its unit.
var enStop = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true, "to": true, "from": true,
	"by": true, "for": true, "with": true, "and": true, "or": true, "but": true, "than": true, "as": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "has": true, "have": true,
	"had": true, "will": true, "would": true, "can": true, "could": true, "may": true, "might": true,
	"that": true, "which": true, "who": true, "this": true, "these": true, "those": true, "it": true,
	"its": true, "their": true, "his": true, "her": true, "our": true, "your": true, "up": true, "down": true,
	"out": true, "over": true, "under": true, "about": true, "more": true, "less": true, "per": true,
	"each": true, "every": true, "into": true, "onto": true, "after": true, "before": true, "since": true,
	"until": true, "when": true, "where": true, "while": true, "if": true, "so": true, "not": true, "no": true,
	"also": true, "only": true, "just": true, "still": true, "all": true, "both": true, "such": true,
	"other": true, "between": true, "through": true, "during": true, "against": true, "among": true,
	"plus": true, "minus": true, "or so": true, "vs": true, "versus": true, "via": true, "said": true,
	"new": true, "last": true, "next": true, "first": true, "most": true, "some": true, "any": true,
	"do": true, "did": true, "does": true, "there": true, "here": true, "then": true, "now": true,
}

// boundWord is a word written around a figure, outside its text, that makes
// it a bound or an approximation.
type boundWord struct {
	s     string
	bound convert.Bound
	r     []rune
}

func boundWords(b convert.Bound, ws ...string) []boundWord {
	out := make([]boundWord, len(ws))
	for i, w := range ws {
		out[i] = boundWord{s: w, bound: b, r: []rune(w)}
	}
	return out
}

// longestFirst sorts bound words so that 不超过 is tried before 超过.
func longestFirst(ws ...[]boundWord) []boundWord {
	var out []boundWord
	for _, w := range ws {
		out = append(out, w...)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].r) > len(out[j].r) })
	return out
}

// Words written before a number (outside the figure's text). 近 and
// "nearly" read as approximations (About), not as upper bounds.
var boundBeforeWords = longestFirst(
	boundWords(convert.About, "约", "約", "约占", "約占", "約佔", "大约", "大約", "约为", "約為", "约是", "約是", "大约为", "大約為", "大约是", "大約是", "近", "将近", "將近", "接近", "大概", "几乎", "幾乎", "差不多", "およそ", "概ね", "おおむね", "ほぼ", "약", "대략",
		"about", "around", "approximately", "roughly", "nearly", "almost", "close to", "some", "an estimated", "estimated"),
	boundWords(convert.AtLeast, "超过", "超過", "逾", "至少", "突破", "不少于", "不少於", "不低于", "不低於", "多于", "多於", "高于", "高於", "最少", "최소",
		"over", "more than", "at least", "upwards of", "above", "in excess of", "no fewer than", "no less than",
		"no earlier than"),
	boundWords(convert.AtMost, "不到", "不足", "不超过", "不超過", "不高于", "不高於", "少于", "少於", "低于", "低於", "最多", "至多", "최대",
		"最大", "under", "less than", "fewer than", "up to", "below", "no more than", "at most", "no later than",
		"less than or equal to", "no greater than", "equal to or less than"),
)

// Words written after a figure (outside its text).
var boundAfterWords = longestFirst(
	boundWords(convert.About, "左右", "上下", "前后", "前後", "程度", "ほど", "近く", "안팎", "가량", "정도", "내외", "가까이", "or so",
		"ぐらい", "くらい", "ぐらゐ", "くらゐ", "ばかり", "ごろ", "頃"),
	boundWords(convert.AtLeast, "以上", "有余", "有餘", "余り", "あまり", "を超える", "を超え", "超", "이상", "여", "or more", "plus",
		"이후", "以降", "and older", "and over", "or older"),
	boundWords(convert.AtMost, "以内", "以內", "以下", "未満", "未滿", "이하", "이내", "미만", "or less", "or fewer", "内", "內"),
)
