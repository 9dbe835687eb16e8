package main

import (
	"encoding/json"
	"fmt"
	"os"
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
		name string
		path string
		want []string
	}{{
		// Kent's store; the file's one row is Medway's.
		name: "a DfE file with no row of the authority's",
		path: writeFile(t, "medway.csv", "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,"+
			"old_la_code,la_name,new_la_code,population_type,population_estimate,children_count,rate_per_10000\n"+
			"2025,Reporting year,Local authority,E92000001,England,E12000008,South East,887,Medway,E06000035,"+
			"Children looked after on 31 March each year,68774,495,72\n"),
		want: []string{"medway.csv: line 1: nothing to import: no authority's row is Kent's (old_la_code 886, new_la_code E10000016 or la_name Kent)"},
	}, {
		// Its row's definition is not stored without a figure, though
		// new to the store: its columns of figures went unread (QA qa33
		// F6; its twin without the notes had been imported as that
		// definition alone).
		name: "a workbook of sheets the importer cannot read",
		path: twoSheets(t, "annual-with-notes.xlsx", true),
		want: []string{"annual-with-notes.xlsx: nothing to import from any sheet: ",
			`sheet "Annual" (4 warnings, the first at D1): column D "2021" not read`,
			`sheet "Rolling" (2 warnings, the first at D1): column D "12 months to Jan" not read`,
			`sheet "Notes": sheet skipped: no header row found`},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "s.db")
			imports := func() int {
				if _, err := os.Stat(db); os.IsNotExist(err) {
					return 0 // imports says there is no store there
				}
				var imps []json.RawMessage
				if out := mustRun(t, db, "imports", "--json"); json.Unmarshal([]byte(out), &imps) != nil {
					t.Fatalf("imports --json: %q", out)
				}
				return len(imps)
			}
			n := imports()
			r := scorecard(t, db, "import", tt.path)
			// The refusal's one line, then its warnings
			// (TestRefusedImportSaysEveryWarning).
			lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
			if r.code != 1 || !onlyWarningsAfter(lines) {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit 1 and one line, then the warnings", r.code, r.stdout, r.stderr)
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

// onlyWarningsAfter reports whether every line of a refusal's stderr
// after its first is a warning.
func onlyWarningsAfter(lines []string) bool {
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "  warning: ") {
			return false
		}
	}
	return true
}

