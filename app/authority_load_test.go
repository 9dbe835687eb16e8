package app

import "testing"

// TestLoadingProfilesFoldsOnlyWhenAsked checks that loading the profiles,
// which every command does as it starts, folds no authority's spellings
// (over a third of the load's 8,600 allocations for the 153 authorities),
// and that an authority asked afterwards reads every kind of spelling as
// before, later kinds winning: its own name, spellings and codes, the
// pseudo-areas', then its districts'.
func TestLoadingProfilesFoldsOnlyWhenAsked(t *testing.T) {
	if allocs := testing.AllocsPerRun(3, func() { loadAuthorities() }); allocs > 6000 {
		t.Errorf("loading the profiles took %.0f allocations, want at most 6000: spellings folded before they are asked for", allocs)
	}
	auths, def := loadAuthorities()
	byOld := map[string]*Authority{}
	for _, a := range auths {
		byOld[a.Old] = a
	}
	for _, tc := range []struct {
		old, spelling string
		want          Area
		ok            bool
	}{
		{"886", "Kent", "Kent", true},
		{"886", "KENT COUNTY COUNCIL", "Kent", true},
		{"886", "E10000016", "Kent", true},
		{"886", "886", "Kent", true},
		{"886", "County", "Kent", true},
		{"886", "Shepway", "Folkestone and Hythe", true},
		{"886", "Folkestone & Hythe", "Folkestone and Hythe", true},
		{"886", "Tunbridge", "Tunbridge Wells", true},
		{"886", "Out of County", "Out of County / Unknown", true},
		{"886", "UASC Team", "UASC Service", true},
		{"886", "Guildford", "", false},
		{"936", "Surrey overall", "Surrey", true},
		{"936", "Guildford", "Guildford", true},
		{"936", "OOC", "Out of County / Unknown", true},
		{"936", "Maidstone", "", false},
	} {
		a := byOld[tc.old]
		if a == nil {
			t.Fatalf("no authority %s", tc.old)
		}
		if got, ok := a.ParseArea(tc.spelling); got != tc.want || ok != tc.ok {
			t.Errorf("%s.ParseArea(%q) = %q, %v; want %q, %v", a, tc.spelling, got, ok, tc.want, tc.ok)
		}
	}
	if def.Old != "886" || def.Area() != Kent {
		t.Errorf("default authority %s", def)
	}
}
