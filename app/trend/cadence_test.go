package trend

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// figureAt is a figure read from a workbook's cell, by import I1.
func figureAt(k app.SeriesKey, p app.Period, v float64, cell string) app.Observation {
	return app.Observation{Ref: k.Ref, Area: k.Area, Period: p, Value: app.Float(v), Cell: cell, Import: "I1"}
}

func fy(y int) app.Period { return app.Period{Kind: app.FinancialYear, Year: y} }

func quarter(y, n int) app.Period { return app.Period{Kind: app.Quarter, Year: y, N: n} }

// flagsOf lists the kind and words of each flag.
func flagsOf(fs []Flag) []string {
	var s []string
	for _, f := range fs {
		s = append(s, f.Ref+" "+f.Period.String()+" "+f.Kind+": "+f.Detail)
	}
	return s
}

// TestYearToDateByQuarter analyses a year-to-date count given by quarter
// (QA23b D3, Leeds' first-time entrants) as its months are analysed:
// against the same quarter last year, since each quarter takes in the
// ones before it until April restarts the count. Against the quarter
// before, Apr-Jun 2025's 12 after Jan-Mar's 50 read as "improved by 38"
// and a reversal of three quarters' worsening.
func TestYearToDateByQuarter(t *testing.T) {
	ytd := app.Indicator{Ref: "LY01", Name: "Number of first-time entrants to the youth justice system", Polarity: app.LowerBetter,
		Unit: app.Number, Measure: app.Count, DataPeriod: app.YearToDate}
	k := app.SeriesKey{Ref: "LY01", Area: app.Kent}
	q1 := quarter(2024, 2) // Apr-Jun 2024
	vals := []float64{10, 25, 38, 50, 12, 27}
	quarterly := ytd
	quarterly.DataPeriod = app.QuarterPeriod
	tests := []struct {
		name     string
		ind      app.Indicator
		at       int // the point, from Apr-Jun 2024
		dot      app.DoT
		change   *float64
		lag      int
		lastYear *float64
	}{
		// 12 against Apr-Jun 2024's 10: 2 more, worsened.
		{"Apr-Jun 2025 against Apr-Jun 2024", ytd, 4, app.Worsened, app.Float(2), 4, app.Float(10)},
		// 27 against Jul-Sep 2024's 25 (not "up 15" on Apr-Jun's 12).
		{"Jul-Sep 2025 against Jul-Sep 2024", ytd, 5, app.Worsened, app.Float(2), 4, app.Float(25)},
		// The first year has no same quarter before it.
		{"Jan-Mar 2025, no year before", ytd, 3, app.NoDoT, nil, 0, nil},
		// A quarter's own count is compared with the quarter before, as ever.
		{"not year to date", quarterly, 4, app.Improved, app.Float(-38), 0, app.Float(10)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := monthly(tt.ind, k, q1, vals...)
			p := Analyse(h, k, Options{Details: true})[tt.at]
			if p.DoT != tt.dot || !equalPtr(p.Change, tt.change) || p.ChangeLag != tt.lag || !equalPtr(p.LastYear, tt.lastYear) {
				t.Errorf("%s: DoT %q change %v lag %d last year %v, want %q %v %d %v", p.Period.Label(), p.DoT, deref(p.Change), p.ChangeLag,
					deref(p.LastYear), tt.dot, deref(tt.change), tt.lag, deref(tt.lastYear))
			}
		})
	}

	h := monthly(ytd, k, q1, vals...)
	for _, p := range Analyse(h, k, Options{Details: true}) {
		if p.Signal != NotCharted || p.Chart != nil || p.Trend.Direction != NoTrend {
			t.Errorf("%s: signal %q chart %v trend %v; want not charted, no chart or trend", p.Period.Label(), p.Signal, p.Chart, p.Trend.Direction)
		}
		if want := "restarts in April, so the figures are not independent points for a chart; the direction of travel is against the same quarter last year"; !strings.HasSuffix(p.VariationReading, want) {
			t.Errorf("%s: reading %q, want it to end %q", p.Period.Label(), p.VariationReading, want)
		}
	}
	// Worse than last year both quarters: no reversal, nothing to flag,
	// whether asked by the quarter or by the month it ends.
	for _, at := range []app.Period{quarter(2025, 2), quarter(2025, 3), app.MonthOf(2025, 6)} {
		if got := Flags(h, at, Options{}); len(got) != 0 {
			t.Errorf("flags for %s: %v, want none", at.Label(), flagsOf(got))
		}
	}
}

