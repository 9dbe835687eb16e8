package app

import (
	"strings"
	"testing"
)

// A file whose figures run to an earlier month than the import whose
// figure it replaces says which figures it takes back (QA11 D4:
// February's scorecard after March's, which corrected February).
func TestTakenBack(t *testing.T) {
	fig := func(area Area, p Period, v float64, imp, cell string) Observation {
		return Observation{Ref: "CIC05", Area: area, Split: All, Period: p, Value: Float(v), Import: imp, Cell: cell}
	}
	jan, feb, mar := MonthOf(2026, 1), MonthOf(2026, 2), MonthOf(2026, 3)
	h := NewHistory()
	h.Imports = []Import{{ID: "I0001", Source: "m_jan.xlsx"}, {ID: "I0002", Source: "m_mar.xlsx"}}
	for _, o := range []Observation{
		fig("Kent", jan, 10.5, "I0001", ""), fig("Kent", feb, 11.8, "I0002", ""), fig("Kent", mar, 11.4, "I0002", ""),
		fig("Swale", feb, 9.1, "I0002", ""), fig("Swale", mar, 9.0, "I0002", ""),
	} {
		h.Add(o)
	}
	h.AddTarget(Target{Ref: "CIC05", Year: Period{Kind: FinancialYear, Year: 2025}, Target: Float(9), Floor: Float(12), Import: "I0002"})
	reads := 0
	held := func(string) (*History, error) { reads++; return h, nil }
	// The imports as a store made before Reach was kept holds them, and
	// as one keeping it: the same warnings either way.
	counted := Counts{Observations: 3}
	before := []Import{{ID: "I0001", Counts: counted}, {ID: "I0002", Counts: counted}}
	reaching := []Import{{ID: "I0001", Counts: counted, Reach: []Period{jan}}, {ID: "I0002", Counts: counted, Reach: []Period{mar}}}
	restated := []Target{{Ref: "CIC05", Year: Period{Kind: FinancialYear, Year: 2025}, Target: Float(10), Floor: Float(12)}}
	for _, tc := range []struct {
		name    string
		file    []Observation
		targets []Target
		want    string // "" for no warning
	}{
		{"the same figures say nothing", []Observation{fig("Kent", jan, 10.5, "", "Scorecard!H4"), fig("Kent", feb, 11.8, "", "Scorecard!I4")}, nil, ""},
		{"an older file taking back a correction",
			[]Observation{fig("Kent", jan, 10.5, "", "Scorecard!H4"), fig("Kent", feb, 10.9, "", "Scorecard!I4"), fig("Swale", feb, 8.7, "", "Districts!C5")}, nil,
			"m_feb.xlsx: Scorecard!I4: CIC05: this file's figures run to Feb-26, but I0002 (m_mar.xlsx), which gave figures to Mar-26, is later; it takes back 2 of that later file's figures: Kent Feb-26 11.8 to 10.9, Swale Feb-26 9.1 to 8.7"},
		{"a later file correcting is a revision, not a taking back",
			[]Observation{fig("Kent", feb, 10.9, "", "Scorecard!I4"), fig("Kent", MonthOf(2026, 4), 11.0, "", "Scorecard!J4")}, nil, ""},
		{"a file of the same month correcting it is a revision",
			[]Observation{fig("Kent", feb, 10.9, "", "Scorecard!I4"), fig("Kent", mar, 11.3, "", "Scorecard!J4")}, nil, ""},
		{"a status where a figure was is taken back too",
			[]Observation{{Ref: "CIC05", Area: "Kent", Split: All, Period: feb, Status: Suppressed, Cell: "Scorecard!I4"}},
			nil, "it takes back 1 of that later file's figures: Kent Feb-26 11.8 to [c]"},
		{"an older file restating the later file's target", []Observation{fig("Kent", jan, 10.5, "", "Scorecard!H4")}, restated,
			"m_feb.xlsx: CIC05: this file's figures run to Jan-26, but I0002 (m_mar.xlsx), which gave figures to Mar-26, is later; it takes back that later file's 2025/26 target (target 9, floor 12 to target 10, floor 12)"},
		{"a later file restating it is a revision", []Observation{fig("Kent", MonthOf(2026, 4), 10.5, "", "Scorecard!H4")}, restated, ""},
	} {
		for _, imports := range [][]Import{before, reaching} {
			t.Run(tc.name, func(t *testing.T) {
				reads = 0
				ws, err := TakenBack(&Dataset{Observations: tc.file, Targets: tc.targets}, "m_feb.xlsx", imports, held)
				if err != nil {
					t.Fatal(err)
				}
				if imports[1].Reach != nil && tc.want == "" && reads > 0 && !strings.Contains(tc.name, "same figures") {
					t.Errorf("%d figures read, though no import reaches past the file's", reads)
				}
				var got []string
				for _, w := range ws {
					got = append(got, w.String())
				}
				switch {
				case tc.want == "" && len(got) > 0:
					t.Errorf("warnings %q, want none", got)
				case tc.want != "" && (len(got) != 1 || !strings.Contains(got[0], tc.want)):
					t.Errorf("warnings %q, want one containing %q", got, tc.want)
				}
			})
		}
	}
}
