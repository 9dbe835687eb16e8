package export

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/app/trend"
)

func TestScorecardFiguresAreNumbersAsAnalysed(t *testing.T) {
	h, m := demoHistory(t)
	f, sum := export(t, h, Options{})
	if want := []string{ScorecardSheet, TrendSheet, DistrictsSheet, BreakdownsSheet, GuidanceSheet, ProvenanceSheet, DataSheet, DefinitionsSheet, TargetsSheet}; !slices.Equal(f.GetSheetList(), want) || !slices.Equal(sum.Sheets, want) {
		t.Fatalf("sheets %q, summary %q; want %q", f.GetSheetList(), sum.Sheets, want)
	}
	if sum.Period != m.Latest() || sum.Indicators != len(h.Indicators()) {
		t.Errorf("summary %+v: want period %v and %d indicators", sum, m.Latest(), len(h.Indicators()))
	}
	title, _ := f.GetCellValue(ScorecardSheet, "A1")
	if !strings.Contains(title, periodName(m.Latest())) || !strings.Contains(title, "Kent") {
		t.Errorf("title %q does not name Kent and %s", title, periodName(m.Latest()))
	}
	if a2, _ := f.GetCellValue(ScorecardSheet, "A2"); a2 != "All children: no cohorts excluded" {
		t.Errorf("A2 = %q", a2)
	}
	// Print setup: landscape, two pages wide, header rows and names
	// repeated; panes frozen below the header and right of the names.
	var titles string
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == ScorecardSheet {
			titles = dn.RefersTo
		}
	}
	if want := fmt.Sprintf("'%s'!$A:$B,'%s'!$%d:$%d", ScorecardSheet, ScorecardSheet, headerRow-1, headerRow); titles != want {
		t.Errorf("print titles %q, want %q", titles, want)
	}
	if pl, err := f.GetPageLayout(ScorecardSheet); err != nil || *pl.Orientation != "landscape" || *pl.FitToWidth != 2 {
		t.Errorf("page layout %+v (%v): want landscape, two pages wide", pl, err)
	}
	if panes, err := f.GetPanes(ScorecardSheet); err != nil || !panes.Freeze || panes.TopLeftCell != cell(3, headerRow+1) {
		t.Errorf("panes %+v (%v): want frozen at %s", panes, err, cell(3, headerRow+1))
	}
	monthCol := headerCol(t, f, m.Latest().Label())
	ragCol, dotCol := headerCol(t, f, "RAG"), headerCol(t, f, "DoT")
	checked, rated := 0, 0
	for _, ind := range h.Indicators() {
		pts := trend.Analyse(h, app.SeriesKey{Ref: ind.Ref, Area: app.Kent}, trend.Options{Until: m.Latest()})
		if len(pts) == 0 || pts[len(pts)-1].Period != m.Latest() {
			continue
		}
		p := pts[len(pts)-1]
		r := sheetRow(t, f, ScorecardSheet, ind.Ref)
		ref := cell(monthCol, r)
		if p.Value == nil {
			got, _ := f.GetCellValue(ScorecardSheet, ref)
			if got != p.Status.String() {
				t.Errorf("%s %s: %q, want status %q", ind.Ref, ref, got, p.Status)
			}
			continue
		}
		got := numberAt(t, f, ScorecardSheet, ref)
		want := cellNumber(ind, *p.Value)
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s %s = %v, want %v", ind.Ref, ref, got, want)
		}
		nf, _ := format(t, f, ScorecardSheet, ref)
		if ind.Unit == app.Percent && ind.Decimals == 1 && nf != "0.0%" {
			t.Errorf("%s %s: format %q, want 0.0%%", ind.Ref, ref, nf)
		}
		checked++
		rag, _ := f.GetCellValue(ScorecardSheet, cell(ragCol, r))
		if rag != p.RAG.String() {
			t.Errorf("%s RAG %q, want %q", ind.Ref, rag, p.RAG)
		}
		if p.RAG != app.NoRAG {
			rated++
			wantFill, _ := ragLook(p.RAG)
			if _, fill := format(t, f, ScorecardSheet, cell(ragCol, r)); fill != wantFill {
				t.Errorf("%s RAG fill %q, want %q", ind.Ref, fill, wantFill)
			}
		}
		words, _ := f.GetCellValue(ScorecardSheet, cell(headerCol(t, f, "Trend and SPC"), r))
		for _, w := range []string{p.Trend.Direction.String(), strings.ToLower(strings.TrimSuffix(p.VariationReading, ".")), strings.ToLower(strings.TrimSuffix(p.AssuranceReading, "."))} {
			if !strings.Contains(strings.ToLower(words), w) {
				t.Errorf("%s: trend and SPC %q does not say %q", ind.Ref, words, w)
			}
		}
		if strings.ContainsFunc(words, func(r rune) bool { return r == utf8.RuneError || !unicode.IsPrint(r) }) {
			t.Errorf("%s: trend and SPC %q holds unprintable characters", ind.Ref, words)
		}
		// The Making Data Count icons in words, tinted as MDC colours them.
		if strings.Contains(words, "SPC: ") || strings.Contains(words, "special cause") {
			t.Errorf("%s: trend and SPC %q uses the SPC terms, not Making Data Count's words", ind.Ref, words)
		}
		if _, fill := format(t, f, ScorecardSheet, cell(headerCol(t, f, "Trend and SPC"), r)); p.Variation != trend.NoVariation && fill != iconFills[p.Variation.Colour()] {
			t.Errorf("%s: variation %s filled %q, want %q", ind.Ref, p.Variation, fill, iconFills[p.Variation.Colour()])
		}
		dot, _ := f.GetCellValue(ScorecardSheet, cell(dotCol, r))
		if p.DoT != app.NoDoT && !strings.HasSuffix(dot, string(p.DoT)) {
			t.Errorf("%s DoT %q, want %q", ind.Ref, dot, p.DoT)
		}
	}
	if checked < 20 || rated < 10 {
		t.Errorf("checked %d figures and %d ratings: the demo has more", checked, rated)
	}
}

