// Package heap has the Go heap take its memory from the kernel in huge
// pages where the kernel gives them only to memory that asks (Linux's
// transparent huge pages, "madvise" by default on Debian). On the virtual
// machines councils' desktops and servers run on, each page a process
// touches for the first time costs a fault of some 10 µs, and the Go
// runtime asks for no huge pages: a 2 MB page is one fault where 4 KB
// pages are 512.
//
// It does its work as the program starts: importing it is enough, with
// a call of SetUp once the other packages are set up.
package heap

import (
	"runtime/debug"
	"sync"
)

func init() {
	adviseHeap()
	// The packages the program is built from fill some 3.5 MB of heap
	// as they set up, nearly all of it kept. Go's first goal is 4 MB,
	// so the collector ran among them, marking what they made and
	// sweeping for nothing, its first sweep faulting in the runtime's
	// own lists of spans a page at a time: some 4 ms of every
	// command's start, and 270 of its 1,370 page faults. So it is held
	// off from here, before the packages whose set-up fills the heap
	// (TestHeapAdvisedBeforeSetUp), until SetUp.
	heldPercent = debug.SetGCPercent(-1)
}

// heldPercent is GOGC as it was when the collector was held off.
var heldPercent int

var resume = sync.OnceFunc(func() { debug.SetGCPercent(heldPercent) })

// SetUp has the garbage collector run again, as GOGC set it, now that
// the packages are set up: the program calls it as a command starts,
// after a command's own pace is set where it has one, and its tests
// before they run. Calls after the first do nothing.
func SetUp() { resume() }

// SmallPages has the heap's pages not yet touched fault in 4 KB pages,
// Go's default, from now on: for a command whose peak memory counts for
// more than its page faults. A huge page stays resident whole once
// touched, until the runtime hands back part of it, so a heap collected
// often and kept small (the export's, at GOGC=10) peaks a megabyte or two
// higher in huge pages.
func SmallPages() { unadvise() }
