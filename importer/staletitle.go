package importer

import (
	"cmp"
	"fmt"

	"scorecard/app"
)

// staleTitle is why a district sheet dated by the month its title names
// is not read, and the cell to say it at, where the figures it gives that
// the sheets before it gave too (the authority's own, beside its
// districts) are not that month's but the scorecard's latest month's:
// its title left naming last month in this month's workbook ("Locality
// summary - February 2026" over March's figures). Read as the title's
// month, its districts' figures were filed over last month's, as their
// revisions, and the latest month's left empty, said only as the
// authority's figure differing from the scorecard's. Only figures whose
// title month and latest month differ on the scorecard tell the two
// apart; every one of those must agree with the latest month and none
// with the title's. "" where the sheet stands.
func (c *collector) staleTitle(l *Layout, out *sheetLog) (why, cell string) {
	if l.Kind != DistrictSheet || l.Period.Kind != app.Month {
		return "", ""
	}
	latest := c.latestPeriod()
	if latest.Kind != app.Month || latest == l.Period {
		return "", ""
	}
	var told, withLatest int
	var first string // the first total that matches the latest month's, and where
	for i := range out.figs {
		f := &out.figs[i]
		if f.flags&setAside != 0 || f.period() != l.Period {
			continue
		}
		s, ok := c.figures.series[out.keys[f.series]]
		if !ok {
			continue
		}
		ti, okT := s.get(l.Period)
		li, okL := s.get(latest)
		if !okT || !okL {
			continue
		}
		o := out.observation(f)
		atTitle, atLatest := c.decode(c.fig(ti), nil), c.decode(c.fig(li), nil)
		if o.Value == nil || atTitle.Value == nil || atLatest.Value == nil {
			continue
		}
		decimals := 1
		if ind, ok := c.indicators[o.Ref]; ok {
			decimals = ind.Decimals
		}
		if sameFigure(&atTitle, &atLatest, decimals) {
			continue // the two months alike: no sign either way
		}
		told++
		if sameFigure(&o, &atTitle, decimals) {
			return "", ""
		}
		if sameFigure(&o, &atLatest, decimals) {
			withLatest++
			if first == "" {
				first = fmt.Sprintf("%s %s %s at %s, as %s %s at %s",
					o.Ref, o.Area, describeFigure(&o), l.Sheet+"!"+place(l.Sheet, int(f.row), int(f.col)), latest.Label(), describeFigure(&atLatest), atLatest.Cell)
			}
		}
	}
	if told == 0 || withLatest != told {
		return "", ""
	}
	cell, source := cmp.Or(l.titleAt.cell, "A1"), cmp.Or(l.titleAt.source, "the month the title names")
	return fmt.Sprintf("the sheet is dated %s, %s, but its %d figures for %s that tell the two months apart are the scorecard's for %s, not %s's (%s): the title looks left from last month, and read as %s its districts' figures would replace %s's; correct the title to name %s (or, if the figures are %s's, correct them), and import again",
		l.Period.Label(), source, told, l.Period.Label(), latest.Label(), l.Period.Label(), first, l.Period.Label(), l.Period.Label(), latest.Label(), l.Period.Label()), cell
}

// titleMonthCell is the cell of the title rows of a district sheet that
// dates it: the date's, else the first that names its month, else A1.
func titleMonthCell(g *grid, l *Layout) string {
	if d := l.titleDate; d.month == l.Period && d.cell != "" {
		return d.cell
	}
	for r := 0; r < l.HeaderRow-1 && r < len(g.rows); r++ {
		for c, s := range g.rows[r] {
			if m, ok := findAsAtMonth(s, leftText(g.rows[r], c)); ok && m == l.Period {
				return cellName(r, c)
			}
		}
	}
	return "A1"
}
