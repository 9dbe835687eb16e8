package export

import (
	"context"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// TestPackCountsSourceC: the pack's scorecard footnote and a flagged
// indicator's chart page count the source's own c as well as the
// figures withheld here, and say which, in the Trend sheet's Note's
// words (leftOutNote): a chart missing two points under a note of one
// read as a miscount, and one missing the source's c said nothing.
func TestPackCountsSourceC(t *testing.T) {
	c := math.NaN() // the source's own c
	g7 := []float64{20, 22, 21, 23, 19, 20, 22, 21, 21, 23, 22, 20, 21, 22, 24, 23, 22, 21, 20, 22, 23, 24, 25, 40}
	both := append([]float64(nil), g7...)
	both[5], both[8] = c, 3 // one c from the source, one withheld here
	source := append([]float64(nil), g7...)
	source[5] = c
	d := app.Dataset{}
	for _, s := range []struct {
		ref  string
		vals []float64
	}{{"QM1", both}, {"QM3", source}} {
		d.Indicators = append(d.Indicators, app.Indicator{Ref: s.ref, Name: "Children " + s.ref, Polarity: app.LowerBetter, Unit: app.Number, Measure: app.Count})
		for i, v := range s.vals {
			o := app.Observation{Ref: s.ref, Area: app.Kent, Period: app.MonthOf(2024, time.January).Add(i), Value: app.Float(v)}
			if math.IsNaN(v) {
				o.Value, o.Status, o.Raw = nil, app.Suppressed, "c"
			}
			d.Observations = append(d.Observations, o)
		}
	}
	h := app.NewHistory()
	h.Apply(&d, "I0001")
	path := filepath.Join(t.TempDir(), "pack.pdf")
	if _, err := Write(context.Background(), path, h, Options{Suppress: 5, Produced: produced}); err != nil {
		t.Fatal(err)
	}
	pages := pdfText(t, path)
	page := func(has string) string {
		for _, pg := range pages {
			if pg := strings.Join(strings.Fields(pg), " "); strings.Contains(pg, has) {
				return pg
			}
		}
		t.Fatalf("no page says %q", has)
		return ""
	}
	for _, tt := range []struct {
		name, page string
		want       []string
	}{
		{"the scorecard's footnote", "RAG: GREEN target met", []string{
			"QM1: Trend and SPC leave out 2 withheld figures (c): 1 withheld here for small numbers, 1 by the source: see Guidance.",
			"QM3: Trend and SPC leave out 1 withheld figure (c), withheld by the source."}},
		{"QM1's chart page", "QM1 Children QM1 Flagged", []string{
			"leaving out 1 figure withheld (c)",
			"Trend and SPC leave out 2 withheld figures (c): 1 withheld here for small numbers, 1 by the source: see Guidance."}},
		{"QM3's chart page", "QM3 Children QM3 Flagged", []string{
			"Trend and SPC leave out 1 withheld figure (c), withheld by the source."}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pg := page(tt.page)
			for _, w := range tt.want {
				if !strings.Contains(pg, w) {
					t.Errorf("does not say %q:\n%s", w, pg)
				}
			}
		})
	}
}
