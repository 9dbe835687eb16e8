package store

import (
	"encoding/binary"
	"os"

	bolt "go.etcd.io/bbolt"
)

// A bucket small enough is kept inline: its page is written inside the
// value that names it in the root bucket. Where that value is not 8-byte
// aligned in the file, bbolt reads the bucket from a copy of it on the Go
// heap, and the loader's check that a record ends within the store's pages
// (loader.within) cannot see a record that runs past the copy into the
// program's own memory. A bit flipped in such a record's length made the
// garbage collector find a pointer into freed memory and stop the program
// ("found bad pointer in Go heap"), where the store must be refused. So the
// store is refused on opening when an inline bucket's records do not lie
// within the value holding them, as the file holds it.

// bbolt's page layout, as its file format fixes it: a 16-byte page header
// (id, flags, count, overflow), then count 16-byte elements. A leaf
// element is flags, pos, ksize and vsize; a branch element pos, ksize and
// the child's page id. pos counts from the element itself. A bucket's
// value begins with its root page id and sequence (16 bytes); a root of 0
// means the bucket's page follows inline.
const (
	pageFlagsAt     = 8
	pageCountAt     = 10
	pageOverflowAt  = 12
	pageElementLen  = 16
	leafPosAt       = 4
	leafKsizeAt     = 8
	leafVsizeAt     = 12
	branchPgidAt    = 8
	branchPageFlag  = 0x01
	leafPageFlag    = 0x02
	bucketLeafFlag  = 0x01
	bucketHeaderLen = 16
	// rootDepth bounds the root bucket's branch pages followed: a loop
	// of pages, flipped on disk, must not run for ever.
	rootDepth = 16
)

// inlineBucketsSound reports whether every inline bucket the root bucket
// names, in the committed state tx reads, holds its records within its
// value. Pages past the file's, or not what the root's pages say they
// are, are unsound too. The root's pages are read from the file, as bbolt
// maps them: a page or two.
func inlineBucketsSound(tx *bolt.Tx) (bool, error) {
	f, err := os.Open(tx.DB().Path())
	if err != nil {
		return false, err
	}
	defer f.Close()
	r := rootPages{f: f, pageSize: int64(tx.DB().Info().PageSize), size: tx.Size()}
	return r.sound(uint64(tx.Cursor().Bucket().Root()), 0)
}

// rootPages reads the root bucket's pages from the store's file, size
// bytes of it in use.
type rootPages struct {
	f        *os.File
	pageSize int64
	size     int64
}

// sound checks the root bucket's page id and, below a branch, its
// children.
func (r rootPages) sound(id uint64, depth int) (bool, error) {
	if depth > rootDepth || id == 0 || id >= uint64(r.size/r.pageSize) {
		return false, nil
	}
	at := int64(id) * r.pageSize
	head := make([]byte, pageHeaderLen)
	if _, err := r.f.ReadAt(head, at); err != nil {
		return false, err
	}
	ne := binary.NativeEndian
	size := (int64(ne.Uint32(head[pageOverflowAt:])) + 1) * r.pageSize
	if size > r.size-at {
		return false, nil
	}
	page := make([]byte, size)
	if _, err := r.f.ReadAt(page, at); err != nil {
		return false, err
	}
	count := int(ne.Uint16(page[pageCountAt:]))
	if pageHeaderLen+count*pageElementLen > len(page) {
		return false, nil
	}
	switch ne.Uint16(page[pageFlagsAt:]) {
	case branchPageFlag:
		for i := range count {
			e := page[pageHeaderLen+i*pageElementLen:]
			if ok, err := r.sound(ne.Uint64(e[branchPgidAt:]), depth+1); !ok || err != nil {
				return false, err
			}
		}
		return true, nil
	case leafPageFlag:
		for i := range count {
			off := pageHeaderLen + i*pageElementLen
			e := page[off:]
			if ne.Uint32(e)&bucketLeafFlag == 0 {
				continue
			}
			from := uint64(off) + uint64(ne.Uint32(e[leafPosAt:])) + uint64(ne.Uint32(e[leafKsizeAt:]))
			to := from + uint64(ne.Uint32(e[leafVsizeAt:]))
			if to > uint64(len(page)) || !bucketValueSound(page[from:to]) {
				return false, nil
			}
		}
		return true, nil
	}
	return false, nil
}

// bucketValueSound checks a bucket's value: where its page is inline, each
// record of it lies within the value.
func bucketValueSound(v []byte) bool {
	if len(v) < bucketHeaderLen {
		return false
	}
	ne := binary.NativeEndian
	if ne.Uint64(v) != 0 {
		return true // its pages are the file's own, which within checks
	}
	page := v[bucketHeaderLen:]
	if len(page) < pageHeaderLen {
		return false
	}
	count := int(ne.Uint16(page[pageCountAt:]))
	if pageHeaderLen+count*pageElementLen > len(page) {
		return false
	}
	for i := range count {
		off := pageHeaderLen + i*pageElementLen
		e := page[off:]
		end := uint64(off) + uint64(ne.Uint32(e[leafPosAt:])) + uint64(ne.Uint32(e[leafKsizeAt:])) + uint64(ne.Uint32(e[leafVsizeAt:]))
		if end > uint64(len(page)) {
			return false
		}
	}
	return true
}
