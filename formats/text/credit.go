package text

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/docconv/docconv/convert"
)

// Credit lines closing an article (see the package documentation, Footer).
var (
	editorLabel = `(?:责任编辑|責任編輯|责编|責編|编辑|編輯|校对|校對|审校|審校|审核|審核|摄影|攝影|翻译|翻譯|监制|監製)`
	editorRe    = regexp.MustCompile(editorLabel + `\s*[：:]`)
	editorsZH   = regexp.MustCompile(`^(?:` + editorLabel + `\s*[：:]\s*` + hanNames + `[\s；;，,、]*)+$`)
	reporterZH  = regexp.MustCompile(`^` + reporter + `\s*(` + hanNames + `)(?:` + place + `)?$`)
	bracketed   = regexp.MustCompile(`^[（(【\[]\s*(.+?)\s*[）)】\]]$`)
	creditEN    = regexp.MustCompile(`^(?i:(additional\s+)?reporting|writing|written|compiled)\s+by\s+(.+)$`)
	helperEN    = regexp.MustCompile(`^(?i:editing|edited|graphics|photos?|translation|translated)\s+by\s+\S`)
	enNameOnly  = regexp.MustCompile(`^` + enName + `$`)
	enPlace     = regexp.MustCompile(`\s+in\s+\p{Lu}[\p{L} .'’-]*$`)
	reporterKO  = regexp.MustCompile(`^(\p{Hangul}{2,4}(?:\s*[·,]\s*\p{Hangul}{2,4})*)\s*기자(?:\s+[\w.+-]+@[\w.-]+\.\w+)?$`)
	emailOnly   = regexp.MustCompile(`^[\w.+-]+@[\w.-]+\.\w+$`)
	koNameSep   = regexp.MustCompile(`\s*[·,]\s*`)
)

// credit reports whether s is a credit line and returns the names of its
// reporters or writers (nil for an editors-only line): "（記者黃美玲／台北報導　編輯：張家豪）",
// "（记者 张三 李四）", "【責任編輯：王小明】", "责任编辑：王小明", "(Reporting by
// Jane Doe; Editing by John Roe)", "홍길동 기자 hong@example.com".
func credit(s string) ([]string, bool) {
	// The shortest credit line has four characters ("记者王明").
	if n := utf8.RuneCountInString(s); n < 4 || n > 200 {
		return nil, false
	}
	if names := byline(s); names != nil {
		return names, true
	}
	if m := reporterKO.FindStringSubmatch(s); m != nil {
		return koNameSep.Split(m[1], -1), true
	}
	inner := s
	if m := bracketed.FindStringSubmatch(s); m != nil {
		inner = m[1]
	}
	if names, ok := creditZH(inner); ok {
		return names, true
	}
	return creditENParts(inner)
}

// creditZH parses "記者黃美玲／台北報導　編輯：張家豪" and "責任編輯：王小明".
func creditZH(s string) ([]string, bool) {
	rep, eds := s, ""
	if loc := editorRe.FindStringIndex(s); loc != nil {
		rep, eds = s[:loc[0]], s[loc[0]:]
		if !editorsZH.MatchString(eds) {
			return nil, false
		}
	}
	rep = strings.TrimRight(rep, " \u3000；;，,")
	if rep == "" {
		return nil, eds != ""
	}
	m := reporterZH.FindStringSubmatch(rep)
	if m == nil {
		return nil, false
	}
	var out []string
	for _, n := range nameSep.Split(m[1], -1) {
		if n != "" {
			out = append(out, n)
		}
	}
	return out, true
}

// creditENParts parses "Reporting by A and B in Beijing; Editing by C".
func creditENParts(s string) ([]string, bool) {
	var out []string
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if helperEN.MatchString(part) {
			continue
		}
		m := creditEN.FindStringSubmatch(part)
		if m == nil {
			return nil, false
		}
		for _, n := range enNameSep.Split(enPlace.ReplaceAllString(m[2], ""), -1) {
			if n = strings.TrimSpace(n); n != "" {
				if !enNameOnly.MatchString(n) {
					return nil, false
				}
				out = append(out, n)
			}
		}
	}
	return out, len(out) > 0
}

// footer fills m.Authors from the credit lines among the last two blocks
// (the one before the last only when the last is a credit or an e-mail
// address) when no authors are known. The lines stay paragraphs.
func (p *parser) footer(m *convert.Meta) {
	const maxCreditLine = 600 // bytes: 200 CJK characters
	if p.r.NoTitle || len(m.Authors) > 0 {
		return
	}
	n := len(p.units)
	one := func(i int) (string, bool) {
		// A credit line is short; the patterns are not run over a long
		// paragraph (a 50 MB line took seconds).
		if i < 0 || p.units[i].kind != uPara || p.units[i].lines != 1 || len(p.units[i].text) > maxCreditLine {
			return "", false
		}
		return p.units[i].text, true
	}
	last, ok := one(n - 1)
	if !ok {
		return
	}
	names, isCredit := credit(last)
	if isCredit || emailOnly.MatchString(last) {
		if prev, ok := one(n - 2); ok {
			if pn, ok := credit(prev); ok && len(pn) > 0 {
				names = pn
			}
		}
	}
	if len(names) > 0 {
		m.Authors = names
	}
}
