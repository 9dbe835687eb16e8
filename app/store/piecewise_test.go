package store

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// TestPieces reads a store an indicator at a time and checks each piece
// is what LoadIndicator reads, every indicator with figures is named
// (one without a definition too), the breakdowns are Load's, and a write
// after the first read fails the next.
func TestPieces(t *testing.T) {
	s := openTemp(t)
	ds := largeDataset(0)
	ds.Observations = ds.Observations[:20000]
	// Figures for an indicator the file does not define.
	ds.Observations = append(ds.Observations, app.Observation{Ref: "UNDEFINED", Area: app.Kent, Split: app.All, Period: app.MonthOf(2025, 3), Value: app.Float(7)})
	ds.ChartSettings = []app.ChartSetting{{Ref: "KPI002", Kind: app.SetWindow, Periods: 24}}
	mustImport(t, s, "feb.xlsx", ds)
	revised := largeDataset(1)
	revised.Observations = revised.Observations[:5000]
	mustImport(t, s, "mar.xlsx", revised)
	undone := mustImport(t, s, "apr.xlsx", largeDataset(2))
	if _, err := s.Undo(undone.ID); err != nil {
		t.Fatal(err)
	}
	mustImport(t, s, "needs.csv", &app.Dataset{Breakdowns: []app.Breakdown{
		{Measure: "Children in need", Period: app.MonthOf(2025, 3), Area: app.Kent, Dimension: "category of need", Category: "N1 Abuse or neglect", Count: 1102, Total: 1896},
		{Measure: "Children in need", Period: app.MonthOf(2025, 3), Area: app.Kent, Dimension: "category of need", Category: "N4 Family in acute stress", Count: 212, Total: 1896},
	}})
	all := mustLoad(t, s)

	p, err := s.Piecewise()
	if err != nil {
		t.Fatal(err)
	}
	inds, err := p.Indicators()
	if err != nil || !reflect.DeepEqual(inds, all.Indicators()) {
		t.Fatalf("Indicators: %v, not Load's", err)
	}
	refs, err := p.FigureRefs()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, k := range all.Keys() {
		if len(want) == 0 || want[len(want)-1] != k.Ref {
			want = append(want, k.Ref)
		}
	}
	slices.Sort(refs)
	if !reflect.DeepEqual(refs, want) || !slices.Contains(refs, "UNDEFINED") {
		t.Fatalf("FigureRefs: %d refs, want the %d Load has figures for, UNDEFINED among them", len(refs), len(want))
	}
	for _, ref := range append(refs, "NOPE") {
		one, err := p.LoadIndicator(ref)
		if err != nil {
			t.Fatal(err)
		}
		loaded, err := s.LoadIndicator(ref)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(one.Indicators(), loaded.Indicators()) || !reflect.DeepEqual(one.Imports, loaded.Imports) {
			t.Errorf("%s: definitions or imports differ from LoadIndicator's", ref)
		}
		if !reflect.DeepEqual(one.Keys(), loaded.Keys()) {
			t.Fatalf("%s: series %v, LoadIndicator's %v", ref, one.Keys(), loaded.Keys())
		}
		// The periods read alone are those of the figures read, revised
		// and undone imports and all.
		held, err := p.Periods(ref)
		if err != nil {
			t.Fatal(err)
		}
		if len(held) != len(one.Keys()) {
			t.Errorf("%s: Periods gives %d series, LoadIndicator %d", ref, len(held), len(one.Keys()))
		}
		for _, k := range one.Keys() {
			var want []app.Period
			for _, o := range one.Series(k) {
				want = append(want, o.Period)
			}
			if !reflect.DeepEqual(held[k], want) {
				t.Errorf("%s: Periods of %v: %v, LoadIndicator's series %v", ref, k, held[k], want)
			}
		}
		for _, k := range one.Keys() {
			if !reflect.DeepEqual(one.Series(k), loaded.Series(k)) {
				t.Errorf("%s: series %v differs from LoadIndicator's", ref, k)
			}
			for _, o := range one.Series(k) {
				if !reflect.DeepEqual(one.Revisions(k, o.Period), loaded.Revisions(k, o.Period)) {
					t.Errorf("%s: revisions of %v %s differ", ref, k, o.Period)
				}
				c1, ok1 := one.Comment(ref, k.Area, o.Period)
				c2, ok2 := loaded.Comment(ref, k.Area, o.Period)
				if c1 != c2 || ok1 != ok2 {
					t.Errorf("%s: commentary on %v %s differs", ref, k, o.Period)
				}
			}
		}
		if !reflect.DeepEqual(one.Targets(ref), loaded.Targets(ref)) || !reflect.DeepEqual(one.Benchmarks(ref), loaded.Benchmarks(ref)) || !reflect.DeepEqual(one.ChartSettings(ref), loaded.ChartSettings(ref)) {
			t.Errorf("%s: targets, benchmarks or chart settings differ from LoadIndicator's", ref)
		}
	}
	bds, err := p.LoadBreakdowns()
	if err != nil {
		t.Fatal(err)
	}
	if len(bds) == 0 || !reflect.DeepEqual(bds, all.Breakdowns()) {
		t.Errorf("LoadBreakdowns: %d breakdowns, not Load's %d", len(bds), len(all.Breakdowns()))
	}

	mustImport(t, s, "may.xlsx", monthly(months(app.MonthOf(2025, 5), 1), 0))
	if _, err := p.LoadIndicator("KPI001"); !errors.Is(err, ErrChanged) {
		t.Errorf("LoadIndicator after an import: %v, want ErrChanged", err)
	}
	if _, err := p.Periods("KPI001"); !errors.Is(err, ErrChanged) {
		t.Errorf("Periods after an import: %v, want ErrChanged", err)
	}
	if _, err := p.LoadBreakdowns(); !errors.Is(err, ErrChanged) {
		t.Errorf("LoadBreakdowns after an import: %v, want ErrChanged", err)
	}
}

