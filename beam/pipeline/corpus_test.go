package pipeline_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A generated corpus: small articles in Traditional and Simplified
// Chinese, Japanese, Korean and English, as text and Markdown, each with
// a headline, sections and figures of every kind (money, percentages,
// years, dates, counts, ordinals, durations, quantities). Deterministic:
// the same seed gives the same files.

var places = map[string][]string{
	"zh-Hant": {"臺北市", "高雄港", "新竹科學園區", "香港", "澳門"},
	"zh-Hans": {"上海市", "深圳", "浙江省", "成都", "雄安新区"},
	"ja":      {"東京都", "大阪府", "北海道", "福岡市", "名古屋"},
	"ko":      {"서울시", "부산항", "인천", "대구", "경기도"},
	"en":      {"Lagos", "Rotterdam", "the city council", "Queensland", "the port authority"},
}

// paragraph returns a paragraph of lang with figures drawn from r.
func paragraph(r *rand.Rand, lang string) string {
	place := places[lang][r.IntN(len(places[lang]))]
	y := 1990 + r.IntN(35)
	m, d := 1+r.IntN(12), 1+r.IntN(28)
	n := 2 + r.IntN(900)
	p := 1 + r.IntN(60)
	c := 3 + r.IntN(5000)
	k := 2 + r.IntN(30)
	switch lang {
	case "zh-Hant":
		return [...]string{
			fmt.Sprintf("%d年，%s的出口總額達到%d億美元，比上年增長%d%%。", y, place, n, p),
			fmt.Sprintf("%s第%d屆年會於%d月%d日舉行，共有%d人出席，會期三天。", place, k, m, d, c),
			fmt.Sprintf("據統計，%s去年新增就業%d萬人，失業率降至%d.%d%%。", place, n, p%10, r.IntN(10)),
		}[r.IntN(3)]
	case "zh-Hans":
		return [...]string{
			fmt.Sprintf("%d年%d月%d日，%s发布数据，全年营收%d亿元人民币，同比增长%d%%。", y, m, d, place, n, p),
			fmt.Sprintf("%s共建成%d个项目，总投资约%d亿元，其中%d%%来自社会资本。", place, c, n, p),
			fmt.Sprintf("%s的铁路里程达到%d公里，比%d年增加了%d倍。", place, c, y, 2+r.IntN(5)),
		}[r.IntN(3)]
	case "ja":
		return [...]string{
			fmt.Sprintf("%d年%d月%d日、%sは売上高が%d億円に達したと発表した。前年比%d%%増だった。", y, m, d, place, n, p),
			fmt.Sprintf("%sでは第%d回の会議が開かれ、約%d人が参加した。", place, k, c),
			fmt.Sprintf("%sの人口は%d万人で、%d年ぶりに増加した。", place, n, 2+r.IntN(20)),
		}[r.IntN(3)]
	case "ko":
		return [...]string{
			fmt.Sprintf("%d년 %s의 수출액은 %d억 달러로 전년보다 %d%% 증가했다.", y, place, n, p),
			fmt.Sprintf("%s는 %d월 %d일 %d명의 주민을 대상으로 조사를 실시했다.", place, m, d, c),
			fmt.Sprintf("%s의 실업률은 %d.%d%%로 %d년 만에 가장 낮았다.", place, p%10, r.IntN(10), 2+r.IntN(20)),
		}[r.IntN(3)]
	default:
		return [...]string{
			fmt.Sprintf("In %d, %s reported revenue of $%d million, up %d%% from a year earlier.", y, place, n, p),
			fmt.Sprintf("On %s %d, %d, %s counted %d visitors, the %dth count since the survey began.",
				[...]string{"January", "March", "May", "July", "October"}[r.IntN(5)], d, y, place, c, k),
			fmt.Sprintf("%s plans to build %d km of new track over %d years, at a cost of about %d billion euros.", place, n, 2+r.IntN(15), p),
		}[r.IntN(3)]
	}
}

var headings = map[string][]string{
	"zh-Hant": {"經濟", "社會", "展望"},
	"zh-Hans": {"经济", "民生", "展望"},
	"ja":      {"経済", "社会", "見通し"},
	"ko":      {"경제", "사회", "전망"},
	"en":      {"Economy", "Society", "Outlook"},
}

// article returns the text of a generated article and its extension.
func article(r *rand.Rand, lang string) (string, string) {
	var b strings.Builder
	md := r.IntN(3) == 0
	title := paragraph(r, lang)
	if md {
		fmt.Fprintf(&b, "---\ntitle: %q\nlang: %s\n---\n\n", strings.TrimRight(title, "。."), lang)
	} else {
		fmt.Fprintf(&b, "%s\n\n", strings.TrimRight(title, "。."))
	}
	sections := 1 + r.IntN(3)
	for s := range sections {
		if sections > 1 || md {
			h := headings[lang][s]
			if md {
				fmt.Fprintf(&b, "## %s\n\n", h)
			} else {
				fmt.Fprintf(&b, "%s\n\n", h)
			}
		}
		for range 1 + r.IntN(3) {
			sep := ""
			if lang == "en" || lang == "ko" {
				sep = " "
			}
			b.WriteString(paragraph(r, lang) + sep + paragraph(r, lang) + "\n\n")
		}
	}
	if md {
		return b.String(), ".md"
	}
	return b.String(), ".txt"
}

var langs = []string{"zh-Hant", "zh-Hans", "ja", "ko", "en"}

// writeCorpus writes n generated articles under dir/<lang>/NNNN.{txt,md}
// and returns their paths in order.
func writeCorpus(t testing.TB, dir string, n int, seed uint64) []string {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var paths []string
	for i := range n {
		lang := langs[i%len(langs)]
		text, ext := article(r, lang)
		p := filepath.Join(dir, strings.ToLower(lang), fmt.Sprintf("%04d%s", i, ext))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}
