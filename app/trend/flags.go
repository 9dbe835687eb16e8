package trend

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

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

// Flag is one thing an MI officer should look at in a period: an entry of
// `scorecard flags --json`.
type Flag struct {
	Ref    string     `json:"ref"`
	Area   app.Area   `json:"area"`
	Period app.Period `json:"period"`
	Kind   string     `json:"kind"`
	Detail string     `json:"detail"`
}

// Flags returns every flag for period p (the zero p: the history's latest
// month, or its latest period when it holds no months) across all
// indicators and areas for the All split of h, in scorecard order:
// indicator, then Kent before its districts. Each series is analysed as
// it stood at p, so a later figure never changes p's flags. A quarterly or
// annual series is flagged in the month its period ends, and one whose
// figure is overdue is flagged missing in each month after while it is
// (OffCycle.Overdue). The slice is never nil, so that it writes as [] in
// JSON when there is nothing to flag.
func Flags(h *app.History, p app.Period, opt Options) []Flag {
	return FlagsNoting(h, p, opt, nil)
}

// FlagsNoting is Flags with, for each series flagged at period q, an
// ExcludingDisagrees flag where disagrees(k, q) says what disagrees in
// its figure: a source's own figure excluding a cohort that cannot be
// right (cohort.Disagreement). disagrees may be nil.
func FlagsNoting(h *app.History, p app.Period, opt Options, disagrees func(k app.SeriesKey, q app.Period) string) []Flag {
	out, _ := flagsNoting(h, p, opt, disagrees)
	return out
}

// FlagsRevising is FlagsNoting also returning what each Revised and
// Definition flag says as a Revision, its Key and Detail the flag's: a
// revised figure's earlier version is not in the flag, and a command
// that marks what a flag gives away must know it (the earlier figure a
// release withholds, disclosure.RevisedFromShown).
func FlagsRevising(h *app.History, p app.Period, opt Options, disagrees func(k app.SeriesKey, q app.Period) string) ([]Flag, []Revision) {
	return flagsNoting(h, p, opt, disagrees)
}

