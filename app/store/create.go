package store

// Laying out a new store, and clearing what a process stopped while
// laying one out, or while copying a backup, left beside it.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// create lays out a new store under a temporary name beside path and
// then links it to path, so that path never names a store half laid out
// (a kill during the very first import once left an empty file for good).
// Another process creating the same store at the same moment wins: its
// store is kept.
func create(path string) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+creatingInfix+"*")
	if err != nil {
		return fmt.Errorf("create store %s: %w", path, refusedWrite(err, "a new store", filepath.Dir(path), "nothing was created"))
	}
	tmp := f.Name()
	f.Close()
	defer os.Remove(tmp)
	// Nothing names the file but its temporary name until it is linked,
	// so a crash before then leaves no store, only that file: its layout
	// is written unsynced and synced once, whole, before the link, not
	// at each of bbolt's steps (four syncs, which a first import waited
	// on, up to 50 ms on a cold disk).
	s, err := open(tmp, 0o600, &bolt.Options{Timeout: lockTimeout, PageSize: newStorePageSize, NoSync: true, NoGrowSync: true})
	if err != nil {
		return fmt.Errorf("create store %s: %w", path, err)
	}
	err = s.db.Sync()
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("create store %s: %w", path, err)
	}
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil
		}
		// A file system without hard links (FAT, some shares).
		if err := os.Rename(tmp, path); err != nil {
			return fmt.Errorf("create store %s: %w", path, err)
		}
	}
	return nil
}

// createdWithin is how long a store's layout under its temporary name
// (create) may take: it takes milliseconds, so a temporary file older
// than this was left by a Scorecard stopped while creating the store.
const createdWithin = 10 * time.Minute

// removeLeftovers removes, from beside the store at path, the temporary
// files a process stopped part way left there, in one reading of the
// folder:
//   - an automatic backup's, copied under a temporary name (see
//     PrepareBackup): the store's exclusive lock is held, so no other
//     process is copying one;
//   - a new store's, laid out under a temporary name (create): only an
//     old one, since another process creating the same store at this
//     moment, which loses the race to name it, still needs its own.
func removeLeftovers(path string, now time.Time) (interrupted []time.Time) {
	dir, name := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	backup, creating := "."+name+backupInfix, "."+name+creatingInfix
	for _, e := range entries {
		n := e.Name()
		if !e.Type().IsRegular() {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		left := strings.HasPrefix(n, backup) && strings.Contains(n, ".tmp-")
		if left {
			interrupted = append(interrupted, fi.ModTime())
		}
		if strings.HasPrefix(n, creating) {
			left = now.Sub(fi.ModTime()) > createdWithin
		}
		if left {
			os.Remove(filepath.Join(dir, n))
		}
	}
	slices.SortFunc(interrupted, time.Time.Compare)
	return interrupted
}

// Interrupted returns when each change to the store (an import, an undo)
// that was stopped before it finished began, as found on opening it to
// write: each left its automatic backup's copy half made, which Open
// removed. Nothing of such a change was stored (a change lands whole or
// not at all), but nothing else told the officer it had not been made,
// a window closed or a command killed mid-way.
func (s *Bolt) Interrupted() []time.Time { return s.interrupted }

// creatingInfix marks a new store's temporary name: "." + its name +
// creatingInfix + a random number.
const creatingInfix = ".creating-"

// newStorePageSize is the bbolt page size a new store is laid out with.
// bbolt writes a commit's pages one system call each, and a series block
// is over a kilobyte, two or three to a 4 KiB page (the system's, bbolt's
// default): a large import into a new store was 500 writes, a third of
// its commit's time. At 16 KiB it is 125, the pages fuller. A store keeps
// the page size it was made with (bbolt reads it from the file), so
// stores made before, and by other builds, open as ever.
const newStorePageSize = 16 << 10
