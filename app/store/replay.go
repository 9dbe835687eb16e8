package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// Replayer is a Store whose history can be read out and written back
// import by import, exactly: what Copy needs to move a whole store between
// engines (a bbolt file to a team's PostgreSQL database and back) keeping
// every import's provenance, undone ones included.
type Replayer interface {
	Store
	// Dump calls imp with every import, oldest first, undone ones
	// included, and every record it holds now (restatements included;
	// an undone import holds none), then setting with every setting as
	// its stored JSON, all read from one consistent state of the store.
	Dump(imp func(rec app.Import, ds *app.Dataset) error, setting func(bucket, key string, value json.RawMessage) error) error
	// Replay records ds as import rec in a store whose last import is
	// the one before rec: the import keeps rec's ID, time, counts,
	// officer and machine, and, when rec is undone, is undone at once,
	// keeping rec's undo time and officer.
	Replay(rec app.Import, ds *app.Dataset) error
}

var _ Replayer = (*Bolt)(nil)

// Copy copies the whole of src into dst, which must hold no imports:
// every import in order with its provenance, then every setting. It then
// loads both and refuses the copy unless they are identical, so a copy
// that would change a figure, a revision or an import's provenance is an
// error rather than a silent difference.
func Copy(dst, src Replayer) error {
	have, err := dst.Imports()
	if err != nil {
		return fmt.Errorf("copy to %s: %w", dst.Path(), err)
	}
	if len(have) > 0 {
		return fmt.Errorf("copy to %s: it already holds %d imports; copy into a new store", dst.Path(), len(have))
	}
	dst.SetAutoBackups(0)
	err = src.Dump(func(rec app.Import, ds *app.Dataset) error {
		if err := dst.Replay(rec, ds); err != nil {
			return fmt.Errorf("import %s (%s): %w", rec.ID, rec.Source, err)
		}
		return nil
	}, func(bucket, key string, value json.RawMessage) error {
		return dst.Put(bucket, key, value)
	})
	if err != nil {
		return fmt.Errorf("copy %s to %s: %w", src.Path(), dst.Path(), err)
	}
	if err := CopyCirculations(dst, src); err != nil {
		return fmt.Errorf("copy %s to %s: %w", src.Path(), dst.Path(), err)
	}
	return Same(dst, src)
}

// Same reports, as an error naming the first difference found, whether a
// and b hold the same history: the same imports with the same provenance,
// and the same History loaded.
func Same(a, b Store) error {
	ia, err := a.Imports()
	if err != nil {
		return err
	}
	ib, err := b.Imports()
	if err != nil {
		return err
	}
	if len(ia) != len(ib) {
		return fmt.Errorf("%s holds %d imports but %s holds %d", a.Path(), len(ia), b.Path(), len(ib))
	}
	for i := range ia {
		if !reflect.DeepEqual(ia[i], ib[i]) {
			return fmt.Errorf("import %s differs between %s and %s", ia[i].ID, a.Path(), b.Path())
		}
	}
	ha, err := a.Load()
	if err != nil {
		return err
	}
	hb, err := b.Load()
	if err != nil {
		return err
	}
	if !sameCirculations(ha.Circulations, hb.Circulations) {
		return fmt.Errorf("%s and %s hold different circulations", a.Path(), b.Path())
	}
	ha.Circulations, hb.Circulations = nil, nil
	if !reflect.DeepEqual(ha, hb) {
		return fmt.Errorf("%s and %s load different histories", a.Path(), b.Path())
	}
	return nil
}

