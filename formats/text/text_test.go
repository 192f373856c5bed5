package text

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/docconv/docconv/convert"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

// dump renders the model as JSON-ready values, naming the Go type of every
// node ("*convert.Paragraph"), so that goldens show the exact structure.
func dump(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return dump(v.Elem())
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		m := map[string]any{"type": v.Type().String()}
		if s, ok := dump(v.Elem()).(map[string]any); ok {
			for k, x := range s {
				m[k] = x
			}
		}
		return m
	case reflect.Struct:
		m := map[string]any{}
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			if f.IsZero() {
				continue
			}
			m[v.Type().Field(i).Name] = dump(f)
		}
		return m
	case reflect.Slice:
		if v.IsNil() {
			return nil
		}
		out := make([]any, v.Len())
		for i := range out {
			out[i] = dump(v.Index(i))
		}
		return out
	case reflect.Map:
		m := map[string]any{}
		for _, k := range v.MapKeys() {
			m[k.String()] = dump(v.MapIndex(k))
		}
		return m
	}
	return v.Interface()
}

func marshal(t *testing.T, d *convert.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(dump(reflect.ValueOf(d))))
	return b.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test ./formats/text -update")
	assert.Equal(t, string(want), string(got), "golden %s differs; run with -update if intended", path)
}

func parse(t *testing.T, s string) *convert.Document {
	t.Helper()
	d, err := (&Reader{}).Parse([]byte(s))
	require.NoError(t, err)
	return d
}

// shape summarises blocks: "H2:text", "P:text", "P:[lead]rest", "L•:a|b", "L1:a|b", "T:a\tb/c\td", "R", "PB".
func shape(d *convert.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		switch x := b.(type) {
		case *convert.Heading:
			out = append(out, "H"+string(rune('0'+x.Level))+":"+x.Text())
		case *convert.Paragraph:
			s := "P:"
			if len(x.Inlines) > 0 {
				if st, ok := x.Inlines[0].(*convert.Strong); ok {
					s += "[" + convert.PlainText(st.Inlines) + "]" + convert.PlainText(x.Inlines[1:])
					out = append(out, s)
					continue
				}
			}
			out = append(out, s+convert.PlainText(x.Inlines))
		case *convert.List:
			var items []string
			for _, it := range x.Items {
				items = append(items, convert.BlockText(it[0]))
			}
			m := "•"
			if x.Ordered {
				m = "1"
				if x.Start != 0 {
					m = string(rune('0' + x.Start))
				}
			}
			out = append(out, "L"+m+":"+strings.Join(items, "|"))
		case *convert.Table:
			out = append(out, "T:"+strings.ReplaceAll(convert.BlockText(x), "\n", "/"))
		case *convert.Rule:
			out = append(out, "R")
		case *convert.PageBreak:
			out = append(out, "PB")
		default:
			out = append(out, "?")
		}
	}
	return out
}

const longZH = "兩國將加強政策溝通，優化營商環境，推動經貿、投資等取得新的實質性突破。"
const longEN = "Operators say the main gains came from faster customs clearance, which halved waiting times."

