package importer

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestHiddenSheetFigures: a hidden sheet's figure for a month the visible
// sheet leaves blank fills it only where the hidden sheet is no old copy
// (one that differs from the visible sheet for most months both give),
// the visible sheet's figure stands wherever the hidden sheet comes in
// the workbook, and the warning names each month the hidden sheet alone
// gave.
func TestHiddenSheetFigures(t *testing.T) {
	months := []any{"Ref", "Indicator", "Polarity", "Oct-24", "Nov-24", "Dec-24", "Jan-25", "Feb-25", "Mar-25"}
	tests := []struct {
		name        string
		hiddenFirst bool
		hidden      []any   // Oct-24 to Mar-25
		wantMar     float64 // 0: no figure
		wantNov     float64
		said        string
	}{
		{
			name:    "a copy of the same figures fills the blank month",
			hidden:  []any{10, 11, 12, 13, 14, 15},
			wantMar: 15, wantNov: 11,
			said: "the sheet is hidden: 1 figure of it was read for periods no visible sheet gives (X1 Kent Mar-25 at I4), and 5 that visible sheets give too",
		},
		{
			name:    "an old copy differing in every month fills nothing",
			hidden:  []any{90, 91, 92, 93, 94, 95},
			wantNov: 11,
			said:    "the sheet is hidden and gives other figures than the visible sheets for 5 of the 5 periods both give, so is taken for an old copy: its 1 figure for periods no visible sheet gives was not read (X1 Kent Mar-25 at I4)",
		},
		{
			name:        "an old copy before the visible sheet neither stands nor fills",
			hiddenFirst: true,
			hidden:      []any{90, 91, 92, 93, 94, 95},
			wantNov:     11,
			said:        "so is taken for an old copy: its 1 figure for periods no visible sheet gives was not read (X1 Kent Mar-25 at I4)",
		},
		{
			name:    "one month differing of five is a correction, not an old copy",
			hidden:  []any{10, 99, 12, 13, 14, 15},
			wantMar: 15, wantNov: 11,
			said: "1 figure of it was read for periods no visible sheet gives (X1 Kent Mar-25 at I4)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			visible := func() {
				f.SetSheetRow("Scorecard", "A1", &[]any{"Kent scorecard"})
				f.SetSheetRow("Scorecard", "A3", &months)
				f.SetSheetRow("Scorecard", "A4", &[]any{"X1", "Children in care", "L", 10, 11, 12, 13, 14, nil})
			}
			hidden := func() {
				f.SetSheetRow("Old", "A1", &[]any{"Kent scorecard, old"})
				f.SetSheetRow("Old", "A3", &months)
				row := append([]any{"X1", "Children in care", "L"}, tt.hidden...)
				f.SetSheetRow("Old", "A4", &row)
				if err := f.SetSheetVisible("Old", false); err != nil {
					t.Fatal(err)
				}
			}
			if tt.hiddenFirst {
				f.SetSheetName("Sheet1", "Old")
				f.NewSheet("Scorecard")
				f.SetActiveSheet(1)
				visible()
				hidden()
			} else {
				f.SetSheetName("Sheet1", "Scorecard")
				f.NewSheet("Old")
				visible()
				hidden()
			}
			res := readFile(t, f)
			got := map[string]app.Observation{}
			for _, o := range res.Dataset.Observations {
				got[o.Period.Label()] = o
			}
			mar, ok := got["Mar-25"]
			switch {
			case tt.wantMar == 0 && ok:
				t.Errorf("Mar-25 = %v from %s, want no figure", describeFigure(&mar), mar.Cell)
			case tt.wantMar != 0 && (!ok || mar.Value == nil || *mar.Value != tt.wantMar):
				t.Errorf("Mar-25 = %s at %s, want %v", describeFigure(&mar), mar.Cell, tt.wantMar)
			}
			if nov := got["Nov-24"]; nov.Value == nil || *nov.Value != tt.wantNov || !strings.HasPrefix(nov.Cell, "Scorecard!") {
				t.Errorf("Nov-24 = %s at %s, want %v from the visible sheet", describeFigure(&nov), nov.Cell, tt.wantNov)
			}
			said := 0
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, tt.said) {
					said++
					if w.Sheet != "Old" || w.Cell != "A1" {
						t.Errorf("said at %s!%s, want Old!A1", w.Sheet, w.Cell)
					}
				}
			}
			if said != 1 {
				t.Errorf("want %q said once, got %v", tt.said, res.Warnings)
			}
		})
	}
}