// TestOutturnExcluding checks the Scorecard's previous-year outturn:
// all children's outturn where nothing is excluded. Excluding UASC: the
// year's own figure recomputed without them where the history holds the
// year's figures for all and for UASC (CIC01); the year's last month's
// figure without them, noted, where all children's outturn is that
// month's figure (a snapshot, rolling 12 months or year to date); all
// children's outturn for a measure UASC cannot be counted in (a
// workforce measure, which stands as it is); otherwise "cannot exclude"
// with the reason, never all children's outturn under an excluding
// title.
func TestOutturnExcluding(t *testing.T) {
	h, m := demoHistory(t)
	// CIC01's 2025/26 figures for all children and UASC let its outturn
	// be recomputed: 1893 - 425 = 1468.
	year := app.Indicator{}.TargetYear(m.Latest()).Add(-1)
	if ind, _ := h.Indicator("CIC01"); ind.YearType != app.FinancialYear && ind.YearType != 0 {
		t.Fatalf("CIC01 runs by %v years", ind.YearType)
	}
	h.Apply(&app.Dataset{Observations: []app.Observation{
		{Ref: "CIC01", Area: app.Kent, Period: year, Value: app.Float(1893), Numerator: app.Float(1893)},
		{Ref: "CIC01", Area: app.Kent, Split: app.Only(app.UASC), Period: year, Value: app.Float(425), Numerator: app.Float(425)},
	}}, "I0003")
	excluded, _ := cohort.Exclude(h, []app.Cohort{app.UASC})
	outturnOf := func(ind app.Indicator) *float64 {
		y := ind.TargetYear(m.Latest()).Add(-1)
		for _, bm := range h.Benchmarks(ind.Ref) {
			if bm.Group == app.OutturnGroup && bm.Period == y {
				return bm.Value
			}
		}
		return nil
	}
	yearEnd := app.MonthOf(year.End().Year(), year.End().Month())
	figure := func(hh *app.History, ref string) *float64 {
		o, _ := hh.Observation(app.SeriesKey{Ref: ref, Area: app.Kent}, yearEnd)
		return o.Value
	}
	const (
		asGiven = "all children's outturn"
		yearOwn = "the year's own figure"
		atMarch = "Mar's figure excluding"
		cannot  = "cannot exclude"
	)
	tests := []struct {
		name    string
		exclude []app.Cohort
		want    map[string]string // by ref, what the outturn must be
	}{
		{"all children", nil, map[string]string{"CIC01": asGiven, "CIC05": asGiven, "SCS03": asGiven, "SEND01": asGiven}},
		{"excluding UASC", []app.Cohort{app.UASC}, map[string]string{
			"CIC01": yearOwn,                   // the year's own figures, over March's
			"CIC05": atMarch, "CIC10": atMarch, // R12M
			"CIC03": atMarch,                                     // MS
			"SCS03": asGiven, "SCS04": asGiven, "SCS05": asGiven, // UASC cannot be counted in them
			"ED03":   asGiven, // a measure of pupils with no UASC split: as published (QA30 13)
			"SEND01": cannot,  // all children's outturn is not the year's last month's figure
			"CIC06":  cannot,  // March's figure cannot exclude UASC
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := export(t, h, Options{Exclude: tt.exclude})
			for ref, kind := range tt.want {
				ind, _ := h.Indicator(ref)
				all := outturnOf(ind)
				if all == nil {
					t.Fatalf("%s has no outturn", ref)
				}
				at := cell(5, sheetRow(t, f, ScorecardSheet, ref))
				got, _ := f.GetCellValue(ScorecardSheet, at, excelize.Options{RawCellValue: true})
				var want float64
				switch kind {
				case asGiven:
					want = cellNumber(ind, *all)
					if hasComment(f, ScorecardSheet, at, "") {
						t.Errorf("%s outturn %s is noted, as it is given", ref, at)
					}
				case yearOwn:
					want = 1468
				case atMarch:
					v := figure(excluded, ref)
					if v == nil || *figure(h, ref) != *all {
						t.Fatalf("%s: the demo's outturn is not %s's figure", ref, yearEnd.Label())
					}
					want = cellNumber(ind, *v)
					if want == cellNumber(ind, *all) {
						t.Fatalf("%s: the figure excluding UASC is all children's: the case proves nothing", ref)
					}
					if note := yearEnd.Label() + "'s figure excluding unaccompanied asylum-seeking children (UASC): the " + year.Label(); !hasComment(f, ScorecardSheet, at, note) {
						t.Errorf("%s outturn %s has no note %q", ref, at, note)
					}
				case cannot:
					y := ind.TargetYear(m.Latest()).Add(-1)
					if got != app.CannotExclude.String() || !hasComment(f, ScorecardSheet, at, "Cannot exclude: the "+y.Label()+" outturn is") {
						t.Errorf("%s outturn %s = %q, want cannot exclude with the reason", ref, at, got)
					}
					continue
				}
				if v := numberAt(t, f, ScorecardSheet, at); math.Abs(v-want) > 1e-9 {
					t.Errorf("%s outturn %s = %v (%s), want %v", ref, at, v, kind, want)
				}
			}
		})
	}
}

