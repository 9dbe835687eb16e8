package importer

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// heldStore is a store's figures by ref, each of one kind of period, as
// Options.Indicators and Options.Held give them.
func heldStore(kinds map[string]app.PeriodKind) Options {
	var inds []app.Indicator
	held := map[string][]app.Observation{}
	for ref, k := range kinds {
		inds = append(inds, app.Indicator{Ref: ref, Name: ref})
		var p app.Period
		switch k {
		case app.Month:
			p = app.MonthOf(2024, time.December)
		case app.Quarter:
			p = app.Period{Kind: app.Quarter, Year: 2024, N: 4}
		default:
			p = app.Period{Kind: k, Year: 2023}
		}
		held[ref] = []app.Observation{{Ref: ref, Area: app.Kent, Period: p, Value: app.Float(1)}}
	}
	slices.SortFunc(inds, func(a, b app.Indicator) int { return strings.Compare(a.Ref, b.Ref) })
	return Options{Indicators: inds, Held: func(ref string) []app.Observation { return held[ref] }}
}

// TestListAtStoreCadence imports the worked Annex A list into stores of
// quarterly, monthly and mixed figures (QA30 finding 4: one list as at 31
// March turned a quarterly borough's every report into a monthly "March
// 2025" one, silently, its CIC01 and CIC05 losing their direction of
// travel): as at a quarter's end an indicator the store holds by quarter
// is filed under that quarter, and in a store of quarters every figure
// and breakdown is; as at another day a store of quarters refuses the
// list, naming the file and the date, and a monthly store files it by
// month, saying so of the indicators it holds by quarter.
func TestListAtStoreCadence(t *testing.T) {
	path := filepath.Join("childlevel", "testdata", "annexa-libreoffice.xlsx")
	mar31 := time.Date(2025, time.March, 31, 0, 0, 0, 0, time.UTC)
	feb28 := time.Date(2025, time.February, 28, 0, 0, 0, 0, time.UTC)
	q1 := app.Period{Kind: app.Quarter, Year: 2025, N: 1}
	mar, feb := app.MonthOf(2025, time.March), app.MonthOf(2025, time.February)
	quarterly := map[string]app.PeriodKind{"CIC01": app.Quarter, "CIC05": app.Quarter, "SCS01": app.Quarter, "ED01": app.AcademicYear}
	mixed := map[string]app.PeriodKind{"CIC01": app.Quarter, "SCS01": app.Month}
	monthly := map[string]app.PeriodKind{"CIC01": app.Month, "SCS01": app.Month}
	tests := []struct {
		name   string
		store  map[string]app.PeriodKind
		asAt   time.Time
		period map[string]app.Period // each ref's figures' period
		// breakdowns is the period of every breakdown.
		breakdowns app.Period
		said       string // a warning at the list's sheet
		refused    string // the refusal's words, naming the date
	}{
		{"quarterly store, quarter end", quarterly, mar31,
			map[string]app.Period{"CIC01": q1, "CIC05": q1, "CIC12": q1}, q1,
			"counted as at 31 Mar 2025, the last day of Jan-Mar 2025: the figures of all 14 of its indicators are filed under Jan-Mar 2025, not Mar-25, as the store holds CIC01, CIC05 by quarter", ""},
		{"quarterly store, mid-quarter", quarterly, feb28, nil, app.Period{}, "",
			"counted as at 28 Feb 2025, which ends no quarter, and the store's figures are quarterly: not imported, since figures filed under Feb-25 would turn every report monthly; count the list as at a quarter's end, e.g. --as-at 2025-03-31 for Jan-Mar 2025"},
		{"mixed store, quarter end", mixed, mar31,
			map[string]app.Period{"CIC01": q1, "CIC05": mar, "CIC12": mar}, mar,
			"the figures of CIC01 are filed under Jan-Mar 2025, not Mar-25, as the store holds CIC01 by quarter", ""},
		{"mixed store, mid-quarter", mixed, feb28,
			map[string]app.Period{"CIC01": feb, "CIC05": feb, "CIC12": feb}, feb,
			"counted as at 28 Feb 2025, which ends no quarter: the figures of CIC01 are filed under Feb-25, beside quarters (the store holds CIC01 by quarter), not under Jan-Mar 2025", ""},
		{"monthly store", monthly, mar31,
			map[string]app.Period{"CIC01": mar, "CIC05": mar, "CIC12": mar}, mar, "", ""},
		{"empty store", nil, mar31,
			map[string]app.Period{"CIC01": mar, "CIC05": mar, "CIC12": mar}, mar, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := heldStore(tt.store)
			opt.AsAt = tt.asAt
			res, err := Read(context.Background(), path, opt)
			if tt.refused != "" {
				var se *app.SourceError
				if !errors.As(err, &se) || se.File != "annexa-libreoffice.xlsx" || se.Sheet != "List 8" || !strings.Contains(err.Error(), tt.refused) {
					t.Fatalf("error %v: want the list refused at its file and sheet saying %q", err, tt.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for ref, want := range tt.period {
				n := 0
				for _, o := range res.Dataset.Observations {
					if o.Ref != ref {
						continue
					}
					n++
					if o.Period != want {
						t.Errorf("%s %s %s filed under %v, want %v", ref, o.Area, o.Split.Label(), o.Period, want)
					}
				}
				if n == 0 {
					t.Errorf("no %s figure", ref)
				}
			}
			if len(res.Dataset.Breakdowns) == 0 {
				t.Fatal("no breakdowns")
			}
			for _, b := range res.Dataset.Breakdowns {
				if b.Period != tt.breakdowns {
					t.Fatalf("breakdown %s %s filed under %v, want %v", b.Dimension, b.Category, b.Period, tt.breakdowns)
				}
			}
			var said []app.Warning
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "ends no quarter") || strings.Contains(w.Message, "by quarter") {
					said = append(said, w)
				}
			}
			switch {
			case tt.said == "" && len(said) > 0:
				t.Errorf("warnings %v: want none of quarters", said)
			case tt.said != "" && (len(said) != 1 || !strings.Contains(said[0].Message, tt.said) || said[0].File != "annexa-libreoffice.xlsx" || said[0].Sheet != "List 8"):
				t.Errorf("warnings %v: want one at the list's sheet saying %q", said, tt.said)
			}
		})
	}
}
