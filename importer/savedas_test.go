package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// dfeRows are a DfE children-looked-after download's first lines, as
// explore-education-statistics publishes them.
var dfeRows = [][]any{
	{"time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "old_la_code", "la_name", "new_la_code", "population_type", "population_estimate", "children_count", "rate_per_10000"},
	{2025, "Reporting year", "National", "E92000001", "England", nil, nil, nil, nil, nil, "Children looked after on 31 March each year", 12183016, 81770, 67},
	{2025, "Reporting year", "Local authority", "E92000001", "England", "E12000008", "South East", 886, "Kent", "E10000016", "Children looked after on 31 March each year", 355390, 1896, 53},
	{2024, "Reporting year", "Local authority", "E92000001", "England", "E12000008", "South East", 886, "Kent", "E10000016", "Children looked after on 31 March each year", 352000, 1956, 56},
}

// TestSavedAsOtherFormats: a file an officer saved another way reads as
// the original does, or is refused saying what it is: a DfE CSV opened
// in Excel and saved as a workbook (its A1 keeping the CSV's byte-order
// mark as "ï»¿" where the spreadsheet took it for Latin-1), a DfE CSV
// saved tab- or semicolon-separated, and a scorecard saved as CSV.
func TestSavedAsOtherFormats(t *testing.T) {
	csvOf := func(sep string, rows [][]any) string {
		var b strings.Builder
		for _, r := range rows {
			for i, c := range r {
				if i > 0 {
					b.WriteString(sep)
				}
				if c != nil {
					b.WriteString(fmt.Sprint(c))
				}
			}
			b.WriteString("\n")
		}
		return b.String()
	}
	bom := func(rows [][]any, mark string) [][]any {
		head := append([]any{mark + rows[0][0].(string)}, rows[0][1:]...)
		return append([][]any{head}, rows[1:]...)
	}
	write := func(t *testing.T, name, text string) string {
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		path func(t *testing.T) string
		ref  string
		want map[string]float64 // period: Kent's figure
	}{
		{"DfE CSV saved as xlsx", func(t *testing.T) string { return writeBook(t, "cla", dfeRows) }, "CIC01",
			map[string]float64{"2024/25": 1896, "2023/24": 1956}},
		{"DfE CSV saved as xlsx, BOM kept as Latin-1", func(t *testing.T) string { return writeBook(t, "cla", bom(dfeRows, "ï»¿")) }, "CIC01",
			map[string]float64{"2024/25": 1896}},
		{"DfE CSV tab-separated", func(t *testing.T) string { return write(t, "cla.csv", csvOf("\t", dfeRows)) }, "CIC01",
			map[string]float64{"2024/25": 1896}},
		{"DfE CSV semicolon-separated", func(t *testing.T) string { return write(t, "cla.csv", csvOf(";", dfeRows)) }, "CIC01",
			map[string]float64{"2024/25": 1896}},
		// Refused for a "bare quote" (QA probe 4): the commas of UTF-16
		// looked like a download's.
		{"DfE CSV as UTF-16, comma-separated", func(t *testing.T) string {
			return write(t, "cla.csv", utf16LE(csvOf(",", dfeRows)))
		}, "CIC01", map[string]float64{"2024/25": 1896}},
		{"scorecard saved as CSV", func(t *testing.T) string {
			return write(t, "wide.csv", "Ref,Indicator,Polarity,Apr-25,May-25,Jun-25\nCIC01,Number of children in care,-,1896,1900,1905\n")
		}, "CIC01", map[string]float64{"2025-04": 1896, "2025-06": 1905}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), tt.path(t), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]float64{}
			for _, o := range res.Dataset.Observations {
				if o.Ref == tt.ref && o.Area == app.Area("Kent") && o.Value != nil && o.Split == app.All {
					got[o.Period.String()] = *o.Value
				}
			}
			for p, v := range tt.want {
				if g, ok := got[p]; !ok || g != v {
					t.Errorf("%s Kent %s: %v (read %v), want %v", tt.ref, p, g, ok, v)
				}
			}
		})
	}
}

// utf16LE is text as Excel's "Unicode Text" writes it: UTF-16, little
// end first, after a byte-order mark.
func utf16LE(text string) string {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(text)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

// TestDfESheetBesideScorecard: a scorecard workbook with a DfE table
// pasted into a sheet of its own is still read as the scorecard.
func TestDfESheetBesideScorecard(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Scorecard")
	sheets := map[string][][]any{
		"Scorecard": {{"Ref", "Indicator", "Polarity", "Apr-25", "May-25"}, {"SCS01", "Single assessments in 45 working days (%)", "H", 86, 88}},
		"DfE data":  dfeRows,
	}
	f.NewSheet("DfE data")
	for name, rows := range sheets {
		for r, row := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	res, err := Read(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "scorecard workbook" {
		t.Fatalf("read as %q, want the scorecard workbook", res.Format)
	}
	found := false
	for _, ind := range res.Dataset.Indicators {
		found = found || ind.Ref == "SCS01"
	}
	if !found {
		t.Errorf("SCS01 not read: %v", res.Dataset.Indicators)
	}
}
