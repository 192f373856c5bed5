package validate

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// writeTemp writes b to a file named name in a temporary directory of t.
func writeTemp(t testing.TB, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// PDFText returns poppler's text of a PDF (pdftotext -enc UTF-8), and false
// when pdftotext is missing (see Have).
func PDFText(t testing.TB, pdf []byte) (string, bool) {
	t.Helper()
	tool, ok := Have(t, "pdftotext")
	if !ok {
		return "", false
	}
	out, err := exec.Command(tool, "-enc", "UTF-8", writeTemp(t, "t.pdf", pdf), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out), true
}

// PDFLines returns the visual lines of a PDF as MuPDF extracts them (mutool
// draw -F txt), else as pdftotext -layout does; it stops t through Missing
// when neither tool is installed.
func PDFLines(t testing.TB, pdf []byte) []string {
	t.Helper()
	path := writeTemp(t, "l.pdf", pdf)
	var cmd *exec.Cmd
	if mutool, err := exec.LookPath("mutool"); err == nil {
		cmd = exec.Command(mutool, "draw", "-q", "-F", "txt", "-o", "-", path)
	} else {
		cmd = exec.Command(Require(t, "pdftotext"), "-layout", "-enc", "UTF-8", path, "-")
	}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v", cmd, err)
	}
	return strings.Split(string(out), "\n")
}

// QPDFCheck runs qpdf --check on a PDF and fails t on a complaint; without
// qpdf it does what Have does.
func QPDFCheck(t testing.TB, pdf []byte) {
	t.Helper()
	tool, ok := Have(t, "qpdf")
	if !ok {
		return
	}
	if out, err := exec.Command(tool, "--check", writeTemp(t, "q.pdf", pdf)).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}
