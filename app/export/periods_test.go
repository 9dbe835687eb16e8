package export

import (
	"context"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// periodHistory holds one lower-is-better percentage for the periods
// given, its values rising by a point a period from 10, with a target
// and floor for the financial year 2024/25.
func periodHistory(periods []app.Period) *app.History {
	h := app.NewHistory()
	d := &app.Dataset{
		Indicators: []app.Indicator{{Ref: "CIC05", Name: "3+ placements", Section: "Children in Care",
			Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.Annual}},
		Targets: []app.Target{{Ref: "CIC05", Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(11), Floor: app.Float(20)}},
	}
	for i, p := range periods {
		d.Observations = append(d.Observations, app.Observation{Ref: "CIC05", Area: app.Kent, Period: p, Value: app.Float(10 + float64(i))})
	}
	h.Apply(d, "I0001")
	return h
}

// A store of yearly or quarterly figures alone (DfE's published data)
// exports a scorecard of its latest year or quarter: rated against the
// target for its year, with its direction of travel, saying SPC needs 13
// points, and headed in years or quarters, never months.
func TestYearlyAndQuarterlyScorecards(t *testing.T) {
	var years, quarters []app.Period
	for y := 2021; y <= 2025; y++ {
		years = append(years, app.Period{Kind: app.CalendarYear, Year: y})
	}
	for i := range 8 {
		quarters = append(quarters, app.Period{Kind: app.Quarter, Year: 2023, N: 1}.Add(i))
	}
	tests := []struct {
		name                        string
		periods                     []app.Period
		opt                         Options
		period, title, caption, ago string
		lastYear                    float64
		notes                       int
		rag                         app.RAG
	}{
		// 14% against 2024/25's target of 11 and floor of 20, lower better.
		{"years", years, Options{}, "2025", "Kent performance scorecard: 2025", "Yearly figures", "Previous year", 0.13, 0, app.Amber},
		{"years, asked as a financial year", years, Options{Period: app.Period{Kind: app.FinancialYear, Year: 2024}}, "2025", "Kent performance scorecard: 2025", "Yearly figures", "Previous year", 0.13, 1, app.Amber},
		// 2024 is the collection year 2023/24, which has no target.
		{"an earlier year", years, Options{Period: app.Period{Kind: app.CalendarYear, Year: 2024}}, "2024", "Kent performance scorecard: 2024", "Yearly figures", "Previous year", 0.12, 0, app.NoRAG},
		{"quarters", quarters, Options{}, "2024-Q4", "Kent performance scorecard: Oct-Dec 2024", "Quarterly figures", "Same quarter last year", 0.13, 0, app.Amber},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := periodHistory(tt.periods)
			f, sum := export(t, h, tt.opt)
			if sum.Period.String() != tt.period || len(sum.Notes) != tt.notes {
				t.Fatalf("exported %s with notes %q; want %s with %d notes", sum.Period, sum.Notes, tt.period, tt.notes)
			}
			if title, _ := f.GetCellValue(ScorecardSheet, "A1"); title != tt.title {
				t.Errorf("title %q, want %q", title, tt.title)
			}
			rows, _ := f.GetRows(ScorecardSheet)
			if caption := strings.Join(rows[headerRow-2], "|"); !strings.Contains(caption, tt.caption) || strings.Contains(caption, "Monthly") {
				t.Errorf("captions %q, want %q and no months", caption, tt.caption)
			}
			r := sheetRow(t, f, ScorecardSheet, "CIC05")
			want := *h.Series(app.SeriesKey{Ref: "CIC05", Area: app.Kent})[len(tt.periods)-1].Value / 100
			if tt.period == "2024" {
				want = 0.13
			}
			if got := numberAt(t, f, ScorecardSheet, cell(headerCol(t, f, sum.Period.Label()), r)); math.Abs(got-want) > 1e-12 {
				t.Errorf("CIC05 in %s: %v, want %v", sum.Period.Label(), got, want)
			}
			if got := numberAt(t, f, ScorecardSheet, cell(headerCol(t, f, tt.ago), r)); math.Abs(got-tt.lastYear) > 1e-12 {
				t.Errorf("CIC05 %s: %v, want %v", tt.ago, got, tt.lastYear)
			}
			cellText := func(col string) string {
				v, _ := f.GetCellValue(ScorecardSheet, cell(headerCol(t, f, col), r))
				return v
			}
			if got := cellText("RAG"); got != tt.rag.String() {
				t.Errorf("RAG %q, want %q", got, tt.rag)
			}
			if got := cellText("DoT"); !strings.Contains(got, "worsened") {
				t.Errorf("DoT %q, want worsened", got)
			}
			if got := cellText("Trend and SPC"); !strings.Contains(got, "Too few points for SPC (13 needed)") {
				t.Errorf("variation %q, want it to say SPC needs 13 points", got)
			}
			if got, _ := f.GetCellValue(TrendSheet, "A1"); strings.Contains(got, "month") {
				t.Errorf("Trend sheet title %q counts months", got)
			}
		})
	}
	// A quarter of a yearly store, or a month, is refused, not a blank scorecard.
	for _, p := range []app.Period{{Kind: app.Quarter, Year: 2024, N: 4}, app.MonthOf(2025, 3)} {
		_, err := Write(context.Background(), filepath.Join(t.TempDir(), "x.xlsx"), periodHistory(years), Options{Period: p})
		if err == nil || !strings.Contains(err.Error(), "calendar year") {
			t.Errorf("export of %s from a yearly store: %v, want it refused naming the store's years", p, err)
		}
	}
}

