package xlsx

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
)

// TestRecalcOnLoadCorpus reads the corpus's formulas as each producer
// saves them. XlsxWriter and openpyxl ask for the workbook to be
// recalculated on opening: XlsxWriter's G8, given its result, is read
// and listed as unverified, its H8, saved as a placeholder 0, and
// openpyxl's G8, saved with none, are read as no result. LibreOffice,
// which calculates G8 (excelize wrote it with no result) and saves it
// without the flag, keeps its figure with nothing to say, as does
// SheetJS's G8. The scanner and excelize, its fallback, read them alike.
func TestRecalcOnLoadCorpus(t *testing.T) {
	const g8 = "2469135.782"
	g8at, h8at := Cell{7, 6}, Cell{7, 7}
	for _, tt := range []struct {
		producer     string
		recalc       bool
		g8, h8       string
		uncalculated []Cell
		unverified   []Cell
	}{
		{"excelize", false, "", "", []Cell{g8at}, nil},
		{"openpyxl", true, "", "", []Cell{g8at}, nil},
		{"xlsxwriter", true, g8, "", []Cell{h8at}, []Cell{g8at}},
		{"SheetJS", false, g8, "", nil, nil},
		{"LibreOffice", false, g8, "", nil, nil},
	} {
		t.Run(tt.producer, func(t *testing.T) {
			var p producer
			for _, q := range producers {
				if q.name == tt.producer {
					p = q
				}
			}
			for _, path := range corpusFiles(t, p) {
				w, err := Open(path, Options{DatesAs1900: true})
				if err != nil {
					t.Fatal(err)
				}
				defer w.Close()
				name := filepath.Base(path)
				if w.RecalcOnLoad() != tt.recalc {
					t.Errorf("%s: RecalcOnLoad() = %v, want %v", name, w.RecalcOnLoad(), tt.recalc)
				}
				g, err := w.Grid(context.Background(), "Scorecard")
				if err != nil {
					t.Fatal(err)
				}
				// excelize, reading a sheet the scanner finds damaged,
				// must read the formulas alike.
				s, _ := w.Sheet("Scorecard")
				xg, err := w.fallbackGrid(s, damagedError("forced"))
				if err != nil {
					t.Fatal(err)
				}
				for by, g := range map[string]*Grid{"scanner": g, "excelize": xg} {
					at := func(c Cell) string {
						if c.Row < len(g.Rows) && c.Col < len(g.Rows[c.Row]) {
							return g.Rows[c.Row][c.Col]
						}
						return ""
					}
					if got := at(g8at); got != tt.g8 {
						t.Errorf("%s by %s: G8 = %q, want %q", name, by, got, tt.g8)
					}
					if got := at(h8at); got != tt.h8 {
						t.Errorf("%s by %s: H8 = %q, want %q", name, by, got, tt.h8)
					}
					if !slices.Equal(g.Uncalculated, tt.uncalculated) {
						t.Errorf("%s by %s: Uncalculated = %v, want %v", name, by, g.Uncalculated, tt.uncalculated)
					}
					if !slices.Equal(g.Unverified, tt.unverified) {
						t.Errorf("%s by %s: Unverified = %v, want %v", name, by, g.Unverified, tt.unverified)
					}
				}
			}
		})
	}
}
