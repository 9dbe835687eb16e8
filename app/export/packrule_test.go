package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// TestPackFactsByRAGRule checks that a flagged indicator's page in the
// pack says what its figure is rated against by the store's RAG rule
// (trend.RatedAgainst): the target and floor under the app's rule, the
// target alone under the target rule, whose rating no floor moves, and
// the target and its band under the band rule (QA30 5).
func TestPackFactsByRAGRule(t *testing.T) {
	for _, tt := range []struct {
		rule, tolerance string
		want, not       string
	}{
		{"floor", "", "Target 70.0%, floor 55.0%.", "AMBER within"},
		{"target", "", "Target 70.0%.", "floor 55.0%"},
		{"band", "5", "Target 70.0%, AMBER within 5.0 pp.", "floor 55.0%"},
	} {
		t.Run(tt.rule, func(t *testing.T) {
			h := quarterlyHistory()
			// Jul-Sep 2026 falls to 50.0%, under target and floor: RED by
			// every rule, newly flagged, so the pack gives it a page.
			q3 := app.Period{Kind: app.Quarter, Year: 2026, N: 3}
			h.Apply(&app.Dataset{Observations: []app.Observation{{Ref: "Q04", Area: app.Kent, Period: q3,
				Value: app.Float(50), Numerator: app.Float(50), Denominator: app.Float(100)}}}, "I0002")
			rule, err := app.ParseRAGRule(tt.rule, tt.tolerance)
			if err != nil {
				t.Fatal(err)
			}
			h.SetRAGRule(rule)
			out := filepath.Join(t.TempDir(), "pack.pdf")
			opt := Options{Produced: produced, AppVersion: "1.0-test", Period: app.MonthOf(2026, time.September)}
			if _, err := Write(context.Background(), out, h, opt); err != nil {
				t.Fatal(err)
			}
			var facts string
			for _, page := range pdfText(t, out) {
				for _, line := range strings.Split(page, "\n") {
					if strings.Contains(line, "September 2026: 50.0% (RED)") {
						facts = strings.Join(strings.Fields(line), " ")
					}
				}
			}
			if facts == "" {
				t.Fatal("no flagged page gives Q04's figure for September 2026")
			}
			if !strings.Contains(facts, tt.want) || strings.Contains(facts, tt.not) {
				t.Errorf("Q04's facts %q: want %q, not %q", facts, tt.want, tt.not)
			}
		})
	}
}
