package text

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docconv/docconv/convert"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Defects found by a QA review on unseen articles (testdata/qa holds copies
// of its inputs, 16-long cut to its first 52 lines).

func TestTitleHeadlines(t *testing.T) {
	for _, title := range []string{
		"国务院新闻办公室发布《关于进一步优化营商环境的若干措施》",
		"台積電第３季營收創新高　全年資本支出上看３２０億美元",
		"トヨタ、第1四半期の営業利益1兆1000億円　円安が追い風",
		"삼성전자, 2분기 영업이익 10조 4천억 원…전년 대비 15배 증가",
		"Climate Summit Ends With Pledge on Methane",
		"U.S. Stocks Rally as the Federal Reserve Signals It Is in No Hurry to Raise Interest Rates Again",
		"中国经济能否保持增长？",
		strings.Repeat("长", 40),
	} {
		t.Run(title, func(t *testing.T) {
			d := parse(t, title+"\n\n"+longZH+"\n"+longZH+"\n")
			assert.Equal(t, title, d.Meta.Title)
			assert.Len(t, d.Blocks, 2)
		})
	}
	for _, first := range []string{
		strings.Repeat("长", 41),
		strings.Repeat("Long words ", 10) + "and more to pass one hundred letters in total, well beyond a headline",
		"新年新气象，万事如意。",
		"So far,",
		"By Sarah Mitchell",
		"一、总体要求",
		"一是保持沟通",
	} {
		t.Run("not "+first, func(t *testing.T) {
			d := parse(t, first+"\n\n"+longZH+"\n"+longZH+"\n")
			assert.Empty(t, d.Meta.Title)
		})
	}
}

func TestTitleWithoutBlank(t *testing.T) {
	t.Run("headline then long paragraphs", func(t *testing.T) {
		d := parse(t, "台積電第３季營收創新高　全年資本支出上看３２０億美元\n"+longZH+"\n"+longZH+"\n")
		assert.Equal(t, "台積電第３季營收創新高　全年資本支出上看３２０億美元", d.Meta.Title)
		assert.Equal(t, []string{"P:" + longZH, "P:" + longZH}, shape(d))
	})
	t.Run("numbered sections do not stop it", func(t *testing.T) {
		d := parse(t, "关于优化营商环境的若干措施\n"+longZH+"\n"+longZH+"\n一、总体要求\n"+longZH+"\n")
		assert.Equal(t, "关于优化营商环境的若干措施", d.Meta.Title)
		assert.Equal(t, []string{"P:" + longZH, "P:" + longZH, "H2:一、总体要求", "P:" + longZH}, shape(d))
	})
	t.Run("first of several unnumbered headings stays a heading", func(t *testing.T) {
		d := parse(t, "打造新亮點\n"+longZH+"\n"+longZH+"\n同心向未來\n"+longZH+"\n")
		assert.Empty(t, d.Meta.Title)
		assert.Equal(t, []string{"H2:打造新亮點", "P:" + longZH, "P:" + longZH, "H2:同心向未來", "P:" + longZH}, shape(d))
	})
	t.Run("one paragraph is not enough", func(t *testing.T) {
		d := parse(t, "同心向未來\n"+longZH+"\n")
		assert.Empty(t, d.Meta.Title)
	})
	t.Run("short next line", func(t *testing.T) {
		d := parse(t, "同心向未來\n短句。\n"+longZH+"\n")
		assert.Empty(t, d.Meta.Title)
	})
	t.Run("wrapped layout needs the blank line", func(t *testing.T) {
		en := "Rail freight news\nFreight trains between China and Europe made 19,000 trips in 2024, up\n" +
			"10 percent from the year before, and carried 2.07 million containers.\n\n" +
			"Operators say the main gains came from faster customs clearance. Average\n" +
			"clearance time fell to under 24 hours, a two-\nthirds cut.\n"
		d := parse(t, en)
		assert.Empty(t, d.Meta.Title)
	})
}

