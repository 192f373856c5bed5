package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// longKO is the opening of 윤동주 「서시」 (Yun Dong-ju, 1941; public domain).
const longKO = "죽는 날까지 하늘을 우러러 한 점 부끄럼이 없기를, 잎새에 이는 바람에도 나는 괴로워했다."

// longHant is the opening of 魯迅《孔乙己》 (1919; public domain), as in
// formats/pdf/testdata/typeset/kongyiji-hant.txt.
const longHant = "孔乙己是站著喝酒而穿長衫的唯一的人。他身材很高大；青白臉色，皺紋間時常夾些傷痕；一部亂蓬蓬的花白的鬍子。"

// longJA is the opening of 夏目漱石『坊っちゃん』 (1906; public domain).
const longJA = "親譲りの無鉄砲で小供の時から損ばかりしている。小学校に居る時分学校の二階から飛び降りて一週間ほど腰を抜かした事がある。"

// TestStructurePerDocument: lines of one shape get one role and one level
// in a document (issue 11, item 10). Every case failed before: the first
// chapter was taken for the title, two-line chapter headings and setext
// underlines were text, a report's headline was a heading, a closing date
// or an attribution was a heading.
func TestStructurePerDocument(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		title    string
		want     []string
	}{
		{"first chapter after a blank line is a chapter, not the title",
			"第一章　序\n\n" + longZH + "\n\n第二章　优胜记略\n\n" + longZH + "\n\n第三章　续优胜记略\n\n" + longZH + "\n", "",
			[]string{"H2:第一章　序", "P:" + longZH, "H2:第二章　优胜记略", "P:" + longZH, "H2:第三章　续优胜记略", "P:" + longZH}},
		{"first chapter followed by a short line",
			"第一章　序\n以上可以算是序。\n第二章　优胜记略\n" + longZH + "\n第三章　续优胜记略\n" + longZH + "\n", "",
			[]string{"H2:第一章　序", "P:以上可以算是序。", "H2:第二章　优胜记略", "P:" + longZH, "H2:第三章　续优胜记略", "P:" + longZH}},
		{"Traditional Chinese: the title over letterspaced chapters",
			"阿Ｑ正傳\n\n第一章　序\n\n" + longHant + "\n\n第二章　優　勝　記　略\n\n" + longHant + "\n\n第三章　續優勝記略\n\n" + longHant + "\n", "阿Ｑ正傳",
			[]string{"H2:第一章　序", "P:" + longHant, "H2:第二章　優　勝　記　略", "P:" + longHant, "H2:第三章　續優勝記略", "P:" + longHant}},
		{"English chapters, first one at the top",
			"CHAPTER I\n\n" + longEN + "\n\nCHAPTER II\n\n" + longEN + "\n", "",
			[]string{"H2:CHAPTER I", "P:" + longEN, "H2:CHAPTER II", "P:" + longEN}},
		{"Japanese sections numbered by a numeral alone",
			"一\n\n" + longJA + "\n\n二\n\n" + longJA + "\n\n三\n\n" + longJA + "\n", "",
			[]string{"H2:一", "P:" + longJA, "H2:二", "P:" + longJA, "H2:三", "P:" + longJA}},
		{"Korean chapters, the first at the top",
			"제1장 서시\n\n" + longKO + "\n\n제2장 자화상\n\n" + longKO + "\n\n— 윤동주\n\n" + longKO + "\n", "",
			[]string{"H2:제1장 서시", "P:" + longKO, "H2:제2장 자화상", "P:" + longKO, "P:— 윤동주", "P:" + longKO}},
		{"versions without underlines, each over a list",
			"v1.2.0 (2020-01-02)\n- Fixed a crash on empty input\n- Faster start\n\nv1.1.0 (2019-12-01)\n- First release with the new parser\n", "",
			[]string{"H2:v1.2.0 (2020-01-02)", "L•:Fixed a crash on empty input|Faster start", "H2:v1.1.0 (2019-12-01)", "L•:First release with the new parser"}},
		{"setext underlines make headings and are not text",
			"Changes\n=======\n\n1.0 (2020-01-01)\n----------------\n\n" + longEN + "\n\nFixes\n~~~~~\n\n" + longEN + "\n", "",
			[]string{"H2:Changes", "H3:1.0 (2020-01-01)", "P:" + longEN, "H4:Fixes", "P:" + longEN}},
		{"a colophon date is not a heading",
			longZH + "\n一九二一年十二月\n" + longZH + longZH + "\n", "",
			[]string{"P:" + longZH, "P:一九二一年十二月", "P:" + longZH + longZH}},
		{"a date in parentheses is not a heading",
			longJA + "\n（大正三年四月）\n" + longJA + longJA + "\n", "",
			[]string{"P:" + longJA, "P:（大正三年四月）", "P:" + longJA + longJA}},
		{"an attribution is not a heading",
			"Because I could not stop for Death,\nHe kindly stopped for me;\n\n— Emily Dickinson\n\n" + longEN + "\n", "",
			[]string{"P:Because I could not stop for Death, He kindly stopped for me;", "P:— Emily Dickinson", "P:" + longEN}},
		{"three star lines are one break",
			longEN + "\n\n*  *  *\n\n  *  *  *\n\n*  *  *\n\n" + longEN + "\n", "",
			[]string{"P:" + longEN, "R", "P:" + longEN}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := parse(t, tc.in)
			assert.Equal(t, tc.title, d.Meta.Title)
			assert.Equal(t, tc.want, shape(d))
		})
	}
}

