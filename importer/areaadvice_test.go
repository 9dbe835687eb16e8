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
		{"Kent", "Localities North", `until it is mapped to a district or pseudo-area (import --area "Localities North=DISTRICT"); a group of districts is rightly kept so, and exports withhold it as the sum of the districts its figures add up to`},
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
// UASC"), as an extract with no Cohort column writes its cohorts' rows,
// reads each such figure as the authority's (or the named district's)
// for that cohort, as an Area and a Cohort column would give it, said
// once at its first row; it had been kept apart as an area of its own
// (d35235c), where Kent's figures excluding UASC never met Kent's. A
// mapping to a pseudo-area or to itself keeps it apart, the officer's
// choice; one to a district says whose cohort it is; a service named for
// children is an area to map, as before (QA27b).
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
			want:  []string{"Kent all: 1896", "Kent uasc: 396"},
			warn:  []string{`data.csv: line 3: CLA01: area "UASC only" read as Kent's figures counting UASC alone, as an Area "Kent" and a Cohort "UASC only" would give them (this row); if it is an area apart, such as a team, say so (import --area "UASC only=pseudo")`},
			never: []string{"=DISTRICT", "an area of its own"}},
		{name: "excluding UASC", area: "Excluding UASC",
			want:  []string{"Kent all: 1896", "Kent excl:uasc: 1500"},
			warn:  []string{`line 3: CLA01: area "Excluding UASC" read as Kent's figures counting all children excluding UASC, as an Area "Kent" and a Cohort "Excluding UASC" would give them (this row)`},
			never: []string{"=DISTRICT", "an area of its own"}},
		{name: "the area and the cohort in one", area: "Kent excl UASC",
			want:  []string{"Kent all: 1896", "Kent excl:uasc: 1500"},
			warn:  []string{`line 3: CLA01: area "Kent excl UASC" read as Kent's figures counting all children excluding UASC, as an Area "Kent" and a Cohort "Excluding UASC" would give them`},
			never: []string{"=DISTRICT", "an area of its own"}},
		{name: "a district and the cohort in one", area: "Ashford UASC only",
			want: []string{"Ashford uasc: 396", "Kent all: 1896"},
			warn: []string{`line 3: CLA01: area "Ashford UASC only" read as Ashford's figures counting UASC alone, as an Area "Ashford" and a Cohort "UASC only" would give them`}},
		{name: "mapped to the authority: as its words say", area: "UASC only", maps: map[string]app.Area{"UASC only": "Kent"},
			want:  []string{"Kent all: 1896", "Kent uasc: 396"},
			warn:  []string{`line 3: CLA01: area "UASC only" read as Kent's figures counting UASC alone`},
			never: []string{"Kent all: 1896 396", "an area of its own"}},
		{name: "mapped to a district: that district's cohort", area: "UASC only", maps: map[string]app.Area{"UASC only": "Ashford"},
			want: []string{"Ashford uasc: 396", "Kent all: 1896"},
			warn: []string{`line 3: CLA01: area "UASC only" read as Ashford's figures counting UASC alone, as an Area "Ashford" and a Cohort "UASC only" would give them (this row), Ashford's as the mapping to "Ashford" says`}},
		{name: "mapped to the UASC Service, a pseudo-area: the officer's choice", area: "UASC only", maps: map[string]app.Area{"UASC only": "UASC Service"},
			want:  []string{"Kent all: 1896", "UASC Service all: 396"},
			never: []string{"mapping ignored", "is not Kent", "read as Kent's"}},
		{name: "a service named for children is an area to map", area: "Disabled Children's Service",
			want:  []string{"Disabled Children's Service all: 1500", "Kent all: 1896"},
			warn:  []string{`until it is mapped to a district or pseudo-area (import --area "Disabled Children's Service=DISTRICT")`},
			never: []string{"given apart", "read as Kent's"}},
		{name: "kept as its own area when the officer says so", area: "UASC only", maps: map[string]app.Area{"UASC only": PseudoArea},
			want:  []string{"Kent all: 1896", "UASC only all: 396"},
			never: []string{"mapping ignored", "is not Kent", "read as Kent's"}},
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
