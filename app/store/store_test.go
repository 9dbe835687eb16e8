package store

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

func writeFile(path string, data []byte) error { return os.WriteFile(path, data, 0o600) }

func openTemp(t testing.TB) *Bolt {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "data", "scorecard.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustImport(t testing.TB, s *Bolt, name string, ds *app.Dataset) app.Import {
	t.Helper()
	rec, err := s.Import(Source{Name: name, Kind: "workbook", SHA256: "sha-" + name}, ds)
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	return rec
}

func mustLoad(t testing.TB, s *Bolt) *app.History {
	t.Helper()
	h, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestRoundTrip imports every kind of record and checks that Load gives
// each back as it went in, tagged with the import.
func TestRoundTrip(t *testing.T) {
	cla := claDataset(t)
	mar := monthly(months(app.MonthOf(2025, 3), 3), 0)
	for _, tc := range []struct {
		name string
		ds   *app.Dataset
	}{
		{"DfE children looked after", cla},
		{"monthly scorecard", mar},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			warn := []app.Warning{{Location: app.Location{File: "x.xlsx", Sheet: "CIC", Cell: "H12"}, Message: "percentage above 100"}}
			rec, err := s.Import(Source{Name: "x.xlsx", Kind: "workbook", SHA256: "abc", Note: "KCC monthly", Warnings: warn}, tc.ds)
			if err != nil {
				t.Fatal(err)
			}
			want := app.Counts{Indicators: len(tc.ds.Indicators), Observations: len(tc.ds.Observations), Targets: len(tc.ds.Targets),
				Benchmarks: len(tc.ds.Benchmarks), Breakdowns: len(tc.ds.Breakdowns), Comments: len(tc.ds.Comments), Warnings: 1}
			if rec.ID != "I0001" || rec.Counts != want || rec.Source != "x.xlsx" || rec.Note != "KCC monthly" || rec.Time.IsZero() {
				t.Fatalf("import record = %+v, want ID I0001 and counts %+v", rec, want)
			}
			h := mustLoad(t, s)
			if !reflect.DeepEqual(h.Imports, []app.Import{rec}) {
				t.Errorf("History.Imports = %+v, want [%+v]", h.Imports, rec)
			}
			recs, err := s.Imports()
			if err != nil || !reflect.DeepEqual(recs, []app.Import{rec}) {
				t.Errorf("Imports() = %+v, %v", recs, err)
			}
			if got := h.Indicators(); !reflect.DeepEqual(got, tc.ds.Indicators) {
				t.Errorf("indicators:\n got %+v\nwant %+v", got, tc.ds.Indicators)
			}
			n := 0
			for _, k := range h.Keys() {
				for _, o := range h.Series(k) {
					n++
					if o.Import != rec.ID || o.Revision != 0 {
						t.Fatalf("%s %s: import %q revision %d", k, o.Period, o.Import, o.Revision)
					}
				}
			}
			if n != len(tc.ds.Observations) {
				t.Errorf("loaded %d observations, imported %d", n, len(tc.ds.Observations))
			}
			for _, o := range tc.ds.Observations {
				got, ok := h.Observation(o.Key(), o.Period)
				o.Import = rec.ID
				if !ok || !reflect.DeepEqual(got, o) {
					t.Fatalf("observation %s %s:\n got %+v\nwant %+v", o.Key(), o.Period, got, o)
				}
			}
			for _, want := range tc.ds.Targets {
				want.Import = rec.ID
				ind, _ := h.Indicator(want.Ref)
				got, ok := h.TargetFor(ind, want.Year.Add(0))
				if !ok || !reflect.DeepEqual(got, want) {
					t.Errorf("target %s %s: got %+v, want %+v", want.Ref, want.Year, got, want)
				}
			}
			var benchmarks []app.Benchmark
			for _, ind := range h.Indicators() {
				benchmarks = append(benchmarks, h.Benchmarks(ind.Ref)...)
			}
			if len(benchmarks) != len(tc.ds.Benchmarks) {
				t.Errorf("loaded %d benchmarks, imported %d", len(benchmarks), len(tc.ds.Benchmarks))
			}
			for _, want := range tc.ds.Benchmarks {
				want.Import = rec.ID
				if !slices.ContainsFunc(benchmarks, func(b app.Benchmark) bool { return reflect.DeepEqual(b, want) }) {
					t.Errorf("benchmark %+v not loaded", want)
				}
			}
			if len(h.Breakdowns()) != len(tc.ds.Breakdowns) {
				t.Errorf("loaded %d breakdowns, imported %d", len(h.Breakdowns()), len(tc.ds.Breakdowns))
			}
			for _, want := range tc.ds.Breakdowns {
				want.Import = rec.ID
				if !slices.Contains(h.Breakdowns(), want) {
					t.Errorf("breakdown %+v not loaded", want)
				}
			}
			for _, want := range tc.ds.Comments {
				want.Import = rec.ID
				if got, ok := h.Comment(want.Ref, want.Area, want.Period); !ok || got != want {
					t.Errorf("comment: got %+v, want %+v", got, want)
				}
			}
		})
	}
}

