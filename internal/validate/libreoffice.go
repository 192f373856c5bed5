package validate

import (
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// LibreOffice returns the path of LibreOffice's soffice, or stops t through
// Missing (Debian: libreoffice-calc-nogui).
func LibreOffice(t testing.TB) string {
	t.Helper()
	p, err := exec.LookPath("soffice")
	if err != nil {
		Missing(t, "soffice not installed (apt-get install "+debianPackage("soffice")+")")
	}
	return p
}

// SheetsCSV opens the workbook at path with LibreOffice Calc, as an analyst
// would, and returns every sheet as LibreOffice reads it: rows of cells as
// text (numbers unformatted, dates as the cell format shows them), by sheet
// name. Each call uses its own LibreOffice profile, so parallel tests do not
// share one.
func SheetsCSV(t testing.TB, soffice, path string) map[string][][]string {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	// Filter options: comma, double quote, UTF-8 (76), from line 1, …, and
	// the last token -1: every sheet to its own file, NAME-SHEET.csv.
	filter := "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", filter, "--outdir", out, path)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to csv %s: %v\n%s", path, err, b)
	}
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + "-"
	files, _ := filepath.Glob(filepath.Join(out, base+"*.csv"))
	if len(files) == 0 {
		t.Fatalf("soffice wrote no sheet of %s", path)
	}
	sheets := map[string][][]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(strings.NewReader(string(b)))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		sheets[strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), base), ".csv")] = rows
	}
	return sheets
}
