package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// DefaultAutoBackups is how many automatic backups are kept beside a
// store: one is written before each import and undo, the oldest removed.
const DefaultAutoBackups = 5

// backupInfix joins a store's file name and the time in an automatic
// backup's name: scorecard.db.backup-20250314-093012.
const backupInfix = ".backup-"

const backupTimeLayout = "20060102-150405"

// Backups returns the automatic backups of the store at path, oldest
// first.
func Backups(path string) ([]string, error) {
	prefix, name := filepath.Split(path)
	dir := prefix
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if stamp, ok := strings.CutPrefix(n, name+backupInfix); ok && automatic(stamp) && e.Type().IsRegular() {
			names = append(names, n)
		}
	}
	// The names sort by time, a second's later copies by their suffix.
	slices.Sort(names)
	// The directory as path spells it, so that names compare with path's.
	for i, n := range names {
		names[i] = prefix + n
	}
	return names, nil
}

// automatic reports whether stamp, what follows a backup's infix, is
// one autoBackup writes: its time (backupTimeLayout), then any number of
// two-digit suffixes (bumpSuffix). The officer's own backup named beside
// the store ("scorecard.db.backup-2025-26-year-end") is not one: taken
// for one, it was pruned within five changes, and a name sorting after
// the times made the automatic backups' names its own, suffixed.
func automatic(stamp string) bool {
	if len(stamp) < len(backupTimeLayout) {
		return false
	}
	if _, err := time.Parse(backupTimeLayout, stamp[:len(backupTimeLayout)]); err != nil {
		return false
	}
	for rest := stamp[len(backupTimeLayout):]; rest != ""; rest = rest[3:] {
		if len(rest) < 3 || rest[0] != '-' || !isDigit(rest[1]) || !isDigit(rest[2]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// NewestBackup returns the newest automatic backup of the store at path,
// or "" when there is none.
func NewestBackup(path string) (string, error) {
	bs, err := Backups(path)
	if len(bs) == 0 {
		return "", err
	}
	return bs[len(bs)-1], nil
}

// SetAutoBackups sets how many automatic backups are kept; zero turns
// them off.
func (s *Bolt) SetAutoBackups(n int) { s.keep = n }

// autoBackup copies the store beside itself before a change, unless it
// holds no imports yet or has not changed since the last copy; the change
// removes the oldest copies beyond the number kept once it has landed
// (pruneBackups). It runs under the
// store's exclusive lock, and the copy is one read transaction's view, so
// it is consistent. A store whose records no longer match their checksums
// is not copied: its copy would push a sound backup out.
func (s *Bolt) autoBackup() (err error) {
	p := s.prepared
	s.prepared = nil
	if s.keep <= 0 || s.backedUp {
		p.discard()
		return nil
	}
	defer faultsPanic()()
	defer guard(s.path, &err)
	out := nextBackupName(s.path, time.Now())
	copied, err := p.take(s)
	if !copied {
		var tmp string
		tmp, _, err = s.copyBeside(out)
		if err == nil {
			if err = os.Rename(tmp, out); err != nil {
				os.Remove(tmp)
			}
		}
	} else if err == nil {
		err = os.Rename(p.tmp, out)
		if err != nil {
			os.Remove(p.tmp)
		}
	}
	if errors.Is(err, errNothingToBackUp) {
		return nil
	}
	if err != nil {
		if we := refusedWrite(err, "the automatic backup before the change", filepath.Dir(s.path), "nothing was changed"); we != err {
			return we
		}
		return fmt.Errorf("automatic backup before the change: %w", err)
	}
	s.backedUp = true
	return nil
}

// pruneBackups removes the oldest automatic backups beyond the number
// kept. It is called once a change has landed, not when its backup is
// made: the backup of an import that then failed, or was killed, holds
// the store as it still is, and pruning for it pushed out a backup of an
// earlier state, so that a run of failures left only copies of the
// store as it is and no way back.
func (s *Bolt) pruneBackups() {
	if s.keep <= 0 {
		return
	}
	bs, err := Backups(s.path)
	if err != nil {
		return // the change has landed; pruning waits for the next one
	}
	for len(bs) > s.keep {
		os.Remove(bs[0])
		bs = bs[1:]
	}
}

// copyBeside writes the store, as one read transaction sees it, to a
// synced temporary file beside the backup path out, and returns the file
// and the transaction's ID. A store holding no imports is not copied
// (errNothingToBackUp), nor one whose records no longer match their
// checksums.
func (s *Bolt) copyBeside(out string) (tmp string, txid int, err error) {
	defer faultsPanic()()
	defer guard(s.path, &err)
	err = s.db.View(func(tx *bolt.Tx) error {
		txid = tx.ID()
		if k, _ := tx.Bucket(bucketImports).Cursor().First(); k == nil {
			return errNothingToBackUp
		}
		if err := verifySums(tx, s.path); err != nil {
			return err
		}
		var err error
		tmp, err = writeTemp(out, func(w io.Writer) error {
			_, err := tx.WriteTo(w)
			return err
		})
		return err
	})
	return tmp, txid, err
}

// PrepareBackup starts, in the background, the automatic backup the next
// import will make, so that copying and syncing the store overlaps the
// reading of the file to import rather than following it: the import
// then only names the copy. The copy is used only if the store is still
// as it was copied when the import writes; otherwise, and for a change
// that is not an import, the backup is made then, as without it. Close
// removes a copy no import used.
func (s *Bolt) PrepareBackup() {
	s.changeMu.Lock()
	defer s.changeMu.Unlock()
	if s.keep <= 0 || s.backedUp || s.prepared != nil {
		return
	}
	p := &preparedBackup{done: make(chan struct{})}
	s.prepared = p
	// Named by path only for its folder: autoBackup names the backup when
	// it is taken, by the time then.
	out := nextBackupName(s.path, time.Now())
	go func() {
		defer close(p.done)
		p.tmp, p.txid, p.err = s.copyBeside(out)
	}()
}

// BackupPreparer is a store that copies its automatic backup ahead of an
// import (Bolt; a team store keeps no automatic backups).
type BackupPreparer interface{ PrepareBackup() }

// preparedBackup is a copy of the store made ahead of an import (see
// PrepareBackup).
type preparedBackup struct {
	done chan struct{}
	tmp  string // the synced copy, "" where none was written
	txid int    // the read transaction the copy is of
	err  error
}

// take waits for the copy and reports whether it holds the store as it
// is now, with the copy's own error (errNothingToBackUp for a store
// holding no imports); where it does not, the copy is removed.
func (p *preparedBackup) take(s *Bolt) (bool, error) {
	if p == nil {
		return false, nil
	}
	<-p.done
	var now int
	if err := s.db.View(func(tx *bolt.Tx) error { now = tx.ID(); return nil }); err != nil || now != p.txid {
		p.discard()
		return false, nil
	}
	return true, p.err
}

// discard waits for the copy and removes it.
func (p *preparedBackup) discard() {
	if p == nil {
		return
	}
	<-p.done
	if p.tmp != "" {
		os.Remove(p.tmp)
	}
}

// nextBackupName names a new automatic backup of the store at path: by
// the time, with a suffix where a backup of the same second exists, and
// always sorting after the newest backup (a pruned name is not reused,
// and a clock set back does not make the new backup look the oldest).
func nextBackupName(path string, now time.Time) string {
	newest, _ := NewestBackup(path)
	out := path + backupInfix + now.Format(backupTimeLayout)
	if out <= newest {
		out = newest
	}
	for {
		if _, err := os.Lstat(out); out > newest && errors.Is(err, os.ErrNotExist) {
			return out
		}
		out = bumpSuffix(out)
	}
}

// bumpSuffix returns the name sorting next after name among backups: its
// final two-digit suffix plus one, or name with "-01" added. A name so
// grows by three bytes a hundred backups within a second; counting on
// without bound ("-100" sorts before "-99") once grew it by three bytes a
// backup, until the file system refused the name.
func bumpSuffix(name string) string {
	i := strings.LastIndexByte(name, '-')
	if n, err := strconv.Atoi(name[i+1:]); err == nil && len(name)-i == 3 && n < 99 {
		return fmt.Sprintf("%s-%02d", name[:i], n+1)
	}
	return name + "-01"
}

var errNothingToBackUp = errors.New("nothing to back up")

// writeFileAtomic writes path through a temporary file beside it, synced
// and renamed, so that path never holds half a file.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := writeTemp(path, write)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// createTemp is os.CreateTemp, which tests make fail as a folder the
// officer may not write in, or a full disk, does.
var createTemp = os.CreateTemp

// writeTemp writes a temporary file beside path, synced, for the caller
// to rename to path; on failure it leaves none.
func writeTemp(path string, write func(io.Writer) error) (tmp string, err error) {
	f, err := createTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", err
	}
	tmp = f.Name()
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	return tmp, nil
}

// Restore replaces the store at path with the backup at from, after
// proving the backup sound (bbolt's page check, every checksum, a full
// load). The store it replaces, damaged or not, is kept beside it as
// path.replaced-TIME, and its name is returned ("" when there was none);
// the store file is replaced in one rename, so it is never missing.
// A store open in another window is not replaced: the error wraps
// ErrInUse.
func Restore(path, from string) (kept string, err error) {
	// A store reached through a link is restored where it is: renaming
	// the backup over the link replaced the link, said "restored", and
	// left the store every other window and command opens as it was.
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(path)
		if err != nil {
			return "", fmt.Errorf("restore %s: %w", path, err)
		}
		path = target
	}
	if same, _ := sameFile(path, from); same {
		return "", fmt.Errorf("restore %s: the backup named is the store itself", path)
	}
	// A name mistyped is not a damaged store: say that there is no such
	// file, not that it is unsound.
	if _, err := os.Stat(from); errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("restore from %s: there is no such file; nothing was changed; name a backup of the store to restore from (its automatic backups are %s.backup-*)", from, filepath.Base(path))
	}
	if err := checkCopy(from); err != nil {
		// The advice for a store opened with --db ("name another file
		// with --db") is not for the backup named (QA24b L3).
		if ns := (*notStoreError)(nil); errors.As(err, &ns) {
			return "", fmt.Errorf("restore from %s: %s %s; nothing was changed; name a backup of the store to restore from (its automatic backups are %s.backup-*)", from, ns.path, ns.what, filepath.Base(path))
		}
		return "", fmt.Errorf("restore from %s: not a sound Scorecard store: %w", from, err)
	}
	if err := notInUse(path); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", fmt.Errorf("restore %s: %w", path, err)
	}
	tmp := path + ".restoring"
	err = writeFileAtomic(tmp, func(w io.Writer) error {
		src, err := os.Open(from)
		if err != nil {
			return err
		}
		defer src.Close()
		_, err = io.Copy(w, src)
		return err
	})
	if err != nil {
		if we := refusedWrite(err, "the store restored", filepath.Dir(path), "nothing was changed; restore it where you can write, naming that store with --db"); we != err {
			return "", fmt.Errorf("restore %s from %s: %w", path, from, we)
		}
		return "", fmt.Errorf("restore %s from %s: %w", path, from, err)
	}
	// The store it replaces is kept by a second name (a hard link, or a
	// copy where the file system has none) and only then is the backup
	// renamed over it, in one step: renaming the store away first left a
	// moment with no store file, and a crash then would have had the
	// window start an empty store with the demo. os.Rename replaces an
	// existing file on Windows too, as writeFileAtomic relies on.
	if _, err := os.Lstat(path); err == nil {
		kept = path + ".replaced-" + time.Now().Format(backupTimeLayout)
		// A second restore within the second must not overwrite the first's.
		for _, err := os.Lstat(kept); err == nil; _, err = os.Lstat(kept) {
			kept = bumpSuffix(kept)
		}
		if err := keepBeside(path, kept); err != nil {
			os.Remove(tmp)
			return "", fmt.Errorf("restore %s: keep the store it replaces: %w", path, err)
		}
	}
	restoreKept()
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		if kept == "" {
			return "", fmt.Errorf("restore %s: %w", path, err)
		}
		return kept, fmt.Errorf("restore %s: %w (the store is as it was, and kept as %s too)", path, err, kept)
	}
	return kept, nil
}

