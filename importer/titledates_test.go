package importer

import (
	"cmp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestDistrictSheetDatedByADate checks a district sheet whose title
// gives a date in figures ("data as at 31/08/2025", 2025-08-31, or a real
// date cell beside "Data as at:") holds that date's month's figures, as
// one naming "31 August 2025" does, rather than the scorecard's latest
// month under a warning that the title names no period; a date not at a
// month's end names its month, with a warning saying which date was
// read; a date the report was produced on dates nothing, even beside
// the figures' date; a title's date in figures stands against a month
// the sheet's name names, as a month in words does, with a warning.
func TestDistrictSheetDatedByADate(t *testing.T) {
	aug, sep := app.MonthOf(2025, time.August), app.MonthOf(2025, time.September)
	day := func(d, m int) time.Time { return time.Date(2025, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		title []any
		want  app.Period
		warn  string // a warning the import must give; "" for none on the sheet
		sheet string // the district sheet's name; "" for Districts
	}{
		{"dd/mm/yyyy", []any{"District breakdown - data as at 31/08/2025"}, aug, "", ""},
		{"d/m/yyyy in brackets", []any{"District breakdown (as at 31/8/2025)"}, aug, "", ""},
		{"dd.mm.yyyy", []any{"District breakdown, 31.08.2025."}, aug, "", ""},
		{"ISO", []any{"District breakdown 2025-08-31"}, aug, "", ""},
		{"a date cell beside its label", []any{"District breakdown", "Data as at:", time.Date(2025, 8, 31, 0, 0, 0, 0, time.UTC)}, aug, "", ""},
		{"in words", []any{"District breakdown - 31 August 2025"}, aug, "", ""},
		{"not a month's end", []any{"District breakdown - data as at 15/08/2025"}, aug, "Districts!A1: the title's date 15/08/2025 is not a month's end: district figures dated Aug-25", ""},
		{"a date cell not at a month's end", []any{"District breakdown", "Data as at:", time.Date(2025, 8, 20, 0, 0, 0, 0, time.UTC)}, aug, "Districts!C1: the title's date 20/08/2025 is not a month's end", ""},
		{"month first cannot be", []any{"District breakdown - 08/31/2025"}, app.MonthOf(2025, time.September), "no period in the title", ""},
		{"the day it was produced", []any{"District breakdown", "Produced 02/10/2025"}, app.MonthOf(2025, time.September), "no period in the title", ""},
		{"produced after the figures' date", []any{"District summary - data as at 31/08/2025 (produced 03/09/2025)"}, aug, "", ""},
		{"produced before the figures' date", []any{"Printed 03/09/2025; data as at 31/08/2025"}, aug, "", ""},
		{"produced first, in words", []any{"District summary - produced 5 September 2025: figures for August 2025"}, aug, "", ""},
		{"produced after, in words", []any{"District summary for August 2025 (printed 3 September 2025)"}, aug, "", ""},
		{"produced in words, figures' date in figures", []any{"Produced 3 September 2025; data as at 31/08/2025"}, aug, "", ""},
		{"produced in words beside its label", []any{"District summary", "Produced:", "3 September 2025", "Figures for:", "August 2025"}, aug, "", ""},
		{"only the day it was produced, in words", []any{"District summary", "Produced 2 October 2025"}, app.MonthOf(2025, time.September), "no period in the title", ""},
		{"date cells, produced first", []any{"District summary", "Produced:", day(3, 9), "Data as at:", day(31, 8)}, aug, "", ""},
		{"date cells, produced second", []any{"District summary", "Data as at:", day(31, 8), "Extracted:", day(3, 9)}, aug, "", ""},
		{"a date cell beside \"Report run:\"", []any{"District summary", "Report run:", day(7, 9), "Data as at:", day(31, 8)}, aug, "", ""},
		{"issued, in words", []any{"District summary - issued 5 September 2025: figures for August 2025"}, aug, "", ""},
		{"two figures' dates", []any{"District summary - data as at 31/08/2025", "Data as at:", day(30, 9)}, aug, "Districts!A1: the title rows give two dates, 31/08/2025 at A1 and 30/09/2025 at C1", ""},
		{"the same date twice", []any{"District summary - data as at 31/08/2025", "Data as at:", day(31, 8)}, aug, "", ""},
		{"sheet's name another month, title in figures", []any{"District summary - data as at 30/09/2025"}, sep, "A1: the title names Sep-25 but the sheet's name Aug-25: district figures dated Sep-25, as the title says", "Districts Aug-25"},
		{"sheet's name another month, ISO title", []any{"District summary 2025-09-30"}, sep, "A1: the title names Sep-25 but the sheet's name Aug-25", "Districts Aug-25"},
		{"sheet's name another month, title in words", []any{"District summary - 30 September 2025"}, sep, "A1: the title names Sep-25 but the sheet's name Aug-25", "Districts Aug-25"},
		{"sheet's name the month, title undated", []any{"District summary"}, aug, "", "Districts Aug-25"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "Scorecard")
			f.SetSheetRow("Scorecard", "A1", &[]any{"Ref", "Indicator", "Polarity", "Jul-25", "Aug-25", "Sep-25"})
			f.SetSheetRow("Scorecard", "A2", &[]any{"DD01", "Number of children in care", "", 1000, 1010, 1020})
			sheet := cmp.Or(tt.sheet, "Districts")
			f.NewSheet(sheet)
			f.SetSheetRow(sheet, "A1", &tt.title)
			for i, v := range tt.title {
				if _, ok := v.(time.Time); ok {
					st, _ := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("dd/mm/yyyy")})
					c := string(rune('A'+i)) + "1"
					f.SetCellStyle(sheet, c, c, st)
				}
			}
			f.SetSheetRow(sheet, "A2", &[]any{"Ref", "Indicator", "Ashford", "Canterbury", "Dover"})
			f.SetSheetRow(sheet, "A3", &[]any{"DD01", "Number of children in care", 84, 85, 86})
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
			var said []string
			for _, w := range res.Warnings {
				if w.Sheet == sheet {
					said = append(said, w.Sheet+"!"+w.Cell+": "+w.Message)
				}
			}
			switch {
			case tt.warn == "" && len(said) > 0:
				t.Errorf("warned %q; want no warning on the district sheet", said)
			case tt.warn != "" && (len(said) != 1 || !strings.Contains(said[0], tt.warn)):
				t.Errorf("warned %q; want one warning %q", said, tt.warn)
			}
		})
	}
}
