package html

import "strings"

// Font stacks per script, after any fonts the caller names.
var fontStacks = []struct{ selector, stack string }{
	{"", `"Noto Sans", "Helvetica Neue", Arial`},
	{":lang(zh)", `"Noto Sans SC", "PingFang SC", "Microsoft YaHei"`},
	{":lang(zh-Hant), :lang(zh-TW), :lang(zh-HK), :lang(zh-MO)", `"Noto Sans TC", "PingFang TC", "Microsoft JhengHei"`},
	{":lang(ja)", `"Noto Sans JP", "Hiragino Sans", "Yu Gothic"`},
	{":lang(ko)", `"Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic"`},
}

const monoStack = `ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace`

// css returns the style sheet. fonts are family names put before the
// per-language stacks.
func css(fonts []string) string {
	var pre string
	for _, f := range fonts {
		pre += quoteFamily(f) + ", "
	}
	var b strings.Builder
	b.WriteString(`html { line-height: 1.8; }
body {
  margin: 0 auto; max-width: 42em; padding: 1em 1.5em;
  color: #1a1a1a; background: #fff;
  text-align: justify;
  line-break: strict; word-break: normal; overflow-wrap: break-word;
  hanging-punctuation: allow-end;
  text-autospace: ideograph-alpha ideograph-numeric;
  text-spacing-trim: normal;
}
`)
	for _, fs := range fontStacks {
		sel := "body"
		if fs.selector != "" {
			sel = fs.selector
		}
		b.WriteString(sel + " { font-family: " + pre + fs.stack + ", sans-serif; }\n")
	}
	b.WriteString(`p { margin: 0 0 0.6em; }
p:lang(zh), p:lang(ja), p:lang(ko) { text-indent: 2em; }
li p, blockquote p, td p, th p { text-indent: 0; }
h1, h2, h3, h4, h5, h6 { line-height: 1.4; text-align: start; margin: 1.2em 0 0.6em; }
header { margin-bottom: 2em; text-align: center; }
header .subtitle, header .author, header .date { text-indent: 0; margin: 0.2em 0; }
blockquote { margin: 1em 0; padding: 0 1em; border-left: 0.25em solid #ccc; color: #444; }
code, pre { font-family: ` + monoStack + `; font-size: 0.9em; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; text-align: start; background: #f6f6f6; padding: 0.8em; }
table { border-collapse: collapse; margin: 1em auto; text-align: start; }
caption { caption-side: top; margin-bottom: 0.4em; }
th, td { border: 1px solid #999; padding: 0.3em 0.6em; text-indent: 0; vertical-align: top; }
thead th { background: #f0f0f0; }
ruby rt { font-size: 0.5em; }
a { color: #0645ad; }
img { max-width: 100%; height: auto; }
figure { margin: 1.2em 0; text-align: center; page-break-inside: avoid; break-inside: avoid; }
figcaption { margin-top: 0.4em; font-size: 0.9em; color: #444; text-indent: 0; }
hr { border: none; border-top: 1px solid #ccc; margin: 2em 0; }
`)
	return b.String()
}

// quoteFamily quotes a font family name for CSS.
func quoteFamily(name string) string {
	name = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "<", "", ">", "", "\n", " ").Replace(name)
	return `"` + name + `"`
}
