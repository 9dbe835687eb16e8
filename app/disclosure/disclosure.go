// Package disclosure protects small numbers in figures for circulation:
// a count of one to four children (by default) could identify a child, so
// it is shown as app.Suppressed ("c"), together with every figure that
// would reveal it.
//
// The rule, following the DfE's practice for children's social care
// statistics:
//
//   - Primary suppression: a figure is suppressed when any count of
//     children it shows or is built from is at least 1 and below the
//     threshold: a count; a proportion's numerator or denominator; a
//     rate's count or population; a mean's or median's count (its
//     denominator). Nought is not suppressed: it identifies nobody. A
//     figure whose counts are unknown (a percentage without its numerator
//     and denominator) cannot be judged and is left as it is. Nor is a
//     measure of schools judged by its size (OfSchools): it counts no
//     children, and Ofsted publishes every school's judgement.
//   - A proportion also shows the children outside its numerator: 120 of
//     124 reveals 4 children not meeting the measure. So the denominator
//     less the numerator counts as one of its counts, and a proportion is
//     suppressed when that difference is from 1 to below the threshold.
//   - A suppressed figure loses its value, numerator and denominator,
//     whoever suppressed it: a figure the source marked "c" but imported
//     with its components would otherwise show them on every sheet that
//     lists components, so they are blanked even when no threshold is
//     set.
//   - A change is a count known by its definition to be signed
//     (app.Indicator.Signed, the rule SPC's limits follow too: "change
//     in", "net", "difference between", "gap", "+/-", or guidance saying
//     a figure can be negative; a name that counts children, "Number of
//     ..." or "(children)", is a count; isChange), never by a negative
//     figure, which in a count is a data error. Where its definition names the
//     count it is the difference of and how far back (baseOf), it is
//     shown whatever its size beside both months of that count shown (a
//     reader recomputes it: -2 is 1,904 children then and 1,902 now), and
//     withheld whatever its size beside either month withheld (7 now
//     less 4 is the withheld 3). Otherwise it is withheld by size, as a
//     count is. Nothing bounds it below.
//   - Secondary suppression, across the whole release (Release): a reader
//     knows every figure shown and the identities among them that hold in
//     the source: a county is the sum of its districts and the columns
//     beside them (all of them, or all but a cohort's service column); all
//     children are a cohort plus the rest, so the table excluding a cohort
//     and the table for all children give the cohort's (worked out as a
//     cell of no figure where the store holds no figure of the cohort's
//     own, cohortOwn, and protected where small); a district's
//     figure excluding a cohort may be its own; a proportion's
//     denominator is its numerator plus the rest; and over time, a
//     quarter's count is its months', a year's its months' or quarters',
//     and a year to date less the month before's is the month's own
//     count (periods.go), each where it holds on the true figures (a
//     snapshot's or a rate's do not). From these alone each
//     withheld figure's range is worked out (System.Ranges, interval
//     propagation, never narrower than the exact range), and while any is
//     narrower than the threshold less one the smallest shown figure of
//     the identity pinning it (the next smallest cell, or the total) is
//     withheld too, with every figure tied to it: a figure's counts go
//     together, and so do the two prints of one figure (a district's own
//     and its figure excluding UASC, where they agree), so that one
//     complement frees a figure in both exports, the smallest that does.
//     A figure the source withheld takes part with the value
//     the identities give it, so what is shown beside it cannot tell it;
//     it is protected so at any threshold, none too, to at least
//     DefaultThreshold less one (the source's own rule is unknown).
//   - Across exports: every cohort the figures are split by (UASC, say)
//     has its complement, all children less the cohort, treated as
//     published, whichever cohorts the release excludes. A workbook
//     showing All 31 and UASC 28 tells 3 children not UASC as surely as
//     the workbook excluding UASC prints it, and members receive both;
//     so every export of one store withholds the same figures.
//   - Across months: a figure a circulated release withheld stays
//     withheld while any count of it stands. Before each import that
//     revised figures, the release of the indicators it revised is
//     worked out again on the figures as they were (sticky.go), and what
//     it withheld is withheld by every later release where a count of it
//     is unchanged (or the source withheld it then beside others), the
//     identities adding what complements it needs now: May's pack
//     withheld Ashford's 3 and Canterbury's 7, and June's showing
//     Canterbury's 7 beside May's total would give Ashford's 3. A count
//     revised is a new unknown and is judged afresh; its earlier figure
//     is given beside the revision only where that release withheld
//     nothing of its month (RevisedFromShown). And what that release
//     showed of a month since revised is known to every reader of this
//     one: its identities of the month, as they held then, join this
//     release's (earlier.go), each figure that stands one unknown in
//     both, and so does their difference, which leaves the revised
//     counts alone. May showed Kent's 50 and Dover's 5 beside four c's;
//     June's Kent 48 beside Dover's revised 3 withheld would give it
//     (48 - 50 + 5), so Kent's 48 is withheld too; June's Ashford 6
//     beside Kent's 38, May's having been 34, would give May's withheld
//     Ashford (6 - 4 = 2), so the 6 is withheld (QA31 1). The sums over
//     time of a series with a figure revised join too, as they held
//     then: May's quarter of 25 beside April's and June's c told that
//     they made 13, so June's quarter of 15 beside May revised to 2 is
//     withheld. So do a rolling count's windows, the own counts a
//     revision left standing one unknown in both: July's pack showed
//     Kent's 43 excluding UASC to May-21 and 46 to Jun-21; with a child
//     of May-21 in Dover recorded late, August's 47 to Jun-21 told that
//     May's windows had one more, 44, giving Dover's revised 1 withheld
//     beside it; so August's 47 to Jun-21 and 52 to Jul-21 are withheld
//     too. A figure a reader has from that release is never
//     withheld to protect another: withholding it now would hide
//     nothing. So is a figure of a period a sum over time (or a
//     county's districts) joins to one a later import first gave, for
//     the release before that import is worked out again too, though it
//     revised nothing (joiningImports): April's 10 and May's 12 in May's
//     pack stay shown beside June's 3 and the quarter's 25, which is
//     withheld in their stead (25 - 10 - 12 = 3); April's year to date
//     of 10 stays shown beside May's 13, whose own 3 is protected by
//     withholding the 13.
//   - Noughts are shown: they identify nobody. A reader can use a shown
//     nought (c's that sum, with it, to a shown total are pinned), and
//     the rule above counts it as shown, so such c's are caught; and
//     since noughts are shown, a reader takes every c for at least one
//     child. So a withheld count that is not nought ranges from 1, and
//     is safe only when its range holds as many values as 1 to the
//     threshold less one: five c's beside seven noughts summing to a
//     county's 6 are each 1 or 2, and the total (or another figure, as
//     the smallest-first rule above chooses) is withheld too (QA31 2).
//     What is guaranteed: no withheld count's range, worked out by
//     interval propagation from every figure shown and every identity
//     above, with each count printed as c at least 1 where it is not
//     nought, is narrower than 1 to the threshold less one (0 to it where
//     it may be nought: a proportion's numerator, 0 of 3, is c too, and a
//     month's own count between two years to date is never printed),
//     except where nothing shown is left to withhold, every figure that
//     would free it withheld already or known from an earlier pack
//     (Dartford's only UASC child of Mar-20 re-recorded, nineteen months
//     on, as not UASC: with its all-children counts, unchanged, and the
//     figures around them shown by the packs before, the revised year's
//     UASC counts are told to be nought whatever the later pack
//     withholds). A nought withheld (a complement, or a proportion's
//     numerator beside a small denominator) is protected as any figure
//     withheld is: none of a district's one UASC child moved three
//     times, worked out, tells of that child.
//
// Child-level breakdowns follow the same rule through Protect, which says
// which of their counts and totals to show as "c".
//
// Between indicators, a percentage or rate is withheld wherever a count
// its guidance names is ("Denominator: all children in care (CIC01)"):
// given without counts, that count gives its count away (impliedcounts.go);
// given with them, its numerator or denominator is that count, and would
// give back a figure withheld.
//
// A year to date given as an indicator of its own beside the monthly
// count it sums is withheld wherever a month of its year so far is
// (yeartodate.go), so that what it shows is the months' shown sums.
//
// Excluding cohorts, a percentage or rate given with counts (its figure
// excluding them worked out from a count: cohort's rateOnDay) is
// withheld wherever its numerator or denominator is a count withheld at
// its place, whatever its guidance names (anyCount).
//
// Not covered, and said here so that nobody relies on it: other
// identities between different indicators (a rate's count that is
// another indicator's count where no guidance names it, in a release
// excluding no cohort, which may be worked out an indicator at a time,
// its counts not beside it; a year to date
// beside its months that neither its definition nor its figures tie to
// them; a change
// withheld by secondary suppression though both its months are shown,
// which a reader recomputes);
// the joint complement of two cohorts in a workbook excluding neither;
// a nought withheld beside a rolling count's windows (rollingWindows,
// worked out over every month of the count whose twelve overlap another's:
// periodGroups) told to be 0 to 3 where withholding every figure still
// shown around it would not widen it (the release asks 0 to 4 of it);
// what a reader could tell from packs not set side by side in turn (the
// first and third of three, a figure's versions between them unknown)
// beyond what consecutive packs tell, which probes of revised rolling
// counts found none of; the
// earlier
// versions of revised figures (History.Revisions), which exports do not
// show, beyond the rule across months above (which takes a release to
// have followed each import);
// and releases made before that rule, which may have withheld less.
package disclosure

