package json

import "github.com/docconv/docconv/convert"

// SchemaVersion is the value of the "docconv" key this package writes and
// the only one it reads.
const SchemaVersion = 1

// The wire types below fix the key order of the output: encoding/json
// writes struct fields in declaration order.

type wireDoc struct {
	Docconv int          `json:"docconv"`
	Meta    wireMeta     `json:"meta"`
	Blocks  []any        `json:"blocks"`
	Figures []wireFigure `json:"figures,omitempty"`
}

type wireMeta struct {
	Title       string            `json:"title,omitempty"`
	Subtitle    string            `json:"subtitle,omitempty"`
	Authors     []string          `json:"authors,omitempty"`
	Date        string            `json:"date,omitempty"`
	Lang        string            `json:"lang,omitempty"`
	Source      string            `json:"source,omitempty"`
	Identifier  string            `json:"identifier,omitempty"`
	Description string            `json:"description,omitempty"`
	Keywords    []string          `json:"keywords,omitempty"`
	Extra       map[string]string `json:"extra,omitempty"` // encoding/json sorts map keys
}

type wireFigure struct {
	Text      string             `json:"text"`
	Value     float64            `json:"value"`
	Unit      string             `json:"unit"`
	Kind      convert.FigureKind `json:"kind"`
	Date      string             `json:"date,omitempty"`
	Bound     convert.Bound      `json:"bound,omitempty"`
	Block     int                `json:"block"`
	Paragraph int                `json:"paragraph"`
	Section   string             `json:"section"`
	Sentence  string             `json:"sentence"`
	// Approx is the key dumps written before "bound" existed; it is read
	// (true means bound "about" when "bound" is absent) and never written.
	Approx bool `json:"approx,omitempty"`
}

func wireFigureOf(f convert.Figure) wireFigure {
	return wireFigure{Text: f.Text, Value: f.Value, Unit: f.Unit, Kind: f.Kind, Date: f.Date, Bound: f.Bound, Block: f.Block,
		Paragraph: f.Paragraph, Section: f.Section, Sentence: f.Sentence}
}

func (f wireFigure) figure() convert.Figure {
	b := f.Bound
	if b == convert.Exact && f.Approx {
		b = convert.About
	}
	return convert.Figure{Text: f.Text, Value: f.Value, Unit: f.Unit, Kind: f.Kind, Date: f.Date, Bound: b, Block: f.Block,
		Paragraph: f.Paragraph, Section: f.Section, Sentence: f.Sentence}
}

// Blocks.

type wireHeading struct {
	Type    string `json:"type"`
	Level   int    `json:"level"`
	ID      string `json:"id,omitempty"`
	Inlines []any  `json:"inlines"`
}

type wireParagraph struct {
	Type    string `json:"type"`
	Inlines []any  `json:"inlines"`
}

type wireList struct {
	Type    string   `json:"type"`
	Ordered bool     `json:"ordered,omitempty"`
	Start   int      `json:"start,omitempty"`
	Tight   bool     `json:"tight,omitempty"`
	Items   [][]any  `json:"items"`
	Tasks   []string `json:"tasks,omitempty"`
}

type wireQuote struct {
	Type   string `json:"type"`
	Blocks []any  `json:"blocks"`
}

type wireCode struct {
	Type string `json:"type"`
	Lang string `json:"lang,omitempty"`
	Text string `json:"text"`
}

type wireTable struct {
	Type    string              `json:"type"`
	Caption []any               `json:"caption,omitempty"`
	Align   []convert.Alignment `json:"align,omitempty"`
	Header  [][]any             `json:"header,omitempty"`
	Rows    [][][]any           `json:"rows"`
}

type wireRule struct {
	Type string `json:"type"`
}

// Inlines.

type wireText struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

type wireContainer struct {
	Type    string `json:"type"`
	Inlines []any  `json:"inlines"`
}

type wireLink struct {
	Type    string `json:"type"`
	URL     string `json:"url"`
	Title   string `json:"title,omitempty"`
	Inlines []any  `json:"inlines"`
}

type wireNote struct {
	Type   string `json:"type"`
	Blocks []any  `json:"blocks"`
}

// taskNames are the wire names of convert.TaskState values, by value.
var taskNames = [...]string{convert.NoTask: "", convert.TaskUnchecked: "unchecked", convert.TaskChecked: "checked"}

type wireRuby struct {
	Type string `json:"type"`
	Base string `json:"base"`
	Text string `json:"text"`
}

type wireImage struct {
	Type      string `json:"type"`
	Src       string `json:"src"`
	Alt       string `json:"alt,omitempty"`
	Title     string `json:"title,omitempty"`
	Width     int    `json:"width,omitempty"`
	Height    int    `json:"height,omitempty"`
	MediaType string `json:"mediaType,omitempty"`
}

type wireFigureBlock struct {
	Type    string     `json:"type"`
	ID      string     `json:"id,omitempty"`
	Image   *wireImage `json:"image,omitempty"`
	Table   any        `json:"table,omitempty"`
	Caption []any      `json:"caption"`
}
