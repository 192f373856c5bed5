package text

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSymbolBulletLists(t *testing.T) {
	d := parse(t, "周末去哪儿？这份城市公园指南请收好\n\n【交通指南】\n\n市区主要公园均有公交和地铁直达，建议绿色出行。周末停车位紧张。\n▲地铁2号线人民公园站A口出站即到\n▲公交15路、36路可在西湖公园站下车\n●请勿攀折花木\n●园内禁止烧烤\n")
	assert.Equal(t, []string{"H2:【交通指南】", "P:市区主要公园均有公交和地铁直达，建议绿色出行。周末停车位紧张。",
		"L•:地铁2号线人民公园站A口出站即到|公交15路、36路可在西湖公园站下车", "L•:请勿攀折花木|园内禁止烧烤"}, shape(d))
	// A single marked line is not a list: ■ heading, ▲ paragraph.
	d = parse(t, "■商品概要\n単身世帯や共働き世帯の増加を受け、手軽に本格的な和食を楽しめる商品として開発しました。\n・肉じゃが（398円）\n・筑前煮（398円）\n▲ 기타 지역 80곳\n")
	assert.Equal(t, []string{"H2:■商品概要", "P:単身世帯や共働き世帯の増加を受け、手軽に本格的な和食を楽しめる商品として開発しました。",
		"L•:肉じゃが（398円）|筑前煮（398円）", "P:▲ 기타 지역 80곳"}, shape(d))
	// Wrapped layout: bullet lines of one block are items, not joined.
	d = parse(t, "The system has several parts that work together in the warehouse, and\nthe company says more are coming.\n\n■ Vision system that recognizes products\n■ Installation in under eight hours\n")
	assert.Equal(t, []string{"P:The system has several parts that work together in the warehouse, and the company says more are coming.",
		"L•:Vision system that recognizes products|Installation in under eight hours"}, shape(d))
}

func TestIndentedWrappedParagraphs(t *testing.T) {
	src := "　　十月的江汉平原，稻浪翻滚，一派丰收景象。在\n荆州市沙市区的一处农场里，几台收割机正在田间来\n回穿梭。\n　　“今年雨水好，亩产比去年高了一百多斤。”种\n粮大户刘建国站在田埂上，脸上满是笑容。\n"
	want := []string{"P:十月的江汉平原，稻浪翻滚，一派丰收景象。在荆州市沙市区的一处农场里，几台收割机正在田间来回穿梭。",
		"P:“今年雨水好，亩产比去年高了一百多斤。”种粮大户刘建国站在田埂上，脸上满是笑容。"}
	assert.Equal(t, want, shape(parse(t, src)), "no blank lines")
	d := parse(t, "秋收时节话丰年\n\n"+src)
	assert.Equal(t, "秋收时节话丰年", d.Meta.Title)
	assert.Equal(t, want, shape(d), "title and blank line")
	// One paragraph per line with indents stays so.
	d = parse(t, "　　本报讯 昨日，市统计局发布数据。\n　　分产业看，第一产业增加值86亿元，增长2.1%。\n")
	assert.Equal(t, []string{"P:本报讯 昨日，市统计局发布数据。", "P:分产业看，第一产业增加值86亿元，增长2.1%。"}, shape(d))
}

func TestSalutationNotTitle(t *testing.T) {
	d := parse(t, "報道関係者各位\n\n株式会社サンプル食品、新ブランド「ほっと和膳」を発売\n\n株式会社サンプル食品は、和惣菜シリーズ「ほっと和膳」を2025年4月1日より発売いたします。\n")
	assert.Equal(t, "株式会社サンプル食品、新ブランド「ほっと和膳」を発売", d.Meta.Title)
	assert.Equal(t, []string{"P:報道関係者各位", "P:株式会社サンプル食品は、和惣菜シリーズ「ほっと和膳」を2025年4月1日より発売いたします。"}, shape(d))
}

func TestLegalArticleLeadIns(t *testing.T) {
	d := parse(t, "城市生活垃圾分类管理办法\n\n第一条　为了加强城市生活垃圾分类管理，制定本办法。\n第十二条 本办法自2025年3月1日起施行。\n第3条　違反した者は罰する。\n第一条规定的事项由市政府负责。\n")
	assert.Equal(t, "城市生活垃圾分类管理办法", d.Meta.Title)
	assert.Equal(t, []string{"P:[第一条]　为了加强城市生活垃圾分类管理，制定本办法。", "P:[第十二条] 本办法自2025年3月1日起施行。",
		"P:[第3条]　違反した者は罰する。", "P:第一条规定的事项由市政府负责。"}, shape(d))
}
