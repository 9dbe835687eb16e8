package main

import (
	"path/filepath"
	"strings"
	"testing"
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