// The committee pack of a yearly store is headed by its year and its
// scorecard carries the figure, rated.
func TestYearlyPack(t *testing.T) {
	var years []app.Period
	for y := 2021; y <= 2025; y++ {
		years = append(years, app.Period{Kind: app.CalendarYear, Year: y})
	}
	path := filepath.Join(t.TempDir(), "pack.pdf")
	sum, err := Write(context.Background(), path, periodHistory(years), Options{Produced: produced, AppVersion: "1.0-test"})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Pages == 0 || sum.Period.String() != "2025" {
		t.Fatalf("pack summary %+v", sum)
	}
	text := strings.Join(pdfText(t, path), "\n")
	for _, want := range []string{"Kent performance scorecard: 2025", "Exceptions: Kent, 2025,", "14.0%", "AMBER", "Previous", "Last 12"} {
		if !strings.Contains(text, want) {
			t.Errorf("the pack does not say %q:\n%.2000s", want, text)
		}
	}
	// The sparkline's heading, "Last 12 years", wraps in its column
	// beside the SPC column.
	lines := strings.Split(text, "\n")
	spark := ""
	for i, l := range lines {
		if strings.HasSuffix(strings.TrimSpace(l), "Last 12") && i+1 < len(lines) {
			spark = strings.Join(strings.Fields(lines[i+1]), " ")
		}
	}
	if !strings.HasSuffix(spark, "years") {
		t.Errorf("the sparkline's heading is not Last 12 years: it goes on %q", spark)
	}
	if strings.Contains(text, "January 2025") || strings.Contains(text, "Same month") || strings.HasSuffix(spark, "months") {
		t.Errorf("the yearly pack speaks of months:\n%.2000s", text)
	}
}

