package importer

import (
	"context"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// TestComparatorAreaRows: rows whose area is England, the statistical
// neighbours or the authority's own region, in a tidy table or a
// scorecard's Area column, are benchmarks, not areas of the authority:
// they are not read, said once at the first row naming each with how
// many rows, where they had been filed as areas of Leeds and circulated
// so (QA27b 8). A locality the authority does not have, another council
// and a comparator the officer mapped stay as before: kept as areas.
func TestComparatorAreaRows(t *testing.T) {
	tidy := "Ref,Indicator,Area,Period,Value\n" +
		"RR,Re-referrals (%),Leeds,Apr-24,21.3\n" +
		"RR,Re-referrals (%),England,Apr-24,22.4\n" +
		"RR,Re-referrals (%),Statistical neighbours,Apr-24,21.5\n" +
		"RR,Re-referrals (%),Yorkshire and The Humber,Apr-24,20.9\n" +
		"RR,Re-referrals (%),Bradford,Apr-24,23.0\n" +
		"RR,Re-referrals (%),Leeds,May-24,22.0\n" +
		"RR,Re-referrals (%),England,May-24,22.4\n" +
		"RR,Re-referrals (%),Statistical neighbours,May-24,21.5\n" +
		"RR,Re-referrals (%),Yorkshire and The Humber,May-24,20.9\n" +
		"RR,Re-referrals (%),Bradford,May-24,23.1\n"
	tests := []struct {
		name  string
		body  string
		areas map[string]string // area names to the --area mapping
		read  []string          // the areas read, in order
		warn  []string          // cell: the start of a warning
	}{
		{
			name: "comparators not read",
			body: tidy,
			read: []string{"Bradford", "Leeds"},
			warn: []string{
				`line 3: area "England" is England's figure, a benchmark, not an area of Leeds: its 2 rows are not read`,
				`line 4: area "Statistical neighbours" is the statistical neighbours' figure, a benchmark, not an area of Leeds: its 2 rows are not read`,
				`line 5: area "Yorkshire and The Humber" is Yorkshire and The Humber's figure (Leeds's region), a benchmark, not an area of Leeds: its 2 rows are not read`,
				`line 6: RR: area "Bradford" is not Leeds, one of its districts or a named pseudo-area; its figures here and in every row naming it are kept under "Bradford"`,
			},
		},
		{
			name:  "a comparator the officer mapped",
			body:  tidy,
			areas: map[string]string{"England": PseudoArea},
			read:  []string{"Bradford", "England", "Leeds"},
			warn:  []string{`line 4: area "Statistical neighbours" is the statistical neighbours' figure`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := Options{Authority: authorityNamed(t, "Leeds")}
			if tt.areas != nil {
				opt.AreaNames = map[string]app.Area{}
				for k, v := range tt.areas {
					opt.AreaNames[k] = app.Area(v)
				}
			}
			res, err := Read(context.Background(), writeCSV(t, tt.body), opt)
			if err != nil {
				t.Fatal(err)
			}
			var read []string
			for _, o := range res.Dataset.Observations {
				if !slices.Contains(read, string(o.Area)) {
					read = append(read, string(o.Area))
				}
			}
			slices.Sort(read)
			if !slices.Equal(read, tt.read) {
				t.Errorf("areas read %q, want %q", read, tt.read)
			}
			for _, w := range tt.warn {
				cell, text, _ := strings.Cut(w, ": ")
				if _, ok := warningAt(res, cell, text); !ok {
					t.Errorf("no warning at %s %q in\n%s", cell, text, warningLines(res))
				}
			}
		})
	}
}
