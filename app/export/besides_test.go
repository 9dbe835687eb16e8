package export

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"scorecard/app"
)

// sectionOfPercentages is a SEND section as a scorecard often gives it:
// six percentages by district without counts, none naming its count,
// beside N01, a count, R02, a rate with its counts, and R03, R02's
// figures published without them (its twin), for three months.
func sectionOfPercentages() *app.History {
	inds := []app.Indicator{
		{Ref: "N01", Name: "Children starting to be looked after", Section: "SEND", Measure: app.Count, Unit: app.Number},
		{Ref: "R02", Name: "Care starts per 10,000 children", Section: "SEND", Measure: app.Rate, Unit: app.Per10k, Decimals: 1,
			Guidance: "Children starting to be looked after (N01) per 10,000 children aged 0-17"},
		{Ref: "R03", Name: "Care starts per 10,000 children (published)", Section: "SEND", Measure: app.Rate, Unit: app.Per10k, Decimals: 1},
	}
	for i := 1; i <= 6; i++ {
		inds = append(inds, app.Indicator{Ref: fmt.Sprintf("P%02d", i), Name: fmt.Sprintf("EHCP measure %d (%%)", i),
			Section: "SEND", Measure: app.Proportion, Unit: app.Percent, Decimals: 1})
	}
	var obs []app.Observation
	for m := 3; m <= 5; m++ {
		p := app.MonthOf(2026, time.Month(m))
		for d, area := range []app.Area{app.Kent, "Dover", "Thanet", "Swale"} {
			starts, pop := float64(2+d*3+m), 30000.0
			if area == app.Kent {
				starts, pop = 250, 320000
			}
			rate := starts / pop * 10000
			obs = append(obs,
				app.Observation{Ref: "N01", Area: area, Period: p, Value: app.Float(starts)},
				app.Observation{Ref: "R02", Area: area, Period: p, Value: app.Float(rate), Numerator: app.Float(starts), Denominator: app.Float(pop)},
				app.Observation{Ref: "R03", Area: area, Period: p, Value: app.Float(app.RoundTo(rate, 1))})
			for i := 1; i <= 6; i++ {
				obs = append(obs, app.Observation{Ref: fmt.Sprintf("P%02d", i), Area: area, Period: p, Value: app.Float(float64(40 + i + d + m))})
			}
		}
	}
	h := app.NewHistory()
	h.Apply(&app.Dataset{Indicators: inds, Observations: obs}, "I0001")
	return h
}

// TestWriteFromReadsTwinCandidatesOnce checks that a release worked out
// an indicator at a time finds a rate's twin as the whole release does
// (the workbooks are the same: R03's small counts withheld with R02's),
// and reads each candidate for a percentage's twin once, not once for
// every percentage beside it: reading and releasing them all made the
// large export take seconds.
func TestWriteFromReadsTwinCandidatesOnce(t *testing.T) {
	h := sectionOfPercentages()
	dir := t.TempDir()
	opt := Options{Produced: produced, AppVersion: "1.0-test", Suppress: 10}
	whole, streamed := filepath.Join(dir, "whole.xlsx"), filepath.Join(dir, "streamed.xlsx")
	want, err := Write(context.Background(), whole, h, opt)
	if err != nil {
		t.Fatal(err)
	}
	src := &pieces{h: h}
	got, err := WriteFrom(context.Background(), streamed, src, opt)
	if err != nil {
		t.Fatal(err)
	}
	if diffs := differences(t, whole, streamed); len(diffs) > 0 {
		t.Errorf("WriteFrom's workbook differs from Write's in %q", diffs)
	}
	if got.Suppressed != want.Suppressed || want.Suppressed == 0 {
		t.Errorf("suppressed %d, Write's %d; want the same, and R03's district figures among them", got.Suppressed, want.Suppressed)
	}
	// Nine indicators read once each for the workbook; P01's candidates
	// P02-P06 read to learn they carry no counts, the rest known; R03's
	// candidate R02 read, found its twin, and its count N01; and N01
	// read for R02, whose numerator is the count its guidance names.
	if most := 9 + 5 + 2 + 1; src.read > most {
		t.Errorf("read %d indicators, want at most %d", src.read, most)
	}
}
