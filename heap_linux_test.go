package main

import (
	"os"
	"runtime"
	"syscall"
	"testing"
)

// TestPopulateHeap has the heap grow into memory populateHeap gave it:
// the pages are mapped in already, so touching them faults few times,
// where fresh memory faults once a page.
func TestPopulateHeap(t *testing.T) {
	const grow = 16 << 20
	page := os.Getpagesize()
	pages := int64(grow / page)
	populateHeap(2 * grow)
	before := minorFaults(t)
	block := make([]byte, grow)
	for i := 0; i < len(block); i += page {
		block[i] = 1
	}
	faults := minorFaults(t) - before
	runtime.KeepAlive(block)
	// A few stray faults are the test's own: its stack, the runtime's
	// bookkeeping for the new block.
	if faults > pages/8 {
		t.Errorf("touching %d MB of heap after populateHeap faulted %d times, want at most %d (fresh memory faults %d times)", grow>>20, faults, pages/8, pages)
	}
}

func minorFaults(t *testing.T) int64 {
	t.Helper()
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		t.Fatal(err)
	}
	return u.Minflt
}
