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

// TestBareMonthsUnderYears: a second header row of bare month names
// ("Jan", "Apr") beneath the years they are in, each year merged across
// its months or written once and centred across them, had its months
// read as no headings and, merged, the first month's figure stored as the
// year's. Each month is read in the year above it (a financial year's
// January in its second calendar year), said at the year's cell.
func TestBareMonthsUnderYears(t *testing.T) {
	tests := []struct {
		name   string
		years  []any // at F3 and I3
		merged bool
		months []any // F4 to K4
		want   []string
		warn   string // at F3
		above  bool   // the years in row 2, above the header's months in row 3
	}{
		{"financial years merged", []any{"2024/25", "2025/26"}, true, []any{"Jan", "Feb", "Mar", "Apr", "May", "Jun"},
			[]string{"Jan-25 51", "Feb-25 52", "Mar-25 53", "Apr-25 44", "May-25 43", "Jun-25 42"}, `F "Jan" as Jan-25, G "Feb" as Feb-25, H "Mar" as Mar-25`, false},
		{"financial years centred across", []any{"2024/25", "2025/26"}, false, []any{"Jan", "Feb", "Mar", "Apr", "May", "Jun"},
			[]string{"Jan-25 51", "Feb-25 52", "Mar-25 53", "Apr-25 44", "May-25 43", "Jun-25 42"}, "written at their left", false},
		{"calendar years, months in full", []any{2025, 2026}, true, []any{"October", "November", "December", "January", "February", "March"},
			[]string{"Oct-25 51", "Nov-25 52", "Dec-25 53", "Jan-26 44", "Feb-26 43", "Mar-26 42"}, `F "October" as Oct-25`, false},
		{"quarters of financial years", []any{"Q4 2024/25", "Q1 2025/26"}, true, []any{"Jan", "Feb", "Mar", "Apr", "May", "Jun"},
			[]string{"Jan-25 51", "Feb-25 52", "Mar-25 53", "Apr-25 44", "May-25 43", "Jun-25 42"}, `F "Jan" as Jan-25`, false},
		// A school year's marker before the year, or in words after it,
		// makes it run September to August, as "2024/25 AY" does: read
		// as financial years, June to August fell in 2024.
		{"academic years marked before", []any{"AY 2024/25", "AY 2025/26"}, true, []any{"Jun", "Jul", "Aug", "Sep", "Oct", "Nov"},
			[]string{"Jun-25 51", "Jul-25 52", "Aug-25 53", "Sep-25 44", "Oct-25 43", "Nov-25 42"}, `F "Jun" as Jun-25`, false},
		{"academic years in words", []any{"2024/25 (academic year)", "Academic year 2025-26"}, true, []any{"Jun", "Jul", "Aug", "Sep", "Oct", "Nov"},
			[]string{"Jun-25 51", "Jul-25 52", "Aug-25 53", "Sep-25 44", "Oct-25 43", "Nov-25 42"}, `F "Jun" as Jun-25`, false},
		// Committee scorecards put the latest month by the name: each
		// month under its year, whichever way they run.
		{"calendar years newest first", []any{2025, 2024}, true, []any{"Mar", "Feb", "Jan", "Dec", "Nov", "Oct"},
			[]string{"Mar-25 51", "Feb-25 52", "Jan-25 53", "Dec-24 44", "Nov-24 43", "Oct-24 42"}, `F "Mar" as Mar-25, G "Feb" as Feb-25, H "Jan" as Jan-25`, false},
		{"financial years newest first", []any{"2025/26", "2024/25"}, true, []any{"Jun", "May", "Apr", "Mar", "Feb", "Jan"},
			[]string{"Jun-25 51", "May-25 52", "Apr-25 53", "Mar-25 44", "Feb-25 43", "Jan-25 42"}, `F "Jun" as Jun-25, G "May" as May-25, H "Apr" as Apr-25`, false},
		{"years above the header", []any{"2024/25", "2025/26"}, true, []any{"Jan", "Feb", "Mar", "Apr", "May", "Jun"},
			[]string{"Jan-25 51", "Feb-25 52", "Mar-25 53", "Apr-25 44", "May-25 43", "Jun-25 42"}, `F "Jan" as Jan-25`, true},
		{"years centred above the header", []any{"2024/25", "2025/26"}, false, []any{"Jan", "Feb", "Mar", "Apr", "May", "Jun"},
			[]string{"Jan-25 51", "Feb-25 52", "Mar-25 53", "Apr-25 44", "May-25 43", "Jun-25 42"}, "written at their left", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "Scorecard")
			f.SetSheetRow("Scorecard", "A1", &[]any{"Children's Services Scorecard"})
			f.SetSheetRow("Scorecard", "A3", &[]any{"Ref", "Indicator", "Polarity", "Target", "Floor"})
			yr, mo, data, at := 3, 4, 5, "F3"
			if tt.above {
				yr, mo, data, at = 2, 3, 4, "F2"
			}
			f.SetSheetRow("Scorecard", fmt.Sprint("F", yr), &[]any{tt.years[0], nil, nil, tt.years[1]})
			if tt.merged {
				f.MergeCell("Scorecard", fmt.Sprint("F", yr), fmt.Sprint("H", yr))
				f.MergeCell("Scorecard", fmt.Sprint("I", yr), fmt.Sprint("K", yr))
			} else {
				st, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "centerContinuous"}})
				if err != nil {
					t.Fatal(err)
				}
				f.SetCellStyle("Scorecard", fmt.Sprint("F", yr), fmt.Sprint("K", yr), st)
			}
			f.SetSheetRow("Scorecard", fmt.Sprint("F", mo), &tt.months)
			f.SetSheetRow("Scorecard", fmt.Sprint("A", data), &[]any{"H01", "Children in care (%)", "H", 50, 45, 51, 52, 53, 44, 43, 42})
			res := readFile(t, f)
			var got []string
			for _, o := range res.Dataset.Observations {
				got = append(got, fmt.Sprintf("%s %v", o.Period.Label(), *o.Value))
			}
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("figures %v, want %v", got, tt.want)
			}
			if w := warnedAt(res, "Scorecard", at); len(w) != 1 || !strings.Contains(w[0], tt.warn) {
				t.Errorf("warnings at %s %q, want one saying %q", at, w, tt.warn)
			}
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "across two years: read as the year's") {
					continue // the plain Target and Floor beside Jan-25 to Jun-25 (TestTargetHeadingYears)
				}
				if w.Cell != at && w.Cell != fmt.Sprint("I", yr) {
					t.Errorf("warned %s", w)
				}
			}
		})
	}
}