import (
	"scorecard/app"
)

// DefaultThreshold is the smallest count shown: counts of 1 to 4 are
// suppressed.
const DefaultThreshold = 5

// Suppress returns a History in which every figure with a count of
// children from 1 to below-1, and every figure that would reveal one, is
// app.Suppressed (see the package comment for the rule), and how many
// figures it suppressed. Figures already suppressed lose their
// components too, but are not counted. h is untouched. With below of 1 or
// less no figure is withheld for its size, only to protect the source's.
func Suppress(h *app.History, below int) (*app.History, int) {
	base, _, n, _ := Release(h, nil, below)
	return base, n
}

// Circulated returns the figures excluding the cohorts cs, ready to
// circulate beside all children's: the release is suppressed as a whole
// (Release), so that nothing withheld can be recovered by subtraction
// from either set of figures. It returns how many figures were
// suppressed; the warnings are cohort.Exclude's.
func Circulated(h *app.History, cs []app.Cohort, below int) (*app.History, int, []app.Warning) {
	_, ex, n, warns := Release(h, cs, below)
	return ex, n, warns
}

// counts appends to into the counts of children o shows or is built
// from, those it has, and returns them.
func counts(ind app.Indicator, o *app.Observation, into []float64) []float64 {
	add := func(cs ...*float64) []float64 {
		for _, c := range cs {
			if c != nil {
				into = append(into, *c)
			}
		}
		return into
	}
	switch ind.Measure {
	case app.Proportion:
		if o.Numerator == nil || o.Denominator == nil {
			return add(o.Numerator, o.Denominator)
		}
		return append(into, *o.Numerator, *o.Denominator, *o.Denominator-*o.Numerator)
	case app.Rate:
		return add(o.Numerator, o.Denominator)
	case app.Count:
		if o.Numerator != nil {
			return add(o.Numerator)
		}
		return add(o.Value)
	case app.Mean, app.Median:
		return add(o.Denominator)
	}
	if ind.Unit == app.Number {
		return add(o.Value, o.Denominator)
	}
	return add(o.Denominator)
}