func TestNumberedHeadings(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"chapter and section adjacent", "第一章　总则\n第一节　目的\n" + longZH + "\n第二节　范围\n" + longZH + "\n第二章　细则\n" + longZH + "\n",
			[]string{"H2:第一章　总则", "H3:第一节　目的", "P:" + longZH, "H3:第二节　范围", "P:" + longZH, "H2:第二章　细则", "P:" + longZH}},
		{"arabic chapter", longZH + "\n第1章　回顾与展望\n" + longZH + "\n", []string{"P:" + longZH, "H2:第1章　回顾与展望", "P:" + longZH}},
		{"han and paren levels", "一、项目进度\n（一）进度概况\n" + longZH + "\n（二）存在问题\n" + longZH + "\n二、下一步安排\n" + longZH + "\n",
			[]string{"H2:一、项目进度", "H3:（一）进度概况", "P:" + longZH, "H3:（二）存在问题", "P:" + longZH, "H2:二、下一步安排", "P:" + longZH}},
		{"levels are relative to the styles used", "（一）进度概况\n" + longZH + "\n1.项目一\n" + longZH + "\n",
			[]string{"H2:（一）进度概况", "P:" + longZH, "H3:1.项目一", "P:" + longZH}},
		{"after a run of label lines", "时间：2024年11月8日\n地点：公司3楼会议室\n参会人员：王经理,李工\n\n一、项目进度\n" + longZH + "\n",
			[]string{"P:时间：2024年11月8日", "P:地点：公司3楼会议室", "P:参会人员：王经理,李工", "H2:一、项目进度", "P:" + longZH}},
		{"a run of numbered points is a list, not headings", longZH + "\n一、苹果\n二、香蕉\n三、橘子\n",
			[]string{"P:" + longZH, "P:一、苹果", "P:二、香蕉", "P:三、橘子"}},
		{"label lines stay paragraphs", "时间：2024年11月8日\n地点：公司3楼会议室\n" + longZH + "\n",
			[]string{"P:时间：2024年11月8日", "P:地点：公司3楼会议室", "P:" + longZH}},
		{"english byline", longEN + "\nBy Sarah Mitchell\n" + longEN + "\n", []string{"P:" + longEN, "P:By Sarah Mitchell", "P:" + longEN}},
		{"chinese bylines", longZH + "\n文／记者 王明\n" + longZH + "\n記者 王小明／台北報導\n" + longZH + "\n（记者 张三）\n" + longZH + "\n",
			[]string{"P:" + longZH, "P:文／记者 王明", "P:" + longZH, "P:記者 王小明／台北報導", "P:" + longZH, "P:（记者 张三）", "P:" + longZH}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, shape(parse(t, tt.in)))
		})
	}
}

func TestNumbering(t *testing.T) {
	for in, want := range map[string]numStyle{
		"第一章　总则": numChapter, "第12章": numChapter, "第三节 目的": numSection, "第1節": numSection,
		"一、项目进度": numHan, "十二、其他": numHan, "（一）总体要求": numHanParen, "(二)任务": numHanParen,
		"1.项目": numArabic, "2、安排": numArabic, "３．措施": numArabic, "（1）细则": numArabicParen, "(10) item": numArabicParen,
		"1.5亿元": numNone, "1. item": numNone, "一、": numNone, "第一，": numNone, "一是": numNone, "2024年": numNone,
	} {
		got, _ := numbering(in)
		assert.Equal(t, want, got, in)
	}
}

func TestBylineAfterTitle(t *testing.T) {
	for in, want := range map[string][]string{
		"By Sarah Mitchell":             {"Sarah Mitchell"},
		"By Sarah Mitchell and Tom Lee": {"Sarah Mitchell", "Tom Lee"},
		"文／记者 王明":                       {"王明"},
		"記者 王小明／台北報導":                   {"王小明"},
		"（记者 张三）":                       {"张三"},
		"【記者王小明／新竹報導】":                  {"王小明"},
		"本报记者 李华 张伟":                    {"李华", "张伟"},
	} {
		t.Run(in, func(t *testing.T) {
			d := parse(t, "中欧班列再创新高\n\n"+in+"\n\n"+longZH+"\n")
			assert.Equal(t, "中欧班列再创新高", d.Meta.Title)
			assert.Equal(t, want, d.Meta.Authors)
			assert.Equal(t, []string{"P:" + longZH}, shape(d))
		})
	}
	d := parse(t, "---\nauthor: 甲\n---\n中欧班列再创新高\n\nBy Sarah Mitchell\n\n"+longZH+"\n")
	assert.Equal(t, []string{"甲"}, d.Meta.Authors)
	assert.Equal(t, []string{"P:By Sarah Mitchell", "P:" + longZH}, shape(d), "authors from the header win; byline kept")
}

