package main

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"text/tabwriter"

	"scorecard/app"
	"scorecard/app/benchmark"
	"scorecard/app/cohort"
	"scorecard/app/store"
	"scorecard/app/trend"
)

// view is the history as the options ask to see it: the store's figures
// with the cohorts excluded, and the period and area chosen.
type view struct {
	h        *app.History
	all      *app.History // the figures before --exclude: h is all's, excluding the cohorts
	excluded []app.Cohort
	area     app.Area
	period   app.Period
	auth     *app.Authority // the store's
	// one is the indicator whose records alone the view holds, every
	// area's (loadViewOf); empty when it holds the whole store.
	one string
	// disagrees notes, by figure, the source's own figures excluding the
	// cohorts that cannot be right as given (cohort.Disagreement).
	disagrees map[figure]string
}

// figure names one figure of the view: a period of a series.
type figure struct {
	k app.SeriesKey
	p app.Period
}

// loadView reads the store and applies --exclude, --area and --period.
func loadView(e *env) (*view, error) { return loadViewOf(e, "") }

// loadViewOf is loadView reading, when ref is not empty and no cohort is
// excluded, only that indicator's records, every area's, and every
// definition: show prints one area's figures, but the release that marks
// which of them are not for circulation needs every area's, and what the
// store says of the indicator (noteCalendarDfE) is said whichever area is
// shown, as the reading commands that read the whole store say it.
// Excluding a cohort reads the whole store: a district's figure
// excluding it is proved against the county's, and a rate's through the
// count indicator that is its count (cohort.ExcludeIn), so one
// indicator's records alone would say "cannot be recomputed" where the
// export gives the figure.
func loadViewOf(e *env, ref string) (*view, error) {
	excluded, err := app.ParseCohorts(e.exclude)
	if err != nil {
		return nil, usagef("--exclude: %v", err)
	}
	auth, err := loadAuthority(e)
	if err != nil {
		return nil, err
	}
	v := &view{excluded: excluded, auth: auth}
	// An area the authority does not have may be one an import kept
	// under its own name: the history, once read, says.
	var areaErr error
	v.area, areaErr = parseArea(auth, e.area)
	if e.period != "" {
		if v.period, err = parsePeriodArg(e); err != nil {
			return nil, err
		}
	}
	load := loadHistory
	if ref != "" && len(excluded) == 0 {
		// An area kept under its own name is found among every area's.
		load = func(e *env) (*app.History, error) {
			return readStore(e, func(st store.Store) (*app.History, error) { return st.LoadIndicator(ref) })
		}
		v.one = ref
	}
	h, err := load(e)
	if err != nil {
		return nil, err
	}
	if areaErr != nil {
		a, ok := heldArea(h, e.area)
		if !ok {
			return nil, areaErr
		}
		v.area = a
	}
	if len(h.Indicators()) == 0 {
		return nil, fmt.Errorf("%s: the store holds no data yet (scorecard import FILE, or scorecard demo)", e.db)
	}
	for _, c := range excluded {
		if !knownCohort(h, c) {
			return nil, unknownCohort(h, c)
		}
	}
	v.all = h
	noteCalendarDfE(e, h)
	var ds []cohort.Disagreement
	// Where one indicator is shown, only its notes are looked for; with
	// ref empty (the view of every indicator) every indicator's are.
	v.h, _, ds = cohort.ExcludeNotedOf(h, excluded, auth, ref)
	for _, d := range ds {
		if v.disagrees == nil {
			v.disagrees = map[figure]string{}
		}
		v.disagrees[figure{app.SeriesKey{Ref: d.Ref, Area: d.Area}, d.Period}] = d.Note()
	}
	return v, nil
}

// knownCohort reports whether the store's figures are split by c: as a
// cohort's own figures, or figures excluding it. A cohort members often
// ask about (UASC, OLA) but that no figure is split by cannot be
// excluded from anything, and a report titled "excluding" it would
// circulate all children's figures under that title: it is refused, as a
// typo is.
//
// A cohort every indicator is defined not to count (a workforce
// scorecard's UASC) is known too: excluding it leaves the figures as they
// are, which is the report asked for, not a mistake (app.Excludable).
func knownCohort(h *app.History, c app.Cohort) bool { return h.Excludable(c) }

