package views

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"scorecard/app"
	"scorecard/app/benchmark"
	"scorecard/app/cohort"
	"scorecard/app/trend"
)

// sparkPoints is how many months the scorecard's sparkline shows: a year,
// enough to see a trend without crowding the row.
const sparkPoints = 12

// scoreRow is one line of the scorecard as shown: an indicator's figure
// for the chosen period and area, rated, with its recent history.
type scoreRow struct {
	ind      app.Indicator
	cur      app.Observation
	hasCur   bool
	prev     app.Observation
	hasPrev  bool
	target   app.Target
	hasTgt   bool
	rag      app.RAG
	dot      app.DoT
	arrow    app.Arrow
	change   float64 // current minus previous, in the indicator's unit
	hasDelta bool
	spark    []float64 // the last sparkPoints months, NaN where there is no figure
	flags    []string  // the kinds of flag raised: "rag-change", "special-cause", ...
	// variation is the Making Data Count icon; reading says it in words.
	variation trend.Variation
	tooFew    bool
	reading   string
	// notes say in words what the app adds beside trend's flags, such as
	// why a figure cannot be excluded.
	notes []string
	// offCycle is what the Current cell says (trend.OffCycle.Word) of a
	// series reported by periods longer than the one shown (a quarter or
	// a year in a monthly scorecard) with no figure in it: "quarterly"
	// or "annual" between its figures, or "missing" while its next is
	// overdue, as flags has it; its notes say its latest figure, by its
	// own period, and when the next is due (trend.OffCycle.Note).
	offCycle string
	// bench is the benchmarks shown beside the figure (England's, the
	// region's and the neighbours' columns), from the year bench.Year,
	// always for all children.
	bench    benchmark.Shown
	hasBench bool
}

// view is what the controls choose: which period, area and cohorts the
// window shows. Every screen reads from the same view, so a toggle
// changes them all at once.
type view struct {
	// auth is whose figures these are: its districts' identities are
	// what a cohort's exclusion proves.
	auth    *app.Authority
	stored  *app.History
	shown   *app.History // stored, with the chosen cohorts excluded
	period  app.Period
	area    app.Area
	cohorts []app.Cohort
	// warnings from the last exclusion: disagreements between a source's
	// own excluding figures and the arithmetic.
	warnings []app.Warning
	// disagrees notes, by figure of the shown history, those of a
	// source's own figures excluding the cohorts that cannot be right.
	disagrees map[figureAt]string
	// excluded caches each cohort set's History, so toggling back and forth
	// redraws without recomputing.
	excluded map[string]excludedHistory
	// besides caches the benchmarks beside each period's figures by
	// indicator. They are for all children whatever is excluded, so a
	// cohort toggle reuses them.
	besides map[app.Period]map[string]benchmark.Shown
}

type excludedHistory struct {
	h         *app.History
	warnings  []app.Warning
	disagrees map[figureAt]string
}

// figureAt names one figure: a period of a series.
type figureAt struct {
	k app.SeriesKey
	p app.Period
}

// newView shows h at its latest period for auth, all children.
func newView(h *app.History, auth *app.Authority) *view {
	v := &view{area: auth.Area(), auth: auth}
	v.setHistory(h)
	return v
}

// setHistory replaces the stored history (after an import or undo),
// keeping the chosen period when it still has figures.
func (v *view) setHistory(h *app.History) {
	v.stored = h
	v.excluded = map[string]excludedHistory{}
	v.besides = map[app.Period]map[string]benchmark.Shown{}
	if ps := h.Periods(); v.period.IsZero() || !slices.Contains(ps, v.period) {
		v.period = h.Latest()
	}
	v.exclude(v.cohorts)
}

// exclude recomputes the shown history without the cohorts cs.
func (v *view) exclude(cs []app.Cohort) {
	cs = slices.Clone(cs)
	slices.Sort(cs)
	v.cohorts = cs
	key := string(app.Excluding(cs...))
	e, ok := v.excluded[key]
	if !ok {
		var ds []cohort.Disagreement
		e.h, e.warnings, ds = cohort.ExcludeNoted(v.stored, cs, v.auth)
		for _, d := range ds {
			if e.disagrees == nil {
				e.disagrees = map[figureAt]string{}
			}
			e.disagrees[figureAt{app.SeriesKey{Ref: d.Ref, Area: d.Area}, d.Period}] = d.Note()
		}
		v.excluded[key] = e
	}
	v.shown, v.warnings, v.disagrees = e.h, e.warnings, e.disagrees
}

// setCohort switches one cohort's exclusion on or off.
func (v *view) setCohort(c app.Cohort, on bool) {
	cs := slices.DeleteFunc(slices.Clone(v.cohorts), func(x app.Cohort) bool { return x == c })
	if on {
		cs = append(cs, c)
	}
	v.exclude(cs)
}

