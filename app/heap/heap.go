// Package heap has the Go heap take its memory from the kernel in huge
// pages where the kernel gives them only to memory that asks (Linux's
// transparent huge pages, "madvise" by default on Debian). On the virtual
// machines councils' desktops and servers run on, each page a process
// touches for the first time costs a fault of some 10 µs, and the Go
// runtime asks for no huge pages: a 2 MB page is one fault where 4 KB
// pages are 512.
//
// It does its work as the program starts: importing it is enough.
package heap

// SmallPages has the heap's pages not yet touched fault in 4 KB pages,
// Go's default, from now on: for a command whose peak memory counts for
// more than its page faults. A huge page stays resident whole once
// touched, until the runtime hands back part of it, so a heap collected
// often and kept small (the export's, at GOGC=10) peaks a megabyte or two
// higher in huge pages.
func SmallPages() { unadvise() }
