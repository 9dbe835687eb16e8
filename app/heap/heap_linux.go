package heap

import (
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"unsafe"
)

// advisedHeap is the heap advised into huge pages as the program starts:
// the most a command's heap grows to before the collector reuses its
// pages (the large import's touches 57 MB). Memory advised is not taken
// until it is touched, each 2 MB page whole: a command whose heap stops
// short of it is resident by at most one huge page more.
const advisedHeap = 64 << 20

// The packages the program is built from set themselves up before main
// runs, and fill some 3.5 MB of heap in small objects as they do: some
// 1,100 of the 1,980 page faults of the cheapest command (`scorecard
// imports`). The commands fill tens of megabytes more: the large import
// touches 57 MB, 14,000 pages. So the heap is advised before the others
// are set up: Go sets up, of the packages whose own imports are set up,
// the first by import path, and this one imports only packages set up
// before the workbook library, the toolkit and goldmark, which need
// them. TestHeapAdvisedBeforeSetUp (package main) fails if it comes
// later.
//
// The runtime maps the heap in as it grows, and memory not yet mapped
// cannot be advised: a block is taken to have advisedHeap bytes mapped,
// advised, and freed for the packages and the command to fill.
func adviseHeap() {
	if onlyAdvised() {
		advise(advisedHeap)
	}
}

// onlyAdvised reports whether the kernel gives transparent huge pages to
// memory advised so and to no other: where it gives them to all memory,
// or to none, the advice changes nothing, and the block and collection
// it takes (some 3 ms) are saved.
func onlyAdvised() bool {
	fd, err := syscall.Open("/sys/kernel/mm/transparent_hugepage/enabled", syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return false
	}
	defer syscall.Close(fd)
	// "always [madvise] never", the mode in force in brackets.
	var buf [64]byte
	n, _ := syscall.Read(fd, buf[:])
	return n > 0 && strings.Contains(string(buf[:n]), "[madvise]")
}

func advise(n int) {
	// Held off while the block is taken, the collector would otherwise
	// run as it passes the heap's goal, with the block still live: one
	// collection for nothing.
	percent := debug.SetGCPercent(-1)
	p, ok := untouchedBlock(n)
	block := uintptr(p)
	if !ok {
		debug.SetGCPercent(percent)
		return
	}
	// From the start of the huge page the block begins in, which the
	// heap's earlier objects may share: the block's head is then in a
	// huge page wherever none of them has touched its page yet.
	lo, hi := block&^(hugePage-1), (block+uintptr(n))&^(hugePage-1)
	if hi > lo {
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, syscall.MADV_HUGEPAGE)
		advised = [2]uintptr{lo, hi}
	}
	// The runtime fills the lowest free pages first: left free, the
	// pages below the block, in small pages where the runtime's own
	// objects have touched theirs, would take the packages' objects
	// before the block does, a fault a 4 KB page (some 250 of the 1,500
	// faults of `scorecard help`, with the block's head below). They are
	// kept as blocks never touched, which cost address space and no
	// memory.
	for size := 1 << 20; size >= pageSize; size /= 2 {
		for {
			p, ok := untouchedBlock(size)
			if !ok || uintptr(p) > block {
				break // nothing free below the block as large
			}
			below = append(below, p)
		}
	}
	debug.SetGCPercent(percent)
	runtime.GC()
	// The block's head, below its first huge page, shares a page with
	// objects made before it, so is in small pages too: freed, it is the
	// lowest free memory, and is taken and kept as the pages below were.
	if head := (lo + hugePage - block) % hugePage; head > 0 {
		if p, ok := untouchedBlock(int(head)); ok && uintptr(p) == block {
			below = append(below, p)
		}
	}
}

// below are the blocks that take the heap's free pages below the advised
// block, kept for the program's life.
var below []unsafe.Pointer

// untouchedBlock makes n bytes of heap, neither cleared nor written, and
// returns where they are.
//
// A block made with make is cleared wherever it starts in pages an
// earlier collection freed, and clearing touches every page. A
// strings.Builder's buffer is left uncleared, since it is only ever
// read where it has been written; but a write to it touches its first
// page before the block can be advised, and that huge page stays in
// small pages. So its address is read from the Builder itself, whose
// layout (a pointer to itself, then its buffer) has been the same since
// Go 1.10; ok is false if it changes.
func untouchedBlock(n int) (p unsafe.Pointer, ok bool) {
	type layout struct {
		addr *strings.Builder
		buf  []byte
	}
	var b strings.Builder
	if unsafe.Sizeof(b) != unsafe.Sizeof(layout{}) {
		return nil, false
	}
	b.Grow(n)
	buf := (*layout)(unsafe.Pointer(&b)).buf
	if cap(buf) < n {
		return nil, false
	}
	return unsafe.Pointer(unsafe.SliceData(buf)), true
}

// advised is the range of addresses advise advised.
var advised [2]uintptr

func unadvise() {
	if lo, hi := advised[0], advised[1]; hi > lo {
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, syscall.MADV_NOHUGEPAGE)
	}
}

// hugePage is the size of a transparent huge page on amd64 and arm64 (4
// KB base pages).
const hugePage = 2 << 20

// pageSize is the runtime's page, the least it maps for a span of
// objects.
const pageSize = 8 << 10
