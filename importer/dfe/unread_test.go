package dfe

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnreadRowsAreReported reads files with rows no mapping rule reads:
// each kind is reported once with its rows and first line, a file of
// many breakdowns in one warning, and a geography the app does not keep
// once.
func TestUnreadRowsAreReported(t *testing.T) {
	const cla = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,population_type,children_count\n"
	claRow := func(level, la, population string) string {
		geo := "Local authority,E92000001,England,E12000008,South East,886," + la + ",E10000016"
		if level != "" {
			geo = level + ",E92000001,England,,,,,"
		}
		return fmt.Sprintf("2025,Reporting year,%s,%s,100\n", geo, population)
	}
	const lookedAfter, ceasing = "Children looked after on 31 March each year", "Children ceasing to be looked after each year"

	const leavers = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent\n"
	var breakdowns strings.Builder
	breakdowns.WriteString(leavers)
	for _, age := range []string{"19 to 21 years", "17 to 18 years"} {
		for _, b := range []string{"Total", "Total in education, employment or training", "In an apprenticeship", "Higher education i.e. studies beyond A level"} {
			fmt.Fprintf(&breakdowns, "2025,Reporting year,Local authority,E92000001,England,E12000008,South East,886,Kent,E10000016,%s,%q,50,50\n", age, b)
		}
	}

	tests := []struct {
		name, csv string
		want      []string // each unread warning's start, "line N: ..."
	}{
		{
			name: "one population no rule reads",
			csv:  cla + claRow("", "Kent", lookedAfter) + claRow("", "Kent", ceasing) + claRow("National", "", lookedAfter) + claRow("National", "", ceasing),
			want: []string{`line 3: population_type "Children ceasing to be looked after each year": no mapping rule reads these rows (the mapping reads CIC01, CIC10); 2 rows skipped, the first here`},
		},
		{
			name: "every row read",
			csv:  cla + claRow("", "Kent", lookedAfter) + claRow("National", "", lookedAfter),
		},
		{
			name: "a geography the app does not keep",
			csv:  cla + claRow("", "Kent", lookedAfter) + claRow("Local authority district", "", lookedAfter) + claRow("Local authority district", "", lookedAfter),
			want: []string{`line 3: geographic_level "Local authority district": the app reads England, regions and local authorities; 2 rows skipped, the first here`},
		},
		{
			// 19-21's apprenticeships and higher education, and all four
			// of 17-18's: six kinds, in one warning.
			name: "breakdowns past the limit",
			csv:  breakdowns.String(),
			want: []string{`line 4: 6 rows of 6 breakdowns no mapping rule reads were skipped, the first here: care_leaver_age "19 to 21 years", breakdown "In an apprenticeship"; care_leaver_age "19 to 21 years", breakdown "Higher education i.e. studies beyond A level"; and 4 more (the mapping reads CL01)`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd := Reader{Mapping: DefaultMapping()}
			_, warns, err := rd.Read("file.csv", strings.NewReader(tt.csv))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range warns {
				if m := w.Cell + ": " + w.Message; strings.Contains(m, "skipped") {
					got = append(got, m)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("warnings %q, want %d", got, len(tt.want))
			}
			for i, w := range tt.want {
				if got[i] != w {
					t.Errorf("warning\n%q, want\n%q", got[i], w)
				}
			}
		})
	}
}

// TestUnreadRowsOfRealFile counts the DfE's children ceasing to be looked
// after, which the default mapping does not read, plainly from the CSV.
func TestUnreadRowsOfRealFile(t *testing.T) {
	path := filepath.Join("testdata", "cla_number_and_rate_per_10k_children.csv")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	n, first := 0, 0
	for i, r := range rows {
		if r[10] == "Children ceasing to be looked after each year" {
			n++
			if first == 0 {
				first = i + 1
			}
		}
	}
	_, warns := readFile(t, path)
	want := fmt.Sprintf("line %d: population_type \"Children ceasing to be looked after each year\": no mapping rule reads these rows (the mapping reads CIC01, CIC02, CIC10); %d rows skipped", first, n)
	found := 0
	for _, w := range warns {
		if strings.Contains(w.Message, "skipped") {
			found++
			if m := w.Cell + ": " + w.Message; !strings.HasPrefix(m, want) {
				t.Errorf("warning %q, want it to start %q", m, want)
			}
		}
	}
	if found != 1 || n == 0 {
		t.Errorf("%d warnings of skipped rows, want 1 for the file's %d rows of children ceasing to be looked after", found, n)
	}
}

// TestUnreadColumnsAreReported reads files with columns no mapping rule
// reads: an indicator beside the one mapped, a note, a filter no rule
// chooses by. One warning names them, with the value a column of words
// has on every row where it is no total, so that a group of children it
// picks out is seen; geography columns are not among them.
func TestUnreadColumnsAreReported(t *testing.T) {
	const head = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,lad_code,population_type,children_count"
	const row = "2025,Reporting year,Local authority,E92000001,England,E12000008,South East,886,Kent,E10000016,,Children looked after on 31 March each year,1896"
	tests := []struct {
		name, head, extraHead, extraRow string // head "" for the DfE's own
		want                            string // "" for no warning
	}{
		{"every column read", "", "", "", ""},
		// A spreadsheet's tidy-up capitalises the headings; the codes
		// and names are read through them as before (hB F9).
		{"headings capitalised", "Time_Period,Time_Identifier,Geographic_Level,Country_Code,Country_Name,Region_Code,Region_Name,Old_La_Code,La_Name,New_La_Code,Lad_Code,Population_Type,Children_Count", "", "", ""},
		{"a note", "", ",notes", ",provisional", `line 1: column notes ("provisional" on every row) not read: no mapping rule reads it (the mapping reads CIC01, CIC10)`},
		{"indicators and a filter", "", ",characteristic,vacancy_rate_fte,absence_rate_fte", ",Total,12.5,3.1",
			"line 1: 3 columns (characteristic, vacancy_rate_fte, absence_rate_fte) not read: no mapping rule reads them (the mapping reads CIC01, CIC10)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := head
			if tt.head != "" {
				h = tt.head
			}
			rd := Reader{Mapping: DefaultMapping()}
			_, warns, err := rd.Read("file.csv", strings.NewReader(h+tt.extraHead+"\n"+row+tt.extraRow+"\n"))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range warns {
				if m := w.Cell + ": " + w.Message; strings.Contains(m, "not read") {
					got = append(got, m)
				}
			}
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("warned %q, want nothing", got)
			case tt.want != "" && (len(got) != 1 || got[0] != tt.want):
				t.Errorf("warned %q, want\n%q", got, tt.want)
			}
		})
	}
}
