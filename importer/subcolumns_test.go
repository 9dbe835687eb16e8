package importer

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestSubColumnsUnderPeriodsRefused: months each headed over two
// sub-columns, "No." and "%" (merged across them, or written once at the
// left), were refused at the first month's heading: read as one column a
// month, the count was stored as a percentage indicator's figure. Now the
// row's unit picks one (QA21 M5, TestMonthSubColumnSets); a row whose
// name and Unit column say none, as here, is not read, said at its
// cells, and never stored as a count. On a workbook with another sheet,
// that sheet is read. Sub-columns that are roles of their own ("Target"
// and "Actual" under a month) are not refused.
func TestSubColumnsUnderPeriodsRefused(t *testing.T) {
	d := func(m time.Month) time.Time { return time.Date(2025, m, 1, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name    string
		months  []any
		subs    []any
		merge   bool
		another bool   // a second, plain sheet in the workbook
		refused string // the refusal's start; "" where the sheet is read
		said    string // a warning's start, where the sheet is read
	}{
		{"dates merged over No. and %", []any{d(4), d(5), d(6)}, []any{"No.", "%"}, true, false, "",
			`book.xlsx: Scorecard!F5: CIC05: Apr-25's "No." and "%" columns not read: the indicator's Unit column, name and stored definition do not say`},
		{"text written once over Number and Percent", []any{"Apr-25", "May-25", "Jun-25"}, []any{"Number", "Percent"}, false, false, "",
			`book.xlsx: Scorecard!F5: CIC05: Apr-25's "Number" and "Percent" columns not read`},
		{"beside a sheet that reads", []any{d(4), d(5), d(6)}, []any{"No.", "%"}, true, true, "",
			`book.xlsx: Scorecard!J5: CIC05: Jun-25's "No." and "%" columns not read`},
		{"Target and Actual under each month", []any{"Apr-25", "May-25", "Jun-25"}, []any{"Target", "Actual"}, true, false, "", ""},
		// QA probe 7: refused as "a count and its percentage", the
		// advice to give "the counts rows of their own".
		{"Total and of which UASC under each month", []any{"Apr-25", "May-25", "Jun-25"}, []any{"Total", "of which UASC"}, true, false,
			`book.xlsx: Scorecard!E3: refused: Apr-25 is headed over sub-columns of the children counted (E4 "Total", F4 "of which UASC"): a month written once over its columns is not read with them; give each column a heading naming its month, area and children, such as "Apr-25 Kent" and "Apr-25 Kent of which UASC", which are read`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			sheet := "Scorecard"
			f.SetSheetName("Sheet1", sheet)
			f.SetSheetRow(sheet, "A1", &[]any{"Children's Services Performance Scorecard - June 2025"})
			head := []any{"Ref", "Indicator", "Polarity", "Target"}
			subs := []any{nil, nil, nil, nil}
			for _, m := range tt.months {
				head = append(head, m, nil)
				subs = append(subs, tt.subs...)
			}
			f.SetSheetRow(sheet, "A3", &head)
			f.SetSheetRow(sheet, "A4", &subs)
			f.SetSheetRow(sheet, "A5", &[]any{"CIC05", "Children in care with 3 or more placements", "L", 10, 221, 11.7, 230, 12.1, 240, 12.6})
			if _, ok := tt.months[0].(time.Time); ok {
				st, err := f.NewStyle(&excelize.Style{NumFmt: 17}) // mmm-yy
				if err != nil {
					t.Fatal(err)
				}
				f.SetCellStyle(sheet, "E3", "J3", st)
			}
			if tt.merge {
				for _, r := range []string{"E3:F3", "G3:H3", "I3:J3"} {
					from, to, _ := strings.Cut(r, ":")
					if err := f.MergeCell(sheet, from, to); err != nil {
						t.Fatal(err)
					}
				}
			}
			if tt.another {
				f.NewSheet("Plain")
				f.SetSheetRow("Plain", "A1", &[]any{"Ref", "Indicator", "Polarity", "Apr-25"})
				f.SetSheetRow("Plain", "A2", &[]any{"CIC01", "Number of children in care", "L", 1900})
			}
			path := filepath.Join(t.TempDir(), "book.xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			res, err := Read(context.Background(), path, Options{})
			if tt.refused != "" {
				var se *app.SourceError
				if err == nil || !errors.As(err, &se) || !strings.HasPrefix(err.Error(), tt.refused) {
					t.Fatalf("error %v, want one starting %q", err, tt.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range res.Dataset.Observations {
				if o.Ref == "CIC05" && o.Value != nil && *o.Value > 100 {
					t.Errorf("CIC05 %s stored as %g, a count", o.Period, *o.Value)
				}
			}
			said := tt.said == ""
			for _, w := range res.Warnings {
				said = said || strings.HasPrefix(w.String(), tt.said)
			}
			if !said {
				t.Errorf("no warning %q in %v", tt.said, res.Warnings)
			}
			if tt.another && len(res.Dataset.Observations) != 1 {
				t.Errorf("%d figures read, warnings %v: want Plain's one", len(res.Dataset.Observations), res.Warnings)
			}
		})
	}
}

// TestAreasAloneUnderMonths: a month merged over "Kent | Kent excl UASC"
// above the header row (QA24a D14) was refused as a period's figure
// beside its England or neighbours' benchmark, though no benchmark was
// there. It is refused saying what is there and naming the headings that
// are read; beside a benchmark, the refusal is as before.
func TestAreasAloneUnderMonths(t *testing.T) {
	tests := []struct {
		name, refused string
		subs          []any
		never         string
	}{
		{"the area and its children excluding UASC",
			`book.xlsx: CIC!D1: refused: Feb-25 is headed over area sub-columns (D2 "Kent", E2 "Kent excl UASC"): a month written once over several areas' columns is not read with them, lest one area's figure be stored as another's; give each column a heading naming its month and area, such as "Feb-25 Kent" and "Feb-25 Kent excl UASC", which are read`,
			[]any{"Kent", "Kent excl UASC", "Kent", "Kent excl UASC"}, "England"},
		{"beside England",
			`book.xlsx: CIC!D1: refused: Feb-25 is headed over area sub-columns (D2 "Kent", E2 "Kent excl UASC", F2 "England"): a period's own figure beside its England or statistical neighbours' figure is not read`,
			[]any{"Kent", "Kent excl UASC", "England", "Kent", "Kent excl UASC", "England"}, "such as"},
		// QA probe 7: the refusal said "Feb-25 All" and "Feb-25 UASC"
		// were read, and neither is.
		{"all children and UASC, no area",
			`book.xlsx: CIC!D1: refused: Feb-25 is headed over sub-columns of the children counted (D2 "All", E2 "UASC"): a month written once over its columns is not read with them; give each column a heading naming its month, area and children, such as "Feb-25 Kent" and "Feb-25 Kent UASC", which are read`,
			[]any{"All", "UASC", "All", "UASC"}, "area sub-columns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "CIC")
			per := len(tt.subs) / 2
			caps := []any{nil, nil, nil, "Feb-25"}
			for range per - 1 {
				caps = append(caps, nil)
			}
			caps = append(caps, "Mar-25")
			f.SetSheetRow("CIC", "A1", &caps)
			from, to := "D1", string(rune('D'+per-1))+"1"
			if err := f.MergeCell("CIC", from, to); err != nil {
				t.Fatal(err)
			}
			f.SetSheetRow("CIC", "A2", &[]any{"Ref", "Indicator", "Polarity"})
			f.SetSheetRow("CIC", "D2", &tt.subs)
			f.SetSheetRow("CIC", "A3", &[]any{"MC01", "Number of children in care", "-", 2100, 1400, 2150, 1420, 2200, 1500})
			path := filepath.Join(t.TempDir(), "book.xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			_, err := Read(context.Background(), path, Options{})
			if err == nil || !strings.HasPrefix(err.Error(), tt.refused) {
				t.Fatalf("error %v\nwant one starting %q", err, tt.refused)
			}
			if strings.Contains(err.Error(), tt.never) {
				t.Errorf("error %v says %q", err, tt.never)
			}
		})
	}
}

// TestAreasOverMonths: areas named in a row above the month headings,
// one over each month column or merged over runs of them, were read as
// the sheet's area, the first district named there: every figure, the
// county's included, was stored as Ashford's, the others called
// conflicts with them, and where the areas' months differed nothing was
// said; cohorts and benchmarks over later runs of months were stored as
// the first run's children's or area's. Each column under areas is now
// read as the area over it, said at its heading; the later runs under a
// cohort or benchmark are refused at their headings; headings over the
// later months alone, or areas beside other headings, are refused at
// the first; an area over all the months, or in a title, is still the
// sheet's.
func TestAreasOverMonths(t *testing.T) {
	type merge struct{ from, to string }
	tests := []struct {
		name     string
		areas    []any // row 1, from column C
		merges   []merge
		months   []any // row 2, from column C
		refused  string
		want     []app.Area // each month column's figure's area, where the sheet is read
		said     string     // a warning's start, where the sheet is read
		refAbove bool       // "Ref" and "Indicator" in the areas' row, over a row of months alone
	}{
		{"an area over each month column", []any{"Kent", "Ashford", "Dover", "Thanet"}, nil,
			[]any{"Sep-24", "Sep-24", "Sep-24", "Sep-24"}, "",
			[]app.Area{"Kent", "Ashford", "Dover", "Thanet"},
			`book.xlsx: Districts!D2: column D "Ashford / Sep-24": read as Ashford's figures for Sep-24, counting all children`, false},
		{"areas merged over runs of the same months", []any{"Kent", nil, nil, "Ashford"}, []merge{{"C1", "E1"}, {"F1", "H1"}},
			[]any{"Aug-24", "Sep-24", "Oct-24", "Aug-24", "Sep-24", "Oct-24"}, "",
			[]app.Area{"Kent", "Kent", "Kent", "Ashford", "Ashford", "Ashford"},
			`book.xlsx: Districts!H2: column H "Ashford / Oct-24": read as Ashford's figures for Oct-24`, false},
		{"areas over different months", []any{"Kent", nil, nil, "Ashford"}, []merge{{"C1", "E1"}, {"F1", "H1"}},
			[]any{"Aug-24", "Sep-24", "Oct-24", "Nov-24", "Dec-24", "Jan-25"}, "",
			[]app.Area{"Kent", "Kent", "Kent", "Ashford", "Ashford", "Ashford"},
			`book.xlsx: Districts!F2: column F "Ashford / Nov-24": read as Ashford's figures for Nov-24`, false},
		{"the area and its children excluding UASC", []any{"Kent", "Kent excl UASC"}, nil,
			[]any{"Sep-24", "Sep-24"}, "",
			[]app.Area{"Kent", "Kent"},
			`book.xlsx: Districts!D2: column D "Kent excl UASC / Sep-24": read as Kent's figures for Sep-24, counting all children excluding UASC`, false},
		{"areas in the header row over a second row of months", []any{"Kent", nil, nil, "Ashford"}, []merge{{"C1", "E1"}, {"F1", "H1"}},
			[]any{"Aug-24", "Sep-24", "Oct-24", "Aug-24", "Sep-24", "Oct-24"}, "",
			[]app.Area{"Kent", "Kent", "Kent", "Ashford", "Ashford", "Ashford"},
			`book.xlsx: Districts!F1: column F "Ashford / Aug-24": read as Ashford's figures for Aug-24`, true},
		{"a district over the later months alone", []any{nil, nil, nil, "Ashford"}, []merge{{"F1", "H1"}},
			[]any{"Aug-24", "Sep-24", "Oct-24", "Nov-24", "Dec-24", "Jan-25"},
			`book.xlsx: Districts!F1: refused: F1 "Ashford" is named over the month columns from F on, and nothing over those before: headings written over months' columns are not read with them, lest one area's or cohort's figure be stored as another's; give each column a heading naming its month and what it counts, such as "Nov-24 Ashford", which is read`, nil, "", false},
		{"England over the later months alone", []any{nil, nil, nil, "England"}, []merge{{"F1", "H1"}},
			[]any{"Aug-24", "Sep-24", "Oct-24", "Nov-24", "Dec-24", "Jan-25"},
			`book.xlsx: Districts!F1: refused: F1 "England" is named over the month columns from F on`, nil, "", false},
		{"children excluding UASC after all children's", []any{"All children", nil, nil, "Excluding UASC"}, []merge{{"C1", "E1"}, {"F1", "H1"}},
			[]any{"Aug-24", "Sep-24", "Oct-24", "Nov-24", "Dec-24", "Jan-25"}, "",
			[]app.Area{"Kent", "Kent", "Kent", "Kent", "Kent", "Kent"},
			`book.xlsx: Districts!F1: columns F to H under "Excluding UASC": read as each row's figures for Nov-24 to Jan-25, counting all children excluding UASC, beside those under C1 "All children", counting all children`, false},
		{"the same children over two runs", []any{"All children", nil, nil, "All children"}, []merge{{"C1", "E1"}, {"F1", "H1"}},
			[]any{"Aug-24", "Sep-24", "Oct-24", "Nov-24", "Dec-24", "Jan-25"}, "",
			[]app.Area{"Kent", "Kent", "Kent"},
			`book.xlsx: Districts!F2: column F "Nov-24" not read: it stands under F1 "All children", and the sheet's own months under C1 "All children"`, false},
		{"England after the area", []any{"Kent", nil, nil, "England", nil, nil, "Stat neighbours"}, []merge{{"C1", "E1"}, {"F1", "H1"}, {"I1", "K1"}},
			[]any{"Aug-24", "Sep-24", "Oct-24", "Aug-24", "Sep-24", "Oct-24", "Aug-24", "Sep-24", "Oct-24"}, "",
			[]app.Area{"Kent", "Kent", "Kent"},
			`book.xlsx: Districts!K2: column K "Oct-24" not read: it stands under I1 "Stat neighbours", and the sheet's own months under C1 "Kent"`, false},
		{"areas beside another heading", []any{"Kent", "Ashford", "All England"}, nil,
			[]any{"Sep-24", "Sep-24", "Sep-24"},
			`book.xlsx: Districts!C1: refused: C1 "Kent", D1 "Ashford", E1 "All England" are named over the month columns beside other headings`, nil, "", false},
		{"a district over all the months", []any{"Ashford"}, []merge{{"C1", "H1"}},
			[]any{"Aug-24", "Sep-24", "Oct-24", "Nov-24", "Dec-24", "Jan-25"}, "",
			[]app.Area{"Ashford", "Ashford", "Ashford", "Ashford", "Ashford", "Ashford"}, "", false},
		{"a district after a label", []any{"Area:", "Ashford"}, nil,
			[]any{"Aug-24", "Sep-24", "Oct-24"}, "",
			[]app.Area{"Ashford", "Ashford", "Ashford"}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "Districts")
			f.SetSheetRow("Districts", "C1", &tt.areas)
			for _, m := range tt.merges {
				if err := f.MergeCell("Districts", m.from, m.to); err != nil {
					t.Fatal(err)
				}
			}
			if tt.refAbove {
				f.SetSheetRow("Districts", "A1", &[]any{"Ref", "Indicator"})
			} else {
				f.SetSheetRow("Districts", "A2", &[]any{"Ref", "Indicator"})
			}
			f.SetSheetRow("Districts", "C2", &tt.months)
			figures := []any{"CIC09", "Number of children in care"}
			for i := range tt.months {
				figures = append(figures, 1000+i)
			}
			f.SetSheetRow("Districts", "A3", &figures)
			path := filepath.Join(t.TempDir(), "book.xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			res, ok := readOrRefused(t, path, Options{}, tt.refused)
			if !ok {
				return
			}
			if len(res.Dataset.Observations) != len(tt.want) {
				t.Errorf("%d figures read, want %d; warnings %v", len(res.Dataset.Observations), len(tt.want), res.Warnings)
			}
			for _, o := range res.Dataset.Observations {
				i := int(*o.Value) - 1000
				if i < 0 || i >= len(tt.want) || o.Area != tt.want[i] {
					t.Errorf("%s %s %g stored as %s's, want column %d's area of %v", o.Ref, o.Period, *o.Value, o.Area, i, tt.want)
				}
			}
			said := tt.said == ""
			for _, w := range res.Warnings {
				said = said || strings.HasPrefix(w.String(), tt.said)
			}
			if !said {
				t.Errorf("no warning %q in %v", tt.said, res.Warnings)
			}
		})
	}
}
