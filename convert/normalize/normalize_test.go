package normalize

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/formats/text"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

var ctx = context.Background()

func para(s string) *convert.Document {
	return &convert.Document{Blocks: []convert.Block{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: s}}}}}
}

func firstText(d *convert.Document) string {
	return convert.BlockText(d.Blocks[0])
}

func runDoc(t *testing.T, tr convert.DocumentTransform, s string) (string, *convert.Report) {
	t.Helper()
	rep := &convert.Report{}
	d := para(s)
	require.NoError(t, tr.TransformDocument(ctx, d, &convert.Options{Report: rep}))
	return firstText(d), rep
}

func TestParseRubyMode(t *testing.T) {
	for s, want := range map[string]RubyMode{"strip": RubyStrip, "KEEP": RubyKeep, " ruby ": RubyRuby} {
		m, err := ParseRubyMode(s)
		require.NoError(t, err)
		assert.Equal(t, want, m)
		assert.Equal(t, strings.ToLower(strings.TrimSpace(s)), m.String())
	}
	_, err := ParseRubyMode("furigana")
	assert.ErrorContains(t, err, "normalize: unknown ruby mode")
	assert.Equal(t, "RubyMode(7)", RubyMode(7).String())
}

func TestTransformsSelection(t *testing.T) {
	names := func(ts []convert.Transform) []string {
		var out []string
		for _, tr := range ts {
			out = append(out, tr.Name())
		}
		return out
	}
	assert.Equal(t, []string{"encoding", "nfc", "controls", "pinyin", "punct", "spacing"}, names(Default()))
	assert.Equal(t, []string{"encoding", "nfc", "controls", "pinyin", "spacing", "script"}, names(Transforms(Options{KeepPunct: true, Script: "hans"})))
	assert.Empty(t, Transforms(Options{None: true, Script: "hans"}))
	for _, tr := range Default() {
		_, src := tr.(convert.SourceTransform)
		_, doc := tr.(convert.DocumentTransform)
		assert.True(t, src != doc, "%s is exactly one kind", tr.Name())
	}
}

func TestPinyin(t *testing.T) {
	tests := []struct{ in, want string }{
		{"地區(qū)沖突", "地區沖突"},
		{"物流(liú)合作", "物流合作"},
		{"地區（qū）沖突", "地區沖突"},
		{"地區(dì qū)沖突", "地區沖突"},
		{"區(qu1)域", "區域"},
		{"綠(lv4)色", "綠色"},
		{"綠(lǜ)色", "綠色"},
		{"區(qū)(qū)", "區"},
		{"區(qū)。經(jīng)濟", "區。經濟"},
		// Never touched.
		{"中歐(中亞)班列", "中歐(中亞)班列"},
		{"人工智能(AI)技術", "人工智能(AI)技術"},
		{"增長(2023)", "增長(2023)"},
		{"班列 (qū)", "班列 (qū)"},
		{"A(qū)", "A(qū)"},
		{"區(Qū)", "區(Qū)"},
		{"區(xyz)", "區(xyz)"},
		{"區(qū shì)", "區(qū shì)"},
		{"區(qū  shì)", "區(qū  shì)"},
		{"區(qǖ)", "區(qǖ)"},
		{"區(qūū)", "區(qūū)"},
		{"區(qu15)", "區(qu15)"},
		{"區(qū", "區(qū"},
		{"人工智能(an)", "人工智能(an)"}, // toneless without a toned annotation in the document
		{"人(ren)", "人(ren)"},
		{"(qū)", "(qū)"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, rep := runDoc(t, Pinyin{}, tt.in)
			assert.Equal(t, tt.want, got)
			want := 0
			if got != tt.in {
				want = strings.Count(tt.in, "(") + strings.Count(tt.in, "（")
			}
			assert.Equal(t, want, rep.Get(Stage, "pinyin annotations removed"))
		})
	}
}