// TestRealFigures checks the figures members quote survive the store
// exactly: Kent's 1,896 children in care on 31 March 2025, rate 53 per
// 10,000, and England's 67 beside it.
func TestRealFigures(t *testing.T) {
	s := openTemp(t)
	mustImport(t, s, "cla.csv", claDataset(t))
	h := mustLoad(t, s)
	y2025 := app.Period{Kind: app.CalendarYear, Year: 2025}
	o, ok := h.Observation(app.SeriesKey{Ref: "CLA01", Area: app.Kent}, y2025)
	if !ok || *o.Numerator != 1896 || *o.Value != 53 || *o.Denominator != 355390 {
		t.Errorf("Kent CLA01 2025 = %+v, want 1896 of 355390, rate 53", o)
	}
	if s := h.Series(app.SeriesKey{Ref: "CLA01", Area: app.Kent}); len(s) != 5 || s[0].Period.Year != 2021 {
		t.Errorf("Kent CLA01 series = %s, want 2021 to 2025", showSeries(s))
	}
	bs := h.Benchmarks("CLA01")
	if len(bs) != 5 || bs[4].Period != y2025 || *bs[4].Value != 67 || bs[4].Group != "England" {
		t.Errorf("CLA01 benchmarks = %+v, want England 2025 rate 67 last of 5", bs)
	}
}

// TestRevision re-issues February with March's file: figures that moved
// are revisions, kept beside the latest; figures that did not move add
// nothing.
func TestRevision(t *testing.T) {
	s := openTemp(t)
	febData := monthly(months(app.MonthOf(2025, 2), 2), 0)
	feb := mustImport(t, s, "feb.xlsx", febData)
	k := app.SeriesKey{Ref: "CIC05", Area: app.Kent}
	var old app.Observation
	for _, o := range febData.Observations {
		if o.Key() == k && o.Period == app.MonthOf(2025, 2) {
			old = o
		}
	}
	// The re-issued file revises Kent's CIC05 for February: one more child
	// with three placements.
	ds := monthly(months(app.MonthOf(2025, 3), 3), 0)
	for i, o := range ds.Observations {
		if o.Key() == k && o.Period == app.MonthOf(2025, 2) {
			ds.Observations[i].Numerator = app.Float(*o.Numerator + 1)
			ds.Observations[i].Value = app.Float(app.RoundTo(100**ds.Observations[i].Numerator / *o.Denominator, 1))
		}
	}
	mar := mustImport(t, s, "mar.xlsx", ds)
	// March adds its own month for every series, one revision, and the
	// commentary and breakdowns dated March; targets and definitions are
	// unchanged.
	series := len(ds.Observations) / 3
	want := app.Counts{Observations: series + 1, Revisions: 1, Comments: 4, Breakdowns: 3}
	if mar.Counts != want {
		t.Errorf("March counts = %+v, want %+v", mar.Counts, want)
	}
	h := mustLoad(t, s)
	got, _ := h.Observation(k, app.MonthOf(2025, 2))
	if *got.Numerator != *old.Numerator+1 || got.Import != mar.ID || got.Revision != 1 {
		t.Errorf("latest February = %+v, want numerator %v from %s, revision 1", got, *old.Numerator+1, mar.ID)
	}
	revs := h.Revisions(k, app.MonthOf(2025, 2))
	old.Import = feb.ID
	if len(revs) != 1 || !reflect.DeepEqual(revs[0], old) {
		t.Errorf("revisions = %s, want the February file's figure", showSeries(revs))
	}
	if r := h.Revisions(k, app.MonthOf(2025, 1)); r != nil {
		t.Errorf("January was not revised but has revisions %s", showSeries(r))
	}
	if o, _ := h.Observation(k, app.MonthOf(2025, 1)); o.Import != feb.ID {
		t.Errorf("January, restated unchanged, is from %s; want the file that first gave it, %s", o.Import, feb.ID)
	}
}

// TestReimport: the same file again adds nothing and says when it was
// first imported; another file saying the same adds an import that adds
// no records.
func TestReimport(t *testing.T) {
	s := openTemp(t)
	ds := monthly(months(app.MonthOf(2025, 3), 6), 0)
	first := mustImport(t, s, "mar.xlsx", ds)
	before := mustLoad(t, s)

	rec, err := s.Import(Source{Name: "mar copy.xlsx", SHA256: "sha-mar.xlsx"}, ds)
	if !errors.Is(err, ErrAlreadyImported) || !reflect.DeepEqual(rec, first) {
		t.Fatalf("same file again: %+v, %v; want %s and ErrAlreadyImported", rec, err, first.ID)
	}
	if !strings.Contains(err.Error(), first.ID) {
		t.Errorf("error %q does not name %s", err, first.ID)
	}
	sameHistory(t, "after refused re-import", before, mustLoad(t, s))

	again, err := s.Import(Source{Name: "mar-resaved.xlsx", SHA256: "other"}, ds)
	if err != nil {
		t.Fatal(err)
	}
	if again.Counts != (app.Counts{}) || again.ID != "I0002" {
		t.Errorf("identical figures from another file: %+v, want I0002 adding nothing", again)
	}
	after := mustLoad(t, s)
	after.Imports = before.Imports
	sameHistory(t, "after identical figures", before, after)
}

