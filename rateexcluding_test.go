package main

import (
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"
)

// TestRateExcludingFromListAndPopulation guards QA30 17: a quarterly
// store's rate of children in care per 10,000 is given alone, quarter by
// quarter, beside the year's rate with its count and population (as the
// DfE gives it, 40 / 5,000 for the year to 31 March 2025); the
// child-level list as at 31 March 2025 counts 40 in care, 5 of them
// UASC. Excluding UASC, the Jan-Mar 2025 rate is the count without them
// over all children's population, 35 / 5,000 x 10,000 = 70.0, not
// "cannot exclude"; a quarter with no population held for its last day
// says that, not only that the source gives no figure for UASC.
func TestRateExcludingFromListAndPopulation(t *testing.T) {
	dir := t.TempDir()
	const rate = `"Rate of children in care per 10,000 children"`
	var rows []string
	for i, q := range []string{"2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"} {
		n := []int{45, 43, 42, 40}[i]
		rows = append(rows,
			fmt.Sprintf("CIC01,Number of children in care,count,-,%s,Kent,All,,,%d", q, n),
			fmt.Sprintf("CIC02,%s,per 10k,-,%s,Kent,All,,,%.1f", rate, q, float64(n)/5000*10000))
	}
	rows = append(rows, "CIC02,"+rate+",per 10k,-,2024/25,Kent,All,40,5000,80")
	db := filepath.Join(dir, "q.db")
	mustRun(t, db, "import", writeTidy(t, dir, "quarters.csv", rows))
	mustRun(t, db, "import", "--as-at", "2025-03-31", writeQuarterList8(t, dir, 40, 4))

	var show struct {
		Points []struct {
			Period                        string
			Value, Numerator, Denominator *float64
			Status, Reason                string
		}
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "show", "CIC02", "--exclude", "uasc", "--json")), &show); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, p := range show.Points {
		seen[p.Period] = true
		switch p.Period {
		case "2025-Q1":
			if p.Value == nil || math.Abs(*p.Value-70) > 1e-9 || p.Numerator == nil || *p.Numerator != 35 || p.Denominator == nil || *p.Denominator != 5000 {
				t.Errorf("Jan-Mar 2025 excluding UASC: %+v, want 35 / 5000 = 70.0 per 10,000", p)
			}
		case "2024-Q4":
			if p.Status != "cannot exclude" || !strings.Contains(p.Reason, "no population for 31 Dec 2024 is held") {
				t.Errorf("Oct-Dec 2024 excluding UASC: %q %q, want cannot exclude, saying no population is held for its last day", p.Status, p.Reason)
			}
		}
	}
	if !seen["2025-Q1"] || !seen["2024-Q4"] {
		t.Errorf("show --json gives the periods %v", seen)
	}
}
