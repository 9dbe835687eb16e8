package trend

import (
	"slices"
	"testing"

	"scorecard/app"
)

// published is a figure DfE published for a whole year (or a quarterly
// report for its quarter), read from a CSV's line by import I0001.
func published(k app.SeriesKey, p app.Period, v, num, den float64, line string) app.Observation {
	o := app.Observation{Ref: k.Ref, Area: k.Area, Period: p, Value: app.Float(v), Cell: line, Import: "I0001"}
	if den > 0 {
		o.Numerator, o.Denominator = app.Float(num), app.Float(den)
	}
	return o
}

// TestYearsAndTheirMonthsOneSeries: an annual measure's figure in March's
// column, analysed as the year it ends, joins the years the store holds
// for the series (DfE's published 2020/21 to 2023/24) as one series of
// years (QA24a D11: one local Mar-25 9.9 hid DfE's five official years
// from show, with no direction of travel). Where the store gives the year
// itself too, the March figure is analysed and the other is said beside
// it, never dropped; a quarterly measure's last year of quarters joins
// this year's quarter-end months alike.
func TestYearsAndTheirMonthsOneSeries(t *testing.T) {
	cic := cic05
	cic.DataPeriod = app.Annual
	k := kent
	dfe := []app.Observation{
		published(k, fy(2020), 208.0/1662*100, 208, 1662, "line 689"),
		published(k, fy(2021), 234.0/1777*100, 234, 1777, "line 690"),
		published(k, fy(2022), 240.0/1938*100, 240, 1938, "line 691"),
		published(k, fy(2023), 219.0/1956*100, 219, 1956, "line 692"),
	}
	official := published(k, fy(2024), 221.0/1896*100, 221, 1896, "line 697") // 11.7%
	local := app.Observation{Ref: k.Ref, Area: k.Area, Period: app.MonthOf(2025, 3), Value: app.Float(9.9), Cell: "Scorecard!P2", Import: "I0002"}
	jan := local
	jan.Period = quarter(2025, 1)
	sameAsLocal := official
	sameAsLocal.Value, sameAsLocal.Numerator, sameAsLocal.Denominator = app.Float(9.9), nil, nil
	years := []string{"2020/21", "2021/22", "2022/23", "2023/24", "2024/25"}
	disagree := "CIC05 2024/25 figures-disagree: the figure in Mar-25's column (I0002, Scorecard!P2), 9.9%, is analysed as 2024/25; " +
		"the figure given for 2024/25 itself (I0001, line 697) is 11.7% (221 / 1896): they disagree, so check which is right " +
		"(give the right one in Mar-25's column, or correct the other)"

	qm := app.Indicator{Ref: "QM01", Name: "Re-referrals within 12 months (%)", Polarity: app.LowerBetter, Unit: app.Percent, DataPeriod: app.QuarterPeriod}
	kq := app.SeriesKey{Ref: "QM01", Area: app.Kent}
	var lastYear, thisYear []app.Observation
	for i, v := range []float64{18, 19, 20, 21} { // Q1..Q4 2023/24, last year's quarterly report
		lastYear = append(lastYear, published(kq, quarter(2023, 2).Add(i), v, 0, 0, "Quarterly!"+string(rune('C'+i))+"2"))
	}
	for i, v := range []float64{22, 23, 24, 25} { // Jun-24 .. Mar-25, this year's monthly layout
		thisYear = append(thisYear, figureAt(kq, app.MonthOf(2024, 6).Add(3*i), v, "Monthly!"+string(rune('E'+3*i))+"2"))
	}
	tests := []struct {
		name    string
		ind     app.Indicator
		k       app.SeriesKey
		figs    []app.Observation
		periods []string
		at      int // the point whose value and direction are checked
		value   float64
		dot     app.DoT
		change  float64
		clashes int
		month   app.Period // flags asked for in this month
		flags   []string
	}{
		{"DfE's years and a March figure", cic, k, append(slices.Clip(dfe), local), years, 4, 9.9, app.Improved, -1.3, 0, app.MonthOf(2025, 3), nil},
		{"DfE's own 2024/25 disagrees with March's", cic, k, append(slices.Clip(dfe), official, local), years, 4, 9.9, app.Improved, -1.3, 1, app.MonthOf(2025, 3),
			[]string{disagree}},
		{"DfE's own 2024/25 agrees with March's", cic, k, append(slices.Clip(dfe), sameAsLocal, local), years, 4, 9.9, app.Improved, -1.3, 1, app.MonthOf(2025, 3), nil},
		// 3b03779: a year's figure in a quarterly scorecard's Jan-Mar column.
		{"DfE's years and a Jan-Mar quarter's figure", cic, k, append(slices.Clip(dfe), jan), years, 4, 9.9, app.Improved, -1.3, 0, quarter(2025, 1), nil},
		{"an earlier year between", cic, k, append(slices.Clip(dfe), local), years, 3, 219.0 / 1956 * 100, app.Improved, -1.2, 0, app.MonthOf(2024, 3), nil},
		{"last year's quarters and this year's quarter-end months", qm, kq, append(slices.Clip(lastYear), thisYear...),
			[]string{"Apr-Jun 2023", "Jul-Sep 2023", "Oct-Dec 2023", "Jan-Mar 2024", "Apr-Jun 2024", "Jul-Sep 2024", "Oct-Dec 2024", "Jan-Mar 2025"},
			4, 22, app.Worsened, 1, 0, app.MonthOf(2024, 6), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := app.NewHistory()
			h.AddIndicator(tt.ind)
			for _, o := range tt.figs {
				h.Add(o)
			}
			pts := Analyse(h, tt.k, Options{Details: true})
			if got := periodsOf(pts); !slices.Equal(got, tt.periods) {
				t.Fatalf("points %v, want %v", got, tt.periods)
			}
			p := pts[tt.at]
			if p.Value == nil || app.RoundTo(*p.Value, 1) != app.RoundTo(tt.value, 1) || p.DoT != tt.dot || !equalPtr(p.Change, app.Float(tt.change)) {
				t.Errorf("%s: %v DoT %q change %v, want %v %q %v", p.Period.Label(), deref(p.Value), p.DoT, deref(p.Change), tt.value, tt.dot, tt.change)
			}
			if got := Clashes(h, tt.k); len(got) != tt.clashes {
				t.Errorf("%d clashes, want %d", len(got), tt.clashes)
			}
			if got := flagsOf(Flags(h, tt.month, Options{})); !slices.Equal(got, tt.flags) {
				t.Errorf("flags for %s:\n got %q\nwant %q", tt.month.Label(), got, tt.flags)
			}
		})
	}
}