func TestPinyinToneless(t *testing.T) {
	got, rep := runDoc(t, Pinyin{}, "地區(qū)與中心(zhong xin)和人工智能(AI)")
	assert.Equal(t, "地區與中心和人工智能(AI)", got)
	assert.Equal(t, 2, rep.Get(Stage, "pinyin annotations removed"))

	// The evidence may come from another block.
	d := &convert.Document{Blocks: []convert.Block{
		&convert.Heading{Level: 2, Inlines: []convert.Inline{&convert.Text{Text: "中心(zhong)"}}},
		&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "地區(qū)"}}},
	}}
	require.NoError(t, Pinyin{}.TransformDocument(ctx, d, nil))
	assert.Equal(t, "中心", convert.BlockText(d.Blocks[0]))
}

func TestPinyinTonelessFalsePositives(t *testing.T) {
	// Single letters are never toneless pinyin, whatever else the document has.
	in := "地區(qū)。比較價格(a)方案和(b)方案，以及附件(e)與(o)項，選項(i)(u)(v)(ê)(m)(n)。"
	got, rep := runDoc(t, Pinyin{}, in)
	assert.Equal(t, "地區。比較價格(a)方案和(b)方案，以及附件(e)與(o)項，選項(i)(u)(v)(ê)(m)(n)。", got)
	assert.Equal(t, 1, rep.Get(Stage, "pinyin annotations removed"))

	// A toned single vowel is still pinyin.
	got, _ = runDoc(t, Pinyin{}, "阿(ā)姨(yí)")
	assert.Equal(t, "阿姨", got)

	// Toneless annotations must use the parentheses of the toned ones.
	got, _ = runDoc(t, Pinyin{}, "地區（qū）與中心(zhong xin)")
	assert.Equal(t, "地區與中心(zhong xin)", got)
	got, _ = runDoc(t, Pinyin{}, "地區（qū）與中心（zhong xin）")
	assert.Equal(t, "地區與中心", got)
	got, _ = runDoc(t, Pinyin{Mode: RubyRuby}, "地區(qū)附件(e)與(an)")
	assert.Equal(t, "地區附件(e)與", got)
}

func TestPinyinModes(t *testing.T) {
	in := "地區(qū)沖突,地區(dì qū)"
	got, rep := runDoc(t, Pinyin{Mode: RubyKeep}, in)
	assert.Equal(t, in, got)
	assert.Equal(t, 2, rep.Get(Stage, "pinyin annotations kept"))

	d := para(in)
	d.Meta.Title = "地區(qū)"
	rep = &convert.Report{}
	require.NoError(t, Pinyin{Mode: RubyRuby}.TransformDocument(ctx, d, &convert.Options{Report: rep}))
	assert.Equal(t, []convert.Inline{
		&convert.Text{Text: "地"}, &convert.Ruby{Base: "區", Text: "qū"}, &convert.Text{Text: "沖突,"},
		&convert.Ruby{Base: "地", Text: "dì"}, &convert.Ruby{Base: "區", Text: "qū"},
	}, d.Blocks[0].(*convert.Paragraph).Inlines)
	assert.Equal(t, 2, rep.Get(Stage, "pinyin annotations made ruby"))
	assert.Equal(t, "地區", d.Meta.Title, "metadata cannot hold ruby: stripped")
	assert.Equal(t, 1, rep.Get(Stage, "pinyin annotations removed"))

	// Idempotent in ruby mode, also for a doubled annotation.
	d = para("區(qū)(qū)")
	require.NoError(t, Pinyin{Mode: RubyRuby}.TransformDocument(ctx, d, nil))
	first := convert.PlainText(d.Blocks[0].(*convert.Paragraph).Inlines)
	require.NoError(t, Pinyin{Mode: RubyRuby}.TransformDocument(ctx, d, nil))
	assert.Equal(t, first, convert.PlainText(d.Blocks[0].(*convert.Paragraph).Inlines))
	assert.Equal(t, "區(qū)", first)

	// Code is never touched.
	d = &convert.Document{Blocks: []convert.Block{
		&convert.Paragraph{Inlines: []convert.Inline{&convert.Code{Text: "區(qū)"}}},
		&convert.CodeBlock{Text: "區(qū)"},
	}}
	require.NoError(t, Pinyin{}.TransformDocument(ctx, d, nil))
	assert.Equal(t, "區(qū)", convert.BlockText(d.Blocks[0]))
	assert.Equal(t, "區(qū)", convert.BlockText(d.Blocks[1]))
}

