package convert_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docconv/docconv/convert"
)

// lines is a test format: one paragraph per non-empty line; a line "!bad"
// fails with the line number. The writer writes the paragraphs back.
func init() {
	convert.Register(convert.Format{
		Name:       "lines-test",
		Aliases:    []string{"lt"},
		Extensions: []string{"lt", "ltx"},
		NewReader: func(*convert.Options) convert.Reader {
			return convert.ReaderFunc(func(ctx context.Context, r io.Reader) (*convert.Document, error) {
				d := &convert.Document{}
				sc := bufio.NewScanner(r)
				for n := 1; sc.Scan(); n++ {
					switch line := sc.Text(); {
					case line == "!bad":
						return nil, &convert.Error{Line: n, Err: fmt.Errorf("bad line: %w", convert.ErrInvalidInput)}
					case line != "":
						d.Blocks = append(d.Blocks, &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: line}}})
					}
				}
				return d, nil
			})
		},
		NewWriter: func(*convert.Options) convert.Writer {
			return convert.WriterFunc(func(ctx context.Context, w io.Writer, d *convert.Document) error {
				for _, b := range d.Blocks {
					fmt.Fprintln(w, convert.BlockText(b))
				}
				return nil
			})
		},
	})
}

// upper is a document transform that upper-cases text and counts it.
type upper struct{}

func (upper) Name() string { return "upper" }
func (upper) TransformDocument(ctx context.Context, d *convert.Document, o *convert.Options) error {
	n := 0
	convert.MapInlines(d.Blocks, func(in convert.Inline) []convert.Inline {
		if t, ok := in.(*convert.Text); ok {
			t.Text = strings.ToUpper(t.Text)
			n++
		}
		return []convert.Inline{in}
	})
	o.Report.Add("test", "texts upper-cased", n)
	return nil
}

// dropX is a source transform that removes every 'x' byte.
type dropX struct{}

func (dropX) Name() string { return "dropx" }
func (dropX) TransformSource(ctx context.Context, src []byte, o *convert.Options) ([]byte, error) {
	return []byte(strings.ReplaceAll(string(src), "x", "")), nil
}

func TestRegistry(t *testing.T) {
	f, err := convert.Lookup("LT")
	require.NoError(t, err)
	assert.Equal(t, "lines-test", f.Name)
	assert.Equal(t, "lt", f.Ext())

	f, err = convert.ByExtension("dir/a.LTX")
	require.NoError(t, err)
	assert.Equal(t, "lines-test", f.Name)

	_, err = convert.Lookup("nope")
	assert.ErrorIs(t, err, convert.ErrUnknownFormat)
	_, err = convert.ByExtension("a.nope")
	assert.ErrorIs(t, err, convert.ErrUnknownFormat)

	assert.Panics(t, func() {
		convert.Register(convert.Format{Name: "lines-test", NewWriter: func(*convert.Options) convert.Writer { return nil }})
	})
	var names []string
	for _, f := range convert.Formats() {
		names = append(names, f.Name)
	}
	assert.Contains(t, names, "lines-test")
}

func TestConvertPipeline(t *testing.T) {
	rep := &convert.Report{}
	var out strings.Builder
	err := convert.Convert(context.Background(), &out, strings.NewReader("axb\n\nyxz\n"), &convert.Options{
		From: "lt", To: "lt", SourcePath: "dir/story.lt",
		Transforms: []convert.Transform{dropX{}, upper{}},
		Metadata:   []string{"author=A; B", "keywords=x, y"},
		Report:     rep,
	})
	require.NoError(t, err)
	assert.Equal(t, "AB\nYZ\n", out.String())
	assert.Equal(t, 2, rep.Get("test", "texts upper-cased"))
	assert.Equal(t, "test: 2 texts upper-cased\n", rep.String())

	d, err := convert.Read(context.Background(), strings.NewReader("hello world"), &convert.Options{
		SourcePath: "dir/story.lt", Metadata: []string{"author=A; B", "keywords=x, y", "mood=calm"},
	})
	require.NoError(t, err)
	assert.Equal(t, "story", d.Meta.Title, "title from the file name")
	assert.Equal(t, []string{"A", "B"}, d.Meta.Authors)
	assert.Equal(t, []string{"x", "y"}, d.Meta.Keywords)
	assert.Equal(t, map[string]string{"mood": "calm"}, d.Meta.Extra)
	assert.Equal(t, "en", d.Meta.Lang)
}

