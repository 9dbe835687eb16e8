package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"scorecard/app"
	"scorecard/views"
)

// glTags are the tags the Makefile builds the window with (GUI_TAGS).
const glTags = "egl"

// glBinary builds the real (GL) binary as the Makefile does, skipping
// the test where cgo cannot build it, outside CI.
func glBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "scorecard-gl")
	build := exec.Command("go", "build", "-tags", glTags, "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := build.CombinedOutput(); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("the cgo build is not available here: %v\n%s", err, out)
		}
		t.Fatalf("cgo build: %v\n%s", err, out)
	}
	return bin
}

// needTools skips the test where a tool it runs is missing, or fails it
// under CI, where scripts/setup.sh test installs them all.
func needTools(t *testing.T, install string, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is missing (scripts/setup.sh test installs it)", tool)
			}
			t.Skipf("%s is missing: apt-get install %s", tool, install)
		}
	}
}

// xvfbWindow is a command run under xvfb-run, as the window tests run
// the real binary: its home a folder of its own, its output gathered.
// xvfb-run starts Xvfb beside the window, so the command runs in a
// process group of its own, which stop ends.
type xvfbWindow struct {
	out  strings.Builder
	done chan struct{} // closed once the command has exited
	err  error         // the command's, once done is closed
	pid  int
	once sync.Once
}

// startXvfbWindow starts args under xvfb-run with its options xvfb
// (beside -a) and the environment's env added; the test's end stops it.
func startXvfbWindow(t *testing.T, xvfb, env []string, args ...string) *xvfbWindow {
	t.Helper()
	home := t.TempDir()
	w := &xvfbWindow{done: make(chan struct{})}
	cmd := exec.Command("xvfb-run", append(append([]string{"-a"}, xvfb...), args...)...)
	cmd.Env = append(append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config")), env...)
	cmd.Stdout, cmd.Stderr = &w.out, &w.out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.pid = cmd.Process.Pid
	go func() {
		w.err = cmd.Wait()
		close(w.done)
	}()
	t.Cleanup(w.stop)
	return w
}

// stop ends the command's process group, asking first and, after ten
// seconds, killing it, and waits for the command to exit. Once stopped,
// its output is whole.
func (w *xvfbWindow) stop() {
	w.once.Do(func() {
		syscall.Kill(-w.pid, syscall.SIGTERM)
		select {
		case <-w.done:
		case <-time.After(10 * time.Second):
			syscall.Kill(-w.pid, syscall.SIGKILL)
			<-w.done
		}
	})
}

// TestWindowWithoutDisplay launches the real (GL) window where no display
// answers, as happens when Xvfb is not yet, or no longer, serving the one
// xvfb-run chose: it once died with Go's crash status 2 and a crash dump;
// it must say why in one line and exit 1.
func TestWindowWithoutDisplay(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the cgo binary")
	}
	bin := glBinary(t)
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

// TestWindowNotesExclusionNotApplied: `scorecard --exclude uasc,ola` on a
// store split by UASC alone opens excluding UASC and not OLA, as the
// command line refuses --exclude ola there, and says so on stderr in a
// note naming the cohorts the store is split by.
func TestWindowNotesExclusionNotApplied(t *testing.T) {
	db := cannotExcludeStore(t)
	st, err := openDB(db, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	excluded, err := app.ParseCohorts("uasc,ola")
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	win := views.NewMainWindow(test.NewTempApp(t), st, views.Options{Exclude: excluded, Note: windowNote(&stderr)})
	defer win.Close()
	want := "note: --exclude ola not applied: no figures are split by that cohort, so nothing could be excluded (the store's figures are split by uasc)\n"
	if stderr.String() != want {
		t.Errorf("stderr:\n%q\nwant\n%q", stderr.String(), want)
	}
}