func TestHeadings(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"zh heading between paragraphs", longZH + "\n打造新亮點\n" + longZH + "\n",
			[]string{"P:" + longZH, "H2:打造新亮點", "P:" + longZH}},
		{"first line heading", "同心向未來\n" + longZH + "\n", []string{"H2:同心向未來", "P:" + longZH}},
		{"english heading", longEN + "\nLooking ahead\n" + longEN + "\n",
			[]string{"P:" + longEN, "H2:Looking ahead", "P:" + longEN}},
		{"only line", "打造新亮點\n", []string{"P:打造新亮點"}},
		{"last line", longZH + "\n打造新亮點\n", []string{"P:" + longZH, "P:打造新亮點"}},
		{"ends with 。", longZH + "\n新年新氣象。\n" + longZH, []string{"P:" + longZH, "P:新年新氣象。", "P:" + longZH}},
		{"ends with ：", longZH + "\n主要變化：\n" + longZH, []string{"P:" + longZH, "P:主要變化：", "P:" + longZH}},
		{"ends with ,", longEN + "\nSo far,\n" + longEN, []string{"P:" + longEN, "P:So far,", "P:" + longEN}},
		{"ends with ? inside quotes", longZH + "\n“怎么办？”\n" + longZH, []string{"P:" + longZH, "P:“怎么办？”", "P:" + longZH}},
		{"too long cjk", longZH + "\n" + strings.Repeat("長", 25) + "\n" + longZH,
			[]string{"P:" + longZH, "P:" + strings.Repeat("長", 25), "P:" + longZH}},
		{"lower case english", longEN + "\nlooking ahead\n" + longEN,
			[]string{"P:" + longEN, "P:looking ahead", "P:" + longEN}},
		{"two short lines", longZH + "\n第一行\n第二行\n" + longZH,
			[]string{"P:" + longZH, "P:第一行", "P:第二行", "P:" + longZH}},
		{"next shorter", longZH + "\n打造新亮點啊啊\n短句。\n", []string{"P:" + longZH, "P:打造新亮點啊啊", "P:短句。"}},
		{"digits only", longZH + "\n2024\n" + longZH, []string{"P:" + longZH, "P:2024", "P:" + longZH}},
		{"markdown heading", "## 展望\n" + longZH, []string{"H2:展望", "P:" + longZH}},
		{"markdown heading level 3 closing hashes", "### Outlook ###\n" + longEN, []string{"H3:Outlook", "P:" + longEN}},
		{"enumerator is not a heading", longZH + "\n一是保持溝通\n" + longZH,
			[]string{"P:" + longZH, "P:一是保持溝通", "P:" + longZH}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, shape(parse(t, tt.in)))
		})
	}
}

func TestLeadIns(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"一是元首外交繪就新畫卷。哈總統訪華。", "P:[一是元首外交繪就新畫卷。]哈總統訪華。"},
		{"十二是最後一點。其餘。", "P:[十二是最後一點。]其餘。"},
		{"第一，要坚持高质量发展。力争。第二，要加强。", "P:[第一，要坚持高质量发展。]力争。第二，要加强。"},
		{"第一,要坚持。后文", "P:[第一,要坚持。]后文"},
		{"首先，我们要明确目标！然后行动。", "P:[首先，我们要明确目标！]然后行动。"},
		{"其次，问题在哪里？答案。", "P:[其次，问题在哪里？]答案。"},
		{"最後，總結“成就。”其餘", "P:[最後，總結“成就。”]其餘"},
		{"最后，一句话。", "P:[最后，一句话。]"},
		{"第一に、地方空港が拡充された。新たに15路線。", "P:[第一に、地方空港が拡充された。]新たに15路線。"},
		{"첫째, 비중이 줄었다. 둘째, 늘었다.", "P:[첫째, 비중이 줄었다.] 둘째, 늘었다."},
		{"First, trips rose 10.5 percent. Then more.", "P:[First, trips rose 10.5 percent.] Then more."},
		{"Finally, it ends here", "P:Finally, it ends here"},
		{"第一季度增長5%。", "P:第一季度增長5%。"},
		{"一是", "P:一是"},
		{"他說一是一。", "P:他說一是一。"},
		{"Firstly the rest.", "P:Firstly the rest."},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, []string{tt.want}, shape(parse(t, tt.in)))
		})
	}
	d, err := (&Reader{NoLeadIns: true}).Parse([]byte("一是元首外交。哈。"))
	require.NoError(t, err)
	assert.Equal(t, []string{"P:一是元首外交。哈。"}, shape(d))
}

