// Package heap has the Go heap take its memory from the kernel in huge
// pages where the kernel gives them only to memory that asks (Linux's
// transparent huge pages, "madvise" by default on Debian). On the virtual
// machines councils' desktops and servers run on, each page a process
// touches for the first time costs a fault of some 10 µs, and the Go
// runtime asks for no huge pages: a 2 MB page is one fault where 4 KB
// pages are 512.
//
// It does its work as the program starts, and has nothing to call:
// importing it is enough.
package heap