// TestAnnualInMonths analyses an annual measure (Data period A) given in
// a monthly scorecard's columns (QA23b D10, Lancashire's care leavers in
// suitable accommodation: Mar-23 80, Mar-24 85, Mar-25 70) as the years
// those months end: 2024/25 is compared with 2023/24 (down 15 pp,
// worsened, GREEN to RED) and the months between are not missing. A
// figure in a month that ends no year of its kind leaves it months, and
// a missing month says why and how to lay it out.
func TestAnnualInMonths(t *testing.T) {
	fin := app.Indicator{Ref: "LAN06", Name: "Care leavers in suitable accommodation (%)", Polarity: app.HigherBetter,
		Unit: app.Percent, Decimals: 1, DataPeriod: app.Annual}
	acad := fin
	acad.YearType = app.AcademicYear
	k := app.SeriesKey{Ref: "LAN06", Area: app.Kent}
	march := func(y int) app.Period { return app.MonthOf(y, 3) }
	aug := func(y int) app.Period { return app.MonthOf(y, 8) }
	byMarch := []app.Observation{figureAt(k, march(2023), 80, "Scorecard!G5"), figureAt(k, march(2024), 85, "Scorecard!S5"), figureAt(k, march(2025), 70, "Scorecard!AE5")}
	byAugust := []app.Observation{figureAt(k, aug(2023), 80, "Scorecard!K5"), figureAt(k, aug(2024), 85, "Scorecard!W5"), figureAt(k, aug(2025), 70, "Scorecard!AI5")}
	aySep := app.Period{Kind: app.AcademicYear, Year: 2023}
	strayNote := "; its Data period is A, but its figure for Sep-24 (I1, Scorecard!X5) stands in a month that ends no financial year, " +
		"so its figures are analysed as months and no year is compared with the one before: give each year's figure in the column of the month it ends (March)"
	tests := []struct {
		name    string
		ind     app.Indicator
		figs    []app.Observation
		targets []app.Period // years with target 85, floor 75
		periods []string     // the points analysed
		dot     app.DoT      // the last point's
		change  *float64
		rag     app.RAG
		flags   map[app.Period][]string // flags asked for in a month
	}{
		{"financial years in March", fin, byMarch, []app.Period{fy(2023), fy(2024)},
			[]string{"2022/23", "2023/24", "2024/25"}, app.Worsened, app.Float(-15), app.Red,
			map[app.Period][]string{
				march(2025):          {"LAN06 2024/25 rag-change: GREEN to RED (70.0%; target 85.0%, floor 75.0%); the 2024/25 target applies from this year"},
				march(2024):          nil,
				app.MonthOf(2025, 2): nil, // between years: nothing due, nothing missing
				app.MonthOf(2024, 4): nil,
			}},
		{"academic years in August", acad, byAugust, []app.Period{aySep, aySep.Add(1)},
			[]string{"2022/23 AY", "2023/24 AY", "2024/25 AY"}, app.Worsened, app.Float(-15), app.Red,
			map[app.Period][]string{
				aug(2025):            {"LAN06 2024/25AY rag-change: GREEN to RED (70.0%; target 85.0%, floor 75.0%); the 2024/25AY target applies from this year"},
				app.MonthOf(2025, 3): nil,
			}},
		// A financial-year measure in August: no year ends then, so months,
		// and the months between say why.
		{"financial years in August", fin, byAugust, nil, nil, app.NoDoT, nil, app.NoRAG, map[app.Period][]string{
			aug(2025): {"LAN06 2025-08 missing: no figures for Sep-24 to Jul-25, so no direction of travel this month and the moving range restarts" +
				"; its Data period is A, but its figure for Aug-23 (I1, Scorecard!K5) stands in a month that ends no financial year, " +
				"so its figures are analysed as months and no year is compared with the one before: give each year's figure in the column of the month it ends (March)"},
		}},
		// One figure out of step (Sep-24) leaves the March figures months.
		{"a figure in September", fin, append(slices.Clip(byMarch), figureAt(k, app.MonthOf(2024, 9), 83, "Scorecard!X5")), nil, nil, app.NoDoT, nil, app.NoRAG,
			map[app.Period][]string{
				march(2025):           {"LAN06 2025-03 missing: no figures for Oct-24 to Feb-25, so no direction of travel this month and the moving range restarts" + strayNote},
				app.MonthOf(2024, 10): {"LAN06 2024-10 missing: no figure for Oct-24 (last figure Sep-24: 83.0%)" + strayNote},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := app.NewHistory()
			h.AddIndicator(tt.ind)
			for _, o := range tt.figs {
				h.Add(o)
			}
			for _, y := range tt.targets {
				h.AddTarget(app.Target{Ref: "LAN06", Year: y, Target: app.Float(85), Floor: app.Float(75)})
			}
			pts := Analyse(h, k, Options{Details: true})
			if tt.periods != nil {
				if got := periodsOf(pts); !slices.Equal(got, tt.periods) {
					t.Fatalf("points %v, want %v", got, tt.periods)
				}
				last := pts[len(pts)-1]
				if last.DoT != tt.dot || !equalPtr(last.Change, tt.change) || last.RAG != tt.rag || slices.Contains(last.Flags, MissingMonth) {
					t.Errorf("%s: DoT %q change %v RAG %q flags %v; want %q %v %q, nothing missing", last.Period.Label(), last.DoT, deref(last.Change), last.RAG, last.Flags,
						tt.dot, deref(tt.change), tt.rag)
				}
			} else if pts[0].Period.Kind != app.Month {
				t.Fatalf("points %v, want months", periodsOf(pts))
			}
			for m, want := range tt.flags {
				if got := flagsOf(Flags(h, m, Options{})); !slices.Equal(got, want) {
					t.Errorf("flags for %s:\n got %q\nwant %q", m.Label(), got, want)
				}
			}
		})
	}
}

