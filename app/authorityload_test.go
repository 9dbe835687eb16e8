package app

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// Read alone, the default authority's records give what reading every
// record gives them, and nothing of any other authority: a district line
// belongs to the authority above it, read or not.
func TestParseDefaultAuthorityAlone(t *testing.T) {
	const head = "# comment\ndefault\t886\npseudo\tUASC Service\tUASC|UASC Team\n"
	const (
		leeds   = "authority\tLeeds\t383\tE08000035\tYorkshire and The Humber\tMD\t\t384|373\n"
		kent    = "authority\tKent\t886\tE10000016\tSouth East\tSC\tKent County Council\t850|855\ndistrict\tAshford\t\ndistrict\tFolkestone and Hythe\tShepway|Folkestone & Hythe\n"
		surrey  = "authority\tSurrey\t936\tE10000030\tSouth East\tSC\t\t850\ndistrict\tWoking\t\n"
		kentOld = "authority\tKent\t8860\tE10000016\tSouth East\tSC\t\t850\ndistrict\tDover\t\n"
	)
	wantKent := "886 [{UASC Service [UASC UASC Team]}] [{Kent 886 E10000016 South East SC [Kent County Council] [850 855] [{Ashford []} {Folkestone and Hythe [Shepway Folkestone & Hythe]}]}]"
	for _, tt := range []struct {
		name, text, want string
	}{
		{"the default first", head + kent + surrey + leeds, wantKent},
		{"the default between others with districts", head + surrey + leeds + kent + surrey, wantKent},
		{"the default last", head + leeds + surrey + kent, wantKent},
		{"a code the default's begins", head + kentOld + leeds, "886 [{UASC Service [UASC UASC Team]}] []"},
		{"no default authority", head + leeds + surrey, "886 [{UASC Service [UASC UASC Team]}] []"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := parseAuthorities(tt.text, true)
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(f.Default, " ", f.Pseudo, " ", f.Authorities); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// The default authority read alone, as every command starts, is the
// profile reading every authority makes of the embedded records, and the
// very one Authorities lists: a store's authority compared with it by
// pointer is the default whichever was read first.
func TestDefaultAuthorityReadAlone(t *testing.T) {
	f, err := parseAuthorities(authoritiesTSV, false)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(f.Authorities, func(r authorityRow) bool { return r.Old == f.Default })
	if i < 0 {
		t.Fatalf("no authority has the default code %s", f.Default)
	}
	want := newAuthority(f.Authorities[i], foldPseudoAreas(f.Pseudo))
	got := DefaultAuthority()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the default authority read alone = %+v\nread with the rest: %+v", got, want)
	}
	if !slices.Contains(Authorities(), got) {
		t.Errorf("Authorities does not list the profile DefaultAuthority gives")
	}
	if Kent != want.Area() || !slices.Equal(Districts, want.Districts()) || !slices.Equal(Areas, want.Areas()) {
		t.Errorf("Kent, Districts, Areas = %q, %q, %q; the default authority's are %q, %q, %q",
			Kent, Districts, Areas, want.Area(), want.Districts(), want.Areas())
	}
}
