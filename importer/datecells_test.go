package importer

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestTimeFormat(t *testing.T) {
	tests := []struct {
		id     int
		code   string
		custom bool
		want   bool
	}{
		{20, "", false, true},  // h:mm
		{46, "", false, true},  // [h]:mm:ss
		{14, "", false, false}, // a date
		{22, "", false, false}, // a date and time
		{0, "h:mm", true, true},
		{0, "[h]:mm", true, true},
		{0, "mm:ss", true, true},
		{0, "hh:mm AM/PM", true, true},
		{0, "dd-mmm", true, false},
		{0, "dd/mm/yyyy hh:mm", true, false},
		{0, `"Due "h:mm`, true, true},
		{0, `"days"0`, true, false},
		{0, "mmm-yy", true, false},
	}
	for _, tt := range tests {
		if got := timeFormat(tt.id, tt.code, tt.custom); got != tt.want {
			t.Errorf("timeFormat(%d, %q) = %v, want %v", tt.id, tt.code, got, tt.want)
		}
	}
}

// TestDatesAndTimesInFigureCells reads figure cells a date or time
// format shows as a date or a duration: their serials were stored as
// the figures, 46129 for a caseload and 0.0017 for two and a half
// minutes, with nothing said (QA probe 9). Each is skipped, said at its
// cell; the row's other figures are read.
func TestDatesAndTimesInFigureCells(t *testing.T) {
	tests := []struct {
		name, format string
		stored       float64
		said         string
	}{
		{"a date in a caseload", "dd-mmm", 46129, `Scorecard!D4: SCS02: cell skipped: "46129" is in a cell formatted as a date`},
		{"minutes and seconds", "mm:ss", 150.0 / 86400, `in a cell formatted as a time, which shows it as 0:02:30, a time of day or a duration in days, not as a figure`},
		{"hours past a day", "[h]:mm", 1.25, `cell formatted as a time, which shows it as 30:00:00`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet("Scorecard")
			b.row("Scorecard", "A3", "Ref", "Indicator", "Jan-26", "Feb-26", "Mar-26")
			b.row("Scorecard", "A4", "SCS02", "Average social worker caseload", 18.2, tt.stored, 17.9)
			b.style("Scorecard", "D4", "D4", &excelize.Style{CustomNumFmt: &tt.format})
			res, ok := readOrRefused(t, b.save("book.xlsx"), Options{}, "")
			if !ok {
				return
			}
			var got []float64
			for _, o := range res.Dataset.Observations {
				if o.Value != nil {
					got = append(got, *o.Value)
				}
			}
			if len(got) != 2 || got[0] != 18.2 || got[1] != 17.9 {
				t.Errorf("read %v, want 18.2 and 17.9 alone", got)
			}
			said := false
			for _, w := range res.Warnings {
				said = said || strings.Contains(w.String(), tt.said)
			}
			if !said {
				t.Errorf("no warning %q in %v", tt.said, res.Warnings)
			}
		})
	}
}
