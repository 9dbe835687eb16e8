package app

import (
	"strings"
	"testing"
	"time"
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

// A later file that gave a figure just as the store held it (stored as a
// restatement, not a version) gave it all the same: an earlier-reaching
// file taking it back says so, naming the latest file to give it (QA23a
// D1: m02, m03, m04 then m03r revised Dec-24 and Jan-25 with no warning).
func TestTakenBackRestated(t *testing.T) {
	fig := func(ref string, p Period, v float64, imp, cell string) Observation {
		return Observation{Ref: ref, Area: "Kent", Split: All, Period: p, Value: Float(v), Import: imp, Cell: cell}
	}
	oct, nov, dec, jan, feb, mar := MonthOf(2024, 10), MonthOf(2024, 11), MonthOf(2024, 12), MonthOf(2025, 1), MonthOf(2025, 2), MonthOf(2025, 3)
	imp := func(id, src string, reach Period) Import {
		return Import{ID: id, Source: src, Counts: Counts{Observations: 4}, Reach: []Period{reach}}
	}
	undone := time.Date(2026, 12, 4, 20, 0, 0, 0, time.UTC)
	m02, m03, m04, m04r, m05 := imp("I0001", "m02.xlsx", dec), imp("I0002", "m03.xlsx", jan), imp("I0003", "m04.xlsx", feb), imp("I0005", "m04r.xlsx", feb), imp("I0006", "m05.xlsx", mar)
	// held builds the history as a store reads it: each figure its first
	// import's version, or a revision's, and the later files that gave
	// it unchanged as restatements.
	type stated struct {
		o  Observation
		by []string // restating it, in import order
	}
	held := func(imports []Import, figs []stated) *History {
		h := NewHistory()
		h.Imports = imports
		for _, f := range figs {
			h.Add(f.o)
			for _, id := range f.by {
				h.AddRestatement(f.o.Key(), f.o.Period, id)
			}
		}
		return h
	}
	// CIC01 as m02, m03 and m04 give it: Oct-Dec by m02, Jan by m03,
	// Feb by m04, each restated by the files after.
	months := []stated{
		{fig("CIC01", oct, 1900, "I0001", ""), nil},
		{fig("CIC01", nov, 1910, "I0001", ""), []string{"I0002"}},
		{fig("CIC01", dec, 1925, "I0001", ""), []string{"I0002", "I0003"}},
		{fig("CIC01", jan, 1930, "I0002", ""), []string{"I0003"}},
		{fig("CIC01", feb, 1942, "I0003", ""), nil},
	}
	m03r := []Observation{fig("CIC01", oct, 1900, "", "Scorecard!H3"), fig("CIC01", nov, 1910, "", "Scorecard!I3"),
		fig("CIC01", dec, 1926, "", "Scorecard!J3"), fig("CIC01", jan, 1933, "", "Scorecard!K3")}
	for _, tc := range []struct {
		name    string
		imports []Import
		figs    []stated
		file    []Observation
		want    []string // the warnings, each in full
	}{
		{"figures the later file restated, taken back",
			[]Import{m02, m03, m04}, months, m03r,
			[]string{"m03r.xlsx: Scorecard!J3: CIC01: this file's figures run to Jan-25, but I0003 (m04.xlsx), which gave figures to Feb-25, is later; it takes back, or corrects, 2 figures that later file repeated: Kent Dec-24 1925 to 1926, Kent Jan-25 1930 to 1933 (if this file is a correction, nothing more to do; if an older copy, undo this import)"}},
		{"a figure the later file changed and one it restated, both named",
			[]Import{m02, m03, m04r}, []stated{
				{fig("CIC01", dec, 1925, "I0001", ""), []string{"I0002", "I0005"}},
				{fig("CIC01", jan, 1930, "I0002", ""), nil},
				{fig("CIC01", jan, 1929, "I0005", ""), nil},
				{fig("CIC01", feb, 1940, "I0005", ""), nil},
			}, m03r,
			[]string{"m03r.xlsx: Scorecard!J3: CIC01: this file's figures run to Jan-25, but I0005 (m04r.xlsx), which gave figures to Feb-25, is later; it takes back 1 of that later file's figures: Kent Jan-25 1929 to 1933; and it takes back, or corrects, 1 figure that later file repeated: Kent Dec-24 1925 to 1926 (if this file is a correction, nothing more to do; if an older copy, undo this import)"}},
		{"two later files restating a figure: named once, as the latest's",
			[]Import{m02, m03, m04, m05}, []stated{
				{fig("CIC01", dec, 1925, "I0001", ""), []string{"I0002", "I0003"}},
				{fig("CIC01", jan, 1930, "I0002", ""), []string{"I0003", "I0006"}},
				{fig("CIC01", feb, 1942, "I0003", ""), []string{"I0006"}},
				{fig("CIC01", mar, 1950, "I0006", ""), nil},
			}, m03r,
			[]string{"m03r.xlsx: Scorecard!J3: CIC01: this file's figures run to Jan-25, but I0003 (m04.xlsx), which gave figures to Feb-25, is later; it takes back, or corrects, 1 figure that later file repeated: Kent Dec-24 1925 to 1926 (if this file is a correction, nothing more to do; if an older copy, undo this import)",
				"m03r.xlsx: Scorecard!K3: CIC01: this file's figures run to Jan-25, but I0006 (m05.xlsx), which gave figures to Mar-25, is later; it takes back, or corrects, 1 figure that later file repeated: Kent Jan-25 1930 to 1933 (if this file is a correction, nothing more to do; if an older copy, undo this import)"}},
		// QA24b D2: m05 restated every figure of the full file (none of
		// its own counted at import time), and the full file was undone:
		// m05 holds them as versions now, and they were taken back with
		// no word.
		{"a later file that only restated, holding them after an undo",
			[]Import{{ID: "I0001", Source: "full.xlsx", Counts: Counts{Observations: 6}, Reach: []Period{mar}, Undone: &undone},
				{ID: "I0002", Source: "m05.xlsx", Reach: []Period{mar}}}, []stated{
				{fig("CIC01", dec, 1925, "I0002", ""), nil},
				{fig("CIC01", jan, 1930, "I0002", ""), nil},
				{fig("CIC01", feb, 1942, "I0002", ""), nil},
				{fig("CIC01", mar, 1950, "I0002", ""), nil},
			}, m03r,
			[]string{"m03r.xlsx: Scorecard!J3: CIC01: this file's figures run to Jan-25, but I0002 (m05.xlsx), which gave figures to Mar-25, is later; it takes back 2 of that later file's figures: Kent Dec-24 1925 to 1926, Kent Jan-25 1930 to 1933"}},
		// QA24b D3: a correction file for Dec-24 alone, after m04 that
		// only repeated m02's Dec-24: it may correct the month, and is
		// not said to take back what m04 gave.
		{"a correction of one month the later files repeated",
			[]Import{m02, m03, m04}, months, []Observation{fig("CIC01", dec, 1927, "", "Scorecard!H3")},
			[]string{"m03r.xlsx: Scorecard!H3: CIC01: this file's figures run to Dec-24, but I0003 (m04.xlsx), which gave figures to Feb-25, is later; it takes back, or corrects, 1 figure that later file repeated: Kent Dec-24 1925 to 1927 (if this file is a correction, nothing more to do; if an older copy, undo this import)"}},
		{"restated only by files no later than this one: a revision",
			[]Import{m02, m03}, []stated{
				{fig("CIC01", dec, 1925, "I0001", ""), []string{"I0002"}},
				{fig("CIC01", jan, 1930, "I0002", ""), nil},
			}, m03r, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := held(tc.imports, tc.figs)
			ws, err := TakenBack(&Dataset{Observations: tc.file}, "m03r.xlsx", tc.imports, func(string) (*History, error) { return h, nil })
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
