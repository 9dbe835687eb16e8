package synth

import (
	"fmt"
	"strings"
	"time"

	"scorecard/app"
)

// Large returns a model for benchmarks: 128 indicators (the demo's four
// times over, each copy with new refs and its own figures), Kent and the 12
// districts, the 60 months November 2021 to October 2026.
func Large(seed uint64) *Model {
	base := demoSpecs()
	perPrefix := map[string]int{}
	for _, s := range base {
		perPrefix[refPrefix(s.ind.Ref)]++
	}
	// Copy r of CIC05 is CIC(05 + r*11): each copy keeps its section's
	// numbering and its links (a rate to its count) within the copy.
	renumber := func(ref string, round int) string {
		if ref == "" {
			return ""
		}
		p := refPrefix(ref)
		var n int
		fmt.Sscanf(ref[len(p):], "%d", &n)
		return fmt.Sprintf("%s%02d", p, n+round*perPrefix[p])
	}
	var specs []spec
	for round := range 4 {
		for _, s := range base {
			s.ind.Ref = renumber(s.ind.Ref, round)
			s.denOf = renumber(s.denOf, round)
			s.numOf = renumber(s.numOf, round)
			if round > 0 {
				s.ind.Name = fmt.Sprintf("%s (variant %d)", s.ind.Name, round+1)
				s.level *= 1 + 0.04*float64(round)
				s.comment = ""
			}
			specs = append(specs, s)
		}
	}
	return generate(seed, specs, app.MonthOf(2026, time.October), 60)
}

// refPrefix returns a ref's letters: "CIC" for "CIC05".
func refPrefix(ref string) string {
	return strings.TrimRight(ref, "0123456789")
}
