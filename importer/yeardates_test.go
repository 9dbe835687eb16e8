package importer

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestYearOnlyDateHeadings: year columns headed by dates (1 January 2022,
// 2023, 2024) formatted to show only the year were read as Januaries a
// year apart, with no warning. The sheet shows 2022, 2023, 2024, so they
// are read as typed plain years are, said at the first year's heading;
// a date format showing the month (mmm-yy) still heads a month.
func TestYearOnlyDateHeadings(t *testing.T) {
	tests := []struct {
		name     string
		format   string // custom number format of the heading cells
		date1904 bool
		above    []any
		want     []string
		warned   []string // at D2 (D3 below a title row)
	}{
		{"yyyy", "yyyy", false, nil,
			[]string{"2021/22=1", "2022/23=2", "2023/24=3"},
			[]string{"columns D to F headed by plain years (2022 to 2024) read as financial years", "(2021/22 to 2023/24)"}},
		{"yy", "yy", false, nil,
			[]string{"2021/22=1", "2022/23=2", "2023/24=3"},
			[]string{"headed by plain years (2022 to 2024)"}},
		{"with a locale", "[$-809]yyyy", false, nil,
			[]string{"2021/22=1", "2022/23=2", "2023/24=3"},
			[]string{"headed by plain years"}},
		{"1904 workbook", "yyyy", true, nil,
			[]string{"2021/22=1", "2022/23=2", "2023/24=3"},
			[]string{"headed by plain years (2022 to 2024)"}},
		{"calendar years in the title", "yyyy", false, []any{"Outturns by calendar year"},
			[]string{"2022=1", "2023=2", "2024=3"},
			[]string{"read as calendar years"}},
		{"a month format stays months", "mmm-yy", false, nil,
			[]string{"2022-01=1", "2023-01=2", "2024-01=3"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &tt.date1904}); err != nil {
				t.Fatal(err)
			}
			const sheet = "Scorecard"
			f.SetSheetName("Sheet1", sheet)
			r := 1
			if tt.above != nil {
				f.SetSheetRow(sheet, "A1", &tt.above)
				r++
			}
			head := []any{"Ref", "Indicator", "Polarity"}
			for y := 2022; y <= 2024; y++ {
				head = append(head, time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC))
			}
			f.SetSheetRow(sheet, fmt.Sprintf("A%d", r), &head)
			f.SetSheetRow(sheet, fmt.Sprintf("A%d", r+1), &[]any{"YR01", "Children looked after at 31 March", "-", 1, 2, 3})
			style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &tt.format})
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellStyle(sheet, fmt.Sprintf("D%d", r), fmt.Sprintf("F%d", r), style); err != nil {
				t.Fatal(err)
			}
			res := readFile(t, f)
			var got []string
			for _, o := range res.Dataset.Observations {
				if o.Ref == "YR01" && o.Value != nil {
					got = append(got, fmt.Sprintf("%s=%g", o.Period, *o.Value))
				}
			}
			slices.Sort(got)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("YR01's figures %v, want %v", got, tt.want)
			}
			if tt.warned != nil {
				checkWarned(t, res, sheet, map[string][]string{fmt.Sprintf("D%d", r): tt.warned})
			}
		})
	}
}

// TestYearOnlyFormat: which custom number formats show a date as its
// year alone.
func TestYearOnlyFormat(t *testing.T) {
	for code, want := range map[string]bool{
		"yyyy": true, "YYYY": true, "yy": true, "[$-809]yyyy": true, "[Red]yyyy;@": true,
		"mmm-yy": false, "dd/mm/yyyy": false, `"FY"yyyy`: false, "0": false, "": false, "yyyy hh:mm": false,
	} {
		if got := yearOnlyFormat(code); got != want {
			t.Errorf("yearOnlyFormat(%q) = %v, want %v", code, got, want)
		}
	}
}

// TestYearKindInTheHeaderRow: a caption in the header row naming the
// kind of year ("(calendar year)", "Academic years") was not read, only the
// title rows and the sheet's name, so calendar years were filed as
// financial ones. Words in the header that name no kind of year
// ("Academic attainment") leave the guess as it was.
func TestYearKindInTheHeaderRow(t *testing.T) {
	tests := []struct {
		name   string
		head   []any
		want   []string
		warned []string
	}{
		{"calendar years beside the years", []any{"Ref", "Indicator", "Polarity", 2022, 2023, "(calendar year)"},
			[]string{"2022=1", "2023=2"}, []string{"read as calendar years", `the heading F1 "(calendar year)" says calendar years`}},
		{"a caption beside the years", []any{"Ref", "Indicator", "Polarity", 2022, 2023, "Academic years"},
			[]string{"2021/22AY=1", "2022/23AY=2"}, []string{"read as academic years", `the heading F1 "Academic years"`}},
		{"no kind of year named", []any{"Ref", "Indicator", "Polarity", 2022, 2023, "Academic attainment"},
			[]string{"2021/22=1", "2022/23=2"}, []string{"read as financial years", "nothing on the sheet says"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, res := guessSheet{"Annual", nil, tt.head, [][]any{{"YR01", "Children looked after", "-", 1, 2}}}.read(t, "YR01")
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("YR01's figures %v, want %v", got, tt.want)
			}
			checkWarned(t, res, "Annual", map[string][]string{"D1": tt.warned})
		})
	}
}