func TestSyllableTable(t *testing.T) {
	n := len(syllableSet) - 5 // interjections m n ng hm hng
	assert.GreaterOrEqual(t, n, 400)
	assert.LessOrEqual(t, n, 420)
	for _, s := range []string{"zhuang", "lüe", "nü", "er", "shei", "yo", "kei"} {
		assert.True(t, syllableSet[s], s)
	}
	for _, s := range []string{"ai", "an", "he", "ma"} {
		ok, toned := syllableTone(s)
		assert.True(t, ok)
		assert.False(t, toned)
	}
	for _, s := range []string{"zhuàng", "lüè", "nǚ", "ér", "qu3", "lve4", "ń"} {
		ok, toned := syllableTone(s)
		assert.True(t, ok && toned, s)
	}
	for _, s := range []string{"", "AI", "Zhōng", "q", "zhōngg", "qū1", "qǖ", "1qu", "lvè", "bi\u0304"} {
		ok, _ := syllableTone(s)
		assert.False(t, ok, s)
	}
}

func TestPunct(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2023年,百年變局", "2023年，百年變局"},
		{"2023,百年", "2023，百年"},
		{"百年,2023", "百年，2023"},
		{"2024年,OpenAI发布", "2024年，OpenAI发布"},
		{"GPT-4o模型,Apple也", "GPT-4o模型，Apple也"},
		{"左右;Windows", "左右；Windows"},
		{"说:“你好”", "说：“你好”"},
		{"合作”,不断", "合作”，不断"},
		{"是吗?", "是吗？"},
		{"是吗? 我", "是吗？ 我"},
		{"什么?!", "什么？！"},
		{"好!", "好！"},
		{"日本,東京", "日本，東京"},
		{"가,나", "가，나"},
		{"中,,文", "中，，文"},
		// Never touched.
		{"3,800", "3,800"},
		{"410億,3,800萬", "410億，3,800萬"},
		{"Hello, world", "Hello, world"},
		{"10:30开会", "10:30开会"},
		{"첫째, 대중국", "첫째, 대중국"},
		{"합니까? 네", "합니까? 네"},
		{"AI,반도체", "AI,반도체"},
		{"网址:http://x", "网址：http://x"},
		{"https://例子", "https://例子"},
		{"中文 , 中文", "中文 , 中文"},
		{",中文", ",中文"},
		{"中文,", "中文,"},
		{"”,“", "”,“"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, _ := runDoc(t, Punct{}, tt.in)
			assert.Equal(t, tt.want, got)
			again, _ := runDoc(t, Punct{}, got)
			assert.Equal(t, got, again, "idempotent")
		})
	}
}

func TestPunctAcrossInlines(t *testing.T) {
	d := &convert.Document{
		Meta: convert.Meta{Title: "中哈,關係", Keywords: []string{"一,二"}},
		Blocks: []convert.Block{
			&convert.Paragraph{Inlines: []convert.Inline{
				&convert.Ruby{Base: "區", Text: "qū"}, &convert.Text{Text: ",世界"},
				&convert.Strong{Inlines: []convert.Inline{&convert.Text{Text: "一是"}}}, &convert.Text{Text: ",b"},
				&convert.Code{Text: "a"}, &convert.Text{Text: ",c"},
			}},
			&convert.Table{Rows: [][]convert.Cell{{{&convert.Text{Text: "年,月"}}}}},
		},
	}
	rep := &convert.Report{}
	require.NoError(t, Punct{}.TransformDocument(ctx, d, &convert.Options{Report: rep}))
	assert.Equal(t, "區，世界一是，b a,c", strings.Replace(convert.BlockText(d.Blocks[0]), "a", " a", 1))
	assert.Equal(t, "年，月", convert.BlockText(d.Blocks[1]))
	assert.Equal(t, "中哈，關係", d.Meta.Title)
	assert.Equal(t, []string{"一，二"}, d.Meta.Keywords)
	assert.Equal(t, 5, rep.Get(Stage, "halfwidth commas made fullwidth"))
}

