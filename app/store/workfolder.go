package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// A store file copied whole (`scorecard copy --to FILE`) is written in a
// hidden work folder beside the file and renamed into place once proved,
// so the file never holds half a copy. A copy killed part way leaves its
// folder behind. The folder holds a lock file its copy keeps locked for as
// long as it runs; the operating system drops the lock when the process
// dies, however it dies, so a later copy can tell a leftover from a copy
// still being written, and clear only the leftover.
const (
	workFolderPrefix = ".scorecard-copy-"
	workLockName     = "copy.lock"
	// workLockGrace is how old a work folder's lock file must be before
	// an unheld lock proves the folder abandoned: a lock file younger than
	// this may be one its copy has made and is about to lock.
	workLockGrace = time.Minute
	// workLockWait bounds the wait to learn whether a lock is held.
	workLockWait = 100 * time.Millisecond
)

// WorkFolder is a hidden folder beside a store file being written, locked
// while it is in use (see NewWorkFolder).
type WorkFolder struct {
	dir  string
	lock *bolt.DB
}

// NewWorkFolder makes a work folder beside the file path and locks it
// until Remove.
func NewWorkFolder(path string) (*WorkFolder, error) {
	dir, err := os.MkdirTemp(filepath.Dir(path), workFolderPrefix+"*")
	if err != nil {
		return nil, err
	}
	// bbolt's file lock is the one the store's own files use, on every
	// system the app runs on; the lock file holds nothing else.
	lock, err := bolt.Open(filepath.Join(dir, workLockName), 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &WorkFolder{dir: dir, lock: lock}, nil
}

// Path returns the folder's path.
func (w *WorkFolder) Path() string { return w.dir }

// Remove unlocks the folder and removes it with whatever it holds.
func (w *WorkFolder) Remove() error {
	err := w.lock.Close()
	if rerr := os.RemoveAll(w.dir); err == nil {
		err = rerr
	}
	return err
}

// A WorkLeftover is a work folder a copy left behind.
type WorkLeftover struct {
	Path string
	// Written is when anything in it was last written: about when its
	// copy stopped, or, for one still running, how long since it wrote.
	Written time.Time
}

// noLockAfter is how long a work folder holding no lock file must have
// gone unwritten before it is taken for a leftover: its copy was killed
// before it made its lock, or it is an earlier version's, which made
// none. A running copy makes its lock at once, and an earlier version's
// writes its copy all along, so a day cannot be a running copy's.
const noLockAfter = 24 * time.Hour

// ClearWorkFolders removes the work folders beside the file path that
// copies killed part way left behind: those whose lock no process holds
// and has not held since the grace period, and those with no lock left
// unwritten for a day. It returns the folders removed, and those left
// because they may still be in use: locked, too young to tell, or
// without a lock and written lately, for the caller to name.
func ClearWorkFolders(path string, now time.Time) (removed, left []WorkLeftover) {
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		return nil, nil
	}
	for _, e := range entries {
		random, ok := strings.CutPrefix(e.Name(), workFolderPrefix)
		// Only a folder named as os.MkdirTemp names ours.
		if !e.IsDir() || !ok || random == "" || strings.Trim(random, "0123456789") != "" {
			continue
		}
		dir := filepath.Join(filepath.Dir(path), e.Name())
		f := WorkLeftover{Path: dir, Written: lastWritten(dir)}
		if !abandoned(dir, now) {
			left = append(left, f)
			continue
		}
		if err := os.RemoveAll(dir); err != nil {
			left = append(left, f)
			continue
		}
		removed = append(removed, f)
	}
	return removed, left
}

// abandoned reports whether the work folder dir is provably no copy's:
// its lock file is past the grace period and no process holds it, or it
// has none and nothing in it was written for noLockAfter.
func abandoned(dir string, now time.Time) (ok bool) {
	lockPath := filepath.Join(dir, workLockName)
	fi, err := os.Lstat(lockPath)
	if errors.Is(err, fs.ErrNotExist) {
		return now.Sub(lastWritten(dir)) > noLockAfter
	}
	if err != nil || !fi.Mode().IsRegular() || now.Sub(fi.ModTime()) < workLockGrace {
		return false
	}
	defer func() {
		if recover() != nil {
			ok = false // a lock file bbolt cannot read proves nothing
		}
	}()
	db, err := bolt.Open(lockPath, 0o600, &bolt.Options{Timeout: workLockWait})
	if err != nil {
		return false // held (a timeout), or not to be told
	}
	// Closed before the folder is removed: Windows removes no open file.
	return db.Close() == nil
}

// lastWritten is when the folder dir, or anything directly in it, was
// last written.
func lastWritten(dir string) time.Time {
	var last time.Time
	if fi, err := os.Lstat(dir); err == nil {
		last = fi.ModTime()
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if fi, err := e.Info(); err == nil && fi.ModTime().After(last) {
			last = fi.ModTime()
		}
	}
	return last
}
