package views

import "testing"

// TestExportCarriesVersion: a workbook or pack exported from the window
// names the build that made it, as one from the CLI does (QA23c D11: its
// provenance said "App version: Scorecard", blank).
func TestExportCarriesVersion(t *testing.T) {
	was := Version
	t.Cleanup(func() { Version = was })
	for _, v := range []string{"0.1.0", "1.2.3-test"} {
		Version = v
		_, w := windowOnDemo(t)
		opt, err := w.newExportForm().options()
		if err != nil {
			t.Fatal(err)
		}
		if opt.AppVersion != v {
			t.Errorf("the export's version is %q, want %q", opt.AppVersion, v)
		}
	}
}
