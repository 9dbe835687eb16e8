package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestOwnYearlyExportReimportsQuietly: the app's export of a store of
// DfE years, imported again, had its Scorecard and Trend sheets (no
// heading the importer reads as a period) taken for sheets of
// definitions and read, with a warning for each of the export's own
// headings: its years, "Change", "Stat neighbours (2025 model)" read
// from words in its heading, and a benchmark skipped on every row. The
// export's figures come from its Data sheet; all that is said of the
// Scorecard sheet is what it shows that stays behind.
func TestOwnYearlyExportReimportsQuietly(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dfe.db")
	mustRun(t, db, "import", filepath.Join("importer", "dfe", "testdata", "cla_number_and_rate_per_10k_children.csv"))
	xlsx := filepath.Join(t.TempDir(), "scorecard.xlsx")
	mustRun(t, db, "export", "--out", xlsx)
	out := mustRun(t, filepath.Join(t.TempDir(), "again.db"), "import", xlsx)
	if !strings.Contains(out, `sheets read ["Definitions" "Data" "Targets"]`) {
		t.Errorf("import of the export read %q, want its Definitions, Data and Targets sheets alone", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "warning:") && !strings.Contains(line, `sheet "Scorecard": sheet not read`) {
			t.Errorf("import of the app's own export warned: %s", line)
		}
	}
}

// TestDfERegionCirculated: a DfE file's regional figures, which `show`
// listed, were in no export (QA26b S3): the workbook's Scorecard sheet
// now gives the region's beside England's, headed "South East", each
// figure as published in England's format, and the export imported
// again says its Scorecard's benchmarks stay behind, and nothing else.
func TestDfERegionCirculated(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dfe.db")
	mustRun(t, db, "import", filepath.Join("importer", "dfe", "testdata", "cla_number_and_rate_per_10k_children.csv"))
	xlsx := filepath.Join(t.TempDir(), "scorecard.xlsx")
	mustRun(t, db, "export", "--out", xlsx)
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Scorecard")
	if err != nil {
		t.Fatal(err)
	}
	const header = 5 // row 6
	england := slices.Index(rows[header], "England")
	if england < 0 || england+1 >= len(rows[header]) || rows[header][england+1] != "South East" {
		t.Fatalf("the Scorecard's headings %q have no South East column beside England's", rows[header])
	}
	for _, tt := range []struct {
		ref           string
		region, shown string // the DfE's South East figure, and as the cell shows it
	}{
		{"CIC01", "11050", "11,050"},
		{"CIC02", "55", "55"},
		{"CIC10", "6730", "6,730"},
	} {
		t.Run(tt.ref, func(t *testing.T) {
			r := slices.IndexFunc(rows, func(row []string) bool { return len(row) > 0 && row[0] == tt.ref })
			if r < 0 {
				t.Fatalf("no %s row", tt.ref)
			}
			at, _ := excelize.CoordinatesToCellName(england+2, r+1)
			eat, _ := excelize.CoordinatesToCellName(england+1, r+1)
			raw, _ := f.GetCellValue("Scorecard", at, excelize.Options{RawCellValue: true})
			shown, _ := f.GetCellValue("Scorecard", at)
			if raw != tt.region || shown != tt.shown {
				t.Errorf("%s %s = %q shown %q, want the DfE's South East %s shown %q", tt.ref, at, raw, shown, tt.region, tt.shown)
			}
			rs, _ := f.GetCellStyle("Scorecard", at)
			es, _ := f.GetCellStyle("Scorecard", eat)
			if rs != es {
				t.Errorf("%s %s's style %d is not England's (%s) %d", tt.ref, at, rs, eat, es)
			}
		})
	}
	out := mustRun(t, filepath.Join(t.TempDir(), "again.db"), "import", xlsx)
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "warning:") && !strings.Contains(line, `sheet "Scorecard": sheet not read: its benchmarks are not imported`) {
			t.Errorf("import of the export warned: %s", line)
		}
	}
}
