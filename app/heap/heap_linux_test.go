package heap

import (
	"bufio"
	"bytes"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestHeapInHugePages has a fresh process fill an import's heap, in
// objects of a few sizes, and finds most of it in huge pages: nothing
// but this package asks the kernel for any.
func TestHeapInHugePages(t *testing.T) {
	if !inAdvisedProcess(t) {
		return
	}
	const n = 40 << 20
	fill(n)
	if got := anonHugePages(t); got < n*3/4 {
		t.Errorf("filling %d MB of a fresh heap mapped %d MB in huge pages, want at least %d MB", n>>20, got>>20, n*3/4>>20)
	}
}

// TestFirstObjectsInHugePages has a fresh process fill the heap its
// packages' set-up would, some 3.5 MB of small objects, and finds it
// faults a few pages, not one a page: the pages the runtime mapped
// below the advised block, and the block's head, are not given to them.
func TestFirstObjectsInHugePages(t *testing.T) {
	if !inAdvisedProcess(t) {
		return
	}
	var before, after syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &before); err != nil {
		t.Skip(err)
	}
	const n = 3 << 20
	fill(n)
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &after); err != nil {
		t.Skip(err)
	}
	// In 4 KB pages, 768 faults; each huge page is one.
	if got := after.Minflt - before.Minflt; got > 100 {
		t.Errorf("filling %d MB of a fresh heap faulted %d pages, want at most 100", n>>20, got)
	}
}

// TestSmallPages has a fresh process fill an import's heap after asking
// for small pages, and finds no more of it in huge pages than the
// packages' set-up had.
func TestSmallPages(t *testing.T) {
	if !inAdvisedProcess(t) {
		return
	}
	SmallPages()
	before := anonHugePages(t)
	fill(40 << 20)
	if got := anonHugePages(t) - before; got > 0 {
		t.Errorf("filling 40 MB of heap after SmallPages mapped %d KB more in huge pages, want none", got>>10)
	}
}

// fill makes n bytes of heap in objects of a few sizes, and keeps them.
func fill(n int) {
	var kept [][]byte
	for made, size := 0, 16; made < n; made, size = made+size, size*2%4096+16 {
		kept = append(kept, make([]byte, size))
	}
	runtime.KeepAlive(kept)
}

// inAdvisedProcess runs the test t in a process of its own, with the
// collector off, where the kernel gives huge pages to advised memory
// alone, reporting whether this is that process.
func inAdvisedProcess(t *testing.T) bool {
	t.Helper()
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !bytes.Contains(mode, []byte("[madvise]")) {
		t.Skip("the kernel's transparent huge pages are not given only where advised")
	}
	if !inOwnProcess(t) {
		return false
	}
	percent := debug.SetGCPercent(-1)
	t.Cleanup(func() { debug.SetGCPercent(percent) })
	return true
}

// anonHugePages is the process's anonymous memory mapped in huge pages,
// in bytes.
func anonHugePages(t *testing.T) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/smaps_rollup")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "AnonHugePages:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal("no AnonHugePages in /proc/self/smaps_rollup")
	return 0
}
