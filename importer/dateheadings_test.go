package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScorecardCSVDateHeadings: a scorecard saved as CSV keeps its month
// headings' date cells as dates in figures, day first in an English
// file, month first from a spreadsheet set to US dates, or ISO; each is
// read as its month, the order settled by which makes every heading a
// first or last day. A scorecard CSV from which no month figures are
// read is refused at its header row, not recorded holding nothing.
func TestScorecardCSVDateHeadings(t *testing.T) {
	const title = "Kent scorecard,,,,,\n,,,,,\n"
	tests := []struct {
		name  string
		heads string
		want  string // periods read, in order; "" where refused
		err   string
		warn  string
	}{
		{"day first", "01/04/2025,01/05/2025,01/06/2025", "2025-04 2025-05 2025-06", "", ""},
		{"month first", "04/01/2025,05/01/2025,06/01/2025", "2025-04 2025-05 2025-06", "",
			`line 3: month headings written as dates ("04/01/2025" and 2 more headings) read month first, as US dates are written, "04/01/2025" as Apr-25`},
		{"month first, a heading of each order", "1/1/2025,2/1/2025,3/1/2025", "2025-01 2025-02 2025-03", "",
			`line 3: month headings written as dates ("2/1/2025" and 2 more headings) read month first, as US dates are written, "2/1/2025" as Feb-25: read day first, as English files write dates, they are not months' first or last days`},
		{"ISO", "2025-04-01,2025-05-01,2025-06-01", "2025-04 2025-05 2025-06", "", ""},
		{"month ends day first", "30/04/2025,31/05/2025,30/06/2025", "2025-04 2025-05 2025-06", "", ""},
		{"month ends month first", "04/30/2025,05/31/2025,06/30/2025", "2025-04 2025-05 2025-06", "", `read month first, as US dates are written, "04/30/2025" as Apr-25`},
		{"orders mixed", "01/04/2025,05/01/2025,01/06/2025", "2025-04 2025-06", "",
			`line 3: month headings written as dates (F "01/04/2025", G "05/01/2025", H "01/06/2025") could be day/month or month/day`},
		{"no month read", "15/04/2025,Foo,Bar", "", "line 3: no month figures read from the scorecard", ""},
		{"months without figures", "Apr-25,May-25,Jun-25", "", "its month columns hold no figures", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			figs := "12%,12.1%,11.9%"
			if tt.name == "months without figures" {
				figs = ",,"
			}
			text := title + "Ref,Indicator,Polarity,Target,England," + tt.heads + "\n" +
				"CIC05,Percentage of children in care with 3+ placements,L,10%,11%," + figs + "\n"
			p := filepath.Join(t.TempDir(), "sc.csv")
			if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
				t.Fatal(err)
			}
			res, err := Read(context.Background(), p, Options{})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range res.Dataset.Observations {
				got = append(got, o.Period.String())
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("periods %v, want %s", got, tt.want)
			}
			found := tt.warn == ""
			for _, w := range res.Warnings {
				if tt.warn != "" && strings.Contains(w.Cell+": "+w.Message, tt.warn) {
					found = true
				}
				if tt.warn == "" && (strings.Contains(w.Message, "not read") || strings.Contains(w.Message, "written as dates")) {
					t.Errorf("warned %s: %s", w.Cell, w.Message)
				}
			}
			if !found {
				t.Errorf("warnings %v, want one with %q", res.Warnings, tt.warn)
			}
		})
	}
}
