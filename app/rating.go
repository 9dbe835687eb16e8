package app

import (
	"math"
	"strings"
)

// RAG is a red/amber/green rating against target and floor. Like Status,
// it is a small number whose text String gives, and JSON and the store
// write that: "RED", "AMBER", "GREEN".
type RAG int8

// The ratings, in the order of their texts; NoRAG is for activity
// indicators and missing targets, and is never shown as red.
const (
	NoRAG RAG = iota
	Amber     // floor met, target not
	Green     // target met
	Red       // floor not met
)

var ragTexts = [...]string{NoRAG: "", Amber: "AMBER", Green: "GREEN", Red: "RED"}

// String returns the rating's word in capitals, "" for none.
func (r RAG) String() string { return codeText(ragTexts[:], r, "RAG") }

// RAGOf returns the rating whose word is t, as String writes it.
func RAGOf[T string | []byte](t T) (RAG, bool) { return codeOf[RAG](ragTexts[:], t) }

// MarshalText writes the rating's word.
func (r RAG) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText reads a rating's word.
func (r *RAG) UnmarshalText(b []byte) error {
	return unmarshalCode(ragTexts[:], b, r, "rating %q: not RED, AMBER or GREEN")
}

// Letter returns R, A or G, so a rating survives black-and-white printing.
func (r RAG) Letter() string {
	if r == NoRAG {
		return ""
	}
	return r.String()[:1]
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
	Milestone bool `json:"milestone,omitempty"`
	// Levels are the year's in-year milestones (a quarterly or monthly
	// profile of its target) and its district targets; see For.
	Levels []Level `json:"levels,omitempty"`
	// Replaced is the year's target, floor and tolerance this one
	// replaced, where a file restated them differently (ReviewTargets),
	// so that flags can say the year's ratings moved with its target.
	Replaced *Replaced `json:"replaced,omitempty"`
	Import   string    `json:"import,omitempty"`
	// Rule is the authority's RAG rule, which the History holding the
	// target gives it (History.SetRAGRule): a setting of the store, never
	// stored with the target, so that changing it re-rates every figure.
	Rule RAGRule `json:"-"`
}

// Replaced is a year's target, floor and tolerance as held before a file
// restated them, and the import that had set them.
type Replaced struct {
	Target    *float64 `json:"target,omitempty"`
	Floor     *float64 `json:"floor,omitempty"`
	Tolerance *float64 `json:"tolerance,omitempty"`
	Import    string   `json:"import,omitempty"`
	// Levels are the year's milestones and district targets as held
	// before, where the file restating the year's target stated any of
	// them differently too (LevelsReplaced): a district's own target
	// restated with the year's re-rates its figures from the old one.
	Levels         []Level `json:"levels,omitempty"`
	LevelsReplaced bool    `json:"levels_replaced,omitempty"`
}

// Was is the year's target as it stood before it was replaced: r's
// figures with the levels then held (t's, unless the same file replaced
// them; a later file's change of a level alone is said on its own).
func (r Replaced) Was(t Target) Target {
	t.Target, t.Floor, t.Tolerance, t.Import, t.Replaced = r.Target, r.Floor, r.Tolerance, r.Import, nil
	if r.LevelsReplaced {
		t.Levels = r.Levels
	}
	return t
}

// Level is a target within a Target's year: an in-year milestone for one
// quarter or month of it, a district's own target for the year, or a
// district's milestone. A level gives what it states; the rest is the
// year's (or the district's year's).
type Level struct {
	// Area is the district whose level it is; "" for the authority.
	Area Area `json:"area,omitempty"`
	// Period is the calendar quarter or month of the year it is the
	// milestone for; zero for the whole year (a district's target).
	Period    Period   `json:"period,omitempty"`
	Target    *float64 `json:"target,omitempty"`
	Floor     *float64 `json:"floor,omitempty"`
	Tolerance *float64 `json:"tolerance,omitempty"`
}

