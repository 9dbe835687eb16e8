package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// A re-issued earlier month imported after a later month's file says
// every figure of the later file it takes back, those the later file
// restated unchanged as well as those it changed, at the cell, naming
// the later file (QA23a D1: m02, m03, m04 then m03r revised CIC01 Dec-24
// 1925 to 1926 and three more figures with "0 warnings").
func TestMonthsInTurnTakenBack(t *testing.T) {
	months := []string{"Oct-24", "Nov-24", "Dec-24", "Jan-25", "Feb-25", "Mar-25"}
	base := map[string][]any{"CIC01": {1900, 1910, 1925, 1930, 1942, 1950}, "CIC05": {10.5, 10.8, 11.0, 11.2, 11.5, 11.7}, "SCS02": {18.0, 18.5, 19.0, 18.2, 17.9, 17.5}}
	defs := [][]any{{"CIC01", "Number of children in care", "-", "MS", "count", nil, nil},
		{"CIC05", "Children in care with 3 or more placements in the last 12 months (%)", "L", "R12M", "%", 10, 12},
		{"SCS02", "Average social worker caseload", "L", "MS", "count", 18, 20}}
	// span is the scorecard of months[from] to months[upto].
	var span func(from, upto int, rev map[string]map[string]any) [][]any
	// card is QA23a's months/gen.py: the scorecard to months[upto], with
	// the three months before; rev replaces figures by ref and month.
	card := func(upto int, rev map[string]map[string]any) [][]any { return span(max(0, upto-3), upto, rev) }
	span = func(from, upto int, rev map[string]map[string]any) [][]any {
		head := append([]any{"Ref", "Indicator", "Polarity", "Data period", "Unit", "Target", "Floor"}, anys(months[from:upto+1])...)
		rows := [][]any{{"Kent CYPE performance scorecard"}, head}
		for _, d := range defs {
			row := append([]any{}, d...)
			for m := from; m <= upto; m++ {
				v := base[d[0].(string)][m]
				if x, ok := rev[d[0].(string)][months[m]]; ok {
					v = x
				}
				row = append(row, v)
			}
			rows = append(rows, row)
		}
		return rows
	}
	files := map[string][][]any{
		"m02.xlsx": card(2, nil), "m03.xlsx": card(3, nil), "m04.xlsx": card(4, nil), "m05.xlsx": card(5, nil),
		"m03r.xlsx": card(3, map[string]map[string]any{"CIC01": {"Jan-25": 1933, "Dec-24": 1926}, "CIC05": {"Jan-25": 11.4}, "SCS02": {"Dec-24": 19.4}}),
		"m04r.xlsx": card(4, map[string]map[string]any{"CIC01": {"Feb-25": 1940, "Jan-25": 1929}}),
		// QA24b's: the six months in one file, and a correction of
		// Dec-24 alone.
		"full.xlsx": span(0, 5, nil),
		"c12.xlsx":  span(2, 2, map[string]map[string]any{"CIC01": {"Dec-24": 1927}}),
	}
	taking := func(ref, id, file, reach, figures string) string {
		cell := map[string]string{"CIC01": "Scorecard!J3", "CIC05": "Scorecard!K4", "SCS02": "Scorecard!J5"}[ref]
		return fmt.Sprintf("warning: m03r.xlsx: %s: %s: this file's figures run to Jan-25, but %s (%s), which gave figures to %s, is later; %s", cell, ref, id, file, reach, figures)
	}
	// back names figures the later file gave as its own; fixes, figures
	// it only repeated from an earlier file, which this file may correct
	// (QA24b D3).
	back := func(n int, figures string) string {
		return fmt.Sprintf("it takes back %d of that later file's figures: %s", n, figures)
	}
	fixes := func(n int, figures string) string {
		return fmt.Sprintf("it takes back, or corrects, %d %s that later file repeated: %s (if this file is a correction, nothing more to do; if an older copy, undo this import)",
			n, map[bool]string{true: "figure", false: "figures"}[n == 1], figures)
	}
	for _, tc := range []struct {
		name  string
		steps []string // files imported in turn; "undo ID" undoes
		want  []string // the last import's warnings, each whole
		// figures are CIC01's Dec-24 and Jan-25 after, where not the
		// last file's m03r or m02's.
		figures string
	}{{
		name:  "m03r after m04, which restated Dec-24 and Jan-25",
		steps: []string{"m02.xlsx", "m03.xlsx", "m04.xlsx", "m03r.xlsx"},
		want: []string{
			taking("CIC01", "I0003", "m04.xlsx", "Feb-25", fixes(2, "Kent Dec-24 1925 to 1926, Kent Jan-25 1930 to 1933")),
			taking("CIC05", "I0003", "m04.xlsx", "Feb-25", fixes(1, "Kent Jan-25 11.2 to 11.4")),
			taking("SCS02", "I0003", "m04.xlsx", "Feb-25", fixes(1, "Kent Dec-24 19 to 19.4")),
		},
	}, {
		name:  "m03r after m04 and m05, named as the latest to give them",
		steps: []string{"m02.xlsx", "m04.xlsx", "m05.xlsx", "m03r.xlsx"},
		want: []string{
			taking("CIC01", "I0003", "m05.xlsx", "Mar-25", back(1, "Kent Jan-25 1930 to 1933")+"; and "+fixes(1, "Kent Dec-24 1925 to 1926")),
			taking("CIC05", "I0003", "m05.xlsx", "Mar-25", back(1, "Kent Jan-25 11.2 to 11.4")),
			taking("SCS02", "I0003", "m05.xlsx", "Mar-25", fixes(1, "Kent Dec-24 19 to 19.4")),
		},
	}, {
		// Once one figure of m04r's was named and three more taken back
		// with no word.
		name:  "m03r again after m04r and its own undo",
		steps: []string{"m02.xlsx", "m03.xlsx", "m04.xlsx", "m03r.xlsx", "m04r.xlsx", "undo I0004", "m03r.xlsx"},
		want: []string{
			taking("CIC01", "I0005", "m04r.xlsx", "Feb-25", back(1, "Kent Jan-25 1929 to 1933")+"; and "+fixes(1, "Kent Dec-24 1925 to 1926")),
			taking("CIC05", "I0005", "m04r.xlsx", "Feb-25", fixes(1, "Kent Jan-25 11.2 to 11.4")),
			taking("SCS02", "I0005", "m04r.xlsx", "Feb-25", fixes(1, "Kent Dec-24 19 to 19.4")),
		},
	}, {
		// QA24b D2: m05 only restated full's figures (0 observations of
		// its own at import) and holds them once full is undone; they
		// were taken back with "0 warnings".
		name:  "m03r after m05, which only restated, and the undo of the file it restated",
		steps: []string{"full.xlsx", "m05.xlsx", "undo I0001", "m03r.xlsx"},
		want: []string{
			taking("CIC01", "I0002", "m05.xlsx", "Mar-25", back(2, "Kent Dec-24 1925 to 1926, Kent Jan-25 1930 to 1933")),
			taking("CIC05", "I0002", "m05.xlsx", "Mar-25", back(1, "Kent Jan-25 11.2 to 11.4")),
			taking("SCS02", "I0002", "m05.xlsx", "Mar-25", back(1, "Kent Dec-24 19 to 19.4")),
		},
	}, {
		// QA24b D3: a correction file for Dec-24 after m04, which only
		// repeated m02's Dec-24, was said to take back m04's figure.
		name:  "a correction of Dec-24 after m04, which repeated it",
		steps: []string{"m02.xlsx", "m03.xlsx", "m04.xlsx", "c12.xlsx"},
		want: []string{"warning: c12.xlsx: Scorecard!H3: CIC01: this file's figures run to Dec-24, but I0003 (m04.xlsx), which gave figures to Feb-25, is later; " +
			fixes(1, "Kent Dec-24 1925 to 1927")},
		figures: "2024-12 1927, 2025-01 1930",
	}, {
		name:  "each month after the one before takes nothing back",
		steps: []string{"m02.xlsx", "m03.xlsx", "m04.xlsx", "m05.xlsx"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "x.db")
			var out string
			for _, step := range tc.steps {
				if id, ok := strings.CutPrefix(step, "undo "); ok {
					mustRun(t, db, "undo", id)
					continue
				}
				out = mustRun(t, db, "import", writeScorecard(t, dir, step, files[step]))
			}
			var got []string
			for _, line := range strings.Split(out, "\n") {
				if line = strings.TrimSpace(line); strings.HasPrefix(line, "warning:") {
					got = append(got, line)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("the last import says:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			// The figures are the last file's all the same: it is the
			// officer's to undo, now told.
			want := "2024-12 1925, 2025-01 1930"
			if strings.HasSuffix(tc.steps[len(tc.steps)-1], "m03r.xlsx") {
				want = "2024-12 1926, 2025-01 1933"
			}
			if tc.figures != "" {
				want = tc.figures
			}
			if got := monthFigures(t, db, "CIC01", "2024-12", "2025-01"); got != want {
				t.Errorf("CIC01 holds %s, want %s", got, want)
			}
		})
	}
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// monthFigures is show --json's values of ref for periods, as
// "2024-12 1925, 2025-01 1930".
func monthFigures(t *testing.T, db, ref string, periods ...string) string {
	t.Helper()
	var show struct {
		Points []struct {
			Period string   `json:"period"`
			Value  *float64 `json:"value"`
		} `json:"points"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "show", ref, "--json")), &show); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range show.Points {
		for _, want := range periods {
			if p.Period == want {
				got = append(got, p.Period+" "+num(p.Value))
			}
		}
	}
	return strings.Join(got, ", ")
}
