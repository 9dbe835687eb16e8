// Package heap has the Go heap take its memory from the kernel in a way
// that costs fewer page faults: its first megabytes in huge pages from
// the moment the program starts, and, for a command that knows the heap
// it will grow to, that heap mapped in at once. On the virtual machines
// councils' desktops and servers run on, each page a process touches for
// the first time costs a fault of some 10 µs.
package heap

import (
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// earlyHeap is the heap advised into huge pages as the program starts:
// enough for every package's set-up (some 3.5 MB, mostly the workbook
// library's and the toolkit's tables) with room to spare, and no more,
// since a huge page is counted whole in the process's memory from its
// first touch.
const earlyHeap = 8 << 20

// The packages the program is built from set themselves up before main
// runs, and fill some 3.5 MB of heap in small objects as they do: a fresh
// process faulted 1,100 pages in for them, a fifth of the time of the
// cheapest command (`scorecard imports`). In huge pages they are a few
// faults. The kernel maps in huge pages only for memory advised so
// (transparent huge pages are "madvise" by default on Debian), and the
// Go runtime advises none, so this package advises the heap's start
// before the others are set up: Go sets up, of the packages whose own
// imports are set up, the first by import path, and this one imports
// only packages set up early (the runtime, sync, syscall; and x/sys/unix,
// runtime/debug and strings, set up before the workbook library and the
// toolkit that need them). TestEarlyHeapInHugePages fails if it comes
// later.
//
// The runtime maps the heap in as it grows, and memory not yet mapped
// cannot be advised: a block is taken to have earlyHeap bytes mapped,
// advised, and freed for the set-up to fill.
func init() { adviseEarlyHeap(earlyHeap) }

func adviseEarlyHeap(n int) {
	percent := debug.SetGCPercent(-1)
	block := unzeroedBlock(n)
	// From the start of the huge page the block begins in, which the
	// heap's earlier objects may share: the block's head is then in a
	// huge page wherever none of them has touched its page yet.
	base := uintptr(unsafe.Pointer(unsafe.SliceData(block)))
	lo, hi := base&^(hugePage-1), (base+uintptr(n))&^(hugePage-1)
	if hi > lo {
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, syscall.MADV_HUGEPAGE)
	}
	runtime.KeepAlive(block)
	block = nil
	debug.SetGCPercent(percent)
	runtime.GC()
}

// Populate gives the heap n bytes of memory the kernel has already
// mapped in, in one call, rather than one page fault each time the heap
// first touches a page of it. A page fault costs some 10 µs on the
// virtual machines councils' desktops and servers run on, and a cold
// import of the large workbook took 16,000 of them: a third of its
// processor time. The memory is taken as one block, mapped in, and freed
// by a collection, so the allocations that follow reuse its pages; the
// heap grows to n anyway, so the peak memory is what it was.
//
// The block is mapped in huge pages where the kernel offers them
// (transparent huge pages, "madvise" by default on Debian): a virtual
// machine that shadows the guest's page tables charges the first touch
// of each page even once it is mapped in, and a 2 MB page is one charge
// where 4 KB pages are 512.
//
// Where the kernel cannot (MADV_POPULATE_WRITE is Linux 5.14's), the
// pages fault in one by one as before.
func Populate(n uint64) {
	if n < populateMinimum {
		return
	}
	// Held off while the block is taken, the collector would otherwise
	// run as it passes the heap's goal, with the block still live: one
	// collection for nothing.
	percent := debug.SetGCPercent(-1)
	block := unzeroedBlock(int(n))
	base := uint64(uintptr(unsafe.Pointer(unsafe.SliceData(block))))
	// The kernel maps whole pages: the block's first and last partial
	// pages may be shared with other objects, and are left to fault.
	if lo, hi := within(base, n, uint64(syscall.Getpagesize())); hi > lo {
		if hlo, hhi := within(base, n, hugePage); hhi > hlo {
			_ = unix.Madvise(block[hlo:hhi], unix.MADV_HUGEPAGE)
		}
		populate(block[lo:hi])
	}
	runtime.KeepAlive(block)
	block = nil
	debug.SetGCPercent(percent)
	runtime.GC()
}

// unzeroedBlock returns n bytes of heap that Go has not cleared. A block
// made with make is cleared wherever it starts in pages an earlier
// collection freed, which a fresh process's heap has from the first
// collection its packages' set-up runs: clearing touches every page, so
// they fault one by one before the kernel is asked to map them in (a
// third of imports did so). A strings.Builder's buffer is left
// uncleared, since it is only ever read where it has been written.
func unzeroedBlock(n int) []byte {
	var b strings.Builder
	b.Grow(n)
	// One byte written makes the buffer's address the string's.
	b.WriteByte(0)
	s := b.String()
	return unsafe.Slice(unsafe.StringData(s), n)
}

// within returns the offsets, from base, of the first and last
// boundaries of size-aligned pages within the n bytes from base.
func within(base, n, size uint64) (lo, hi uint64) {
	lo = (size - base%size) % size
	hi = n - (base+n)%size
	return lo, hi
}

// hugePage is the size of a transparent huge page on amd64 and arm64 (4
// KB base pages).
const hugePage = 2 << 20

// populateMinimum is the least heap worth populating: below it, the
// collection that frees the block costs about what the faults would.
const populateMinimum = 4 << 20

// populate maps in b's pages, its halves on two threads: the kernel
// clears each page it maps in, and on two processors the halves are
// cleared at once. They part at a huge page's boundary, so that no huge
// page is faulted in by both.
func populate(b []byte) {
	half := len(b) / 2
	half -= int((uintptr(unsafe.Pointer(unsafe.SliceData(b))) + uintptr(half)) % hugePage)
	if half <= 0 || runtime.GOMAXPROCS(0) < 2 {
		_ = unix.Madvise(b, unix.MADV_POPULATE_WRITE)
		return
	}
	var wg sync.WaitGroup
	wg.Go(func() { _ = unix.Madvise(b[half:], unix.MADV_POPULATE_WRITE) })
	_ = unix.Madvise(b[:half], unix.MADV_POPULATE_WRITE)
	wg.Wait()
}
