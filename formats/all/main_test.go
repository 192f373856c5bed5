package all_test

import (
	"os"
	"testing"
)

// TestMain pins what the outputs depend on besides their input and
// options (README, "Determinism"): the goldens hold whatever
// SOURCE_DATE_EPOCH the shell that runs the tests has set.
func TestMain(m *testing.M) {
	os.Unsetenv("SOURCE_DATE_EPOCH")
	os.Exit(m.Run())
}
