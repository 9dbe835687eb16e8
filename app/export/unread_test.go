package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/importer"
)

// producerWorkbook writes a producer's monthly scorecard to path: a title,
// a header row, and rows of figures whose cells are numbers, "=..."
// formulas, or text.
func producerWorkbook(t *testing.T, path string, head []string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Scorecard"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr(sheet, "A1", "Kent Children's Services Scorecard - June 2025"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetRow(sheet, "A3", &head); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		for j, v := range r {
			at := cell(j+1, i+4)
			var err error
			if s, ok := v.(string); ok && strings.HasPrefix(s, "=") {
				err = f.SetCellFormula(sheet, at, s[1:])
			} else if v != nil {
				err = f.SetCellValue(sheet, at, v)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// TestOriginalUnreadColumns exports into producers' workbooks with
// columns the import did not read beside the months (a year to date, a
// total, a formula over the months, a rank): where the export withholds
// or restates a month, such a cell must not keep the original's figure,
// which gives the withheld month away by subtraction (YTD less the
// months shown) or is all children's under a title excluding a cohort.
// A sum of the months is restated, or withheld with them; a formula over
// them withheld, or kept without its saved result; anything else
// blanked where a cohort is excluded, and standing where only small
// numbers were withheld; each with a note and a warning naming its cell. A row whose
// figures are unchanged keeps its cells.
func TestOriginalUnreadColumns(t *testing.T) {
	head := []string{"Ref", "Indicator", "Polarity", "Apr-25", "May-25", "Jun-25", "YTD 2025/26", "Year to date (formula)", "Rank"}
	uasc := []app.Cohort{app.UASC}
	tests := []struct {
		name string
		head []string // head when nil
		rows [][]any
		opt  Options
		// want are cells and what they must hold: a number, "c", "" for
		// blank, or "=F" for formula F with no saved result.
		want map[string]string
		// warned are the cells the export's warnings must name.
		warned []string
	}{
		{
			name: "withheld month beside its year to date",
			rows: [][]any{
				{"QZ03", "Number of children placed in secure welfare accommodation", "L", 10, 12, 3, 25, "=SUM(D4:F4)", 4},
				{"QZ04", "Number of private fostering notifications", "-", 2, 9, 8, 19, "=SUM(D5:F5)", nil},
				{"QZ07", "Number of children starting to be looked after", "-", 300, 310, 320, 930, "=SUM(D6:F6)", 2},
				// A total row, which the import skips.
				{"Total", "", "", 312, 331, 331, 974, "=SUM(H4:H6)", nil},
			},
			opt: Options{Suppress: 5},
			// The rank beside the withheld month (I4) is no sum of the
			// months, and gives none of them away: it stands.
			want: map[string]string{"F4": "c", "G4": "c", "H4": "c", "I4": "4",
				"D5": "c", "G5": "c", "H5": "c",
				"G6": "930", "I6": "2",
				"D7": "c", "E7": "331", "F7": "c", "G7": "c", "H7": "c"},
			warned: []string{"G4", "H4", "G5", "H5", "D7", "F7", "G7", "H7"},
		},
		{
			name: "excluding UASC",
			rows: [][]any{
				{"QZ01", "Number of children starting to be looked after", "-", 300, 310, 320, 930, "=SUM(D4:F4)", 7},
				{"QZ01", "  of which UASC", "", 100, 110, 120, 330, "=SUM(D5:F5)", nil},
				// Not the sum of the months: its meaning is unknown.
				{"QZ02", "Number of children in care", "-", 1900, 1910, 1920, 1920, nil, nil},
				{"QZ02", "  of which UASC", "", 400, 410, 420, 420, nil, nil},
				// No UASC figures: its months cannot exclude them.
				{"QZ08", "Number of children adopted", "H", 20, 22, 25, 67, "=SUM(D8:F8)", nil},
				{"Total", "", "", 2720, 2762, 2805, nil, nil, nil},
			},
			opt: Options{Exclude: uasc},
			want: map[string]string{"D4": "200", "G4": "600", "H4": "=SUM(D4:F4)", "I4": "",
				"G5": "330", "H5": "=SUM(D5:F5)",
				"D6": "1500", "G6": "", "G7": "420",
				"D8": app.CannotExclude.String(), "G8": "", "H8": "", "D9": "", "E9": "", "F9": ""},
			warned: []string{"G4", "H4", "I4", "G6", "G8", "H8", "D9", "E9", "F9"},
		},
		{
			// A target in a column the import did not read is the
			// council's aim whoever is counted: it stands, where a
			// figure of unknown meaning beside it is blanked.
			name: "stretch target beside figures excluding UASC",
			// "Comparator" is of unknown meaning ("Regional average" is
			// now read, as the region's benchmark).
			head: []string{"Ref", "Indicator", "Polarity", "Apr-25", "May-25", "Jun-25", "Stretch target", "Sep-24 (same month last year)", "Comparator"},
			rows: [][]any{
				{"QZ01", "Number of children starting to be looked after", "-", 300, 310, 320, 280, 290, 305},
				{"QZ01", "  of which UASC", "", 100, 110, 120, nil, nil, nil},
			},
			opt:    Options{Exclude: uasc},
			want:   map[string]string{"D4": "200", "G4": "280", "H4": "", "I4": ""},
			warned: []string{"H4", "I4"},
		},
		{
			// A count of 1 to 4 in an unread column is withheld as the
			// row's own would be, beside a withheld month or not; a rank
			// counts no children and stands.
			name: "small counts in unread columns",
			// "Quarter 2" names no year, so is not read ("Quarter 2
			// 2025/26" is, as Q2 2025/26 is).
			head: []string{"Ref", "Indicator", "Polarity", "Jul-25", "Aug-25", "Sep-25", "Quarter 2", "Rank", "Variance to target"},
			rows: [][]any{
				{"GP01", "Number of children placed out of county", "L", 1, 6, 7, 2, 3, nil},
				{"GP03", "Number of children missing from care", "L", 8, 6, 7, 3, 2, nil},
			},
			opt:    Options{Suppress: 5},
			want:   map[string]string{"D4": "c", "G4": "c", "H4": "3", "G5": "c", "H5": "2"},
			warned: []string{"G4", "G5"},
		},
		{
			// A figure's distance from its target is worked out from
			// all children's figure: blanked under an exclusion.
			name: "variance to target beside figures excluding UASC",
			head: []string{"Ref", "Indicator", "Polarity", "Jul-25", "Aug-25", "Sep-25", "Target", "Variance to target", "Rank"},
			rows: [][]any{
				{"GP02", "Children seen within 10 days (%)", "H", 38, 46, 43, 45, -2, nil},
			},
			opt:    Options{Exclude: uasc},
			want:   map[string]string{"D4": app.CannotExclude.String(), "H4": ""},
			warned: []string{"H4"},
		},
		{
			name: "withheld month beside figures that are no sum of it",
			head: []string{"Ref", "Indicator", "Polarity", "Apr-25", "May-25", "Jun-25", "Stretch target", "Sep-24 (same month last year)", "Regional average"},
			rows: [][]any{
				{"QU01", "Number of children placed in secure welfare accommodation", "L", 3, 10, 12, 8, 21, 17},
			},
			opt:  Options{Suppress: 5},
			want: map[string]string{"D4": "c", "G4": "8", "H4": "21", "I4": "17"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := filepath.Join(t.TempDir(), "producer.xlsx")
			hd := head
			if tt.head != nil {
				hd = tt.head
			}
			producerWorkbook(t, orig, hd, tt.rows)
			h := storeOf(t, orig)
			tt.opt.Original = orig
			tt.opt.Reread = importer.Reread
			// Not export(): its audit reads the house layout's Data sheet,
			// which the original's layout has not.
			tt.opt.Produced, tt.opt.AppVersion = produced, "1.0-test"
			out := filepath.Join(t.TempDir(), "out.xlsx")
			sum, err := Write(context.Background(), out, h, tt.opt)
			if err != nil {
				t.Fatalf("Write: %v", err)
			}
			f, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			for at, want := range tt.want {
				got, _ := f.GetCellValue("Scorecard", at, excelize.Options{RawCellValue: true})
				fm, _ := f.GetCellFormula("Scorecard", at)
				if strings.HasPrefix(want, "=") {
					if "="+fm != want || got != "" {
						t.Errorf("Scorecard!%s = %q (formula %q), want the formula %s with no saved result", at, got, fm, want)
					}
					continue
				}
				if got != want || fm != "" {
					t.Errorf("Scorecard!%s = %q (formula %q), want %q", at, got, fm, want)
				}
			}
			warned := map[string]bool{}
			for _, w := range sum.Warnings {
				if w.Sheet == "Scorecard" && w.File == "producer.xlsx" {
					warned[w.Cell] = true
				}
			}
			for _, at := range tt.warned {
				if !warned[at] {
					t.Errorf("no warning names Scorecard!%s: %v", at, sum.Warnings)
				}
				cs, _ := f.GetComments("Scorecard")
				noted := false
				for _, c := range cs {
					noted = noted || c.Cell == at
				}
				if !noted {
					t.Errorf("Scorecard!%s has no note saying why", at)
				}
			}
			for _, w := range sum.Warnings {
				if w.File == "producer.xlsx" && !containsString(tt.warned, w.Cell) {
					t.Errorf("unexpected warning: %s", w)
				}
			}
		})
	}
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// TestSuppressedAcrossPeriods exports, in the house layout, a count
// published by month and by quarter (as a producer's "Q1 2025/26" column
// beside its months imports): June's 3 is withheld, and the quarter's 25
// beside April's 10 and May's 12 must not give it back on the Data sheet
// (the audit export runs checks every sum over time) nor on the
// Scorecard.
func TestSuppressedAcrossPeriods(t *testing.T) {
	q2 := app.Period{Kind: app.Quarter, Year: 2025, N: 2}
	obs := []app.Observation{}
	for p, v := range map[app.Period]float64{app.MonthOf(2025, 4): 10, app.MonthOf(2025, 5): 12, app.MonthOf(2025, 6): 3, q2: 25} {
		obs = append(obs, app.Observation{Ref: "QZ05", Area: app.Kent, Period: p, Value: app.Float(v)})
	}
	h := app.NewHistory()
	h.Apply(&app.Dataset{Indicators: []app.Indicator{{Ref: "QZ05", Name: "Number of children placed in secure welfare accommodation",
		Polarity: app.LowerBetter, Unit: app.Number}}, Observations: obs}, "I0001")
	f, _ := export(t, h, Options{Suppress: 5})
	rows, err := f.GetRows(DataSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	shown := 0
	for _, r := range rows {
		if len(r) > 6 && r[0] == "QZ05" && r[6] != "" && r[6] != "c" {
			shown++
		}
	}
	if shown > 2 {
		t.Errorf("Data sheet shows %d of QZ05's four figures: June's withheld 3 is the quarter less the months shown", shown)
	}
}

// TestOriginalSharedFormula: a formula filled down a column is saved as
// one formula shared by its cells. Withholding the first (its row's
// figures are withheld) must not take the formula from the rows below,
// whose figures the export left as they were.
func TestOriginalSharedFormula(t *testing.T) {
	orig := filepath.Join(t.TempDir(), "producer.xlsx")
	head := []string{"Ref", "Indicator", "Polarity", "Apr-25", "May-25", "Jun-25", "Year to date (formula)"}
	producerWorkbook(t, orig, head, [][]any{
		{"QZ03", "Number of children placed in secure welfare accommodation", "L", 10, 12, 3},
		{"QZ07", "Number of children starting to be looked after", "-", 300, 310, 320},
		{"QZ08", "Number of children adopted", "H", 20, 22, 25},
	})
	f0, err := excelize.OpenFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	typ, ref := excelize.STCellFormulaTypeShared, "G4:G6"
	if err := f0.SetCellFormula("Scorecard", "G4", "SUM(D4:F4)", excelize.FormulaOpts{Type: &typ, Ref: &ref}); err != nil {
		t.Fatal(err)
	}
	if err := f0.Save(); err != nil {
		t.Fatal(err)
	}
	f0.Close()
	if with := sheetsWithFormulas(orig); !with["Scorecard"] {
		t.Fatalf("sheetsWithFormulas = %v: the Scorecard sheet's formula not seen", with)
	}
	h := storeOf(t, orig)
	out := filepath.Join(t.TempDir(), "out.xlsx")
	if _, err := Write(context.Background(), out, h, Options{Original: orig, Reread: importer.Reread, Suppress: 5, Produced: produced, AppVersion: "1.0-test"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for at, want := range map[string]string{"G4": "", "G5": "SUM(D5:F5)", "G6": "SUM(D6:F6)"} {
		if fm, _ := f.GetCellFormula("Scorecard", at); fm != want {
			t.Errorf("Scorecard!%s formula %q, want %q", at, fm, want)
		}
	}
	if v, _ := f.GetCellValue("Scorecard", "G4"); v != "c" {
		t.Errorf("Scorecard!G4 = %q, want c: its formula sums a withheld figure", v)
	}
}

// TestFormulaCells reads the cells formulas refer to, as producers'
// workbooks write them.
func TestFormulaCells(t *testing.T) {
	tests := []struct {
		fm   string
		want []string
	}{
		{"SUM(D4:F4)", []string{"S!D4", "S!E4", "S!F4"}},
		{"$D$4*2+E$4", []string{"S!D4", "S!E4"}},
		{"'Kent data'!A1+Other!B2", []string{"Kent data!A1", "Other!B2"}},
		{"LOG10(A1)", []string{"S!A1"}},
		{`IF(A1="B2","x",C3)`, []string{"S!A1", "S!C3"}},
		{"SUM(Q1_2025)", nil}, // a defined name
		{"Scorecard!F4+F5", []string{"Scorecard!F4", "S!F5"}},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range formulaCells("S", tt.fm) {
			got = append(got, c.sheet+"!"+c.ref)
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("formulaCells(%q) = %v, want %v", tt.fm, got, tt.want)
		}
	}
}
