package importer

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// TestTidyByName: Power BI's "Export data" long tables without a Ref
// column (`Month, Measure, Value`; `Indicator, Period, Area, Value`), in
// a workbook or a CSV, are read as a scorecard without Refs is, each
// indicator filed under the ref made from its name or under the store's
// indicator of that name, said once at the Indicator heading; they had
// been refused "no header row found" (QA27b 8).
func TestTidyByName(t *testing.T) {
	apr, may := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	pbi := [][]any{
		{"Month", "Measure", "Value"},
		{apr, "Number of children looked after", 1480},
		{apr, "Percentage of re-referrals within 12 months", 21.3},
		{may, "Number of children looked after", 1492},
		{may, "Percentage of re-referrals within 12 months", 22.0},
	}
	serials := [][]any{
		{"Date", "Measure", "Value"},
		{"45412", "Number of children looked after", "1,480"},
		{"45443", "Number of children looked after", "1,492"},
	}
	areas := "Indicator,Period,Area,Value\n" +
		"Number of children looked after,Apr-24,Leeds,1480\n" +
		"Number of children looked after,May-24,Leeds,1492\n" +
		"Re-referrals within 12 months (%),Apr-24,Leeds,21.3\n" +
		"Re-referrals within 12 months (%),May-24,Leeds,22.0\n"
	measure := "Measure,Period,Value\nNumber of children looked after,Apr-24,1480\nNumber of children looked after,May-24,1492\n"
	stored := []app.Indicator{{Ref: "CLA", Name: "Number of children looked after"}}
	tests := []struct {
		name  string
		path  func(t *testing.T) string
		store []app.Indicator
		obs   []string // "REF period value", sorted
		at    string   // the heading the names are said at
		said  []string // in that warning
		filed string   // said at the first row where a name is filed under a store's Ref
	}{
		{"Power BI workbook, date cells", func(t *testing.T) string { return writeBook(t, "Export", pbi) }, nil,
			[]string{"NCLA-4384 2024-04 1480", "NCLA-4384 2024-05 1492", "PRRW1M-8266 2024-04 21.3", "PRRW1M-8266 2024-05 22"},
			"B1", []string{"no Ref column: the 2 indicators below are known by their names", `NCLA-4384 "Number of children looked after"`, `PRRW1M-8266 "Percentage of re-referrals within 12 months"`}, ""},
		{"Power BI workbook, serials as text", func(t *testing.T) string { return writeBook(t, "Export", serials) }, nil,
			[]string{"NCLA-4384 2024-04 1480", "NCLA-4384 2024-05 1492"},
			"B1", []string{`the 1 indicators below are known by their names`}, ""},
		{"workbook, the store's name", func(t *testing.T) string { return writeBook(t, "Export", pbi) }, stored,
			[]string{"CLA 2024-04 1480", "CLA 2024-05 1492", "PRRW1M-8266 2024-04 21.3", "PRRW1M-8266 2024-05 22"},
			"B1", []string{`CLA "Number of children looked after" (the Ref of the same name, said at its cell)`}, "B2"},
		{"CSV with areas", func(t *testing.T) string { return writeCSV(t, areas) }, nil,
			[]string{"NCLA-4384 2024-04 1480", "NCLA-4384 2024-05 1492", "RRW1M-0548 2024-04 21.3", "RRW1M-0548 2024-05 22"},
			"line 1", []string{`RRW1M-0548 "Re-referrals within 12 months (%)"`}, ""},
		{"CSV, the store's name", func(t *testing.T) string { return writeCSV(t, measure) }, stored,
			[]string{"CLA 2024-04 1480", "CLA 2024-05 1492"},
			"line 1", []string{`CLA "Number of children looked after"`}, "line 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), tt.path(t), Options{Authority: lookup(t, "Leeds"), Indicators: tt.store})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range res.Dataset.Observations {
				if o.Value != nil {
					got = append(got, o.Ref+" "+o.Period.String()+" "+strconv.FormatFloat(*o.Value, 'g', -1, 64))
				}
			}
			slices.Sort(got)
			if strings.Join(got, "|") != strings.Join(tt.obs, "|") {
				t.Errorf("figures\n got %v\nwant %v", got, tt.obs)
			}
			n, filed := 0, false
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "no Ref column") {
					n++
					if w.Cell != tt.at {
						t.Errorf("said at %s, want %s: %s", w.Cell, tt.at, w.Message)
					}
					for _, s := range tt.said {
						if !strings.Contains(w.Message, s) {
							t.Errorf("%q not said: %s", s, w.Message)
						}
					}
				}
				if strings.Contains(w.Message, "filed under CLA, the indicator of the same name in the store") {
					filed = filed || w.Cell == tt.filed
				}
			}
			if n != 1 {
				t.Errorf("the names said %d times, want once: %v", n, res.Warnings)
			}
			if tt.filed != "" && !filed {
				t.Errorf("the store's Ref not said at %s: %v", tt.filed, res.Warnings)
			}
		})
	}
}
