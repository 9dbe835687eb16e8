package export

import (
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/app/trend"
)

// iconFills tint the variation cell in the Making Data Count colours:
// blue improvement, orange concern, grey common cause, purple neither.
var iconFills = map[string]string{"blue": "BDD7EE", "orange": "F8CBAD", "grey": "E7E6E6", "purple": "D9C3E9"}

// iconCell says the point's Making Data Count icons in words, tinted as
// the variation icon is coloured, with the icons' names for a note.
func iconCell(p *trend.Point, base look) (l look, terms string) {
	l = base
	if p == nil {
		return l, ""
	}
	var names []string
	if p.Variation != trend.NoVariation {
		names = append(names, "variation: "+p.Variation.String())
	}
	if p.Assurance != trend.NoAssurance {
		names = append(names, "assurance: "+p.Assurance.Icon())
	}
	if len(names) == 0 {
		return l, ""
	}
	l.fill = iconFills[p.Variation.Colour()]
	return l, "Making Data Count icons: " + strings.Join(names, ", ")
}

// outturn returns the indicator's previous-year outturn: its own figure
// for the year before the target year in force, with a note saying how
// it was found where it is not the outturn as given.
//
// The outturn benchmark is all children's. Excluding cohorts, the
// outturn shown is the year's own figure recomputed without them, where
// the history holds one, or the figure for the year's last month without
// them where that month's figure is the outturn (outturnAtYearEnd);
// otherwise a figure marked app.CannotExclude with the reason, never all
// children's figure under an excluding title. A measure none of the
// cohorts can be counted in (a workforce measure, or one of schools or
// pupils the source gives no split of: cohort.Affects) keeps its outturn
// as it keeps its figures.
func (b *book) outturn(ind app.Indicator) (o app.Observation, note string, ok bool) {
	y := ind.TargetYear(b.period).Add(-1)
	var all *app.Benchmark
	for _, bm := range b.h.Benchmarks(ind.Ref) {
		// An outturn a scorecard gives is its authority's: a district's
		// export printed Kent's 612 as Dover's (QA probe 11), and takes
		// the district's own year instead.
		if bm.Group == app.OutturnGroup && bm.Period == y && b.opt.Area == b.opt.authority().Area() {
			all = &bm
			break
		}
	}
	if len(b.opt.Exclude) == 0 || !cohort.Affects(b.h, ind, b.opt.Area, b.opt.Exclude) {
		// A scorecard giving the year beside its months (2023/24 beside
		// Apr-24) holds it as the year's own figure, not an outturn; of
		// the two, the later import's says the year as it now stands (a
		// correction of the year after the workbook's outturn).
		own, ok := b.yearFigure(ind, y)
		if all != nil && (!ok || !app.ImportAfter(own.Import, all.Import)) {
			return app.Observation{Ref: ind.Ref, Period: y, Value: all.Value, Status: all.Status}, "", true
		}
		if !ok && all == nil {
			return b.yearEndFigure(ind, y)
		}
		return own, "", ok
	}
	o, note, ok = b.excludedYear(ind, y, all)
	if !ok && all == nil {
		return app.Observation{}, "", false
	}
	return o, note, true
}

// excludedYear returns the indicator's figure for year y excluding the
// export's cohorts: recomputed from the history's own figures for the
// year, or the year's last month's figure where all, the outturn for all
// children, is that month's (outturnAtYearEnd), with a note saying so;
// failing both, a figure marked app.CannotExclude saying why, and false.
func (b *book) excludedYear(ind app.Indicator, y app.Period, all *app.Benchmark) (o app.Observation, note string, ok bool) {
	own, held := b.yearFigure(ind, y)
	if held && own.Status != app.CannotExclude {
		return own, "", true
	}
	if all == nil && held {
		// The year's own figure for all children (a DfE file's) is the
		// outturn, which its year-end month may give excluding the
		// cohorts where the year cannot be.
		k := app.SeriesKey{Ref: ind.Ref, Area: b.opt.Area}
		if w, ok := b.base.Observation(k, y); ok && !w.StandIn && w.Status == app.OK && w.Value != nil {
			all = &app.Benchmark{Ref: ind.Ref, Period: y, Group: app.OutturnGroup, Value: w.Value}
		}
	}
	if o, note, ok := b.outturnAtYearEnd(ind, y, all); ok {
		if o.Status != app.CannotExclude {
			return o, note, true
		}
		// The outturn is the month's figure, and the month's reason is
		// the outturn's.
		why := fmt.Sprintf("the %s outturn is the %s figure, which cannot be worked out %s", y.Label(), o.Period.Label(), exclusionPhrase(b.opt.Exclude))
		if o.Raw != "" {
			why += ": " + o.Raw
		}
		return app.Observation{Ref: ind.Ref, Period: y, Status: app.CannotExclude, Raw: why}, "", false
	}
	if held {
		return own, "", true // the year's own reason
	}
	return app.Observation{Ref: ind.Ref, Period: y, Status: app.CannotExclude,
		Raw: fmt.Sprintf("the %s outturn is for all children, and the history holds no figure for %s to recompute it %s",
			y.Label(), y.Label(), exclusionPhrase(b.opt.Exclude))}, "", false
}