func src(t *testing.T, tr convert.SourceTransform, in string, strict bool) (string, *convert.Report, error) {
	t.Helper()
	rep := &convert.Report{}
	out, err := tr.TransformSource(ctx, []byte(in), &convert.Options{Report: rep, Strict: strict})
	return string(out), rep, err
}

func TestEncoding(t *testing.T) {
	out, rep, err := src(t, Encoding{}, "\uFEFF\uFEFFa\r\nb\rc\x00d\n", false)
	require.NoError(t, err)
	assert.Equal(t, "a\nb\nc"+"d\n", out)
	assert.Equal(t, 2, rep.Get(Stage, "byte order marks removed"))
	assert.Equal(t, 1, rep.Get(Stage, "CRLF line endings converted"))
	assert.Equal(t, 1, rep.Get(Stage, "CR line endings converted"))
	assert.Equal(t, 1, rep.Get(Stage, "NUL characters removed"))
	assert.Empty(t, rep.Warnings())

	// Invalid UTF-8: offsets in the input; a run of bad bytes is one sequence.
	in := "0123456789ab\xffcd\n" + strings.Repeat("x", 24) + "\xe4\xb8\n中"
	require.Equal(t, 12, strings.IndexByte(in, 0xff))
	require.Equal(t, 40, strings.IndexByte(in, 0xe4))
	out, rep, err = src(t, Encoding{}, in, false)
	require.NoError(t, err)
	assert.True(t, utf8.ValidString(out))
	assert.Equal(t, 2, strings.Count(out, "\uFFFD"))
	assert.Equal(t, 2, rep.Get(Stage, "invalid UTF-8 sequences replaced"))
	assert.Equal(t, []string{"invalid UTF-8 at byte offsets 12, 40 (2 sequences) replaced by U+FFFD"}, rep.Warnings())

	_, rep, _ = src(t, Encoding{}, "\uFEFFab\xff", false)
	assert.Equal(t, []string{"invalid UTF-8 at byte offset 5 (1 sequence) replaced by U+FFFD"}, rep.Warnings())

	// Strict mode.
	_, _, err = src(t, Encoding{}, in, true)
	require.Error(t, err)
	assert.ErrorIs(t, err, convert.ErrStrict)
	assert.ErrorIs(t, err, convert.ErrInvalidInput)
	var ce *convert.Error
	require.True(t, errors.As(err, &ce))
	assert.Equal(t, 1, ce.Line)
	assert.Contains(t, err.Error(), "byte offset 12 (line 1)")
	_, _, err = src(t, Encoding{}, "a\r\nb\rc\n\xff", true)
	require.True(t, errors.As(err, &ce))
	assert.Equal(t, 4, ce.Line)

	// UTF-16 with a byte order mark.
	out, rep, err = src(t, Encoding{}, "\xff\xfe\x2d\x4e\x87\x65\r\x00\n\x00", false)
	require.NoError(t, err)
	assert.Equal(t, "中文\n", out)
	assert.Equal(t, 1, rep.Get(Stage, "UTF-16 inputs decoded"))

	// Clean input is returned as is, counts recorded as zero.
	out, rep, err = src(t, Encoding{}, "中文\n", false)
	require.NoError(t, err)
	assert.Equal(t, "中文\n", out)
	assert.Empty(t, rep.Counts())
}

