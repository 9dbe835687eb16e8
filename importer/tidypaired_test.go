package importer

import (
	"context"
	"strings"
	"testing"

	"scorecard/app"
)

// TestTidyCountAndPercent: a tidy table's Value written as a count and its
// percentage, "45 (21.3%)" or "21.3% (45)" (an SSRS or Power BI extract),
// had each row skipped as not a number. It is read as a scorecard's cell
// is: the percentage with the count kept as its numerator, or for a stated
// count the count; a unit of another kind skips the row. Said once an
// indicator, at its first such cell, under its Ref.
func TestTidyCountAndPercent(t *testing.T) {
	type fig struct {
		value float64
		num   *float64
	}
	n := func(v float64) *float64 { return &v }
	for _, tc := range []struct {
		name  string
		rows  [][]any // Ref, Indicator, Unit, Period, Value
		xlsx  bool
		want  map[string]fig // "REF PERIOD" -> figure
		said  []string       // "cell: message" in part, every warning naming "count and"
		never string
	}{
		{"CSV, two indicators, both orders",
			[][]any{
				{"RR", "Re-referrals within 12 months (%)", "", "Apr-24", "45 (21.3%)"},
				{"RR", "Re-referrals within 12 months (%)", "", "May-24", "50 (22.0%)"},
				{"RR", "Re-referrals within 12 months (%)", "", "Jun-24", "44 (19.8%)"},
				{"RG", "Children seen within timescale", "", "Apr-24", "21.3% (1,050)"},
			}, false,
			map[string]fig{"RR 2024-04": {21.3, n(45)}, "RR 2024-05": {22, n(50)}, "RR 2024-06": {19.8, n(44)}, "RG 2024-04": {21.3, n(1050)}},
			[]string{
				`line 2: RR: "45 (21.3%)" gives a count and its percentage in one cell, as reports write them: read as 21.3%, the percentage, with 45 kept as its numerator (no denominator is given), as are 2 more of its rows; to keep both`,
				`line 5: RG: "21.3% (1,050)" gives a count and its percentage in one cell, as reports write them: read as 21.3%, the percentage, as neither a Unit column nor its name says it is a count (so its unit is %), with 1050 kept as its numerator`,
			}, "row skipped"},
		{"workbook, a stated count",
			[][]any{
				{"CN", "Re-referrals within 12 months", "Count", "Apr-24", "1,480 (21.3%)"},
				{"CN", "Re-referrals within 12 months", "Count", "May-24", 1490},
			}, true,
			map[string]fig{"CN 2024-04": {1480, nil}, "CN 2024-05": {1490, nil}},
			[]string{`E2: CN: "1,480 (21.3%)" gives a count and its percentage in one cell, as reports write them: read as 1480, the count its unit (count) asks for; the percentage 21.3% is not kept; to keep both`},
			"row skipped"},
		{"a unit of another kind skips the row",
			[][]any{
				{"CD", "Days to assessment", "Days", "Apr-24", "45 (21.3%)"},
				{"CD", "Days to assessment", "Days", "May-24", "40"},
			}, false,
			map[string]fig{"CD 2024-05": {40, nil}},
			[]string{`line 2: CD: row skipped: "45 (21.3%)" gives a count and a percentage, neither of which is in its unit (days): give the figure alone`},
			"gives a count and its percentage"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var path string
			if tc.xlsx {
				b := newBook(t)
				b.sheet("Data")
				b.row("Data", "A1", "Ref", "Indicator", "Unit", "Period", "Value")
				for i, r := range tc.rows {
					b.row("Data", "A"+itoa(i+2), r...)
				}
				path = b.save("tidy.xlsx")
			} else {
				body := "Ref,Indicator,Unit,Period,Value\n"
				for _, r := range tc.rows {
					var cells []string
					for _, v := range r {
						s, _ := v.(string)
						if strings.Contains(s, ",") {
							s = `"` + s + `"`
						}
						cells = append(cells, s)
					}
					body += strings.Join(cells, ",") + "\n"
				}
				path = writeCSV(t, body)
			}
			res, err := Read(context.Background(), path, Options{Authority: authorityNamed(t, "Leeds")})
			if err != nil {
				t.Fatal(err)
			}
			got := 0
			for _, o := range res.Dataset.Observations {
				got++
				k := o.Ref + " " + o.Period.String()
				w, ok := tc.want[k]
				switch {
				case !ok:
					t.Errorf("%s read as %+v, want nothing", k, o)
				case o.Area != "Leeds" || o.Split != app.All:
					t.Errorf("%s filed under %s %s", k, o.Area, o.Split)
				case !approx(o.Value, w.value):
					t.Errorf("%s = %v, want %v", k, o.Value, w.value)
				case (w.num == nil) != (o.Numerator == nil) || w.num != nil && *o.Numerator != *w.num:
					t.Errorf("%s numerator %v, want %v", k, o.Numerator, w.num)
				case o.Denominator != nil:
					t.Errorf("%s denominator %v made up", k, *o.Denominator)
				}
			}
			if got != len(tc.want) {
				t.Errorf("%d figures read, want %d", got, len(tc.want))
			}
			var said []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, tc.never) {
					t.Errorf("warned %q", w.Message)
				}
				if strings.Contains(w.Message, "count and") {
					said = append(said, w.Cell+": "+w.Message)
				}
			}
			if len(said) != len(tc.said) {
				t.Fatalf("said %d times, want %d:\n%s", len(said), len(tc.said), strings.Join(said, "\n"))
			}
			for i, w := range tc.said {
				if !strings.HasPrefix(said[i], w) {
					t.Errorf("said\n %s\nwant it to start\n %s", said[i], w)
				}
			}
		})
	}
}
