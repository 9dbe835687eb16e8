package heap

import (
	"os"
	"os/exec"
	"runtime/debug"
	"testing"
)

// TestHeldUntilSetUp finds the collector off in a fresh process until
// SetUp, then at Go's default, and a later SetUp leaving a pace set since
// as it is.
func TestHeldUntilSetUp(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC set: SetUp gives back its value, not Go's default")
	}
	if !inOwnProcess(t) {
		return
	}
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("the collector ran at GOGC=%d before SetUp, want it held off (-1)", got)
	}
	SetUp()
	if got := debug.SetGCPercent(50); got != 100 {
		t.Errorf("after SetUp the collector ran at GOGC=%d, want Go's default 100", got)
	}
	SetUp()
	if got := debug.SetGCPercent(100); got != 50 {
		t.Errorf("a second SetUp set GOGC=%d, want the 50 set since left", got)
	}
}

// inOwnProcess runs the test t in a process of its own, as an import
// runs, reporting whether this is that process: in a test binary's
// process other tests' heap has the background scavenger hand freed
// memory back to the kernel.
func inOwnProcess(t *testing.T) bool {
	t.Helper()
	if os.Getenv("SCORECARD_OWN_PROCESS") == t.Name() {
		return true
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v")
	cmd.Env = append(os.Environ(), "SCORECARD_OWN_PROCESS="+t.Name())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return false
}
