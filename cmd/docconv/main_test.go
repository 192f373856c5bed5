package main

import (
	"os"
	"testing"
)

// TestMain pins what the outputs depend on besides their input and
// options (README, "Determinism"): the goldens hold whatever
// SOURCE_DATE_EPOCH the shell that runs the tests has set.
//
// With DOCCONV_TEST_MAIN=1 the test binary is the docconv command itself:
// the tests run it as a real process, to send it signals.
func TestMain(m *testing.M) {
	if os.Getenv("DOCCONV_TEST_MAIN") == "1" {
		os.Args = append([]string{"docconv"}, os.Args[1:]...)
		main()
		return
	}
	os.Unsetenv("SOURCE_DATE_EPOCH")
	os.Exit(m.Run())
}