// flagsNoting is FlagsNoting also returning, for each Revised and
// Definition flag, what it says as a Revision: the one place revisions
// are found, for flags, the brief and the pack alike.
func flagsNoting(h *app.History, p app.Period, opt Options, disagrees func(k app.SeriesKey, q app.Period) string) ([]Flag, []Revision) {
	out := []Flag{}
	var revs []Revision
	if p.IsZero() {
		p = latest(h)
	}
	if p.IsZero() {
		return out, revs
	}
	opt = opt.withDefaults()
	res := newResults(true)
	targetSaid := map[string]bool{}
	late := newLateFills(h)
	defs := definitionsByRef(h)
	for _, k := range seriesInOrder(h) {
		if !h.InCirculation(k.Ref, p) {
			// Retired: its history is not p's news (QA27a 5).
			continue
		}
		ind, _ := h.Indicator(k.Ref)
		all := h.Series(k)
		obs, kind := seriesUntil(all, app.Period{})
		obs, kind, stray, clashes := asDataPeriod(ind, all, obs, kind)
		if len(obs) == 0 {
			continue
		}
		q, ok := reportedIn(kind, p)
		if !ok {
			// A month between quarters: a quarter not in by the month
			// it was due is flagged as long as it is overdue, as its
			// cell and the brief say it (OffCycle.Overdue).
			if f, ok := OverdueFlag(h, k, p, opt); ok {
				out = append(out, f)
			}
			continue
		}
		o := opt
		o.Until = q
		s := analyse(h, k, o, explainLast, res)
		add := func(kind, detail string) {
			out = append(out, Flag{Ref: k.Ref, Area: k.Area, Period: q, Kind: kind, Detail: detail})
		}
		if s.Len() == 0 {
			continue
		}
		last := s.Point(s.Len() - 1)
		if last.Period != q {
			if f, ok := stoppedBefore(ind, k, q, &s, obs, stray, opt.Window); ok {
				out = append(out, f)
			}
			continue
		}
		circ := late.circulation(h, k, q, s.observation(s.Len()-1))
		for i, kind := range last.Flags {
			if kind == Revised && last.Import != "" && !circ.has(late, last.Import) {
				// The month's own figure revised by an import since its
				// circulation: the later month's news, flagged there.
				continue
			}
			add(kind, last.FlagDetails[i])
			if kind == Revised {
				revs = append(revs, figureRevision(h, k, q, s.observation(s.Len()-1), last.FlagDetails[i]))
			}
		}
		for _, c := range clashes {
			if c.Kept.Period == q && !c.Agree(ind) {
				add(FiguresDisagree, c.Text(ind))
			}
		}
		if disagrees != nil {
			if d := disagrees(k, q); d != "" {
				add(ExcludingDisagrees, d)
			}
		}
		if !targetSaid[k.Ref] {
			// The year's target restated differently, and a definition
			// changed since this figure came: said once, on the
			// authority's series, which comes first.
			targetSaid[k.Ref] = true
			if t, ok := h.TargetYearOf(ind, q); ok && t.Replaced != nil {
				d := targetRevisionText(h, k, ind, t, obs, q)
				add(Revised, d)
				revs = append(revs, Revision{Key: k, Period: q, Target: &t, Import: t.Import, Detail: d, Standing: !defs.madeSince(t.Import, last.Import)})
			}
			for _, d := range defs.since(k.Ref, last.Import) {
				add(Definition, d.Sentence())
				revs = append(revs, Revision{Key: k, Period: q, Definition: &d, Import: d.Import.ID, Detail: d.Sentence()})
			}
		}
		// Earlier figures revised, or given late, by the imports that
		// brought this one as circulated (circulation), not by any
		// import since.
		if last.Import == "" {
			continue
		}
		for i := range s.Len() - 1 {
			o := s.observation(i)
			if o == nil {
				continue
			}
			now, was, ok := circ.gave(late, h, k, o)
			if !ok || was != nil && countsAdded(*was, *now) {
				continue
			}
			pt := s.Point(i)
			switch {
			case was != nil && now.Import == o.Import && lastRevision(h, k, o.Period, was):
				d := pt.Period.Label() + " " + revisionText(h, k, ind, pt)
				add(Revised, d)
				revs = append(revs, figureRevision(h, k, pt.Period, o, d))
			case was != nil:
				// Revised again since: said as circulated.
				d := pt.Period.Label() + " " + versionsText(ind, was, now)
				add(Revised, d)
				revs = append(revs, Revision{Key: k, Period: pt.Period, Was: *was, Now: *now, Import: now.Import, Detail: d})
			case late.filled(h, k, &s, i, now):
				at := pt
				at.Value, at.Status = now.Value, now.Status
				d := pt.Period.Label() + " " + lateText(ind, at)
				add(Revised, d)
				revs = append(revs, Revision{Key: k, Period: pt.Period, Now: *now, Late: true, Import: now.Import, Detail: d})
			}
		}
	}
	return out, revs
}

// latest returns the history's latest month or, for a history of
// quarterly or annual figures only (such as DfE's), its latest period.
func latest(h *app.History) app.Period {
	if p := h.Latest(); !p.IsZero() {
		return p
	}
	var last app.Period
	for _, k := range h.Keys() {
		if s := h.Series(k); len(s) > 0 {
			if p := s[len(s)-1].Period; last.IsZero() || p.End().After(last.End()) {
				last = p
			}
		}
	}
	return last
}

// reportedIn returns the period of kind k that is reported in p: p itself,
// or, when p is a month, the quarter or year ending in it, or when p is a
// quarter, the year reported in it (2024/25 in Jan-Mar 2025): a store of
// quarters flags a DfE year where the export and brief show it.
func reportedIn(k app.PeriodKind, p app.Period) (app.Period, bool) {
	if p.Kind == k {
		return p, true
	}
	if (p.IsYear() || p.Kind == app.Quarter) && (app.Period{Kind: k}).IsYear() {
		// A year of another kind ending within p, as app.ReportedIn
		// places it, so that flags and the export agree.
		for _, y := range []int{p.Year + 1, p.Year, p.Year - 1} {
			if q := (app.Period{Kind: k, Year: y}); app.ReportedIn(q, p) {
				return q, true
			}
		}
		return app.Period{}, false
	}
	if p.Kind != app.Month {
		return app.Period{}, false
	}
	for _, y := range []int{p.Year, p.Year - 1} {
		q := app.Period{Kind: k, Year: y}
		if k == app.Quarter {
			q.N = (p.N + 2) / 3
		}
		if e := q.End(); e.Year() == p.Year && int(e.Month()) == p.N {
			return q, true
		}
	}
	return app.Period{}, false
}

