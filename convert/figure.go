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
	// 32% is 0.32. For an approximation (20餘年, 1100多万) it is the lower bound.
	Value float64
	// Unit is a normalized unit: an ISO 4217 code for money (USD, CNY), "%"
	// for percentages, "year" for years, or the counter/measure word as
	// written (次, 屆, km…).
	Unit string
	Kind FigureKind
	// Approx marks a lower bound (餘, 多, 超過, "more than").
	Approx bool `json:",omitempty"`
	// Block is the index in Document.Blocks of the top-level block holding
	// the figure; Paragraph is the 1-based number of that block among the
	// document's non-heading top-level blocks.
	Block     int
	Paragraph int
	// Section is the text of the nearest heading before the figure ("" before
	// the first heading).
	Section string
	// Sentence is the sentence the figure came from.
	Sentence string
}
