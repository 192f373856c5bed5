package figures_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/figures"
	"github.com/docconv/docconv/convert/normalize"
	_ "github.com/docconv/docconv/formats/markdown"
	_ "github.com/docconv/docconv/formats/text"
)

var update = flag.Bool("update", false, "rewrite golden files")

// readArticle reads a fixture as the CLI does: format from the extension,
// the default clean-up transforms.
func readArticle(t testing.TB, path string) *convert.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	d, err := convert.Read(context.Background(), bytes.NewReader(b), &convert.Options{
		SourcePath: filepath.Base(path), Transforms: normalize.Default()})
	require.NoError(t, err)
	return d
}

// tsv renders figures one a line: Text, Value, Unit, Kind, Bound, Block,
// Paragraph, Section, Sentence.
func tsv(fs []convert.Figure) string {
	var b strings.Builder
	b.WriteString("text\tvalue\tunit\tkind\tbound\tblock\tparagraph\tsection\tsentence\n")
	for _, f := range fs {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\n", f.Text, jsonNum(f.Value), f.Unit, f.Kind, f.Bound,
			f.Block, f.Paragraph, f.Section, f.Sentence)
	}
	return b.String()
}

func jsonNum(v float64) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./convert/figures -update")
	assert.Equal(t, string(want), got, "golden %s (run with -update to rewrite)", path)
}

func TestGoldenSample(t *testing.T) {
	d := readArticle(t, "../../examples/article.txt")
	fs := figures.Extract(d)
	golden(t, "article.tsv", tsv(fs))

	counts := map[convert.FigureKind]int{}
	for _, f := range fs {
		counts[f.Kind]++
	}
	assert.Equal(t, map[convert.FigureKind]int{
		convert.KindYear: 3, convert.KindCount: 2, convert.KindOrdinal: 4, convert.KindDuration: 2,
		convert.KindMoney: 2, convert.KindPercent: 1,
	}, counts)
	find := func(text string) convert.Figure {
		for _, f := range fs {
			if f.Text == text {
				return f
			}
		}
		t.Fatalf("no figure %s", text)
		return convert.Figure{}
	}
	f := find("380億美元")
	assert.Equal(t, 38000000000.0, f.Value)
	assert.Equal(t, "USD", f.Unit)
	assert.Equal(t, convert.KindMoney, f.Kind)
	assert.Equal(t, convert.AtLeast, f.Bound)
	assert.Equal(t, "打造新亮點", f.Section)
	assert.Contains(t, f.Sentence, "380億美元")
	f = find("32%")
	assert.Equal(t, 0.32, f.Value)
	assert.Equal(t, convert.KindPercent, f.Kind)
	assert.Equal(t, convert.KindYear, find("2024年").Kind)
	assert.Equal(t, "同心向未來", find("2024年").Section)
	assert.Equal(t, convert.KindOrdinal, find("第十一次").Kind)
	assert.Equal(t, convert.KindCount, find("兩次").Kind)
	assert.Equal(t, convert.KindDuration, find("十周年").Kind)
	for _, f := range fs {
		for _, bad := range []string{"一是", "二是", "一帶一路", "三股", "黃金三十年", "金色十年", "百年", "兩國"} {
			assert.NotContains(t, f.Text, bad)
		}
	}
}

func TestGoldenFixtures(t *testing.T) {
	paths, err := filepath.Glob("../../testdata/articles/*")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	for _, p := range paths {
		name := filepath.Base(p)
		t.Run(name, func(t *testing.T) {
			d := readArticle(t, p)
			golden(t, strings.TrimSuffix(name, filepath.Ext(name))+".tsv", tsv(figures.Extract(d)))
		})
	}
}

func para(s string) *convert.Paragraph {
	return &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: s}}}
}

