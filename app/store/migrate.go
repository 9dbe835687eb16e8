package store

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// Schema 1 kept a key per figure version (observationKey, its value
// encodeObservation's), and listed every one again in the import's
// written index; schema 2 keeps a block per series per import (block.go),
// lists the blocks, and keeps each indicator's checksums. Opening a
// schema 1 store to write upgrades it: an automatic backup of it as it
// was, then the whole rewrite in one transaction, so that a crash leaves
// the schema 1 store as it was. Opening one to read upgrades a copy in
// the temporary directory and reads that, leaving the file untouched.

// errSchema1 is what prepare says of a schema 1 store opened read-only.
var errSchema1 = errors.New("schema 1")

// upgrade backs up the schema 1 store and rewrites it as schema 2. A
// store whose records fail their checksums is neither backed up (the copy
// would become the newest backup, the one a user is told to restore) nor
// changed.
func (s *Bolt) upgrade() error {
	out := nextBackupName(s.path, time.Now())
	err := s.db.View(func(tx *bolt.Tx) error {
		if err := verifySumsIn(tx, s.path, schema1Buckets, false); err != nil {
			return err
		}
		return writeFileAtomic(out, func(w io.Writer) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
	var d *DamagedError
	if errors.As(err, &d) {
		return err
	}
	if err != nil {
		return fmt.Errorf("%s: upgrade from schema 1: automatic backup before it: %w", s.path, err)
	}
	if err := s.markChanging(); err != nil {
		return err
	}
	if err := s.db.Update(func(tx *bolt.Tx) error { return migrate(tx, s.path) }); err != nil {
		return fmt.Errorf("upgrade from schema 1 (nothing was changed; the store as it was is also kept as %s): %w", out, err)
	}
	// The backup holds the history the store holds: the next change
	// need not copy it again.
	s.backedUp = true
	return nil
}

// upgradedCopy returns a Bolt reading a schema 2 copy of the schema 1
// store s holds open read-only, which it keeps open (and so locked
// against writers) until the copy is closed.
func (s *Bolt) upgradedCopy() (*Bolt, error) {
	f, err := os.CreateTemp("", "scorecard-upgraded-*.db")
	if err != nil {
		return nil, fmt.Errorf("%s: read a schema 1 store: %w", s.path, err)
	}
	tmp := f.Name()
	err = s.db.View(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(f)
		return err
	})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	var db *bolt.DB
	if err == nil {
		db, err = bolt.Open(tmp, 0o600, &bolt.Options{Timeout: lockTimeout})
	}
	if err == nil {
		err = db.Update(func(tx *bolt.Tx) error { return migrate(tx, s.path) })
		if cerr := db.Close(); err == nil {
			err = cerr
		}
	}
	if err == nil {
		db, err = bolt.Open(tmp, 0, &bolt.Options{Timeout: lockTimeout, ReadOnly: true})
	}
	if err != nil {
		os.Remove(tmp)
		if d := (*DamagedError)(nil); errors.As(err, &d) {
			return nil, err
		}
		return nil, fmt.Errorf("%s: read a schema 1 store (open it once to write, with an import, to upgrade it): %w", s.path, err)
	}
	return &Bolt{db: db, path: s.path, held: s.db, tmp: tmp}, nil
}

// migrate rewrites a schema 1 store as schema 2 in tx, after proving its
// records against their checksums.
func migrate(tx *bolt.Tx, path string) error {
	if err := verifySumsIn(tx, path, schema1Buckets, false); err != nil {
		return err
	}
	old := tx.Bucket(schema1Buckets[kindObservation])
	if old == nil {
		return damaged(path, "the %s bucket is missing", schema1Buckets[kindObservation])
	}
	blocks, err := tx.CreateBucket(kindBuckets[kindObservation])
	if err != nil {
		return err
	}
	blocks.FillPercent = fillPercent
	written, err := rewriteObservations(old, blocks, path)
	if err != nil {
		return err
	}
	if err := tx.DeleteBucket(schema1Buckets[kindObservation]); err != nil {
		return err
	}
	idx := tx.Bucket(bucketWritten)
	var stale [][]byte
	idx.ForEach(func(k, _ []byte) error {
		if len(k) == seqLen+1 && recordKind(k[seqLen]) == kindObservation {
			stale = append(stale, bytes.Clone(k))
		}
		return nil
	})
	for _, k := range stale {
		if err := idx.Delete(k); err != nil {
			return err
		}
	}
	for seq, keys := range written {
		if err := idx.Put(writtenKey(seq, kindObservation), keys); err != nil {
			return err
		}
	}
	if _, err := tx.CreateBucketIfNotExists(bucketSums); err != nil {
		return err
	}
	if _, err := tx.CreateBucketIfNotExists(bucketRefSums); err != nil {
		return err
	}
	if err := resum(tx); err != nil {
		return err
	}
	return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(SchemaVersion)))
}

