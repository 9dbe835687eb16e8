package app

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// TestReviewRAGRule: an import suggests the rule its RAG column rates by
// only where every figure it rates agrees with that rule and the store's
// rule rates some otherwise; a column that fits the target alone and a
// band names both; mixed evidence suggests nothing.
func TestReviewRAGRule(t *testing.T) {
	year := Period{Kind: FinancialYear, Year: 2024}
	q4 := Period{Kind: Quarter, Year: 2025, N: 1}
	type fig struct {
		ref    string
		v      float64
		target float64
		rag    RAG
	}
	dataset := func(figs []fig) *Dataset {
		ds := &Dataset{}
		for i, f := range figs {
			pol := LowerBetter
			if strings.HasPrefix(f.ref, "H") {
				pol = HigherBetter
			}
			ds.Indicators = append(ds.Indicators, Indicator{Ref: f.ref, Polarity: pol, Decimals: 1})
			ds.Observations = append(ds.Observations, Observation{Ref: f.ref, Area: "Southwark", Period: q4, Value: Float(f.v), SourceRAG: f.rag, Cell: fmt.Sprintf("Scorecard!H%d", 8+i)})
			ds.Targets = append(ds.Targets, Target{Ref: f.ref, Year: year, Target: Float(f.target)})
		}
		return ds
	}
	twoColour := []fig{{"L1", 24.8, 20, Red}, {"H1", 89.6, 90, Red}, {"L2", 15.9, 18, Green}}
	noAmberFar := []fig{{"L1", 24.8, 20, Red}, {"L2", 15.9, 18, Green}}
	banded := []fig{{"L1", 24.8, 20, Red}, {"H1", 88.2, 90, Amber}, {"L2", 15.9, 18, Green}}
	mixed := []fig{{"L1", 24.8, 20, Amber}, {"H1", 89.9, 90, Red}}
	tests := []struct {
		name  string
		figs  []fig
		rule  RAGRule
		want  string // in the one warning; "" for none
		other string // the other reading named
	}{
		{"target alone", twoColour, RAGRule{}, "rates on the target alone in all 3 figures it rates (Scorecard!H8:H10), where the store's rule, target and floor, rates 3 of them otherwise or not at all; set `scorecard rag --rule target`", ""},
		{"target alone or a band", noAmberFar, RAGRule{}, "set `scorecard rag --rule target`", "set `scorecard rag --rule band --tolerance 5%` instead"},
		{"a band", banded, RAGRule{}, "rates on a band of 5% of the target around the target in all 3 figures", ""},
		{"a band, store on the target alone", banded, RAGRule{Kind: RuleTarget}, "where the store's rule, the target alone, rates 1 of them otherwise or not at all; set `scorecard rag --rule band --tolerance 5%`", ""},
		{"the store's rule fits", twoColour, RAGRule{Kind: RuleTarget}, "", ""},
		{"no one rule fits", mixed, RAGRule{}, "", ""},
	}
	none := func(string) []Target { return nil }
	undefined := func(string) (Indicator, bool) { return Indicator{}, false }
	for _, tt := range tests {
		ws := ReviewRAGRule(dataset(tt.figs), "Q4.xlsx", "Southwark", tt.rule, none, undefined)
		switch {
		case tt.want == "" && len(ws) != 0:
			t.Errorf("%s: %q, want nothing said", tt.name, ws)
		case tt.want == "":
		case len(ws) != 1 || !strings.Contains(ws[0].Message, tt.want) || ws[0].Location != (Location{File: "Q4.xlsx", Sheet: "Scorecard", Cell: "H8"}):
			t.Errorf("%s: %q, want one warning at Q4.xlsx Scorecard!H8 saying %q", tt.name, ws, tt.want)
		case tt.other != "" && !strings.Contains(ws[0].Message, tt.other), tt.other == "" && strings.Contains(ws[0].Message, "instead"):
			t.Errorf("%s: %q, want the other reading %q", tt.name, ws[0].Message, tt.other)
		}
	}
}