func TestReadErrorNamesFileAndLine(t *testing.T) {
	_, err := convert.Read(context.Background(), strings.NewReader("ok\n!bad\n"), &convert.Options{From: "lt", SourcePath: "in.lt"})
	require.Error(t, err)
	var ce *convert.Error
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "in.lt", ce.Path)
	assert.Equal(t, 2, ce.Line)
	assert.ErrorIs(t, err, convert.ErrInvalidInput)
	assert.Equal(t, "in.lt:2: read lines-test: bad line: invalid input", err.Error())

	_, err = convert.Read(context.Background(), strings.NewReader(""), &convert.Options{From: "nope"})
	assert.ErrorIs(t, err, convert.ErrUnknownFormat)
}

func TestMetaSet(t *testing.T) {
	var m convert.Meta
	require.NoError(t, m.Set("Title", " 標題 "))
	require.NoError(t, m.Set("lang", "zh-Hant"))
	require.NoError(t, m.Set("date", "2024-01-02"))
	require.NoError(t, m.Set("keywords", "中哈，合作、一帶一路"))
	assert.Equal(t, "標題", m.Title)
	assert.Equal(t, []string{"中哈", "合作", "一帶一路"}, m.Keywords)
	assert.Error(t, m.Set("lang", "zh_TW!"))
	assert.Error(t, m.Set("date", "yesterday"))
	assert.Error(t, m.Set("", "x"))
}

func TestDocumentTime(t *testing.T) {
	docTime := func(m *convert.Meta, o *convert.Options) time.Time {
		t.Helper()
		tm, err := convert.DocumentTime(m, o)
		require.NoError(t, err)
		return tm
	}
	t.Setenv("SOURCE_DATE_EPOCH", "")
	assert.Equal(t, convert.DefaultTime, docTime(&convert.Meta{}, nil))
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	assert.Equal(t, time.Unix(1700000000, 0).UTC(), docTime(&convert.Meta{}, nil))
	assert.Equal(t, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), docTime(&convert.Meta{Date: "2024年3月1日"}, nil))
	mt := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	assert.Equal(t, mt, docTime(&convert.Meta{Date: "2024"}, &convert.Options{ModTime: mt}))
	t.Setenv("SOURCE_DATE_EPOCH", "0")
	assert.Equal(t, time.Unix(0, 0).UTC(), docTime(nil, nil))
}

// TestSourceDateEpochMalformed: a malformed SOURCE_DATE_EPOCH is an error
// (reproducible-builds.org), from DocumentTime and from Write, whatever
// else gives the time.
func TestSourceDateEpochMalformed(t *testing.T) {
	for _, v := range []string{"abc", "-5", "1.5", " 42", "42 ", "+42", "1e9", "0x10", "253402300800", "99999999999999999999"} {
		t.Setenv("SOURCE_DATE_EPOCH", v)
		_, err := convert.DocumentTime(&convert.Meta{}, nil)
		assert.ErrorContains(t, err, "SOURCE_DATE_EPOCH=", v)
		_, err = convert.DocumentTime(&convert.Meta{Date: "2024"}, &convert.Options{ModTime: time.Now()})
		assert.Error(t, err, v)
		_, _, err = convert.SourceDateEpoch()
		assert.Error(t, err, v)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "abc")
	err := convert.Write(context.Background(), io.Discard, &convert.Document{}, &convert.Options{To: "lines-test"})
	assert.ErrorContains(t, err, `SOURCE_DATE_EPOCH="abc"`)
}

