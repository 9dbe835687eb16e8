package importer

import (
	"context"
	"strings"
	"testing"

	"scorecard/app"
)

// TestAuthorityNamedWithMore: a tidy Area column (Power BI, a data
// warehouse's extract) naming the store's authority with "LA", its code
// in brackets or the council's full title is read as the authority, for
// any authority, said once at the first row naming it, under its
// row's Ref as the other notes on a tidy row are; a district or
// another authority's name is not (QA27b 9, in11/areas.csv).
func TestAuthorityNamedWithMore(t *testing.T) {
	const head = "Ref,Indicator,Area,Period,Value\n"
	for _, tc := range []struct {
		name, auth, body string
		areas            []app.Area // of the figures read, in order
		warns            []string   // every warning, "cell: message" in part
	}{
		{"Leeds LA and code", "Leeds",
			"A1,Number of children looked after,E08000035,Apr-24,1480\n" +
				"A2,Number of children in need,Leeds City Council,Apr-24,3000\n" +
				"A5,Number of CP plans,Leeds LA,Apr-24,600\n" +
				"A6,Number of care leavers,Leeds (383),Apr-24,700\n" +
				"A5,Number of CP plans,Leeds LA,May-24,610\n",
			[]app.Area{"Leeds", "Leeds", "Leeds", "Leeds", "Leeds"},
			[]string{
				`line 4: A5: area "Leeds LA" read as Leeds (LA 383, E08000035), its name with more words or its code: here and wherever it is named; if it is an area apart, say so (import --area "Leeds LA=pseudo")`,
				`line 5: A6: area "Leeds (383)" read as Leeds (LA 383, E08000035)`,
			}},
		{"metropolitan borough council", "Barnsley",
			"CLA01,Number of children looked after,Barnsley Metropolitan Borough Council,2025-03,402\n",
			[]app.Area{"Barnsley"},
			[]string{`line 2: CLA01: area "Barnsley Metropolitan Borough Council" read as Barnsley (LA 370, E08000016)`}},
		{"county council with its code, districts as they were", "Surrey",
			"CIC01,Number of children in care,Surrey County Council (936),2025-03,932\n" +
				"CIC01,Number of children in care,Woking Borough Council,2025-03,70\n",
			[]app.Area{"Surrey", "Woking"},
			[]string{`line 2: CIC01: area "Surrey County Council (936)" read as Surrey (LA 936, E10000030)`}},
		{"another code, another council: kept apart", "Leeds",
			"A5,Number of CP plans,Leeds (384),Apr-24,600\n" +
				"A5,Number of CP plans,Kirklees LA,Apr-24,500\n",
			[]app.Area{"Leeds (384)", "Kirklees LA"},
			[]string{
				`line 2: A5: area "Leeds (384)" is not Leeds, one of its districts or a named pseudo-area; its figures here and in every row naming it are kept under "Leeds (384)"`,
				`line 3: A5: area "Kirklees LA" is not Leeds`,
			}},
		{"a district with LA is not the county", "Surrey",
			"CIC01,Number of children in care,Surrey Heath LA,2025-03,55\n",
			[]app.Area{"Surrey Heath LA"},
			[]string{`line 2: CIC01: area "Surrey Heath LA" is not Surrey, one of its districts or a named pseudo-area`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeCSV(t, head+tc.body), Options{Authority: authorityNamed(t, tc.auth)})
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
			var got []string
			for _, w := range res.Warnings {
				got = append(got, w.Cell+": "+w.Message)
			}
			if len(got) != len(tc.warns) {
				t.Errorf("%d warnings, want %d:\n%s", len(got), len(tc.warns), strings.Join(got, "\n"))
			}
			for i, w := range tc.warns {
				if i < len(got) && !strings.HasPrefix(got[i], w) {
					t.Errorf("warning %d:\n %s\nwant it to start\n %s", i, got[i], w)
				}
			}
		})
	}
}

// TestDistrictSheetAuthorityWithMore: a district or locality sheet's
// column heading the authority with more words or its code ("Surrey CC",
// "Surrey LA", "Leeds (383)") is the authority's column, read as the
// tidy Area is (readArea) and said once at its heading; it had been "not
// read: its heading is not one the importer knows", the authority's
// figure lost. Another authority's so named is kept apart, as its own.
func TestDistrictSheetAuthorityWithMore(t *testing.T) {
	for _, tc := range []struct {
		name, auth string
		heads      []any
		row        []any
		want       []string // CLA1's series, as seriesOf writes them
		warn       []string
		never      []string
	}{
		{name: "county council left of its districts", auth: "Surrey",
			heads: []any{"Ref", "Indicator", "Surrey CC", "Elmbridge", "Woking"},
			row:   []any{"CLA1", "Number of children looked after", 1000, 80, 70},
			want:  []string{"Elmbridge all: 80", "Surrey all: 1000", "Woking all: 70"},
			warn:  []string{`d.xlsx: Districts!C3: area "Surrey CC" read as Surrey (LA 936, E10000030), its name with more words or its code: here and wherever it is named; if it is an area apart, say so (import --area "Surrey CC=pseudo")`},
			never: []string{"not read", "not one the importer knows"}},
		{name: "LA left of its districts", auth: "Surrey",
			heads: []any{"Ref", "Indicator", "Surrey LA", "Elmbridge", "Woking"},
			row:   []any{"CLA1", "Number of children looked after", 1000, 80, 70},
			want:  []string{"Elmbridge all: 80", "Surrey all: 1000", "Woking all: 70"},
			warn:  []string{`Districts!C3: area "Surrey LA" read as Surrey (LA 936, E10000030)`},
			never: []string{"not read"}},
		{name: "the city's code beside its localities", auth: "Leeds",
			heads: []any{"Ref", "Indicator", "Leeds (383)", "East", "West"},
			row:   []any{"CLA1", "Number of children looked after", 1300, 600, 700},
			want:  []string{"East all: 600", "Leeds all: 1300", "West all: 700"},
			warn:  []string{`Districts!C3: area "Leeds (383)" read as Leeds (LA 383, E08000035)`},
			never: []string{"not read"}},
		{name: "another council's, kept apart", auth: "Surrey",
			heads: []any{"Ref", "Indicator", "Kent CC", "Elmbridge", "Woking"},
			row:   []any{"CLA1", "Number of children looked after", 2000, 80, 70},
			want:  []string{"Elmbridge all: 80", "Kent CC all: 2000", "Woking all: 70"},
			warn:  []string{`Districts!C3: column C "Kent CC": not Surrey, one of its districts or a named pseudo-area; its figures are kept under "Kent CC", an area of its own, until it is mapped`},
			never: []string{"read as Surrey"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := readDistrictRow(t, tc.auth, tc.heads, tc.row, tc.want, tc.warn, tc.never)
			said := 0
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "its name with more words") {
					said++
				}
			}
			if want := strings.Count(strings.Join(tc.warn, "\n"), "its name with more words"); said > 1 || said == 0 && want > 0 {
				t.Errorf("the reading said %d times, want once", said)
			}
		})
	}
}
