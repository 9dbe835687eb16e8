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
func init() {
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
	block := unzeroedBlock(n)
	// From the start of the huge page the block begins in, which the
	// heap's earlier objects may share: the block's head is then in a
	// huge page wherever none of them has touched its page yet.
	base := uintptr(unsafe.Pointer(unsafe.SliceData(block)))
	lo, hi := base&^(hugePage-1), (base+uintptr(n))&^(hugePage-1)
	if hi > lo {
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, syscall.MADV_HUGEPAGE)
		advised = [2]uintptr{lo, hi}
	}
	runtime.KeepAlive(block)
	block = nil
	debug.SetGCPercent(percent)
	runtime.GC()
}

// advised is the range of addresses advise advised.
var advised [2]uintptr

func unadvise() {
	if lo, hi := advised[0], advised[1]; hi > lo {
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, lo, hi-lo, syscall.MADV_NOHUGEPAGE)
	}
}

// unzeroedBlock returns n bytes of heap that Go has not cleared. A block
// made with make is cleared wherever it starts in pages an earlier
// collection freed: clearing touches every page, so they would fault
// one by one before they were advised. A strings.Builder's buffer is
// left uncleared, since it is only ever read where it has been written.
func unzeroedBlock(n int) []byte {
	var b strings.Builder
	b.Grow(n)
	// One byte written makes the buffer's address the string's.
	b.WriteByte(0)
	s := b.String()
	return unsafe.Slice(unsafe.StringData(s), n)
}

// hugePage is the size of a transparent huge page on amd64 and arm64 (4
// KB base pages).
const hugePage = 2 << 20
