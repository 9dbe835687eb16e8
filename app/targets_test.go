package app

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestReviewTargets: a year's target restated without its milestones or
// district targets keeps the stored ones, and a district's row alone
// keeps the year's target; a level
// stated differently replaces the stored one with a warning at the row
// that gave it; a year of the other type than the indicator's is warned
// of.
func TestReviewTargets(t *testing.T) {
	fy := Period{Kind: FinancialYear, Year: 2025}
	ay := Period{Kind: AcademicYear, Year: 2025}
	q2 := Period{Kind: Quarter, Year: 2025, N: 3} // Q2 of 2025/26: Jul-Sep
	sep := MonthOf(2025, 9)
	held := Target{Ref: "CLA02", Year: fy, Target: Float(9), Floor: Float(11), Levels: []Level{
		{Period: q2, Target: Float(9.5)},
		{Period: sep, Target: Float(10.1)},
		{Area: "Epsom & Ewell", Target: Float(8), Floor: Float(8.2)},
	}}
	at := Location{File: "t.csv", Sheet: "t.csv", Cell: "A3"}
	for _, tc := range []struct {
		name     string
		file     Target
		year     PeriodKind // the indicator's year type in the store
		want     string     // the targets that result, by level
		warnings []string   // each warning contains one of these, in order
	}{
		{
			name: "the year restated alone keeps its profile",
			file: Target{Ref: "CLA02", Year: fy, Target: Float(9), Floor: Float(11)},
			want: "9/11 Jul-Sep 2025:9.5/- Sep-25:10.1/- Epsom & Ewell:8/8.2",
		},
		{
			name:     "a year's target stated replaces the year's target and floor, keeps the levels",
			file:     Target{Ref: "CLA02", Year: fy, Target: Float(8.5)},
			want:     "8.5/- Jul-Sep 2025:9.5/- Sep-25:10.1/- Epsom & Ewell:8/8.2",
			warnings: []string{"t.csv: t.csv!A2: CLA02 2025/26: the year's target here (target 8.5) replaces the stored one (target 9, floor 11)"},
		},
		{
			name:     "a milestone stated differently replaces that one",
			file:     Target{Ref: "CLA02", Year: fy, Target: Float(9), Floor: Float(11), Levels: []Level{{Period: q2, Target: Float(9.8)}}},
			want:     "9/11 Jul-Sep 2025:9.8/- Sep-25:10.1/- Epsom & Ewell:8/8.2",
			warnings: []string{"t.csv: t.csv!A2: CLA02 2025/26: the Jul-Sep 2025 milestone here (target 9.8) replaces the stored one (target 9.5)"},
		},
		{
			name:     "a district's target stated alone keeps the year's and replaces the district's",
			file:     Target{Ref: "CLA02", Year: fy, Levels: []Level{{Area: "Epsom & Ewell", Target: Float(8.5)}}},
			want:     "9/11 Jul-Sep 2025:9.5/- Sep-25:10.1/- Epsom & Ewell:8.5/8.2",
			warnings: []string{"t.csv: t.csv!A3: CLA02 2025/26: Epsom & Ewell's own target here (target 8.5, floor 8.2) replaces the stored one (target 8, floor 8.2)"},
		},
		{
			name: "a new district is added to the stored ones",
			file: Target{Ref: "CLA02", Year: fy, Levels: []Level{{Area: "Woking", Target: Float(7), Floor: Float(7.5)}}},
			want: "9/11 Jul-Sep 2025:9.5/- Sep-25:10.1/- Epsom & Ewell:8/8.2 Woking:7/7.5",
		},
		{
			name: "another year is not touched by the stored one",
			file: Target{Ref: "CLA02", Year: Period{Kind: FinancialYear, Year: 2026}, Target: Float(8), Floor: Float(10)},
			want: "8/10",
		},
		{
			name:     "an academic year's target for a financial-year indicator",
			file:     Target{Ref: "CLA02", Year: ay, Target: Float(9), Floor: Float(11)},
			want:     "9/11",
			warnings: []string{"CLA02 2025/26AY: this academic year's target never applies: CLA02's targets are set by financial year (years like 2025/26)"},
		},
		{
			name: "an academic year's target for an academic-year indicator",
			file: Target{Ref: "CLA02", Year: ay, Target: Float(9), Floor: Float(11)},
			year: AcademicYear,
			want: "9/11",
		},
		{
			name:     "a financial year's target for an academic-year indicator",
			file:     Target{Ref: "CLA02", Year: fy, Target: Float(9), Floor: Float(11)},
			year:     AcademicYear,
			want:     "9/11 Jul-Sep 2025:9.5/- Sep-25:10.1/- Epsom & Ewell:8/8.2",
			warnings: []string{"this financial year's target never applies: CLA02's targets are set by academic year (years like 2025/26AY)"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds := &Dataset{Targets: []Target{tc.file}, TargetsAt: map[TargetSource]Location{
				{"CLA02", ""}:              {File: "t.csv", Sheet: "t.csv", Cell: "A2"},
				{"CLA02", "Epsom & Ewell"}: at,
			}}
			stored := func(ref string) []Target {
				if ref != "CLA02" {
					return nil
				}
				h := held
				h.Levels = append([]Level(nil), held.Levels...)
				return []Target{h}
			}
			defined := func(ref string) (Indicator, bool) {
				return Indicator{Ref: ref, YearType: tc.year}, true
			}
			ws := ReviewTargets(ds, "t.csv", stored, defined, nil)
			if got := targetWords(ds.Targets[0]); got != tc.want {
				t.Errorf("targets %q, want %q", got, tc.want)
			}
			if len(ws) != len(tc.warnings) {
				t.Fatalf("%d warnings %q, want %d", len(ws), ws, len(tc.warnings))
			}
			for i, w := range ws {
				if !strings.Contains(w.String(), tc.warnings[i]) {
					t.Errorf("warning %q, want it to contain %q", w, tc.warnings[i])
				}
			}
		})
	}
}

