//go:build !linux

package importer

// adviseHugePages does nothing: huge pages are asked for on Linux only.
func adviseHugePages(block []byte) {}
