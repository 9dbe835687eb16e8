package export

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/importer"
)

// TestOriginalFigureNotHeld exports into the latest quarterly workbook a
// history that holds no figure for one of its cells (CIC01 in Q1, as
// when the importer now reads a heading as another period than it did):
// the cell is named in a warning and noted, and, excluding UASC, says it
// cannot exclude them rather than keep all children's figure under the
// excluding title. The history is built as the store keeps it: the
// earlier quarters the latest workbook repeats are the earlier
// workbook's figures.
func TestOriginalFigureNotHeld(t *testing.T) {
	cards := quarterCards(false)
	dir := t.TempDir()
	q3, q4 := filepath.Join(dir, "q3.xlsx"), filepath.Join(dir, "q4.xlsx")
	cards[2].write(t, q3)
	cards[3].write(t, q4)
	c := cards[3]
	missing := app.SeriesKey{Ref: "CIC01", Area: app.Kent}
	h := app.NewHistory()
	for i, path := range []string{q3, q4} {
		res, err := importer.Read(context.Background(), path, importer.Options{})
		if err != nil {
			t.Fatalf("import %s: %v", path, err)
		}
		var kept []app.Observation
		for _, o := range res.Dataset.Observations {
			switch {
			case i == 0 && o.Key() == missing && o.Period == c.periods[0]:
				// held by no import
			case i == 1 && o.Period != c.periods[3]:
				// restated: the store keeps the earlier workbook's
			default:
				kept = append(kept, o)
			}
		}
		res.Dataset.Observations = kept
		id := fmt.Sprintf("I%04d", i+1)
		h.Apply(res.Dataset, id)
		h.Imports = append(h.Imports, app.Import{ID: id, Source: filepath.Base(path), Kind: "workbook", SHA256: res.SHA256, Time: produced})
	}
	at := cell(c.periodCol(0), cardFirstRow) // CIC01's first row
	for _, tt := range []struct {
		name    string
		exclude []app.Cohort
		want    string // what the cell shows
	}{
		{"all children", nil, "392"},
		{"excluding UASC", []app.Cohort{app.UASC}, app.CannotExclude.String()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.xlsx")
			sum, err := Write(context.Background(), out, h, Options{Original: q4, Reread: importer.Reread, Exclude: tt.exclude, Produced: produced, AppVersion: "1.0-test"})
			if err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got, _ := f.GetCellValue("Scorecard", at); got != tt.want {
				t.Errorf("%s: %q, want %q", at, got, tt.want)
			}
			warned := false
			for _, w := range sum.Warnings {
				warned = warned || w.Sheet == "Scorecard" && w.Cell == at
			}
			if !warned {
				t.Errorf("no warning names %s, which the store holds no figure for; warnings: %v", at, sum.Warnings)
			}
			if !hasComment(f, "Scorecard", at, "the store holds no figure of CIC01") {
				t.Errorf("%s: no note saying the store holds no figure for it", at)
			}
			// The other earlier quarters, held as the earlier
			// workbook's, are revised: excluding UASC, none keeps its
			// figure for all children.
			if len(tt.exclude) > 0 {
				for k := 0; k < 3; k++ {
					for i := range c.rows {
						if got, _ := f.GetCellValue("Scorecard", cell(c.periodCol(k), cardFirstRow+i)); got != app.CannotExclude.String() {
							t.Errorf("%s %s: %q under the excluding title", c.rows[i].ref, c.headings[k], got)
						}
					}
				}
			}
		})
	}
}
