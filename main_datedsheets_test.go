package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// oldDatedStore copies testdata/datedsheets/old.db.gz (make.sh beside
// it): a store written before names keyed by their sheets left the
// sheet's date out, holding "Number of referrals" keyed by "EH Jan 25"
// (NREJ2-7543), "LA Jan 25" (NRLJ2-4105), "EH Feb 25" (NREF2-9691) and
// "CSC Feb 25" (NRCF2-1525).
func oldDatedStore(t *testing.T) string {
	t.Helper()
	gz, err := os.ReadFile("testdata/datedsheets/old.db.gz")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "old.db")
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return db
}

// referralSheets writes a workbook with no Ref column giving "Number of
// referrals" for Feb-25 and Mar-25 on each sheet named, with its
// polarity and figures.
func referralSheets(t *testing.T, sheets ...[]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		name := s[0].(string)
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else {
			f.NewSheet(name)
		}
		f.SetSheetRow(name, "A1", &[]any{"Indicator", "Polarity", "Feb-25", "Mar-25"})
		row := append([]any{"Number of referrals"}, s[1:]...)
		f.SetSheetRow(name, "A2", &row)
	}
	path := filepath.Join(t.TempDir(), "mar.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestDatedSheetsOfAnOldStore (QA26a L2): a store keyed before c870425
// holds a name keyed by its sheet under the sheet's whole name, its date
// in it ("CSC Feb 25", NRCF2-1525). March's sheet "CSC Mar 25", keyed
// now without its date, started NRC-3801, and flags called NRCF2-1525
// missing with nothing saying why. The sheet continues the one indicator
// the store keys by another month's name of it, said at the name's
// cell; where the store keys it by two months' names ("EH Jan 25", "EH
// Feb 25", each month a new indicator then), neither is guessed: it is
// kept apart, naming both and how to continue one.
func TestDatedSheetsOfAnOldStore(t *testing.T) {
	const (
		cscContinues = `CSC Mar 25!A2: "Number of referrals" filed under NRCF2-1525: continues NRCF2-1525, keyed by the sheet's earlier name "CSC Feb 25", the store's indicator of this name on this sheet, keyed with its date as imports before December 2026 keyed it; not under NRC-3801, keyed by the sheet's name without its date ("csc"), nor under NR-3343 made from the name: `
		ehUnguessed  = `; the store holds this name keyed by earlier months' names of this sheet, each its own indicator, as imports before December 2026 keyed them with the sheet's date: NREF2-9691 (keyed by "EH Feb 25"), NREJ2-7543 (keyed by "EH Jan 25"); which of them this sheet continues is not guessed: a Ref column giving that one's ref on this row continues it`
	)
	eh := []any{"EH Mar 25", "L", 101, 102}
	csc := []any{"CSC Mar 25", "H", 901, 902}
	for _, tt := range []struct {
		name   string
		sheets [][]any
		// want are "REF PERIOD VALUE" the store holds after
		want, never []string
		// warns are parts of the import's warnings, each of one line
		warns []string
		// missing are refs flags calls missing in Mar-25, and
		// continued refs it does not
		missing, continued []string
	}{{
		name:   "both sheets, disagreeing",
		sheets: [][]any{eh, csc},
		want:   []string{"NRCF2-1525 2025-01 900", "NRCF2-1525 2025-02 901", "NRCF2-1525 2025-03 902", "NRE-6327 2025-02 101", "NRE-6327 2025-03 102"},
		never:  []string{"NRC-3801"},
		warns: []string{cscContinues + `sheet "EH Mar 25" gives the same name polarity L at EH Mar 25!B2 where this sheet gives H; if this sheet's is another measure than "CSC Feb 25" gave, give it another name or the sheet a Ref column`,
			`EH Mar 25!A2: "Number of referrals" filed under NRE-6327, keyed by the sheet's name "EH Mar 25" (as "eh", its date left out, so that the sheet renamed for another month continues it) and its own, not under NR-3343 made from the name: sheet "CSC Mar 25" gives the same name polarity H at CSC Mar 25!B2 where this sheet gives L` + ehUnguessed,
			`CSC Mar 25!A1: no Ref column: the 1 indicators below are known by their names, each filed under a ref made from its name: NRCF2-1525 "Number of referrals" (continuing the store's, said at its cell)`},
		missing:   []string{"NREF2-9691"},
		continued: []string{"NRCF2-1525"},
	}, {
		name:      "one sheet, the store keying it by one month's name",
		sheets:    [][]any{csc},
		want:      []string{"NRCF2-1525 2025-01 900", "NRCF2-1525 2025-02 901", "NRCF2-1525 2025-03 902"},
		never:     []string{"NRC-3801"},
		warns:     []string{cscContinues + `an earlier workbook gave the name on sheets that disagree, so the store keys it by each sheet's name (NRCF2-1525, NREF2-9691, NREJ2-7543, NRLJ2-4105); if this sheet's is another measure than "CSC Feb 25" gave`},
		missing:   []string{"NREF2-9691"},
		continued: []string{"NRCF2-1525"},
	}, {
		name:   "one sheet, the store keying it by two months' names",
		sheets: [][]any{eh},
		want:   []string{"NRE-6327 2025-02 101", "NRE-6327 2025-03 102", "NREF2-9691 2025-02 101"},
		warns: []string{`EH Mar 25!A2: "Number of referrals" kept apart under NRE-6327, keyed by the sheet's name "EH Mar 25" (as "eh", its date left out, so that the sheet renamed for another month continues it) and its own, not under NR-3343 made from the name nor under any the store holds: `,
			`if it continues one, give this sheet that sheet's name or a Ref column giving that indicator's ref` + ehUnguessed},
		missing: []string{"NRCF2-1525", "NREF2-9691"},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			db := oldDatedStore(t)
			out := mustRun(t, db, "import", referralSheets(t, tt.sheets...))
			for _, w := range tt.warns {
				if !strings.Contains(out, w) {
					t.Errorf("the import does not say %q:\n%s", w, out)
				}
			}
			var held []string
			var inds []struct{ Ref string }
			if err := json.Unmarshal([]byte(mustRun(t, db, "list", "--json")), &inds); err != nil {
				t.Fatal(err)
			}
			for _, ind := range inds {
				var show struct {
					Points []struct {
						Period string
						Value  *float64
					}
				}
				if err := json.Unmarshal([]byte(mustRun(t, db, "show", ind.Ref, "--json")), &show); err != nil {
					t.Fatal(err)
				}
				for _, p := range show.Points {
					if p.Value != nil {
						held = append(held, fmt.Sprintf("%s %s %g", ind.Ref, p.Period, *p.Value))
					}
				}
			}
			for _, w := range tt.want {
				if !slices.Contains(held, w) {
					t.Errorf("the store does not hold %q: %q", w, held)
				}
			}
			for _, n := range tt.never {
				for _, h := range held {
					if strings.HasPrefix(h, n+" ") {
						t.Errorf("the store holds %q: its figures should continue the store's", h)
					}
				}
			}
			var flags []struct{ Ref, Kind string }
			if err := json.Unmarshal([]byte(mustRun(t, db, "flags", "--period", "2025-03", "--json")), &flags); err != nil {
				t.Fatal(err)
			}
			var missing []string
			for _, f := range flags {
				if f.Kind == "missing" {
					missing = append(missing, f.Ref)
				}
			}
			for _, ref := range tt.missing {
				if !slices.Contains(missing, ref) {
					t.Errorf("flags call %q missing, not %s", missing, ref)
				}
			}
			for _, ref := range tt.continued {
				if slices.Contains(missing, ref) {
					t.Errorf("flags call %s missing, which March's sheet continues", ref)
				}
			}
		})
	}
}
