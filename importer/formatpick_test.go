package importer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestFormatSectionScale: a figure in a cell whose number format's
// sections differ in scale is read by the section Excel shows it with,
// a bare % multiplying by 100 and an escaped or quoted one not: 21.3 in
// [=0]0%;0.0\% shows "21.3%" and is 21.3, not 2130. Each want is what
// LibreOffice shows for the cell (soffice --convert-to csv with "as
// shown"); where the format leaves a figure to no section the cell is
// skipped, said at it. Each section read by is said once, at its first
// figure.
func TestFormatSectionScale(t *testing.T) {
	tests := []struct {
		code    string
		values  []float64
		want    string // the figures read, in month order
		said    string // said at E4 (the first figure), "" for nothing
		skipped string // said at the cell skipped
	}{
		{`[=0]0%;0.0\%`, []float64{21.3, 0, 22}, "21.3 0 22", `21.3 read as 21.3 by its number format's section "0.0\%"`, ""},
		{`[=0]0%;0.0"%"`, []float64{21.3, 0, 22}, "21.3 0 22", `section "0.0"%""`, ""},
		{`0.0\%;-0.0%`, []float64{21.3, -0.05, 0}, "21.3 -5 0", `section "0.0\%"`, ""},
		{`[<1]0.0%;0.0\%`, []float64{0.213, 21.3, 0.5}, "21.3 21.3 50", `0.213 read as 21.3 by its number format's section "[<1]0.0%", the one Excel shows it with (a bare %`, ""},
		{`[<1]0%;0.0\%;0.0"%"`, []float64{0.5, 21.3, -3}, "50 21.3 -300", `section "[<1]0%"`, ""},
		{`0.0%;-0.0%`, []float64{0.213, -0.05, 0}, "21.3 -5 0", "", ""},
		{`[<1]0%;[>=2]0.0\%`, []float64{0.5, 21.3, 1.5}, "50 21.3", `section "[<1]0%"`, "G4"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			sheet := "Scorecard"
			f.SetSheetName("Sheet1", sheet)
			f.SetSheetRow(sheet, "A1", &[]any{"Scorecard"})
			f.SetSheetRow(sheet, "A3", &[]any{"Ref", "Indicator", "Polarity", "Target", "Apr-24", "May-24", "Jun-24"})
			row := []any{"PD", "Re-referrals within 12 months (%)", "L", nil}
			for _, v := range tt.values {
				row = append(row, v)
			}
			f.SetSheetRow(sheet, "A4", &row)
			code := tt.code
			st, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellStyle(sheet, "E4", "G4", st); err != nil {
				t.Fatal(err)
			}
			res := readFile(t, f)
			var got []string
			for _, o := range res.Dataset.Observations {
				if o.Value != nil {
					got = append(got, fmt.Sprint(*o.Value))
				}
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("figures %v, want %s", got, tt.want)
			}
			saidAt := map[string]int{}
			sections := map[string]bool{}
			for _, w := range res.Warnings {
				_, cell := splitCell(w.Cell)
				switch {
				case strings.Contains(w.Message, "number format's section"):
					if sections[w.Message[strings.Index(w.Message, "section"):]] {
						t.Errorf("said twice: %s", w.Message)
					}
					sections[w.Message[strings.Index(w.Message, "section"):]] = true
					if cell == "E4" {
						saidAt["E4"]++
						if !strings.Contains(w.Message, tt.said) {
							t.Errorf("said at E4: %s\nwant: %s", w.Message, tt.said)
						}
					}
				case strings.Contains(w.Message, "differ in scale") && strings.Contains(w.Message, "cell skipped"):
					saidAt[cell]++
				}
			}
			if tt.said == "" && len(sections) > 0 || tt.said != "" && saidAt["E4"] != 1 {
				t.Errorf("the first figure's section said %d times, want it said once where it is: %v", saidAt["E4"], res.Warnings)
			}
			if tt.skipped != "" && saidAt[tt.skipped] != 1 {
				t.Errorf("%s not said skipped: %v", tt.skipped, res.Warnings)
			}
		})
	}
}

// TestSectionFor: the section a figure is shown with, as LibreOffice
// shows [>10]"A"0;"B"0;"C"0 and the like.
func TestSectionFor(t *testing.T) {
	tests := []struct {
		code string
		x    float64
		want string // the section's text, "" for none
	}{
		{`[>10]"A"0;"B"0;"C"0`, 20, `[>10]"A"0`},
		{`[>10]"A"0;"B"0;"C"0`, 5, `"C"0`},
		{`[>10]"A"0;"B"0;"C"0`, -5, `"B"0`},
		{`[>10]"A"0;"B"0;"C"0`, 0, `"C"0`},
		{`[>10]"A"0;"B"0`, 5, `"B"0`},
		{`[>10]"A"0;"B"0`, -5, `"B"0`},
		{`[>10]"A"0;[<0]"B"0;"C"0`, 5, `"C"0`},
		{`[>10]"A"0;[<0]"B"0`, 5, ""},
		{`[>10]"A"0`, 5, ""},
		{`"A"0;"B"0`, 0, `"A"0`},
		{`"A"0;"B"0;"C"0`, 0, `"C"0`},
		{`"A"0;"B"0;"C"0`, -1, `"B"0`},
	}
	for _, tt := range tests {
		s, ok := sectionFor(formatSections(tt.code), tt.x)
		got := ""
		if ok {
			got = s.code
		}
		if got != tt.want {
			t.Errorf("%s, %v: %q, want %q", tt.code, tt.x, got, tt.want)
		}
	}
}