// targetWords writes a target and its levels for comparison: "9/11
// Jul-Sep 2025:9.5/- Swale:8/8.2".
func targetWords(t Target) string {
	num := func(v *float64) string {
		if v == nil {
			return "-"
		}
		return fmt.Sprint(*v)
	}
	s := num(t.Target) + "/" + num(t.Floor)
	for _, l := range t.Levels {
		name := string(l.Area)
		if !l.Period.IsZero() {
			name = l.Period.Label()
			if l.Area != "" {
				name = string(l.Area) + " " + name
			}
		}
		s += " " + name + ":" + num(l.Target) + "/" + num(l.Floor)
	}
	return s
}

// A year's target or floor restated differently replaces the stored one
// and says how many reported figures it re-rates (QA11 D4: a tidy CSV
// restating SCS08's 2025/26 target 22 and floor 25 as 21 and 23 turned
// Oct-25 red and Jan-26 and Mar-26 amber, with no warning).
func TestReviewTargetsSaysWhatItRerates(t *testing.T) {
	fy := Period{Kind: FinancialYear, Year: 2025}
	held := Target{Ref: "SCS08", Year: fy, Target: Float(22), Floor: Float(25)}
	var figures []Observation
	for i, v := range []float64{23.1, 22.8, 22.5, 21.9, 22.2, 21.5} {
		figures = append(figures, Observation{Ref: "SCS08", Area: "Kent", Period: MonthOf(2025, 10).Add(i), Value: Float(v)})
	}
	figures = append(figures, Observation{Ref: "SCS08", Area: "Kent", Period: MonthOf(2025, 3), Value: Float(21.5)}) // 2024/25's
	ind := Indicator{Ref: "SCS08", Polarity: LowerBetter, Unit: Percent, Decimals: 1}
	for _, tc := range []struct {
		name    string
		file    Target
		warning string // "" for none
	}{
		{"restated alike", Target{Ref: "SCS08", Year: fy, Target: Float(22), Floor: Float(25)}, ""},
		{"restated lower", Target{Ref: "SCS08", Year: fy, Target: Float(21), Floor: Float(23)},
			"f.csv: A2: SCS08 2025/26: the year's target here (target 21, floor 23) replaces the stored one (target 22, floor 25); " +
				"it changes the rating of 3 reported figures: Oct-25 AMBER to RED, Jan-26 GREEN to AMBER, Mar-26 GREEN to AMBER"},
		{"a floor alone moved, rating nothing else", Target{Ref: "SCS08", Year: fy, Target: Float(22), Floor: Float(24)},
			"SCS08 2025/26: the year's target here (target 22, floor 24) replaces the stored one (target 22, floor 25); it changes the rating of no figure held"},
		{"the floor left out", Target{Ref: "SCS08", Year: fy, Target: Float(22)},
			"it changes the rating of 6 reported figures: Oct-25 AMBER to no rating,"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds := &Dataset{Targets: []Target{tc.file}, TargetsAt: map[TargetSource]Location{{"SCS08", ""}: {File: "f.csv", Cell: "A2"}}}
			ws := ReviewTargets(ds, "f.csv", func(string) []Target { return []Target{held} },
				func(string) (Indicator, bool) { return ind, true }, func(string, Area) []Observation { return figures })
			var got []string
			for _, w := range ws {
				got = append(got, w.String())
			}
			switch {
			case tc.warning == "" && len(got) > 0:
				t.Errorf("warnings %q, want none", got)
			case tc.warning != "" && (len(got) != 1 || !strings.Contains(got[0], tc.warning)):
				t.Errorf("warnings %q, want one containing %q", got, tc.warning)
			}
		})
	}
}