// The guidance says, of each year-to-date indicator, the month its
// figures accumulate from: September for an academic-year measure such
// as persistent absence, April otherwise.
func TestGuidanceSaysWhenYearToDateStarts(t *testing.T) {
	h := app.NewHistory()
	d := &app.Dataset{Indicators: []app.Indicator{
		{Ref: "ED03", Name: "Pupils persistently absent (%)", Section: "Education", Polarity: app.LowerBetter, Unit: app.Percent,
			Decimals: 1, DataPeriod: app.YearToDate, YearType: app.AcademicYear, Guidance: "Pupils missing 10% or more of sessions."},
		{Ref: "CIC10", Name: "Children starting to be looked after", Section: "Children in Care", Unit: app.Number,
			DataPeriod: app.YearToDate, YearType: app.FinancialYear},
		{Ref: "CIC01", Name: "Children in care", Section: "Children in Care", Unit: app.Number, DataPeriod: app.Snapshot, Guidance: "On the last day of the month."},
	}}
	for _, ref := range []string{"ED03", "CIC10", "CIC01"} {
		for m := 1; m <= 12; m++ {
			d.Observations = append(d.Observations, app.Observation{Ref: ref, Area: app.Kent, Period: app.MonthOf(2025, time.Month(m)), Value: app.Float(float64(m))})
		}
	}
	h.Apply(d, "I0001")
	f, _ := export(t, h, Options{})
	rows, err := f.GetRows(GuidanceSheet)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"ED03":  "Year to date: from 1 September, the start of the academic year, to the month shown. Pupils missing 10% or more of sessions.",
		"CIC10": "Year to date: from 1 April, the start of the financial year, to the month shown.",
		"CIC01": "On the last day of the month.",
	}
	for _, r := range rows {
		if len(r) > 6 && want[r[0]] != "" {
			if r[6] != want[r[0]] {
				t.Errorf("%s: guidance %q, want %q", r[0], r[6], want[r[0]])
			}
			delete(want, r[0])
		}
	}
	if len(want) > 0 {
		t.Errorf("no guidance rows for %v", want)
	}
}

// On a quarterly scorecard a financial year's figure shows in the quarter
// it ends with, as on a monthly one it shows in March.
func TestYearInItsLastQuarter(t *testing.T) {
	h := app.NewHistory()
	d := &app.Dataset{Indicators: []app.Indicator{
		{Ref: "Q1", Name: "Quarterly count", Section: "One", Unit: app.Number},
		{Ref: "A1", Name: "Yearly count", Section: "One", Unit: app.Number},
	}}
	for i := range 8 {
		d.Observations = append(d.Observations, app.Observation{Ref: "Q1", Area: app.Kent,
			Period: app.Period{Kind: app.Quarter, Year: 2023, N: 3}.Add(i), Value: app.Float(float64(10 + i))})
	}
	d.Observations = append(d.Observations, app.Observation{Ref: "A1", Area: app.Kent,
		Period: app.Period{Kind: app.FinancialYear, Year: 2024}, Value: app.Float(1896)})
	h.Apply(d, "I0001")
	f, sum := export(t, h, Options{})
	if sum.Period.String() != "2025-Q2" {
		t.Fatalf("exported %s, want 2025-Q2", sum.Period)
	}
	r := sheetRow(t, f, ScorecardSheet, "A1")
	if got := numberAt(t, f, ScorecardSheet, cell(headerCol(t, f, "Jan-Mar 2025"), r)); got != 1896 {
		t.Errorf("2024/25 in Jan-Mar 2025, the quarter it ends with: %v, want 1896", got)
	}
	// Not in the quarters either side: the scorecard's own quarter says
	// the indicator is annual, its year in the cell's note.
	for q, want := range map[string]string{"Oct-Dec 2024": "", "Apr-Jun 2025": "annual"} {
		if got, _ := f.GetCellValue(ScorecardSheet, cell(headerCol(t, f, q), r)); got != want {
			t.Errorf("2024/25 in %s: %q, want %q", q, got, want)
		}
	}
	if at := cell(headerCol(t, f, "Apr-Jun 2025"), r); !hasComment(f, ScorecardSheet, at, "A1 Yearly count: annual: 2024/25 = 1,896; next due Jan-Mar 2026, so Apr-Jun 2025 has no figure, rating or direction of it.") {
		t.Errorf("A1 in Apr-Jun 2025 (%s) has no note of its year", at)
	}
}
