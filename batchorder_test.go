package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A year's files named in one import in the order a shell or Explorer
// lists them ("April", "August", "December"... alphabetically) are
// imported oldest first, by the latest month each gives, so that an older
// file does not take back a later one's revisions (QA27a 0: SG06 Aug-25
// back to 809 after November's file revised it to 784); files that tie
// keep the order named; and a file that would still take back figures a
// file of the same import gave is refused, naming both.
func TestBatchOldestFirst(t *testing.T) {
	months := []string{"Oct-24", "Nov-24", "Dec-24", "Jan-25", "Feb-25", "Mar-25"}
	base := map[string][]any{"CIC01": {1900, 1910, 1925, 1930, 1942, 1950}, "CIC05": {10.5, 10.8, 11.0, 11.2, 11.5, 11.7}, "SCS02": {18.0, 18.5, 19.0, 18.2, 17.9, 17.5}}
	defs := [][]any{{"CIC01", "Number of children in care", "-", "MS", "count", nil, nil},
		{"CIC05", "Children in care with 3 or more placements in the last 12 months (%)", "L", "R12M", "%", 10, 12},
		{"SCS02", "Average social worker caseload", "L", "MS", "count", 18, 20}}
	// card is the scorecard of the four months to months[upto]; rev
	// replaces figures by ref and month ("" leaves the cell blank).
	card := func(upto int, rev map[string]map[string]any) [][]any {
		from := max(0, upto-3)
		head := append([]any{"Ref", "Indicator", "Polarity", "Data period", "Unit", "Target", "Floor"}, anys(months[from:upto+1])...)
		rows := [][]any{{"Kent CYPE performance scorecard"}, head}
		for _, d := range defs {
			row := append([]any{}, d...)
			for m := from; m <= upto; m++ {
				v := base[d[0].(string)][m]
				if x, ok := rev[d[0].(string)][months[m]]; ok {
					v = x
					if x == "" {
						v = nil
					}
				}
				row = append(row, v)
			}
			rows = append(rows, row)
		}
		return rows
	}
	files := map[string][][]any{
		"Scorecard January.xlsx":  card(3, nil),
		"Scorecard February.xlsx": card(4, map[string]map[string]any{"CIC01": {"Dec-24": 1926}}),
		"Scorecard March.xlsx":    card(5, map[string]map[string]any{"CIC01": {"Dec-24": 1926}}),
		// January's again, corrected: the same reach as January's.
		"Scorecard January corrected.xlsx": card(3, map[string]map[string]any{"CIC01": {"Jan-25": 1931}}),
		// March's with SCS02 given only to Jan-25, and Jan-25 changed:
		// it reaches past February's yet would take back February's
		// SCS02 Jan-25.
		"Scorecard March partial.xlsx": card(5, map[string]map[string]any{"CIC01": {"Dec-24": 1926}, "SCS02": {"Jan-25": 18.9, "Feb-25": "", "Mar-25": ""}}),
	}
	for _, tc := range []struct {
		name   string
		named  []string
		said   string // the order line, "" for none
		refuse string // the error said of a refused file, "" for none
		// figures are CIC01's Dec-24 and Jan-25 after.
		figures string
	}{{
		name:    "named alphabetically: imported oldest first, February's revision kept",
		named:   []string{"Scorecard February.xlsx", "Scorecard January.xlsx", "Scorecard March.xlsx"},
		said:    "imported oldest first, by the latest period each file gives, not in the order named, so that no older file takes back a later one's revisions: Scorecard January.xlsx (to Jan-25), Scorecard February.xlsx (to Feb-25), Scorecard March.xlsx (to Mar-25)",
		figures: "2024-12 1926, 2025-01 1930",
	}, {
		name:    "named oldest first: nothing said",
		named:   []string{"Scorecard January.xlsx", "Scorecard February.xlsx"},
		figures: "2024-12 1926, 2025-01 1930",
	}, {
		name:    "files reaching the same month keep the order named",
		named:   []string{"Scorecard January.xlsx", "Scorecard January corrected.xlsx"},
		figures: "2024-12 1925, 2025-01 1931",
	}, {
		name:    "files reaching the same month keep the order named, the other way",
		named:   []string{"Scorecard January corrected.xlsx", "Scorecard January.xlsx"},
		figures: "2024-12 1925, 2025-01 1930",
	}, {
		name:    "a file that would still take back another's later figures is refused, naming both",
		named:   []string{"Scorecard March partial.xlsx", "Scorecard February.xlsx"},
		said:    "imported oldest first, by the latest period each file gives, not in the order named, so that no older file takes back a later one's revisions: Scorecard February.xlsx (to Feb-25), Scorecard March partial.xlsx (to Mar-25)",
		refuse:  "Scorecard March partial.xlsx: not imported, nothing was stored: it would take back figures that Scorecard February.xlsx, named in the same import and imported as I0001, gave later (Scorecard March partial.xlsx: Scorecard!I5: SCS02: this file's figures run to Jan-25, but I0001 (Scorecard February.xlsx), which gave figures to Feb-25, is later; it takes back 1 of that later file's figures: Kent Jan-25 18.2 to 18.9); import the file that is right on its own, or the two one at a time in the order they were issued",
		figures: "2024-12 1926, 2025-01 1930",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "x.db")
			var paths []string
			for _, name := range tc.named {
				paths = append(paths, writeScorecard(t, dir, name, files[name]))
			}
			r := scorecard(t, db, append([]string{"import"}, paths...)...)
			first, _, _ := strings.Cut(r.stdout, "\n")
			if strings.HasPrefix(first, "imported oldest first") != (tc.said != "") || tc.said != "" && first != tc.said {
				t.Errorf("the import begins:\n%s\nwant:\n%s", first, tc.said)
			}
			if strings.Contains(r.stdout, "takes back") && !strings.HasPrefix(first, "imported oldest first") {
				t.Errorf("a file took back another's figures:\n%s", r.stdout)
			}
			if tc.refuse == "" && r.code != 0 || tc.refuse != "" && (r.code == 0 || !strings.Contains(r.stderr, tc.refuse)) {
				t.Errorf("exit %d, stderr:\n%s\nwant refused: %q", r.code, r.stderr, tc.refuse)
			}
			if got := monthFigures(t, db, "CIC01", "2024-12", "2025-01"); got != tc.figures {
				t.Errorf("CIC01 holds %s, want %s", got, tc.figures)
			}
		})
	}
}
