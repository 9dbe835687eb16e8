package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// bucketCirculations holds the outputs recorded as circulated (seq ->
// JSON app.Circulation), appended and never changed. It is made by the
// first one recorded, without a schema bump: a store that lacks it has
// recorded none, and an older Scorecard passes over it.
var bucketCirculations = []byte("circulations")

// ErrEarlierSchema is returned by OpenCurrent for a store an earlier
// Scorecard wrote, which it leaves as it is.
var ErrEarlierSchema = errors.New("written by an earlier Scorecard; an import, an undo or the window upgrades it")

// OpenCurrent opens the store at path to write, as Open does, but
// refuses, untouched, a store of an earlier schema (ErrEarlierSchema),
// which Open would upgrade: recording that an output was circulated is
// no reason to rewrite a whole store that the reading commands leave as
// it is.
func OpenCurrent(path string) (*Bolt, error) {
	db, err := bolt.Open(path, 0, &bolt.Options{ReadOnly: true, Timeout: lockTimeout})
	if err != nil {
		return Open(path) // Open says what is wrong with it, in its words
	}
	var version int
	db.View(func(tx *bolt.Tx) error {
		if meta := tx.Bucket(bucketMeta); meta != nil {
			version, _ = strconv.Atoi(string(meta.Get(keySchema)))
		}
		return nil
	})
	if err := db.Close(); err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if version != 0 && version < SchemaVersion {
		return nil, fmt.Errorf("%s: %w", path, ErrEarlierSchema)
	}
	return Open(path)
}

// RecordCirculation appends c to the store's record of outputs
// circulated, numbering it (Seq) and saying who wrote it where the
// caller did not; it returns c as recorded. Nothing else in the store
// changes, and no automatic backup is made for it.
func (s *Bolt) RecordCirculation(c app.Circulation) (_ app.Circulation, err error) {
	defer guard(s.path, &err)
	if c.Officer == "" && c.Machine == "" {
		c.Officer, c.Machine = Operator()
	}
	s.changeMu.Lock()
	defer s.changeMu.Unlock()
	if err := s.markChanging(); err != nil {
		return c, fmt.Errorf("record the circulation: %w", err)
	}
	err = s.db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketCirculations)
		if err != nil {
			return err
		}
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		c.Seq = int(seq)
		data, err := json.Marshal(c)
		if err != nil {
			return err
		}
		return b.Put(seqKey(seq), data)
	})
	if err != nil {
		return c, fmt.Errorf("record the circulation in %s: %w", s.path, err)
	}
	// The latest automatic backup no longer holds the store as it is: the
	// next import's copies it again, record and all.
	s.backedUp = false
	return c, nil
}

// Circulations lists the outputs recorded as circulated, oldest first;
// none for a store that has recorded none.
func (s *Bolt) Circulations() (cs []app.Circulation, err error) {
	defer guard(s.path, &err)
	err = s.db.View(func(tx *bolt.Tx) error {
		cs, err = readCirculations(tx)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("circulations in %s: %w", s.path, err)
	}
	return cs, nil
}

// readCirculations reads the circulations bucket, if there is one.
func readCirculations(tx *bolt.Tx) ([]app.Circulation, error) {
	b := tx.Bucket(bucketCirculations)
	if b == nil {
		return nil, nil
	}
	var cs []app.Circulation
	err := b.ForEach(func(k, v []byte) error {
		var c app.Circulation
		if err := json.Unmarshal(v, &c); err != nil {
			return fmt.Errorf("circulation %x: %w", k, err)
		}
		cs = append(cs, c)
		return nil
	})
	return cs, err
}

// circulations reads the circulations recorded into the history, for
// what it says changed since figures were last circulated.
func (l *loader) circulations() (err error) {
	l.h.Circulations, err = readCirculations(l.tx)
	return err
}

// CopyCirculations appends every circulation src recorded to dst, in
// order, each as it was made (when, by whom, what it reflected): a copy
// or backup of a store keeps what was circulated from it.
func CopyCirculations(dst, src Store) error {
	cs, err := src.Circulations()
	if err != nil {
		return err
	}
	for _, c := range cs {
		if _, err := dst.RecordCirculation(c); err != nil {
			return err
		}
	}
	return nil
}

// sameCirculations reports whether a and b record the same outputs in
// the same order. Their numbers may differ: a team store's may skip one
// (a sequence's number is spent by an insert that failed), a copy's
// count from 1.
func sameCirculations(a, b []app.Circulation) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		x.Seq, y.Seq = 0, 0
		if !reflect.DeepEqual(x, y) {
			return false
		}
	}
	return true
}
