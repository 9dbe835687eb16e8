package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// TestPackDistrictRevisions: a district's pack lists the district's own
// revised figures on its first page, and the authority's pack says how
// many districts' figures were revised, as the brief does
// (brief.Revisions): a district's figure revised after its pack was
// circulated had been said in no pack.
func TestPackDistrictRevisions(t *testing.T) {
	ind := app.Indicator{Ref: "SG11", Name: "Children on a plan", Polarity: app.LowerBetter, Unit: app.Number, Measure: app.Count}
	may := app.MonthOf(2025, time.May)
	d := app.Dataset{Indicators: []app.Indicator{ind}}
	for i := 0; i < 5; i++ {
		for j, a := range []app.Area{app.Kent, "Ashford", "Dover"} {
			d.Observations = append(d.Observations, app.Observation{Ref: "SG11", Area: a, Period: app.MonthOf(2025, time.January).Add(i), Value: app.Float(float64(100*(j+1) + i))})
		}
	}
	h := app.NewHistory()
	h.Apply(&d, "I0001")
	h.Apply(&app.Dataset{Observations: []app.Observation{
		{Ref: "SG11", Area: "Ashford", Period: may, Value: app.Float(250)},
		{Ref: "SG11", Area: app.Kent, Period: may.Add(1), Value: app.Float(110)},
		{Ref: "SG11", Area: "Ashford", Period: may.Add(1), Value: app.Float(210)},
		{Ref: "SG11", Area: "Dover", Period: may.Add(1), Value: app.Float(310)},
	}}, "I0002")
	h.Imports = []app.Import{{ID: "I0001", Source: "m05.xlsx"}, {ID: "I0002", Source: "m06.xlsx"}}
	for _, tt := range []struct {
		area app.Area
		want string
	}{
		{"Ashford", "SG11 Children on a plan: May-25 revised from 204 to 250 (m06.xlsx, import I0002)."},
		{app.Kent, "1 district's figures, each listed in its district's brief and pack"},
	} {
		t.Run(string(tt.area), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "pack.pdf")
			if _, err := Write(context.Background(), path, h, Options{Area: tt.area, Produced: produced}); err != nil {
				t.Fatal(err)
			}
			first := strings.Join(strings.Fields(pdfText(t, path)[0]), " ")
			if !strings.Contains(first, "Changed since figures were last circulated:") || !strings.Contains(first, tt.want) {
				t.Errorf("page 1 does not say %q:\n%s", tt.want, first)
			}
		})
	}
}
