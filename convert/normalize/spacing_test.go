package normalize

import (
	"strings"
	"testing"

	"github.com/docconv/docconv/convert"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const spacingStage = "spaces between CJK characters removed"

func TestSpacing(t *testing.T) {
	tests := []struct {
		name, in, want string
		n              int
	}{
		{"han", "台 北 市 推 動 智 慧 交 通", "台北市推動智慧交通", 8},
		{"ideographic space", "台\u3000北\u3000市\u3000推\u3000動", "台北市推動", 4},
		{"digits", "全 市 1 2 0 個 路 口", "全市120個路口", 7},
		{"year", "局 方 預 計 在 2 0 2 5 年 底 前", "局方預計在2025年底前", 11},
		{"percent", "縮 短 了 約 1 5 % 。", "縮短了約15%。", 7},
		{"fullwidth percent", "中 央 補 助 占 4 0 ％ 以 上", "中央補助占40％以上", 9},
		{"punct", "宣 布 ， 將 在 「 台 北 」 推 動", "宣布，將在「台北」推動", 10},
		{"latin words kept", "透 過 Open Data 平 台 與 Google Maps 合 作", "透過Open Data平台與Google Maps合作", 8},
		{"single letters", "安 裝 A I 感 測 器", "安裝AI感測器", 6},
		{"iso", "並 已 通 過 I S O 2 7 0 0 1 資 訊 安 全 認 證", "並已通過ISO 27001資訊安全認證", 16},
		{"kana", "こ れ は テ ス ト で す", "これはテストです", 7},
		{"double space kept", "台 北  市 推 動", "台北  市推動", 3},
		{"normal article", "2023年,兩國貿易額達 410億美元,同比增長32%。", "2023年,兩國貿易額達 410億美元,同比增長32%。", 0},
		{"few stray spaces", "兩國貿易額 達到 新高 台 北", "兩國貿易額 達到 新高 台 北", 0},
		{"korean", "대 한 민 국 서 울 시 2 0 2 5 년", "대 한 민 국 서 울 시 2 0 2 5 년", 0},
		{"korean with hanja", "大 韓 民 國 대한민국 서울특별시 사람들 이야기", "大 韓 民 國 대한민국 서울특별시 사람들 이야기", 0},
		{"english", "Open Data and Google Maps: A B C", "Open Data and Google Maps: A B C", 0},
		{"too few pairs", "台 北", "台 北", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rep := runDoc(t, Spacing{}, tt.in)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.n, rep.Get(Stage, spacingStage))
			again, rep := runDoc(t, Spacing{}, got)
			assert.Equal(t, got, again, "idempotent")
			assert.Zero(t, rep.Get(Stage, spacingStage))
		})
	}
}

func TestSpacingDocument(t *testing.T) {
	// Detection is per document: a spaced heading alone is not enough
	// beside a normal body, and a spaced body makes the metadata spaced too.
	d := &convert.Document{
		Meta: convert.Meta{Title: "台 北 市"},
		Blocks: []convert.Block{
			&convert.Heading{Level: 1, Inlines: []convert.Inline{&convert.Text{Text: "智 慧 交 通"}}},
			&convert.Paragraph{Inlines: []convert.Inline{
				&convert.Text{Text: "交 通 局 "}, &convert.Strong{Inlines: []convert.Inline{&convert.Text{Text: "今 天"}}},
				&convert.Text{Text: " 宣 布"}, &convert.Code{Text: "a 中 b"},
			}},
		},
	}
	rep := &convert.Report{}
	require.NoError(t, Spacing{}.TransformDocument(ctx, d, &convert.Options{Report: rep}))
	assert.Equal(t, "台北市", d.Meta.Title)
	assert.Equal(t, "智慧交通", convert.BlockText(d.Blocks[0]))
	assert.Equal(t, "交通局 今天 宣布a 中 b", convert.BlockText(d.Blocks[1]), "inline boundaries and code kept")

	normal := &convert.Document{Blocks: []convert.Block{
		&convert.Heading{Level: 1, Inlines: []convert.Inline{&convert.Text{Text: "智 慧 交 通"}}},
		&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "台北市政府交通局今天宣布將在明年全面推動智慧號誌系統"}}},
	}}
	require.NoError(t, Spacing{}.TransformDocument(ctx, normal, nil))
	assert.Equal(t, "智 慧 交 通", convert.BlockText(normal.Blocks[0]))
}

func TestSpacingSample(t *testing.T) {
	d, rep := readWith(t, samplePath(t), Options{})
	assert.Equal(t, 0, rep.Get(Stage, spacingStage))
	assert.Contains(t, convert.DocumentText(d), "達 410億美元")
}

func TestSpacingQA(t *testing.T) {
	d, rep := readWith(t, "testdata/spaced-hant.txt", Options{})
	assert.Equal(t, 331, rep.Get(Stage, spacingStage))
	assert.Equal(t, "台北市推動智慧交通計畫", d.Meta.Title)
	body := convert.DocumentText(d)
	for _, s := range []string{"全市120個路口安裝AI感測器", "約15%。", "新台幣3億元", "占40%。", "與Google合作",
		"Open Data平台", "「台北好行」App查詢", "2025年底前", "72小時內", "ISO 27001資訊安全認證"} {
		assert.Contains(t, body, s)
	}
	assert.NotContains(t, body, "台 北")
	assert.Equal(t, "zh-Hant", convert.DetectLanguage(body))
	golden(t, "spaced-hant.out.txt", []byte(body))
}

func TestSpacingNoneKeepsSpaces(t *testing.T) {
	d, _ := readWith(t, "testdata/spaced-hant.txt", Options{None: true})
	assert.True(t, strings.Contains(d.Meta.Title+convert.DocumentText(d), "台 北 市"))
}
