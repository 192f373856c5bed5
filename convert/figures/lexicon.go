package figures

import (
	"sort"
	"unicode/utf8"
)

// lexicalWords are words whose numeral is lexical, not a figure: it is
// skipped wherever such a word starts at or before the numeral and covers
// it. Simplified and Traditional forms are both listed; Japanese words too.
var lexicalWords = []string{
	// zh: function words and set phrases
	"一些", "一点", "一點", "统一", "統一", "一带一路", "一帶一路", "十分", "一致", "唯一", "一起", "一直",
	"一定", "一切", "一般", "一样", "一樣", "万一", "萬一", "一方面", "一方", "同一", "一道", "一同", "一旦",
	"一度", "一体", "一體", "一系列", "一流", "一线", "一線", "一再", "一齐", "一齊", "一向", "一律", "一概",
	"一举", "一舉", "一贯", "一貫", "一番", "一时", "一時", "一阵", "一陣", "一共", "一边", "一邊", "一面",
	"一下", "一旁", "一手", "一心", "一味", "一早", "一行", "一员", "一員", "一环", "一環", "一揽子", "一攬子",
	"一刀切", "一窝蜂", "一把手", "一次性", "一国两制", "一國兩制", "一中", "一级", "一級", "一等", "一带", "一帶",
	"第一次世界大战", "第二次世界大战", "第一次世界大戰", "第二次世界大戰", "第一次世界大戦", "第二次世界大戦",
	"第二次大戦", "第一次鴉片戰爭", "第二次鴉片戰爭", "第一次鸦片战争", "第二次鸦片战争", "九州", "五行", "廿日鼠", "廿日ねずみ", "二十日鼠", "三門", "三门", "十里", "三里屯", "第一时间", "第一時間", "第一线", "第一線", "第一手", "第三方", "第三者", "第一产业", "第二产业", "第三产业",
	"第一產業", "第二產業", "第三產業", "第三世界", "第一人称", "第三人称", "第一人稱", "第三人稱", "十足", "十字", "十全十美", "一五一十", "三心二意",
	"千方百计", "千方百計", "百年变局", "百年變局", "一帆风顺", "一帆風順", "万众一心", "萬眾一心",
	"一心一意", "四面八方", "五湖四海", "七上八下", "乱七八糟", "亂七八糟", "九牛一毛", "一成不变",
	"一成不變", "一模一样", "一模一樣", "独一无二", "獨一無二", "三天两头", "三天兩頭", "一石二鸟", "一石二鳥",
	"三股势力", "三股勢力", "十四五", "双十一", "雙十一", "三农", "三農", "四个全面", "四個全面", "五四运动",
	"五四運動", "中全会", "中全會", "二十大", "九一八", "七七事变", "七七事變", "三角", "四季", "二手", "二次元",
	"上半年", "下半年", "上半月", "下半月", "半导体", "半導體", "半岛", "半島", "三明治", "千万", "千萬",
	"百分百", "八九不离十", "八九不離十", "二话不说", "二話不說", "不二", "独一", "獨一", "一览", "一覽",
	"一体化", "一體化", "多元", "百姓", "百货", "百貨", "万物", "萬物", "千家万户", "千家萬戶", "三峡", "三峽",
	// ja
	"一部", "一緒", "一層", "一気", "一斉", "一人ひとり", "一人一人", "一応", "一言", "一段", "一つ一つ",
	"一旦", "二人三脚", "一朝一夕", "一生懸命", "一番", "一方で", "一石二鳥", "十人十色", "七転八起",
}

var lexicon = func() (m map[rune][]string) {
	m = map[rune][]string{}
	for _, w := range lexicalWords {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = append(m[r], w)
	}
	for _, l := range m {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i]) > len(l[j]) })
	}
	return m
}()

const maxLexical = 6 // longest lexical word in runes

// lexicalAt reports whether a lexical word covers position i, starting at or
// before it, and returns the end of that word.
func lexicalAt(rs []rune, i int) (end int, ok bool) {
	for k := max(0, i-maxLexical+1); k <= i; k++ {
		for _, w := range lexicon[rs[k]] {
			if e, m := matchAt(rs, k, w); m && e > i {
				return e, true
			}
		}
	}
	return 0, false
}

// matchAt reports whether s is written at rs[i:], returning its end.
func matchAt(rs []rune, i int, s string) (int, bool) {
	j := i
	for _, r := range s {
		if j >= len(rs) || rs[j] != r {
			return 0, false
		}
		j++
	}
	return j, true
}