func TestExtractStructure(t *testing.T) {
	d := &convert.Document{Meta: convert.Meta{Lang: "zh-Hans"}, Blocks: []convert.Block{
		para("2023年增长5%。"),
		&convert.Heading{Level: 2, Inlines: []convert.Inline{&convert.Text{Text: "二〇二四年展望"}}},
		&convert.List{Ordered: true, Items: [][]convert.Block{{para("开行1.9万列")}, {para("增长15.5%")}}},
		&convert.Quote{Blocks: []convert.Block{para("专家说，投资300亿元。")}},
		&convert.CodeBlock{Text: "x = 42"},
		&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "参数"}, &convert.Code{Text: "PM2.5=35"},
			&convert.Strong{Inlines: []convert.Inline{&convert.Text{Text: "87.2%"}}}}},
		&convert.Table{Header: []convert.Cell{{&convert.Text{Text: "城市"}}, {&convert.Text{Text: "PM2.5(微克/立方米)"}}, {&convert.Text{Text: "比例"}}},
			Rows: [][]convert.Cell{{{&convert.Text{Text: "北京"}}, {&convert.Text{Text: "30.5"}}, {&convert.Text{Text: "79.5%"}}}}},
	}}
	fs := figures.Extract(d)
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%s b%d p%d %q %q %s", f.Text, f.Block, f.Paragraph, f.Section, f.Sentence, f.Unit))
	}
	assert.Equal(t, []string{
		`2023年 b0 p1 "" "2023年增长5%。" year`,
		`5% b0 p1 "" "2023年增长5%。" %`,
		`二〇二四年 b1 p0 "二〇二四年展望" "二〇二四年展望" year`,
		`1.9万列 b2 p2 "二〇二四年展望" "开行1.9万列" 列`,
		`15.5% b2 p2 "二〇二四年展望" "增长15.5%" %`,
		`300亿元 b3 p3 "二〇二四年展望" "专家说，投资300亿元。" CNY`,
		`87.2% b5 p5 "二〇二四年展望" "参数PM2.5=3587.2%" %`,
		`30.5 b6 p6 "二〇二四年展望" "北京 | 30.5 | 79.5%" μg/m³`,
		`79.5% b6 p6 "二〇二四年展望" "北京 | 30.5 | 79.5%" %`,
	}, got)
}

// Superscripts and subscripts read as the page shows them: an exponent
// after a number (2⁷ = 128, 2⁵³ too large to state exactly: no figure,
// never 253), a unit's power, an ordinal suffix; footnote marks and
// chemical indices are no figures.
func TestSupSub(t *testing.T) {
	tx := func(s string) *convert.Text { return &convert.Text{Text: s} }
	sup := func(s string) *convert.Sup { return &convert.Sup{Inlines: []convert.Inline{tx(s)}} }
	sub := func(s string) *convert.Sub { return &convert.Sub{Inlines: []convert.Inline{tx(s)}} }
	d := &convert.Document{Meta: convert.Meta{Lang: "en"}, Blocks: []convert.Block{
		&convert.Paragraph{Inlines: []convert.Inline{tx("Safe integers reach ±2"), sup("53"), tx(" and a byte holds 2"), sup("8"), tx(" values.")}},
		&convert.Paragraph{Inlines: []convert.Inline{tx("The flat has 84 m"), sup("2"), tx(" and came 1"), sup("st"), tx(" of 30 flats.")}},
		&convert.Paragraph{Inlines: []convert.Inline{tx("Water is H"), sub("2"), tx("O, as Smith says"), sup("12"), tx(".")}},
	}}
	var got []string
	for _, f := range figures.Extract(d) {
		got = append(got, fmt.Sprintf("%s=%v %s %s", f.Text, f.Value, f.Unit, f.Kind))
	}
	assert.Equal(t, []string{"2^8 values=256 values count", "84 m²=84 m² quantity", "1st=1  ordinal", "30 flats=30 flats count"}, got)
}

