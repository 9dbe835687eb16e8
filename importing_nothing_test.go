package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// twoSheets writes a workbook whose two sheets have column headings the
// importer does not read (numbers not running as years, "12 months to"
// a month without its year),
// and with notes a third sheet with no table at all: it gives
// definitions and no figure.
func twoSheets(t *testing.T, name string, notes bool) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Annual")
	f.SetSheetRow("Annual", "A1", &[]any{"Ref", "Indicator", "Polarity", 2021, 2025, 2023})
	f.SetSheetRow("Annual", "A2", &[]any{"YR01", "Children looked after at 31 March", "-", 1250, 1290, 1310})
	f.NewSheet("Rolling")
	f.SetSheetRow("Rolling", "A1", &[]any{"Ref", "Indicator", "Polarity", "12 months to Jan", "12 months to Feb"})
	f.SetSheetRow("Rolling", "A2", &[]any{"RM01", "Re-referral rate (%)", "L", 21.0, 20.5})
	if notes {
		f.NewSheet("Notes")
		f.SetCellValue("Notes", "A1", "Notes for the panel")
	}
	path := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestImportOfNothingRefused imports files from which nothing at all is
// read, no figure, target, benchmark or definition of the file's own:
// each exits 1 with one line naming the file and each sheet with why it
// gave nothing, and no import is recorded. A DfE file whose rows no
// mapping reads was imported, "0 observations", as the definitions its
// format brings (QA qa19 D6); a workbook named only its first warning's
// sheet.
func TestImportOfNothingRefused(t *testing.T) {
	for _, tt := range []struct {
		name   string
		before string // imported first, into the same store
		path   string
		want   []string
	}{{
		// Kent's store; the file's one row is Medway's.
		name: "a DfE file with no row of the authority's",
		path: writeFile(t, "medway.csv", "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,"+
			"old_la_code,la_name,new_la_code,population_type,population_estimate,children_count,rate_per_10000\n"+
			"2025,Reporting year,Local authority,E92000001,England,E12000008,South East,887,Medway,E06000035,"+
			"Children looked after on 31 March each year,68774,495,72\n"),
		want: []string{"medway.csv: nothing to import: no figures", "only the definitions its format gives"},
	}, {
		// Its definitions the store holds from its twin: nothing new.
		name:   "a workbook of sheets the importer cannot read",
		before: twoSheets(t, "annual.xlsx", false),
		path:   twoSheets(t, "annual-with-notes.xlsx", true),
		want: []string{"annual-with-notes.xlsx: nothing to import from any sheet: ",
			`sheet "Annual" (3 warnings, the first at D1): column D "2021" not read`,
			`sheet "Rolling" (2 warnings, the first at D1): column D "12 months to Jan" not read`,
			`sheet "Notes": sheet skipped: no header row found`},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "s.db")
			if tt.before != "" {
				mustRun(t, db, "import", tt.before)
			}
			imports := func() int {
				var imps []json.RawMessage
				if out := mustRun(t, db, "imports", "--json"); json.Unmarshal([]byte(out), &imps) != nil {
					t.Fatalf("imports --json: %q", out)
				}
				return len(imps)
			}
			n := imports()
			r := scorecard(t, db, "import", tt.path)
			lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
			if r.code != 1 || len(lines) != 1 {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit 1 and one line", r.code, r.stdout, r.stderr)
			}
			for _, want := range tt.want {
				if !strings.Contains(lines[0], want) {
					t.Errorf("stderr %q does not say %q", lines[0], want)
				}
			}
			if got := imports(); got != n {
				t.Errorf("%d imports recorded, want %d: a refused file is no import", got, n)
			}
		})
	}
}
