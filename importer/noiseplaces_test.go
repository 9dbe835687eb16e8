package importer

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"

	"github.com/xuri/excelize/v2"
)

// TestPlacesIgnoreFloatNoise: a figure a program wrote as a binary float
// in full (openpyxl writes 86.1 worked out as 0.861*100 as
// 86.09999999999999; Excel writes 17 significant digits; excelize pads
// to 15) in a cell of General format is shown to the places Excel shows
// it, not the 3 its noise would give (QA19 D9); places the file shows,
// and a format's, are kept.
func TestPlacesIgnoreFloatNoise(t *testing.T) {
	tests := []struct {
		name    string
		figures []string // as the file's XML holds them
		format  string   // number format of the figures; "" for General
		want    int
	}{
		{"openpyxl noise", []string{"85", "86.09999999999999", "83.3"}, "", 1},
		{"noise to a whole number", []string{"55.00000000000001", "61", "58"}, "", 0},
		{"excelize padding", []string{"55.0000000000000", "61", "58"}, "", 0},
		{"Excel's 17 digits", []string{"10.100000000000001", "10.5", "9.9"}, "", 1},
		{"places given", []string{"85.25", "86.125", "83.3"}, "", 3},
		{"format beats noise", []string{"85", "86.09999999999999", "83.3"}, "0.00", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			sheet := "Scorecard"
			f.SetSheetName("Sheet1", sheet)
			f.SetSheetRow(sheet, "A1", &[]any{"Scorecard"})
			f.SetSheetRow(sheet, "A3", &[]any{"Ref", "Indicator", "Polarity", "Jan-25", "Feb-25", "Mar-25"})
			// Placeholders, replaced in the XML by the figures' text.
			f.SetSheetRow(sheet, "A4", &[]any{"SN01", "Assessments in 45 days (%)", "H", 901.5, 902.5, 903.5})
			if tt.format != "" {
				st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &tt.format})
				if err != nil {
					t.Fatal(err)
				}
				if err := f.SetCellStyle(sheet, "D4", "F4", st); err != nil {
					t.Fatal(err)
				}
			}
			path := filepath.Join(t.TempDir(), "book.xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			path = rewriteParts(t, path, func(name, xml string) string {
				if !strings.HasPrefix(name, "xl/worksheets/") {
					return xml
				}
				for i, v := range tt.figures {
					xml = strings.Replace(xml, fmt.Sprintf("<v>%d.5</v>", 901+i), "<v>"+v+"</v>", 1)
				}
				return xml
			})
			res, err := Read(context.Background(), path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var ind *app.Indicator
			for i := range res.Dataset.Indicators {
				if res.Dataset.Indicators[i].Ref == "SN01" {
					ind = &res.Dataset.Indicators[i]
				}
			}
			if ind == nil || len(res.Dataset.Observations) != 3 {
				t.Fatalf("SN01 not read with 3 figures: %+v", res.Warnings)
			}
			if ind.Decimals != tt.want {
				t.Errorf("SN01 shown to %d places, want %d", ind.Decimals, tt.want)
			}
		})
	}
}
