package convert

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Errors of CheckVars, matched with errors.Is.
var (
	// ErrUnknownVariable: no format declares the variable (a typo, or a
	// format that has none).
	ErrUnknownVariable = errors.New("unknown variable")
	// ErrBadVariable: the variable's value is not of its type or out of
	// its range.
	ErrBadVariable = errors.New("bad variable value")
)

// VarKind is the type of a format variable's value.
type VarKind int

// Variable kinds.
const (
	VarBool   VarKind = iota + 1 // true/false, yes/no, on/off, 1/0 (empty is true)
	VarNumber                    // a decimal number
	VarInt                       // a whole number
)

func (k VarKind) String() string {
	switch k {
	case VarBool:
		return "bool"
	case VarNumber:
		return "number"
	case VarInt:
		return "integer"
	}
	return "string"
}

// Variable declares a format-specific setting, given as Options.Vars
// ["FORMAT.KEY"] (docconv -V FORMAT.KEY=VALUE). Formats list theirs in
// Format.Variables, which is what CheckVars and docconv --list-variables
// read.
type Variable struct {
	Key     string  // without the format: "indent"
	Kind    VarKind // the value's type
	Default string  // the default, as listed ("2 (Chinese), 1 (Japanese)…")
	Usage   string  // a one-line meaning
	// Min and Max bound a number (inclusive; Max 0: no upper bound);
	// Above makes Min exclusive (a value must be greater).
	Min, Max float64
	Above    bool
	// Choices lists the accepted values of a string variable (compared
	// without case); none: any string.
	Choices []string
}

// ParseVarBool parses a boolean variable value: true, yes, on, 1 or empty;
// false, no, off, 0 (case-insensitive). ok is false for anything else.
func ParseVarBool(s string) (value, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "1", "true", "yes", "on":
		return true, true
	case "0", "false", "no", "off":
		return false, true
	}
	return false, false
}

// Check reports whether val is a valid value of v; the error wraps
// ErrBadVariable and names the expected type and range.
func (v Variable) Check(val string) error {
	want := v.Kind.String()
	if len(v.Choices) > 0 {
		for _, c := range v.Choices {
			if strings.EqualFold(strings.TrimSpace(val), c) {
				return nil
			}
		}
		return fmt.Errorf("%w %q: want %s", ErrBadVariable, val, v.Range())
	}
	switch v.Kind {
	case VarBool:
		if _, ok := ParseVarBool(val); !ok {
			return fmt.Errorf("%w %q: want a bool (true/false, yes/no, on/off, 1/0)", ErrBadVariable, val)
		}
		return nil
	case VarNumber, VarInt:
		var f float64
		var err error
		if v.Kind == VarInt {
			var n int64
			n, err = strconv.ParseInt(strings.TrimSpace(val), 10, 64)
			f = float64(n)
		} else {
			f, err = strconv.ParseFloat(strings.TrimSpace(val), 64)
		}
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Errorf("%w %q: want %s", ErrBadVariable, val, v.rangeText(want))
		}
		if (v.Above && f <= v.Min) || (!v.Above && f < v.Min) || (v.Max != 0 && f > v.Max) {
			return fmt.Errorf("%w %q: want %s", ErrBadVariable, val, v.rangeText(want))
		}
	}
	return nil
}

// Range describes the allowed values: "number > 0", "number 4…72".
func (v Variable) Range() string { return v.rangeText(v.Kind.String()) }

func (v Variable) rangeText(kind string) string {
	switch {
	case len(v.Choices) > 0:
		return "one of " + strings.Join(v.Choices, ", ")
	case v.Kind == VarBool:
		return kind
	case v.Kind == 0:
		return kind
	case v.Max != 0:
		return fmt.Sprintf("%s %g…%g", kind, v.Min, v.Max)
	case v.Above:
		return fmt.Sprintf("%s > %g", kind, v.Min)
	}
	return fmt.Sprintf("%s ≥ %g", kind, v.Min)
}

// LookupVar returns the declaration of the variable "format.key".
func LookupVar(name string) (Variable, bool) {
	fname, key, ok := strings.Cut(name, ".")
	if !ok {
		return Variable{}, false
	}
	registryMu.RLock()
	f, found := registry[strings.ToLower(fname)]
	registryMu.RUnlock()
	if !found || f.Name != fname {
		return Variable{}, false // an alias ("md.x") is not read by the format
	}
	for _, v := range f.Variables {
		if v.Key == key {
			return v, true
		}
	}
	return Variable{}, false
}

// CheckVars checks format variables as Options.Vars holds them: every
// key must be declared by a format (Format.Variables), every value of its
// type. The error names the first bad key (in sorted order) and wraps
// ErrUnknownVariable, suggesting the closest known key, or
// ErrBadVariable. The pipeline itself ignores unknown keys.
func CheckVars(vars map[string]string) error {
	keys := make([]string, 0, len(vars))
	for k := range vars {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v, ok := LookupVar(k)
		if !ok {
			if s := closestVar(k); s != "" {
				return fmt.Errorf("%w %q (did you mean %s?)", ErrUnknownVariable, k, s)
			}
			return fmt.Errorf("%w %q", ErrUnknownVariable, k)
		}
		if err := v.Check(vars[k]); err != nil {
			return fmt.Errorf("%s: %w", k, err)
		}
	}
	return nil
}

// closestVar returns the declared variable nearest to name by edit
// distance, or "" when none is close.
func closestVar(name string) string {
	if fname, key, ok := strings.Cut(name, "."); ok {
		if f, err := Lookup(fname); err == nil { // an alias: "md.front-matter"
			if _, ok := LookupVar(f.Name + "." + key); ok {
				return f.Name + "." + key
			}
		}
	}
	best, bestD := "", 0
	for _, f := range Formats() {
		for _, v := range f.Variables {
			full := f.Name + "." + v.Key
			d := editDistance(strings.ToLower(name), full)
			if best == "" || d < bestD {
				best, bestD = full, d
			}
		}
	}
	if best == "" || bestD > 3 || bestD > len([]rune(name))/2 {
		return ""
	}
	return best
}

// editDistance is the Damerau–Levenshtein (optimal string alignment)
// distance between a and b, counting a transposition as one edit.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
