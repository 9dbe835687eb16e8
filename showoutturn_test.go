package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// outturnScorecard writes a September scorecard whose "2024/25 Outturn"
// column gives CIC20's 4 children adopted, a count the export withholds,
// beside CIC21's 50 children in care; CIC20's Apr-25 is that outturn
// again in italics, standing in for a month not yet available, as the
// key under the table says.
func outturnScorecard(t *testing.T) string {
	t.Helper()
	const sheet = "CYPE Scorecard"
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"Children in Care Scorecard - May 2025"},
		{},
		{"Ref", "Indicator", "Polarity", "Data Period", "2024/25 Outturn", "Target 2025/26", "Floor 2025/26", "Mar-25", "Apr-25", "May-25"},
		{"CIC20", "Number of children adopted in the last 12 months", "H", "R12M", 4, 10, 8, 12, 4, 9},
		{"CIC21", "Number of children in care", "-", "MS", 50, nil, nil, 52, 55, 56},
		{},
		{"Figures in italics are the previous reporting year's outturn, shown where the current year's figure is not yet available."},
	}
	for i, row := range rows {
		if err := f.SetSheetRow(sheet, fmt.Sprintf("A%d", i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	italic, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Italic: true}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle(sheet, "I4", "I4", italic); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "m05.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestShowMarksWithheldOutturn: a previous-year outturn is the
// authority's own figure for the year, and the export withholds it as
// that year's figure would be (CIC20's 4 children adopted is c in the
// Scorecard sheet's outturn column, and so is its Apr-25, that outturn
// standing in). show printed both unmarked: the benchmark table's
// "Previous year outturn 4" and the stand-in "4 (s)". Each figure the
// export writes as c is marked not for circulation in the text and in
// the JSON (a benchmark's "not_for_circulation": true); CIC21's outturn
// of 50, which the export shows, is not.
func TestShowMarksWithheldOutturn(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	mustRun(t, db, "import", outturnScorecard(t))
	out := filepath.Join(t.TempDir(), "out.xlsx")
	mustRun(t, db, "export", "--out", out)
	exported := exportedScorecard(t, out)
	for _, tt := range []struct {
		ref      string
		outturn  bool // the export withholds the outturn
		standIns []string
	}{
		{"CIC20", true, []string{"2025-04"}},
		{"CIC21", false, nil},
	} {
		t.Run(tt.ref, func(t *testing.T) {
			// What the export wrote, so that the marks are checked
			// against it, not against this test's reading of the rule.
			if got := exported[tt.ref]["Previous year outturn"] == "c"; got != tt.outturn {
				t.Fatalf("the export withholds %s's outturn: %v, want %v (%v)", tt.ref, got, tt.outturn, exported[tt.ref])
			}
			for _, p := range tt.standIns {
				if got := exported[tt.ref]["Apr-25"]; got != "c" {
					t.Fatalf("the export writes %s's stand-in for %s as %q, want c", tt.ref, p, got)
				}
			}
			var r struct {
				Points []struct {
					Period            string `json:"period"`
					StandIn           bool   `json:"stand_in"`
					NotForCirculation bool   `json:"not_for_circulation"`
				} `json:"points"`
				Benchmarks []struct {
					Period            string `json:"period"`
					Group             string `json:"group"`
					Value             *float64
					NotForCirculation bool `json:"not_for_circulation"`
				} `json:"benchmarks"`
			}
			if err := json.Unmarshal([]byte(mustRun(t, db, "show", tt.ref, "--json")), &r); err != nil {
				t.Fatal(err)
			}
			outturns := 0
			for _, b := range r.Benchmarks {
				if b.Group != "Previous year outturn" {
					continue
				}
				outturns++
				if b.NotForCirculation != tt.outturn {
					t.Errorf("show %s --json: outturn %s not_for_circulation %v, want %v", tt.ref, b.Period, b.NotForCirculation, tt.outturn)
				}
			}
			if outturns != 1 {
				t.Fatalf("show %s --json lists %d outturns, want 1: %+v", tt.ref, outturns, r.Benchmarks)
			}
			for _, p := range r.Points {
				want := slices.Contains(tt.standIns, p.Period)
				if p.StandIn != want {
					t.Errorf("show %s --json: %s stand_in %v, want %v", tt.ref, p.Period, p.StandIn, want)
				}
				if p.StandIn && !p.NotForCirculation {
					t.Errorf("show %s --json: %s, the withheld outturn standing in, not marked not_for_circulation", tt.ref, p.Period)
				}
			}
			text := mustRun(t, db, "show", tt.ref)
			line := lineStarting(text, "2024/25  ")
			if marked := strings.Contains(line, notForCirculation); marked != tt.outturn {
				t.Errorf("show %s: the outturn's line %q marked %v, want %v:\n%s", tt.ref, line, marked, tt.outturn, text)
			}
			for _, p := range tt.standIns {
				if line := lineStarting(text, p+"  "); !strings.Contains(line, "(s) "+notForCirculation) {
					t.Errorf("show %s: the stand-in's line %q is not marked:\n%s", tt.ref, line, text)
				}
			}
			if note := strings.Contains(text, notForCirculationNote(5)); note != tt.outturn {
				t.Errorf("show %s: the closing note printed %v, want %v:\n%s", tt.ref, note, tt.outturn, text)
			}
		})
	}
}

// exportedScorecard reads an export's Scorecard sheet: by Ref, each
// column's heading to the cell's text.
func exportedScorecard(t *testing.T, path string) map[string]map[string]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Scorecard")
	if err != nil {
		t.Fatal(err)
	}
	var heads []string
	out := map[string]map[string]string{}
	for _, row := range rows {
		if len(row) > 0 && row[0] == "Ref" {
			heads = row
			continue
		}
		if heads == nil || len(row) == 0 || row[0] == "" {
			continue
		}
		out[row[0]] = map[string]string{}
		for i, v := range row {
			if i < len(heads) {
				out[row[0]][heads[i]] = v
			}
		}
	}
	return out
}