func TestLayout(t *testing.T) {
	en := "Title of the piece\n\nFreight trains between China and Europe made 19,000 trips in 2024, up\n" +
		"10 percent from the year before, and carried 2.07 million containers.\nThe service grew.\n\n" +
		"Operators say the main gains came from faster customs clearance. Average\n" +
		"clearance time fell to under 24 hours, a two-\nthirds cut.\n"
	d := parse(t, en)
	assert.Equal(t, "Title of the piece", d.Meta.Title)
	assert.Equal(t, []string{
		"P:Freight trains between China and Europe made 19,000 trips in 2024, up 10 percent from the year before, and carried 2.07 million containers. The service grew.",
		"P:Operators say the main gains came from faster customs clearance. Average clearance time fell to under 24 hours, a two-thirds cut.",
	}, shape(d))

	zh := "　　中哈關係已經開啟新的黃金三十年，面臨新的歷史發展機遇。展望\n" +
		"2024年，兩國將充分發揮政治互信、經濟互補、設施互聯優勢，推動\n中哈關係取得新發展。\n\n" +
		"　　雙方將妥善應對風險挑戰，旗幟鮮明反對外部干涉，共同維護本地區\n長治久安。\n"
	assert.Equal(t, []string{
		"P:中哈關係已經開啟新的黃金三十年，面臨新的歷史發展機遇。展望2024年，兩國將充分發揮政治互信、經濟互補、設施互聯優勢，推動中哈關係取得新發展。",
		"P:雙方將妥善應對風險挑戰，旗幟鮮明反對外部干涉，共同維護本地區長治久安。",
	}, shape(parse(t, zh)))

	// Han–Latin joins follow the document's own spacing.
	spaced := "我們使用 API 接口處理大量的數據請求，並且在一年內把成本降低了\nAPI 的調用價格也隨之下降了百分之八十左右，用戶數量不斷增長。\n\n" +
		"第二段的內容同樣來自 GPT 模型的輸出結果，並且經過了人工審核和\n校對之後才發布到網站上供讀者閱讀和參考使用。\n"
	d = parse(t, spaced)
	require.Len(t, d.Blocks, 2)
	assert.Contains(t, convert.BlockText(d.Blocks[0]), "降低了 API 的")

	// One paragraph per line with one stray blank line stays line mode.
	lines := longZH + "\n" + longZH + "\n\n" + longZH + "\n"
	assert.Len(t, parse(t, lines).Blocks, 3)

	// Forced layouts.
	d, err := (&Reader{Layout: LayoutLines}).Parse([]byte(en))
	require.NoError(t, err)
	assert.Greater(t, len(d.Blocks), 3)
	d, err = (&Reader{Layout: LayoutWrapped}).Parse([]byte(lines))
	require.NoError(t, err)
	assert.Len(t, d.Blocks, 2)
	assert.Equal(t, "auto", LayoutAuto.String())
	assert.Equal(t, "lines", LayoutLines.String())
	assert.Equal(t, "wrapped", LayoutWrapped.String())
}

func TestJoinSep(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"中文", "中文", ""},
		{"中文，", "API", ""},
		{"word", "word", " "},
		{"two-", "thirds", ""},
		{"10 -", "years", " "},
		{"한국어", "문장", " "},
		{"中文", "API", ""},
		{"API", "中文", ""},
		{"“加速度”", "不斷", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, joinSep(tt.a, tt.b, false), "%q + %q", tt.a, tt.b)
	}
	assert.Equal(t, " ", joinSep("中文", "API", true))
	assert.Equal(t, "", joinSep("中文，", "API", true))
}

