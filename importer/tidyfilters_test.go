package importer

import (
	"context"
	"strings"
	"testing"

	"scorecard/app"
)

// TestTidyPowerBIFilters: the "Applied filters:" footer Power BI's
// "Export data" writes under a table is read as the filters the figures
// were drawn under, each said at its cell, never as indicators; a cohort
// filter files the figures under that cohort, and a filter to another
// area or an unknown cohort refuses the table at its cell.
func TestTidyPowerBIFilters(t *testing.T) {
	book := func(filters ...string) [][]any {
		rows := [][]any{
			{"Ref", "Indicator", "Period", "Value"},
			{"CLA", "Number of children looked after", "Apr-24", 1480},
			{"CLA", "Number of children looked after", "May-24", 1492},
			{},
			{"Applied filters:"},
		}
		for _, f := range filters {
			rows = append(rows, []any{f})
		}
		return rows
	}
	tests := []struct {
		name    string
		filters []string
		split   app.Split
		said    map[string]string // cell -> what is said there
		refused string            // the cell refused at
	}{
		{"cohort not UASC", []string{"Area is Kent", "Cohort is not UASC"}, app.Excluding(app.UASC),
			map[string]string{"A5": "not as indicators", "A6": `"Area is Kent": the figures were drawn for Kent`,
				"A7": `"Cohort is not UASC": every figure of the table is filed under the cohort "Excluding UASC"`}, ""},
		{"a filter of the periods shown, not read", []string{"Financial Year is 2024-25", "Measure is CLA"}, app.All,
			map[string]string{"A6": `filter "Financial Year is 2024-25" not read: it chose which periods or measures the table shows`,
				"A7": `filter "Measure is CLA" not read`}, ""},
		{"the authority by a model's field name", []string{"LA Name is Kent"}, app.All,
			map[string]string{"A6": `"LA Name is Kent": the figures were drawn for Kent`}, ""},
		{"another area", []string{"Area is Bradford"}, app.All, nil, "A6"},
		// QA29 3: each of these was filed as Kent's own figures.
		{"another council by the model's field", []string{"LA Name is Medway"}, app.All, nil, "A6"},
		{"another council, snake case", []string{"la_name is Medway"}, app.All, nil, "A6"},
		{"another council", []string{"Council is Medway"}, app.All, nil, "A6"},
		{"a region", []string{"Region is South East"}, app.All, nil, "A6"},
		{"a locality", []string{"Locality is North Kent"}, app.All, nil, "A6"},
		{"a team", []string{"Team is Ashford CIC"}, app.All, nil, "A6"},
		{"a gender", []string{"Gender is Female"}, app.All, nil, "A6"},
		{"a cohort not known", []string{"Cohort is Looked after by others"}, app.All, nil, "A6"},
		{"two cohorts", []string{"Cohort is not UASC", "Cohort is not OLA"}, app.All, nil, "A7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeBook(t, "Export", book(tt.filters...)), Options{})
			if tt.refused != "" {
				if err == nil || !strings.Contains(err.Error(), "Export!"+tt.refused+": refused: the figures were drawn under the filter") {
					t.Fatalf("got %v, want a refusal at %s", err, tt.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Dataset.Indicators) != 1 || res.Dataset.Indicators[0].Ref != "CLA" {
				t.Errorf("indicators %v, want CLA alone", res.Dataset.Indicators)
			}
			got := map[string]float64{}
			for _, o := range res.Dataset.Observations {
				if o.Split != tt.split {
					t.Errorf("%s %s filed under %q, want %q", o.Ref, o.Period, o.Split.Label(), tt.split.Label())
				}
				got[o.Period.String()] = *o.Value
			}
			if got["2024-04"] != 1480 || got["2024-05"] != 1492 || len(got) != 2 {
				t.Errorf("read %v", got)
			}
			for cell, want := range tt.said {
				found := false
				for _, w := range res.Warnings {
					if w.Cell == cell && strings.Contains(w.Message, want) {
						found = true
					}
				}
				if !found {
					t.Errorf("%s: nothing says %s: %v", cell, want, res.Warnings)
				}
			}
		})
	}
}
