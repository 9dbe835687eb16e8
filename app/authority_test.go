package app

import (
	"fmt"
	"slices"
	"testing"
)

func TestAuthorities(t *testing.T) {
	if n := len(Authorities()); n != 153 {
		t.Fatalf("%d authorities, want the DfE's 153", n)
	}
	kent := DefaultAuthority()
	if kent.Name != "Kent" || kent.Old != "886" || kent.New != "E10000016" || kent.Region != "South East" {
		t.Errorf("default authority = %+v, want Kent 886 E10000016 South East", kent)
	}
	// The demo's districts, exactly as area.go listed them before profiles.
	want := []Area{"Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe",
		"Gravesham", "Maidstone", "Sevenoaks", "Swale", "Thanet",
		"Tonbridge and Malling", "Tunbridge Wells"}
	if got := kent.Districts(); !slices.Equal(got, want) {
		t.Errorf("Kent's districts = %q, want %q", got, want)
	}
	// The first of Kent's neighbours in the 2025 model is Essex (881).
	if len(kent.Neighbours) != 10 || kent.Neighbours[0] != "881" {
		t.Errorf("Kent's neighbours = %v, want 10 starting 881", kent.Neighbours)
	}
	// Every one of the 21 county councils ships with its districts (five
	// in East Sussex, Oxfordshire, Suffolk and Cambridgeshire, the
	// fewest), and every district is one county's alone.
	counties := []string{"Cambridgeshire", "Derbyshire", "Devon", "East Sussex", "Essex", "Gloucestershire",
		"Hampshire", "Hertfordshire", "Kent", "Lancashire", "Leicestershire", "Lincolnshire", "Norfolk",
		"Nottinghamshire", "Oxfordshire", "Staffordshire", "Suffolk", "Surrey", "Warwickshire",
		"West Sussex", "Worcestershire"}
	owner := map[Area]string{}
	for _, name := range counties {
		a, ok := LookupAuthority(name)
		if !ok || len(a.Districts()) < 5 {
			t.Errorf("%s: found %v, districts %v; want a county with its districts", name, ok, a)
			continue
		}
		for _, d := range a.Districts() {
			if other, dup := owner[d]; dup {
				t.Errorf("%s is a district of both %s and %s", d, other, name)
			}
			owner[d] = name
		}
	}
	if a, ok := LookupAuthority("Barnet"); !ok || len(a.Districts()) != 0 {
		t.Errorf("Barnet: %v %v, want a London borough with no districts", a, ok)
	}
}

func TestAuthorityParseArea(t *testing.T) {
	surrey, _ := LookupAuthority("936")
	kent := DefaultAuthority()
	for _, tc := range []struct {
		a    *Authority
		in   string
		want Area
		ok   bool
	}{
		{kent, "Shepway", "Folkestone and Hythe", true},
		{kent, "Tonbridge & Malling", "Tonbridge and Malling", true},
		{kent, "KENT", "Kent", true},
		{kent, "E10000016", "Kent", true},
		{kent, "Out of County/Unknown", OutOfCounty, true},
		{kent, "Guildford", "", false},
		{surrey, "Epsom & Ewell", "Epsom and Ewell", true},
		{surrey, "Reigate & Banstead", "Reigate and Banstead", true},
		{surrey, "Surrey County Council", "Surrey", true},
		{surrey, "UASC", UASCService, true},
		{surrey, "Ashford", "", false},
		// Former districts' names, merged or renamed, read as today's.
		{mustAuthority(t, "Suffolk"), "Waveney", "East Suffolk", true},
		{mustAuthority(t, "Suffolk"), "St Edmundsbury", "West Suffolk", true},
		{mustAuthority(t, "Staffordshire"), "Newcastle under Lyme", "Newcastle-under-Lyme", true},
		{mustAuthority(t, "Leicestershire"), "Hinckley & Bosworth", "Hinckley and Bosworth", true},
	} {
		got, ok := tc.a.ParseArea(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s.ParseArea(%q) = %q, %v; want %q, %v", tc.a.Name, tc.in, got, ok, tc.want, tc.ok)
		}
	}
	if got := AuthoritiesOf("Guildford", kent); len(got) != 1 || got[0] != surrey {
		t.Errorf("AuthoritiesOf(Guildford) = %v, want Surrey", got)
	}
}

