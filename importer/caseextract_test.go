package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestCaseManagementExtracts (QA qa33 F3): Mosaic and LCS reports head
// their tables "Measure Code | Measure | Period Start | Period End |
// Numerator | Denominator | Percentage" or "Indicator | Month | Count |
// Total | %", and were refused as having no header row. A row's period
// is what its start and end dates span (a month, or a quarter or year,
// said); a count given in the Numerator column with the Denominator
// blank is the figure, said once; Count beside Total are the numerator
// and denominator. A month and the quarter ending with it, one end date,
// are two figures, not a breakdown by the Percentage column. Every warning names a cell, not a bare row ("PERF034!18").
func TestCaseManagementExtracts(t *testing.T) {
	tests := []struct {
		name  string
		title []string
		head  []any
		rows  [][]any
		want  []string // ref period value num/den, sorted
		warn  map[string]string
	}{{
		name:  "Mosaic extract",
		title: []string{"PERF034 - Children's Services Monthly Performance Extract", "Report run: 07/04/2025 08:41:13 by BCC\\miteam"},
		head:  []any{"Measure Code", "Measure", "Period Start", "Period End", "Numerator", "Denominator", "Percentage"},
		rows: [][]any{
			{"CSC_RR", "Re-referrals to CSC within 12 months of a previous referral", "01/02/2025 00:00:00", "28/02/2025 00:00:00", 82, 358, 22.9},
			{"CSC_RR", "Re-referrals to CSC within 12 months of a previous referral", "01/03/2025 00:00:00", "31/03/2025 00:00:00", 91, 391, 23.3},
			{"CSC_RR", "Re-referrals to CSC within 12 months of a previous referral", "01/01/2025 00:00:00", "31/03/2025 00:00:00", 251, 1101, 22.8},
			{"CLA_NUM", "Children looked after at period end", "01/02/2025 00:00:00", "28/02/2025 00:00:00", 752, nil, nil},
			{"CLA_NUM", "Children looked after at period end", "01/03/2025 00:00:00", "31/03/2025 00:00:00", 753, nil, nil},
			{"CLA_NUM", "Children looked after at period end", "01/01/2025 00:00:00", "31/01/2025 00:00:00", nil, nil, nil},
		},
		want: []string{"CLA_NUM Feb-25 752 <nil>/<nil>", "CLA_NUM Mar-25 753 <nil>/<nil>",
			"CSC_RR Feb-25 22.91 82/358", "CSC_RR Jan-Mar 2025 22.8 251/1101", "CSC_RR Mar-25 23.27 91/391"},
		warn: map[string]string{
			"C6": `periods given by their start and end dates ("01/01/2025 00:00:00" here) read as the quarter or year each spans (Jan-Mar 2025)`,
			"E7": "CLA_NUM: its figure given in the Numerator column with no Denominator, here and on each such row, read as the figure itself, a count",
			"A9": "CLA_NUM: row skipped: no value, status or numerator and denominator",
			"G3": `column G "Percentage" not read`,
		},
	}, {
		name: "LCS report",
		head: []any{"Indicator", "Month", "Count", "Total", "%"},
		rows: [][]any{
			{"Re-referrals within 12 months", "January 2025", 95, 410, "23.2%"},
			{"Re-referrals within 12 months", "February 2025", 87, 384, "22.7%"},
		},
		want: []string{"Re-referrals within 12 months Feb-25 22.66 87/384", "Re-referrals within 12 months Jan-25 23.17 95/410"},
		warn: map[string]string{"E1": `column E "%" not read`},
	}}
	cell := regexp.MustCompile(`^[A-Z]+[0-9]+$`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "PERF034")
			r := 1
			for _, line := range tt.title {
				f.SetCellValue("PERF034", fmt.Sprint("A", r), line)
				r++
			}
			f.SetSheetRow("PERF034", fmt.Sprint("A", r), &tt.head)
			for _, row := range tt.rows {
				r++
				f.SetSheetRow("PERF034", fmt.Sprint("A", r), &row)
			}
			res := readFile(t, f)
			name := map[string]string{}
			for _, ind := range res.Dataset.Indicators {
				name[ind.Ref] = ind.Name
			}
			var got []string
			for _, o := range res.Dataset.Observations {
				ref := o.Ref
				if strings.Contains(tt.name, "LCS") {
					ref = name[o.Ref]
				}
				num, den := "<nil>", "<nil>"
				if o.Numerator != nil {
					num = fmt.Sprint(*o.Numerator)
				}
				if o.Denominator != nil {
					den = fmt.Sprint(*o.Denominator)
				}
				got = append(got, fmt.Sprintf("%s %s %.4g %s/%s", ref, o.Period.Label(), *o.Value, num, den))
			}
			slices.Sort(got)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("figures\n%q\nwant\n%q", got, tt.want)
			}
			for at, want := range tt.warn {
				if w := warnedAt(res, "PERF034", at); len(w) != 1 || !strings.Contains(w[0], want) {
					t.Errorf("warnings at %s %q, want one saying %q", at, w, want)
				}
			}
			for _, w := range res.Warnings {
				if !cell.MatchString(w.Cell) {
					t.Errorf("warning at %q, not a cell: %s", w.Cell, w)
				}
			}
		})
	}
}
