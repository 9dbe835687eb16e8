//go:build !linux

package heap

func adviseHeap() {}

func unadvise() {}
