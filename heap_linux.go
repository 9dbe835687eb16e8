package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"unsafe"

	"golang.org/x/sys/unix"
)

// populateHeap gives the heap n bytes of memory the kernel has already
// mapped in, in one call, rather than one page fault each time the heap
// first touches a page of it. A page fault costs some 10 µs on the
// virtual machines councils' desktops and servers run on, and a cold
// import of the large workbook took 16,000 of them: a third of its
// processor time. The memory is taken as one block, mapped in, and freed
// by a collection, so the allocations that follow reuse its pages; the
// heap grows to n anyway, so the peak memory is what it was.
//
// Where the kernel cannot (MADV_POPULATE_WRITE is Linux 5.14's), the
// pages fault in one by one as before.
func populateHeap(n uint64) {
	if n < populateMinimum {
		return
	}
	// Held off while the block is taken, the collector would otherwise
	// run as it passes the heap's goal, with the block still live: one
	// collection for nothing.
	percent := debug.SetGCPercent(-1)
	block := make([]byte, n)
	// The kernel maps whole pages: the block's first and last partial
	// pages may be shared with other objects, and are left to fault.
	base := uint64(uintptr(unsafe.Pointer(&block[0])))
	page := uint64(os.Getpagesize())
	lo := (page - base%page) % page
	hi := n - (base+n)%page
	if hi > lo {
		_ = unix.Madvise(block[lo:hi], unix.MADV_POPULATE_WRITE)
	}
	runtime.KeepAlive(block)
	block = nil
	debug.SetGCPercent(percent)
	runtime.GC()
}

// populateMinimum is the least heap worth populating: below it, the
// collection that frees the block costs about what the faults would.
const populateMinimum = 4 << 20
