package convert

import (
	"strings"
	"unicode"
)

// Frequent characters whose Traditional and Simplified forms differ, pair by
// pair (same index). Counting them tells zh-Hant from zh-Hans without
// loading a conversion dictionary.
const (
	tradChars = "這個們國發關說對會來時為經與學區實現動進東開長還點過問門間電話書車見從體當機業頭無產員萬億邊義農務華貿協議際層級導領傳將處產設總運軍條內網樣極選議報數據質讓認費環單紀組織際資場變並區計應廣專術戰親雙訪簽證類歷屆縣鄉隊鐵響聯龍魚鳥馬風飛價錢錄驗轉讀寫聽說語詞顯論種權節圖樂擊"
	simpChars = "这个们国发关说对会来时为经与学区实现动进东开长还点过问门间电话书车见从体当机业头无产员万亿边义农务华贸协议际层级导领传将处产设总运军条内网样极选议报数据质让认费环单纪组织际资场变并区计应广专术战亲双访签证类历届县乡队铁响联龙鱼鸟马风飞价钱录验转读写听说语词显论种权节图乐击"
)

var tradSet, simpSet = func() (map[rune]bool, map[rune]bool) {
	t, s := map[rune]bool{}, map[rune]bool{}
	tr, sr := []rune(tradChars), []rune(simpChars)
	for i := range tr {
		if tr[i] != sr[i] {
			t[tr[i]] = true
			s[sr[i]] = true
		}
	}
	return t, s
}()

// DetectLanguage guesses the language of a text as a BCP 47 tag: "ko" when
// Hangul dominates, "ja" when kana (outside parentheses, where they are
// readings) make up a good share of the text, "zh-Hant" or "zh-Hans" for
// Chinese (by frequent characters whose forms differ; "zh" when nothing
// tells), "en" for Latin-script text, and "und" when nothing is known.
func DetectLanguage(s string) string {
	var c langCount
	c.add(s)
	return c.result()
}

// DocumentLanguage is DetectLanguage(DocumentText(d) + extra…), without
// building the document's text (24 MB for 10 M characters): the blocks'
// text is counted a block at a time.
func DocumentLanguage(d *Document, extra ...string) string {
	var c langCount
	for _, bl := range d.Blocks {
		c.add(BlockText(bl))
		c.add("\n")
	}
	for _, s := range extra {
		c.add(s)
	}
	return c.result()
}

// langCount counts the characters DetectLanguage weighs, over text given
// in pieces.
type langCount struct {
	han, kana, hira, hangul, latin, trad, simp int
	paren                                      int // kana in parentheses are readings (漢字（かんじ）), not prose
}

func (c *langCount) add(s string) {
	for _, r := range s {
		switch r {
		case '(', '（':
			c.paren++
		case ')', '）':
			c.paren = max(c.paren-1, 0)
		case '\n':
			c.paren = 0
		}
		switch {
		case c.paren > 0 && (unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)):
		case unicode.Is(unicode.Han, r):
			c.han++
			if tradSet[r] {
				c.trad++
			} else if simpSet[r] {
				c.simp++
			}
		case unicode.Is(unicode.Hiragana, r):
			c.kana++
			c.hira++
		case unicode.Is(unicode.Katakana, r) && r != '・' && r != 'ー':
			c.kana++
		case unicode.Is(unicode.Hangul, r):
			c.hangul++
		case r < 0x250 && unicode.IsLetter(r):
			c.latin++
		}
	}
}

func (c *langCount) result() string {
	cjk := c.han + c.kana + c.hangul
	switch {
	case cjk == 0 && c.latin == 0:
		return "und"
	case c.hangul > 0 && c.hangul >= c.han+c.kana:
		return "ko"
	// Japanese prose is a third or more kana, mostly hiragana; Chinese text
	// quoting a Japanese name or reading (漢字（かんじ）) has a little.
	case c.kana > 0 && (c.hira*8 >= c.han || c.kana*3 >= c.han):
		return "ja"
	case c.han > 0 && c.han*2 >= c.latin/3:
		switch {
		case c.trad > c.simp:
			return "zh-Hant"
		case c.simp > c.trad:
			return "zh-Hans"
		}
		return "zh"
	case c.latin > 0:
		return "en"
	}
	return "und"
}

// IsCJKLang reports whether tag is Chinese, Japanese or Korean.
func IsCJKLang(tag string) bool {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return base == "zh" || base == "ja" || base == "ko" || base == "yue" || base == "cmn"
}