// unknownCohort is the one line refusing --exclude c, which the store's
// figures are not split by (knownCohort), naming the cohorts they are.
func unknownCohort(h *app.History, c app.Cohort) error {
	return fmt.Errorf("--exclude %s: %s", c, h.WhyNotExcludable(c))
}

func areaNames(auth *app.Authority) string {
	areas := auth.Areas()
	names := make([]string, len(areas))
	for i, a := range areas {
		names[i] = string(a)
	}
	return strings.Join(names, ", ")
}

// showReport is the contract's show --json object, with the benchmarks
// and the published quarterly and annual figures beside the points.
type showReport struct {
	Ref        string          `json:"ref"`
	Name       string          `json:"name"`
	Polarity   app.Polarity    `json:"polarity"`
	Unit       app.Unit        `json:"unit"`
	Owner      string          `json:"owner,omitempty"`
	Area       app.Area        `json:"area"`
	Excluded   []app.Cohort    `json:"excluded"`
	Points     []showPoint     `json:"points"`
	Quarterly  []showPoint     `json:"quarterly,omitempty"`
	Annual     []showPoint     `json:"annual,omitempty"`
	Benchmarks []showBenchmark `json:"benchmarks"`
	// Retired is the period the indicator was retired from (scorecard
	// retire), absent while it is in circulation.
	Retired *app.Period `json:"retired,omitempty"`
	// Suppress is the threshold of the release for circulation whose
	// withheld figures the points mark not_for_circulation (--suppress).
	Suppress int `json:"suppress"`
}

// holdsNonFinite reports whether a number the report prints is infinite
// or not a number, which JSON cannot hold (a store written before imports
// refused them can hold such a figure), so that show clears them before
// marshalling rather than marshal most of a long history, fail and marshal
// it again. Every number it looks at is one json.Marshal writes
// (TestShowHoldsNonFinite); one it does not look at is still found by
// writeJSON's marshalling failing.
func (r *showReport) holdsNonFinite() bool {
	for _, pts := range [][]showPoint{r.Points, r.Quarterly, r.Annual} {
		for i := range pts {
			if pointHoldsNonFinite(&pts[i].Point) {
				return true
			}
		}
	}
	for _, b := range r.Benchmarks {
		if nonFinite(b.Value) {
			return true
		}
	}
	return false
}

func pointHoldsNonFinite(p *trend.Point) bool {
	for _, f := range [...]*float64{p.Value, p.Numerator, p.Denominator, p.Target, p.Floor, p.Change,
		p.Tolerance, p.RelativeChange, p.LastYear, p.LastYearChange} {
		if nonFinite(f) {
			return true
		}
	}
	if nonFinite(&p.Trend.Slope) || nonFinite(&p.Trend.Change) {
		return true
	}
	if c := p.Chart; c != nil && (nonFinite(&c.Mean) || nonFinite(&c.Upper) || nonFinite(&c.Lower)) {
		return true
	}
	c := p.Children
	return c != nil && (nonFinite(&c.PerChild) || nonFinite(c.WilsonLow) || nonFinite(c.WilsonHigh))
}

// nonFinite reports whether f points to an infinite number or NaN.
func nonFinite(f *float64) bool { return f != nil && (math.IsInf(*f, 0) || math.IsNaN(*f)) }

// showPoint is an analysed point and, for a figure that could not be
// recomputed without the excluded cohorts, the reason why; for a
// source's own figure excluding them that cannot be right, what
// disagrees (cohort.Disagreement).
type showPoint struct {
	trend.Point
	Reason    string `json:"reason,omitempty"`
	Disagrees string `json:"source_disagrees,omitempty"`
	// NotForCirculation marks a figure the release for circulation
	// withholds (the export's and the brief's, at the report's
	// Suppress): show uses it, an e-mail must not.
	NotForCirculation bool `json:"not_for_circulation,omitempty"`
	// ChangeNotForCirculation marks a change from a figure the release
	// withholds, which the change and this figure give away.
	ChangeNotForCirculation bool `json:"change_not_for_circulation,omitempty"`
	// LastYearNotForCirculation marks last_year, the figure a year
	// before, where the release withholds it, and last_year_change,
	// which with this figure gives it away.
	LastYearNotForCirculation bool `json:"last_year_not_for_circulation,omitempty"`
}

