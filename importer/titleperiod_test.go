package importer

import (
	"cmp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestDistrictSheetDatedByYearOrQuarter: a district sheet whose title
// names a month holds that month's figures; one naming a year or a
// quarter holds that period's beside a scorecard of years or quarters,
// and beside months the latest month's, said at A1 (where the scorecard
// and its export show them); one naming none takes the scorecard's
// latest period, of whatever kind. Beside a scorecard of years the
// workbook had been refused.
func TestDistrictSheetDatedByYearOrQuarter(t *testing.T) {
	fy := func(y int) app.Period { return app.Period{Kind: app.FinancialYear, Year: y} }
	months := []any{"Jul-24", "Aug-24", "Sep-24"}
	years := []any{"2022/23", "2023/24", "2024/25"}
	tests := []struct {
		name, title string
		heads       []any
		want        app.Period
		warn        string
		sheet       string // "" for Districts
	}{
		{"a year beside months", "District summary - 2024/25", months, app.MonthOf(2024, 9), "the title names 2024/25, not a month: district figures dated Sep-24, the latest month on the scorecard", ""},
		{"a quarter beside months", "Districts: Q2 2024/25", months, app.MonthOf(2024, 9), "the title names Jul-Sep 2024, not a month", ""},
		{"a month before a year", "2024/25 year to date, September 2024", months, app.MonthOf(2024, 9), "", ""},
		{"a month the sheet's name contradicts", "District summary - August 2024", months, app.MonthOf(2024, 8), "the title names Aug-24 but the sheet's name Sep-24: district figures dated Aug-24, as the title says", "Districts Sep-24"},
		{"a quarter's months beside months", "Districts: April to June 2024", []any{"Apr-24", "May-24", "Jun-24"}, app.MonthOf(2024, 6), "the title names Apr-Jun 2024, not a month", ""},
		{"a quarter's months beside years", "Districts: Jan-Mar 2025", years, app.Period{Kind: app.Quarter, Year: 2025, N: 1}, "", ""},
		{"a year's months beside years", "Districts, April 2024 to March 2025", years, fy(2024), "", ""},
		{"a year beside years", "District summary - 2024/25", years, fy(2024), "", ""},
		{"a year's shorthand beside years", "District summary - 2024/5", years, fy(2024), "", ""},
		{"nothing beside years", "District summary", years, fy(2024), "no period in the title: district figures dated 2024/25, the latest period on the scorecard", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "Scorecard")
			f.SetSheetRow("Scorecard", "A1", &[]any{"Kent performance scorecard"})
			f.SetSheetRow("Scorecard", "A3", &[]any{"Ref", "Indicator", "Polarity", tt.heads[0], tt.heads[1], tt.heads[2]})
			f.SetSheetRow("Scorecard", "A4", &[]any{"CIC01", "Number of children in care", "L", 1900, 1910, 1920})
			sheet := cmp.Or(tt.sheet, "Districts")
			f.NewSheet(sheet)
			f.SetSheetRow(sheet, "A1", &[]any{tt.title})
			f.SetSheetRow(sheet, "A3", &[]any{"Ref", "Indicator", "Ashford", "Canterbury", "Dover"})
			f.SetSheetRow(sheet, "A4", &[]any{"CIC01", "Number of children in care", 120, 130, 140})
			res := readFile(t, f)
			var dover []app.Period
			for _, o := range res.Dataset.Observations {
				if o.Area == "Dover" {
					dover = append(dover, o.Period)
				}
			}
			if len(dover) != 1 || dover[0] != tt.want {
				t.Errorf("Dover's figures dated %v, want %s", dover, tt.want)
			}
			said := tt.warn == ""
			for _, w := range res.Warnings {
				said = said || w.Sheet == sheet && strings.Contains(w.Message, tt.warn)
			}
			if !said {
				t.Errorf("no warning %q: %v", tt.warn, res.Warnings)
			}
		})
	}
}
