package store

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"testing"

	bolt "go.etcd.io/bbolt"

	"scorecard/app"
)

// TestLatestFiguresAsLoaded: what the review's pass over rounded
// restatements reads of an indicator (latestFigures) is, figure by
// figure, the numbers, status and stand-in mark LoadIndicator gives,
// through revisions, restatements, codes, stand-ins, a version whose
// components are left out, and the undo of a revision between a figure
// and a later file's rounding of it.
func TestLatestFiguresAsLoaded(t *testing.T) {
	ps := months(app.MonthOf(2025, 3), 6)
	base := func() *app.Dataset { return monthly(ps, 0) }
	// edit changes the dataset's figures of CIC05 for Kent, all children.
	edit := func(change func(i int, o *app.Observation)) *app.Dataset {
		ds := base()
		i := 0
		for j := range ds.Observations {
			o := &ds.Observations[j]
			if o.Ref == "CIC05" && o.Area == app.Kent && o.Split == app.All {
				change(i, o)
				i++
			}
		}
		return ds
	}
	for _, tc := range []struct {
		name string
		// steps are imported in turn; a nil step undoes the import before.
		steps []*app.Dataset
	}{
		{"one import", []*app.Dataset{base()}},
		{"restated", []*app.Dataset{base(), base()}},
		{"revised", []*app.Dataset{base(), monthly(ps, 3)}},
		{"revised then restated", []*app.Dataset{base(), monthly(ps, 3), monthly(ps, 3)}},
		{"later months", []*app.Dataset{base(), monthly(months(app.MonthOf(2025, 5), 6), 1)}},
		{"codes and stand-ins", []*app.Dataset{base(), edit(func(i int, o *app.Observation) {
			switch i % 3 {
			case 0:
				o.Value, o.Numerator, o.Denominator, o.Status = nil, nil, nil, app.Suppressed
			case 1:
				o.StandIn = true
			}
		})}},
		{"components left out", []*app.Dataset{base(), edit(func(i int, o *app.Observation) {
			o.Numerator, o.Denominator = nil, nil
			o.Value = app.Float(*o.Value + float64(i%2))
		})}},
		{"undo of a revision before a rounded figure", []*app.Dataset{
			edit(func(i int, o *app.Observation) { o.Value = app.Float(95.3846 + float64(i)) }),
			edit(func(i int, o *app.Observation) { o.Value = app.Float(90 + float64(i)) }),
			edit(func(i int, o *app.Observation) {
				o.Value, o.Numerator, o.Denominator = app.Float(95.4+float64(i)), nil, nil
			}),
			nil,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			var ids []string
			for i, ds := range tc.steps {
				if ds == nil {
					if _, err := s.Undo(ids[len(ids)-2]); err != nil {
						t.Fatal(err)
					}
					continue
				}
				ids = append(ids, mustImport(t, s, fmt.Sprintf("step%d.xlsx", i), ds).ID)
			}
			p, err := s.Piecewise()
			if err != nil {
				t.Fatal(err)
			}
			for _, ind := range monthly(ps, 0).Indicators {
				want, err := p.LoadIndicator(ind.Ref)
				if err != nil {
					t.Fatal(err)
				}
				got, err := p.latestFigures(ind.Ref)
				if err != nil {
					t.Fatal(err)
				}
				if g, w := len(got), len(want.Keys()); g != w {
					t.Fatalf("%s: %d series, want %d", ind.Ref, g, w)
				}
				for _, k := range want.Keys() {
					ws, gs := want.Series(k), got[k]
					if len(gs) != len(ws) {
						t.Fatalf("%s: %d figures, want %d", k, len(gs), len(ws))
					}
					for i := range ws {
						if g, w := figureWords(gs[i].Observation()), figureWords(ws[i]); g != w {
							t.Errorf("%s: %s, want %s", k, g, w)
						}
					}
				}
			}
		})
	}
}

// figureWords is what latestFigures reads of a figure, in words.
func figureWords(o app.Observation) string {
	num := func(f *float64) string {
		if f == nil {
			return "-"
		}
		return fmt.Sprint(*f)
	}
	return fmt.Sprintf("%s value %s of %s/%s status %q stand-in %v", o.Period, num(o.Value), num(o.Numerator), num(o.Denominator), o.Status, o.StandIn)
}

// TestReviewHeldAllocatesLittle: reviewing a monthly file against the
// store holding its figures reads what each figure held is compared by
// (latestFigures), not whole histories: the large workbook's re-import
// made some 90,000 objects reviewing 101,280 figures, its texts and
// cells and every series' copies, where a figure held now costs a
// fraction of one.
func TestReviewHeldAllocatesLittle(t *testing.T) {
	grid := func() *app.Dataset {
		ds := gridDataset(8, 60, app.MonthOf(2025, 3), 0)
		for i := range ds.Observations {
			o := &ds.Observations[i]
			// As a workbook's cells give them, to one place.
			o.Value = app.Float(app.RoundTo(*o.Value, 1))
		}
		return ds
	}
	s := openTemp(t)
	mustImport(t, s, "feb.xlsx", grid())
	imports, err := s.Imports()
	if err != nil {
		t.Fatal(err)
	}
	inds, err := s.Indicators()
	if err != nil {
		t.Fatal(err)
	}
	ds := grid()
	n := float64(len(ds.Observations))
	allocs := testing.AllocsPerRun(3, func() {
		if _, err := ReviewHeld(s, ds, "mar.xlsx", imports, inds); err != nil {
			t.Fatal(err)
		}
	})
	if per := allocs / n; per > 0.25 {
		t.Errorf("reviewing %.0f figures held made %.0f objects, %.2f a figure; want at most 0.25", n, allocs, per)
	}
	// Each figure held is read as the little the comparison with the
	// file's needs (app.HeldFigure, 72 bytes), not as an Observation of
	// 224 with a dozen pointers for the collector: 293 bytes a figure
	// were made here, and the large re-import's review made 18.8 MB where
	// it now makes 7.5 MB.
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, err := ReviewHeld(s, ds, "mar.xlsx", imports, inds); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if per := float64(after.TotalAlloc-before.TotalAlloc) / n; per > 150 {
		t.Errorf("reviewing %.0f figures held allocated %.0f bytes a figure; want at most 150", n, per)
	}
}

// TestLatestFiguresProvesWhatItSkips: latestFigures decodes an
// indicator's figures and nothing else of it, yet a changed byte of a
// figure, or of a target it does not decode, is damage, as LoadIndicator
// finds it.
func TestLatestFiguresProvesWhatItSkips(t *testing.T) {
	for _, kind := range []recordKind{kindObservation, kindTarget} {
		t.Run(string(kindBuckets[kind]), func(t *testing.T) {
			s := openTemp(t)
			mustImport(t, s, "mar.xlsx", smallMonthly(2))
			var ref string
			if err := s.db.Update(func(tx *bolt.Tx) error {
				c := tx.Bucket(kindBuckets[kind]).Cursor()
				k, v := c.Last()
				ref = string((&keyReader{b: k}).text())
				v = bytes.Clone(v)
				v[len(v)-1] ^= 1
				return tx.Bucket(kindBuckets[kind]).Put(bytes.Clone(k), v)
			}); err != nil {
				t.Fatal(err)
			}
			p, err := s.Piecewise()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := p.latestFigures(ref); !errors.Is(err, ErrDamaged) {
				t.Errorf("latestFigures(%s) with a %s record changed: %v, want damage", ref, kindBuckets[kind], err)
			}
		})
	}
}
