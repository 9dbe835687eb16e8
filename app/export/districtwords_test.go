package export

import (
	"strings"
	"testing"

	"scorecard/app"
)

// TestDistrictsSheetWords: the Districts sheet speaks of districts and
// of the authority's own target only where it has districts; a city or
// a London borough has its own figures there, under no county's name
// (QA23b L1: Leeds' and Camden's said "rated against the county target"
// over a "County target" column).
func TestDistrictsSheetWords(t *testing.T) {
	tests := []struct {
		authority, title, head string
	}{
		{"Leeds", "Leeds has no districts: its own figures for Jul-Sep 2025, rated against its target", "Target"},
		{"Camden", "Camden has no districts: its own figures for Jul-Sep 2025, rated against its target", "Target"},
		{"Kent", "Districts: Jul-Sep 2025, rated against the Kent target", "Kent target"},
	}
	for _, tt := range tests {
		t.Run(tt.authority, func(t *testing.T) {
			auth, ok := app.LookupAuthority(tt.authority)
			if !ok {
				t.Fatalf("no authority %s", tt.authority)
			}
			path := sheetWorkbook(t, t.TempDir(), "Scorecard", [][]any{
				{"Children's services performance scorecard - Q2 2025/26"},
				{},
				{"Ref", "Indicator", "Polarity", "Data Period", "Target 2025/26", "Floor 2025/26", "Q1 2025/26", "Q2 2025/26"},
				{"CS02", "Re-referrals to children's social care within 12 months (%)", "L", "Q", 20, 24, 19.5, 24.5},
			})
			h := storeFor(t, auth, path)
			f, _ := written(t, h, Options{Authority: auth, Area: auth.Area(), Produced: produced, AppVersion: "1.0-test"}, false)
			if got, _ := f.GetCellValue(DistrictsSheet, "A1"); got != tt.title {
				t.Errorf("Districts!A1 = %q, want %q", got, tt.title)
			}
			text := sheetText(t, f, DistrictsSheet)
			if !strings.Contains(text, "Ref Indicator "+tt.head+" "+tt.authority) {
				t.Errorf("Districts sheet has no heading row %q:\n%s", "Ref Indicator "+tt.head+" "+tt.authority, text)
			}
			if strings.Contains(strings.ToLower(text), "county") {
				t.Errorf("Districts sheet speaks of a county:\n%s", text)
			}
			if len(auth.Districts()) == 0 && strings.Contains(text, "district's own") {
				t.Errorf("Districts sheet of %s speaks of a district's own target:\n%s", tt.authority, text)
			}
		})
	}
}
