package trend

import (
	"slices"
	"sync"

	"scorecard/app"
)

// The kinds of Flag.
const (
	DoTReversal  = "dot-reversal"  // a move the other way after a run of improvements or deteriorations
	RAGChange    = "rag-change"    // the rating changed since the previous period
	SpecialCause = "special-cause" // a Making Data Count signal
	SmallNumbers = "small-numbers" // one or two children would change the rating
	Revised      = "revised"       // a figure was revised by a later import
	MissingMonth = "missing"       // a period inside a series with no figure, or one marked not available
	DoTDisagrees = "dot-disagrees" // the source workbook's arrow disagrees with the figures
	RAGDisagrees = "rag-disagrees" // the source workbook's RAG disagrees with the app's rating
	// ExcludingDisagrees: the source's own figure excluding a cohort
	// disagrees with its figures for all children and the cohort.
	ExcludingDisagrees = "excluding-disagrees"
	// CannotExclude: under an exclusion, the figure cannot be worked out
	// without the cohorts; the flag says what all children's flags are,
	// so a report excluding them does not leave them unsaid.
	CannotExclude = "cannot-exclude"
	// FiguresDisagree: a quarter or year has two figures that disagree,
	// one in the column of the month (quarter) that ends it, which is
	// analysed, and one given for the period itself (Clash).
	FiguresDisagree = "figures-disagree"
)

// flagKinds are the kinds of Flag in the order a point lists them.
var flagKinds = [...]string{DoTReversal, RAGChange, SpecialCause, SmallNumbers, Revised, MissingMonth, DoTDisagrees, RAGDisagrees}

// flagSets holds every list of kinds a point can raise, indexed by a bit
// for each of flagKinds, so that a point's Flags cost no allocation: most
// points of a district or cohort series raise a flag, and the GUI
// recomputes every series on each toggle. Each list is full to its
// capacity, so an append copies it. flagSets[0] is empty but not nil, so
// that a point without flags writes "flags": [] in JSON.
var flagSets = sync.OnceValue(func() *[1 << len(flagKinds)][]string {
	var sets [1 << len(flagKinds)][]string
	for mask := range sets {
		set := []string{}
		for i, kind := range flagKinds {
			if mask&(1<<i) != 0 {
				set = append(set, kind)
			}
		}
		sets[mask] = slices.Clip(set)
	}
	return &sets
})

// flag raises the flags of slot i, whose target in force is t; run and
// runDoT are the run of improvements or deteriorations before it. The
// words of each flag are written only for slots from a.explainFrom on:
// writing them costs more than all the arithmetic, and the GUI recomputes
// every series on each toggle without showing them.
func (a *analysis) flag(i int, t *app.Target, run int, runDoT app.DoT) {
	p := &a.pts[i]
	explain := i >= a.explainFrom
	var mask int
	// raised reports whether the kind at bit b is raised, and records it.
	raised := func(b int, ok bool) bool {
		if ok {
			mask |= 1 << b
		}
		return ok && explain
	}
	if raised(0, p.DoT != runDoT && run >= a.opt.ReversalRun && (p.DoT == app.Improved || p.DoT == app.Worsened)) {
		p.FlagDetails = append(p.FlagDetails, a.reversalText(p, run, runDoT))
	}
	ragChange := false
	if i > 0 && p.RAG != app.NoRAG {
		prev := a.pts[i-1].RAG
		ragChange = prev != app.NoRAG && prev != p.RAG
	}
	if raised(1, ragChange) {
		p.FlagDetails = append(p.FlagDetails, a.ragChangeText(i, *t))
	}
	if raised(2, p.Signal.IsSpecial()) {
		p.FlagDetails = append(p.FlagDetails, a.specialText(i))
	}
	if raised(3, p.Children != nil && p.Children.within(a.opt.SmallNumbers)) {
		p.FlagDetails = append(p.FlagDetails, a.smallText(p))
	}
	if raised(4, p.Revision > 0 && FigureRevised(a.h, a.key, p.Period)) {
		p.FlagDetails = append(p.FlagDetails, revisionText(a.h, a.key, a.ind, *p))
	}
	if raised(5, absent(p) || i > 0 && absent(&a.pts[i-1])) {
		p.FlagDetails = append(p.FlagDetails, a.missingText(i))
	}
	// A year-to-date measure's movement is against the same month last
	// year, which the source's arrow may not be.
	if raised(6, !a.ytd && p.SourceArrow != app.NoArrow && p.Movement != app.NoArrow && p.SourceArrow != p.Movement) {
		p.FlagDetails = append(p.FlagDetails, a.disagreeText(i))
	}
	if raised(7, p.SourceRAG != app.NoRAG && p.RAG != app.NoRAG && p.SourceRAG != p.RAG) {
		p.FlagDetails = append(p.FlagDetails, a.ragDisagreeText(i, t))
	} else if raised(7, a.unratedBySource(i)) {
		p.FlagDetails = append(p.FlagDetails, a.unratedText(i, t))
	}
	p.Flags = flagSets()[mask]
	a.flags[i] = uint8(mask)
}

func (a *analysis) small(n int) bool { return n > 0 && n <= a.opt.SmallNumbers }

// absent reports whether a point has no figure because none was given or
// the source said it was not available, as against one withheld or not
// applicable: the months an MI officer must chase. Last year's outturn
// standing in is no figure of the month either: a month of stand-ins
// raised no flag, and the brief gave the all-clear (QA24b D7).
func absent(p *Point) bool {
	return p.Missing || p.StandIn || p.Value == nil && p.Status == app.NotAvailable
}
