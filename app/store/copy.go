package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"scorecard/app"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
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
//
// A file already at out is refused unless replace is set (ErrExists): a
// backup written the wrong way round, over the live store from an old
// backup, lost every import since with no word (QA23a D2).
func CopyFile(path, out string, replace bool) error {
	// The store's imports, where it can be read now, tell an earlier
	// backup of it at out, which is replaced as before.
	have, herr := importsIn(path)
	err := CheckBackupTarget(path, out, replace, have)
	// A window holding the store to write blocks reading its list here,
	// so a file at out cannot be told an earlier backup until the bytes
	// are copied: the nightly backup --out was refused whenever the
	// window was left open (QA24b D1). The proved copy's own list then
	// decides, before it is placed.
	recheck := err != nil && errors.Is(err, ErrExists) && errors.Is(herr, berrors.ErrTimeout)
	if err != nil && !recheck {
		return err
	}
	if !recheck {
		replace = ReplaceChecked(out, replace)
		s, oerr := OpenReadOnly(path)
		if oerr == nil {
			defer s.Close()
			return s.backupFile(out, replace)
		}
		if !errors.Is(oerr, ErrInUse) {
			return fmt.Errorf("back up: %w", oerr)
		}
	}
	for attempt := 1; ; attempt++ {
		err = copyBytes(path, out, replace, recheck)
		var exists existsErr
		if errors.As(err, &exists) {
			return err
		}
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

// ErrExists is the error, wrapped, of a backup refused because its file
// is already there and replacing it was not asked for.
var ErrExists = errors.New("the file already exists")

// existsErr is ErrExists saying, in full, which file and what to do.
type existsErr struct{ msg string }

func (e existsErr) Error() string        { return e.msg }
func (e existsErr) Is(target error) bool { return target == ErrExists }

// CheckBackupTarget refuses to write a backup of the store at path (a
// file, or a team store's name) over
// the store itself (by name, or by another name for the same file) or
// over a store another process holds: renaming a copy over a live store
// lost the imports being written to it and let a second writer past the
// lock. Any other file already at out is refused unless replace is set:
// out named by a slip (the store and a backup swapped, meaning to
// restore) lost the store it replaced, with no copy kept.
//
// A store at out whose every import the store at path holds too, made
// the same moment (or made again from the same file, madeAgain) (have lists path's imports; nil when not known), is an
// earlier backup of it: replaced, as the contract's `backup --out FILE`
// run again each night replaces its last copy, for nothing is lost. So
// is an empty file, as a script's mktemp makes.
func CheckBackupTarget(path, out string, replace bool, have []app.Import) error {
	if same, _ := sameFile(path, out); same {
		return fmt.Errorf("back up %s: --out names the store itself; name a new file", path)
	}
	fi, err := os.Lstat(out)
	if err != nil {
		return nil
	}
	if fi.Mode()&os.ModeSymlink != 0 {
		fi, err = os.Stat(out)
		if err != nil {
			return fmt.Errorf("back up %s: %s is a link to no file; name a new file", path, out)
		}
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("back up %s: %s is not a regular file", path, out)
	}
	if err := notInUse(out); errors.Is(err, ErrInUse) {
		return fmt.Errorf("back up %s: %s is a store in use by another Scorecard (a window, or a command such as an import); name a new file", path, out)
	}
	if !replace && fi.Size() > 0 && !earlierBackup(out, have) {
		return existsError(path, out, have)
	}
	return nil
}

// ReplaceChecked is replace, or whether a file is at out now that
// CheckBackupTarget has let it be replaced: the backup is then put in
// its place. A file appearing after the check is still refused.
func ReplaceChecked(out string, replace bool) bool {
	if replace {
		return true
	}
	_, err := os.Lstat(out)
	return err == nil
}

// earlierBackup reports whether the store at out holds only imports that
// have holds too, each made at the same moment (or made again from the
// same file): a copy of the same store taken before, whose replacing
// loses nothing.
func earlierBackup(out string, have []app.Import) bool {
	if have == nil || !isStoreFile(out) {
		return false
	}
	held, err := importsIn(out)
	if err != nil {
		return false
	}
	made := make(map[string]app.Import, len(have))
	for _, r := range have {
		made[r.ID] = r
	}
	for _, r := range held {
		m, ok := made[r.ID]
		if !ok || !sameImport(m, r) && !madeAgain(m, r) || r.Undone != nil && m.Undone == nil {
			return false
		}
	}
	return true
}

// existsError refuses a backup of the store at path to out, which is
// there already. A store at out is named by what it holds that the store
// lacks (have, when known): replacing it loses those. The restore it
// suggests is offered only as what the officer may have meant instead,
// for in a nightly backup to the same file it read as advice to put the
// live store over the backup (QA24b D1, D8).
func existsError(path, out string, have []app.Import) error {
	what := "a file"
	if isStoreFile(out) {
		what = "a Scorecard store" + lacking(out, have)
		// The likeliest slip: meaning to restore a backup over the store.
		what += "; name a new file, or give --force to replace it (if you meant instead to restore " + path +
			" over " + out + ", keeping it beside, use: scorecard --db " + out + " restore " + path + ")"
		return existsErr{fmt.Sprintf("back up %s: %s is already there, %s", path, out, what)}
	}
	return existsErr{fmt.Sprintf("back up %s: %s is already there, %s; name a new file, or give --force to replace it", path, out, what)}
}

// lacking says which imports the store at out holds that have does not
// (matched by ID, time and file, as IDs are issued again after a
// restore): " holding I0003 (m04.xlsx, 4 Dec 20:43), which the store
// does not", naming one made again from the same file as such. It is ""
// where either list is not known.
func lacking(out string, have []app.Import) string {
	held, err := importsIn(out)
	if have == nil || err != nil {
		return ""
	}
	made := make(map[string]app.Import, len(have))
	for _, r := range have {
		made[r.ID] = r
	}
	var lack []string
	for _, r := range held {
		m, ok := made[r.ID]
		if ok && (sameImport(m, r) || madeAgain(m, r)) && !(r.Undone != nil && m.Undone == nil) {
			continue
		}
		lack = append(lack, fmt.Sprintf("%s (%s, %s)", r.ID, importSource(r), r.Time.Local().Format("2 Jan 15:04")))
	}
	if len(lack) == 0 {
		return ""
	}
	const most = 5
	if len(lack) > most {
		lack = append(lack[:most], fmt.Sprintf("%d more", len(lack)-most))
	}
	return " holding " + strings.Join(lack, ", ") + ", which the store does not"
}

// madeAgain reports whether a is b made again under its ID from the same
// file (the same SHA-256): after a damaged store is restored, the imports
// the backup lacked are made again, and the nightly backup of the store
// holding the first making of them was refused every night since (QA24b
// D8). The file's figures are the store's again, so replacing it loses
// nothing.
func madeAgain(a, b app.Import) bool {
	return a.ID == b.ID && a.Source == b.Source && a.SHA256 != "" && a.SHA256 == b.SHA256
}

// sameImport reports whether a and b are records of the same import: the
// same ID, made at the same moment from the same source. IDs are issued
// again after a restore, so an ID alone does not name an import.
func sameImport(a, b app.Import) bool {
	return a.ID == b.ID && a.Time.Equal(b.Time) && a.Source == b.Source
}

// isStoreFile reports whether the file at path carries bbolt's magic, as
// a Scorecard store does.
func isStoreFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	return looksBolt(f)
}

// PlaceBackup moves the finished copy tmp to out, beside it. Unless
// replace is set it never writes over a file there: one that appeared
// since the backup was checked is refused (ErrExists), tmp removed.
func PlaceBackup(tmp, out string, replace bool) error {
	if replace {
		return os.Rename(tmp, out)
	}
	// A hard link is made only where no file is, so no file that
	// appeared meanwhile is replaced.
	err := os.Link(tmp, out)
	if errors.Is(err, os.ErrExist) {
		os.Remove(tmp)
		return existsErr{out + " is already there; name a new file, or give --force to replace it"}
	}
	if err != nil {
		// A file system without hard links: checked just before.
		if _, serr := os.Lstat(out); serr == nil {
			os.Remove(tmp)
			return existsErr{out + " is already there; name a new file, or give --force to replace it"}
		}
		return os.Rename(tmp, out)
	}
	return os.Remove(tmp)
}

// copyBytes copies the file at path to a temporary file beside out,
// checks the copy and moves it to out (PlaceBackup). With recheck, the
// file at out is first checked against the copy's own imports
// (CheckBackupTarget), the store's being unreadable while it is held.
func copyBytes(path, out string, replace, recheck bool) error {
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
	if err == nil && recheck {
		var have []app.Import
		if have, err = importsIn(tmp); err == nil {
			err = CheckBackupTarget(path, out, replace, have)
			replace = ReplaceChecked(out, replace)
		}
	}
	if err == nil {
		err = PlaceBackup(tmp, out, replace)
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
