package dfe

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"scorecard/app"
	"scorecard/app/benchmark"
)

// TestSurrey2025ChildrenLookedAfter reads the DfE's file for a store
// whose authority is Surrey: Surrey's own figures are the observations
// (932 looked after on 31 March 2025, 35 per 10,000, as the CSV says) and
// its neighbours are the model's for Surrey.
func TestSurrey2025ChildrenLookedAfter(t *testing.T) {
	surrey, ok := app.LookupAuthority("Surrey")
	if !ok {
		t.Fatal("no Surrey profile")
	}
	f, err := os.Open(filepath.Join("testdata", "cla_number_and_rate_per_10k_children.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rd := Reader{Mapping: DefaultMapping(), Model: DefaultModel(), Home: surrey}
	d, _, err := rd.Read("cla.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	y2025 := app.Period{Kind: app.FinancialYear, Year: 2024} // reporting year 2025, to 31 March 2025
	got := map[string]float64{}
	for _, o := range d.Observations {
		if o.Area != "Surrey" {
			t.Fatalf("%s %s filed under %s, want Surrey", o.Ref, o.Period, o.Area)
		}
		if o.Period == y2025 && o.Value != nil {
			got[o.Ref] = *o.Value
		}
	}
	// The DfE publishes Surrey's rate as 35: the count over the
	// population, rounded.
	if got[RefCICCount] != 932 || math.Round(got[RefCICRate]) != 35 || got[RefCICRate] == 35 {
		t.Errorf("Surrey 2025: count %v, rate %v; want 932 and the exact rate published as 35", got[RefCICCount], got[RefCICRate])
	}
	if b := findBench(t, d, RefCICRate, y2025, benchmark.NeighbourMean); b.Value == nil {
		t.Error("no neighbour mean for Surrey's rate")
	}
}
