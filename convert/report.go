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
// What describes the change in plural form ("pinyin annotations removed").
type Count struct {
	Stage string
	What  string
	N     int
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
		byStage[c.Stage] = append(byStage[c.Stage], fmt.Sprintf("%d %s", c.N, c.What))
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
