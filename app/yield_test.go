package app

import (
	"strings"
	"testing"
)

func TestCheckYield(t *testing.T) {
	skipped := []Warning{{Location: Location{File: "/tmp/f.csv", Cell: "line 2"}, Message: `CIC01: row skipped: "1e400" is not a number`}}
	for _, tt := range []struct {
		name  string
		ds    *Dataset
		warns []Warning
		want  string // "" for no refusal
	}{
		{"no dataset", nil, nil, "f.csv: nothing to import: no figures"},
		{"a cited indicator, its figure skipped", &Dataset{Indicators: []Indicator{{Ref: "CIC01"}}, Stated: map[string]Stated{}}, skipped,
			`f.csv: line 2: nothing to import: CIC01: row skipped: "1e400" is not a number`},
		{"the first of several warnings", &Dataset{Stated: map[string]Stated{}}, append(skipped, Warning{Message: "another"}),
			`f.csv: line 2: nothing to import (the first of 2 warnings): CIC01`},
		{"a figure", &Dataset{Observations: []Observation{{Ref: "CIC01"}}}, skipped, ""},
		{"a comment", &Dataset{Comments: []Comment{{Ref: "CIC01"}}}, nil, ""},
		{"a definition", &Dataset{Indicators: []Indicator{{Ref: "CIC01"}}, Stated: map[string]Stated{"CIC01": {Name: Location{File: "f.csv"}}}}, nil, ""},
		// A DfE file or child-level list defines its indicators itself:
		// with no figure, nothing was read from the file.
		{"a fixed format's indicators alone", &Dataset{Indicators: []Indicator{{Ref: "CIC01"}}}, skipped,
			`f.csv: line 2: nothing to import: CIC01: row skipped`},
		{"a fixed format's indicators and a figure", &Dataset{Indicators: []Indicator{{Ref: "CIC01"}}, Observations: []Observation{{Ref: "CIC01"}}}, nil, ""},
	} {
		err := CheckYield("f.csv", tt.ds, tt.warns)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: refused: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestDefinitionsYields checks that the review can tell, before anything
// is decided, whether a file would store anything as decided, and that
// Apply and CheckYield then agree.
func TestDefinitionsYields(t *testing.T) {
	stored := map[string]Indicator{"CIC06": {Ref: "CIC06", Name: "Children in care 2.5 years or more in the same placement", Polarity: HigherBetter, Unit: Percent}}
	known := func(ref string) (Indicator, bool) { ind, ok := stored[ref]; return ind, ok }
	at := Location{File: "rn2.csv", Cell: "B2"}
	for _, tt := range []struct {
		name                  string
		ds                    Dataset
		acceptChanges, accept bool
		want                  bool
	}{
		// Its only row skipped: a renaming alone, held back.
		{"a renaming held back", Dataset{Indicators: []Indicator{{Ref: "CIC06", Name: "y", Polarity: HigherBetter, Unit: Percent}},
			Stated: map[string]Stated{"CIC06": {Name: at}}}, false, true, false},
		{"a renaming accepted", Dataset{Indicators: []Indicator{{Ref: "CIC06", Name: "y", Polarity: HigherBetter, Unit: Percent}},
			Stated: map[string]Stated{"CIC06": {Name: at}}}, true, true, true},
		{"a figure for a known indicator", Dataset{Indicators: []Indicator{{Ref: "CIC06", Name: "CIC06"}},
			Observations: []Observation{{Ref: "CIC06"}}, Stated: map[string]Stated{}}, false, false, true},
		{"a new indicator's figure, left out", Dataset{Indicators: []Indicator{{Ref: "NEW01", Name: "NEW01"}},
			Observations: []Observation{{Ref: "NEW01"}}, Stated: map[string]Stated{}}, false, false, false},
		{"a new indicator's figure, added", Dataset{Indicators: []Indicator{{Ref: "NEW01", Name: "NEW01"}},
			Observations: []Observation{{Ref: "NEW01"}}, Stated: map[string]Stated{}}, false, true, true},
		{"nothing", Dataset{Stated: map[string]Stated{}}, true, true, false},
	} {
		ds := tt.ds
		d := ReviewDefinitions(&ds, known)
		n := len(ds.Indicators)
		if got := d.Yields(&ds, tt.acceptChanges, tt.accept); got != tt.want {
			t.Errorf("%s: Yields = %v, want %v", tt.name, got, tt.want)
		}
		if len(ds.Indicators) != n {
			t.Errorf("%s: Yields changed the dataset", tt.name)
		}
		d.Apply(&ds, tt.acceptChanges, tt.accept)
		if refused := CheckYield("rn2.csv", &ds, nil) != nil; refused == tt.want {
			t.Errorf("%s: CheckYield refused = %v after Apply, Yields said %v", tt.name, refused, tt.want)
		}
	}
}

// TestCheckYieldOfSheets checks that a workbook giving nothing is
// refused on one line naming each sheet and why it gave nothing: its
// first warning, where, and how many it had.
func TestCheckYieldOfSheets(t *testing.T) {
	at := func(sheet, cell, msg string) Warning {
		return Warning{Location: Location{File: "w.xlsx", Sheet: sheet, Cell: cell}, Message: msg}
	}
	for _, tt := range []struct {
		name   string
		sheets []string
		warns  []Warning
		want   string
	}{
		{"one sheet", []string{"Annual"}, []Warning{at("Annual", "D1", "column D not read"), at("Annual", "E1", "column E not read")},
			`w.xlsx: Annual!D1: nothing to import (the first of 2 warnings): column D not read`},
		{"two sheets and one skipped", []string{"Annual", "Rolling"},
			[]Warning{at("Annual", "D1", "column D not read"), at("Annual", "E1", "column E not read"),
				at("Notes", "", "sheet skipped: no header row found"), at("Rolling", "D1", "column D not read")},
			`w.xlsx: nothing to import from any sheet: sheet "Annual" (2 warnings, the first at D1): column D not read; ` +
				`sheet "Rolling" at D1: column D not read; sheet "Notes": sheet skipped: no header row found`},
		{"a sheet read without a warning", []string{"Annual", "Defs"}, []Warning{at("Annual", "D1", "column D not read")},
			`w.xlsx: nothing to import from any sheet: sheet "Annual" at D1: column D not read; ` +
				`sheet "Defs": no figure, target, benchmark or comment read, and no warning`},
		{"a CSV, read as a sheet of its name", []string{"f.csv"}, []Warning{{Location: Location{File: "f.csv", Cell: "line 2"}, Message: "row skipped"}},
			`w.xlsx: line 2: nothing to import: row skipped`},
	} {
		err := CheckYieldOf("w.xlsx", tt.sheets, &Dataset{Stated: map[string]Stated{}}, tt.warns)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: the refusal is more than one line", tt.name)
		}
	}
}

// TestCheckFiguresRead: a file whose figures were all left unread is
// refused though its targets, benchmarks or comments were read: they are
// not its data, and "imported, 0 observations", exit 0, looked like a
// success to a scripted monthly run (hA F3). A file with a figure, or
// with no figure left unread, is not refused.
func TestCheckFiguresRead(t *testing.T) {
	unread := []Location{{File: "w.xlsx", Sheet: "Scorecard", Cell: "E3"}}
	warns := []Warning{{Location: Location{File: "w.xlsx", Sheet: "Scorecard", Cell: "E3"}, Message: `CIC04: Jan-25's "No." and "%" columns not read`}}
	v := 12.0
	target := []Target{{Ref: "CIC04", Year: Period{Kind: FinancialYear, Year: 2024}, Target: &v}}
	for _, tt := range []struct {
		name   string
		ds     Dataset
		unread []Location
		want   string // "" for no refusal
	}{
		{"a target beside figures all unread", Dataset{Targets: target, Stated: map[string]Stated{}}, unread,
			`w.xlsx: Scorecard!E3: nothing to import: CIC04: Jan-25's "No." and "%" columns not read; a column of figures not read, the first figure at Scorecard!E3, and the definitions, targets, benchmarks and comments of its rows are not stored without a figure`},
		{"a comment beside figures all unread", Dataset{Comments: []Comment{{Ref: "CIC04"}}, Stated: map[string]Stated{}}, unread,
			"the first figure at Scorecard!E3"},
		{"a target and a figure", Dataset{Targets: target, Observations: []Observation{{Ref: "CIC04", Value: &v}}, Stated: map[string]Stated{}}, unread, ""},
		{"a target, no figure left unread", Dataset{Targets: target, Stated: map[string]Stated{}}, nil, ""},
	} {
		err := CheckFiguresRead("w.xlsx", []string{"Scorecard"}, &tt.ds, tt.unread, warns)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: refused: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}
