package importer

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestMergedFigurePeriod: a figure in a cell merged across month columns
// is the quarter or financial year the months make up, said at its cell;
// across months making up neither it stays the first month's, said so.
// It had been filed under the first month without a word, a quarter's
// figure two months early.
func TestMergedFigurePeriod(t *testing.T) {
	months := []string{"Jan-24", "Feb-24", "Mar-24", "Apr-24", "May-24", "Jun-24", "Jul-24", "Aug-24", "Sep-24", "Oct-24", "Nov-24", "Dec-24", "Jan-25", "Feb-25", "Mar-25"}
	col := func(m string) string { // the column heading month m
		for i, h := range months {
			if h == m {
				name, _ := excelize.ColumnNumberToName(4 + i)
				return name
			}
		}
		panic(m)
	}
	tests := []struct {
		from, to string
		want     app.Period
		warn     string
	}{
		{"Apr-24", "Jun-24", app.Period{Kind: app.Quarter, Year: 2024, N: 2}, "read as Apr-Jun 2024, the period they make up"},
		{"Apr-24", "Mar-25", app.Period{Kind: app.FinancialYear, Year: 2024}, "read as 2024/25, the period they make up"},
		{"Feb-24", "Apr-24", app.MonthOf(2024, 2), "read for Feb-24, the first column's: the columns make up no quarter or financial year"},
		{"May-24", "Jun-24", app.MonthOf(2024, 5), "read for May-24, the first column's"},
	}
	for _, tt := range tests {
		t.Run(tt.from+" to "+tt.to, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			head := []any{"Ref", "Indicator", "Polarity"}
			for _, m := range months {
				head = append(head, m)
			}
			f.SetSheetName("Sheet1", "Scorecard")
			f.SetSheetRow("Scorecard", "A1", &[]any{"Kent performance scorecard"})
			f.SetSheetRow("Scorecard", "A3", &head)
			f.SetSheetRow("Scorecard", "A4", &[]any{"EH01", "Early help cases closed with outcomes achieved", "H"})
			from, to := col(tt.from)+"4", col(tt.to)+"4"
			f.SetCellValue("Scorecard", from, 120)
			if err := f.MergeCell("Scorecard", from, to); err != nil {
				t.Fatal(err)
			}
			res := readFile(t, f)
			var got []string
			for _, o := range res.Dataset.Observations {
				got = append(got, fmt.Sprintf("%s=%g", o.Period, *o.Value))
			}
			if want := []string{fmt.Sprintf("%s=120", tt.want)}; fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("read %v, want %v", got, want)
			}
			said := false
			for _, w := range res.Warnings {
				said = said || w.Cell == from && strings.Contains(w.Message, "merged across "+from+":"+to) && strings.Contains(w.Message, tt.warn)
			}
			if !said {
				t.Errorf("no warning at %s saying %q: %v", from, tt.warn, res.Warnings)
			}
		})
	}
}

// TestMergedAcrossQuartersOrDistricts: a figure merged across quarter
// columns is read for the first, said so; one merged across district
// columns is for no one district, and is not read, said so. Both had
// been filed under the first column without a word.
func TestMergedAcrossQuartersOrDistricts(t *testing.T) {
	tests := []struct {
		name  string
		sheet string
		rows  [][]any
		merge [2]string
		want  []string // figures read, "area period=value"
		warn  string
	}{
		{"a quarter's months right to left", "Scorecard",
			[][]any{{"Kent scorecard"}, {}, {"Ref", "Indicator", "Jun-24", "May-24", "Apr-24", "Mar-24"}, {"EH01", "Early help cases closed", 480}},
			[2]string{"C4", "E4"}, []string{"Kent 2024-Q2=480"},
			"EH01: a figure merged across C4:E4 (Apr-24 to Jun-24) read as Apr-Jun 2024, the period they make up"},
		{"quarters", "Scorecard",
			[][]any{{"Kent scorecard"}, {}, {"Ref", "Indicator", "Q1 2024/25", "Q2 2024/25", "Q3 2024/25", "Q4 2024/25"}, {"EH01", "Early help cases closed", 480}},
			[2]string{"C4", "F4"}, []string{"Kent 2024-Q2=480"},
			"EH01: a figure merged across C4:F4 (Apr-Jun 2024 to Jan-Mar 2025) read for Apr-Jun 2024, the first column's"},
		{"districts", "Districts",
			[][]any{{"District summary - September 2024"}, {}, {"Ref", "Indicator", "Ashford", "Canterbury", "Dover"}, {"CIC01", "Number of children in care", 250, nil, 140}},
			[2]string{"C4", "D4"}, []string{"Dover 2024-09=140"},
			"CIC01: a figure merged across C4:D4 (Ashford to Canterbury) is for more than one area: not read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", tt.sheet)
			for i, row := range tt.rows {
				cell, _ := excelize.CoordinatesToCellName(1, i+1)
				f.SetSheetRow(tt.sheet, cell, &row)
			}
			if err := f.MergeCell(tt.sheet, tt.merge[0], tt.merge[1]); err != nil {
				t.Fatal(err)
			}
			res := readFile(t, f)
			var got []string
			for _, o := range res.Dataset.Observations {
				got = append(got, fmt.Sprintf("%s %s=%g", o.Area, o.Period, *o.Value))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("read %v, want %v", got, tt.want)
			}
			said := false
			for _, w := range res.Warnings {
				said = said || strings.Contains(w.Message, tt.warn)
			}
			if !said {
				t.Errorf("no warning %q: %v", tt.warn, res.Warnings)
			}
		})
	}
}

// TestHiddenSheetSaid: a hidden sheet's figures are read as any sheet's,
// and said at its A1, since they fill what a visible sheet leaves blank
// (a formula with no saved result) without a word otherwise.
func TestHiddenSheetSaid(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Scorecard")
	f.SetSheetRow("Scorecard", "A1", &[]any{"Kent scorecard"})
	f.SetSheetRow("Scorecard", "A3", &[]any{"Ref", "Indicator", "Polarity", "Jan-25", "Feb-25"})
	f.SetSheetRow("Scorecard", "A4", &[]any{"X1", "Children in care", "L", nil, 8})
	f.NewSheet("Old")
	f.SetSheetRow("Old", "A1", &[]any{"Kent scorecard, old"})
	f.SetSheetRow("Old", "A3", &[]any{"Ref", "Indicator", "Polarity", "Jan-25", "Feb-25"})
	f.SetSheetRow("Old", "A4", &[]any{"X1", "Children in care", "L", 100, 8})
	if err := f.SetSheetVisible("Old", false); err != nil {
		t.Fatal(err)
	}
	res := readFile(t, f)
	said := 0
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "the sheet is hidden: 1 figure of it was read for periods no visible sheet gives (X1 Kent Jan-25 at D4), and 1 that visible sheets give too") {
			said++
			if w.Sheet != "Old" || w.Cell != "A1" {
				t.Errorf("said at %s!%s, want Old!A1", w.Sheet, w.Cell)
			}
		}
	}
	if said != 1 {
		t.Errorf("the hidden sheet said %d times: %v", said, res.Warnings)
	}
}

// readFile saves the workbook f and reads it as an import does.
func readFile(t *testing.T, f *excelize.File) *Result {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	res, err := Read(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}