// rewriteObservations writes the versions in old, schema 1's bucket, as
// blocks in blocks, and returns each import's list of blocks for its
// written index.
func rewriteObservations(old, blocks *bolt.Bucket, path string) (map[uint64][]byte, error) {
	type stated struct {
		seq      uint64
		o        app.Observation
		restated bool
	}
	written := map[uint64][]byte{}
	d := newObservationDecoder()
	var (
		series []byte
		group  []stated
		enc    blockEncoder
	)
	flush := func() error {
		// The versions come by period then import: by import, each
		// import's stay in period order.
		slices.SortStableFunc(group, func(a, b stated) int { return cmp.Compare(a.seq, b.seq) })
		for i := 0; i < len(group); {
			enc = blockEncoder{b: enc.b[:0]}
			j := i
			for ; j < len(group) && group[j].seq == group[i].seq; j++ {
				enc.add(&group[j].o, group[j].restated)
			}
			k := binary.BigEndian.AppendUint64(bytes.Clone(series), group[i].seq)
			if err := blocks.Put(k, bytes.Clone(enc.b)); err != nil {
				return err
			}
			ks := written[group[i].seq]
			ks = binary.AppendUvarint(ks, uint64(len(k)))
			written[group[i].seq] = append(ks, k...)
			i = j
		}
		group = group[:0]
		return nil
	}
	c := old.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		r := keyReader{b: k}
		r.text()
		r.text()
		r.text()
		s := k[:len(k)-len(r.b)]
		p := r.period()
		seq := r.seq()
		if r.bad || len(v) < 1 {
			return nil, damaged(path, "observation key %s is unreadable", obsKeyName(k))
		}
		if !bytes.Equal(s, series) {
			if err := flush(); err != nil {
				return nil, err
			}
			series = bytes.Clone(s)
		}
		st := stated{seq: seq, restated: isRestatement(v)}
		st.o.Period = p
		if err := d.decode(v[1:], &st.o); err != nil {
			return nil, damaged(path, "observation %q is unreadable", k)
		}
		group = append(group, st)
	}
	return written, flush()
}

// resum records every live import's sums afresh: its total, its
// definitions' and its indicators'.
func resum(tx *bolt.Tx) error {
	c := newSumChecker(tx)
	for kind, name := range kindBuckets {
		if b := tx.Bucket(name); b != nil {
			b.ForEach(func(k, v []byte) error {
				c.add(recordKind(kind), k, v)
				return nil
			})
		}
	}
	err := tx.Bucket(bucketImports).ForEach(func(k, v []byte) error {
		var rec struct{ Undone *time.Time }
		if err := json.Unmarshal(v, &rec); err != nil {
			return fmt.Errorf("import %s: %w", importID(binary.BigEndian.Uint64(k)), err)
		}
		seq := binary.BigEndian.Uint64(k)
		if rec.Undone != nil || seq >= uint64(len(c.totals)) {
			return nil
		}
		if err := putSum(tx, seq, sumRecords, c.totals[seq]); err != nil {
			return err
		}
		if err := putSum(tx, seq, sumImport, fnv64a(v)); err != nil {
			return err
		}
		return putSum(tx, seq, sumDefinitions, c.defs[seq])
	})
	if err != nil {
		return err
	}
	b := tx.Bucket(bucketRefSums)
	for k, sum := range c.refs {
		if err := b.Put([]byte(k), binary.BigEndian.AppendUint64(nil, sum)); err != nil {
			return err
		}
	}
	return nil
}