func TestTitleAndHeader(t *testing.T) {
	t.Run("short first line and blank", func(t *testing.T) {
		d := parse(t, "中哈關係\n\n"+longZH+"\n"+longZH+"\n")
		assert.Equal(t, "中哈關係", d.Meta.Title)
		assert.Len(t, d.Blocks, 2)
	})
	t.Run("NoTitle", func(t *testing.T) {
		d, err := (&Reader{NoTitle: true}).Parse([]byte("中哈關係\n\n" + longZH + "\n"))
		require.NoError(t, err)
		assert.Empty(t, d.Meta.Title)
		assert.Equal(t, []string{"H2:中哈關係", "P:" + longZH}, shape(d))
	})
	t.Run("pandoc title block", func(t *testing.T) {
		d := parse(t, "% 中哈關係\n% 張三; 李四\n% 2024-01-02\n"+longZH+"\n")
		assert.Equal(t, "中哈關係", d.Meta.Title)
		assert.Equal(t, []string{"張三", "李四"}, d.Meta.Authors)
		assert.Equal(t, "2024-01-02", d.Meta.Date)
		assert.Equal(t, []string{"P:" + longZH}, shape(d))
	})
	t.Run("front matter", func(t *testing.T) {
		src := "\uFEFF---\ntitle: 空气质量\nauthors: [甲, {name: 乙, affiliation: X}]\ndate: 2025-01-15\nlang: zh-Hans\n" +
			"keywords: [PM2.5, 城市]\ndescription: 摘要\nidentifier: urn:x\nsource: https://example.org\nrights: CC-BY\n" +
			"tags: a, b\nnested: {k: v}\n---\n空气质量\n" + longZH + "\n"
		d := parse(t, src)
		m := d.Meta
		assert.Equal(t, "空气质量", m.Title)
		assert.Equal(t, []string{"甲", "乙"}, m.Authors)
		assert.Equal(t, "2025-01-15", m.Date)
		assert.Equal(t, "zh-Hans", m.Lang)
		assert.Equal(t, []string{"PM2.5", "城市", "a", "b"}, m.Keywords)
		assert.Equal(t, "摘要", m.Description)
		assert.Equal(t, "urn:x", m.Identifier)
		assert.Equal(t, "https://example.org", m.Source)
		assert.Equal(t, map[string]string{"rights": "CC-BY", "nested": "k: v"}, m.Extra)
		assert.Equal(t, []string{"P:" + longZH}, shape(d), "first line repeating the title is dropped")
	})
	t.Run("front matter keywords string, odd date and lang", func(t *testing.T) {
		d := parse(t, "---\nkeywords: 一, 二\ndate: next Tuesday\nlang: not a tag!\nauthor: 甲; 乙\n---\n"+longZH)
		assert.Equal(t, []string{"一", "二"}, d.Meta.Keywords)
		assert.Empty(t, d.Meta.Date)
		assert.Empty(t, d.Meta.Lang)
		assert.Equal(t, []string{"甲", "乙"}, d.Meta.Authors)
		assert.Equal(t, map[string]string{"date": "next Tuesday", "lang": "not a tag!"}, d.Meta.Extra)
	})
	t.Run("bad yaml", func(t *testing.T) {
		_, err := (&Reader{}).Parse([]byte("---\ntitle: a\nauthor: [b\nlang: x\n---\nbody\n"))
		require.Error(t, err)
		var ce *convert.Error
		require.True(t, errors.As(err, &ce))
		assert.Greater(t, ce.Line, 1)
		assert.ErrorIs(t, err, convert.ErrInvalidInput)
		assert.True(t, strings.HasPrefix(ce.Err.Error(), "text: "), ce.Err.Error())
	})
	t.Run("not a mapping", func(t *testing.T) {
		_, err := (&Reader{}).Parse([]byte("---\ntitle: [a]\n---\n"))
		require.NoError(t, err)
		_, err = (&Reader{}).Parse([]byte("---\n- title: a\n---\n"))
		assert.NoError(t, err, "does not look like front matter: rules and a list")
	})
	t.Run("dashes without yaml are rules", func(t *testing.T) {
		d := parse(t, "---\n"+longZH+"\n---\n"+longZH)
		assert.Equal(t, []string{"R", "P:" + longZH, "R", "P:" + longZH}, shape(d))
	})
	t.Run("unclosed front matter", func(t *testing.T) {
		d := parse(t, "---\ntitle: x\n")
		assert.Equal(t, []string{"R", "P:title: x"}, shape(d))
	})
}

