package importer

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"scorecard/app"
)

// TestTidyLocalAuthorityHeadings: a tidy table's column of areas headed
// as council and Power BI extracts head it ("LA", "LA Name", "Council",
// "Local authority name", "la_name") had not been read as areas: its
// heading was unknown, every figure was filed under the authority, and
// with no row for all the rows were dropped as a breakdown. Each is read
// as "Area" is: the authority's row as its figures, a district's as the
// district's, England's not read, said as a benchmark.
func TestTidyLocalAuthorityHeadings(t *testing.T) {
	for _, head := range []string{"LA", "LA Name", "LA name", "Council", "Local authority", "Local authority name", "la_name"} {
		for _, csv := range []bool{true, false} {
			name := head + " in a workbook"
			if csv {
				name = head + " in a CSV"
			}
			t.Run(name, func(t *testing.T) {
				rows := [][]any{{"Ref", "Indicator", "Period", head, "Value"},
					{"CIC01", "Number of children looked after", "2025-03", "Kent", 1900},
					{"CIC01", "Number of children looked after", "2025-03", "Ashford", 190},
					{"CIC01", "Number of children looked after", "2025-03", "England", 80000}}
				var path, benchAt string
				if csv {
					var lines []string
					for _, r := range rows {
						var cells []string
						for _, v := range r {
							cells = append(cells, fmt.Sprint(v))
						}
						lines = append(lines, strings.Join(cells, ","))
					}
					path, benchAt = writeCSV(t, strings.Join(lines, "\n")+"\n"), "line 4"
				} else {
					path, benchAt = writeBook(t, "Data", rows), "D4"
				}
				res, err := Read(context.Background(), path, Options{})
				if err != nil {
					t.Fatal(err)
				}
				got := map[app.Area]float64{}
				for _, o := range res.Dataset.Observations {
					if o.Value != nil {
						got[o.Area] = *o.Value
					}
				}
				if len(got) != 2 || got["Kent"] != 1900 || got["Ashford"] != 190 {
					t.Errorf("figures by area %v, want Kent 1900 and Ashford 190; warnings %v", got, res.Warnings)
				}
				bench := false
				for _, w := range res.Warnings {
					if strings.Contains(w.Message, "not read: its heading is not one the importer knows") || strings.Contains(w.Message, "no area column") {
						t.Errorf("warned %s: %s", w.Cell, w.Message)
					}
					if w.Cell == benchAt && strings.Contains(w.Message, `area "England" is England's figure, a benchmark`) {
						bench = true
					}
				}
				if !bench {
					t.Errorf("England's row not said at %s as a benchmark: %v", benchAt, res.Warnings)
				}
			})
		}
	}
}
