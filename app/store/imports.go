package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// Source describes a file being imported.
type Source struct {
	Name   string // the file name as the user gave it, or "edit"
	Kind   string // "workbook", "csv", "demo", "child-level", "edit"
	SHA256 string // the file's fingerprint; empty for an edit, which is never a repeat
	Note   string // the detected layout, or what an edit changed
	// Warnings is the importer's validation report, kept with the import.
	Warnings []app.Warning
	// Basis is the store's Basis when the import's definitions and
	// targets were reviewed against it (app.ReviewDefinitions,
	// app.ReviewTargets), or a retirement worked out from it; empty when
	// they were not. When it is set and the dataset holds what was
	// reviewed (Reviewed), Import refuses with
	// ErrStale if another import or undo has landed since: the review may
	// have let this file redefine an indicator, or drop a milestone,
	// without the warning it was owed.
	Basis string
}

// fillPercent is how full bbolt packs the pages it splits. Its default of
// a half suits random writes; an import writes keys in large sorted runs
// and most are never rewritten, so fuller pages keep the file small.
const fillPercent = 0.9

// testHookMidImport, when set, runs inside Import's transaction once half the
// observations are written. Tests use it to kill a process mid-import.
var testHookMidImport func()

// Import records ds as one snapshot, in one bbolt transaction, so that a
// crash or an error leaves the store as it was.
//
// Each record is versioned by what it is about: an observation by (ref,
// area, split, period), an indicator by ref, a target by (ref, year), a
// benchmark by (ref, period, group, model), a breakdown by (measure,
// period, area, split, dimension, category), a comment by (ref, area,
// period). A record that differs from its latest stored version adds a new
// version; one equal to it (for observations, app.Observation.SameFigures)
// adds nothing. When ds states one thing twice, the later statement stands.
//
// If src.SHA256 matches an import that is not undone, Import adds nothing
// and returns that import with an error wrapping ErrAlreadyImported. A
// change made in the app (Kind "edit") goes through the same path so that
// it can be undone. The returned record counts what was added, and names
// who made it and on which computer (Operator).
func (s *Bolt) Import(src Source, ds *app.Dataset) (rec app.Import, err error) {
	if ds == nil {
		ds = &app.Dataset{}
	}
	s.changeMu.Lock()
	defer s.changeMu.Unlock()
	defer faultsPanic()()
	defer guard(s.path, &err)
	officer, machine := Operator()
	// A file already imported changes nothing, so it is turned away before
	// the automatic backup: a repeat import must neither write the store
	// nor push a useful backup out of the rotation.
	if err := s.db.View(func(tx *bolt.Tx) error { return alreadyImported(tx, src, &rec) }); err != nil {
		return rec, err
	}
	// The figures' grouping by series and their reach are passes over
	// every figure that only read them: they are made while the store is
	// backed up and marked as changing, which wait mostly on the disk,
	// rather than after, on the path the officer waits on.
	grouped := make(chan groupedSeries, 1)
	go func() { grouped <- groupInBackground(ds.Observations) }()
	reach := make(chan []app.Period, 1)
	go func() { reach <- ds.Reach() }()
	if err := s.autoBackup(); err != nil {
		return rec, fmt.Errorf("import %s: %w", src.Name, err)
	}
	mark, marked := s.markingIn()
	err = s.updateKeepingSize(func(tx *bolt.Tx) error {
		if err := alreadyImported(tx, src, &rec); err != nil {
			return err
		}
		if err := mark(tx); err != nil {
			return fmt.Errorf("import %s: %s: %w", src.Name, s.path, err)
		}
		if err := checkBasis(tx, src, ds); err != nil {
			return err
		}
		imports := tx.Bucket(bucketImports)
		seq, err := imports.NextSequence()
		if err != nil {
			return fmt.Errorf("import %s: %w", src.Name, err)
		}
		rec = app.Import{
			Officer:  officer,
			Machine:  machine,
			ID:       importID(seq),
			Source:   src.Name,
			Kind:     src.Kind,
			SHA256:   src.SHA256,
			Time:     time.Now().UTC(),
			Note:     src.Note,
			Warnings: src.Warnings,
		}
		w := &snapshotWriter{tx: tx, seq: seq, grouped: grouped}
		err = w.write(ds, &rec.Counts)
		rec.Reach = <-reach
		if err != nil {
			return fmt.Errorf("import %s: %w", src.Name, err)
		}
		rec.Counts.Warnings = len(src.Warnings)
		if err := w.saveIndex(); err != nil {
			return fmt.Errorf("import %s: %w", src.Name, err)
		}
		if err := w.saveSums(); err != nil {
			return fmt.Errorf("import %s: %w", src.Name, err)
		}
		if src.SHA256 != "" {
			if err := tx.Bucket(bucketFiles).Put([]byte(src.SHA256), seqKey(seq)); err != nil {
				return fmt.Errorf("import %s: %w", src.Name, err)
			}
		}
		return putImport(tx, seq, rec)
	})
	if err == nil {
		marked()
		s.backedUp = false
		s.pruneBackups()
	}
	return rec, refusedWrite(err, "the store "+filepath.Base(s.path), filepath.Dir(s.path), "nothing was stored")
}

