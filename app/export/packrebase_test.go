package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// TestPackChartSaysRebase: an officer's rebase, with its note, is said on the flagged indicator's page and drawn on its chart,
// so limits starting mid-chart are explained (QA23c D5: neither
// appeared); with none, nothing is said.
func TestPackChartSaysRebase(t *testing.T) {
	oct25 := app.MonthOf(2025, time.October)
	for _, tt := range []struct {
		name    string
		setting *app.ChartSetting
		want    string
	}{
		{"rebased", &app.ChartSetting{Ref: "CIC03", Kind: app.SetRebase, From: oct25, Note: "New fostering service model"},
			"Rebased from Oct-25: New fostering service model"},
		{"none", nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h, _ := demoHistory(t)
			if tt.setting != nil {
				h.AddChartSetting(*tt.setting)
			}
			path := filepath.Join(t.TempDir(), "pack.pdf")
			if _, err := Write(context.Background(), path, h, Options{Produced: produced}); err != nil {
				t.Fatal(err)
			}
			var page string
			for _, pg := range pdfText(t, path) {
				text := strings.Join(strings.Fields(pg), " ")
				if strings.Contains(text, "Flagged in October 2026") && strings.Contains(text, "CIC03 Children in care placed with in-house foster carers") {
					page = text
				}
			}
			if page == "" {
				t.Fatal("no flagged page for CIC03")
			}
			if tt.want == "" {
				if strings.Contains(page, "SPC limits:") {
					t.Errorf("CIC03's page speaks of a setting it has none of: %s", page)
				}
				return
			}
			// Once in words above the chart, once on it.
			if !strings.Contains(page, "SPC limits: "+tt.want+".") || strings.Count(page, tt.want) != 2 {
				t.Errorf("CIC03's page does not say %q in words and on its chart: %s", tt.want, page)
			}
		})
	}
}