// TestOutturnFromYearFigure checks that where no outturn benchmark was
// given, the previous-year outturn is the year's own figure: the first
// scorecard of a year gives its two previous years beside April, and
// the 2023/24 figure is April 2024's previous-year outturn, not March's
// figure nor nothing.
func TestOutturnFromYearFigure(t *testing.T) {
	h := app.NewHistory()
	h.AddIndicator(app.Indicator{Ref: "CIC01", Name: "Number of children in care", Unit: app.Number, Polarity: app.LowerBetter, Section: "One"})
	fy := func(y int) app.Period { return app.Period{Kind: app.FinancialYear, Year: y} }
	for _, o := range []app.Observation{
		{Period: fy(2022), Value: app.Float(1800)},
		{Period: fy(2023), Value: app.Float(1750)},
		{Period: app.MonthOf(2024, 4), Value: app.Float(1700)},
	} {
		o.Ref, o.Area = "CIC01", app.Kent
		h.Add(o)
	}
	f, sum := export(t, h, Options{})
	if sum.Period != app.MonthOf(2024, 4) {
		t.Fatalf("exported %s, want April 2024", sum.Period)
	}
	r := sheetRow(t, f, ScorecardSheet, "CIC01")
	if v := numberAt(t, f, ScorecardSheet, cell(5, r)); v != 1750 {
		t.Errorf("previous-year outturn %v, want 2023/24's 1750", v)
	}
	// The twelve months' columns follow the fixed ones, April's last.
	mar := len(scorecardCols) + 11
	for i, p := range []app.Period{app.MonthOf(2024, 3), app.MonthOf(2024, 4)} {
		at := cell(mar+i, r)
		got, _ := f.GetCellValue(ScorecardSheet, at, excelize.Options{RawCellValue: true})
		if want := []string{"", "1700"}[i]; got != want {
			t.Errorf("%s at %s = %q, want %q", p.Label(), at, got, want)
		}
	}
}