// TestSourceRatingsRoomAtOnce: the figures a source rates are gathered
// without copying each (168 bytes) and in a slice made once, not grown by
// appending: a large scorecard rates thousands.
func TestSourceRatingsRoomAtOnce(t *testing.T) {
	areas := []Area{"Kent", "Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham",
		"Maidstone", "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"}
	ds := &Dataset{}
	for i := range 40 {
		ref := fmt.Sprintf("CIC%02d", i+1)
		ds.Indicators = append(ds.Indicators, Indicator{Ref: ref, Polarity: HigherBetter, Decimals: 1})
		for y := 2023; y <= 2024; y++ {
			ds.Targets = append(ds.Targets, Target{Ref: ref, Year: Period{Kind: FinancialYear, Year: y}, Target: Float(60)})
		}
		for _, a := range areas {
			for m := range 24 {
				ds.Observations = append(ds.Observations, Observation{Ref: ref, Area: a, Period: MonthOf(2023, time.April).Add(m),
					Value: Float(64.5), SourceRAG: Green, Cell: fmt.Sprintf("%s!%c%d", a, 'C'+m, 5+i)})
			}
		}
	}
	none := func(string) []Target { return nil }
	undefined := func(string) (Indicator, bool) { return Indicator{}, false }
	if rated := sourceRatings(ds, none, undefined); len(rated) != len(ds.Observations) {
		t.Fatalf("%d figures rated, want all %d", len(rated), len(ds.Observations))
	}
	least := uint64(math.MaxUint64)
	for range 3 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		sourceRatings(ds, none, undefined)
		runtime.ReadMemStats(&after)
		least = min(least, after.TotalAlloc-before.TotalAlloc)
	}
	if per, size := least/uint64(len(ds.Observations)), uint64(unsafe.Sizeof(sourceRated{})); per > size*3/2 {
		t.Errorf("gathering the figures rated allocated %d bytes a figure, more than half as much again as a figure's entry (%d bytes)", per, size)
	}
}

// TestSourceRatingsLookUpOnce: a sheet of districts rates each indicator
// in turn, district after district, and the store holds the definitions
// and targets: each indicator is asked of the definitions once, and its
// targets of the store once a year, not once for each figure rated.
func TestSourceRatingsLookUpOnce(t *testing.T) {
	areas := []Area{"Kent", "Ashford", "Canterbury", "Dartford", "Dover", "Swale", "Thanet"}
	ds := &Dataset{}
	const refs = 30
	for _, a := range areas {
		for i := range refs {
			// April and the March after it are one financial year's;
			// the April after, the next year's.
			for _, m := range []int{0, 11, 12} {
				ds.Observations = append(ds.Observations, Observation{Ref: fmt.Sprintf("CIC%02d", i+1), Area: a,
					Period: MonthOf(2023, time.April).Add(m), Value: Float(64.5), SourceRAG: Green})
			}
		}
	}
	asked := map[string]int{}
	defined := func(ref string) (Indicator, bool) {
		asked["definition "+ref]++
		return Indicator{Ref: ref, Polarity: HigherBetter, Decimals: 1}, true
	}
	stored := func(ref string) []Target {
		asked["targets "+ref]++
		var ts []Target
		for y := 2023; y <= 2024; y++ {
			ts = append(ts, Target{Ref: ref, Year: Period{Kind: FinancialYear, Year: y}, Target: Float(60)})
		}
		return ts
	}
	if rated := sourceRatings(ds, stored, defined); len(rated) != len(ds.Observations) {
		t.Fatalf("%d figures rated, want all %d", len(rated), len(ds.Observations))
	}
	for i := range refs {
		ref := fmt.Sprintf("CIC%02d", i+1)
		if n := asked["definition "+ref]; n != 1 {
			t.Errorf("%s's definition asked %d times, want once", ref, n)
		}
		if n := asked["targets "+ref]; n != 2 {
			t.Errorf("%s's targets asked %d times, want twice (once for each of its two years)", ref, n)
		}
	}
}
