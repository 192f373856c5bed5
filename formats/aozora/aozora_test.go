package aozora_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/normalize"
	_ "github.com/docconv/docconv/formats/all"
	"github.com/docconv/docconv/formats/aozora"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func parse(t *testing.T, src string) *convert.Document {
	t.Helper()
	d, err := (&aozora.Reader{}).Parse([]byte(src))
	require.NoError(t, err)
	return d
}

// dump renders blocks compactly: H2{…} P{…} Q[…] HR PB, ruby as base(text),
// Emph as *…*, Strong as **…**.
func dump(bs []convert.Block) string {
	var b strings.Builder
	var ins func([]convert.Inline)
	ins = func(xs []convert.Inline) {
		for _, x := range xs {
			switch x := x.(type) {
			case *convert.Text:
				b.WriteString(x.Text)
			case *convert.Ruby:
				b.WriteString(x.Base + "(" + x.Text + ")")
			case *convert.Emph:
				b.WriteString("*")
				ins(x.Inlines)
				b.WriteString("*")
			case *convert.Strong:
				b.WriteString("**")
				ins(x.Inlines)
				b.WriteString("**")
			}
		}
	}
	for _, x := range bs {
		switch x := x.(type) {
		case *convert.Heading:
			b.WriteString("H" + string(rune('0'+x.Level)) + "{")
			ins(x.Inlines)
			b.WriteString("} ")
		case *convert.Paragraph:
			b.WriteString("P{")
			ins(x.Inlines)
			b.WriteString("} ")
		case *convert.Quote:
			b.WriteString("Q[ " + dump(x.Blocks) + "] ")
		case *convert.Rule:
			b.WriteString("HR ")
		case *convert.PageBreak:
			b.WriteString("PB ")
		}
	}
	return b.String()
}

func TestRuby(t *testing.T) {
	for src, want := range map[string]string{
		"親譲《おやゆず》りの無鉄砲《むてっぽう》で":    "P{親譲(おやゆず)りの無鉄砲(むてっぽう)で} ",
		"夕方｜折戸《おりど》を開けた":           "P{夕方折戸(おりど)を開けた} ",
		"十五六｜歩《ぽ》邸内《ていない》":         "P{十五六歩(ぽ)邸内(ていない)} ",
		"人々《ひとびと》と〆切《しめきり》":        "P{人々(ひとびと)と〆切(しめきり)} ",
		"ロンドン《倫敦》とＡＢＣ《エービーシー》":     "P{ロンドン(倫敦)とＡＢＣ(エービーシー)} ",
		"ひらがな《かな》には付かない":           "P{ひらがな《かな》には付かない} ",
		"閉じない《かっこ":                 "P{閉じない《かっこ} ",
		"虫声※［＃「虫＋慈」、62-6］々《じゞ》":    "P{虫声※々(じゞ)} ",
		"※［＃「てへん＋劣」、U+6318、12-8］む": "P{挘む} ",
		"時々《とき／″＼》と溶々《やう／＼》":       "P{時々(とき〴〵)と溶々(やう〳〵)} ",
	} {
		assert.Equal(t, want, dump(parse(t, src).Blocks), src)
	}
}

func TestAnnotations(t *testing.T) {
	src := strings.Join([]string{
		"［＃３字下げ］第一章［＃「第一章」は大見出し］",
		"　本文の［＃「本文」に傍点］一行目。強い［＃「強い」は太字］言葉《ことば》［＃「言葉」に白ゴマ傍点］。",
		"［＃５字下げ］一［＃「一」は中見出し］",
		"［＃小見出し］小さな見出し［＃小見出し終わり］",
		"［＃ここから２字下げ］",
		"引用の一行目。",
		"引用の二行目。",
		"［＃ここで字下げ終わり］",
		"［＃改ページ］",
		"［＃２字下げ］一行の字下げ。",
		"［＃太字］ここは太字［＃太字終わり］で、［＃傍点］ここは傍点［＃傍点終わり］。",
		"［＃ここから太字］",
		"二行にわたる",
		"太字。",
		"［＃ここで太字終わり］",
		"12［＃「12」は縦中横］月［＃地付き］",
		"見出し［＃「見出し」は中見出し］の後にも文がある",
	}, "\n")
	got := dump(parse(t, src).Blocks)
	want := "H2{第一章} P{*本文*の一行目。**強い***言葉(ことば)*。} H3{一} H4{小さな見出し} " +
		"Q[ P{引用の一行目。} P{引用の二行目。} ] PB Q[ P{一行の字下げ。} ] " +
		"P{**ここは太字**で、*ここは傍点*。} P{**二行にわたる**} P{**太字。**} P{12月} P{**見出し**の後にも文がある} "
	assert.Equal(t, want, got)
}

