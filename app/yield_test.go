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
		{"a fixed format's indicators", &Dataset{Indicators: []Indicator{{Ref: "CIC01"}}}, nil, ""},
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
