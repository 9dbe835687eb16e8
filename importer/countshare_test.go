package importer

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestCountsShownAsShares (QA probe 11): in a row its Unit column says
// counts, "97.3%" was stored as 97.3 children and 1,840 children in a
// cell formatted 0%, which Excel shows as 184000%, as 184,000, with
// nothing said. A percentage typed or shown there is no count: skipped,
// said at its cell; a whole number only formatted as one is the count
// the cell holds, read and said once for the row.
func TestCountsShownAsShares(t *testing.T) {
	tests := []struct {
		name   string
		march  any    // CIC01's Mar-25 cell; Jan-25 and Feb-25 hold 1840 and 1845
		format string // the number format of the row's three cells, "" for none
		want   string // CIC01's figures read
		said   string // a warning, whole or begun
	}{
		{"a percentage typed", "97.3%", "", "1840 1845", `Scorecard!F4: CIC01: cell skipped: "97.3%" is a percentage, but CIC01 is a count: no count is read from it`},
		{"a fraction typed", "1850 / 1901", "", "1840 1845", `Scorecard!F4: CIC01: cell skipped: "1850 / 1901" is a fraction, 1850 of 1901, but CIC01 is a count`},
		{"a share formatted as a percentage", 0.973, "0.0%", "1840 1845",
			"Scorecard!D4: CIC01 is a count, but its figures at D4 and 1 more cells of the row are formatted as percentages, which show D4's as 184000.0%"},
		{"counts formatted as percentages", 1850, "0%", "1840 1845 1850",
			"Scorecard!D4: CIC01 is a count, but its figures at D4 and 2 more cells of the row are formatted as percentages, which show D4's as 184000%: read as the counts the cells hold; format them as numbers"},
		{"a count, as it should be", 1850, "", "1840 1845 1850", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet("Scorecard")
			b.row("Scorecard", "A1", "Kent Children's Services Scorecard March 2025")
			b.row("Scorecard", "A3", "Ref", "Indicator", "Unit", "Jan-25", "Feb-25", "Mar-25")
			b.row("Scorecard", "A4", "CIC01", "Children in care", "Number", 1840, 1845, tt.march)
			if tt.format != "" {
				b.style("Scorecard", "D4", "F4", &excelize.Style{CustomNumFmt: &tt.format})
			}
			res, ok := readOrRefused(t, b.save("book.xlsx"), Options{}, "")
			if !ok {
				return
			}
			var got []string
			for _, o := range res.Dataset.Observations {
				if o.Ref == "CIC01" && o.Value != nil {
					got = append(got, fmt.Sprint(*o.Value))
				}
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("read %v, want %s", got, tt.want)
			}
			var said []string
			for _, w := range res.Warnings {
				said = append(said, w.String())
			}
			switch {
			case tt.said == "" && slices.ContainsFunc(said, func(w string) bool { return strings.Contains(w, "percentage") }):
				t.Errorf("warned %q, want nothing of percentages", said)
			case tt.said != "" && !slices.ContainsFunc(said, func(w string) bool { return strings.Contains(w, tt.said) }):
				t.Errorf("no warning %q in %q", tt.said, said)
			}
		})
	}
}
