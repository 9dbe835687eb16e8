package importer

import (
	"context"
	"strings"
	"testing"

	"scorecard/app"
)

// TestCountAndPercentCells: SSRS and council reports write a count and its
// percentage in one cell, "45 (21.3%)" or "21.3% (45)". Each cell had been
// skipped, warned one by one (QA27b 9, countpct.xlsx). The figure the
// indicator's unit asks for is read: the percentage, keeping the count as
// its numerator (no denominator is given, none is made up), or, for a
// stated count, the count; a unit of another kind skips the cell. It is
// said once for the row, at its first such cell.
func TestCountAndPercentCells(t *testing.T) {
	type fig struct {
		value float64
		num   *float64 // nil: none kept
	}
	n := func(v float64) *float64 { return &v }
	tests := []struct {
		name  string
		row   []any // Ref, Indicator, Unit, Apr-24, May-24, Jun-24
		unit  app.Unit
		want  map[string]fig // period -> figure; nil: none read
		said  string         // at D2
		csv   bool           // given in a CSV, not a workbook
		never string         // a warning that must not be given
	}{
		{"count first, a percentage's name",
			[]any{"RR", "Re-referrals within 12 months (%)", nil, "45 (21.3%)", "50 (22.0%)", "44 (19.8%)"}, app.Percent,
			map[string]fig{"2024-04": {21.3, n(45)}, "2024-05": {22, n(50)}, "2024-06": {19.8, n(44)}},
			`RR: "45 (21.3%)" gives a count and its percentage in one cell, as reports write them: read as 21.3%, the percentage, with 45 kept as its numerator (no denominator is given), as are 2 more cells of the row; to keep both, give the count, or the numerator and denominator, in columns of their own`,
			false, "cell skipped"},
		{"percentage first",
			[]any{"RG", "Children seen within timescale (%)", nil, "21.3% (45)", "22% (1,050)", nil}, app.Percent,
			map[string]fig{"2024-04": {21.3, n(45)}, "2024-05": {22, n(1050)}},
			`RG: "21.3% (45)" gives a count and its percentage in one cell, as reports write them: read as 21.3%, the percentage, with 45 kept as its numerator (no denominator is given), as is 1 more cell of the row;`,
			false, "cell skipped"},
		{"no unit stated",
			[]any{"RC", "Re-referrals within 12 months", nil, "45 (21.3%)", nil, nil}, app.Percent,
			map[string]fig{"2024-04": {21.3, n(45)}},
			`RC: "45 (21.3%)" gives a count and its percentage in one cell, as reports write them: read as 21.3%, the percentage, as neither a Unit column nor its name says it is a count (so its unit is %), with 45 kept as its numerator (no denominator is given); to keep both`,
			false, "cell skipped"},
		{"a stated count",
			[]any{"CN", "Re-referrals within 12 months", "No.", "1,480 (21.3%)", "50 (22.0%)", nil}, app.Number,
			map[string]fig{"2024-04": {1480, nil}, "2024-05": {50, nil}},
			`CN: "1,480 (21.3%)" gives a count and its percentage in one cell, as reports write them: read as 1480, the count its unit (count) asks for; the percentage 21.3% is not kept, as is 1 more cell of the row;`,
			false, "cell skipped"},
		{"a unit of another kind",
			[]any{"CD", "Days to assessment", "Days", "45 (21.3%)", 40, nil}, app.Days,
			map[string]fig{"2024-05": {40, nil}},
			`CD: cell skipped: "45 (21.3%)" gives a count and a percentage, neither of which is in its unit (days): give the figure alone`,
			false, "gives a count and its percentage"},
		{"a scorecard CSV",
			[]any{"RR", "Re-referrals within 12 months (%)", nil, "45 (21.3%)", "50 (22.0%)", nil}, app.Percent,
			map[string]fig{"2024-04": {21.3, n(45)}, "2024-05": {22, n(50)}},
			`RR: "45 (21.3%)" gives a count and its percentage in one cell, as reports write them: read as 21.3%, the percentage, with 45 kept as its numerator`,
			true, "cell skipped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var res *Result
			cell := "D2"
			if tt.csv {
				var cells []string
				for _, v := range tt.row {
					s, _ := v.(string)
					if strings.ContainsAny(s, ",\"") {
						s = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
					}
					cells = append(cells, s)
				}
				path := writeCSV(t, "Ref,Indicator,Unit,Apr-24,May-24,Jun-24\n"+strings.Join(cells, ",")+"\n")
				var err error
				if res, err = Read(context.Background(), path, Options{}); err != nil {
					t.Fatal(err)
				}
				cell = "line 2"
			} else {
				b := newBook(t)
				b.sheet("Scorecard")
				b.row("Scorecard", "A1", "Ref", "Indicator", "Unit", "Apr-24", "May-24", "Jun-24")
				b.row("Scorecard", "A2", tt.row...)
				res = mustRead(t, b.save("countpct.xlsx"))
			}
			ref := tt.row[0].(string)
			if ind, ok := findInd(res.Dataset, ref); !ok || ind.Unit != tt.unit {
				t.Errorf("%s unit %q (%v), want %q", ref, ind.Unit, ok, tt.unit)
			}
			got := 0
			for _, o := range res.Dataset.Observations {
				if o.Ref != ref {
					continue
				}
				got++
				w, ok := tt.want[o.Period.String()]
				switch {
				case !ok:
					t.Errorf("%s %s read as %+v, want nothing", ref, o.Period, o)
				case !approx(o.Value, w.value):
					t.Errorf("%s %s = %v, want %v", ref, o.Period, o.Value, w.value)
				case (w.num == nil) != (o.Numerator == nil) || w.num != nil && *o.Numerator != *w.num:
					t.Errorf("%s %s numerator %v, want %v", ref, o.Period, o.Numerator, w.num)
				case o.Denominator != nil:
					t.Errorf("%s %s denominator %v made up", ref, o.Period, *o.Denominator)
				}
			}
			if got != len(tt.want) {
				t.Errorf("%d figures read, want %d", got, len(tt.want))
			}
			var said []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, tt.never) {
					t.Errorf("warned %q", w.Message)
				}
				if strings.Contains(w.Message, "count and") {
					said = append(said, w.Cell+": "+w.Message)
				}
			}
			if len(said) != 1 || !strings.HasPrefix(said[0], cell+": "+tt.said) {
				t.Errorf("said %q, want once at %s %q", said, cell, tt.said)
			}
		})
	}
}
