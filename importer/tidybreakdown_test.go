package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"
)

// TestTidyBreakdownColumns reads tidy tables whose rows are told apart by
// a column the importer does not know (QA17 D7): the Total or All row is
// read as the figure, the others said once; with no such row, the rows
// told apart are not read, with one warning naming the column. The first
// row never passes for all children, nor are the rows called conflicts.
func TestTidyBreakdownColumns(t *testing.T) {
	tests := []struct {
		name  string
		csv   string
		want  map[string]float64 // ref and period: value; absent: not read
		none  []string           // ref and period with no figure
		warn  string             // one warning must contain it
		count int                // warnings naming the column as breaking figures down
	}{
		{
			name: "age group, Total last",
			csv: "Ref,Period,Area,Age group,Value\n" +
				"CIC01,2025-04,Kent,Under 1,100\nCIC01,2025-04,Kent,1 to 4,300\nCIC01,2025-04,Kent,Total,1896\n",
			want:  map[string]float64{"CIC01 2025-04": 1896},
			warn:  `line 2: column D "Age group" breaks the figures down (Under 1, 1 to 4): the rows where it is "Total" are read as the figures for all; its other 2 rows, of CIC01, not read`,
			count: 1,
		},
		{
			name: "gender, All, two months and a ref without it",
			csv: "Ref,Period,Area,Gender,Value\n" +
				"CIC01,2025-04,Kent,Male,1100\nCIC01,2025-04,Kent,Female,796\nCIC01,2025-04,Kent,All,1896\n" +
				"CIC01,2025-05,Kent,All,1900\nCIC01,2025-05,Kent,Male,1101\nCIC01,2025-05,Kent,Female,799\n" +
				"CIC02,2025-04,Kent,,55\n",
			want:  map[string]float64{"CIC01 2025-04": 1896, "CIC01 2025-05": 1900, "CIC02 2025-04": 55},
			warn:  `column D "Gender" breaks the figures down (Male, Female): the rows where it is "All" are read`,
			count: 1,
		},
		{
			name: "breakdown, no total",
			csv: "Ref,Period,Area,Breakdown,Value\n" +
				"CIC01,2025-04,Kent,Male,1100\nCIC01,2025-04,Kent,Female,796\n" +
				"CIC02,2025-04,Kent,Rate,55\n",
			want:  map[string]float64{"CIC02 2025-04": 55},
			none:  []string{"CIC01 2025-04"},
			warn:  `line 2: column D "Breakdown" breaks the figures down (Male, Female) and has no Total or All row, so none of its rows is the figure for all: its 2 rows, of CIC01, not read`,
			count: 1,
		},
		{
			name: "age in years, no total",
			csv: "Ref,Period,Area,Value,Age\n" +
				"CIC01,2025-04,Kent,100,16\nCIC01,2025-04,Kent,120,17\n",
			none:  []string{"CIC01 2025-04"},
			warn:  `column E "Age" breaks the figures down (16, 17) and has no Total or All row`,
			count: 1,
		},
		{
			name: "a note telling no rows apart",
			csv: "Ref,Period,Area,Value,Notes\n" +
				"CIC01,2025-04,Kent,1896,Total from the LCS\nCIC01,2025-05,Kent,1900,provisional\n",
			want: map[string]float64{"CIC01 2025-04": 1896, "CIC01 2025-05": 1900},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "tidy.csv")
			if err := os.WriteFile(path, []byte(tt.csv), 0o644); err != nil {
				t.Fatal(err)
			}
			res := mustRead(t, path)
			for k, v := range tt.want {
				ref, p, _ := strings.Cut(k, " ")
				o, ok := findObs(res.Dataset, ref, app.Kent, app.All, p)
				if !ok || !approx(o.Value, v) {
					t.Errorf("%s = %v (found %v), want %v", k, o.Value, ok, v)
				}
			}
			for _, k := range tt.none {
				ref, p, _ := strings.Cut(k, " ")
				if o, ok := findObs(res.Dataset, ref, app.Kent, app.All, p); ok {
					t.Errorf("%s = %v, want no figure: no row of it is for all children", k, *o.Value)
				}
			}
			var msgs []string
			n := 0
			for _, w := range res.Warnings {
				m := w.Cell + ": " + w.Message
				msgs = append(msgs, m)
				if strings.Contains(m, "breaks the figures down") {
					n++
				}
				if strings.Contains(m, " here but ") {
					t.Errorf("rows told apart by a column called a conflict: %s", m)
				}
			}
			all := strings.Join(msgs, "\n")
			if n != tt.count {
				t.Errorf("%d warnings of a column breaking figures down, want %d:\n%s", n, tt.count, all)
			}
			if tt.warn != "" && !strings.Contains(all, tt.warn) {
				t.Errorf("no warning containing %q in\n%s", tt.warn, all)
			}
		})
	}
}
