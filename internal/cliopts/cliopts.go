// Package cliopts turns the conversion settings that docconv and
// docconv-beam share (the flags -f, -M, -V, --normalize, --ruby, --punct,
// --script, --strict, --toc, --figures-table, --font, --epub-embed-font,
// --page-size, --max-input-size, --input-encoding, --pdf-standard,
// --resource-path, --embed-resources, --epub-cover-image) into convert.Options, with the same
// checks and messages in both commands, so that a pipeline run with the
// same flags gives the same bytes as the CLI.
package cliopts

import (
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/docconv/docconv/convert"
	"github.com/docconv/docconv/convert/normalize"
)

// Settings are the flag values as given. The zero value means the flags'
// defaults, except MaxInputSize: "" is convert.DefaultMaxInputSize, as
// the flag's default "256MiB" is.
type Settings struct {
	From                      string
	Metadata, Vars            []string
	Normalize, Ruby, Punct    string
	Script, PageSize          string
	Strict, TOC, FiguresTable bool
	Fonts, EmbedFonts         []string
	MaxInputSize              string
	InputEncoding             string
	PDFStandard               string
	// ResourcePath are --resource-path values, each a list of directories
	// (":" on Unix, ";" on Windows).
	ResourcePath   []string
	EmbedResources bool
	CoverImage     string
}

// Options checks s and returns the conversion options it asks for: the
// clean-up transforms, a fresh Report, the writer settings. An error is a
// usage error, naming the flag.
func (s *Settings) Options() (*convert.Options, error) {
	no := normalize.Options{}
	switch s.Normalize {
	case "default", "":
	case "none":
		no.None = true
	default:
		return nil, fmt.Errorf("--normalize must be default or none, not %q", s.Normalize)
	}
	ruby := s.Ruby
	if ruby == "" {
		ruby = "strip"
	}
	rm, err := normalize.ParseRubyMode(ruby)
	if err != nil {
		return nil, fmt.Errorf("--ruby: %v", err)
	}
	no.Ruby = rm
	switch s.Punct {
	case "fix", "":
	case "keep":
		no.KeepPunct = true
	default:
		return nil, fmt.Errorf("--punct must be fix or keep, not %q", s.Punct)
	}
	switch strings.ToLower(s.Script) {
	case "", "hans", "hant":
		no.Script = strings.ToLower(s.Script)
	default:
		return nil, fmt.Errorf("--script must be hans or hant, not %q", s.Script)
	}
	switch strings.ToUpper(s.PageSize) {
	case "", "A4", "A5", "B5", "B5-JIS", "LETTER":
	default:
		return nil, fmt.Errorf("--page-size must be A4, A5, B5, B5-JIS or Letter, not %q", s.PageSize)
	}
	for _, m := range s.Metadata {
		if k, _, _ := strings.Cut(m, "="); strings.TrimSpace(k) == "" {
			return nil, fmt.Errorf("-M %q: want KEY=VALUE", m)
		}
	}
	// Check the metadata values now, so that a bad date is a usage error.
	if err := convert.ApplyMetadata(&convert.Meta{}, s.Metadata); err != nil {
		return nil, fmt.Errorf("-M: %v", err)
	}
	maxIn := int64(0) // convert.DefaultMaxInputSize
	if s.MaxInputSize != "" {
		if maxIn, err = ParseSize(s.MaxInputSize); err != nil {
			return nil, fmt.Errorf("--max-input-size: %v", err)
		}
		if maxIn == 0 {
			maxIn = -1 // no limit
		}
	}
	vars := map[string]string{}
	for _, v := range s.Vars {
		k, val, ok := strings.Cut(v, "=")
		if !ok || !strings.Contains(k, ".") {
			return nil, fmt.Errorf("-V %q: want FORMAT.KEY=VALUE, e.g. pdf.indent=0", v)
		}
		vars[k] = val
	}
	if s.PDFStandard != "" {
		vars["pdf.standard"] = s.PDFStandard
	}
	if _, _, err := convert.DecodeText(nil, s.InputEncoding); err != nil {
		return nil, fmt.Errorf("--input-encoding: %v", err)
	}
	if err := convert.CheckVars(vars); err != nil {
		return nil, fmt.Errorf("-V: %v; docconv --list-variables lists the valid keys", err)
	}
	if st, ok := vars["pdf.standard"]; ok {
		switch strings.ToLower(strings.TrimSpace(st)) {
		case "none":
		case "ua-1":
			if tg, ok := vars["pdf.tagged"]; ok {
				if b, _ := convert.ParseVarBool(tg); !b {
					return nil, fmt.Errorf("--pdf-standard ua-1 needs a tagged PDF: remove -V pdf.tagged=false")
				}
			}
		default:
			return nil, fmt.Errorf("--pdf-standard must be ua-1 (or none), not %q", st)
		}
	}
	return &convert.Options{
		From:           s.From,
		Metadata:       s.Metadata,
		Transforms:     normalize.Transforms(no),
		Report:         &convert.Report{},
		Strict:         s.Strict,
		InputEncoding:  s.InputEncoding,
		MaxInputSize:   maxIn,
		TOC:            s.TOC,
		ResourcePath:   splitPathList(s.ResourcePath),
		EmbedResources: s.EmbedResources,
		CoverImage:     s.CoverImage,
		FiguresTable:   s.FiguresTable,
		Fonts:          s.Fonts,
		EmbedFonts:     s.EmbedFonts,
		PageSize:       s.PageSize,
		Vars:           vars,
	}, nil
}

// splitPathList splits --resource-path values at the path list separator
// (":" on Unix, ";" on Windows), as pandoc does, dropping empty entries.
func splitPathList(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, d := range filepath.SplitList(v) {
			if d != "" {
				out = append(out, d)
			}
		}
	}
	return out
}

// ParseSize parses a byte count: digits with an optional unit, K/KB/KiB,
// M/MB/MiB, G/GB/GiB (all powers of 1024, case-insensitive), or B.
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, fmt.Errorf("%q is not a size (want e.g. 256MiB, 1GiB or 1000000)", s)
	}
	n, err := strconv.ParseInt(t[:i], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a size: %v", s, err)
	}
	shift := 0
	switch strings.ToLower(strings.TrimSpace(t[i:])) {
	case "", "b":
	case "k", "kb", "kib":
		shift = 10
	case "m", "mb", "mib":
		shift = 20
	case "g", "gb", "gib":
		shift = 30
	default:
		return 0, fmt.Errorf("%q: unknown unit %q (want KiB, MiB or GiB)", s, t[i:])
	}
	if n > math.MaxInt64>>shift {
		return 0, fmt.Errorf("%q is too large", s)
	}
	return n << shift, nil
}