// excluding reports whether cohort c is excluded.
func (v *view) excluding(c app.Cohort) bool { return slices.Contains(v.cohorts, c) }

// periods lists the periods with figures, newest first, as the picker
// offers them: months, or the years or quarters of a store of yearly or
// quarterly figures alone.
func (v *view) periods() []app.Period {
	ps := v.stored.Periods()
	slices.Reverse(ps)
	return ps
}

// key returns the shown series for an indicator in the chosen area.
func (v *view) key(ref string) app.SeriesKey {
	return app.SeriesKey{Ref: ref, Area: v.area, Split: app.All}
}

// rows builds the scorecard for the chosen period and area, in scorecard
// order.
func (v *view) rows() []scoreRow {
	inds := v.circulating()
	rows := make([]scoreRow, 0, len(inds))
	for _, ind := range inds {
		rows = append(rows, v.row(ind, v.area))
	}
	return rows
}

// circulating is the indicators the scorecard of the chosen period
// shows: those retired by then left out (app.History.InCirculation), as
// the exports, the brief and flags leave them out (retiredWords says so).
func (v *view) circulating() []app.Indicator {
	var out []app.Indicator
	for _, ind := range v.shown.Indicators() {
		if v.stored.InCirculation(ind.Ref, v.period) {
			out = append(out, ind)
		}
	}
	return out
}

// retiredWords says which indicators the chosen period's scorecard
// leaves out as retired, in the export's words, a line each: "" when none.
func (v *view) retiredWords() string {
	var lines []string
	for _, ind := range v.stored.Indicators() {
		if w := v.stored.RetiredWords(ind, v.period); w != "" {
			lines = append(lines, w+".")
		}
	}
	return strings.Join(lines, "\n")
}

// row rates one indicator in one area for the chosen period, as trend
// analyses it: RAG, direction of travel, change, signal and flags, as the
// series stood at that period.
func (v *view) row(ind app.Indicator, area app.Area) scoreRow {
	h := v.shown
	k := app.SeriesKey{Ref: ind.Ref, Area: area, Split: app.All}
	r := scoreRow{ind: ind}
	r.cur, r.hasCur = h.Observation(k, v.period)
	r.prev, r.hasPrev = h.Observation(k, v.period.Add(-1))
	r.target, r.hasTgt = h.TargetFor(ind, v.period)
	// Until the end of a year shown in the period that ends after it
	// (2024/25 AY in 2024/25), or the row would lose it.
	s := trend.AnalyseSeries(h, k, trend.Options{Until: h.AnalysedUntil(k, v.period)})
	if pt, ok := s.At(v.period); ok {
		if pt.Period.IsYear() && pt.Period.Kind != v.period.Kind {
			// A year reported in a period of another kind (2024/25 in
			// Mar-25; the workforce census's calendar year in 2024/25):
			// its own figure and the year's before, as the export shows.
			r.cur, r.hasCur = h.Observation(k, pt.Period)
			r.prev, r.hasPrev = h.Observation(k, pt.Period.Add(-1))
		}
		if pt.Period.Kind == app.Quarter && v.period.Kind == app.Month {
			if o, ok := h.Observation(k, pt.Period); ok {
				// Filed under its quarters (a quarterly scorecard's), in
				// the month its quarter ends: the quarter's figure and
				// the quarter's before, as the export shows them (QA30
				// finding 7).
				r.cur, r.hasCur = o, true
				r.prev, r.hasPrev = h.Observation(k, pt.Period.Add(-1))
			} else {
				// Given in the months its quarters end: the quarter
				// before is the month three before.
				r.prev, r.hasPrev = h.Observation(k, v.period.Add(-3))
			}
		}
		r.rag, r.dot, r.arrow = pt.RAG, pt.DoT, pt.Movement
		if pt.Change != nil {
			r.change, r.hasDelta = *pt.Change, true
		}
		if pt.ChangeLag > 0 {
			// A year-to-date figure's change is on the same month last
			// year: the Previous column shows that month, so the two agree.
			r.prev, r.hasPrev = h.Observation(k, v.period.Add(-pt.ChangeLag))
		}
		r.flags = slices.Clone(pt.Flags)
		r.variation, r.tooFew = pt.Variation, pt.Signal == trend.TooFewPoints
		r.reading = pt.VariationReading
		if pt.AssuranceReading != "" {
			r.reading += ". " + pt.AssuranceReading
		}
	} else if o, ok := s.OffCycleAt(v.period); ok {
		// A quarterly indicator in a month no quarter ends: a blank
		// Current cell reads as a figure missing (QA23c D10). Its latest
		// quarter is said as that quarter's, as the pack says it, and
		// neither rated nor shown as the month's.
		r.offCycle = o.Word(v.period)
		r.notes = append(r.notes, strings.TrimPrefix(o.Note(ind, v.period), ind.Ref+" "+ind.Name+": "))
	}
	r.spark = recent(h.Series(k), v.period, sparkPoints)
	r.bench, r.hasBench = v.benchmarks(ind.Ref)
	// The Region column is headed "Region", not by its name as the
	// workbook's is: a figure of another region than the authority's (a
	// store whose authority was changed) is said, as is a region's later
	// figure the column leaves out (benchmark.Shown.Unshown).
	if b := r.bench.Region; b != nil && b.Group != v.auth.Region {
		r.notes = append(r.notes, fmt.Sprintf("the Region column shows %s's figure; %s is in %s", b.Group, v.auth.Name, v.auth.Region))
	}
	if u := r.bench.Unshown(); u != "" {
		r.notes = append(r.notes, u)
	}
	if r.cur.Status == app.CannotExclude {
		r.flags = append(r.flags, "not excludable")
		r.notes = append(r.notes, r.cur.Raw)
	}
	if d := v.disagrees[figureAt{k, v.period}]; d != "" {
		r.flags = append(r.flags, trend.ExcludingDisagrees)
		r.notes = append(r.notes, d)
	}
	return r
}