// restoreKept is called by Restore once the store it replaces is kept
// and before the backup is put in its place; tests stop there to see that
// the store file is never missing.
var restoreKept = func() {}

// keepBeside gives the file at path the second name kept: a hard link,
// or, on a file system without them, a synced copy.
func keepBeside(path, kept string) error {
	if err := os.Link(path, kept); err == nil {
		return nil
	} else if errors.Is(err, os.ErrExist) {
		return err
	}
	return writeFileAtomic(kept, func(w io.Writer) error {
		src, err := os.Open(path)
		if err != nil {
			return err
		}
		defer src.Close()
		_, err = io.Copy(w, src)
		return err
	})
}

// notInUse reports ErrInUse when another process or window holds the
// store at path. A damaged file is not opened by bbolt at all: no window
// can have it open, since every open checks it first.
func notInUse(path string) (err error) {
	if _, err := os.Stat(path); err != nil {
		return nil
	}
	if checkFile(path, false) != nil {
		return nil
	}
	defer faultsPanic()()
	defer func() {
		if recover() != nil {
			err = nil
		}
	}()
	db, err := bolt.Open(path, 0, &bolt.Options{Timeout: lockTimeout, ReadOnly: true})
	if errors.Is(err, berrors.ErrTimeout) {
		return fmt.Errorf("%s is %w; close it, or let it finish, first", path, ErrInUse)
	}
	if err == nil {
		db.Close()
	}
	return nil
}

// sameFile reports whether a and b name one file: the same path, or two
// names (a link, another spelling) for one file on disk.
func sameFile(a, b string) (bool, error) {
	if aa, err := filepath.Abs(a); err == nil {
		if bb, err := filepath.Abs(b); err == nil && aa == bb {
			return true, nil
		}
	}
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}
