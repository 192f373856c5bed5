package validate

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// EpubcheckJar is where Debian's epubcheck package installs EPUBCheck.
const EpubcheckJar = "/usr/share/java/epubcheck.jar"

//go:embed EpubcheckBatch.java
var batchSource []byte

// javaFlags make the short-lived JVM cheap: the C1 compiler only (C2 would
// spend more CPU compiling than a run of a few seconds gains), one GC
// thread, and the stack size Debian's epubcheck launcher gives it.
var javaFlags = []string{"-Xss1024k", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"}

// EPUBReport is EPUBCheck's verdict on one book.
type EPUBReport struct {
	Status int    // EPUBCheck's exit status: 0 when no error was found
	Output string // its messages for this book alone
}

// Clean reports whether EPUBCheck found no error and no warning.
func (r EPUBReport) Clean() bool {
	return r.Status == 0 && strings.Contains(r.Output, "No errors or warnings detected")
}

// EPUBCheck validates books (name → EPUB file contents) with EPUBCheck and
// returns each book's report by name. All books are checked in one JVM
// (EpubcheckBatch.java through Java's source launcher), which costs about
// what one book costs on its own; where the launcher cannot compile (a
// runtime without jdk.compiler) it falls back to one JVM per book, run in
// parallel. It stops t through Missing when Java or EPUBCheck is missing.
func EPUBCheck(t testing.TB, books map[string][]byte) map[string]EPUBReport {
	t.Helper()
	java := Require(t, "java")
	if _, err := os.Stat(EpubcheckJar); err != nil {
		Missing(t, "epubcheck: "+EpubcheckJar+" not installed (apt-get install epubcheck)")
	}
	dir := t.TempDir()
	names := make([]string, 0, len(books))
	for name := range books {
		names = append(names, name)
	}
	slices.Sort(names)
	paths := make([]string, len(names))
	byPath := map[string]string{}
	for i, name := range names {
		file := strings.NewReplacer("/", "_", " ", "_").Replace(name) + ".epub"
		paths[i] = filepath.Join(dir, fmt.Sprintf("%02d-%s", i, file))
		byPath[paths[i]] = name
		if err := os.WriteFile(paths[i], books[name], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src := filepath.Join(dir, "EpubcheckBatch.java")
	if err := os.WriteFile(src, batchSource, 0o644); err != nil {
		t.Fatal(err)
	}
	args := append(slices.Clone(javaFlags), "-cp", EpubcheckJar, src)
	out, err := exec.Command(java, append(args, paths...)...).CombinedOutput()
	reports := parseBatch(out, byPath)
	if len(reports) == 0 && len(paths) > 0 {
		// The source launcher did not run (no compiler in this Java).
		t.Logf("epubcheck: one JVM per book (the batch did not run: %v)\n%s", err, firstLines(out, 5))
		return epubcheckEach(java, paths, byPath)
	}
	for _, name := range names {
		if _, ok := reports[name]; !ok {
			reports[name] = EPUBReport{Status: -1, Output: fmt.Sprintf("no report from EPUBCheck (%v):\n%s", err, out)}
		}
	}
	return reports
}

// parseBatch splits EpubcheckBatch's output into the reports of its books.
func parseBatch(out []byte, byPath map[string]string) map[string]EPUBReport {
	reports := map[string]EPUBReport{}
	var cur *strings.Builder
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "@@epubcheck-begin "):
			cur = &strings.Builder{}
		case strings.HasPrefix(line, "@@epubcheck-end ") && cur != nil:
			status, path, _ := strings.Cut(strings.TrimPrefix(line, "@@epubcheck-end "), " ")
			n, err := strconv.Atoi(status)
			if err != nil {
				n = -1
			}
			if name, ok := byPath[path]; ok {
				reports[name] = EPUBReport{Status: n, Output: cur.String()}
			}
			cur = nil
		case cur != nil:
			cur.WriteString(line)
			cur.WriteByte('\n')
		}
	}
	return reports
}

// epubcheckEach runs one EPUBCheck process per book, as many at a time as
// there are CPUs.
func epubcheckEach(java string, paths []string, byPath map[string]string) map[string]EPUBReport {
	reports := make(map[string]EPUBReport, len(paths))
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, p := range paths {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			args := append(slices.Clone(javaFlags), "-jar", EpubcheckJar, p)
			out, err := exec.Command(java, args...).CombinedOutput()
			r := EPUBReport{Output: string(out)}
			if err != nil {
				r.Status = -1
				if ee, ok := err.(*exec.ExitError); ok {
					r.Status = ee.ExitCode()
				}
			}
			mu.Lock()
			reports[byPath[p]] = r
			mu.Unlock()
		})
	}
	wg.Wait()
	return reports
}

func firstLines(b []byte, n int) string {
	lines := strings.SplitN(string(b), "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
