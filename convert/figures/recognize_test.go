package figures

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docconv/docconv/convert"
)

// brief renders a figure as "Text=Value Unit kind" followed by the bound's
// symbol (≥ ≤ ≈).
func brief(f Figure) string {
	s := f.Text + "=" + strconv.FormatFloat(f.Value, 'f', -1, 64) + " " + f.Unit + " " + string(f.Kind)
	s += f.Bound.Symbol()
	return s
}

// Figure is a local alias to keep the table short.
type Figure = convert.Figure

func TestRecognizer(t *testing.T) {
	cases := []struct {
		lang, text string
		want       []string
	}{
		// Found on unseen texts (second review, 2026-12-05): signs written as
		// words, identifiers, clock times, spaced ordinals, unit signs.
		{"zh-Hans", "北京最低气温零下5度", []string{"零下5度=-5 度 quantity"}},
		{"ja", "最低気温は氷点下3度", []string{"氷点下3度=-3 度 quantity"}},
		{"ko", "서울은 영하 10도, 철원은 영하 15.2도를 기록했다.", []string{"영하 10도=-10 度 quantity", "영하 15.2도=-15.2 度 quantity"}},
		{"ko", "성장률은 마이너스 1.2%였다.", []string{"마이너스 1.2%=-0.012 % percent"}},
		{"ko", "영하권의 날씨", nil},
		{"zh-Hans", "咨询电话：010-65123456，手机13800138000。", nil},
		{"zh-Hant", "客服專線：(02)2312-3456，統一編號22099131。", nil},
		{"ko", "대표전화 1588-3366, 02-2100-2114.", nil},
		{"ko", "문의는 1588-3366 또는 1577-1000으로 하면 된다.", nil},
		{"zh-Hans", "总人口1411750000人", []string{"1411750000人=1411750000 人 count"}},
		{"ko", "사고는 오후 3시 20분쯤 발생했다. 회의는 오전 10시 30분에, 3시 반에 끝난다.", nil},
		{"ko", "회의는 3시간 동안 진행됐다.", []string{"3시간=3 hours duration"}},
		{"zh-Hans", "科技爱好者周刊（第 300 期）", []string{"第 300 期=300 期 ordinal"}},
		{"zh-Hans", "请参考第 2 章的内容", []string{"第 2 章=2 章 ordinal"}},
		{"ko", "전용면적 84㎡ 아파트", []string{"84㎡=84 m² quantity"}},
		{"ja", "部屋は25㎡で、重さは3㎏", []string{"25㎡=25 m² quantity", "3㎏=3 kg quantity"}},
		{"zh-Hant", "新臺幣2兆1617億元與臺幣5億元", []string{"新臺幣2兆1617億元=2161700000000 TWD money", "臺幣5億元=500000000 TWD money"}},
		{"en", "In March 1848 the March Hare met Mr. March; prices rose for November and in May.", []string{"March 1848=18480300 date date", "November=1100 date date", "May=500 date date"}},
		{"en", "The two guinea-pigs cost 3 guineas.", []string{"3 guineas=3 guinea money"}},
		{"en", "It was the 15th October; on the 26th of November, 1811, and the first of September.", []string{"15th October=1015 date date", "26th of November, 1811=18111126 date date", "first of September=901 date date"}},
		{"ja", "十日ばかりして母が来た。十日ほど経ち、三月十日に会った。", []string{"十日=10 days duration≈", "十日=10 days duration≈", "三月十日=310 date date"}},
		{"zh-Hans", "会议于2024.3.5举行，版本1.2.3发布。", []string{"2024.3.5=20240305 date date"}},
		{"ko", "시행일은 2024.3.15. 이다.", []string{"2024.3.15.=20240315 date date"}},
		{"ja", "米機Ｂ29とB29、ＱＸ30型が来た。", nil},
		{"en", "Issue #253 was fixed.", nil},
		{"ko", "기온은 섭씨 25도, 화씨 77도였다. 서울은 섭씨 영하 3도.", []string{"섭씨 25도=25 °C quantity", "화씨 77도=77 °F quantity", "섭씨 영하 3도=-3 °C quantity"}},
		{"zh-Hant", "北京攝氏25度。", []string{"攝氏25度=25 °C quantity"}},
		{"ko", "고객센터 1588-3366으로 문의하면 된다. 1588-1599년에 걸쳐", []string{"1588-1599년=1588 year year", "1588-1599년=1599 year year"}},
		{"zh-Hans", "详细内容请参见表格 4.1. 所示的数据，经济增长了4.1%。", []string{"4.1%=0.041 % percent"}},
		// zh-Hant: the sample's figures
		{"zh-Hant", "2023年,百年變局加速演進", []string{"2023年=2023 year year"}},
		{"zh-Hant", "雙方簽署各類合同及意向協議總額超過380億美元。", []string{"380億美元=38000000000 USD money≥"}},
		{"zh-Hant", "兩國貿易額達 410億美元,同比增長32%。", []string{"410億美元=41000000000 USD money", "32%=0.32 % percent"}},
		{"zh-Hant", "哈總統托卡耶夫兩次訪華", []string{"兩次=2 次 count"}},
		{"zh-Hant", "中哈合作委員會第十一次會議順利舉行", []string{"第十一次=11 次 ordinal"}},
		{"zh-Hant", "出席第三屆“一帶一路”國際合作高峰論壇", []string{"第三屆=3 屆 ordinal"}},
		{"zh-Hant", "哈連續六年參加進博會", []string{"六年=6 years duration"}},
		{"zh-Hant", "慶祝共建“一帶一路”在哈首倡十周年", []string{"十周年=10 years duration"}},
		{"zh-Hant", "中國成為哈第一大貿易伙伴國。", []string{"第一大=1 大 ordinal"}},
		{"zh-Hant", "展望2024年,兩國將充分發揮", []string{"2024年=2024 year year"}},
		{"zh-Hant", "產值達新台幣4.3兆元", []string{"新台幣4.3兆元=4300000000000 TWD money"}},
		{"zh-Hant", "研發支出合計約新台幣2,800億元", []string{"新台幣2,800億元=280000000000 TWD money≈"}},
		{"zh-Hant", "晶圓代工占比超過六成", []string{"六成=0.6 % percent≥"}},
		{"zh-Hant", "十二所大學", []string{"十二所=12 所 count"}},
		{"zh-Hant", "一萬二千人", []string{"一萬二千人=12000 人 count"}},
		{"zh-Hant", "三百八十億", []string{"三百八十億=38000000000  quantity"}},
		{"zh-Hant", "第一座海外先進封裝廠", []string{"第一座=1 座 ordinal"}},
		{"zh-Hant", "增加一倍以上", []string{"一倍=1 倍 quantity≥"}},
		{"zh-Hant", "港幣500萬元", []string{"港幣500萬元=5000000 HKD money"}},
		{"zh-Hant", "歐元300億", []string{"300億=30000000000  quantity"}},
		{"zh-Hant", "300億歐元", []string{"300億歐元=30000000000 EUR money"}},
		{"zh-Hant", "1,000億韓元", []string{"1,000億韓元=100000000000 KRW money"}},
		{"zh-Hant", "50億堅戈", []string{"50億堅戈=5000000000 KZT money"}},
		{"zh-Hant", "20餘年", []string{"20餘年=20 years duration≥"}},
		{"zh-Hant", "民國113年", []string{"民國113年=113 year:民國 year"}},
		// zh-Hans
		{"zh-Hans", "全年开行1.9万列", []string{"1.9万列=19000 列 count"}},
		{"zh-Hans", "发送货物207万标箱", []string{"207万标箱=2070000 TEU count"}},
		{"zh-Hans", "比例提升至约三成", []string{"三成=0.3 % percent≈"}},
		{"zh-Hans", "民营企业占比达到百分之四十二", []string{"百分之四十二=0.42 % percent"}},
		{"zh-Hans", "百分之三十二", []string{"百分之三十二=0.32 % percent"}},
		{"zh-Hans", "带动就业20余万人", []string{"20余万人=200000 人 count≥"}},
		{"zh-Hans", "企业超过1100多家", []string{"1100多家=1100 家 count≥"}},
		{"zh-Hans", "人口1100多万", []string{"1100多万=11000000  quantity≥"}},
		{"zh-Hans", "缩短了一半", []string{"一半=0.5 % percent"}},
		{"zh-Hans", "通关时间压缩至24小时以内", []string{"24小时=24 hours duration≤"}},
		{"zh-Hans", "三分之一的企业", []string{"三分之一=0.3333333333333333 % percent"}},
		{"zh-Hans", "7至9月", []string{"7至9月=700 date date", "7至9月=900 date date"}},
		{"zh-Hans", "需要3到5天", []string{"3到5天=3 days duration", "3到5天=5 days duration"}},
		{"zh-Hans", "2024年1月5日发布", []string{"2024年1月5日=20240105 date date"}},
		{"zh-Hans", "1月5日发布", []string{"1月5日=105 date date"}},
		{"zh-Hans", "7月", []string{"7月=700 date date"}},
		{"zh-Hans", "二〇二四年", []string{"二〇二四年=2024 year year"}},
		{"zh-Hans", "同比上升1.7个百分点", []string{"1.7个百分点=0.017 pp percent"}},
		{"zh-Hans", "下降−4.3%", []string{"−4.3%=-0.043 % percent"}},
		{"zh-Hans", "下降-4.3%", []string{"-4.3%=-0.043 % percent"}},
		{"zh-Hans", "３８０亿元", []string{"３８０亿元=38000000000 CNY money"}},
		{"zh-Hans", "2百名", []string{"2百名=200 名 count"}},
		{"zh-Hans", "1.5万人", []string{"1.5万人=15000 人 count"}},
		{"zh-Hans", "廿三日", []string{"廿三日=23 date date"}},
		{"zh-Hans", "两千零五年", []string{"两千零五年=2005 year year"}},
		{"zh-Hans", "半年", []string{"半年=0.5 years duration"}},
		{"zh-Hans", "一年半", []string{"一年半=1.5 years duration"}},
		{"zh-Hans", "三个月", []string{"三个月=3 months duration"}},
		{"zh-Hans", "500公里", []string{"500公里=500 km quantity"}},
		{"zh-Hans", "3万吨", []string{"3万吨=30000 t quantity"}},
		{"zh-Hans", "1兆美元", []string{"1兆美元=1000000000000 USD money"}},
		{"zh-Hans", "人民币5000亿元", []string{"人民币5000亿元=500000000000 CNY money"}},
		{"zh-Hans", "¥300", []string{"¥300=300 CNY money"}},
		{"zh-Hans", "200英镑", []string{"200英镑=200 GBP money"}},
		{"zh-Hans", "增长了2.5倍", []string{"2.5倍=2.5 倍 quantity"}},
		{"zh-Hans", "第1位", []string{"第1位=1 位 ordinal"}},
		{"zh-Hans", "一季度增长5.3%", []string{"一季度=1 quarter ordinal", "5.3%=0.053 % percent"}},
		{"zh-Hans", "三四天", []string{"三四天=3 days duration≥"}},
		{"zh-Hans", "约1.5亿", []string{"1.5亿=150000000  quantity≈"}},
		{"zh-Hans", "3.5万元左右", []string{"3.5万元=35000 CNY money≈"}},
		{"zh-Hans", "《2024年中国生态环境状况公报》", nil},
		// not figures (zh)
		{"zh-Hans", "一是多模态成为标配。二是端侧部署加速。", nil},
		{"zh-Hans", "第一，要坚持高质量发展。第二，要加强数字化建设。", nil},
		{"zh-Hans", "（一）总体要求", nil},
		{"zh-Hans", "1. 京津冀地区", nil},
		{"zh-Hans", "一些企业统一行动", nil},
		{"zh-Hans", "共建一带一路", nil},
		{"zh-Hans", "十分重要，意见一致", nil},
		{"zh-Hans", "唯一的选择，一起努力，一直坚持，一定成功", nil},
		{"zh-Hans", "一切为了人民，一般来说", nil},
		{"zh-Hans", "万一出现问题，一方面", nil},
		{"zh-Hans", "同一时间，一道前行，一同出发，一旦发生", nil},
		{"zh-Hans", "一度紧张，一体推进", nil},
		{"zh-Hans", "千方百计，一帆风顺", nil},
		{"zh-Hans", "百年变局加速演进", nil},
		{"zh-Hans", "打击三股势力", nil},
		{"zh-Hans", "中欧班列", nil},
		{"zh-Hans", "开启新的“黄金三十年”", nil},
		{"zh-Hans", "下一个“金色十年”", nil},
		{"zh-Hans", "新的一年里", nil},
		{"zh-Hans", "两国关系", nil},
		{"zh-Hans", "一个重要成果", nil},
		{"zh-Hans", "第一时间赶到", nil},
		{"zh-Hans", "半导体产业", nil},
		{"zh-Hans", "上半年", nil},
		{"zh-Hans", "OpenAI发布了GPT-4o模型", nil},
		{"zh-Hans", "Apple也在WWDC 2024上推出", nil},
		{"zh-Hans", "G20峰会", nil},
		{"zh-Hans", "COVID-19疫情", nil},
		{"zh-Hans", "PM2.5浓度", nil},
		{"zh-Hans", "5G网络", nil},
		{"zh-Hans", "访问https://www.mee.gov.cn/2024/05/index.html", nil},
		{"zh-Hans", "邮箱info2024@example.com", nil},
		{"zh-Hans", "版本v1.2.3和1.2.3", nil},
		{"zh-Hans", "电话010-12345678", nil},
		{"zh-Hans", "会议10:30开始", nil},
		{"zh-Hans", "十四五规划", nil},
		// ja
		{"ja", "2024年度の国内観光客数は前年比12%増の約3億人となり", []string{"2024年度=2024 year year", "12%=0.12 % percent", "3億人=300000000 人 count≈"}},
		{"ja", "過去最高の3,687万人を記録し、旅行消費額は8.1兆円に達した。", []string{"3,687万人=36870000 人 count", "8.1兆円=8100000000000 JPY money"}},
		{"ja", "新たに15路線が開設され", []string{"15路線=15 路線 count"}},
		{"ja", "前年の1.5倍に増えた", []string{"1.5倍=1.5 倍 quantity"}},
		{"ja", "旅行者は約二百万人で、満足度は九割を超えた。", []string{"二百万人=2000000 人 count≈", "九割=0.9 % percent≥"}},
		{"ja", "第一に、地方空港の国際線が拡充された。", nil},
		{"ja", "一方で、一部の観光地では", nil},
		{"ja", "¥500", []string{"¥500=500 JPY money"}},
		{"ja", "令和6年", []string{"令和6年=6 year:令和 year"}},
		{"ja", "3か月", []string{"3か月=3 months duration"}},
		{"ja", "ランキング1位", []string{"1位=1 位 ordinal"}},
		{"ja", "第2四半期", []string{"第2四半期=2 quarter ordinal"}},
		{"ja", "5社", []string{"5社=5 社 count"}},
		// ko
		{"ko", "2024년 한국의 반도체 수출액은 1,419억 달러로 전년 대비 43.9% 증가", []string{"2024년=2024 year year", "1,419억 달러=141900000000 USD money", "43.9%=0.439 % percent"}},
		{"ko", "총 450조 원 규모", []string{"450조 원=450000000000000 KRW money"}},
		{"ko", "수출이 10% 안팎 늘어날", []string{"10%=0.1 % percent≈"}},
		{"ko", "2024년 1월 5일", []string{"2024년 1월 5일=20240105 date date"}},
		{"ko", "10여 명", []string{"10여 명=10 명 count≥"}},
		{"ko", "1조 2천억 원", []string{"1조 2천억 원=1200000000000 KRW money"}},
		// en
		{"en", "made 19,000 trips in 2024", []string{"19,000 trips=19000 trips count", "2024=2024 year year"}},
		{"en", "up 10 percent from the year before", []string{"10 percent=0.1 % percent"}},
		{"en", "carried 2.07 million containers", []string{"2.07 million containers=2070000 containers count"}},
		{"en", "worth more than $80 billion a year", []string{"$80 billion=80000000000 USD money≥"}},
		{"en", "$41 billion", []string{"$41 billion=41000000000 USD money"}},
		{"en", "US$41bn", []string{"US$41bn=41000000000 USD money"}},
		{"en", "€5m", []string{"€5m=5000000 EUR money"}},
		{"en", "1.5 million", []string{"1.5 million=1500000  quantity"}},
		{"en", "32 percent", []string{"32 percent=0.32 % percent"}},
		{"en", "about two-thirds of declarations", []string{"two-thirds=0.6666666666666666 % percent≈"}},
		{"en", "trains wait 3 to 5 days", []string{"3 to 5 days=3 days duration", "3 to 5 days=5 days duration"}},
		{"en", "3–5", []string{"3–5=3  quantity", "3–5=5  quantity"}},
		{"en", "twenty years", []string{"twenty years=20 years duration"}},
		{"en", "twenty-five", []string{"twenty-five=25  quantity"}},
		{"en", "two hundred people", []string{"two hundred people=200 people count"}},
		{"en", "under 24 hours", []string{"24 hours=24 hours duration≤"}},
		{"en", "half of what it was in 2019", []string{"half=0.5 % percent", "2019=2019 year year"}},
		{"en", "the 3rd time", []string{"3rd=3  ordinal"}},
		{"en", "January 5, 2024", []string{"January 5, 2024=20240105 date date"}},
		{"en", "5 January 2024", []string{"5 January 2024=20240105 date date"}},
		{"en", "2024-01-05", []string{"2024-01-05=20240105 date date"}},
		{"en", "rose 1.7 percentage points", []string{"1.7 percentage points=0.017 pp percent"}},
		{"en", "500 km", []string{"500 km=500 km quantity"}},
		{"en", "a 30-year-old", []string{"30-year-old=30 age quantity"}},
		{"en", "a 10-day trip", []string{"10-day=10 days duration"}},
		{"en", "one of the best", nil},
		{"en", "Windows 11 and iPhone 15", nil},
		{"en", "call 1-800-555-0100", nil},
		{"en", "version 1.2.3", nil},
		{"en", "at 10:30", nil},
		{"en", "(1) first item", nil},
		{"en", "see www.example.com/2024", nil},
		// QA review: currencies of a bare 元
		{"zh-Hant", "稅後純益新台幣３,２５３億元，每股盈餘（ＥＰＳ）１２.５４元。", []string{"新台幣３,２５３億元=325300000000 TWD money", "１２.５４元=12.54 TWD money"}},
		{"zh-Hant", "收盤價為NT$1,085，上漲２５元", []string{"NT$1,085=1085 TWD money", "２５元=25 TWD money"}},
		{"zh-Hant", "南向交易為港幣880億元，每股派息1.80元", []string{"港幣880億元=88000000000 HKD money", "1.80元=1.8 HKD money"}},
		{"zh-Hant", "收入61.2億港元，每股1.8元", []string{"61.2億港元=6120000000 HKD money", "1.8元=1.8 HKD money"}},
		{"zh-Hant", "北向交易為人民幣1,560億元，另有300億元", []string{"人民幣1,560億元=156000000000 CNY money", "300億元=30000000000 CNY money"}},
		{"zh-Hant", "每股盈餘12.54元", []string{"12.54元=12.54 元 money"}},
		{"zh-Hant", "新台幣100元與人民幣50元，另有30元", []string{"新台幣100元=100 TWD money", "人民幣50元=50 CNY money", "30元=30 元 money"}},
		{"zh-TW", "每股盈餘12.54元", []string{"12.54元=12.54 TWD money"}},
		{"zh-HK", "每股派息1.8元", []string{"1.8元=1.8 HKD money"}},
		{"zh-Hans", "投资300亿元", []string{"300亿元=30000000000 CNY money"}},
		{"zh-Hans", "港元汇率稳定，人均收入5万元", []string{"5万元=50000 CNY money"}},
		// QA review: bounds
		{"en", "Unemployment fell to less than 4% while prices rose by up to 12%.", []string{"4%=0.04 % percent≤", "12%=0.12 % percent≤"}},
		{"en", "Fewer than 30 people came, under $5 million was spent.", []string{"30 people=30 people count≤", "$5 million=5000000 USD money≤"}},
		{"en", "no more than 5 days", []string{"5 days=5 days duration≤"}},
		{"en", "at least 3 weeks", []string{"3 weeks=3 weeks duration≥"}},
		{"en", "roughly 1.2 million", []string{"1.2 million=1200000  quantity≈"}},
		{"zh-Hans", "失业率不到5%，以下为10万元以下的项目。", []string{"5%=0.05 % percent≤", "10万元=100000 CNY money≤"}},
		{"zh-Hans", "增速不超过3%", []string{"3%=0.03 % percent≤"}},
		{"zh-Hans", "不少于50家", []string{"50家=50 家 count≥"}},
		{"zh-Hans", "取消许可事项50项以上", []string{"50项=50 项 count≥"}},
		{"zh-Hant", "成長近三成", []string{"三成=0.3 % percent≈"}},
		{"zh-Hans", "小微企业受益约占七成", []string{"七成=0.7 % percent≈"}},
		{"zh-Hans", "产值500亿元左右", []string{"500亿元=50000000000 CNY money≈"}},
		{"zh-Hans", "十来年", []string{"十来年=10 years duration≈"}},
		{"zh-Hans", "十几年", []string{"十几年=10 years duration≥"}},
		{"zh-Hans", "约50项以上", []string{"50项=50 项 count≥"}},
		{"ja", "5万人未満", []string{"5万人=50000 人 count≤"}},
		{"ko", "100명 이하", []string{"100명=100 명 count≤"}},
		{"zh-Hans", "2024年上下游企业", []string{"2024年=2024 year year"}},
		// QA review: lexical ordinals
		{"zh-Hans", "第三方评估将每季度开展一次", nil},
		{"zh-Hans", "第一产业、第二产业和第三产业", nil},
		{"zh-Hant", "第一產業與第三產業", nil},
		{"zh-Hant", "保障第三者權益", nil},
		{"zh-Hans", "获取第一手资料", nil},
		{"zh-Hans", "前三季度GDP增长5.2%", []string{"前三季度=3 quarters duration", "5.2%=0.052 % percent"}},
		{"zh-Hant", "前３季營收", []string{"前３季=3 quarters duration"}},
		{"zh-Hant", "第３季合併營收", []string{"第３季=3 quarter ordinal"}},
		{"zh-Hans", "三季度", []string{"三季度=3 quarter ordinal"}},
		{"ja", "第1四半期の営業利益", []string{"第1四半期=1 quarter ordinal"}},
		{"ko", "3분기 매출", []string{"3분기=3 quarter ordinal"}},
		{"en", "scheduled to open in Q3 2025", []string{"Q3=3 quarter ordinal", "2025=2025 year year"}},
		{"en", "the Q5 model and QA3", nil},
		// QA review: English units
		{"en", "can yield 10 to 20 times more produce", []string{"10 to 20 times=10 times quantity", "10 to 20 times=20 times quantity"}},
		{"en", "sell for nearly three times the price of lettuce", []string{"three times=3 times quantity≈"}},
		{"en", "she visited three times last year", []string{"three times=3 times count"}},
		{"en", "up 5 times since", []string{"5 times=5 times count"}},
		{"en", "about one in three indoor farms", []string{"one in three=0.3333333333333333 % percent≈"}},
		{"en", "1 in 4 adults", []string{"1 in 4=0.25 % percent"}},
		{"en", "three indoor farms", []string{"three indoor farms=3 farms count"}},
		{"en", "hired 35 new workers", []string{"35 new workers=35 workers count"}},
		{"en", "three big", nil},
		{"en", "signed a ten-year lease", []string{"ten-year=10 years duration"}},
		{"en", "a one-year contract", []string{"one-year=1 years duration"}},
		{"en", "the bill passed (12-0) on Monday", nil},
		{"en", "won 3-2", nil},
		{"en", "pages 12-15", []string{"12-15=12  quantity", "12-15=15  quantity"}},
		{"en", "1.2 million pounds of greens", []string{"1.2 million pounds=1200000 lb quantity"}},
		// QA review: points, business days, dates
		{"zh-Hant", "加權指數收在２２,８５０.１２點，上漲１５６點。", []string{"２２,８５０.１２點=22850.12 點 quantity", "１５６點=156 點 quantity"}},
		{"zh-Hans", "沪指上涨25点", []string{"25点=25 点 quantity"}},
		{"zh-Hans", "提出三点建议", []string{"三点=3 点 count"}},
		{"zh-Hans", "将企业开办时间压缩至1个工作日以内", []string{"1个工作日=1 days duration≤"}},
		{"zh-Hant", "3個工作天內完成", []string{"3個工作天=3 days duration≤"}},
		{"zh-Hans", "5个工作日", []string{"5个工作日=5 days duration"}},
		{"ja", "3営業日以内", []string{"3営業日=3 days duration≤"}},
		{"zh-Hans", "新华社北京3月15日电", []string{"3月15日=315 date date"}},
		// QA2: a space between a number and its counter or unit
		{"zh-Hans", "整个过程历时 6 周，期间共发现 3 个严重问题", []string{"6 周=6 weeks duration", "3 个=3 个 count"}},
		{"zh-Hans", "覆盖 200 名用户", []string{"200 名=200 名 count"}},
		{"zh-Hans", "平均减少 1 个 RTT", []string{"1 个=1 个 count"}},
		{"zh-Hans", "P99 延迟从 820ms 降到 510 ms", []string{"820ms=820 milliseconds duration", "510 ms=510 milliseconds duration"}},
		{"zh-Hans", "耗时 4.2 s，另有 1.8 ms", []string{"4.2 s=4.2 seconds duration", "1.8 ms=1.8 milliseconds duration"}},
		{"zh-Hans", "延迟 3\u2009个月", []string{"3\u2009个月=3 months duration"}},
		{"zh-Hans", "历时 6  周", []string{"6=6  quantity"}},
		{"zh-Hant", "全 市 1 2 0 個 路 口", []string{"1=1  quantity", "2=2  quantity", "0=0  quantity"}}, // letter-spaced text: no unit across a space
		{"zh-Hant", "在 6 個 月 內", []string{"6=6  quantity"}},
		{"en", "in the 1990s and 80s", nil},
		// QA2: times of day and phone numbers are not figures
		{"zh-Hant", "辦公時間為星期一至五上午8時45分至下午5時45分，星期六休息。", nil},
		{"zh-Hant", "下午3時半開始，晚上10時結束", nil},
		{"ja", "午前９時から午後６時まで", nil},
		{"zh-Hans", "会议于8:45开始，下午3点结束", nil},
		{"zh-Hant", "可致電熱線2152 0111查詢", nil},
		{"zh-Hant", "電話(852) 2152 0111", nil},
		{"zh-Hans", "客服电话400-820-8820", nil},
		{"zh-Hans", "请拨打+86 10 1234 5678", nil},
		{"en", "call +1 415 555 0100 now", nil},
		{"zh-Hans", "耗时8小时45分钟", []string{"8小时=8 hours duration", "45分钟=45 minutes duration"}},
		{"zh-Hans", "共有2152 家企业", []string{"2152 家=2152 家 count"}},
		// QA2: N日前, N天后: durations, not dates
		{"ja", "出発の３〜５日前からは料金の５０％", []string{"３〜５日前=3 days duration", "３〜５日前=5 days duration", "５０％=0.5 % percent"}},
		{"ja", "出発の６０日前までに予約すると、７５日前の予約なら", []string{"６０日前=60 days duration", "７５日前=75 days duration"}},
		{"ja", "購入から３０日後に届く", []string{"３０日後=30 days duration"}},
		{"zh-Hans", "3天前发布，7天后生效", []string{"3天前=3 days duration", "7天后=7 days duration"}},
		{"ja", "５月３日前後に", []string{"５月３日=503 date date≈"}},
		{"ja", "３日間の滞在", []string{"３日間=3 days duration"}},
		// QA2: bounds
		{"zh-Hans", "人均支出约为7.8万元，大约为12%", []string{"7.8万元=78000 CNY money≈", "12%=0.12 % percent≈"}},
		{"zh-Hant", "金額約為3億元，大約是兩成", []string{"3億元=300000000 元 money≈", "兩成=0.2 % percent≈"}},
		{"ja", "宿泊料金が最大３０％安くなる", []string{"３０％=0.3 % percent≤"}},
		{"ja", "直前に買うと３万円を超えることがある", []string{"３万円=30000 JPY money≥"}},
		{"ja", "参加者は１万人超となった", []string{"１万人=10000 人 count≥"}},
		{"zh-Hans", "新开3家超市", []string{"3家=3 家 count"}},
		{"zh-Hans", "成本下降了一半左右", []string{"一半=0.5 % percent≈"}},
		{"zh-Hans", "超过一半的企业", []string{"一半=0.5 % percent≥"}},
		{"ko", "금리가 0.4퍼센트포인트 올랐다", []string{"0.4퍼센트포인트=0.004 pp percent"}},
		// QA2: counters and short year ranges
		{"zh-Hans", "本书第三部分分为三部分", []string{"第三部分=3 部分 ordinal", "三部分=3 部分 count"}},
		{"zh-Hans", "全书约28万字，共368页", []string{"28万字=280000 字 count≈", "368页=368 页 count"}},
		{"zh-Hant", "全書共368頁", []string{"368頁=368 頁 count"}},
		{"zh-Hans", "每10股派发现金红利3元", []string{"10股=10 股 count", "3元=3 CNY money"}},
		{"zh-Hans", "打击三股势力，两股力量", nil},
		{"zh-Hans", "前10股东持股", nil},
		{"zh-Hant", "二〇二四至二五年度財政預算", []string{"二〇二四至二五年度=2024 year year", "二〇二四至二五年度=2025 year year"}},
		{"zh-Hant", "2024至25年度", []string{"2024至25年度=2024 year year", "2024至25年度=2025 year year"}},
		{"zh-Hans", "1999至2000年", []string{"1999至2000年=1999 year year", "1999至2000年=2000 year year"}},
		// QA3: zh technical spacing, era dates
		{"zh-Hans", "第三季度营收 351 亿美元，单价约 3 万美元", []string{"第三季度=3 quarter ordinal", "351 亿美元=35100000000 USD money", "3 万美元=30000 USD money≈"}},
		{"zh-Hans", "出货量将达 200 万台，售价 21.59 万元起，增加 3.5 千亿元", []string{"200 万台=2000000 台 count", "21.59 万元=215900 CNY money", "3.5 千亿元=350000000000 CNY money"}},
		{"zh-Hans", "OpenAI 于 2024 年 5 月 13 日发布", []string{"2024 年 5 月 13 日=20240513 date date"}},
		{"zh-Hans", "于 5 月 13 日发布", []string{"5 月 13 日=513 date date"}},
		{"zh-Hant", "自民國114年1月起實施", []string{"民國114年1月=20250100 date date"}},
		{"zh-Hant", "民國113年10月5日", []string{"民國113年10月5日=20241005 date date"}},
		{"en", "The club, ranked No. 1 and in the Top 10 of Europe's richest", []string{"No. 1=1  ordinal", "Top 10=10  ordinal≤"}},
		{"en", "among the top 3 banks", []string{"3 banks=3 banks count"}},
		{"en", "Erling Haaland, aged 24, scored", []string{"24=24 age quantity"}},
		{"en", "He ran 10,000 metres in 26 minutes", []string{"10,000 metres=10000 m quantity", "26 minutes=26 minutes duration"}},
		{"zh-Hans", "较上日下调15个基点", []string{"15个基点=0.0015 pp percent"}},
		{"zh-Hant", "利率調升25個基點", []string{"25個基點=0.0025 pp percent"}},
		{"en", "The Fed cut rates by 25 basis points, or 25bps.", []string{"25 basis points=0.0025 pp percent", "25bps=0.0025 pp percent"}},
		{"ko", "코스피는 2.5% 오른 2,600.5포인트로, 금리는 0.25%포인트", []string{"2.5%=0.025 % percent", "2,600.5포인트=2600.5 포인트 quantity", "0.25%포인트=0.0025 pp percent"}},
	}
	n := 0
	for _, c := range cases {
		var got []string
		for _, f := range Find(c.text, c.lang) {
			got = append(got, brief(f))
		}
		if !assert.Equal(t, c.want, got, "%s %q", c.lang, c.text) {
			continue
		}
		n++
	}
	assert.GreaterOrEqual(t, len(cases), 100)
	t.Logf("%d/%d cases", n, len(cases))
}

func TestSentence(t *testing.T) {
	fs := Find("開頭。兩國貿易額達 410億美元，同比增長32%。最後！", "zh-Hant")
	if assert.Len(t, fs, 2) {
		assert.Equal(t, "兩國貿易額達 410億美元，同比增長32%。", fs[0].Sentence)
		assert.Equal(t, fs[0].Sentence, fs[1].Sentence)
	}
	fs = Find("It rose 10 percent. Then it fell 5 percent.", "en")
	if assert.Len(t, fs, 2) {
		assert.Equal(t, "It rose 10 percent.", fs[0].Sentence)
		assert.Equal(t, "Then it fell 5 percent.", fs[1].Sentence)
	}
	fs = Find("他说：“增长了32%。”然后", "zh-Hans")
	if assert.Len(t, fs, 1) {
		assert.Equal(t, "他说：“增长了32%。”", fs[0].Sentence)
	}
	assert.True(t, strings.HasPrefix(Find("a\n2024年", "")[0].Sentence, "2024"))
}
