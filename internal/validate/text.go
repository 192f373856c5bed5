package validate

import (
	"archive/zip"
	"bytes"
	"html"
	"io"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Recovery compares the characters of src with those of got as multisets,
// white space ignored (line breaks and justification move it), and returns
// the characters of src that got lacks and those got has beyond src (page
// numbers, running headers, or a wrong ToUnicode mapping such as a Kangxi
// radical U+2F00… in place of the ideograph), each with its repetitions,
// most frequent first.
func Recovery(src, got string) (missing, extra string) {
	count := func(s string) map[rune]int {
		m := map[rune]int{}
		for _, r := range s {
			if !unicode.IsSpace(r) {
				m[r]++
			}
		}
		return m
	}
	a, b := count(src), count(got)
	return diffRunes(a, b), diffRunes(b, a)
}

// diffRunes lists the runes of a beyond those of b, most frequent first.
func diffRunes(a, b map[rune]int) string {
	type rc struct {
		r rune
		n int
	}
	var d []rc
	for r, n := range a {
		if n > b[r] {
			d = append(d, rc{r, n - b[r]})
		}
	}
	slices.SortFunc(d, func(x, y rc) int {
		if x.n != y.n {
			return y.n - x.n
		}
		return int(x.r - y.r)
	})
	var sb strings.Builder
	for _, e := range d {
		sb.WriteString(strings.Repeat(string(e.r), e.n))
	}
	return sb.String()
}

// Punctuation that may not start a line (closing) or end one (opening),
// after CLREQ and JIS X 4051: the fullwidth marks, and with them the ASCII
// ones that turn up in CJK text.
// CJKClosing and CJKOpening are the fullwidth marks alone, for text whose
// ASCII punctuation belongs to Latin runs.
const (
	CJKClosing = "。，、；：？！」』）》〉】〕〗〙〛”’"
	CJKOpening = "「『（《〈【〔〖〘〚“‘"
	Closing    = CJKClosing + "．・‥…),.;:?!]}"
	Opening    = CJKOpening + "([{"
)

// LineViolations counts the lines that start with a mark of closing or end
// with a mark of opening, and returns up to five of them as examples.
func LineViolations(lines []string, opening, closing string) (n int, examples []string) {
	for _, ln := range lines {
		s := []rune(strings.TrimSpace(ln))
		if len(s) == 0 {
			continue
		}
		bad := 0
		if strings.ContainsRune(closing, s[0]) {
			bad++
		}
		if strings.ContainsRune(opening, s[len(s)-1]) {
			bad++
		}
		if bad > 0 {
			n += bad
			if len(examples) < 5 {
				examples = append(examples, string(s))
			}
		}
	}
	return n, examples
}

var (
	headRE = regexp.MustCompile(`(?s)<head>.*?</head>`)
	tagRE  = regexp.MustCompile(`(?s)<[^>]+>`)
)

// EPUBText returns the text of an EPUB's content documents (every .xhtml
// or .html file but the navigation document, in name order), tags
// stripped and entities decoded.
func EPUBText(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", err
	}
	files := slices.Clone(zr.File)
	slices.SortFunc(files, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	var out []string
	for _, f := range files {
		base := f.Name[strings.LastIndex(f.Name, "/")+1:]
		if !(strings.HasSuffix(f.Name, ".xhtml") || strings.HasSuffix(f.Name, ".html")) || strings.Contains(base, "nav") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return "", err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return "", err
		}
		s := headRE.ReplaceAllString(string(b), "")
		out = append(out, html.UnescapeString(tagRE.ReplaceAllString(s, "")))
	}
	return strings.Join(out, "\n"), nil
}