// TestQuarterlyInQuarterStarts: a quarterly measure whose figures stand
// in the first month of each quarter (QA23b D6, Lancashire's initial
// health assessments: Apr 70 ... Jul-25 77 GREEN, Oct-25 60 RED) is not
// moved to a quarter: an April figure may be January to March's,
// reported a month late, or April to June's so far. Its months stand,
// and its missing months say why, at the first such figure's cell, and
// how to lay it out; the months' own RAG is kept.
func TestQuarterlyInQuarterStarts(t *testing.T) {
	ind := app.Indicator{Ref: "LAN05", Name: "Initial health assessments within 20 days (%)", Polarity: app.HigherBetter,
		Unit: app.Percent, DataPeriod: app.QuarterPeriod}
	k := app.SeriesKey{Ref: "LAN05", Area: app.Kent}
	h := app.NewHistory()
	h.AddIndicator(ind)
	cols := []string{"G", "J", "M", "P", "S", "V", "Y"}
	for i, v := range []float64{70, 72, 68, 74, 75, 77, 60} {
		h.Add(figureAt(k, app.MonthOf(2024, 4).Add(3*i), v, "Scorecard!"+cols[i]+"5"))
	}
	h.AddTarget(app.Target{Ref: "LAN05", Year: fy(2025), Target: app.Float(75), Floor: app.Float(65)})
	why := "; its Data period is Q, but its figure for Apr-24 (I1, Scorecard!G5) stands in a month that ends no quarter, " +
		"so its figures are analysed as months and no quarter is compared with the one before: give each quarter's figure in the column of the month it ends (Jun, Sep, Dec or Mar)"
	tests := []struct {
		month app.Period
		want  []string
	}{
		{app.MonthOf(2025, 10), []string{"LAN05 2025-10 missing: no figures for Aug-25 to Sep-25, so no direction of travel this month and the moving range restarts" + why}},
		{app.MonthOf(2025, 8), []string{"LAN05 2025-08 missing: no figure for Aug-25 (last figure Jul-25: 77%)" + why}},
	}
	for _, tt := range tests {
		if got := flagsOf(Flags(h, tt.month, Options{})); !slices.Equal(got, tt.want) {
			t.Errorf("flags for %s:\n got %q\nwant %q", tt.month.Label(), got, tt.want)
		}
	}
	pts := Analyse(h, k, Options{Details: true})
	if last := pts[len(pts)-1]; last.Period != app.MonthOf(2025, 10) || last.RAG != app.Red {
		t.Errorf("last point %s %q, want Oct-25 RED", last.Period.Label(), last.RAG)
	}
	if d := pts[len(pts)-2].FlagDetails; len(d) != 1 || !strings.HasSuffix(d[0], why) {
		t.Errorf("Sep-25 flags %q, want the missing month to say why", d)
	}
}

