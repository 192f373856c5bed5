package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/docconv/docconv/convert"
)

// Guards around goldmark for input whose cost in it grows faster than its
// size. Both act only on pathological input; ordinary documents parse
// exactly as goldmark parses them.

// limitMarkers cuts the container markers (> quotes, - + * and 1. 1)
// list items) at the start of a line to convert.MaxNesting: goldmark
// measures the column of every marker from the start of the line, which
// makes a line of n markers cost n² (a 200 KB line of "> " used all
// memory). The markers past the limit are dropped, so their content
// stays at the deepest level kept, as convert.LimitNesting does for
// containers nested over several lines. It returns the source (src itself
// when no line is cut), how many lines were cut and the first of them
// (1-based).
func limitMarkers(src []byte) (out []byte, cut, first int) {
	var b []byte // the rewritten source, once a line is cut
	done := 0    // src[:done] is in b
	lineNo := 0
	for start := 0; start < len(src); {
		lineNo++
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start + 1
		}
		line := src[start:end]
		keep, resume, n := markerRun(line, convert.MaxNesting)
		if n > convert.MaxNesting {
			if b == nil {
				b = make([]byte, 0, len(src))
				first = lineNo
			}
			b = append(b, src[done:start+keep]...)
			b = append(b, ' ')
			done = start + resume
			cut++
		}
		start = end
	}
	if b == nil {
		return src, 0, 0
	}
	return append(b, src[done:]...), cut, first
}

// markerRun counts the container markers at the start of line. keep is
// the end of the max-th marker, resume the start of the text after the
// last marker and its spaces.
func markerRun(line []byte, max int) (keep, resume, n int) {
	i := 0
	for {
		j := i
		for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
			j++
		}
		if j >= len(line) {
			break
		}
		k := j
		switch c := line[j]; {
		case c == '>':
			k = j + 1
		case c == '-' || c == '+' || c == '*':
			if j+1 < len(line) && (line[j+1] == ' ' || line[j+1] == '\t') {
				k = j + 1
			}
		case c >= '0' && c <= '9':
			d := j
			for d < len(line) && d-j < 10 && line[d] >= '0' && line[d] <= '9' {
				d++
			}
			if d-j <= 9 && d+1 < len(line) && (line[d] == '.' || line[d] == ')') && (line[d+1] == ' ' || line[d+1] == '\t') {
				k = d + 1
			}
		}
		if k == j {
			break
		}
		n++
		if n == max {
			keep = k
		}
		i = k
	}
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return keep, i, n
}

// delimiterGuard is an inline parser run before goldmark's emphasis and
// strikethrough parsers. goldmark matches a closing * _ or ~ by walking
// back over every earlier delimiter of the paragraph that is still open,
// so a paragraph of unmatched openers of one kind and closers of another
// ("*a_ " repeated) takes time quadratic in its length (CommonMark's
// reference parser avoids this with an openers_bottom per delimiter kind;
// goldmark 1.8 has none). The guard estimates that walk as the paragraph
// is read: while the delimiters it would step over stay within a
// constant times the delimiters seen, it lets goldmark parse them; past
// that, the rest of the paragraph's delimiters are read as literal text
// (which is what CommonMark makes of unmatched delimiters anyway) and the
// paragraph is counted for a warning.
type delimiterGuard struct{}

// guardKey holds the *guardState of a parse in the parser context.
var guardKey = parser.NewContextKey()

// guardState is the estimate for the block being parsed.
type guardState struct {
	open     [3]int // delimiters of each kind that may still open
	seen     int    // delimiters of the block
	walk     int    // estimated delimiters stepped over
	tripped  bool   // the rest of the block is literal
	blocks   int    // blocks tripped in the document
	firstPos int    // offset of the first delimiter read literally
}

// Budget of the estimate: the walk may reach guardWalkPer steps per
// delimiter of the paragraph, plus guardWalkFree.
const (
	guardWalkPer  = 32
	guardWalkFree = 1 << 16
)

func (delimiterGuard) Trigger() []byte { return []byte{'*', '_', '~'} }

func kindOf(c byte) int {
	switch c {
	case '*':
		return 0
	case '_':
		return 1
	}
	return 2
}

// anyDelimiter is a DelimiterProcessor for ScanDelimiter's flanking rules.
type anyDelimiter struct{}

func (anyDelimiter) IsDelimiter(b byte) bool { return b == '*' || b == '_' || b == '~' }
func (anyDelimiter) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}
func (anyDelimiter) OnMatch(int) ast.Node { return nil }

func (delimiterGuard) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	st, _ := pc.Get(guardKey).(*guardState)
	if st == nil {
		st = &guardState{}
		pc.Set(guardKey, st)
	}
	before := block.PrecendingCharacter()
	line, seg := block.PeekLine()
	d := parser.ScanDelimiter(line, before, 1, anyDelimiter{})
	if d == nil {
		return nil
	}
	if st.tripped {
		block.Advance(d.OriginalLength)
		return ast.NewTextSegment(seg.WithStop(seg.Start + d.OriginalLength))
	}
	k := kindOf(d.Char)
	st.seen++
	others := 0
	for i, n := range st.open {
		if i != k {
			others += n
		}
	}
	if d.CanClose {
		if st.open[k] > 0 {
			st.walk += 1 + others
			st.open[k]--
		} else {
			st.walk += others
		}
	}
	if d.CanOpen {
		st.open[k]++
	}
	if st.walk > guardWalkPer*st.seen+guardWalkFree {
		st.tripped = true
		if st.blocks == 0 {
			st.firstPos = seg.Start
		}
		st.blocks++
	}
	return nil // goldmark's own parsers read it
}

// CloseBlock resets the estimate at the end of each block.
func (delimiterGuard) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	if st, _ := pc.Get(guardKey).(*guardState); st != nil {
		st.open, st.seen, st.walk, st.tripped = [3]int{}, 0, 0, false
	}
}
