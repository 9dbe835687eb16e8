package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// copyAttempts bounds how often CopyFile copies a store's bytes again after
// a write raced the copy; copyRetryDelay spaces the attempts so that a
// commit in progress can finish.
const (
	copyAttempts   = 5
	copyRetryDelay = 200 * time.Millisecond
)

// CopyFile writes a consistent copy of the store file at path to out,
// whether or not another window or process has the store open: backup
// works while the store may be open. When the file can be opened to read,
// the copy is taken in one read transaction, as Backup does. When a writer
// holds it, CopyFile copies the file's bytes instead and proves the copy
// consistent by opening it, running bbolt's page check (Tx.Check) and
// loading it, and copies again, a few times, if a write raced it.
//
// Copying the bytes of a bbolt file that another process writes is safe to
// try because bbolt never overwrites a committed page in place: a commit
// writes its changed pages to free space, syncs them, and only then writes
// one of the file's two meta pages, alternately, each with a checksum. A
// copy therefore holds at least one meta page describing a whole committed
// state, unless a commit reused, during the copy, pages that state still
// points to; that case, and a torn meta page, is what the check finds and
// the retry cures. out is written beside itself and renamed, so it never
// holds half a copy or an unproved one.
func CopyFile(path, out string) error {
	if err := checkBackupTarget(path, out); err != nil {
		return err
	}
	s, err := OpenReadOnly(path)
	if err == nil {
		defer s.Close()
		return s.BackupFile(out)
	}
	if !errors.Is(err, ErrInUse) {
		return fmt.Errorf("back up: %w", err)
	}
	for attempt := 1; ; attempt++ {
		err = copyBytes(path, out)
		if err == nil || attempt == copyAttempts {
			break
		}
		time.Sleep(copyRetryDelay)
	}
	if err != nil {
		return fmt.Errorf("back up %s while it is open elsewhere: %d copies were not consistent: %w", path, copyAttempts, err)
	}
	return nil
}

// checkBackupTarget refuses to write a backup of the store at path over
// the store itself (by name, or by another name for the same file) or
// over a store another process holds: renaming a copy over a live store
// lost the imports being written to it and let a second writer past the
// lock.
func checkBackupTarget(path, out string) error {
	if same, _ := sameFile(path, out); same {
		return fmt.Errorf("back up %s: --out names the store itself; name a new file", path)
	}
	if fi, err := os.Stat(out); err == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("back up %s: %s is not a regular file", path, out)
		}
		if err := notInUse(out); errors.Is(err, ErrInUse) {
			return fmt.Errorf("back up %s: %s is a store open in another window of Scorecard; name a new file", path, out)
		}
	}
	return nil
}

// copyBytes copies the file at path to a temporary file beside out,
// checks the copy and renames it to out.
func copyBytes(path, out string) error {
	src, err := os.Open(path)
	if err != nil {
		return err
	}
	defer src.Close()
	f, err := os.CreateTemp(filepath.Dir(out), ".scorecard-backup-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = io.Copy(f, src)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = checkCopy(tmp)
	}
	if err == nil {
		err = os.Rename(tmp, out)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// checkCopy opens the copied store at path, checks every page and loads
// it. A copy torn by a racing write can hold pages bbolt would panic on,
// so a panic is reported as the copy's error.
func checkCopy(path string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("copy is inconsistent: %v", r)
		}
	}()
	s, err := OpenReadOnly(path)
	if err != nil {
		return err
	}
	defer s.Close()
	err = s.db.View(func(tx *bolt.Tx) error {
		var first error
		for err := range tx.Check() {
			if first == nil {
				first = err
			}
		}
		return first
	})
	if err != nil {
		return fmt.Errorf("copy fails bbolt's check: %w", err)
	}
	if _, err := s.Load(); err != nil {
		return fmt.Errorf("copy does not load: %w", err)
	}
	return nil
}
