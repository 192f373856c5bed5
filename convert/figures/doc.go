// Package figures finds the figures of a document — amounts of money,
// percentages, years, dates, counts, ordinals, durations and quantities —
// and returns them as [convert.Figure] values: the text as written, an exact
// value, a normalized unit, a kind, and where it came from (block,
// paragraph, section heading, sentence).
//
// [Extract] analyses a whole document; [Of] returns d.Figures when the
// document already carries them and extracts them otherwise (writers call
// Of, so that a caller may edit the list first); [Find] analyses one string.
// None of them modifies the document.
//
// # Where figures are looked for
//
// In headings, paragraphs, list items, block quotes and table cells (Block
// is then the index of the enclosing top-level block). A heading names the
// Section of the figures that follow it, and its own figures too
// (二〇二四年主要城市空气质量 gives the year 2024 with that Section): a
// headline figure is often the article's key figure. So is the document
// title (Meta.Title): its figures come first, with Block -1, Paragraph 0 and
// the title as Section — unless a heading repeats the title (Markdown's
// "# Title" under front matter), which is then scanned once, as that
// heading. Code — code blocks and
// inline code — is not prose and is not scanned. Paragraph counts the
// top-level blocks that are not headings, from 1; it is 0 for a figure in
// a heading. A sentence ends at 。！？!?, at ". "
// and at a line break; a table row is one sentence, its cells joined by
// " | ". A bare number in a table takes the unit its column header names in
// parentheses ("PM2.5(微克/立方米)"), or else the unit its row label (the
// first cell) names: 营业收入（亿元） | 128.6 is 12,860,000,000 CNY. A
// multiplier in such a unit scales the value (亿元 ×10^8, 万人 ×10^4,
// 百万美元 ×10^6; 千米 is km). A unit in the cell itself (1.8 ms) wins.
//
// # Numeral grammar
//
// One grammar reads every number (numeral.go; exact.go holds its exact
// decimal type). Values are exact: a number is an integer mantissa times a
// power of ten, never a sum of floats, so 2.07亿 is 207000000 and
// 千二百億 is 120000000000; fractions are exact rationals rounded once to
// the nearest float64. A number of 10^48 or more, or with more than 18
// significant digits, is "too large": it is no figure, never a wrong value.
// Each rule below has a table of exact values in grammar_test.go.
//
//	number    = [sign] body [multiplier] | fraction | mixed
//	sign      = "-" | "−" | "－" | "负" | "負" | "零下" | "マイナス" | "氷点下" | "마이너스" [" "] | "영하" [" "] | "minus " | "▲" | "△"
//	body      = arabic | cjk | hangul | words
//	arabic    = digits [sep3…] ["." digits] [vulgar] [exponent]
//	            digits ASCII or fullwidth (３８０); sep3 "," or, between
//	            fullwidth digits, "，" before exactly three digits
//	            (１，２３４，５６７); ".5" alone at a word start; vulgar
//	            ½ ¼ ¾ ⅛… (2 ½); exponent "e±N" (1.2e+14), "10^N", "10⁵",
//	            "×10^N" (3×10^8)
//	cjk       = section {big section} [tail]
//	section   = [d] 千 [d] 百 [d] 十 [d] | positional | fuzzy | 廿/卅/卌 [d]
//	            d is 〇零一二两兩三…九 (also 壹贰叁…) or Arabic digits (2百,
//	            7천); a multiplier without a digit before it is 一
//	            (十二, 百二十三万, 千二百億, 三千二百十七); 零/〇 marks a gap
//	            (一千零十二 = 1012); positional runs of digits read digit by
//	            digit (二〇二四); a decimal 点/點/・ with digits after (三点五,
//	            四八・五 when a unit follows)
//	big       = 万/萬 (10^4) 亿/億 (10^8) 兆 (10^12) 京 (10^16); a big
//	            multiplier after another multiplies (万亿 10^12, 四万万 4×10^8)
//	tail      = one digit after a multiplier of 百 or more, standing for the
//	            next lower unit: 四百五 = 450, 一万三 = 13000, 两千三 = 2300,
//	            三亿五 = 350000000 (not after 零: 一千零五 = 1005)
//	fuzzy     = two adjacent digits, the second one more: 三四天, 二三日,
//	            十三四 — the lower bound, Bound AtLeast (three or four)
//	hangul    = Sino-Korean 일이삼사오육칠팔구 with 십백천만억조, alone
//	            (오십이 = 52) or after Arabic digits (7천 5백만, 3억, 1조 2천억,
//	            spaced by groups: 32만 6,900); Hangul numerals alone are a
//	            figure only with a unit (이천 is also a city)
//	words     = English cardinals with "and" and hyphens (one hundred and
//	            sixty-one, two thousand and twenty-four), ordinals
//	            (twenty-fifth, one hundred and first, the fifth), fractions
//	            (two-thirds, one fourth) and mixed numbers (three and one
//	            fourth = 3.25, two and a half)
//	multiplier= million billion trillion bn bln mn tn lakh (10^5) crore
//	            (10^7) dozen ダース (12), k/K and M glued to digits (5k, 2.5M),
//	            m and b after a currency ($5m)
//	fraction  = den (分之 | 分の | 분의) num: 三分之一, ３分の２, 3분의 1, a
//	            percent (Unit "%"); 百分之N, 千分之N; "one in three", "one out
//	            of every three"
//	mixed     = integer 又 den 分之 num: 三百五十又3分之1 = 1051/3,
//	            负一又二分之一 = -1.5 (a quantity, with the unit after)
//	bound     = 余 餘 多 几 幾 何 여 after a number (20余年, 十何年, 1100多万):
//	            at least; 来 (十来年): about
//
// Native Korean numbers (하나 둘 셋…, 열 스물 서른…, counting forms 한 두 세
// 네 스무) are figures only before a counter (세 명, 스물다섯 살, 열두 시간):
// without one they are other words (세 "tax", 네 "yes"). 한 with a counter
// is an article (한 명), except for spans (한 달, 한 시간).
//
// # Kinds and units
//
//   - money: Unit is an ISO 4217 code. Compound amounts are one figure:
//     2222円13銭 (2222.13 JPY), 3元5角 (3.5), 3 dollars 50 cents, six
//     shillings and eight pence and £5592 14s. 2d. (in pounds), 3斤2两 (a
//     measure: 10 两 to the 斤, 16 in Traditional Chinese). C$ → CAD,
//     HK$ → HKD, NT$ → TWD, 人民元 → CNY, guineas → "guinea",
//     sixpence and half-a-crown in GBP. 美元 USD $ US$ 달러 → USD; 人民币
//     人民幣 CNY RMB ¥ → CNY (¥ is JPY when the document language is ja);
//     a bare 元 (圆, 圓) is CNY in Simplified Chinese and other languages;
//     in Traditional Chinese (zh-Hant, zh-TW, zh-HK, yue) it is the currency
//     the document names most often (新台幣/台幣/NT$ → TWD, 港元/港幣/HK$ →
//     HKD, 人民幣/RMB → CNY), else TWD for zh-TW, HKD for zh-HK, and
//     otherwise Unit "元": an unknown currency, rather than a wrong CNY
//     (每股盈餘12.54元 in a Taiwanese report);
//     日元 日圓 円 JPY → JPY; 歐元 欧元 € → EUR; 韓元 원 ₩ → KRW; 坚戈 堅戈 →
//     KZT; 港元 港幣 HK$ → HKD; 新台幣 NT$ → TWD; 英镑 £ → GBP. A currency
//     written before the number (新台幣4.3兆元, $41 billion) is part of the
//     text and wins over a generic 元 after it.
//   - percent: Value is the fraction (32% is 0.32): %, ％, percent, 百分之N,
//     N成 (zh, 三成 = 0.3), N割 (ja, 九割 = 0.9), fractions N分之M and
//     two-thirds (Unit "%"), 一半 and "half of" (0.5; 一半左右 is about a half). Percentage points
//     (个百分点, percentage points, %p, 퍼센트포인트) have Unit "pp" and the same scale
//     (1.7个百分点 = 0.017); so do basis points (15个基点, 25 basis points,
//     25bps: Value v/10000, 0.0015).
//   - year: a year with 年/년/年度 (2023年, 2024년, 二〇二四年, 二千十八年,
//     ‘21년), or a bare four-digit number from 1800 to 2100 (in 2024; older
//     years after in/of/since or between commas). Unit "year", Date the
//     year ("2024"). Era years keep their era: 康熙二十三年 is Value 23,
//     Unit "year:康熙", Date "1684" (the Gregorian year); 元年 is 1 (雍正元年,
//     令和元年); 平成4年 is 4 "year:平成" (1992), 民國39年 39 "year:民國"
//     (1950). Eras: Japanese (令和 平成 昭和 大正 明治, older ones in
//     Japanese text), 民國, Qing and Ming reigns (康熙 乾隆 光緒…). A bare
//     N年 after an era year in the same sentence is of that era (平成八年が…、
//     九年が…); in Traditional Chinese a three-digit 100年–150年 is a
//     Republic year (105年 = 2016) and 111-01-06 a Republic date.
//   - date: Value is YYYYMMDD with unknown parts 0, Unit "date", and Date
//     the ISO 8601 text: 2024年1月5日 is 20240105 "2024-01-05", 1月5日 is
//     105 "--01-05", 四月 is 400 "--04", a day alone "---15", January 2024
//     "2024-01", in September "--09". A full date is one figure, not three;
//     so is 1992（平成4）年1月20日 and 1888年(明治21年)4月25日 (the era
//     year glossing the Gregorian one; 大正9年(1920年) likewise). Extract
//     gives partial dates the article's year when the article states only
//     one (all its dated figures and Meta.Date name the same year): 2023年…
//     3月15日 becomes 20230315 "2023-03-15", Text unchanged. Find, which
//     sees one text, does not.
//   - duration: N年 when N is not a year (六年, 20餘年), 周年/週年 (十周年),
//     个月, 天, 小时, 分钟, weeks, days, hours…, ms/毫秒 (milliseconds), s
//     (seconds: 4.2 s; but 1990s and 80s are decades, no figure), 半年 (0.5); business days
//     (1个工作日, 3個工作天, 3営業日, 영업일) are "days"; so are N日前, N日後,
//     N天前, N天后 ("N days before/after": ６０日前 is 60 days, ３〜５日前 the
//     range 3–5 days; after a month, 5月3日前 is still the date) and N日間; 前三季度/前３季 (the
//     first three quarters) is 3 "quarters"; ten-year, 10-day. Unit is the
//     English plural (years, months, weeks, days, hours, minutes, seconds,
//     milliseconds),
//     so that durations compare across languages.
//   - count: a number with a counter (次 屆 名 人 个 家 项 座 列 所 部 条 件 位
//     县/縣 府 州 厅/廳 镇/鎮 乡/鄉 区/區 门/門 水库/水庫 堡 局 階 歩 行 畳 (四畳半 =
//     4.5) — those that also end names (九州, 五行, 十里, 三門) not after one
//     Chinese numeral alone —
//     部分 字 页/頁…, 股 after Arabic digits only: 每10股, not 三股势力 or 10股东;
//     Japanese 件 社 路線 か国…, Korean 명 개 곳…) or an English plural noun,
//     possibly after adjectives (19,000 trips, 35 new workers, three indoor
//     farms: Unit "farms"); a singular or adjective alone is no counter
//     ("three big" is not a figure). Unit is the counter as written (标箱
//     is TEU). "N times" not followed by a comparative is a frequency:
//     count, Unit "times" (visited three times).
//   - ordinal: 第N with its counter (第十一次, 第三屆, 第一座, 第三部分: Unit 次,
//     屆, 座, 部分 — not 部),
//     1st/2nd/3rd, "No. 1", "the Top 10" (AtMost: a rank of 10 or better;
//     "top 3 banks" is a count), Korean 제N, N번째, N위; N位 in Japanese
//     (rank), N番目 N年生 N年目; English ordinal words (twenty-fifth, the
//     fifth, the first test flight — first and second only after a
//     determiner: "at first" is a word; the sixteenth century: Unit
//     century). Quarters
//     are ordinals with Unit "quarter": 一季度, 第三季度, 第３季, 第1四半期,
//     3분기, Q3 (1 to 4 only; 第三季 is read as a quarter, not a TV season).
//   - ages are quantities with Unit "age": 七周岁, 65歳, 만 19세, 스물다섯 살,
//     aged 34, age 25 and older, twelve years old, 50대 이상 (a decade of
//     life, ≥ 50).
//   - quantity: measures (公里 km キロメートル metres 吨 t 公斤 kg キログラム
//     平方米 m² 千瓦 kW μg/m³ μm 里 尺…, normalized; ポンド and pounds are
//     GBP unless weight words are near — 重さ, 肉, weigh, "pounds of" — then
//     lb), coordinates (北緯23°29′, 东经120度30分, 23°29′N: decimal degrees,
//     Unit °N °S °E °W) and angles (二十四度五十四分 = 24.9, Unit °),
//     multipliers (倍, 배: Unit as
//     written; "10 to 20 times more", "three times the price": Unit
//     "times" — never a Chinese unit for English text), index points with
//     Arabic digits (上漲156點, 上涨25点, 2,600.5포인트: Unit 點/点/포인트;
//     三点建议 is a count,
//     下午3點 and 3点钟 are times of day, not figures), and bare
//     numbers.
//   - proportions: "one in three", "1 in 4" are percent (1/3, Unit "%").
//
// A counter or unit may follow Arabic digits after one space (an ordinary,
// no-break or thin space), as zh technical writing puts it: 历时 6 周 (6
// weeks), 共发现 3 个问题 (3 个), 200 名用户, 510 ms; so may a multiplier
// (351 亿美元, 3.5 千亿元, 200 万台) and the parts of a date (2024 年 5 月
// 13 日 is 20240513). Two spaces, or a Latin
// word in between, leave the number bare; so does letter-spaced text (全 市
// 1 2 0 個 路 口), where a space separates every character (a single
// digit between single-character words; 于 2024 年 is not letter-spaced).
//
// Ranges give two figures, both with the unit written after the second
// number and both with the whole range as text: 7至9月, 3到5天, 3–5, 3 to 5
// days. A year range may write the second year in two digits: 2024至25年度
// and 二〇二四至二五年度 are 2024 and 2025. Without a unit a range must go up: 12-0 and 3–2 are scores or
// votes and give no figure.
//
// Bound says how the figure relates to its Value (which is always the
// number written):
//
//   - AtLeast: a lower bound inside the figure (20餘年, 20余年, 1100多万,
//     十几年, 10여 명, 个多月, 三四天 "three or four") or around it:
//     超过/超過/逾/至少/不少于/多于/高于 and 以上/有余/余り/を超える/を超え/
//     超 (Japanese only: １万人超; in Chinese 超 starts a word, 超市)/이상/여 after;
//     more than, over, above, at least, upwards of; "or more", "plus".
//   - AtMost: 不到/不足/不超过/少于/低于/最多/至多/最大 (最大３０％)/최대 before, 以下/以内/以內/
//     未満/이하/이내/미만 after; less than, fewer than, under, up to, below,
//     at most, no more than; "or less".
//   - About: 约/約/大约/近/将近/接近/大概/およそ/ほぼ/약 before, also with
//     为/為/是 (约为7.8万元, 大约为12%), 左右/上下/
//     前后/程度/ほど/近く/안팎/가량/정도/내외 after, 十来年 inside; about,
//     around, approximately, roughly, nearly, almost, close to, some, "or
//     so". 近 and "nearly" ("slightly below") read as approximations.
//
// The longest word wins (不超过 is an upper bound, not 超过). A lower and
// an upper bound together make About; an explicit bound wins over an
// approximation (约50项以上 is at least 50).
//
// # Not figures
//
//   - Enumerators: 一是/二是 (a numeral without a counter), 第一，/第一,/第一、/
//     第一に/第一是 at the start of a clause ("first of all"; mid-sentence,
//     排名第一，is a rank), （一）/(1) (a bare number in parentheses), 1. and
//     1、 at the start of a line or clause, 首先.
//   - Lexical numerals: 一些 统一 一带一路 十分 一致 唯一 一起 一直 一定 一切
//     一般 一样 万一 一方面 一方 同一 一道 一同 一旦 一度 一体 一次性 千方百计
//     一帆风顺 三股势力 第一时间 第一手 第三方 第三者 第一/第二/第三产业 and
//     the others listed in lexicon.go
//     (Simplified, Traditional and Japanese forms). A numeral starting with
//     百/千/万/億 without a digit before it is lexical (百年变局, 千年, 万物);
//     十 may start a number (十周年, 十二所).
//   - The lone numeral 一 (or the word "one") with a counter works as an
//     article ("一个重要成果", "新的一年", "a year") and is not a figure,
//     except in 第一 (ordinal), 一倍, 一成/一割, 一半, 一月 (January) and
//     一季度. 1 written in digits always counts (1年, 1万元).
//   - A single Chinese numeral without a counter (两国, 三股, 五是) is not a
//     figure; a bare Chinese numeral is one only from 100 up (三百八十億).
//   - Numbers inside names: digits touching Latin letters or joined to them
//     by - . _ / (G20, PM2.5, GPT-4o, COVID-19, 5G, A4, v1.2), a bare number
//     right after a capitalized word that is not a preposition (WWDC 2024,
//     Windows 11 — the year of an event's name is part of the name), and any
//     number inside a short quoted phrase (“黄金三十年”, “金色十年”, 「一帯一路」,
//     up to 12 characters: slogans and names) or a title in 《》〈〉.
//     Longer quotations are scanned.
//   - Legal citations — parentheses or 「」 holding U.S.C., Pub. L., §,
//     法律第, 条例第 (22 U.S.C. 5725, 「明治21年4月25日法律第1号」) — cross
//     references and citations 第2図, 第1号, 第22条, footnote marks [8],
//     Arabic digits glued to Hangul (1인가구, 2쪽, 코로나19), the base of a
//     rate (1,000명당), decades (1930年代), eleven o'clock, 人口.
//   - Numbers too large to state exactly (above): no figure.
//   - The file name: a title Read made from the file name
//     (Meta.TitleFromFile: "report 2024.txt", /dev/fd/63) is not text.
//   - URLs, e-mail addresses, version strings (1.2.3), times and ratios
//     (10:30, 3:1), phone numbers and identifiers (010-12345678, 1-800-555-0100,
//     400-820-8820).
//   - Times of day: a number with 時/时 (8時45分, 下午5時45分, 午前９時; 8時間
//     is a duration) or with 点/點 and minutes, 钟, 半, 整 or a part of the
//     day before it (3点45分, 下午3点, 3點半). The minutes are part of the
//     time and not figures either.
//   - Identifiers: digits after a contact word (電話, 手机, 專線, 統一編號,
//     전화, 문의, Tel…) or an area code in parentheses ((02)2312-3456), and
//     eight or more digits with no separator, unit or currency
//     (13800138000); digits glued to a Latin letter (B29, Ｂ29) or after #
//     (#253); a decimal followed by a full stop in CJK text (表格 4.1.) is a
//     section number. Korean clock times (오후 3시 20분, 3시 반).
//   - Phone numbers in groups of digits separated by single spaces: after
//     a plus sign (+86 10 1234 5678), or two or more groups of at least three digits
//     making seven digits or more (2152 0111; (852) is a bare number in
//     parentheses).
//
// # Decisions on ambiguous cases
//
//   - 第一大貿易伙伴 is an ordinal rank (Value 1, Unit 大), not a lexical
//     "first": it states a ranking an analyst wants to see.
//   - 十周年 and 六年 are durations; 黄金三十年 in quotes is a slogan (not
//     listed); 百年变局 is lexical.
//   - 兆 is 10^12 (Taiwan, Japan, Korea and modern mainland finance usage).
//   - 两国/兩國 ("the two countries") is not a count: 国 is not a counter.
package figures