// TestYearsFlaggedInQuarters: in a store of quarters, a DfE year is
// flagged in the quarter it ends in (QA23b D9: Leeds' CIC05 2024/25,
// 13.4% after 8.8, 11.5, 14.1 and 15.5, is a reversal of three years'
// worsening, flagged in Jan-Mar 2025 as the export and brief show it),
// and not in another quarter.
func TestYearsFlaggedInQuarters(t *testing.T) {
	h := app.NewHistory()
	h.AddIndicator(cic05)
	lcf := app.Indicator{Ref: "LCF02", Name: "Re-referrals within 12 months (%)", Polarity: app.LowerBetter, Unit: app.Percent, Decimals: 1}
	h.AddIndicator(lcf)
	addMonths(h, app.SeriesKey{Ref: "LCF02", Area: app.Kent}, quarter(2024, 4), 20, 20.1, 20.2)
	addMonths(h, kent, fy(2020), 8.8, 11.5, 14.1, 15.5, 13.4)
	reversal := []Flag{{"CIC05", app.Kent, fy(2024), DoTReversal, "worsening for 3 years, improved this year by 2.1 pp"}}
	tests := []struct {
		p    app.Period
		want []Flag
	}{
		{quarter(2025, 1), reversal},
		{app.MonthOf(2025, 3), reversal},
		{quarter(2024, 4), []Flag{}},
		{quarter(2025, 2), []Flag{}},
	}
	for _, tt := range tests {
		if got := Flags(h, tt.p, Options{}); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("flags for %s: %v, want %v", tt.p.Label(), flagsOf(got), flagsOf(tt.want))
		}
	}
}

