package brief

import (
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// retiredED06 is a history of two counts for Kent, a figure a month
// from January to June 2025, ED06's only to March, retired from April by
// edit I0003, as `scorecard retire ED06 --from 2025-04` saves it.
func retiredED06(t *testing.T) *app.History {
	t.Helper()
	d := app.Dataset{Indicators: []app.Indicator{
		{Ref: "ED05", Name: "Children missing education (number)", Polarity: app.LowerBetter, Unit: app.Number, Measure: app.Count},
		{Ref: "ED06", Name: "Elective home education (number)", Polarity: app.LowerBetter, Unit: app.Number, Measure: app.Count}}}
	for i := range 6 {
		p := app.MonthOf(2025, time.January).Add(i)
		d.Observations = append(d.Observations, app.Observation{Ref: "ED05", Area: app.Kent, Period: p, Value: f(float64(200 + i))})
		if i < 3 {
			d.Observations = append(d.Observations, app.Observation{Ref: "ED06", Area: app.Kent, Period: p, Value: f(float64(1448 + i))})
		}
	}
	h := app.NewHistory()
	h.Apply(&d, "I0001")
	s := app.ChartSetting{Ref: "ED06", Kind: app.SetRetire, From: app.MonthOf(2025, time.April), Import: "I0003"}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	h.Apply(&app.Dataset{ChartSettings: []app.ChartSetting{s}}, "")
	return h
}

// TestBriefSaysRetired: the brief of a month an indicator is retired by
// says so once, in the export's words (app.History.RetiredNote), rather
// than leaving it out unsaid; a month before it was retired says
// nothing of it.
func TestBriefSaysRetired(t *testing.T) {
	h := retiredED06(t)
	for _, tt := range []struct {
		name  string
		month app.Period
		want  string
	}{
		{"after", app.MonthOf(2025, time.June), "ED06 Elective home education (number) was retired from Apr-25 (edit I0003): not listed."},
		{"before", app.MonthOf(2025, time.March), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			opt := Options{Period: tt.month}
			got := Retired(h, opt)
			if got != tt.want {
				t.Errorf("Retired: %q, want %q", got, tt.want)
			}
			items := Items(h, opt)
			text := Text(Heading(app.Kent, tt.month, "", items), items, Left{}, RevisionsText(h, opt), Retired(h, opt))
			if n := strings.Count(text, "ED06"); tt.want != "" && n != 1 {
				t.Errorf("ED06 said %d times, want once:\n%s", n, text)
			}
		})
	}
}