func TestNFC(t *testing.T) {
	tests := []struct {
		in, want string
		n        int
	}{
		{"e\u0301t\u00e9", "\u00e9t\u00e9", 1},
		{"か\u3099き", "がき", 1},
		{"\u1100\u1161", "가", 1},
		{"qu\u0304 bi\u0304", "qū bī", 2},
		{"\uF900\u8C48", "\uF900\u8C48", 0}, // compatibility ideograph kept
		{"abc中文", "abc中文", 0},
	}
	for _, tt := range tests {
		out, rep, err := src(t, NFC{}, tt.in, false)
		require.NoError(t, err)
		assert.Equal(t, tt.want, out)
		assert.Equal(t, tt.n, rep.Get(Stage, "characters NFC-normalized"), tt.in)
	}
}

func TestScript(t *testing.T) {
	tests := []struct{ to, in, want string }{
		{"hans", "中哈關係", "中哈关系"},
		{"hans", "中哈關系", "中哈关系"},
		{"hans", "頭髮後來", "头发后来"},
		{"hant", "关系", "關係"},
		{"hant", "理发", "理髮"},
		{"hant", "干净", "乾淨"},
		{"zh-Hant", "发展", "發展"},
	}
	for _, tt := range tests {
		rep := &convert.Report{}
		d := para(tt.in)
		require.NoError(t, Script{To: tt.to}.TransformDocument(ctx, d, &convert.Options{Report: rep}))
		assert.Equal(t, tt.want, firstText(d))
		if strings.HasSuffix(strings.ToLower(tt.to), "hans") {
			assert.Equal(t, "zh-Hans", d.Meta.Lang)
			assert.Equal(t, runeDiff(tt.in, tt.want), rep.Get(Stage, "characters converted to Simplified"))
		} else {
			assert.Equal(t, "zh-Hant", d.Meta.Lang)
			assert.Equal(t, runeDiff(tt.in, tt.want), rep.Get(Stage, "characters converted to Traditional"))
		}
	}
	// Round trip of known sentences.
	for _, s := range []string{"中国和哈萨克斯坦两国关系乘风破浪。", "发展经济，促进合作。"} {
		d := para(s)
		require.NoError(t, Script{To: "hant"}.TransformDocument(ctx, d, nil))
		require.NotEqual(t, s, firstText(d))
		require.NoError(t, Script{To: "hans"}.TransformDocument(ctx, d, nil))
		assert.Equal(t, s, firstText(d))
	}
	// Ruby bases and metadata.
	d := &convert.Document{Meta: convert.Meta{Title: "關係"}, Blocks: []convert.Block{
		&convert.Paragraph{Inlines: []convert.Inline{&convert.Ruby{Base: "區", Text: "qū"}}}}}
	require.NoError(t, Script{To: "hans"}.TransformDocument(ctx, d, nil))
	assert.Equal(t, "关系", d.Meta.Title)
	assert.Equal(t, "区", d.Blocks[0].(*convert.Paragraph).Inlines[0].(*convert.Ruby).Base)

	// Japanese is left alone.
	rep := &convert.Report{}
	d = para("地方空港の国際線が拡充された。")
	require.NoError(t, Script{To: "hans"}.TransformDocument(ctx, d, &convert.Options{Report: rep}))
	assert.Equal(t, "地方空港の国際線が拡充された。", firstText(d))
	assert.Len(t, rep.Warnings(), 1)

	err := Script{To: "klingon"}.TransformDocument(ctx, para("x"), nil)
	assert.ErrorContains(t, err, "normalize: unknown script")
}

// samplePath is the sample article kept in the repository.
func samplePath(testing.TB) string { return "../../examples/article.txt" }

func readWith(t testing.TB, path string, o Options) (*convert.Document, *convert.Report) {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rep := &convert.Report{}
	d, err := convert.Read(ctx, f, &convert.Options{From: "text", Transforms: Transforms(o), Report: rep})
	require.NoError(t, err)
	return d, rep
}

