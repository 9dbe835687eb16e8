package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// An England column naming no year is dated the latest year DfE has
// published by the month, and a column left unchanged once the guess
// moves on in the autumn keeps the year the store holds its figures for
// (QA27a 1c: April 2026's unchanged column stored England 70 for 2025/26
// beside 2024/25's, a year published in November 2026).
func TestUndatedBenchmarkKeepsItsYear(t *testing.T) {
	// card is a scorecard to the last of months with England beside it.
	card := func(months []string, england any) [][]any {
		head := append([]any{"Ref", "Indicator", "Polarity", "Data period", "Unit", "Target", "Floor"}, anys(months)...)
		head = append(head, "England")
		row := []any{"CLA02", "Children looked after per 10,000", "L", "MS", "per 10k", 75, 80}
		for i := range months {
			row = append(row, 72.1+float64(i)/10)
		}
		row = append(row, england)
		return [][]any{{"Leeds children's services scorecard"}, head, row}
	}
	mar26 := []string{"Jan-26", "Feb-26", "Mar-26"}
	apr26 := []string{"Feb-26", "Mar-26", "Apr-26"}
	oct26 := []string{"Aug-26", "Sep-26", "Oct-26"}
	for _, tc := range []struct {
		name  string
		files map[string][][]any
		steps []string
		years string // England's years held after, with figures
		warn  string // the last import's warning of the year kept, "" for none
	}{{
		name:  "April's unchanged column is 2024/25's still",
		files: map[string][][]any{"m12.xlsx": card(mar26, 70), "m13.xlsx": card(apr26, 70)},
		steps: []string{"m12.xlsx", "m13.xlsx"},
		years: "2024/25 70",
	}, {
		name:  "October's unchanged column keeps the year held",
		files: map[string][][]any{"m12.xlsx": card(mar26, 70), "m19.xlsx": card(oct26, 70)},
		steps: []string{"m12.xlsx", "m19.xlsx"},
		years: "2024/25 70",
		warn:  "warning: m19.xlsx: Scorecard!K3: CLA02: the England column names no year, and its figures are those the store holds for 2024/25 (1 the same, the first CLA02 70): read as 2024/25's still, not as 2025/26's; head the column with its year if they are 2025/26's",
	}, {
		name:  "October's new figure is 2025/26's",
		files: map[string][][]any{"m12.xlsx": card(mar26, 70), "m19.xlsx": card(oct26, 71)},
		steps: []string{"m12.xlsx", "m19.xlsx"},
		years: "2024/25 70, 2025/26 71",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "x.db")
			mustRun(t, db, "authority", "Leeds")
			var out string
			for _, step := range tc.steps {
				out = mustRun(t, db, "import", writeScorecard(t, dir, step, tc.files[step]))
			}
			var warns []string
			for _, line := range strings.Split(out, "\n") {
				if line = strings.TrimSpace(line); strings.Contains(line, "the store holds for") {
					warns = append(warns, line)
				}
			}
			if got := strings.Join(warns, "\n"); got != tc.warn {
				t.Errorf("the last import warns:\n%s\nwant:\n%s", got, tc.warn)
			}
			var show struct {
				Benchmarks []struct {
					Group  string   `json:"group"`
					Period string   `json:"period"`
					Value  *float64 `json:"value"`
				} `json:"benchmarks"`
			}
			raw := mustRun(t, db, "show", "CLA02", "--json")
			if err := json.Unmarshal([]byte(raw), &show); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range show.Benchmarks {
				if b.Group == "England" && b.Value != nil {
					got = append(got, fmt.Sprintf("%s %v", b.Period, *b.Value))
				}
			}
			slices.Sort(got)
			if strings.Join(got, ", ") != tc.years {
				t.Errorf("England held for %q, want %q\n%s", got, tc.years, raw[:min(len(raw), 600)])
			}
		})
	}
}