// TestStructureFixtures reads excerpts of texts we did not write (see
// testdata/structure/README.md).
func TestStructureFixtures(t *testing.T) {
	for _, tc := range []struct {
		file, title, subtitle string
		authors               []string
		headings              []string // "level:text"
		absent                []string // text that must not be in the document
	}{
		{"alice-en.txt", "Alice’s Adventures in Wonderland", "", []string{"Lewis Carroll"},
			[]string{"2:Contents", "2:CHAPTER I. Down the Rabbit-Hole", "2:CHAPTER II. The Pool of Tears"}, nil},
		{"ahq-zh-hans.txt", "", "", nil,
			[]string{"2:第一章　序", "2:第二章　优胜记略", "2:第三章　续优胜记略", "2:第四章　恋爱的悲剧", "2:第五章　生计问题"}, nil},
		{"report-zh-hans.txt", "政府工作报告", "——2024年3月5日在第十四届全国人民代表大会第二次会议上", nil,
			[]string{"2:一、2023年工作回顾", "2:二、2024年经济社会发展总体要求和政策取向", "2:三、2024年政府工作任务",
				"3:（一）大力推进现代化产业体系建设，加快发展新质生产力。", "3:（二）深入实施科教兴国战略，强化高质量发展的基础支撑。"}, nil},
		{"changes-waitress.txt", "", "", nil,
			[]string{"2:2.0.0 (unreleased)", "2:1.4.3 (2020-02-02)", "3:Security Fixes", "2:1.4.2 (2020-01-02)", "3:Security Fixes", "3:Bugfixes"},
			[]string{"~~~", "---"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "structure", tc.file))
			require.NoError(t, err)
			d := parse(t, string(src))
			assert.Equal(t, tc.title, d.Meta.Title)
			assert.Equal(t, tc.subtitle, d.Meta.Subtitle)
			assert.Equal(t, tc.authors, d.Meta.Authors)
			var hs []string
			for _, s := range shape(d) {
				if strings.HasPrefix(s, "H") {
					hs = append(hs, s[1:2]+":"+s[3:])
				}
			}
			assert.Equal(t, tc.headings, hs)
			text := strings.Join(shape(d), "\n")
			for _, a := range tc.absent {
				assert.NotContains(t, text, a)
			}
			// The text output reads back into the same structure.
			out := (&Writer{}).Bytes(d)
			assert.Equal(t, string(out), string((&Writer{}).Bytes(parse(t, string(out)))))
		})
	}
}

// TestNovelHeadings: in an English novel, the first lines of verse and
// dialogue, speech broken off with a dash, front-matter "Label: value"
// lines and a letter's salutation and signature are no headings; a
// chapter whose title asks a question is one, whatever precedes it.
func TestNovelHeadings(t *testing.T) {
	para := "Alice was beginning to get very tired of sitting by her sister on the\nbank, and of having nothing to do: once or twice she had peeped into the\nbook her sister was reading, but it had no pictures or conversations.\n\n"
	src := "Credits: Arthur DiBianca and David Widger\n\n" + para +
		"CHAPTER I.\nDown the Rabbit-Hole\n\n" + para +
		"“How doth the little crocodile\n    Improve his shining tail,\nAnd pour the waters of the Nile\n    On every golden scale!\n\n" +
		"He sent them word I had not gone\n    (We know it to be true):\nIf she should push the matter on,\n    What would become of you?\n\n" +
		"Twinkle, twinkle—’”\n\n" + para +
		"“I shall sit here,” the Footman remarked, “till tomorrow—”\n\n" + para +
		"“Soo—oop of the e—e—evening,\n    Beautiful, beautiful Soup!”\n\n" +
		"CHAPTER II.\nWho Stole the Tarts?\n\n" + para +
		"\"MY DEAR FRIEND,--\n\n" + para + "\"CAROLINE BINGLEY\"\n\n" + para +
		"CHAPTER III.\nThe Pool of Tears\n\n" + para
	d := parse(t, src)
	var hs []string
	for _, s := range shape(d) {
		if strings.HasPrefix(s, "H") {
			hs = append(hs, s)
		}
	}
	assert.Equal(t, []string{"H2:CHAPTER I. Down the Rabbit-Hole", "H2:CHAPTER II. Who Stole the Tarts?", "H2:CHAPTER III. The Pool of Tears"}, hs)
	out := (&Writer{}).Bytes(d)
	assert.Equal(t, string(out), string((&Writer{}).Bytes(parse(t, string(out)))))
}