// Dump reads the store in one read transaction; see Replayer.
func (s *Bolt) Dump(imp func(rec app.Import, ds *app.Dataset) error, setting func(bucket, key string, value json.RawMessage) error) (err error) {
	defer faultsPanic()()
	defer guard(s.path, &err)
	return s.db.View(func(tx *bolt.Tx) error {
		var recs []app.Import
		var seqs []uint64
		sets := map[uint64]*app.Dataset{}
		err := tx.Bucket(bucketImports).ForEach(func(k, v []byte) error {
			var rec app.Import
			if err := json.Unmarshal(v, &rec); err != nil {
				return damaged(s.path, "the import log's entry for %s is unreadable", importID(binary.BigEndian.Uint64(k)))
			}
			seq := binary.BigEndian.Uint64(k)
			recs, seqs = append(recs, rec), append(seqs, seq)
			sets[seq] = &app.Dataset{}
			return nil
		})
		if err != nil {
			return err
		}
		of := func(k []byte) (*app.Dataset, error) {
			if len(k) <= seqLen {
				return nil, fmt.Errorf("record key %q: %w", k, errCorrupt)
			}
			ds, ok := sets[keySeq(k)]
			if !ok {
				return nil, fmt.Errorf("record written by unknown import %d: %w", keySeq(k), errCorrupt)
			}
			return ds, nil
		}
		type placed struct {
			pos uint32
			ind app.Indicator
		}
		inds := map[*app.Dataset][]placed{}
		d := newObservationDecoder()
		for kind := range numKinds {
			b := tx.Bucket(kindBuckets[kind])
			if b == nil {
				continue
			}
			err := b.ForEach(func(k, v []byte) error {
				ds, err := of(k)
				if err != nil {
					return err
				}
				if len(v) < 1 {
					return fmt.Errorf("%s %q: %w", kindBuckets[kind], k, errCorrupt)
				}
				switch kind {
				case kindIndicator:
					if len(v) < 1+indicatorPosLen {
						return fmt.Errorf("indicator %q: %w", k, errCorrupt)
					}
					var ind app.Indicator
					if err := json.Unmarshal(v[1+indicatorPosLen:], &ind); err != nil {
						return fmt.Errorf("indicator %q: %w", k, err)
					}
					inds[ds] = append(inds[ds], placed{binary.BigEndian.Uint32(v[1:]), ind})
				case kindObservation:
					// A block holds every figure the import gave of one
					// series, restatements included, so replaying them
					// rebuilds the same versions.
					r := keyReader{b: k}
					ref, area, split := r.text(), r.text(), r.text()
					r.seq()
					if r.bad {
						return fmt.Errorf("observation key %s: %w", obsKeyName(k), errCorrupt)
					}
					br := newBlockReader(v)
					for br.next() {
						o := app.Observation{Ref: string(ref), Area: app.Area(area), Split: app.Split(split)}
						br.e.observation(d, &o)
						ds.Observations = append(ds.Observations, o)
					}
					if br.bad {
						return fmt.Errorf("observation block %q: %w", k, errCorrupt)
					}
				case kindTarget:
					return appendJSON(v, &ds.Targets)
				case kindBenchmark:
					return appendJSON(v, &ds.Benchmarks)
				case kindBreakdown:
					return appendJSON(v, &ds.Breakdowns)
				case kindComment:
					return appendJSON(v, &ds.Comments)
				case kindChartSetting:
					return appendJSON(v, &ds.ChartSettings)
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		for ds, ps := range inds {
			slices.SortFunc(ps, func(a, b placed) int { return int(a.pos) - int(b.pos) })
			for _, p := range ps {
				ds.Indicators = append(ds.Indicators, p.ind)
			}
		}
		for i, rec := range recs {
			if err := imp(rec, sets[seqs[i]]); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketSettings).ForEach(func(name, v []byte) error {
			if v != nil {
				return nil
			}
			return tx.Bucket(bucketSettings).Bucket(name).ForEach(func(k, v []byte) error {
				return setting(string(name), string(k), json.RawMessage(v))
			})
		})
	})
}

// appendJSON decodes the tagged JSON record v onto the end of *list.
func appendJSON[T any](v []byte, list *[]T) error {
	var rec T
	if err := json.Unmarshal(v[1:], &rec); err != nil {
		return err
	}
	*list = append(*list, rec)
	return nil
}

// Replay records ds as import rec; see Replayer.
func (s *Bolt) Replay(rec app.Import, ds *app.Dataset) (err error) {
	have, err := s.Imports()
	if err != nil {
		return err
	}
	if want := importID(uint64(len(have) + 1)); rec.ID != want {
		return fmt.Errorf("replay %s: the store's next import is %s", rec.ID, want)
	}
	src := Source{Name: rec.Source, Kind: rec.Kind, SHA256: rec.SHA256, Note: rec.Note, Warnings: rec.Warnings}
	got, err := s.Import(src, ds)
	if err != nil {
		return err
	}
	if got.ID != rec.ID {
		return fmt.Errorf("replay %s: imported as %s", rec.ID, got.ID)
	}
	if rec.Undone != nil {
		if _, err := s.Undo(rec.ID); err != nil {
			return err
		}
	}
	seq, _ := parseImportID(rec.ID)
	defer faultsPanic()()
	defer guard(s.path, &err)
	return s.db.Update(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketImports).Get(seqKey(seq)) == nil {
			return errors.New("replayed import vanished")
		}
		return putImport(tx, seq, rec)
	})
}
