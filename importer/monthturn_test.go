package importer

import (
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestMonthOutOfTurn: a month heading typed as text that breaks its
// row's run of months by a whole number of years between two of them
// (Jan-25 typed for Jan-26 between Dec-25 and Feb-26) is read as the
// month its place implies and said at its heading; it was filed a year
// back, silently, leaving its own month empty. A date cell, or a heading
// at either end of the run (last year's Mar-24 outturn before Apr-25),
// is read as written and said. Headings off by anything else, or naming
// a month the row heads elsewhere, are not placed, nor said out of turn
// (those going back against the row are refused: monthJumpsBack).
func TestMonthOutOfTurn(t *testing.T) {
	d := func(y int, m time.Month) time.Time { return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		heads []any
		want  string // the periods read, left to right
		at    string // the warning's cell, "" for none
		said  string
	}{
		{"text between", []any{"Oct-25", "Nov-25", "Dec-25", "Jan-25", "Feb-26"},
			"2025-10 2025-11 2025-12 2026-01 2026-02", "H3",
			"column H is headed Jan-25, out of turn between Dec-25 and Feb-26: read as Jan-26, the month its place implies; if its figures are for Jan-25, put the column among that year's months"},
		{"date cells between", []any{d(2025, 10), d(2025, 11), d(2025, 12), d(2025, 1), d(2026, 2)},
			"2025-10 2025-11 2025-12 2025-01 2026-02", "H3",
			"column H is headed Jan-25, out of turn between Dec-25 and Feb-26: read as written, Jan-25 (a date cell is read as entered); if its figures are for Jan-26, head it so"},
		{"date cell a year behind before the run", []any{d(2024, 3), d(2025, 4), d(2025, 5), d(2025, 6), d(2025, 7)},
			"2024-03 2025-04 2025-05 2025-06 2025-07", "E3", "column E is headed Mar-24, out of turn before Apr-25: read as written, Mar-24 (a date cell"},
		{"last column", []any{"Oct-25", "Nov-25", "Dec-25", "Jan-26", "Feb-25"},
			"2025-10 2025-11 2025-12 2026-01 2025-02", "I3", "column I is headed Feb-25, out of turn after Jan-26: read as written, Feb-25 (a heading at an end of the run"},
		{"first column", []any{"Oct-24", "Nov-25", "Dec-25", "Jan-26", "Feb-26"},
			"2024-10 2025-11 2025-12 2026-01 2026-02", "E3", "column E is headed Oct-24, out of turn before Nov-25: read as written, Oct-24"},
		{"text a year behind before the run", []any{"Mar-24", "Apr-25", "May-25", "Jun-25"},
			"2024-03 2025-04 2025-05 2025-06", "E3", "if its figures are for Mar-25, head it so"},
		{"newest first", []any{"Feb-26", "Jan-25", "Dec-25", "Nov-25"},
			"2026-02 2026-01 2025-12 2025-11", "F3", "out of turn between Feb-26 and Dec-25: read as Jan-26"},
		{"two years off", []any{"Nov-25", "Dec-25", "Jan-24", "Feb-26"},
			"2025-11 2025-12 2026-01 2026-02", "G3", "headed Jan-24"},
		{"in turn", []any{"Oct-25", "Nov-25", "Dec-25", "Jan-26", "Feb-26"},
			"2025-10 2025-11 2025-12 2026-01 2026-02", "", ""},
		{"same month last year beside this year's", []any{"Feb-25", "Dec-25", "Jan-26", "Feb-26"},
			"2025-02 2025-12 2026-01 2026-02", "", ""},
		// Feb-26 is refused, going back against the row (monthJumpsBack).
		{"a month the row heads elsewhere", []any{"Jan-26", "Dec-25", "Jan-25", "Feb-26"},
			"2026-01 2025-12 2025-01", "", ""},
		{"off by less than a year", []any{"Nov-25", "Dec-25", "Mar-26", "Feb-26"},
			"2025-11 2025-12 2026-03", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			sheet := "Scorecard"
			f.SetSheetName("Sheet1", sheet)
			f.SetSheetRow(sheet, "A1", &[]any{"Children in Care Scorecard - February 2026"})
			head := append([]any{"Ref", "Indicator", "Polarity", "Unit"}, tt.heads...)
			f.SetSheetRow(sheet, "A3", &head)
			row := []any{"CIC01", "Number of children in care", "L", "count"}
			for i := range tt.heads {
				row = append(row, 1900+10*i)
			}
			f.SetSheetRow(sheet, "A4", &row)
			if _, ok := tt.heads[0].(time.Time); ok {
				st, err := f.NewStyle(&excelize.Style{NumFmt: 17}) // mmm-yy
				if err != nil {
					t.Fatal(err)
				}
				f.SetCellStyle(sheet, "E3", "I3", st)
			}
			res := readFile(t, f)
			var got []string
			for _, o := range res.Dataset.Observations {
				got = append(got, o.Period.String())
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("periods %v, want %s", got, tt.want)
			}
			var said []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "out of turn") {
					said = append(said, w.Cell+": "+w.Message)
				}
			}
			switch {
			case tt.at == "" && len(said) > 0:
				t.Errorf("warned %q, want nothing", said)
			case tt.at != "" && (len(said) != 1 || !strings.HasPrefix(said[0], tt.at+": ") || !strings.Contains(said[0], tt.said)):
				t.Errorf("warned %q, want one at %s saying %q", said, tt.at, tt.said)
			}
		})
	}
}
