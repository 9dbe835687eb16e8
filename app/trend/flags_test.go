package trend

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"scorecard/app"
)

// flagHistory is a small scorecard with one of each thing worth flagging.
func flagHistory() *app.History {
	h := app.NewHistory()
	scs02 := app.Indicator{Ref: "SCS02", Name: "Re-referrals within 12 months", Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1}
	h.AddIndicator(scs02)
	h.AddIndicator(cic05)
	h.AddTarget(app.Target{Ref: "CIC05", Year: app.Period{Kind: app.FinancialYear, Year: 2024}, Target: app.Float(10), Floor: app.Float(12)})

	// Kent: improving for five months from October, then up 0.4 pp in
	// March, which the workbook drew as a down arrow. The import that
	// brought March also revised January from 11.5%.
	addMonths(h, kent, app.MonthOf(2024, 7), 12.5, 12.3, 12.4, 12.2, 12.0, 11.8, 11.5, 11.3)
	h.Add(app.Observation{Ref: "CIC05", Area: app.Kent, Period: app.MonthOf(2025, 1), Value: app.Float(11.6), Import: "I2"})
	h.Add(app.Observation{Ref: "CIC05", Area: app.Kent, Period: app.MonthOf(2025, 3), Value: app.Float(11.7), Import: "I2", SourceArrow: app.Down})

	// Ashford: 2 of 20 in December, none reported for January, 2 of 20 in
	// February and 3 of 20 in March.
	for _, m := range []struct {
		month    app.Period
		num, den float64
	}{{app.MonthOf(2024, 12), 2, 20}, {app.MonthOf(2025, 2), 2, 20}, {app.MonthOf(2025, 3), 3, 20}} {
		h.Add(app.Observation{Ref: "CIC05", Area: "Ashford", Period: m.month,
			Value: app.Float(m.num / m.den * 100), Numerator: app.Float(m.num), Denominator: app.Float(m.den), Import: "I1"})
	}

	// Dover stopped reporting after January.
	addMonths(h, app.SeriesKey{Ref: "CIC05", Area: "Dover"}, app.MonthOf(2025, 1), 11)

	// Re-referrals in Kent: an outlier in March.
	addMonths(h, app.SeriesKey{Ref: "SCS02", Area: app.Kent}, app.MonthOf(2024, 3), 10, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 22)

	// Excluding UASC is not flagged: Flags looks at the All split.
	addMonths(h, app.SeriesKey{Ref: "CIC05", Area: app.Kent, Split: app.Excluding(app.UASC)}, app.MonthOf(2025, 2), 20, 10)
	return h
}

func TestFlags(t *testing.T) {
	mar25, feb25 := app.MonthOf(2025, 3), app.MonthOf(2025, 2)
	tests := []struct {
		name string
		p    app.Period
		want []Flag
	}{
		{"latest month", app.Period{}, []Flag{
			{"SCS02", app.Kent, mar25, SpecialCause, "special cause, improving: above the upper process limit (22.0%; mean 10.85%, limits 5.77% to 15.92%)"},
			{"CIC05", app.Kent, mar25, DoTReversal, "improving for 5 months, worsened this month by 0.4 pp"},
			{"CIC05", app.Kent, mar25, DoTDisagrees, "the workbook's arrow shows down, but the figure went up from 11.3% to 11.7%"},
			{"CIC05", app.Kent, mar25, Revised, "Jan-25 revised from 11.5% to 11.6%"},
			{"CIC05", "Ashford", mar25, RAGChange, "GREEN to RED (15.0%; target 10.0%, floor 12.0%)"},
			{"CIC05", "Ashford", mar25, SmallNumbers, "1 fewer child counted turns this GREEN (1 child = 5.0 pp)"},
			{"CIC05", "Dover", mar25, MissingMonth, "no figure for Mar-25 (last figure Jan-25: 11.0%)"},
		}},
		// As February stood: no reversal yet, January's revision came later.
		{"a given month", feb25, []Flag{
			{"CIC05", "Ashford", feb25, SmallNumbers, "1 more child counted turns this RED (1 child = 5.0 pp)"},
			{"CIC05", "Ashford", feb25, MissingMonth, "no figure for Jan-25, so no direction of travel this month and the moving range restarts"},
			{"CIC05", "Dover", feb25, MissingMonth, "no figure for Feb-25 (last figure Jan-25: 11.0%)"},
		}},
		{"a month with no data", app.MonthOf(2030, 1), []Flag{}},
	}
	h := flagHistory()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Flags(h, tt.p, Options{})
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %d flags:", len(got))
				for _, f := range got {
					t.Errorf("  %+v", f)
				}
			}
		})
	}
}