// TestAnnualInQuarters analyses an annual measure (Data period A) given
// in a quarterly scorecard's columns as the years those quarters end, as
// TestAnnualInMonths does for months: Jan-Mar 2025 is 2024/25 and
// Jul-Sep 2025 2024/25 AY (to 31 August, within it), each compared with
// the year before (70 after 85: worsened, GREEN to RED), flagged in the
// quarter it stands in, and the quarters between not missing. A figure
// in a quarter that ends no year of its kind leaves them quarters, and a
// missing quarter says why and how to lay them out.
func TestAnnualInQuarters(t *testing.T) {
	fin := app.Indicator{Ref: "LAN06", Name: "Care leavers in suitable accommodation (%)", Polarity: app.HigherBetter,
		Unit: app.Percent, Decimals: 1, DataPeriod: app.Annual}
	acad := fin
	acad.YearType = app.AcademicYear
	k := app.SeriesKey{Ref: "LAN06", Area: app.Kent}
	janMar := []app.Observation{figureAt(k, quarter(2023, 1), 80, "Scorecard!G5"), figureAt(k, quarter(2024, 1), 85, "Scorecard!K5"), figureAt(k, quarter(2025, 1), 70, "Scorecard!O5")}
	julSep := []app.Observation{figureAt(k, quarter(2023, 3), 80, "Scorecard!I5"), figureAt(k, quarter(2024, 3), 85, "Scorecard!M5"), figureAt(k, quarter(2025, 3), 70, "Scorecard!Q5")}
	ay := func(y int) app.Period { return app.Period{Kind: app.AcademicYear, Year: y} }
	tests := []struct {
		name    string
		ind     app.Indicator
		figs    []app.Observation
		targets []app.Period // years with target 85, floor 75
		periods []string     // the points analysed, nil for quarters
		flags   map[app.Period][]string
	}{
		{"financial years in Jan-Mar", fin, janMar, []app.Period{fy(2023), fy(2024)}, []string{"2022/23", "2023/24", "2024/25"},
			map[app.Period][]string{
				quarter(2025, 1): {"LAN06 2024/25 rag-change: GREEN to RED (70.0%; target 85.0%, floor 75.0%); the 2024/25 target applies from this year"},
				quarter(2024, 4): nil, // between years: nothing due, nothing missing
				quarter(2025, 2): nil,
			}},
		{"academic years in Jul-Sep", acad, julSep, []app.Period{ay(2023), ay(2024)}, []string{"2022/23 AY", "2023/24 AY", "2024/25 AY"},
			map[app.Period][]string{
				quarter(2025, 3): {"LAN06 2024/25AY rag-change: GREEN to RED (70.0%; target 85.0%, floor 75.0%); the 2024/25AY target applies from this year"},
				quarter(2025, 1): nil,
			}},
		{"a figure in Apr-Jun", fin, append(slices.Clip(janMar), figureAt(k, quarter(2024, 2), 83, "Scorecard!L5")), nil, nil,
			map[app.Period][]string{
				quarter(2024, 3): {"LAN06 2024-Q3 missing: no figure for Jul-Sep 2024 (last figure Apr-Jun 2024: 83.0%)" +
					"; its Data period is A, but its figure for Apr-Jun 2024 (I1, Scorecard!L5) stands in a quarter that ends no financial year, " +
					"so its figures are analysed as quarters and no year is compared with the one before: give each year's figure in the column of the quarter it ends (Jan-Mar)"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := app.NewHistory()
			h.AddIndicator(tt.ind)
			for _, o := range tt.figs {
				h.Add(o)
			}
			for _, y := range tt.targets {
				h.AddTarget(app.Target{Ref: "LAN06", Year: y, Target: app.Float(85), Floor: app.Float(75)})
			}
			pts := Analyse(h, k, Options{Details: true})
			if tt.periods == nil {
				if pts[0].Period.Kind != app.Quarter {
					t.Fatalf("points %v, want quarters", periodsOf(pts))
				}
			} else {
				if got := periodsOf(pts); !slices.Equal(got, tt.periods) {
					t.Fatalf("points %v, want %v", got, tt.periods)
				}
				last := pts[len(pts)-1]
				if last.DoT != app.Worsened || !equalPtr(last.Change, app.Float(-15)) || last.RAG != app.Red || slices.Contains(last.Flags, MissingMonth) {
					t.Errorf("%s: DoT %q change %v RAG %q flags %v; want worsened -15 RED, nothing missing", last.Period.Label(), last.DoT, deref(last.Change), last.RAG, last.Flags)
				}
			}
			for q, want := range tt.flags {
				if got := flagsOf(Flags(h, q, Options{})); !slices.Equal(got, want) {
					t.Errorf("flags for %s:\n got %q\nwant %q", q.Label(), got, want)
				}
			}
		})
	}
}
