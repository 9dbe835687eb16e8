package store

import (
	"encoding/binary"
	"encoding/json"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Each import's records carry a checksum, recorded when the import is
// written and verified whenever the store is loaded or backed up, so that
// a damaged page cannot quietly change or drop a figure. bbolt checksums
// only its meta pages.
//
// The sums bucket holds, under an import's sequence number and a suffix:
// sumRecords, the sum of recordHash over every record the import wrote
// (versions and restatements, in every record bucket); sumImport,
// fnv64a of the import's entry in the imports bucket. A sum of hashes does
// not depend on the order records are met in. The tag byte is part of a
// record's hash (a flipped tag would turn a version into a restatement,
// which Load passes over), so Undo, retagging a record of another import,
// corrects that import's sum (adjustSum). Imports written before sums were
// kept have none, and are not checked.
var bucketSums = []byte("sums")

const (
	sumRecords byte = 'r'
	sumImport  byte = 'j'
)

func sumKey(seq uint64, what byte) []byte { return append(seqKey(seq), what) }

// fnv64a is FNV-1a over the parts, without the allocation hash/fnv makes.
func fnv64a(parts ...[]byte) uint64 {
	h := uint64(14695981039346656037)
	for _, p := range parts {
		for _, c := range p {
			h ^= uint64(c)
			h *= 1099511628211
		}
	}
	return h
}

// recordHash is one record's part of its import's sum: its key and its
// tagged value.
func recordHash(k, v []byte) uint64 { return fnv64a(k, v) }

// adjustSum corrects the sum of the import that wrote the record at key k
// when its value changes from old to new.
func adjustSum(tx *bolt.Tx, k, old, new []byte) error {
	b := tx.Bucket(bucketSums)
	if b == nil || len(k) < seqLen {
		return nil
	}
	sk := sumKey(keySeq(k), sumRecords)
	v := b.Get(sk)
	if len(v) != 8 {
		return nil // an import from before sums were kept
	}
	sum := binary.BigEndian.Uint64(v) - recordHash(k, old) + recordHash(k, new)
	return b.Put(sk, binary.BigEndian.AppendUint64(nil, sum))
}

func putSum(tx *bolt.Tx, seq uint64, what byte, sum uint64) error {
	b := tx.Bucket(bucketSums)
	if b == nil {
		return nil // a store opened before sums were kept, read-only
	}
	return b.Put(sumKey(seq, what), binary.BigEndian.AppendUint64(nil, sum))
}

// sumChecker adds up the records met, per import. A nil *sumChecker adds
// nothing: a read of part of the store (its definitions alone) meets too
// few records to check any import's sum.
type sumChecker struct {
	sums []uint64 // by sequence number
}

func newSumChecker(tx *bolt.Tx) *sumChecker {
	return &sumChecker{sums: make([]uint64, tx.Bucket(bucketImports).Sequence()+1)}
}

// A nil checker adds nothing: a read of part of the store (Indicators)
// cannot check sums over every record.
func (c *sumChecker) add(k, v []byte) {
	if c == nil || len(k) < seqLen {
		return // the loader reports the key
	}
	if seq := keySeq(k); seq < uint64(len(c.sums)) {
		c.sums[seq] += recordHash(k, v)
	}
}

// check compares the sums met with those recorded, for every import not
// undone (an undone import's records are gone).
func (c *sumChecker) check(tx *bolt.Tx, path string) error {
	sums := tx.Bucket(bucketSums)
	if sums == nil {
		return nil
	}
	imports := tx.Bucket(bucketImports)
	return sums.ForEach(func(k, v []byte) error {
		if len(k) != seqLen+1 || len(v) != 8 {
			return damaged(path, "a checksum record is unreadable")
		}
		seq, want := binary.BigEndian.Uint64(k), binary.BigEndian.Uint64(v)
		entry := imports.Get(k[:seqLen])
		if entry == nil {
			return damaged(path, "import %s has a checksum but no entry in the import log", importID(seq))
		}
		switch k[seqLen] {
		case sumImport:
			if fnv64a(entry) != want {
				return damaged(path, "the import log's entry for %s does not match its checksum", importID(seq))
			}
		case sumRecords:
			var rec struct{ Undone *time.Time }
			if err := json.Unmarshal(entry, &rec); err != nil {
				return damaged(path, "the import log's entry for %s is unreadable", importID(seq))
			}
			if rec.Undone != nil {
				return nil
			}
			var got uint64
			if seq < uint64(len(c.sums)) {
				got = c.sums[seq]
			}
			if got != want {
				return damaged(path, "the figures of import %s do not match the checksum recorded when it was written", importID(seq))
			}
		}
		return nil
	})
}

// verifySums reads every record and checks every import's sums.
func verifySums(tx *bolt.Tx, path string) error {
	c := newSumChecker(tx)
	for _, name := range kindBuckets {
		b := tx.Bucket(name)
		if b == nil {
			return damaged(path, "the %s bucket is missing", name)
		}
		cur := b.Cursor()
		for k, v := cur.First(); k != nil; k, v = cur.Next() {
			c.add(k, v)
		}
	}
	return c.check(tx, path)
}
