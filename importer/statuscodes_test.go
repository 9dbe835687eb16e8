package importer

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestStatusCodesSaid checks each status code a file writes otherwise
// than as its GSS code ("-", "..", "n/a", "*", "#N/A", "#DIV/0!") is said
// once, at its first cell, with what it was read as and how many more
// cells give it, "-" with how to write nil; and that the GSS codes
// themselves ("c", "[x]", "low") are not said (QA20 D7). Every code's
// text is kept in Raw.
func TestStatusCodesSaid(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Ref", "Indicator", "Polarity", "Apr-25", "May-25", "Jun-25", "Jul-25"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"SC01", "Number of contacts", "", "-", "..", 12, "-"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"SC02", "Number of referrals", "", "n/a", "N/A", "*", "-"})
	f.SetSheetRow("Sheet1", "A4", &[]any{"SC03", "Number of assessments", "", "#N/A", "#DIV/0!", "c", "[x]"})
	f.SetSheetRow("Sheet1", "A5", &[]any{"SC04", "Number of plans", "", "low", "[z]", "k", 4})
	f.SetSheetRow("Sheet1", "A6", &[]any{"SC05", "Number of visits", "", "Data to be supplied", "tbc", "<5", 5})
	res := readFile(t, f)
	tests := []struct {
		cell string
		want string // "" for no such warning at the cell
	}{
		{"D2", `SC01 Kent Apr-25: "-" read as x (not available), here and at 2 more cells of the file, as the store and its exports show it; the source's text is kept with each figure; if "-" means nil (zero), as in ONS tables, write 0`},
		{"E2", `SC01 Kent May-25: ".." read as x (not available), as the store and its exports show it; the source's text is kept with each figure`},
		{"D3", `SC02 Kent Apr-25: "n/a" read as z (not applicable), here and at 1 more cell of the file, as the store and its exports show it; the source's text is kept with each figure`},
		{"F3", `SC02 Kent Jun-25: "*" read as c (suppressed to protect confidentiality), as the store and its exports show it; the source's text is kept with each figure`},
		{"D4", `SC03 Kent Apr-25: "#N/A" read as x (not available), as the store and its exports show it; the source's text is kept with each figure`},
		{"E4", `SC03 Kent May-25: "#DIV/0!" read as x (not available), as the store and its exports show it; the source's text is kept with each figure`},
		{"D6", `SC05 Kent Apr-25: "Data to be supplied" read as x (not available), as the store and its exports show it; the source's text is kept with each figure`},
		{"E6", `SC05 Kent May-25: "tbc" read as x (not available), as the store and its exports show it; the source's text is kept with each figure`},
		// "<5" is said where its bound is set aside, its period named
		// as every other warning names one (QA27b 9: it said "2025-06").
		{"F6", `SC05 Kent Jun-25: "<5" read as c (suppressed to protect confidentiality): the source's text is kept with it, but the bound it gives is not used`},
		{"G2", ""}, {"E3", ""}, {"G3", ""}, {"F4", ""}, {"G4", ""}, {"D5", ""}, {"E5", ""}, {"F5", ""},
	}
	for _, tt := range tests {
		var said []string
		for _, n := range warnedAt(res, "Sheet1", tt.cell) {
			if strings.Contains(n, " read as ") {
				said = append(said, n)
			}
		}
		switch {
		case tt.want == "" && len(said) > 0:
			t.Errorf("%s: warned %q, want no code said", tt.cell, said)
		case tt.want != "" && (len(said) != 1 || said[0] != tt.want):
			t.Errorf("%s: warned %q, want %q", tt.cell, said, tt.want)
		}
	}
	for _, o := range res.Dataset.Observations {
		cell := strings.TrimPrefix(o.Cell, "Sheet1!")
		text, _ := f.GetCellValue("Sheet1", cell)
		if o.Status != app.OK && o.Raw != text {
			t.Errorf("%s: %q stored as %q with raw %q, want the cell's text kept", cell, text, o.Status, o.Raw)
		}
	}
}
