package importer

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unsafe"

	"scorecard/app"
)

// TestFractionsSaid: a figure a reader would take for a fraction of one
// or a share of two numbers where the indicator says otherwise is kept
// as given, and said at its cell: 0.43 among percentages is 0.43%, and
// "3/4" for a count is skipped (TestCountsShownAsShares).
func TestFractionsSaid(t *testing.T) {
	tests := []struct {
		name string
		rows [][]any
		want []string // warnings, each "cell: text it holds"; none for nil
	}{
		{"a fraction beside a target of 45",
			[][]any{{"Ref", "Indicator", "Polarity", "Target", "Floor", "Nov-26"},
				{"CIC03", "Children placed with in-house foster carers (%)", "H", 45, 40, 0.43}},
			[]string{"F2: CIC03 Kent 2026-11: 0.43 read as 0.43%, though its other figures or targets are percentages such as 45: if it is a fraction (43%), write it as 43"}},
		{"fractions among percentages",
			[][]any{{"Ref", "Indicator", "Polarity", "Sep-26", "Oct-26", "Nov-26"},
				{"CIC03", "Children placed with in-house foster carers (%)", "H", "45%", 0.46, 0.47}},
			[]string{"E2: CIC03 Kent 2026-10: 0.46 and 1 more like it read as 0.46%"}},
		{"a true fraction of a percent, proved by its parts",
			[][]any{{"Ref", "Indicator", "Polarity", "Target", "Numerator", "Denominator", "Nov-26"},
				{"CIC03", "Children placed with in-house foster carers (%)", "H", 45, 1, 114, 0.88}},
			nil},
		// 0.8 as 80% is no neighbour of 1.2% and 1.5%; 0.08 as 8% none
		// of 1.1%; 0.9 as 90% none of 2.8% and 3.1%.
		{"small percentages either side of one",
			[][]any{{"Ref", "Indicator", "Polarity", "Target", "Floor", "Jul-25", "Aug-25", "Sep-25"},
				{"S1", "Children missing education (%)", "L", 0.9, 1.5, 0.8, 1.2, 1.5},
				{"S2", "Permanent exclusions (%)", "L", 0.1, 0.2, 0.08, 0.12, 1.1},
				{"S3", "Young people NEET (%)", "L", 2.5, 3, 2.8, 3.1, 0.9}},
			nil},
		{"percentages all below one",
			[][]any{{"Ref", "Indicator", "Polarity", "Sep-26", "Oct-26"},
				{"ED09", "Pupils permanently excluded (%)", "L", 0.06, 0.08}},
			nil},
		{"shares given for a count",
			[][]any{{"Ref", "Indicator", "Polarity", "Unit", "Apr-24", "May-24", "Jun-24"},
				{"SEND03", "Number of EHC plans issued within 20 weeks", "H", "count", 2, "3/4", "1/2"}},
			[]string{`F2: SEND03: cell skipped: "3/4" is a fraction, 3 of 4, but SEND03 is a count: no count is read from it; give the count alone`,
				`G2: SEND03: cell skipped: "1/2" is a fraction, 1 of 2`}},
		{"a share of nothing",
			[][]any{{"Ref", "Indicator", "Polarity", "Numerator", "Denominator", "Nov-26"},
				{"CIC03", "Children placed with in-house foster carers (%)", "H", 3, 0, 45}},
			[]string{"F2: CIC03 Kent 2026-11: numerator 3 over a denominator of 0 is no proportion"}},
		{"a count and a mean of counts",
			[][]any{{"Ref", "Indicator", "Polarity", "Unit", "Apr-24", "May-24"},
				{"SW01", "Average caseload per social worker", "L", "count", 18, 19}},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeBook(t, "Scorecard", tt.rows), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "fraction") || strings.Contains(w.Message, "given for a count") || strings.Contains(w.Message, "denominator of 0") {
					got = append(got, w.Cell+": "+w.Message)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("warnings %q, want %d like %q", got, len(tt.want), tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("warning %q, want it to begin %q", got[i], tt.want[i])
				}
			}
		})
	}
}

