package store

import (
	"bytes"
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
// (versions and restatements, in every record bucket); sumDefinitions,
// that over its indicator definitions alone (schema 2); sumImport,
// fnv64a of the import's entry in the imports bucket. A sum of hashes does
// not depend on the order records are met in. The tag byte is part of a
// record's hash (a flipped tag would turn a version into a restatement,
// which Load passes over), so Undo, retagging a record of another import,
// corrects that import's sum (adjustSum). Imports written before sums were
// kept have none, and are not checked.
var bucketSums = []byte("sums")

const (
	sumRecords     byte = 'r'
	sumImport      byte = 'j'
	sumDefinitions byte = 'd'
)

// bucketRefSums holds, in schema 2, the sum of recordHash over each
// import's records of each indicator (see sumGroup), keyed by ref, NUL and
// the import's sequence number, so that one indicator's records can be
// proved without reading the rest. Undo removes the import's entries.
var bucketRefSums = []byte("indicator sums")

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

// fnvPrime is FNV-1a's 64-bit prime.
const fnvPrime = 1099511628211

// recordHashes sets hs[j] to recordHash of record(j)'s key and value, for
// every j, four records at a time: FNV-1a waits on a multiply for each
// byte, about four cycles, and the multiplies of four records in one loop
// overlap. A large import hashes its 2.5 MB of blocks so, on the path the
// officer waits on.
func recordHashes(hs []uint64, record func(j int) (k, v []byte)) {
	j := 0
	for ; j+4 <= len(hs); j += 4 {
		var vs [4][]byte
		var h [4]uint64
		for i := range 4 {
			var k []byte
			k, vs[i] = record(j + i)
			h[i] = fnv64a(k)
		}
		n := min(len(vs[0]), len(vs[1]), len(vs[2]), len(vs[3]))
		v0, v1, v2, v3 := vs[0][:n], vs[1][:n], vs[2][:n], vs[3][:n]
		h0, h1, h2, h3 := h[0], h[1], h[2], h[3]
		for i := range v0 {
			h0 = (h0 ^ uint64(v0[i])) * fnvPrime
			h1 = (h1 ^ uint64(v1[i])) * fnvPrime
			h2 = (h2 ^ uint64(v2[i])) * fnvPrime
			h3 = (h3 ^ uint64(v3[i])) * fnvPrime
		}
		for i, hi := range [4]uint64{h0, h1, h2, h3} {
			hs[j+i] = fnvMore(hi, vs[i][n:])
		}
	}
	for ; j < len(hs); j++ {
		hs[j] = recordHash(record(j))
	}
}

// fnvMore continues the FNV-1a hash h over b.
func fnvMore(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// adjustSum corrects the sums of the import that wrote the record of kind
// at key k when its value changes from old to new.
func adjustSum(tx *bolt.Tx, kind recordKind, k, old, new []byte) error {
	b := tx.Bucket(bucketSums)
	if b == nil || len(k) < seqLen {
		return nil
	}
	diff := recordHash(k, new) - recordHash(k, old)
	seq := keySeq(k)
	if err := addTo(b, sumKey(seq, sumRecords), diff); err != nil {
		return err
	}
	switch defs, ref := sumGroup(kind, k); {
	case defs:
		return addTo(b, sumKey(seq, sumDefinitions), diff)
	case ref != nil:
		if rb := tx.Bucket(bucketRefSums); rb != nil {
			return addTo(rb, refSumKey(ref, seq), diff)
		}
	}
	return nil
}

// addTo adds diff to the sum at key k of b, where there is one (an import
// from before sums were kept has none).
func addTo(b *bolt.Bucket, k []byte, diff uint64) error {
	v := b.Get(k)
	if len(v) != 8 {
		return nil
	}
	return b.Put(k, binary.BigEndian.AppendUint64(nil, binary.BigEndian.Uint64(v)+diff))
}

func putSum(tx *bolt.Tx, seq uint64, what byte, sum uint64) error {
	b := tx.Bucket(bucketSums)
	if b == nil {
		return nil // a store opened before sums were kept, read-only
	}
	return b.Put(sumKey(seq, what), binary.BigEndian.AppendUint64(nil, sum))
}

// sumChecker adds up the records met, per import and per group (an
// import's definitions, and its records of each indicator), and checks
// them against the sums recorded. A nil *sumChecker adds nothing.
type sumChecker struct {
	totals []uint64 // by sequence number
	defs   []uint64 // by sequence number
	refs   map[string]uint64
	// whole is set when every record is read, so that each import's total
	// can be checked; ref, when set, is the one indicator (ref and NUL)
	// whose records are read, and nil with refs unset, none.
	whole  bool
	ref    []byte
	noRefs bool // the store keeps no indicators' sums (schema 1)
	// definitionsUnread says the definitions were not read, so their
	// sums are not checked.
	definitionsUnread bool
}

func newSumChecker(tx *bolt.Tx) *sumChecker {
	n := tx.Bucket(bucketImports).Sequence() + 1
	return &sumChecker{totals: make([]uint64, n), defs: make([]uint64, n), refs: map[string]uint64{}, whole: true}
}

// newPartialChecker checks the definitions and, when ref is not empty,
// that indicator's records.
func newPartialChecker(tx *bolt.Tx, ref string) *sumChecker {
	c := newSumChecker(tx)
	c.whole = false
	if ref != "" {
		c.ref = appendText(nil, ref)
	}
	return c
}

// sumGroup says which of an import's sums besides its total a record of
// kind with key k counts in: the definitions ('d'), or its indicator's,
// named by ref (its key's first text) with NUL; breakdowns, keyed by
// measure, count in the total alone.
func sumGroup(kind recordKind, k []byte) (defs bool, ref []byte) {
	switch kind {
	case kindIndicator:
		return true, nil
	case kindBreakdown:
		return false, nil
	}
	if i := bytes.IndexByte(k, 0); i >= 0 {
		return false, k[:i+1]
	}
	return false, nil
}

// refSumKey is an indicator's sum's key in bucketRefSums: its ref with NUL
// and the import's sequence number.
func refSumKey(ref []byte, seq uint64) []byte {
	return binary.BigEndian.AppendUint64(append([]byte(nil), ref...), seq)
}

func (c *sumChecker) add(kind recordKind, k, v []byte) {
	if c == nil || len(k) < seqLen {
		return // the loader reports the key
	}
	c.addHashed(kind, k, recordHash(k, v))
}

// sumBatch adds records of one kind to a sumChecker a batch at a time,
// hashing four at once (see recordHashes). Its records are valid until
// flush, which must follow the last.
type sumBatch struct {
	c    *sumChecker
	kind recordKind
	recs [][2][]byte
	hs   [64]uint64
}

func (b *sumBatch) add(k, v []byte) {
	if b.recs = append(b.recs, [2][]byte{k, v}); len(b.recs) == len(b.hs) {
		b.flush()
	}
}

func (b *sumBatch) flush() {
	recordHashes(b.hs[:len(b.recs)], func(j int) ([]byte, []byte) { return b.recs[j][0], b.recs[j][1] })
	for j, r := range b.recs {
		b.c.addHashed(b.kind, r[0], b.hs[j])
	}
	b.recs = b.recs[:0]
}

// addHashed is add of a record whose recordHash is h.
func (c *sumChecker) addHashed(kind recordKind, k []byte, h uint64) {
	if c == nil || len(k) < seqLen {
		return // the loader reports the key
	}
	seq := keySeq(k)
	if seq >= uint64(len(c.totals)) {
		return // the loader reports the unknown import
	}
	c.totals[seq] += h
	defs, ref := sumGroup(kind, k)
	switch {
	case defs:
		c.defs[seq] += h
	case ref != nil:
		c.refs[string(refSumKey(ref, seq))] += h
	}
}

// check compares the sums met with those recorded: every import's
// definitions', and its total where every record was read, for every
// import not undone (an undone import's records are gone); and each
// indicator's sums for the indicators read.
func (c *sumChecker) check(tx *bolt.Tx, path string) error {
	sums := tx.Bucket(bucketSums)
	if sums == nil {
		return nil
	}
	imports := tx.Bucket(bucketImports)
	err := sums.ForEach(func(k, v []byte) error {
		if len(k) != seqLen+1 || len(v) != 8 {
			return damaged(path, "a checksum record is unreadable")
		}
		seq, want := binary.BigEndian.Uint64(k), binary.BigEndian.Uint64(v)
		entry := imports.Get(k[:seqLen])
		if entry == nil {
			return damaged(path, "import %s has a checksum but no entry in the import log", importID(seq))
		}
		var got []uint64
		switch k[seqLen] {
		case sumImport:
			if fnv64a(entry) != want {
				return damaged(path, "the import log's entry for %s does not match its checksum", importID(seq))
			}
			return nil
		case sumRecords:
			if !c.whole {
				return nil
			}
			got = c.totals
		case sumDefinitions:
			if c.definitionsUnread {
				return nil
			}
			got = c.defs
		default:
			return nil
		}
		var rec struct{ Undone *time.Time }
		if err := json.Unmarshal(entry, &rec); err != nil {
			return damaged(path, "the import log's entry for %s is unreadable", importID(seq))
		}
		if rec.Undone != nil {
			return nil
		}
		var sum uint64
		if seq < uint64(len(got)) {
			sum = got[seq]
		}
		if sum != want {
			what := "figures"
			if k[seqLen] == sumDefinitions {
				what = "indicator definitions"
			}
			return damaged(path, "the %s of import %s do not match the checksum recorded when it was written", what, importID(seq))
		}
		return nil
	})
	if err != nil || c.noRefs || !c.whole && c.ref == nil {
		return err
	}
	return c.checkRefs(tx, path)
}

// checkRefs compares each indicator's sums, of the indicators read, with
// those recorded.
func (c *sumChecker) checkRefs(tx *bolt.Tx, path string) error {
	b := tx.Bucket(bucketRefSums)
	if b == nil {
		return damaged(path, "the %s bucket is missing", bucketRefSums)
	}
	seen := 0
	cur := b.Cursor()
	k, v := cur.First()
	if c.ref != nil {
		k, v = cur.Seek(c.ref)
	}
	for ; k != nil && bytes.HasPrefix(k, c.ref); k, v = cur.Next() {
		if len(k) <= seqLen || len(v) != 8 {
			return damaged(path, "an indicator's checksum record is unreadable")
		}
		got, ok := c.refs[string(k)]
		if ok {
			seen++
		}
		if got != binary.BigEndian.Uint64(v) {
			return damaged(path, "the figures of %s from import %s do not match the checksum recorded when it was written",
				keyName(k[:len(k)-seqLen]), importID(keySeq(k)))
		}
	}
	if seen != len(c.refs) {
		for k := range c.refs {
			if b.Get([]byte(k)) == nil {
				return damaged(path, "the figures of %s from import %s have no checksum", keyName([]byte(k[:len(k)-seqLen])), importID(keySeq([]byte(k))))
			}
		}
	}
	return nil
}

// verifySums reads every record and checks every import's sums.
func verifySums(tx *bolt.Tx, path string) error {
	return verifySumsIn(tx, path, kindBuckets, true)
}

// verifySumsIn is verifySums over the record buckets named, checking the
// indicators' sums when refs is set: a schema 1 store has other names and
// no indicators' sums.
func verifySumsIn(tx *bolt.Tx, path string, names [numKinds][]byte, refs bool) error {
	c := newSumChecker(tx)
	c.noRefs = !refs
	for kind, name := range names {
		b := tx.Bucket(name)
		if b == nil {
			if recordKind(kind) == kindChartSetting {
				continue // a store made before chart settings
			}
			return damaged(path, "the %s bucket is missing", name)
		}
		// Every automatic backup verifies the whole store.
		batch := sumBatch{c: c, kind: recordKind(kind)}
		cur := b.Cursor()
		for k, v := cur.First(); k != nil; k, v = cur.Next() {
			batch.add(k, v)
		}
		batch.flush()
	}
	return c.check(tx, path)
}
