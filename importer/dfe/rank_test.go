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

// csvRows reads testdata's name: its raw text and its rows, and a
// function writing the header and the rows keep holds for, as a download
// filtered by DfE's table tool would give them.
func csvRows(t *testing.T, name string) (raw string, rows [][]string, filtered func(keep func(row []string) bool) string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	rows, err = csv.NewReader(strings.NewReader(string(b))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	filtered = func(keep func(row []string) bool) string {
		var out strings.Builder
		w := csv.NewWriter(&out)
		w.Write(rows[0])
		for _, r := range rows[1:] {
			if keep(r) {
				w.Write(r)
			}
		}
		w.Flush()
		return out.String()
	}
	return string(b), rows, filtered
}

// A download filtered to a few authorities, as the statistics service's
// table tool gives, ranks Kent among those alone ("1 of 1 (A)"); no rank
// is given from it, and one warning says why, while the whole file ranks
// Kent among every authority.
func TestRankNeedsEveryAuthority(t *testing.T) {
	raw, rows, filtered := csvRows(t, "la_cla_placement_stability.csv")
	col := slices.Index(rows[0], "la_name")
	level := slices.Index(rows[0], "geographic_level")
	neighbours := []string{"Kent", "Essex", "East Sussex", "Devon", "Bexley", "Suffolk", "Norfolk", "Nottinghamshire", "West Sussex", "Bedford Borough", "Somerset"}
	tests := []struct {
		name     string
		csv      string
		ranked   bool // a rank among 140 or more
		warnings int  // of ranks not given
	}{
		{"the whole file", raw, true, 0},
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
	raw, rows, filtered := csvRows(t, "cla_number_and_rate_per_10k_children.csv")
	col := slices.Index(rows[0], "la_name")
	neighbours := []string{"Essex", "East Sussex", "Devon", "Bexley", "Suffolk", "Norfolk", "Nottinghamshire", "West Sussex", "Bedford Borough", "Somerset"}
	only := func(names ...string) string {
		return filtered(func(r []string) bool { return slices.Contains(names, r[col]) })
	}
	tests := []struct {
		name    string
		csv     string
		model   *benchmark.Model
		warning string // the note's telling part; "" for none
	}{
		{"the whole file", raw, DefaultModel(), "Kent is not ranked among authorities on CIC01, CIC02, CIC10, which have no polarity (neither higher nor lower is better): the other authorities' figures (up to 151 a period) are read only for its 10 statistical neighbours' mean and median; the rest are not used"},
		{"the whole file, no neighbour model", raw, nil, "the other authorities' figures (up to 151 a period) are not used"},
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
