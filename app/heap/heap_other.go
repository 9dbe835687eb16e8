//go:build !linux

package heap

func unadvise() {}
