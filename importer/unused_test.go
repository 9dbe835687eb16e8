package importer

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestUnusedColumnsReported checks that every column the importer does
// not read is a line of the validation report at its heading.
func TestUnusedColumnsReported(t *testing.T) {
	tests := []struct {
		name string
		rows [][]any
		want []string // sheet!cell: start of message
	}{{
		name: "tidy table",
		rows: [][]any{
			{"Ref", "Period", "Value", "Notes", "RAG", nil, "Lead Officer"},
			{"CIC09", "2025-03", 412, "checked", "Red", "x", "Head of Adoption"},
			{"CIC09", "2025-02", 400, nil, nil, nil, nil, "stray"},
		},
		want: []string{
			`Data!D1: column D "Notes" not read: its heading is not one the importer knows`,
			`Data!E1: column E "RAG" not read: a tidy table's rag column is not read`,
			`Data!F1: column F not read: it has entries but no heading`,
			`Data!H1: column H not read: it has entries but no heading`,
		},
	}, {
		name: "scorecard sheet",
		rows: [][]any{
			{"Ref", "Indicator", "Polarity", "Mar-25", "Apr-25", "Sponsor", "Status"},
			{"CIC05", "Children in care with 3 or more placements (%)", "L", 11.2, 11.7, "Cllr Smith", "final"},
		},
		want: []string{
			`Data!F1: column F "Sponsor" not read: its heading is not one the importer knows`,
			`Data!G1: column G "Status" not read: a scorecard sheet's status column is not read`,
		},
	}, {
		name: "targets table",
		rows: [][]any{
			{"Ref", "Year", "Target", "Floor", "Indicator"},
			{"CIC05", "2024/25", 10, 12, "Children in care with 3 or more placements (%)"},
		},
		want: []string{`Data!E1: column E "Indicator" not read: a targets table's name column is not read`},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeBook(t, "Data", tt.rows)
			res := mustRead(t, path)
			var got []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "not read") {
					got = append(got, w.Sheet+"!"+w.Cell+": "+w.Message)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("unread columns reported:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestTidyRowTargets checks that a tidy table's Target and Floor columns
// are read as the targets of each row's year, financial or academic, and
// that rows of one year that disagree are reported.
func TestTidyRowTargets(t *testing.T) {
	path := writeBook(t, "Data", [][]any{
		{"Ref", "Period", "Value", "Target", "Floor", "Lead Officer"},
		{"CIC05", "2025-03", 11.7, 10, 12, "Head of Children in Care"},
		{"CIC05", "2025-04", 11.2, 9, 11, "Head of Children in Care"},
		{"CIC05", "2025-05", 11.0, 9.5, 11, nil},
		{"KS2", "2025-07", 61, 65, nil, nil},
		{"KS2", "2025-09", 62, 66, nil, nil},
	})
	ktype := map[string]app.PeriodKind{"KS2": app.AcademicYear}
	res, err := Read(t.Context(), path, Options{Defined: func(ref string) (app.Indicator, bool) {
		return app.Indicator{Ref: ref, YearType: ktype[ref]}, true
	}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tg := range res.Dataset.Targets {
		got = append(got, tg.Ref+" "+tg.Year.String()+" "+fmtTarget(tg))
	}
	want := []string{
		"CIC05 2024/25 target 10 floor 12 tolerance nil",
		"CIC05 2025/26 target 9 floor 11 tolerance nil",
		"KS2 2024/25AY target 65 floor nil tolerance nil",
		"KS2 2025/26AY target 66 floor nil tolerance nil",
	}
	if !slices.Equal(got, want) {
		t.Errorf("targets:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	conflict := false
	for _, w := range res.Warnings {
		if w.Sheet == "Data" && w.Cell == "A4" && strings.Contains(w.Message, "CIC05 2025/26: target or floor 9.5 differs from 9") {
			conflict = true
		}
	}
	if !conflict {
		t.Errorf("no warning at Data!A4 for the 2025/26 target that differs; warnings: %v", res.Warnings)
	}
	for _, ind := range res.Dataset.Indicators {
		if ind.Ref == "CIC05" && ind.Owner != "Head of Children in Care" {
			t.Errorf("CIC05's owner = %q, want the Lead Officer column's", ind.Owner)
		}
	}
}

// writeBook writes one sheet of rows to a new workbook.
func writeBook(t *testing.T, sheet string, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", sheet)
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}