// TestPiecesProved damages one figure, then one breakdown, and checks
// the piece holding it fails as Load does, while the others read: a
// caller reading every piece never exports a damaged figure without a
// word.
func TestPiecesProved(t *testing.T) {
	for _, kind := range []recordKind{kindObservation, kindBreakdown} {
		t.Run(string(kindBuckets[kind]), func(t *testing.T) {
			s := openTemp(t)
			mustImport(t, s, "jan.xlsx", smallMonthly(0))
			mustImport(t, s, "feb.xlsx", smallMonthly(1))
			mustImport(t, s, "needs.csv", &app.Dataset{Breakdowns: []app.Breakdown{
				{Measure: "Children in need", Period: app.MonthOf(2025, 3), Area: app.Kent, Dimension: "category of need", Category: "N1 Abuse or neglect", Count: 1102, Total: 1896},
			}})
			var changed string
			err := s.db.Update(func(tx *bolt.Tx) error {
				c := tx.Bucket(kindBuckets[kind]).Cursor()
				k, v := c.Last()
				changed = string(k[:bytes.IndexByte(k, 0)])
				v = bytes.Clone(v)
				v[len(v)-1] ^= 1
				return tx.Bucket(kindBuckets[kind]).Put(bytes.Clone(k), v)
			})
			if err != nil {
				t.Fatal(err)
			}
			p, err := s.Piecewise()
			if err != nil {
				t.Fatal(err)
			}
			for _, ind := range smallMonthly(0).Indicators {
				_, err := p.LoadIndicator(ind.Ref)
				if kind == kindObservation && ind.Ref == changed {
					wantDamaged(t, "a changed figure of "+changed, err)
				} else if err != nil {
					t.Errorf("LoadIndicator(%s), whose records are whole: %v", ind.Ref, err)
				}
			}
			// Breakdowns are proved with everything else.
			_, err = p.LoadBreakdowns()
			wantDamaged(t, "a changed "+string(kindBuckets[kind]), err)
		})
	}
}

// TestIndicatorReader: the reader an import's review asks after each
// indicator with gives, for a bbolt store, what LoadIndicator gives, the
// definitions read once.
func TestIndicatorReader(t *testing.T) {
	s := openTemp(t)
	mustImport(t, s, "jan.xlsx", smallMonthly(0))
	mustImport(t, s, "feb.xlsx", smallMonthly(1))
	read := IndicatorReader(s)
	for _, ind := range smallMonthly(1).Indicators {
		want, err := s.LoadIndicator(ind.Ref)
		if err != nil {
			t.Fatal(err)
		}
		got, err := read(ind.Ref)
		if err != nil {
			t.Fatal(err)
		}
		sameHistory(t, ind.Ref, want, got)
	}
}