func TestListsTablesExactness(t *testing.T) {
	d := parse(t, "• 甲\n• 乙\n3. 丙\n4. 丁\n1. 戊\n名稱\t數量\n北京\t30\n單行\t表格\n")
	assert.Equal(t, []string{"L•:甲|乙", "L3:丙|丁", "L1:戊", "T:名稱\t數量/北京\t30/單行\t表格"}, shape(d))

	// Exact: characters are kept, only line ends are trimmed.
	in := "　　地區(qū)沖突,  兩個空格\t和制表符 \r\n\x00壞\xff字節\n"
	d = parse(t, in)
	require.Len(t, d.Blocks, 2)
	assert.Equal(t, "地區(qū)沖突,  兩個空格\t和制表符", convert.BlockText(d.Blocks[0]))
	assert.Equal(t, "\x00壞\xff字節", convert.BlockText(d.Blocks[1]))

	assert.Empty(t, parse(t, "").Blocks)
	assert.Empty(t, parse(t, "\n\n  \n").Blocks)
}

// sample is the sample article kept in the repository.
func sample(t testing.TB) []byte {
	b, err := os.ReadFile("../../examples/article.txt")
	require.NoError(t, err)
	return b
}

func TestSample(t *testing.T) {
	d, err := (&Reader{}).Read(context.Background(), bytes.NewReader(sample(t)))
	require.NoError(t, err)
	var headings, paragraphs, leads int
	for _, b := range d.Blocks {
		switch x := b.(type) {
		case *convert.Heading:
			headings++
			assert.Equal(t, 2, x.Level)
		case *convert.Paragraph:
			paragraphs++
			if _, ok := x.Inlines[0].(*convert.Strong); ok {
				leads++
			}
		}
	}
	assert.Equal(t, 2, headings)
	assert.Equal(t, 11, paragraphs)
	assert.Equal(t, 9, leads)
	assert.Empty(t, d.Meta.Title)
	assert.Empty(t, d.Meta.Lang)
}

func fixtures(t *testing.T) []string {
	files, err := filepath.Glob("../../testdata/articles/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return append(files, "../../examples/article.txt")
}

func goldenName(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), ".txt")
	if strings.Contains(path, "examples") {
		base = "sample"
	}
	return base
}

func TestGoldens(t *testing.T) {
	for _, f := range fixtures(t) {
		t.Run(goldenName(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			d, err := (&Reader{}).Parse(src)
			require.NoError(t, err)
			golden(t, goldenName(f)+".json", marshal(t, d))
			golden(t, goldenName(f)+".txt", (&Writer{}).Bytes(d))
		})
	}
}

// TestRoundTrip: text → text → text is stable, and no non-space character
// of the body is lost.
func TestRoundTrip(t *testing.T) {
	for _, f := range fixtures(t) {
		for _, w := range []*Writer{{}, {BlankLines: true}} {
			t.Run(goldenName(f), func(t *testing.T) {
				src, err := os.ReadFile(f)
				require.NoError(t, err)
				d, err := (&Reader{}).Parse(src)
				require.NoError(t, err)
				t1 := w.Bytes(d)
				d2, err := (&Reader{}).Parse(t1)
				require.NoError(t, err)
				t2 := w.Bytes(d2)
				assert.Equal(t, string(t1), string(t2))
				if !w.BlankLines {
					assert.Equal(t, shape(d), shape(d2))
				}
				strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
				// The title is written too, as its first line.
				assert.Equal(t, strip(string(src)), strip(string(t1)))
			})
		}
	}
}

