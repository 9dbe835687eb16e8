package app

import (
	"slices"
	"strings"
	"testing"
)

func TestDefinitionsApply(t *testing.T) {
	stored := map[string]Indicator{
		"CIC09": {Ref: "CIC09", Name: "Average days to adoption", Polarity: LowerBetter, Unit: Days, Measure: Mean},
		"CIC01": {Ref: "CIC01", Name: "Children in care", Unit: Number, Owner: "Head of Children in Care"},
		"SCS06": {Ref: "SCS06", Name: "Assessments within 45 days (%)", Polarity: HigherBetter, Unit: Percent, Measure: Proportion, Decimals: 1},
		"SCS07": {Ref: "SCS07", Name: "Re-referrals", Section: "Children's Social Care", DataPeriod: Rolling12,
			Guidance: "Referrals within 12 months of a previous one", Polarity: LowerBetter, Unit: Percent, Measure: Proportion, Decimals: 1},
	}
	known := func(ref string) (Indicator, bool) { ind, ok := stored[ref]; return ind, ok }
	unitCell := Location{File: "defs.csv", Cell: "D2"}
	polCell := Location{File: "defs.csv", Cell: "C2"}
	nameCell := Location{File: "defs.csv", Cell: "B2"}
	ownerCell := Location{File: "defs.csv", Cell: "E2"}
	tests := []struct {
		name                  string
		ds                    Dataset
		acceptChanges, accept bool
		want                  []Indicator // what ds.Indicators becomes
		changes               []string    // "ref field old->new"
		unknown, undefined    []string
		observations          int
	}{{
		// An export's Data sheet relabelled: Ref, Period, Area, Value.
		name: "figures only leave a known definition alone",
		ds: Dataset{Indicators: []Indicator{{Ref: "CIC09", Name: "CIC09", Unit: Percent, Measure: Proportion, Decimals: 1}},
			Observations: []Observation{{Ref: "CIC09", Value: Float(412)}},
			Stated:       map[string]Stated{}},
		want:         nil,
		observations: 1,
	}, {
		name:         "targets only leave a percentage a percentage",
		ds:           Dataset{Indicators: []Indicator{{Ref: "SCS06", Name: "SCS06", Unit: Number}}, Targets: []Target{{Ref: "SCS06"}}, Stated: map[string]Stated{}},
		want:         nil,
		observations: 0,
	}, {
		name: "a stated name, unit and polarity that differ are held back",
		ds: Dataset{Indicators: []Indicator{{Ref: "CIC09", Name: "Days to adoption", Polarity: HigherBetter, Unit: Percent, Measure: Proportion, Decimals: 1}},
			Stated: map[string]Stated{"CIC09": {Name: nameCell, Unit: unitCell, Polarity: polCell}}},
		want:    nil, // the stored definition stands, not restated by a file that said otherwise
		changes: []string{"CIC09 name Average days to adoption->Days to adoption", "CIC09 unit days->%", "CIC09 polarity L->H"},
	}, {
		name: "accepted, they change",
		ds: Dataset{Indicators: []Indicator{{Ref: "CIC09", Name: "Days to adoption", Polarity: HigherBetter, Unit: Percent, Measure: Proportion, Decimals: 1}},
			Stated: map[string]Stated{"CIC09": {Name: nameCell, Unit: unitCell, Polarity: polCell}}},
		acceptChanges: true,
		want:          []Indicator{{Ref: "CIC09", Name: "Days to adoption", Polarity: HigherBetter, Unit: Percent, Measure: Proportion, Decimals: 1}},
		changes:       []string{"CIC09 name Average days to adoption->Days to adoption", "CIC09 unit days->%", "CIC09 polarity L->H"},
	}, {
		// A tidy CSV of one month's figure whose Indicator column
		// carries a short name: the committee's name must stand.
		name: "a renaming beside figures is held back, the figures kept",
		ds: Dataset{Indicators: []Indicator{{Ref: "SCS06", Name: "45 days", Polarity: HigherBetter, Unit: Percent, Measure: Proportion, Decimals: 1}},
			Observations: []Observation{{Ref: "SCS06", Value: Float(80)}},
			Stated:       map[string]Stated{"SCS06": {Name: nameCell, Unit: unitCell, Polarity: polCell}}},
		want:         nil,
		changes:      []string{"SCS06 name Assessments within 45 days (%)->45 days"},
		observations: 1,
	}, {
		name: "a section, data period and guidance stated differently are held back",
		ds: Dataset{Indicators: []Indicator{{Ref: "SCS07", Name: "Re-referrals", Section: "Early Help", DataPeriod: Snapshot, Guidance: "Counted from the CIN census",
			Polarity: LowerBetter, Unit: Percent, Measure: Proportion, Decimals: 1}},
			Stated: map[string]Stated{"SCS07": {Section: Location{File: "defs.csv", Cell: "A1"}, DataPeriod: Location{File: "defs.csv", Cell: "F2"},
				Guidance: Location{File: "defs.csv", Cell: "G2"}}}},
		want: nil,
		changes: []string{"SCS07 section Children's Social Care->Early Help", "SCS07 data period R12M->MS",
			"SCS07 guidance Referrals within 12 months of a previous one->Counted from the CIN census"},
	}, {
		name: "accepted, they change",
		ds: Dataset{Indicators: []Indicator{{Ref: "SCS07", Name: "Re-referrals", Section: "Early Help", DataPeriod: Snapshot, Guidance: "Counted from the CIN census",
			Polarity: LowerBetter, Unit: Percent, Measure: Proportion, Decimals: 1}},
			Stated: map[string]Stated{"SCS07": {Section: Location{File: "defs.csv", Cell: "A1"}, DataPeriod: Location{File: "defs.csv", Cell: "F2"},
				Guidance: Location{File: "defs.csv", Cell: "G2"}}}},
		acceptChanges: true,
		want: []Indicator{{Ref: "SCS07", Name: "Re-referrals", Section: "Early Help", DataPeriod: Snapshot, Guidance: "Counted from the CIN census",
			Polarity: LowerBetter, Unit: Percent, Measure: Proportion, Decimals: 1}},
		changes: []string{"SCS07 section Children's Social Care->Early Help", "SCS07 data period R12M->MS",
			"SCS07 guidance Referrals within 12 months of a previous one->Counted from the CIN census"},
	}, {
		// Cell formats showing two places are a guess, not a statement.
		name: "guessed places never replace the stored ones",
		ds: Dataset{Indicators: []Indicator{{Ref: "SCS07", Name: "Re-referrals", Polarity: LowerBetter, Unit: Percent, Measure: Proportion, Decimals: 2}},
			Stated: map[string]Stated{"SCS07": {Name: nameCell, Polarity: polCell}}},
		acceptChanges: true,
		want:          []Indicator{stored["SCS07"]},
	}, {
		name: "decimals stated differently are a change",
		ds: Dataset{Indicators: []Indicator{{Ref: "SCS07", Name: "Re-referrals", Polarity: LowerBetter, Unit: Percent, Measure: Proportion, Decimals: 2}},
			Stated: map[string]Stated{"SCS07": {Decimals: Location{File: "defs.csv", Cell: "H2"}}}},
		want:    nil,
		changes: []string{"SCS07 decimals 1->2"},
	}, {
		name: "a stated owner that differs is held back",
		ds: Dataset{Indicators: []Indicator{{Ref: "CIC01", Name: "CIC01", Unit: Number, Owner: "Jane Smith"}},
			Observations: []Observation{{Ref: "CIC01", Value: Float(40)}},
			Stated:       map[string]Stated{"CIC01": {Owner: ownerCell}}},
		want:         nil,
		changes:      []string{"CIC01 owner Head of Children in Care->Jane Smith"},
		observations: 1,
	}, {
		name: "accepted, the owner changes",
		ds: Dataset{Indicators: []Indicator{{Ref: "CIC01", Name: "CIC01", Unit: Number, Owner: "Jane Smith"}},
			Stated: map[string]Stated{"CIC01": {Owner: ownerCell}}},
		acceptChanges: true,
		want:          []Indicator{{Ref: "CIC01", Name: "Children in care", Unit: Number, Owner: "Jane Smith"}},
		changes:       []string{"CIC01 owner Head of Children in Care->Jane Smith"},
	}, {
		name: "an owner or section named where the store has none fills the blank",
		ds: Dataset{Indicators: []Indicator{{Ref: "CIC09", Name: "CIC09", Section: "Adoption", Unit: Days, Measure: Mean, Polarity: LowerBetter, Owner: "Jane Smith"}},
			Stated: map[string]Stated{"CIC09": {Owner: ownerCell, Section: Location{File: "defs.csv", Cell: "A1"}}}},
		want: []Indicator{{Ref: "CIC09", Name: "Average days to adoption", Section: "Adoption", Unit: Days, Measure: Mean, Polarity: LowerBetter, Owner: "Jane Smith"}},
	}, {
		name: "a guessed unit never replaces the stored one, accepted or not",
		ds: Dataset{Indicators: []Indicator{{Ref: "CIC09", Name: "Average days to adoption", Polarity: LowerBetter, Unit: Percent, Measure: Proportion, Decimals: 1}},
			Stated: map[string]Stated{"CIC09": {Name: nameCell, Polarity: polCell}}},
		acceptChanges: true,
		want:          []Indicator{stored["CIC09"]},
	}, {
		// A monthly scorecard's Ref, Indicator and Polarity columns as
		// the store holds them: kept, from this import too, through the
		// undo of the one that gave them.
		name: "a name and polarity as stored restate the definition",
		ds: Dataset{Indicators: []Indicator{stored["SCS06"]}, Observations: []Observation{{Ref: "SCS06", Value: Float(80)}},
			Stated: map[string]Stated{"SCS06": {Name: nameCell, Polarity: polCell}}},
		want:         []Indicator{stored["SCS06"]},
		observations: 1,
	}, {
		// A figures file's names say nothing of the polarity, which an
		// undo of the import that changed it must bring back.
		name: "a name alone as stored does not restate it",
		ds: Dataset{Indicators: []Indicator{stored["SCS06"]}, Observations: []Observation{{Ref: "SCS06", Value: Float(80)}},
			Stated: map[string]Stated{"SCS06": {Name: nameCell}}},
		want:         nil,
		observations: 1,
	}, {
		name: "an unknown ref not accepted goes with its figures",
		ds: Dataset{Indicators: []Indicator{{Ref: "XYZ99", Name: "XYZ99", Unit: Number}, {Ref: "CIC09", Name: "CIC09"}},
			Observations: []Observation{{Ref: "XYZ99"}, {Ref: "CIC09"}, {Ref: "XYZ99"}},
			Comments:     []Comment{{Ref: "XYZ99"}},
			Stated:       map[string]Stated{}},
		unknown:      []string{"XYZ99"},
		undefined:    []string{"XYZ99"},
		observations: 1,
	}, {
		name: "an unknown ref accepted is added",
		ds: Dataset{Indicators: []Indicator{{Ref: "XYZ99", Name: "New measure", Unit: Number}},
			Observations: []Observation{{Ref: "XYZ99"}},
			Stated:       map[string]Stated{"XYZ99": {Name: nameCell}}},
		accept:       true,
		want:         []Indicator{{Ref: "XYZ99", Name: "New measure", Unit: Number}},
		unknown:      []string{"XYZ99"},
		observations: 1,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds := tt.ds
			d := ReviewDefinitions(&ds, known)
			var changes []string
			for _, c := range d.Changes {
				changes = append(changes, c.Ref+" "+c.Field+" "+c.Old+"->"+c.New)
			}
			if !slices.Equal(changes, tt.changes) {
				t.Errorf("changes = %q, want %q", changes, tt.changes)
			}
			var unknown []string
			for _, ind := range d.Unknown {
				unknown = append(unknown, ind.Ref)
			}
			if !slices.Equal(unknown, tt.unknown) || !slices.Equal(d.Undefined, tt.undefined) {
				t.Errorf("unknown = %q, undefined = %q; want %q, %q", unknown, d.Undefined, tt.unknown, tt.undefined)
			}
			d.Apply(&ds, tt.acceptChanges, tt.accept)
			if !slices.EqualFunc(ds.Indicators, tt.want, func(a, b Indicator) bool {
				return sameDefinition(a, b)
			}) {
				t.Errorf("indicators = %+v, want %+v", ds.Indicators, tt.want)
			}
			// A definition left as the store holds it is restated: it
			// yields nothing of itself.
			for _, ind := range ds.Indicators {
				old, ok := known(ind.Ref)
				if restated := ok && sameDefinition(ind, old); ds.restated[ind.Ref] != restated {
					t.Errorf("%s marked restated %t, want %t", ind.Ref, ds.restated[ind.Ref], restated)
				}
			}
			if yields := len(ds.Observations)+len(ds.Targets) > 0 || slices.ContainsFunc(ds.Indicators, func(ind Indicator) bool {
				old, ok := known(ind.Ref)
				return !ok || !sameDefinition(ind, old)
			}); ds.Yields() != yields {
				t.Errorf("Yields() = %t, want %t", ds.Yields(), yields)
			}
			if len(ds.Observations) != tt.observations {
				t.Errorf("%d observations kept, want %d", len(ds.Observations), tt.observations)
			}
			for _, w := range d.Warnings("defs.csv", tt.acceptChanges, tt.accept) {
				if w.File != "defs.csv" || !strings.Contains(w.Message, ":") {
					t.Errorf("warning %q does not name the file", w)
				}
			}
		})
	}
}

