package importer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// localityMatrix is a Power BI matrix with a row hierarchy of localities
// over measures, as Bristol's and Wigan's dashboards export it (QA33
// b14, w14): each locality merged down over its two measure rows, a
// locality subtotal row "Total" under each, and a grand total. head is
// the locality column's heading.
func localityMatrix(t *testing.T, head string, localities [3]string) string {
	b := newBook(t)
	s := "Export"
	b.sheet(s)
	b.row(s, "A1", "Children and Families dashboard")
	b.row(s, "A2", "Applied filters: Financial Year is 2024-25")
	b.row(s, "A4", head, "Measure", "January 2025", "February 2025", "March 2025")
	figures := [3][2][3]any{
		{{110, 107, 121}, {234, 233, 232}},
		{{127, 124, 141}, {292, 291, 291}},
		{{113, 110, 125}, {228, 228, 230}},
	}
	for i, loc := range localities {
		r := 5 + 3*i
		f := figures[i]
		b.row(s, fmt.Sprintf("A%d", r), loc, "Referrals", f[0][0], f[0][1], f[0][2])
		b.row(s, fmt.Sprintf("B%d", r+1), "Children looked after", f[1][0], f[1][1], f[1][2])
		b.merge(s, fmt.Sprintf("A%d", r), fmt.Sprintf("A%d", r+1))
		var total [3]any
		for m := range total {
			total[m] = f[0][m].(int) + f[1][m].(int)
		}
		b.row(s, fmt.Sprintf("A%d", r+2), "Total", nil, total[0], total[1], total[2])
	}
	b.row(s, "A14", "Total", nil, 1104, 1093, 1140)
	return b.save("matrix.xlsx")
}

// steppedAreas is an SSRS or Power BI table exported stepped (QA33 b15):
// each area written on its first row only, blank below, the city's own
// rows last.
func steppedAreas(t *testing.T) string {
	b := newBook(t)
	s := "Localities"
	b.sheet(s)
	b.row(s, "A1", "Area", "Ref", "Indicator", "Jan-25", "Feb-25", "Mar-25")
	rows := []struct {
		area       string
		ref, name  string
		jan, f, mr int
	}{
		{"North and West", "BR1", "Referrals", 110, 107, 121},
		{"", "BC1", "Children looked after", 234, 233, 232},
		{"East Central", "BR1", "Referrals", 127, 124, 141},
		{"", "BC1", "Children looked after", 292, 291, 291},
		{"South", "BR1", "Referrals", 113, 110, 125},
		{"", "BC1", "Children looked after", 228, 228, 230},
		{"Bristol", "BR1", "Referrals", 354, 345, 391},
		{"", "BC1", "Children looked after", 754, 752, 753},
	}
	for i, r := range rows {
		var area any
		if r.area != "" {
			area = r.area
		}
		b.row(s, fmt.Sprintf("A%d", i+2), area, r.ref, r.name, r.jan, r.f, r.mr)
	}
	return b.save("stepped.xlsx")
}