func TestWriter(t *testing.T) {
	d := &convert.Document{
		Meta: convert.Meta{Title: "不寫"},
		Blocks: []convert.Block{
			&convert.Heading{Level: 1, Inlines: []convert.Inline{&convert.Text{Text: "標題"}, &convert.LineBreak{}, &convert.Text{Text: "續"}}},
			&convert.Paragraph{Inlines: []convert.Inline{
				&convert.Strong{Inlines: []convert.Inline{&convert.Text{Text: "一是"}}},
				&convert.Ruby{Base: "區", Text: "qū"}, &convert.Code{Text: "x := 1"},
				&convert.Link{URL: "https://x", Inlines: []convert.Inline{&convert.Emph{Inlines: []convert.Inline{&convert.Text{Text: "鏈接"}}}}},
			}},
			&convert.List{Ordered: true, Start: 3, Items: [][]convert.Block{
				{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "丙"}}},
					&convert.List{Items: [][]convert.Block{{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "子"}}}}}}},
				{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "丁"}}}, &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "丁二"}}}},
			}},
			&convert.Quote{Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "引文"}}}}},
			&convert.Rule{},
			&convert.CodeBlock{Lang: "go", Text: "a\n  b\n"},
			&convert.Table{
				Caption: []convert.Inline{&convert.Text{Text: "表一"}},
				Header:  []convert.Cell{{&convert.Text{Text: "城市"}}, {&convert.Text{Text: "PM\t2.5"}}},
				Rows:    [][]convert.Cell{{{&convert.Text{Text: "北京"}}, {&convert.Text{Text: "30"}}, {&convert.Text{Text: "多"}}}, {{&convert.Text{Text: "上海"}}}},
			},
			&convert.Paragraph{},
		},
	}
	want := "不寫\n\n標題 續\n一是區x := 1鏈接\n3. 丙\n  • 子\n4. 丁\n   丁二\n  引文\na\n  b\n表一\n城市\tPM 2.5\n北京\t30\t多\n上海\n"
	var b bytes.Buffer
	require.NoError(t, (&Writer{}).Write(context.Background(), &b, d))
	assert.Equal(t, want, b.String())
	// A short first line and a blank line would read back as a title: an
	// empty title block keeps it text.
	blank := (&Writer{BlankLines: true}).Bytes(&convert.Document{Blocks: d.Blocks[:2]})
	assert.Equal(t, "%\n%\n%\n標題 續\n\n一是區x := 1鏈接\n", string(blank))
	d2, err := (&Reader{}).Parse(blank)
	require.NoError(t, err)
	assert.Empty(t, d2.Meta.Title)
	assert.Equal(t, string(blank), string((&Writer{BlankLines: true}).Bytes(d2)))
	assert.Empty(t, (&Writer{}).Bytes(&convert.Document{}))
}

func TestRegistered(t *testing.T) {
	for _, n := range []string{"text", "txt", "plain"} {
		f, err := convert.Lookup(n)
		require.NoError(t, err)
		assert.Equal(t, "text", f.Name)
		assert.Equal(t, "text/plain", f.MediaType)
	}
	f, err := convert.ByExtension("a.txt")
	require.NoError(t, err)
	w := f.NewWriter(&convert.Options{Vars: map[string]string{"text.blank-lines": "true"}})
	assert.True(t, w.(*Writer).BlankLines)
	_, ok := f.NewReader(nil).(*Reader)
	assert.True(t, ok)

	// Through the pipeline: front matter error carries the line and path.
	_, err = convert.Read(context.Background(), strings.NewReader("---\ntitle: [\n---\n"), &convert.Options{SourcePath: "a.txt"})
	require.Error(t, err)
	assert.ErrorIs(t, err, convert.ErrInvalidInput)
	assert.Contains(t, err.Error(), "a.txt:")
}

// TestFormFeed reads a form feed as a page break, alone on its line or
// not, in both layouts, and writes a page break as a form feed line.
func TestFormFeed(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{longZH + "\n\f\n" + longZH + "\f\n\f" + longZH, []string{"P:" + longZH, "PB", "P:" + longZH, "PB", "PB", "P:" + longZH}},
		{longZH + "\n  \f  \n" + longZH, []string{"P:" + longZH, "PB", "P:" + longZH}},
		{"First line of a wrapped paragraph that goes on\nand ends here.\n\fSecond paragraph, wrapped over\ntwo lines of text.\n\nA third one, wrapped over\ntwo lines as well.\n",
			[]string{"P:First line of a wrapped paragraph that goes on and ends here.", "PB", "P:Second paragraph, wrapped over two lines of text.", "P:A third one, wrapped over two lines as well."}},
	} {
		d := parse(t, tc.in)
		assert.Equal(t, tc.want, shape(d), "%q", tc.in)
		out := (&Writer{}).Bytes(d)
		assert.Equal(t, strings.Count(tc.in, "\f"), strings.Count(string(out), "\f\n"), "%q", out)
		assert.Equal(t, shape(d), shape(parse(t, string(out))))
	}
	// Inside a list or quote a page break has no text form.
	d := &convert.Document{Blocks: []convert.Block{&convert.Quote{Blocks: []convert.Block{&convert.PageBreak{}, &convert.Paragraph{Inlines: textInlines("q")}}}}}
	assert.Equal(t, "  q\n", string((&Writer{}).Bytes(d)))
}

