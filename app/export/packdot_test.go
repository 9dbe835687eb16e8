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
