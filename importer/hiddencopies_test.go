package importer

import (
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestHiddenCopyGivesWay checks a hidden row giving the same indicator as
// a visible row (QA20 D5, z5_hidden_dup_ref.xlsx: a superseded copy,
// hidden, above its correction) gives way to it: the visible row's name,
// polarity and figures stand, whichever comes first, and one warning at
// the hidden row names its differing figures, which were not used. A
// figure only the hidden row gives is read, as before; two visible rows
// disagreeing are settled as before, the first kept.
func TestHiddenCopyGivesWay(t *testing.T) {
	head := []any{"Ref", "Indicator", "Polarity", "Apr-25", "May-25", "Jun-25"}
	old := []any{"ZE01", "Number of children in care (OLD - superseded)", "L", 600, 610, 620}
	cur := []any{"ZE01", "Number of children in care", "H", 600, 612, 625}
	tests := []struct {
		name   string
		rows   [][]any
		hidden []int // 1-based rows hidden
		values []float64
		ind    string
		pol    app.Polarity
		at     string // the cell of the warning said, "" for none
		want   string // the warning there, or a part of it
	}{
		{"hidden above", [][]any{head, old, cur}, []int{2}, []float64{600, 612, 625}, "Number of children in care", app.HigherBetter,
			"A2", "row 2 is hidden and gives ZE01, as visible row 3 does: row 3's name and figures were taken, and the hidden row's 3 figures for the same periods set aside; those that differ, 610 at E2 and 620 at F2, were not used; if row 2 is a superseded copy, delete it"},
		{"hidden below", [][]any{head, cur, old}, []int{3}, []float64{600, 612, 625}, "Number of children in care", app.HigherBetter,
			"A3", "row 3 is hidden and gives ZE01, as visible row 2 does: row 2's name and figures were taken, and the hidden row's 3 figures for the same periods set aside; those that differ, 610 at E3 and 620 at F3, were not used; if row 3 is a superseded copy, delete it"},
		{"hidden the same", [][]any{head, {"ZE01", "Number of children in care", "H", 600, 612}, cur}, []int{2}, []float64{600, 612, 625}, "Number of children in care", app.HigherBetter,
			"A2", "row 2 is hidden and gives ZE01, as visible row 3 does: row 3's name and figures were taken, and the hidden row's 2 figures for the same periods set aside; they are the same as row 3's; if row 2 is a superseded copy, delete it"},
		// The visible row leaves June blank: the hidden row's June is
		// read, and said to be.
		{"hidden fills a blank", [][]any{head, old, {"ZE01", "Number of children in care", "H", 600, 612}}, []int{2}, []float64{600, 612, 620}, "Number of children in care", app.HigherBetter,
			"A2", "row 2 is hidden and gives ZE01, as visible row 3 does: row 3's name and figures were taken, and the hidden row's 2 figures for the same periods set aside; the one that differs, 610 at E2, was not used"},
		{"both visible", [][]any{head, old, cur}, nil, []float64{600, 610, 620}, "Number of children in care (OLD - superseded)", app.LowerBetter,
			"E3", "ZE01 Kent May-25: 612 here but 610 at Sheet1!E2; kept Sheet1!E2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			for i, r := range tt.rows {
				cell, _ := excelize.CoordinatesToCellName(1, i+1)
				f.SetSheetRow("Sheet1", cell, &r)
			}
			for _, r := range tt.hidden {
				f.SetRowVisible("Sheet1", r, false)
			}
			res := readFile(t, f)
			var obs []app.Observation
			for _, o := range res.Dataset.Observations {
				if o.Ref == "ZE01" && o.Value != nil {
					obs = append(obs, o)
				}
			}
			slices.SortFunc(obs, func(a, b app.Observation) int { return a.Period.Compare(b.Period) })
			var got []float64
			for _, o := range obs {
				got = append(got, *o.Value)
			}
			if !slices.Equal(got, tt.values) {
				t.Errorf("ZE01 read as %v, want %v", got, tt.values)
			}
			for _, ind := range res.Dataset.Indicators {
				if ind.Ref == "ZE01" && (ind.Name != tt.ind || ind.Polarity != tt.pol) {
					t.Errorf("ZE01 defined as %q, polarity %q; want %q, %q", ind.Name, ind.Polarity, tt.ind, tt.pol)
				}
			}
			notes := warnedAt(res, "Sheet1", tt.at)
			if !slices.ContainsFunc(notes, func(n string) bool { return strings.HasPrefix(n, tt.want) }) {
				t.Errorf("%s: warned %q, want %q", tt.at, notes, tt.want)
			}
			if tt.name == "hidden fills a blank" {
				if notes := warnedAt(res, "Sheet1", "A2"); !slices.ContainsFunc(notes, func(n string) bool { return strings.HasPrefix(n, "row 2 is hidden: its figure (ZE01) was read") }) {
					t.Errorf("A2: warned %q, want the June figure read from the hidden row said", notes)
				}
			}
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "kept Sheet1!") && len(tt.hidden) > 0 {
					t.Errorf("a hidden copy settled as two visible rows are: %s", w)
				}
			}
		})
	}
}
