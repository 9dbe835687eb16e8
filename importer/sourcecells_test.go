package importer

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/assets"
)

// TestRereadSourceCells reads the demo workbook again for where it holds
// its targets and benchmarks: the scorecard's Target and Floor columns,
// headed with their year, on each indicator's row; its Targets table's
// columns; each benchmark's cell; and the columns read.
func TestRereadSourceCells(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.xlsx")
	if err := os.WriteFile(path, assets.Demo, 0o600); err != nil {
		t.Fatal(err)
	}
	sc, err := Reread(context.Background(), path, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sheet = "CYPE Scorecard"
	rowOf := func(ref string) int {
		rows, _ := f.GetRows(sheet)
		for i, r := range rows {
			if len(r) > 0 && r[0] == ref {
				return i + 1
			}
		}
		t.Fatalf("%s: no row for %s", sheet, ref)
		return 0
	}
	year := app.Period{Kind: app.FinancialYear, Year: 2026}
	for _, want := range []app.TargetCell{
		{Sheet: sheet, Col: "G", Row: rowOf("CIC03"), Ref: "CIC03", Year: year, Part: app.PartTarget},
		{Sheet: sheet, Col: "H", Row: rowOf("CIC03"), Ref: "CIC03", Year: year, Part: app.PartFloor},
		{Sheet: sheet, Col: "G", Row: rowOf("CIC05"), Ref: "CIC05", Year: year, Part: app.PartTarget},
	} {
		if !slices.Contains(sc.Targets, want) {
			t.Errorf("no target cell %+v among %d", want, len(sc.Targets))
		}
	}
	for _, tc := range sc.Targets {
		if tc.Sheet != sheet || tc.Col != "G" && tc.Col != "H" || tc.Year != year {
			t.Errorf("target cell %+v: the demo has targets only in %s's columns G and H, for %s", tc, sheet, year)
		}
	}
	wantTable := app.TargetTable{Sheet: "Targets", FirstRow: 2, Ref: "A", Year: "B",
		Parts: map[app.TargetPart]string{app.PartTarget: "C", app.PartFloor: "D", app.PartTolerance: "E"}}
	if len(sc.TargetTables) != 1 {
		t.Fatalf("target tables %+v, want the demo's Targets", sc.TargetTables)
	}
	if got := sc.TargetTables[0]; got.Sheet != wantTable.Sheet || got.FirstRow != wantTable.FirstRow || got.Ref != wantTable.Ref ||
		got.Year != wantTable.Year || got.Area != wantTable.Area || len(got.Parts) != 3 ||
		got.Parts[app.PartTarget] != "C" || got.Parts[app.PartFloor] != "D" || got.Parts[app.PartTolerance] != "E" {
		t.Errorf("target table %+v, want %+v", got, wantTable)
	}
	england := sheet + "!AJ" + strconv.Itoa(rowOf("CIC02"))
	if !slices.ContainsFunc(sc.Benchmarks, func(b app.Benchmark) bool {
		return b.Ref == "CIC02" && b.Group == "England" && b.Source == england
	}) {
		t.Errorf("no CIC02 England benchmark in %s", england)
	}
	for _, b := range sc.Benchmarks {
		if b.Source == "" {
			t.Errorf("benchmark %+v has no cell", b)
		}
	}
	for sheet, cols := range map[string][]string{sheet: {"A", "G", "H", "J", "AG", "AJ", "AK"}, "Targets": {"A", "B", "C", "D", "E"}} {
		for _, c := range cols {
			if !slices.Contains(sc.Columns[sheet], c) {
				t.Errorf("%s column %s: not among the columns read, %v", sheet, c, sc.Columns[sheet])
			}
		}
	}
}

// TestRereadFilesNamesAsImported: a sheet keyed by names whose name
// matched a store's indicator was filed under its Ref on import (QA21
// M4); read again for its cells, it must be filed so again, or the
// benchmark a later import revised is looked for under a ref made from
// the name, not found, and left as it was in the original revised.
func TestRereadFilesNamesAsImported(t *testing.T) {
	path := sheetsBook(t, namedSheet{"CP detail", [][]any{
		{"Leeds child protection - March 2025"},
		{},
		{"Indicator", "Jan-25", "Feb-25", "Mar-25", "England 2023/24"},
		{"Number of children on a child protection plan", 610, 615, 620, 52000},
	}})
	store := []app.Indicator{{Ref: "CP1", Name: "Number of children on a child protection plan"}}
	sc, err := Reread(context.Background(), path, store, authorityNamed(t, "Leeds"))
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, bm := range sc.Benchmarks {
		refs = append(refs, bm.Ref+" "+bm.Source)
	}
	if want := []string{"CP1 CP detail!E4"}; !slices.Equal(refs, want) {
		t.Errorf("benchmarks' cells %q, want %q", refs, want)
	}
}