// A restated target's warning compares each held figure's rating before
// the import (the figure held, the stored target, the stored definition)
// with its rating after it (the figure as the same file revises it, the
// new target, the definition that stands) (QA15 R5: May-25 revised from
// 21 to 24 was said to turn GREEN under the new target 22 when it stays
// AMBER; under a polarity changed from L to H, its AMBER turning GREEN
// was said to be GREEN turning AMBER).
func TestReviewTargetsReratesRevisedFigures(t *testing.T) {
	fy := Period{Kind: FinancialYear, Year: 2025}
	apr, may, jun := MonthOf(2025, 4), MonthOf(2025, 5), MonthOf(2025, 6)
	obs := func(p Period, v float64) Observation {
		return Observation{Ref: "UD01", Area: "Kent", Split: All, Period: p, Value: Float(v)}
	}
	held := []Observation{obs(apr, 20), obs(may, 21)}
	stored := Target{Ref: "UD01", Year: fy, Target: Float(20), Floor: Float(25)}
	lower := Indicator{Ref: "UD01", Name: "Re-referrals (%)", Polarity: LowerBetter, Unit: Percent}
	higher := lower
	higher.Polarity = HigherBetter
	standIn := obs(may, 30)
	standIn.StandIn = true
	for _, tc := range []struct {
		name    string
		file    Target
		defines []Indicator // the definition that stands after the import, where the file gives one
		figures []Observation
		want    string
	}{
		{"May revised within AMBER", Target{Ref: "UD01", Year: fy, Target: Float(22), Floor: Float(25)}, nil,
			[]Observation{obs(may, 24), obs(jun, 23)}, "it changes the rating of no figure held"},
		{"May revised out of AMBER", Target{Ref: "UD01", Year: fy, Target: Float(22), Floor: Float(25)}, nil,
			[]Observation{obs(may, 26)}, "it changes the rating of 1 reported figure: May-25 AMBER to RED"},
		{"no revision", Target{Ref: "UD01", Year: fy, Target: Float(21), Floor: Float(25)}, nil,
			nil, "it changes the rating of 1 reported figure: May-25 AMBER to GREEN"},
		{"a stand-in revises nothing", Target{Ref: "UD01", Year: fy, Target: Float(21), Floor: Float(25)}, nil,
			[]Observation{standIn}, "it changes the rating of 1 reported figure: May-25 AMBER to GREEN"},
		{"another area's revision", Target{Ref: "UD01", Year: fy, Target: Float(21), Floor: Float(25)}, nil,
			[]Observation{{Ref: "UD01", Area: "Ashford", Split: All, Period: may, Value: Float(30)}},
			"it changes the rating of 1 reported figure: May-25 AMBER to GREEN"},
		{"polarity L to H as accepted", Target{Ref: "UD01", Year: fy, Target: Float(22), Floor: Float(18)}, []Indicator{higher},
			[]Observation{obs(may, 22), obs(jun, 23)},
			"it changes the rating of 2 reported figures: Apr-25 GREEN to AMBER, May-25 AMBER to GREEN"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds := &Dataset{Indicators: tc.defines, Observations: tc.figures, Targets: []Target{tc.file},
				TargetsAt: map[TargetSource]Location{{"UD01", ""}: {File: "jun.xlsx", Sheet: "Scorecard", Cell: "A2"}}}
			ws := ReviewTargets(ds, "jun.xlsx", func(string) []Target { return []Target{stored} },
				func(string) (Indicator, bool) { return lower, true }, func(string, Area) []Observation { return held })
			if len(ws) != 1 || !strings.HasSuffix(ws[0].Message, "; "+tc.want) {
				t.Errorf("warnings %v, want one ending %q", ws, tc.want)
			}
		})
	}
}

