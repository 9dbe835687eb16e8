package importer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestFractionsByParts (QA21 H4): under % | Num | Den sub-columns, 0.20
// beside 80 and 400 was stored as 0.20%, though the parts give 20%. A
// figure of a percentage whose parts show it is a fraction of 1 is read
// as a percentage, said at its cell; one the parts agree with as written,
// or that they do not explain either way, is kept. A percentage read so
// is shown to the places its fraction showed, less two.
func TestFractionsByParts(t *testing.T) {
	for _, tt := range []struct {
		name     string
		pct      float64
		num, den float64
		want     string
		warn     string // said at C5, "" for no fraction-by-parts warning
		// decimals are the places the percentage is shown to: a
		// fraction's, less two (QA22 F11: 0.92 was shown as 92.00%).
		decimals int
	}{
		{"a fraction of 1", 0.20, 80, 400, "2025-01=20", "0.2 read as 20%, a fraction of 1: its numerator over its denominator, 80 / 400, is 20%", 0},
		{"to the places shown", 0.333, 1, 3, "2025-01=33.3", "0.333 read as 33.3%", 1},
		{"a true small percentage", 0.2, 1, 500, "2025-01=0.2", "", 1},
		{"written as a percentage", 20, 80, 400, "2025-01=20", "", 0},
		{"parts that explain neither", 0.5, 80, 400, "2025-01=0.5", "", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			sh := "Scorecard"
			f.SetSheetName("Sheet1", sh)
			for r, row := range [][]any{
				{"Scorecard March 2025"}, {},
				{"Ref", "Indicator", "Jan-25", nil, nil},
				{nil, nil, "%", "Num", "Den"},
				{"CIN2", "% re-referrals within 12 months", tt.pct, tt.num, tt.den},
			} {
				f.SetSheetRow(sh, fmt.Sprintf("A%d", r+1), &row)
			}
			if err := f.MergeCell(sh, "C3", "E3"); err != nil {
				t.Fatal(err)
			}
			res := readFile(t, f)
			var got []string
			for _, o := range res.Dataset.Observations {
				if o.Ref == "CIN2" && o.Value != nil {
					got = append(got, fmt.Sprintf("%s=%g", o.Period, *o.Value))
				}
			}
			for _, ind := range res.Dataset.Indicators {
				if ind.Ref == "CIN2" && ind.Decimals != tt.decimals {
					t.Errorf("CIN2 shown to %d places, want %d", ind.Decimals, tt.decimals)
				}
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("CIN2's figures %v, want %s", got, tt.want)
			}
			var said []string
			for _, w := range res.Warnings {
				if w.Cell == "C5" && strings.Contains(w.Message, "a fraction of 1:") {
					said = append(said, w.Message)
				}
			}
			switch {
			case tt.warn == "" && len(said) > 0:
				t.Errorf("warned at C5 %q, want none", said)
			case tt.warn != "" && (len(said) != 1 || !strings.Contains(said[0], tt.warn)):
				t.Errorf("warned at C5 %q, want one with %q (all: %v)", said, tt.warn, res.Warnings)
			}
		})
	}
}