// sectionsWithoutRefs writes a workbook as QA26a's g3.xlsx: indicators
// with figures under section rows ("CIC", "EH"), and no Ref on any
// indicator's row, so that every row with figures is skipped.
func sectionsWithoutRefs(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Scorecard")
	for i, row := range [][]any{
		{"Ref", "Indicator", "Data period", "Jan-25", "Feb-25", "Mar-25"},
		{"CIC", nil, "MS"},
		{nil, "Number of children in care", nil, 2100, 2120, 2150},
		{nil, "Number of children in care excl UASC", nil, 1400, 1410, 1420},
		{"EH", nil, "MS"},
		{nil, "Early help cases open", nil, 3000, 3100, 3200},
	} {
		f.SetSheetRow("Scorecard", fmt.Sprintf("A%d", i+1), &row)
	}
	path := filepath.Join(t.TempDir(), "g3.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRefusedImportSaysEveryWarning (QA26a L1): a file refused as giving
// nothing to import printed only its first warning, so the officer did
// not see which rows with figures were skipped (g3.xlsx: three, at A3,
// A4 and A6, none said). The refusal's one line stands, as the contract
// gives it, and every warning follows it on stderr, one a line, as an
// import's summary says them; a refusal of one warning has said it.
func TestRefusedImportSaysEveryWarning(t *testing.T) {
	for _, tt := range []struct {
		name, path string
		first      string   // the refusal's line
		warnings   []string // the lines after it, in order
	}{{
		name:  "rows with figures but no Ref, under section rows",
		path:  sectionsWithoutRefs(t),
		first: "g3.xlsx: Scorecard!A2: nothing to import (the first of 5 warnings): row read as the heading of a section, \"CIC\"",
		warnings: []string{
			`  warning: g3.xlsx: Scorecard!A2: row read as the heading of a section, "CIC", not as an indicator`,
			`  warning: g3.xlsx: Scorecard!A3: row skipped: it has figures but no indicator Ref`,
			`  warning: g3.xlsx: Scorecard!A4: row skipped: it has figures but no indicator Ref`,
			`  warning: g3.xlsx: Scorecard!A5: row read as the heading of a section, "EH", not as an indicator`,
			`  warning: g3.xlsx: Scorecard!A6: row skipped: it has figures but no indicator Ref`,
		},
	}, {
		name:  "a CSV whose rows are all skipped",
		path:  writeFile(t, "skipped.csv", "Ref,Period,Area,Value\nCIC01,2026-09,Kent,1e400\nCIC02,2026-09,Kent,-1e999\n"),
		first: "skipped.csv: line 2: nothing to import (the first of 2 warnings): CIC01: row skipped",
		warnings: []string{
			`  warning: skipped.csv: line 2: CIC01: row skipped: "1e400" is not a number, fraction or status code`,
			`  warning: skipped.csv: line 3: CIC02: row skipped: "-1e999" is not a number, fraction or status code`,
		},
	}, {
		name:  "one warning, said in the refusal's line",
		path:  writeFile(t, "inf.csv", "Ref,Period,Area,Value\nCIC01,2026-09,Kent,1e400\n"),
		first: `inf.csv: line 2: nothing to import: CIC01: row skipped: "1e400" is not a number`,
	}} {
		t.Run(tt.name, func(t *testing.T) {
			db := demoStore(t) // holds CIC01 and CIC02: no warning of new indicators
			r := scorecard(t, db, "import", tt.path)
			lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
			if r.code != 1 || !strings.HasPrefix(lines[0], tt.first) {
				t.Fatalf("exit %d, stderr %q; want exit 1 and first %q", r.code, r.stderr, tt.first)
			}
			if len(lines)-1 != len(tt.warnings) {
				t.Fatalf("stderr %q: %d lines after the refusal, want %d, one for each warning", r.stderr, len(lines)-1, len(tt.warnings))
			}
			for i, want := range tt.warnings {
				if !strings.HasPrefix(lines[i+1], want) {
					t.Errorf("line %d %q, want %q", i+2, lines[i+1], want)
				}
			}
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing: nothing was imported", r.stdout)
			}
		})
	}
}

// monthsUndatedByTheirYear writes a committee scorecard as QA qa33's
// x2 but captioned wrongly: a calendar year "2024" merged over a
// financial year's April to March, which dates none of them.
func monthsUndatedByTheirYear(t *testing.T) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Scorecard")
	f.SetCellValue("Scorecard", "A1", "Wigan Children's Services Scorecard")
	f.SetCellValue("Scorecard", "C2", 2024)
	f.MergeCell("Scorecard", "C2", "N2")
	f.SetSheetRow("Scorecard", "A3", &[]any{"Ref", "Indicator", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"})
	f.SetSheetRow("Scorecard", "A4", &[]any{"WX1", "Children looked after (number)", 726, 719, 711, 704, 698, 690, 684, 677, 671, 664, 658, 652})
	path := filepath.Join(t.TempDir(), "x2.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestImportOfDefinitionsWithFiguresUnreadRefused (QA qa33 F6): a
// scorecard whose every month column went unread was imported as the
// definition of its row alone, "1 indicators, 0 observations", exit 0,
// which a scripted monthly run does not notice. It exits 1, naming the
// first figure left unread and the first warning, and records no import.
func TestImportOfDefinitionsWithFiguresUnreadRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	mustRun(t, db, "authority", "Wigan")
	r := scorecard(t, db, "import", monthsUndatedByTheirYear(t))
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if r.code != 1 || !onlyWarningsAfter(lines) {
		t.Fatalf("exit %d, stdout %q, stderr %q; want exit 1 and one line, then the warnings", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{`x2.xlsx: Scorecard!C3: nothing to import (the first of 14 warnings): column C "Apr" not read`,
		"; 12 columns of figures not read, the first figure at Scorecard!C4, and the definitions of its rows are not stored without a figure"} {
		if !strings.Contains(lines[0], want) {
			t.Errorf("stderr %q does not say %q", lines[0], want)
		}
	}
	if caption := `warning: x2.xlsx: Scorecard!C2: months under "2024" run Apr to Mar, past the year's end`; !strings.Contains(r.stderr, caption) {
		t.Errorf("stderr %q does not say %q", r.stderr, caption)
	}
	if out := mustRun(t, db, "imports", "--json"); strings.Contains(out, "x2.xlsx") {
		t.Errorf("imports --json %q: a refused file is no import", out)
	}
}
