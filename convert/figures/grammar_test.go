package figures

import (
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
)

// grammarCase is one numeral with its exact value (a decimal or a
// fraction "a/b"), unit and kind.
type grammarCase struct {
	lang, text string
	want       string // "Text=Value Unit kind[bound]"; Value exact: "1234567", "0.002", "1/3"
}

// exactly reports whether v is the float64 nearest to the exact value s.
func exactly(t *testing.T, s string, v float64) bool {
	r, ok := new(big.Rat).SetString(s)
	require.True(t, ok, s)
	f, _ := r.Float64()
	return f == v
}

// checkGrammar runs Find and compares the one figure it must give, its
// value checked exactly (the nearest float64 to the exact value).
func checkGrammar(t *testing.T, cases []grammarCase) {
	t.Helper()
	for _, c := range cases {
		figs := Find(c.text, c.lang)
		text, rest, _ := strings.Cut(c.want, "=")
		val, rest, _ := strings.Cut(rest, " ")
		if !assert.Len(t, figs, 1, "%s %q: %v", c.lang, c.text, figs) {
			continue
		}
		f := figs[0]
		assert.Equal(t, text, f.Text, "%s %q", c.lang, c.text)
		assert.True(t, exactly(t, val, f.Value), "%s %q: value %v, want exactly %s", c.lang, c.text, f.Value, val)
		got := f.Unit + " " + string(f.Kind) + f.Bound.Symbol()
		assert.Equal(t, rest, got, "%s %q", c.lang, c.text)
	}
}

// Issue 9's table: every row, exactly.
func TestGrammarIssueTable(t *testing.T) {
	checkGrammar(t, []grammarCase{
		{"zh-Hans", "四百五", "四百五=450  quantity"},
		{"zh-Hans", "一万三", "一万三=13000  quantity"},
		{"ja", "百二十三万四千五百六十七", "百二十三万四千五百六十七=1234567  quantity"},
		{"ja", "千二百億ドル", "千二百億ドル=120000000000 USD money"},
		{"ja", "三千二百十七", "三千二百十七=3217  quantity"},
		{"ja", "二千十八年", "二千十八年=2018 year year"},
		{"zh-Hans", "一千零十二", "一千零十二=1012  quantity"},
		{"en", "one hundred and sixty-one", "one hundred and sixty-one=161  quantity"},
		{"zh-Hans", "负40%", "负40%=-0.4 % percent"},
		{"en", "minus 5", "minus 5=-5  quantity"},
		{"zh-Hans", "三百五十又3分之1", "三百五十又3分之1=1051/3  quantity"},
		{"zh-Hans", "负一又二分之一", "负一又二分之一=-1.5  quantity"},
		{"ja", "３分の２", "３分の２=2/3 % percent"},
		{"ja", "四分の三", "四分の三=0.75 % percent"},
		{"ja", "19パーセント", "19パーセント=0.19 % percent"},
		{"ja", "九パーセント", "九パーセント=0.09 % percent"},
		{"ja", "３ダース", "３ダース=36  quantity"},
		{"en", "10 bln", "10 bln=10000000000  quantity"},
		{"en", "5k", "5k=5000  quantity"},
		{"en", "2.5M", "2.5M=2500000  quantity"},
		{"ja", "１，２３４，５６７", "１，２３４，５６７=1234567  quantity"},
		{"en", ".5", ".5=0.5  quantity"},
		{"ja", "2222円13銭", "2222円13銭=2222.13 JPY money"},
		{"en", "3 dollars 50 cents", "3 dollars 50 cents=3.5 USD money"},
		{"ko", "오십이명", "오십이명=52 명 count"},
		{"ko", "이십 퍼센트", "이십 퍼센트=0.2 % percent"},
		{"ko", "7천 5백만 달러", "7천 5백만 달러=75000000 USD money"},
		{"ko", "3분의 1", "3분의 1=1/3 % percent"},
		{"en", "twenty-fifth", "twenty-fifth=25  ordinal"},
		{"ja", "二番目", "二番目=2 番目 ordinal"},
		{"ja", "1000万人民元", "1000万人民元=10000000 CNY money"},
		{"zh-Hans", "七周岁", "七周岁=7 age quantity"},
		{"en", "C$ 20", "C$ 20=20 CAD money"},
		{"en", "HK$ 20", "HK$ 20=20 HKD money"},
		{"ja", "5キログラム", "5キログラム=5 kg quantity"},
		{"ja", "牛肉10ポンド", "10ポンド=10 lb quantity"},
	})
}

