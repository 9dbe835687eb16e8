package trend

import "scorecard/app"

// asDataPeriod returns the figures of a quarterly or annual measure (Data
// period Q or A) given in the columns of months, or of an annual one in
// quarters' columns, as the periods they are for
// (app.Indicator.FigurePeriod: Jun 88 is Apr-Jun's, Mar-25 70 and
// Jan-Mar 2025 70 are 2024/25's), and their kind: analysed as months or
// quarters, the ones between would be "missing" and no quarter or year
// compared with the one before. A figure in a month or quarter that ends
// no such period leaves the series as it is, and stray is its index in obs, so that a missing month can say
// why (strayWords); stray is -1 otherwise.
func asDataPeriod(ind app.Indicator, obs []app.Observation, kind app.PeriodKind) (_ []app.Observation, _ app.PeriodKind, stray int) {
	switch {
	case kind == app.Month && (ind.DataPeriod == app.QuarterPeriod || ind.DataPeriod == app.Annual):
	case kind == app.Quarter && ind.DataPeriod == app.Annual:
		// A year's figure in a scorecard of quarters stands in the
		// quarter the year ends in (Jan-Mar 2025 is 2024/25).
	default:
		return obs, kind, -1
	}
	var out app.PeriodKind
	for i, o := range obs {
		if o.Period.Kind != kind {
			continue
		}
		p, ok := ind.FigurePeriod(o.Period)
		if !ok {
			return obs, kind, i
		}
		out = p.Kind
	}
	ps := make([]app.Observation, 0, len(obs))
	for _, o := range obs {
		if o.Period.Kind == kind {
			o.Period, _ = ind.FigurePeriod(o.Period)
			ps = append(ps, o)
		}
	}
	return ps, out, -1
}

// strayWords says why a quarterly or annual measure's figures are analysed
// as months, naming where the first figure in a month that ends no
// quarter or year (asDataPeriod) was read, and how to lay them out to
// have each compared with the one before: "; its Data period is Q, but
// its figure for Apr-24 (I0001, Scorecard!G5) stands in a month that ends
// no quarter, so ...". It is "" for nil o: a series analysed as what it
// is.
func strayWords(ind app.Indicator, o *app.Observation) string {
	if o == nil {
		return ""
	}
	where := ""
	switch {
	case o.Import != "" && o.Cell != "":
		where = " (" + o.Import + ", " + o.Cell + ")"
	case o.Cell != "":
		where = " (" + o.Cell + ")"
	}
	months, what := ind.FigureMonths()
	word := "quarter"
	if ind.DataPeriod == app.Annual {
		word = "year"
	}
	col, cols := "month", "months"
	if o.Period.Kind == app.Quarter {
		col, cols, months = "quarter", "quarters", ind.FigureQuarter()
	}
	return "; its Data period is " + string(ind.DataPeriod) + ", but its figure for " + o.Period.Label() + where +
		" stands in a " + col + " that ends no " + what + ", so its figures are analysed as " + cols + " and no " + word +
		" is compared with the one before: give each " + word + "'s figure in the column of the " + col + " it ends (" + months + ")"
}

// yearsQuarter returns the period an analysis of ind to until must cut
// its figures at: until, or for an annual measure's year, the quarter
// the year ends in, whose column holds its figure in a scorecard of
// quarters (asDataPeriod). An academic year ends on 31 August, a month
// before Jul-Sep does: cut at its own end, its figure would be left out.
// A series of months is cut no later for it: a figure in September
// leaves an annual measure's months as months, analysed to a month.
func yearsQuarter(ind app.Indicator, until app.Period) app.Period {
	if !until.IsYear() || ind.DataPeriod != app.Annual {
		return until
	}
	e := until.End()
	q := app.Period{Kind: app.Quarter, Year: e.Year(), N: (int(e.Month()) + 2) / 3}
	if p, ok := ind.FigurePeriod(q); ok && p == until {
		return q
	}
	return until
}
