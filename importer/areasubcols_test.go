package importer

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestAreasUnderPeriodsRefused: months merged (or written once) over the
// sub-columns "Leeds | Stat neighbours" or "Leeds | England" are refused
// at the first month's heading. Read as a district sheet dated from the
// title, January's figure was stored as March's and February's dropped
// (QA21 C2). A district sheet with no months above is still read.
func TestAreasUnderPeriodsRefused(t *testing.T) {
	tests := []struct {
		name    string
		title   string
		caps    []any // row 3 from C
		subs    []any // row 4 from C
		merge   []string
		refused string // the refusal's start; "" where the sheet is read
	}{
		{"Leeds | Stat neighbours merged under months, dated title", "Leeds Scorecard - March 2025",
			[]any{"Jan-25", nil, "Feb-25", nil, "Mar-25", nil},
			[]any{"Leeds", "Stat neighbours", "Leeds", "Stat neighbours", "Leeds", "Stat neighbours"},
			[]string{"C3:D3", "E3:F3", "G3:H3"},
			`book.xlsx: Scorecard!C3: refused: Jan-25 is headed over area sub-columns (C4 "Leeds", D4 "Stat neighbours")`},
		{"Leeds | England | SN written once, undated title", "Leeds Scorecard",
			[]any{"Feb-25", nil, nil, "Mar-25", nil, nil},
			[]any{"Leeds", "England", "Stat Neighbours", "Leeds", "England", "Stat Neighbours"},
			nil,
			`book.xlsx: Scorecard!C3: refused: Feb-25 is headed over area sub-columns (C4 "Leeds", D4 "England", E4 "Stat Neighbours")`},
		{"quarters over Leeds | England", "Leeds Scorecard 2024/25",
			[]any{"Q1 2024/25", nil, "Q2 2024/25", nil, "Q3 2024/25", nil},
			[]any{"Leeds", "England", "Leeds", "England", "Leeds", "England"},
			[]string{"C3:D3", "E3:F3", "G3:H3"},
			`book.xlsx: Scorecard!C3: refused:`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			sheet := "Scorecard"
			f.SetSheetName("Sheet1", sheet)
			f.SetSheetRow(sheet, "A1", &[]any{tt.title})
			f.SetSheetRow(sheet, "A3", &[]any{"Ref", "Indicator"})
			f.SetSheetRow(sheet, "C3", &tt.caps)
			f.SetSheetRow(sheet, "C4", &tt.subs)
			f.SetSheetRow(sheet, "A5", &[]any{"CLA1", "Rate of children looked after per 10,000", 79, 75, 80, 75, 81, 75})
			for _, r := range tt.merge {
				from, to, _ := strings.Cut(r, ":")
				if err := f.MergeCell(sheet, from, to); err != nil {
					t.Fatal(err)
				}
			}
			path := filepath.Join(t.TempDir(), "book.xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			res, err := Read(context.Background(), path, Options{Authority: lookup(t, "Leeds")})
			var se *app.SourceError
			if err == nil || !errors.As(err, &se) || !strings.HasPrefix(err.Error(), tt.refused) {
				n := 0
				if res != nil {
					n = len(res.Dataset.Observations)
				}
				t.Fatalf("error %v (%d figures read), want one starting %q", err, n, tt.refused)
			}
		})
	}
}
