// Package store keeps Scorecard's history: every import as a snapshot that
// can be undone, observations versioned so that a revised figure keeps its
// earlier values, and the small settings the app remembers between runs.
// Callers use the Store interface; Bolt, in one bbolt file, is the
// embedded engine and the default.
//
// A Bolt is safe for use from several goroutines: each method runs in its
// own bbolt transaction, and bbolt serialises writers.
package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the layout of the buckets and records this package
// writes. A schema 1 store is upgraded (see migrate.go); a file holding
// another version is refused rather than misread.
const SchemaVersion = 2

// Errors callers tell apart with errors.Is.
var (
	// ErrInUse is returned by Open when another process (or another Open
	// in this one) holds the file, and by OpenReadOnly when a writer does.
	ErrInUse = errors.New("in use by another Scorecard (a window, or a command such as an import)")
	// ErrAlreadyImported is returned by Import for a file whose SHA-256
	// matches an import that has not been undone.
	ErrAlreadyImported = errors.New("already imported")
	// ErrNoImport is returned by Undo for an ID the store has never issued.
	ErrNoImport = errors.New("no such import")
	// ErrStale is returned by Import when another import or undo landed
	// after the import's definitions and targets were reviewed against
	// the store (Source.Basis): review them again and retry.
	ErrStale = errors.New("another import or undo changed the store while the file was read; read it again")
)

// lockTimeout bounds the wait for the file lock, so that a second copy of
// the app says the store is busy instead of hanging.
const lockTimeout = time.Second

// Bolt is a Scorecard store in one bbolt file, the embedded engine.
type Bolt struct {
	db   *bolt.DB
	path string
	keep int // automatic backups kept; see autoBackup

	changeMu sync.Mutex      // serialises a change with its automatic backup
	backedUp bool            // an automatic backup holds the store as it is now
	prepared *preparedBackup // the next automatic backup, being copied ahead
	// interrupted are when changes stopped before they finished began
	// (Interrupted).
	interrupted []time.Time

	markMu sync.Mutex
	marked bool // this Bolt has marked the file open (see keyOpen)

	// held is the schema 1 store, open to read, whose upgraded copy at
	// tmp this Bolt reads (see upgradedCopy); nil otherwise.
	held *bolt.DB
	tmp  string
	// copyDir holds the copy of a store another Scorecard held that this
	// Bolt reads (see OpenReading), removed on Close; "" otherwise.
	copyDir string
}

// Open opens or creates the store at path (creating parent directories).
// An existing file that is not a store, an empty one included, is refused
// and left as it was, except an empty file of the store's own name with
// no backups beside it, what an older Scorecard killed while creating a
// store left: that is replaced. No store is begun where automatic backups
// of one lie beside it (lostBesideBackups). A new store is laid out under a temporary name and then
// given its own, so a store is never seen half-created.
//
// A damaged store (a file cut short, a header page failing its checksum,
// a page bbolt's check rejects after an unclean close) is refused with a
// DamagedError naming the newest automatic backup, and left as it was.
// It waits at most about 1 s for the file lock; when another process holds
// it, it returns an error wrapping ErrInUse whose message reads: `<path> is
// in use by another Scorecard (a window, or a command such as an import)`.
// A file whose stored schema version differs returns an error naming both
// versions, except schema 1, which is upgraded: backed up beside the
// store, then rewritten in one transaction (see migrate.go).
func Open(path string) (*Bolt, error) { return OpenSized(path, 0) }

// OpenSized opens the store at path as Open does, mapping room more bytes
// than the file holds (see ImportRoom), so that an import of about that
// many bytes is written without bbolt remapping the file mid-transaction.
func OpenSized(path string, room int64) (*Bolt, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	// bbolt lays out a new database in an empty file, so a --db naming an
	// empty file the user made for something else would silently become a
	// store; only a file that does not yet exist is created.
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := lostBesideBackups(path, "does not exist"); err != nil {
			return nil, err
		}
		if err := create(path); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, fmt.Errorf("open store: %w", err)
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("%s is not a Scorecard store: it is not a regular file", path)
	case fi.Size() == 0:
		if err := lostBesideBackups(path, "is empty"); err != nil {
			return nil, err
		}
		if filepath.Base(path) != defaultName {
			return nil, notStore(path, "is empty: not a Scorecard store")
		}
		if err := os.Remove(path); err != nil {
			return nil, fmt.Errorf("replace the empty store %s: %w", path, err)
		}
		if err := create(path); err != nil {
			return nil, err
		}
	}
	mapped := mapSize(path, room)
	s, err := open(path, 0o600, &bolt.Options{Timeout: lockTimeout, InitialMmapSize: mapped})
	if err == nil {
		s.keep = DefaultAutoBackups
		s.interrupted = removeLeftovers(path, time.Now())
	}
	return s, err
}

