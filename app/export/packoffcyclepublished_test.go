package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"
)

// boroughHistory is QA30's borough in small: children in care by
// quarter, Apr-Jun 2023 to Jan-Mar 2025, UASC among them (so a report
// can exclude them), beside annual education figures by academic year to
// 2023/24: ED03 a measure of schools, which no UASC split applies to,
// and ED04 EHC plans, a measure of children the source gives no UASC
// split of.
func boroughHistory() *app.History {
	cic01 := app.Indicator{Ref: "CIC01", Name: "Number of children in care", Unit: app.Number, Measure: app.Count, DataPeriod: app.Snapshot}
	ed03 := app.Indicator{Ref: "ED03", Name: "Schools judged good or outstanding (%)", Polarity: app.HigherBetter, Unit: app.Percent,
		Decimals: 1, DataPeriod: app.Annual, YearType: app.AcademicYear}
	ed04 := app.Indicator{Ref: "ED04", Name: "EHC plans issued within 20 weeks (%)", Polarity: app.HigherBetter, Unit: app.Percent,
		Decimals: 1, DataPeriod: app.Annual, YearType: app.AcademicYear}
	d := app.Dataset{Indicators: []app.Indicator{cic01, ed03, ed04}}
	first := app.Period{Kind: app.Quarter, Year: 2023, N: 2}
	for i, n := range []float64{402, 398, 395, 397, 392, 389, 391, 387} {
		d.Observations = append(d.Observations,
			app.Observation{Ref: cic01.Ref, Area: app.Kent, Period: first.Add(i), Value: app.Float(n)},
			app.Observation{Ref: cic01.Ref, Area: app.Kent, Split: app.Only(app.UASC), Period: first.Add(i), Value: app.Float(float64(55 - i%4))})
	}
	for i, y := range []int{2021, 2022, 2023} {
		ay := app.Period{Kind: app.AcademicYear, Year: y}
		d.Observations = append(d.Observations,
			app.Observation{Ref: ed03.Ref, Area: app.Kent, Period: ay, Value: app.Float([]float64{92.5, 94, 95}[i])},
			app.Observation{Ref: ed04.Ref, Area: app.Kent, Period: ay, Value: app.Float([]float64{55, 58.5, 61}[i])})
	}
	h := app.NewHistory()
	h.Apply(&d, "I0001")
	return h
}

// TestPackOffCyclePublished guards QA30's leftover: excluding UASC, a
// measure of schools is shown as published, and the pack says so of it
// everywhere but in the sentences on figures off the report's cycle (an
// annual figure in a quarterly pack), on page 1 and under the scorecard,
// which gave its 95.0% as if worked out without UASC. They now say it as
// page 1's items do; ED04, a measure of children that cannot exclude
// UASC, says "cannot exclude" and nothing of being published, and
// without the exclusion neither says it.
func TestPackOffCyclePublished(t *testing.T) {
	h := boroughHistory()
	q := app.Period{Kind: app.Quarter, Year: 2025, N: 1}
	const (
		ed03 = "ED03 Schools judged good or outstanding (%): a measure of schools, shown as published (no UASC split applies): annual: 2023/24 AY = 95.0%; next due Jul-Sep 2025, so Jan-Mar 2025 has no figure, rating or direction of it."
		ed04 = "ED04 EHC plans issued within 20 weeks (%): annual: 2023/24 AY = cannot exclude; next due Jul-Sep 2025, so Jan-Mar 2025 has no figure, rating or direction of it."
		all  = "ED03 Schools judged good or outstanding (%): annual: 2023/24 AY = 95.0%; next due Jul-Sep 2025, so Jan-Mar 2025 has no figure, rating or direction of it."
	)
	for _, tt := range []struct {
		name    string
		exclude []app.Cohort
		want    []string
		never   string
	}{
		{"excluding UASC", []app.Cohort{app.UASC}, []string{ed03, ed04}, "ED04 EHC plans issued within 20 weeks (%): a measure"},
		{"all children", nil, []string{all}, "shown as published"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "pack.pdf")
			if _, err := Write(context.Background(), path, h, Options{Period: q, Exclude: tt.exclude, Produced: produced, Suppress: 1}); err != nil {
				t.Fatal(err)
			}
			var first, card string
			for i, pg := range pdfText(t, path) {
				text := strings.Join(strings.Fields(pg), " ")
				switch {
				case i == 0:
					first = text
				case strings.Contains(text, "DoT") && strings.Contains(text, "ED03"):
					card = text
				}
			}
			if card == "" {
				t.Fatal("no scorecard page with an ED03 row")
			}
			for name, text := range map[string]string{"page 1": first, "the scorecard's notes": card} {
				for _, w := range tt.want {
					if !strings.Contains(text, w) {
						t.Errorf("%s does not say %q:\n%s", name, w, text)
					}
				}
				if strings.Contains(text, tt.never) {
					t.Errorf("%s says %q:\n%s", name, tt.never, text)
				}
			}
		})
	}
}
