package text

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

const longENf = "The ministry said on Friday that exports grew faster than expected in December as firms rushed orders."

func TestFooterCredits(t *testing.T) {
	tests := []struct {
		name, src string
		authors   []string
		last      string // shape of the last block
	}{
		{"zh-hant reporter and editor", "老街咖啡館\n\n" + longZH + "\n" + longZH + "\n（記者黃美玲／台北報導　編輯：張家豪）\n",
			[]string{"黃美玲"}, "P:（記者黃美玲／台北報導　編輯：張家豪）"},
		{"zh-hans two reporters", longZH + "\n" + longZH + "\n（记者 张三 李四）\n",
			[]string{"张三", "李四"}, "P:（记者 张三 李四）"},
		{"reuters", "Exports Beat Forecasts\n\n" + longENf + "\n\n(Reporting by Jane Doe; Editing by John Roe)\n",
			[]string{"Jane Doe"}, "P:(Reporting by Jane Doe; Editing by John Roe)"},
		{"reuters two reporters and place", longENf + "\n\n" + longENf + "\n\n(Reporting by Jane Doe and Max Mustermann in Beijing; Additional reporting by Ann Lee; Editing by John Roe)\n",
			[]string{"Jane Doe", "Max Mustermann", "Ann Lee"}, "P:(Reporting by Jane Doe and Max Mustermann in Beijing; Additional reporting by Ann Lee; Editing by John Roe)"},
		{"korean reporter with e-mail", "서울시, 요금 동결\n\n서울시가 공공자전거 이용 요금을 내년에도 동결하기로 했다고 3일 밝혔다.\n\n홍길동 기자 hong@example.com\n",
			[]string{"홍길동"}, "P:홍길동 기자 hong@example.com"},
		{"editor only", longZH + "\n" + longZH + "\n【責任編輯：王小明】\n", nil, "P:【責任編輯：王小明】"},
		{"editor only, no brackets", longZH + "\n" + longZH + "\n责任编辑：王小明\n", nil, "P:责任编辑：王小明"},
		{"two lines", longZH + "\n" + longZH + "\n（记者 张三）\n【責任編輯：王小明】\n",
			[]string{"张三"}, "P:【責任編輯：王小明】"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parse(t, tt.src)
			assert.Equal(t, tt.authors, d.Meta.Authors)
			s := shape(d)
			assert.Equal(t, tt.last, s[len(s)-1])
			for _, b := range s {
				assert.NotRegexp(t, `^H\d:`, b, "a credit is never a heading")
			}
		})
	}
	t.Run("authors known", func(t *testing.T) {
		d := parse(t, "By Sarah Mitchell\n\n"+longENf+"\n\n(Reporting by Jane Doe; Editing by John Roe)\n")
		assert.Equal(t, []string{"Sarah Mitchell"}, d.Meta.Authors)
	})
	t.Run("credit before a longer line is no heading", func(t *testing.T) {
		d := parse(t, longZH+"\n责任编辑：王小明\n"+longZH+"\n")
		assert.Equal(t, "P:责任编辑：王小明", shape(d)[1])
	})
	t.Run("not a credit", func(t *testing.T) {
		d := parse(t, longZH+"\n"+longZH+"\n（完）\n")
		assert.Empty(t, d.Meta.Authors)
	})
}

func TestPressReleaseEndMark(t *testing.T) {
	d := parse(t, "Acme Launches Arm\n\n"+longENf+"\n\n###\n\nMedia Contact: press@acme.example\n")
	assert.Equal(t, []string{"P:" + longENf, "R", "P:Media Contact: press@acme.example"}, shape(d))
	d = parse(t, longENf+"\n\n"+longENf+"\n\n# # #\n")
	assert.Equal(t, "R", shape(d)[2])
}

func TestSubtitle(t *testing.T) {
	t.Run("press release", func(t *testing.T) {
		d := parse(t, "Acme Launches Warehouse Arm\n\nNew system cuts picking errors by half\n\n"+longENf+"\n\n"+longENf+"\n")
		assert.Equal(t, "Acme Launches Warehouse Arm", d.Meta.Title)
		assert.Equal(t, "New system cuts picking errors by half", d.Meta.Subtitle)
		assert.Equal(t, []string{"P:" + longENf, "P:" + longENf}, shape(d))
	})
	t.Run("cjk", func(t *testing.T) {
		d := parse(t, "秋收时节话丰年\n\n江汉平原稻浪翻滚\n\n"+longZH+"\n"+longZH+"\n")
		assert.Equal(t, "秋收时节话丰年", d.Meta.Title)
		assert.Equal(t, "江汉平原稻浪翻滚", d.Meta.Subtitle)
	})
	t.Run("sentence is body", func(t *testing.T) {
		d := parse(t, "Acme Launches Arm\n\nAcme launched an arm today.\n\n"+longENf+"\n")
		assert.Empty(t, d.Meta.Subtitle)
	})
	t.Run("section heading among others is not a subtitle", func(t *testing.T) {
		d := parse(t, "Acme Launches Arm\n\nBackground\n\n"+longENf+"\n\nOutlook\n\n"+longENf+"\n")
		assert.Empty(t, d.Meta.Subtitle)
		assert.Equal(t, "H2:Background", shape(d)[0])
	})
	t.Run("no title, no subtitle", func(t *testing.T) {
		d, _ := (&Reader{NoTitle: true}).Parse([]byte("Acme Launches Arm\n\nNew system cuts errors\n\n" + longENf + "\n"))
		assert.Empty(t, d.Meta.Subtitle)
	})
}
