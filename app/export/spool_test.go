package export

import (
	"os"
	"runtime"
	"testing"
	"time"
)

// TestSpoolLeavesNothing: the Data sheet's spool has no name in the
// temporary folder while the export writes through it, so a killed export
// (which never reaches close) leaves nothing there; and an export sweeps
// the spools killed exports left before (a day old, or any the system
// lets go of where an open file cannot be removed, as on Windows), but no
// other file.
func TestSpoolLeavesNothing(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("an open file keeps its name on Windows; the sweep is what clears it there")
	}
	tests := []leftover{
		{"scorecard-data-4041155470.xml", 26 * time.Hour, false}, // a killed export's, two days ago
		{"scorecard-data-1285529962.xml", time.Minute, true},     // maybe an older version's export still running
		{"scorecard-notes.xml", 30 * 24 * time.Hour, true},       // not a spool
		{"Kent scorecard.xlsx", 30 * 24 * time.Hour, true},
	}
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	plantLeftovers(t, dir, tests, []byte("<row/>"))
	sp, err := newSpool()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sp.f.WriteString(`<row r="2"><c r="A2" t="inlineStr"><is><t>CIC05</t></is></c></row>`); err != nil {
		t.Fatal(err)
	}
	names := checkSwept(t, dir, tests)
	if len(names) != 3 {
		t.Errorf("the temporary folder holds %v while the export writes; want only the three files not swept", names)
	}
	// The spool reads back what was written, without a name.
	if _, err := sp.f.Seek(0, 0); err != nil {
		t.Fatal(err)
	}
	b := make([]byte, 9)
	if _, err := sp.f.Read(b); err != nil || string(b) != `<row r="2` {
		t.Errorf("the spool reads back %q, %v", b, err)
	}
	// A file made since under the spool's old name is not the spool's to
	// remove.
	other := sp.f.Name()
	if err := os.WriteFile(other, []byte("another export's"), 0o600); err != nil {
		t.Fatal(err)
	}
	sp.close()
	if _, err := os.Stat(other); err != nil {
		t.Errorf("close removed a file made since under the spool's name: %v", err)
	}
}
