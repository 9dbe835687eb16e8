package export

import (
	"context"
	"fmt"
	"maps"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/disclosure"
	"scorecard/app/trend"
)

// monthly builds a history of count indicators for Kent, a figure a month
// from start, as an MI officer's tidy CSV gives them: one series per ref,
// lower is better.
func monthly(start app.Period, series map[string][]float64) *app.History {
	d := app.Dataset{}
	for _, ref := range slices.Sorted(maps.Keys(series)) {
		vals := series[ref]
		d.Indicators = append(d.Indicators, app.Indicator{Ref: ref, Name: "Children " + ref, Polarity: app.LowerBetter, Unit: app.Number, Measure: app.Count})
		for i, v := range vals {
			d.Observations = append(d.Observations, app.Observation{Ref: ref, Area: app.Kent, Period: start.Add(i), Value: app.Float(v)})
		}
	}
	h := app.NewHistory()
	h.Apply(&d, "I0001")
	return h
}

// healthChecks is QA's red percentage withheld: 99 of 100 children a
// month, then 97, against a target of 99.5% and a floor of 98%; the 1 and
// 3 children outside it are withheld at the default threshold.
func healthChecks() *app.History {
	ind := app.Indicator{Ref: "PB1", Name: "Children with an up-to-date health check (%)", Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1, Measure: app.Proportion}
	d := app.Dataset{Indicators: []app.Indicator{ind}}
	start := app.MonthOf(2025, time.January)
	for i := range 12 {
		n := 99.0
		if i == 11 {
			n = 97
		}
		d.Observations = append(d.Observations, app.Observation{Ref: ind.Ref, Area: app.Kent, Period: start.Add(i), Value: app.Float(n), Numerator: app.Float(n), Denominator: app.Float(100)})
	}
	d.Targets = append(d.Targets, app.Target{Ref: ind.Ref, Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(99.5), Floor: app.Float(98)},
		app.Target{Ref: ind.Ref, Year: app.Period{Kind: app.FinancialYear, Year: 2025}, Target: app.Float(99.5), Floor: app.Float(98)})
	h := app.NewHistory()
	h.Apply(&d, "I0001")
	return h
}

// TestPackBriefWithheldRed: the pack's first page lists a red figure the
// pack withholds by its rating, without the figure, where it said
// nothing was red; and says the threshold it applied.
func TestPackBriefWithheldRed(t *testing.T) {
	h := healthChecks()
	for _, tt := range []struct {
		name      string
		suppress  int
		want, not []string
	}{
		{"withheld at 5", 5,
			[]string{"(1 indicator red", "Children with an up-to-date health check (%): c (RED), figure withheld (small numbers)", "threshold 5"},
			[]string{"Nothing is red", "97.0%", "1 child", "more counted"}},
		{"shown with no threshold", 0,
			[]string{"Children with an up-to-date health check (%): 97.0% (RED)", "no threshold applied"},
			[]string{"Nothing is red", "figure withheld"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "pack.pdf")
			if _, err := Write(context.Background(), path, h, Options{Suppress: tt.suppress, Produced: produced}); err != nil {
				t.Fatal(err)
			}
			first := strings.Join(strings.Fields(pdfText(t, path)[0]), " ")
			for _, w := range tt.want {
				if !strings.Contains(first, w) {
					t.Errorf("page 1 does not say %q: %s", w, first)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(first, n) {
					t.Errorf("page 1 says %q: %s", n, first)
				}
			}
		})
	}
}

