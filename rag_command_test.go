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

// southwarkRow is one indicator of a Southwark quarterly scorecard: its
// four quarters of 2024-25 (nil where not yet given), its target and the
// RAG its officer gave the latest.
type southwarkRow struct {
	ref, name, polarity string
	percent             bool
	target              any // a number, or "-"
	quarters            []float64
	rag                 string
}

// writeSouthwarkQuarter writes a quarterly scorecard in the shape of a
// London borough's (QA30): two merged title rows, Ref, Indicator,
// Polarity, a dated Target column, the year's quarters `Q1 2024-25`...,
// a RAG column (text on its fill) and Notes; section rows between;
// percentages as fractions of 1 formatted as percentages. The officer
// rates on the target alone: no floor, no AMBER.
func writeSouthwarkQuarter(t *testing.T, dir, name string, rows []southwarkRow) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const s = "Scorecard"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", s))
	must(f.SetCellValue(s, "A1", "London Borough of Southwark - Children's Social Care Performance Scorecard"))
	must(f.MergeCell(s, "A1", "J1"))
	must(f.SetCellValue(s, "A2", "Quarter 4 2024-25 (January - March 2025)"))
	must(f.MergeCell(s, "A2", "J2"))
	head := []any{"Ref", "Indicator", "Polarity", "Target 2024/25", "Q1 2024-25", "Q2 2024-25", "Q3 2024-25", "Q4 2024-25", "RAG", "Notes"}
	must(f.SetSheetRow(s, "A4", &head))
	pct := "0.0%"
	pctStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &pct})
	must(err)
	fills := map[string]string{"Red": "FF0000", "Amber": "FFC000", "Green": "00B050"}
	r := 5
	for _, row := range rows {
		if row.ref == "" {
			must(f.SetCellValue(s, fmt.Sprintf("A%d", r), row.name))
			must(f.MergeCell(s, fmt.Sprintf("A%d", r), fmt.Sprintf("J%d", r)))
			r++
			continue
		}
		cells := []any{row.ref, row.name, row.polarity, row.target}
		if v, ok := row.target.(float64); ok && row.percent {
			cells[3] = v / 100
		}
		for _, q := range row.quarters {
			if row.percent {
				q /= 100
			}
			cells = append(cells, q)
		}
		must(f.SetSheetRow(s, fmt.Sprintf("A%d", r), &cells))
		if row.percent {
			must(f.SetCellStyle(s, fmt.Sprintf("D%d", r), fmt.Sprintf("H%d", r), pctStyle))
		}
		if row.rag != "" {
			cell := fmt.Sprintf("I%d", r)
			must(f.SetCellValue(s, cell, row.rag))
			fill, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fills[row.rag]}}})
			must(err)
			must(f.SetCellStyle(s, cell, cell, fill))
		}
		r++
	}
	path := filepath.Join(dir, name)
	must(f.SaveAs(path))
	return path
}

// southwarkQ4 is Southwark's Jan-Mar 2025 scorecard: re-referrals 24.8%
// against a target of 20% (lower is better) RED, as is a health
// assessment rate 0.4 points short of its target, which no band of
// tolerance would rate RED: the column rates on the target alone.
var southwarkQ4 = []southwarkRow{
	{name: "Children in Care"},
	{"CIC01", "Number of children in care", "-", false, "-", []float64{392, 389, 391, 387}, ""},
	{"CIC02", "Rate of children in care per 10,000 children", "-", false, "-", []float64{70.5, 69.9, 70.3, 69.6}, ""},
	{"CIC05", "Children in care with 3 or more placements in the last 12 months (%)", "L", true, 10.0, []float64{11.8, 12.1, 11.9, 11.6}, "Red"},
	{"CIC20", "Children in care with an up-to-date health assessment (%)", "H", true, 90.0, []float64{92.4, 90.1, 91.6, 89.6}, "Red"},
	{"CIC21", "Number of children adopted in the quarter", "-", false, "-", []float64{2, 5, 3, 2}, ""},
	{"CIC22", "Number of unaccompanied asylum-seeking children in care", "-", false, "-", []float64{50, 51, 53, 52}, ""},
	{name: "Safeguarding and Social Work"},
	{"SCS01", "Re-referrals to children's social care within 12 months (%)", "L", true, 20.0, []float64{18.7, 19.9, 19.9, 24.8}, "Red"},
	{"SCS02", "Child protection plans starting that were a second or subsequent plan (%)", "L", true, 18.0, []float64{21.3, 17.2, 16.8, 15.9}, "Green"},
	{"SCS03", "Average social worker caseload", "L", false, 16.0, []float64{15.9, 15.1, 14.8, 14.6}, "Green"},
	{"SCS04", "Care leavers aged 19-21 in education, employment or training (%)", "H", true, 60.0, []float64{63.1, 60.8, 64.0, 65.2}, "Green"},
}

