package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/trend"
)

// TestPackSPCColumn: the pack's scorecard has an SPC column giving each
// row's Making Data Count reading as trend reads it, the variation icon
// in a word and its assurance against the target on the line below, and
// its footnote says what the column shows rather than a "Trend and SPC"
// the page did not have (QA23c D7).
func TestPackSPCColumn(t *testing.T) {
	h, _ := demoHistory(t)
	p := h.Latest()
	path := filepath.Join(t.TempDir(), "pack.pdf")
	if _, err := Write(context.Background(), path, h, Options{Produced: produced, Suppress: 1}); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, pg := range pdfText(t, path) {
		if strings.Contains(pg, "DoT") && strings.Contains(pg, "Rank") {
			lines = append(lines, strings.Split(pg, "\n")...)
		}
	}
	words := strings.Join(strings.Fields(strings.Join(lines, "\n")), " ")
	for _, want := range []string{"Rank SPC Last 12", "SPC: the Making Data Count reading of the XmR chart at the month: its variation, Improving or Concern"} {
		if !strings.Contains(words, want) {
			t.Errorf("the scorecard pages do not say %q", want)
		}
	}
	if strings.Contains(words, "Trend and SPC:") {
		t.Error("the footnote still explains a Trend and SPC column the page does not have")
	}
	for _, tt := range []struct {
		ref                  string
		icons                string // the Making Data Count icons trend gives the demo's Oct-26
		variation, assurance string // what the pack says of them
	}{
		{"CIC01", "common-cause ", "Normal", ""},
		{"CIC03", "concern-low hit-and-miss", "Concern", "hit/miss"},
		{"CIC05", "improvement-low consistent-fail", "Improving", "fail"},
		{"SEND03", "concern-high consistent-fail", "Concern", "fail"},
		{"EH01", "common-cause hit-and-miss", "Normal", "hit/miss"},
	} {
		t.Run(tt.ref, func(t *testing.T) {
			k := app.SeriesKey{Ref: tt.ref, Area: app.Kent}
			s := trend.AnalyseSeries(h, k, trend.Options{Until: p})
			pt, ok := s.At(p)
			if icons := pt.Variation.String() + " " + pt.Assurance.Icon(); !ok || icons != tt.icons {
				t.Fatalf("trend reads %s %s as %q; the test expects %q", tt.ref, p.Label(), icons, tt.icons)
			}
			for i, l := range lines {
				f := strings.Fields(l)
				if len(f) == 0 || f[0] != tt.ref {
					continue
				}
				if got := f[len(f)-1]; got != tt.variation {
					t.Errorf("%s's row ends %q, want its SPC cell %q:\n%s", tt.ref, got, tt.variation, l)
				}
				if tt.assurance != "" {
					if next := strings.Fields(lines[i+1]); len(next) == 0 || next[len(next)-1] != tt.assurance {
						t.Errorf("%s's SPC cell's second line is not %q:\n%s\n%s", tt.ref, tt.assurance, l, lines[i+1])
					}
				}
				return
			}
			t.Errorf("no row for %s on the scorecard pages", tt.ref)
		})
	}
}