// TestSuppressionNotedWhereItChangesAnalysis: where suppression leaves a
// figure out of an indicator's trend and SPC (worked out from the figures
// shown, so that a withheld one cannot be worked out from the mean), the
// Trend sheet's row says so in its Note column, the Guidance names the
// indicator, and the SPC mean stays that of the figures shown.
func TestSuppressionNotedWhereItChangesAnalysis(t *testing.T) {
	// QA's shapes: 24 months about 20 with one of 3 (the SPC mean of the
	// 23 shown is not the app's); three series each with a small month;
	// and a series with none.
	g7 := []float64{20, 22, 21, 23, 19, 20, 22, 21, 3, 23, 22, 20, 21, 22, 24, 23, 22, 21, 20, 22, 23, 24, 25, 40}
	for _, tt := range []struct {
		name     string
		h        *app.History
		suppress int
		noted    map[string]string // ref: the Note the Trend row must hold ("" none)
		guidance string
		charted  bool // the indicator is flagged, so has a chart block with its SPC mean
	}{
		{"one small month in 24", monthly(app.MonthOf(2024, time.January), map[string][]float64{"QM1": g7}), 5,
			map[string]string{"QM1": "Trend and SPC leave out 1 withheld figure (c): see Guidance"},
			"In this workbook that is so of QM1, noted in the Note column of the Trend sheet.", true},
		{"three series with a small month", monthly(app.MonthOf(2025, time.January), map[string][]float64{
			"QY1": {10, 12, 11, 3, 12, 13, 14, 15, 16, 17, 18, 19, 20},
			"QY2": {20, 21, 22, 20, 21, 22, 20, 21, 22, 20, 21, 3, 10},
			"QY3": {30, 31, 29, 30, 31, 29, 30, 31, 29, 30, 31, 29, 2},
			"QY4": {30, 31, 29, 30, 31, 29, 30, 31, 29, 30, 31, 29, 28}}), 5,
			map[string]string{"QY1": "leave out 1 withheld figure", "QY2": "leave out 1 withheld figure", "QY3": "leave out 1 withheld figure", "QY4": ""},
			"In this workbook that is so of 3 indicators (QY1, QY2, QY3)", false},
		{"threshold 10 leaves out two", monthly(app.MonthOf(2025, time.January), map[string][]float64{
			"QY1": {10, 12, 11, 3, 12, 13, 14, 15, 16, 17, 18, 19, 7}}), 10,
			map[string]string{"QY1": "leave out 2 withheld figures"},
			"that is so of QY1", false},
		{"no small numbers", monthly(app.MonthOf(2025, time.January), map[string][]float64{
			"QY4": {30, 31, 29, 30, 31, 29, 30, 31, 29, 30, 31, 29, 28}}), 5,
			map[string]string{"QY4": ""},
			"In this workbook no indicator's analysis leaves figures out.", false},
		{"no threshold", monthly(app.MonthOf(2024, time.January), map[string][]float64{"QM1": g7}), 0,
			map[string]string{"QM1": ""}, "", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.xlsx")
			if _, err := Write(context.Background(), path, tt.h, Options{Suppress: tt.suppress, Produced: produced}); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows(TrendSheet, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			note := -1
			seen := 0
			for _, r := range rows {
				if len(r) > 0 && r[0] == "Ref" {
					note = len(r) - 1
					if r[note] != "Note" {
						t.Fatalf("the Trend sheet's header %q does not end with Note", r)
					}
					continue
				}
				if note < 0 || len(r) == 0 {
					continue
				}
				want, ok := tt.noted[r[0]]
				if !ok {
					continue
				}
				seen++
				got := ""
				if len(r) > note {
					got = r[note]
				}
				if want == "" && got != "" || !strings.Contains(got, want) {
					t.Errorf("%s: Trend note %q, want %q", r[0], got, want)
				}
			}
			if seen != len(tt.noted) {
				t.Errorf("%d of %d rows found on the Trend sheet", seen, len(tt.noted))
			}
			guidance := sheetText(t, f, GuidanceSheet)
			if tt.guidance != "" && !strings.Contains(guidance, tt.guidance) {
				t.Errorf("the Guidance does not say %q", tt.guidance)
			}
			if tt.suppress > 1 && !strings.Contains(guidance, "worked out from the figures shown, leaving out those withheld") {
				t.Error("the Guidance does not say trends and SPC leave withheld figures out")
			}
			// The chart block's SPC mean is that of the figures shown,
			// never one from which a withheld figure could be worked out.
			means := 0
			for _, r := range rows {
				if len(r) < 2 || r[1] != "SPC mean" {
					continue
				}
				means++
				mean := lastNumber(r)
				shown, all := meanShown(tt.h, tt.suppress)
				if fmt.Sprintf("%.4f", mean) != fmt.Sprintf("%.4f", shown) {
					t.Errorf("SPC mean %v, want %v, the mean of the figures shown", mean, shown)
				}
				if tt.suppress > 1 && shown == all {
					t.Errorf("SPC mean %v is the app's: the case leaves nothing out", mean)
				}
			}
			if tt.charted && means == 0 {
				t.Error("no chart block with an SPC mean to check")
			}
		})
	}
}

// sheetText is every cell of a sheet, joined.
func sheetText(t *testing.T, f *excelize.File, sheet string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, " "))
		b.WriteString("\n")
	}
	return b.String()
}

// lastNumber is the last cell of r read as a number.
func lastNumber(r []string) float64 {
	var v float64
	fmt.Sscan(r[len(r)-1], &v)
	return v
}

