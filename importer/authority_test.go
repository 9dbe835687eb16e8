package importer

import (
	"context"
	"strings"
	"testing"

	"scorecard/app"
)

// surreyDistricts are Surrey's districts as its scorecards spell them,
// "&" and all.
var surreyDistricts = []string{"Elmbridge", "Epsom & Ewell", "Guildford", "Mole Valley",
	"Reigate & Banstead", "Runnymede", "Spelthorne", "Surrey Heath", "Tandridge",
	"Waverley", "Woking"}

// surreyBook is a small scorecard from Surrey: a scorecard sheet for the
// county and a district summary with its 11 districts, "Out of County"
// and "UASC" columns.
func surreyBook(t *testing.T) string {
	b := newBook(t)
	b.sheet("Scorecard")
	b.row("Scorecard", "A1", "Surrey Children's Services Scorecard")
	b.row("Scorecard", "A3", "Ref", "Indicator", "Jan-25", "Feb-25", "Mar-25")
	b.row("Scorecard", "A4", "CIC01", "Number of children in care", 930, 931, 932)
	b.sheet("Districts")
	b.row("Districts", "A1", "District summary - March 2025")
	head := []any{"Ref", "Indicator", "Surrey"}
	vals := []any{"CIC01", "Number of children in care", 932}
	for i, d := range surreyDistricts {
		head = append(head, d)
		vals = append(vals, 60+i)
	}
	head = append(head, "Out of County", "UASC")
	vals = append(vals, 40, 121)
	b.row("Districts", "A3", head...)
	b.row("Districts", "A4", vals...)
	return b.save("surrey.xlsx")
}

func lookup(t *testing.T, name string) *app.Authority {
	t.Helper()
	a, ok := app.LookupAuthority(name)
	if !ok {
		t.Fatalf("no authority %q", name)
	}
	return a
}

func TestAnotherCountyIntoItsOwnStore(t *testing.T) {
	surrey := lookup(t, "Surrey")
	res, err := Read(context.Background(), surreyBook(t), Options{Authority: surrey})
	if err != nil {
		t.Fatal(err)
	}
	got := map[app.Area]float64{}
	for _, o := range res.Dataset.Observations {
		if o.Ref == "CIC01" && o.Period == app.MonthOf(2025, 3) && o.Split == app.All && o.Value != nil {
			got[o.Area] = *o.Value
		}
	}
	want := map[app.Area]float64{"Surrey": 932, app.OutOfCounty: 40, app.UASCService: 121}
	for i, d := range surrey.Districts() {
		want[d] = float64(60 + i)
	}
	if len(surrey.Districts()) != len(surreyDistricts) {
		t.Fatalf("Surrey has %d districts, the workbook %d", len(surrey.Districts()), len(surreyDistricts))
	}
	for a, v := range want {
		if got[a] != v {
			t.Errorf("CIC01 %s March 2025 = %v, want %v", a, got[a], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("areas read %v, want %v", got, want)
	}
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "not read") {
			t.Errorf("warning %v: every column is Surrey's", w)
		}
	}
}

