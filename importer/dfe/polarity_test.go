package dfe

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/benchmark"
)

// TestStoredPolarityRanks: the DfE's caseload, which the defaults leave
// with no polarity, was not ranked, and the import said SCS03 "has no
// polarity" while the store defined it as lower is better (QA30 finding
// 14). The store's polarity ranks it; a store with none, or no store,
// leaves it unranked and said so.
func TestStoredPolarityRanks(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "csww_indicators_2017_to_2025.csv"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		stored *app.Polarity
		ranked bool
	}{
		{"the store says lower is better", func() *app.Polarity { p := app.LowerBetter; return &p }(), true},
		{"the store gives none", func() *app.Polarity { p := app.PolarityNone; return &p }(), false},
		{"no store", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd := Reader{Mapping: DefaultMapping(), Model: DefaultModel()}
			if tt.stored != nil {
				rd.Defined = func(ref string) (app.Indicator, bool) {
					if ref != RefSWCaseload {
						return app.Indicator{}, false
					}
					return app.Indicator{Ref: ref, Name: "Average social worker caseload", Polarity: *tt.stored, Unit: app.Number, Decimals: 1}, true
				}
			}
			d, warns, err := rd.Read("csww_indicators_2017_to_2025.csv", strings.NewReader(string(b)))
			if err != nil {
				t.Fatal(err)
			}
			ranks := 0
			for _, bm := range d.Benchmarks {
				if bm.Ref == RefSWCaseload && bm.Group == benchmark.HomeRank && bm.Rank > 0 {
					ranks++
				}
			}
			said := false
			for _, w := range warns {
				if strings.Contains(w.Message, "not ranked among authorities on") && strings.Contains(w.Message, RefSWCaseload) {
					said = true
				}
			}
			if (ranks > 0) != tt.ranked || said == tt.ranked {
				t.Errorf("%d ranks of %s, said unranked %v; want ranked %v", ranks, RefSWCaseload, said, tt.ranked)
			}
		})
	}
}