func TestOf(t *testing.T) {
	d := &convert.Document{Blocks: []convert.Block{para("增长32%")}}
	fs := figures.Of(d)
	require.Len(t, fs, 1)
	assert.Nil(t, d.Figures, "Of must not modify the document")
	own := []convert.Figure{{Text: "x", Value: 1, Kind: convert.KindQuantity}}
	d.Figures = own
	assert.Equal(t, own, figures.Of(d))
	d.Figures = []convert.Figure{}
	assert.Empty(t, figures.Of(d), "an empty non-nil list means: analysed, none found")
	assert.Nil(t, figures.Of(nil))
	assert.NotNil(t, figures.Extract(&convert.Document{}))
	assert.NotNil(t, figures.Extract(nil))
}

func TestExtractDoesNotModify(t *testing.T) {
	d := readArticle(t, "../../examples/article.txt")
	before := fmt.Sprintf("%#v", d)
	_ = figures.Extract(d)
	_ = figures.Of(d)
	assert.Equal(t, before, fmt.Sprintf("%#v", d))
}

// FuzzFind checks that Find never panics, that every figure's text is in
// the input, its value finite and bounded (below 10^48: larger numbers are
// "too large", no figure), and that the value is consistent with the text
// under the grammar: Find on the figure's own text, out of its sentence,
// gives a figure with the same value — or none, where the sentence was
// needed to see a figure at all ("the first", "half of", a table unit).
func FuzzFind(f *testing.F) {
	for _, s := range []string{"2023年,兩國貿易額達 410億美元,同比增長32%。", "第十一次", "1100多万", "$41 billion",
		"7至9月", "3 to 5 days", "百分之三十二", "三分之一", "1,419억 달러", "1조 2천억 원", "二〇二四年一月五日",
		"９９９９９９９９９９９９９９９９９９９９９９兆兆兆兆", "-", "第", "1e400", "0.0.0", "一万万万万亿亿亿兆兆",
		"“一”", "《》", "https://", "1-2-3-4", "January 99, 2024", "twenty-", "two-thirds-", "令和", "令和元年",
		"四百五", "一万三", "百二十三万四千五百六十七", "千二百億ドル", "三百五十又3分之1", "负一又二分之一", "３分の２",
		"7천 5백만 달러", "오십이명", "3분의 1", "one hundred and sixty-one", "minus 5", "10^5", "1.2e+14", "2 ½ years",
		"北緯23°29′", "1992（平成4）年1月20日", "二三日", "十三四", "百餘里", "£5592 14s. 2d.", "▲18万人", "10명 중 6명",
		"1至2至3至4至5至6天", "(((((1)))))", "1e99999999999", "一又一又一又二分之一"} {
		f.Add(s, "zh-Hans")
	}
	f.Add("四八・五歳, 平成八年が、九年が", "ja")
	f.Add("스물다섯 살, 세 명, 32만 6,900명", "ko")
	f.Add("twenty-fifth, three and one fourth miles, 5k, 2.5M, 10 bln, C$ 20", "en")
	f.Fuzz(func(t *testing.T, s, lang string) {
		for _, fg := range figures.Find(s, lang) {
			if math.IsNaN(fg.Value) || math.IsInf(fg.Value, 0) || math.Abs(fg.Value) >= 1e48 {
				t.Fatalf("%q: value %v", s, fg.Value)
			}
			if fg.Text == "" || !strings.Contains(s, fg.Text) {
				t.Fatalf("%q: text %q not in input", s, fg.Text)
			}
			if fg.Kind == "" {
				t.Fatalf("%q: no kind", s)
			}
			again := figures.Find(fg.Text, lang)
			if len(again) == 0 {
				continue
			}
			ok := false
			for _, g := range again {
				if g.Value == fg.Value || math.Abs(g.Value-fg.Value) <= 1e-12*math.Abs(fg.Value) {
					ok = true
				}
			}
			if !ok {
				t.Fatalf("%q: figure %q has value %v, but %q alone reads %v", s, fg.Text, fg.Value, fg.Text, again)
			}
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	src, err := os.ReadFile("../../examples/article.txt")
	require.NoError(b, err)
	var blocks []convert.Block
	n := 0
	for n < 1_000_000 {
		for _, line := range strings.Split(string(src), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				blocks = append(blocks, para(line))
				n += len([]rune(line))
			}
		}
	}
	d := &convert.Document{Meta: convert.Meta{Lang: "zh-Hant"}, Blocks: blocks}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		_ = figures.Extract(d)
	}
	b.ReportMetric(float64(n), "chars")
}

func TestTitleFigures(t *testing.T) {
	para := func(s string) convert.Block {
		return &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: s}}}
	}
	d := &convert.Document{Meta: convert.Meta{Title: "台積電擬投資320億美元擴產", Lang: "zh-Hant"},
		Blocks: []convert.Block{para("公司表示，新廠將於2026年量產。")}}
	figs := figures.Extract(d)
	require.Len(t, figs, 2)
	assert.Equal(t, "320億美元", figs[0].Text)
	assert.Equal(t, -1, figs[0].Block)
	assert.Equal(t, 0, figs[0].Paragraph)
	assert.Equal(t, "台積電擬投資320億美元擴產", figs[0].Section)
	assert.Equal(t, 0, figs[1].Block)

	// A heading repeating the title is scanned once, as the heading.
	d.Blocks = append([]convert.Block{&convert.Heading{Level: 1, Inlines: []convert.Inline{&convert.Text{Text: d.Meta.Title}}}}, d.Blocks...)
	figs = figures.Extract(d)
	require.Len(t, figs, 2)
	assert.Equal(t, 0, figs[0].Block)
}

