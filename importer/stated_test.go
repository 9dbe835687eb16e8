package importer

import (
	"os"
	"path/filepath"
	"testing"

	"scorecard/app"
)

// TestStatedDefinitions checks that the importer says which parts of a
// definition a file stated, and where, so that a file that only cites an
// indicator never redefines it.
func TestStatedDefinitions(t *testing.T) {
	at := func(cell string) app.Location { return app.Location{File: "f.csv", Cell: cell} }
	tests := []struct {
		name string
		csv  string
		want map[string]app.Stated
	}{{
		name: "figures only",
		csv:  "Ref,Period,Area,Value\nCIC09,2025-03,Kent,412\n",
		want: map[string]app.Stated{"CIC09": {}},
	}, {
		name: "targets only",
		csv:  "Ref,Year,Target,Floor\nCIC05,2024/25,10,12\n",
		want: map[string]app.Stated{"CIC05": {}},
	}, {
		name: "name, polarity and unit",
		csv:  "Ref,Indicator,Polarity,Unit,Period,Value\nCIC09,Average days to adoption,L,days,2025-03,412\n",
		want: map[string]app.Stated{"CIC09": {Name: at("B2"), Polarity: at("C2"), Unit: at("D2")}},
	}, {
		name: "blank definition cells state nothing",
		csv:  "Ref,Indicator,Polarity,Unit,Period,Value\nCIC09,,,,2025-03,412\n",
		want: map[string]app.Stated{"CIC09": {}},
	}, {
		name: "an owner is part of the definition",
		csv:  "Ref,Period,Value,Lead Officer\nCIC09,2025-03,412,Head of Adoption\n",
		want: map[string]app.Stated{"CIC09": {Owner: at("D2")}},
	}, {
		name: "a tidy table's section and data period, each where it was",
		csv:  "Ref,Section,Data Period,Period,Value\nCIC09,Adoption,R12M,2025-03,412\n",
		want: map[string]app.Stated{"CIC09": {Section: at("B2"), DataPeriod: at("C2")}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "f.csv")
			if err := os.WriteFile(path, []byte(tt.csv), 0o600); err != nil {
				t.Fatal(err)
			}
			d := mustRead(t, path).Dataset
			for ref, want := range tt.want {
				if got := d.Stated[ref]; got != want {
					t.Errorf("%s stated %+v, want %+v", ref, got, want)
				}
			}
		})
	}
}

// TestStatedScorecard checks that a scorecard sheet states each part of
// a definition at its own cell, the section at its heading row, so that
// a part stated differently from the store's can be said there.
func TestStatedScorecard(t *testing.T) {
	b := newBook(t)
	b.sheet("Scorecard")
	b.row("Scorecard", "A1", "Ref", "Indicator", "Polarity", "Data Period", "Guidance", "Decimals", "Year Type", "Feb-25", "Mar-25")
	b.row("Scorecard", "A2", "Children in Care")
	b.row("Scorecard", "A3", "CIC09", "Average days to adoption", "L", "R12M", "From entering care", 0, "Financial", 412, 405)
	d := mustRead(t, b.save("sc.xlsx")).Dataset
	at := func(cell string) app.Location { return app.Location{File: "sc.xlsx", Sheet: "Scorecard", Cell: cell} }
	want := app.Stated{Name: at("B3"), Polarity: at("C3"), Section: at("A2"), DataPeriod: at("D3"),
		Guidance: at("E3"), Decimals: at("F3"), YearType: at("G3")}
	if got := d.Stated["CIC09"]; got != want {
		t.Errorf("CIC09 stated\n%+v, want\n%+v", got, want)
	}
}
