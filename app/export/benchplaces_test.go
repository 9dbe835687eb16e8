package export

import (
	"strings"
	"testing"

	"scorecard/app/benchmark"
)

// TestBenchmarkAtPublishedPlaces: an England figure published in whole
// numbers is written with a whole-number format beside the indicator's
// own figures to a tenth; one whose places are not known keeps the
// indicator's.
func TestBenchmarkAtPublishedPlaces(t *testing.T) {
	h, _ := demoHistory(t)
	var whole, kept string // refs: England published whole; places not known
	for _, ind := range h.Indicators() {
		if ind.Decimals < 1 {
			continue
		}
		for _, b := range h.Benchmarks(ind.Ref) {
			if b.Group != benchmark.England || b.Value == nil {
				continue
			}
			switch {
			case whole == "":
				whole = ind.Ref
			case kept == "" && ind.Ref != whole:
				kept = ind.Ref
			}
		}
	}
	if whole == "" || kept == "" {
		t.Fatal("the demo has too few England benchmarks shown to a tenth")
	}
	zero := 0
	for _, b := range h.Benchmarks(whole) {
		if b.Group == benchmark.England {
			b.Decimals = &zero
			h.AddBenchmark(b)
		}
	}
	f, _ := export(t, h, Options{})
	col := headerCol(t, f, "England")
	for _, tt := range []struct {
		ref     string
		decimal bool
	}{{whole, false}, {kept, true}} {
		numFmt, _ := format(t, f, ScorecardSheet, cell(col, sheetRow(t, f, ScorecardSheet, tt.ref)))
		if numFmt == "" || strings.Contains(numFmt, ".") != tt.decimal {
			t.Errorf("%s England format %q: want places shown %v", tt.ref, numFmt, tt.decimal)
		}
	}
}
