package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeScorecard writes a one-sheet scorecard workbook of rows (General
// format cells, as a council's Excel leaves them) into dir.
func writeScorecard(t *testing.T, dir, name string, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Scorecard"); err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		if err := f.SetSheetRow("Scorecard", fmt.Sprintf("A%d", i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// shownPoints is show --json's points as "period value RAG dot change".
func shownPoints(t *testing.T, db, ref string) []string {
	t.Helper()
	var show struct {
		Points []struct {
			Period string   `json:"period"`
			Value  *float64 `json:"value"`
			RAG    string   `json:"rag"`
			DoT    string   `json:"dot"`
			Change *float64 `json:"change"`
		} `json:"points"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "show", ref, "--json")), &show); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range show.Points {
		s := fmt.Sprintf("%s %s %s %s", p.Period, num(p.Value), p.RAG, p.DoT)
		if p.Change != nil {
			s += " " + num(p.Change)
		}
		got = append(got, strings.TrimSpace(s))
	}
	return got
}

func num(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%g", *v)
}

// Rounding for display never changes a rating or a direction: a month
// given as 63.6 after months given as whole numbers is not shown as 64
// and rated as meeting a target of 64 (QA11 D3), and 63.6 to 64.4 is an
// improvement, not "same". A Decimals column the file states is kept,
// with a warning naming the figure it rounds.
func TestRatingAtThePlacesFiguresAreGiven(t *testing.T) {
	head := []any{"Ref", "Indicator", "Polarity", "Data Period", "Target", "Floor"}
	const name = "Percentage of early help assessments completed within 45 days"
	card := func(months []any, vals ...any) [][]any {
		return [][]any{{"CYPE Performance Scorecard"}, {}, append(append([]any{}, head...), months...),
			append([]any{"EH02", name, "H", "MS", 64, 60}, vals...)}
	}
	for _, tc := range []struct {
		name    string
		files   [][][]any
		want    []string
		warning string // in the last import's report; "" for none
	}{{
		name: "whole numbers first, then tenths",
		files: [][][]any{
			card([]any{"Nov-25", "Dec-25", "Jan-26"}, 62, 63, 63),
			card([]any{"Dec-25", "Jan-26", "Feb-26"}, 63, 63, 63.6),
			card([]any{"Jan-26", "Feb-26", "Mar-26"}, 63, 63.6, 64.4),
		},
		want: []string{"2025-11 62 AMBER", "2025-12 63 AMBER improved 1", "2026-01 63 AMBER same 0",
			"2026-02 63.6 AMBER improved 0.6", "2026-03 64.4 GREEN improved 0.8"},
	}, {
		name: "tenths in the second file are warned of where they widen the places",
		files: [][][]any{
			card([]any{"Nov-25", "Dec-25", "Jan-26"}, 62, 63, 63),
			card([]any{"Dec-25", "Jan-26", "Feb-26"}, 63, 63, 63.6),
		},
		want: []string{"2025-11 62 AMBER", "2025-12 63 AMBER improved 1", "2026-01 63 AMBER same 0",
			"2026-02 63.6 AMBER improved 0.6"},
		warning: "f1.xlsx: Scorecard!I4: EH02: 63.6 here is given to 1 decimal place, but the stored definition shows 0 decimal places; now shown, rated and compared to 1 decimal place",
	}, {
		name: "a stated Decimals column stands, and says what it rounds",
		files: [][][]any{{
			{"Ref", "Indicator", "Polarity", "Decimals", "Data Period", "Target", "Floor", "Jan-26", "Feb-26"},
			{"EH02", name, "H", 0, "MS", 64, 60, 63, 63.6},
		}},
		want:    []string{"2026-01 63 AMBER", "2026-02 63.6 GREEN improved 1"},
		warning: "f0.xlsx: Scorecard!I2: EH02: 63.6 here is given to more places than the 0 its Decimals column states at D2",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "x.db")
			var out string
			for i, rows := range tc.files {
				out = mustRun(t, db, "import", writeScorecard(t, dir, fmt.Sprintf("f%d.xlsx", i), rows))
			}
			if got := shownPoints(t, db, "EH02"); strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
				t.Errorf("show EH02:\n got %s\nwant %s", strings.Join(got, "; "), strings.Join(tc.want, "; "))
			}
			if tc.warning != "" && !strings.Contains(out, tc.warning) {
				t.Errorf("last import's report lacks %q:\n%s", tc.warning, out)
			}
		})
	}
}

// A year's target or floor restated differently is said at import, with
// the reported months it re-rates, and flagged as revised; a file whose
// figures run to an earlier month than the later file whose figures it
// replaces says which it takes back (QA11 D4).
func TestRestatedTargetAndOlderFileAreSaid(t *testing.T) {
	const name = "Percentage of referrals that were re-referrals within 12 months"
	head := []any{"Ref", "Indicator", "Polarity", "Data Period", "Target", "Floor"}
	card := func(target, floor float64, months []any, vals ...any) [][]any {
		return [][]any{append(append([]any{}, head...), months...), append([]any{"SCS08", name, "L", "R12M", target, floor}, vals...)}
	}
	jan := card(22, 25, []any{"Oct-25", "Nov-25", "Dec-25", "Jan-26"}, 23.1, 22.8, 22.5, 21.9)
	feb := card(22, 25, []any{"Nov-25", "Dec-25", "Jan-26", "Feb-26"}, 22.8, 22.5, 21.9, 22.2)
	mar := card(22, 25, []any{"Dec-25", "Jan-26", "Feb-26", "Mar-26"}, 22.5, 21.9, 22.2, 21.5)
	marCorrects := card(21, 25, []any{"Dec-25", "Jan-26", "Feb-26", "Mar-26"}, 22.5, 21.9, 21.8, 21.5)
	for _, tc := range []struct {
		name     string
		files    []any // [][]any workbooks, or string CSV texts
		warnings []string
		flag     string // in flags' text output; "" for no target flag
		ragJan   string
	}{{
		name:   "monthly files restating the year alike say nothing",
		files:  []any{jan, feb, mar},
		ragJan: "2026-01 21.9 GREEN",
	}, {
		name:  "a tidy CSV restating the year's target and floor",
		files: []any{jan, feb, mar, "Ref,Year,Target,Floor\nSCS08,2025/26,21,23\n"},
		warnings: []string{"f3.csv: A2: SCS08 2025/26: the year's target here (target 21, floor 23) replaces the stored one (target 22, floor 25); " +
			"it changes the rating of 3 reported figures: Oct-25 AMBER to RED, Jan-26 GREEN to AMBER, Mar-26 GREEN to AMBER"},
		flag:   "revised  2025/26 target revised from target 22.0%, floor 25.0% (I0001) to target 21.0%, floor 23.0% (I0004); it changes the rating of 3 reported figures",
		ragJan: "2026-01 21.9 AMBER",
	}, {
		// Feb-26 was 21.8, AMBER against 21, and is taken back to 22.2,
		// AMBER against 22: its rating does not change.
		name:  "February's file after March's, which corrected February and the target",
		files: []any{jan, marCorrects, feb},
		warnings: []string{
			"f2.xlsx: Scorecard!A2: SCS08 2025/26: the year's target here (target 22, floor 25) replaces the stored one (target 21, floor 25); it changes the rating of 2 reported figures: Jan-26 AMBER to GREEN, Mar-26 AMBER to GREEN",
			"f2.xlsx: Scorecard!J2: SCS08: this file's figures run to Feb-26, but I0002 (f1.xlsx), which gave figures to Mar-26, is later; it takes back 1 of that later file's figures: Kent Feb-26 21.8 to 22.2; " +
				"and that later file's 2025/26 target (target 21, floor 25 to target 22, floor 25)",
		},
		flag:   "2025/26 target revised from target 21.0%, floor 25.0% (I0002) to target 22.0%, floor 25.0% (I0003)",
		ragJan: "2026-01 21.9 GREEN",
	}, {
		// QA15 R5: the import rated Dec-25 as held (22.5), not as the
		// same file revises it, and said it turned GREEN.
		name:  "a file revising December within its rating and restating the target",
		files: []any{jan, card(22.6, 25, []any{"Dec-25", "Jan-26", "Feb-26"}, 22.7, 21.9, 22.2)},
		warnings: []string{"f1.xlsx: Scorecard!A2: SCS08 2025/26: the year's target here (target 22.6, floor 25) replaces the stored one (target 22, floor 25); " +
			"it changes the rating of no figure held"},
		flag:   "2025/26 target revised from target 22.0%, floor 25.0% (I0001) to target 22.6%, floor 25.0% (I0002); it changes the rating of no figure held",
		ragJan: "2026-01 21.9 GREEN",
	}, {
		// The flag rated the revised figure against both targets, and
		// said nothing changed where the import's revision turned it RED.
		name:  "a file revising December out of its rating and restating the target",
		files: []any{jan, card(22.6, 25, []any{"Dec-25", "Jan-26", "Feb-26"}, 25.5, 21.9, 22.2)},
		warnings: []string{"f1.xlsx: Scorecard!A2: SCS08 2025/26: the year's target here (target 22.6, floor 25) replaces the stored one (target 22, floor 25); " +
			"it changes the rating of 1 reported figure: Dec-25 AMBER to RED"},
		flag:   "2025/26 target revised from target 22.0%, floor 25.0% (I0001) to target 22.6%, floor 25.0% (I0002); it changes the rating of 1 reported figure: Dec-25 AMBER to RED",
		ragJan: "2026-01 21.9 GREEN",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "x.db")
			var out string
			for i, f := range tc.files {
				var path string
				switch f := f.(type) {
				case [][]any:
					path = writeScorecard(t, dir, fmt.Sprintf("f%d.xlsx", i), f)
				case string:
					path = filepath.Join(dir, fmt.Sprintf("f%d.csv", i))
					if err := os.WriteFile(path, []byte(f), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				out = mustRun(t, db, "import", path)
			}
			var said []string
			for _, l := range strings.Split(out, "\n") {
				if w, ok := strings.CutPrefix(l, "  warning: "); ok {
					said = append(said, w)
				}
			}
			if strings.Join(said, "\n") != strings.Join(tc.warnings, "\n") {
				t.Errorf("last import's warnings:\n got %q\nwant %q", said, tc.warnings)
			}
			flags := mustRun(t, db, "flags")
			if got := strings.Contains(flags, "target revised"); got != (tc.flag != "") || tc.flag != "" && !strings.Contains(flags, tc.flag) {
				t.Errorf("flags:\n%s\nwant a target flag containing %q", flags, tc.flag)
			}
			var jan string
			for _, p := range shownPoints(t, db, "SCS08") {
				if strings.HasPrefix(p, "2026-01 ") {
					jan = strings.Join(strings.Fields(p)[:3], " ")
				}
			}
			if jan != tc.ragJan {
				t.Errorf("Jan-26 %q, want %q", jan, tc.ragJan)
			}
		})
	}
}
