package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A warning about a CSV names the line, as people count a CSV, not a cell
// of a sheet it does not have.
func TestCSVWarningsNameLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "odd.csv")
	os.WriteFile(path, []byte("Ref,Period,Area,Cohort,Numerator,Denominator,Value,Status\n"+
		"TST01,2026-03,Kent,All,5,10,50,\nTST01,2026-03,Kent,All,,,,c\n"), 0o600)
	res, err := Read(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 1 {
		t.Fatalf("warnings = %v, want the one conflict", res.Warnings)
	}
	if w := res.Warnings[0].String(); !strings.Contains(w, "odd.csv: line 3:") || !strings.Contains(w, "at line 2") || strings.Contains(w, "!") {
		t.Errorf("warning = %q, want it to name lines 3 and 2", w)
	}
}
