package convert

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// DefaultTime is the timestamp used when neither Options.ModTime, Meta.Date
// nor SOURCE_DATE_EPOCH gives one: 2000-01-01T00:00:00Z.
var DefaultTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

var dateLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02",
	"2006-01",
	"2006",
	"2006/01/02",
	"2006.01.02",
	"2006年1月2日",
	"2006年01月02日",
	"January 2, 2006",
	"2 January 2006",
	"Jan 2, 2006",
}

// ParseDate parses a metadata date: ISO 8601 forms (2024, 2024-01,
// 2024-01-02, with a time and zone), 2024/01/02, 2024年1月2日 and English
// "January 2, 2006". Times without a zone are UTC.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("convert: date %q is not a valid date (want a real date, ISO 8601 such as 2024-01-02)", s)
}

// maxEpoch is 9999-12-31T23:59:59Z, the last second the writers' date
// formats can carry.
const maxEpoch = 253402300799

// SourceDateEpoch returns the time the SOURCE_DATE_EPOCH environment
// variable gives, with ok false when it is unset or empty. As the
// reproducible-builds.org specification requires, a value that is not a
// plain decimal number of seconds since 1970-01-01T00:00:00Z ("abc",
// "-5", "1.5", " 42") is an error, never silently ignored.
func SourceDateEpoch() (t time.Time, ok bool, err error) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Time{}, false, nil
	}
	n, perr := strconv.ParseUint(s, 10, 64)
	if perr != nil || s[0] == '+' || n > maxEpoch {
		return time.Time{}, false, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970-01-01 (0 to %d, digits only; see reproducible-builds.org/specs/source-date-epoch)", s, maxEpoch)
	}
	return time.Unix(int64(n), 0).UTC(), true, nil
}

// DocumentTime returns the timestamp a writer stamps into its output
// (modification dates, ZIP entry times): Options.ModTime if set, else
// Meta.Date, else the SOURCE_DATE_EPOCH environment variable (see
// SourceDateEpoch), else DefaultTime. It never reads the clock, so output
// is reproducible. A malformed SOURCE_DATE_EPOCH is an error even when
// another source gives the time, so a misconfigured build fails wherever
// it runs.
func DocumentTime(m *Meta, opts *Options) (time.Time, error) {
	epoch, ok, err := SourceDateEpoch()
	if err != nil {
		return time.Time{}, err
	}
	if opts != nil && !opts.ModTime.IsZero() {
		return opts.ModTime.UTC(), nil
	}
	if m != nil && m.Date != "" {
		if t, err := ParseDate(m.Date); err == nil {
			return t, nil
		}
	}
	if ok {
		return epoch, nil
	}
	return DefaultTime, nil
}