// TestUndo undoes the last, a middle and the first of three imports that
// overlap, revise each other and redefine an indicator, and compares the
// result with a store that never had the undone import.
func TestUndo(t *testing.T) {
	jan := monthly(months(app.MonthOf(2025, 1), 3), 0)
	// February's file revises every figure, gives a new target and a new
	// definition of CIC05.
	feb := monthly(months(app.MonthOf(2025, 2), 3), 1)
	feb.Indicators[0].Name = "Children in care with 3+ placements (%)"
	feb.Targets[0].Target = app.Float(9.5)
	// March's revises again, to figures neither earlier file gave, and adds
	// the DfE's annual figures.
	mar := monthly(months(app.MonthOf(2025, 3), 3), 2)
	mar.Indicators = append(mar.Indicators, claDataset(t).Indicators...)
	mar.Observations = append(mar.Observations, claDataset(t).Observations...)
	all := []*app.Dataset{jan, feb, mar}

	for undo := range all {
		t.Run(string(rune('1'+undo)), func(t *testing.T) {
			s := openTemp(t)
			// ref has the same imports, with an empty one in place of the
			// undone, so that IDs line up.
			ref := openTemp(t)
			var before *app.History
			for i, ds := range all {
				name := []string{"jan.xlsx", "feb.xlsx", "mar.xlsx"}[i]
				mustImport(t, s, name, ds)
				if i == undo {
					ds = &app.Dataset{}
				}
				mustImport(t, ref, name, ds)
				if i == len(all)-2 {
					before = mustLoad(t, s)
				}
			}
			rec, err := s.Undo(importID(uint64(undo + 1)))
			if err != nil {
				t.Fatal(err)
			}
			if rec.Undone == nil || rec.Source != []string{"jan.xlsx", "feb.xlsx", "mar.xlsx"}[undo] {
				t.Errorf("Undo returned %+v", rec)
			}
			got := mustLoad(t, s)
			want := mustLoad(t, ref)
			want.Imports = slices.Delete(want.Imports, undo, undo+1)
			// What each import added depends on what came before it.
			for i := range want.Imports {
				want.Imports[i].Time = got.Imports[i].Time
				want.Imports[i].Counts = got.Imports[i].Counts
			}
			sameHistory(t, "after undo", want, got)
			if undo == len(all)-1 {
				sameHistory(t, "before the last import and after undoing it", before, got)
			}
			recs, _ := s.Imports()
			if len(recs) != 3 || recs[undo].Undone == nil || !recs[undo].Undone.Equal(*rec.Undone) {
				t.Errorf("Imports() after undo = %+v", recs)
			}
			if _, err := s.Undo(rec.ID); err == nil || !strings.Contains(err.Error(), "already undone") {
				t.Errorf("second undo of %s: %v, want already undone", rec.ID, err)
			}
		})
	}
}