func FuzzReader(f *testing.F) {
	f.Add([]byte("中哈關係\n\n一是保持溝通。雙方。\n---\ntitle: x\n---\n"))
	f.Add([]byte("---\ntitle: a\n---\n• a\n1. b\nx\ty\nz\tw\n"))
	f.Add([]byte("Title\n\nWrapped line one that is long enough\nand a second line.\n\n# H\n"))
	f.Add([]byte("% T\n% A\n% 2024-01-01\n% heading-like\nBody text. It is long enough to be a paragraph surely.\n"))
	f.Add([]byte("% T\n% A\n% 2024-01-01\n---\ntitle: x\n---\nBody.\n"))
	f.Add([]byte("00000000000000000000000000\n# # 0")) // found by CI's fuzz smoke run
	f.Add([]byte("# - 0"))                             // found while fuzzing: heading, item, item
	f.Add([]byte("# ---\nx\n# + y\n"))
	f.Add([]byte("0) 0\n---\n•00")) // found while fuzzing: the rule between them is not written
	f.Add([]byte("- 0\n---\n•00"))
	f.Add([]byte("00000000000000000000\n0\n #\n0")) // found by a CI-style fuzz run: "#" and "0" joined read back as a heading
	f.Add([]byte("0\n ^^^"))                        // found while fuzzing: an indented underline written without its indent
	f.Add([]byte("0\n\n^^^"))
	f.Add([]byte("# ~~~"))
	f.Add([]byte("Title\n\f\nBody text that goes on.\fMore\n\f"))
	f.Add([]byte("•0\n---\n•0")) // found while fuzzing: "•0" underlined was a heading, written "•0" it read back as an item
	f.Add([]byte("# •0\n•0"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := (&Reader{}).Parse(src)
		if err != nil {
			return
		}
		t1 := (&Writer{}).Bytes(d)
		d2, err := (&Reader{}).Parse(t1)
		if errors.Is(err, convert.ErrInvalidInput) {
			return // known limit: dropping blank lines raises the share of NUL or invalid bytes
		}
		require.NoError(t, err)
		if t2 := (&Writer{}).Bytes(d2); !bytes.Equal(t1, t2) {
			t.Errorf("unstable:\n%q\n%q\n%q", src, t1, t2)
		}
	})
}

func BenchmarkRead(b *testing.B) {
	src := sample(b)
	n := utf8.RuneCount(src) + 1
	big := bytes.Repeat(append(src, '\n'), (1_000_000+n-1)/n)
	b.SetBytes(int64(len(big)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := (&Reader{}).Parse(big); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	src := sample(b)
	var big []byte
	for len(big) < 3_000_000 {
		big = append(big, src...)
		big = append(big, '\n')
	}
	d, err := (&Reader{}).Parse(big)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(big)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = (&Writer{}).Bytes(d)
	}
}

// oneCharLines is n one-character lines, each line a paragraph: the shape
// with the most blocks per character.
func oneCharLines(n int) []byte {
	s := []rune("天地玄黃宇宙洪荒日月盈昃辰宿列張")
	var b bytes.Buffer
	for i := range n {
		b.WriteRune(s[i%len(s)])
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// BenchmarkShortParas reads and writes one million one-character lines.
//
//	go test -run - -bench ShortParas -benchmem ./formats/text
func BenchmarkShortParas(b *testing.B) {
	src := oneCharLines(1_000_000)
	b.Run("read", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := (&Reader{}).Parse(src); err != nil {
				b.Fatal(err)
			}
		}
	})
	d, err := (&Reader{}).Parse(src)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("write", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = (&Writer{}).Bytes(d)
		}
	})
}

