package convert

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Report collects what a conversion did to the text (clean-up counts) and
// what it could not do perfectly (warnings), so that nothing is changed or
// dropped silently. The CLI prints it to stderr; library callers read it.
// The zero value is ready to use; a nil *Report discards everything.
type Report struct {
	mu       sync.Mutex
	counts   map[countKey]int
	order    []countKey
	warnings []string
}

type countKey struct{ stage, what string }

// Count is one counted change: Stage is the step ("normalized", "pdf"…),
// What describes the change in plural form ("pinyin annotations removed");
// String gives the singular for a count of 1.
type Count struct {
	Stage string
	What  string
	N     int
}

// String formats the count as "142 pinyin annotations removed", in the
// singular for 1: "1 pinyin annotation removed" (see Singular).
func (c Count) String() string {
	if c.N == 1 {
		return "1 " + Singular(c.What)
	}
	return fmt.Sprintf("%d %s", c.N, c.What)
}

// Singular turns a count's description, plural form, into the singular:
// its first plural noun ("pinyin annotations removed" → "pinyin
// annotation removed", "spaces between CJK characters removed" → "space
// between CJK characters removed"), and a second one joined by "and"
// ("lists and quotes nested…" → "list or quote nested…"). Words in
// parentheses and upper-case words (NUL, UTF-16) are left alone.
func Singular(what string) string {
	words := strings.Split(what, " ")
	for i, w := range words {
		if strings.HasPrefix(w, "(") {
			break
		}
		s, ok := singularWord(w)
		if !ok {
			continue
		}
		words[i] = s
		if i+2 < len(words) && words[i+1] == "and" {
			if s2, ok := singularWord(words[i+2]); ok {
				words[i+1], words[i+2] = "or", s2
			}
		}
		break
	}
	return strings.Join(words, " ")
}

// singularWord returns the singular of a lower-case English plural noun.
func singularWord(w string) (string, bool) {
	if len(w) < 4 || w != strings.ToLower(w) || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") {
		return w, false
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y", true
	case strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "sses"):
		return w[:len(w)-2], true
	}
	return w[:len(w)-1], true
}

// Add adds n to the counter for (stage, what). n of 0 is recorded so that a
// caller can show that a check ran; negative n is ignored.
func (r *Report) Add(stage, what string, n int) {
	if r == nil || n < 0 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.counts == nil {
		r.counts = map[countKey]int{}
	}
	k := countKey{stage, what}
	if _, ok := r.counts[k]; !ok {
		r.order = append(r.order, k)
	}
	r.counts[k] += n
}

// Warn records a warning, e.g. "3 characters not covered by any font: U+1F600…".
func (r *Report) Warn(format string, args ...any) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.warnings = append(r.warnings, fmt.Sprintf(format, args...))
}

// Counts returns the non-zero counts in the order they were first added.
func (r *Report) Counts() []Count {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Count
	for _, k := range r.order {
		if n := r.counts[k]; n > 0 {
			out = append(out, Count{Stage: k.stage, What: k.what, N: n})
		}
	}
	return out
}

// Get returns the count for (stage, what).
func (r *Report) Get(stage, what string) int {
	if r == nil {
		return 0
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.counts[countKey{stage, what}]
}

// Warnings returns the warnings in the order they were recorded.
func (r *Report) Warnings() []string {
	if r == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.warnings...)
}

// String formats the report as lines "stage: n what, n what" (stages in
// first-seen order) followed by "warning: …" lines. It is empty when nothing
// was counted or warned.
func (r *Report) String() string {
	counts := r.Counts()
	var stages []string
	byStage := map[string][]string{}
	for _, c := range counts {
		if _, ok := byStage[c.Stage]; !ok {
			stages = append(stages, c.Stage)
		}
		byStage[c.Stage] = append(byStage[c.Stage], c.String())
	}
	var b strings.Builder
	for _, s := range stages {
		fmt.Fprintf(&b, "%s: %s\n", s, strings.Join(byStage[s], ", "))
	}
	for _, w := range r.Warnings() {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	return b.String()
}

// sortedStrings returns a sorted copy.
func sortedStrings(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}
