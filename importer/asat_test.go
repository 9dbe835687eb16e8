package importer

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// TestAsAtDatesChildLevelLists checks that Options.AsAt reaches the
// child-level readers: given a date, a list's figures are for its month,
// and no warning says a date was guessed; without one, the list is dated
// by its own contents.
func TestAsAtDatesChildLevelLists(t *testing.T) {
	annexA := filepath.Join("childlevel", "testdata", "annexa-libreoffice.xlsx")
	episodes := filepath.Join(copy903(t, "header.csv", "episodes.csv", "uasc.csv"), "episodes.csv")
	for _, c := range []struct {
		path string
		asAt time.Time
		want app.Period
	}{
		{annexA, time.Date(2024, time.December, 31, 0, 0, 0, 0, time.UTC), app.MonthOf(2024, time.December)},
		{annexA, time.Time{}, app.MonthOf(2025, time.February)},
		{episodes, time.Date(2024, time.October, 5, 0, 0, 0, 0, time.UTC), app.MonthOf(2024, time.October)},
		{episodes, time.Time{}, app.MonthOf(2025, time.March)},
	} {
		res, err := Read(context.Background(), c.path, Options{AsAt: c.asAt})
		if err != nil {
			t.Fatal(err)
		}
		periods := map[app.Period]bool{}
		for _, o := range res.Dataset.Observations {
			periods[o.Period] = true
		}
		if len(periods) != 1 || !periods[c.want] {
			t.Errorf("%s as at %v: periods %v, want only %v", filepath.Base(c.path), c.asAt, periods, c.want)
		}
		guessed := false
		for _, w := range res.Warnings {
			guessed = guessed || strings.Contains(w.Message, "no snapshot date given")
		}
		if guessed != c.asAt.IsZero() {
			t.Errorf("%s as at %v: warnings %v", filepath.Base(c.path), c.asAt, res.Warnings)
		}
	}
}

func TestParseAsAt(t *testing.T) {
	now := time.Date(2026, time.December, 3, 15, 0, 0, 0, time.Local)
	for _, c := range []struct {
		in, want, err string
	}{
		{"2026-10-05", "2026-10-05", ""},
		{" 2026-12-03 ", "2026-12-03", ""}, // today
		{"2026-12-04", "", "in the future"},
		{"05/10/2026", "", "not a date written YYYY-MM-DD"},
		{"2026-02-30", "", "not a date"},
		{"", "", "not a date"},
	} {
		got, err := ParseAsAt(c.in, now)
		switch {
		case c.err != "":
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("ParseAsAt(%q) = %v, %v; want an error saying %q", c.in, got, err, c.err)
			}
		case err != nil || got.Format(time.DateOnly) != c.want:
			t.Errorf("ParseAsAt(%q) = %v, %v; want %s", c.in, got, err, c.want)
		}
	}
}
