package storetest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/store"
)

// targetMonthsFile is the Kent scorecard of month upto (0 for Apr-25),
// giving CIC05's figures from Apr-25 to it and its 2025/26 target in
// column F, as a monthly file restating the year's target does.
func targetMonthsFile(name string, upto int, target float64) *app.Dataset {
	ind := app.Indicator{Ref: "CIC05", Name: "Children in care with 3 or more placements in the last 12 months (%)",
		Polarity: app.LowerBetter, Unit: app.Percent, DataPeriod: app.Rolling12}
	ds := &app.Dataset{Indicators: []app.Indicator{ind}}
	apr := app.MonthOf(2025, 4)
	for m := 0; m <= upto; m++ {
		ds.Observations = append(ds.Observations, app.Observation{Ref: "CIC05", Area: app.Kent, Split: app.All, Period: apr.Add(m),
			Value: app.Float([]float64{10.5, 10.8, 11.1}[m]), Cell: fmt.Sprintf("Scorecard!%c3", 'G'+m)})
	}
	ds.Targets = []app.Target{{Ref: "CIC05", Year: ind.TargetYear(apr), Target: app.Float(target)}}
	ds.TargetsAt = map[app.TargetSource]app.Location{{Ref: "CIC05"}: {File: name, Sheet: "Scorecard", Cell: "F3"}}
	return ds
}

// takenBackTarget: a later month's file that restates the year's target
// unchanged stores no version of it, but gave it as much as the file
// that set it; a re-issued earlier month stating another target, imported
// after, says it takes back that later file's target, naming the latest
// file to give it, and once those files are undone says nothing.
func takenBackTarget(t *testing.T, st store.Store, _ Options) {
	mustImport(t, st, "apr.xlsx", targetMonthsFile("apr.xlsx", 0, 12))
	mustImport(t, st, "may.xlsx", targetMonthsFile("may.xlsx", 1, 12))
	mustImport(t, st, "jun.xlsx", targetMonthsFile("jun.xlsx", 2, 12))
	h, err := st.LoadIndicator("CIC05")
	if err != nil {
		t.Fatal(err)
	}
	year := app.Period{Kind: app.FinancialYear, Year: 2025}
	if ts := h.Targets("CIC05"); len(ts) != 1 || ts[0].Import != "I0001" || *ts[0].Target != 12 {
		t.Fatalf("LoadIndicator: CIC05 targets %+v, want 2025/26's 12 set by I0001", ts)
	}
	if got := h.TargetRestated("CIC05", year); !slices.Equal(got, []string{"I0002", "I0003"}) {
		t.Errorf("LoadIndicator: CIC05 2025/26 target restated by %v, want [I0002 I0003]", got)
	}
	aprr := func() *app.Dataset { return targetMonthsFile("aprr.xlsx", 0, 11) }
	said := func(later string) []string {
		if later == "" {
			return nil
		}
		return []string{"aprr.xlsx: Scorecard!F3: CIC05: this file's figures run to Apr-25, but " + later +
			", is later; it takes back that later file's 2025/26 target (target 12 to target 11)"}
	}
	for _, step := range []struct {
		undo  string // the import undone before the re-issue is reviewed
		later string // the file the re-issue is said to take the target back from
	}{
		{"", "I0003 (jun.xlsx), which gave figures to Jun-25"},
		{"I0003", "I0002 (may.xlsx), which gave figures to May-25"},
		{"I0002", ""},
	} {
		if step.undo != "" {
			mustUndo(t, st, step.undo)
		}
		got := saidTakenBack(t, st, "aprr.xlsx", aprr())
		if want := said(step.later); !slices.Equal(got, want) {
			t.Errorf("aprr.xlsx after undoing %q:\n%s\nwant:\n%s", step.undo, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	// The re-issue's target, imported, is held, and is its own.
	mustImport(t, st, "aprr.xlsx", aprr())
	if h, err = st.LoadIndicator("CIC05"); err != nil {
		t.Fatal(err)
	}
	if ts := h.Targets("CIC05"); len(ts) != 1 || ts[0].Import != "I0004" || *ts[0].Target != 11 || h.TargetRestated("CIC05", year) != nil {
		t.Errorf("after aprr.xlsx: CIC05 targets %+v restated by %v, want 2025/26's 11 set by I0004, restated by none", ts, h.TargetRestated("CIC05", year))
	}
}

// saidTakenBack is what an import of ds as name says it takes back, as
// importing.go asks it.
func saidTakenBack(t *testing.T, st store.Store, name string, ds *app.Dataset) []string {
	t.Helper()
	imports, err := st.Imports()
	if err != nil {
		t.Fatal(err)
	}
	ws, err := app.TakenBack(ds, name, imports, store.IndicatorReader(st))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range ws {
		got = append(got, w.String())
	}
	return got
}