// showBenchmark is a benchmark as show lists it. The previous year's
// outturn among them is the authority's own figure for the year, which
// the release for circulation may withhold as it would the year's.
type showBenchmark struct {
	app.Benchmark
	// NotForCirculation marks a figure the release withholds, as a
	// point's does.
	NotForCirculation bool `json:"not_for_circulation,omitempty"`
}

// showHeapFloor is the heap show may grow to before the garbage
// collector runs: printing eight times five years of monthly history
// makes a few megabytes of it.
const showHeapFloor = 32 << 20

func runShow(e *env, args []string) error {
	if len(args) != 1 {
		return usagef("name one indicator, e.g. scorecard show CIC05 (scorecard list shows them)")
	}
	if e.suppress < 0 {
		return usagef("--suppress takes a count, e.g. 5")
	}
	// A long history's points make a heap of a few megabytes, which Go
	// would collect several times over before the command ends.
	defer collectLess(showHeapFloor)()
	one := ""
	if showReadsOne {
		one = args[0]
	}
	v, err := loadViewOf(e, one)
	if err != nil {
		return err
	}
	ind, ok := v.h.Indicator(args[0])
	if !ok {
		return fmt.Errorf("%s: no indicator %q (scorecard list shows them)", e.db, args[0])
	}
	key := app.SeriesKey{Ref: ind.Ref, Area: v.area, Split: app.All}
	r := showReport{Ref: ind.Ref, Name: ind.Name, Polarity: ind.Polarity, Unit: ind.Unit, Owner: ind.Owner, Area: v.area,
		Excluded: append([]app.Cohort{}, v.excluded...)}
	named := benchmark.Named(v.h.Benchmarks(ind.Ref), v.auth)
	r.Benchmarks = make([]showBenchmark, len(named))
	for i, b := range named {
		r.Benchmarks[i].Benchmark = b
	}
	retired, isRetired := v.h.Retirement(ind.Ref)
	if isRetired {
		r.Retired = &retired.From
	}
	if points := trend.Analyse(v.h, key, analysisOptions()); len(points) > 0 {
		r.Points = make([]showPoint, len(points))
		for i, p := range points {
			r.Points[i] = v.explained(key, p)
		}
	}
	noteClashes(v.h, key, ind, r.Points)
	// Published quarterly and annual figures (DfE's, say) beside a series
	// of shorter periods are left out of its analysis; they are listed
	// apart, each kind analysed alone.
	if len(r.Points) > 0 {
		r.Quarterly, r.Annual = v.longerPeriods(key, r.Points[0].Period.Kind)
	}
	if len(r.Points) == 0 {
		return fmt.Errorf("%s: %s has no figures for %s", e.db, ind.Ref, v.area)
	}
	marked, err := v.markWithheld(e, key, &r)
	if err != nil {
		return err
	}
	if e.json {
		if r.holdsNonFinite() {
			return writeJSON(e, withoutNonFinite(r))
		}
		b, err := marshalShow(&r)
		if err != nil {
			return err
		}
		return writeIndented(e, b)
	}
	fmt.Fprintf(e.out, "%s %s (%s, polarity %s, %s)\n", ind.Ref, ind.Name, v.area, orDash(ind.Polarity.String()), ind.Unit)
	if ind.Owner != "" {
		fmt.Fprintf(e.out, "Owner: %s\n", ind.Owner)
	}
	if isRetired {
		fmt.Fprintf(e.out, "Retired from %s (edit %s): left out of what is circulated from then on; scorecard retire --undo %s puts it back\n", retired.From.Label(), retired.Import, ind.Ref)
	}
	if len(v.excluded) > 0 {
		fmt.Fprintf(e.out, "%s\n", app.Excluding(v.excluded...).Label())
	}
	if err := writePoints(e, ind, r.Points); err != nil {
		return err
	}
	for _, apart := range []struct {
		what   string
		points []showPoint
	}{{"quarterly", r.Quarterly}, {"annual", r.Annual}} {
		if len(apart.points) > 0 {
			fmt.Fprintf(e.out, "\nPublished %s figures:\n", apart.what)
			if err := writePoints(e, ind, apart.points); err != nil {
				return err
			}
		}
	}
	if len(r.Benchmarks) > 0 {
		// Published benchmarks count all children; beside figures
		// excluding a cohort they would otherwise read as like for like.
		if len(v.excluded) > 0 {
			fmt.Fprintln(e.out, "\nBenchmarks (all children):")
		} else {
			fmt.Fprintln(e.out, "\nBenchmarks:")
		}
		tw := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "PERIOD\tGROUP\tVALUE\tRANK")
		for _, b := range r.Benchmarks {
			value := number(b.Value, b.Shown(ind).Decimals)
			if b.Status != app.OK {
				value = b.Status.String()
			}
			if b.NotForCirculation {
				value += " " + notForCirculation
			}
			rank := "-"
			if b.Rank > 0 {
				rank = fmt.Sprintf("%d of %d (%s)", b.Rank, b.OutOf, b.Quartile)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", periodCell(b.Period), benchmark.Label(b.Benchmark, v.auth), value, rank)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if err := writeDisagreements(e, r.Points, r.Quarterly, r.Annual); err != nil {
		return err
	}
	var notes []string
	for _, p := range r.Points {
		if p.Reason != "" {
			notes = append(notes, fmt.Sprintf("%s cannot be recomputed: %s", p.Period, p.Reason))
		}
	}
	for i, n := range notes {
		if i == 5 {
			fmt.Fprintf(e.out, "... and %d more that cannot be recomputed\n", len(notes)-i)
			break
		}
		fmt.Fprintln(e.out, n)
	}
	if marked {
		fmt.Fprintln(e.out, notForCirculationNote(e.suppress))
	}
	return nil
}

// explained adds to an analysed point the reason a figure could not be
// recomputed without the excluded cohorts.
func (v *view) explained(k app.SeriesKey, p trend.Point) showPoint {
	sp := showPoint{Point: p, Disagrees: v.disagrees[figure{k, p.Period}]}
	if p.Status == app.CannotExclude {
		if o, ok := v.h.Observation(k, p.Period); ok {
			sp.Reason = o.Raw
		}
	}
	return sp
}

// longerPeriods returns the figures of k for periods longer than the
// series' own kind, analysed a kind of period at a time: quarters beside
// months, and years (of each kind) beside months or quarters. Analysed
// together, the series' kind would be chosen again and the rest dropped.
func (v *view) longerPeriods(k app.SeriesKey, kind app.PeriodKind) (quarterly, annual []showPoint) {
	for _, longer := range []app.PeriodKind{app.Quarter, app.FinancialYear, app.AcademicYear, app.CalendarYear} {
		if longer <= kind {
			continue
		}
		var figs []app.Observation
		for _, o := range v.h.Series(k) {
			if o.Period.Kind == longer {
				figs = append(figs, o)
			}
		}
		if len(figs) == 0 {
			continue
		}
		apart := v.h.Clone()
		apart.SetSeries(k, figs)
		for _, p := range trend.Analyse(apart, k, analysisOptions()) {
			if longer == app.Quarter {
				quarterly = append(quarterly, v.explained(k, p))
			} else {
				annual = append(annual, v.explained(k, p))
			}
		}
	}
	return quarterly, annual
}

// noteClashes says, at each quarter or year of points that a series
// gives two disagreeing figures for (trend.Clash: one in the column of
// the month that ends it, analysed, and one for the period itself, such
// as DfE's published year), what the other figure is: the analysis uses
// one, and the other must not be hidden (QA24a D11).
func noteClashes(h *app.History, k app.SeriesKey, ind app.Indicator, points []showPoint) {
	for _, c := range trend.Clashes(h, k) {
		if c.Agree(ind) {
			continue
		}
		for i := range points {
			if p := &points[i]; p.Period == c.Kept.Period {
				if p.Disagrees != "" {
					p.Disagrees += "; "
				}
				p.Disagrees += c.Text(ind)
			}
		}
	}
}

// periodCell writes a period for a table's PERIOD column: the contract's
// form, which --period takes, and for a quarter its months beside it,
// "2024-Q3 (Jul-Sep 2024)", since an English council numbers quarters by
// the financial year and would read 2024-Q3 as October to December.
func periodCell(p app.Period) string { return indicatorPeriodCell(app.Indicator{}, p) }

// indicatorPeriodCell is periodCell for a figure of ind: the months beside
// a year-to-date quarter are those its figure takes in, "2024-Q3 (Apr-Sep
// 2024)" (app.Indicator.PeriodLabel).
func indicatorPeriodCell(ind app.Indicator, p app.Period) string {
	if p.Kind == app.Quarter {
		return p.String() + " (" + ind.PeriodLabel(p) + ")"
	}
	return p.String()
}

// writePoints prints analysed points as a table; a stand-in (last year's
// outturn shown in place of a figure not yet available) is marked.
func writePoints(e *env, ind app.Indicator, points []showPoint) error {
	tw := tabwriter.NewWriter(e.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PERIOD\tVALUE\tNUM\tDEN\tTARGET\tFLOOR\tRAG\tDOT\tCHANGE\tSIGNAL\tFLAGS")
	standIns, disagrees := false, false
	for _, p := range points {
		value := number(p.Value, ind.Decimals)
		if p.Status != app.OK {
			value = p.Status.String()
		}
		if p.StandIn {
			value += " (s)"
			standIns = true
		}
		if p.NotForCirculation {
			value += " " + notForCirculation
		}
		if p.Disagrees != "" {
			value += " (!)"
			disagrees = true
		}
		change := number(p.Change, ind.Decimals)
		if p.Change != nil && p.ChangeUnit != "" {
			change += " " + p.ChangeUnit
		}
		if p.ChangeNotForCirculation && !p.NotForCirculation {
			change += " " + notForCirculation // a row's mark is said once
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", indicatorPeriodCell(ind, p.Period), value,
			number(p.Numerator, 0), number(p.Denominator, 0), number(p.Target, ind.Decimals), number(p.Floor, ind.Decimals),
			orDash(p.RAG.String()), orDash(string(p.DoT)), change, orDash(p.Signal.String()), strings.Join(p.Flags, ","))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if standIns {
		fmt.Fprintln(e.out, "(s) last year's outturn standing in for a figure not yet available; not used in the analysis")
	}
	if i := slices.IndexFunc(points, func(p showPoint) bool { return p.ChangeLag > 0 }); i >= 0 {
		// A year to date given by quarter is against the same quarter.
		fmt.Fprintln(e.out, "Year to date: DOT and CHANGE are against the same "+points[i].Period.Kind.Word()+" last year; no SPC chart of cumulative figures")
	}
	if disagrees {
		fmt.Fprintln(e.out, "(!) a figure that another figure for the same period disagrees with: see below")
	}
	return nil
}

// writeDisagreements says, after the tables, what disagrees in each
// figure marked (!), the first few in full.
func writeDisagreements(e *env, points ...[]showPoint) error {
	var notes []string
	for _, pts := range points {
		for _, p := range pts {
			if p.Disagrees != "" {
				notes = append(notes, fmt.Sprintf("(!) %s: %s", p.Period, p.Disagrees))
			}
		}
	}
	for i, n := range notes {
		if i == 5 {
			_, err := fmt.Fprintf(e.out, "(!) ... and %d more periods where the source's own figure disagrees\n", len(notes)-i)
			return err
		}
		if _, err := fmt.Fprintln(e.out, n); err != nil {
			return err
		}
	}
	return nil
}