// TestLocalityRowGroups checks that a locality's figures, given as a row
// group of a Power BI matrix (its name merged down over its measures) or
// a stepped table (its name written once, blank below), are filed under
// the locality, never the whole authority's: Bristol's March 2025
// children looked after were held, shown and exported as 232, North and
// West's, against the city's 753 (QA33 F12). The column may be headed
// "Locality" or "Area"; a locality's subtotal row and the grand total
// are no indicator's figure and no area's, and are said unread; a
// locality the authority has no district of is kept under its own name,
// said, as an unknown area always is.
func TestLocalityRowGroups(t *testing.T) {
	bristol := authorityNamed(t, "Bristol").WithDistricts([]string{"North and West", "East Central", "South"})
	wigan := authorityNamed(t, "Wigan")
	bristolLocalities := [3]string{"North and West", "East Central", "South"}
	want := func(locs [3]string, refer, cla string) []string {
		return []string{
			refer + " " + locs[0] + " 110 107 121", cla + " " + locs[0] + " 234 233 232",
			refer + " " + locs[1] + " 127 124 141", cla + " " + locs[1] + " 292 291 291",
			refer + " " + locs[2] + " 113 110 125", cla + " " + locs[2] + " 228 228 230",
		}
	}
	tests := []struct {
		name  string
		path  func(t *testing.T) string
		auth  *app.Authority
		byRef bool     // series named by Ref, not by indicator name
		want  []string // "INDICATOR AREA Jan Feb Mar", every series read
		warns []string // each in some warning, after "Sheet!Cell: "
	}{
		{
			name:  "Bristol matrix headed Locality",
			path:  func(t *testing.T) string { return localityMatrix(t, "Locality", bristolLocalities) },
			auth:  bristol,
			want:  want(bristolLocalities, "Referrals", "Children looked after"),
			warns: []string{`Export!A7: area "Total" is a total of the rows above, not an area of Bristol, City of: its 4 rows are not read`},
		},
		{
			name:  "Bristol matrix headed Area",
			path:  func(t *testing.T) string { return localityMatrix(t, "Area", bristolLocalities) },
			auth:  bristol,
			want:  want(bristolLocalities, "Referrals", "Children looked after"),
			warns: []string{`Export!A7: area "Total" is a total of the rows above`},
		},
		{
			name: "Wigan matrix, localities the store has no district of",
			path: func(t *testing.T) string {
				return localityMatrix(t, "Locality", [3]string{"Leigh", "Wigan Central", "Atherton and Tyldesley"})
			},
			auth:  wigan,
			want:  want([3]string{"Leigh", "Wigan Central", "Atherton and Tyldesley"}, "Referrals", "Children looked after"),
			warns: []string{`Export!A5: `, `area "Leigh" is not Wigan`, `Export!A7: area "Total" is a total of the rows above`},
		},
		{
			name: "Wigan matrix headed Area",
			path: func(t *testing.T) string {
				return localityMatrix(t, "Area", [3]string{"Leigh", "Wigan Central", "Atherton and Tyldesley"})
			},
			auth:  wigan,
			want:  want([3]string{"Leigh", "Wigan Central", "Atherton and Tyldesley"}, "Referrals", "Children looked after"),
			warns: []string{`area "Leigh" is not Wigan`},
		},
		{
			name: "stepped table, the city's rows last",
			path: steppedAreas,
			auth: bristol, byRef: true,
			want: append(want(bristolLocalities, "BR1", "BC1"),
				"BR1 Bristol, City of 354 345 391", "BC1 Bristol, City of 754 752 753"),
			warns: []string{`Localities!A3: column A "Area": 4 rows with a blank area below an area's row read as that area's`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), tt.path(t), Options{Authority: tt.auth})
			if err != nil {
				t.Fatal(err)
			}
			names := map[string]string{}
			for _, ind := range res.Dataset.Indicators {
				names[ind.Ref] = ind.Name
			}
			series := map[string][]string{}
			for _, o := range res.Dataset.Observations {
				key := names[o.Ref] + " " + string(o.Area)
				if tt.byRef {
					key = o.Ref + " " + string(o.Area)
				}
				series[key] = append(series[key], fmt.Sprintf("%s=%g", o.Period, *o.Value))
			}
			var got []string
			for k, vs := range series {
				slices.Sort(vs)
				for i := range vs {
					_, vs[i], _ = strings.Cut(vs[i], "=")
				}
				got = append(got, k+" "+strings.Join(vs, " "))
			}
			slices.Sort(got)
			w := slices.Clone(tt.want)
			slices.Sort(w)
			if !slices.Equal(got, w) {
				t.Errorf("read\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(w, "\n  "))
			}
			var all []string
			for _, w := range res.Warnings {
				all = append(all, w.Sheet+"!"+w.Cell+": "+w.Message)
			}
			for _, w := range tt.warns {
				if !slices.ContainsFunc(all, func(s string) bool { return strings.Contains(s, w) }) {
					t.Errorf("no warning %q in\n  %s", w, strings.Join(all, "\n  "))
				}
			}
		})
	}
}

// TestTidyTotalArea checks that a tidy table's last row of areas, "Total"
// (as Power BI and SSRS tables end, QA33 b10), is not read as an area
// called "Total", which went out on the export's Data sheet as one of
// Bristol's: it is said unread at its cell, and the localities' and the
// city's own rows are read as before (QA33 F8).
func TestTidyTotalArea(t *testing.T) {
	b := newBook(t)
	s := "Table"
	b.sheet(s)
	b.row(s, "A1", "Children looked after by locality")
	b.row(s, "A3", "Area", "Indicator", "Month", "Value")
	rows := [][]any{
		{"North and West", "Children looked after (number)", "Apr-24", "240"},
		{"East Central", "Children looked after (number)", "Apr-24", "1,280"},
		{"South", "Children looked after (number)", "Apr-24", "242"},
		{"Bristol", "Children looked after (number)", "Apr-24", 762},
		{"Total", "Children looked after (number)", "Apr-24", 2524},
	}
	for i, r := range rows {
		b.row(s, fmt.Sprintf("A%d", i+4), r...)
	}
	auth := authorityNamed(t, "Bristol").WithDistricts([]string{"North and West", "East Central", "South"})
	res, err := Read(context.Background(), b.save("total.xlsx"), Options{Authority: auth})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range res.Dataset.Observations {
		got = append(got, fmt.Sprintf("%s %g", o.Area, *o.Value))
	}
	slices.Sort(got)
	want := []string{"Bristol, City of 762", "East Central 1280", "North and West 240", "South 242"}
	if !slices.Equal(got, want) {
		t.Errorf("read %q, want %q", got, want)
	}
	said := false
	for _, w := range res.Warnings {
		said = said || w.Cell == "A8" && strings.HasPrefix(w.Message, `area "Total" is a total of the rows above, not an area of Bristol, City of: this row is not read`) &&
			strings.HasSuffix(w.Message, `its figure, 2524 at D8, is not the one the row of Bristol, City of gives, 762 at D7, which is read`)
	}
	if !said {
		t.Errorf("no warning at A8 that the Total row is not read: %v", res.Warnings)
	}
}
