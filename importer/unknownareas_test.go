package importer

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"scorecard/app"
)

// localitiesBook is a Kent district summary with two columns the
// profiles do not know, "Localities North" and "Out of Area", beside a
// district, the county and the named pseudo-areas.
func localitiesBook(t *testing.T) string {
	b := newBook(t)
	b.sheet("Districts")
	b.row("Districts", "A1", "District summary - March 2025")
	b.row("Districts", "A3", "Ref", "Indicator", "Kent", "Ashford", "Localities North", "Out of County", "UASC Service", "Out of Area")
	b.row("Districts", "A4", "CIC01", "Number of children in care", 1896, 115, 240, 40, 121, 12)
	b.row("Districts", "A5", "CIC02", "Children in care with 3+ placements", 221, 14, 30, 5, 9, "c")
	return b.save("localities.xlsx")
}

// figuresByArea are the March 2025 all-children figures of ref, by area.
func figuresByArea(d *app.Dataset, ref string) map[app.Area]string {
	got := map[app.Area]string{}
	for _, o := range d.Observations {
		if o.Ref != ref || o.Split != app.All {
			continue
		}
		if o.Value != nil {
			got[o.Area] = fmt.Sprint(*o.Value)
		} else {
			got[o.Area] = o.Status.String()
		}
	}
	return got
}

func TestUnknownAreasKeptAndListed(t *testing.T) {
	for _, tc := range []struct {
		name  string
		names map[string]app.Area // Options.AreaNames
		// want are CIC01's figures by area; warn the warnings that must
		// be given (and, with none, no warning may name an unknown area).
		want    map[app.Area]string
		warn    []string
		listed  map[string]app.Area // UnknownAreas: name to area filed under
		mapped  bool
		cellsOf map[string]string // UnknownAreas: name to sheet!cell
	}{
		{
			name: "unmapped: kept under the name as written, warned at the heading",
			want: map[app.Area]string{"Kent": "1896", "Ashford": "115", "Localities North": "240", app.OutOfCounty: "40", app.UASCService: "121", "Out of Area": "12"},
			warn: []string{
				`Districts!E3: column E "Localities North": not Kent, one of its districts or a named pseudo-area; its figures are kept under "Localities North"`,
				`Districts!H3: column H "Out of Area": not Kent`,
			},
			listed:  map[string]app.Area{"Localities North": "Localities North", "Out of Area": "Out of Area"},
			cellsOf: map[string]string{"Localities North": "Districts!E3", "Out of Area": "Districts!H3"},
		},
		{
			name:   "mapped to a district and a pseudo-area",
			names:  map[string]app.Area{"localities north": "Folkestone & Hythe", "Out of Area": "Out of County"},
			want:   map[app.Area]string{"Kent": "1896", "Ashford": "115", "Folkestone and Hythe": "240", app.OutOfCounty: "40", app.UASCService: "121"},
			listed: map[string]app.Area{"Localities North": "Folkestone and Hythe", "Out of Area": app.OutOfCounty},
			mapped: true,
		},
		{
			name:   "kept as pseudo-areas on purpose",
			names:  map[string]app.Area{"Localities North": PseudoArea, "Out of Area": "Out of Area"},
			want:   map[app.Area]string{"Kent": "1896", "Ashford": "115", "Localities North": "240", app.OutOfCounty: "40", app.UASCService: "121", "Out of Area": "12"},
			listed: map[string]app.Area{"Localities North": "Localities North", "Out of Area": "Out of Area"},
			mapped: true,
		},
		{
			name:  "a mapping to no area of the authority is ignored, saying so",
			names: map[string]app.Area{"Localities North": "Woking", "Out of Area": PseudoArea},
			want:  map[app.Area]string{"Kent": "1896", "Ashford": "115", "Localities North": "240", app.OutOfCounty: "40", app.UASCService: "121", "Out of Area": "12"},
			warn: []string{
				`Districts!E3: area "Localities North" mapped to "Woking", which is not Kent, one of its districts or a pseudo-area: mapping ignored`,
				`Districts!E3: column E "Localities North": not Kent`,
			},
			listed: map[string]app.Area{"Localities North": "Localities North", "Out of Area": "Out of Area"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(context.Background(), localitiesBook(t), Options{AreaNames: tc.names})
			if err != nil {
				t.Fatal(err)
			}
			got := figuresByArea(res.Dataset, "CIC01")
			if len(got) != len(tc.want) {
				t.Errorf("CIC01 by area %v, want %v", got, tc.want)
			}
			for a, v := range tc.want {
				if got[a] != v {
					t.Errorf("CIC01 %s = %q, want %q", a, got[a], v)
				}
			}
			var lines []string
			for _, w := range res.Warnings {
				lines = append(lines, w.String())
			}
			all := strings.Join(lines, "\n")
			for _, w := range tc.warn {
				if !strings.Contains(all, w) {
					t.Errorf("no warning %q in\n%s", w, all)
				}
			}
			if len(tc.warn) == 0 && (strings.Contains(all, "Localities") || strings.Contains(all, "Out of Area")) {
				t.Errorf("mapped areas warned of:\n%s", all)
			}
			if len(res.UnknownAreas) != len(tc.listed) {
				t.Fatalf("unknown areas %+v, want %v", res.UnknownAreas, tc.listed)
			}
			for _, u := range res.UnknownAreas {
				if want, ok := tc.listed[u.Name]; !ok || u.Area != want || u.Mapped != (tc.mapped || tc.names[u.Name] == PseudoArea) {
					t.Errorf("unknown area %+v, want filed under %q (mapped %v)", u, want, tc.mapped)
				}
				if at, ok := tc.cellsOf[u.Name]; ok && u.Location.File != "localities.xlsx" || ok && u.Location.Sheet+"!"+u.Location.Cell != at {
					t.Errorf("%s found at %+v, want localities.xlsx %s", u.Name, u.Location, at)
				}
			}
		})
	}
}

