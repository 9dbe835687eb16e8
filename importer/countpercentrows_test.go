package importer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// TestCountAndPercentRows checks that an indicator given as a count row
// and a percentage row under one Ref (QA33 b11, b11b, b11c: Bristol's
// re-referrals 82 of them, 23.2%) is read as one figure, the percentage,
// with the count as its numerator: the Ref merged down over both rows,
// written once and left blank below, or repeated with Units "Number" and
// "%". The count had been kept and the percentage dropped, with a wrong
// "no indicator Ref" warning or a clash, and the rate a target is set on
// became a count.
func TestCountAndPercentRows(t *testing.T) {
	type pair struct {
		ref, name string
		counts    [3]any
		pcts      [3]any
	}
	indicators := []pair{
		{"BS01", "Re-referrals within 12 months", [3]any{82, 85, 89}, [3]any{23.2, 24.6, 22.8}},
		{"BS02", "Children with 3+ placements in the year", [3]any{60, 61, 61}, [3]any{8.0, 8.1, 8.1}},
	}
	tests := []struct {
		name      string
		label     string    // the labels' column heading
		labels    [2]string // the count's and the percentage's
		ref       string    // how the second row gives its Ref: "merged", "blank", "repeated"
		pctFirst  bool
		wantLabel string // the percentage row's label cell, where the pair is said
	}{
		{name: "Ref merged down over No. and %", label: "Measure", labels: [2]string{"No.", "%"}, ref: "merged", wantLabel: "C3"},
		{name: "Ref blank below", label: "Unit", labels: [2]string{"Number", "%"}, ref: "blank", wantLabel: "C3"},
		{name: "Ref repeated", label: "Unit", labels: [2]string{"Number", "%"}, ref: "repeated", wantLabel: "C3"},
		{name: "percentage first", label: "Measure", labels: [2]string{"No.", "%"}, ref: "merged", pctFirst: true, wantLabel: "C2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			s := "Scorecard"
			b.sheet(s)
			b.row(s, "A1", "Ref", "Indicator", tt.label, "Jan-25", "Feb-25", "Mar-25")
			for i, ind := range indicators {
				r := 2 + 2*i
				rows := [2][]any{
					{ind.ref, ind.name, tt.labels[0], ind.counts[0], ind.counts[1], ind.counts[2]},
					{ind.ref, ind.name, tt.labels[1], ind.pcts[0], ind.pcts[1], ind.pcts[2]},
				}
				if tt.pctFirst {
					rows[0], rows[1] = rows[1], rows[0]
				}
				if tt.ref != "repeated" {
					rows[1][0], rows[1][1] = nil, nil
				}
				b.row(s, fmt.Sprintf("A%d", r), rows[0]...)
				b.row(s, fmt.Sprintf("A%d", r+1), rows[1]...)
				if tt.ref == "merged" {
					b.merge(s, fmt.Sprintf("A%d", r), fmt.Sprintf("A%d", r+1))
					b.merge(s, fmt.Sprintf("B%d", r), fmt.Sprintf("B%d", r+1))
				}
			}
			res, err := Read(context.Background(), b.save("pairs.xlsx"), Options{Authority: authorityNamed(t, "Bristol")})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range res.Dataset.Observations {
				num := "none"
				if o.Numerator != nil {
					num = fmt.Sprintf("%g", *o.Numerator)
				}
				got = append(got, fmt.Sprintf("%s %s %g num %s", o.Ref, o.Period, *o.Value, num))
			}
			slices.Sort(got)
			var want []string
			for _, ind := range indicators {
				for m, month := range []string{"2025-01", "2025-02", "2025-03"} {
					want = append(want, fmt.Sprintf("%s %s %g num %d", ind.ref, month, ind.pcts[m], ind.counts[m]))
				}
			}
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("read\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
			for _, ind := range res.Dataset.Indicators {
				if ind.Unit != app.Percent {
					t.Errorf("%s: unit %q, want %%", ind.Ref, ind.Unit)
				}
			}
			var all []string
			for _, w := range res.Warnings {
				all = append(all, w.Cell+": "+w.Message)
				if strings.Contains(w.Message, "no indicator Ref") || strings.Contains(w.Message, " here but ") {
					t.Errorf("warning %s: %s", w.Cell, w.Message)
				}
			}
			say := tt.wantLabel + ": BS01: rows 2 ("
			if !slices.ContainsFunc(all, func(s string) bool {
				return strings.HasPrefix(s, say) && strings.Contains(s, "read as one figure, the percentage, with the count kept as its numerator")
			}) {
				t.Errorf("no warning %q... in\n  %s", say, strings.Join(all, "\n  "))
			}
		})
	}
}
