package normalize

import (
	"testing"

	"github.com/docconv/docconv/convert"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPunctPeriodSemicolon(t *testing.T) {
	tests := []struct{ in, want string }{
		// Converted.
		{"预计12月底前交付.主要问题是服务器采购延迟", "预计12月底前交付。主要问题是服务器采购延迟"},
		{"交付.主要", "交付。主要"},
		{"散会.", "散会。"},
		{"陈会计核算追加预算,报总经理审批.", "陈会计核算追加预算，报总经理审批。"},
		{"预算超支约12万元.", "预算超支约12万元。"},
		{"争取11月20日前到货;", "争取11月20日前到货；"},
		{"到货;李工", "到货；李工"},
		{"到货; 李工负责", "到货； 李工负责"},
		{"東京に行った.そして", "東京に行った。そして"},
		// Never touched.
		{"增长3.5%", "增长3.5%"},
		{"1.项目概况", "1.项目概况"},
		{"第1.2节", "第1.2节"},
		{"访问中国.cn网站", "访问中国.cn网站"},
		{"www.例子.中国", "www.例子.中国"},
		{"http://例子.测试/页面", "http://例子.测试/页面"},
		{"邮箱张三@例子.公司", "邮箱张三@例子.公司"},
		{"网址政府.中国", "网址政府.中国"},
		{"等等...然后", "等等...然后"},
		{"他说.", "他说。"},
		{"He moved to 北京.", "He moved to 北京."},
		{"中文 .", "中文 ."},
		{"U.S.经济", "U.S.经济"},
		{"版本v1.0发布", "版本v1.0发布"},
		{"”.", "”."},
		{"a;b", "a;b"},
		{"Hello;", "Hello;"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, _ := runDoc(t, Punct{}, tt.in)
			assert.Equal(t, tt.want, got)
		})
	}
	got, rep := runDoc(t, Punct{}, "交付.主要问题;散会.")
	assert.Equal(t, "交付。主要问题；散会。", got)
	assert.Equal(t, 2, rep.Get(Stage, "halfwidth full stops made 。"))
	assert.Equal(t, 1, rep.Get(Stage, "halfwidth punctuation made fullwidth"))

	// The end of the paragraph, not the end of an inline.
	d := &convert.Document{Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{
		&convert.Text{Text: "散会."}, &convert.Strong{Inlines: []convert.Inline{&convert.Text{Text: "下次"}}},
		&convert.Text{Text: "再议."},
	}}}}
	require.NoError(t, Punct{}.TransformDocument(ctx, d, nil))
	assert.Equal(t, "散会。下次再议。", convert.BlockText(d.Blocks[0]))

	// Idempotent.
	for _, tt := range tests {
		once, _ := runDoc(t, Punct{}, tt.in)
		twice, _ := runDoc(t, Punct{}, once)
		assert.Equal(t, once, twice, tt.in)
	}
}
