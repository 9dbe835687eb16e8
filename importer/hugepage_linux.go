package importer

import (
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page on x86-64, and on
// arm64 with 4 KB pages; where it is larger, no block is advised.
const hugePage = 2 << 20

// adviseHugePages asks Linux to back the whole huge pages within block,
// a new allocation not yet written, with huge pages when first touched.
// The Go runtime leaves its heap to the system's default, which on most
// distributions is to use huge pages only where asked; a block of
// observations is tens of megabytes written at once, and faulting it in
// 4 KB at a time was a fifth of a cold import of the large workbook. It
// is a hint: an error (a kernel without transparent huge pages) changes
// nothing.
func adviseHugePages(block []byte) {
	if len(block) < 2*hugePage {
		return
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(block)))
	from := int((start+hugePage-1)&^(hugePage-1) - start)
	to := int((start+uintptr(len(block)))&^(hugePage-1) - start)
	if to-from < hugePage {
		return
	}
	_ = syscall.Madvise(block[from:to], syscall.MADV_HUGEPAGE)
}
