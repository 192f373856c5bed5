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
	return time.Time{}, fmt.Errorf("convert: date %q is not a date (want ISO 8601 such as 2024-01-02)", s)
}

// DocumentTime returns the timestamp a writer stamps into its output
// (modification dates, ZIP entry times): Options.ModTime if set, else
// Meta.Date, else the SOURCE_DATE_EPOCH environment variable (seconds since
// 1970, as in reproducible-builds.org), else DefaultTime. It never reads the
// clock, so output is reproducible.
func DocumentTime(m *Meta, opts *Options) time.Time {
	if opts != nil && !opts.ModTime.IsZero() {
		return opts.ModTime.UTC()
	}
	if m != nil && m.Date != "" {
		if t, err := ParseDate(m.Date); err == nil {
			return t
		}
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64); err == nil && n >= 0 {
			return time.Unix(n, 0).UTC()
		}
	}
	return DefaultTime
}
