package importer

import (
	"context"
	"slices"
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

// TestPercentThenSmallCount: "1.8% (3)" had been read as 1.8% with "(3)"
// set aside as a note's mark, beside "21.3% (45)" read as a percentage and
// its count: the percentage of 3 children went out unsuppressed, and under
// a count unit "21.3% (4)" was stored as the count 21.3 (QA29 4, gen.py,
// gen2.py). A bracketed whole number after a percentage is its count, kept
// as its numerator for suppression to see, as it is for larger counts; a
// lone one, which may be a note's mark, is read so and said at its cell.
// The source's own suppression beside a percentage ("<5 (2.1%)", "c
// (2.1%)", "3 (c)") is kept as c, said, where it had been skipped (QA29
// 13).
func TestPercentThenSmallCount(t *testing.T) {
	type fig struct {
		value  float64 // -1: none
		num    float64 // -1: none
		status app.Status
		said   string // at its cell; "" for nothing of its own
	}
	tests := []struct {
		name string
		row  []any // Ref, Indicator, Unit, Apr-25, May-25, Jun-25
		want map[string]fig
	}{
		{"a small count in a row of pairs",
			[]any{"PC01", "Care leavers in education, employment or training (%)", "%", "21.3% (45)", "20.0% (41)", "1.8% (3)"},
			map[string]fig{"D2": {21.3, 45, app.OK, `"21.3% (45)" gives a count and its percentage in one cell, as reports write them: read as 21.3%, the percentage, with 45 kept as its numerator (no denominator is given), as are 2 more cells of the row`},
				"E2": {20, 41, app.OK, ""}, "F2": {1.8, 3, app.OK, ""}}},
		{"a small count under a count unit",
			[]any{"PC02", "Care leavers in education, employment or training", "No.", "21.3% (45)", "20.0% (41)", "21.3% (4)"},
			map[string]fig{"D2": {45, -1, app.OK, "read as 45, the count its unit (count) asks for; the percentage 21.3% is not kept, as are 2 more cells of the row"},
				"E2": {41, -1, app.OK, ""}, "F2": {4, -1, app.OK, ""}}},
		{"a lone small count, which may be a note's mark",
			[]any{"PC03", "Children seen in time (%)", "%", 55.1, 56.2, "57.0%(1)"},
			map[string]fig{"D2": {55.1, -1, app.OK, ""}, "E2": {56.2, -1, app.OK, ""},
				"F2": {57, 1, app.OK, `PC03: "57.0%(1)" read as 57% with 1 kept as its numerator, as "21.3% (45)" gives a count beside its percentage, so that a percentage of so few is seen by suppression; no other cell of the row gives a count so, and "(1)" may instead be a note's mark: if it is, write the mark as "57.0%*"`}}},
		{"the source's own suppression",
			[]any{"PC07", "Care leavers in suitable accommodation (%)", "%", "<5 (2.1%)", "c (2.1%)", "3 (c)"},
			map[string]fig{"D2": {-1, -1, app.Suppressed, `PC07: "<5 (2.1%)" gives a count and its percentage with one withheld by the source: kept as c, withheld, as the source gives it; the figure beside the code is not read`},
				"E2": {-1, -1, app.Suppressed, `PC07: "c (2.1%)" gives a count and its percentage with one withheld by the source: kept as c`},
				"F2": {-1, -1, app.Suppressed, `PC07: "3 (c)" gives a count and its percentage with one withheld by the source: kept as c`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeBook(t, "Scorecard", [][]any{
				{"Ref", "Indicator", "Unit", "Apr-25", "May-25", "Jun-25"}, tt.row}), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]app.Observation{}
			for _, o := range res.Dataset.Observations {
				got[strings.TrimPrefix(o.Cell, "Scorecard!")] = o
			}
			for cell, w := range tt.want {
				o, ok := got[cell]
				switch {
				case !ok:
					t.Errorf("%s: not read, want %+v", cell, w)
					continue
				case w.value < 0 && o.Value != nil, w.value >= 0 && !approx(o.Value, w.value):
					t.Errorf("%s: value %v, want %v", cell, fmtOpt(o.Value), w.value)
				case w.num < 0 && o.Numerator != nil, w.num >= 0 && !approx(o.Numerator, w.num):
					t.Errorf("%s: numerator %v, want %v", cell, fmtOpt(o.Numerator), w.num)
				case o.Status != w.status:
					t.Errorf("%s: status %q, want %q", cell, o.Status, w.status)
				}
				notes := warnedAt(res, "Scorecard", cell)
				if w.said != "" && !slices.ContainsFunc(notes, func(n string) bool { return strings.Contains(n, w.said) }) {
					t.Errorf("%s: said %q, want %q", cell, notes, w.said)
				}
				for _, n := range notes {
					if strings.Contains(n, "note mark") || strings.Contains(n, "skipped") {
						t.Errorf("%s: said %q", cell, n)
					}
				}
			}
		})
	}
}

// TestCountAndPercentWithMark: a count and its percentage with a note's
// mark or a GSS marker after them ("4 (2.0%)*") had been skipped as not a
// number, though "4 (2.0%)" and "12*" are each read. The pair is read as
// without the mark, and the mark set aside and said at its cell, in the
// words a mark after any figure is said in, on a scorecard's row and in
// a tidy table's Value alike.
func TestCountAndPercentWithMark(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		tidy  bool
		value float64
		num   float64
		said  string
	}{
		{"a note's star", "4 (2.0%)*", false, 2, 4,
			`ZP01: "4 (2.0%)*" read as 2%; the note mark "*" is set aside, kept only in the figure's source text`},
		{"a dagger after the percentage first", "2.0% (4)†", false, 2, 4,
			`ZP01: "2.0% (4)†" read as 2%; the note mark "†" is set aside`},
		{"a GSS marker", "45 (21.3%) [p]", false, 21.3, 45,
			`ZP01: "45 (21.3%) [p]" read as 21.3%, marked [p]: provisional; the mark is set aside`},
		{"a tidy table's Value", "4 (2.0%)*", true, 2, 4,
			`ZP01: "4 (2.0%)*" read as 2%; the note mark "*" is set aside, kept only in the figure's source text`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := [][]any{{"Ref", "Indicator", "Unit", "Apr-25", "May-25"},
				{"ZP01", "Percentage of children seen", "%", tt.text, "5 (2.5%)"}}
			cell := "D2"
			if tt.tidy {
				rows = [][]any{{"Ref", "Indicator", "Unit", "Period", "Value"},
					{"ZP01", "Percentage of children seen", "%", "2025-04", tt.text},
					{"ZP01", "Percentage of children seen", "%", "2025-05", "5 (2.5%)"}}
				cell = "E2"
			}
			res, err := Read(context.Background(), writeBook(t, "Scorecard", rows), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var o *app.Observation
			for i := range res.Dataset.Observations {
				if p := res.Dataset.Observations[i]; p.Period.String() == "2025-04" {
					o = &res.Dataset.Observations[i]
				}
			}
			switch {
			case o == nil:
				t.Fatalf("Apr-25 not read; warnings %v", res.Warnings)
			case !approx(o.Value, tt.value) || !approx(o.Numerator, tt.num):
				t.Errorf("Apr-25 read as %v with numerator %v, want %v with %v", fmtOpt(o.Value), fmtOpt(o.Numerator), tt.value, tt.num)
			case o.Raw != tt.text:
				t.Errorf("Apr-25 raw %q, want the cell's text %q", o.Raw, tt.text)
			}
			notes := warnedAt(res, "Scorecard", cell)
			if !slices.ContainsFunc(notes, func(n string) bool { return strings.Contains(n, tt.said) }) {
				t.Errorf("%s said %q, want %q", cell, notes, tt.said)
			}
			for _, n := range notes {
				if strings.Contains(n, "skipped") {
					t.Errorf("%s said %q", cell, n)
				}
			}
		})
	}
}
