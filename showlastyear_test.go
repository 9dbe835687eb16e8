package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
)

// TestShowMarksLastYearWithheld: each point of show --json carries the
// figure of the same period a year before (last_year) and the change
// from it. Ashford's 3 private fostering arrangements of May-24, which
// the export withholds, is marked at its own point, but May-25's point
// gave it again as its last_year, unmarked (and last_year_change, which
// with May-25's 9 gives it): May-25 is marked
// "last_year_not_for_circulation"; June-24's last_year, nothing
// withheld a year before it, is not marked, nor is Kent's May-25,
// whose last_year of 102 is shown.
func TestShowMarksLastYearWithheld(t *testing.T) {
	var months [][3]any
	for i := range 13 {
		ashford := 9
		if i == 0 {
			ashford = 3
		}
		months = append(months, [3]any{fmt.Sprintf("%d-%02d", 2024+(4+i)/12, (4+i)%12+1), ashford, 9})
	}
	db := filepath.Join(t.TempDir(), "x.db")
	mustRun(t, db, "authority", "Kent")
	mustRun(t, db, "import", kentCSV(t, "pf.csv", months))
	for _, tt := range []struct {
		area   string
		marked map[string]bool // a point's period to whether its last_year is marked
	}{
		{"Ashford", map[string]bool{"2025-05": true, "2025-04": false}},
		{"Kent", map[string]bool{"2025-05": false}},
	} {
		var r struct {
			Points []struct {
				Period            string   `json:"period"`
				LastYear          *float64 `json:"last_year"`
				NotForCirculation bool     `json:"not_for_circulation"`
				LastYearMarked    bool     `json:"last_year_not_for_circulation"`
			} `json:"points"`
		}
		if err := json.Unmarshal([]byte(mustRun(t, db, "show", "PF01", "--area", tt.area, "--json")), &r); err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, p := range r.Points {
			if p.Period == "2024-05" && p.NotForCirculation != (tt.area == "Ashford") {
				t.Errorf("%s: May-24 not_for_circulation %v: not the case described", tt.area, p.NotForCirculation)
			}
			want, ok := tt.marked[p.Period]
			if !ok {
				continue
			}
			found++
			if p.Period == "2025-05" && (p.LastYear == nil || *p.LastYear != map[string]float64{"Ashford": 3, "Kent": 102}[tt.area]) {
				t.Errorf("%s: May-25's last_year is %v, not May-24's figure", tt.area, p.LastYear)
			}
			if p.LastYearMarked != want {
				t.Errorf("%s: %s last_year_not_for_circulation %v, want %v", tt.area, p.Period, p.LastYearMarked, want)
			}
		}
		if found != len(tt.marked) {
			t.Errorf("%s: %d of the points %v shown", tt.area, found, tt.marked)
		}
	}
}