func readImport(tx *bolt.Tx, seq []byte) (app.Import, error) {
	var rec app.Import
	v := tx.Bucket(bucketImports).Get(seq)
	if v == nil {
		return rec, fmt.Errorf("import %s: %w", importID(binary.BigEndian.Uint64(seq)), ErrNoImport)
	}
	if err := json.Unmarshal(v, &rec); err != nil {
		return rec, fmt.Errorf("import %s: %w", importID(binary.BigEndian.Uint64(seq)), err)
	}
	return rec, nil
}

func putImport(tx *bolt.Tx, seq uint64, rec app.Import) error {
	v, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("import %s: %w", rec.ID, err)
	}
	if err := tx.Bucket(bucketImports).Put(seqKey(seq), v); err != nil {
		return err
	}
	return putSum(tx, seq, sumImport, fnv64a(v))
}

// Imports returns every import, oldest first, including undone ones (with
// Undone set).
func (s *Bolt) Imports() (recs []app.Import, err error) {
	defer faultsPanic()()
	defer guard(s.path, &err)
	err = s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketImports).ForEach(func(k, v []byte) error {
			var rec app.Import
			if err := json.Unmarshal(v, &rec); err != nil {
				return damaged(s.path, "the import log's entry for %s is unreadable", importID(binary.BigEndian.Uint64(k)))
			}
			recs = append(recs, rec)
			return nil
		})
	})
	return recs, err
}

// alreadyImported returns an error wrapping ErrAlreadyImported, and sets
// *rec to the earlier import, when src's SHA-256 matches an import that is
// not undone.
func alreadyImported(tx *bolt.Tx, src Source, rec *app.Import) error {
	if src.SHA256 == "" {
		return nil
	}
	seq := tx.Bucket(bucketFiles).Get([]byte(src.SHA256))
	if seq == nil {
		return nil
	}
	prev, err := readImport(tx, seq)
	if err != nil {
		return err
	}
	*rec = prev
	return fmt.Errorf("%s: %w as %s on %s", src.Name, ErrAlreadyImported, prev.ID, prev.Time.Format("2 Jan 2006 15:04 MST"))
}

// checkBasis refuses an import reviewed against the store as it was
// before another import or undo landed (see Source.Basis).
func checkBasis(tx *bolt.Tx, src Source, ds *app.Dataset) error {
	if src.Basis == "" || !Reviewed(ds) {
		return nil
	}
	h := app.NewHistory()
	if _, err := loadImports(tx, h); err != nil {
		return err
	}
	if Basis(h.Imports) != src.Basis {
		return fmt.Errorf("import %s: %w", src.Name, ErrStale)
	}
	return nil
}
