package importer

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestSpanColumnAcrossFiles (QA21 H3): a later file giving only "YTD to
// Mar-25" revised the stored March figure of a monthly indicator with
// its year-to-date total. Read with the store's definition, as the CLI
// reads a second file, the column gives figures only to an indicator
// whose data period is YTD; others are refused at the heading.
func TestSpanColumnAcrossFiles(t *testing.T) {
	write := func(t *testing.T, name string, head []any, row []any) string {
		t.Helper()
		f := excelize.NewFile()
		defer f.Close()
		f.SetSheetName("Sheet1", "Scorecard")
		f.SetSheetRow("Scorecard", "A1", &head)
		f.SetSheetRow("Scorecard", "A2", &row)
		path := filepath.Join(t.TempDir(), name)
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	first := write(t, "k1.xlsx", []any{"Ref", "Indicator", "Polarity", "Jan-25", "Feb-25", "Mar-25"}, []any{"CIN1", "Number of referrals", "-", 400, 395, 410})
	res, err := Read(t.Context(), first, Options{})
	if err != nil {
		t.Fatal(err)
	}
	stored := map[string]app.Indicator{}
	for _, ind := range res.Dataset.Indicators {
		stored[ind.Ref] = ind
	}
	second := write(t, "k2.xlsx", []any{"Ref", "Indicator", "Polarity", "YTD to Mar-25"}, []any{"CIN1", "Number of referrals", "-", 4900})
	for _, tt := range []struct {
		name string
		dp   app.DataPeriod // set on the stored definition
		want string
		warn string
	}{
		{"as stored: no data period", "", "[]", "not read for CIN1 (row 2, data period none given)"},
		{"monthly", app.Monthly, "[]", "not read for CIN1 (row 2, data period M)"},
		{"year to date", app.YearToDate, "[2025-03=4900]", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(t.Context(), second, Options{Defined: func(ref string) (app.Indicator, bool) {
				ind, ok := stored[ref]
				if ok && tt.dp != "" {
					ind.DataPeriod = tt.dp
				}
				return ind, ok
			}})
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, o := range res.Dataset.Observations {
				if o.Value != nil {
					got = append(got, fmt.Sprintf("%s=%g", o.Period, *o.Value))
				}
			}
			if fmt.Sprint(got) != tt.want {
				t.Errorf("CIN1's figures %v, want %s", got, tt.want)
			}
			refused := slices.ContainsFunc(res.Warnings, func(w app.Warning) bool {
				return w.Cell == "D1" && strings.Contains(w.Message, "not read for CIN1") && strings.Contains(w.Message, "give the data period YTD")
			})
			switch {
			case tt.warn == "" && refused:
				t.Errorf("refused at D1, want read: %v", res.Warnings)
			case tt.warn != "" && !slices.ContainsFunc(res.Warnings, func(w app.Warning) bool { return w.Cell == "D1" && strings.Contains(w.Message, tt.warn) }):
				t.Errorf("no warning at D1 with %q: %v", tt.warn, res.Warnings)
			}
		})
	}
}