// outturnAtYearEnd returns the figure excluding the export's cohorts for
// the last month of year y, where all, the year's outturn for all
// children, is that month's figure: a snapshot on the year's last day, a
// rolling 12 months or a year to date ending with the year is the year's
// figure. It is matched, not assumed: the month's figure for all
// children must be the outturn as shown (at the indicator's decimals),
// and the month's figure excluding the cohorts is the one the history
// holds, withheld as it is withheld in the month's column, or marked
// app.CannotExclude with the month's reason. The note says which month's
// figure stands in the outturn's column.
func (b *book) outturnAtYearEnd(ind app.Indicator, y app.Period, all *app.Benchmark) (app.Observation, string, bool) {
	switch ind.DataPeriod {
	case app.Snapshot, app.Rolling12, app.YearToDate:
	default:
		return app.Observation{}, "", false
	}
	if all == nil || all.Value == nil || all.Status != app.OK || y.IsZero() {
		return app.Observation{}, "", false
	}
	end := y.End()
	m := app.MonthOf(end.Year(), end.Month())
	k := app.SeriesKey{Ref: ind.Ref, Area: b.opt.Area}
	whole, ok := b.base.Observation(k, m)
	if !ok || whole.StandIn || whole.Value == nil || whole.Status != app.OK ||
		app.RoundTo(*whole.Value, ind.Decimals) != app.RoundTo(*all.Value, ind.Decimals) {
		return app.Observation{}, "", false
	}
	o, ok := b.h.Observation(k, m)
	if !ok || o.StandIn || (o.Status == app.OK && o.Value == nil) {
		return app.Observation{}, "", false
	}
	note := fmt.Sprintf("%s's figure %s: the %s outturn for all children is its %s figure.",
		m.Label(), exclusionPhrase(b.opt.Exclude), y.Label(), m.Label())
	return o, note, true
}

// yearEndFigure returns, for a measure whose figure at a year's last
// month is the year's (a snapshot on its last day, rolling 12 months,
// year to date), its figure for year y's last month, as shown, with a
// note saying so: given no outturn nor year's figure, the column was
// left blank though the history held it (QA27a). A monthly count or a
// measure whose data period is unsaid has no such figure.
func (b *book) yearEndFigure(ind app.Indicator, y app.Period) (app.Observation, string, bool) {
	switch ind.DataPeriod {
	case app.Snapshot, app.Rolling12, app.YearToDate:
	default:
		return app.Observation{}, "", false
	}
	if y.IsZero() {
		return app.Observation{}, "", false
	}
	end := y.End()
	m := app.MonthOf(end.Year(), end.Month())
	o, ok := b.h.Observation(app.SeriesKey{Ref: ind.Ref, Area: b.opt.Area}, m)
	if !ok || o.StandIn || (o.Status == app.OK && o.Value == nil) {
		return app.Observation{}, "", false
	}
	return o, fmt.Sprintf("%s's figure: the %s outturn of a measure whose figure at the year's end is the year's (%s).",
		m.Label(), y.Label(), dataPeriodWords(ind.DataPeriod)), true
}

// dataPeriodWords names a data period in a note, as the Guidance sheet
// does.
func dataPeriodWords(d app.DataPeriod) string {
	for _, n := range dataPeriodNotes {
		if n[0] == string(d) {
			return n[1]
		}
	}
	return string(d)
}

// yearFigure returns the history's own figure for the indicator in the
// export's area for year y: one it was given, not a stand-in.
func (b *book) yearFigure(ind app.Indicator, y app.Period) (app.Observation, bool) {
	o, ok := b.h.Observation(app.SeriesKey{Ref: ind.Ref, Area: b.opt.Area}, y)
	if ok && !o.StandIn && (o.Status != app.OK || o.Value != nil) {
		return o, true
	}
	return app.Observation{}, false
}

// targetCaption names the year the targets are for.
func (b *book) targetCaption() string {
	return "Targets " + b.yearsOf(func(ind app.Indicator) app.Period { return ind.TargetYear(b.period) })
}

