package dfe

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/benchmark"
)

// Kent's ten statistical neighbours in the DfE's 2025 model, named as the
// EES files name them ("Bedford", where the model says "Bedford
// Borough"): written out here so the test does not lean on the model
// reader it checks.
var kentNeighbours2025 = []string{"Essex", "East Sussex", "Devon", "Bexley", "Suffolk",
	"Norfolk", "Nottinghamshire", "West Sussex", "Bedford", "Somerset"}

func readFile(t *testing.T, path string) (*app.Dataset, []app.Warning) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, warns, err := Read(path, f)
	if err != nil {
		t.Fatal(err)
	}
	return d, warns
}

func findObs(t *testing.T, d *app.Dataset, ref string, p app.Period) app.Observation {
	t.Helper()
	for _, o := range d.Observations {
		if o.Ref == ref && o.Period == p && o.Area == app.Kent {
			return o
		}
	}
	t.Fatalf("no Kent observation for %s %s", ref, p)
	return app.Observation{}
}

func findBench(t *testing.T, d *app.Dataset, ref string, p app.Period, group string) app.Benchmark {
	t.Helper()
	for _, b := range d.Benchmarks {
		if b.Ref == ref && b.Period == p && b.Group == group {
			return b
		}
	}
	t.Fatalf("no %q benchmark for %s %s", group, ref, p)
	return app.Benchmark{}
}

// placementsByAuthority reads the 3+ placements percentage for every
// authority in 2025 straight from the CSV, by authority name.
func placementsByAuthority(t *testing.T, path string) map[string]float64 {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(raw), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	out := map[string]float64{}
	for _, r := range rows[1:] {
		if r[col["time_period"]] != "2025" || r[col["geographic_level"]] != "Local authority" ||
			r[col["cla_group"]] != "CLA on 31 March" || r[col["placement_stability"]] != "With 3 or more placements during the year" {
			continue
		}
		v, err := strconv.ParseFloat(r[col["children_percent"]], 64)
		if err != nil {
			continue // a status code such as c or z
		}
		out[r[col["la_name"]]] = v
	}
	return out
}

// rate10k works a rate per 10,000 out at run time, as the reader does.
func rate10k(n, d float64) float64 { return n / d * 10000 }

func TestKent2025ChildrenLookedAfter(t *testing.T) {
	d, _ := readFile(t, filepath.Join("testdata", "cla_number_and_rate_per_10k_children.csv"))
	y2025 := app.Period{Kind: app.FinancialYear, Year: 2024} // reporting year 2025, to 31 March 2025
	count := findObs(t, d, RefCICCount, y2025)
	if count.Value == nil || *count.Value != 1896 {
		t.Errorf("Kent 2025 children looked after = %v, want 1896", count.Value)
	}
	rate := findObs(t, d, RefCICRate, y2025)
	// The DfE publishes 53: the count over the population, rounded.
	if want := rate10k(1896, 355390); rate.Value == nil || *rate.Value != want || math.Round(*rate.Value) != 53 {
		t.Errorf("Kent 2025 rate per 10,000 = %v, want %v (published 53)", rate.Value, want)
	}
	if rate.Numerator == nil || *rate.Numerator != 1896 || rate.Denominator == nil || *rate.Denominator != 355390 {
		t.Errorf("Kent 2025 rate parts = %v / %v, want 1896 / 355390", rate.Numerator, rate.Denominator)
	}
	if b := findBench(t, d, RefCICRate, y2025, benchmark.England); b.Value == nil || *b.Value != 67 {
		t.Errorf("England 2025 rate = %v, want 67", b.Value)
	}
	if b := findBench(t, d, RefCICCount, y2025, benchmark.England); b.Value == nil || *b.Value != 81770 {
		t.Errorf("England 2025 count = %v, want 81770", b.Value)
	}
	if b := findBench(t, d, RefCICRate, y2025, "South East"); b.Value == nil {
		t.Errorf("no South East rate for 2025")
	}
	// Activity indicators (no polarity in LAIT's dictionary) are not ranked.
	for _, b := range d.Benchmarks {
		if b.Group == benchmark.HomeRank {
			t.Errorf("ranked %s, which has no polarity", b.Ref)
		}
	}
}

