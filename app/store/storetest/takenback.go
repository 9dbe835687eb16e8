package storetest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/store"
)

// takenBackScenarios are the scenarios of a re-issued earlier month
// imported after a later month's file (QA23a D1): every figure the later
// file gave, changed or restated unchanged, is said as taken back.
var takenBackScenarios = []scenario{
	{"a re-issued month says the later files' figures it takes back", takenBackInTurn},
	{"a re-issued month says the later file's target it takes back, restated unchanged", takenBackTarget},
	{"a re-issued month says what a later file that only restated holds after an undo", takenBackAfterUndo},
}

// takenBackAfterUndo is QA24b D2: m05 restated every figure of the file
// before it, so counted none of its own when imported; once that file is
// undone m05 holds them, and a re-issued earlier month took them back
// with no word, as the import-time count was read for what m05 held.
func takenBackAfterUndo(t *testing.T, st store.Store, _ Options) {
	kent := string(app.Kent)
	dec, jan := kentMonths[2], kentMonths[3]
	mustImport(t, st, "full.xlsx", monthsFile(5, nil))
	if rec := mustImport(t, st, "m05.xlsx", monthsFile(5, nil)); rec.Counts.Observations != 0 {
		t.Fatalf("m05 counted %d observations of its own, want 0: it only restated", rec.Counts.Observations)
	}
	mustUndo(t, st, "I0001")
	m03r := monthsFile(3, map[string]map[app.Period]float64{"CIC01": {dec: 1926, jan: 1933}, "SCS02": {dec: 19.4}})
	got := saidTakenBack(t, st, "m03r.xlsx", m03r)
	want := []string{
		"m03r.xlsx: Scorecard!J3: CIC01: this file's figures run to Jan-25, but I0002 (m05.xlsx), which gave figures to Mar-25, is later; it takes back 2 of that later file's figures: " + kent + " Dec-24 1925 to 1926, " + kent + " Jan-25 1930 to 1933",
		"m03r.xlsx: Scorecard!J4: SCS02: this file's figures run to Jan-25, but I0002 (m05.xlsx), which gave figures to Mar-25, is later; it takes back 1 of that later file's figures: " + kent + " Dec-24 19 to 19.4",
	}
	if !slices.Equal(got, want) {
		t.Errorf("m03r after m05 and the undo of full:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// monthsFile is the Kent scorecard for month upto of kentMonths, giving
// it and the three months before, as QA23a's months/gen.py makes them:
// rev, by ref and month, replaces the figures a re-issue revised.
func monthsFile(upto int, rev map[string]map[app.Period]float64) *app.Dataset {
	ds := &app.Dataset{Indicators: []app.Indicator{
		{Ref: "CIC01", Name: "Number of children in care", Unit: app.Number, DataPeriod: app.Snapshot},
		{Ref: "SCS02", Name: "Average social worker caseload", Polarity: app.LowerBetter, Unit: app.Number, DataPeriod: app.Snapshot},
	}}
	base := map[string][]float64{"CIC01": {1900, 1910, 1925, 1930, 1942, 1950}, "SCS02": {18.0, 18.5, 19.0, 18.2, 17.9, 17.5}}
	for r, ind := range ds.Indicators {
		for m := max(0, upto-3); m <= upto; m++ {
			p := kentMonths[m]
			v := base[ind.Ref][m]
			if x, ok := rev[ind.Ref][p]; ok {
				v = x
			}
			ds.Observations = append(ds.Observations, app.Observation{Ref: ind.Ref, Area: app.Kent, Split: app.All, Period: p,
				Value: app.Float(v), Cell: fmt.Sprintf("Scorecard!%c%d", 'H'+m-max(0, upto-3), 3+r)})
		}
	}
	return ds
}

// kentMonths are the months of monthsFile's figures, Oct-24 to Mar-25.
var kentMonths = Months(app.MonthOf(2025, 3), 6)

func takenBackInTurn(t *testing.T, st store.Store, _ Options) {
	kent := string(app.Kent) // the area the warnings name
	// What a figure the later file only repeated adds: this file may
	// correct the month rather than take it back (QA24b D3).
	const correction = " (if this file is a correction, nothing more to do; if an older copy, undo this import)"
	dec, jan, feb := kentMonths[2], kentMonths[3], kentMonths[4]
	m03r := func() *app.Dataset {
		return monthsFile(3, map[string]map[app.Period]float64{"CIC01": {dec: 1926, jan: 1933}, "SCS02": {dec: 19.4}})
	}
	m04r := func() *app.Dataset {
		return monthsFile(4, map[string]map[app.Period]float64{"CIC01": {jan: 1929, feb: 1940}})
	}
	// takenBack is what an import of ds as name says it takes back, as
	// importing.go asks it.
	takenBack := func(name string, ds *app.Dataset) []string {
		t.Helper()
		return saidTakenBack(t, st, name, ds)
	}
	same := func(what string, got, want []string) {
		t.Helper()
		if !slices.Equal(got, want) {
			t.Errorf("%s:\n%s\nwant:\n%s", what, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	mustImport(t, st, "m02.xlsx", monthsFile(2, nil))
	mustImport(t, st, "m03.xlsx", monthsFile(3, nil))
	mustImport(t, st, "m04.xlsx", monthsFile(4, nil))
	// The figures stay the first file's; the later files restated them.
	h, err := st.LoadIndicator("CIC01")
	if err != nil {
		t.Fatal(err)
	}
	cic01 := app.SeriesKey{Ref: "CIC01", Area: app.Kent, Split: app.All}
	for p, want := range map[app.Period][]string{dec: {"I0002", "I0003"}, jan: {"I0003"}, feb: nil} {
		if got := h.Restated(cic01, p); !slices.Equal(got, want) {
			t.Errorf("LoadIndicator: CIC01 %s restated by %v, want %v", p.Label(), got, want)
		}
	}
	same("m03r after m04", takenBack("m03r.xlsx", m03r()), []string{
		"m03r.xlsx: Scorecard!J3: CIC01: this file's figures run to Jan-25, but I0003 (m04.xlsx), which gave figures to Feb-25, is later; it takes back, or corrects, 2 figures that later file repeated: " + kent + " Dec-24 1925 to 1926, " + kent + " Jan-25 1930 to 1933" + correction,
		"m03r.xlsx: Scorecard!J4: SCS02: this file's figures run to Jan-25, but I0003 (m04.xlsx), which gave figures to Feb-25, is later; it takes back, or corrects, 1 figure that later file repeated: " + kent + " Dec-24 19 to 19.4" + correction,
	})
	// QA23a's variant: m04r, made after m03r, gave Dec-24 1925 again as
	// a version of its own; undoing m03r leaves it a restatement of
	// m02's, which m03r, imported again, takes back too.
	mustImport(t, st, "m03r.xlsx", m03r())
	mustImport(t, st, "m04r.xlsx", m04r())
	mustUndo(t, st, "I0004")
	same("m03r again after m04r and the undo of m03r", takenBack("m03r.xlsx", m03r()), []string{
		"m03r.xlsx: Scorecard!J3: CIC01: this file's figures run to Jan-25, but I0005 (m04r.xlsx), which gave figures to Feb-25, is later; it takes back 1 of that later file's figures: " + kent + " Jan-25 1929 to 1933; and it takes back, or corrects, 1 figure that later file repeated: " + kent + " Dec-24 1925 to 1926" + correction,
		"m03r.xlsx: Scorecard!J4: SCS02: this file's figures run to Jan-25, but I0005 (m04r.xlsx), which gave figures to Feb-25, is later; it takes back, or corrects, 1 figure that later file repeated: " + kent + " Dec-24 19 to 19.4" + correction,
	})
	// A month's file after the months before it takes nothing back.
	same("m05 after m04r", takenBack("m05.xlsx", monthsFile(5, nil)), nil)
}