// outturnCaption names the year of the previous-year outturn.
func (b *book) outturnCaption() string {
	return b.yearsOf(func(ind app.Indicator) app.Period { return ind.TargetYear(b.period).Add(-1) })
}

// yearsOf lists the distinct years the indicators' columns relate to:
// "2026/27", or "2026/27 and 2026/27 AY" when education indicators run by
// academic year.
func (b *book) yearsOf(year func(app.Indicator) app.Period) string {
	var labels []string
	seen := map[app.Period]bool{}
	for _, ind := range b.inds {
		y := year(ind)
		if !seen[y] {
			seen[y] = true
			labels = append(labels, y.Label())
		}
	}
	return strings.Join(labels, " and ")
}

// rankWords writes Kent's rank and quartile: "12 of 152 (B)"; "" for
// none.
func rankWords(rk *app.Benchmark) string {
	if rk == nil || rk.Rank <= 0 {
		return ""
	}
	s := fmt.Sprintf("%d of %d", rk.Rank, rk.OutOf)
	if rk.Quartile != "" {
		s += " (" + rk.Quartile + ")"
	}
	return s
}

// dotText writes the direction of travel as members know it, an arrow,
// with the word so that it survives printing in black and white.
func dotText(p *trend.Point) string {
	arrow := map[app.Arrow]string{app.Up: "↑", app.Down: "↓", app.Across: "→"}[p.Movement]
	if arrow == "" {
		return ""
	}
	if p.DoT != app.NoDoT {
		return arrow + " " + string(p.DoT)
	}
	return arrow + " " + p.Movement.String()
}

// judgement says in words how the figure is moving over the trend window
// and what the SPC chart makes of it (Making Data Count's variation and
// assurance readings), then what was flagged.
func judgement(ind app.Indicator, p *trend.Point) string {
	if p == nil {
		return ""
	}
	var parts []string
	switch p.Trend.Direction {
	case trend.NoTrend:
	case trend.NoClearTrend:
		parts = append(parts, fmt.Sprintf("No clear trend over %d points", p.Trend.Points))
	default:
		parts = append(parts, fmt.Sprintf("%s over %d points (by %s)",
			capital(p.Trend.Direction.String()), p.Trend.Points, app.FormatChange(ind, p.Trend.Change)))
	}
	// Making Data Count's readings, not its terms: members read "Improving:
	// 8 months in a row above the average", not "special cause (run)".
	switch {
	case p.VariationReading != "":
		parts = append(parts, strings.TrimSuffix(p.VariationReading, "."))
	case p.Signal == trend.TooFewPoints:
		parts = append(parts, "Too few points for an SPC chart")
	}
	if p.AssuranceReading != "" {
		parts = append(parts, strings.TrimSuffix(p.AssuranceReading, "."))
	}
	if c := p.Children; c != nil && !slices.Contains(p.Flags, trend.SmallNumbers) {
		// A small-numbers flag below says it already.
		parts = append(parts, "1 child = "+app.FormatPerChild(ind, c.PerChild))
	}
	for i, kind := range p.Flags {
		if kind == trend.SpecialCause || i >= len(p.FlagDetails) {
			continue
		}
		parts = append(parts, p.FlagDetails[i])
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ". ") + "."
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// neighbourModels names the statistical-neighbour models of the
// neighbour averages shown, for their column's heading: " (2025
// model)", " (2024 and 2025 models)" where indicators differ, or ""
// where no average names its model (a workbook's own column).
func (b *book) neighbourModels() string {
	var years []string
	for _, ro := range b.rows {
		if nb := ro.shown.NeighbourMean; ro.hasBM && nb != nil && nb.Model != "" && !slices.Contains(years, nb.Model) {
			years = append(years, nb.Model)
		}
	}
	slices.Sort(years)
	switch len(years) {
	case 0:
		return ""
	case 1:
		return " (" + years[0] + " model)"
	}
	return " (" + strings.Join(years[:len(years)-1], ", ") + " and " + years[len(years)-1] + " models)"
}

// benchmarkCaption heads the benchmark columns: published benchmarks count
// all children, so beside figures excluding a cohort they say so.
func (b *book) benchmarkCaption() string {
	if len(b.opt.Exclude) > 0 {
		return "Benchmarks " + allChildrenLabel
	}
	return "Benchmarks"
}

// signedChange writes a change with its sign: "+0.4 pp", "−1.3 pp",
// "no change".
func signedChange(ind app.Indicator, c *float64) string {
	switch {
	case c == nil:
		return ""
	case app.RoundTo(*c, ind.Decimals) > 0:
		return "+" + app.FormatChange(ind, *c)
	case app.RoundTo(*c, ind.Decimals) < 0:
		return "−" + app.FormatChange(ind, *c)
	}
	return "no change"
}
