package dfe

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"scorecard/app/benchmark"
)

// A download filtered to a few authorities, as the statistics service's
// table tool gives, ranks Kent among those alone ("1 of 1 (A)"); no rank
// is given from it, and one warning says why, while the whole file ranks
// Kent among every authority.
func TestRankNeedsEveryAuthority(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "la_cla_placement_stability.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(raw))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "la_name")
	level := slices.Index(rows[0], "geographic_level")
	neighbours := []string{"Kent", "Essex", "East Sussex", "Devon", "Bexley", "Suffolk", "Norfolk", "Nottinghamshire", "West Sussex", "Bedford Borough", "Somerset"}
	filtered := func(keep func(row []string) bool) string {
		var b strings.Builder
		w := csv.NewWriter(&b)
		w.Write(rows[0])
		for _, r := range rows[1:] {
			if keep(r) {
				w.Write(r)
			}
		}
		w.Flush()
		return b.String()
	}
	tests := []struct {
		name     string
		csv      string
		ranked   bool // a rank among 140 or more
		warnings int  // of ranks not given
	}{
		{"the whole file", string(raw), true, 0},
		{"Kent alone", filtered(func(r []string) bool { return r[col] == "Kent" }), false, 1},
		{"Kent, its neighbours and England", filtered(func(r []string) bool {
			return slices.Contains(neighbours, r[col]) || r[level] == "National"
		}), false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd := Reader{Mapping: DefaultMapping(), Model: DefaultModel()}
			d, warns, err := rd.Read("la_cla_placement_stability.csv", strings.NewReader(tt.csv))
			if err != nil {
				t.Fatal(err)
			}
			var ranks, means int
			for _, b := range d.Benchmarks {
				switch b.Group {
				case benchmark.HomeRank:
					ranks++
					if b.OutOf < minRanked {
						t.Errorf("%s %s: Kent ranked %d of %d", b.Ref, b.Period, b.Rank, b.OutOf)
					}
				case benchmark.NeighbourMean:
					if b.Value != nil {
						means++
					}
				}
			}
			if got := ranks > 0; got != tt.ranked {
				t.Errorf("%d ranks given, want ranked %v", ranks, tt.ranked)
			}
			if means == 0 && tt.name != "Kent alone" {
				t.Error("no neighbour mean: the neighbours' rows are in the file")
			}
			n := 0
			for _, w := range warns {
				if strings.Contains(w.Message, "rank among authorities not given") {
					n++
				}
			}
			if n != tt.warnings {
				t.Errorf("%d warnings of ranks not given, want %d: %v", n, tt.warnings, warns)
			}
		})
	}
}

// A measure with no polarity (the number of children in care) is not
// ranked, so the other authorities' rows serve only the neighbours' mean
// and median: the rest are said to be unused, once a file, never left
// unused in silence.
func TestUnrankedRowsSaid(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "cla_number_and_rate_per_10k_children.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(raw))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "la_name")
	neighbours := []string{"Essex", "East Sussex", "Devon", "Bexley", "Suffolk", "Norfolk", "Nottinghamshire", "West Sussex", "Bedford Borough", "Somerset"}
	only := func(names ...string) string {
		var b strings.Builder
		w := csv.NewWriter(&b)
		w.Write(rows[0])
		for _, r := range rows[1:] {
			if slices.Contains(names, r[col]) {
				w.Write(r)
			}
		}
		w.Flush()
		return b.String()
	}
	tests := []struct {
		name    string
		csv     string
		model   *benchmark.Model
		warning string // the note's telling part; "" for none
	}{
		{"the whole file", string(raw), DefaultModel(), "Kent is not ranked among authorities on CIC01, CIC02, CIC10, which have no polarity (neither higher nor lower is better): the other authorities' figures (up to 151 a period) are read only for its 10 statistical neighbours' mean and median; the rest are not used"},
		{"the whole file, no neighbour model", string(raw), nil, "the other authorities' figures (up to 151 a period) are not used"},
		{"Kent and Medway", only("Kent", "Medway"), DefaultModel(), "the other authority's figure is not used: no other authority in the file is one of its statistical neighbours"},
		{"Kent and its neighbours", only(append([]string{"Kent"}, neighbours...)...), DefaultModel(), ""},
		{"Kent alone", only("Kent"), DefaultModel(), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd := Reader{Mapping: DefaultMapping(), Model: tt.model}
			_, warns, err := rd.Read("cla_number_and_rate_per_10k_children.csv", strings.NewReader(tt.csv))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range warns {
				if strings.Contains(w.Message, "not ranked among authorities") {
					got = append(got, w.Message)
				}
			}
			switch {
			case tt.warning == "" && len(got) > 0:
				t.Errorf("warned %q, want no note: every other row was read", got)
			case tt.warning != "" && (len(got) != 1 || !strings.Contains(got[0], tt.warning)):
				t.Errorf("notes %q, want one containing %q", got, tt.warning)
			}
		})
	}
}