func TestAnotherCountyRefusedNamingIt(t *testing.T) {
	_, err := Read(context.Background(), surreyBook(t), Options{Authority: app.DefaultAuthority()})
	if err == nil {
		t.Fatal("a Surrey scorecard was read into a Kent store")
	}
	for _, want := range []string{"areas Elmbridge, Epsom & Ewell, Guildford are Surrey's districts, not Kent's", "scorecard authority Surrey"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}

func TestTidyAreasAreTheStoresAuthoritys(t *testing.T) {
	surrey := lookup(t, "Surrey")
	for _, tc := range []struct {
		name, csv string
		auth      *app.Authority
		areas     []app.Area // of the figures read, in order
		warn      string     // a warning that must be given
	}{
		{"no area column", "Ref,Period,Value\nCIC01,2025-03,932\n", surrey,
			[]app.Area{"Surrey"}, "no area column: every figure is filed under Surrey"},
		{"districts", "Ref,Period,Area,Value\nCIC01,2025-03,Surrey,932\nCIC01,2025-03,Epsom & Ewell,61\n", surrey,
			[]app.Area{"Surrey", "Epsom and Ewell"}, ""},
		{"another's district", "Ref,Period,Area,Value\nCIC01,2025-03,Kent,1896\nCIC01,2025-03,Woking,70\n", app.DefaultAuthority(),
			[]app.Area{"Kent", "Woking"}, `area "Woking" is an area of Surrey, not of Kent; its figures here and in every row naming it are kept under "Woking"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeCSV(t, tc.csv), Options{Authority: tc.auth})
			if err != nil {
				t.Fatal(err)
			}
			var areas []app.Area
			for _, o := range res.Dataset.Observations {
				areas = append(areas, o.Area)
			}
			if strings.Join(toStrings(areas), "|") != strings.Join(toStrings(tc.areas), "|") {
				t.Errorf("areas %v, want %v", areas, tc.areas)
			}
			if tc.warn == "" {
				return
			}
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, tc.warn) {
					return
				}
			}
			t.Errorf("no warning %q in %v", tc.warn, res.Warnings)
		})
	}
}

func toStrings(as []app.Area) []string {
	s := make([]string, len(as))
	for i, a := range as {
		s[i] = string(a)
	}
	return s
}

func TestSheetOfAnotherCouncilRefused(t *testing.T) {
	b := newBook(t)
	b.sheet("Surrey")
	b.row("Surrey", "A1", "Ref", "Indicator", "Jan-25", "Feb-25")
	b.row("Surrey", "A2", "CIC01", "Number of children in care", 930, 931)
	path := b.save("surrey-only.xlsx")
	_, err := Read(context.Background(), path, Options{})
	if err == nil || !strings.Contains(err.Error(), "area Surrey is Surrey's own area, not Kent's") {
		t.Errorf("a sheet of Surrey's read into a Kent store: %v", err)
	}
	res, err := Read(context.Background(), path, Options{Authority: lookup(t, "Surrey")})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range res.Dataset.Observations {
		if o.Area != "Surrey" {
			t.Errorf("%s %s filed under %s, want Surrey", o.Ref, o.Period, o.Area)
		}
	}
}

func TestStrayDistrictWarnedOnceAtItsCell(t *testing.T) {
	b := newBook(t)
	b.sheet("Districts")
	b.row("Districts", "A1", "District summary - March 2025")
	b.row("Districts", "A3", "Ref", "Indicator", "Kent", "Ashford", "Woking", "Shepway")
	b.row("Districts", "A4", "CIC01", "Number of children in care", 1896, 115, 70, 120)
	res, err := Read(context.Background(), b.save("stray.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[app.Area]float64{}
	for _, o := range res.Dataset.Observations {
		got[o.Area] = *o.Value
	}
	// Woking is kept under its own name, never dropped, until mapped.
	if len(got) != 4 || got["Kent"] != 1896 || got["Ashford"] != 115 || got["Folkestone and Hythe"] != 120 || got["Woking"] != 70 {
		t.Errorf("figures %v, want Kent, Ashford, Folkestone and Hythe and Woking", got)
	}
	var woking []string
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "Woking") {
			woking = append(woking, w.String())
		}
	}
	if len(woking) != 1 || !strings.Contains(woking[0], "Districts!E3") || !strings.Contains(woking[0], "an area of Surrey, not of Kent") {
		t.Errorf("warnings of Woking %q, want one at Districts!E3 naming Surrey", woking)
	}
}

func TestDistrictSheetTitledByItsDistrict(t *testing.T) {
	b := newBook(t)
	b.sheet("W")
	b.row("W", "A1", "Woking District Scorecard")
	b.row("W", "A3", "Ref", "Indicator", "Feb-25", "Mar-25")
	b.row("W", "A4", "CIC01", "Number of children in care", 69, 70)
	path := b.save("woking.xlsx")
	res, err := Read(context.Background(), path, Options{Authority: lookup(t, "Surrey")})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Dataset.Observations); n != 2 {
		t.Fatalf("%d figures, want 2", n)
	}
	for _, o := range res.Dataset.Observations {
		if o.Area != "Woking" {
			t.Errorf("%s %s filed under %q, want Woking", o.Ref, o.Period, o.Area)
		}
	}
	if _, err := Read(context.Background(), path, Options{}); err == nil || !strings.Contains(err.Error(), "area Woking is Surrey's district") {
		t.Errorf("Woking's sheet into a Kent store: %v", err)
	}
}
