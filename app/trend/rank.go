package trend

import (
	"cmp"
	"slices"

	"scorecard/app"
)

// kindWeight orders the kinds of flag by what a committee needs first:
// a signal or a changed rating before a reversal, a revision or a
// disagreeing arrow, and those before a gap or a small number.
var kindWeight = map[string]int{
	SpecialCause: 0, RAGChange: 0, Definition: 0,
	DoTReversal: 1, CannotExclude: 1,
	Revised: 2, DoTDisagrees: 2, ExcludingDisagrees: 2, FiguresDisagree: 2,
	MissingMonth: 3,
	SmallNumbers: 4,
}

// districtWeight puts a district's flag after the county's of the same
// kind, and a district's signal or rating change before the county's gaps
// and small numbers.
const districtWeight = 2

// weight is how far down the ranking f belongs; ties keep the scorecard's
// order.
func weight(f Flag) int { return Weight(f.Kind, f.Area) }

// Weight is how far down the ranking a flag of kind in area belongs: 0
// for the county's special cause or RAG change, the first.
func Weight(kind string, area app.Area) int {
	w, ok := kindWeight[kind]
	if !ok {
		w = 3 // a kind added later: among the minor ones
	}
	// Any authority's own area is the county: a store holds one.
	if i, ok := app.AreaOrder(area); !ok || i != 0 {
		w += districtWeight
	}
	return w
}

// RankedFlag is a Flag with its place in the ranking, 1 first: in JSON,
// the Flag's fields and "rank".
type RankedFlag struct {
	Flag
	Rank int `json:"rank"`
}

// Rank returns the flags ordered by what matters, each with its rank:
// the county before its districts, a special cause or a RAG change
// before a reversal or revision, and those before missing months and
// small numbers. Flags of equal weight keep their order, which Flags
// gives as the scorecard's. flags is not changed.
func Rank(flags []Flag) []RankedFlag {
	out := make([]RankedFlag, len(flags))
	for i, f := range flags {
		out[i].Flag = f
	}
	slices.SortStableFunc(out, func(a, b RankedFlag) int { return cmp.Compare(weight(a.Flag), weight(b.Flag)) })
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}

// FlagGroup is one indicator's flags, ranked, with how many of each kind.
type FlagGroup struct {
	Ref    string
	Flags  []RankedFlag
	Counts map[string]int // by kind
}

// Major reports whether f is among what a committee reads first: the
// county's flags other than small numbers and gaps, and any area's special
// cause or RAG change.
func Major(f Flag) bool { return weight(f) <= districtWeight }

// Group gathers ranked flags by indicator, the indicators in the order of
// their most important flag.
func Group(ranked []RankedFlag) []FlagGroup {
	var groups []FlagGroup
	at := map[string]int{}
	for _, f := range ranked {
		i, ok := at[f.Ref]
		if !ok {
			i = len(groups)
			at[f.Ref] = i
			groups = append(groups, FlagGroup{Ref: f.Ref, Counts: map[string]int{}})
		}
		g := &groups[i]
		g.Flags = append(g.Flags, f)
		g.Counts[f.Kind]++
	}
	return groups
}

// KindOrder lists the kinds of flag in the order counts are written.
var KindOrder = []string{SpecialCause, RAGChange, DoTReversal, CannotExclude, Revised, DoTDisagrees, ExcludingDisagrees, FiguresDisagree, MissingMonth, SmallNumbers}
