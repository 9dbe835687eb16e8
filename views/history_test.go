package views

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// TestHistoryShowsWho checks the Imports screen says who made each
// import and on which computer, and who undid one; an import from before
// the store recorded them says so rather than showing blanks.
func TestHistoryShowsWho(t *testing.T) {
	b := newMemBackend(scorecardFixture(24), scorecardFixture(24), scorecardFixture(24))
	undone := time.Date(2025, 4, 21, 10, 0, 0, 0, time.UTC)
	b.imports[0].Officer, b.imports[0].Machine = "", ""
	b.imports[1].Officer, b.imports[1].Machine = "jsmith", "KCC-LT-0423"
	b.imports[2].Officer, b.imports[2].Machine = "apatel", "KCC-DT-0117"
	b.imports[2].Undone, b.imports[2].UndoneBy = &undone, "jsmith"
	w, err := newMainWindow(test.NewTempApp(t), b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.win.Close)
	p := w.history
	for _, tc := range []struct {
		row           int // newest first
		line, summary []string
	}{
		{0, []string{"I0003", "by apatel on KCC-DT-0117", "[undone", "by jsmith]"},
			[]string{"Officer: apatel · Machine: KCC-DT-0117", "Undone 21 Apr 2025", " by jsmith"}},
		{1, []string{"I0002", "by jsmith on KCC-LT-0423"}, []string{"Officer: jsmith · Machine: KCC-LT-0423"}},
		{2, []string{"I0001"}, []string{"Officer: not recorded · Machine: not recorded"}},
	} {
		line := importLine(p.imports[tc.row])
		for _, want := range tc.line {
			if !strings.Contains(line, want) {
				t.Errorf("row %d reads %q, without %q", tc.row, line, want)
			}
		}
		if tc.row == 2 && strings.Contains(line, " by ") {
			t.Errorf("row %d reads %q: by whom is not recorded", tc.row, line)
		}
		p.list.Select(tc.row)
		for _, want := range tc.summary {
			if !strings.Contains(p.summary.Text, want) {
				t.Errorf("row %d's summary reads %q, without %q", tc.row, p.summary.Text, want)
			}
		}
	}
}