// TestWriterTitle: the title (and subtitle) other formats print starts
// the text, in a form the Reader reads back as the title; a title made
// from the file name is not written.
func TestWriterTitle(t *testing.T) {
	para := func(s string) convert.Block {
		return &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: s}}}
	}
	body := []convert.Block{para("台北市政府今天宣布，將投入新臺幣50億元改善交通。市長表示，計畫將分三年執行。"), para("第二段內容，說明細節。")}
	check := func(t *testing.T, w *Writer, d *convert.Document, want string) {
		t.Helper()
		got := w.Bytes(d)
		assert.Equal(t, want, string(got))
		d2, err := (&Reader{}).Parse(got)
		require.NoError(t, err)
		if strings.HasPrefix(want, d.Meta.Title) || strings.HasPrefix(want, "---") {
			assert.Equal(t, d.Meta.Title, d2.Meta.Title)
			assert.Equal(t, d.Meta.Subtitle, d2.Meta.Subtitle)
		}
		assert.Equal(t, want, string(w.Bytes(d2)), "fixed point")
	}
	t.Run("plain", func(t *testing.T) {
		check(t, &Writer{}, &convert.Document{Meta: convert.Meta{Title: "台北市長宣布新政策"}, Blocks: body},
			"台北市長宣布新政策\n\n台北市政府今天宣布，將投入新臺幣50億元改善交通。市長表示，計畫將分三年執行。\n第二段內容，說明細節。\n")
	})
	t.Run("file title", func(t *testing.T) {
		want := "台北市政府今天宣布，將投入新臺幣50億元改善交通。市長表示，計畫將分三年執行。\n第二段內容，說明細節。\n"
		check(t, &Writer{FileTitle: "probe"}, &convert.Document{Meta: convert.Meta{Title: "probe"}, Blocks: body}, want)
		check(t, &Writer{}, &convert.Document{Meta: convert.Meta{Title: "probe", TitleFromFile: true}, Blocks: body}, want)
	})
	t.Run("heading says it", func(t *testing.T) {
		h := &convert.Heading{Level: 1, Inlines: []convert.Inline{&convert.Text{Text: "詩"}}}
		got := (&Writer{}).Bytes(&convert.Document{Meta: convert.Meta{Title: "詩"}, Blocks: append([]convert.Block{h}, body...)})
		assert.Equal(t, 1, strings.Count(string(got), "詩"))
	})
	t.Run("left out", func(t *testing.T) {
		// A blank line under the title would make these unpunctuated
		// lines read as one hard-wrapped paragraph; a title ending in a
		// full stop is no headline. The title is left out rather than
		// written as front matter, whose "---" and "title:" the PDF does
		// not show.
		verse := []convert.Block{para("わたくしといふ現象は"), para("仮定された有機交流電燈の"), para("ひとつの青い照明です"),
			para("風景やみんなといつしよに"), para("せはしくせはしく明滅しながら")}
		check(t, &Writer{}, &convert.Document{Meta: convert.Meta{Title: "序", Subtitle: "心象スケツチ"}, Blocks: verse},
			"わたくしといふ現象は\n仮定された有機交流電燈の\nひとつの青い照明です\n風景やみんなといつしよに\nせはしくせはしく明滅しながら\n")
		check(t, &Writer{}, &convert.Document{Meta: convert.Meta{Title: "Notes on a journey."}, Blocks: body},
			"台北市政府今天宣布，將投入新臺幣50億元改善交通。市長表示，計畫將分三年執行。\n第二段內容，說明細節。\n")
	})
}

// Soft hyphens (U+00AD) are hyphenation hints no PDF viewer draws unless
// a line breaks there: the text output leaves them out, in paragraphs and
// code alike, so that it holds only what the PDF shows.
func TestWriterSoftHyphens(t *testing.T) {
	d := &convert.Document{Blocks: []convert.Block{
		&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "hyph\u00aden\u00adation"}}},
		&convert.CodeBlock{Text: "¬\u00ad®"},
		&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "\u00ad"}}},
	}}
	assert.Equal(t, "hyphenation\n¬®\n", string((&Writer{}).Bytes(d)))
}