func TestSample(t *testing.T) {
	path := samplePath(t)
	d, rep := readWith(t, path, Options{})
	assert.Equal(t, 142, rep.Get(Stage, "pinyin annotations removed"))
	assert.Equal(t, 79, rep.Get(Stage, "halfwidth commas made fullwidth"))
	assert.Equal(t, 0, rep.Get(Stage, "halfwidth punctuation made fullwidth"))
	body := convert.DocumentText(d)
	assert.Contains(t, body, "中歐(中亞)班列")
	assert.Contains(t, body, "410億美元")
	assert.Equal(t, 1, strings.Count(body, "("))
	assert.NotContains(t, body, ",")

	d, rep = readWith(t, path, Options{Script: "hans"})
	body = convert.DocumentText(d)
	assert.Equal(t, "zh-Hans", d.Meta.Lang)
	assert.Contains(t, body, "两国关系乘风破浪")
	assert.Contains(t, body, "中欧(中亚)班列")
	assert.Positive(t, rep.Get(Stage, "characters converted to Simplified"))
	golden(t, "sample-hans.txt", []byte(body))

	d, rep = readWith(t, path, Options{Ruby: RubyRuby})
	assert.Equal(t, 142, rep.Get(Stage, "pinyin annotations made ruby"))
	rubies := 0
	convert.Inspect(d.Blocks, func(n any) bool {
		if _, ok := n.(*convert.Ruby); ok {
			rubies++
		}
		return true
	})
	assert.Equal(t, 142, rubies)

	d, rep = readWith(t, path, Options{None: true})
	assert.Empty(t, rep.Counts())
	assert.Equal(t, 143, strings.Count(convert.DocumentText(d), "("))
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden; run go test ./convert/normalize -update")
	assert.Equal(t, string(want), string(got))
}

func FuzzSource(f *testing.F) {
	f.Add([]byte("\uFEFFa\r\nb\rc\x00\xff\xe4\xb8e\u0301\uF900"))
	f.Add([]byte("\xff\xfe\x2d\x4e"))
	f.Fuzz(func(t *testing.T, in []byte) {
		for _, tr := range []convert.SourceTransform{Encoding{}, NFC{}} {
			once, err := tr.TransformSource(ctx, in, nil)
			if _, ok := tr.(Encoding); ok && errors.Is(err, convert.ErrInvalidInput) {
				return // binary input is refused
			}
			require.NoError(t, err)
			if _, ok := tr.(Encoding); ok {
				require.True(t, utf8.Valid(once))
				require.False(t, bytes.ContainsAny(once, "\r\x00"))
				if bytes.HasPrefix(in, []byte{0xFF, 0xFE}) || bytes.HasPrefix(in, []byte{0xFE, 0xFF}) {
					continue // UTF-16 decoding is not idempotent by nature
				}
			}
			twice, err := tr.TransformSource(ctx, once, nil)
			require.NoError(t, err)
			require.Equal(t, string(once), string(twice), "%s idempotent", tr.Name())
		}
	})
}

func FuzzDocument(f *testing.F) {
	f.Add("2023年,百年(qū)區(qu)物流(liú)(liú)", true)
	f.Add("地區(dì qū),中歐(中亞)3,800", false)
	f.Fuzz(func(t *testing.T, s string, ruby bool) {
		if !utf8.ValidString(s) {
			return
		}
		mode := RubyStrip
		if ruby {
			mode = RubyRuby
		}
		for _, tr := range []convert.DocumentTransform{Pinyin{Mode: mode}, Punct{}} {
			d := para(s)
			require.NoError(t, tr.TransformDocument(ctx, d, nil))
			a := snapshot(d)
			require.NoError(t, tr.TransformDocument(ctx, d, nil))
			require.Equal(t, a, snapshot(d), "%s idempotent", tr.Name())
		}
	})
}

// snapshot renders the inlines of a one-paragraph document with ruby visible.
func snapshot(d *convert.Document) string {
	var b strings.Builder
	convert.Inspect(d.Blocks, func(n any) bool {
		switch x := n.(type) {
		case *convert.Text:
			b.WriteString(x.Text)
		case *convert.Ruby:
			b.WriteString("<" + x.Base + ":" + x.Text + ">")
		}
		return true
	})
	return b.String()
}

