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

// TestExcludeUASCUsesSourcesOwnFigure imports the shapes of QA10 g15,
// g16 and g17, whose rows name the children they count in producers'
// words ("(UASC excluded)", "Excluding UASC and OLA", "Not UASC"), and
// shows each excluding UASC: the figure must be the source's own
// excluding figure, or one worked from its UASC figure, never all
// children less the excluding figure.
func TestExcludeUASCUsesSourcesOwnFigure(t *testing.T) {
	dir := t.TempDir()

	// A scorecard with twin rows (g17).
	f := excelize.NewFile()
	s := "Scorecard"
	if err := f.SetSheetName("Sheet1", s); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"Children's Services Scorecard - March 2025"},
		{},
		{"Ref", "Indicator", "Polarity", 45658.0, 45689.0, 45717.0},
		{"CT1", "Number of children in care", "L", 100, 101, 102},
		{"CT1a", "Number of children in care (UASC excluded)", "L", 90, 91, 92},
		{"CT2", "Number of children starting care", "L", 50, 51, 52},
		{"CT2a", "Number of children starting care (excluding OLA and UASC)", "L", 40, 41, 42},
		{"CT3", "Number of care leavers", "L", 70, 71, 72},
		{"CT3a", "Number of care leavers - Not UASC", "L", 60, 61, 62},
	}
	for i, r := range rows {
		if err := f.SetSheetRow(s, fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	st, _ := f.NewStyle(&excelize.Style{NumFmt: 17})
	if err := f.SetCellStyle(s, "D3", "F3", st); err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(dir, "twinrows.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}

	// A tidy table with a Cohort column (g15, g16).
	var csv strings.Builder
	csv.WriteString("Ref,Indicator,Unit,Polarity,Period,Area,Cohort,Value\n")
	for _, p := range []string{"2025-01", "2025-02", "2025-03"} {
		fmt.Fprintf(&csv, "OC3,Children placed (count),count,L,%s,Kent,All,80\n", p)
		fmt.Fprintf(&csv, "OC3,Children placed (count),count,L,%s,Kent,Excluding UASC and OLA,70\n", p)
		fmt.Fprintf(&csv, "OC3,Children placed (count),count,L,%s,Kent,UASC,6\n", p)
		fmt.Fprintf(&csv, "OC3,Children placed (count),count,L,%s,Kent,OLA,5\n", p)
		for k, label := range []string{"UASC excluded", "Not UASC", "minus UASC", "All children (UASC removed)", "UASC not included"} {
			fmt.Fprintf(&csv, "L%d,Children in care %d,count,L,%s,Kent,All,100\n", k, k, p)
			fmt.Fprintf(&csv, "L%d,Children in care %d,count,L,%s,Kent,\"%s\",90\n", k, k, p, label)
		}
	}
	tidy := filepath.Join(dir, "cohorts.csv")
	if err := os.WriteFile(tidy, []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	db := filepath.Join(dir, "s.db")
	mustRun(t, db, "import", book)
	mustRun(t, db, "import", tidy)
	tests := []struct {
		ref, exclude string
		want         float64 // March 2025
	}{
		{"CT1", "uasc", 92},     // the twin row's own figure, not 102 - 92
		{"CT2", "ola,uasc", 42}, // the twin row leaves out both
		{"CT3", "uasc", 62},     // "Not UASC"
		{"OC3", "uasc", 74},     // 80 - 6: the source gives no figure excluding UASC alone
		{"OC3", "ola,uasc", 70}, // the source's own
		{"L0", "uasc", 90},
		{"L1", "uasc", 90},
		{"L2", "uasc", 90},
		{"L3", "uasc", 90},
		{"L4", "uasc", 90},
	}
	for _, tt := range tests {
		out := mustRun(t, db, "show", tt.ref, "--exclude", tt.exclude, "--json")
		var got struct {
			Points []struct {
				Period string   `json:"period"`
				Value  *float64 `json:"value"`
			} `json:"points"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("show %s --exclude %s --json: %v\n%s", tt.ref, tt.exclude, err, out)
		}
		var v *float64
		for _, p := range got.Points {
			if p.Period == "2025-03" {
				v = p.Value
			}
		}
		if v == nil || *v != tt.want {
			t.Errorf("show %s --exclude %s: March 2025 = %v, want %v\n%.400s", tt.ref, tt.exclude, deref(v), tt.want, out)
		}
	}
	// CT2's twin row leaves out OLA as well: excluding UASC alone cannot
	// be had from it.
	out := mustRun(t, db, "show", "CT2", "--exclude", "uasc")
	if !strings.Contains(out, "cannot exclude") {
		t.Errorf("show CT2 --exclude uasc gives a figure from a row that also leaves out OLA:\n%s", out)
	}
}

func deref(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}