// TestMonthsUnderCaptionOutOfTurn: months under one year caption were
// dated by it whatever their order, so a calendar year "2024" over a
// financial year's April to March dated January to March 2024, before
// the April at their left, and fifteen rolling months under "2024/25"
// dated the second April to June as 2024's: either revised stored
// figures with no warning. Months that do not run forward in time, each
// once, within their caption are left unread, said at the caption; a
// caption beside them whose months do still dates them.
func TestMonthsUnderCaptionOutOfTurn(t *testing.T) {
	fy := []any{"Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"}
	tests := []struct {
		name     string
		captions map[string]any // by cell in row 3
		months   []any          // from D4
		want     []string       // figures read
		at, warn string
	}{
		{"calendar year over a financial year", map[string]any{"D3": "2024"}, fy,
			nil, "D3", `months under "2024" run Apr to Mar, past the year's end: not dated; head them with the financial year 2024/25`},
		{"rolling fifteen months under one year", map[string]any{"D3": "2024/25"}, append(slices.Clone(fy), "Apr", "May", "Jun"),
			nil, "D3", `months under "2024/25" name Apr twice: not dated`},
		{"a month outside its quarter", map[string]any{"D3": "Q1 2025/26"}, []any{"Apr", "May", "Jun", "Jul"},
			nil, "D3", `months under "Q1 2025/26" include Jul, not in Apr-Jun 2025: not dated`},
		{"one caption good, the next backwards", map[string]any{"D3": "2024/25", "G3": "2025"}, []any{"Jan", "Feb", "Mar", "Dec", "Jan"},
			[]string{"Jan-25 1", "Feb-25 2", "Mar-25 3"}, "G3", `months under "2025" run Dec to Jan, past the year's end: not dated`},
		// Newest first within each year but the years oldest first: the
		// row does not run back in time, and Jan under "2025" after
		// Mar under "2024" is no month of a newest-first row.
		{"months newest first under years oldest first", map[string]any{"D3": "2024", "G3": "2025"}, []any{"Mar", "Feb", "Jan", "Dec", "Nov"},
			nil, "D3", `months under "2024" run Mar to Jan, past the year's end: not dated`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "Scorecard")
			f.SetSheetRow("Scorecard", "A1", &[]any{"Children's Services Scorecard"})
			f.SetSheetRow("Scorecard", "A3", &[]any{"Ref", "Indicator", "Polarity"})
			for cell, v := range tt.captions {
				f.SetCellValue("Scorecard", cell, v)
			}
			f.SetSheetRow("Scorecard", "D4", &tt.months)
			row := []any{"H01", "Referrals", "L"}
			for i := range tt.months {
				row = append(row, i+1)
			}
			f.SetSheetRow("Scorecard", "A5", &row)
			path := filepath.Join(t.TempDir(), "book.xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			res, err := Read(context.Background(), path, Options{})
			if tt.want == nil {
				// Nothing else on the sheet to read: an error is right,
				// and so is a read of nothing; a figure is not.
				if err != nil {
					if !strings.Contains(err.Error(), "nothing to import") {
						t.Fatal(err)
					}
					return
				}
			} else if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range res.Dataset.Observations {
				got = append(got, fmt.Sprintf("%s %v", o.Period.Label(), *o.Value))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("figures %v, want %v", got, tt.want)
			}
			if w := warnedAt(res, "Scorecard", tt.at); len(w) != 1 || !strings.Contains(w[0], tt.warn) {
				t.Errorf("warnings at %s %q, want one saying %q", tt.at, w, tt.warn)
			}
		})
	}
}
