package trend

import (
	"reflect"
	"testing"

	"scorecard/app"
)

// TestRank checks the ranking of flagHistory's latest flags: Kent's
// special cause and reversal first, the district's RAG change before
// Kent's revision... as hand-ordered below.
func TestRank(t *testing.T) {
	mar25 := app.MonthOf(2025, 3)
	flags := []Flag{
		{"CIC05", "Ashford", mar25, SmallNumbers, "s"},
		{"CIC05", app.Kent, mar25, DoTReversal, "r"},
		{"CIC05", "Dover", mar25, MissingMonth, "m"},
		{"CIC05", "Ashford", mar25, RAGChange, "g"},
		{"SCS02", app.Kent, mar25, SmallNumbers, "ks"},
		{"SCS02", "Dover", mar25, SpecialCause, "ds"},
		{"SCS02", app.Kent, mar25, SpecialCause, "k"},
	}
	got := Rank(flags)
	// Weights: Kent special 0; Kent reversal 1; district RAG/special 2;
	// Kent small numbers 4; district missing 5, small numbers 6.
	want := []string{"k", "r", "g", "ds", "ks", "m", "s"}
	var order []string
	for i, f := range got {
		order = append(order, f.Detail)
		if f.Rank != i+1 {
			t.Errorf("%s rank %d, want %d", f.Detail, f.Rank, i+1)
		}
	}
	if !reflect.DeepEqual(order, want) {
		t.Errorf("ranked %v, want %v", order, want)
	}
	if flags[0].Detail != "s" {
		t.Errorf("Rank changed its argument")
	}
	groups := Group(got)
	if len(groups) != 2 || groups[0].Ref != "SCS02" || groups[0].Counts[SpecialCause] != 2 || groups[1].Counts[SmallNumbers] != 1 || len(groups[1].Flags) != 4 {
		t.Errorf("groups %+v", groups)
	}
	var major []string
	for _, f := range got {
		if Major(f.Flag) {
			major = append(major, f.Detail)
		}
	}
	if !reflect.DeepEqual(major, []string{"k", "r", "g", "ds"}) {
		t.Errorf("major %v", major)
	}
}

// TestWeightCountyFirst: the store's authority, whichever it is, ranks
// before its districts.
func TestWeightCountyFirst(t *testing.T) {
	for _, tc := range []struct{ county, district app.Area }{
		{app.Kent, "Ashford"},
		{"Surrey", "Woking"},
	} {
		if c, d := Weight(RAGChange, tc.county), Weight(RAGChange, tc.district); c >= d {
			t.Errorf("%s's RAG change weighs %d, %s's %d: the county comes first", tc.county, c, tc.district, d)
		}
	}
}
