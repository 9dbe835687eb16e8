package importer

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"scorecard/app"
)

// allocated returns the bytes f allocates. Run alone (not in parallel),
// nothing else in the test process allocates meanwhile.
func allocated(f func()) uint64 {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// scorecardText is a scorecard sheet of rows indicators, each defined by
// its name, polarity and unit, with figures to one place for months
// months from April 2021, as the large workbook's sheets are.
func scorecardText(rows, months int) string {
	var b strings.Builder
	b.WriteString("Ref\tIndicator\tPolarity\tUnit")
	for m := range months {
		fmt.Fprintf(&b, "\t%s", app.MonthOf(2021, 4).Add(m).Start().Format("Jan-06"))
	}
	for r := range rows {
		fmt.Fprintf(&b, "\nKPI%03d\tChildren seen in time %d\tH\t%%", r+1, r+1)
		for m := range months {
			fmt.Fprintf(&b, "\t%d.%d", 50+(r+m)%40, (r*7+m)%10)
		}
	}
	return b.String()
}

// TestSheetLogBytes: reading a large scorecard allocates for its figures,
// 56 bytes each, and each row's definition, not for copies of what a row
// does not state (every row also logs the places its cells show, stating
// nothing), nor for copies of the sheet's columns each time side tables
// are looked for; a cold import faults in every byte the reading
// allocates. The bounds are under what was allocated with those copies
// (some 10,600 and 6,400 bytes a row; 370 a column) or with figures of 80
// bytes (8,600 and 4,230 a row). What is read is as before: each row's
// indicator, stated where its cells are, and its figures, with nothing
// said.
func TestSheetLogBytes(t *testing.T) {
	for _, tc := range []struct {
		name                   string
		rows, months           int
		spansPerCol, logPerRow uint64 // the most bytes allocated
	}{
		{"124 indicators, 60 months", 124, 60, 64, 8100},
		{"400 indicators, 12 months", 400, 12, 64, 4140},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := gridOf(scorecardText(tc.rows, tc.months))
			l, err := detect("Scorecard", g)
			if err != nil {
				t.Fatal(err)
			}
			cols := uint64(len(l.Columns))
			// Detection looks for side tables each time it lays a sheet
			// out (a sheet is detected from its first rows and again whole).
			spanned := allocated(func() {
				for range 10 {
					l.sideTables()
				}
			}) / 10
			l.Area = "Kent"
			var out *sheetLog
			logged := allocated(func() {
				out, err = readSheetLog(context.Background(), "kpis.xlsx", l, g, func(int) {}, nil)
			})
			if err != nil {
				t.Fatal(err)
			}
			if per := spanned / cols; per > tc.spansPerCol {
				t.Errorf("finding the side tables allocated %d bytes a column, want at most %d", per, tc.spansPerCol)
			}
			if per := logged / uint64(tc.rows); per > tc.logPerRow {
				t.Errorf("reading the sheet allocated %d bytes a row, want at most %d", per, tc.logPerRow)
			}

			c := newCollector("kpis.xlsx")
			c.replay(out)
			d := c.dataset()
			if len(c.warnings) != 0 {
				t.Errorf("said %q, want nothing", c.warnings)
			}
			if len(d.Indicators) != tc.rows || len(d.Observations) != tc.rows*tc.months {
				t.Fatalf("read %d indicators and %d figures, want %d and %d", len(d.Indicators), len(d.Observations), tc.rows, tc.rows*tc.months)
			}
			last := tc.rows - 1
			ind := d.Indicators[last]
			want := app.Indicator{Ref: fmt.Sprintf("KPI%03d", tc.rows), Name: fmt.Sprintf("Children seen in time %d", tc.rows),
				Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1, Measure: ind.Measure}
			if fmt.Sprint(ind) != fmt.Sprint(want) {
				t.Errorf("indicator %+v, want %+v", ind, want)
			}
			row := fmt.Sprint(last + 2)
			if st := d.Stated[ind.Ref]; st.Name.Cell != "B"+row || st.Polarity.Cell != "C"+row || st.Unit.Cell != "D"+row {
				t.Errorf("%s stated at %+v, want name, polarity and unit at B%s, C%s, D%s", ind.Ref, st, row, row, row)
			}
			o := d.Observations[len(d.Observations)-1]
			m := tc.months - 1
			wantValue := float64(50+(last+m)%40) + float64((last*7+m)%10)/10
			if o.Ref != ind.Ref || o.Area != "Kent" || o.Period != app.MonthOf(2021, 4).Add(m) || o.Value == nil || *o.Value != wantValue {
				t.Errorf("last figure %s %s %s %v, want %s Kent %s %g", o.Ref, o.Area, o.Period, o.Value, ind.Ref, app.MonthOf(2021, 4).Add(m), wantValue)
			}
		})
	}
}

// TestFigurePeriod: a figure keeps its period in parts smaller than a
// Period's; every period reads back as it was kept, and one too large for
// the parts (no reader makes one) is refused aloud, never kept as another.
func TestFigurePeriod(t *testing.T) {
	big := int64(math.MaxInt32) + 1
	for _, tc := range []struct {
		name  string
		p     app.Period
		panic bool
	}{
		{"month", app.MonthOf(2025, 3), false},
		{"quarter", app.Period{Kind: app.Quarter, Year: 2024, N: 4}, false},
		{"academic year", app.Period{Kind: app.AcademicYear, Year: 2024}, false},
		{"the last of Excel's years", app.Period{Kind: app.CalendarYear, Year: 9999}, false},
		{"none", app.Period{}, false},
		{"a year past the parts", app.Period{Kind: app.CalendarYear, Year: int(big)}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.panic && strconv.IntSize == 32 {
				t.Skip("a Period's year is no larger than the parts")
			}
			defer func() {
				if v := recover(); (v != nil) != tc.panic {
					t.Errorf("panicked: %v, want a panic: %v", v, tc.panic)
				}
			}()
			var texts []string
			f := encode(&app.Observation{Period: tc.p}, 0, 0, 1, 2, &texts)
			if got := f.period(); got != tc.p {
				t.Errorf("kept %+v as %+v", tc.p, got)
			}
		})
	}
}

// TestFigureSize keeps a figure at 56 bytes: its period's parts and its
// codes bytes beside the small fields, whatever app.PeriodKind is.
func TestFigureSize(t *testing.T) {
	if n := unsafe.Sizeof(figure{}); n != 56 {
		t.Errorf("a figure is %d bytes, want 56", n)
	}
}