// The rules of the numeral grammar (doc.go), one table each.
func TestGrammarChineseJapanese(t *testing.T) {
	checkGrammar(t, []grammarCase{
		// positional 十百千 with implicit 一
		{"zh-Hans", "共十二人", "十二人=12 人 count"},
		{"ja", "百二十三", "百二十三=123  quantity"},
		{"ja", "千五百里", "千五百里=1500 里 quantity"},
		{"zh-Hans", "二千十八", "二千十八=2018  quantity"},
		// elliptical tails
		{"zh-Hans", "两千三", "两千三=2300  quantity"},
		{"zh-Hans", "三亿五", "三亿五=350000000  quantity"},
		{"zh-Hans", "一万三千", "一万三千=13000  quantity"},
		// 零/〇 gaps
		{"zh-Hans", "一千零五", "一千零五=1005  quantity"},
		{"zh-Hans", "一万零三百", "一万零三百=10300  quantity"},
		{"zh-Hans", "二〇二四年", "二〇二四年=2024 year year"},
		// big multipliers and chains
		{"zh-Hans", "3万亿元", "3万亿元=3000000000000 CNY money"},
		{"zh-Hans", "四万万人", "四万万人=400000000 人 count"},
		{"ja", "1京円", "1京円=10000000000000000 JPY money"},
		{"ja", "2兆円", "2兆円=2000000000000 JPY money"},
		{"zh-Hans", "2.07亿元", "2.07亿元=207000000 CNY money"},
		{"zh-Hant", "廿三人", "廿三人=23 人 count"},
		// decimals 点/點/・ and fullwidth digits
		{"zh-Hans", "三点五亿人", "三点五亿人=350000000 人 count"},
		{"ja", "〇・二%", "〇・二%=0.002 % percent"},
		{"ja", "四八・五歳", "四八・五歳=48.5 age quantity"},
		{"ja", "３８０億円", "３８０億円=38000000000 JPY money"},
		// signs
		{"ja", "マイナス5%", "マイナス5%=-0.05 % percent"},
		{"zh-Hant", "負3.5%", "負3.5%=-0.035 % percent"},
		{"en", "fell −4.3%", "−4.3%=-0.043 % percent"},
		{"ja", "減少 ▲18万人", "▲18万人=-180000 人 count"},
		// fractions and mixed numbers
		{"zh-Hans", "三分之一", "三分之一=1/3 % percent"},
		{"zh-Hans", "百分之三十二", "百分之三十二=0.32 % percent"},
		{"zh-Hans", "二又四分之三公里", "二又四分之三公里=2.75 km quantity"},
		// powers of ten in text
		{"en", "about 10^5 cells", "10^5 cells=100000 cells count≈"},
		{"en", "1.2e+14 bytes", "1.2e+14 bytes=120000000000000 bytes count"},
		{"en", "3×10^8 m", "3×10^8 m=300000000 m quantity"},
		{"en", "10⁵ stars", "10⁵ stars=100000 stars count"},
		// bounds and fuzzy numerals
		{"zh-Hant", "百餘里", "百餘里=100 里 quantity≥"},
		{"zh-Hans", "十三四岁", "十三四岁=13 age quantity≥"},
		{"ja", "二三日後", "二三日後=2 days duration≥"},
		{"ja", "十何年", "十何年=10 years duration≥"},
		// halves
		{"ja", "四畳半", "四畳半=4.5 畳 count"},
		{"ja", "半日", "半日=0.5 days duration"},
		// compound amounts
		{"zh-Hans", "3元5角", "3元5角=3.5 CNY money"},
		{"zh-Hans", "3斤2两", "3斤2两=3.2 斤 quantity"},
		{"zh-Hant", "3斤2兩", "3斤2兩=3.125 斤 quantity"},
	})
}

