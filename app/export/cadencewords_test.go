package export

import (
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/brief"
	"scorecard/app/trend"
)

// TestCadenceWords: a quarterly report's workbook spoke of months (QA30
// finding 16): "RAG ratings compare the month's figure", "the milestone
// for the month", "month-to-month change", "Months shown 12". Each says
// the report's own period; a monthly report's still says months.
func TestCadenceWords(t *testing.T) {
	var quarters, months []app.Period
	for i := range 8 {
		quarters = append(quarters, app.Period{Kind: app.Quarter, Year: 2023, N: 1}.Add(i))
	}
	for i := range 12 {
		months = append(months, app.MonthOf(2024, 4).Add(i))
	}
	tests := []struct {
		name      string
		periods   []app.Period
		want, not map[string][]string // by sheet
	}{
		{"quarters", quarters,
			map[string][]string{
				"Guidance":   {"RAG ratings compare the quarter's figure", "the average change from one period's figure to the next"},
				"Districts":  {"the milestone for the quarter"},
				"Provenance": {"Quarters shown 12"},
			},
			map[string][]string{
				"Guidance":   {"the month's figure", "month-to-month", "A missing month"},
				"Districts":  {"milestone for the month"},
				"Provenance": {"Months shown"},
			}},
		{"months", months,
			map[string][]string{
				"Guidance":   {"RAG ratings compare the month's figure"},
				"Districts":  {"the milestone for the month"},
				"Provenance": {"Months shown 12"},
			}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := export(t, periodHistory(tt.periods), Options{})
			for sheet, parts := range tt.want {
				text := sheetText(t, f, sheet)
				for _, p := range parts {
					if !strings.Contains(text, p) {
						t.Errorf("%s does not say %q", sheet, p)
					}
				}
			}
			for sheet, parts := range tt.not {
				text := sheetText(t, f, sheet)
				for _, p := range parts {
					if strings.Contains(text, p) {
						t.Errorf("%s says %q", sheet, p)
					}
				}
			}
		})
	}
}

// TestNoChartPageCadence: the pack's "No chart page: no new flag this
// month" under a quarter's flagged indicator says the quarter.
func TestNoChartPageCadence(t *testing.T) {
	for _, tt := range []struct {
		p    app.Period
		want string
	}{
		{app.Period{Kind: app.Quarter, Year: 2025, N: 1}, "no new flag this quarter"},
		{app.MonthOf(2025, 3), "no new flag this month"},
	} {
		if got := noChartPage(brief.Item{Point: trend.Point{Period: tt.p, Value: app.Float(10)}}); !strings.Contains(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.p, got, tt.want)
		}
	}
}