// For is the target that applies to area's figure for period p: the
// year's target, or a district's own target for the year where it has
// one; then the milestone for p's month, or failing that for the
// quarter p falls in (or is), the area's own, else (for an area without
// a target of its own) the authority's. It reports the milestone's
// period, zero when none applies. The result has no Levels.
func (t Target) For(area Area, p Period) (Target, Period) {
	out := t
	out.Levels = nil
	if len(t.Levels) == 0 {
		return out, Period{}
	}
	own := false
	if area != "" {
		if l, ok := t.level(area, Period{}); ok {
			out, own = l.over(out), true
		}
	}
	areas := []Area{area}
	if area != "" && !own {
		areas = append(areas, "")
	}
	var slots []Period
	switch p.Kind {
	case Month:
		slots = []Period{p, {Kind: Quarter, Year: p.Year, N: (p.N-1)/3 + 1}}
	case Quarter:
		slots = []Period{p}
	}
	for _, a := range areas {
		for _, s := range slots {
			if l, ok := t.level(a, s); ok {
				return l.over(out), s
			}
		}
	}
	return out, Period{}
}

// HasOwnTarget reports whether area has a target of its own for t's
// year (a district's level for the whole year), which its figures are
// rated against in place of the year's (For).
func (t Target) HasOwnTarget(area Area) bool {
	_, ok := t.level(area, Period{})
	return area != "" && ok
}

// level finds the level for area and period; the authority's levels
// have no area.
func (t Target) level(area Area, p Period) (Level, bool) {
	for _, l := range t.Levels {
		if l.Period == p && l.Area == area {
			return l, true
		}
	}
	return Level{}, false
}

// over is t with what the level states in place of its own.
func (l Level) over(t Target) Target {
	if l.Target != nil {
		t.Target = l.Target
	}
	if l.Floor != nil {
		t.Floor = l.Floor
	}
	if l.Tolerance != nil {
		t.Tolerance = l.Tolerance
	}
	return t
}

// Rating gives the RAG of value v for an indicator of polarity p against t,
// by t's rule (RAGRule; the directorate's, the default, unless the store
// sets another): for H, green when v >= target, then under the floor rule
// amber when v >= floor, under the band rule amber when v is short of the
// target by no more than the tolerance (RatingTolerance), else red; the
// target rule has no amber. L mirrors it; T rates the distance from
// target by the tolerance. Comparisons are made at the displayed
// precision, so a value shown as equal to the target is rated as meeting
// it; an import widens that precision to the places the source gives its
// figures to (Definitions.Widened), so that it never rounds 63.6 up to a
// target of 64. A missing target (or floor under the floor rule, or
// tolerance for T or the band rule) gives NoRAG, never red.
func Rating(p Polarity, v float64, t Target, decimals int) RAG {
	if t.Target == nil {
		return NoRAG
	}
	v = RoundTo(v, decimals)
	target := RoundTo(*t.Target, decimals)
	switch p {
	case HigherBetter, LowerBetter:
		better := func(a, b float64) bool { return a >= b }
		if p == LowerBetter {
			better = func(a, b float64) bool { return a <= b }
		}
		switch t.Rule.Kind {
		case RuleTarget:
			if better(v, target) {
				return Green
			}
			return Red
		case RuleBand:
			tol, ok := t.RatingTolerance()
			switch {
			case !ok:
				return NoRAG
			case better(v, target):
				return Green
			case RoundTo(math.Abs(v-target), decimals) <= tol:
				return Amber
			}
			return Red
		}
		if t.Floor == nil {
			return NoRAG
		}
		floor := RoundTo(*t.Floor, decimals)
		switch {
		case better(v, target):
			return Green
		case better(v, floor):
			return Amber
		}
		return Red
	case NearTarget:
		tol, ok := t.RatingTolerance()
		if !ok {
			return NoRAG
		}
		d := RoundTo(math.Abs(v-target), decimals)
		switch {
		case d <= tol:
			return Green
		case t.Rule.Kind != RuleTarget && d <= 2*tol:
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
// GUI re-rates the whole history on each cohort toggle, and an import
// rounds every percentage read as a fraction to 10 places. Each power up
// to 1e22 is a float64 exactly, as math.Pow gives it.
var powers10 = [...]float64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

func pow10(d int) float64 {
	if d <= 0 {
		return 1
	}
	if d < len(powers10) {
		return powers10[d]
	}
	return math.Pow(10, float64(d))
}
