// Package validate runs docconv's outputs through the validators its users'
// tools are judged by — epubcheck, poppler, qpdf, MuPDF, openpyxl, LibreOffice — for the
// project's tests, and holds the checks that compare an output's text with
// its source.
//
// A test that needs a missing validator is skipped, saying so; when the
// environment variable CI is "true" (as in .ci/run) it fails instead, so a
// CI machine without its validators cannot pass silently.
package validate

import (
	"os"
	"os/exec"
	"testing"
)

// InCI reports whether missing validators fail tests instead of skipping
// them: the environment variable CI is "true".
func InCI() bool { return os.Getenv("CI") == "true" }

// Missing stops t because a validator is not available: a skip, or a
// failure under CI=true. what names the tool and how to get it.
func Missing(t testing.TB, what string) {
	t.Helper()
	if InCI() {
		t.Fatalf("%s (CI=true: a missing validator is a failure)", what)
	}
	t.Skip(what)
}

// Require returns the path of the command name, or stops t through
// Missing, naming the Debian package that provides it.
func Require(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, name+" not installed (apt-get install "+debianPackage(name)+")")
	}
	return p
}

// Have returns the path of the command name and true, or — when it is
// missing — logs that the check is left out and returns false; under
// CI=true a missing command fails t. For a check that is one part of a
// larger test.
func Have(t testing.TB, name string) (string, bool) {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		what := name + " not installed (apt-get install " + debianPackage(name) + "): its check is left out"
		if InCI() {
			t.Fatalf("%s (CI=true: a missing validator is a failure)", what)
		}
		t.Log(what)
		return "", false
	}
	return p, true
}

// debianPackage names the package .ci/run installs for a command.
func debianPackage(name string) string {
	switch name {
	case "pdftotext", "pdffonts", "pdfinfo", "pdftoppm":
		return "poppler-utils"
	case "mutool":
		return "mupdf-tools"
	case "java":
		return "epubcheck"
	case "python3":
		return "python3-openpyxl"
	case "soffice":
		return "libreoffice-calc-nogui"
	}
	return name
}

// Python returns a python3 that can import openpyxl — the one on PATH, else
// Debian's /usr/bin/python3 (a pyenv python3 on PATH does not see Debian's
// python3-openpyxl) — or stops t through Missing.
func Python(t testing.TB) string {
	t.Helper()
	var cands []string
	if p, err := exec.LookPath("python3"); err == nil {
		cands = append(cands, p)
	}
	cands = append(cands, "/usr/bin/python3")
	for _, p := range cands {
		if exec.Command(p, "-c", "import openpyxl").Run() == nil {
			return p
		}
	}
	Missing(t, "no python3 with the openpyxl module (apt-get install python3-openpyxl)")
	return ""
}
