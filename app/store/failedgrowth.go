package store

import (
	"errors"
	"os"

	bolt "go.etcd.io/bbolt"
)

// bbolt makes room for a commit by growing the file (a truncate upwards,
// sparse, that a full disk does not refuse) before it writes the commit's
// pages. A commit the disk then refuses is rolled back, the store as it
// was, but the file stays grown: an import refused on a 3 MB disk left a
// 262 KB store at an apparent 46 MB (QA32 8). Officers copy the store by
// hand, as the one file "Where your data lives" tells them it is, and a
// store grown on a full disk looks like the cause, and copies as 46 MB.

// errKeepSize rolls back the transaction that gives the file its size
// back: it has nothing to commit.
var errKeepSize = errors.New("size given back")

// updateKeepingSize runs fn in a write transaction, as db.Update does, and
// when the write fails gives the file back the size it had before, so
// that a refused change leaves the file as it was, in size too.
func (s *Bolt) updateKeepingSize(fn func(*bolt.Tx) error) error {
	var before int64 = -1
	if fi, err := os.Stat(s.path); err == nil {
		before = fi.Size()
	}
	err := s.db.Update(fn)
	if err != nil && before >= 0 {
		s.shrinkTo(before)
	}
	return err
}

// shrinkTo truncates the file back to size where it is larger, never
// below the end of the committed pages. It holds bbolt's writer lock
// while it does, in a transaction it rolls back, so that no commit of
// this process is writing past the end meanwhile (another process cannot
// be writing: the file lock is this one's). bbolt learns the file's size
// afresh before each commit grows it, so the next commit grows it again
// as it needs. On Windows a file mapped into memory cannot be made
// shorter and bbolt keeps it at the mapped size anyway; the truncate then
// fails and the file is left grown, the store whole.
func (s *Bolt) shrinkTo(size int64) {
	fi, err := os.Stat(s.path)
	if err != nil || fi.Size() <= size {
		return
	}
	s.db.Update(func(tx *bolt.Tx) error {
		os.Truncate(s.path, max(size, tx.Size()))
		return errKeepSize
	})
}
