package app

import "testing"

// TestNamedWithMore: an authority's own name with the words or code a
// producer adds around it is read as the authority, for any authority;
// a district, a pseudo-area, another authority or another's code is not.
func TestNamedWithMore(t *testing.T) {
	for _, tc := range []struct {
		auth, in string
		want     bool
	}{
		{"Leeds", "Leeds LA", true},
		{"Leeds", "Leeds (383)", true},
		{"Leeds", "Leeds (E08000035)", true},
		{"Leeds", "383 - Leeds", true},
		{"Leeds", "Leeds Local Authority", true},
		{"Leeds", "Leeds City Council (383)", true},
		{"Barnsley", "Barnsley Metropolitan Borough Council", true},
		{"Wakefield", "Wakefield Metropolitan District Council", true},
		{"Greenwich", "The Royal Borough of Greenwich", true},
		{"Surrey", "Surrey County Council LA", true},
		{"Derbyshire", "Derbyshire County Council (830)", true},
		{"Bristol, City of", "Bristol LA", true},
		{"Barking and Dagenham", "Barking & Dagenham LA", true},
		// Not the authority: another's code, a district, a pseudo-area,
		// another authority, "County" alone, nothing cut.
		{"Leeds", "Leeds (384)", false},
		{"Leeds", "Kirklees LA", false},
		{"Surrey", "Woking Borough Council LA", false},
		{"Surrey", "Surrey Heath LA", false},
		{"Kent", "County LA", false},
		{"Kent", "UASC LA", false},
		{"Leeds", "Leeds North", false},
		{"Leeds", "LA", false},
		// A name the authority already answers to is ParseArea's.
		{"Leeds", "Leeds City Council", false},
		{"Leeds", "383", false},
		{"Greenwich", "Royal Borough of Greenwich", false},
		{"Nottinghamshire", "Nottingham City Council", false},
		{"Lincolnshire", "Lincoln City Council", false},
	} {
		a, ok := LookupAuthority(tc.auth)
		if !ok {
			t.Fatalf("no authority %q", tc.auth)
		}
		if got := a.NamedWithMore(tc.in); got != tc.want {
			t.Errorf("%s.NamedWithMore(%q) = %v, want %v", tc.auth, tc.in, got, tc.want)
		}
	}
}