func TestGrammarKorean(t *testing.T) {
	checkGrammar(t, []grammarCase{
		{"ko", "삼백 명", "삼백 명=300 명 count"},
		{"ko", "이천이십사 년", "이천이십사 년=2024 year year"},
		{"ko", "3억 원", "3억 원=300000000 KRW money"},
		{"ko", "1조 2천억 원", "1조 2천억 원=1200000000000 KRW money"},
		{"ko", "32만 6,900명", "32만 6,900명=326900 명 count"},
		{"ko", "1,419억 달러", "1,419억 달러=141900000000 USD money"},
		{"ko", "세 명", "세 명=3 명 count"},
		{"ko", "스물다섯 살", "스물다섯 살=25 age quantity"},
		{"ko", "열두 시간", "열두 시간=12 hours duration"},
		{"ko", "10명 중 6명", "10명 중 6명=0.6 % percent"},
		{"ko", "만 19세", "19세=19 age quantity"},
	})
	// Words that only look like numerals.
	for _, s := range []string{"이천 시내", "사과", "오늘", "이사를 했다", "천천히", "네 그렇습니다"} {
		assert.Empty(t, Find(s, "ko"), s)
	}
}

func TestGrammarEnglish(t *testing.T) {
	checkGrammar(t, []grammarCase{
		{"en", "two thousand and twenty-four people", "two thousand and twenty-four people=2024 people count"},
		{"en", "three million trips", "three million trips=3000000 trips count"},
		{"en", "three and one fourth miles", "three and one fourth miles=3.25 mi quantity"},
		{"en", "two-thirds", "two-thirds=2/3 % percent"},
		{"en", "the one hundred and first", "one hundred and first=101  ordinal"},
		{"en", "3 dozen eggs", "3 dozen eggs=36 eggs count"},
		{"en", "5 lakh", "5 lakh=500000  quantity"},
		{"en", "2 crore", "2 crore=20000000  quantity"},
		{"en", "$41 billion", "$41 billion=41000000000 USD money"},
		{"en", "£5592 14s. 2d.", "£5592 14s. 2d.=134225/24 GBP money"},
		{"en", "2 ½ years", "2 ½ years=2.5 years duration"},
		{"en", "twelve years old", "twelve years old=12 age quantity"},
		{"en", "it came third", "third=3  ordinal"},
		{"en", "orbited twice", "twice=2 times count"},
	})
}

func TestGrammarDates(t *testing.T) {
	cases := []struct{ lang, text, want string }{
		{"zh-Hans", "3月15日", "3月15日 --03-15"},
		{"zh-Hans", "四月", "四月 --04"},
		{"zh-Hans", "2024年1月5日", "2024年1月5日 2024-01-05"},
		{"ja", "1992（平成4）年1月20日", "1992（平成4）年1月20日 1992-01-20"},
		{"ja", "1888年(明治21年)4月25日", "1888年(明治21年)4月25日 1888-04-25"},
		{"zh-Hant", "康熙二十三年", "康熙二十三年 1684"},
		{"zh-Hant", "雍正元年", "雍正元年 1723"},
		{"zh-Hant", "光緒十三年", "光緒十三年 1887"},
		{"ja", "平成4年", "平成4年 1992"},
		{"zh-Hant", "民國39年", "民國39年 1950"},
		{"zh-Hant", "日期:111-01-06", "111-01-06 2022-01-06"},
		{"en", "in September", "September --09"},
		{"en", "June 28-29", "June 28-29 --06-28"},
	}
	for _, c := range cases {
		figs := Find(c.text, c.lang)
		if assert.NotEmpty(t, figs, c.text) {
			assert.Equal(t, c.want, figs[0].Text+" "+figs[0].Date, c.text)
		}
	}
	// Era years keep the era: Value is the year of the era.
	f := Find("康熙二十三年", "zh-Hant")[0]
	assert.Equal(t, 23.0, f.Value)
	assert.Equal(t, "year:康熙", f.Unit)
}

func TestGrammarCoordinates(t *testing.T) {
	checkGrammar(t, []grammarCase{
		{"zh-Hant", "北緯23°29′", "北緯23°29′=1409/60 °N quantity"},
		{"zh-Hans", "东经120度30分", "东经120度30分=120.5 °E quantity"},
		{"en", "at 23°29′N", "23°29′N=1409/60 °N quantity"},
		{"zh-Hans", "纬度二十四度五十四分", "二十四度五十四分=24.9 ° quantity"},
	})
}

