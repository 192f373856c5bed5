package convert

// FigureKind classifies a Figure.
type FigureKind string

// The kinds of figure.
const (
	KindMoney    FigureKind = "money"    // 380億美元, $41 billion
	KindPercent  FigureKind = "percent"  // 32%, 百分之三十二, 三成 (Value is a fraction: 0.32)
	KindYear     FigureKind = "year"     // 2023年, in 2024
	KindDate     FigureKind = "date"     // 1月5日, 2024-01-05
	KindCount    FigureKind = "count"    // 兩次, 5 people
	KindOrdinal  FigureKind = "ordinal"  // 第十一次, 第三屆, 3rd
	KindDuration FigureKind = "duration" // 六年, 十周年, 3 months
	KindQuantity FigureKind = "quantity" // 100公里, 5 tonnes, bare numbers
)

// Figure is one figure found in a document's text.
type Figure struct {
	// Text is the figure as written, unit included ("380億美元").
	Text string
	// Value is the number, exact where float64 allows: 380億 is 3.8e10,
	// 32% is 0.32. It is the number written: for 20餘年 or 1100多万 (lower
	// bounds) the bound, for "less than 4%" 0.04; Bound says how the real
	// quantity relates to it.
	Value float64
	// Unit is a normalized unit: an ISO 4217 code for money (USD, CNY), "%"
	// for percentages, "year" for years, or the counter/measure word as
	// written (次, 屆, km…).
	Unit string
	Kind FigureKind
	// Date is the figure's date in ISO 8601 text, for dates and years: a
	// complete date "2024-01-05", a month "2024-01", a partial date without
	// a year "--03-15" (3月15日) or "--04" (四月), a day alone "---15"; for a
	// year its Gregorian year, "2024" — also for an era year, whose Value is
	// the year of the era (康熙二十三年: Value 23, Unit "year:康熙", Date
	// "1684"). Empty for other kinds.
	Date string `json:",omitempty"`
	// Bound says whether Value is exact (the zero value), a lower bound
	// (超過, 以上, 20餘年, "more than"), an upper bound (不到, 以下, "less
	// than", "up to") or an approximation (約, 左右, "about").
	Bound Bound `json:",omitempty"`
	// Block is the index in Document.Blocks of the top-level block holding
	// the figure, or -1 for a figure of the title (Meta.Title); Paragraph is
	// the 1-based number of that block among the document's non-heading
	// top-level blocks, 0 for headings and the title.
	Block     int
	Paragraph int
	// Section is the text of the nearest heading before the figure ("" before
	// the first heading).
	Section string
	// Sentence is the sentence the figure came from.
	Sentence string
}

// Bound says how the quantity a figure states relates to its Value.
type Bound string

// The bounds. The zero value is Exact.
const (
	// Exact: the figure states the value itself (32%).
	Exact Bound = ""
	// AtLeast: Value is a lower bound (超過380億美元, 50項以上, 20餘年,
	// 1100多万, "more than $80 billion", "at least").
	AtLeast Bound = "at-least"
	// AtMost: Value is an upper bound (不到5%, 10萬元以下, 24小時以內,
	// "less than 4%", "under $5 million", "up to 12%").
	AtMost Bound = "at-most"
	// About: Value is an approximation (約, 近, 左右, 上下, "about",
	// "around", "roughly", "nearly").
	About Bound = "about"
)

// Symbol returns the sign a table writes before the value: "≥" for
// AtLeast, "≤" for AtMost, "≈" for About and "" for Exact (or an unknown
// bound).
func (b Bound) Symbol() string {
	switch b {
	case AtLeast:
		return "≥"
	case AtMost:
		return "≤"
	case About:
		return "≈"
	}
	return ""
}
