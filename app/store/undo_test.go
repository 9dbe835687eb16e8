package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

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
			if !slices.Equal(revised, tc.revised) || int(o.Revision) != len(tc.revised) {
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
