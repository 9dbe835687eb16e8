package importer

import (
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestPeriodHeadingsAsProducersWrite: period headings as councils'
// systems write them, beside the contract's own. A financial quarter
// with a two-digit year, a quarter named by its months and a month glued
// to its year had been refused, so their columns were not read, as was
// a month with its year after an apostrophe ("Jan '25").
func TestPeriodHeadingsAsProducersWrite(t *testing.T) {
	q := func(y, n int) app.Period { return app.Period{Kind: app.Quarter, Year: y, N: n} }
	m := func(y int, mo time.Month) app.Period { return app.MonthOf(y, mo) }
	tests := []struct {
		in   string
		want app.Period // zero: not a period heading
	}{
		{"Q1 2025/26", q(2025, 2)},
		{"Q1 25/26", q(2025, 2)},
		{"Q4 25/26", q(2026, 1)},
		{"Q3 25-26", q(2025, 4)},
		{"25/26 Q2", q(2025, 3)},
		{"Apr - Jun 2025", q(2025, 2)},
		{"Apr-Jun 2025", q(2025, 2)},
		{"April to June 2025", q(2025, 2)},
		{"Jan \u2013 Mar 2026", q(2026, 1)},
		{"APR25", m(2025, time.April)},
		{"Sept2025", m(2025, time.September)},
		{"mar26", m(2026, time.March)},
		{"Mar-25", m(2025, time.March)},
		// Hand-typed with an apostrophe for the century (QA qa33 F11).
		{"Jan '25", m(2025, time.January)},
		{"Feb ’25", m(2025, time.February)},
		{"Sept'24", m(2024, time.September)},
		{"Jan '2025", app.Period{}},
		{"KPI '25", app.Period{}},
		{"Q5 25/26", app.Period{}},
		{"Q1 25/27", app.Period{}},
		{"KPI25", app.Period{}},
		{"Apr - Jun 2025 target", app.Period{}},
		{"APR255", app.Period{}},
		{"Apr - May 2025", app.Period{}},
	}
	for _, tt := range tests {
		got, ok := periodHeading(tt.in)
		if ok != !tt.want.IsZero() || got != tt.want {
			t.Errorf("periodHeading(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
}

// TestQuarterlyScorecardHeadedShort reads a quarterly scorecard whose
// columns are headed "Q1 25/26": each quarter's figure is filed under its
// quarter, none skipped.
func TestQuarterlyScorecardHeadedShort(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Ref", "Indicator", "Polarity", "Q1 25/26", "Q2 25/26", "Oct - Dec 2025"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"EH01", "Number of early help assessments", "", 410, 432, 455})
	res := readFile(t, f)
	got := map[app.Period]float64{}
	for _, o := range res.Dataset.Observations {
		if o.Value != nil {
			got[o.Period] = *o.Value
		}
	}
	want := map[app.Period]float64{{Kind: app.Quarter, Year: 2025, N: 2}: 410, {Kind: app.Quarter, Year: 2025, N: 3}: 432, {Kind: app.Quarter, Year: 2025, N: 4}: 455}
	if len(got) != len(want) {
		t.Fatalf("read %v, want %v (warnings %v)", got, want, res.Warnings)
	}
	for p, v := range want {
		if got[p] != v {
			t.Errorf("%s: read %v, want %v", p, got[p], v)
		}
	}
}