func TestDefinitionChangeWarningNamesCell(t *testing.T) {
	c := DefinitionChange{Ref: "CIC09", Field: "unit", Old: "days", New: "%", At: Location{File: "May.xlsx", Sheet: "Data", Cell: "F7"}}
	got := c.Warning(false).String()
	want := `May.xlsx: Data!F7: CIC09: unit "%" here, but the stored definition says "days"; the stored unit stands until the change is accepted`
	if got != want {
		t.Errorf("warning = %q\nwant      %q", got, want)
	}
}

// A file giving an indicator's figures to more places than the store
// shows widens its places, whether or not the file defines it, so that
// rounding changes no rating (QA11 D3); never past the places the file
// shows (a cell formatted to one place holding a formula's 44.9583), and
// never where the file states its own places.
func TestDefinitionsWidenToTheFiguresPlaces(t *testing.T) {
	stored := map[string]Indicator{
		"EH02": {Ref: "EH02", Name: "Early help assessments within 45 days", Polarity: HigherBetter, Unit: Percent, Measure: Proportion},
	}
	known := func(ref string) (Indicator, bool) { ind, ok := stored[ref]; return ind, ok }
	fig := func(v float64, cell string) Observation { return Observation{Ref: "EH02", Value: Float(v), Cell: cell} }
	named := map[string]Stated{"EH02": {Name: Location{File: "f.xlsx", Sheet: "Scorecard", Cell: "B4"}, Polarity: Location{File: "f.xlsx", Sheet: "Scorecard", Cell: "C4"}}}
	stated := map[string]Stated{"EH02": {Decimals: Location{File: "f.xlsx", Sheet: "Scorecard", Cell: "D4"}}}
	tests := []struct {
		name     string
		shown    int // the places the file shows its figures to
		stated   map[string]Stated
		figures  []Observation
		decimals int    // the places of the definition Apply leaves (the stored one where the file restates it); -1 for none, neither restated nor widened
		warning  string // "" for none
	}{
		{"whole numbers keep whole places", 0, named, []Observation{fig(62, "Scorecard!G4"), fig(63, "Scorecard!H4")}, 0, ""},
		{"a tenth widens a named indicator", 1, named, []Observation{fig(63, "Scorecard!H4"), fig(63.6, "Scorecard!I4")}, 1,
			"f.xlsx: Scorecard!I4: EH02: 63.6 here is given to 1 decimal place, but the stored definition shows 0 decimal places; now shown, rated and compared to 1 decimal place, so that rounding changes no rating or direction of travel"},
		{"a tenth widens one a figures file only cites", 1, map[string]Stated{}, []Observation{fig(63.6, "A2")}, 1,
			"f.xlsx: A2: EH02: 63.6 here is given to 1 decimal place"},
		{"no further than the file shows", 1, named, []Observation{fig(44.958333, "Scorecard!I4")}, 1,
			"f.xlsx: Scorecard!I4: EH02: 44.958333 here is given to 1 decimal place"},
		{"tenths shown to two places need one", 2, named, []Observation{fig(63.6, "Scorecard!I4"), fig(63.65, "Scorecard!J4")}, 2,
			"f.xlsx: Scorecard!J4: EH02: 63.65 here is given to 2 decimal places"},
		{"a stand-in says nothing of the places", 1, named, []Observation{{Ref: "EH02", Value: Float(63.6), StandIn: true}}, 0, ""},
		{"stated places decide", 0, stated, []Observation{fig(63.6, "Scorecard!I4")}, -1, ""},
		{"stated places declined say what the stored ones hide", 2, stated, []Observation{fig(63.6, "Scorecard!I4")}, -1,
			"f.xlsx: Scorecard!I4: EH02: 63.6 here is given to 1 decimal place, but the stored definition shows 0 decimal places, which stand until the file's decimals are accepted: it is shown and rated as 64"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ind := stored["EH02"]
			ind.Decimals = tc.shown // or, where stated, the places the file states
			ds := Dataset{Indicators: []Indicator{ind}, Observations: tc.figures, Stated: tc.stated}
			d := ReviewDefinitions(&ds, known)
			var ws []string
			for _, w := range d.Warnings("f.xlsx", false, true) {
				ws = append(ws, w.String())
			}
			if got := strings.Join(ws, "\n"); tc.warning == "" && got != "" || !strings.Contains(got, tc.warning) {
				t.Errorf("warnings %q, want %q", got, tc.warning)
			}
			d.Apply(&ds, false, true)
			got := -1
			if len(ds.Indicators) == 1 {
				got = ds.Indicators[0].Decimals
			}
			if got != tc.decimals {
				t.Errorf("decimals stored %d, want %d (-1: none)", got, tc.decimals)
			}
		})
	}
}
