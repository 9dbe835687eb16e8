package main

import (
	"encoding/json"
	"fmt"
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
