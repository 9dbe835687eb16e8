package dfe

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/assets/synth"
)

// readDefined reads a testdata file with the store's definitions given.
func readDefined(t *testing.T, file string, stored []app.Indicator) (*app.Dataset, []app.Warning, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd := Reader{Mapping: DefaultMapping(), Model: DefaultModel(), Known: func(string) bool { return true }}
	if stored != nil {
		rd.Defined = func(ref string) (app.Indicator, bool) {
			i := slices.IndexFunc(stored, func(ind app.Indicator) bool { return ind.Ref == ref })
			if i < 0 {
				return app.Indicator{}, false
			}
			return stored[i], true
		}
	}
	return rd.Read(file, f)
}

// figuresOf counts a ref's observations and benchmarks in d.
func figuresOf(d *app.Dataset, ref string) (obs, benches int) {
	for _, o := range d.Observations {
		if o.Ref == ref {
			obs++
		}
	}
	for _, b := range d.Benchmarks {
		if b.Ref == ref {
			benches++
		}
	}
	return obs, benches
}

// TestStoredDefinitionsClash reads the DfE's real files into stores whose
// own refs mean something else (QA11 D1: a council's CIC01 is "% in
// foster care", its CIC02 a count, its CIC10 average days): those refs'
// figures and benchmarks are left out with a warning at line 1 naming
// both definitions, and refs defined alike are read as before.
func TestStoredDefinitionsClash(t *testing.T) {
	foster := app.Indicator{Ref: RefCICCount, Name: "Percentage of children in care placed in foster care", Unit: app.Percent, Measure: app.Proportion, Polarity: app.HigherBetter}
	countExUASC := app.Indicator{Ref: RefCICRate, Name: "Number of children in care (excluding UASC)", Unit: app.Number, Measure: app.Count}
	adoptionDays := app.Indicator{Ref: RefCICStarts, Name: "Average days between entering care and moving in with adoptive family", Unit: app.Days, Measure: app.Mean, Polarity: app.LowerBetter}
	inCare := app.Indicator{Ref: RefCICCount, Name: "Number of children in care", Unit: app.Number, Measure: app.Count}
	// The same unit and measure as the DfE's long-term stability, but
	// about something else: only the name says so.
	suitable := app.Indicator{Ref: RefCICLongTermStable, Name: "Care leavers in suitable accommodation (%)", Unit: app.Percent, Measure: app.Proportion, Polarity: app.HigherBetter}
	moves := app.Indicator{Ref: RefCICPlacements, Name: "Children in care with 3 or more placements in the last 12 months (%)", Unit: app.Percent, Measure: app.Proportion, Polarity: app.LowerBetter}

	tests := []struct {
		name    string
		file    string
		stored  []app.Indicator
		clashed []string // refs left out, each with a warning at line 1
		kept    []string // refs read as without definitions
		refused bool     // every ref read clashed: nothing to import
	}{
		{"QA11 refclash scorecard", "cla_number_and_rate_per_10k_children.csv", []app.Indicator{foster, countExUASC, adoptionDays},
			[]string{RefCICCount, RefCICRate, RefCICStarts}, nil, true},
		{"only the rate's ref clashes", "cla_number_and_rate_per_10k_children.csv", []app.Indicator{inCare, countExUASC},
			[]string{RefCICRate}, []string{RefCICCount, RefCICStarts}, false},
		{"a name about something else", "la_cla_placement_stability.csv", []app.Indicator{suitable, moves},
			[]string{RefCICLongTermStable}, []string{RefCICPlacements}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plain, _, err := readDefined(t, tt.file, nil)
			if err != nil {
				t.Fatal(err)
			}
			d, warns, err := readDefined(t, tt.file, tt.stored)
			if tt.refused {
				var se *app.SourceError
				if !errors.As(err, &se) || se.Location.Cell != "line 1" {
					t.Fatalf("err = %v, want a refusal at line 1", err)
				}
				for _, ref := range tt.clashed {
					i := slices.IndexFunc(tt.stored, func(ind app.Indicator) bool { return ind.Ref == ref })
					if msg := err.Error(); !strings.Contains(msg, ref+": ") || !strings.Contains(msg, tt.stored[i].Name) {
						t.Errorf("refusal does not name %s and its stored definition %q: %s", ref, tt.stored[i].Name, msg)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, ref := range tt.clashed {
				if obs, benches := figuresOf(d, ref); obs+benches > 0 {
					t.Errorf("%s: %d figures and %d benchmarks read under a ref the store defines otherwise", ref, obs, benches)
				}
				i := slices.IndexFunc(tt.stored, func(ind app.Indicator) bool { return ind.Ref == ref })
				obs, benches := figuresOf(plain, ref)
				found := false
				for _, w := range warns {
					if w.Location.Cell == "line 1" && strings.HasPrefix(w.Message, ref+": ") {
						found = true
						for _, want := range []string{tt.stored[i].Name, "not imported", "--db", counted(obs, "figure"), counted(benches, "benchmark")} {
							if !strings.Contains(w.Message, want) {
								t.Errorf("%s warning lacks %q: %s", ref, want, w.Message)
							}
						}
					}
				}
				if !found {
					t.Errorf("no warning at line 1 for %s in %v", ref, warns)
				}
			}
			for _, ref := range tt.kept {
				got, want := d.Observations, plain.Observations
				keep := func(o app.Observation) bool { return o.Ref != ref }
				got, want = slices.DeleteFunc(slices.Clone(got), keep), slices.DeleteFunc(slices.Clone(want), keep)
				if len(got) == 0 || !slices.EqualFunc(got, want, func(a, b app.Observation) bool {
					return a.Period == b.Period && *a.Value == *b.Value
				}) {
					t.Errorf("%s: %d figures read, want the %d read without definitions", ref, len(got), len(want))
				}
				if g, w := len(slices.DeleteFunc(slices.Clone(d.Benchmarks), func(b app.Benchmark) bool { return b.Ref != ref })), len(slices.DeleteFunc(slices.Clone(plain.Benchmarks), func(b app.Benchmark) bool { return b.Ref != ref })); g != w {
					t.Errorf("%s: %d benchmarks, want %d", ref, g, w)
				}
			}
		})
	}
}

// TestDemoDefinitionsAgree reads every real file into a store holding the
// demo scorecard's definitions, which name the DfE's measures in their
// own words: nothing clashes and every figure is read.
func TestDemoDefinitionsAgree(t *testing.T) {
	demo := synth.Demo().Dataset.Indicators
	for _, file := range []string{
		"cla_number_and_rate_per_10k_children.csv",
		"la_cla_placement_stability.csv",
		"c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
		"d3_cpps_subsequent_plan_2013_to_2025.csv",
		"csww_indicators_2017_to_2025.csv",
		"la_care_leavers_activity.csv",
	} {
		t.Run(file, func(t *testing.T) {
			plain, _, err := readDefined(t, file, nil)
			if err != nil {
				t.Fatal(err)
			}
			d, warns, err := readDefined(t, file, demo)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range warns {
				if strings.Contains(w.Message, "the store defines") {
					t.Errorf("demo definition clashes: %s", w)
				}
			}
			if len(d.Observations) != len(plain.Observations) || len(d.Benchmarks) != len(plain.Benchmarks) {
				t.Errorf("%d figures and %d benchmarks, want %d and %d", len(d.Observations), len(d.Benchmarks), len(plain.Observations), len(plain.Benchmarks))
			}
		})
	}
}