// TestGrammarNotFigures: what stays out.
func TestGrammarNotFigures(t *testing.T) {
	for _, c := range []struct{ lang, text string }{
		{"zh-Hans", "一些人认为"}, {"zh-Hant", "統一發票"}, {"zh-Hans", "一带一路"}, {"en", "G20 summit"},
		{"zh-Hans", "PM2.5浓度"}, {"en", "see https://example.com/2024"}, {"en", "version 1.2.3"},
		{"zh-Hans", "下午3点开会"}, {"ja", "8時45分"}, {"en", "call (852) 2152 0111"}, {"zh-Hans", "九州"},
		{"en", "at first"}, {"zh-Hant", "美國-香港政策法案 (22 U.S.C. 5725 及 5731)"}, {"zh-Hans", "第二次世界大战"},
		{"ja", "「明治21年4月25日法律第1号」"}, {"zh-Hans", "注释[8]"}, {"ko", "코로나19"}, {"zh-Hans", "1930年代"},
	} {
		assert.Empty(t, Find(c.text, c.lang), "%s %q", c.lang, c.text)
	}
}

// TestGrammarBounded: numbers too large to state exactly are no figure;
// nothing overflows to a wrong value.
func TestGrammarBounded(t *testing.T) {
	for _, s := range []string{
		strings.Repeat("9", 10000) + "元",
		"1" + strings.Repeat("万", 5000) + "元",
		"1e999999 bytes",
		"10^99999",
		"1234567890123456789012 people",
	} {
		for _, f := range Find(s, "zh-Hans") {
			assert.Less(t, f.Value, 1e48, "%.40q: %v", s, f)
		}
	}
	// Large but exact: 10^20 and 18 significant digits.
	checkGrammar(t, []grammarCase{
		{"zh-Hans", "1万亿亿元", "1万亿亿元=" + "1" + strings.Repeat("0", 20) + " CNY money"},
		{"en", "123456789012345678 people", "123456789012345678 people=" + strconv.Itoa(123456789012345678) + " people count"},
	})
}

var _ = convert.KindQuantity

// TestExtractInfersYear: Extract gives partial dates the article's year
// when the article states only one; with two years it does not.
func TestExtractInfersYear(t *testing.T) {
	doc := func(lines ...string) *convert.Document {
		d := &convert.Document{Meta: convert.Meta{Lang: "zh-Hans"}}
		for _, l := range lines {
			d.Blocks = append(d.Blocks, &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: l}}})
		}
		return d
	}
	dates := func(figs []convert.Figure) []string {
		var out []string
		for _, f := range figs {
			if f.Kind == convert.KindDate {
				out = append(out, f.Text+" "+f.Date+" "+strconv.FormatFloat(f.Value, 'f', -1, 64))
			}
		}
		return out
	}
	assert.Equal(t, []string{"3月15日 2023-03-15 20230315", "四月 2023-04 20230400"},
		dates(Extract(doc("2023年工作报告发布。", "3月15日召开会议，四月完成。"))))
	assert.Equal(t, []string{"3月15日 --03-15 315"},
		dates(Extract(doc("2023年与2024年相比。", "3月15日召开会议。"))))
	// The document's date counts: it must agree.
	d := doc("3月15日召开会议。")
	d.Meta.Date = "2025-01-02"
	assert.Equal(t, []string{"3月15日 2025-03-15 20250315"}, dates(Extract(d)))
	// Find sees one text and infers nothing.
	assert.Equal(t, "--03-15", Find("2023年报告：3月15日召开", "zh-Hans")[1].Date)
}

// TestTableEra: the table shows an era year with its era and Gregorian year.
func TestTableEra(t *testing.T) {
	tb := Table(Find("康熙二十三年設府", "zh-Hant"), "zh-Hant")
	require.Len(t, tb.Rows, 1)
	assert.Equal(t, "23", convert.PlainText(tb.Rows[0][2]))
	assert.Equal(t, "康熙 (1684)", convert.PlainText(tb.Rows[0][3]))
}
