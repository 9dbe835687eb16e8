package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// A command leaves the thread Fyne's init ties the main goroutine to
// (leaveMainThread). Go ends the thread of a goroutine that exits tied
// to it, and keeps one that is not tied for later use, so each goroutine
// below ties itself to a thread as Fyne's init does, runs what is
// tested, and exits: its thread is gone after it only if it was still
// tied.
func TestCommandLeavesMainThread(t *testing.T) {
	dir := t.TempDir()
	db, csv := filepath.Join(dir, "s.db"), filepath.Join(dir, "kpi.csv")
	if err := os.WriteFile(csv, []byte("Ref,Area,Period,Value\nCIC01,Kent,2025-03,1400\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// The check itself: a goroutine that stays tied loses its thread.
	if threadSurvives(t, func() {}) {
		t.Fatal("a goroutine exiting tied to its thread left the thread running: this check cannot tell")
	}
	if !threadSurvives(t, func() {
		var out, errOut bytes.Buffer
		if code := run([]string{"--db", db, "import", csv}, &out, &errOut); code != 0 {
			t.Errorf("import: exit %d: %s", code, errOut.String())
		}
	}) {
		t.Error("the main goroutine was still tied to its thread when the command ended: a command's waits are resumed on that thread alone")
	}
}

// threadSurvives runs fn on a goroutine tied to a thread of its own, as
// Fyne's init ties main's, and reports whether the thread is still
// there a second after the goroutine exits.
func threadSurvives(t *testing.T, fn func()) bool {
	t.Helper()
	for range 10 {
		tids := make(chan int)
		go func() {
			runtime.LockOSThread()
			tid := syscall.Gettid()
			if tid == os.Getpid() {
				// The process's first thread is parked, never ended,
				// whether tied or not: try another.
				runtime.UnlockOSThread()
				tids <- 0
				return
			}
			fn()
			tids <- tid
		}()
		tid := <-tids
		if tid == 0 {
			continue
		}
		task := fmt.Sprintf("/proc/self/task/%d", tid)
		for deadline := time.Now().Add(time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			if _, err := os.Stat(task); os.IsNotExist(err) {
				return false
			}
		}
		return true
	}
	t.Skip("every goroutine ran on the process's first thread")
	return false
}
