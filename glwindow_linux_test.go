package main

import (
	"debug/elf"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The window's binary, built as the Makefile builds it (glTags), takes
// OpenGL's functions through EGL. Linked to libGL, every command, help as
// much as an import, first loaded GLVND's GLX libraries and X11's under
// them, thirteen in all, some 2 ms of each start.
func TestGLBuildLoadsNoGLX(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the cgo binary")
	}
	f, err := elf.Open(glBinary(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	libs, err := f.ImportedLibraries()
	if err != nil {
		t.Fatal(err)
	}
	for _, glx := range []string{"libGL.so.1", "libGLX.so.0", "libX11.so.6"} {
		if slices.Contains(libs, glx) {
			t.Errorf("the binary is linked to %s (%s): every command loads the GLX libraries before main", glx, strings.Join(libs, ", "))
		}
	}
	if !slices.Contains(libs, "libEGL.so.1") {
		t.Errorf("the binary is not linked to libEGL.so.1 (%s): where does it take OpenGL's functions from?", strings.Join(libs, ", "))
	}
}

// TestGLWindowDraws opens the window of that binary under Xvfb on the
// demo scorecards and finds them drawn. GLFW makes the window's context
// through GLX, and the functions are taken through EGL: one taken wrongly
// would leave the screen blank, or end the program.
func TestGLWindowDraws(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the cgo binary and runs it under Xvfb")
	}
	needTools(t, "xvfb xauth imagemagick", "xvfb-run", "import", "identify")
	bin := glBinary(t)
	db := demoStore(t)
	dir := t.TempDir()
	shot := filepath.Join(dir, "window.png")
	// A screen with nothing drawn is one colour; the scorecard's text,
	// smoothed, is hundreds.
	script := fmt.Sprintf(`%q --db %q & for i in $(seq 60); do sleep 1; import -window root %q 2>/dev/null && [ "$(identify -format %%k %q)" -gt 100 ] && exit 0; done; exit 1`,
		bin, db, shot, shot)
	w := startXvfbWindow(t, []string{"-s", "-screen 0 1024x700x24"}, []string{"SCORECARD_WINDOW_SIZE=1024x700"}, "bash", "-c", script)
	var err error
	select {
	case <-w.done:
		err = w.err
	case <-time.After(2 * time.Minute):
		err = fmt.Errorf("no drawn screen within two minutes")
	}
	w.stop()
	if err != nil {
		colours, _ := exec.Command("identify", "-format", "%k", shot).Output()
		t.Fatalf("the window drew nothing (%v; the last screenshot has %s colours):\n%s", err, colours, w.out.String())
	}
}