func TestLookupAuthority(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Surrey", "Surrey"}, {"surrey county council", "Surrey"}, {"936", "Surrey"},
		{"E10000030", "Surrey"}, {"Kent", "Kent"}, {"Brighton & Hove", "Brighton and Hove"},
	} {
		a, ok := LookupAuthority(tc.in)
		if !ok || a.Name != tc.want {
			t.Errorf("LookupAuthority(%q) = %v, %v; want %s", tc.in, a, ok, tc.want)
		}
	}
	// The names councils go by in workbooks, beside the DfE's.
	for _, tc := range []struct{ in, want string }{
		{"Bristol", "Bristol, City of"}, {"Bristol City Council", "Bristol, City of"},
		{"Herefordshire", "Herefordshire, County of"}, {"Hull", "Kingston upon Hull, City of"},
		{"Hull City Council", "Kingston upon Hull, City of"}, {"Durham", "County Durham"},
		{"Durham County Council", "County Durham"}, {"Southend", "Southend-on-Sea"},
		{"Stoke", "Stoke-on-Trent"}, {"Newcastle", "Newcastle upon Tyne"},
		{"London Borough of Camden", "Camden"}, {"Royal Borough of Greenwich", "Greenwich"},
		{"Leeds City Council", "Leeds"}, {"City of York Council", "York"},
		{"Essex County Council", "Essex"}, {"Barnet Council", "Barnet"},
	} {
		a, ok := LookupAuthority(tc.in)
		if !ok || a.Name != tc.want {
			t.Errorf("LookupAuthority(%q) = %v, %v; want %s", tc.in, a, ok, tc.want)
		}
	}
	for _, in := range []string{"Surry", "County", "", "Narnia"} {
		if a, ok := LookupAuthority(in); ok {
			t.Errorf("LookupAuthority(%q) = %v, want none", in, a)
		}
	}
	if near := NearestAuthorities("Surry", 3); len(near) == 0 || near[0].Name != "Surrey" {
		t.Errorf("NearestAuthorities(Surry) = %v, want Surrey first", near)
	}
}

// TestLookupAuthorityEverySpelling checks the index LookupAuthority reads
// against the rule it stands for: a spelling names the first authority,
// in the DfE's order, whose own area it spells; a district's or a
// pseudo-area's spelling names none.
func TestLookupAuthorityEverySpelling(t *testing.T) {
	spellings := map[string]bool{}
	for _, a := range Authorities() {
		for f := range a.variants {
			spellings[f] = true
		}
	}
	for f := range spellings {
		var want *Authority
		for _, a := range Authorities() {
			if got, ok := a.variants[f]; ok && got == a.Area() && f != foldArea("County") {
				want = a
				break
			}
		}
		if a, ok := LookupAuthority(f); a != want || ok != (want != nil) {
			t.Errorf("LookupAuthority(%q) = %v, %v; want %v", f, a, ok, want)
		}
	}
}

func TestWithDistricts(t *testing.T) {
	essex, _ := LookupAuthority("Essex")
	// A unitary authority has no districts shipped: the officer names
	// its localities.
	cornwall := mustAuthority(t, "Cornwall")
	named := cornwall.WithDistricts([]string{"Penwith", " Kerrier ", "", "penwith", "Cornwall"})
	if got, want := named.Districts(), []Area{"Penwith", "Kerrier"}; !slices.Equal(got, want) {
		t.Errorf("Cornwall with localities = %q, want %q", got, want)
	}
	if a, ok := named.ParseArea("KERRIER"); !ok || a != "Kerrier" {
		t.Errorf("ParseArea(KERRIER) = %q, %v", a, ok)
	}
	if len(cornwall.Districts()) != 0 {
		t.Errorf("the shipped profile changed: %q", cornwall.Districts())
	}
	if got := essex.WithDistricts([]string{"Colchester"}).Districts(); len(got) != len(essex.Districts()) {
		t.Errorf("a district named again was added twice: %q", got)
	}
}

