package importer

import (
	"context"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// TestUnknownAreaAdvice: an area an authority does not have is kept
// under its name, with advice that can be followed: for Kent, to map it
// to a district; for Leeds, which the app knows no districts of, to name
// it one of Leeds's localities, where mapping to a district could not
// work (QA27a).
func TestUnknownAreaAdvice(t *testing.T) {
	tests := []struct {
		auth, area, advice string
	}{
		{"Kent", "Localities North", `until it is mapped to a district or pseudo-area (import --area "Localities North=DISTRICT")`},
		{"Leeds", "East North East", `until it is named one of Leeds's localities (scorecard authority "Leeds" --districts "East North East", with the others) or mapped to a pseudo-area (import --area "East North East=pseudo")`},
	}
	for _, tt := range tests {
		t.Run(tt.auth, func(t *testing.T) {
			body := "Ref,Indicator,Area,Period,Value\n" +
				"CLA01,Number of children looked after," + tt.auth + ",Apr-25,1400\n" +
				"CLA01,Number of children looked after," + tt.area + ",Apr-25,300\n"
			res, err := Read(context.Background(), writeCSV(t, body), Options{Authority: authorityNamed(t, tt.auth)})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, w := range res.Warnings {
				if w.Cell == "line 3" && strings.HasSuffix(w.Message, tt.advice) {
					found = true
				}
			}
			if !found {
				t.Errorf("no warning at line 3 ending %q in\n%s", tt.advice, warningLines(res))
			}
		})
	}
}

// TestCohortNamedInAreaColumn: a tidy table whose Area column names
// children, not an area ("UASC only", "Excluding UASC", "Kent excl
// UASC"), keeps each such figure apart under the name as written, never
// as Kent's all children nor as another cohort, and is advised to give
// the area and the children apart; it had been advised to be mapped to a
// district, as all that district's children, and a mapping of it to an
// area (import --area "UASC only=Kent") is ignored, said at its row
// (QA27b).
func TestCohortNamedInAreaColumn(t *testing.T) {
	tests := []struct {
		name  string
		area  string              // the second row's Area
		maps  map[string]app.Area // the officer's --area
		want  []string            // CLA01's series (seriesOf)
		warn  []string
		never []string
	}{
		{name: "UASC only", area: "UASC only",
			want:  []string{"Kent all: 1896", "UASC only all: 396"},
			warn:  []string{`data.csv: line 3: CLA01: area "UASC only" is not Kent, one of its districts or a named pseudo-area; its figures here and in every row naming it are kept under "UASC only", an area of its own, until the area and the children are given apart (in a tidy table, Area "Kent" and Cohort "UASC only"): it says its figures count UASC alone, and mapped to an area they would pass for all that area's children`},
			never: []string{"=DISTRICT"}},
		{name: "excluding UASC", area: "Excluding UASC",
			want:  []string{"Excluding UASC all: 1500", "Kent all: 1896"},
			warn:  []string{`line 3: CLA01: area "Excluding UASC" is not Kent, one of its districts or a named pseudo-area; its figures here and in every row naming it are kept under "Excluding UASC", an area of its own, until the area and the children are given apart (in a tidy table, Area "Kent" and Cohort "Excluding UASC"): it says its figures count all children excluding UASC`},
			never: []string{"=DISTRICT"}},
		{name: "the area and the cohort in one", area: "Kent excl UASC",
			want:  []string{"Kent all: 1896", "Kent excl UASC all: 1500"},
			warn:  []string{`until the area and the children are given apart (in a tidy table, Area "Kent" and Cohort "excl UASC"): it says its figures count all children excluding UASC`},
			never: []string{"=DISTRICT"}},
		{name: "mapped to the authority: mapping ignored", area: "UASC only", maps: map[string]app.Area{"UASC only": "Kent"},
			want: []string{"Kent all: 1896", "UASC only all: 396"},
			warn: []string{`line 3: area "UASC only" mapped to "Kent": it says its figures count UASC alone, and under Kent they would pass for all its children: mapping ignored`,
				`line 3: CLA01: area "UASC only" is not Kent`},
			never: []string{"Kent all: 1896 396"}},
		{name: "mapped to a district: mapping ignored", area: "UASC only", maps: map[string]app.Area{"UASC only": "Ashford"},
			want: []string{"Kent all: 1896", "UASC only all: 396"},
			warn: []string{`area "UASC only" mapped to "Ashford": it says its figures count UASC alone, and under Ashford they would pass for all its children: mapping ignored`}},
		{name: "mapped to the UASC Service, a pseudo-area: the officer's choice", area: "UASC only", maps: map[string]app.Area{"UASC only": "UASC Service"},
			want:  []string{"Kent all: 1896", "UASC Service all: 396"},
			never: []string{"mapping ignored", "is not Kent"}},
		{name: "a service named for children is an area to map", area: "Disabled Children's Service",
			want:  []string{"Disabled Children's Service all: 1500", "Kent all: 1896"},
			warn:  []string{`until it is mapped to a district or pseudo-area (import --area "Disabled Children's Service=DISTRICT")`},
			never: []string{"given apart"}},
		{name: "kept as its own area when the officer says so", area: "UASC only", maps: map[string]app.Area{"UASC only": PseudoArea},
			want:  []string{"Kent all: 1896", "UASC only all: 396"},
			never: []string{"mapping ignored", "is not Kent"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := "Ref,Indicator,Area,Period,Value\n" +
				"CLA01,Number of children looked after,Kent,Mar-25,1896\n" +
				"CLA01,Number of children looked after," + tt.area + ",Mar-25," + map[bool]string{true: "396", false: "1500"}[strings.Contains(tt.area, "only")] + "\n"
			res, err := Read(context.Background(), writeCSV(t, body), Options{AreaNames: tt.maps})
			if err != nil {
				t.Fatal(err)
			}
			if got := seriesOf(res.Dataset, "CLA01"); !slices.Equal(got, tt.want) {
				t.Errorf("CLA01 %q, want %q", got, tt.want)
			}
			for _, o := range res.Dataset.Observations {
				if o.Period.Label() != "Mar-25" {
					t.Errorf("%s dated %s, want Mar-25", o.Area, o.Period.Label())
				}
			}
			warnsAndNever(t, res.Warnings, tt.warn, tt.never)
		})
	}
}