func TestDetectLanguage(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"中哈關係已經開啟新的黃金三十年，兩國將充分發揮優勢。", "zh-Hant"},
		{"中哈关系已经开启新的黄金三十年，两国将充分发挥优势。", "zh-Hans"},
		{"国内観光客数は前年比12%増の約3億人となった。", "ja"},
		{"한국의 반도체 수출액은 사상 최대치를 기록했다.", "ko"},
		{"Freight trains between China and Europe made 19,000 trips.", "en"},
		{"2024年,OpenAI发布了GPT-4o模型,Apple也在WWDC 2024上推出了新功能。", "zh-Hans"},
		{"12345 !!!", "und"},
		{"日本語的「漢字（かんじ）」與「平仮名（ひらがな）」並用，這是兩國文字發展的不同之處，學者對此多有討論與研究。", "zh-Hant"},
	} {
		assert.Equal(t, tc.want, convert.DetectLanguage(tc.text), tc.text)
		// DocumentLanguage counts a document's text a block at a time, as
		// DetectLanguage counts it whole: a parenthesis open at the end of
		// a block is closed by the line break between blocks.
		var d convert.Document
		for _, part := range strings.SplitAfter(tc.text, "（") {
			d.Blocks = append(d.Blocks, &convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: part}}})
		}
		assert.Equal(t, convert.DetectLanguage(convert.DocumentText(&d)), convert.DocumentLanguage(&d), tc.text)
		assert.Equal(t, convert.DetectLanguage(convert.DocumentText(&d)+"한국어"), convert.DocumentLanguage(&d, "한국어"), tc.text)
	}
	assert.True(t, convert.IsCJKLang("zh-Hant"))
	assert.False(t, convert.IsCJKLang("en-US"))
}

func TestWalkers(t *testing.T) {
	d := &convert.Document{Blocks: []convert.Block{
		&convert.Heading{Level: 1, Inlines: []convert.Inline{&convert.Text{Text: "H"}}},
		&convert.Paragraph{Inlines: []convert.Inline{
			&convert.Strong{Inlines: []convert.Inline{&convert.Text{Text: "a"}}},
			&convert.Text{Text: "b"}, &convert.Ruby{Base: "區", Text: "qū"}, &convert.LineBreak{},
			&convert.Link{URL: "u", Inlines: []convert.Inline{&convert.Code{Text: "c"}}},
		}},
		&convert.List{Items: [][]convert.Block{{&convert.Paragraph{Inlines: []convert.Inline{&convert.Text{Text: "i1"}}}}}},
		&convert.Table{Header: []convert.Cell{{&convert.Text{Text: "h"}}}, Rows: [][]convert.Cell{{{&convert.Text{Text: "r"}}, {&convert.Text{Text: "s"}}}}},
		&convert.CodeBlock{Text: "x := 1"},
		&convert.Rule{},
	}}
	assert.Equal(t, "H\nab區\nc\ni1\nh\nr\ts\nx := 1\n\n", convert.DocumentText(d))
	assert.Equal(t, 2, d.Blocks[3].(*convert.Table).Columns())

	var kinds []string
	convert.Inspect(d.Blocks, func(n any) bool {
		kinds = append(kinds, fmt.Sprintf("%T", n))
		_, isList := n.(*convert.List)
		return !isList
	})
	assert.Equal(t, []string{"*convert.Heading", "*convert.Text", "*convert.Paragraph", "*convert.Strong", "*convert.Text",
		"*convert.Text", "*convert.Ruby", "*convert.LineBreak", "*convert.Link", "*convert.Code", "*convert.List",
		"*convert.Table", "*convert.Text", "*convert.Text", "*convert.Text", "*convert.CodeBlock", "*convert.Rule"}, kinds)

	// MapInlines can drop, keep and split leaves.
	convert.MapInlines(d.Blocks, func(in convert.Inline) []convert.Inline {
		switch x := in.(type) {
		case *convert.LineBreak:
			return nil
		case *convert.Text:
			if x.Text == "b" {
				return []convert.Inline{&convert.Text{Text: "b1"}, &convert.Text{Text: "b2"}}
			}
		}
		return []convert.Inline{in}
	})
	assert.Equal(t, "ab1b2區c", convert.BlockText(d.Blocks[1]))
}

func TestReport(t *testing.T) {
	var nilRep *convert.Report
	nilRep.Add("a", "b", 1) // no panic
	assert.Empty(t, nilRep.String())
	r := &convert.Report{}
	r.Add("normalized", "pinyin annotations removed", 142)
	r.Add("normalized", "halfwidth commas made fullwidth", 79)
	r.Add("normalized", "NUL characters removed", 0)
	r.Warn("pdf: %d characters not covered", 2)
	assert.Equal(t, "normalized: 142 pinyin annotations removed, 79 halfwidth commas made fullwidth\nwarning: pdf: 2 characters not covered\n", r.String())
	assert.Len(t, r.Counts(), 2)
}