func TestDistrictIn(t *testing.T) {
	surrey, _ := LookupAuthority("Surrey")
	kent := DefaultAuthority()
	for _, tc := range []struct {
		a     *Authority
		title string
		want  Area
	}{
		{kent, "Ashford District Scorecard", "Ashford"},
		{kent, "Shepway summary, March 2025", "Folkestone and Hythe"},
		{kent, "TUNBRIDGE WELLS BOROUGH", "Tunbridge Wells"},
		{kent, "Tonbridge & Malling", "Tonbridge and Malling"},
		{kent, "Kent Scorecard", ""},
		{surrey, "Reigate & Banstead Borough Council scorecard", "Reigate and Banstead"},
		{surrey, "Surrey Heath", "Surrey Heath"},
		{surrey, "Dover", ""},
	} {
		if got, _ := tc.a.DistrictIn(tc.title); got != tc.want {
			t.Errorf("%s.DistrictIn(%q) = %q, want %q", tc.a.Name, tc.title, got, tc.want)
		}
	}
}

func TestAuthorityOf(t *testing.T) {
	surrey, _ := LookupAuthority("Surrey")
	for _, tc := range []struct {
		name  string
		areas []Area
		want  *Authority
	}{
		{"none", nil, DefaultAuthority()},
		{"the default's", []Area{Kent, "Ashford"}, DefaultAuthority()},
		{"another's", []Area{"Surrey", "Woking", "Surrey"}, surrey},
		// A Kent store keeping a column headed "Surrey" under its own
		// name is still Kent's.
		{"most series win", []Area{Kent, Kent, "Surrey"}, DefaultAuthority()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := NewHistory()
			var obs []Observation
			for i, a := range tc.areas {
				obs = append(obs, Observation{Ref: fmt.Sprintf("R%d", i), Area: a, Period: MonthOf(2025, 3), Value: Float(1)})
			}
			h.Apply(&Dataset{Observations: obs}, "I0001")
			if got := AuthorityOf(h); got != tc.want {
				t.Errorf("AuthorityOf = %s, want %s", got, tc.want)
			}
		})
	}
}

func mustAuthority(t *testing.T, name string) *Authority {
	t.Helper()
	a, ok := LookupAuthority(name)
	if !ok {
		t.Fatalf("no authority %q", name)
	}
	return a
}

// TestNamesOneAuthority: no name of an authority, or of a district, is
// another authority's or district's, so that a name in a workbook is read
// as one council's alone. "County", every county's own total, is the one
// name several share.
func TestNamesOneAuthority(t *testing.T) {
	owner := map[string]string{}
	claim := func(name, who string) {
		f := foldArea(name)
		if f == "" || f == foldArea("County") {
			return
		}
		if other, ok := owner[f]; ok && other != who {
			t.Errorf("%q names both %s and %s", name, other, who)
		}
		owner[f] = who
	}
	for _, a := range Authorities() {
		for f, area := range a.variants {
			switch {
			case area == a.Area():
				claim(f, a.Name)
			case slices.Contains(a.Districts(), area):
				claim(f, a.Name+"'s district "+string(area))
			}
		}
	}
}

// TestParseAuthorities reads the profiles' lines as mkauthorities writes
// them, and refuses a line it cannot place, naming it: the binary would
// otherwise start with an authority missing or misread.
func TestParseAuthorities(t *testing.T) {
	const head = "# comment\ndefault\t886\npseudo\tUASC Service\tUASC|UASC Team\n"
	for _, tt := range []struct {
		name, text, want, err string
	}{
		{"an authority and its districts", head + "authority\tKent\t886\tE10000016\tSouth East\tSC\tKent County Council\t850|855\ndistrict\tAshford\t\ndistrict\tFolkestone and Hythe\tShepway|Folkestone & Hythe\n",
			"886 [{UASC Service [UASC UASC Team]}] [{Kent 886 E10000016 South East SC [Kent County Council] [850 855] [{Ashford []} {Folkestone and Hythe [Shepway Folkestone & Hythe]}]}]", ""},
		{"a unitary authority with no spellings", head + "authority\tLeeds\t383\tE08000035\tYorkshire and The Humber\tMD\t\t384|373\n",
			"886 [{UASC Service [UASC UASC Team]}] [{Leeds 383 E08000035 Yorkshire and The Humber MD [] [384 373] []}]", ""},
		{"a district before any authority", head + "district\tAshford\t\n", "", "line 4: want district NAME SPELLINGS after its authority"},
		{"an authority short of a field", head + "authority\tKent\t886\n", "", "line 4: want authority NAME OLD NEW REGION TYPE SPELLINGS NEIGHBOURS"},
		{"an unknown record", head + "council\tKent\n", "", `line 4: "council" is no kind of record`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := parseAuthorities(tt.text, false)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(f.Default, " ", f.Pseudo, " ", f.Authorities); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