// TestUndoAll: undoing everything leaves nothing behind in the record
// buckets or the index, and an empty history.
func TestUndoAll(t *testing.T) {
	s := openTemp(t)
	empty := mustLoad(t, s)
	var ids []string
	for i, last := range []app.Period{app.MonthOf(2025, 1), app.MonthOf(2025, 2), app.MonthOf(2025, 3)} {
		ids = append(ids, mustImport(t, s, last.String(), monthly(months(last, 4), float64(i))).ID)
	}
	for _, id := range []string{ids[1], ids[0], ids[2]} {
		if _, err := s.Undo(id); err != nil {
			t.Fatal(err)
		}
	}
	sameHistory(t, "after undoing all", empty, mustLoad(t, s))
	err := s.db.View(func(tx *bolt.Tx) error {
		for _, name := range append(kindBuckets[:], bucketWritten, bucketFiles, bucketRefSums) {
			if n := tx.Bucket(name).Stats().KeyN; n != 0 {
				t.Errorf("bucket %s holds %d keys after undoing everything", name, n)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestUndoThenReimport: a file undone can be imported again, and comes back
// whole under a new ID.
func TestUndoThenReimport(t *testing.T) {
	s := openTemp(t)
	ds := monthly(months(app.MonthOf(2025, 3), 4), 0)
	first := mustImport(t, s, "mar.xlsx", ds)
	h1 := mustLoad(t, s)
	if _, err := s.Undo(first.ID); err != nil {
		t.Fatal(err)
	}
	second, err := s.Import(Source{Name: "mar.xlsx", Kind: "workbook", SHA256: "sha-mar.xlsx"}, ds)
	if err != nil {
		t.Fatalf("re-import after undo: %v", err)
	}
	if second.ID != "I0002" || second.Counts != first.Counts {
		t.Errorf("re-import = %+v, want I0002 with counts %+v", second, first.Counts)
	}
	h2 := mustLoad(t, s)
	if len(h2.Keys()) != len(h1.Keys()) {
		t.Fatalf("re-import loaded %d series, first import %d", len(h2.Keys()), len(h1.Keys()))
	}
	for _, k := range h1.Keys() {
		a, b := h1.Series(k), h2.Series(k)
		for i := range a {
			if !a[i].SameFigures(b[i]) || b[i].Import != second.ID {
				t.Fatalf("%s %s: first %+v, after re-import %+v", k, a[i].Period, a[i], b[i])
			}
		}
	}
	if _, err := s.Import(Source{Name: "mar.xlsx", SHA256: "sha-mar.xlsx"}, ds); !errors.Is(err, ErrAlreadyImported) {
		t.Errorf("third import of the same file: %v, want ErrAlreadyImported", err)
	}
}

func TestUndoUnknown(t *testing.T) {
	s := openTemp(t)
	mustImport(t, s, "a.xlsx", monthly(months(app.MonthOf(2025, 3), 1), 0))
	for _, id := range []string{"I0002", "I9999", "bogus", "", "I0000"} {
		if _, err := s.Undo(id); !errors.Is(err, ErrNoImport) {
			t.Errorf("Undo(%q) = %v, want ErrNoImport", id, err)
		}
	}
	for _, id := range []string{"I1", "i0001"} {
		if _, err := s.Undo(id); err != nil && !strings.Contains(err.Error(), "already undone") {
			t.Errorf("Undo(%q) = %v", id, err)
		}
	}
}

// TestEdit: a change made in the app is an import of its own that can be
// undone, restoring the figure file's commentary and target.
func TestEdit(t *testing.T) {
	s := openTemp(t)
	ds := monthly(months(app.MonthOf(2025, 3), 2), 0)
	mustImport(t, s, "mar.xlsx", ds)
	before := mustLoad(t, s)
	c := ds.Comments[0]
	c.Text = "Placement moves rose after two residential homes closed in Thanet."
	tg := ds.Targets[0]
	tg.Target = app.Float(9)
	edit, err := s.Import(Source{Name: "edit", Kind: "edit", Note: "CIC05 commentary and target"}, &app.Dataset{Comments: []app.Comment{c}, Targets: []app.Target{tg}})
	if err != nil {
		t.Fatal(err)
	}
	if edit.Counts != (app.Counts{Comments: 1, Targets: 1}) {
		t.Errorf("edit counts = %+v", edit.Counts)
	}
	h := mustLoad(t, s)
	if got, _ := h.Comment(c.Ref, c.Area, c.Period); got.Text != c.Text || got.Import != edit.ID {
		t.Errorf("comment after edit = %+v", got)
	}
	if _, err := s.Undo(edit.ID); err != nil {
		t.Fatal(err)
	}
	sameHistory(t, "after undoing the edit", before, mustLoad(t, s))
}

// TestOpenInUse opens the same file twice in one process: bbolt's flock
// is per open file description, so the second Open waits for the lock as
// another process would.
func TestOpenInUse(t *testing.T) {
	s := openTemp(t)
	start := time.Now()
	_, err := Open(s.Path())
	took := time.Since(start)
	if !errors.Is(err, ErrInUse) {
		t.Fatalf("second Open: %v, want ErrInUse", err)
	}
	if want := s.Path() + " is already open in another window of Scorecard"; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	if took > 2*time.Second {
		t.Errorf("second Open took %v, want under 2 s", took)
	}
	s.Close()
	s2, err := Open(s.Path())
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	s2.Close()
}

func TestSchemaMismatch(t *testing.T) {
	for _, tc := range []struct {
		version string
		want    []string
	}{
		{"3", []string{"schema version 3", "schema version 2", "newer Scorecard"}},
		{"0", []string{"schema version 0", "schema version 2", "older Scorecard"}},
	} {
		t.Run(tc.version, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keySchema, []byte(tc.version)) })
			s.Close()
			_, err = Open(path)
			if err == nil {
				t.Fatal("Open accepted a store of another schema version")
			}
			for _, w := range append(tc.want, path) {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestOpenNotAStore(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name  string
		setup func(path string) error
	}{
		{"workbook", func(path string) error {
			return writeFile(path, bytes.Repeat([]byte("PK\x03\x04 not a database "), 500))
		}},
		{"empty csv", func(path string) error { return writeFile(path, nil) }},
		{"short csv", func(path string) error { return writeFile(path, []byte("Ref,Period,Area\n")) }},
		{"other bbolt file", func(path string) error {
			db, err := bolt.Open(path, 0o600, nil)
			if err != nil {
				return err
			}
			db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("widgets")); return err })
			return db.Close()
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			if err := tc.setup(path); err != nil {
				t.Fatal(err)
			}
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Open(path)
			if err == nil || !strings.Contains(err.Error(), "not a Scorecard store") || !strings.Contains(err.Error(), path) {
				t.Errorf("Open(%s) = %v, want not a Scorecard store", tc.name, err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
				t.Errorf("Open(%s) changed the file", tc.name)
			}
		})
	}
}

func TestBackup(t *testing.T) {
	s := openTemp(t)
	mustImport(t, s, "jan.xlsx", monthly(months(app.MonthOf(2025, 1), 12), 0))
	mustImport(t, s, "feb.xlsx", monthly(months(app.MonthOf(2025, 2), 12), 1))
	if err := s.Put("recent", "files", []string{"feb.xlsx", "jan.xlsx"}); err != nil {
		t.Fatal(err)
	}
	want := mustLoad(t, s)

	var buf bytes.Buffer
	n, err := s.Backup(&buf)
	if err != nil || n != int64(buf.Len()) || n == 0 {
		t.Fatalf("Backup = %d, %v (wrote %d)", n, err, buf.Len())
	}
	dir := t.TempDir()
	fromWriter := filepath.Join(dir, "writer.db")
	if err := writeFile(fromWriter, buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	fromFile := filepath.Join(dir, "file.db")
	if err := s.BackupFile(fromFile); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{fromWriter, fromFile} {
		b, err := Open(path)
		if err != nil {
			t.Fatalf("open backup %s: %v", path, err)
		}
		sameHistory(t, "backup "+filepath.Base(path), want, mustLoad(t, b))
		var recent []string
		if ok, err := b.Get("recent", "files", &recent); !ok || err != nil || len(recent) != 2 {
			t.Errorf("backup settings: %v %v %v", recent, ok, err)
		}
		b.Close()
	}
	// The live store carries on after a backup.
	mustImport(t, s, "mar.xlsx", monthly(months(app.MonthOf(2025, 3), 1), 2))
}

func TestSettings(t *testing.T) {
	s := openTemp(t)
	type mapping struct {
		Ref    string
		Column string
	}
	var m mapping
	if ok, err := s.Get("csv-mappings", "lait", &m); ok || err != nil {
		t.Fatalf("Get before Put = %v, %v", ok, err)
	}
	if keys, err := s.Keys("csv-mappings"); len(keys) != 0 || err != nil {
		t.Fatalf("Keys of a new bucket = %v, %v", keys, err)
	}
	for _, k := range []string{"lait", "dfe-cla", "annex-a"} {
		if err := s.Put("csv-mappings", k, mapping{Ref: "CLA01", Column: k + " rate"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Put("csv-mappings", "lait", mapping{Ref: "CIC05", Column: "Value"}); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.Get("csv-mappings", "lait", &m); !ok || err != nil || m != (mapping{"CIC05", "Value"}) {
		t.Errorf("Get = %+v, %v, %v", m, ok, err)
	}
	if keys, _ := s.Keys("csv-mappings"); !slices.Equal(keys, []string{"annex-a", "dfe-cla", "lait"}) {
		t.Errorf("Keys = %v", keys)
	}
	if err := s.Delete("csv-mappings", "dfe-cla"); err != nil {
		t.Fatal(err)
	}
	if keys, _ := s.Keys("csv-mappings"); !slices.Equal(keys, []string{"annex-a", "lait"}) {
		t.Errorf("Keys after Delete = %v", keys)
	}
	var n int
	if _, err := s.Get("csv-mappings", "lait", &n); err == nil {
		t.Error("Get into the wrong type gave no error")
	}
	// Settings are not imports: undo and Load do not see them.
	if h := mustLoad(t, s); len(h.Imports) != 0 {
		t.Errorf("settings made imports: %+v", h.Imports)
	}
}

// TestConcurrent has the window's goroutines read and write at once.
func TestConcurrent(t *testing.T) {
	s := openTemp(t)
	var wg sync.WaitGroup
	errs := make(chan error, 4*(1+5*2))
	for i := range 4 {
		wg.Go(func() {
			last := app.MonthOf(2025, time.Month(i+1))
			_, err := s.Import(Source{Name: last.String(), SHA256: last.String()}, monthly(months(last, 3), float64(i)))
			errs <- err
		})
		wg.Go(func() {
			for range 5 {
				_, err := s.Load()
				errs <- err
				errs <- s.Put("window", "layout", map[string]int{"width": 1280 + i})
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	recs, _ := s.Imports()
	if len(recs) != 4 {
		t.Errorf("%d imports, want 4", len(recs))
	}
	if h := mustLoad(t, s); h.Latest() != app.MonthOf(2025, 4) {
		t.Errorf("latest month %s, want 2025-04", h.Latest())
	}
}

func TestObservationEncoding(t *testing.T) {
	for _, o := range []app.Observation{
		{},
		{Value: app.Float(11.7), Numerator: app.Float(221), Denominator: app.Float(1896)},
		{Value: app.Float(0), Numerator: app.Float(0)},
		{Status: app.Suppressed, Raw: "[c]", Rule: "UASC on the snapshot date", Cell: "CIC!H12"},
		{Value: app.Float(-3.25e-7), StandIn: true, SourceArrow: app.Across, SourceRAG: app.Green, Raw: "é"},
		{Status: app.CannotExclude, Raw: "median: cannot exclude UASC"},
	} {
		var got app.Observation
		v := encodeObservation(&o)
		if v[0] != tagVersion {
			t.Fatalf("encoded %+v untagged: % x", o, v)
		}
		if err := newObservationDecoder().decode(v[1:], &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, o) {
			t.Errorf("round trip:\n got %+v\nwant %+v", got, o)
		}
	}
	if err := newObservationDecoder().decode([]byte{hasValue, 1, 2}, new(app.Observation)); !errors.Is(err, errCorrupt) {
		t.Errorf("short value decoded: %v", err)
	}
}

func TestKeyText(t *testing.T) {
	s := openTemp(t)
	_, err := s.Import(Source{Name: "bad.csv"}, &app.Dataset{Observations: []app.Observation{{Ref: "CIC\x0005", Area: app.Kent, Period: app.MonthOf(2025, 3)}}})
	if err == nil || !strings.Contains(err.Error(), "bad.csv") {
		t.Errorf("a ref holding NUL: %v", err)
	}
	if recs, _ := s.Imports(); len(recs) != 0 {
		t.Errorf("failed import was recorded: %+v", recs)
	}
}

func BenchmarkImport(b *testing.B) {
	ds := largeDataset(0)
	b.ReportMetric(float64(len(ds.Observations)), "observations")
	benchmarkImportInto(b, ds)
}

// benchmarkImportInto times importing ds into a new store, leaving the
// store's creation and closing out of the time.
func benchmarkImportInto(b *testing.B, ds *app.Dataset) {
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.Import(Source{Name: "large.xlsx"}, ds); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkReimport is the monthly case: a file restating every figure of
// a large store, a few revised.
func BenchmarkReimport(b *testing.B) {
	s := openTemp(b)
	mustImport(b, s, "feb.xlsx", largeDataset(0))
	ds := largeDataset(0)
	for i := 0; i < len(ds.Observations); i += 1000 {
		ds.Observations[i].Value = app.Float(*ds.Observations[i].Value + 0.1)
	}
	for b.Loop() {
		rec, err := s.Import(Source{Name: "mar.xlsx"}, ds)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if _, err := s.Undo(rec.ID); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// BenchmarkLoad loads the sizing case, then the same after a second file
// restated every figure and revised one in a thousand: the restatements
// are passed over, the revisions kept.
func BenchmarkLoad(b *testing.B) {
	s := openTemp(b)
	mustImport(b, s, "feb.xlsx", largeDataset(0))
	load := func(b *testing.B) {
		for b.Loop() {
			h, err := s.Load()
			if err != nil {
				b.Fatal(err)
			}
			if len(h.Keys()) != 100*13*3 {
				b.Fatalf("%d series", len(h.Keys()))
			}
		}
	}
	b.Run("one import", load)
	ds := largeDataset(0)
	for i := 0; i < len(ds.Observations); i += 1000 {
		ds.Observations[i].Value = app.Float(*ds.Observations[i].Value + 0.1)
	}
	mustImport(b, s, "mar.xlsx", ds)
	b.Run("restated", load)
}

// TestUndoRestated follows one figure through files that restate, revise
// and revert it, undoing some, and checks the store against one that never
// had the undone files: undo leaves what the surviving files say.
func TestUndoRestated(t *testing.T) {
	k := app.SeriesKey{Ref: "CIC05", Area: "Swale", Split: app.Excluding(app.UASC)}
	mar := app.MonthOf(2025, 3)
	figure := func(children float64, cell string) *app.Dataset {
		return &app.Dataset{Observations: []app.Observation{{Ref: k.Ref, Area: k.Area, Split: k.Split, Period: mar,
			Value: app.Float(app.RoundTo(100*children/142, 1)), Numerator: app.Float(children), Denominator: app.Float(142), Cell: cell}}}
	}
	for _, tc := range []struct {
		name     string
		children []float64 // what each file says, I0001 first
		undo     []int     // files undone, in order (1 = I0001)
		value    float64   // children in the figure after
		from     string    // the import it is from
		revised  []float64 // its earlier versions' children
	}{
		{"restated, first undone", []float64{17, 17}, []int{1}, 17, "I0002", nil},
		{"revised, revision undone", []float64{17, 18}, []int{2}, 17, "I0001", nil},
		{"revised, original undone", []float64{17, 18}, []int{1}, 18, "I0002", nil},
		{"reverted, revision undone", []float64{17, 18, 17}, []int{2}, 17, "I0001", nil},
		{"revision restated, revision undone", []float64{17, 18, 18}, []int{2}, 18, "I0003", []float64{17}},
		{"restated twice, two undone", []float64{17, 17, 17}, []int{1, 2}, 17, "I0003", nil},
		{"restated twice, middle undone", []float64{17, 17, 17}, []int{2}, 17, "I0001", nil},
		{"revised twice, last undone", []float64{17, 18, 19}, []int{3}, 18, "I0002", []float64{17}},
		{"revised, restated, revised, two undone", []float64{17, 18, 18, 16}, []int{2, 4}, 18, "I0003", []float64{17}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, ref := openTemp(t), openTemp(t)
			for i, n := range tc.children {
				name := fmt.Sprintf("file%d.xlsx", i+1)
				cell := fmt.Sprintf("Swale!H%d", 12+i)
				mustImport(t, s, name, figure(n, cell))
				if slices.Contains(tc.undo, i+1) {
					mustImport(t, ref, name, &app.Dataset{})
				} else {
					mustImport(t, ref, name, figure(n, cell))
				}
			}
			for _, i := range tc.undo {
				if _, err := s.Undo(importID(uint64(i))); err != nil {
					t.Fatal(err)
				}
			}
			h := mustLoad(t, s)
			o, ok := h.Observation(k, mar)
			if !ok || *o.Numerator != tc.value || o.Import != tc.from {
				t.Errorf("figure = %s, want %v children from %s", showSeries(h.Series(k)), tc.value, tc.from)
			}
			var revised []float64
			for _, r := range h.Revisions(k, mar) {
				revised = append(revised, *r.Numerator)
			}
			if !slices.Equal(revised, tc.revised) || o.Revision != len(tc.revised) {
				t.Errorf("revisions %v (Revision %d), want %v", revised, o.Revision, tc.revised)
			}
			want := mustLoad(t, ref)
			want.Imports = slices.DeleteFunc(want.Imports, func(rec app.Import) bool {
				i, _ := parseImportID(rec.ID)
				return slices.Contains(tc.undo, int(i))
			})
			for i := range want.Imports {
				want.Imports[i].Time, want.Imports[i].Counts = h.Imports[i].Time, h.Imports[i].Counts
			}
			sameHistory(t, "after undo", want, h)
		})
	}
}

// TestRestatementKeepsComponents: a scorecard sheet giving the month's
// figures again, as 0-1 percentage cells and without numerators and
// denominators, restates the Data sheet's figures: no revisions, and the
// components stay. Undo still leaves exactly what the other file says.
func TestRestatementKeepsComponents(t *testing.T) {
	mar := app.MonthOf(2026, 3)
	k := app.SeriesKey{Ref: "CIC05", Area: app.Kent}
	data := &app.Dataset{Observations: []app.Observation{{Ref: k.Ref, Area: k.Area, Period: mar,
		Value: app.Float(240.0 / 1892 * 100), Numerator: app.Float(240), Denominator: app.Float(1892), Cell: "Data!G2"}}}
	sheet := &app.Dataset{Observations: []app.Observation{{Ref: k.Ref, Area: k.Area, Period: mar,
		Value: app.Float(240.0 / 1892 * (1 + 1e-15) * 100), Cell: "CYPE Scorecard!H12"}}}

	s := openTemp(t)
	first := mustImport(t, s, "data.xlsx", data)
	second := mustImport(t, s, "scorecard.xlsx", sheet)
	if second.Counts != (app.Counts{}) {
		t.Errorf("restating scorecard counts %+v, want nothing added", second.Counts)
	}
	o, _ := mustLoad(t, s).Observation(k, mar)
	if o.Numerator == nil || *o.Numerator != 240 || o.Denominator == nil || *o.Denominator != 1892 || o.Revision != 0 || o.Import != first.ID {
		t.Errorf("after the scorecard sheet: %s, want 240/1892 from %s, unrevised", showSeries([]app.Observation{o}), first.ID)
	}
	if _, err := s.Undo(first.ID); err != nil {
		t.Fatal(err)
	}
	o, _ = mustLoad(t, s).Observation(k, mar)
	if o.Numerator != nil || o.Import != second.ID {
		t.Errorf("after undoing the Data sheet: %s, want the scorecard's figure alone", showSeries([]app.Observation{o}))
	}
}

// TestIndicatorSupplemented: a CSV that only names CIC05 keeps the
// scorecard's definition, in the store as in a History, and undoing the
// scorecard leaves the CSV's bare one.
func TestIndicatorSupplemented(t *testing.T) {
	full := app.Indicator{Ref: "CIC05", Name: "Children in care with 3+ placements", Section: "Children in Care",
		Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.Rolling12, Measure: app.Proportion,
		Guidance: "Children in care on the last day with three or more placements in the year"}
	bare := app.Indicator{Ref: "CIC05", Name: "CIC05"}
	s := openTemp(t)
	first := mustImport(t, s, "scorecard.xlsx", &app.Dataset{Indicators: []app.Indicator{{Ref: "SEND01", Name: "EHCPs in 20 weeks", YearType: app.AcademicYear}, full}})
	mustImport(t, s, "tidy.csv", &app.Dataset{Indicators: []app.Indicator{bare}})
	h := mustLoad(t, s)
	if got, _ := h.Indicator("CIC05"); !reflect.DeepEqual(got, full) {
		t.Errorf("after the CSV: %+v\nwant %+v", got, full)
	}
	if inds := h.Indicators(); len(inds) != 2 || inds[0].Ref != "SEND01" {
		t.Errorf("order %+v, want SEND01 first", inds)
	}
	csvFirst := openTemp(t)
	mustImport(t, csvFirst, "scorecard.xlsx", &app.Dataset{Indicators: []app.Indicator{full}})
	csv := mustImport(t, csvFirst, "tidy.csv", &app.Dataset{Indicators: []app.Indicator{bare}})
	if _, err := csvFirst.Undo(csv.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := mustLoad(t, csvFirst).Indicator("CIC05"); !reflect.DeepEqual(got, full) {
		t.Errorf("after undoing the CSV: %+v, want %+v", got, full)
	}
	if _, err := s.Undo(first.ID); err != nil {
		t.Fatal(err)
	}
	if got, _ := mustLoad(t, s).Indicator("CIC05"); !reflect.DeepEqual(got, bare) {
		t.Errorf("after undoing the scorecard: %+v, want %+v", got, bare)
	}
}

// workbookOrder returns ds with its observations in the order a workbook
// gives them, a sheet per area and a column per month, which is not the
// store's key order.
func workbookOrder(ds *app.Dataset) *app.Dataset {
	c := *ds
	c.Observations = slices.Clone(ds.Observations)
	slices.SortStableFunc(c.Observations, func(a, b app.Observation) int {
		return cmp.Or(cmp.Compare(a.Area, b.Area), a.Period.Compare(b.Period), cmp.Compare(a.Ref, b.Ref))
	})
	return &c
}

// TestImportAnyOrder: records given out of key order, one of them twice,
// load as the same records given in order, the later statement standing.
func TestImportAnyOrder(t *testing.T) {
	ds := monthly(months(app.MonthOf(2025, 3), 6), 0)
	again := ds.Observations[len(ds.Observations)/3]
	again.Value, again.Numerator = app.Float(*again.Value+1), nil
	mixed := workbookOrder(ds)
	mixed.Observations = append(mixed.Observations, again)
	slices.Reverse(mixed.Indicators)

	ordered := slices.Clone(ds.Observations)
	for i, o := range ordered {
		if o.Key() == again.Key() && o.Period == again.Period {
			ordered[i] = again
		}
	}
	want := openTemp(t)
	wantRec := mustImport(t, want, "ordered.xlsx", &app.Dataset{Indicators: slices.Clone(mixed.Indicators), Observations: ordered, Targets: ds.Targets, Benchmarks: ds.Benchmarks, Breakdowns: ds.Breakdowns, Comments: ds.Comments})
	got := openTemp(t)
	gotRec := mustImport(t, got, "mixed.xlsx", mixed)
	if gotRec.Counts != wantRec.Counts {
		t.Errorf("counts %+v, want %+v", gotRec.Counts, wantRec.Counts)
	}
	h := mustLoad(t, got)
	h.Imports = nil
	w := mustLoad(t, want)
	w.Imports = nil
	sameHistory(t, "out of order", w, h)
}

// BenchmarkImportWorkbookOrder is BenchmarkImport with the figures in the
// order a workbook gives them, area by area.
func BenchmarkImportWorkbookOrder(b *testing.B) {
	benchmarkImportInto(b, workbookOrder(largeDataset(0)))
}

// TestOpenReadOnly: a store the user may only read opens for reading,
// twice at once, loads what was imported and is left byte for byte as it
// was; a writer waits for the readers and is told the store is in use.
func TestOpenReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scorecard.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustImport(t, s, "mar.xlsx", monthly(months(app.MonthOf(2025, 3), 6), 0))
	want := mustLoad(t, s)
	s.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)

	r1, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("OpenReadOnly: %v", err)
	}
	defer r1.Close()
	r2, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("second OpenReadOnly while the first is open: %v", err)
	}
	defer r2.Close()
	sameHistory(t, "read-only", want, mustLoad(t, r1))
	sameHistory(t, "second reader", want, mustLoad(t, r2))
	if _, err := r1.Import(Source{Name: "apr.xlsx"}, monthly(months(app.MonthOf(2025, 4), 1), 0)); err == nil {
		t.Error("Import on a read-only store succeeded")
	}
	// Writable again, so that only the readers' lock keeps a writer out.
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); !errors.Is(err, ErrInUse) {
		t.Errorf("Open while readers hold the store: %v, want ErrInUse", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("reading changed the file")
	}
	if _, err := OpenReadOnly(filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Error("OpenReadOnly of a missing file succeeded")
	}
}

// TestOperatorRecorded: each import records who made it and on which
// computer, and an undo who undid it, as Imports reads them back.
func TestOperatorRecorded(t *testing.T) {
	officer, machine := Operator()
	if officer == "" || machine == "" {
		t.Skip("this system names no user or no host")
	}
	s := openTemp(t)
	rec := mustImport(t, s, "jan.xlsx", smallMonthly(0))
	if rec.Officer != officer || rec.Machine != machine {
		t.Errorf("import by %q on %q, want %q on %q", rec.Officer, rec.Machine, officer, machine)
	}
	if _, err := s.Undo(rec.ID); err != nil {
		t.Fatal(err)
	}
	recs, err := s.Imports()
	if err != nil || len(recs) != 1 {
		t.Fatalf("imports %+v, %v", recs, err)
	}
	if r := recs[0]; r.Officer != officer || r.Machine != machine || r.UndoneBy != officer {
		t.Errorf("stored import by %q on %q, undone by %q; want %q on %q, undone by %q", r.Officer, r.Machine, r.UndoneBy, officer, machine, officer)
	}
}

// TestEncodedInParts: a large import's blocks are encoded by several
// goroutines at once (encodeInParallel); the store they write, counts,
// blocks and history, is the one a single goroutine writes, into a fresh
// store and into one holding the figures before (revisions, restatements
// and new months among them).
func TestEncodedInParts(t *testing.T) {
	first := gridDataset(20, 60, app.MonthOf(2025, 3), 0)
	next := gridDataset(20, 61, app.MonthOf(2025, 4), 0) // a month more
	for i := 0; i < len(next.Observations); i += 997 {
		next.Observations[i].Value = app.Float(*next.Observations[i].Value + 0.1)
	}
	if n := len(first.Observations); n < 4*minObsPerEncoder {
		t.Fatalf("the dataset has %d figures: too few to be encoded in parts", n)
	}
	write := func(procs int) (counts []app.Counts, blocks, history string) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		s := openTemp(t)
		for i, ds := range []*app.Dataset{first, next} {
			counts = append(counts, mustImport(t, s, fmt.Sprintf("file%d.xlsx", i), ds).Counts)
		}
		var b strings.Builder
		err := s.db.View(func(tx *bolt.Tx) error {
			return tx.Bucket(kindBuckets[kindObservation]).ForEach(func(k, v []byte) error {
				fmt.Fprintf(&b, "%q=%x\n", k, v)
				return nil
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		// The stores differ only in when their imports were made.
		history = regexp.MustCompile(`(?m)^( *Time: ).*$`).ReplaceAllString(dumpHistory(mustLoad(t, s)), "$1")
		return counts, b.String(), history
	}
	oneCounts, oneBlocks, oneHistory := write(1)
	if oneCounts[1].Revisions == 0 || oneCounts[1].Observations == 0 {
		t.Fatalf("second import counts %+v: the test needs revisions", oneCounts[1])
	}
	for _, procs := range []int{2, 3} {
		counts, blocks, history := write(procs)
		if !reflect.DeepEqual(counts, oneCounts) {
			t.Errorf("%d encoders: counts %+v, want %+v", procs, counts, oneCounts)
		}
		if blocks != oneBlocks {
			t.Errorf("%d encoders: the blocks differ from one encoder's", procs)
		}
		if history != oneHistory {
			t.Errorf("%d encoders: the history differs from one encoder's", procs)
		}
	}
}

// TestPageSizes: a store laid out with bbolt's default 4 KiB pages, as
// every store before 16 KiB pages was, keeps them, and imports and
// reads back just as a new store does.
func TestPageSizes(t *testing.T) {
	jan := monthly(months(app.MonthOf(2025, 1), 3), 0)
	feb := monthly(months(app.MonthOf(2025, 2), 3), 1)
	var hs []*app.History
	for _, size := range []int{4096, newStorePageSize} {
		path := filepath.Join(t.TempDir(), "scorecard.db")
		old, err := open(path, 0o600, &bolt.Options{Timeout: lockTimeout, PageSize: size})
		if err != nil {
			t.Fatal(err)
		}
		old.Close()
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		mustImport(t, s, "jan.xlsx", jan)
		mustImport(t, s, "feb.xlsx", feb)
		if got := s.db.Info().PageSize; got != size {
			t.Errorf("store laid out with %d-byte pages has %d-byte pages", size, got)
		}
		hs = append(hs, mustLoad(t, s))
		s.Close()
	}
	for i := range hs {
		hs[i].Imports = nil // their times differ
	}
	sameHistory(t, "4 KiB pages against 16 KiB", hs[1], hs[0])
}