// meanShown is the SPC mean at the latest month of the one series of h
// as released at threshold suppress: worked out from the figures shown.
// The app's mean, from every figure, is the second result.
func meanShown(h *app.History, suppress int) (shown, app_ float64) {
	k := h.Keys()[0]
	released, _ := disclosure.Suppress(h, suppress)
	mean := func(h *app.History) float64 {
		pts := trend.Analyse(h, k, trend.Options{})
		return pts[len(pts)-1].Chart.Mean
	}
	return mean(released), mean(h)
}

// TestPackNotesLeftOut: the pack says, under its scorecard, on the page
// of a flagged indicator and in its guidance, where its trend and SPC
// leave out a withheld figure, as the workbook does.
func TestPackNotesLeftOut(t *testing.T) {
	g7 := []float64{20, 22, 21, 23, 19, 20, 22, 21, 3, 23, 22, 20, 21, 22, 24, 23, 22, 21, 20, 22, 23, 24, 25, 40}
	h := monthly(app.MonthOf(2024, time.January), map[string][]float64{"QM1": g7, "QM2": g7[:23:23]})
	h.Apply(&app.Dataset{Observations: []app.Observation{{Ref: "QM2", Area: app.Kent, Period: app.MonthOf(2025, time.December), Value: app.Float(24)}}}, "I0002")
	for _, tt := range []struct {
		suppress int
		want     []string
		not      []string
	}{
		{5, []string{
			"Small numbers: the trend, change and SPC of QM1, QM2 are worked out from the figures shown",
			"Small numbers: the trend, change and SPC mean and limits here are worked out from the figures shown, leaving out 1 figure withheld (c)",
			"In this pack that is so of 2 indicators (QM1, QM2)",
		}, nil},
		{0, nil, []string{"leaving out"}},
	} {
		t.Run(fmt.Sprint("suppress ", tt.suppress), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "pack.pdf")
			if _, err := Write(context.Background(), path, h, Options{Suppress: tt.suppress, Produced: produced}); err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(strings.Join(pdfText(t, path), " ")), " ")
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("the pack does not say %q: %s", w, text)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(text, n) {
					t.Errorf("the pack says %q", n)
				}
			}
		})
	}
}

// TestTrendNoteCountsEveryC: a Trend row with the source's own c beside
// one the export withholds counts both, and says which ("leave out 1
// withheld figure" beside two c's read as a miscount, QA27a 5); a month a
// later import revised is named in the Note (QA27a 2).
func TestTrendNoteCountsEveryC(t *testing.T) {
	start := app.MonthOf(2025, time.January)
	for _, tt := range []struct {
		name   string
		vals   []float64 // NaN: the source's c
		revise int       // a month a second import revises, -1 none
		want   string
	}{
		{"the source's c and one withheld here", []float64{9, 7, 6, 3, math.NaN(), 8}, -1,
			"Trend and SPC leave out 2 withheld figures (c): 1 withheld here for small numbers, 1 by the source: see Guidance"},
		{"the source's c alone", []float64{9, 7, 6, 8, math.NaN(), 8}, -1,
			"Trend and SPC leave out 1 withheld figure (c), withheld by the source"},
		{"one withheld here alone", []float64{9, 7, 6, 3, 9, 8}, -1,
			"Trend and SPC leave out 1 withheld figure (c): see Guidance"},
		{"a month revised", []float64{9, 7, 6, 8, 9, 8}, 1,
			"Revised: Feb-25 (its Scorecard cell names the files)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := app.Dataset{Indicators: []app.Indicator{{Ref: "SG11", Name: "Private fostering arrangements notified (number)", Polarity: app.LowerBetter, Unit: app.Number, Measure: app.Count}}}
			for i, v := range tt.vals {
				o := app.Observation{Ref: "SG11", Area: app.Kent, Period: start.Add(i), Value: app.Float(v)}
				if math.IsNaN(v) {
					o.Value, o.Status, o.Raw = nil, app.Suppressed, "c"
				}
				d.Observations = append(d.Observations, o)
			}
			h := app.NewHistory()
			h.Apply(&d, "I0001")
			if tt.revise >= 0 {
				h.Apply(&app.Dataset{Observations: []app.Observation{{Ref: "SG11", Area: app.Kent, Period: start.Add(tt.revise), Value: app.Float(12)}}}, "I0002")
			}
			path := filepath.Join(t.TempDir(), "x.xlsx")
			if _, err := Write(context.Background(), path, h, Options{Suppress: 5, Produced: produced}); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows(TrendSheet)
			if err != nil {
				t.Fatal(err)
			}
			got := "(no row)"
			for _, r := range rows {
				if len(r) > 0 && r[0] == "SG11" {
					got = r[len(r)-1]
				}
			}
			if got != tt.want {
				t.Errorf("Trend note %q, want %q", got, tt.want)
			}
		})
	}
}