// benchmarks returns what benchmark.Beside shows beside indicator ref for
// the chosen period. They come from the stored history, not the shown one:
// a published benchmark counts all children, and no exclusion can be
// applied to it.
func (v *view) benchmarks(ref string) (benchmark.Shown, bool) {
	byRef, ok := v.besides[v.period]
	if !ok {
		byRef = map[string]benchmark.Shown{}
		for _, ind := range v.stored.Indicators() {
			if s, ok := benchmark.Beside(v.stored, ind.Ref, v.period); ok {
				byRef[ind.Ref] = s
			}
		}
		v.besides[v.period] = byRef
	}
	s, ok := byRef[ref]
	return s, ok
}

// flagDetails says in words what each of a row's flags means. Only the
// highlighted row needs them, so they are written on demand rather than
// for every series on every toggle.
func (v *view) flagDetails(r *scoreRow) []string {
	k := app.SeriesKey{Ref: r.ind.Ref, Area: v.area, Split: app.All}
	var out []string
	s := trend.AnalyseSeries(v.shown, k, trend.Options{Until: v.shown.AnalysedUntil(k, v.period), Details: true})
	if pt, ok := s.At(v.period); ok {
		out = append(out, pt.FlagDetails...)
	}
	return append(out, r.notes...)
}

// recent returns the n periods of s of p's kind (months; the years of a
// store of yearly figures alone) up to and including p, oldest first,
// with NaN for periods without a figure.
func recent(s []app.Observation, p app.Period, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = math.NaN()
	}
	first := p.Add(1 - n)
	for _, o := range s {
		at := o.Period
		if at.Kind == app.Quarter && p.Kind == app.Month {
			// A quarter filed as such is drawn at the month it ends, as
			// one given in that month is.
			end := at.End()
			at = app.MonthOf(end.Year(), end.Month())
		}
		if at.Kind != p.Kind || at.Compare(first) < 0 || at.Compare(p) > 0 {
			continue
		}
		if f, ok := o.Figure(); ok {
			out[at.Index()-first.Index()] = f
		}
	}
	return out
}

// formatValue writes a figure at the indicator's displayed precision, with
// its unit where scorecards show one; a status code is shown as the code,
// never as nought.
func formatValue(ind app.Indicator, o app.Observation) string {
	f, ok := o.Figure()
	if !ok {
		switch {
		case o.Status == app.CannotExclude:
			return "n/e"
		case o.Status != app.OK:
			return o.Status.String()
		case o.Raw != "":
			return o.Raw
		}
		return ""
	}
	return formatNumber(ind, f)
}

// formatNumber writes f at the indicator's precision, with a % sign for a
// percentage: the table's columns say the other units once in their
// heading.
func formatNumber(ind app.Indicator, f float64) string {
	s := app.FormatNumber(f, ind.Decimals)
	if ind.Unit == app.Percent {
		s += "%"
	}
	return s
}

// formatTarget writes a target or floor, or a dash when none is set.
func formatTarget(ind app.Indicator, f *float64) string {
	if f == nil {
		return "-"
	}
	return formatNumber(ind, *f)
}

// formatChange writes a change with its sign, in percentage points for a
// percentage, since "up 2%" of a percentage is ambiguous.
func formatChange(ind app.Indicator, d float64) string {
	sign := "+"
	if app.RoundTo(d, ind.Decimals) < 0 {
		sign = "-"
	}
	s := sign + app.FormatNumber(math.Abs(d), ind.Decimals)
	if ind.Unit == app.Percent {
		s += " pp"
	}
	return s
}

func groupThousands(s string) string {
	sign := ""
	if s != "" && (s[0] == '-' || s[0] == '+') {
		sign, s = s[:1], s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if len(whole) <= 3 {
		return sign + s
	}
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}
