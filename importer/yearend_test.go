package importer

import (
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestYearEndHeadings (QA qa33 F7): council scorecards head the year's
// outturn "Year end 2023/24", "YE 23/24" or "Year End"; each was left
// unread, and the year's figure lost, where "Outturn 2023/24" was read as
// the previous year's outturn. They are read as Outturn is.
func TestYearEndHeadings(t *testing.T) {
	for _, head := range []string{"Outturn 2023/24", "Year end 2023/24", "Year End", "2023/24 Year End", "YE 23/24", "Year end outturn"} {
		t.Run(head, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "Scorecard")
			f.SetSheetRow("Scorecard", "A1", &[]any{"Ref", "Indicator", "Polarity", head, "Feb-25", "Mar-25"})
			f.SetSheetRow("Scorecard", "A2", &[]any{"X1", "Number of children looked after", "-", 764, 752, 753})
			res := readFile(t, f)
			var got []string
			for _, b := range res.Dataset.Benchmarks {
				got = append(got, fmt.Sprintf("%s %s %v", b.Group, b.Period.Label(), *b.Value))
			}
			want := fmt.Sprint([]string{app.OutturnGroup + " 2023/24 764"})
			if fmt.Sprint(got) != want {
				t.Errorf("benchmarks %v, want %s", got, want)
			}
			if w := warnedAt(res, "Scorecard", "D1"); len(w) > 0 {
				t.Errorf("warned at D1: %q", w)
			}
		})
	}
}