// A restated year's target re-rates a district's figures only as far as
// it is the district's target: a district with its own target and floor
// (Swale's 8 and 8.2) is rated against them before and after, as show
// and the exports rate it; one with its own target alone (Thanet's 8)
// takes the year's floor, which moved; one with none (Dover) the year's.
// Hand-worked, lower is better, the year's 9/11 restated as 10/12.
func TestReratedRatesEachAreaAtItsOwnLevel(t *testing.T) {
	fy := Period{Kind: FinancialYear, Year: 2025}
	levels := []Level{{Area: "Swale", Target: Float(8), Floor: Float(8.2)}, {Area: "Thanet", Target: Float(8)}}
	was := Target{Ref: "CIC05", Year: fy, Target: Float(9), Floor: Float(11), Levels: levels}
	is := Target{Ref: "CIC05", Year: fy, Target: Float(10), Floor: Float(12), Levels: levels}
	ind := Indicator{Ref: "CIC05", Polarity: LowerBetter, Unit: Percent, Decimals: 1}
	aug, sep := MonthOf(2025, 8), MonthOf(2025, 9)
	for _, tc := range []struct {
		area    Area
		figures map[Period]float64
		want    string
	}{
		// 9.8 is AMBER against 9/11 and GREEN against 10/12.
		{"Kent", map[Period]float64{aug: 10.2, sep: 9.8}, "it changes the rating of 1 reported figure: Sep-25 AMBER to GREEN"},
		// 11.5 is RED and 8.1 AMBER against 8/8.2 whatever the year's
		// target; against the year's they would move RED to AMBER and
		// stay GREEN.
		{"Swale", map[Period]float64{aug: 11.5, sep: 8.1}, "it changes the rating of no figure held"},
		// 11.5 against target 8 with the year's floor: 11 RED, 12 AMBER.
		{"Thanet", map[Period]float64{aug: 11.5, sep: 7.9}, "it changes the rating of 1 reported figure: Aug-25 RED to AMBER"},
		{"Dover", map[Period]float64{aug: 11.5, sep: 9.8}, "it changes the rating of 2 reported figures: Aug-25 RED to AMBER, Sep-25 AMBER to GREEN"},
	} {
		var held []Observation
		for _, p := range []Period{aug, sep} {
			held = append(held, Observation{Ref: "CIC05", Area: tc.area, Period: p, Value: Float(tc.figures[p])})
		}
		if got := Rerated(ind, ind, was, is, held, nil); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.area, got, tc.want)
		}
	}
}

