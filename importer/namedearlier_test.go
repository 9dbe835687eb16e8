package importer

import (
	"slices"
	"testing"
)

// TestDatedForms: a sheet named for its month is named for the months
// near it in its own words, so that a store's indicator keyed by an
// earlier month's whole name of it is found (earlierKeyed); a name with
// no date, two dates or nothing but its date has no other forms.
func TestDatedForms(t *testing.T) {
	for _, tt := range []struct {
		sheet      string
		has, never []string
	}{
		{"EH Mar 25", []string{"EH Mar 25", "EH Feb 25", "EH February 25", "EH Mar 24", "EH Dec 22", "EH Mar 26"}, []string{"EH Feb 2025", "EH Mar 21"}},
		{"CSC March 2025", []string{"CSC February 2025", "CSC Feb 2025", "CSC Sept 2024"}, []string{"CSC Feb 25"}},
		{"csc-sept-25", []string{"csc aug 25", "csc september 24"}, nil},
		{"CSC 2025-26", []string{"CSC 2024 25", "CSC 2022 23", "CSC 2026 27"}, []string{"CSC 2024", "CSC 2021 22"}},
		{"EH Q3 2024-25", []string{"EH Q2 2024 25", "EH Q4 2023 24"}, nil},
		{"Team 12", nil, []string{"Team 11"}},
		{"Mar 25", nil, []string{"Feb 25"}},
		{"EH Feb 25 to Mar 25", nil, []string{"EH Jan 25 to Mar 25"}},
	} {
		t.Run(tt.sheet, func(t *testing.T) {
			got := datedForms(tt.sheet)
			for _, h := range tt.has {
				if !slices.Contains(got, h) {
					t.Errorf("no %q among %q", h, got)
				}
			}
			for _, n := range tt.never {
				if slices.Contains(got, n) {
					t.Errorf("%q among its forms", n)
				}
			}
			if len(tt.has) == 0 && len(got) > 0 {
				t.Errorf("forms %q, want none", got)
			}
		})
	}
}

// TestEarlierKeyed: of the store's refs of a name keyed by sheets, those
// made from an earlier month's whole name of the sheet, as imports before
// dates were left out made them, are found with the name they were keyed
// by; another sheet's, or one keyed without its date, is not.
func TestEarlierKeyed(t *testing.T) {
	key := nameKey("Number of referrals")
	ref := func(sheet string) string { return keyRef(key + " / " + nameKey(sheet)) }
	stored := []string{ref("EH Feb 25"), ref("EH Jan 25"), ref("CSC Feb 25"), keyRef(sheetKey(key, "EH Mar 25"))}
	for _, tt := range []struct {
		sheet string
		want  []earlierName
	}{
		{"CSC Mar 25", []earlierName{{ref("CSC Feb 25"), "CSC Feb 25"}}},
		{"CSC Feb 25", []earlierName{{ref("CSC Feb 25"), "CSC Feb 25"}}},
		{"EH Mar 25", []earlierName{{"NREF2-9691", "EH Feb 25"}, {ref("EH Jan 25"), "EH Jan 25"}}},
		{"LA Mar 25", nil},
		{"CSC", nil},
	} {
		t.Run(tt.sheet, func(t *testing.T) {
			if got := earlierKeyed(key, tt.sheet, stored); !slices.Equal(got, tt.want) {
				t.Errorf("earlier %v, want %v", got, tt.want)
			}
		})
	}
}