// seriesInOrder lists the All-split series of h in scorecard order.
func seriesInOrder(h *app.History) []app.SeriesKey {
	order := map[string]int{}
	for i, ind := range h.Indicators() {
		order[ind.Ref] = i
	}
	var ks []app.SeriesKey
	for _, k := range h.Keys() {
		if k.Split == app.All {
			ks = append(ks, k)
		}
	}
	refRank := func(ref string) int {
		if i, ok := order[ref]; ok {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(ks, func(a, b app.SeriesKey) int {
		return cmp.Or(cmp.Compare(refRank(a.Ref), refRank(b.Ref)), cmp.Compare(a.Ref, b.Ref),
			cmp.Compare(areaRank(a.Area), areaRank(b.Area)), cmp.Compare(a.Area, b.Area))
	})
	return ks
}

// areaRank puts the authority first, then its districts in scorecard
// order, then the pseudo-areas, then anything else.
func areaRank(a app.Area) int {
	if i := slices.Index(app.Areas, a); i >= 0 {
		return i
	}
	if i, ok := app.AreaOrder(a); ok && i < len(app.Areas) {
		return i
	}
	switch a {
	case app.OutOfCounty:
		return len(app.Areas)
	case app.UASCService:
		return len(app.Areas) + 1
	}
	return len(app.Areas) + 2
}

// flagKinds are the kinds of Flag in the order a point lists them.
var flagKinds = [...]string{DoTReversal, RAGChange, SpecialCause, SmallNumbers, Revised, MissingMonth, DoTDisagrees, RAGDisagrees}

// flagSets holds every list of kinds a point can raise, indexed by a bit
// for each of flagKinds, so that a point's Flags cost no allocation: most
// points of a district or cohort series raise a flag, and the GUI
// recomputes every series on each toggle. Each list is full to its
// capacity, so an append copies it. flagSets[0] is empty but not nil, so
// that a point without flags writes "flags": [] in JSON.
var flagSets = func() (sets [1 << len(flagKinds)][]string) {
	for mask := range sets {
		set := []string{}
		for i, kind := range flagKinds {
			if mask&(1<<i) != 0 {
				set = append(set, kind)
			}
		}
		sets[mask] = slices.Clip(set)
	}
	return sets
}()

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
	if raised(6, !a.ytd && p.SourceArrow != app.NoArrow && p.Movement != "" && p.SourceArrow != p.Movement) {
		p.FlagDetails = append(p.FlagDetails, a.disagreeText(i))
	}
	if raised(7, p.SourceRAG != app.NoRAG && p.RAG != app.NoRAG && p.SourceRAG != p.RAG) {
		p.FlagDetails = append(p.FlagDetails, a.ragDisagreeText(i, t))
	} else if raised(7, a.unratedBySource(i)) {
		p.FlagDetails = append(p.FlagDetails, a.unratedText(i, t))
	}
	p.Flags = flagSets[mask]
	a.flags[i] = uint8(mask)
}

func (a *analysis) small(n int) bool { return n > 0 && n <= a.opt.SmallNumbers }

func thisPeriod(p app.Period) string { return "this " + periodWord(p.Kind, 1) }

func (a *analysis) reversalText(p *Point, run int, runDoT app.DoT) string {
	was := "improving"
	if runDoT == app.Worsened {
		was = "worsening"
	}
	d := was + " for " + periodWord(p.Period.Kind, run) + ", " + string(p.DoT) + " " + thisPeriod(p.Period) +
		" by " + app.FormatChange(a.ind, *p.Change)
	if a.ytd {
		d += " on " + p.Period.Add(-lagOf(p.Period.Kind)).Label()
	}
	return d
}

func (a *analysis) ragChangeText(i int, t app.Target) string {
	p, prev := &a.pts[i], &a.pts[i-1]
	d := string(prev.RAG) + " to " + string(p.RAG) + " (" + app.FormatValue(a.ind, a.vals[i]) + "; " + RatedAgainst(a.ind, t) + ")"
	if y := a.ind.TargetYear(p.Period); y != a.ind.TargetYear(prev.Period) {
		d += "; the " + y.String() + " target applies from " + thisPeriod(p.Period)
	}
	if cur, was := a.years[a.scratch.year[i]], a.years[a.scratch.year[i-1]]; cur.from != was.from && !cur.from.IsZero() {
		d += "; the " + milestoneWords(cur.from) + " milestone applies from " + thisPeriod(p.Period)
	}
	return d
}

// milestoneWords names a milestone's period by its months, which read the
// same in a financial or an academic year: "Jul-Sep 2025", "Aug-25".
func milestoneWords(p app.Period) string {
	if p.Kind != app.Quarter {
		return p.Label()
	}
	first := p.Start()
	last := first.AddDate(0, 2, 0)
	return first.Format("Jan") + "-" + last.Format("Jan 2006")
}

func (a *analysis) ragDisagreeText(i int, t *app.Target) string {
	p := &a.pts[i]
	d := "the workbook shows " + string(p.SourceRAG) + ", but " + app.FormatValue(a.ind, a.vals[i])
	if t != nil {
		d += " (" + RatedAgainst(a.ind, *t) + ")"
	}
	return d + " rates " + string(p.RAG)
}

func (a *analysis) specialText(i int) string {
	d := "special cause"
	switch a.pts[i].Signal {
	case SpecialImproving:
		d += ", improving"
	case SpecialConcerning:
		d += ", concerning"
	}
	// The mean and limits to a place more than the figures, as SPC
	// charts give them: limits of 9.6 and 10.4 about whole numbers would
	// otherwise read "10 to 10".
	finer := a.ind
	finer.Decimals++
	return d + ": " + a.pts[i].Rule + " (" + app.FormatValue(a.ind, a.vals[i]) + "; mean " + app.FormatValue(finer, a.c.mean) +
		", limits " + app.FormatValue(finer, a.c.lower) + " to " + app.FormatValue(finer, a.c.upper) + ")"
}

func (a *analysis) smallText(p *Point) string {
	c := p.Children
	var parts []string
	if n, to := c.More(); a.small(n) {
		parts = append(parts, childrenTurn(n, "more", to))
	}
	if n, to := c.Fewer(); a.small(n) {
		parts = append(parts, childrenTurn(n, "fewer", to))
	}
	return strings.Join(parts, "; ") + " (1 child = " + app.FormatPerChild(a.ind, c.PerChild) + ")"
}

// absent reports whether a point has no figure because none was given or
// the source said it was not available, as against one withheld or not
// applicable: the months an MI officer must chase. Last year's outturn
// standing in is no figure of the month either: a month of stand-ins
// raised no flag, and the brief gave the all-clear (QA24b D7).
func absent(p *Point) bool {
	return p.Missing || p.StandIn || p.Value == nil && p.Status == app.NotAvailable
}

func (a *analysis) missingText(i int) string {
	p := &a.pts[i]
	if absent(p) {
		d := "no figure for " + p.Period.Label()
		switch {
		case p.StandIn && p.Value != nil:
			d += " yet: last year's outturn " + app.FormatValue(a.ind, *p.Value) + " stands in"
		case !p.Missing:
			d += " (" + p.Status.Describe() + ")"
		}
		return d + "; the chart does not bridge the gap" + strayWords(a.ind, a.stray)
	}
	gap := 1
	for gap < i && absent(&a.pts[i-1-gap]) {
		gap++
	}
	d := "no figure for " + a.pts[i-gap].Period.Label()
	if gap > 1 {
		d = "no figures for " + a.pts[i-gap].Period.Label() + " to " + a.pts[i-1].Period.Label()
	}
	return d + ", so no direction of travel " + thisPeriod(p.Period) + " and the moving range restarts" + strayWords(a.ind, a.stray)
}

func (a *analysis) disagreeText(i int) string {
	p := &a.pts[i]
	d := "the workbook's arrow shows " + arrowWords(p.SourceArrow) + ", but the figure "
	prev, cur := app.FormatValue(a.ind, a.vals[i-1]), app.FormatValue(a.ind, a.vals[i])
	switch p.Movement {
	case app.Up:
		return d + "went up from " + prev + " to " + cur
	case app.Down:
		return d + "went down from " + prev + " to " + cur
	}
	return d + "is unchanged at " + cur
}

// childrenTurn writes "1 more child counted turns this RED".
func childrenTurn(n int, way string, to app.RAG) string {
	if n == 1 {
		return "1 " + way + " child counted turns this " + string(to)
	}
	return strconv.Itoa(n) + " " + way + " children counted turn this " + string(to)
}

// targetText writes the target and floor in force: "target 10.0%, floor 12.0%".
func targetText(ind app.Indicator, t app.Target) string {
	var parts []string
	if t.Target != nil {
		s := "target " + app.FormatValue(ind, *t.Target)
		if ind.Polarity == app.NearTarget && t.Tolerance != nil {
			s += " ± " + app.FormatChange(ind, *t.Tolerance)
		}
		parts = append(parts, s)
	}
	if t.Floor != nil && ind.Polarity != app.NearTarget {
		parts = append(parts, "floor "+app.FormatValue(ind, *t.Floor))
	}
	return strings.Join(parts, ", ")
}

// RatedAgainst writes what a figure is rated against by the authority's
// rule (app.RAGRule): targetText under the floor rule; the target and
// its band under the band rule ("target 20.0%, AMBER within 1.0 pp");
// the target alone under the target rule, whose rating no floor moves.
func RatedAgainst(ind app.Indicator, t app.Target) string {
	if ind.Polarity == app.NearTarget || t.Rule.Kind == app.RuleFloor {
		return targetText(ind, t)
	}
	t.Floor = nil
	s := targetText(ind, t)
	if tol, ok := t.RatingTolerance(); ok && t.Rule.Kind == app.RuleBand && s != "" {
		s += ", AMBER within " + app.FormatChange(ind, tol)
	}
	return s
}

// targetRevisionText says what a year's restated target was and is, and
// which of figures (series k's, in h) up to q it re-rates: "2025/26
// target revised from target 22.0%, floor 25.0% (I0001) to target 21.0%,
// floor 23.0% (I0004); it changes the rating of 1 reported figure:
// Oct-25 AMBER to RED". A figure the import that restated the target
// also revised is rated as it was before that import and as that import
// left it, as the import's own warning rated it (app.Rerated). A
// district with a target of its own is rated against it, not the
// year's, and the words say so: "...; Swale is rated against its own
// target, target 8.0%, floor 8.2%, which stands: it changes the rating
// of no figure held".
func targetRevisionText(h *app.History, k app.SeriesKey, ind app.Indicator, t app.Target, figures []app.Observation, q app.Period) string {
	was := t.Replaced.Was(t)
	var before, after []app.Observation
	for _, o := range figures {
		if o.Period.Kind != q.Kind || o.Period.Compare(q) > 0 {
			continue
		}
		then, now := o, o
		revs := h.Revisions(k, o.Period)
		versions := append(revs[:len(revs):len(revs)], o)
		if j := slices.IndexFunc(versions, func(v app.Observation) bool { return v.Import == t.Import }); t.Import != "" && j >= 0 {
			if j == 0 {
				continue // first given by the import that restated the target: not held before it
			}
			then, now = versions[j-1], versions[j]
		}
		before, after = append(before, then), append(after, now)
	}
	words := func(t app.Target) string {
		s := targetText(ind, t)
		if t.Import != "" {
			s += " (" + t.Import + ")"
		}
		return s
	}
	text := t.Year.String() + " target revised from " + words(was) + " to " + words(t) + "; "
	if t.HasOwnTarget(k.Area) {
		// Its own target takes from the year's what it does not state.
		wasOwn, _ := was.For(k.Area, app.Period{})
		isOwn, _ := t.For(k.Area, app.Period{})
		text += string(k.Area) + " is rated against its own target, "
		if sameTarget(wasOwn, isOwn) {
			text += targetText(ind, isOwn) + ", which stands: "
		} else {
			text += "here from " + targetText(ind, wasOwn) + " to " + targetText(ind, isOwn) + ": "
		}
	}
	return text + app.Rerated(ind, ind, was, t, before, after)
}

// revisionText says what a revised figure was and is: "revised from
// 11.2% to 11.7%".
func revisionText(h *app.History, k app.SeriesKey, ind app.Indicator, p Point) string {
	revs := h.Revisions(k, p.Period)
	if len(revs) == 0 {
		return "revised"
	}
	old := revs[len(revs)-1]
	// Two figures differing only beyond the places the scorecard shows
	// are written to as many places as tell them apart: "revised from
	// 77.3% to 77.3%" would say nothing changed (QA27a 1).
	ind = placesApart(ind, old.Value, p.Value)
	return revisedWords(observationText(ind, old.Value, old.Status, old.Raw), pointText(ind, p))
}

// revisedWords says a figure was revised from was to now, each as
// written. Where they read the same the figure stands and only the counts
// behind it changed (FigureRevised leaves out a revision that only added
// them): said so, never "revised from 50.0% to 50.0%".
func revisedWords(was, now string) string {
	if was == now {
		return "its counts revised; the figure stays " + now
	}
	return "revised from " + was + " to " + now
}

// lastRevision reports whether was is the version the figure of k for p
// in force now replaced, as revisionText says it.
func lastRevision(h *app.History, k app.SeriesKey, p app.Period, was *app.Observation) bool {
	revs := h.Revisions(k, p)
	return len(revs) > 0 && revs[len(revs)-1].Import == was.Import && revs[len(revs)-1].Revision == was.Revision
}

// versionsText is revisionText of two versions of a figure: "revised
// from 11.2% to 11.7%".
func versionsText(ind app.Indicator, was, now *app.Observation) string {
	ind = placesApart(ind, was.Value, now.Value)
	return revisedWords(observationText(ind, was.Value, was.Status, was.Raw), observationText(ind, now.Value, now.Status, now.Raw))
}

// MissingFlag is the missing flag FlagsNoting gives series k of h in
// report month p, if any: its figure for the period reported in p not
// in, or a quarter (year) still overdue in a month between (OverdueFlag).
// A retired indicator (app.History.InCirculation) has none.
// The brief lists an indicator by it when it has no figure to show.
func MissingFlag(h *app.History, k app.SeriesKey, p app.Period, opt Options) (Flag, bool) {
	if !h.InCirculation(k.Ref, p) {
		return Flag{}, false
	}
	opt = opt.withDefaults()
	ind, _ := h.Indicator(k.Ref)
	all := h.Series(k)
	obs, kind := seriesUntil(all, app.Period{})
	obs, kind, stray, _ := asDataPeriod(ind, all, obs, kind)
	if len(obs) == 0 {
		return Flag{}, false
	}
	q, ok := reportedIn(kind, p)
	if !ok {
		return OverdueFlag(h, k, p, opt)
	}
	opt.Until = q
	s := AnalyseSeries(h, k, opt)
	if s.Len() == 0 || s.Point(s.Len()-1).Period == q {
		return Flag{}, false
	}
	return stoppedBefore(ind, k, q, &s, obs, stray, opt.Window)
}

// stoppedBefore flags series s (of observations obs, stray the index of
// one not of its data period, or -1), which stops before q, as missing
// q's figure: while the gap is recent, not forever after an indicator is
// retired.
func stoppedBefore(ind app.Indicator, k app.SeriesKey, q app.Period, s *Series, obs []app.Observation, stray, window int) (Flag, bool) {
	last := s.Point(s.Len() - 1)
	if q.Index()-last.Period.Index() > window {
		return Flag{}, false
	}
	var o *app.Observation
	if stray >= 0 {
		o = &obs[stray]
	}
	return Flag{Ref: k.Ref, Area: k.Area, Period: q, Kind: MissingMonth, Detail: missingWords(ind, q, s, "") + strayWords(ind, o)}, true
}

// missingWords says period q of series s has no figure, due (", due
// Sep-26" or "") after it, and what its last figure was. Last year's
// outturn standing in is no figure of its period (README, stand-ins), so
// the last figure named is the last of the period's own, the stand-in
// said as one: "no figure for Apr-25 (last figure Feb-25: 11.0%; Mar-25:
// last year's outturn 12.5% stood in)".
func missingWords(ind app.Indicator, q app.Period, s *Series, due string) string {
	var said []string
	for i := s.Len() - 1; i >= 0; i-- {
		if pt := s.Point(i); !pt.StandIn && !pt.Missing {
			said = append(said, "last figure "+pt.Period.Label()+": "+pointText(ind, pt))
			break
		}
	}
	if last := s.Point(s.Len() - 1); last.StandIn {
		said = append(said, last.Period.Label()+": last year's outturn "+pointText(ind, last)+" stood in")
	}
	text := "no figure for " + q.Label() + due
	if len(said) > 0 {
		text += " (" + strings.Join(said, "; ") + ")"
	}
	return text
}

// placesApart is ind with enough decimal places to write a and b apart
// where both are figures that differ; ind itself otherwise.
func placesApart(ind app.Indicator, a, b *float64) app.Indicator {
	if a == nil || b == nil || *a == *b {
		return ind
	}
	for d := max(ind.Decimals, 0); d <= 9; d++ {
		apart := ind
		apart.Decimals = d
		if app.FormatValue(apart, *a) != app.FormatValue(apart, *b) {
			return apart
		}
	}
	return ind
}

func pointText(ind app.Indicator, p Point) string {
	return observationText(ind, p.Value, p.Status, "")
}

func observationText(ind app.Indicator, v *float64, st app.Status, raw string) string {
	switch {
	case v != nil:
		return app.FormatValue(ind, *v)
	case raw != "":
		return raw
	case st != app.OK:
		return "[" + string(st) + "]"
	}
	return "no figure"
}

func arrowWords(a app.Arrow) string {
	if a == app.Across {
		return "no change"
	}
	return string(a)
}
