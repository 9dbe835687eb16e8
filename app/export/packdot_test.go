package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// TestPackDoTFootnote: the pack's footnote names the year-to-date rows
// whose DoT and change are against the same month last year, not the
// month before as it said of every row (QA23c D6: ED03 Jun-26 "−0.6 pp"
// is against Jun-25's 20.6%, not May-26's 20.3%), and names none where
// there are none.
func TestPackDoTFootnote(t *testing.T) {
	demo, _ := demoHistory(t)
	for _, tt := range []struct {
		name      string
		h         *app.History
		period    app.Period
		want, not string
	}{
		{"demo Jun-26", demo, app.MonthOf(2026, time.June),
			"DoT compares the month with the one before, by polarity, and for ED03 (year to date) with the same month last year;", ""},
		{"no year-to-date row", healthChecks(), app.MonthOf(2025, time.December),
			"DoT compares the month with the one before, by polarity;", "year to date"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "pack.pdf")
			if _, err := Write(context.Background(), path, tt.h, Options{Period: tt.period, Produced: produced}); err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(strings.Join(pdfText(t, path), " ")), " ")
			if !strings.Contains(text, tt.want) {
				t.Errorf("the pack does not say %q", tt.want)
			}
			if tt.not != "" && strings.Contains(text, "DoT compares the month with the one before, by polarity, and for") {
				t.Errorf("the pack names year-to-date rows where there are none")
			}
		})
	}
}

// TestPackChangeOnTheQuarterBefore: a flagged figure analysed a quarter
// apart (a rolling year reported each quarter, H03: 20.0% to 23.1%) is
// said to change on the quarter before, not on "the month before", which
// is two months that hold no figure.
func TestPackChangeOnTheQuarterBefore(t *testing.T) {
	h := app.NewHistory()
	h.AddIndicators([]app.Indicator{{Ref: "H03", Name: "Repeat child protection plans (%)", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1, DataPeriod: app.Rolling12}})
	h.Imports = []app.Import{{ID: "I0001", Source: "hants.xlsx"}}
	for i, v := range []float64{19.1, 20.0, 23.1} {
		h.Add(app.Observation{Ref: "H03", Area: app.Kent, Period: app.MonthOf(2024, 9).Add(3 * i), Value: app.Float(v), Import: "I0001"})
	}
	h.AddTarget(app.Target{Ref: "H03", Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(18), Floor: app.Float(22)})
	path := filepath.Join(t.TempDir(), "pack.pdf")
	if _, err := Write(context.Background(), path, h, Options{Period: app.MonthOf(2025, time.March), Produced: produced}); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(strings.Join(pdfText(t, path), " ")), " ")
	if !strings.Contains(text, "Change on the quarter before +3.1 pp") || strings.Contains(text, "on the month before") {
		t.Errorf("the pack does not say the change is on the quarter before:\n%s", text)
	}
}
