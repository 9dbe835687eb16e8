package heap

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestPopulate has the heap grow into memory Populate gave it:
// the pages are mapped in already, so populating and touching them
// faults few times, where fresh memory faults once a page. The heap is
// first given freed pages where the block will start, as a fresh
// process's set-up leaves it: Go clears a block made there, touching
// every page before it is mapped in.
func TestPopulate(t *testing.T) {
	if !inOwnProcess(t) {
		return
	}
	const grow = 40 << 20
	page := os.Getpagesize()
	pages := int64(grow / page)
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	leaveFreedPages()
	before := minorFaults(t)
	Populate(grow)
	block := make([]byte, grow)
	for i := 0; i < len(block); i += page {
		block[i] = 1
	}
	faults := minorFaults(t) - before
	runtime.KeepAlive(block)
	// Some stray faults are the test's own: its stack, the runtime's
	// bookkeeping for the new block and the collection's.
	if faults > pages/4 {
		t.Errorf("populating and touching %d MB of heap faulted %d times, want at most %d (fresh memory faults %d times)", grow>>20, faults, pages/4, pages)
	}
}

// TestPopulateHuge has the populated heap in huge pages where the
// kernel offers them for memory that asks.
func TestPopulateHuge(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || bytes.Contains(mode, []byte("[never]")) {
		t.Skip("this kernel offers no transparent huge pages")
	}
	if !inOwnProcess(t) {
		return
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	Populate(32 << 20)
	if got := anonHugePages(t); got < 8<<20 {
		t.Errorf("populating 32 MB of heap mapped %d KB in huge pages, want at least 8 MB", got>>10)
	}
}

// TestEarlyHeapInHugePages has a fresh process fill megabytes of heap
// in small objects, as the packages' set-up does, and finds some of them
// in huge pages: nothing else in the process asks for any.
func TestEarlyHeapInHugePages(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !bytes.Contains(mode, []byte("[madvise]")) {
		t.Skip("the kernel's transparent huge pages are not given only where advised")
	}
	if !inOwnProcess(t) {
		return
	}
	if got := anonHugePages(t); got != 0 {
		t.Fatalf("the process has %d KB in huge pages before filling its heap", got>>10)
	}
	objects := make([]*[64]byte, 0, earlyHeap/2/64)
	for range cap(objects) {
		objects = append(objects, new([64]byte))
	}
	runtime.KeepAlive(objects)
	if got := anonHugePages(t); got < hugePage {
		t.Errorf("filling %d MB of a fresh heap mapped %d KB in huge pages, want at least %d KB", earlyHeap/2>>20, got>>10, hugePage>>10)
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

// leaveFreedPages makes some megabytes of heap and frees the later half,
// so that the next large block starts in pages a collection freed.
func leaveFreedPages() {
	keep := make([][]byte, 0, 64)
	var drop [][]byte
	for i := range 64 {
		b := make([]byte, 64<<10)
		if i < 32 {
			keep = append(keep, b)
		} else {
			drop = append(drop, b)
		}
	}
	drop = nil
	runtime.GC()
	runtime.KeepAlive(keep)
}

func minorFaults(t *testing.T) int64 {
	t.Helper()
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		t.Fatal(err)
	}
	return u.Minflt
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
