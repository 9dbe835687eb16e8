package main

import (
	"encoding/json"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Next month's workbook whose history cells were rounded to what they show
// (0.954 for 62 of 65) restates the figures held, not revises them: the
// store keeps each figure's full precision and its numerator and
// denominator, says once at the first cell that it read them so, and a
// figure withheld for its small numbers stays withheld (QA27a 1: 387
// "revisions" reading "revised from 77.3% to 77.3%", numerators dropped,
// and SG05 Jan-26, 62 of 65, published as 95.4). A figure that differs at
// the places given is still a revision.
func TestRoundedHistoryRestates(t *testing.T) {
	months := []string{"Oct-25", "Nov-25", "Dec-25", "Jan-26", "Feb-26"}
	// SG05's conferences in time, of those held, by month.
	num := []float64{88, 91, 84, 62, 61}
	den := []float64{97, 95, 90, 65, 66}
	full := func(m int) float64 { return num[m] / den[m] * 100 }
	rounded := func(m int) float64 { return math.Round(full(m)*10) / 10 }
	// card is the scorecard of the four months to months[upto], the
	// latest with its numerator and denominator; value gives the earlier
	// months' figures.
	card := func(upto int, value func(m int) float64) [][]any {
		head := append([]any{"Ref", "Indicator", "Polarity", "Data period", "Unit", "Target", "Floor"}, anys(months[upto-3:upto+1])...)
		head = append(head, "Numerator", "Denominator")
		row := []any{"SG05", "Child protection conferences held within 15 working days (%)", "H", "M", "%", 90, 85}
		for m := upto - 3; m < upto; m++ {
			row = append(row, value(m))
		}
		row = append(row, full(upto), num[upto], den[upto])
		return [][]any{{"Leeds children's services scorecard"}, head, row}
	}
	for _, tc := range []struct {
		name  string
		next  func(m int) float64 // February's file's history
		said  string              // the summary's count of revisions
		warn  string              // the warning of rounded figures, "" for none
		jan26 string              // SG05 Jan-26 held after: value numerator denominator
		// janOut is SG05 Jan-26's Value and Status in the export's Data
		// sheet.
		janOut string
	}{{
		name:   "history rounded to the place shown",
		next:   rounded,
		said:   "(0 revised)",
		warn:   "warning: m02.xlsx: Scorecard!H3: 3 figures given to fewer decimal places than the store holds them, and the same to those places, the first SG05 Leeds Nov-25: 95.8 here, 95.7895 held: read as restating the figures held, which stand, with any numerators and denominators held, not as revisions",
		jan26:  "95.3846153846 62 65",
		janOut: "|c",
	}, {
		name:   "history in full",
		next:   full,
		said:   "(0 revised)",
		jan26:  "95.3846153846 62 65",
		janOut: "|c",
	}, {
		name: "history rounded, January revised at the place shown",
		next: func(m int) float64 {
			if m == 3 {
				return 96.9
			}
			return rounded(m)
		},
		said:   "(1 revised)",
		warn:   "warning: m02.xlsx: Scorecard!H3: 2 figures given to fewer decimal places than the store holds them, and the same to those places, the first SG05 Leeds Nov-25: 95.8 here, 95.7895 held: read as restating the figures held, which stand, with any numerators and denominators held, not as revisions",
		jan26:  "96.9 - -",
		janOut: "96.9|",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "x.db")
			mustRun(t, db, "authority", "Leeds")
			mustRun(t, db, "import", writeScorecard(t, dir, "m01.xlsx", card(3, full)))
			out := mustRun(t, db, "import", writeScorecard(t, dir, "m02.xlsx", card(4, tc.next)))
			if !strings.Contains(out, tc.said) {
				t.Errorf("the import says:\n%s\nwant %s", out, tc.said)
			}
			var warns []string
			for _, line := range strings.Split(out, "\n") {
				if line = strings.TrimSpace(line); strings.Contains(line, "fewer decimal places") {
					warns = append(warns, line)
				}
			}
			if want := []string{tc.warn}; tc.warn == "" && len(warns) > 0 || tc.warn != "" && strings.Join(warns, "\n") != tc.warn {
				t.Errorf("the import warns:\n%s\nwant:\n%s", strings.Join(warns, "\n"), strings.Join(want, "\n"))
			}
			var show struct {
				Points []struct {
					Period                        string
					Value, Numerator, Denominator *float64
				}
			}
			if err := json.Unmarshal([]byte(mustRun(t, db, "show", "SG05", "--json")), &show); err != nil {
				t.Fatal(err)
			}
			for _, p := range show.Points {
				if p.Period == "2026-01" {
					if got := fmt.Sprintf("%s %s %s", num10(p.Value), num10(p.Numerator), num10(p.Denominator)); got != tc.jan26 {
						t.Errorf("SG05 Jan-26 holds %s, want %s", got, tc.jan26)
					}
				}
			}
			xlsx := filepath.Join(dir, "out.xlsx")
			mustRun(t, db, "export", "--out", xlsx)
			f, err := excelize.OpenFile(xlsx)
			if err != nil {
				t.Fatal(err)
			}
			rows, _ := f.GetRows("Data")
			f.Close()
			var head []string
			got := "no row"
			for _, r := range rows {
				if head == nil {
					// Under the sheet's line on printing.
					if len(r) > 0 && r[0] == "Ref" {
						head = r
					}
					continue
				}
				if len(r) > 2 && r[0] == "SG05" && r[1] == "2026-01" && r[2] == "Leeds" {
					cell := func(name string) string {
						for i, h := range head {
							if h == name && i < len(r) {
								return r[i]
							}
						}
						return ""
					}
					got = cell("Value") + "|" + cell("Status")
				}
			}
			if got != tc.janOut {
				t.Errorf("the export's Data sheet gives SG05 Jan-26 %q (Value|Status), want %q", got, tc.janOut)
			}
		})
	}
}

// num10 writes a figure to ten places at most, "-" for none.
func num10(v *float64) string {
	if v == nil {
		return "-"
	}
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.10f", *v), "0"), ".")
}