// defaultName is the store's file name where the user has not chosen one.
const defaultName = "scorecard.db"

// CheckMissing returns, for a store at path whose file does not exist,
// the refusal to take it for one never made where automatic backups of a
// store there lie beside it, naming the newest and how to restore it;
// nil where there are none.
func CheckMissing(path string) error { return lostBesideBackups(path, "does not exist") }

// lostBesideBackups refuses to begin a new history at path, which does
// not exist or is empty (what), where automatic backups of a store there
// lie beside it: the store was moved, deleted or emptied (a sync client,
// a copy cut short), not never made, and a new one, opened as if
// nothing had been imported, was written over without a word, its
// backups pruned within five changes until none held the old history.
// The officer restores the newest, or moves the backups away to begin
// anew. nil where there are none.
func lostBesideBackups(path, what string) error {
	newest, _ := NewestBackup(path)
	if newest == "" {
		return nil
	}
	return &notStoreError{path: path, what: what + ", though automatic backups of a store there lie beside it",
		advice: restoreAdvice(path, newest) + ", or, to begin a new history there, move its backups (" + filepath.Base(path) + backupInfix + "*) elsewhere first"}
}

// OpenReadOnly opens the existing store at path to read it, for commands
// that only read (list, show, flags, export, imports, backup): it works on
// a file the user may only read, and it takes a shared lock, so several
// readers can read at once. Like Open it waits about 1 s and returns an
// error wrapping ErrInUse while a writer holds the file (and a writer
// cannot open it while a reader does). Methods that write return an error.
// A schema 1 store is read through an upgraded copy in the temporary
// directory, removed on Close; the file itself is upgraded only when
// opened to write (see migrate.go).
func OpenReadOnly(path string) (*Bolt, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a Scorecard store: it is not a regular file", path)
	}
	// bbolt would try to lay out a new database in an empty file, and
	// fail to write it through a read-only handle.
	if fi.Size() == 0 {
		if err := lostBesideBackups(path, "is empty"); err != nil {
			return nil, err
		}
		if filepath.Base(path) == defaultName {
			return nil, notStoreOr(path, "is empty: not a Scorecard store yet (an earlier import was stopped while creating it; the next import replaces it)", "")
		}
		return nil, notStore(path, "is empty: not a Scorecard store")
	}
	return open(path, 0, &bolt.Options{Timeout: lockTimeout, ReadOnly: true})
}

