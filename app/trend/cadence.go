package trend

import (
	"slices"
	"strconv"

	"scorecard/app"
)

// asDataPeriod returns the figures of a quarterly or annual measure (Data
// period Q or A) given in the columns of months, or of an annual one in
// quarters' columns, as the periods they are for
// (app.Indicator.FigurePeriod: Jun 88 is Apr-Jun's, Mar-25 70 and
// Jan-Mar 2025 70 are 2024/25's), and their kind: analysed as months or
// quarters, the ones between would be "missing" and no quarter or year
// compared with the one before. A figure in a month or quarter that ends
// no such period leaves the series as it is, and stray is its index in obs, so that a missing month can say
// why (strayWords); stray is -1 otherwise.
//
// all is the whole series to the same end, obs the part of it of kind:
// its figures given for the quarters or years themselves (DfE's published
// years, last year's quarterly report, a workbook's own year column) join
// the converted ones as one series, so that no year is hidden and the
// first converted year is compared with the one before (QA24a D11). Where
// both give a period, the figure in the month's (quarter's) column is
// analysed, as the import said it would be, and the other is returned in
// clashes to be said beside it, whether or not the two agree.
func asDataPeriod(ind app.Indicator, all, obs []app.Observation, kind app.PeriodKind) (_ []app.Observation, _ app.PeriodKind, stray int, clashes []Clash) {
	figurePeriod := ind.FigurePeriod
	switch {
	case kind == app.Month && (ind.DataPeriod == app.QuarterPeriod || ind.DataPeriod == app.Annual):
	case kind == app.Quarter && ind.DataPeriod == app.Annual:
		// A year's figure in a scorecard of quarters stands in the
		// quarter the year ends in (Jan-Mar 2025 is 2024/25).
	case kind == app.Month && ind.DataPeriod == app.Rolling12 && reportedQuarterly(obs):
		// A rolling year reported each quarter ("12 months to Sep-24 |
		// Dec-24 | Mar-25") stands in the months that end quarters:
		// analysed as months, the two between each would be "missing",
		// and no figure compared with the one a quarter before, so that
		// a rating turned red went unflagged. Each is analysed as the
		// quarter it runs to, as a quarterly measure's figure in that
		// month is, labelled with its twelve months
		// (app.Indicator.PeriodLabel).
		figurePeriod = app.Indicator{DataPeriod: app.QuarterPeriod}.FigurePeriod
	default:
		return obs, kind, -1, nil
	}
	var out app.PeriodKind
	for i, o := range obs {
		if o.Period.Kind != kind {
			continue
		}
		p, ok := figurePeriod(o.Period)
		if !ok {
			return obs, kind, i, nil
		}
		out = p.Kind
	}
	ps := make([]app.Observation, 0, len(obs))
	var from []app.Period // the month or quarter each of ps was given in
	for _, o := range obs {
		if o.Period.Kind == kind {
			from = append(from, o.Period)
			o.Period, _ = figurePeriod(o.Period)
			ps = append(ps, o)
		}
	}
	n := len(ps)
	for _, o := range all {
		if o.Period.Kind != out {
			continue
		}
		if i := slices.IndexFunc(ps[:n], func(c app.Observation) bool { return c.Period == o.Period }); i >= 0 {
			clashes = append(clashes, Clash{Kept: ps[i], Other: o, From: from[i]})
			continue
		}
		ps = append(ps, o)
	}
	if len(ps) > n {
		slices.SortStableFunc(ps, func(a, b app.Observation) int { return a.Period.Index() - b.Period.Index() })
	}
	return ps, out, -1, clashes
}

// reportedQuarterly reports whether a series' months are those of a
// figure reported each quarter: two or more, each ending a quarter (Jun,
// Sep, Dec, Mar). A rolling year given every month has months between.
func reportedQuarterly(obs []app.Observation) bool {
	n := 0
	for _, o := range obs {
		if o.Period.Kind != app.Month {
			continue
		}
		if o.Period.N%3 != 0 {
			return false
		}
		n++
	}
	return n >= 2
}

// Clash is a quarter or year a series gives two figures for: Kept, read
// in the column of the month or quarter From that ends it and analysed
// as the period (asDataPeriod), and Other, given for the period itself
// (DfE's published year, a workbook's own year column), which the
// analysis does not use but must not hide.
type Clash struct {
	Kept, Other app.Observation
	From        app.Period
}

// Text says the clash in words, for show and flags: "the figure in
// Mar-25's column (I0002, Scorecard!P2), 9.9, is analysed as 2024/25;
// the figure given for 2024/25 itself (I0001, ...) is 11.7 (221 / 1896):
// they disagree, check which is right". Figures that agree are said so,
// more briefly.
func (c Clash) Text(ind app.Indicator) string {
	kept := figureWords(ind, c.Kept)
	other := figureWords(ind, c.Other)
	s := "the figure in " + c.From.Label() + "'s column" + whereWords(c.Kept) + ", " + kept + ", is analysed as " + c.Kept.Period.Label() +
		"; the figure given for " + c.Other.Period.Label() + " itself" + whereWords(c.Other) + " is " + other
	if c.Agree(ind) {
		return s + ": the two agree"
	}
	return s + ": they disagree, so check which is right (give the right one in " + c.From.Label() + "'s column, or correct the other)"
}

// Agree reports whether the two figures are the same as displayed.
func (c Clash) Agree(ind app.Indicator) bool {
	a, b := c.Kept, c.Other
	switch {
	case a.Value == nil || b.Value == nil:
		return a.Value == nil && b.Value == nil && a.Status == b.Status
	}
	return app.RoundTo(*a.Value, ind.Decimals) == app.RoundTo(*b.Value, ind.Decimals)
}

// figureWords is an observation's figure, with its numerator and
// denominator where it has them: "11.7 (221 / 1896)".
func figureWords(ind app.Indicator, o app.Observation) string {
	s := observationText(ind, o.Value, o.Status, o.Raw)
	if o.Numerator != nil && o.Denominator != nil {
		s += " (" + strconv.FormatFloat(*o.Numerator, 'f', -1, 64) + " / " + strconv.FormatFloat(*o.Denominator, 'f', -1, 64) + ")"
	}
	return s
}

// whereWords is where an observation was read, " (I0002, Scorecard!P2)",
// or "" where nothing says.
func whereWords(o app.Observation) string {
	switch {
	case o.Import != "" && o.Cell != "":
		return " (" + o.Import + ", " + o.Cell + ")"
	case o.Cell != "":
		return " (" + o.Cell + ")"
	case o.Import != "":
		return " (" + o.Import + ")"
	}
	return ""
}

// Clashes returns the quarters and years series k of h gives two figures
// for, one in the column of the month (quarter) that ends it and one for
// the period itself (asDataPeriod), in period order; nil where there are
// none.
func Clashes(h *app.History, k app.SeriesKey) []Clash {
	ind, ok := h.Indicator(k.Ref)
	if !ok {
		return nil
	}
	all := h.Series(k)
	obs, kind := seriesUntil(all, app.Period{})
	_, _, _, clashes := asDataPeriod(ind, all, obs, kind)
	return clashes
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
