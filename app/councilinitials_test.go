package app

import (
	"slices"
	"testing"
)

func TestCouncilsByInitials(t *testing.T) {
	tests := []struct {
		initials string
		want     []string
	}{
		{"WSCC", []string{"West Sussex"}},
		{"KCC", []string{"Kent"}},
		{"HCC", []string{"Hampshire", "Hertfordshire"}},
		{"LBTH", []string{"Tower Hamlets"}},
		{"BCC", []string{"Bristol, City of", "Buckinghamshire"}},
		{"CSC", nil}, // a service's, no council's
		{"wscc", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, a := range CouncilsByInitials(tt.initials) {
			got = append(got, a.Name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("CouncilsByInitials(%q) = %q, want %q", tt.initials, got, tt.want)
		}
	}
}

func TestMayGoBy(t *testing.T) {
	tests := []struct {
		authority, initials string
		want                bool
	}{
		{"Kent", "KCC", true},
		{"Leeds", "LCC", true},
		{"Wigan", "WMBC", true},
		{"Reading", "RBC", true},
		{"Hackney", "LBH", true},
		{"Kingston upon Thames", "RBKT", true},
		{"Bristol, City of", "BCC", true},
		{"Kent", "ECC", false},
		{"Kent", "K", false},
		{"West Sussex", "WSCC", true},
		{"West Sussex", "SCC", false},
	}
	for _, tt := range tests {
		a, ok := LookupAuthority(tt.authority)
		if !ok {
			t.Fatalf("no authority %q", tt.authority)
		}
		if got := a.MayGoBy(tt.initials); got != tt.want {
			t.Errorf("%s.MayGoBy(%q) = %v, want %v", tt.authority, tt.initials, got, tt.want)
		}
	}
}
