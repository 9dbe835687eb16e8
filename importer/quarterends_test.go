package importer

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestQuarterEndHeadings: a quarterly scorecard headed by the dates its
// quarters end (31/12/2024, 31/03/2025, ...) had its figures filed in
// December, March, June and September, with nothing said. Where the
// Data Period is Q, or the title names a quarter, they are the quarters,
// said at the first heading; where nothing says quarterly, or a row's
// Data Period says otherwise, they stay months, and that is said too.
func TestQuarterEndHeadings(t *testing.T) {
	ends := []time.Time{
		time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC),
		time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC), time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC),
	}
	months := []time.Time{
		time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 8, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC),
	}
	quarters := []string{"2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3"}
	tests := []struct {
		name   string
		title  string
		dp     [2]string // the two rows' Data Period; "" for no such column
		heads  []time.Time
		want   []string // the periods QD01's figures are filed under, as the contract writes them
		warned string   // at G3, "" for nothing
	}{
		{"Data Period Q", "CYPE Performance Scorecard", [2]string{"Q", "Q"}, ends, quarters, "the Data Period is Q: read as the quarters they end, Oct-Dec 2024 to Jul-Sep 2025"},
		{"a title naming a quarter", "CYPE Scorecard - Q2 2025/26", [2]string{}, ends, quarters, "names a quarter: read as the quarters they end"},
		{"a quarterly title", "CYPE Quarterly Performance Scorecard", [2]string{"", ""}, ends, quarters, "says quarterly: read as the quarters they end"},
		{"nothing says quarterly", "CYPE Performance Scorecard", [2]string{}, ends, []string{"2024-12", "2025-03", "2025-06", "2025-09"}, "read as those months, as neither the title nor a Data Period says quarterly"},
		// The title answers what the heading asks: nothing to say.
		{"a monthly title", "Monthly performance report", [2]string{}, ends, []string{"2024-12", "2025-03", "2025-06", "2025-09"}, ""},
		{"a monthly row", "CYPE Quarterly Performance Scorecard", [2]string{"Q", "MS"}, ends, []string{"2024-12", "2025-03", "2025-06", "2025-09"}, "read as those months, as the Data Period at D5 is not Q"},
		// A rolling year reported each quarter: months, analysed a
		// quarter apart, and no advice to give Q, which would file each
		// year as the quarter's own figure.
		{"rolling years", "CYPE Performance Scorecard", [2]string{"R12M", "R12M"}, ends, []string{"2024-12", "2025-03", "2025-06", "2025-09"},
			"every row's Data Period is R12M: read as those months, each the twelve months to it, and analysed a quarter apart"},
		{"months, not quarter ends", "CYPE Quarterly Performance Scorecard", [2]string{"Q", "Q"}, months, []string{"2025-07", "2025-08", "2025-09", "2025-10"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "Scorecard")
			f.SetSheetRow("Scorecard", "A1", &[]any{tt.title})
			dp := "Data Period"
			if tt.dp == [2]string{} {
				dp = "Owner"
			}
			f.SetSheetRow("Scorecard", "A3", &[]any{"Ref", "Indicator", "Polarity", dp, "Target", "Floor", tt.heads[0], tt.heads[1], tt.heads[2], tt.heads[3]})
			style, err := f.NewStyle(&excelize.Style{NumFmt: 17}) // mmm-yy
			if err != nil {
				t.Fatal(err)
			}
			f.SetCellStyle("Scorecard", "G3", "J3", style)
			f.SetSheetRow("Scorecard", "A4", &[]any{"QD01", "Assessments on time (%)", "H", tt.dp[0], 80, 70, 78, 81, 83, 79})
			f.SetSheetRow("Scorecard", "A5", &[]any{"QD02", "Number of new plans", "-", tt.dp[1], nil, nil, 120, 130, 125, 140})
			res := readFile(t, f)
			var got []string
			for _, o := range res.Dataset.Observations {
				if o.Ref == "QD01" {
					got = append(got, o.Period.String())
				}
			}
			want := slices.Clone(tt.want)
			slices.Sort(got)
			slices.Sort(want)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("QD01's figures filed under %v, want %v", got, tt.want)
			}
			w := warnedAt(res, "Scorecard", "G3")
			switch {
			case tt.warned == "" && len(w) > 0:
				t.Errorf("warned at G3 %q, want nothing", w)
			case tt.warned != "" && (len(w) != 1 || !strings.Contains(w[0], tt.warned)):
				t.Errorf("warned at G3 %q, want one saying %q", w, tt.warned)
			}
		})
	}
}
