package importer

import (
	"strings"
	"testing"

	"scorecard/app"
)

// TestDataPeriodYear: a Data period code that names the kind of year
// ("AY", "FY") makes the indicator's year type that year, as a Year type
// column would, so its "Target 2025/26" is the academic year's and the
// summer before it has no target; read as plain "A", the academic-year
// indicator's June to August were rated against the next year's target.
// A Year type column saying otherwise stands, with a warning at the
// code's cell. "M" alone says neither snapshot nor count over the month:
// it is read as M, the month shown, with a warning, never as MS.
func TestDataPeriodYear(t *testing.T) {
	fy := app.Period{Kind: app.FinancialYear, Year: 2025}
	ay := app.Period{Kind: app.AcademicYear, Year: 2025}
	for _, tc := range []struct {
		name     string
		dp, yt   string // the Data period and Year type cells; yt "" for no such column
		period   app.DataPeriod
		yearType app.PeriodKind
		target   app.Period
		warn     string // a warning at the Data period cell D2, "" for none
	}{
		{"AY", "AY", "", app.Annual, app.AcademicYear, ay, ""},
		{"academic year spelt out", "Academic year", "", app.Annual, app.AcademicYear, ay, ""},
		{"AYTD", "AYTD", "", app.YearToDate, app.AcademicYear, ay, ""},
		{"FY", "FY", "", app.Annual, app.FinancialYear, fy, ""},
		{"FYTD", "FYTD", "", app.YearToDate, app.FinancialYear, fy, ""},
		{"A", "A", "", app.Annual, 0, fy, ""},
		{"A beside Year type academic", "A", "Academic", app.Annual, app.AcademicYear, ay, ""},
		{"AY beside Year type academic", "AY", "Academic", app.Annual, app.AcademicYear, ay, ""},
		{"AY beside Year type financial", "AY", "Financial", app.Annual, app.FinancialYear, fy,
			`Scorecard!D2: AY05: data period "AY" names the academic year, but the year type at E2 says financial year`},
		{"FY beside Year type academic", "FY", "Academic", app.Annual, app.AcademicYear, ay,
			`Scorecard!D2: AY05: data period "FY" names the financial year, but the year type at E2 says academic year`},
		{"M", "M", "", app.Monthly, 0, fy,
			`Scorecard!D2: AY05: data period "M" does not say whether the figure is a snapshot on the month's last day (MS) or counted over the month; read as M`},
		{"MS", "MS", "", app.Snapshot, 0, fy, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			head := []any{"Ref", "Indicator", "Polarity", "Data period"}
			row := []any{"AY05", "Persistent absence of children in care (%)", "L", tc.dp}
			if tc.yt != "" {
				head, row = append(head, "Year type"), append(row, tc.yt)
			}
			head = append(head, "Target 2025/26", "Floor 2025/26", "Jun-25", "Jul-25", "Aug-25", "Sep-25", "Oct-25")
			row = append(row, 15, 20, 14, 16, 21, 14, 16)
			res, err := Read(t.Context(), writeBook(t, "Scorecard", [][]any{head, row}), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Dataset.Indicators) != 1 {
				t.Fatalf("indicators %+v, want AY05", res.Dataset.Indicators)
			}
			ind := res.Dataset.Indicators[0]
			if ind.DataPeriod != tc.period || ind.YearType != tc.yearType {
				t.Errorf("data period %q, year type %v; want %q, %v", ind.DataPeriod, ind.YearType, tc.period, tc.yearType)
			}
			if len(res.Dataset.Targets) != 1 || res.Dataset.Targets[0].Year != tc.target {
				t.Errorf("targets %+v, want one for %v", res.Dataset.Targets, tc.target)
			}
			var atD2 []string
			for _, w := range res.Warnings {
				if s := w.String(); strings.Contains(s, "Scorecard!D2") {
					atD2 = append(atD2, s)
				}
			}
			switch {
			case tc.warn == "" && len(atD2) > 0:
				t.Errorf("warnings at D2 %q, want none", atD2)
			case tc.warn != "" && (len(atD2) != 1 || !strings.Contains(atD2[0], tc.warn)):
				t.Errorf("warnings at D2 %q, want one saying %q", atD2, tc.warn)
			}
		})
	}
}

// TestTidyDataPeriodYear: a tidy table's Data Period "AY" makes the
// indicator academic, so that its row targets and figures are dated by
// the academic year, as a scorecard's are; read as plain "A", a July
// target was filed under the financial year 2025/26.
func TestTidyDataPeriodYear(t *testing.T) {
	for _, tc := range []struct {
		dp       string
		yearType app.PeriodKind
		target   string
	}{
		{"AY", app.AcademicYear, "2024/25AY"},
		{"FY", app.FinancialYear, "2025/26"},
		{"A", 0, "2025/26"},
	} {
		t.Run(tc.dp, func(t *testing.T) {
			path := writeBook(t, "Data", [][]any{
				{"Ref", "Indicator", "Data Period", "Period", "Value", "Target", "Floor"},
				{"AY05", "Persistent absence of children in care (%)", tc.dp, "2025-07", 16, 15, 20},
			})
			res, err := Read(t.Context(), path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Dataset.Indicators) != 1 || res.Dataset.Indicators[0].YearType != tc.yearType {
				t.Errorf("indicators %+v, want year type %v", res.Dataset.Indicators, tc.yearType)
			}
			if len(res.Dataset.Targets) != 1 || res.Dataset.Targets[0].Year.String() != tc.target {
				t.Errorf("targets %+v, want one for %s", res.Dataset.Targets, tc.target)
			}
		})
	}
}