// A year's target restated by a file that restates a district's own
// target or a milestone too keeps the levels held before, so that what
// the restatement re-rated is told against them (Replaced.Was); one that
// leaves the levels as held keeps none, and Was gives the levels held.
func TestReviewTargetsKeepsLevelsReplaced(t *testing.T) {
	fy := Period{Kind: FinancialYear, Year: 2025}
	swale := Level{Area: "Swale", Target: Float(8), Floor: Float(8.2)}
	held := Target{Ref: "CIC05", Year: fy, Target: Float(9), Floor: Float(11), Levels: []Level{swale}, Import: "I0001"}
	ind := Indicator{Ref: "CIC05", Polarity: LowerBetter, Unit: Percent, Decimals: 1}
	for _, tc := range []struct {
		name    string
		levels  []Level // the file's
		was     []Level // Was's levels
		kept    bool    // Replaced.LevelsReplaced
		swaleIs string  // Swale's own target after it
	}{
		{"levels not stated", nil, []Level{swale}, false, "8/8.2"},
		{"Swale's stated alike", []Level{swale}, []Level{swale}, false, "8/8.2"},
		{"Swale's restated", []Level{{Area: "Swale", Target: Float(8.5), Floor: Float(8.7)}}, []Level{swale}, true, "8.5/8.7"},
		{"a milestone added", []Level{{Period: MonthOf(2025, 9), Target: Float(9.5)}}, []Level{swale}, true, "8/8.2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds := &Dataset{Targets: []Target{{Ref: "CIC05", Year: fy, Target: Float(10), Floor: Float(12), Levels: tc.levels}}}
			ReviewTargets(ds, "oct.xlsx", func(string) []Target { return []Target{held} },
				func(string) (Indicator, bool) { return ind, true }, nil)
			got := ds.Targets[0]
			if got.Replaced == nil || got.Replaced.LevelsReplaced != tc.kept {
				t.Fatalf("replaced %+v, want levels kept %v", got.Replaced, tc.kept)
			}
			was := got.Replaced.Was(got)
			if *was.Target != 9 || *was.Floor != 11 || !reflect.DeepEqual(was.Levels, tc.was) {
				t.Errorf("was %+v, want 9/11 with levels %+v", was, tc.was)
			}
			own, _ := got.For("Swale", Period{})
			if s := fmt.Sprintf("%g/%g", *own.Target, *own.Floor); s != tc.swaleIs {
				t.Errorf("Swale's own target after it: %s, want %s", s, tc.swaleIs)
			}
		})
	}
}

// A district's own target stated differently says, as a year's target
// does, which of the district's reported figures it re-rates: Swale's
// Sep-25 8.3 (lower is better) is RED against 8/8.2 and GREEN against
// 8.5/8.7; Kent's figures, rated by the year's target, are not named.
func TestReviewTargetsSaysWhatADistrictsTargetRerates(t *testing.T) {
	fy := Period{Kind: FinancialYear, Year: 2025}
	held := Target{Ref: "CIC05", Year: fy, Target: Float(9), Floor: Float(11), Levels: []Level{{Area: "Swale", Target: Float(8), Floor: Float(8.2)}}}
	ind := Indicator{Ref: "CIC05", Polarity: LowerBetter, Unit: Percent, Decimals: 1}
	sep := MonthOf(2025, 9)
	figures := func(_ string, area Area) []Observation {
		v := map[Area]float64{"": 9.8, "Swale": 8.3}[area]
		return []Observation{{Ref: "CIC05", Area: area, Period: sep, Value: Float(v)}}
	}
	ds := &Dataset{Targets: []Target{{Ref: "CIC05", Year: fy, Levels: []Level{{Area: "Swale", Target: Float(8.5), Floor: Float(8.7)}}}},
		TargetsAt: map[TargetSource]Location{{"CIC05", "Swale"}: {File: "t.csv", Cell: "A3"}}}
	ws := ReviewTargets(ds, "t.csv", func(string) []Target { return []Target{held} }, func(string) (Indicator, bool) { return ind, true }, figures)
	const want = "CIC05 2025/26: Swale's own target here (target 8.5, floor 8.7) replaces the stored one (target 8, floor 8.2); it changes the rating of 1 reported figure: Sep-25 RED to GREEN"
	if len(ws) != 1 || ws[0].Message != want {
		t.Errorf("warnings %v, want one: %s", ws, want)
	}
}
