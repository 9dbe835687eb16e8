package importer

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestDistrictTitleQuarterInWords: a district sheet titled "District
// scorecard Quarter 1 2025/26" filed Kent's and every district's figures
// as the whole financial year 2025/26, with nothing said, and "Q1
// FY25/26" or a sheet named "Districts Qtr1 25-26" refused the file as
// having no period (QA24a D13). A quarter in words in a title or sheet
// name is read as the heading's reader reads it, said at the title (or of
// the sheet's name); a quarter no reader takes as one refuses the sheet
// there, never leaving the year within it.
func TestDistrictTitleQuarterInWords(t *testing.T) {
	districts := []string{"Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham", "Maidstone",
		"Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"}
	tests := []struct {
		name, sheet, title string
		want               string   // the period of every figure, "" where refused
		warned             []string // at A1, all in one warning; nil for none there
		refused            []string // the error's parts
	}{
		{"quarter in words", "Districts", "District scorecard Quarter 1 2025/26", "2025-Q2",
			[]string{`district figures dated Apr-Jun 2025 by the title "District scorecard Quarter 1 2025/26" at A1`, "quarter 1 of the financial year 2025/26, quarters numbered from April"}, nil},
		{"Q and FY", "Districts", "District scorecard Q1 FY25/26", "2025-Q2",
			[]string{`"Q1 FY25/26" read as Apr-Jun 2025`, "FY marking the financial year"}, nil},
		{"sheet's name, glued", "Districts Qtr1 25-26", "", "2025-Q2",
			[]string{`district figures dated Apr-Jun 2025 by the sheet's name "Districts Qtr1 25-26"`, "quarter 1 of the financial year 2025/26"}, nil},
		{"sheet's name in words", "Districts Quarter 1 2025-26", "", "2025-Q2",
			[]string{"by the sheet's name", "quarters numbered from April"}, nil},
		{"calendar quarter said", "Districts", "District scorecard Q1 2025", "2025-Q1",
			[]string{`"Q1 2025" read as Jan-Mar 2025, the calendar year's quarter 1`}, nil},
		{"financial year in words", "Districts", "District scorecard FY 2024/25", "2024/25",
			[]string{`"FY 2024/25" read as the financial year 2024/25, April 2024 to March 2025`}, nil},
		{"quarter as the columns write it", "Districts", "District scorecard Q1 2025/26", "2025-Q2", nil, nil},
		{"year alone", "Districts", "District scorecard 2024/25", "2024/25", nil, nil},
		{"quarter of a plain year", "Districts", "District scorecard Quarter 4 2024", "", nil,
			[]string{"Districts!A1", `"Quarter 4 2024": quarter 4 of 2024 could be the calendar year's (Oct-Dec 2024) or the financial year's`}},
		{"quarter apart from its year", "Districts", "District scorecard Q3 report 2024/25", "", nil,
			[]string{"Districts!A1", `names the quarter "Q3" but not which year's`, `"Quarter 1 2025/26"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", tt.sheet)
			var rows [][]any
			if tt.title != "" {
				rows = append(rows, []any{tt.title})
			}
			head := []any{"Ref", "Indicator", "Polarity", "Kent"}
			fig := []any{"DT01", "Children in care per 10,000 children", "L", 50.0}
			for i, d := range districts {
				head, fig = append(head, d), append(fig, 44.0+float64(i))
			}
			rows = append(rows, head, fig)
			for i, row := range rows {
				f.SetSheetRow(tt.sheet, fmt.Sprintf("A%d", i+1), &row)
			}
			path := filepath.Join(t.TempDir(), "districts.xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			res, err := Read(context.Background(), path, Options{})
			if tt.refused != nil {
				if err == nil {
					t.Fatalf("read, want refused with %q", tt.refused)
				}
				for _, p := range tt.refused {
					if !strings.Contains(err.Error(), p) {
						t.Errorf("refused with %q, want %q in it", err, p)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var periods []string
			for _, o := range res.Dataset.Observations {
				if o.Ref == "DT01" && o.Value != nil && !slices.Contains(periods, o.Period.String()) {
					periods = append(periods, o.Period.String())
				}
			}
			if n := len(res.Dataset.Observations); n != 13 || fmt.Sprint(periods) != "["+tt.want+"]" {
				t.Errorf("%d figures for %v, want 13 for [%s]", n, periods, tt.want)
			}
			var said []string
			for _, w := range warnedAt(res, tt.sheet, "A1") {
				if strings.Contains(w, "district figures dated") {
					said = append(said, w)
				}
			}
			switch {
			case tt.warned == nil && len(said) > 0:
				t.Errorf("warned at A1 %q, want nothing of the title's period", said)
			case tt.warned != nil && len(said) != 1:
				t.Errorf("warned at A1 %q, want one warning with %q", said, tt.warned)
			case tt.warned != nil:
				for _, p := range tt.warned {
					if !strings.Contains(said[0], p) {
						t.Errorf("warned at A1 %q, want %q in it", said[0], p)
					}
				}
			}
		})
	}
}

// TestRelativeQuartersByTitleInWords: "Last quarter" and "This quarter"
// under the title "Performance report Quarter 1 2025/26" were left
// unread, said to be dated by "2025/26, which dates no quarter" (QA24a
// D13): the title's quarter in words dates them, as "Q1 2025/26" did.
func TestRelativeQuartersByTitleInWords(t *testing.T) {
	for _, title := range []string{"Performance report Quarter 1 2025/26", "Performance report Qtr 1 FY25/26", "Performance report Q1 2025/26"} {
		t.Run(title, func(t *testing.T) {
			sheet := guessSheet{"Scorecard", [][]any{{title}}, []any{"Ref", "Indicator", "Polarity", "Last quarter", "This quarter"}, [][]any{
				{"CQ01", "Re-referrals within 12 months (%)", "L", 21.0, 22.0},
			}}
			gives := fmt.Sprintf("the report's quarter as the title %q at A1 gives it", title)
			sheet.check(t, map[string]string{"CQ01": "[2025-Q1=21 2025-Q2=22]"}, map[string][]string{
				"D2": {`column D "Last quarter" read as Jan-Mar 2025, the quarter before Apr-Jun 2025`, gives},
				"E2": {`column E "This quarter" read as Apr-Jun 2025`, gives},
			}, nil)
		})
	}
}
