package importer

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSheetsDisagreeOnDefinition: two sheets giving one ref different
// polarities or units keep the first, as before, and now say so at the
// second's cell; the second had been dropped with no word, though a
// polarity turned round rates every figure the other way.
func TestSheetsDisagreeOnDefinition(t *testing.T) {
	header := []any{"Ref", "Indicator", "Polarity", "Unit", "Jan-25", "Feb-25", "Mar-25"}
	tests := []struct {
		name          string
		first, second []any // polarity and unit on each sheet
		want          []string
	}{
		{"polarity turned round", []any{"L", "%"}, []any{"H", "%"},
			[]string{`Summary!C2: CIC05: polarity H here, but L where the file first gave it (CIC!C2): L kept`}},
		{"unit differs", []any{"L", "%"}, []any{"L", "Number"},
			[]string{`Summary!D2: CIC05: unit "count" here, but "%" where the file first gave it (CIC!D2): "%" kept`}},
		{"both agree", []any{"L", "%"}, []any{"L", "%"}, nil},
		{"the second leaves them blank", []any{"L", "%"}, []any{"", ""}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			f.SetSheetName("Sheet1", "CIC")
			f.NewSheet("Summary")
			for _, sh := range []struct {
				name string
				def  []any
			}{{"CIC", tt.first}, {"Summary", tt.second}} {
				row := []any{"CIC05", "Children in care with 3+ placements (%)", sh.def[0], sh.def[1], 10.1, 10.5, 10.2}
				if err := f.SetSheetRow(sh.name, "A1", &header); err != nil {
					t.Fatal(err)
				}
				if err := f.SetSheetRow(sh.name, "A2", &row); err != nil {
					t.Fatal(err)
				}
			}
			path := filepath.Join(t.TempDir(), "book.xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			res := mustRead(t, path)
			var got []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "where the file first gave it") {
					got = append(got, w.Sheet+"!"+w.Cell+": "+w.Message)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("warnings %q, want %d like %q", got, len(tt.want), tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("warning %q, want it to begin %q", got[i], tt.want[i])
				}
			}
			for _, ind := range res.Dataset.Indicators {
				if ind.Ref == "CIC05" && (ind.Polarity.String() != "L" || ind.Unit != "%") {
					t.Errorf("CIC05 polarity %s unit %q, want the first sheet's L and %%", ind.Polarity, ind.Unit)
				}
			}
		})
	}
}
