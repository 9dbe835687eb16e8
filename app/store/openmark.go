package store

// The mark a writer leaves in the store while it has it open, by which
// the next to open it tells a store left mid-change.

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// keyOpen in the meta bucket is 1 from a writer's first change until it
// closes the store cleanly, when it is 0 again. A store found marked open
// that nobody holds was left by a process killed or a machine stopped
// mid-session: its pages are checked before it is trusted. The mark is
// set only before a change, so that a session that changes nothing (a
// refused import) leaves the file byte for byte as it was.
var keyOpen = []byte("open")

// markOpen checks the pages of a store not closed cleanly.
func (s *Bolt) markOpen(readOnly bool) error {
	var unclean bool
	s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketMeta).Get(keyOpen)
		unclean = len(v) == 1 && v[0] != 0
		return nil
	})
	if unclean {
		if err := s.checkPages(); err != nil {
			return err
		}
	}
	return nil
}

// markChanging marks the store open before this Bolt's first change,
// adding what an older Scorecard's store lacks: the checksum bucket.
func (s *Bolt) markChanging() error {
	s.markMu.Lock()
	defer s.markMu.Unlock()
	if s.marked {
		return nil
	}
	if err := s.db.Update(markIn); err != nil {
		return fmt.Errorf("%s: %w", s.path, err)
	}
	s.marked = true
	return nil
}

// markIn marks the store open in tx, as markChanging does in a
// transaction of its own.
func markIn(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bucketSums); err != nil {
		return err
	}
	return tx.Bucket(bucketMeta).Put(keyOpen, []byte{1})
}

// markingIn returns what a change's own transaction calls to mark the
// store open, where this Bolt has not marked it yet, and what the change
// calls once committed: an import marks the store in its own commit
// rather than in one before it, two syncs fewer. The mark is as safe
// there: a commit bbolt did not finish leaves the store as the commit
// before left it, closed cleanly or marked, and one it finished holds
// the mark.
func (s *Bolt) markingIn() (mark func(*bolt.Tx) error, committed func()) {
	s.markMu.Lock()
	defer s.markMu.Unlock()
	if s.marked {
		return func(*bolt.Tx) error { return nil }, func() {}
	}
	return markIn, func() {
		s.markMu.Lock()
		s.marked = true
		s.markMu.Unlock()
	}
}