// TestOutturnExcludingFromYearFigure: where the previous-year outturn is
// the year's own figure for all children (a DfE file's), with no UASC
// figure for the year, the outturn excluding UASC is its year-end
// month's, noted, as for an outturn column (QA22 F1: it was "cannot
// exclude", the year-end month never tried).
func TestOutturnExcludingFromYearFigure(t *testing.T) {
	h := app.NewHistory()
	h.AddIndicator(app.Indicator{Ref: "Y1", Name: "Number of children in care", Measure: app.Count, Unit: app.Number,
		Polarity: app.LowerBetter, DataPeriod: app.Snapshot, Section: "One"})
	uasc := app.Only(app.UASC)
	for _, o := range []app.Observation{
		{Period: app.Period{Kind: app.FinancialYear, Year: 2024}, Value: app.Float(1011)},
		{Period: app.MonthOf(2025, 3), Value: app.Float(1011)},
		{Period: app.MonthOf(2025, 3), Split: uasc, Value: app.Float(122)},
		{Period: app.MonthOf(2025, 4), Value: app.Float(1020)},
		{Period: app.MonthOf(2025, 4), Split: uasc, Value: app.Float(125)},
	} {
		o.Ref, o.Area = "Y1", app.Kent
		h.Add(o)
	}
	f, _ := export(t, h, Options{Exclude: []app.Cohort{app.UASC}})
	at := cell(5, sheetRow(t, f, ScorecardSheet, "Y1"))
	if v := numberAt(t, f, ScorecardSheet, at); v != 1011-122 {
		t.Errorf("outturn excluding UASC at %s = %v, want Mar-25's 889", at, v)
	}
	if note := "Mar-25's figure excluding unaccompanied asylum-seeking children (UASC): the 2024/25"; !hasComment(f, ScorecardSheet, at, note) {
		t.Errorf("outturn %s has no note %q", at, note)
	}
}

// TestOutturnOfTheLaterImport: where a workbook's outturn column and a
// figure for the same year both stand, the later import's is the
// previous-year outturn: a correction of the year after the workbook,
// or a workbook's outturn after an earlier annual file.
func TestOutturnOfTheLaterImport(t *testing.T) {
	fy := app.Period{Kind: app.FinancialYear, Year: 2023}
	outturn := &app.Dataset{Benchmarks: []app.Benchmark{{Ref: "CIC01", Period: fy, Group: app.OutturnGroup, Value: app.Float(1893)}}}
	year := &app.Dataset{Observations: []app.Observation{{Ref: "CIC01", Area: app.Kent, Period: fy, Value: app.Float(1800)}}}
	for _, tt := range []struct {
		name          string
		first, second *app.Dataset
		want          float64
	}{
		{"a correction after the workbook", outturn, year, 1800},
		{"the workbook after an annual file", year, outturn, 1893},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := app.NewHistory()
			h.AddIndicator(app.Indicator{Ref: "CIC01", Name: "Number of children in care", Unit: app.Number, Polarity: app.LowerBetter, Section: "One"})
			h.Add(app.Observation{Ref: "CIC01", Area: app.Kent, Period: app.MonthOf(2024, 4), Value: app.Float(1700)})
			h.Apply(tt.first, "I0002")
			h.Apply(tt.second, "I0010")
			f, _ := export(t, h, Options{})
			if v := numberAt(t, f, ScorecardSheet, cell(5, sheetRow(t, f, ScorecardSheet, "CIC01"))); v != tt.want {
				t.Errorf("previous-year outturn %v, want %v", v, tt.want)
			}
		})
	}
}

