// Package hyph finds the hyphenation points of words with Liang's
// algorithm (as TeX does) from the TeX hyphenation patterns of a language,
// as LibreOffice's hyphen library ships them (patterns/README.md says
// where each file comes from and under which licence).
package hyph

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed patterns/*.dic.gz
var files embed.FS

// Patterns are the hyphenation patterns of one language.
type Patterns struct {
	// entries maps the letters of a pattern to its values (one more than
	// letters: the value before each letter and after the last), and
	// every prefix of a pattern's letters to nil, so that a walk along a
	// word stops at the first substring no pattern starts with.
	entries     map[string][]uint8
	left, right int // fewest letters before and after a hyphen
}

// languages maps a language subtag to its pattern file.
var languages = map[string]string{
	"en": "en-US",
	"fr": "fr",
	"es": "es",
}

var (
	mu     sync.Mutex
	loaded = map[string]*Patterns{}
)

// For returns the patterns for a BCP 47 language tag (en, en-GB,
// fr-CA, es-MX …), or nil when there are none for its language. English of
// every region uses the American patterns. Patterns are read once and
// shared.
func For(lang string) *Patterns {
	l := strings.ToLower(lang)
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	name, ok := languages[l]
	if !ok {
		return nil
	}
	mu.Lock()
	defer mu.Unlock()
	if p, ok := loaded[name]; ok {
		return p
	}
	p, err := load(name)
	if err != nil {
		// The files are embedded and checked by the tests: an error here
		// is a broken build. No hyphenation rather than a failure.
		p = nil
	}
	loaded[name] = p
	return p
}

func load(name string) (*Patterns, error) {
	f, err := files.Open("patterns/" + name + ".dic.gz")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(z)
	if err != nil {
		return nil, err
	}
	return Parse(data)
}

// Parse reads patterns in the format of LibreOffice's hyphen library: a
// first line naming the encoding (UTF-8 only), LEFTHYPHENMIN and
// RIGHTHYPHENMIN lines, comments (% or #), and one pattern a line. When
// the file has a NEXTLEVEL line, only the patterns after it (the word
// level) are read: the first level splits compounds at apostrophes and
// hyphens, which the line breaker does on its own. Non-standard patterns
// (with a replacement after /) are skipped. The fewest letters kept before
// and after a hyphen are at least 2 and 3.
func Parse(data []byte) (*Patterns, error) {
	p := &Patterns{entries: map[string][]uint8{}, left: 2, right: 3}
	sc := bufio.NewScanner(bytes.NewReader(data))
	first := true
	var pats []string
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if first {
			first = false
			if !strings.EqualFold(line, "UTF-8") {
				return nil, errEncoding(line)
			}
			continue
		}
		if line == "" || line[0] == '%' || line[0] == '#' {
			continue
		}
		if k, v, ok := strings.Cut(line, " "); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			switch {
			case err != nil:
			case k == "LEFTHYPHENMIN":
				p.left = max(p.left, n)
			case k == "RIGHTHYPHENMIN":
				p.right = max(p.right, n)
			}
			continue
		}
		if line == "NEXTLEVEL" {
			pats = pats[:0]
			continue
		}
		if strings.ContainsRune(line, '/') || strings.ToUpper(line) == line && !strings.ContainsAny(line, "0123456789.") {
			continue // non-standard pattern, or a keyword we do not use
		}
		pats = append(pats, line)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for _, pat := range pats {
		p.add(pat)
	}
	return p, nil
}

type errEncoding string

func (e errEncoding) Error() string {
	return "hyph: pattern file encoding " + string(e) + ", want UTF-8"
}

// add stores one pattern such as ".ad4der" or "a2ch4".
func (p *Patterns) add(pat string) {
	var letters strings.Builder
	vals := []uint8{0}
	for _, r := range pat {
		if r >= '0' && r <= '9' {
			vals[len(vals)-1] = uint8(r - '0')
			continue
		}
		letters.WriteRune(unicode.ToLower(r))
		vals = append(vals, 0)
	}
	key := letters.String()
	if key == "" {
		return
	}
	p.entries[key] = vals
	for i := range key {
		if i > 0 {
			if _, ok := p.entries[key[:i]]; !ok {
				p.entries[key[:i]] = nil
			}
		}
	}
}

// Hyphenator hyphenates words with a set of patterns, remembering the
// words it has seen (prose repeats its words). It is not safe for
// concurrent use; Patterns are.
type Hyphenator struct {
	p     *Patterns
	cache map[string][]int
	buf   []byte
	offs  []int
	vals  []uint8
}

// maxCache bounds the words a Hyphenator remembers.
const maxCache = 1 << 15

// New returns a Hyphenator for p (nil: one that finds no points).
func New(p *Patterns) *Hyphenator {
	return &Hyphenator{p: p}
}

// Points returns the positions in word (counted in runes) before which a
// hyphen may break it, in increasing order. word must be letters only;
// it is not lower-cased by the caller. The result must not be modified.
func (h *Hyphenator) Points(word []rune) []int {
	if h == nil || h.p == nil || len(word) < h.p.left+h.p.right {
		return nil
	}
	h.buf = h.buf[:0]
	h.buf = append(h.buf, '.')
	for _, r := range word {
		h.buf = utf8.AppendRune(h.buf, unicode.ToLower(r))
	}
	h.buf = append(h.buf, '.')
	if pts, ok := h.cache[string(h.buf)]; ok {
		return pts
	}
	key := string(h.buf)
	s := key
	// offs[i] is the byte offset of rune i of s ('.' + word + '.').
	h.offs = h.offs[:0]
	for i := range s {
		h.offs = append(h.offs, i)
	}
	h.offs = append(h.offs, len(s))
	n := len(h.offs) - 1 // runes in s
	h.vals = append(h.vals[:0], make([]uint8, n+1)...)
	for i := 0; i < n; i++ {
		for j := i + 1; j <= n; j++ {
			v, ok := h.p.entries[s[h.offs[i]:h.offs[j]]]
			if !ok {
				break
			}
			for k, x := range v {
				if x > h.vals[i+k] {
					h.vals[i+k] = x
				}
			}
		}
	}
	// vals[i] is the value before rune i of s; rune k of word is rune k+1
	// of s, so a break before rune k of word reads vals[k+1].
	var pts []int
	for k := h.p.left; k <= len(word)-h.p.right; k++ {
		if h.vals[k+1]%2 == 1 {
			pts = append(pts, k)
		}
	}
	if h.cache == nil {
		h.cache = map[string][]int{}
	}
	if len(h.cache) >= maxCache {
		clear(h.cache)
	}
	h.cache[key] = pts
	return pts
}