// TestFlagsOfAnnualFigures flags a history of DfE-style annual figures
// at its latest year.
func TestFlagsOfAnnualFigures(t *testing.T) {
	h := app.NewHistory()
	h.AddIndicator(cic05)
	for y, v := range map[int]float64{2023: 12.4, 2024: 12.0, 2025: 12.3} {
		h.Add(app.Observation{Ref: "CIC05", Area: app.Kent, Period: app.Period{Kind: app.CalendarYear, Year: y}, Value: app.Float(v), SourceArrow: app.Down})
	}
	want := []Flag{{"CIC05", app.Kent, app.Period{Kind: app.CalendarYear, Year: 2025}, DoTDisagrees,
		"the workbook's arrow shows down, but the figure went up from 12.0% to 12.3%"}}
	if got := Flags(h, app.Period{}, Options{}); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v", got)
	}
}

// TestQuarterlyReversal flags a quarterly series in the month its
// quarter ends, in quarters.
func TestQuarterlyReversal(t *testing.T) {
	h := app.NewHistory()
	h.AddIndicator(cic05)
	q := app.Period{Kind: app.Quarter, Year: 2023, N: 4}
	for i, v := range []float64{13, 12.5, 12.1, 11.8, 12.2} {
		h.Add(app.Observation{Ref: "CIC05", Area: app.Kent, Period: q.Add(i), Value: app.Float(v)})
	}
	want := []Flag{{"CIC05", app.Kent, app.Period{Kind: app.Quarter, Year: 2024, N: 4}, DoTReversal,
		"improving for 3 quarters, worsened this quarter by 0.4 pp"}}
	if got := Flags(h, app.MonthOf(2024, 12), Options{}); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v", got)
	}
	if got := Flags(h, app.MonthOf(2024, 11), Options{}); len(got) != 0 {
		t.Errorf("November: got %+v, want nothing until the quarter ends", got)
	}
}

// TestNotAvailableIsMissing flags a month the source marked "x" as
// missing, and a withheld one not.
func TestNotAvailableIsMissing(t *testing.T) {
	h := monthly(cic05, kent, apr24, 11)
	h.Add(app.Observation{Ref: "CIC05", Area: app.Kent, Period: app.MonthOf(2024, 5), Status: app.NotAvailable, Raw: "Data to be supplied"})
	addMonths(h, kent, app.MonthOf(2024, 6), 11.4, 11.3)
	h.Add(app.Observation{Ref: "CIC05", Area: app.Kent, Period: app.MonthOf(2024, 8), Status: app.Suppressed})
	pts := Analyse(h, kent, Options{Details: true})
	want := [][]string{nil, {"no figure for May-24 (not available); the chart does not bridge the gap"},
		{"no figure for May-24, so no direction of travel this month and the moving range restarts"}, nil, nil}
	for i, p := range pts {
		if !reflect.DeepEqual(p.FlagDetails, want[i]) {
			t.Errorf("%s: %q, want %q", p.Period, p.FlagDetails, want[i])
		}
	}
}

