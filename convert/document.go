package convert

import (
	"fmt"
	"sort"
	"strings"
)

// Document is a whole converted document: metadata and body.
type Document struct {
	Meta   Meta
	Blocks []Block
	// Figures are the figures (amounts, percentages, years, counts…) found
	// in the body, in document order. They are an analysis of Blocks, not
	// content: nil means "not extracted yet". The figures package fills it;
	// writers that need figures extract them when it is nil.
	Figures []Figure
}

// Meta is a document's metadata. The zero value is valid: writers fall back
// to sensible defaults (a title from the file name, for instance).
type Meta struct {
	Title    string
	Subtitle string
	Authors  []string
	// Date is the publication date as written in the source, ideally ISO 8601
	// (2024-01-02 or 2024-01-02T15:04:05Z). See ParseDate.
	Date string
	// Lang is the document's language as a BCP 47 tag: zh-Hant, zh-Hans,
	// ja, ko, en….
	Lang        string
	Source      string
	Identifier  string
	Description string
	Keywords    []string
	// Extra holds metadata keys the model has no field for (from -M or
	// front matter), so that they survive a JSON round trip.
	Extra map[string]string
	// TitleFromFile is set by Read when Title was made from the input's
	// file name (Options.FileTitle) because the document names none: it
	// names the document but is not part of its text, so no figure is
	// read from it ("report 2024.txt" states no year).
	TitleFromFile bool
}

// metaKeys lists the keys Set understands, for error messages.
var metaKeys = []string{"title", "subtitle", "author", "date", "lang", "source", "identifier", "description", "keywords"}

// Set sets the metadata field named key (case-insensitive) from a string, as
// pandoc's -M KEY=VALUE does. "author" and "authors" append (several authors
// may also be separated by ";"), "keywords" splits on commas; "language" is
// an alias of "lang", "subject" of "description". Unknown keys go to Extra.
func (m *Meta) Set(key, value string) error {
	value = strings.TrimSpace(value)
	switch strings.ToLower(strings.TrimSpace(key)) {
	case "":
		return fmt.Errorf("convert: metadata key is empty (want KEY=VALUE, KEY one of %s)", strings.Join(metaKeys, ", "))
	case "title":
		m.Title = value
	case "subtitle":
		m.Subtitle = value
	case "author", "authors", "creator":
		for _, a := range strings.Split(value, ";") {
			if a = strings.TrimSpace(a); a != "" {
				m.Authors = append(m.Authors, a)
			}
		}
	case "date":
		if _, err := ParseDate(value); err != nil {
			return err
		}
		m.Date = value
	case "lang", "language":
		if !ValidLangTag(value) {
			return fmt.Errorf("convert: metadata lang %q is not a BCP 47 language tag (e.g. zh-Hant, en)", value)
		}
		m.Lang = value
	case "source":
		m.Source = value
	case "identifier", "id":
		m.Identifier = value
	case "description", "subject", "abstract":
		m.Description = value
	case "keywords", "keyword":
		for _, k := range strings.FieldsFunc(value, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
			if k = strings.TrimSpace(k); k != "" {
				m.Keywords = append(m.Keywords, k)
			}
		}
	default:
		if m.Extra == nil {
			m.Extra = map[string]string{}
		}
		m.Extra[strings.ToLower(strings.TrimSpace(key))] = value
	}
	return nil
}

// SetSourceDate sets Date from a date read from an input file (front
// matter, a "% date" line, a title block). The validation is the one of
// -M date=… (Set, ParseDate): a real calendar date in a form ParseDate
// reads. A value that is no such date ("2024-02-30", "Spring 2024") is not
// used as the publication date — it would make an invalid EPUB dc:date and
// PDF /CreationDate — but kept in Extra["date"], so that nothing is lost,
// and the error is returned for the reader's warning.
func (m *Meta) SetSourceDate(v string) error {
	v = strings.TrimSpace(v)
	if err := m.Set("date", v); err != nil {
		if m.Extra == nil {
			m.Extra = map[string]string{}
		}
		m.Extra["date"] = v
		return err
	}
	return nil
}

// WarnSourceDate adds a warning to r when a reader kept its date in
// Extra["date"] because it is no valid date (see SetSourceDate).
func WarnSourceDate(r *Report, stage string, m *Meta) {
	if v, ok := m.Extra["date"]; ok && m.Date == "" {
		r.Warn("%s: date %q is not a valid date (want a real date, ISO 8601 such as 2024-01-02); kept as metadata text, not used as the publication date", stage, v)
	}
}

// ExtraKeys returns the keys of Extra, sorted.
func (m *Meta) ExtraKeys() []string {
	keys := make([]string, 0, len(m.Extra))
	for k := range m.Extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ValidLangTag reports whether s looks like a BCP 47 tag: alphanumeric
// subtags of 1–8 characters separated by hyphens, the first alphabetic.
func ValidLangTag(s string) bool {
	if s == "" {
		return false
	}
	for i, sub := range strings.Split(s, "-") {
		if len(sub) < 1 || len(sub) > 8 {
			return false
		}
		for _, c := range sub {
			alpha := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			if !alpha && (i == 0 || c < '0' || c > '9') {
				return false
			}
		}
	}
	return true
}
