package trend

import "scorecard/app"

// asDataPeriod returns the figures of a quarterly or annual measure (Data
// period Q or A) given in the columns of months as the periods they are
// for, and their kind: analysed as months, the months between would be
// "missing" and no quarter or year compared with the one before.
//
// A quarterly measure's figures must all stand in months that end
// quarters (Jun 88, Sep 92): each is its quarter. An annual measure's
// must all stand in the month its year ends, March for a financial-year
// measure and August for an academic-year one (Mar-25 70 is 2024/25), as
// a year is shown in the month it ends. A figure in any other month
// leaves the series as months, and stray is its index in obs, so that a
// missing month can say why (strayWords); stray is -1 otherwise. Such a
// figure is not moved to a quarter or year of its own: in April, a
// quarter's figure may be January to March's, reported a month later, or
// April to June's so far, and the workbook does not say which.
func asDataPeriod(ind app.Indicator, obs []app.Observation, kind app.PeriodKind) (_ []app.Observation, _ app.PeriodKind, stray int) {
	if kind != app.Month {
		return obs, kind, -1
	}
	var to func(m app.Period) (app.Period, bool)
	switch ind.DataPeriod {
	case app.QuarterPeriod:
		to = quarterEnding
	case app.Annual:
		yk := yearKind(ind)
		to = func(m app.Period) (app.Period, bool) { return yearEnding(yk, m) }
	default:
		return obs, kind, -1
	}
	var out app.PeriodKind
	for i, o := range obs {
		if o.Period.Kind != app.Month {
			continue
		}
		q, ok := to(o.Period)
		if !ok {
			return obs, kind, i
		}
		out = q.Kind
	}
	ps := make([]app.Observation, 0, len(obs))
	for _, o := range obs {
		if o.Period.Kind == app.Month {
			o.Period, _ = to(o.Period)
			ps = append(ps, o)
		}
	}
	return ps, out, -1
}

// quarterEnding returns the quarter month m ends, if it ends one.
func quarterEnding(m app.Period) (app.Period, bool) {
	if m.N%3 != 0 {
		return app.Period{}, false
	}
	return app.Period{Kind: app.Quarter, Year: m.Year, N: m.N / 3}, true
}

// yearKind is the kind of year an annual measure's figures are for: the
// year its targets are set by, financial unless it says academic.
func yearKind(ind app.Indicator) app.PeriodKind {
	if ind.YearType == app.AcademicYear {
		return app.AcademicYear
	}
	return app.FinancialYear
}

// yearEnding returns the year of kind yk that month m ends, if it ends
// one: Mar-25 ends the financial year 2024/25, Aug-25 the academic year
// 2024/25.
func yearEnding(yk app.PeriodKind, m app.Period) (app.Period, bool) {
	y := app.Period{Kind: yk, Year: m.Year - 1}
	if e := y.End(); e.Year() != m.Year || int(e.Month()) != m.N {
		return app.Period{}, false
	}
	return y, true
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
	what, word, ends := "quarter", "quarter", "Jun, Sep, Dec or Mar"
	if ind.DataPeriod == app.Annual {
		yk := yearKind(ind)
		what, word, ends = yk.Noun(), "year", app.Period{Kind: yk}.End().Month().String()
	}
	return "; its Data period is " + string(ind.DataPeriod) + ", but its figure for " + o.Period.Label() + where +
		" stands in a month that ends no " + what + ", so its figures are analysed as months and no " + word +
		" is compared with the one before: give each " + word + "'s figure in the column of the month it ends (" + ends + ")"
}