// TestPartsContradictionSaid: a figure that is not its own numerator over
// its denominator is kept as given and said at its cell, with both, in a
// scorecard workbook and a tidy file alike; one that is, to the places it
// shows, is not said.
func TestPartsContradictionSaid(t *testing.T) {
	tests := []struct {
		name string
		book [][]any // a scorecard sheet, or
		csv  string  // a tidy file
		want []string
		unit map[string]app.Unit // units read, by ref
	}{
		{name: "a percentage and a rate in a workbook",
			book: [][]any{{"Ref", "Indicator", "Polarity", "Target", "Floor", "Aug-25", "Sep-25", "Numerator", "Denominator"},
				{"ND01", "Assessments in time (%)", "H", 80, 70, 82, 83, 60, 100},
				{"ND02", "Rate of referrals per 10,000", "L", 300, 350, 320, 330, 11000, 350000},
				{"ND03", "Children seen (%)", "H", 80, 70, 82, 44.4, 4, 9},
				{"ND04", "Children seen in time (%)", "H", 80, 70, 82, 11.6, 221, 1896}},
			want: []string{"G2: ND01 Kent 2025-09: 83 is not its numerator over its denominator, 60 / 100 = 60%; kept 83 as given",
				"G3: ND02 Kent 2025-09: 330 is not its numerator over its denominator, 11000 / 350000 = 314.3 per 10,000; kept 330 as given"}},
		{name: "a tidy file",
			csv: "Ref,Indicator,Period,Area,Cohort,Numerator,Denominator,Value\n" +
				"TD01,Children seen (%),2025-07,Kent,All,45,100,45\n" +
				"TD01,Children seen (%),2025-09,Kent,All,47,100,52\n" +
				"TD01,Children seen (%),2025-09,Ashford,All,4,9,44.4\n" +
				"TD03,Rate,2025-09,Kent,All,150,350000,4.29\n",
			want: []string{"line 3: TD01 Kent 2025-09: 52 is not its numerator over its denominator, 47 / 100 = 47%; kept 52 as given"},
			unit: map[string]app.Unit{"TD01": app.Percent, "TD03": app.Per10k}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var path string
			if tt.book != nil {
				path = writeBook(t, "Scorecard", tt.book)
			} else {
				path = filepath.Join(t.TempDir(), "tidy.csv")
				if err := os.WriteFile(path, []byte(tt.csv), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			res, err := Read(context.Background(), path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkWarnings(t, res.Warnings, []string{"numerator over its denominator"}, tt.want)
			for _, ind := range res.Dataset.Indicators {
				if u, ok := tt.unit[ind.Ref]; ok && ind.Unit != u {
					t.Errorf("%s unit %q, want %q", ind.Ref, ind.Unit, u)
				}
			}
		})
	}
}

// TestCountAndErrorMarksSaid: what a cell's text was read as, where that
// is unlikely what was meant, is kept and said at the cell: Excel's #REF!
// (a broken formula) read as not available, "(5)" in a count read as -5
// as is "-5" (but not in a count whose name compares it with another),
// and 1.102 among whole counts in the thousands.
func TestCountAndErrorMarksSaid(t *testing.T) {
	head := []any{"Ref", "Indicator", "Polarity", "Jan-26", "Feb-26", "Mar-26"}
	tests := []struct {
		name string
		row  []any
		want []string
	}{
		{"a broken formula", []any{"CM14", "Children seen (%)", "H", "#REF!", 45, 46},
			[]string{`D2: CM14 Kent 2026-01: the cell shows Excel's error #REF!, a formula that failed`}},
		{"not available and division by nought", []any{"CM12", "Children seen (%)", "H", "#N/A", "#DIV/0!", 46}, nil},
		{"bracketed negatives in a count", []any{"T04", "Number of children in care", "-", "(5)", 3, 4},
			[]string{`D2: T04 Kent 2026-01: "(5)" read as -5, below 0, which a count cannot be`}},
		// "-12" is as far below 0 as "(12)", typed or as a number, with
		// a hyphen or a minus sign; a count whose name says it compares
		// ("against the same month last year") may fall.
		{"a plain minus in a count", []any{"T07", "Number of contacts", "-", "-12", -3, "\u221212"},
			[]string{`D2: T07 Kent 2026-01: "-12" read as -12, below 0, which a count cannot be`,
				`E2: T07 Kent 2026-02: "-3" read as -3, below 0, which a count cannot be`,
				`F2: T07 Kent 2026-03: "−12" read as -12, below 0, which a count cannot be`}},
		{"a plain minus in a comparison", []any{"T04", "Children in care against the same month last year", "-", -4, "-2", 3}, nil},
		{"a change may fall", []any{"T05", "Change in children in care", "-", "(5)", 3, -4}, nil},
		{"a point for thousands", []any{"T06", "Number of contacts", "-", "1.102", 1121, 1130},
			[]string{`D2: T06 Kent 2026-01: 1.102 read as 1.102, though its other figures are whole counts such as 1121: if it is 1102 written with a point for thousands`}},
		{"fractional staff", []any{"T08", "Number of social workers", "-", 12.5, 13.25, 14}, nil},
		// One figure no whole number reads the row as a number of no
		// known measure; its point for thousands is said all the same.
		{"a point for thousands beside a fraction", []any{"T17", "Number of referrals in the last 12 months", "-", "16.001", "16,009.5", 16011},
			[]string{`D2: T17 Kent 2026-01: 16.001 read as 16.001, though its other figures are whole counts such as 16011: if it is 16001 written with a point for thousands`}},
		// Not a count, but no more able to fall below 0, by its unit and
		// measure (QA19 D10): an average of a count, a rate.
		{"a negative average caseload", []any{"T09", "Average caseload", "L", 18.5, 17, "\u22123"},
			[]string{`F2: T09 Kent 2026-03: "−3" read as -3, below 0, which an average of a count cannot be`}},
		{"a negative median", []any{"T10", "Median caseload", "L", -2, 17, 18}, []string{`D2: T10 Kent 2026-01: "-2" read as -2, below 0, which an average of a count cannot be`}},
		{"a negative rate", []any{"T11", "Children in need per 10,000", "-", 312.5, "(4.1)", 318},
			[]string{`E2: T11 Kent 2026-02: "(4.1)" read as -4.1, below 0, which a rate cannot be`}},
		{"a rate may change", []any{"T12", "Change in children in need per 10,000", "-", -3.5, 2, 1}, nil},
		{"days are not judged", []any{"T13", "Average days to adoption", "L", -3, 200, 210}, nil},
		// A percentage below 0 is said by its own check, not twice.
		{"a negative percentage", []any{"T14", "Children seen (%)", "H", -5, 45, 46}, nil},
		// "<5" says more than c; its reading is said at the cell.
		{"less than five", []any{"T15", "Children adopted", "-", "<5", 6, 7},
			[]string{`D2: T15 Kent Jan-26: "<5" read as c (suppressed to protect confidentiality): the source's text is kept with it`}},
		// "c" and "[c]" are the code itself; "*" is said once (QA20 D7).
		{"plain suppression", []any{"T16", "Children adopted", "-", "c", "[c]", "*"},
			[]string{`F2: T16 Kent Mar-26: "*" read as c (suppressed to protect confidentiality), as the store and its exports show it`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeBook(t, "Scorecard", [][]any{head, tt.row}), Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkWarnings(t, res.Warnings, []string{"Excel's error", "below 0", "point for thousands", "read as c"}, tt.want)
			for _, o := range res.Dataset.Observations {
				if o.Status == app.Suppressed && o.Raw == "" {
					t.Errorf("%s %s: suppressed with no source text kept", o.Ref, o.Period)
				}
			}
		})
	}
}

// TestDistrictSumsRoomAtOnce: checking that districts sum to the county
// makes room for its groups (one per indicator, split and period) at
// once: grown by appending, they allocated five times their size, 2 MB
// of the large workbook's import.
func TestDistrictSumsRoomAtOnce(t *testing.T) {
	auth := app.DefaultAuthority()
	areas := append([]app.Area{auth.Area()}, auth.Districts()...)
	collected := func(months int) *collector {
		c := newCollector("districts.xlsx")
		c.sheets = []string{"Districts"}
		var figs []figure
		for ref := range 20 {
			for a, area := range areas {
				series := int32(len(c.figures.keys))
				c.figures.keys = append(c.figures.keys, app.SeriesKey{Ref: fmt.Sprintf("CIC%02d", ref+1), Area: area})
				for m := range months {
					f := figure{series: series, row: int32(5 + ref), col: int32(2 + m), flags: hasValue, value: float64(1 + a%3)}
					if a == 0 {
						f.value = float64(len(areas)-1) * 2 // the districts' sum
					}
					f.setPeriod(app.MonthOf(2020, time.April).Add(m))
					c.figs = append(c.figs, figAt{0, int32(len(figs))})
					figs = append(figs, f)
				}
			}
		}
		c.logFigs = [][]figure{figs}
		return c
	}
	units := map[string]app.Indicator{}
	for ref := range 20 {
		units[fmt.Sprintf("CIC%02d", ref+1)] = app.Indicator{Unit: app.Number, Measure: app.Count}
	}
	const months = 96
	c := collected(months)
	if warns := c.checkDistrictSums(units); len(warns) != 0 {
		t.Fatalf("warned %v of districts that sum to the county", warns)
	}
	least := uint64(math.MaxUint64)
	for range 3 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		c.checkDistrictSums(units)
		runtime.ReadMemStats(&after)
		least = min(least, after.TotalAlloc-before.TotalAlloc)
	}
	groups := uint64(len(units) * months)
	if per, size := least/groups, uint64(unsafe.Sizeof(districtSums{})); per > 2*size {
		t.Errorf("checking district sums allocated %d bytes a group, more than twice a group's sums (%d bytes): room not made at once", per, size)
	}
}