// TestStandInIsMissing: last year's outturn standing in for a month is
// no figure of the month, flagged missing as a "not available" one is,
// saying what stands in; the month after gets no direction of travel
// against it. A month of stand-ins once raised no flag (QA24b D7).
func TestStandInIsMissing(t *testing.T) {
	for _, tc := range []struct {
		name string
		at   app.Period // the stand-in's month
		want [][]string // the flag details, point by point
	}{
		{"the latest month", app.MonthOf(2024, 6), [][]string{nil, nil,
			{"no figure for Jun-24 yet: last year's outturn 11.9% stands in; the chart does not bridge the gap"}}},
		{"a month before the latest", app.MonthOf(2024, 5), [][]string{nil,
			{"no figure for May-24 yet: last year's outturn 11.9% stands in; the chart does not bridge the gap"},
			{"no figure for May-24, so no direction of travel this month and the moving range restarts"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := monthly(cic05, kent, apr24, 11)
			for _, p := range []app.Period{app.MonthOf(2024, 5), app.MonthOf(2024, 6)} {
				o := app.Observation{Ref: "CIC05", Area: app.Kent, Period: p, Value: app.Float(11.4)}
				if p == tc.at {
					o.Value, o.StandIn = app.Float(11.9), true
				}
				h.Add(o)
			}
			pts := Analyse(h, kent, Options{Details: true})
			if len(pts) != len(tc.want) {
				t.Fatalf("%d points, want %d", len(pts), len(tc.want))
			}
			for i, p := range pts {
				if !reflect.DeepEqual(p.FlagDetails, tc.want[i]) {
					t.Errorf("%s: %q, want %q", p.Period, p.FlagDetails, tc.want[i])
				}
			}
		})
	}
}

// TestMissingPoint checks that a gap inside a series is a point of its own.
func TestMissingPoint(t *testing.T) {
	ashford := app.SeriesKey{Ref: "CIC05", Area: "Ashford"}
	pts := Analyse(flagHistory(), ashford, Options{Details: true})
	if len(pts) != 4 || !pts[1].Missing || pts[1].Value != nil || pts[1].Period != app.MonthOf(2025, 1) {
		t.Fatalf("points %+v", pts)
	}
	// Without Details the kinds are the same and there are no words.
	if quick := Analyse(flagHistory(), ashford, Options{}); !reflect.DeepEqual(quick[1].Flags, pts[1].Flags) || quick[1].FlagDetails != nil {
		t.Errorf("without details: %q %q", quick[1].Flags, quick[1].FlagDetails)
	}
	if !reflect.DeepEqual(pts[1].Flags, []string{MissingMonth}) || pts[1].FlagDetails[0] != "no figure for Jan-25; the chart does not bridge the gap" {
		t.Errorf("gap flags %q %q", pts[1].Flags, pts[1].FlagDetails)
	}
}

func TestFlagJSON(t *testing.T) {
	b, err := json.Marshal(Flag{"CIC05", app.Kent, app.MonthOf(2025, 3), DoTReversal, "improving for 4 months, worsened this month by 0.4 pp"})
	if err != nil {
		t.Fatal(err)
	}
	want := `{"ref":"CIC05","area":"Kent","period":"2025-03","kind":"dot-reversal","detail":"improving for 4 months, worsened this month by 0.4 pp"}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}

// TestReportedIn checks in which month a quarter's or year's figure is flagged.
func TestReportedIn(t *testing.T) {
	tests := []struct {
		kind app.PeriodKind
		p    app.Period
		want string
	}{
		{app.Month, app.MonthOf(2025, 3), "2025-03"},
		{app.Quarter, app.MonthOf(2024, 12), "2024-Q4"},
		{app.Quarter, app.MonthOf(2024, 11), ""},
		{app.FinancialYear, app.MonthOf(2025, 3), "2024/25"},
		{app.AcademicYear, app.MonthOf(2025, 8), "2024/25AY"},
		{app.AcademicYear, app.MonthOf(2025, 3), ""},
		{app.CalendarYear, app.MonthOf(2025, 12), "2025"},
		{app.Month, app.Period{Kind: app.Quarter, Year: 2024, N: 4}, ""},
		// A year of another kind ending within a year reported on: the
		// workforce census's 2024 (to 30 September) in 2024/25.
		{app.CalendarYear, app.Period{Kind: app.FinancialYear, Year: 2024}, "2024"},
		{app.FinancialYear, app.Period{Kind: app.CalendarYear, Year: 2025}, "2024/25"},
		{app.Quarter, app.Period{Kind: app.FinancialYear, Year: 2024}, ""},
		// A year in the quarter it ends, as the export shows it (QA23b D9).
		{app.FinancialYear, app.Period{Kind: app.Quarter, Year: 2025, N: 1}, "2024/25"},
		{app.FinancialYear, app.Period{Kind: app.Quarter, Year: 2025, N: 2}, ""},
		{app.CalendarYear, app.Period{Kind: app.Quarter, Year: 2025, N: 4}, "2025"},
		{app.CalendarYear, app.Period{Kind: app.Quarter, Year: 2025, N: 3}, ""},
	}
	for _, tt := range tests {
		q, _ := reportedIn(tt.kind, tt.p)
		if q.String() != tt.want {
			t.Errorf("%v in %s: %q, want %q", tt.kind, tt.p, q, tt.want)
		}
	}
}

// TestMissingAfterStandIn: a district with no figure for the month names
// as its last figure the last of its own, never last year's outturn
// standing in, which is no figure of its month; a stand-in latest is
// said as one (QA26b S4: "last figure Mar-25: 12.5%" was the stand-in).
func TestMissingAfterStandIn(t *testing.T) {
	canterbury := app.SeriesKey{Ref: "CIC05", Area: "Canterbury"}
	feb, mar := app.MonthOf(2025, 2), app.MonthOf(2025, 3)
	for _, tt := range []struct {
		name string
		obs  []app.Observation // Canterbury's
		want string
	}{
		{"a stand-in after a figure", []app.Observation{
			{Period: feb, Value: app.Float(12)}, {Period: mar, Value: app.Float(12.5), StandIn: true}},
			"no figure for Apr-25 (last figure Feb-25: 12.0%; Mar-25: last year's outturn 12.5% stood in)"},
		{"a stand-in alone", []app.Observation{{Period: mar, Value: app.Float(12.5), StandIn: true}},
			"no figure for Apr-25 (Mar-25: last year's outturn 12.5% stood in)"},
		{"a figure", []app.Observation{{Period: feb, Value: app.Float(12)}, {Period: mar, Value: app.Float(12.5)}},
			"no figure for Apr-25 (last figure Mar-25: 12.5%)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := monthly(cic05, kent, app.MonthOf(2025, 1), 11, 11.2, 11.1, 11.3)
			for _, o := range tt.obs {
				o.Ref, o.Area, o.Import = canterbury.Ref, canterbury.Area, "I1"
				h.Add(o)
			}
			var got []string
			for _, f := range Flags(h, app.MonthOf(2025, 4), Options{}) {
				if f.Area == canterbury.Area && f.Kind == MissingMonth {
					got = append(got, f.Detail)
				}
			}
			if !slices.Equal(got, []string{tt.want}) {
				t.Errorf("Canterbury's missing flags in Apr-25: %q, want %q", got, tt.want)
			}
		})
	}
}
