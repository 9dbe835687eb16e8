package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"
)

// TestPackLastYearStatus: excluding UASC, the pack's "Same month last
// year" gives "cannot exclude" where the workbook's does, not a blank
// that reads as no figure (QA23c D9); where last year has a figure, it
// gives the figure.
func TestPackLastYearStatus(t *testing.T) {
	h, _ := demoHistory(t)
	path := filepath.Join(t.TempDir(), "pack.pdf")
	if _, err := Write(context.Background(), path, h, Options{Exclude: []app.Cohort{app.UASC}, Produced: produced}); err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, path)
	// rowOf is the scorecard's row for ref: its line and the next, which
	// holds the second line of a wrapped cell.
	rowOf := func(ref string) string {
		for _, pg := range pages {
			if !strings.Contains(pg, "DoT") {
				continue
			}
			lines := strings.Split(pg, "\n")
			for i, l := range lines {
				if strings.HasPrefix(l, ref+" ") {
					return strings.Join(strings.Fields(strings.Join(lines[i:min(i+2, len(lines))], " ")), " ")
				}
			}
		}
		t.Fatalf("no scorecard row for %s", ref)
		return ""
	}
	for _, tt := range []struct {
		ref     string
		cannots int // the month's and the same month last year's
	}{
		{"CIC06", 2},
		{"SCS01", 2},
		{"CIC05", 0},
	} {
		t.Run(tt.ref, func(t *testing.T) {
			r := rowOf(tt.ref)
			if n := strings.Count(r, "cannot"); n != tt.cannots {
				t.Errorf("%s's row says cannot %d times, want %d: %s", tt.ref, n, tt.cannots, r)
			}
		})
	}
}
