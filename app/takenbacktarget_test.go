package app

import (
	"strings"
	"testing"
)

// A later month's file that gave the year's target just as the store
// held it (a restatement, not a version) gave it all the same: a
// re-issued earlier month stating another target says it takes back that
// file's, naming the latest file to give it, as it does for figures.
func TestTakenBackRestatedTarget(t *testing.T) {
	apr, may, jun := MonthOf(2025, 4), MonthOf(2025, 5), MonthOf(2025, 6)
	year := Period{Kind: FinancialYear, Year: 2025}
	fig := func(p Period, v float64, imp string) Observation {
		return Observation{Ref: "CIC05", Area: "Kent", Split: All, Period: p, Value: Float(v), Import: imp}
	}
	imp := func(id, src string, reach Period) Import {
		return Import{ID: id, Source: src, Counts: Counts{Observations: 2}, Reach: []Period{reach}}
	}
	aprF, mayF, junF, aprR := imp("I0001", "apr.xlsx", apr), imp("I0002", "may.xlsx", may), imp("I0003", "jun.xlsx", jun), imp("I0003", "apr again.xlsx", apr)
	// set is a target a file set, and the files after it that restated it
	// unchanged, in import order, as a store reads them.
	type set struct {
		target float64
		by     string
		after  []string
	}
	for _, tc := range []struct {
		name    string
		imports []Import
		figs    []Observation // each its import's version, the later files restating it
		targets []set         // in import order
		want    []string
	}{
		{"a target the later file restated, taken back",
			[]Import{aprF, mayF}, []Observation{fig(apr, 10.5, "I0001"), fig(may, 10.8, "I0002")},
			[]set{{12, "I0001", []string{"I0002"}}},
			[]string{"aprr.xlsx: Scorecard!F3: CIC05: this file's figures run to Apr-25, but I0002 (may.xlsx), which gave figures to May-25, is later; it takes back that later file's 2025/26 target (target 12 to target 11)"}},
		{"two later files restating it: named once, as the latest's",
			[]Import{aprF, mayF, junF}, []Observation{fig(apr, 10.5, "I0001"), fig(may, 10.8, "I0002"), fig(jun, 11.1, "I0003")},
			[]set{{12, "I0001", []string{"I0002", "I0003"}}},
			[]string{"aprr.xlsx: Scorecard!F3: CIC05: this file's figures run to Apr-25, but I0003 (jun.xlsx), which gave figures to Jun-25, is later; it takes back that later file's 2025/26 target (target 12 to target 11)"}},
		{"restated by no later file: a revision, which the review of targets reports",
			[]Import{aprF, mayF}, []Observation{fig(apr, 10.5, "I0001"), fig(may, 10.8, "I0002")},
			[]set{{12, "I0001", nil}}, nil},
		// May's 12 was taken back already by a re-issue setting 13: the
		// target held is that re-issue's, which reaches no later than
		// this file, and May never stated it.
		{"a later file's restatement of a target since replaced",
			[]Import{aprF, mayF, aprR}, []Observation{fig(apr, 10.5, "I0001"), fig(may, 10.8, "I0002")},
			[]set{{12, "I0001", []string{"I0002"}}, {13, "I0003", nil}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := NewHistory()
			h.Imports = tc.imports
			for _, o := range tc.figs {
				h.Add(o)
			}
			for _, s := range tc.targets {
				h.AddTarget(Target{Ref: "CIC05", Year: year, Target: Float(s.target), Import: s.by})
				for _, id := range s.after {
					h.AddTargetRestatement("CIC05", year, id)
				}
			}
			file := &Dataset{
				Observations: []Observation{{Ref: "CIC05", Area: "Kent", Split: All, Period: apr, Value: Float(10.5), Cell: "Scorecard!G3"}},
				Targets:      []Target{{Ref: "CIC05", Year: year, Target: Float(11)}},
				TargetsAt:    map[TargetSource]Location{{Ref: "CIC05"}: {File: "aprr.xlsx", Sheet: "Scorecard", Cell: "F3"}},
			}
			ws, err := TakenBack(file, "aprr.xlsx", tc.imports, func(string) (*History, error) { return h, nil })
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range ws {
				got = append(got, w.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