func TestKent2025Placements(t *testing.T) {
	for _, path := range []string{
		filepath.Join("testdata", "la_cla_placement_stability.csv"),
		filepath.Join("..", "..", "..", "shared", "realdata", "la_cla_placement_stability.csv"),
	} {
		t.Run(path, func(t *testing.T) {
			if _, err := os.Stat(path); err != nil {
				t.Skip("not beside the repository:", path)
			}
			d, _ := readFile(t, path)
			y2025 := app.Period{Kind: app.FinancialYear, Year: 2024} // reporting year 2025, to 31 March 2025
			// The DfE publishes the percentage as a whole number (12)
			// beside the 221 children of 1,896 it is worked from: Kent's
			// figure is their ratio, 11.66%, which rounds to the 12.
			o := findObs(t, d, RefCICPlacements, y2025)
			num, den := 221.0, 1896.0
			if o.Value == nil || *o.Value != num/den*100 || o.Numerator == nil || *o.Numerator != 221 || o.Denominator == nil || *o.Denominator != 1896 {
				t.Fatalf("Kent 2025 3+ placements = %v (%v of %v), want 221 of 1896 (11.66%%, published 12)", o.Value, o.Numerator, o.Denominator)
			}
			if b := findBench(t, d, RefCICPlacements, y2025, benchmark.England); b.Value == nil || *b.Value != 10 {
				t.Errorf("England 2025 3+ placements = %v, want 10", b.Value)
			}

			// The same figures worked out plainly from the CSV.
			all := placementsByAuthority(t, path)
			kent := all["Kent"]
			better, n := 0, 0
			for _, v := range all {
				n++
				if v < kent { // lower is better
					better++
				}
			}
			var nv []float64
			for _, name := range kentNeighbours2025 {
				v, ok := all[name]
				if !ok {
					t.Fatalf("no 2025 figure for neighbour %s", name)
				}
				nv = append(nv, v)
			}
			slices.Sort(nv)
			median := (nv[4] + nv[5]) / 2
			var sum float64
			for _, v := range nv {
				sum += v
			}
			mean := sum / float64(len(nv))
			t.Logf("Kent 12%%: rank %d of %d; neighbours %v: median %v, mean %v", better+1, n, nv, median, mean)

			rank := findBench(t, d, RefCICPlacements, y2025, benchmark.HomeRank)
			if rank.Rank != better+1 || rank.OutOf != n {
				t.Errorf("rank = %d of %d, want %d of %d", rank.Rank, rank.OutOf, better+1, n)
			}
			// Pinned as well, so a change in the file or the method shows:
			// 104 of 151 lies in the third quarter of ranks (76-113).
			if rank.Rank != 104 || rank.OutOf != 151 || rank.Quartile != "C" {
				t.Errorf("rank = %d of %d band %q, want 104 of 151 band C", rank.Rank, rank.OutOf, rank.Quartile)
			}
			if rank.Value == nil || *rank.Value != 12 {
				t.Errorf("rank benchmark carries %v, want Kent's 12", rank.Value)
			}
			med := findBench(t, d, RefCICPlacements, y2025, benchmark.NeighbourMedian)
			if med.Value == nil || *med.Value != median || med.Model != "2025" {
				t.Errorf("neighbour median = %v (model %q), want %v (2025)", med.Value, med.Model, median)
			}
			avg := findBench(t, d, RefCICPlacements, y2025, benchmark.NeighbourMean)
			if avg.Value == nil || math.Abs(*avg.Value-mean) > 1e-9 {
				t.Errorf("neighbour mean = %v, want %v", avg.Value, mean)
			}
		})
	}
}

// TestBenchmarkPlaces checks a benchmark carries the places its column is
// published to, and is shown at them where they are fewer than the
// indicator's: England's rate of children in care, published in whole
// numbers, showed as "67.0". The column's places, not the figure's own
// text, say it: the DfE writes 13.0 as "13" in a column of tenths.
func TestBenchmarkPlaces(t *testing.T) {
	for _, tt := range []struct {
		file, ref string
		places    int
		shown     string
	}{
		{"cla_number_and_rate_per_10k_children.csv", RefCICRate, 0, "67 per 10k"},
		{"csww_indicators_2017_to_2025.csv", RefSWAgency, 1, "13.0%"},
	} {
		t.Run(tt.ref, func(t *testing.T) {
			d, _ := readFile(t, filepath.Join("testdata", tt.file))
			var ind app.Indicator
			for _, r := range DefaultMapping().Rules {
				if r.Indicator.Ref == tt.ref {
					ind = r.Indicator
				}
			}
			var england *app.Benchmark
			for i, b := range d.Benchmarks {
				if b.Ref == tt.ref && b.Group == benchmark.England && b.Period.End().Year() == 2025 {
					england = &d.Benchmarks[i]
				}
				if b.Ref == tt.ref && b.Value != nil && (b.Group == benchmark.England || strings.HasPrefix(b.Group, "South")) &&
					(b.Decimals == nil || *b.Decimals != tt.places) {
					t.Errorf("%s %s %s: places %v, want %d", b.Ref, b.Period, b.Group, b.Decimals, tt.places)
				}
			}
			if england == nil {
				t.Fatal("no England benchmark for 2025")
			}
			if got := app.FormatValue(england.Shown(ind), *england.Value); got != tt.shown {
				t.Errorf("England 2025 shown as %q, want %q", got, tt.shown)
			}
		})
	}
}
