package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestWindowWithoutDisplay launches the real (GL) window where no display
// answers, as happens when Xvfb is not yet, or no longer, serving the one
// xvfb-run chose: it once died with Go's crash status 2 and a crash dump;
// it must say why in one line and exit 1.
func TestWindowWithoutDisplay(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the cgo binary")
	}
	bin := filepath.Join(t.TempDir(), "scorecard-gl")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := build.CombinedOutput(); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("the cgo build is not available here: %v\n%s", err, out)
		}
		t.Fatalf("cgo build: %v\n%s", err, out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--db", filepath.Join(t.TempDir(), "s.db"))
	cmd.Env = append(os.Environ(), "DISPLAY=:4242", "WAYLAND_DISPLAY=")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Errorf("exit %v, want status 1", err)
	}
	if strings.Contains(stderr.String(), "goroutine") || !strings.Contains(stderr.String(), "cannot open the window") {
		t.Errorf("stderr:\n%s\nwant one line saying the window cannot open, no crash dump", stderr.String())
	}
}
