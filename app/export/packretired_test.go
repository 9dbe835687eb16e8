package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// TestPackBriefSaysRetired: the pack's first page, the brief, says once
// that an indicator retired by its month is not listed, in the words
// the Guidance uses, rather than leaving it out unsaid.
func TestPackBriefSaysRetired(t *testing.T) {
	d := app.Dataset{Indicators: []app.Indicator{
		{Ref: "ED05", Name: "Children missing education (number)", Polarity: app.LowerBetter, Unit: app.Number, Measure: app.Count},
		{Ref: "ED06", Name: "Elective home education (number)", Polarity: app.LowerBetter, Unit: app.Number, Measure: app.Count}}}
	for i := range 6 {
		p := app.MonthOf(2025, time.January).Add(i)
		d.Observations = append(d.Observations, app.Observation{Ref: "ED05", Area: app.Kent, Period: p, Value: app.Float(float64(200 + i))})
		if i < 3 {
			d.Observations = append(d.Observations, app.Observation{Ref: "ED06", Area: app.Kent, Period: p, Value: app.Float(float64(1448 + i))})
		}
	}
	h := app.NewHistory()
	h.Apply(&d, "I0001")
	s := app.ChartSetting{Ref: "ED06", Kind: app.SetRetire, From: app.MonthOf(2025, time.April), Import: "I0003"}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	h.Apply(&app.Dataset{ChartSettings: []app.ChartSetting{s}}, "")
	for _, tt := range []struct {
		month app.Period
		want  string
	}{
		{app.MonthOf(2025, time.June), "ED06 Elective home education (number) was retired from Apr-25 (edit I0003): not listed."},
		{app.MonthOf(2025, time.March), ""},
	} {
		t.Run(tt.month.Label(), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "pack.pdf")
			if _, err := Write(context.Background(), path, h, Options{Period: tt.month, Produced: produced}); err != nil {
				t.Fatal(err)
			}
			first := strings.Join(strings.Fields(pdfText(t, path)[0]), " ")
			switch {
			case tt.want != "" && (!strings.Contains(first, tt.want) || strings.Count(first, "ED06") != 1):
				t.Errorf("page 1 does not say %q once:\n%s", tt.want, first)
			case tt.want == "" && strings.Contains(first, "retired"):
				t.Errorf("page 1 says retired:\n%s", first)
			}
		})
	}
}
