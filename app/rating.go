package app

import (
	"math"
	"strings"
)

// RAG is a red/amber/green rating against target and floor.
type RAG string

// The ratings; NoRAG is for activity indicators and missing targets, and
// is never shown as red.
const (
	NoRAG RAG = ""
	Green RAG = "GREEN" // target met
	Amber RAG = "AMBER" // floor met, target not
	Red   RAG = "RED"   // floor not met
)

// Letter returns R, A or G, so a rating survives black-and-white printing.
func (r RAG) Letter() string {
	if r == NoRAG {
		return ""
	}
	return string(r)[:1]
}

// ParseRAG reads a RAG cell's text: RED, R, Red, "Amber", "G".
func ParseRAG(s string) (RAG, bool) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "R", "RED":
		return Red, true
	case "A", "AMBER":
		return Amber, true
	case "G", "GREEN":
		return Green, true
	}
	return NoRAG, false
}

// Target is the target and floor for an indicator in one financial or
// academic year. For a NearTarget indicator, Tolerance is the distance
// from target still rated green; twice it is amber.
type Target struct {
	Ref       string   `json:"ref"`
	Year      Period   `json:"year"` // a FinancialYear or AcademicYear
	Target    *float64 `json:"target"`
	Floor     *float64 `json:"floor"`
	Tolerance *float64 `json:"tolerance,omitempty"`
	// Milestone marks a future year's planned level rather than a target
	// in force.
	Milestone bool   `json:"milestone,omitempty"`
	Import    string `json:"import,omitempty"`
}

// Rating gives the RAG of value v for an indicator of polarity p against t,
// per the directorate's rules: for H, green when v >= target, amber when
// v >= floor, else red; L mirrors it; T rates the distance from target by
// the tolerance. Comparisons are made at the displayed precision, so a
// value shown as equal to the target is rated as meeting it. A missing
// target (or floor, or tolerance for T) gives NoRAG, never red.
func Rating(p Polarity, v float64, t Target, decimals int) RAG {
	if t.Target == nil {
		return NoRAG
	}
	v = RoundTo(v, decimals)
	target := RoundTo(*t.Target, decimals)
	switch p {
	case HigherBetter, LowerBetter:
		if t.Floor == nil {
			return NoRAG
		}
		floor := RoundTo(*t.Floor, decimals)
		better := func(a, b float64) bool { return a >= b }
		if p == LowerBetter {
			better = func(a, b float64) bool { return a <= b }
		}
		switch {
		case better(v, target):
			return Green
		case better(v, floor):
			return Amber
		}
		return Red
	case NearTarget:
		if t.Tolerance == nil {
			return NoRAG
		}
		d := RoundTo(math.Abs(v-target), decimals)
		tol := *t.Tolerance
		switch {
		case d <= tol:
			return Green
		case d <= 2*tol:
			return Amber
		}
		return Red
	}
	return NoRAG
}

// DoT is a plain direction of travel: the judgement of a move against the
// previous period by the indicator's polarity.
type DoT string

// The directions; NoDoT when there is no previous value or no polarity.
const (
	NoDoT    DoT = ""
	Improved DoT = "improved"
	Worsened DoT = "worsened"
	Same     DoT = "same"
)

// Direction judges the move from prev to cur for an indicator of polarity
// p. Values equal at the displayed precision are the Same, so the arrow
// does not flip on a change nobody can see. A NearTarget indicator
// improves when it moves closer to target; without a target it has no DoT.
func Direction(p Polarity, prev, cur float64, decimals int, target *float64) DoT {
	a, b := RoundTo(prev, decimals), RoundTo(cur, decimals)
	switch p {
	case HigherBetter, LowerBetter:
		if a == b {
			return Same
		}
		if (b > a) == (p == HigherBetter) {
			return Improved
		}
		return Worsened
	case NearTarget:
		if target == nil {
			return NoDoT
		}
		t := *target
		da, db := RoundTo(math.Abs(a-t), decimals), RoundTo(math.Abs(b-t), decimals)
		switch {
		case da == db:
			return Same
		case db < da:
			return Improved
		}
		return Worsened
	}
	return NoDoT
}

// Movement returns the arrow for a move from prev to cur at the displayed
// precision: the direction the figure went, whatever the polarity.
func Movement(prev, cur float64, decimals int) Arrow {
	a, b := RoundTo(prev, decimals), RoundTo(cur, decimals)
	switch {
	case b > a:
		return Up
	case b < a:
		return Down
	}
	return Across
}

// RoundTo rounds v half away from zero to d decimal places, as Excel's
// ROUND does and as the scorecard displays it. The scaled value is first
// snapped to a millionth so that binary representation error (12.35 held
// as 12.34999...) does not round the wrong way.
func RoundTo(v float64, d int) float64 {
	p := pow10(d)
	s := math.Round(v*p*1e6) / 1e6
	return math.Round(s) / p
}

// powers10 saves math.Pow on a path taken for every figure analysed: the
// GUI re-rates the whole history on each cohort toggle.
var powers10 = [...]float64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9}

func pow10(d int) float64 {
	if d <= 0 {
		return 1
	}
	if d < len(powers10) {
		return powers10[d]
	}
	return math.Pow(10, float64(d))
}
