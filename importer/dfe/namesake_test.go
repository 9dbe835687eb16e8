package dfe

import (
	"fmt"
	"strings"
	"testing"

	"scorecard/app"
)

// TestNamesakeSaid guards QA30 18: the DfE care leavers file files its
// 19-21 measure as CL01, new to a store whose officer holds the same
// measure as SCS04, "... training (%)". The import says so at the line of
// the home authority's first row, naming both, and that they are not
// tied; a store without such a name, or one holding CL01 itself, hears
// nothing of it.
func TestNamesakeSaid(t *testing.T) {
	var csv strings.Builder
	csv.WriteString("time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,care_leaver_age,breakdown,care_leaver_count,care_leaver_percent\n")
	for _, geo := range []string{"National,E92000001,England,,,,,", "Local authority,E92000001,England,E13000001,Inner London,210,Southwark,E09000028"} {
		for _, b := range [][3]string{{"Total", "300", "100"}, {"Total in education, employment or training", "225", "75"}} {
			fmt.Fprintf(&csv, "2025,Reporting year,%s,19 to 21 years,%q,%s,%s\n", geo, b[0], b[1], b[2])
		}
	}
	southwark, _ := app.LookupAuthority("Southwark")
	officers := func(name string) app.Indicator {
		return app.Indicator{Ref: "SCS04", Name: name, Unit: app.Percent, Measure: app.Proportion}
	}
	tests := []struct {
		name   string
		stored []app.Indicator
		want   string // the warning's start, "line N: ..."; "" for none
	}{
		{"the officer's name with (%)", []app.Indicator{officers("Care leavers aged 19-21 in education, employment or training (%)")},
			`line 4: CL01 Care leavers aged 19-21 in education, employment or training: filed as CL01; your SCS04 has the same name: "Care leavers aged 19-21 in education, employment or training (%)". They are kept apart`},
		{"in other case and punctuation", []app.Indicator{officers("CARE LEAVERS AGED 19 - 21 IN EDUCATION EMPLOYMENT OR TRAINING %")},
			"line 4: CL01 Care leavers aged 19-21 in education, employment or training: filed as CL01; your SCS04 has the same name"},
		{"another measure", []app.Indicator{officers("Care leavers aged 17-18 in education, employment or training (%)")}, ""},
		{"no store", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd := Reader{Mapping: DefaultMapping(), Model: DefaultModel(), Home: southwark, Stored: tt.stored,
				Known: func(ref string) bool { return ref != RefCareLeaversEET && len(tt.stored) > 0 }}
			_, warns, err := rd.Read("la_care_leavers_activity.csv", strings.NewReader(csv.String()))
			if err != nil {
				t.Fatal(err)
			}
			var said []string
			for _, w := range warns {
				if strings.Contains(w.Message, "same name") {
					said = append(said, w.Cell+": "+w.Message)
				}
			}
			switch {
			case tt.want == "" && len(said) > 0:
				t.Errorf("said %q", said)
			case tt.want != "" && (len(said) != 1 || !strings.HasPrefix(said[0], tt.want)):
				t.Errorf("said %q, want one warning starting %q", said, tt.want)
			}
		})
	}
}
