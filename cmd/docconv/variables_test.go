package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/docconv/docconv/convert"
)

func TestVariablesValidated(t *testing.T) {
	dir := t.TempDir()
	in := copySample(t, dir)
	for _, tc := range []struct {
		v    string
		want []string
	}{
		{"pdf.indnet=0", []string{`"pdf.indnet"`, "did you mean pdf.indent?", "--list-variables"}},
		{"md.front-matter=false", []string{"did you mean markdown.front-matter?"}},
		{"docx.zzzzzzzzz=1", []string{`unknown variable "docx.zzzzzzzzz"`}},
		{"pdf.indent=abc", []string{"pdf.indent", `"abc"`, "number"}},
		{"pdf.fontsize=100", []string{"pdf.fontsize", "4…72"}},
		{"pdf.margin=0", []string{"pdf.margin", "> 0"}},
		{"xlsx.context-width=1.5", []string{"xlsx.context-width", "integer"}},
		{"pdf.header=maybe", []string{"pdf.header", "bool"}},
		{"pdf.notes=side", []string{"pdf.notes", `"side"`, "one of foot, end"}},
		{"pdf.standard=ua-2", []string{"pdf.standard", "one of none, ua-1"}},
	} {
		code, out, errs := docconv(t, dir, "", "-V", tc.v, "-t", "pdf", "-o", "out.pdf", in)
		assert.Equal(t, exitUsage, code, tc.v)
		assert.Empty(t, out)
		for _, w := range tc.want {
			assert.Contains(t, errs, w, tc.v)
		}
		assert.NoFileExists(t, dir+"/out.pdf")
	}
	// Valid values of every kind are accepted.
	code, _, errs := docconv(t, dir, "", "-V", "pdf.indent=0", "-V", "pdf.header=off", "-V", "xlsx.context-width=60",
		"-V", "text.blank-lines=yes", "-V", "pdf.notes=End", "-t", "txt", "-o", "out.txt", in)
	assert.Equal(t, 0, code, errs)
}

func TestListVariables(t *testing.T) {
	code, out, _ := docconv(t, t.TempDir(), "", "--list-variables")
	assert.Equal(t, 0, code)
	n := 0
	for _, f := range convert.Formats() {
		for _, v := range f.Variables {
			n++
			line := f.Name + "." + v.Key + "  (" + v.Range() + "; default " + v.Default + ")\n    " + v.Usage + "\n"
			assert.Contains(t, out, line)
			assert.NotEmpty(t, v.Usage, f.Name+"."+v.Key)
			assert.NotEmpty(t, v.Default, f.Name+"."+v.Key)
		}
	}
	// Every variable a format reads (opts.Var) is listed.
	for _, k := range []string{"pdf.indent", "pdf.fontsize", "pdf.margin", "pdf.header", "xlsx.chart",
		"xlsx.context-width", "epub.max-document-size", "html.extract", "markdown.front-matter", "text.blank-lines"} {
		assert.Contains(t, out, k+"  (")
	}
	assert.Equal(t, 2*n, strings.Count(out, "\n"))
}

// Empty input (no bytes, or white space only) is converted with a warning,
// once, whatever the input format.
func TestEmptyInputWarns(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ from, in string }{{"text", ""}, {"text", " \n\u3000\n"}, {"markdown", ""}, {"markdown", "\n \n"}, {"html", " "}} {
		code, _, errs := docconv(t, dir, tc.in, "-f", tc.from, "-t", "pdf", "-o", "empty.pdf")
		assert.Equal(t, 0, code, errs)
		assert.Equal(t, 1, strings.Count(errs, "warning: input is empty\n"), "%s %q: %s", tc.from, tc.in, errs)
		assert.FileExists(t, filepath.Join(dir, "empty.pdf"))
	}
	code, _, errs := docconv(t, dir, "a", "-t", "txt", "-o", "a.txt")
	assert.Equal(t, 0, code)
	assert.NotContains(t, errs, "empty")
}

// The report and the summary read correctly in the singular.
func TestReportSingular(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := docconv(t, dir, "漲幅達3%。\n", "-t", "xlsx,txt", "-d", "out", "-")
	assert.Equal(t, 0, code, errs)
	assert.Contains(t, errs, "xlsx: 1 figure listed\n")
	assert.NotContains(t, errs, "1 figures")

	code, _, errs = docconv(t, dir, "a", "-t", "txt", "-o", "one.txt", "-")
	assert.Equal(t, 0, code, errs)
	assert.Contains(t, errs, "wrote one.txt (2 bytes)\n")
	assert.Equal(t, "1 byte", plural(1, "bytes"))

	assert.Equal(t, "converted 1 of 2 inputs: 1 output written, 1 failed, 0.00 s\n",
		summary([]*result{{written: make([]*pendingFile, 1)}, {err: os.ErrNotExist}}, 0))
}

// Every variable a reader or writer reads (opts.Var("FORMAT", "KEY")) is
// declared in its format's Variables, so -V accepts it and
// --list-variables lists it.
func TestEveryReadVariableDeclared(t *testing.T) {
	re := regexp.MustCompile(`\.Var\("([a-z]+)", "([a-z-]+)"\)`)
	n := 0
	err := filepath.WalkDir("../../formats", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			n++
			_, ok := convert.LookupVar(m[1] + "." + m[2])
			assert.True(t, ok, "%s reads %s.%s, which its format does not declare", path, m[1], m[2])
		}
		return nil
	})
	assert.NoError(t, err)
	assert.GreaterOrEqual(t, n, 10, "the scan found the formats' variables")
}
