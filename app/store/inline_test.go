package store

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// TestInlineRecordPastItsTable: the targets are few enough for bbolt to
// keep their bucket inline, in the value naming it in the root's page. A
// record whose length, flipped on disk, runs past that value is refused
// when the store is opened, to read or to write, before any record is
// read: bbolt may read the bucket from a copy on the Go heap, where a
// record running past it is the program's own memory.
func TestInlineRecordPastItsTable(t *testing.T) {
	path, data, _ := closedStore(t, smallMonthlyWithTarget, 2)
	name := kindBuckets[kindTarget]
	ne := binary.NativeEndian
	bad := bytes.Clone(data)
	flipped := 0
	// Freed pages may hold earlier copies of the root's page: each copy
	// naming an inline targets bucket is changed alike.
	for from := 0; ; {
		i := bytes.Index(bad[from:], name)
		if i < 0 {
			break
		}
		at := from + i + len(name)
		from = at
		if at+bucketHeaderLen+pageHeaderLen+pageElementLen > len(bad) || ne.Uint64(bad[at:]) != 0 {
			continue
		}
		page := bad[at+bucketHeaderLen:]
		if ne.Uint16(page[pageFlagsAt:]) != leafPageFlag || ne.Uint16(page[pageCountAt:]) == 0 {
			continue
		}
		ne.PutUint32(page[pageHeaderLen+leafKsizeAt:], 1<<26) // the first record's key length
		flipped++
	}
	if flipped == 0 {
		t.Fatal("no inline targets bucket in the store's file")
	}
	if err := writeFile(path, bad); err != nil {
		t.Fatal(err)
	}
	for _, open := range []func(string) (*Bolt, error){OpenReadOnly, Open} {
		s, err := open(path)
		if err == nil {
			s.Close()
		}
		wantDamaged(t, "a targets record running past its inline bucket", err)
	}
}
