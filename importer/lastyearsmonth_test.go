package importer

import (
	"strings"
	"testing"

	"scorecard/app"
)

func TestLastYearsMonth(t *testing.T) {
	mar26, feb26 := app.MonthOf(2026, 3), app.MonthOf(2026, 2)
	tests := []struct {
		head   string
		latest app.Period
		want   app.Period // zero where it is not read so
	}{
		{"Mar-25 (same month last year)", mar26, app.MonthOf(2025, 3)},
		{"Mar-25 (same month last year)", feb26, app.MonthOf(2025, 3)},
		{"Mar-25 - same month previous year", mar26, app.MonthOf(2025, 3)},
		{"Mar-25: last year", mar26, app.MonthOf(2025, 3)},
		{"Mar-26 (last year)", mar26, app.Period{}},                     // the latest itself: Mar-25's figure, perhaps
		{"Jan-24 (same month last year)", mar26, app.Period{}},          // more than a year before
		{"Mar-25 (same month last year, revised)", mar26, app.Period{}}, // words it does not know
		{"Mar-25 (provisional)", mar26, app.Period{}},
		{"Mar-25", mar26, app.Period{}},
	}
	for _, tt := range tests {
		got, ok := lastYearsMonth(tt.head, tt.latest)
		if ok != !tt.want.IsZero() || ok && got != tt.want {
			t.Errorf("lastYearsMonth(%q, %s) = %s, %v, want %s", tt.head, tt.latest.Label(), got.Label(), ok, tt.want.Label())
		}
	}
}

// TestSameMonthLastYearRead reads a scorecard giving the same month a
// year before beside its months: the column was not read, said with a
// reason naming the month's abbreviation (QA probe 9).
func TestSameMonthLastYearRead(t *testing.T) {
	b := newBook(t)
	b.sheet("Scorecard")
	b.row("Scorecard", "A3", "Ref", "Indicator", "Jan-26", "Feb-26", "Mar-26", "Mar-25 (same month last year)")
	b.row("Scorecard", "A4", "CIC01", "Number of children in care", 1905, 1920, 1931, 1834)
	res, ok := readOrRefused(t, b.save("book.xlsx"), Options{}, "")
	if !ok {
		return
	}
	found := false
	for _, o := range res.Dataset.Observations {
		found = found || o.Period == app.MonthOf(2025, 3) && o.Value != nil && *o.Value == 1834
	}
	if !found {
		t.Errorf("Mar-25's 1834 not read: %v", res.Dataset.Observations)
	}
	said := false
	for _, w := range res.Warnings {
		said = said || strings.Contains(w.String(), `Scorecard!F3: column F "Mar-25 (same month last year)" read as Mar-25, the period it names`)
	}
	if !said {
		t.Errorf("not said: %v", res.Warnings)
	}
}
