package importer

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestExponentText: a figure typed as text in scientific notation ("1e3"
// in a cell formatted as text) had been read as 1000 without a word. It is
// read as the number it writes, as "1,896" typed as text is, and said at
// its cell with the figure it became, on a scorecard's months, target
// and England column and in a tidy table's Value column; the number 1000,
// or a number cell Excel saved as 1.2E-05, says nothing.
func TestExponentText(t *testing.T) {
	scorecard := func(f *excelize.File) {
		f.SetSheetRow("Sheet1", "A1", &[]any{"Ref", "Indicator", "Polarity", "Target", "Jul-25", "Aug-25", "Sep-25", "England"})
		f.SetSheetRow("Sheet1", "A2", &[]any{"CIC01", "Number of children in care", "L", "1e3", 1000, "1e3", "1.2E+03", "1E3"})
		f.SetSheetRow("Sheet1", "A3", &[]any{"CIC02", "Rate of missing episodes", "L", 2, 1.2e-5, "2.5e-1", 0.5, 1})
	}
	tidy := func(f *excelize.File) {
		f.SetSheetRow("Sheet1", "A1", &[]any{"Ref", "Indicator", "Period", "Area", "Value"})
		f.SetSheetRow("Sheet1", "A2", &[]any{"CIC01", "Number of children in care", "2025-07", "Kent", 1000})
		f.SetSheetRow("Sheet1", "A3", &[]any{"CIC01", "Number of children in care", "2025-08", "Kent", "1.01e3"})
	}
	type want struct {
		cell  string
		value float64
		note  string // the warning at the cell, in part; "" for none
	}
	for _, tt := range []struct {
		name  string
		build func(*excelize.File)
		want  []want
	}{
		{"scorecard", scorecard, []want{
			{"E2", 1000, ""},
			{"F2", 1000, `CIC01: "1e3" is text in scientific notation, read as 1000`},
			{"G2", 1200, `CIC01: "1.2E+03" is text in scientific notation, read as 1200`},
			{"H2", 1000, `CIC01: "1E3" is text in scientific notation, read as 1000`},
			{"D2", 1000, `CIC01: "1e3" is text in scientific notation, read as 1000`},
			{"E3", 1.2e-5, ""},
			{"F3", 0.25, `CIC02: "2.5e-1" is text in scientific notation, read as 0.25`},
		}},
		{"tidy table", tidy, []want{
			{"E2", 1000, ""},
			{"E3", 1010, `CIC01: "1.01e3" is text in scientific notation, read as 1010`},
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			tt.build(f)
			res := readFile(t, f)
			read := map[string]float64{}
			for _, o := range res.Dataset.Observations {
				if o.Value != nil {
					read[strings.TrimPrefix(o.Cell, "Sheet1!")] = *o.Value
				}
			}
			for _, b := range res.Dataset.Benchmarks {
				if b.Value != nil {
					read[strings.TrimPrefix(b.Source, "Sheet1!")] = *b.Value
				}
			}
			for _, tg := range res.Dataset.Targets {
				if tg.Ref == "CIC01" && tg.Target != nil {
					read["D2"] = *tg.Target
				}
			}
			for _, w := range tt.want {
				if v, ok := read[w.cell]; !ok || v != w.value {
					t.Errorf("%s: read %v (%v), want %v", w.cell, v, ok, w.value)
				}
				notes := warnedAt(res, "Sheet1", w.cell)
				found := false
				for _, n := range notes {
					found = found || w.note != "" && strings.HasPrefix(n, w.note)
					if w.note == "" && strings.Contains(n, "scientific notation") {
						t.Errorf("%s: warned %q, want nothing of scientific notation", w.cell, n)
					}
				}
				if w.note != "" && !found {
					t.Errorf("%s: warned %q, want %q", w.cell, notes, w.note)
				}
			}
		})
	}
}
