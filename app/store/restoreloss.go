package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"scorecard/app"
)

// RestoreLoss says, in one clause for a message, what restoring the backup
// at from over the store at path gives up: the imports and undos the store
// has that the backup does not, each to be made again after restoring. A
// backup is taken before a change, so the newest one lacks at least the
// change after it, and an officer who restores without being told loses
// those figures silently. Where the store's own list of imports cannot be
// read (it is damaged), it says what the backup holds and that any later
// import or undo is not in it; where another Scorecard holds the store,
// that it is in use rather than damaged. It is "" where the backup's list
// cannot be read either, or there is no store at path. It reads both
// files, so the store must not be open to write in this process.
func RestoreLoss(path, from string) string {
	if _, err := os.Stat(path); err != nil {
		return ""
	}
	held, err := importsIn(from)
	if err != nil {
		return ""
	}
	when := backupTime(from)
	holds := fmt.Sprintf("the backup of %s holds %s", when.Format("2 Jan 2006 15:04"), importRange(held))
	have, err := importsIn(path)
	if errors.Is(err, berrors.ErrTimeout) {
		// Another Scorecard holds it to write: it is not damaged, and
		// Restore refuses to replace it until that is closed.
		return holds + "; the store is " + ErrInUse.Error() + ", so what it has that the backup lacks cannot be read until that is closed"
	}
	if err != nil {
		return holds + "; the damaged store's own list of imports cannot be read, so any import or undo made at or after " +
			when.Format("15:04:05") + " is not in the backup: make it again after restoring (scorecard imports lists what the backup holds)"
	}
	inBackup := make(map[string]app.Import, len(held))
	for _, r := range held {
		inBackup[r.ID] = r
	}
	var again, undo []string
	for _, r := range have {
		b, held := inBackup[r.ID]
		// IDs are issued again after a restore: the backup's import of
		// the same ID may be another file, whose all-clear lost this
		// one's figures (QA24b D6).
		ok := held && (sameImport(r, b) || madeAgain(r, b))
		switch {
		case !ok && r.Undone == nil:
			what := fmt.Sprintf("%s (%s, %s)", r.ID, importSource(r), r.Time.Local().Format("2 Jan 15:04"))
			if held {
				// Else "holds imports I0001-I0002; I0002 ... is not in it"
				// reads as a contradiction (QA26b L1).
				what = fmt.Sprintf("the store's %s (%s, %s; the backup's %s is %s)", r.ID, importSource(r), r.Time.Local().Format("2 Jan 15:04"), b.ID, importSource(b))
			}
			again = append(again, what)
		case ok && r.Undone != nil && b.Undone == nil:
			undo = append(undo, fmt.Sprintf("the undo of %s (%s, %s)", r.ID, importSource(r), r.Undone.Local().Format("2 Jan 15:04")))
		}
	}
	if len(again) == 0 && len(undo) == 0 {
		return holds + ", every import and undo the store has"
	}
	var parts []string
	if len(again) > 0 {
		parts = append(parts, fmt.Sprintf("%s %s not in it: import %s again after restoring", strings.Join(again, ", "), isAre(len(again)), itThem(len(again))))
	}
	if len(undo) > 0 {
		parts = append(parts, fmt.Sprintf("%s %s not in it: undo %s again after restoring", strings.Join(undo, ", "), isAre(len(undo)), itThem(len(undo))))
	}
	return holds + "; " + strings.Join(parts, "; ")
}

// WithLoss returns err with what restoring the backup it offers gives up
// (RestoreLoss) added to its message, where err is a DamagedError naming
// a backup; otherwise err itself. Call it once the store is closed: it
// reads the damaged file itself, and a store held open to write in this
// process would make that wait and fail.
func WithLoss(err error) error {
	var d *DamagedError
	if !errors.As(err, &d) || d.Backup == "" {
		return err
	}
	loss := RestoreLoss(d.Path, d.Backup)
	if loss == "" {
		return err
	}
	return &lossError{err: err, loss: loss}
}

// lossError is a damage error with what restoring its backup gives up.
type lossError struct {
	err  error
	loss string
}

func (e *lossError) Error() string { return e.err.Error() + "; " + e.loss }
func (e *lossError) Unwrap() error { return e.err }

// importsIn reads the list of imports of the store file at path, which
// may be damaged: a fault reading it is an error, not a crash. It takes
// a shared lock like OpenReadOnly, and checks no record's checksum: what
// it reads only advises.
func importsIn(path string) (recs []app.Import, err error) {
	defer faultsPanic()()
	defer func() {
		if r := recover(); r != nil {
			recs, err = nil, fmt.Errorf("%s: %s", path, unreadablePage(r))
		}
	}()
	if fi, err := os.Stat(path); err != nil || fi.Size() < minStoreSize {
		return nil, fmt.Errorf("%s: not a store", path)
	}
	db, err := bolt.Open(path, 0, &bolt.Options{Timeout: lockTimeout, ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketImports)
		if b == nil {
			return errors.New("no list of imports")
		}
		return b.ForEach(func(k, v []byte) error {
			var rec app.Import
			if err := json.Unmarshal(v, &rec); err != nil {
				return err
			}
			recs = append(recs, rec)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return recs, nil
}

// backupTime is when the backup at path was taken: the time in an
// automatic backup's name, else the file's modification time.
func backupTime(path string) time.Time {
	name := filepath.Base(path)
	if i := strings.LastIndex(name, backupInfix); i >= 0 {
		stamp := name[i+len(backupInfix):]
		if len(stamp) >= len(backupTimeLayout) {
			if t, err := time.ParseInLocation(backupTimeLayout, stamp[:len(backupTimeLayout)], time.Local); err == nil {
				return t
			}
		}
	}
	if fi, err := os.Stat(path); err == nil {
		return fi.ModTime()
	}
	return time.Time{}
}

// importRange names the imports recs holds: "imports I0001-I0003" (IDs
// are issued in order and an undone import keeps its entry, so they run
// without a gap), "import I0001" or "no imports".
func importRange(recs []app.Import) string {
	switch len(recs) {
	case 0:
		return "no imports"
	case 1:
		return "import " + recs[0].ID
	}
	return "imports " + recs[0].ID + "-" + recs[len(recs)-1].ID
}

// importSource names what an import came from: its file, or for an edit
// what it changed.
func importSource(r app.Import) string {
	if r.Source == "edit" && r.Note != "" {
		return "edit: " + r.Note
	}
	return r.Source
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func itThem(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}
