//go:build !linux

package heap

// Populate does nothing here: it is a remedy for Linux's page
// faults, and the pages fault in one by one as the heap grows.
func Populate(n uint64) {}