func TestNumberedLeadIns(t *testing.T) {
	tests := []struct{ in, want string }{
		{"（一）深化“放管服”改革。全面推行证明事项告知承诺制。", "P:[（一）深化“放管服”改革。]全面推行证明事项告知承诺制。"},
		{"(1)深化改革。全面推行。", "P:[(1)深化改革。]全面推行。"},
		{"1.王经理负责与供应商沟通。争取11月20日前到货。", "P:[1.王经理负责与供应商沟通。]争取11月20日前到货。"},
		{"1、王经理负责沟通。争取到货。", "P:[1、王经理负责沟通。]争取到货。"},
		{"一、项目进度良好。预计年底前交付。", "P:[一、项目进度良好。]预计年底前交付。"},
		{"(1) The committee shall meet monthly. Minutes are public.", "P:[(1) The committee shall meet monthly.] Minutes are public."},
		{"一、项目进度良好。", "P:一、项目进度良好。"},
		{"1.5亿元的投资已经到位。其余。", "P:1.5亿元的投资已经到位。其余。"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, []string{tt.want}, shape(parse(t, tt.in)))
		})
	}
}

func TestHyphenJoin(t *testing.T) {
	wrap := func(a, b, rest string) string {
		return "Title line\n\n" + a + "\n" + b + " and the line goes on to be long enough to wrap.\n\n" + rest + "\n"
	}
	long := "The Federal Reserve left its benchmark interest rate un-"
	// Unknown word: the hyphen is kept (a compound broken at its hyphen
	// stays correct; a soft hyphen stays readable).
	d := parse(t, wrap(long, "changed on Wednesday", "Nothing else here that would tell otherwise."))
	assert.Contains(t, convert.BlockText(d.Blocks[0]), "un-changed on")
	// The document writes the word without a hyphen elsewhere: soft hyphen.
	d = parse(t, wrap(long, "changed on Wednesday", "Rates were unchanged in March as well."))
	assert.Contains(t, convert.BlockText(d.Blocks[0]), "unchanged on")
	// The document writes the hyphenated compound elsewhere: kept.
	d = parse(t, wrap("The analysts said the outcome was already well-", "known to markets", "A well-known result."))
	assert.Contains(t, convert.BlockText(d.Blocks[0]), "well-known to")
	// Dashes and numbers are not word hyphens.
	d = parse(t, wrap("The vote was unanimous and the count was exactly 12 -", "nothing more", "Other text."))
	assert.Contains(t, convert.BlockText(d.Blocks[0]), "12 - nothing")
}

func TestBinaryInput(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(rnd.UintN(256))
	}
	tests := []struct {
		name, in, want string
	}{
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + string(noise), "binary file (PNG image), not text"},
		{"pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + string(noise), "binary file (PDF document), not text"},
		{"zip", "PK\x03\x04\x14\x00" + string(noise), "binary file (ZIP archive), not text"},
		{"gzip", "\x1f\x8b\x08\x00" + string(noise), "binary file (gzip archive), not text"},
		{"elf", "\x7fELF\x02\x01\x01" + string(noise), "binary file (ELF executable), not text"},
		{"nul bytes", strings.Repeat("ab\x00\x00", 100), "binary file, not text"},
		{"invalid utf-8", string(noise[:200]), "not UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := (&Reader{}).Parse([]byte(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, convert.ErrInvalidInput)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, strings.HasPrefix(err.Error(), "text: "), err.Error())
		})
	}
	// Through the pipeline the error names the file.
	_, err := convert.Read(context.Background(), strings.NewReader(tests[0].in), &convert.Options{SourcePath: "photo.txt"})
	require.Error(t, err)
	assert.ErrorIs(t, err, convert.ErrInvalidInput)
	assert.Contains(t, err.Error(), "photo.txt")

	// Text with a stray NUL, a few bad bytes, Latin-1 words, or UTF-16 with a BOM is not binary.
	for _, in := range []string{
		"地區沖突\x00\n壞\xff字節\n",
		"Un caf\xe9 cr\xe8me, s'il vous pla\xeet, et une cr\xeape au beurre pour la table du fond.",
		"\xff\xfe\x2d\x4e\x87\x65\n\x00",
		"%PDF is how the format starts",
	} {
		_, err := (&Reader{}).Parse([]byte(in))
		assert.NoError(t, err, "%q", in)
	}
	// The QA sample: a PNG renamed .txt.
	if b, err := os.ReadFile(filepath.Join("testdata", "qa", "15-binary.txt")); err == nil {
		_, err := (&Reader{}).Parse(b)
		assert.ErrorContains(t, err, "PNG image")
	}
}

