package importer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestConditionalPercentFormats: a number format is a percentage when a
// section of it that shows a number shows a bare %. A section of quoted
// text, "<5%" or "100%", shows no figure, so it neither makes the format
// a percentage nor marks a % written as text; nor do the figures in a
// condition such as [<0.05] count as placeholders.
func TestConditionalPercentFormats(t *testing.T) {
	tests := []struct {
		code     string
		percent  bool
		decimals int
		sign     bool
	}{
		{`[<0.05]"<5%";0%`, true, 0, false},
		{`[>=1]"100%";0.0%`, true, 1, false},
		{`[Red]0.0%`, true, 1, false},
		{`0.0%_)`, true, 1, false},
		{`[$-809]0.0%`, true, 1, false},
		{`[Blue][<0.5]0.0%;[Red]0.0%`, true, 1, false},
		{`[<0.05]"<5";0.0`, false, 1, false},
		{`[<5]"<5 %";0.0"%"`, false, 1, true},
		{`0.0;"-%"`, false, 1, false},
		{`0.0"%"`, false, 1, true},
		{`"n/a"`, false, -1, false},
	}
	for _, tt := range tests {
		p, d, _ := formatScale(tt.code)
		if p != tt.percent || d != tt.decimals {
			t.Errorf("formatScale(%q) = %v %d, want %v %d", tt.code, p, d, tt.percent, tt.decimals)
		}
		if got := formatPercentSign(tt.code); got != tt.sign {
			t.Errorf("formatPercentSign(%q) = %v, want %v", tt.code, got, tt.sign)
		}
	}
}

// TestConditionalPercentFormatReadAsPercent: 0.44 in a cell formatted
// [<0.05]"<5%";0% shows as 44% in Excel and is stored as 44, with no
// advice to format the cells as percentages, which they are.
func TestConditionalPercentFormatReadAsPercent(t *testing.T) {
	for _, code := range []string{`[<0.05]"<5%";0%`, `[>=1]"100%";0.0%`} {
		t.Run(code, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			sheet := "Scorecard"
			f.SetSheetName("Sheet1", sheet)
			f.SetSheetRow(sheet, "A1", &[]any{"Scorecard"})
			f.SetSheetRow(sheet, "A3", &[]any{"Ref", "Indicator", "Polarity", "Target", "Apr-25", "May-25", "Jun-25"})
			f.SetSheetRow(sheet, "A4", &[]any{"CIC03", "Children placed with in-house foster carers (%)", "H", 0.45, 0.44, 0.46, 0.47})
			st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellStyle(sheet, "D4", "G4", st); err != nil {
				t.Fatal(err)
			}
			res := readFile(t, f)
			var got []string
			for _, o := range res.Dataset.Observations {
				if o.Value != nil {
					got = append(got, fmt.Sprint(*o.Value))
				}
			}
			if strings.Join(got, " ") != "44 46 47" {
				t.Errorf("figures %v, want 44 46 47", got)
			}
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "format the cells as percentages") {
					t.Errorf("warned %s: %s", w.Cell, w.Message)
				}
			}
		})
	}
}
