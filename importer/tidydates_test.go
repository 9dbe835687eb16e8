package importer

import (
	"context"
	"errors"
	"strings"
	"testing"

	"scorecard/app"
)

// TestTidyPeriodDates: a tidy table's periods written as dates, as SQL,
// SSRS and Power BI exports write them, read as the month each is the
// first or last day of, by the month headings' reader (dateHeadings),
// said once at the first row with the order read; a column whose order
// cannot be settled is refused there, and a row whose period does not
// read makes no indicator.
func TestTidyPeriodDates(t *testing.T) {
	table := func(dates ...string) string {
		b := "Ref,Indicator,Period,Value\n"
		for i, d := range dates {
			b += "CLA,Children looked after," + d + "," + []string{"1480", "1492", "1501"}[i] + "\n"
		}
		return b
	}
	tests := []struct {
		name    string
		body    string
		want    map[string]float64 // period -> CLA's value
		said    string             // said at line 2
		refused string             // the table refused saying this
	}{
		{"UK day first", table("01/04/2024", "01/05/2024", "01/06/2024"),
			map[string]float64{"2024-04": 1480, "2024-05": 1492, "2024-06": 1501},
			`periods written as dates ("01/04/2024" here and 2 more rows) read as the month each is the first or last day of (Apr-24); read day first`, ""},
		{"ISO month ends", table("2024-04-30", "2024-05-31", "2024-06-30"),
			map[string]float64{"2024-04": 1480, "2024-05": 1492, "2024-06": 1501},
			`("2024-04-30" here and 2 more rows) read as the month each is the first or last day of (Apr-24)`, ""},
		{"Power BI ISO with time", table("2024-04-01T00:00:00", "2024-05-01T00:00:00", "2024-06-01T00:00:00"),
			map[string]float64{"2024-04": 1480, "2024-05": 1492, "2024-06": 1501},
			`("2024-04-01T00:00:00" here and 2 more rows)`, ""},
		{"Power BI service US with AM", table("4/1/2024 12:00:00 AM", "5/1/2024 12:00:00 AM", "6/1/2024 12:00:00 AM"),
			map[string]float64{"2024-04": 1480, "2024-05": 1492, "2024-06": 1501},
			`read month first`, ""},
		{"US month first", table("4/30/2024", "5/31/2024", "6/30/2024"),
			map[string]float64{"2024-04": 1480, "2024-05": 1492, "2024-06": 1501},
			`read month first (mm/dd/yyyy`, ""},
		{"orders mixed", table("01/04/2024", "05/31/2024", "06/30/2024"), nil, "",
			`could be day/month or month/day`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeCSV(t, tt.body), Options{})
			if tt.refused != "" {
				var se *app.SourceError
				if !errors.As(err, &se) || se.Location.Cell != "line 2" || !strings.Contains(err.Error(), tt.refused) {
					t.Fatalf("got %v, want a refusal at line 2 saying %s", err, tt.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]float64{}
			for _, o := range res.Dataset.Observations {
				if o.Value != nil {
					got[o.Period.String()] = *o.Value
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("read %v, want %v", got, tt.want)
			}
			for p, v := range tt.want {
				if got[p] != v {
					t.Errorf("%s: %v, want %v", p, got[p], v)
				}
			}
			n := 0
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "written as dates") {
					n++
					if w.Cell != "line 2" || !strings.Contains(w.Message, tt.said) {
						t.Errorf("said at %s: %s\nwant at line 2: %s", w.Cell, w.Message, tt.said)
					}
				}
			}
			if n != 1 {
				t.Errorf("the dates said %d times, want once: %v", n, res.Warnings)
			}
		})
	}
}

// TestTidyUnreadPeriodMakesNoIndicator: rows whose period does not read
// (a day mid-month, no period at all) are skipped, said at their cells,
// and make no indicator, so a file of nothing else has nothing to store.
func TestTidyUnreadPeriodMakesNoIndicator(t *testing.T) {
	tests := []struct {
		name string
		body string
		refs []string
	}{
		{"mid-month days only", "Ref,Indicator,Period,Value\nCLA,Children looked after,15/04/2024,1480\nCLA,Children looked after,15/05/2024,1492\n", nil},
		{"a row with no period first", "Ref,Indicator,Period,Value\nNOTE,Figures to end of May,,\nCLA,Children looked after,2024-04,1480\n", []string{"CLA"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeCSV(t, tt.body), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var refs []string
			for _, ind := range res.Dataset.Indicators {
				refs = append(refs, ind.Ref)
			}
			if strings.Join(refs, ",") != strings.Join(tt.refs, ",") {
				t.Errorf("indicators %v, want %v", refs, tt.refs)
			}
			skipped := 0
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "row skipped") && strings.Contains(w.Message, "is not a period") {
					skipped++
				}
			}
			if want := strings.Count(tt.body, "\n") - 1 - len(tt.refs); skipped != want {
				t.Errorf("%d rows said skipped, want %d: %v", skipped, want, res.Warnings)
			}
		})
	}
}
