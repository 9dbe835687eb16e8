package importer

import (
	"cmp"
	"fmt"
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
		{"a later cell says what the figures cover", []any{"District summary - September 2025", "Figures for August 2025"}, aug, "Districts!B1: the title rows name two months: Aug-25 here, said to be what the figures cover, and Sep-25 at A1, not said to be: district figures dated Aug-25", ""},
		{"two cells say what the figures cover", []any{"District summary - figures for August 2025", "Data to end of September 2025"}, aug, "Districts!A1: the title rows give two dates, Aug-25 at A1 and Sep-25 at B1", ""},
		{"an edition's month", []any{"District summary - September 2025 edition", "Data as at 31/08/2025"}, aug, "", ""},
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

// TestTitleSaysWhatTheDataCover (QA21 M3): "Leeds Scorecard - April 2025
// edition" in A1 above "Data to end of March 2025" dated "Current month"
// April, the month the report was issued. A month or date a title's
// words say dates the report ("edition", "updated", "Report date:") dates
// nothing, and one a title row says the figures cover ("data to",
// "figures for", "data as at", "Reporting period:") outranks any other,
// wherever it is among the title rows: the month it passes over is
// named in the warning at each heading it dates.
func TestTitleSaysWhatTheDataCover(t *testing.T) {
	head := []any{"Ref", "Indicator", "Polarity", "Same month last year", "Previous month", "Current month"}
	rows := [][]any{{"RL01", "Re-referral rate (%)", "L", 23.0, 21.0, 20.1}}
	march := []string{"2024-03=23", "2025-02=21", "2025-03=20.1"}
	tests := []struct {
		name   string
		above  [][]any
		want   []string
		warned map[string][]string // by cell, the parts of one warning there
	}{
		{"an edition above the data's month (r13)", [][]any{{"Kent Scorecard - April 2025 edition"}, {"Data to end of March 2025"}, {}}, march,
			map[string][]string{"F4": {`column F "Current month" read as Mar-25`, `the title "Data to end of March 2025" at A2`}}},
		{"an edition and the data's month in one title", [][]any{{"Kent Scorecard - April 2025 edition - data to March 2025"}}, march,
			map[string][]string{"F2": {"read as Mar-25", "at A1 gives it"}}},
		{"an edition's date and the data's in figures", [][]any{{"07/04/2025 edition; data as at 31/03/2025"}}, march,
			map[string][]string{"F2": {"read as Mar-25", "the date 31/03/2025 at A1"}}},
		{"two rows say what the figures cover", [][]any{{"Data to end of March 2025"}, {"Figures for April 2025"}}, march,
			map[string][]string{"F3": {"read as Mar-25", `the title "Data to end of March 2025" at A1`, "the title rows also give Apr-25 at A2: the first is taken"}}},
		{"an edition alone dates nothing", [][]any{{"Kent Scorecard - April 2025 edition"}}, nil,
			map[string][]string{"F2": {`column F "Current month" not read`, "neither the title rows nor the sheet's name give the report's month"}}},
		{"an undated month above the data's", [][]any{{"Kent Scorecard April 2025"}, {"Data to end of March 2025"}}, march,
			map[string][]string{"F3": {"read as Mar-25", `the title "Data to end of March 2025" at A2`, "Apr-25 at A1, which does not, is passed over"}}},
		{"data as at a date, below a month", [][]any{{"Performance report May 2025"}, {"Data as at 31/03/2025"}}, march,
			map[string][]string{"E3": {"read as Feb-25", "the date 31/03/2025 at A2", "May-25 at A1, which does not, is passed over"}}},
		{"figures for, after a month in one title", [][]any{{"Kent Scorecard April 2025: figures for March 2025"}}, march,
			map[string][]string{"F2": {"read as Mar-25", "Apr-25 at A1, which does not"}}},
		{"last updated", [][]any{{"Last updated 7 April 2025"}, {"Kent Scorecard March 2025"}}, march,
			map[string][]string{"F3": {"read as Mar-25", `the title "Kent Scorecard March 2025" at A2`}}},
		{"report date and reporting period cells", [][]any{{"Report date:", "April 2025"}, {"Reporting period:", "March 2025"}}, march,
			map[string][]string{"F3": {"read as Mar-25", `the title "March 2025" at B2`}}},
		{"published on", [][]any{{"Published on 10 April 2025 - data for March 2025"}}, march,
			map[string][]string{"F2": {"read as Mar-25"}}},
		{"the month's data, published later (r2)", [][]any{{"Kent Scorecard - March 2025 data (published May 2025)"}}, march,
			map[string][]string{"F2": {"read as Mar-25"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, res := guessSheet{"Scorecard", tt.above, head, rows}.read(t, "RL01")
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("RL01's figures %v, want %v", got, tt.want)
			}
			checkWarned(t, res, "Scorecard", tt.warned)
		})
	}
}