// QA2: a unit in a row label (营业收入（亿元）) applies to the row's bare
// numbers, like a unit in a column header; a unit in a cell wins.
func TestTableRowUnit(t *testing.T) {
	c := func(s string) convert.Cell { return convert.Cell{&convert.Text{Text: s}} }
	d := &convert.Document{Meta: convert.Meta{Lang: "zh-Hans"}, Blocks: []convert.Block{
		&convert.Table{Header: []convert.Cell{c("指标"), c("2024年Q3"), c("2023年Q3"), c("同比变动")},
			Rows: [][]convert.Cell{
				{c("营业收入（亿元）"), c("128.6"), c("104.2"), c("+23.4%")},
				{c("用户（万人）"), c("12"), c("8"), c("")},
				{c("延迟(ms)"), c("1.8 ms"), c("3"), c("")},
				{c("毛利率"), c("22.8%"), c("20.1"), c("")},
				{c("里程（千米）"), c("5"), c(""), c("")},
			}},
	}}
	var got []string
	for _, f := range figures.Extract(d) {
		got = append(got, fmt.Sprintf("%s=%v %s %s", f.Text, f.Value, f.Unit, f.Kind))
	}
	assert.Equal(t, []string{
		"2024年=2024 year year", "Q3=3 quarter ordinal", "2023年=2023 year year", "Q3=3 quarter ordinal",
		"128.6=1.286e+10 CNY money", "104.2=1.042e+10 CNY money", "23.4%=0.234 % percent",
		"12=120000 人 count", "8=80000 人 count",
		"1.8 ms=1.8 milliseconds duration", "3=3 milliseconds duration",
		"22.8%=0.228 % percent", "20.1=20.1  quantity", "5=5 km quantity",
	}, got)
}

// TestFigureBlocks: the numbers of a figure's caption and of a table
// figure's cells are found; an image's alt text is not article text.
func TestFigureBlocks(t *testing.T) {
	d := &convert.Document{Meta: convert.Meta{Lang: "en"}, Blocks: []convert.Block{
		&convert.FigureBlock{Image: &convert.Image{Src: "a.png", Alt: "a chart of 1999"}, Caption: convert.Inlines("Sales grew 32% in 2024.")},
		&convert.FigureBlock{Table: convert.NewTable("Year", "Count").Row("2023", "17 people"), Caption: convert.Inlines("Table of 5 rows")},
	}}
	var texts []string
	for _, f := range figures.Extract(d) {
		texts = append(texts, f.Text)
	}
	assert.Contains(t, texts, "32%")
	assert.Contains(t, texts, "2024")
	assert.Contains(t, texts, "17 people")
	assert.NotContains(t, texts, "1999")
}