// TestTargetAloneRule: a London borough rating RAG on the target alone
// (QA30 finding 5) got no RAG at all, its officer's reds read and
// dropped. Its import now says its RAG column rates on the target alone
// and how to rate that way; once `scorecard rag --rule target` is set,
// show, flags, the brief and the export rate its re-referrals RED, and
// the export's Guidance and Provenance say by which rule. A later file
// rated the same way suggests nothing.
func TestTargetAloneRule(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "southwark.db")
	mustRun(t, db, "authority", "Southwark")
	if out := mustRun(t, db, "rag"); !strings.HasPrefix(out, "Southwark rates RAG by target and floor:") {
		t.Errorf("rag on a new store: %q", out)
	}
	q4 := writeSouthwarkQuarter(t, dir, "Southwark CSC Scorecard Q4 2024-25.xlsx", southwarkQ4)
	out := mustRun(t, db, "import", q4)
	want := "Southwark CSC Scorecard Q4 2024-25.xlsx: Scorecard!H8: Southwark's RAG column rates on the target alone in all 6 figures it rates (Scorecard!H8:H16), " +
		"where the store's rule, target and floor, rates 6 of them otherwise or not at all; set `scorecard rag --rule target` to rate that way (a suggestion: nothing was changed)\n"
	if !strings.Contains(out, want) {
		t.Errorf("import said:\n%s\nwant the suggestion:\n%s", out, want)
	}
	latest := func() (rag, source string) {
		t.Helper()
		var show struct {
			Points []struct {
				Period    string `json:"period"`
				RAG       string `json:"rag"`
				SourceRAG string `json:"source_rag"`
			} `json:"points"`
		}
		if err := json.Unmarshal([]byte(mustRun(t, db, "show", "SCS01", "--json")), &show); err != nil {
			t.Fatal(err)
		}
		p := show.Points[len(show.Points)-1]
		if p.Period != "2025-Q1" {
			t.Fatalf("SCS01's latest point is %s, want 2025-Q1", p.Period)
		}
		return p.RAG, p.SourceRAG
	}
	if rag, source := latest(); rag != "" || source != "RED" {
		t.Fatalf("under the floor rule SCS01 2025-Q1 rates %q (workbook %q), want none beside the workbook's RED", rag, source)
	}

	if r := scorecard(t, db, "rag", "--rule", "band"); r.code != 2 || !strings.Contains(r.stderr, "--tolerance 5%") {
		t.Errorf("rag --rule band without a tolerance: exit %d, %q; want 2 asking for one", r.code, r.stderr)
	}
	out = mustRun(t, db, "rag", "--rule", "target")
	if !strings.HasPrefix(out, "Southwark now rates RAG by the target alone: GREEN meeting the target, RED not (no AMBER)\n  was: target and floor") {
		t.Errorf("rag --rule target said %q", out)
	}
	if rag, _ := latest(); rag != "RED" {
		t.Errorf("under the target rule SCS01 2025-Q1 rates %q, want RED", rag)
	}
	var flags []struct {
		Ref, Kind, Detail string
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "flags", "--json")), &flags); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range flags {
		if f.Ref == "SCS01" && f.Kind == "rag-change" && strings.HasPrefix(f.Detail, "GREEN to RED (24.8%; target 20.0%") {
			found = true
		}
		if f.Kind == "rag-disagrees" {
			t.Errorf("under the rule the workbook rates by, %s is flagged %s: %s", f.Ref, f.Kind, f.Detail)
		}
	}
	if !found {
		t.Errorf("flags give no rag-change GREEN to RED for SCS01: %+v", flags)
	}
	if brief := mustRun(t, db, "brief"); !strings.Contains(brief, "Re-referrals to children's social care within 12 months (%): 24.8% (RED)") ||
		!strings.Contains(brief, "Children in care with an up-to-date health assessment (%): 89.6% (RED)") {
		t.Errorf("the brief lists no red re-referrals or health assessments:\n%s", brief)
	}

	xlsx := filepath.Join(dir, "out.xlsx")
	mustRun(t, db, "export", "--out", xlsx)
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Scorecard")
	if err != nil {
		t.Fatal(err)
	}
	red := false
	for _, row := range rows {
		if len(row) > 0 && row[0] == "SCS01" && strings.Contains(strings.Join(row, "|"), "|RED|") {
			red = true
		}
	}
	if !red {
		t.Errorf("the export's Scorecard rates SCS01 no RED: %q", rows)
	}
	sheetText := func(sheet string) string {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, row := range rows {
			b.WriteString(strings.Join(row, "|") + "\n")
		}
		return b.String()
	}
	if g := sheetText("Guidance"); !strings.Contains(g, "RAG ratings compare the quarter's figure with the target alone") || strings.Contains(g, "AMBER when it meets the floor") {
		t.Errorf("the Guidance does not say the target alone rated the figures:\n%s", g)
	}
	if p := sheetText("Provenance"); !strings.Contains(p, "RAG rule|the target alone: GREEN meeting the target, RED not (no AMBER)") {
		t.Errorf("the Provenance does not name the RAG rule:\n%s", p)
	}

	// A later file rated the same way: nothing to suggest, and nothing
	// said of targets without floors, which the rule needs none of.
	again := slices.Clone(southwarkQ4)
	again[0].name = "Children in care"
	q4b := writeSouthwarkQuarter(t, dir, "Southwark CSC Scorecard Q4 2024-25 revised.xlsx", again)
	if out := mustRun(t, db, "import", q4b); strings.Contains(out, "RAG column rates") || strings.Contains(out, "no RAG of the app's") {
		t.Errorf("a file rated by the store's rule said:\n%s", out)
	}
}
