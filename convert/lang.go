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
	var han, kana, hira, hangul, latin, trad, simp int
	paren := 0 // kana in parentheses are readings (漢字（かんじ）), not prose
	for _, r := range s {
		switch r {
		case '(', '（':
			paren++
		case ')', '）':
			paren = max(paren-1, 0)
		case '\n':
			paren = 0
		}
		switch {
		case paren > 0 && (unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)):
		case unicode.Is(unicode.Han, r):
			han++
			if tradSet[r] {
				trad++
			} else if simpSet[r] {
				simp++
			}
		case unicode.Is(unicode.Hiragana, r):
			kana++
			hira++
		case unicode.Is(unicode.Katakana, r) && r != '・' && r != 'ー':
			kana++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case r < 0x250 && unicode.IsLetter(r):
			latin++
		}
	}
	cjk := han + kana + hangul
	switch {
	case cjk == 0 && latin == 0:
		return "und"
	case hangul > 0 && hangul >= han+kana:
		return "ko"
	// Japanese prose is a third or more kana, mostly hiragana; Chinese text
	// quoting a Japanese name or reading (漢字（かんじ）) has a little.
	case kana > 0 && (hira*8 >= han || kana*3 >= han):
		return "ja"
	case han > 0 && han*2 >= latin/3:
		switch {
		case trad > simp:
			return "zh-Hant"
		case simp > trad:
			return "zh-Hans"
		}
		return "zh"
	case latin > 0:
		return "en"
	}
	return "und"
}

// IsCJKLang reports whether tag is Chinese, Japanese or Korean.
func IsCJKLang(tag string) bool {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return base == "zh" || base == "ja" || base == "ko" || base == "yue" || base == "cmn"
}
