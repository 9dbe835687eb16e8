package cohort_test

import (
	"context"
	"path/filepath"
	"testing"

	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/importer"
)

// TestExcludeDemoWorkbook reads the embedded demo workbook as a user's
// import would and checks its own "(excluding UASC)" twin rows against
// all-minus-UASC arithmetic: they must agree (no warning), and the
// figures excluding UASC must come from those rows.
func TestExcludeDemoWorkbook(t *testing.T) {
	res, err := importer.Read(context.Background(), filepath.Join("..", "..", "assets", "demo.xlsx"), importer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := app.NewHistory()
	h.Imports = []app.Import{{ID: "I1", Source: res.File}}
	h.Apply(res.Dataset, "I1")
	got, warns := cohort.Exclude(h, []app.Cohort{app.UASC})
	for _, w := range warns {
		t.Errorf("the demo's excluding-UASC row disagrees: %v", w)
	}
	// The check above is only a check where the workbook also gives the
	// UASC-only rows to do the arithmetic with: recompute without the
	// twin rows and compare.
	excl := app.Excluding(app.UASC)
	bare := app.NewHistory()
	d := *res.Dataset
	d.Observations = nil
	for _, o := range res.Dataset.Observations {
		if o.Split != excl {
			d.Observations = append(d.Observations, o)
		}
	}
	bare.Apply(&d, "I1")
	recomputed, _ := cohort.Exclude(bare, []app.Cohort{app.UASC})
	arithmetic := 0
	twins := 0
	for _, k := range h.Keys() {
		if k.Split != excl {
			continue
		}
		for _, want := range h.Series(k) {
			o, ok := got.Observation(app.SeriesKey{Ref: k.Ref, Area: k.Area}, want.Period)
			if !ok || !o.SameFigures(want) {
				t.Errorf("%v %v: excluding UASC gives %+v, want the workbook's %+v", k, want.Period, o, want)
			}
			twins++
			r, _ := recomputed.Observation(app.SeriesKey{Ref: k.Ref, Area: k.Area}, want.Period)
			if r.Status == app.CannotExclude {
				continue // no UASC-only row for this one (the rate, CIC02)
			}
			arithmetic++
			ind, _ := h.Indicator(k.Ref)
			if r.Value == nil || want.Value == nil || app.RoundTo(*r.Value, ind.Decimals) != app.RoundTo(*want.Value, ind.Decimals) {
				t.Errorf("%v %v: all minus UASC gives %v, the workbook %v", k, want.Period, r.Value, want.Value)
			}
		}
	}
	if twins == 0 || arithmetic == 0 {
		t.Fatalf("%d excluding-UASC figures, %d recomputed: nothing was checked", twins, arithmetic)
	}
	t.Logf("%d figures from the workbook's excluding-UASC rows, %d of them recomputed from its all and UASC-only rows and matched", twins, arithmetic)
}