// TestLastYearCannotExclude: beside figures excluding UASC, the same
// month last year that gave no UASC figure says "cannot exclude", with
// why, rather than a blank that reads as no figure (QA10 g14).
func TestLastYearCannotExclude(t *testing.T) {
	h := app.NewHistory()
	oct := app.MonthOf(2026, time.October)
	before := app.MonthOf(2025, time.October)
	uasc := app.Only(app.UASC)
	h.Apply(&app.Dataset{
		Indicators: []app.Indicator{{Ref: "C1", Name: "Children in care", Unit: app.Number, Measure: app.Count}},
		Observations: []app.Observation{
			{Ref: "C1", Area: app.Kent, Period: before, Value: app.Float(90)},
			{Ref: "C1", Area: app.Kent, Period: oct, Value: app.Float(100)},
			{Ref: "C1", Area: app.Kent, Split: uasc, Period: oct, Value: app.Float(8)},
		},
	}, "I0001")
	f, _ := export(t, h, Options{Exclude: []app.Cohort{app.UASC}})
	at := cell(headerCol(t, f, "Same month last year"), sheetRow(t, f, ScorecardSheet, "C1"))
	if got, _ := f.GetCellValue(ScorecardSheet, at); got != app.CannotExclude.String() {
		t.Errorf("same month last year %s = %q, want %q", at, got, app.CannotExclude)
	}
	if !hasComment(f, ScorecardSheet, at, "Cannot exclude: the source gives no figure for unaccompanied asylum-seeking children (UASC)") {
		t.Errorf("same month last year %s has no note saying why", at)
	}
}

// TestDistrictOutturn (QA probe 11): a scorecard's outturn column is its
// authority's figure for the year. A district's export printed Kent's
// 1,893 as Ashford's previous-year outturn; it takes Ashford's own year,
// where held, and is blank where not.
func TestDistrictOutturn(t *testing.T) {
	fy := app.Period{Kind: app.FinancialYear, Year: 2023}
	for _, tt := range []struct {
		name    string
		ashford []app.Observation // beside April 2024's figures
		want    string
	}{
		{"the district's year held", []app.Observation{{Period: fy, Value: app.Float(160)}}, "160"},
		{"no year for the district", nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := app.NewHistory()
			h.AddIndicator(app.Indicator{Ref: "CIC01", Name: "Number of children in care", Unit: app.Number, Polarity: app.LowerBetter, Section: "One"})
			h.Apply(&app.Dataset{Benchmarks: []app.Benchmark{{Ref: "CIC01", Period: fy, Group: app.OutturnGroup, Value: app.Float(1893)}}}, "I0001")
			h.Add(app.Observation{Ref: "CIC01", Area: app.Kent, Period: app.MonthOf(2024, 4), Value: app.Float(1700)})
			h.Add(app.Observation{Ref: "CIC01", Area: "Ashford", Period: app.MonthOf(2024, 4), Value: app.Float(150)})
			for _, o := range tt.ashford {
				o.Ref, o.Area = "CIC01", "Ashford"
				h.Add(o)
			}
			f, _ := export(t, h, Options{Area: "Ashford", Suppress: 0})
			got, _ := f.GetCellValue(ScorecardSheet, cell(5, sheetRow(t, f, ScorecardSheet, "CIC01")), excelize.Options{RawCellValue: true})
			if got != tt.want {
				t.Errorf("Ashford's previous-year outturn %q, want %q (Kent's is 1893)", got, tt.want)
			}
		})
	}
}
