package app

import (
	"slices"
	"strings"
	"testing"
)

func TestKeepHeldFigures(t *testing.T) {
	may, jun := MonthOf(2026, 5), MonthOf(2026, 6)
	num := func(v float64) *float64 { return &v }
	withheldSplit := func(area Area, split Split, p Period, cell string) Observation {
		return Observation{Ref: "ED04", Area: area, Split: split, Period: p, Status: Suppressed, Raw: "c", Cell: cell}
	}
	withheld := func(area Area, p Period, cell string) Observation { return withheldSplit(area, All, p, cell) }
	// The store: Thanet's May figure is 97.7 (43/44); its June figure
	// was suppressed at source; Dover holds nothing.
	held := NewHistory()
	held.AddIndicator(Indicator{Ref: "ED04", Measure: Proportion})
	held.Add(Observation{Ref: "ED04", Area: "Thanet", Period: may, Value: num(97.7), Numerator: num(43), Denominator: num(44)})
	held.Add(Observation{Ref: "ED04", Area: "Thanet", Period: jun, Status: Suppressed, Raw: "c"})
	load := func(string) (*History, error) { return held, nil }

	tests := []struct {
		name       string
		circulated bool
		in         []Observation
		wantKept   int
		wantWarn   string // "" for none
	}{
		{"a c over a held figure is dropped", true,
			[]Observation{withheld("Thanet", may, "Data!G12")}, 0, "Data!G12: 1 withheld figures (c) not imported, the first ED04 Thanet May-26"},
		{"a c over a c stays", true, []Observation{withheld("Thanet", jun, "Data!G13")}, 1, ""},
		{"a c where nothing is held stays", true, []Observation{withheld("Dover", may, "Data!G14")}, 1, ""},
		{"a figure over a held figure stays", true,
			[]Observation{{Ref: "ED04", Area: "Thanet", Period: may, Value: num(90), Cell: "Data!G15"}}, 1, ""},
		{"another source's c is its own to give", false, []Observation{withheld("Thanet", may, "Sheet1!C4")}, 1, ""},
		{"a stand-in over a held figure is dropped, from any source", false,
			[]Observation{{Ref: "ED04", Area: "Thanet", Period: may, Value: num(88), StandIn: true, Cell: "Sheet1!H4"}}, 0,
			"Sheet1!H4: 1 stand-in figures (a previous year's outturn shown for a month) not imported, the first ED04 Thanet May-26"},
		{"a stand-in where nothing is held stays", false,
			[]Observation{{Ref: "ED04", Area: "Dover", Period: may, Value: num(88), StandIn: true}}, 1, ""},
		{"an export's figure excluding UASC over held all children's is dropped", true,
			[]Observation{{Ref: "ED04", Area: "Thanet", Split: Excluding(UASC), Period: may, Value: num(97.6), Cell: "Data!G9"}}, 0,
			"Data!G9: 1 figures excluding a cohort not imported, the first ED04 Thanet, Excluding UASC May-26"},
		{"an export's c excluding UASC over held all children's is dropped", true,
			[]Observation{withheldSplit("Thanet", Excluding(UASC), may, "Data!G10")}, 0, "figures excluding a cohort not imported"},
		{"an export's figure excluding UASC where all children's is not held stays", true,
			[]Observation{{Ref: "ED04", Area: "Dover", Split: Excluding(UASC), Period: may, Value: num(97.6)}}, 1, ""},
		{"another source's figure excluding UASC is its own to give", false,
			[]Observation{{Ref: "ED04", Area: "Thanet", Split: Excluding(UASC), Period: may, Value: num(97.6)}}, 1, ""},
		{"only the held ones go", true,
			[]Observation{withheld("Dover", may, "Data!G2"), withheld("Thanet", may, "Data!G3"), withheld("Thanet", jun, "Data!G4")}, 2, "Data!G3: 1 withheld"},
	}
	// Which figures are kept, in the file's order, where figures are kept
	// both before and after one dropped.
	wantCells := map[string][]string{"only the held ones go": {"Data!G2", "Data!G4"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := &Dataset{Observations: tt.in, Circulated: tt.circulated}
			warns, err := KeepHeldFigures(ds, "export.xlsx", load)
			if err != nil {
				t.Fatal(err)
			}
			if len(ds.Observations) != tt.wantKept {
				t.Errorf("kept %d figures, want %d: %+v", len(ds.Observations), tt.wantKept, ds.Observations)
			}
			if want, ok := wantCells[tt.name]; ok {
				var got []string
				for _, o := range ds.Observations {
					got = append(got, o.Cell)
				}
				if !slices.Equal(got, want) {
					t.Errorf("kept %q, want %q", got, want)
				}
			}
			switch {
			case tt.wantWarn == "" && len(warns) > 0:
				t.Errorf("warned %v, want none", warns)
			case tt.wantWarn != "" && (len(warns) != 1 || !strings.Contains(warns[0].String(), tt.wantWarn)):
				t.Errorf("warned %v, want one containing %q", warns, tt.wantWarn)
			}
		})
	}
}
