package importer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestBlankAreaSaid checks that a row whose Area cell is blank, on a
// sheet whose other rows name their areas, is read as the authority's
// and said at its cell, whether the Area column stands right of the
// names (each row naming its own) or left of them with the blank above
// any area written: filed as Bristol's without a word, a locality's row
// left blank would pass for the city's (QA33 F12's remaining cases).
func TestBlankAreaSaid(t *testing.T) {
	tests := []struct {
		name     string
		head     []any
		row      func(area any, ref, name string, f [3]int) []any
		wantCell string
	}{
		{name: "area right of the names",
			head:     []any{"Ref", "Indicator", "Area", "Jan-25", "Feb-25", "Mar-25"},
			row:      func(area any, ref, name string, f [3]int) []any { return []any{ref, name, area, f[0], f[1], f[2]} },
			wantCell: "C2"},
		{name: "blank before any area, left of the names",
			head:     []any{"Area", "Ref", "Indicator", "Jan-25", "Feb-25", "Mar-25"},
			row:      func(area any, ref, name string, f [3]int) []any { return []any{area, ref, name, f[0], f[1], f[2]} },
			wantCell: "A2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			s := "Localities"
			b.sheet(s)
			b.row(s, "A1", tt.head...)
			rows := []struct {
				area any
				f    [3]int
			}{
				{nil, [3]int{754, 752, 753}}, // Bristol's, its area left blank
				{"North and West", [3]int{234, 233, 232}},
				{"East Central", [3]int{292, 291, 291}},
				{"South", [3]int{228, 228, 230}},
			}
			for i, r := range rows {
				b.row(s, fmt.Sprintf("A%d", i+2), tt.row(r.area, "BC1", "Children looked after", r.f)...)
			}
			auth := authorityNamed(t, "Bristol").WithDistricts([]string{"North and West", "East Central", "South"})
			res, err := Read(context.Background(), b.save("blank.xlsx"), Options{Authority: auth})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]float64{}
			for _, o := range res.Dataset.Observations {
				got[fmt.Sprintf("%s %s", o.Area, o.Period)] = *o.Value
			}
			if got["Bristol, City of 2025-03"] != 753 || got["North and West 2025-03"] != 232 {
				t.Errorf("figures %v: want Bristol's 753 and North and West's 232 for Mar-25", got)
			}
			var said []string
			for _, w := range res.Warnings {
				said = append(said, w.Cell+": "+w.Message)
			}
			want := tt.wantCell + `: column ` + tt.wantCell[:1] + ` "Area": 1 row with a blank area, where other rows name theirs, read as Bristol, City of's`
			if !slices.ContainsFunc(said, func(s string) bool { return strings.HasPrefix(s, want) }) {
				t.Errorf("no warning %q in\n%s", want, strings.Join(said, "\n"))
			}
		})
	}
}