func TestEmptyInput(t *testing.T) {
	for _, in := range []string{"", "\n\n", "   \n\t\n  \r\n", "\uFEFF", "\u3000\u3000\n"} {
		rep := &convert.Report{}
		f, err := convert.Lookup("text")
		require.NoError(t, err)
		d, err := f.NewReader(&convert.Options{Report: rep}).Read(context.Background(), strings.NewReader(in))
		require.NoError(t, err)
		assert.Empty(t, d.Blocks)
		assert.Equal(t, []string{"input is empty"}, rep.Warnings(), "%q", in)

		_, err = (&Reader{Strict: true}).Parse([]byte(in))
		require.Error(t, err)
		assert.ErrorIs(t, err, convert.ErrInvalidInput)
		assert.ErrorIs(t, err, convert.ErrStrict)
		assert.Equal(t, "text: invalid input: refused in strict mode: input is empty", err.Error())
	}
	rep := &convert.Report{}
	_, err := (&Reader{Report: rep}).Parse([]byte("a\n"))
	require.NoError(t, err)
	assert.Empty(t, rep.Warnings())
	_, err = (&Reader{Report: rep}).Parse([]byte("---\ntitle: x\n---\n"))
	require.NoError(t, err)
	assert.Empty(t, rep.Warnings(), "front matter only is not empty input")
}

func TestQAGoldens(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "qa", "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		if name == "15-binary" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			d, err := (&Reader{}).Read(context.Background(), bytes.NewReader(src))
			require.NoError(t, err)
			golden(t, filepath.Join("qa", name+".json"), marshal(t, d))
		})
	}
}

func TestQAExpectations(t *testing.T) {
	read := func(name string) *convert.Document {
		src, err := os.ReadFile(filepath.Join("testdata", "qa", name))
		require.NoError(t, err)
		d, err := (&Reader{}).Parse(src)
		require.NoError(t, err)
		return d
	}
	titles := map[string]string{
		"01-zhhans-press.txt": "国务院新闻办公室发布《关于进一步优化营商环境的若干措施》",
		"02-zhhant-tw.txt":    "台積電第３季營收創新高　全年資本支出上看３２０億美元",
		"04-ja-news.txt":      "トヨタ、第1四半期の営業利益1兆1000億円　円安が追い風",
		"05-ko-news.txt":      "삼성전자, 2분기 영업이익 10조 4천억 원…전년 대비 15배 증가",
		"12-title-blank.txt":  "Climate Summit Ends With Pledge on Methane",
		"06-en-feature.txt":   "The Quiet Revolution in Urban Farming",
		"08-crlf-bom.txt":     "会议纪要",
	}
	for f, want := range titles {
		assert.Equal(t, want, read(f).Meta.Title, f)
	}
	d := read("06-en-feature.txt")
	assert.Equal(t, []string{"Sarah Mitchell"}, d.Meta.Authors)
	assert.Equal(t, []string{"A Growing Industry", "What Comes Next"}, headingTexts(d))

	d = read("08-crlf-bom.txt")
	assert.Equal(t, []string{"一、项目进度", "二、下一步安排"}, headingTexts(d))

	d = read("01-zhhans-press.txt")
	assert.Equal(t, []string{"一、总体要求", "二、主要任务", "三、重点指标", "四、保障措施"}, headingTexts(d))
	var leads []string
	for _, b := range d.Blocks {
		if p, ok := b.(*convert.Paragraph); ok {
			if s, ok := p.Inlines[0].(*convert.Strong); ok {
				leads = append(leads, convert.PlainText(s.Inlines))
			}
		}
	}
	assert.Equal(t, []string{"（一）深化“放管服”改革。", "（二）降低企业成本。", "（三）加强知识产权保护。"}, leads)

	d = read("16-long.txt")
	for _, b := range d.Blocks {
		if h, ok := b.(*convert.Heading); ok {
			want := 3
			if strings.HasPrefix(h.Text(), "第") {
				want = 2
			}
			assert.Equal(t, want, h.Level, h.Text())
		}
	}
	// "二、主要任务" right before "四、保障措施" is one of a run of points.
	assert.Equal(t, []string{"二、主要任务", "第1章　回顾与展望", "二、主要任务", "第2章　回顾与展望", "三、重点指标", "四、保障措施"}, headingTexts(d))

	d = read("20-en-hyphen.txt")
	assert.Contains(t, convert.BlockText(d.Blocks[0]), "interest rate un-changed on Wednesday")
}

func headingTexts(d *convert.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if h, ok := b.(*convert.Heading); ok {
			out = append(out, h.Text())
		}
	}
	return out
}
