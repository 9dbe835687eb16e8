package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// Undo removes exactly what import id added (every observation version,
// indicator definition, target, benchmark, breakdown and comment it
// wrote), so that the versions before it are the latest again, and marks
// the import undone, by whom (Operator's officer). The file it read can
// then be imported afresh.
//
// A figure the import restated unchanged stays with the import that first
// gave it; one that a later import restated stays, from that import.
func (s *Bolt) Undo(id string) (rec app.Import, err error) {
	seq, ok := parseImportID(id)
	if !ok {
		return app.Import{}, fmt.Errorf("undo %q: %w (import IDs look like I0007)", id, ErrNoImport)
	}
	s.changeMu.Lock()
	defer s.changeMu.Unlock()
	defer faultsPanic()()
	defer guard(s.path, &err)
	if err := s.autoBackup(); err != nil {
		return rec, fmt.Errorf("undo %s: %w", id, err)
	}
	if err := s.markChanging(); err != nil {
		return rec, fmt.Errorf("undo %s: %w", id, refusedWrite(err, "the store "+filepath.Base(s.path), filepath.Dir(s.path), "nothing was changed"))
	}
	err = s.updateKeepingSize(func(tx *bolt.Tx) error {
		var err error
		if rec, err = readImport(tx, seqKey(seq)); err != nil {
			return err
		}
		if rec.Undone != nil {
			return fmt.Errorf("import %s (%s) was already undone on %s", rec.ID, rec.Source, rec.Undone.Format("2 Jan 2006 15:04 MST"))
		}
		idx := tx.Bucket(bucketWritten)
		for kind := range numKinds {
			wk := writtenKey(seq, kind)
			keys := idx.Get(wk)
			for len(keys) > 0 {
				n, w := binary.Uvarint(keys)
				if w <= 0 || uint64(len(keys)-w) < n {
					return fmt.Errorf("import %s: %s index: %w", rec.ID, kindBuckets[kind], errCorrupt)
				}
				remove := removeVersion
				if kind == kindObservation {
					remove = func(b *bolt.Bucket, _ recordKind, k []byte) error { return undoBlock(b, k) }
				}
				if err := remove(tx.Bucket(kindBuckets[kind]), kind, keys[w:w+int(n)]); err != nil {
					return fmt.Errorf("import %s: %w", rec.ID, err)
				}
				keys = keys[w+int(n):]
			}
			if err := idx.Delete(wk); err != nil {
				return fmt.Errorf("import %s: %w", rec.ID, err)
			}
		}
		if err := deleteRefSums(tx, seq); err != nil {
			return fmt.Errorf("import %s: %w", rec.ID, err)
		}
		files := tx.Bucket(bucketFiles)
		if rec.SHA256 != "" && bytes.Equal(files.Get([]byte(rec.SHA256)), seqKey(seq)) {
			if err := files.Delete([]byte(rec.SHA256)); err != nil {
				return fmt.Errorf("import %s: %w", rec.ID, err)
			}
		}
		now := time.Now().UTC()
		rec.Undone = &now
		rec.UndoneBy, _ = Operator()
		return putImport(tx, seq, rec)
	})
	if err == nil {
		s.backedUp = false
		s.pruneBackups()
	}
	return rec, refusedWrite(err, "the store "+filepath.Base(s.path), filepath.Dir(s.path), "nothing was changed")
}

// removeVersion deletes the version or restatement with key k, keeping
// the rule that a record's first value is a version, each later version
// differs from the one before, and each restatement repeats it: a
// restatement that follows a removed version becomes a version, and a
// version that now repeats the one before becomes a restatement.
func removeVersion(b *bolt.Bucket, kind recordKind, k []byte) error {
	v := b.Get(k)
	if v == nil {
		return fmt.Errorf("%s %q: %w", kindBuckets[kind], k, errCorrupt)
	}
	wasRestatement := isRestatement(v)
	if err := b.Delete(k); err != nil {
		return err
	}
	if wasRestatement {
		return nil
	}
	c := b.Cursor()
	nk, nv := c.Seek(k)
	if nk == nil || len(nk) != len(k) || !bytes.HasPrefix(nk, base(k)) {
		return nil
	}
	nk = bytes.Clone(nk)
	tag := tagVersion
	if !isRestatement(nv) {
		prev, ok := previousVersion(c, nk)
		if !ok || !versionRules[kind].same(prev, nv) {
			return nil
		}
		tag = tagRestatement
	}
	nv = bytes.Clone(nv)
	retagged := retag(nv, tag)
	if err := b.Put(nk, retagged); err != nil {
		return err
	}
	return adjustSum(b.Tx(), kind, nk, nv, retagged)
}

