package normalize

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/docconv/docconv/convert"
	"github.com/longbridgeapp/opencc"
)

// Script converts Chinese text between Traditional and Simplified
// characters with OpenCC (transform "script"; github.com/longbridgeapp/opencc,
// whose dictionaries are compiled into the binary: building the t2s
// converter takes about 3 ms, s2t about 45 ms, once per process). To is
// "hans" (Traditional → Simplified, OpenCC "t2s", phrase-aware: 關系 and
// 關係 → 关系) or "hant" (Simplified → Traditional, "s2t": 关系 → 關係).
// Every Text, Ruby base and the free-text metadata are converted, and
// Meta.Lang is set to zh-Hans or zh-Hant. Counted: "characters converted to
// Simplified" or "characters converted to Traditional".
//
// A document whose Meta.Lang says, or whose text looks, Japanese or Korean
// is left alone with a warning: OpenCC would turn kanji/hanja into Chinese
// forms. Phrases split across inlines are converted character by character.
type Script struct {
	To string // "hans" or "hant" ("zh-Hans", "zh-Hant" also accepted)
}

// Name returns "script".
func (Script) Name() string { return "script" }

type converter struct {
	once sync.Once
	cc   *opencc.OpenCC
	err  error
}

var converters = map[string]*converter{"t2s": {}, "s2t": {}}

func getConverter(name string) (*opencc.OpenCC, error) {
	c := converters[name]
	c.once.Do(func() {
		c.cc, c.err = opencc.New(name)
		if c.err != nil {
			c.err = fmt.Errorf("normalize: opencc %s: %w", name, c.err)
		}
	})
	return c.cc, c.err
}

// target maps Script.To to the OpenCC configuration, language tag and
// count label.
func (s Script) target() (cfg, lang, what string, err error) {
	switch strings.ToLower(strings.TrimSpace(s.To)) {
	case "hans", "zh-hans", "simplified":
		return "t2s", "zh-Hans", "characters converted to Simplified", nil
	case "hant", "zh-hant", "traditional":
		return "s2t", "zh-Hant", "characters converted to Traditional", nil
	}
	return "", "", "", fmt.Errorf("normalize: unknown script %q (want hans or hant)", s.To)
}

// TransformDocument implements convert.DocumentTransform.
func (s Script) TransformDocument(ctx context.Context, d *convert.Document, opts *convert.Options) error {
	cfg, lang, what, err := s.target()
	if err != nil {
		return err
	}
	rep := report(opts)
	l := d.Meta.Lang
	if l == "" {
		l = convert.DocumentLanguage(d, d.Meta.Title)
	}
	if base, _, _ := strings.Cut(strings.ToLower(l), "-"); base == "ja" || base == "ko" {
		rep.Warn("script: the document is %s, not Chinese: not converted to %s", l, lang)
		rep.Add(Stage, what, 0)
		return nil
	}
	cc, err := getConverter(cfg)
	if err != nil {
		return err
	}
	n := 0
	conv := func(p *string) {
		if err != nil || !hasHan(*p) {
			return
		}
		out, e := cc.Convert(*p)
		if e != nil {
			err = fmt.Errorf("normalize: opencc %s: %w", cfg, e)
			return
		}
		n += runeDiff(*p, out)
		*p = out
	}
	convert.MapInlines(d.Blocks, func(in convert.Inline) []convert.Inline {
		switch x := in.(type) {
		case *convert.Text:
			conv(&x.Text)
		case *convert.Ruby:
			conv(&x.Base)
		}
		return []convert.Inline{in}
	})
	for _, p := range metaStrings(&d.Meta) {
		conv(p)
	}
	if err != nil {
		return err
	}
	d.Meta.Lang = lang
	rep.Add(Stage, what, n)
	return ctx.Err()
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 && isHanLike(r) {
			return true
		}
	}
	return false
}

// runeDiff counts the characters that differ between a and b (position by
// position, plus the difference in length).
func runeDiff(a, b string) int {
	if a == b {
		return 0
	}
	n := 0
	for a != "" && b != "" {
		ra, sa := utf8.DecodeRuneInString(a)
		rb, sb := utf8.DecodeRuneInString(b)
		if ra != rb {
			n++
		}
		a, b = a[sa:], b[sb:]
	}
	return n + utf8.RuneCountInString(a) + utf8.RuneCountInString(b)
}