// A profile's layouts carry the officer's mappings to the producer's
// next file, without the import naming them again.
func TestUnknownAreaMappingSavedWithTheLayout(t *testing.T) {
	path := localitiesBook(t)
	first, err := Read(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	profile := map[string]Layout{}
	for _, l := range first.Layouts {
		l.AreaNames = map[string]app.Area{"Localities North": "Folkestone and Hythe", "Out of Area": "Out of County / Unknown"}
		profile[l.Sheet] = l
	}
	// Through JSON, as a profile is saved.
	b, err := json.Marshal(profile)
	if err != nil {
		t.Fatal(err)
	}
	var saved map[string]Layout
	if err := json.Unmarshal(b, &saved); err != nil {
		t.Fatal(err)
	}
	res, err := Read(context.Background(), path, Options{Layouts: saved})
	if err != nil {
		t.Fatal(err)
	}
	got := figuresByArea(res.Dataset, "CIC01")
	if got["Folkestone and Hythe"] != "240" || got[app.OutOfCounty] != "40" || got["Localities North"] != "" {
		t.Errorf("CIC01 by area %v, want Localities North read as Folkestone and Hythe", got)
	}
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "Localities North") {
			t.Errorf("mapped area warned of: %v", w)
		}
	}
}

func TestTidyUnknownAreaRowsKept(t *testing.T) {
	csv := "Ref,Period,Area,Value\n" +
		"CIC01,2025-02,Kent,1890\n" +
		"CIC01,2025-02,North Kent Locality,300\n" +
		"CIC01,2025-03,Kent,1896\n" +
		"CIC01,2025-03,north kent locality,310\n"
	for _, tc := range []struct {
		name  string
		names map[string]app.Area
		area  app.Area
		warn  string
	}{
		{"unmapped", nil, "North Kent Locality",
			`line 3: CIC01: area "North Kent Locality" is not Kent, one of its districts or a named pseudo-area; its figures here and in every row naming it are kept under "North Kent Locality"`},
		{"mapped", map[string]app.Area{"North Kent Locality": "Dartford"}, "Dartford", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeCSV(t, csv), Options{AreaNames: tc.names})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, o := range res.Dataset.Observations {
				if o.Area == tc.area {
					n++
				}
			}
			if n != 2 {
				t.Errorf("%d figures under %q, want 2: %+v", n, tc.area, res.Dataset.Observations)
			}
			if len(res.UnknownAreas) != 1 || res.UnknownAreas[0].Rows != 2 || res.UnknownAreas[0].Location.Cell != "line 3" || res.UnknownAreas[0].Area != tc.area {
				t.Errorf("unknown areas %+v, want one, 2 rows from line 3, filed under %s", res.UnknownAreas, tc.area)
			}
			var warned []string
			for _, w := range res.Warnings {
				if strings.Contains(strings.ToLower(w.Message), "locality") {
					warned = append(warned, w.String())
				}
			}
			if tc.warn == "" && len(warned) > 0 || tc.warn != "" && (len(warned) != 1 || !strings.Contains(warned[0], tc.warn)) {
				t.Errorf("warnings %q, want %q once", warned, tc.warn)
			}
		})
	}
}