// open opens the bbolt file and checks or lays out its schema, turning
// bbolt's errors into the ones a user can act on. Before bbolt maps the
// file, a file cut short is refused (bbolt would fault reading past its
// end); once the lock is held, both header pages must pass their
// checksums, and after an unclean close every page must pass bbolt's
// check.
func open(path string, mode os.FileMode, opt *bolt.Options) (s *Bolt, err error) {
	defer faultsPanic()()
	var db *bolt.DB
	defer func() {
		if r := recover(); r != nil {
			err = damaged(path, "%s", unreadablePage(r))
		}
		if err != nil && db != nil {
			closeQuietly(db)
		}
	}()
	if err := checkFile(path, false); err != nil {
		return nil, err
	}
	// A file checkFile did not find cut short is not bbolt's at all if it
	// is too short to be; bbolt's own words for it mean nothing to a user.
	if fi, err := os.Stat(path); err == nil && fi.Size() > 0 && fi.Size() < minStoreSize {
		return nil, notStore(path, "is not a Scorecard store (too short to be one)")
	}
	db, err = bolt.Open(path, mode, opt)
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return nil, fmt.Errorf("%s is %w", path, ErrInUse)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrChecksum):
		return nil, notStore(path, "is not a Scorecard store (bbolt: "+err.Error()+")")
	case errors.Is(err, fs.ErrPermission) && !opt.ReadOnly:
		// A change opens the file to write; the folder's keeper grants it.
		return nil, fmt.Errorf("open store %s: %w", path, &writeError{what: "the store " + filepath.Base(path), where: filepath.Dir(path),
			cause: "no permission to write to it", outcome: "nothing was changed; ask whoever looks after the folder for write access (list, show and export only read it, and work)", err: err})
	case errors.Is(err, syscall.EROFS) && !opt.ReadOnly:
		// A write-protected stick, a share mounted read-only.
		return nil, fmt.Errorf("open store %s: %w", path, &writeError{what: "the store " + filepath.Base(path), where: filepath.Dir(path),
			cause: "the disk is read-only", outcome: "nothing was changed; copy the store to a folder you can write to and name it with --db (list, show and export only read it, and work here)", err: err})
	case err != nil:
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := checkFile(path, true); err != nil {
		return nil, err
	}
	if opt.InitialMmapSize > 0 {
		// Before prepare, which may upgrade the store: bbolt's default
		// would grow the file by 16 MiB past what the upgrade needs.
		db.AllocSize = allocSize(opt.InitialMmapSize)
	}
	s = &Bolt{db: db, path: path}
	err = s.prepare(opt.ReadOnly)
	if errors.Is(err, errSchema1) {
		return s.upgradedCopy()
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

// closeQuietly closes a database being abandoned because it is damaged,
// where closing may itself fail on a damaged page.
func closeQuietly(db *bolt.DB) {
	defer func() { recover() }()
	db.Close()
}

// prepare checks the schema version of an existing store, or lays out the
// buckets of a new one unless readOnly. It only writes when the file is
// new, so that opening a store to read it leaves the file untouched.
func (s *Bolt) prepare(readOnly bool) error {
	var empty bool
	var version int
	err := s.db.View(func(tx *bolt.Tx) error {
		// Before any bucket is read: the meta bucket itself is inline.
		if ok, err := inlineBucketsSound(tx); err != nil {
			return fmt.Errorf("open store %s: %w", s.path, err)
		} else if !ok {
			return damaged(s.path, "a record of a small table runs past the table's end")
		}
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			empty = tx.ForEach(func([]byte, *bolt.Bucket) error { return errStop }) == nil
			if !empty {
				return notStore(s.path, "is not a Scorecard store (it holds no schema version)")
			}
			return nil
		}
		v := meta.Get(keySchema)
		got, err := strconv.Atoi(string(v))
		if err != nil {
			return fmt.Errorf("%s: unreadable schema version %q", s.path, v)
		}
		if got != SchemaVersion && got != 1 {
			hint := "it was written by an older Scorecard"
			if got > SchemaVersion {
				hint = "it was written by a newer Scorecard; update this one"
			}
			return fmt.Errorf("%s has schema version %d but this Scorecard reads schema version %d: %s", s.path, got, SchemaVersion, hint)
		}
		version = got
		return nil
	})
	if err != nil {
		return err
	}
	if !empty {
		if err := s.markOpen(readOnly); err != nil {
			return err
		}
		switch {
		case version == SchemaVersion:
			return nil
		case readOnly:
			return errSchema1
		}
		return s.upgrade()
	}
	if readOnly {
		return notStore(s.path, "is not a Scorecard store (it holds no schema version)")
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		for _, name := range allBuckets() {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(SchemaVersion)))
	})
}

// errStop ends a bbolt ForEach early.
var errStop = errors.New("stop")

// Close marks the store closed cleanly and releases the file and its lock.
func (s *Bolt) Close() (err error) {
	defer guard(s.path, &err)
	s.markMu.Lock()
	if s.marked {
		s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyOpen, []byte{0}) })
		s.marked = false
	}
	s.markMu.Unlock()
	s.changeMu.Lock()
	s.prepared.discard()
	s.prepared = nil
	s.changeMu.Unlock()
	err = s.db.Close()
	if s.copyDir != "" {
		os.RemoveAll(s.copyDir)
	}
	if s.held != nil {
		os.Remove(s.tmp)
		if herr := s.held.Close(); err == nil {
			err = herr
		}
	}
	return err
}

// Path returns the file the store was opened from.
func (s *Bolt) Path() string { return s.path }

// Backup writes a consistent copy of the whole store while it is open: a
// read transaction sees one committed state however long the copy takes.
func (s *Bolt) Backup(w io.Writer) (n int64, err error) {
	defer faultsPanic()()
	defer guard(s.path, &err)
	err = s.db.View(func(tx *bolt.Tx) error {
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	if err != nil {
		return n, fmt.Errorf("back up %s: %w", s.path, err)
	}
	return n, nil
}

// BackupFile writes a copy of the store to path. It writes a temporary
// file beside path and renames it, so that path never holds half a copy.
// A file already at path is refused (ErrExists).
func (s *Bolt) BackupFile(path string) error { return s.backupFile(path, false) }

// backupFile is BackupFile, replacing a file at path when replace is set.
func (s *Bolt) backupFile(path string, replace bool) error {
	have, err := s.Imports()
	if err != nil {
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	if err := CheckBackupTarget(s.path, path, replace, have); err != nil {
		return err
	}
	replace = ReplaceChecked(path, replace)
	f, err := os.CreateTemp(filepath.Dir(path), ".scorecard-backup-*")
	if err != nil {
		return fmt.Errorf("back up to %s: %w", path, refusedWrite(err, "the backup", filepath.Dir(path), "nothing was written"))
	}
	tmp := f.Name()
	_, err = s.Backup(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = PlaceBackup(tmp, path, replace)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("back up to %s: %w", path, refusedWrite(err, "the backup", filepath.Dir(path), "nothing was written"))
	}
	return nil
}