func bigSample(b *testing.B) []byte {
	src, err := os.ReadFile(samplePath(b))
	if err != nil {
		b.Fatal(err)
	}
	n := utf8.RuneCount(src) + 1
	return bytes.Repeat(append(src, '\n'), (1_000_000+n-1)/n)
}

// BenchmarkDefault: source transforms, text reader and document transforms
// over about one million characters.
func BenchmarkDefault(b *testing.B) {
	big := bigSample(b)
	b.SetBytes(int64(len(big)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := convert.Read(ctx, bytes.NewReader(big), &convert.Options{From: "text", Transforms: Default()}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDocumentTransforms: Pinyin and Punct alone (the reader excluded).
func BenchmarkDocumentTransforms(b *testing.B) {
	big := bigSample(b)
	b.SetBytes(int64(len(big)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		d, err := (&text.Reader{}).Parse(big)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for _, tr := range []convert.DocumentTransform{Pinyin{}, Punct{}} {
			if err := tr.TransformDocument(ctx, d, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkSourceTransforms: Encoding and NFC on input with CRLF and
// decomposed characters (the slow paths).
func BenchmarkSourceTransforms(b *testing.B) {
	big := bytes.ReplaceAll(bigSample(b), []byte("\n"), []byte("\r\n"))
	big = bytes.ReplaceAll(big, []byte("ū"), []byte("u\u0304"))
	b.SetBytes(int64(len(big)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		out, _ := Encoding{}.TransformSource(ctx, big, nil)
		_, _ = NFC{}.TransformSource(ctx, out, nil)
	}
}

// BenchmarkScriptHans: OpenCC t2s over about one million characters.
func BenchmarkScriptHans(b *testing.B) {
	big := bigSample(b)
	b.SetBytes(int64(len(big)))
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		d, err := (&text.Reader{}).Parse(big)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := (Script{To: "hans"}).TransformDocument(ctx, d, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func TestControls(t *testing.T) {
	d := &convert.Document{
		Meta: convert.Meta{Title: "T\x1b[2J", Authors: []string{"a\x07"}, Extra: map[string]string{"k\x00": "v\u009b"}},
		Blocks: []convert.Block{
			&convert.Heading{Level: 1, ID: "h\x01", Inlines: []convert.Inline{&convert.Text{Text: "H\x00"}}},
			&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "a\tb\nc\x1b[31md\x7f\r"}, &convert.Code{Text: "\x08x"},
				&convert.Link{URL: "https://e\x00x", Title: "\x1b", Inlines: []convert.Inline{&convert.Ruby{Base: "區\x1b", Text: "qū\x1b"}}}}},
			&convert.CodeBlock{Lang: "go\x1b", Text: "x\x1b[0m\n"},
			&convert.Table{Rows: [][]convert.Cell{{{&convert.Text{Text: "\x1bcell"}}}}},
		},
	}
	rep := &convert.Report{}
	require.NoError(t, Controls{}.TransformDocument(context.Background(), d, &convert.Options{Report: rep}))
	assert.Equal(t, 17, rep.Get(Stage, "control characters removed"))
	var all strings.Builder
	convert.Inspect(d.Blocks, func(n any) bool { fmt.Fprintf(&all, "%#v", n); return true })
	fmt.Fprintf(&all, "%#v", d.Meta)
	for _, r := range all.String() {
		assert.False(t, isControl(r) && r != '\n' && r != '\t', "%U left", r)
	}
	assert.Equal(t, "a\tb\nc[31md", d.Blocks[1].(*convert.Paragraph).Inlines[0].(*convert.Text).Text)
	assert.Equal(t, "v", d.Meta.Extra["k"])
	// Idempotent.
	require.NoError(t, Controls{}.TransformDocument(context.Background(), d, &convert.Options{Report: rep}))
	assert.Equal(t, 17, rep.Get(Stage, "control characters removed"))
}