// deleteRefSums removes the indicators' sums of the import seq, whose
// records are gone.
func deleteRefSums(tx *bolt.Tx, seq uint64) error {
	b := tx.Bucket(bucketRefSums)
	if b == nil {
		return nil
	}
	var doomed [][]byte
	c := b.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if len(k) > seqLen && keySeq(k) == seq {
			doomed = append(doomed, bytes.Clone(k))
		}
	}
	for _, k := range doomed {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// undoBlock removes the block with key k, keeping the rule removeVersion
// keeps for each of its figures: for each period the block gave a version
// of, the next later statement of that period, in a later block, becomes a
// version if it was a restatement, and a restatement if it is a version
// that now repeats the version before the removed one.
func undoBlock(b *bolt.Bucket, k []byte) error {
	series := base(k)
	type block struct {
		k, v  []byte
		dirty bool
	}
	var blocks []block
	at := -1
	c := b.Cursor()
	for bk, bv := c.Seek(series); bk != nil && isBlockOf(bk, series); bk, bv = c.Next() {
		if bytes.Equal(bk, k) {
			at = len(blocks)
		}
		blocks = append(blocks, block{k: bytes.Clone(bk), v: bytes.Clone(bv)})
	}
	if at < 0 {
		return fmt.Errorf("%s %q: %w", kindBuckets[kindObservation], k, errCorrupt)
	}
	// What the removed block gave, and for each of its versions' periods,
	// the latest version before it and the next statement after it.
	type next struct {
		block, off int
		fig        figures
		restated   bool
	}
	gave := map[[periodLen]byte]bool{}
	r := newBlockReader(blocks[at].v)
	for r.next() {
		if !r.e.restatement() {
			gave[r.e.pkey] = true
		}
	}
	if r.bad {
		return fmt.Errorf("block %q: %w", k, errCorrupt)
	}
	before := map[[periodLen]byte]figures{}
	for _, bl := range blocks[:at] {
		r.reset(bl.v)
		for r.next() {
			if gave[r.e.pkey] && !r.e.restatement() {
				before[r.e.pkey] = r.e.figures()
			}
		}
		if r.bad {
			return fmt.Errorf("block %q: %w", bl.k, errCorrupt)
		}
	}
	after := map[[periodLen]byte]next{}
	for i := at + 1; i < len(blocks) && len(after) < len(gave); i++ {
		r.reset(blocks[i].v)
		for r.next() {
			if _, found := after[r.e.pkey]; gave[r.e.pkey] && !found {
				after[r.e.pkey] = next{block: i, off: r.e.off, fig: r.e.figures(), restated: r.e.restatement()}
			}
		}
		if r.bad {
			return fmt.Errorf("block %q: %w", blocks[i].k, errCorrupt)
		}
	}
	for p, n := range after {
		var flip bool
		if n.restated {
			flip = true // it repeated the version removed
		} else if prev, ok := before[p]; ok && restatesFigures(prev, n.fig) {
			flip = true
		}
		if flip {
			blocks[n.block].v[n.off] ^= entRestatement
			blocks[n.block].dirty = true
		}
	}
	if err := b.Delete(k); err != nil {
		return err
	}
	for _, bl := range blocks {
		if !bl.dirty {
			continue
		}
		old := b.Get(bl.k)
		if err := adjustSum(b.Tx(), kindObservation, bl.k, old, bl.v); err != nil {
			return err
		}
		if err := b.Put(bl.k, bl.v); err != nil {
			return err
		}
	}
	return nil
}
