package benchmark

import (
	"testing"

	"scorecard/app"
)

// TestLondonSubRegionShown: a London borough's regional figure, which
// the DfE's files give under its sub-region ("Inner London" for
// Southwark, "Outer London" for Bexley), was stored but never shown
// beside the borough's figures (QA30 finding 12): only "London" was
// known as a region. Each sub-region is the region beside the figures;
// a group that is no region (a workbook's "Comparator") is not.
func TestLondonSubRegionShown(t *testing.T) {
	tests := []struct {
		group string
		want  float64 // the region shown; 0 for none
	}{
		{"Inner London", 10},
		{"Outer London", 10},
		{"London", 10},
		{"South East", 10},
		{"Comparator", 0},
	}
	for _, tt := range tests {
		t.Run(tt.group, func(t *testing.T) {
			h := app.NewHistory()
			h.Apply(&app.Dataset{Benchmarks: []app.Benchmark{
				{Ref: "CIC05", Period: fy(2024), Group: England, Value: app.Float(10)},
				{Ref: "CIC05", Period: fy(2024), Group: tt.group, Value: app.Float(tt.want)},
			}}, "I0001")
			s, ok := Beside(h, "CIC05", app.Period{Kind: app.Quarter, Year: 2025, N: 1})
			if !ok {
				t.Fatal("no benchmarks shown")
			}
			switch {
			case tt.want == 0 && s.Region != nil:
				t.Errorf("region %s shown, want none", s.Region.Group)
			case tt.want != 0 && (s.Region == nil || s.Region.Group != tt.group):
				t.Errorf("region %v, want %s's", s.Region, tt.group)
			}
		})
	}
	for _, name := range []string{"Southwark", "Bexley", "Kent"} {
		a, ok := app.LookupAuthority(name)
		if !ok {
			t.Fatalf("no authority %s", name)
		}
		want := map[string]string{"Southwark": "Inner London", "Bexley": "Outer London", "Kent": ""}[name]
		if got := a.SubRegion(); got != want {
			t.Errorf("%s's sub-region %q, want %q", name, got, want)
		}
	}
}