// Gaiji named by their JIS X 0213 cell become the character: third and
// fourth level kanji, symbols, and a kana with a combining mark (two code
// points); a gaiji named only by the page of the source stays ※.
func TestGaijiJISX0213(t *testing.T) {
	src := "※［＃「てへん＋劣」、第3水準1-84-77］と※［＃「木＋靈」、第3水準1-86-29］、" +
		"※［＃ローマ数字1、1-13-21］、※［＃二の字点、1-2-22］、" +
		"か※［＃半濁点付き平仮名か、1-4-87］、※［＃「りっしんべん＋支」、第4水準2-12-34］、" +
		"※［＃「土へん＋竒」、ページ数-行数］。"
	assert.Equal(t, "P{挘と欞、Ⅰ、〻、かか\u309a、忮、※。} ", dump(parse(t, src).Blocks))
}

func TestHeaderAndColophon(t *testing.T) {
	src := "走れメロス\n太宰治\n\n-------------------------------------------------------\n【テキスト中に現れる記号について】\n\n《》：ルビ\n（例）邪智暴虐《じゃちぼうぎゃく》\n-------------------------------------------------------\n\n　メロスは激怒した。\n\n\n\n底本：「走れメロス」新潮文庫、新潮社\n入力：試験\n"
	d := parse(t, src)
	assert.Equal(t, "走れメロス", d.Meta.Title)
	assert.Equal(t, []string{"太宰治"}, d.Meta.Authors)
	assert.Equal(t, "ja", d.Meta.Lang)
	assert.Equal(t, "P{メロスは激怒した。} HR P{底本：「走れメロス」新潮文庫、新潮社} P{入力：試験} ", dump(d.Blocks))

	d = parse(t, "雪の夜\n副題の一\n原作者\n訳者\n\n本文。\n")
	assert.Equal(t, "雪の夜", d.Meta.Title)
	assert.Equal(t, "副題の一", d.Meta.Subtitle)
	assert.Equal(t, []string{"原作者", "訳者"}, d.Meta.Authors)
}

func TestSniff(t *testing.T) {
	assert.True(t, aozora.Sniff([]byte("題\n作者\n\n本文［＃「本文」に傍点］。")))
	assert.True(t, aozora.Sniff([]byte("親譲《おやゆず》りの無鉄砲《むてっぽう》で")))
	assert.False(t, aozora.Sniff([]byte("他讀過《紅樓夢》和《三國演義》。")), "Chinese title brackets")
	assert.False(t, aozora.Sniff([]byte("普通の日本語の記事です。")))
}

// TestFixturesFromCLI reads the real Aozora Bunko texts as the CLI does
// (.txt, no -f): detected, ruby and emphasis read, no markup left.
func TestFixtures(t *testing.T) {
	for _, name := range []string{"testdata/ryoya.txt", "testdata/furui-mura.txt"} {
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		rep := &convert.Report{}
		d, err := convert.Read(context.Background(), bytes.NewReader(src), &convert.Options{
			SourcePath: name, Transforms: normalize.Default(), Report: rep})
		require.NoError(t, err)
		assert.Equal(t, "ja", d.Meta.Lang)
		assert.NotEmpty(t, d.Meta.Authors)
		text := convert.DocumentText(d)
		for _, mark := range []string{"《", "》", "｜", "［＃", "テキスト中に現れる記号"} {
			assert.NotContains(t, text, mark, name)
		}
		j, err := json.Marshal(d.Blocks)
		require.NoError(t, err)
		assert.Positive(t, rep.Get("aozora", "ruby readings"), string(j))
	}
	// -f text keeps the notation as it is.
	src, err := os.ReadFile("testdata/ryoya.txt")
	require.NoError(t, err)
	d, err := convert.Read(context.Background(), bytes.NewReader(src), &convert.Options{From: "text", SourcePath: "ryoya.txt"})
	require.NoError(t, err)
	assert.Contains(t, convert.DocumentText(d), "《")
}
