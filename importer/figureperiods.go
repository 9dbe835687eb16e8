package importer

import "scorecard/app"

// sayFigurePeriods says, once for an indicator's own row (obs, read from
// columns cols of row r), how the analysis will read a quarterly or
// annual measure's figures given in months' columns
// (app.Indicator.FigurePeriod), since nothing else would tell the
// officer before a flag does:
//   - a figure in a month that ends no quarter (or no year of its kind)
//     leaves them all analysed as months, with no quarter or year compared
//     with the one before: said at that figure's cell, with the months to
//     give them in. An April figure is
//     not moved to a quarter, since it may be January to March's,
//     reported a month late, or April to June's so far;
//   - an annual measure's figures all in the month its year ends are
//     analysed as those years (Mar-25 is 2024/25): a reading of the
//     figures, said at the first one's cell;
//   - likewise an annual measure's figures in quarters' columns, all in
//     the quarter its year ends in (Jan-Mar 2025 is 2024/25, Jul-Sep
//     2025 2024/25 AY), or, with one in another quarter, left quarters.
//
// A quarterly measure's figures all in quarter-end months are analysed as
// quarters, as they always were, with nothing to say.
func (s *sheetReader) sayFigurePeriods(r int, ind *rowIndicator, obs []app.Observation, cols []int) {
	def := app.Indicator{Ref: ind.ref, DataPeriod: ind.dataPeriod, YearType: ind.yearType}
	months, each := def.FigureMonths()
	if months == "" {
		return
	}
	// An annual measure's years may stand in a scorecard of quarters'
	// columns too: the columns of the row's first figure say which.
	col := app.Month
	for _, o := range obs {
		if o.Period.Kind == app.Month || o.Period.Kind == app.Quarter {
			col = o.Period.Kind
			break
		}
	}
	in, ends := months, "the month it ends"
	if col == app.Quarter {
		if def.DataPeriod != app.Annual {
			return // a quarterly measure's quarters are what they are
		}
		in, ends = def.FigureQuarter()+" quarters", "the quarter it ends in"
		months = def.FigureQuarter()
	}
	first, last := -1, -1
	for i, o := range obs {
		if o.Period.Kind != col {
			continue
		}
		if _, ok := def.FigurePeriod(o.Period); !ok {
			word := "quarter"
			if def.DataPeriod == app.Annual {
				word = "year"
			}
			s.warn(r, cols[i], "%s: Data period %s, but the figure for %s stands in a %s that ends no %s: its figures are analysed as %ss, "+
				"not %ss, none compared with the %s before; to have them analysed as %ss, give each %s's figure in the column of %s (%s)",
				ind.ref, def.DataPeriod, o.Period.Label(), col.Noun(), each, col.Noun(), word, word, word, word, ends, months)
			return
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	if first >= 0 {
		s.sayTwoFigures(r, ind.ref, def, obs, cols, col)
	}
	if first < 0 || def.DataPeriod != app.Annual {
		return
	}
	from, _ := def.FigurePeriod(obs[first].Period)
	to, _ := def.FigurePeriod(obs[last].Period)
	span := from.Label()
	if to != from {
		span += " to " + to.Label()
	}
	s.warn(r, cols[first], "%s: Data period A, and its figures stand in %s: each is analysed as the %s it ends (%s), compared with the year before",
		ind.ref, in, each, span)
}

// sayTwoFigures says, at the cell of a row's own quarter or year column,
// where it gives a figure for the period that a figure in the column of
// the month (quarter) ending it gives a different one for: "Q4 2024/25"
// 24 beside Mar-25 23. Both are kept; the analysis takes the month's and
// sets the other beside it (QA24a D11), so the officer must check which
// is right before either is circulated.
// maxDecimals compares two figures of one row as read: the row gives no
// display precision to forgive a difference by.
const maxDecimals = 9

func (s *sheetReader) sayTwoFigures(r int, ref string, def app.Indicator, obs []app.Observation, cols []int, col app.PeriodKind) {
	for i, o := range obs {
		if o.Period.Kind != col {
			continue
		}
		p, _ := def.FigurePeriod(o.Period)
		for j, own := range obs {
			if own.Period != p || sameFigure(&o, &own, maxDecimals) {
				continue
			}
			s.warn(r, cols[j], "%s: its figure for %s here, %s, disagrees with its figure in %s's column (%s), %s, which is analysed as %s: "+
				"both are kept, and show and flags set this one beside it; correct the one that is wrong",
				ref, p.Label(), describeFigure(&own), o.Period.Label(), cellName(r, cols[i]), describeFigure(&o), p.Label())
		}
	}
}