func TestErrorFormatting(t *testing.T) {
	e := &convert.Error{Op: "write", Format: "pdf", Path: "out.pdf", Err: errors.New("pdf: boom")}
	assert.Equal(t, "out.pdf: write pdf: boom", e.Error(), "the format is named once")
	assert.Equal(t, "pdf: boom", e.Unwrap().Error())
	e = &convert.Error{Line: 3, Column: 4, Err: errors.New("x")}
	assert.Equal(t, "line 3: x", e.Error())
}

func TestSafeURL(t *testing.T) {
	for u, ok := range map[string]bool{
		"https://a.b/": true, "http://x": true, "mailto:a@b": true, "#frag": true, "rel/path?q=1": true, "": true,
		"javascript:alert(1)": false, " JavaScript:x": false, "java\nscript:x": false, "java\tscript:x": false,
		"data:text/html,x": false, "vbscript:x": false, "\x01javascript:x": false,
	} {
		_, got := convert.SafeURL(u)
		assert.Equal(t, ok, got, "%q", u)
	}
}

func TestScriptOf(t *testing.T) {
	for tag, want := range map[string]convert.Script{
		"zh-Hant": convert.ScriptHant, "zh-TW": convert.ScriptHant, "zh_HK": convert.ScriptHant, "yue": convert.ScriptHant,
		"zh-Hans": convert.ScriptHans, "zh": convert.ScriptHans, "zh-Hant-CN": convert.ScriptHans, "cmn": convert.ScriptHans,
		"ja": convert.ScriptJa, "ja-JP": convert.ScriptJa, "ko-KR": convert.ScriptKo, "en": convert.ScriptOther, "": convert.ScriptOther,
	} {
		assert.Equal(t, want, convert.ScriptOf(tag), tag)
	}
}

func TestLinkTarget(t *testing.T) {
	for _, c := range []struct {
		in, href string
		kind     convert.LinkKind
	}{
		{"https://example.com/?q=<b>", "https://example.com/?q=%3Cb%3E", convert.LinkAbsolute},
		{" https://example.com/a b ", "https://example.com/a%20b", convert.LinkAbsolute},
		{"https://例子.测试/路径?q=值#片", "https://xn--fsqu00a.xn--0zwm56d/%E8%B7%AF%E5%BE%84?q=%E5%80%BC#%E7%89%87", convert.LinkAbsolute},
		{"HTTPS://Example.com:8080/%41%zz", "https://Example.com:8080/%41%25zz", convert.LinkAbsolute},
		{"http://[::1]:80/x", "http://[::1]:80/x", convert.LinkAbsolute},
		{"http:\\\\example.com\\x", "http://example.com/x", convert.LinkAbsolute},
		{"mailto:a@b.c?subject=a b", "mailto:a@b.c?subject=a%20b", convert.LinkAbsolute},
		{"tel:+1-555", "tel:+1-555", convert.LinkAbsolute},
		{"ftp://host/file", "ftp://host/file", convert.LinkAbsolute},
		{"#sec-1", "#sec-1", convert.LinkFragment},
		{"other.html#x", "other.html#x", convert.LinkRelative},
		{"//cdn.example/x", "//cdn.example/x", convert.LinkRelative},
		{"javascript:alert(1)", "", convert.LinkUnsafe},
		{"JavaScript:alert(1)", "", convert.LinkUnsafe},
		{"java\tscript:alert(1)", "", convert.LinkUnsafe},
		{"\x01javascript:x", "", convert.LinkUnsafe},
		{"vbscript:msgbox", "", convert.LinkUnsafe},
		{"file:///etc/passwd", "", convert.LinkUnsafe},
		{"data:text/html,<script>", "", convert.LinkUnsafe},
		{"http:/no-host", "", convert.LinkUnsafe},
		{"http://", "", convert.LinkUnsafe},
		{"https://exa mple.com/", "", convert.LinkUnsafe},
		{"http://host:8x/", "", convert.LinkUnsafe},
		{"mailto:", "", convert.LinkUnsafe},
		{"x-unknown:thing", "", convert.LinkUnsafe},
	} {
		href, kind := convert.LinkTarget(c.in)
		assert.Equal(t, c.kind, kind, "%q", c.in)
		if c.kind != convert.LinkUnsafe {
			assert.Equal(t, c.href, href, "%q", c.in)
			for i := 0; i < len(href); i++ {
				assert.True(t, href[i] > ' ' && href[i] < 0x7f, "%q: byte %d of %q", c.in, i, href)
			}
		}
	}
}
